/* pp_photo IN.png OUT.jpg [--long PX] [--rotate DEG] [--keystone SHARE] [--blur R] [--noise N]
 *          [--shade SHARE] [--quality Q] [--seed S] [--cast SHARE] [--cover K] [--from X0]
 *          [--to X1]
 * Makes a synthetic phone photo of a rendered sheet (tests/e2e/scan.sh): the sheet, filling most of
 * a frame whose long side is PX pixels, on a dark table, turned by DEG degrees, its far edge made
 * narrower by SHARE of its width (perspective), blurred by a box of radius R (twice), with uniform
 * noise of ±N grey levels, lit unevenly (darker by up to SHARE from left to right), saved as a JPEG
 * of quality Q. --cast makes the light yellow (blue weaker by SHARE, green by half as much);
 * --cover K lays a hand (a skin-coloured square a tenth of the sheet's short side) on corner K (0
 * top left, 1 top right, 2 bottom left, 3 bottom right); --from/--to photograph only the part of
 * the sheet between X0 and X1 (shares of its width), as one half of a sheet taken in two photos.
 * Deterministic for a seed. */
#include <cairo.h>
#include <stdio.h> /* before jpeglib.h, which needs size_t and FILE */

#include <jpeglib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct params {
    double long_px, rotate, keystone, blur, noise, shade, quality, seed, cast, cover, from, to;
} params;

/* Solves a x = b (8 × 8) in place. */
static int solve8(double *a, double *b)
{
    enum { N = 8 };
    for (int c = 0; c < N; c++) {
        int best = c;
        for (int r = c + 1; r < N; r++)
            if (fabs(a[r * N + c]) > fabs(a[best * N + c])) best = r;
        if (fabs(a[best * N + c]) < 1e-15) return 0;
        for (int k = 0; k < N; k++) {
            double t = a[c * N + k];
            a[c * N + k] = a[best * N + k], a[best * N + k] = t;
        }
        double t = b[c];
        b[c] = b[best], b[best] = t;
        for (int r = 0; r < N; r++) {
            if (r == c) continue;
            double f = a[r * N + c] / a[c * N + c];
            for (int k = c; k < N; k++)
                a[r * N + k] -= f * a[c * N + k];
            b[r] -= f * b[c];
        }
    }
    for (int c = 0; c < N; c++)
        b[c] /= a[c * N + c];
    return 1;
}

/* h maps the 4 points from[] to to[] (x, y pairs). */
static int homography(const double *from, const double *to, double *h)
{
    double a[64] = {0};
    for (int i = 0; i < 4; i++) {
        double x = from[2 * i], y = from[2 * i + 1], u = to[2 * i], v = to[2 * i + 1];
        double r0[8] = {x, y, 1, 0, 0, 0, -u * x, -u * y},
               r1[8] = {0, 0, 0, x, y, 1, -v * x, -v * y};
        memcpy(a + 16 * i, r0, sizeof r0);
        memcpy(a + 16 * i + 8, r1, sizeof r1);
        h[2 * i] = u, h[2 * i + 1] = v;
    }
    return solve8(a, h);
}

static double rnd(unsigned long *s)
{
    *s = *s * 6364136223846793005ul + 1442695040888963407ul;
    return (double)(*s >> 11) / 9007199254740992.0;
}

static void box_blur(double *img, int w, int h, int r)
{
    double *tmp = malloc(sizeof(double) * (size_t)(w > h ? w : h));
    for (int pass = 0; pass < 2; pass++) {
        for (int y = 0; y < h; y++) { /* rows */
            for (int x = 0; x < w; x++) {
                double s = 0;
                int n = 0;
                for (int k = x - r; k <= x + r; k++)
                    if (k >= 0 && k < w) s += img[(size_t)y * w + k], n++;
                tmp[x] = s / n;
            }
            memcpy(img + (size_t)y * w, tmp, sizeof(double) * (size_t)w);
        }
        for (int x = 0; x < w; x++) { /* columns */
            for (int y = 0; y < h; y++) {
                double s = 0;
                int n = 0;
                for (int k = y - r; k <= y + r; k++)
                    if (k >= 0 && k < h) s += img[(size_t)k * w + x], n++;
                tmp[y] = s / n;
            }
            for (int y = 0; y < h; y++)
                img[(size_t)y * w + x] = tmp[y];
        }
    }
    free(tmp);
}

/* A hand on corner k of the sheet: a skin-coloured square, a tenth of the short side. */
static void cover(cairo_surface_t *s, int k)
{
    double w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    double side = 0.1 * (w < h ? w : h);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 0.78, 0.62, 0.51);
    cairo_rectangle(cr, k % 2 ? w - side : 0, k / 2 ? h - side : 0, side, side);
    cairo_fill(cr);
    cairo_destroy(cr);
    cairo_surface_flush(s);
}

static double channel(cairo_surface_t *s, double u, double v, int shift)
{
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int x = (int)floor(u), y = (int)floor(v);
    if (x < 0 || y < 0 || x >= w - 1 || y >= h - 1) return -1;
    const unsigned char *d = cairo_image_surface_get_data(s);
    int st = cairo_image_surface_get_stride(s);
    double fx = u - x, fy = v - y, px[4];
    for (int i = 0; i < 4; i++) {
        const unsigned int *row = (const unsigned int *)(d + (size_t)(y + i / 2) * st);
        px[i] = (row[x + i % 2] >> shift) & 0xff;
    }
    return (px[0] * (1 - fx) + px[1] * fx) * (1 - fy) + (px[2] * (1 - fx) + px[3] * fx) * fy;
}

int main(int argc, char **argv)
{
    params p = {4000, 0, 0, 0, 0, 0, 90, 1, 0, -1, 0, 1};
    if (argc < 3) return fprintf(stderr, "usage: pp_photo IN.png OUT.jpg [options]\n"), 2;
    for (int i = 3; i + 1 < argc; i += 2) {
        double v = atof(argv[i + 1]);
        const char *o = argv[i];
        if (!strcmp(o, "--long"))
            p.long_px = v;
        else if (!strcmp(o, "--rotate"))
            p.rotate = v;
        else if (!strcmp(o, "--keystone"))
            p.keystone = v;
        else if (!strcmp(o, "--blur"))
            p.blur = v;
        else if (!strcmp(o, "--noise"))
            p.noise = v;
        else if (!strcmp(o, "--shade"))
            p.shade = v;
        else if (!strcmp(o, "--quality"))
            p.quality = v;
        else if (!strcmp(o, "--seed"))
            p.seed = v;
        else if (!strcmp(o, "--cast"))
            p.cast = v;
        else if (!strcmp(o, "--cover"))
            p.cover = v;
        else if (!strcmp(o, "--from"))
            p.from = v;
        else if (!strcmp(o, "--to"))
            p.to = v;
        else
            return fprintf(stderr, "pp_photo: unknown option %s\n", o), 2;
    }
    cairo_surface_t *src = cairo_image_surface_create_from_png(argv[1]);
    if (cairo_surface_status(src)) return fprintf(stderr, "pp_photo: cannot read %s\n", argv[1]), 1;
    cairo_surface_flush(src);
    double full_w = cairo_image_surface_get_width(src), sh = cairo_image_surface_get_height(src);
    if (p.cover >= 0) cover(src, (int)p.cover);
    double x0 = p.from * full_w, sw = (p.to - p.from) * full_w; /* the part photographed */
    int w = (int)p.long_px, h = (int)(p.long_px * (sw < sh ? sw / sh : sh / sw));
    if (sw < sh) {
        int t = w;
        w = h;
        h = t;
    }
    /* the sheet's corners in the photo: fitted to 86% of the frame, keystoned, turned */
    double fit = 0.86 * fmin(w / sw, h / sh), a = p.rotate * 3.14159265358979323846 / 180,
           cx = w / 2.0, cy = h / 2.0;
    double hw = sw * fit / 2, hh = sh * fit / 2, k = p.keystone * hw;
    double local[8] = {-hw + k, -hh, hw - k, -hh, hw, hh, -hw, hh}, to[8];
    double ca = fabs(cos(a)), sa = fabs(sin(a)); /* the turned sheet still fits the frame */
    double scale = fmin(
        1, fmin(w * 0.93 / (2 * hw * ca + 2 * hh * sa), h * 0.93 / (2 * hw * sa + 2 * hh * ca)));
    for (int i = 0; i < 4; i++) {
        double x = local[2 * i] * scale, y = local[2 * i + 1] * scale;
        to[2 * i] = cx + x * cos(a) - y * sin(a);
        to[2 * i + 1] = cy + x * sin(a) + y * cos(a);
    }
    double from[8] = {x0, 0, x0 + sw, 0, x0 + sw, sh, x0, sh}, hm[8];
    if (!homography(to, from, hm)) return fprintf(stderr, "pp_photo: degenerate\n"), 1;
    double *img[3];
    unsigned long seed = (unsigned long)p.seed;
    for (int c = 0; c < 3; c++)
        img[c] = malloc(sizeof(double) * (size_t)w * h);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            double d = hm[6] * x + hm[7] * y + 1;
            double u = (hm[0] * x + hm[1] * y + hm[2]) / d, v = (hm[3] * x + hm[4] * y + hm[5]) / d;
            for (int c = 0; c < 3; c++) {
                double val = channel(src, u, v, 16 - 8 * c);
                img[c][(size_t)y * w + x] = val < 0 ? 55 + 10 * c : val;
            }
        }
    for (int c = 0; c < 3; c++)
        if (p.blur > 0) box_blur(img[c], w, h, (int)p.blur);
    FILE *f = fopen(argv[2], "wb");
    if (!f) return fprintf(stderr, "pp_photo: cannot write %s\n", argv[2]), 1;
    struct jpeg_compress_struct j;
    struct jpeg_error_mgr e;
    j.err = jpeg_std_error(&e);
    jpeg_create_compress(&j);
    jpeg_stdio_dest(&j, f);
    j.image_width = (JDIMENSION)w, j.image_height = (JDIMENSION)h;
    j.input_components = 3, j.in_color_space = JCS_RGB;
    jpeg_set_defaults(&j);
    jpeg_set_quality(&j, (int)p.quality, TRUE);
    jpeg_start_compress(&j, TRUE);
    unsigned char *row = malloc((size_t)w * 3);
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            double light = 1 - p.shade * x / w, n = p.noise * (2 * rnd(&seed) - 1);
            for (int c = 0; c < 3; c++) {
                double tint = c == 2 ? 1 - p.cast : c == 1 ? 1 - p.cast / 2 : 1;
                double v = img[c][(size_t)y * w + x] * light * tint + n;
                row[3 * x + c] = (unsigned char)(v < 0 ? 0 : v > 255 ? 255 : v);
            }
        }
        jpeg_write_scanlines(&j, &row, 1);
    }
    jpeg_finish_compress(&j);
    jpeg_destroy_compress(&j);
    fclose(f);
    free(row);
    for (int c = 0; c < 3; c++)
        free(img[c]);
    cairo_surface_destroy(src);
    return 0;
}
