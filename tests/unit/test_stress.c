/* The generated stress session (tests/e2e/stress.py, issue #18) over the scene: every text op is at
 * least its style's minimum size, post-its included, and nothing is a problem. The session's path
 * comes from the environment (PP_STRESS_SESSION, written by the ctest fixture unit.stress.session).
 */
#include "doc/doc.h"
#include "helpers.h"
#include "model/paper.h"
#include "model/session.h"
#include "sheets/sheet.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct fixture {
    pp_typeset *ts;
    pp_content *c;
    pp_session *ss;
} fixture;

static int setup(void **state)
{
    const char *path = getenv("PP_STRESS_SESSION");
    if (!path) fail_msg("PP_STRESS_SESSION is not set: run through ctest");
    fixture *f = g_new0(fixture, 1);
    f->ts = test_typeset();
    char *content = src_path("content/samenwerking/nl.xml"),
         *schema = src_path("schemas/content.rng"),
         *session_schema = src_path("schemas/session.rng");
    pp_error err = {0};
    f->c = pp_content_load(content, schema, &err);
    if (f->c) f->ss = pp_session_load(path, f->c, session_schema, &err);
    if (!f->ss) fail_msg("%s:%ld: %s", err.file ? err.file : "?", err.line, err.msg);
    g_free(content);
    g_free(schema);
    g_free(session_schema);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    pp_session_free(f->ss);
    pp_content_free(f->c);
    pp_typeset_free(f->ts);
    g_free(f);
    return 0;
}

/* Plans sheet at paper with the session, continuation pages included. */
static pp_scene *plan_sheet(fixture *f, const char *sheet, const char *paper)
{
    char *layouts = src_path("layouts");
    pp_scene *s = pp_scene_new();
    pp_doc_request r = {pp_sheet_find(sheet), pp_paper_find(paper), 0};
    pp_error err = {0};
    if (pp_doc_plan(s, &r, layouts, f->c, f->ss, f->ts, &err) != PP_OK) fail_msg("%s", err.msg);
    g_free(layouts);
    return s;
}

static bool same_style(const pp_style *a, const pp_style *b)
{
    return a->name && b->name && strcmp(a->name, b->name) == 0 && a->weight == b->weight &&
           a->leading == b->leading && a->align == b->align && a->colour.r == b->colour.r &&
           a->colour.g == b->colour.g && a->colour.b == b->colour.b;
}

/* The minimum that a layout of s gives style st (or the style it is a scaled copy of: same name,
 * weight, …); the smallest when layouts of several sheets have such a style; -1 when none has. */
static double layout_min(const pp_scene *s, const pp_style *st)
{
    double min = -1;
    for (size_t j = 0; j < s->n_layouts; j++)
        for (size_t i = 0; i < pp_layout_n_styles(s->layouts[j]); i++) {
            const pp_style *l = pp_layout_style_at(s->layouts[j], i);
            if (same_style(l, st) && (min < 0 || l->min < min)) min = l->min;
        }
    return min;
}

/* Every text op of s, against its layout style's minimum; returns how many there are. */
static size_t check_min_sizes(const pp_scene *s, const char *sheet, const char *paper)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n_pages; i++)
        for (size_t k = 0; k < s->pages[i].n; k++) {
            const pp_op *op = &s->pages[i].ops[k];
            if (op->kind != PP_OP_TEXT && op->kind != PP_OP_ARC_TEXT) continue;
            const pp_style *st = pp_textbox_style(op->text);
            double size = pp_textbox_size(op->text), min = layout_min(s, st);
            if (min < 0) fail_msg("%s at %s: a style \"%s\" of no layout", sheet, paper, st->name);
            if (size < min - 1e-9)
                fail_msg("%s at %s, page %zu: \"%.40s\" (%s) at %.2f pt, below its minimum %.2f pt",
                         sheet, paper, i + 1, pp_textbox_text(op->text), op->role, size, min);
            n++;
        }
    return n;
}

static void no_problems(const pp_scene *s)
{
    for (size_t i = 0; i < s->n_problems; i++)
        print_error("%s: %s\n", s->problems[i].where, s->problems[i].what);
    assert_int_equal(pp_scene_errors(s), 0);
}

static void every_text_at_least_its_minimum(void **state)
{
    static const char *const cases[][2] = {
        {"all", "A3"}, {"all", "A0"}, {"report", "A4"}, {"report", "A3"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pp_scene *s = plan_sheet(*state, cases[i][0], cases[i][1]);
        size_t n = check_min_sizes(s, cases[i][0], cases[i][1]);
        print_message("%s at %s: %zu text ops, %zu pages, %zu continued\n", cases[i][0],
                      cases[i][1], n, s->n_pages, s->n_conts);
        assert_true(n > 0);
        no_problems(s);
        pp_scene_free(s);
    }
}

/* The post-its that have no room on the sheet go on in the appendix, each with its colour. */
static void postits_go_on_with_their_colour(void **state)
{
    fixture *f = *state;
    pp_scene *s = plan_sheet(f, "praatplaat", "A3");
    size_t coloured = 0;
    for (size_t i = 0; i < s->n_conts; i++)
        coloured += s->conts[i].colour != NULL;
    assert_true(coloured > 0);
    pp_scene_free(s);
}

/* Whether text is the whole text of one of the session's post-its. */
static bool whole_postit(const pp_session *ss, size_t n_themes, const char *text)
{
    for (size_t i = 0; i < n_themes; i++)
        for (size_t k = 0; k < ss->themes[i].n_postits; k++)
            if (ss->themes[i].postits[k].text.text &&
                strcmp(ss->themes[i].postits[k].text.text, text) == 0)
                return true;
    return false;
}

/* A post-it with room keeps its address ("Zie https://…", "Contact via …@…"), broken after "/", "."
 * or "-": no post-it of the stress session is cut in two; those without a place go on whole. (At A0
 * the minimum post-it type is 12.7 pt: "hoekstra@onderwijsalliantie-", which has no break, is wider
 * than the largest post-it, 76 mm, and rightly goes on in the appendix.) */
static void postits_keep_their_addresses(void **state)
{
    fixture *f = *state;
    static const char *const papers[] = {"A4", "A3", "A2", "A1"};
    for (size_t p = 0; p < sizeof papers / sizeof papers[0]; p++) {
        pp_scene *s = plan_sheet(f, "praatplaat", papers[p]);
        for (size_t i = 0; i < s->n_conts; i++)
            if (s->conts[i].colour && !whole_postit(f->ss, f->c->n_themes, s->conts[i].text))
                fail_msg("at %s a post-it is cut: \"%s\" goes on in the appendix", papers[p],
                         s->conts[i].text);
        pp_scene_free(s);
    }
}

/* The ink's fallbacks: Vietnamese, Polish and Turkish letters come from Andika, of the same plain
 * hand, and are no warning; an Arabic name drawn in Noto Sans Arabic among the ink is one (for
 * `check`), and never an error. */
static void fallback_into_another_style_is_a_warning(void **state)
{
    pp_scene *s = plan_sheet(*state, "followup", "A3"); /* the participants, in the ink */
    size_t arabic = 0;
    for (size_t i = 0; i < s->n_problems; i++) {
        const pp_problem *p = &s->problems[i];
        if (!p->warning) continue;
        print_message("warning: %s\n", p->what);
        arabic += strstr(p->what, "Noto Sans Arabic") != NULL;
        assert_null(strstr(p->what, "Nguy"));
        assert_null(strstr(p->what, "Wróbel"));
        assert_null(strstr(p->what, "Çağlayan"));
    }
    assert_true(arabic > 0);
    pp_scene_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_text_at_least_its_minimum),
        cmocka_unit_test(postits_go_on_with_their_colour),
        cmocka_unit_test(postits_keep_their_addresses),
        cmocka_unit_test(fallback_into_another_style_is_a_warning),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
