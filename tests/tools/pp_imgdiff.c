/* pp_imgdiff: compare a rendered PNG with a reference PNG.
 *
 *   pp_imgdiff REFERENCE.png CANDIDATE.png [--diff OUT.png] [--tolerance N] [--fraction F]
 *
 * A pixel differs when any channel (R, G, B or A) differs by more than N (default 24, of 255). The
 * images match when they have the same size and at most the fraction F (default 0.002) of their
 * pixels differ. On a mismatch of same-sized images, OUT.png (if given) shows the candidate faded,
 * with the differing pixels in red. Prints the counts. Exit 0 match, 1 mismatch, 2 usage or I/O
 * error.
 */
#include <cairo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage(void)
{
    fputs("usage: pp_imgdiff REFERENCE.png CANDIDATE.png [--diff OUT.png] [--tolerance N] "
          "[--fraction F]\n",
          stderr);
    return 2;
}

static cairo_surface_t *load(const char *path)
{
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "pp_imgdiff: %s: %s\n", path,
                cairo_status_to_string(cairo_surface_status(s)));
        cairo_surface_destroy(s);
        return NULL;
    }
    /* Normalise to ARGB32 so both images are read the same way. */
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    cairo_surface_t *argb = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t *cr = cairo_create(argb);
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    cairo_surface_flush(argb);
    return argb;
}

static uint32_t pixel(cairo_surface_t *s, int x, int y)
{
    const unsigned char *row =
        cairo_image_surface_get_data(s) + (size_t)y * cairo_image_surface_get_stride(s);
    return ((const uint32_t *)(const void *)row)[x];
}

static int channel_diff(uint32_t a, uint32_t b)
{
    int max = 0;
    for (int shift = 0; shift < 32; shift += 8) {
        int d = abs((int)((a >> shift) & 0xff) - (int)((b >> shift) & 0xff));
        if (d > max) max = d;
    }
    return max;
}

/* The candidate at a quarter of its contrast over white, differing pixels in pure red. */
static int write_diff(cairo_surface_t *cand, cairo_surface_t *ref, int tolerance, const char *path)
{
    int w = cairo_image_surface_get_width(cand), h = cairo_image_surface_get_height(cand);
    cairo_surface_t *out = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t *cr = cairo_create(out);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_surface(cr, cand, 0, 0);
    cairo_paint_with_alpha(cr, 0.25);
    cairo_destroy(cr);
    cairo_surface_flush(out);
    unsigned char *data = cairo_image_surface_get_data(out);
    int stride = cairo_image_surface_get_stride(out);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            if (channel_diff(pixel(cand, x, y), pixel(ref, x, y)) > tolerance)
                ((uint32_t *)(void *)(data + (size_t)y * stride))[x] = 0xffff0000u;
    cairo_surface_mark_dirty(out);
    cairo_status_t st = cairo_surface_write_to_png(out, path);
    cairo_surface_destroy(out);
    if (st != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "pp_imgdiff: %s: %s\n", path, cairo_status_to_string(st));
        return 2;
    }
    printf("diff image: %s\n", path);
    return 0;
}

static int compare(cairo_surface_t *ref, cairo_surface_t *cand, int tolerance, double fraction,
                   const char *diff_path)
{
    int rw = cairo_image_surface_get_width(ref), rh = cairo_image_surface_get_height(ref);
    int cw = cairo_image_surface_get_width(cand), ch = cairo_image_surface_get_height(cand);
    if (rw != cw || rh != ch) {
        printf("size differs: reference %d x %d, candidate %d x %d\n", rw, rh, cw, ch);
        return 1;
    }
    long total = (long)rw * rh, differing = 0;
    int worst = 0;
    for (int y = 0; y < rh; y++)
        for (int x = 0; x < rw; x++) {
            int d = channel_diff(pixel(ref, x, y), pixel(cand, x, y));
            if (d > tolerance) differing++;
            if (d > worst) worst = d;
        }
    long limit = (long)(fraction * (double)total);
    printf("%ld of %ld pixels differ by more than %d (%.4f%%; limit %ld = %.4f%%); largest "
           "difference %d\n",
           differing, total, tolerance, 100.0 * (double)differing / (double)total, limit,
           100.0 * fraction, worst);
    if (differing <= limit) return 0;
    if (diff_path && write_diff(cand, ref, tolerance, diff_path) != 0) return 2;
    return 1;
}

int main(int argc, char **argv)
{
    const char *files[2] = {NULL, NULL}, *diff_path = NULL;
    int tolerance = 24, nfiles = 0;
    double fraction = 0.002;
    for (int i = 1; i < argc; i++) {
        char *end = NULL;
        if (strcmp(argv[i], "--diff") == 0 && i + 1 < argc) {
            diff_path = argv[++i];
        } else if (strcmp(argv[i], "--tolerance") == 0 && i + 1 < argc) {
            long t = strtol(argv[++i], &end, 10);
            if (*end || t < 0 || t > 255) return usage();
            tolerance = (int)t;
        } else if (strcmp(argv[i], "--fraction") == 0 && i + 1 < argc) {
            fraction = strtod(argv[++i], &end);
            if (*end || fraction < 0 || fraction > 1) return usage();
        } else if (argv[i][0] != '-' && nfiles < 2) {
            files[nfiles++] = argv[i];
        } else {
            return usage();
        }
    }
    if (nfiles != 2) return usage();
    cairo_surface_t *ref = load(files[0]), *cand = ref ? load(files[1]) : NULL;
    int rc = ref && cand ? compare(ref, cand, tolerance, fraction, diff_path) : 2;
    if (ref) cairo_surface_destroy(ref);
    if (cand) cairo_surface_destroy(cand);
    return rc;
}
