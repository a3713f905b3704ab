#include "output/image.h"

#include "base/limits.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h> /* before jpeglib.h, which needs size_t and FILE */

#include <jpeglib.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

/* A PNG file opens with its signature and the IHDR chunk: width and height, big-endian. */
enum { PNG_SIG_LEN = 8, PNG_W_AT = 16, PNG_H_AT = 20, PNG_HEAD_LEN = 24 };
static const unsigned char png_sig[PNG_SIG_LEN] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
static const unsigned char jpeg_sig[3] = {0xff, 0xd8, 0xff};

pp_image_kind pp_image_kind_of(const unsigned char *data, size_t n)
{
    if (n >= PNG_SIG_LEN && memcmp(data, png_sig, PNG_SIG_LEN) == 0) return PP_IMAGE_PNG;
    if (n >= sizeof jpeg_sig && memcmp(data, jpeg_sig, sizeof jpeg_sig) == 0) return PP_IMAGE_JPEG;
    return PP_IMAGE_UNKNOWN;
}

const pp_image_rules pp_picture_rules = {PP_MAX_PICTURE_FILE_BYTES, PP_MAX_PICTURE_PIXELS,
                                         "a picture", "docs/session-format.md", true};

/* The caller's limit, then cairo's: an image surface has at most PP_MAX_IMAGE_SIDE pixels a side
 * (a larger one would come back as an error surface without pixels to write to). */
static bool size_allowed(const char *path, unsigned w, unsigned h, const pp_image_rules *rules,
                         pp_error *err)
{
    if (w < 1 || h < 1 || (double)w * h > rules->max_pixels) {
        pp_error_set(err, PP_ERR_INVALID, path, 0,
                     "%u × %u pixels; %s of at most %.0f million pixels is read (%s)", w, h,
                     rules->what, rules->max_pixels / 1e6, rules->see);
        return false;
    }
    if (w <= PP_MAX_IMAGE_SIDE && h <= PP_MAX_IMAGE_SIDE) return true;
    pp_error_set(err, PP_ERR_INVALID, path, 0,
                 "%u × %u pixels; an image of at most %u pixels a side is read", w, h,
                 PP_MAX_IMAGE_SIDE);
    return false;
}

static unsigned be32(const unsigned char *b)
{
    return (unsigned)b[0] << 24 | (unsigned)b[1] << 16 | (unsigned)b[2] << 8 | b[3];
}

typedef struct png_reader {
    const unsigned char *data;
    size_t n, at;
} png_reader;

static cairo_status_t png_read(void *closure, unsigned char *out, unsigned int len)
{
    png_reader *r = closure;
    if (r->n - r->at < len) return CAIRO_STATUS_READ_ERROR;
    memcpy(out, r->data + r->at, len);
    r->at += len;
    return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *load_png(const unsigned char *data, size_t n, const char *path,
                                 const pp_image_rules *rules, pp_error *err)
{
    if (n < PNG_HEAD_LEN) {
        pp_error_set(err, PP_ERR_INVALID, path, 0, "a PNG file cut short");
        return NULL;
    }
    if (!size_allowed(path, be32(data + PNG_W_AT), be32(data + PNG_H_AT), rules, err)) return NULL;
    png_reader r = {data, n, 0};
    cairo_surface_t *s = cairo_image_surface_create_from_png_stream(png_read, &r);
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) return s;
    cairo_surface_destroy(s);
    pp_error_set(err, PP_ERR_INVALID, path, 0, "not a readable PNG image (damaged or cut short)");
    return NULL;
}

typedef struct jpeg_fail {
    struct jpeg_error_mgr mgr;
    jmp_buf back;
} jpeg_fail;

static void jpeg_exit(j_common_ptr j)
{
    longjmp(((jpeg_fail *)j->err)->back, 1);
}

static void jpeg_quiet(j_common_ptr j, int level)
{
    (void)j, (void)level; /* warnings: a damaged file shows as an error or as a bad picture */
}

/* Copies the decoded rows into s (RGB24). */
static void jpeg_rows(struct jpeg_decompress_struct *j, cairo_surface_t *s)
{
    unsigned char *px = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    JSAMPLE *row = g_new(JSAMPLE, (size_t)j->output_width * 3);
    while (j->output_scanline < j->output_height) {
        guint32 *out = (guint32 *)(px + (size_t)j->output_scanline * (size_t)stride);
        jpeg_read_scanlines(j, &row, 1);
        for (JDIMENSION x = 0; x < j->output_width; x++)
            out[x] = (guint32)row[3 * x] << 16 | (guint32)row[3 * x + 1] << 8 | row[3 * x + 2];
    }
    g_free(row);
}

static cairo_surface_t *load_jpeg(const unsigned char *data, size_t n, const char *path,
                                  const pp_image_rules *rules, pp_error *err)
{
    struct jpeg_decompress_struct j;
    jpeg_fail fail;
    cairo_surface_t *volatile s = NULL;
    j.err = jpeg_std_error(&fail.mgr);
    fail.mgr.error_exit = jpeg_exit;
    fail.mgr.emit_message = jpeg_quiet;
    jpeg_create_decompress(&j);
    if (setjmp(fail.back)) {
        jpeg_destroy_decompress(&j);
        if (s) cairo_surface_destroy(s);
        /* the first error wins: a refusal by size_ok stays */
        pp_error_set(err, PP_ERR_INVALID, path, 0,
                     "not a readable JPEG image (damaged or cut short)");
        return NULL;
    }
    jpeg_mem_src(&j, data, (unsigned long)n);
    jpeg_read_header(&j, TRUE);
    if (!size_allowed(path, j.image_width, j.image_height, rules, err)) longjmp(fail.back, 1);
    j.out_color_space = JCS_RGB;
    jpeg_start_decompress(&j);
    s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)j.output_width, (int)j.output_height);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) longjmp(fail.back, 1);
    jpeg_rows(&j, s);
    jpeg_finish_decompress(&j);
    jpeg_destroy_decompress(&j);
    cairo_surface_mark_dirty(s);
    return s;
}

cairo_surface_t *pp_image_decode(const unsigned char *data, size_t n, const char *path,
                                 const pp_image_rules *rules, pp_error *err)
{
    switch (pp_image_kind_of(data, n)) {
    case PP_IMAGE_PNG:
        return load_png(data, n, path, rules, err);
    case PP_IMAGE_JPEG:
        return load_jpeg(data, n, path, rules, err);
    case PP_IMAGE_UNKNOWN:
        break;
    }
    pp_error_set(err, PP_ERR_INVALID, path, 0, "not a JPEG or PNG image");
    return NULL;
}

/* path read whole into *data (n bytes, g_free it), unless its size says it is too large: a larger
 * regular file is refused before it is read, whatever else is checked after. */
static bool read_file(const char *path, const pp_image_rules *rules, gchar **data, gsize *n,
                      pp_error *err)
{
    GStatBuf st;
    GError *e = NULL;
    *n = g_stat(path, &st) == 0 && S_ISREG(st.st_mode) ? (gsize)st.st_size : 0;
    if (*n <= rules->max_bytes && !g_file_get_contents(path, data, n, &e)) {
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot read: %s", e->message);
        g_error_free(e);
        return false;
    }
    if (*n <= rules->max_bytes) return true;
    pp_error_set(err, PP_ERR_INVALID, path, 0, "%zu bytes; %s of at most %zu MiB is read (%s)", *n,
                 rules->what, rules->max_bytes / (1024u * 1024u), rules->see);
    g_free(*data);
    *data = NULL;
    return false;
}

cairo_surface_t *pp_image_load(const char *path, const pp_image_rules *rules, pp_error *err)
{
    gchar *data = NULL;
    gsize n = 0;
    if (!read_file(path, rules, &data, &n, err)) return NULL;
    cairo_surface_t *s = pp_image_decode((const unsigned char *)data, n, path, rules, err);
    if (s && rules->keep_jpeg && pp_image_kind_of((const unsigned char *)data, n) == PP_IMAGE_JPEG)
        cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, (unsigned char *)data, n, g_free,
                                    data);
    else
        g_free(data);
    return s;
}

/* One row of img as RGB bytes into row. */
static void rgb_row(const unsigned char *data, int stride, int w, int y, JSAMPROW row)
{
    const uint32_t *px = (const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride);
    for (int x = 0; x < w; x++) {
        row[3 * x] = (JSAMPLE)(px[x] >> 16);
        row[3 * x + 1] = (JSAMPLE)(px[x] >> 8);
        row[3 * x + 2] = (JSAMPLE)px[x];
    }
}

pp_status pp_image_write_jpeg(cairo_surface_t *img, const char *path, int quality, pp_error *err)
{
    FILE *f = g_fopen(path, "wb");
    if (!f) return pp_error_set(err, PP_ERR_IO, path, 0, "cannot write: %s", g_strerror(errno));
    cairo_surface_flush(img);
    int w = cairo_image_surface_get_width(img), h = cairo_image_surface_get_height(img);
    int stride = cairo_image_surface_get_stride(img);
    const unsigned char *data = cairo_image_surface_get_data(img);
    struct jpeg_compress_struct j;
    jpeg_fail fail;
    j.err = jpeg_std_error(&fail.mgr);
    fail.mgr.error_exit = jpeg_exit;
    fail.mgr.emit_message = jpeg_quiet;
    JSAMPROW row = g_malloc((size_t)w * 3);
    jpeg_create_compress(&j);
    volatile bool ok = false; /* read after a longjmp */
    if (setjmp(fail.back) == 0) {
        jpeg_stdio_dest(&j, f);
        j.image_width = (JDIMENSION)w, j.image_height = (JDIMENSION)h;
        j.input_components = 3, j.in_color_space = JCS_RGB;
        jpeg_set_defaults(&j);
        jpeg_set_quality(&j, quality, TRUE);
        jpeg_start_compress(&j, TRUE);
        for (int y = 0; y < h; y++) {
            rgb_row(data, stride, w, y, row);
            jpeg_write_scanlines(&j, &row, 1);
        }
        jpeg_finish_compress(&j);
        ok = true;
    }
    jpeg_destroy_compress(&j);
    g_free(row);
    if (fclose(f) != 0) ok = false;
    return ok ? PP_OK
              : pp_error_set(err, PP_ERR_IO, path, 0, "cannot write: %s", g_strerror(errno));
}
