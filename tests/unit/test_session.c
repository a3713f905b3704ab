/* Sessions: loading and binding to the content, the template, dates and words of the record, and
 * where the marks land on the sheets. */
#include "doc/doc.h"
#include "helpers.h"
#include "model/content.h"
#include "model/record.h"
#include "model/session.h"
#include "model/session_write.h"
#include "sheets/sheet.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct fixture {
    pp_typeset *ts;
    pp_content *c;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->ts = test_typeset();
    char *path = src_path("content/samenwerking/nl.xml"), *schema = src_path("schemas/content.rng");
    pp_error err = {0};
    f->c = pp_content_load(path, schema, &err);
    assert_non_null(f->c);
    g_free(path);
    g_free(schema);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    pp_content_free(f->c);
    pp_typeset_free(f->ts);
    free(f);
    return 0;
}

static pp_session *load(const pp_content *c, const char *rel, pp_error *err)
{
    char *path = src_path(rel), *schema = src_path("schemas/session.rng");
    pp_session *s = pp_session_load(path, c, schema, err);
    g_free(path);
    g_free(schema);
    return s;
}

static void sample_binds_to_content(void **state)
{
    fixture *f = *state;
    pp_error err = {0};
    pp_session *s = load(f->c, "samples/zuidrand-2026-10.xml", &err);
    if (!s) fail_msg("%s:%ld: %s", err.file, err.line, err.msg);
    assert_string_equal(s->date.text, "2026-10-13");
    assert_int_equal(s->date.line, 12);
    assert_int_equal(s->n_participants, 8);
    assert_int_equal(s->themes[0].statements[0].score, PP_SCORE_PLUS);
    assert_int_equal(s->themes[0].attention, PP_MARK_YES);
    assert_int_equal(s->themes[2].attention, PP_MARK_NO);
    assert_int_equal(s->themes[0].n_postits, 3);
    assert_string_equal(s->themes[0].postits[1].colour, "pink");
    assert_non_null(s->next_date.text);
    /* The extra rows follow the themes: "other" holds a written label. */
    assert_non_null(s->rows[f->c->n_themes].label.text);
    assert_null(s->rows[0].label.text);
    pp_session_free(s);
}

static void template_is_an_empty_session(void **state)
{
    fixture *f = *state;
    char *xml = pp_session_template(f->c);
    assert_non_null(xml);
    char *name = temp_file(xml);
    pp_error err = {0};
    pp_session *s = load(f->c, name, &err);
    if (!s) fail_msg("%s:%ld: %s", err.file, err.line, err.msg);
    assert_int_equal(s->n_participants, 0);
    assert_null(s->partnership.text);
    for (size_t i = 0; i < f->c->n_themes; i++) {
        assert_int_equal(s->themes[i].attention, PP_MARK_NONE);
        assert_int_equal(s->themes[i].n_postits, 0);
        assert_null(s->themes[i].notes.text);
        for (size_t k = 0; k < f->c->themes[i].n_statements; k++) {
            assert_int_equal(s->themes[i].statements[k].score, -1);
            /* every statement is in the template, with its words beside it */
            char ref[96];
            snprintf(ref, sizeof ref, "<statement ref=\"%s\"", f->c->themes[i].statements[k].id);
            assert_non_null(strstr(xml, ref));
            assert_non_null(strstr(xml, f->c->themes[i].statements[k].text));
        }
    }
    pp_session_free(s);
    unlink(name);
    g_free(name);
    g_free(xml);
}

static void session_of_another_instrument(void **state)
{
    fixture *f = *state;
    char *name =
        temp_file("<?xml version=\"1.0\"?>\n<session format=\"1\" instrument=\"netwerk\"/>\n");
    pp_error err = {0};
    assert_null(load(f->c, name, &err));
    assert_int_equal(err.status, PP_ERR_INVALID);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.msg, "netwerk"));
    unlink(name);
    g_free(name);
}

/* A picture file of a session's folder: a PNG or JPEG header of w × h pixels (only the header is
 * read when a session loads), or other bytes. */
static void picture_file(const char *dir, const char *name, const char *kind, unsigned w,
                         unsigned h)
{
    unsigned char png[24] = {0x89,    'P',     'N',    'G', '\r',    '\n',    0x1a,   '\n',
                             0,       0,       0,      13,  'I',     'H',     'D',    'R',
                             w >> 24, w >> 16, w >> 8, w,   h >> 24, h >> 16, h >> 8, h};
    unsigned char jpeg[] = {0xff, 0xd8, 0xff,   0xe0,     0,      4,        0, 0, 0xff, 0xc0, 0,
                            11,   8,    h >> 8, h & 0xff, w >> 8, w & 0xff, 3, 0, 0,    0};
    char *path = g_build_filename(dir, name, NULL);
    char *folder = g_path_get_dirname(path);
    g_mkdir_with_parents(folder, 0700);
    bool is_png = strcmp(kind, "png") == 0, is_jpeg = strcmp(kind, "jpeg") == 0;
    assert_true(g_file_set_contents(path,
                                    is_png    ? (char *)png
                                    : is_jpeg ? (char *)jpeg
                                              : "text",
                                    is_png    ? (gssize)sizeof png
                                    : is_jpeg ? (gssize)sizeof jpeg
                                              : 4,
                                    NULL));
    g_free(folder);
    g_free(path);
}

/* Loads the session body (the themes of <praatplaat>) from a file in dir. */
static pp_session *load_in(fixture *f, const char *dir, const char *body, pp_error *err)
{
    char *xml = g_strdup_printf("<?xml version=\"1.0\"?>\n<session format=\"1\" "
                                "instrument=\"samenwerking\"><praatplaat>\n%s</praatplaat>"
                                "</session>\n",
                                body);
    char *name = g_build_filename(dir, "s.xml", NULL);
    assert_true(g_file_set_contents(name, xml, -1, NULL));
    *err = (pp_error){0};
    pp_session *s = load(f->c, name, err);
    g_free(name);
    g_free(xml);
    return s;
}

/* <picture href> of a theme and of a post-it (scan --images): resolved against the session's
 * folder, written back, given once only; a missing file, a file that is no PNG or JPEG, or one
 * over the pixel limit or wider than cairo's images is an error at its line. A post-it may have
 * only a picture. */
static void pictures(void **state)
{
    fixture *f = *state;
    char *dir = g_dir_make_tmp("pp-pictures-XXXXXX", NULL);
    picture_file(dir, "pics/a & b.png", "png", 300, 100);
    picture_file(dir, "pics/p1.jpg", "jpeg", 80, 80);
    picture_file(dir, "pics/huge.png", "png", 10000, 10000);
    picture_file(dir, "pics/wide.jpg", "jpeg", 40000, 8);
    picture_file(dir, "pics/text.png", "text", 0, 0);
    pp_error err;
    pp_session *s = load_in(f, dir,
                            "<theme ref=\"ambitie\"><picture href=\"pics/a &amp; b.png\"/>"
                            "<postit colour=\"pink\"><picture href=\"pics/p1.jpg\"/></postit>"
                            "</theme>",
                            &err);
    assert_non_null(s);
    assert_string_equal(s->themes[0].picture.href, "pics/a & b.png");
    char *want = g_build_filename(dir, "pics/a & b.png", NULL);
    assert_string_equal(s->themes[0].picture.file, want);
    g_free(want);
    assert_null(s->themes[1].picture.href);
    assert_int_equal(s->themes[0].n_postits, 1);
    assert_string_equal(s->themes[0].postits[0].colour, "pink");
    assert_string_equal(s->themes[0].postits[0].picture.href, "pics/p1.jpg");
    assert_null(s->themes[0].postits[0].text.text);
    char *out = pp_session_write(s, f->c);
    assert_non_null(strstr(out, "<picture href=\"pics/a &amp; b.png\"/>"));
    assert_non_null(
        strstr(out, "<postit colour=\"pink\">\n        <picture href=\"pics/p1.jpg\"/>"));
    g_free(out);
    pp_session_free(s);
    static const char *const bad[][2] = {
        {"<theme ref=\"ambitie\"><picture href=\"pics/a &amp; b.png\"/>\n"
         "<picture href=\"pics/a &amp; b.png\"/></theme>",
         "a second <picture>"},
        {"<theme ref=\"ambitie\">\n<picture href=\"pics/none.png\"/></theme>", "is not there"},
        {"<theme ref=\"ambitie\"><postit>\n<picture href=\"pics/none.png\"/></postit></theme>",
         "is not there"},
        {"<theme ref=\"ambitie\">\n<picture href=\"pics/text.png\"/></theme>",
         "is not a PNG or JPEG image"},
        {"<theme ref=\"ambitie\">\n<picture href=\"pics/huge.png\"/></theme>",
         "at most 40 million are allowed"},
        {"<theme ref=\"ambitie\">\n<picture href=\"pics/wide.jpg\"/></theme>",
         "40000 × 8 pixels; at most 32767 a side are allowed"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_null(load_in(f, dir, bad[i][0], &err));
        assert_int_equal(err.line, 4);
        if (!strstr(err.msg, bad[i][1])) fail_msg("%s: %s", bad[i][1], err.msg);
    }
    char *rm = g_strdup_printf("rm -rf '%s'", dir);
    assert_int_equal(system(rm), 0);
    g_free(rm);
    g_free(dir);
}

static void dates(void **state)
{
    fixture *f = *state;
    int y, m, d;
    assert_true(pp_date_parse("2024-02-29", &y, &m, &d));
    assert_true(pp_date_parse("2000-02-29", &y, &m, &d));
    assert_false(pp_date_parse("1900-02-29", &y, &m, &d));
    assert_false(pp_date_parse("2026-02-29", &y, &m, &d));
    assert_false(pp_date_parse("2026-04-31", &y, &m, &d));
    assert_false(pp_date_parse("2026-13-01", &y, &m, &d));
    assert_false(pp_date_parse("14-10-2026", &y, &m, &d));
    assert_false(pp_date_parse("2026-1-014", &y, &m, &d));
    char *s = pp_record_date(&f->c->record, "2026-10-04");
    assert_string_equal(s, "4 oktober 2026");
    g_free(s);
}

static void participants_line(void **state)
{
    (void)state;
    pp_participant p = {{NULL, "Joost", 1, NULL, NULL}, {NULL, "De Akkerrand", 2, NULL, NULL}, {0}};
    char *s = pp_record_participant(&p);
    assert_string_equal(s, "Joost (De Akkerrand)");
    g_free(s);
    p.role = (pp_text){NULL, "locatiedirecteur", 3, NULL, NULL};
    s = pp_record_participant(&p);
    assert_string_equal(s, "Joost (De Akkerrand, locatiedirecteur)");
    g_free(s);
    p.name.text = NULL;
    s = pp_record_participant(&p);
    assert_string_equal(s, "De Akkerrand, locatiedirecteur");
    g_free(s);
}

/* The prefix kept in a box ends at a word, fits with the reference, and one word more does not. */
static void prefix_that_fits(void **state)
{
    fixture *f = *state;
    pp_style st = {.family = "Comic Neue", .weight = 400, .size = 9, .min = 9, .leading = 1.1};
    const char *text = "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien "
                       "veertien vijftien zestien zeventien achttien negentien twintig";
    const char *ref = "→ bijlage 12";
    size_t cut = pp_textbox_fit_prefix(f->ts, text, &st, 9, 40, 9, ref);
    assert_true(cut > 0 && cut < strlen(text));
    assert_int_equal(text[cut], ' ');
    char *kept = g_strdup_printf("%.*s %s", (int)cut, text, ref);
    pp_textbox *tb = pp_textbox_fit(f->ts, kept, &st, 40, 9);
    assert_false(pp_textbox_overflows(tb));
    pp_textbox_free(tb);
    const char *next = strchr(text + cut + 1, ' ');
    char *more = g_strdup_printf("%.*s %s", (int)(next - text), text, ref);
    tb = pp_textbox_fit(f->ts, more, &st, 40, 9);
    assert_true(pp_textbox_overflows(tb));
    pp_textbox_free(tb);
    g_free(kept);
    g_free(more);
    assert_int_equal(pp_textbox_fit_prefix(f->ts, "kort", &st, 9, 40, 9, ref), 4);
}

/* Plans sheet at paper with the session at rel. */
static pp_scene *plan_session(fixture *f, const pp_session *ss, const char *sheet,
                              const char *paper)
{
    char *layouts = src_path("layouts");
    pp_error err = {0};
    pp_scene *s = pp_scene_new();
    pp_doc_request r = {pp_sheet_find(sheet), pp_paper_find(paper), 0};
    if (pp_doc_plan_one(s, r.kind, &r, layouts, f->c, ss, f->ts, &err) != PP_OK)
        fail_msg("%s", err.msg);
    g_free(layouts);
    return s;
}

static bool inside(const pp_op *mark, const pp_op *box)
{
    double x = mark->x + mark->w / 2, y = mark->y + mark->h / 2;
    return x > box->x && x < box->x + box->w && y > box->y && y < box->y + box->h;
}

/* The marks session gives every theme opposite marks on the two sheets: five clashes, in theme
 * order, with the lines of the <theme> and the <cell>; the agreeing fixture gives none. */
static void attention_clashes(void **state)
{
    fixture *f = *state;
    pp_error err = {0};
    pp_session *ss = load(f->c, "tests/data/marks-session.xml", &err);
    assert_non_null(ss);
    GArray *x = pp_session_attention_clashes(ss, f->c);
    assert_int_equal(x->len, f->c->n_themes);
    for (guint i = 0; i < x->len; i++) {
        const pp_attention_clash *c = &g_array_index(x, pp_attention_clash, i);
        assert_int_equal(c->theme, i);
        assert_int_equal(c->praatplaat, i % 2 ? PP_MARK_NO : PP_MARK_YES);
        assert_int_equal(c->followup, i % 2 ? PP_MARK_YES : PP_MARK_NO);
        assert_true(c->line > 0 && c->followup_line > c->line);
    }
    g_array_unref(x);
    pp_session_free(ss);
    ss = load(f->c, "tests/data/attention-agree-session.xml", &err);
    assert_non_null(ss);
    x = pp_session_attention_clashes(ss, f->c);
    assert_int_equal(x->len, 0);
    g_array_unref(x);
    pp_session_free(ss);
}

/* Each cross of the marks session sits in the box its score names: statement k of theme t in
 * score box (t + k) mod 3, attention yes on even themes. */
static void marks_land_in_their_boxes(void **state)
{
    fixture *f = *state;
    pp_error err = {0};
    pp_session *ss = load(f->c, "tests/data/marks-session.xml", &err);
    assert_non_null(ss);
    const char *papers[] = {"A4", "A3", "A0"};
    for (size_t p = 0; p < 3; p++) {
        pp_scene *s = plan_session(f, ss, "praatplaat", papers[p]);
        const pp_page *pg = &s->pages[0];
        /* score boxes come 3 per statement in content order; checkboxes 2 per theme */
        size_t n_score = 0, n_check = 0, hits = 0, marks = 0;
        const pp_op *last_box = NULL;
        size_t t = 0, k = 0;
        for (size_t i = 0; i < pg->n; i++) {
            const pp_op *op = &pg->ops[i];
            if (strcmp(op->role, "score box") == 0) {
                size_t st_index = n_score / 3, j = n_score % 3;
                t = 0, k = st_index;
                while (k >= f->c->themes[t].n_statements)
                    k -= f->c->themes[t++].n_statements;
                last_box = (j == (t + k) % 3) ? op : NULL;
                n_score++;
            } else if (strcmp(op->role, "checkbox") == 0) {
                size_t theme = n_check / 2, j = n_check % 2;
                last_box = (j == (theme % 2 == 0 ? 0 : 1)) ? op : NULL;
                n_check++;
            } else if (strcmp(op->role, "ink mark") == 0) {
                marks++;
                assert_non_null(last_box); /* a cross follows only the box it marks */
                assert_true(inside(op, last_box));
                hits++;
            }
        }
        size_t statements = 0;
        for (size_t i = 0; i < f->c->n_themes; i++)
            statements += f->c->themes[i].n_statements;
        assert_int_equal(marks, 2 * (statements + f->c->n_themes)); /* two strokes per cross */
        assert_int_equal(hits, marks);
        pp_scene_free(s);
    }
    pp_session_free(ss);
}

/* Long texts keep what fits and go on in the appendix; the two parts give the whole text. */
static void overflow_continues(void **state)
{
    fixture *f = *state;
    GString *long_notes = g_string_new(NULL);
    for (int i = 0; i < 300; i++)
        g_string_append_printf(long_notes, "%swoord%d", i ? " " : "", i);
    char *xml = g_strdup_printf("<?xml version=\"1.0\"?>\n<session format=\"1\" "
                                "instrument=\"samenwerking\"><praatplaat><theme "
                                "ref=\"ambitie\"><notes>%s</notes></theme></praatplaat></session>",
                                long_notes->str);
    char *name = temp_file(xml);
    pp_error err = {0};
    pp_session *ss = load(f->c, name, &err);
    assert_non_null(ss);
    pp_scene *s = plan_session(f, ss, "praatplaat", "A3");
    assert_int_equal(pp_scene_errors(s), 0);
    assert_int_equal(s->n_conts, 1);
    assert_int_equal(s->conts[0].number, 1);
    assert_non_null(strstr(s->conts[0].where, "AMBITIE"));
    const char *rest = s->conts[0].text;
    /* the kept part is in a text op ending with the reference */
    const pp_page *pg = &s->pages[0];
    const char *kept = NULL;
    for (size_t i = 0; i < pg->n; i++)
        if (pg->ops[i].text && strstr(pp_textbox_text(pg->ops[i].text), "woord0 "))
            kept = pp_textbox_text(pg->ops[i].text);
    assert_non_null(kept);
    assert_true(g_str_has_suffix(kept, "→\u00a0bijlage\u00a01"));
    size_t kept_len = strlen(kept) - strlen(" →\u00a0bijlage\u00a01");
    char *joined = g_strdup_printf("%.*s %s", (int)kept_len, kept, rest);
    assert_string_equal(joined, long_notes->str);
    g_free(joined);
    pp_scene_free(s);
    pp_session_free(ss);
    unlink(name);
    g_free(name);
    g_free(xml);
    g_string_free(long_notes, TRUE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sample_binds_to_content),
        cmocka_unit_test(template_is_an_empty_session),
        cmocka_unit_test(session_of_another_instrument),
        cmocka_unit_test(dates),
        cmocka_unit_test(participants_line),
        cmocka_unit_test(prefix_that_fits),
        cmocka_unit_test(attention_clashes),
        cmocka_unit_test(marks_land_in_their_boxes),
        cmocka_unit_test(overflow_continues),
        cmocka_unit_test(pictures),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
