/* The post-it finder of praatplaat scan (src/cli/postits.c) on synthetic notes pictures: post-its
 * that touch side by side and in a grid, of every colour, paler and more saturated than the
 * layout's, under a colour cast and light that falls off by a third, with pen strokes across paper
 * and post-its; a notes area with writing only. Counts, colours, reading order and sizes (within
 * 5% of the drawn post-it). */
#include "cli/postits.h"
#include "model/session.h"
#include "sheet_helpers.h"

#include <math.h>

/* Pixels per mm of the synthetic pictures (a 12 MP photo of an A0 poster has about 3). */
static const double K = 3;

typedef struct drawn {
    double x, y, side; /* mm */
    const char *colour;
    double saturation; /* 1: the layout's colour; more is further from white */
} drawn;

static pp_rgb colour_of(pp_layout *l, const char *name, double saturation)
{
    char key[32];
    snprintf(key, sizeof key, "postit-%s", name);
    pp_rgb c = pp_layout_colour(l, key);
    return (pp_rgb){fmax(0, 1 - (1 - c.r) * saturation), fmax(0, 1 - (1 - c.g) * saturation),
                    fmax(0, 1 - (1 - c.b) * saturation)};
}

/* Lines of "handwriting" 9 mm apart from (x, y), w mm long, over h mm: zigzags 2.5 mm high. */
static void zigzags(cairo_t *cr, double x, double y, double w, double h)
{
    for (double ly = y + 6; ly < y + h - 3; ly += 9) {
        cairo_move_to(cr, x, ly);
        for (double lx = x; lx < x + w; lx += 1.5)
            cairo_line_to(cr, lx, ly + ((int)(2 * lx / 3) % 2 ? 2.5 : 0));
        cairo_stroke(cr);
    }
}

/* A notes picture w × h mm: warm paper, the post-its, pen strokes, then the light: a cast and a
 * fall-off to the right. */
static cairo_surface_t *picture(pp_layout *l, double w, double h, const drawn *p, size_t n)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(w * K), (int)(h * K));
    cairo_t *cr = cairo_create(s);
    cairo_scale(cr, K, K);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    pp_rgb pen = pp_layout_colour(l, "pen");
    cairo_set_line_width(cr, 0.7);
    cairo_set_source_rgb(cr, pen.r, pen.g, pen.b);
    zigzags(cr, 2, 0, w - 4, h); /* writing on the paper, under the post-its */
    for (size_t i = 0; i < n; i++) {
        pp_rgb c = colour_of(l, p[i].colour, p[i].saturation);
        cairo_set_source_rgb(cr, c.r, c.g, c.b);
        cairo_rectangle(cr, p[i].x, p[i].y, p[i].side, p[i].side);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, pen.r, pen.g, pen.b); /* and on the post-it, inside its margin */
        double pad = 0.08 * p[i].side;
        zigzags(cr, p[i].x + pad, p[i].y, p[i].side - 2 * pad, p[i].side);
    }
    cairo_destroy(cr);
    cairo_surface_flush(s);
    unsigned char *px = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s), pw = cairo_image_surface_get_width(s);
    static const double cast[3] = {0.93, 0.9, 0.8};
    for (int y = 0; y < cairo_image_surface_get_height(s); y++)
        for (int x = 0; x < pw; x++) {
            guint32 *v = (guint32 *)(px + (size_t)y * (size_t)stride) + x, out = 0;
            double light = 1 - 0.35 * x / pw;
            for (int c = 0; c < 3; c++)
                out |= (guint32)lround((*v >> (16 - 8 * c) & 0xff) * light * cast[c])
                       << (16 - 8 * c);
            *v = out;
        }
    cairo_surface_mark_dirty(s);
    return s;
}

static void check(pp_layout *l, double w, double h, const drawn *p, size_t n)
{
    cairo_surface_t *s = picture(l, w, h, p, n);
    pp_found_postits f = pp_postits_find(s, K, l);
    assert_int_equal(f.n, n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(pp_postit_colours[f.at[i].colour], p[i].colour) != 0)
            fail_msg("post-it %zu: found %s, drawn %s", i + 1, pp_postit_colours[f.at[i].colour],
                     p[i].colour);
        double want = p[i].side * K;
        if (fabs(f.at[i].w / want - 1) > 0.05 || fabs(f.at[i].h / want - 1) > 0.05 ||
            fabs(f.at[i].x - p[i].x * K) > 0.05 * want ||
            fabs(f.at[i].y - p[i].y * K) > 0.05 * want)
            fail_msg("post-it %zu: found %d,%d %dx%d px, drawn %.0f,%.0f %.0f px", i + 1, f.at[i].x,
                     f.at[i].y, f.at[i].w, f.at[i].h, p[i].x * K, p[i].y * K, want);
        cairo_surface_t *cut = pp_postits_cut(s, &f.at[i]);
        assert_int_equal(cairo_image_surface_get_width(cut), f.at[i].w);
        cairo_surface_destroy(cut);
    }
    pp_postits_free(&f);
    cairo_surface_destroy(s);
}

static void postits(void **state)
{
    pp_content *c;
    pp_scene *sc = plan(*state, "content/samenwerking/nl.xml", "praatplaat", "A0", &c);
    pp_layout *l = sc->layouts[0];
    /* four in a row, each touching the next: two of one colour, then two others */
    const drawn row[] = {{10, 12, 76, "yellow", 1},
                         {86, 12, 76, "yellow", 1},
                         {162, 12, 76, "pink", 1},
                         {238, 12, 76, "orange", 1.4}};
    check(l, 330, 100, row, 4);
    /* a square of four touching post-its (split by the layout's size), and a small one apart */
    const drawn grid[] = {{20, 10, 76, "green", 1.5},
                          {96, 10, 76, "green", 1.5},
                          {190, 30, 40, "blue", 1},
                          {20, 86, 76, "green", 1.5},
                          {96, 86, 76, "green", 1.5}};
    check(l, 250, 180, grid, 5);
    /* only writing */
    check(l, 330, 100, NULL, 0);
    pp_scene_free(sc);
    pp_content_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(postits)};
    return cmocka_run_group_tests(tests, typeset_setup, typeset_teardown);
}
