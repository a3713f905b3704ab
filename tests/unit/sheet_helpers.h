/* Planning a sheet in a unit test, and geometry checks over its scene. */
#ifndef PP_TEST_SHEET_HELPERS_H
#define PP_TEST_SHEET_HELPERS_H

#include "doc/doc.h"
#include "helpers.h"
#include "model/content.h"
#include "sheets/sheet.h"

/* Plans sheet for the content at rel (a repo path; an absolute name stays as it is) at paper and
 * orientation (> 0 landscape, < 0 portrait, 0 the layout's), with scan codes saying codes (a static
 * string) or none (NULL); the scene owns the layout. */
static inline pp_scene *plan_as(pp_typeset *ts, const char *rel, const char *sheet,
                                const char *paper, int orientation, const char *codes,
                                pp_content **out)
{
    char *path = src_path(rel), *schema = src_path("schemas/content.rng"),
         *layouts = src_path("layouts");
    pp_error err = {0};
    pp_content *c = pp_content_load(path, schema, &err);
    if (!c) fail_msg("%s", err.msg);
    pp_scene *s = pp_scene_new();
    s->codes = codes;
    pp_doc_request r = {pp_sheet_find(sheet), pp_paper_find(paper), orientation};
    if (pp_doc_plan_one(s, r.kind, &r, layouts, c, NULL, ts, &err) != PP_OK)
        fail_msg("%s", err.msg);
    g_free(path);
    g_free(schema);
    g_free(layouts);
    *out = c;
    return s;
}

/* Plans sheet for the content at rel at paper, as the layout orients it, without codes. */
static inline pp_scene *plan(pp_typeset *ts, const char *rel, const char *sheet, const char *paper,
                             pp_content **out)
{
    return plan_as(ts, rel, sheet, paper, 0, NULL, out);
}

/* Plans sheet for an instrument given as XML text. */
static inline pp_scene *plan_xml(pp_typeset *ts, const char *xml, const char *sheet,
                                 const char *paper, pp_content **out)
{
    char *name = temp_file(xml);
    pp_scene *s = plan(ts, name, sheet, paper, out); /* an absolute name stays as it is */
    unlink(name);
    g_free(name);
    return s;
}

typedef void (*sheet_check)(pp_scene *s, const pp_content *c, const char *file, const char *paper);

/* Plans sheet for each shipped instrument (5 themes) and test instrument (3 and 8 themes) at every
 * paper size, and runs check on each scene. */
static inline void each_instrument_and_paper(pp_typeset *ts, const char *sheet, sheet_check check)
{
    static const char *const files[] = {"content/samenwerking/nl.xml",
                                        "tests/data/three-themes.xml",
                                        "tests/data/eight-themes.xml"};
    static const char *const papers[] = {"A4", "A3", "A2", "A1", "A0"};
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++)
        for (size_t p = 0; p < sizeof papers / sizeof papers[0]; p++) {
            pp_content *c;
            pp_scene *s = plan(ts, files[f], sheet, papers[p], &c);
            check(s, c, files[f], papers[p]);
            pp_scene_free(s);
            pp_content_free(c);
        }
}

static inline bool role_is(const pp_op *op, const char *role)
{
    return op->role && strcmp(op->role, role) == 0;
}

static inline bool overlap(const pp_op *a, const pp_op *b)
{
    const double e = 1e-6;
    return a->x + e < b->x + b->w && b->x + e < a->x + a->w && a->y + e < b->y + b->h &&
           b->y + e < a->y + a->h;
}

static inline void no_problems(const pp_scene *s)
{
    for (size_t i = 0; i < s->n_problems; i++)
        print_error("%s: %s\n", s->problems[i].where, s->problems[i].what);
    assert_int_equal(pp_scene_errors(s), 0);
}

#endif
