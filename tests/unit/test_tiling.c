/* The tile grid of render --tile (model/tiling.c): every point of the poster lies in the printable
 * area of at least one tile, neighbours overlap by exactly the overlap asked for, and the number of
 * sheets is the formula's, in the orientation that needs fewer, for A0, A1 and A2 onto A4 and A3.
 */
#include "helpers.h"
#include "model/paper.h"
#include "model/tiling.h"

#include <math.h>

enum { MARGIN = 6, OVERLAP = 10 };

static pp_tile_grid grid(const char *poster, const char *sheet, double margin, double overlap)
{
    const pp_paper *p = pp_paper_find(poster), *s = pp_paper_find(sheet);
    pp_tile_grid g;
    assert_true(pp_tile_grid_plan(p->w, p->h, s->w, s->h, margin, overlap, &g));
    return g;
}

/* Sheets needed along one side, written out as the issue states it. */
static int formula(double poster, double sheet, double margin, double overlap)
{
    double print = sheet - 2 * margin;
    return poster <= print ? 1 : (int)ceil((poster - overlap) / (print - overlap));
}

static int count_in(const char *poster, const char *sheet, bool landscape)
{
    const pp_paper *p = pp_paper_find(poster), *s = pp_paper_find(sheet);
    double sw = landscape ? s->h : s->w, sh = landscape ? s->w : s->h;
    return formula(p->w, sw, MARGIN, OVERLAP) * formula(p->h, sh, MARGIN, OVERLAP);
}

static void page_counts_follow_the_formula(void **state)
{
    (void)state;
    static const struct {
        const char *poster, *sheet;
        int portrait, landscape;
        bool takes_landscape;
    } cases[] = {
        {"A0", "A4", 25, 28, false}, {"A0", "A3", 12, 15, false}, {"A1", "A4", 16, 15, true},
        {"A1", "A3", 9, 8, true},    {"A2", "A4", 9, 8, true},    {"A2", "A3", 4, 6, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(count_in(cases[i].poster, cases[i].sheet, false), cases[i].portrait);
        assert_int_equal(count_in(cases[i].poster, cases[i].sheet, true), cases[i].landscape);
        pp_tile_grid g = grid(cases[i].poster, cases[i].sheet, MARGIN, OVERLAP);
        int want = cases[i].takes_landscape ? cases[i].landscape : cases[i].portrait;
        assert_int_equal(pp_tile_grid_count(&g), want);
        assert_int_equal(g.landscape, cases[i].takes_landscape);
        assert_true(g.landscape ? g.sheet_w > g.sheet_h : g.sheet_w < g.sheet_h);
    }
}

static bool covered(const pp_tile_grid *g, double x, double y)
{
    for (int i = 0; i < pp_tile_grid_count(g); i++) {
        pp_tile t = pp_tile_grid_at(g, i);
        if (x >= t.x && x <= t.x + t.w && y >= t.y && y <= t.y + t.h) return true;
    }
    return false;
}

/* Every point on a 1 mm raster and along the poster's far edges lies in a printable area. */
static void check_coverage(const pp_tile_grid *g)
{
    for (double x = 0; x <= g->poster_w + 1; x += 1)
        for (double y = 0; y <= g->poster_h + 1; y += 1) {
            double px = fmin(x, g->poster_w), py = fmin(y, g->poster_h);
            if (!covered(g, px, py)) fail_msg("(%g, %g) mm is on no tile", px, py);
        }
}

/* Right and lower neighbours share exactly the overlap; no tile starts past the poster. */
static void check_overlaps(const pp_tile_grid *g, double overlap)
{
    for (int i = 0; i < pp_tile_grid_count(g); i++) {
        pp_tile t = pp_tile_grid_at(g, i);
        assert_int_equal(t.number, i + 1);
        assert_true(t.x < g->poster_w && t.y < g->poster_h);
        assert_true(t.w <= g->sheet_w - 2 * g->margin + 1e-9);
        if (t.right) {
            pp_tile r = pp_tile_grid_at(g, i + 1);
            assert_int_equal(r.row, t.row);
            assert_true(fabs(t.x + t.w - r.x - overlap) < 1e-9);
            assert_true(r.left);
        }
        if (t.bottom) {
            pp_tile b = pp_tile_grid_at(g, i + g->cols);
            assert_int_equal(b.col, t.col);
            assert_true(fabs(t.y + t.h - b.y - overlap) < 1e-9);
            assert_true(b.top);
        }
        assert_int_equal(t.right, t.col + 1 < g->cols);
        assert_int_equal(t.bottom, t.row + 1 < g->rows);
    }
}

static void every_point_is_printed_and_overlaps_are_exact(void **state)
{
    (void)state;
    const char *posters[] = {"A0", "A1", "A2"}, *sheets[] = {"A4", "A3"};
    const double overlaps[] = {0, 10, 25}, margins[] = {0, 6, 15};
    for (size_t p = 0; p < 3; p++)
        for (size_t s = 0; s < 2; s++)
            for (size_t k = 0; k < 3; k++) {
                pp_tile_grid g = grid(posters[p], sheets[s], margins[k], overlaps[k]);
                check_coverage(&g);
                check_overlaps(&g, overlaps[k]);
            }
    /* Both orientations, whichever is chosen. */
    const pp_paper *a0 = pp_paper_find("A0"), *a4 = pp_paper_find("A4");
    for (int l = 0; l < 2; l++) {
        pp_tile_grid g;
        assert_true(pp_tile_grid_oriented(a0->w, a0->h, a4->w, a4->h, l, MARGIN, OVERLAP, &g));
        check_coverage(&g);
        check_overlaps(&g, OVERLAP);
    }
}

static void labels_and_impossible_grids(void **state)
{
    (void)state;
    pp_tile_grid g = grid("A0", "A3", MARGIN, OVERLAP);
    char label[16];
    pp_tile t = pp_tile_grid_at(&g, 6);
    pp_tile_label(&t, label, sizeof label);
    assert_string_equal(label, "B3");
    assert_int_equal(t.number, 7);
    t.row = 26, t.col = 0;
    pp_tile_label(&t, label, sizeof label);
    assert_string_equal(label, "AA1");
    /* A printable area no longer than the overlap tiles nothing. */
    assert_int_equal(pp_tiles_needed(1000, 10, 10), 0);
    assert_false(pp_tile_grid_plan(841, 1189, 210, 297, 100, 10, &g));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(page_counts_follow_the_formula),
        cmocka_unit_test(every_point_is_printed_and_overlaps_are_exact),
        cmocka_unit_test(labels_and_impossible_grids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
