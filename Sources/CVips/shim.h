// libvips' calls take their options as variadic arguments ending in NULL, which Swift cannot
// call; these fixed-argument wrappers are the only ones NhipCauMedia uses.
#include <vips/vips.h>

static inline void nhipcau_quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {}

static inline GLogWriterOutput nhipcau_quiet_writer(GLogLevelFlags level, const GLogField *fields, gsize count, gpointer data) {
    if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) return g_log_writer_default(level, fields, count, data);
    return G_LOG_WRITER_HANDLED;
}

/// Once per process. One thread per image (the build runs images on both cores), no operation
/// cache (every image is seen once), and libvips' loaders it marks untrusted are refused.
static inline int nhipcau_vips_start(void) {
    g_log_set_writer_func(nhipcau_quiet_writer, NULL, NULL);
    if (VIPS_INIT("nhipcau")) return -1;
    // A damaged file is said in our words, at the line that uses it; libvips' own warnings
    // ("error in tile 0 x 232") would only be noise between them.
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG, nhipcau_quiet, NULL);
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
    vips_block_untrusted_set(TRUE);
    return 0;
}

static inline const char *nhipcau_vips_loader(const void *bytes, size_t length) {
    return vips_foreign_find_load_buffer(bytes, length);
}

/// The header only: width, height, orientation. No pixel is decoded.
static inline VipsImage *nhipcau_vips_header(const void *bytes, size_t length) {
    return vips_image_new_from_buffer(bytes, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
}

static inline int nhipcau_vips_orientation(VipsImage *image) {
    int orientation = 1;
    if (vips_image_get_typeof(image, VIPS_META_ORIENTATION)) vips_image_get_int(image, VIPS_META_ORIENTATION, &orientation);
    return orientation;
}

static inline int nhipcau_vips_pages(VipsImage *image) {
    int pages = 1;
    if (vips_image_get_typeof(image, VIPS_META_N_PAGES)) vips_image_get_int(image, VIPS_META_N_PAGES, &pages);
    return pages;
}

/// Decoded with shrink-on-load, turned upright, an embedded ICC profile converted to sRGB.
/// `crop`: exactly width × height, cut around the centre; else at most width wide, never enlarged.
/// A truncated file is an error, not a grey bottom.
static inline VipsImage *nhipcau_vips_thumbnail(const void *bytes, size_t length, int width, int height, int crop) {
    VipsImage *out = NULL;
    if (vips_thumbnail_buffer((void *)bytes, length, &out, width, "height", height,
                              "size", crop ? VIPS_SIZE_BOTH : VIPS_SIZE_DOWN,
                              "crop", crop ? VIPS_INTERESTING_CENTRE : VIPS_INTERESTING_NONE,
                              "option_string", "fail_on=truncated", NULL)) return NULL;
    return out;
}

/// A smaller copy of an image already decoded into memory.
static inline VipsImage *nhipcau_vips_resize(VipsImage *image, int width) {
    VipsImage *out = NULL;
    if (vips_thumbnail_image(image, &out, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "no_rotate", TRUE, NULL)) return NULL;
    return out;
}

/// On white, for formats without transparency.
static inline VipsImage *nhipcau_vips_flatten(VipsImage *image) {
    VipsImage *out = NULL;
    VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
    int failed = vips_flatten(image, &out, "background", white, NULL);
    vips_area_unref(VIPS_AREA(white));
    return failed ? NULL : out;
}

/// The pixels alone, decoded into memory, in a new image that has no metadata at all: libvips
/// 8.14's WebP writer ignores `strip` and would copy EXIF (GPS included), XMP and ICC.
static inline VipsImage *nhipcau_vips_pixels_only(VipsImage *image) {
    size_t size = 0;
    void *data = vips_image_write_to_memory(image, &size);
    if (!data) return NULL;
    VipsImage *out = vips_image_new_from_memory_copy(data, size, vips_image_get_width(image), vips_image_get_height(image),
                                                     vips_image_get_bands(image), vips_image_get_format(image));
    g_free(data);
    return out;
}

enum { NHIPCAU_JPEG = 0, NHIPCAU_WEBP = 1, NHIPCAU_PNG = 2 };

/// Encoded with every piece of metadata stripped: EXIF, XMP, IPTC, ICC, comments.
static inline int nhipcau_vips_save(VipsImage *image, int format, int quality, void **bytes, size_t *length) {
    switch (format) {
    case NHIPCAU_JPEG:
        return vips_jpegsave_buffer(image, bytes, length, "Q", quality, "strip", TRUE,
                                    "optimize_coding", TRUE, "interlace", TRUE, NULL);
    case NHIPCAU_WEBP:
        return vips_webpsave_buffer(image, bytes, length, "Q", quality, "strip", TRUE, NULL);
    default:
        return vips_pngsave_buffer(image, bytes, length, "strip", TRUE, NULL);
    }
}

static inline void nhipcau_vips_unref(VipsImage *image) { g_object_unref(image); }

static inline void nhipcau_free(void *pointer) { g_free(pointer); }

/// Hex SHA-256, for cache keys; free with nhipcau_free.
static inline char *nhipcau_sha256(const void *bytes, size_t length) {
    return g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, length);
}

static inline const char *nhipcau_vips_error(void) { return vips_error_buffer(); }
static inline void nhipcau_vips_error_clear(void) { vips_error_clear(); }
