#ifndef NHIPCAU_CFUZZERDRIVER_H
#define NHIPCAU_CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (LLVM 11 and later): parses libFuzzer's flags from argv and runs `callback`
/// on every input. Only linked in a build with `-sanitize=fuzzer`; `NhipCauFuzz` calls it only then.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
