#include "cli/photo.h"

#include "base/limits.h"
#include "output/image.h"

#include <glib.h>
#include <math.h>

/* Grey from colour: ITU-R BT.601 weights, in 1/1000. */
enum { W_R = 299, W_G = 587, W_B = 114, W_SUM = 1000 };

/* Checked from the file's size and header, before it is read whole or decoded. */
static const pp_image_rules photo_rules = {PP_MAX_PHOTO_BYTES, PP_MAX_PHOTO_PIXELS, "a photo",
                                           "docs/scanning.md", false};

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

pp_photo *pp_photo_load(const char *path, pp_error *err)
{
    cairo_surface_t *s = pp_image_load(path, &photo_rules, err);
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
