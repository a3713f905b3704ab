/* The follow-up plaat's geometry, read from its scene: rows follow the content, nothing overlaps or
 * leaves the margins, at A0 every answer cell holds a 76 × 76 mm post-it (at A1 a 51 mm one), the
 * yes/no words and the row labels each come at one size. */
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

/* The x of the yes/no divider nearest right of x in the band of y, or a huge value. */
static double divider_right_of(const pp_page *pg, double x, double y)
{
    double best = G_MAXDOUBLE;
    for (size_t i = 0; i < pg->n; i++) {
        const pp_op *d = &pg->ops[i];
        if (!role_is(d, "divider") || d->x < x) continue;
        if (y < d->y - 1e-6 || y > d->y + d->h + 1e-6) continue;
        best = fmin(best, d->x);
    }
    return best;
}

/* The free part of every answer cell (right of the yes/no strip, if any) holds a post-it of side
 * side mm; returns the number of cells. */
static size_t cells_hold(const pp_scene *s, double side, const char *what)
{
    double pad = pp_layout_mm(s->layouts[0], "cell-pad");
    size_t cells = 0;
    for (size_t p = 0; p < s->n_pages; p++)
        for (size_t i = 0; i < s->pages[p].n; i++) {
            const pp_op *op = &s->pages[p].ops[i];
            if (!role_is(op, "cell")) continue;
            cells++;
            double d = divider_right_of(&s->pages[p], op->x, op->y + pad);
            double from = d < op->x + op->w ? d : op->x;
            if (op->x + op->w - from < side || op->h < side)
                fail_msg("%s: cell %zu is %.1f x %.1f mm", what, cells, op->x + op->w - from,
                         op->h);
        }
    return cells;
}

/* At A0 the free part of every answer cell holds a standard 76 mm post-it, at A1 a 51 mm one: with
 * 5 themes on one sheet, with 8 (10 rows) the table continues on a second sheet. The sides are
 * physical post-it sizes, not layout values. */
static void cells_hold_postits(void **state)
{
    static const struct {
        const char *file, *paper;
        double side;
        size_t cells, pages;
    } cases[] = {{"content/samenwerking/nl.xml", "A0", 76, 35, 1},
                 {"content/samenwerking/nl.xml", "A1", 51, 35, 1},
                 {"tests/data/eight-themes.xml", "A0", 76, 50, 2},
                 {"tests/data/eight-themes.xml", "A1", 51, 50, 2}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        pp_content *c;
        pp_scene *s = plan(*state, cases[k].file, "followup", cases[k].paper, &c);
        no_problems(s);
        assert_int_equal(cells_hold(s, cases[k].side, cases[k].file), cases[k].cells);
        assert_int_equal(s->n_pages, cases[k].pages);
        pp_scene_free(s);
        pp_content_free(c);
    }
}

/* Six themes (8 rows) at A0 miss 76 mm rows on one sheet by a few millimetres: the header, fields
 * and questions give up that much height (at most squeeze-max of it) and the table stays on one
 * sheet, every cell holding the post-it. */
static void six_themes_squeeze_onto_one_sheet(void **state)
{
    char *path = src_path("tests/data/eight-themes.xml"), *xml = NULL;
    assert_true(g_file_get_contents(path, &xml, NULL, NULL));
    GRegex *re = g_regex_new("\\s*<theme id=\"(leiderschap|resultaten)\">.*?</theme>",
                             G_REGEX_DOTALL, 0, NULL);
    char *six = g_regex_replace(re, xml, -1, 0, "", 0, NULL);
    pp_content *c;
    pp_scene *s = plan_xml(*state, six, "followup", "A0", &c);
    assert_int_equal(c->n_themes, 6);
    no_problems(s);
    assert_int_equal(s->n_pages, 1);
    assert_int_equal(cells_hold(s, 76, "six themes"), 40);
    pp_layout *l = s->layouts[0];
    double question = 0;
    for (size_t i = 0; i < s->pages[0].n; i++)
        if (s->pages[0].ops[i].kind == PP_OP_RECT && role_is(&s->pages[0].ops[i], "question"))
            question = s->pages[0].ops[i].h;
    assert_true(question < pp_layout_mm(l, "question-h") - 0.1);
    assert_true(question >= pp_layout_mm(l, "question-h") * (1 - pp_layout_num(l, "squeeze-max")));
    pp_scene_free(s);
    pp_content_free(c);
    g_free(six);
    g_regex_unref(re);
    g_free(xml);
    g_free(path);
}

/* The yes and no words of one sheet at one size, each ending at least mark-label-gap before its
 * strip's divider. */
static void check_yes_no(pp_scene *s, const pp_content *c, const char *file, const char *paper)
{
    (void)c;
    double gap = pp_layout_mm(s->layouts[0], "mark-label-gap"), size = 0;
    size_t labels = 0;
    const pp_page *pg = &s->pages[0];
    for (size_t i = 0; i < pg->n; i++) {
        const pp_op *op = &pg->ops[i];
        if (op->kind != PP_OP_TEXT || !role_is(op, "yes/no label")) continue;
        labels++;
        if (!size) size = op->fit.final_pt;
        if (fabs(op->fit.final_pt - size) > 1e-6 || op->fit.overflow)
            fail_msg("%s %s: \"%s\" at %.2f pt, another at %.2f pt", file, paper,
                     pp_textbox_text(op->text), op->fit.final_pt, size);
        double right = op->x + pp_textbox_width(op->text);
        double d = divider_right_of(pg, op->x, op->y + op->h / 2);
        if (d - right < gap - 1e-6)
            fail_msg("%s %s: \"%s\" ends %.2f mm before the divider (at least %.2f)", file, paper,
                     pp_textbox_text(op->text), d - right, gap);
    }
    assert_true(labels >= 2);
}

static void yes_no_one_size(void **state)
{
    static const char *const papers[] = {"A4", "A3", "A1", "A0"};
    for (size_t p = 0; p < 4; p++) {
        pp_content *c;
        pp_scene *s = plan(*state, "tests/data/de.xml", "followup", papers[p], &c);
        assert_string_equal(c->no.text, "NEIN");
        check_yes_no(s, c, "tests/data/de.xml", papers[p]);
        pp_scene_free(s);
        pp_content_free(c);
    }
    each_instrument_and_paper(*state, "followup", check_yes_no);
}

/* Every row label of a sheet at one size. */
static void check_labels(pp_scene *s, const pp_content *c, const char *file, const char *paper)
{
    size_t labels = 0;
    double size = 0;
    for (size_t p = 0; p < s->n_pages; p++)
        for (size_t i = 0; i < s->pages[p].n; i++) {
            const pp_op *op = &s->pages[p].ops[i];
            if (op->kind != PP_OP_TEXT || !role_is(op, "row label")) continue;
            labels++;
            if (!size) size = op->fit.final_pt;
            if (fabs(op->fit.final_pt - size) > 1e-6)
                fail_msg("%s %s: \"%s\" at %.2f pt, another row label at %.2f pt", file, paper,
                         pp_textbox_text(op->text), op->fit.final_pt, size);
        }
    assert_int_equal(labels, c->n_themes + c->followup.n_rows);
}

/* Row labels at one size: the largest at which every label fits, also when one is much longer
 * than the rest (the "AAN DE SAMENWERKINGSTAFEL"). */
static void row_labels_one_size(void **state)
{
    each_instrument_and_paper(*state, "followup", check_labels);
    char *path = src_path("content/samenwerking/nl.xml"), *xml = NULL;
    assert_true(g_file_get_contents(path, &xml, NULL, NULL));
    GString *long_label = g_string_new(xml);
    g_string_replace(long_label, ">TOTAALBEELD<", ">AAN DE SAMENWERKINGSTAFEL<", 1);
    static const char *const papers[] = {"A4", "A3", "A0"};
    for (size_t p = 0; p < 3; p++) {
        pp_content *c;
        pp_scene *s = plan_xml(*state, long_label->str, "followup", papers[p], &c);
        check_labels(s, c, "long label", papers[p]);
        no_problems(s);
        pp_scene_free(s);
        pp_content_free(c);
    }
    g_string_free(long_label, TRUE);
    g_free(xml);
    g_free(path);
}

/* The follow-up plaat of content (a repo path) at paper with the scan codes render draws by
 * default. */
static pp_scene *plan_codes(pp_typeset *ts, const char *content, const char *paper,
                            pp_content **out)
{
    return plan_as(ts, content, "followup", paper, 0, "PPSCAN 1 SAMENWERKING NL", out);
}

/* With scan codes: six (four corners, the middles of the top and bottom edges), inside the page;
 * nothing drawn touches one, every text fits, and at A0 every answer cell still holds a post-it on
 * one sheet. */
/* On page pg, six codes inside the page, none touching what is drawn. */
static void codes_clear(const pp_page *pg, const char *paper)
{
    assert_int_equal(count_role(pg, "code"), 6);
    for (size_t i = 0; i < pg->n; i++) {
        const pp_op *code = &pg->ops[i];
        if (!role_is(code, "code")) continue;
        if (code->x < 0 || code->y < 0 || code->x + code->w > pg->w || code->y + code->h > pg->h)
            fail_msg("%s: a code leaves the page", paper);
        for (size_t j = 0; j < pg->n; j++) {
            const pp_op *op = &pg->ops[j];
            bool drawn =
                !role_is(op, "paper") && !role_is(op, "code") && !role_is(op, "code module");
            if (drawn && (op->kind == PP_OP_RECT || op->kind == PP_OP_TEXT) && overlap(code, op))
                fail_msg("%s: a code (%.1f, %.1f, %.1f) covers a %s (%.1f, %.1f, %.1f x %.1f)",
                         paper, code->x, code->y, code->w, op->role ? op->role : "text", op->x,
                         op->y, op->w, op->h);
        }
    }
}

static void codes_never_cover_content(void **state)
{
    static const char *const papers[] = {"A4", "A3", "A2", "A1", "A0"};
    for (size_t k = 0; k < G_N_ELEMENTS(papers); k++) {
        pp_content *c;
        pp_scene *s = plan_codes(*state, "content/samenwerking/nl.xml", papers[k], &c);
        no_problems(s);
        codes_clear(&s->pages[0], papers[k]);
        if (strcmp(papers[k], "A0") == 0) /* with the codes, still one sheet of post-it cells */
            assert_int_equal(cells_hold(s, 76, "content/samenwerking/nl.xml"), 35);
        assert_int_equal(s->n_pages, 1);
        pp_scene_free(s);
        pp_content_free(c);
    }
}

/* A table that continues on more sheets has codes on every one (scan reads each, docs/scanning.md),
 * and the content keeps clear of them there too. */
static void codes_on_every_page(void **state)
{
    static const char *const contents[] = {"tests/data/eight-themes.xml",
                                           "tests/data/eight-themes-long.xml"};
    static const char *const papers[] = {"A4", "A3", "A2", "A1", "A0"};
    for (size_t f = 0; f < G_N_ELEMENTS(contents); f++)
        for (size_t k = 0; k < G_N_ELEMENTS(papers); k++) {
            pp_content *c;
            pp_scene *s = plan_codes(*state, contents[f], papers[k], &c);
            no_problems(s);
            if (strcmp(papers[k], "A0") == 0) assert_int_equal(s->n_pages, 2);
            /* every page: a text set lower in its box ends where the box does (pp_scene_place),
             * so a centred row label never seems to reach under the bottom codes */
            for (size_t p = 0; p < s->n_pages; p++) {
                gchar *where = g_strdup_printf("%s %s page %zu", contents[f], papers[k], p + 1);
                codes_clear(&s->pages[p], where);
                g_free(where);
            }
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
        cmocka_unit_test(rows_follow_the_content),
        cmocka_unit_test(blocks_do_not_overlap),
        cmocka_unit_test(cells_hold_postits),
        cmocka_unit_test(six_themes_squeeze_onto_one_sheet),
        cmocka_unit_test(yes_no_one_size),
        cmocka_unit_test(row_labels_one_size),
        cmocka_unit_test(codes_never_cover_content),
        cmocka_unit_test(codes_on_every_page),
        cmocka_unit_test(text_ops_record_their_fit),
    };
    return cmocka_run_group_tests(tests, typeset_setup, typeset_teardown);
}
