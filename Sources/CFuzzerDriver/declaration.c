// SwiftPM builds a C target only from a source file; this one holds just the declaration.
#include "CFuzzerDriver.h"
