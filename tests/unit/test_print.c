/* Printing elsewhere, read from the scene (sheets/print.c): every tile page draws the poster again
 * clipped to its printable area at its offset, with glue strips and cut lines on the right sides;
 * crop marks lie outside the bleed and the slug outside the trim; a background that touches the
 * sheet's edge reaches into the bleed. */
#include "sheet_helpers.h"

#include "model/tiling.h"
#include "sheets/print.h"

#include <math.h>

static const double eps = 1e-6;

/* The poster's plan and its print pages for rq; *poster_out borrowed from the returned scene. */
static pp_scene *print(pp_typeset *ts, pp_print_request rq, const pp_page **poster_out,
                       pp_content **c)
{
    pp_scene *poster = plan(ts, "content/samenwerking/nl.xml", "praatplaat", rq.paper, c);
    *poster_out = &poster->pages[0];
    pp_scene *out = pp_scene_new();
    char *layouts = src_path("layouts");
    pp_error err = {0};
    if (pp_doc_print(out, poster, &rq, layouts, *c, ts, &err) != PP_OK) fail_msg("%s", err.msg);
    g_free(layouts);
    no_problems(out);
    return out;
}

static const pp_op *first_of(const pp_page *p, pp_op_kind kind, const char *role)
{
    for (size_t i = 0; i < p->n; i++)
        if (p->ops[i].kind == kind && (!role || role_is(&p->ops[i], role))) return &p->ops[i];
    return NULL;
}

static size_t count_role(const pp_page *p, const char *role)
{
    size_t n = 0;
    for (size_t i = 0; i < p->n; i++)
        n += role_is(&p->ops[i], role);
    return n;
}

static void tiles_draw_the_poster_at_their_offsets(void **state)
{
    pp_print_request rq = {.tile = pp_paper_find("A4"),
                           .overlap = 10,
                           .margin = 6,
                           .sheet = "praatplaat",
                           .paper = "A0",
                           .file = "t.pdf"};
    const pp_page *poster;
    pp_content *c;
    pp_scene *s = print(*state, rq, &poster, &c);
    pp_tile_grid g;
    assert_true(pp_tile_grid_plan(poster->w, poster->h, 210, 297, 6, 10, &g));
    assert_int_equal(s->n_pages, 1 + (size_t)pp_tile_grid_count(&g));
    const pp_op *mini = first_of(&s->pages[0], PP_OP_PAGE, NULL);
    assert_non_null(mini);
    assert_ptr_equal(mini->ref, poster);
    assert_true(mini->ref_scale < 1);
    for (int i = 0; i < pp_tile_grid_count(&g); i++) {
        pp_tile t = pp_tile_grid_at(&g, i);
        const pp_page *p = &s->pages[i + 1];
        assert_true(fabs(p->w - g.sheet_w) < eps && fabs(p->h - g.sheet_h) < eps);
        const pp_op *ref = first_of(p, PP_OP_PAGE, NULL);
        assert_non_null(ref);
        assert_ptr_equal(ref->ref, poster);
        assert_true(fabs(ref->x - 6) < eps && fabs(ref->y - 6) < eps);
        assert_true(fabs(ref->w - g.print_w) < eps && fabs(ref->h - g.print_h) < eps);
        assert_true(fabs(ref->ref_scale - 1) < eps);
        assert_true(fabs(ref->ref_dx - (6 - t.x)) < eps && fabs(ref->ref_dy - (6 - t.y)) < eps);
        assert_int_equal(count_role(p, "glue"), (size_t)t.right + (size_t)t.bottom);
    }
    pp_scene_free(s);
    pp_content_free(c);
}

static void marks_lie_outside_the_trim(void **state)
{
    pp_print_request rq = {
        .marks = true, .bleed = 3, .sheet = "praatplaat", .paper = "A2", .file = "m.pdf"};
    const pp_page *poster;
    pp_content *c;
    pp_scene *s = print(*state, rq, &poster, &c);
    assert_int_equal(s->n_pages, 1);
    const pp_page *p = &s->pages[0];
    assert_true(p->boxes);
    assert_true(fabs(p->trim.w - poster->w) < eps && fabs(p->trim.h - poster->h) < eps);
    assert_true(fabs(p->bleed.x - (p->trim.x - 3)) < eps &&
                fabs(p->bleed.w - (p->trim.w + 6)) < eps);
    const pp_op *ref = first_of(p, PP_OP_PAGE, NULL);
    assert_true(fabs(ref->x - p->bleed.x) < eps && fabs(ref->w - p->bleed.w) < eps);
    size_t lines = 0;
    for (size_t i = 0; i < p->n; i++) {
        const pp_op *op = &p->ops[i];
        if (op->kind == PP_OP_LINE) {
            lines++;
            double x0 = fmin(op->x, op->x + op->w), x1 = fmax(op->x, op->x + op->w);
            double y0 = fmin(op->y, op->y + op->h), y1 = fmax(op->y, op->y + op->h);
            bool outside = x1 < p->bleed.x || x0 > p->bleed.x + p->bleed.w || y1 < p->bleed.y ||
                           y0 > p->bleed.y + p->bleed.h;
            assert_true(outside);
        }
        if (op->kind == PP_OP_TEXT) assert_true(op->y >= p->bleed.y + p->bleed.h);
    }
    assert_int_equal(lines, 8);
    pp_scene_free(s);
    pp_content_free(c);
}

static void edges_reach_into_the_bleed(void **state)
{
    (void)state;
    pp_scene *s = pp_scene_new();
    pp_page *p = pp_scene_page(s, 100, 200);
    pp_paint paint = pp_fill((pp_rgb){0, 0, 0});
    pp_scene_rect(s, 0, 0, 100, 200, paint, "background");
    pp_scene_rect(s, 0, 20, 100, 10, paint, "band");
    pp_scene_rect(s, 10, 10, 20, 20, paint, "inner");
    double tri[] = {0, 200, 50, 150, 100, 200};
    pp_scene_polygon(s, tri, 3, paint);
    pp_page_extend_edges(p, 3);
    const pp_op *bg = &p->ops[0], *band = &p->ops[1], *inner = &p->ops[2], *poly = &p->ops[3];
    assert_true(fabs(bg->x + 3) < eps && fabs(bg->y + 3) < eps);
    assert_true(fabs(bg->w - 106) < eps && fabs(bg->h - 206) < eps);
    assert_true(fabs(band->x + 3) < eps && fabs(band->y - 20) < eps && fabs(band->w - 106) < eps);
    assert_true(fabs(band->h - 10) < eps);
    assert_true(fabs(inner->x - 10) < eps && fabs(inner->w - 20) < eps);
    assert_true(fabs(poly->pts[0] + 3) < eps && fabs(poly->pts[1] - 203) < eps);
    assert_true(fabs(poly->pts[2] - 50) < eps && fabs(poly->pts[3] - 150) < eps);
    pp_scene_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tiles_draw_the_poster_at_their_offsets),
        cmocka_unit_test(marks_lie_outside_the_trim),
        cmocka_unit_test(edges_reach_into_the_bleed),
    };
    return cmocka_run_group_tests(tests, typeset_setup, typeset_teardown);
}
