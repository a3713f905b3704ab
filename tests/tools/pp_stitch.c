/* pp_stitch: pastes the tiles of `render --tile` back together and compares them with the poster.
 *
 *   pp_stitch POSTER.png TILE_PREFIX POSTER_PAPER TILE_PAPER MARGIN OVERLAP DPI [SHIFT_MM]
 *
 * POSTER.png is the poster's page rendered at DPI (pdftoppm -r DPI), in the poster's orientation;
 * TILE_PREFIX-NN.png are the tiles' pages at the same DPI (NN the PDF page: the map is page 1, so
 * tiles start at 02). The grid comes from model/tiling.h. Each tile's printable area is pasted at
 * its offset, in glue order (each later tile over the earlier ones); where the printable areas
 * cover the poster the result must equal the poster within the tolerance: a pixel differs when a
 * channel differs by more than 64 of 255, and at most 0.3 % may differ (the halves of the alignment
 * crosses that show at the seams). Each tile is pasted from one pixel inside its cut line. SHIFT_MM
 * moves every paste by that much, for the control test that proves a misplaced tile fails. Writes
 * stitched.png and stitch-diff.png (differing pixels in red) into the current directory. Exit 0
 * when equal, 1 when not, 2 on bad usage. */
#include "model/paper.h"
#include "model/tiling.h"

#include <cairo.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static const int channel_tolerance = 64;
static const double max_share = 0.003;

static cairo_surface_t *load(const char *path)
{
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "pp_stitch: cannot read %s\n", path);
        exit(2);
    }
    return s;
}

static bool differs(uint32_t a, uint32_t b)
{
    for (int shift = 0; shift < 24; shift += 8) {
        int x = (int)((a >> shift) & 0xff), y = (int)((b >> shift) & 0xff);
        if (abs(x - y) > channel_tolerance) return true;
    }
    return false;
}

/* The share of pixels of a and b (same size) that differ; b's differing pixels turn red. */
static double compare(cairo_surface_t *a, cairo_surface_t *b)
{
    cairo_surface_flush(b);
    int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
    unsigned char *pa = cairo_image_surface_get_data(a), *pb = cairo_image_surface_get_data(b);
    long bad = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            if (differs(((uint32_t *)(pa + y * sa))[x], ((uint32_t *)(pb + y * sb))[x])) {
                ((uint32_t *)(pb + y * sb))[x] = 0xff0000;
                bad++;
            }
    cairo_surface_mark_dirty(b);
    return (double)bad / ((double)w * h);
}

int main(int argc, char **argv)
{
    if (argc < 8) {
        fprintf(stderr, "usage: pp_stitch POSTER.png TILE_PREFIX POSTER_PAPER TILE_PAPER MARGIN "
                        "OVERLAP DPI [SHIFT_MM]\n");
        return 2;
    }
    cairo_surface_t *poster = load(argv[1]);
    const pp_paper *pp = pp_paper_find(argv[3]), *tp = pp_paper_find(argv[4]);
    double margin = atof(argv[5]), overlap = atof(argv[6]), k = atof(argv[7]) / 25.4;
    double shift = argc > 8 ? atof(argv[8]) : 0;
    int pw = cairo_image_surface_get_width(poster), ph = cairo_image_surface_get_height(poster);
    bool wide = pw > ph;
    pp_tile_grid g;
    if (!pp || !tp ||
        !pp_tile_grid_plan(wide ? pp->h : pp->w, wide ? pp->w : pp->h, tp->w, tp->h, margin,
                           overlap, &g))
        return fprintf(stderr, "pp_stitch: no grid\n"), 2;
    cairo_surface_t *out = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
    cairo_t *cr = cairo_create(out);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    for (int i = 0; i < pp_tile_grid_count(&g); i++) {
        pp_tile t = pp_tile_grid_at(&g, i);
        char path[4096];
        snprintf(path, sizeof path, "%s-%02d.png", argv[2], i + 2);
        cairo_surface_t *tile = load(path);
        double dx = (t.x + shift - margin) * k, dy = (t.y + shift - margin) * k;
        cairo_save(cr);
        /* Cut just inside the dashed cut line, as one does with scissors. */
        double cx = round((t.x + shift) * k) + t.left, cy = round((t.y + shift) * k) + t.top;
        cairo_rectangle(cr, cx, cy, round(t.w * k) - t.left, round(t.h * k) - t.top);
        cairo_clip(cr);
        cairo_set_source_surface(cr, tile, round(dx), round(dy));
        cairo_paint(cr);
        cairo_restore(cr);
        cairo_surface_destroy(tile);
    }
    cairo_destroy(cr);
    cairo_surface_write_to_png(out, "stitched.png");
    double share = compare(poster, out);
    cairo_surface_write_to_png(out, "stitch-diff.png");
    printf("%d tiles, %.3f %% of the pixels differ (at most %.3f %%)\n", pp_tile_grid_count(&g),
           100 * share, 100 * max_share);
    cairo_surface_destroy(out);
    cairo_surface_destroy(poster);
    return share <= max_share ? 0 : 1;
}
