#include "base/file.h"
#include "output/draw.h"
#include "output/output.h"

#include <errno.h>
#include <glib.h>
#include <math.h>
#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

/* The stream cairo writes the PNG to, and the errno of the first failed write. */
typedef struct sink {
    FILE *f;
    int error;
} sink;

static cairo_status_t to_file(void *closure, const unsigned char *data, unsigned int length)
{
    sink *k = closure;
    if (fwrite(data, 1, length, k->f) == length) return CAIRO_STATUS_SUCCESS;
    if (!k->error) k->error = errno ? errno : EIO;
    return CAIRO_STATUS_WRITE_ERROR;
}

/* "out.png" → "out-2.png" for page 2 of a longer scene. */
static char *page_path(const char *path, size_t i, size_t n)
{
    if (n == 1) return g_strdup(path);
    size_t len = strlen(path);
    bool png = len >= 4 && g_ascii_strcasecmp(path + len - 4, ".png") == 0;
    const char *dot = png ? path + len - 4 : path + len; /* "out.PNG" → "out-2.PNG" */
    return g_strdup_printf("%.*s-%zu%s", (int)(dot - path), path, i + 1, png ? dot : ".png");
}

static void png_to_file(png_structp png, png_bytep data, size_t length)
{
    if (to_file(png_get_io_ptr(png), data, (unsigned)length) != CAIRO_STATUS_SUCCESS)
        png_error(png, "write failed");
}

static void png_flush_nothing(png_structp png)
{
    (void)png;
}

/* img (RGB24) as a PNG compressed for speed: deflate's fastest level and no row filters. For
 * publish's thumbnails, where cairo's own encoder (zlib's default level, every filter tried on
 * every row) cost four fifths of a thumbnail, a fifth of all of publish's work (issue #15). */
static cairo_status_t write_fast_png(cairo_surface_t *img, sink *out)
{
    cairo_surface_flush(img);
    int w = cairo_image_surface_get_width(img), h = cairo_image_surface_get_height(img);
    int stride = cairo_image_surface_get_stride(img);
    const unsigned char *data = cairo_image_surface_get_data(img);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    png_bytep row = g_malloc((size_t)w * 3);
    cairo_status_t st = CAIRO_STATUS_WRITE_ERROR;
    if (info && setjmp(png_jmpbuf(png)) == 0) {
        png_set_write_fn(png, out, png_to_file, png_flush_nothing);
        png_set_compression_level(png, 1);
        png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
        png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
                     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
        png_write_info(png, info);
        for (int y = 0; y < h; y++) {
            const uint32_t *px =
                (const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride);
            for (int x = 0; x < w; x++) {
                row[3 * x] = (unsigned char)(px[x] >> 16);
                row[3 * x + 1] = (unsigned char)(px[x] >> 8);
                row[3 * x + 2] = (unsigned char)px[x];
            }
            png_write_row(png, row);
        }
        png_write_end(png, NULL);
        st = CAIRO_STATUS_SUCCESS;
    }
    png_destroy_write_struct(&png, info ? &info : NULL);
    g_free(row);
    return st;
}

static pp_status write_page(const pp_page *p, double dpi, bool fast, const char *path,
                            pp_error *err)
{
    double k = dpi / 25.4;
    int w = (int)ceil(p->w * k), h = (int)ceil(p->h * k);
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(img);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, k / PP_MM_PT, k / PP_MM_PT); /* pp_draw_page scales mm to pt */
    pp_draw_cache *cache = pp_draw_cache_new();
    pp_draw_page(cr, p, cache);
    pp_draw_cache_free(cache);
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    sink out = {NULL, 0};
    char *tmp = st == CAIRO_STATUS_SUCCESS ? pp_temp_beside(path, &out.f, err) : NULL;
    if (tmp)
        st = fast ? write_fast_png(img, &out)
                  : cairo_surface_write_to_png_stream(img, to_file, &out);
    cairo_surface_destroy(img);
    if (out.error) /* a full disk, not a drawing problem */
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot write: %s", strerror(out.error));
    else if (st != CAIRO_STATUS_SUCCESS)
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot render the image: %s",
                     cairo_status_to_string(st));
    return tmp ? pp_commit_file(out.f, tmp, path, err) : err->status;
}

pp_status pp_png_write(const pp_scene *s, double dpi, const char *path, pp_error *err)
{
    for (size_t i = 0; i < s->n_pages && !pp_error_isset(err); i++) {
        char *name = page_path(path, i, s->n_pages);
        write_page(&s->pages[i], dpi, false, name, err);
        g_free(name);
    }
    return err->status;
}

pp_status pp_png_thumbnail(const pp_scene *s, int width_px, const char *path, pp_error *err)
{
    if (s->n_pages == 0)
        return pp_error_set(err, PP_ERR_IO, path, 0, "cannot render the image: no pages");
    const pp_page *p = &s->pages[0];
    return write_page(p, width_px * 25.4 / p->w, true, path, err);
}
