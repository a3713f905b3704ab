/* The fields of a form (render --form) read from the scene: each lies inside the box the sheet
 * draws for it, radio groups have a button per choice, names are unique and the same at every
 * paper and in a mirrored (right-to-left) sheet, and a blank sheet without --form has none. */
#include "sheet_helpers.h"

#include "model/formfields.h"
#include "model/paper.h"

#include <math.h>

/* The role of the box each kind of field must lie in. */
static const struct {
    const char *prefix, *role;
} boxes[] = {{"score:", "score box"}, {"attention:", "checkbox"}, {"mark:", "checkbox"},
             {"notes:", "panel"},     {"postits:", "panel"},      {"cell:", "cell"},
             {"header:", "field"},    {"next", "footer"},         {"label:", "row-label"}};

static pp_scene *plan_form(pp_typeset *ts, const char *rel, const char *sheet, const char *paper,
                           bool form, pp_content **out)
{
    char *path = src_path(rel), *schema = src_path("schemas/content.rng"),
         *layouts = src_path("layouts");
    pp_error err = {0};
    pp_content *c = pp_content_load(path, schema, &err);
    if (!c) fail_msg("%s", err.msg);
    pp_scene *s = pp_scene_new();
    s->form = form;
    pp_doc_request r = {pp_sheet_find(sheet), pp_paper_find(paper), 0};
    if (pp_doc_plan_one(s, r.kind, &r, layouts, c, NULL, ts, &err) != PP_OK)
        fail_msg("%s", err.msg);
    g_free(path), g_free(schema), g_free(layouts);
    *out = c;
    return s;
}

static bool inside(const pp_op *in, const pp_op *box)
{
    const double e = 1e-6;
    return in->x >= box->x - e && in->y >= box->y - e && in->x + in->w <= box->x + box->w + e &&
           in->y + in->h <= box->y + box->h + e && in->w > 0 && in->h > 0;
}

/* Checks every field of page p; adds its name (and kind) to names. Returns the number of fields. */
static size_t check_page(const pp_page *p, GHashTable *names, const char *where)
{
    size_t n = 0;
    GHashTable *buttons = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < p->n; i++) {
        const pp_op *f = &p->ops[i];
        if (f->kind != PP_OP_FIELD) continue;
        n++;
        const char *role = NULL;
        for (size_t b = 0; b < G_N_ELEMENTS(boxes) && !role; b++)
            if (g_str_has_prefix(f->field, boxes[b].prefix)) role = boxes[b].role;
        if (!role) fail_msg("%s: field %s of no known kind", where, f->field);
        bool ok = false;
        for (size_t k = 0; k < p->n && !ok; k++)
            ok = p->ops[k].kind == PP_OP_RECT && role_is(&p->ops[k], role) && inside(f, &p->ops[k]);
        if (!ok) fail_msg("%s: field %s lies in no %s", where, f->field, role);
        if (!f->tip || !*f->tip) fail_msg("%s: field %s has no tooltip", where, f->field);
        if (f->field_kind == PP_FIELD_RADIO) {
            guint k = GPOINTER_TO_UINT(g_hash_table_lookup(buttons, f->field));
            g_hash_table_insert(buttons, f->field, GUINT_TO_POINTER(k + 1));
            assert_non_null(f->on);
        } else {
            if (g_hash_table_contains(names, f->field))
                fail_msg("%s: field %s is given twice", where, f->field);
            assert_non_null(f->field_style);
            for (size_t k = 0; k < i; k++)
                if (p->ops[k].kind == PP_OP_FIELD && p->ops[k].field_kind != PP_FIELD_RADIO &&
                    overlap(f, &p->ops[k]))
                    fail_msg("%s: fields %s and %s overlap", where, f->field, p->ops[k].field);
        }
        g_hash_table_add(names, g_strdup(f->field));
    }
    GHashTableIter it;
    gpointer key, val;
    g_hash_table_iter_init(&it, buttons);
    while (g_hash_table_iter_next(&it, &key, &val)) {
        guint want = g_str_has_prefix(key, "score:") ? PP_SCORES : 2;
        if (GPOINTER_TO_UINT(val) != want)
            fail_msg("%s: radio group %s has %u buttons, not %u", where, (const char *)key,
                     GPOINTER_TO_UINT(val), want);
    }
    g_hash_table_destroy(buttons);
    return n;
}

/* The field names of one sheet of one content at one paper, checked. */
static GHashTable *fields_of(pp_typeset *ts, const char *rel, const char *sheet, const char *paper)
{
    pp_content *c;
    pp_scene *s = plan_form(ts, rel, sheet, paper, true, &c);
    GHashTable *names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    gchar *where = g_strdup_printf("%s %s %s", rel, sheet, paper);
    /* One page, but the follow-up plaat continues its table on a second sheet where its rows
     * would fall below the layout's cell-min (8 themes at A0): names stay unique over both. */
    bool two = strcmp(sheet, "followup") == 0 && strcmp(paper, "A0") == 0 &&
               strstr(rel, "eight-themes") != NULL;
    assert_int_equal(s->n_pages, two ? 2 : 1);
    size_t n = 0;
    for (size_t p = 0; p < s->n_pages; p++)
        n += check_page(&s->pages[p], names, where);
    if (strcmp(sheet, "praatplaat") == 0) {
        size_t statements = 0;
        for (size_t i = 0; i < c->n_themes; i++) {
            statements += c->themes[i].n_statements;
            gchar *name = pp_form_name("notes", c->themes[i].id, NULL);
            assert_true(g_hash_table_contains(names, name));
            g_free(name);
        }
        /* three buttons per statement; two per attention mark; notes and post-its per theme */
        assert_int_equal(n, 3 * statements + 4 * c->n_themes);
    }
    g_free(where);
    pp_scene_free(s);
    pp_content_free(c);
    return names;
}

static void same_names(GHashTable *a, GHashTable *b)
{
    assert_int_equal(g_hash_table_size(a), g_hash_table_size(b));
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, a);
    while (g_hash_table_iter_next(&it, &key, NULL))
        if (!g_hash_table_contains(b, key)) fail_msg("field %s is missing", (const char *)key);
}

static void fields_lie_in_their_boxes(void **state)
{
    static const char *const files[] = {"content/samenwerking/nl.xml",
                                        "tests/data/three-themes.xml",
                                        "tests/data/eight-themes.xml"};
    static const char *const papers[] = {"A4", "A3", "A0"};
    static const char *const sheets[] = {"praatplaat", "followup"};
    for (size_t f = 0; f < G_N_ELEMENTS(files); f++)
        for (size_t k = 0; k < G_N_ELEMENTS(sheets); k++) {
            GHashTable *ref = fields_of(*state, files[f], sheets[k], "A3");
            for (size_t p = 0; p < G_N_ELEMENTS(papers); p++) {
                GHashTable *names = fields_of(*state, files[f], sheets[k], papers[p]);
                same_names(ref, names);
                g_hash_table_destroy(names);
            }
            g_hash_table_destroy(ref);
        }
}

/* English and the mirrored Arabic sheets have the Dutch sheets' fields, each in its box. */
static void names_do_not_depend_on_language(void **state)
{
    static const char *const sheets[] = {"praatplaat", "followup"};
    for (size_t k = 0; k < G_N_ELEMENTS(sheets); k++) {
        GHashTable *nl = fields_of(*state, "content/samenwerking/nl.xml", sheets[k], "A3");
        GHashTable *en = fields_of(*state, "content/samenwerking/en.xml", sheets[k], "A4");
        GHashTable *ar = fields_of(*state, "tests/data/arabic.xml", sheets[k], "A0");
        same_names(nl, en);
        same_names(nl, ar);
        g_hash_table_destroy(nl), g_hash_table_destroy(en), g_hash_table_destroy(ar);
    }
}

static void no_fields_without_form(void **state)
{
    pp_content *c;
    pp_scene *s = plan_form(*state, "content/samenwerking/nl.xml", "followup", "A3", false, &c);
    for (size_t i = 0; i < s->pages[0].n; i++)
        assert_int_not_equal(s->pages[0].ops[i].kind, PP_OP_FIELD);
    pp_scene_free(s);
    pp_content_free(c);
}

/* --- The network map's form ----------------------------------------------------------------- */

/* (x, y) lies in the ring sector sec (SECTOR: centre x, y, angles a0 … a1), between radii lo, hi.
 */
static bool in_cell(const pp_op *sec, double lo, double hi, double x, double y)
{
    const double e = 1e-6;
    double r = hypot(x - sec->x, y - sec->y);
    double t = fmod(atan2(y - sec->y, x - sec->x) - sec->a0 + 4 * G_PI, 2 * G_PI);
    return r >= lo - e && r <= hi + e && t <= sec->a1 - sec->a0 + e;
}

/* The n ops of page p with role, in their order. */
static size_t ops_with(const pp_page *p, const char *role, const pp_op **out, size_t most)
{
    size_t n = 0;
    for (size_t i = 0; i < p->n && n < most; i++)
        if (role_is(&p->ops[i], role)) out[n++] = &p->ops[i];
    return n;
}

static double rect_distance(const pp_op *f, double x, double y)
{
    return hypot(fmax(fmax(f->x - x, 0), x - (f->x + f->w)),
                 fmax(fmax(f->y - y, 0), y - (f->y + f->h)));
}

/* The netwerkkaart's fields: one per kind x ring inside its cell, the others clear of the map and
 * inside the page, none overlapping; names in names. */
static GHashTable *network_fields(pp_typeset *ts, const char *rel, const char *paper, int orient)
{
    pp_content *c;
    char *path = src_path(rel), *schema = src_path("schemas/content.rng"),
         *layouts = src_path("layouts");
    pp_error err = {0};
    c = pp_content_load(path, schema, &err);
    if (!c) fail_msg("%s", err.msg);
    pp_scene *s = pp_scene_new();
    s->form = true;
    pp_doc_request r = {pp_sheet_find("netwerkkaart"), pp_paper_find(paper), orient};
    if (pp_doc_plan_one(s, r.kind, &r, layouts, c, NULL, ts, &err) != PP_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(s->n_problems, 0);
    const pp_page *p = &s->pages[0];
    const pp_network *nw = &c->network;
    const pp_op *sectors[PP_MAX_KINDS], *rings[PP_MAX_RINGS], *bands[PP_MAX_KINDS];
    assert_int_equal(ops_with(p, "sector", sectors, PP_MAX_KINDS), nw->n_kinds);
    assert_int_equal(ops_with(p, "ring", rings, PP_MAX_RINGS), nw->n_rings);
    assert_int_equal(ops_with(p, "kind band", bands, PP_MAX_KINDS), nw->n_kinds);
    GHashTable *names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (size_t i = 0; i < p->n; i++) {
        const pp_op *f = &p->ops[i];
        if (f->kind != PP_OP_FIELD) continue;
        if (g_hash_table_contains(names, f->field)) fail_msg("field %s is given twice", f->field);
        g_hash_table_add(names, g_strdup(f->field));
        assert_true(f->w > 0 && f->h > 0 && f->x >= 0 && f->y >= 0 && f->x + f->w <= p->w &&
                    f->y + f->h <= p->h);
        assert_non_null(f->tip);
        for (size_t k = 0; k < i; k++)
            if (p->ops[k].kind == PP_OP_FIELD && overlap(f, &p->ops[k]))
                fail_msg("fields %s and %s overlap", f->field, p->ops[k].field);
        bool cell = false;
        for (size_t k = 0; k < nw->n_kinds; k++)
            for (size_t q = 0; q < nw->n_rings; q++) {
                gchar *name = pp_form_name(PP_FORM_PARTNERS, nw->kinds[k].id, nw->rings[q].id);
                if (strcmp(name, f->field) == 0) {
                    cell = true;
                    double lo = q ? rings[q - 1]->w : sectors[k]->w, hi = rings[q]->w;
                    double xs[2] = {f->x, f->x + f->w}, ys[2] = {f->y, f->y + f->h};
                    for (int e = 0; e < 4; e++)
                        if (!in_cell(sectors[k], lo, hi, xs[e & 1], ys[e >> 1]))
                            fail_msg("field %s leaves its cell", f->field);
                }
                g_free(name);
            }
        if (!cell && rect_distance(f, bands[0]->x, bands[0]->y) < bands[0]->h)
            fail_msg("field %s lies on the map", f->field);
    }
    assert_int_equal(g_hash_table_size(names), nw->n_kinds * nw->n_rings + 5);
    pp_scene_free(s);
    pp_content_free(c);
    g_free(path), g_free(schema), g_free(layouts);
    return names;
}

static void network_fields_lie_in_their_cells(void **state)
{
    GHashTable *ref = network_fields(*state, "content/netwerkkaart/nl.xml", "A3", 0);
    static const struct {
        const char *file, *paper;
        int orient;
    } cases[] = {{"content/netwerkkaart/nl.xml", "A3", -1},
                 {"content/netwerkkaart/nl.xml", "A4", 0},
                 {"content/netwerkkaart/en.xml", "A1", -1},
                 {"content/netwerkkaart/en.xml", "A0", 0}};
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        GHashTable *names = network_fields(*state, cases[i].file, cases[i].paper, cases[i].orient);
        same_names(ref, names);
        g_hash_table_destroy(names);
    }
    g_hash_table_destroy(ref);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fields_lie_in_their_boxes),
        cmocka_unit_test(names_do_not_depend_on_language),
        cmocka_unit_test(no_fields_without_form),
        cmocka_unit_test(network_fields_lie_in_their_cells),
    };
    return cmocka_run_group_tests(tests, typeset_setup, typeset_teardown);
}
