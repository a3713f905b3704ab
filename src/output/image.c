#include "output/image.h"

#include "base/limits.h"

#include <glib.h>
#include <stdio.h> /* before jpeglib.h, which needs size_t and FILE */

#include <jpeglib.h>
#include <setjmp.h>
#include <string.h>

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
    (void)j, (void)level;
}

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

/* data (n bytes, taken: it becomes the surface's mime data) decoded; NULL when it is not a JPEG
 * of at most PP_MAX_PICTURE_PIXELS. */
static cairo_surface_t *load_jpeg(unsigned char *data, size_t n)
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
        g_free(data);
        return NULL;
    }
    jpeg_mem_src(&j, data, (unsigned long)n);
    jpeg_read_header(&j, TRUE);
    if ((double)j.image_width * j.image_height > PP_MAX_PICTURE_PIXELS) longjmp(fail.back, 1);
    j.out_color_space = JCS_RGB;
    jpeg_start_decompress(&j);
    s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)j.output_width, (int)j.output_height);
    jpeg_rows(&j, s);
    jpeg_finish_decompress(&j);
    jpeg_destroy_decompress(&j);
    cairo_surface_mark_dirty(s);
    cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, data, n, g_free, data);
    return s;
}

cairo_surface_t *pp_image_load(const char *path)
{
    static const unsigned char jpeg_sig[3] = {0xff, 0xd8, 0xff};
    gchar *data = NULL;
    gsize n = 0;
    if (!g_file_get_contents(path, &data, &n, NULL)) return NULL;
    if (n > PP_MAX_PICTURE_FILE_BYTES) {
        g_free(data);
        return NULL;
    }
    if (n >= sizeof jpeg_sig && memcmp(data, jpeg_sig, sizeof jpeg_sig) == 0)
        return load_jpeg((unsigned char *)data, n);
    g_free(data);
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) return s;
    cairo_surface_destroy(s);
    return NULL;
}
