/* The radial praatplaat's geometry for 3 to 8 themes: panels never overlap each other or the ring
 * and stay inside the page margins; every statement fits; at A0 the notes areas hold four post-its.
 */
#include <math.h>

#include "sheet_helpers.h"

static const char statement[] =
    "De rolverdeling en processtappen in de samenwerking zijn helder en "
    "doordacht, en iedereen kent ze.";

static double dist_to_rect(double px, double py, const pp_op *r)
{
    double dx = fmax(fmax(r->x - px, 0), px - (r->x + r->w));
    double dy = fmax(fmax(r->y - py, 0), py - (r->y + r->h));
    return hypot(dx, dy);
}

static void check_sheet(pp_scene *s, int n, const char *paper)
{
    const pp_page *pg = &s->pages[0];
    double m = pp_layout_mm(s->layouts[0], "margin");
    const pp_op *ring = NULL, *panels[PP_MAX_THEMES];
    int n_panels = 0, guides = 0;
    for (size_t i = 0; i < pg->n; i++) {
        if (role_is(&pg->ops[i], "ring")) ring = &pg->ops[i];
        if (role_is(&pg->ops[i], "panel")) panels[n_panels++] = &pg->ops[i];
        guides += role_is(&pg->ops[i], "postit guide");
    }
    assert_non_null(ring);
    assert_int_equal(n_panels, n);
    for (int i = 0; i < n; i++) {
        const pp_op *p = panels[i];
        if (p->x < m - 1e-6 || p->y < m - 1e-6 || p->x + p->w > pg->w - m + 1e-6 ||
            p->y + p->h > pg->h - m + 1e-6)
            fail_msg("%d themes at %s: panel %d leaves the margins", n, paper, i);
        if (dist_to_rect(ring->x, ring->y, p) < ring->w)
            fail_msg("%d themes at %s: panel %d overlaps the ring", n, paper, i);
        for (int k = 0; k < i; k++)
            if (overlap(p, panels[k]))
                fail_msg("%d themes at %s: panels %d and %d overlap", n, paper, i, k);
    }
    if (strcmp(paper, "A0") == 0 && guides < 4 * n)
        fail_msg("%d themes at A0: %d post-it guides for %d panels", n, guides, n);
    no_problems(s);
}

static void balanced_for_3_to_8_themes(void **state)
{
    static const char *const papers[] = {"A3", "A0"};
    for (int n = 3; n <= 8; n++)
        for (int p = 0; p < 2; p++) {
            char *xml = test_instrument(n, 4, statement);
            pp_content *c;
            pp_scene *s = plan_xml(*state, xml, "praatplaat", papers[p], &c);
            check_sheet(s, n, papers[p]);
            pp_scene_free(s);
            pp_content_free(c);
            g_free(xml);
        }
}

static void check_real(pp_scene *s, const pp_content *c, const char *file, const char *paper)
{
    (void)file;
    check_sheet(s, (int)c->n_themes, paper);
}

static void real_instrument_at_every_size(void **state)
{
    each_instrument_and_paper(*state, "praatplaat", check_real);
}

/* Statement text is readable at its distance: ≥ 14 pt at A0, ≥ 7 pt at A3. */
static void statements_are_readable(void **state)
{
    static const struct {
        const char *paper;
        double min;
    } rules[] = {{"A0", 14}, {"A3", 7}};
    for (size_t r = 0; r < 2; r++) {
        pp_content *c;
        pp_scene *s = plan(*state, "content/samenwerking/nl.xml", "praatplaat", rules[r].paper, &c);
        int seen = 0;
        for (size_t i = 0; i < s->pages[0].n; i++) {
            const pp_op *op = &s->pages[0].ops[i];
            if (op->kind != PP_OP_TEXT || !role_is(op, "statement")) continue;
            seen++;
            if (pp_textbox_size(op->text) < rules[r].min - 1e-9)
                fail_msg("%s: statement at %.1f pt", rules[r].paper, pp_textbox_size(op->text));
        }
        assert_int_equal(seen, 21);
        pp_scene_free(s);
        pp_content_free(c);
    }
}

static void theme_counts_outside_the_layout_are_refused(void **state)
{
    char *xml = test_instrument(2, 2, statement), *name = temp_file(xml);
    char *schema = src_path("schemas/content.rng"), *layouts = src_path("layouts");
    pp_error err = {0};
    pp_content *c = pp_content_load(name, schema, &err);
    assert_non_null(c);
    pp_scene *s = pp_scene_new();
    pp_doc_request r = {pp_sheet_find("praatplaat"), pp_paper_find("A3"), 0};
    assert_int_equal(pp_doc_plan_one(s, r.kind, &r, layouts, c, NULL, *state, &err),
                     PP_ERR_INVALID);
    assert_non_null(strstr(err.msg, "supports 3 to 8 themes"));
    pp_scene_free(s);
    pp_content_free(c);
    unlink(name);
    g_free(name);
    g_free(schema);
    g_free(layouts);
    g_free(xml);
}

/* The scene of the praatplaat for n themes at paper and orientation, with scan codes (render
 * --codes qr) when codes. */
static pp_scene *plan_codes(pp_typeset *ts, int n, const char *paper, int orientation, bool codes)
{
    char *xml = test_instrument(n, 4, statement), *name = temp_file(xml);
    char *schema = src_path("schemas/content.rng"), *layouts = src_path("layouts");
    pp_error err = {0};
    pp_content *c = pp_content_load(name, schema, &err);
    assert_non_null(c);
    pp_scene *s = pp_scene_new();
    s->codes = codes ? "PPSCAN 1 TEST NL" : NULL;
    pp_doc_request r = {pp_sheet_find("praatplaat"), pp_paper_find(paper), orientation};
    if (pp_doc_plan_one(s, r.kind, &r, layouts, c, NULL, ts, &err) != PP_OK)
        fail_msg("%s", err.msg);
    pp_content_free(c);
    unlink(name);
    g_free(name);
    g_free(schema);
    g_free(layouts);
    g_free(xml);
    return s;
}

static size_t count_role(const pp_page *p, const char *role)
{
    size_t n = 0;
    for (size_t i = 0; i < p->n; i++)
        n += role_is(&p->ops[i], role);
    return n;
}

/* The content's outline: everything drawn but the paper and the codes themselves. */
static bool is_content(const pp_op *op)
{
    return !role_is(op, "paper") && !role_is(op, "code") && !role_is(op, "code module") &&
           !role_is(op, "notes area") && (op->kind == PP_OP_RECT || op->kind == PP_OP_TEXT);
}

/* With --codes qr there are four codes, inside the page, and no panel, box or text touches one
 * (and in landscape, the default, every text still fits); without, there are none and no
 * notes-area marks. */
static void codes_never_cover_content(void **state)
{
    static const struct {
        const char *paper;
        int orientation;
    } cases[] = {{"A4", -1}, {"A4", 1}, {"A3", 1}, {"A3", -1}, {"A1", 1}, {"A0", 1}};
    for (int n = 3; n <= 8; n += 5)
        for (size_t k = 0; k < G_N_ELEMENTS(cases); k++) {
            pp_scene *s = plan_codes(*state, n, cases[k].paper, cases[k].orientation, true);
            const pp_page *pg = &s->pages[0];
            assert_int_equal(count_role(pg, "code"), 4);
            /* Portrait with 8 themes is tight even without codes (A4: one statement too long). */
            if (cases[k].orientation > 0) no_problems(s);
            assert_int_equal(count_role(pg, "notes area"), (size_t)n);
            for (size_t i = 0; i < pg->n; i++) {
                const pp_op *code = &pg->ops[i];
                if (!role_is(code, "code")) continue;
                if (code->x < 0 || code->y < 0 || code->x + code->w > pg->w ||
                    code->y + code->h > pg->h)
                    fail_msg("%s: a code leaves the page", cases[k].paper);
                for (size_t j = 0; j < pg->n; j++)
                    if (is_content(&pg->ops[j]) && overlap(code, &pg->ops[j]))
                        fail_msg("%d themes at %s (%d): a code covers a %s", n, cases[k].paper,
                                 cases[k].orientation, pg->ops[j].role ? pg->ops[j].role : "text");
            }
            pp_scene_free(s);
            s = plan_codes(*state, n, cases[k].paper, cases[k].orientation, false);
            assert_int_equal(count_role(&s->pages[0], "code"), 0);
            assert_int_equal(count_role(&s->pages[0], "notes area"), 0);
            pp_scene_free(s);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(balanced_for_3_to_8_themes),
        cmocka_unit_test(real_instrument_at_every_size),
        cmocka_unit_test(statements_are_readable),
        cmocka_unit_test(theme_counts_outside_the_layout_are_refused),
        cmocka_unit_test(codes_never_cover_content),
    };
    return cmocka_run_group_tests(tests, typeset_setup, typeset_teardown);
}
