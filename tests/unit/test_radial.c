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
    pp_content *c;
    pp_scene *s =
        plan_as(ts, name, "praatplaat", paper, orientation, codes ? "PPSCAN 1 TEST NL" : NULL, &c);
    pp_content_free(c);
    unlink(name);
    g_free(name);
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

/* The praatplaat of the content at rel at paper and orientation (> 0 landscape, < 0 portrait). */
static pp_scene *plan_oriented(pp_typeset *ts, const char *rel, const char *paper, int orientation,
                               pp_content **out)
{
    return plan_as(ts, rel, "praatplaat", paper, orientation, NULL, out);
}

/* Where a straight text's lines are: from its top (placed: moved down already when it is centred
 * or set at the bottom of its box) as high as its lines, as wide as its box or its longest line. */
static pp_box text_box(const pp_op *op)
{
    return (pp_box){op->x, op->y, fmax(op->w, pp_textbox_width(op->text)),
                    pp_textbox_height(op->text)};
}

static bool boxes_overlap(pp_box a, pp_box b)
{
    const double e = 1e-6;
    return a.x + e < b.x + b.w && b.x + e < a.x + a.w && a.y + e < b.y + b.h && b.y + e < a.y + a.h;
}

/* Where a text on an arc lies: between radii r0 and r1, within half its angle of its middle
 * (measured on its innermost line, where the angle is widest). */
typedef struct arc_span {
    double r0, r1, mid, half;
} arc_span;

static arc_span span_of(const pp_op *op)
{
    double h = pp_textbox_height(op->text), r0 = op->arc.r - h / 2;
    return (arc_span){r0, op->arc.r + h / 2, op->arc.mid, pp_textbox_width(op->text) / (2 * r0)};
}

static bool in_box(double x, double y, pp_box b)
{
    return x > b.x && x < b.x + b.w && y > b.y && y < b.y + b.h;
}

/* No text of the page covers another: every pair of straight texts is apart; every text on an
 * arc stays inside its sector of the ring and apart from the others and from every straight text
 * (sampled on a fine grid of its area). */
static void no_text_over_text(const pp_page *pg, const char *what)
{
    size_t n_themes = 0;
    for (size_t i = 0; i < pg->n; i++)
        n_themes += pg->ops[i].kind == PP_OP_SECTOR;
    for (size_t i = 0; i < pg->n; i++) {
        const pp_op *a = &pg->ops[i];
        if (a->kind == PP_OP_TEXT) {
            for (size_t k = 0; k < i; k++)
                if (pg->ops[k].kind == PP_OP_TEXT &&
                    boxes_overlap(text_box(a), text_box(&pg->ops[k])))
                    fail_msg("%s: %s \"%s\" overlaps %s \"%s\"", what, a->role,
                             pp_textbox_text(a->text), pg->ops[k].role,
                             pp_textbox_text(pg->ops[k].text));
            continue;
        }
        if (a->kind != PP_OP_ARC_TEXT) continue;
        arc_span sp = span_of(a);
        if (sp.half > G_PI / (double)n_themes)
            fail_msg("%s: ring name \"%s\" leaves its sector", what, pp_textbox_text(a->text));
        for (size_t k = 0; k < pg->n; k++) {
            const pp_op *b = &pg->ops[k];
            if (b->kind == PP_OP_ARC_TEXT && k != i) {
                arc_span o = span_of(b);
                double d = fabs(remainder(sp.mid - o.mid, 2 * G_PI));
                if (d < sp.half + o.half && sp.r0 < o.r1 && o.r0 < sp.r1)
                    fail_msg("%s: ring names \"%s\" and \"%s\" overlap", what,
                             pp_textbox_text(a->text), pp_textbox_text(b->text));
            }
            if (b->kind != PP_OP_TEXT) continue;
            for (int ri = 0; ri <= 4; ri++)
                for (int ai = -8; ai <= 8; ai++) {
                    double r = sp.r0 + (sp.r1 - sp.r0) * ri / 4, t = sp.mid + sp.half * ai / 8;
                    if (in_box(a->arc.cx + r * cos(t), a->arc.cy + r * sin(t), text_box(b)))
                        fail_msg("%s: ring name \"%s\" runs into %s \"%s\"", what,
                                 pp_textbox_text(a->text), b->role, pp_textbox_text(b->text));
                }
        }
    }
}

/* The statements of each theme are on the sheet in the content's order, each after its number. */
static void statements_numbered(const pp_page *pg, const pp_content *c, const char *what)
{
    size_t theme = 0, k = 0;
    const char *number = NULL;
    for (size_t i = 0; i < pg->n && theme < c->n_themes; i++) {
        const pp_op *op = &pg->ops[i];
        if (role_is(op, "statement number")) number = pp_textbox_text(op->text);
        if (!role_is(op, "statement")) continue;
        const pp_text *want = &c->themes[theme].statements[k];
        if (strcmp(pp_textbox_text(op->text), want->text) != 0)
            fail_msg("%s: statement %s is \"%s\"", what, want->id, pp_textbox_text(op->text));
        char label[16];
        snprintf(label, sizeof label, "%zu.", k + 1);
        if (!number || strcmp(number, label) != 0)
            fail_msg("%s: statement %s is numbered %s", what, want->id, number ? number : "(none)");
        number = NULL;
        if (++k == c->themes[theme].n_statements) theme++, k = 0;
    }
    if (theme != c->n_themes) fail_msg("%s: statements missing from theme %zu", what, theme);
}

/* Issue 17: the 3-, 5- and 8-theme instruments at A4 to A0, landscape and portrait: every text
 * fits, no text covers another, and the statements are numbered in the content's order. */
static void every_size_and_orientation(void **state)
{
    static const char *const files[] = {
        "tests/data/three-themes.xml", "content/samenwerking/nl.xml", "tests/data/eight-themes.xml",
        "tests/data/eight-themes-long.xml"};
    static const char *const papers[] = {"A4", "A3", "A1", "A0"};
    for (size_t fi = 0; fi < G_N_ELEMENTS(files); fi++)
        for (size_t p = 0; p < G_N_ELEMENTS(papers); p++)
            for (int o = -1; o <= 1; o += 2) {
                pp_content *c;
                pp_scene *s = plan_oriented(*state, files[fi], papers[p], o, &c);
                gchar *what = g_strdup_printf("%s at %s %s", files[fi], papers[p],
                                              o > 0 ? "landscape" : "portrait");
                no_problems(s);
                no_text_over_text(&s->pages[0], what);
                statements_numbered(&s->pages[0], c, what);
                g_free(what);
                pp_scene_free(s);
                pp_content_free(c);
            }
}

/* The share of the area inside the margins that panels and ring cover. */
static double coverage(const pp_scene *s)
{
    const pp_page *pg = &s->pages[0];
    double m = pp_layout_mm(s->layouts[0], "margin"), used = 0;
    for (size_t i = 0; i < pg->n; i++) {
        const pp_op *op = &pg->ops[i];
        if (role_is(op, "panel")) used += op->w * op->h;
        if (role_is(op, "ring")) used += G_PI * op->w * op->w;
    }
    return used / ((pg->w - 2 * m) * (pg->h - 2 * m));
}

/* Issue 17: the A0 poster of the shipped instrument is read from one to two metres: statements at
 * 22 pt or more, all at one size, and panels and ring use at least 55% of the page. */
static void a0_uses_the_page(void **state)
{
    pp_content *c;
    pp_scene *s = plan_oriented(*state, "content/samenwerking/nl.xml", "A0", 1, &c);
    double size = 0;
    for (size_t i = 0; i < s->pages[0].n; i++) {
        const pp_op *op = &s->pages[0].ops[i];
        if (!role_is(op, "statement")) continue;
        if (size == 0) size = pp_textbox_size(op->text);
        if (fabs(pp_textbox_size(op->text) - size) > 1e-6)
            fail_msg("statements at %.2f and %.2f pt", size, pp_textbox_size(op->text));
    }
    if (size < 22) fail_msg("statements at %.1f pt at A0", size);
    if (coverage(s) < 0.55) fail_msg("panels and ring cover %.1f%% of A0", 100 * coverage(s));
    print_message("A0 landscape: statements %.1f pt, coverage %.1f%%\n", size, 100 * coverage(s));
    pp_scene_free(s);
    pp_content_free(c);
}

/* Issue 17's control: a statement too long for any row is reported with its id, and drawn only
 * as far as its row reaches: no text covers another. */
static void a_statement_too_long_is_reported(void **state)
{
    char *xml = test_instrument(5, 3, statement);
    GString *huge = g_string_new("");
    while (huge->len < 6000)
        g_string_append(huge, statement), g_string_append_c(huge, ' ');
    gchar *first = g_strdup_printf("<statement id=\"t1.1\">%s</statement>", statement);
    gchar *with = g_strdup_printf("<statement id=\"t1.1\">%s</statement>", huge->str);
    char *at = strstr(xml, first);
    assert_non_null(at);
    GString *doc = g_string_new_len(xml, at - xml);
    g_string_append(doc, with);
    g_string_append(doc, at + strlen(first));
    pp_content *c;
    pp_scene *s = plan_xml(*state, doc->str, "praatplaat", "A3", &c);
    bool named = false;
    for (size_t i = 0; i < s->n_problems; i++)
        named |= strstr(s->problems[i].what, "t1.1") && strstr(s->problems[i].what, "does not fit");
    assert_true(named);
    assert_int_equal(pp_scene_errors(s), 1);
    no_text_over_text(&s->pages[0], "a statement too long");
    pp_scene_free(s);
    pp_content_free(c);
    g_string_free(doc, TRUE);
    g_string_free(huge, TRUE);
    g_free(first);
    g_free(with);
    g_free(xml);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(balanced_for_3_to_8_themes),
        cmocka_unit_test(real_instrument_at_every_size),
        cmocka_unit_test(statements_are_readable),
        cmocka_unit_test(theme_counts_outside_the_layout_are_refused),
        cmocka_unit_test(codes_never_cover_content),
        cmocka_unit_test(every_size_and_orientation),
        cmocka_unit_test(a0_uses_the_page),
        cmocka_unit_test(a_statement_too_long_is_reported),
    };
    return cmocka_run_group_tests(tests, typeset_setup, typeset_teardown);
}
