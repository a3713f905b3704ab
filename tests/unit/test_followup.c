/* The follow-up plaat's geometry, read from its scene: rows follow the content, nothing overlaps or
 * leaves the margins, and at A0 every answer cell holds a 76 × 76 mm post-it. */
#include "sheet_helpers.h"

#include <math.h>

static size_t count_role(const pp_page *p, const char *role)
{
    size_t n = 0;
    for (size_t i = 0; i < p->n; i++)
        n += role_is(&p->ops[i], role);
    return n;
}

static void rows_follow_the_content(void **state)
{
    static const char *const files[] = {"tests/data/three-themes.xml",
                                        "content/samenwerking/nl.xml",
                                        "tests/data/eight-themes.xml"};
    for (size_t f = 0; f < 3; f++) {
        pp_content *c;
        pp_scene *s = plan(*state, files[f], "followup", "A3", &c);
        assert_int_equal(s->n_pages, 1);
        size_t rows = c->n_themes + c->followup.n_rows, cols = pp_content_columns(c);
        assert_int_equal(count_role(&s->pages[0], "row-label"), rows);
        assert_int_equal(count_role(&s->pages[0], "cell"), rows * cols);
        assert_int_equal(count_role(&s->pages[0], "checkbox"), 2 * rows); /* one yes/no column */
        no_problems(s);
        pp_scene_free(s);
        pp_content_free(c);
    }
}

/* Cells, labels, questions, fields: the blocks of the sheet never overlap and stay in the margins.
 */
/* One of the sheet's blocks: a rectangle of a cell, label, question, group head, field or footer.
 */
static bool is_block(const pp_op *op)
{
    static const char *const roles[] = {"cell",  "row-label", "question",
                                        "group", "field",     "footer"};
    if (op->kind != PP_OP_RECT) return false;
    for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++)
        if (role_is(op, roles[r])) return true;
    return false;
}

static void check_blocks(pp_scene *s, const pp_content *c, const char *file, const char *paper)
{
    (void)c;
    const pp_page *pg = &s->pages[0];
    double m = pp_layout_mm(s->layouts[0], "margin");
    for (size_t i = 0; i < pg->n; i++) {
        const pp_op *a = &pg->ops[i];
        if (!is_block(a)) continue;
        if (a->x < m - 1e-6 || a->y < m - 1e-6 || a->x + a->w > pg->w - m + 1e-6 ||
            a->y + a->h > pg->h - m + 1e-6)
            fail_msg("%s %s: %s outside the margins", file, paper, a->role);
        for (size_t k = 0; k < i; k++)
            if (is_block(&pg->ops[k]) && overlap(a, &pg->ops[k]))
                fail_msg("%s %s: %s overlaps %s", file, paper, a->role, pg->ops[k].role);
    }
    no_problems(s);
}

/* Cells, labels, questions, fields: the blocks of the sheet never overlap and stay in the margins.
 */
static void blocks_do_not_overlap(void **state)
{
    each_instrument_and_paper(*state, "followup", check_blocks);
}

/* At A0 the free part of every answer cell (right of the yes/no strip) holds a standard post-it. */
static void a0_cells_hold_postits(void **state)
{
    pp_content *c;
    pp_scene *s = plan(*state, "content/samenwerking/nl.xml", "followup", "A0", &c);
    pp_layout *l = s->layouts[0];
    /* The standard square post-it, 76 mm: a physical size, not a layout value. */
    double postit = 76, strip = pp_layout_mm(l, "mark-strip");
    size_t cells = 0;
    for (size_t i = 0; i < s->pages[0].n; i++) {
        const pp_op *op = &s->pages[0].ops[i];
        if (!role_is(op, "cell")) continue;
        cells++;
        if (op->w - strip < postit || op->h < postit)
            fail_msg("cell %zu is %.1f x %.1f mm", cells, op->w - strip, op->h);
    }
    assert_int_equal(cells, 35);
    pp_scene_free(s);
    pp_content_free(c);
}

/* The follow-up plaat at paper with the scan codes render draws by default. */
static pp_scene *plan_codes(pp_typeset *ts, const char *paper, pp_content **out)
{
    char *path = src_path("content/samenwerking/nl.xml"), *schema = src_path("schemas/content.rng"),
         *layouts = src_path("layouts");
    pp_error err = {0};
    pp_content *c = pp_content_load(path, schema, &err);
    if (!c) fail_msg("%s", err.msg);
    pp_scene *s = pp_scene_new();
    s->codes = "PPSCAN 1 SAMENWERKING NL";
    pp_doc_request r = {pp_sheet_find("followup"), pp_paper_find(paper), 0};
    if (pp_doc_plan_one(s, r.kind, &r, layouts, c, NULL, ts, &err) != PP_OK)
        fail_msg("%s", err.msg);
    g_free(path);
    g_free(schema);
    g_free(layouts);
    *out = c;
    return s;
}

/* With scan codes: six (four corners, the middles of the top and bottom edges), inside the page;
 * nothing drawn touches one, every text fits, and at A0 every answer cell still holds a post-it. */
static void codes_never_cover_content(void **state)
{
    static const char *const papers[] = {"A4", "A3", "A2", "A1", "A0"};
    for (size_t k = 0; k < G_N_ELEMENTS(papers); k++) {
        pp_content *c;
        pp_scene *s = plan_codes(*state, papers[k], &c);
        const pp_page *pg = &s->pages[0];
        assert_int_equal(count_role(pg, "code"), 6);
        no_problems(s);
        for (size_t i = 0; i < pg->n; i++) {
            const pp_op *code = &pg->ops[i];
            if (!role_is(code, "code")) continue;
            if (code->x < 0 || code->y < 0 || code->x + code->w > pg->w ||
                code->y + code->h > pg->h)
                fail_msg("%s: a code leaves the page", papers[k]);
            for (size_t j = 0; j < pg->n; j++) {
                const pp_op *op = &pg->ops[j];
                bool drawn =
                    !role_is(op, "paper") && !role_is(op, "code") && !role_is(op, "code module");
                if (drawn && (op->kind == PP_OP_RECT || op->kind == PP_OP_TEXT) &&
                    overlap(code, op))
                    fail_msg("%s: a code covers a %s", papers[k], op->role ? op->role : "text");
            }
        }
        double strip = pp_layout_mm(s->layouts[0], "mark-strip");
        for (size_t i = 0; strcmp(papers[k], "A0") == 0 && i < pg->n; i++)
            if (role_is(&pg->ops[i], "cell") && (pg->ops[i].w - strip < 76 || pg->ops[i].h < 76))
                fail_msg("A0 with codes: a cell of %.1f x %.1f mm", pg->ops[i].w - strip,
                         pg->ops[i].h);
        pp_scene_free(s);
        pp_content_free(c);
    }
}

/* Every text op records its nominal and drawn size and its element (the fit report of publish):
 * the overflowing column question of tests/data/overflow.xml is marked, at its file and line. */
static void text_ops_record_their_fit(void **state)
{
    pp_content *c;
    pp_scene *s = plan(*state, "tests/data/overflow.xml", "followup", "A3", &c);
    size_t texts = 0, overflows = 0;
    for (size_t i = 0; i < s->pages[0].n; i++) {
        const pp_op *op = &s->pages[0].ops[i];
        if (op->kind != PP_OP_TEXT) continue;
        texts++;
        assert_true(op->fit.nominal_pt > 0);
        assert_true(op->fit.final_pt <= op->fit.nominal_pt + 1e-9);
        assert_true(op->fit.final_pt >= pp_textbox_style(op->text)->min - 1e-9);
        assert_non_null(op->fit.file);
        if (!op->fit.overflow) continue;
        overflows++;
        if (op->fit.id && strcmp(op->fit.id, "status") == 0) {
            assert_string_equal(op->fit.file, c->path);
            assert_true(op->fit.line > 0);
            assert_true(fabs(op->fit.final_pt - pp_textbox_style(op->text)->min) < 1e-9);
        }
    }
    assert_true(texts > 10);
    assert_int_equal(overflows, s->n_problems);
    pp_scene_free(s);
    pp_content_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rows_follow_the_content),   cmocka_unit_test(blocks_do_not_overlap),
        cmocka_unit_test(a0_cells_hold_postits),     cmocka_unit_test(codes_never_cover_content),
        cmocka_unit_test(text_ops_record_their_fit),
    };
    return cmocka_run_group_tests(tests, typeset_setup, typeset_teardown);
}
