#include "cli/photo.h"

#include "base/limits.h"

#include <glib.h>
#include <jpeglib.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

/* A PNG file opens with its signature and the IHDR chunk: width and height, big-endian. */
enum { PNG_SIG_LEN = 8, PNG_W_AT = 16, PNG_H_AT = 20, PNG_HEAD_LEN = 24 };
static const unsigned char png_sig[PNG_SIG_LEN] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
static const unsigned char jpeg_sig[3] = {0xff, 0xd8, 0xff};
/* Grey from colour: ITU-R BT.601 weights, in 1/1000. */
enum { W_R = 299, W_G = 587, W_B = 114, W_SUM = 1000 };

static pp_status too_big(pp_error *err, const char *path, double w, double h)
{
    return pp_error_set(err, PP_ERR_INVALID, path, 0,
                        "%.0f × %.0f pixels; a photo of at most %u million pixels is read "
                        "(docs/scanning.md)",
                        w, h, PP_MAX_PHOTO_PIXELS / 1000000u);
}

static bool size_ok(double w, double h)
{
    return w >= 1 && h >= 1 && w * h <= PP_MAX_PHOTO_PIXELS;
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
                                 pp_error *err)
{
    if (n < PNG_HEAD_LEN) {
        pp_error_set(err, PP_ERR_INVALID, path, 0, "a PNG file cut short");
        return NULL;
    }
    if (!size_ok(be32(data + PNG_W_AT), be32(data + PNG_H_AT))) {
        too_big(err, path, be32(data + PNG_W_AT), be32(data + PNG_H_AT));
        return NULL;
    }
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
                                  pp_error *err)
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
        if (!pp_error_isset(err))
            pp_error_set(err, PP_ERR_INVALID, path, 0,
                         "not a readable JPEG image (damaged or cut short)");
        return NULL;
    }
    jpeg_mem_src(&j, data, (unsigned long)n);
    jpeg_read_header(&j, TRUE);
    if (!size_ok(j.image_width, j.image_height)) {
        too_big(err, path, j.image_width, j.image_height);
        longjmp(fail.back, 1);
    }
    j.out_color_space = JCS_RGB;
    jpeg_start_decompress(&j);
    s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)j.output_width, (int)j.output_height);
    jpeg_rows(&j, s);
    jpeg_finish_decompress(&j);
    jpeg_destroy_decompress(&j);
    cairo_surface_mark_dirty(s);
    return s;
}

/* The grey values of s. */
static unsigned char *grey_of(cairo_surface_t *s, int w, int h)
{
    unsigned char *px = cairo_image_surface_get_data(s), *g = g_new(unsigned char, (size_t)w *h);
    int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < h; y++) {
        const guint32 *row = (const guint32 *)(px + (size_t)y * (size_t)stride);
        for (int x = 0; x < w; x++) {
            guint32 v = row[x];
            g[(size_t)y * w + x] = (unsigned char)(((v >> 16 & 0xff) * W_R + (v >> 8 & 0xff) * W_G +
                                                    (v & 0xff) * W_B) /
                                                   W_SUM);
        }
    }
    return g;
}

static cairo_surface_t *decode(const unsigned char *data, size_t n, const char *path, pp_error *err)
{
    if (n >= PNG_SIG_LEN && memcmp(data, png_sig, PNG_SIG_LEN) == 0)
        return load_png(data, n, path, err);
    if (n >= sizeof jpeg_sig && memcmp(data, jpeg_sig, sizeof jpeg_sig) == 0)
        return load_jpeg(data, n, path, err);
    pp_error_set(err, PP_ERR_INVALID, path, 0, "not a JPEG or PNG image");
    return NULL;
}

pp_photo *pp_photo_load(const char *path, pp_error *err)
{
    gchar *data = NULL;
    gsize n = 0;
    GError *e = NULL;
    if (!g_file_get_contents(path, &data, &n, &e)) {
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot read: %s", e->message);
        g_error_free(e);
        return NULL;
    }
    cairo_surface_t *s = NULL;
    if (n > PP_MAX_PHOTO_BYTES)
        pp_error_set(err, PP_ERR_INVALID, path, 0,
                     "%zu bytes; a photo of at most %u MiB is read (docs/scanning.md)", n,
                     PP_MAX_PHOTO_BYTES / (1024u * 1024u));
    else
        s = decode((const unsigned char *)data, n, path, err);
    g_free(data);
    if (!s) return NULL;
    cairo_surface_flush(s);
    pp_photo *p = g_new0(pp_photo, 1);
    p->w = cairo_image_surface_get_width(s);
    p->h = cairo_image_surface_get_height(s);
    p->rgb = s;
    p->grey = grey_of(s, p->w, p->h);
    return p;
}

void pp_photo_free(pp_photo *p)
{
    if (!p) return;
    cairo_surface_destroy(p->rgb);
    g_free(p->grey);
    g_free(p);
}

double pp_photo_grey(const pp_photo *p, double x, double y)
{
    if (!(x >= 0 && y >= 0 && x <= p->w - 1 && y <= p->h - 1)) return -1;
    int x0 = (int)fmin(floor(x), p->w - 2 < 0 ? 0 : p->w - 2);
    int y0 = (int)fmin(floor(y), p->h - 2 < 0 ? 0 : p->h - 2);
    int x1 = x0 + (p->w > 1), y1 = y0 + (p->h > 1);
    double fx = x - x0, fy = y - y0;
    const unsigned char *g = p->grey;
    double top = g[(size_t)y0 * p->w + x0] * (1 - fx) + g[(size_t)y0 * p->w + x1] * fx;
    double bot = g[(size_t)y1 * p->w + x0] * (1 - fx) + g[(size_t)y1 * p->w + x1] * fx;
    return top * (1 - fy) + bot * fy;
}
