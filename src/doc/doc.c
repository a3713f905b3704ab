#include "doc/doc.h"

#include <glib.h>
#include <string.h>

static bool paper_allowed(const pp_sheet_kind *k, const pp_paper *p)
{
    if (!k->papers) return true;
    for (size_t i = 0; k->papers[i]; i++)
        if (strcmp(k->papers[i], p->name) == 0) return true;
    return false;
}

/* "A4 or A3" */
static char *paper_list(const pp_sheet_kind *k)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; k->papers[i]; i++)
        g_string_append_printf(s, "%s%s",
                               i == 0             ? ""
                               : k->papers[i + 1] ? ", "
                                                  : " or ",
                               k->papers[i]);
    return g_string_free(s, FALSE);
}

static pp_status unknown_sheet(const char *sheet, pp_error *err)
{
    GString *names = g_string_new(NULL);
    for (size_t i = 0; pp_sheet_at(i); i++)
        if (pp_sheet_at(i)->role != PP_SHEET_CONTINUATION)
            g_string_append_printf(names, "%s%s", names->len ? ", " : "", pp_sheet_at(i)->name);
    pp_error_set(err, PP_ERR_USAGE, NULL, 0, "unknown sheet \"%s\" (%s)", sheet, names->str);
    g_string_free(names, TRUE);
    return err->status;
}

/* "--form takes --sheet praatplaat, followup or all, not …" */
static pp_status not_fillable(const pp_sheet_kind *k, pp_error *err)
{
    GString *names = g_string_new(NULL);
    size_t n = 0, seen = 0;
    for (size_t i = 0; pp_sheet_at(i); i++)
        n += pp_sheet_at(i)->fillable;
    for (size_t i = 0; pp_sheet_at(i); i++)
        if (pp_sheet_at(i)->fillable) {
            seen++;
            g_string_append_printf(names, "%s%s",
                                   seen == 1   ? ""
                                   : seen == n ? " or "
                                               : ", ",
                                   pp_sheet_at(i)->name);
        }
    pp_error_set(err, PP_ERR_USAGE, NULL, 0, "--form takes --sheet %s, not \"%s\"", names->str,
                 k->name);
    g_string_free(names, TRUE);
    return err->status;
}

pp_status pp_doc_resolve(const char *sheet, const char *paper, int orientation, bool has_session,
                         bool form, pp_doc_request *r, pp_error *err)
{
    const pp_sheet_kind *k = pp_sheet_find(sheet ? sheet : "all");
    if (!k) return unknown_sheet(sheet, err);
    if (form && !k->fillable) return not_fillable(k, err);
    const pp_paper *p = pp_paper_find(paper ? paper : k->default_paper);
    if (!p)
        return pp_error_set(err, PP_ERR_USAGE, NULL, 0, "unknown paper size \"%s\" (%s)", paper,
                            pp_paper_names());
    if (k->needs_session && !has_session)
        return pp_error_set(err, PP_ERR_USAGE, NULL, 0, "--sheet %s needs --session FILE", k->name);
    if (!paper_allowed(k, p)) {
        char *list = paper_list(k);
        pp_error_set(err, PP_ERR_USAGE, NULL, 0, "the %s is %s, not \"%s\"", k->name, list,
                     p->name);
        g_free(list);
        return err->status;
    }
    *r = (pp_doc_request){k, p, orientation};
    return PP_OK;
}

static bool check_fonts(const pp_layout *l, pp_typeset *ts, const char *path, pp_error *err)
{
    for (size_t i = 0; i < pp_layout_n_styles(l); i++) {
        const pp_style *st = pp_layout_style_at(l, i);
        if (!pp_typeset_check_face(ts, st->family, st->weight, st->italic, path, err)) return false;
    }
    return true;
}

/* What a layout's counts are held to: the themes of a praatplaat, the kinds of partner of a
 * network map. */
typedef struct counted {
    size_t n;
    long line;
    const char *what, *min, *max;
} counted;

static counted content_count(const pp_content *c)
{
    if (c->family == PP_FAMILY_NETWORK)
        return (counted){c->network.n_kinds, c->network.kinds[0].line, "kinds of partner",
                         "kinds-min", "kinds-max"};
    return (counted){c->n_themes, c->themes[0].line, "themes", "themes-min", "themes-max"};
}

/* The content fits what the layout supports: its theme (or kind) counts and its palette. */
static pp_status check_counts(pp_layout *l, const pp_sheet_kind *k, const pp_content *c,
                              pp_error *err)
{
    counted n = content_count(c);
    size_t top = c->family == PP_FAMILY_NETWORK ? PP_MAX_KINDS : PP_MAX_THEMES;
    double lo = pp_layout_has_number(l, n.min) ? pp_layout_num(l, n.min) : 1;
    double hi =
        pp_layout_has_number(l, n.max) ? pp_layout_num_in(l, n.max, lo, (double)top) : (double)top;
    if (pp_layout_status(l, err) != PP_OK) return err->status;
    if ((double)n.n < lo || (double)n.n > hi)
        return pp_error_set(err, PP_ERR_INVALID, c->path, n.line,
                            "the %s sheet supports %g to %g %s; the content has %zu", k->name, lo,
                            hi, n.what, n.n);
    if (n.n > pp_layout_palette_size(l))
        return pp_error_set(err, PP_ERR_INVALID, c->path, n.line,
                            "%zu %s, but the %s layout has colours for at most %zu", n.n, n.what,
                            k->name, pp_layout_palette_size(l));
    return PP_OK;
}

/* The kind draws the content's family. */
static bool same_family(const pp_sheet_kind *k, const pp_content *c)
{
    return k->family == PP_FAMILY_ANY || k->family == c->family;
}

static pp_status other_family(const pp_sheet_kind *k, const pp_content *c, pp_error *err)
{
    return pp_error_set(err, PP_ERR_INVALID, c->path, c->title.line,
                        "the %s sheet is not one of this instrument's: its content has %s", k->name,
                        c->family == PP_FAMILY_NETWORK ? "a <network>, no <themes>"
                                                       : "<themes>, no <network>");
}

struct pp_doc_layouts {
    char *dir;
    GHashTable *loaded; /* "FILE PAPER ORIENTATION" → pp_layout *, owned */
};

pp_doc_layouts *pp_doc_layouts_new(const char *layouts_dir)
{
    pp_doc_layouts *lc = g_new0(pp_doc_layouts, 1);
    lc->dir = g_strdup(layouts_dir);
    lc->loaded =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)pp_layout_free);
    return lc;
}

void pp_doc_layouts_free(pp_doc_layouts *lc)
{
    if (!lc) return;
    g_hash_table_destroy(lc->loaded);
    g_free(lc->dir);
    g_free(lc);
}

/* The kind's layout for the request, read and held to the kind's names; NULL with err set. */
static pp_layout *read_layout(const pp_sheet_kind *k, const pp_doc_request *r,
                              const char *layouts_dir, pp_error *err)
{
    char *path = g_build_filename(layouts_dir, k->layout, NULL);
    char *sheet = g_strndup(k->layout, strlen(k->layout) - strlen(".xml"));
    pp_layout *l = pp_layout_load(path, r->paper, r->orientation, err);
    if (l && pp_layout_check(l, sheet, k->keys, *k->n_keys, err) != PP_OK)
        g_clear_pointer(&l, pp_layout_free);
    g_free(sheet);
    g_free(path);
    return l;
}

/* lc's layout of kind k for r, read on first use; borrowed from lc. NULL with err set. */
static pp_layout *cached_layout(pp_doc_layouts *lc, const pp_sheet_kind *k, const pp_doc_request *r,
                                pp_error *err)
{
    char *key = g_strdup_printf("%s %s %d", k->layout, r->paper->name, r->orientation);
    pp_layout *l = g_hash_table_lookup(lc->loaded, key);
    if (!l && (l = read_layout(k, r, lc->dir, err))) {
        g_hash_table_insert(lc->loaded, key, l);
        key = NULL;
    }
    g_free(key);
    return l;
}

/* The kind's layout, from lc when given (borrowed), else read from layouts_dir and kept by s;
 * checked against ts's fonts. NULL with err set. */
static pp_layout *load_layout(pp_scene *s, const pp_sheet_kind *k, const pp_doc_request *r,
                              const char *layouts_dir, pp_doc_layouts *lc, pp_typeset *ts,
                              pp_error *err)
{
    pp_layout *l = lc ? cached_layout(lc, k, r, err) : read_layout(k, r, layouts_dir, err);
    if (l && !lc) pp_scene_keep_layout(s, l);
    const char *dir = lc ? lc->dir : layouts_dir;
    char *path = l ? g_build_filename(dir, k->layout, NULL) : NULL;
    bool ok = l && check_fonts(l, ts, path, err);
    g_free(path);
    return ok ? l : NULL;
}

/* A warning (for `check`), once per scene: the content's language has no hyphenation dictionary, so
 * its long words are not hyphenated. Debian names the packages hyphen-LL (hyphen-de, hyphen-fr). */
static void warn_no_hyphenation(pp_scene *s, const pp_content *c, pp_typeset *ts)
{
    for (size_t i = 0; i < s->n_problems; i++)
        if (s->problems[i].warning && strstr(s->problems[i].what, "no hyphenation dictionary"))
            return;
    char *ll = g_ascii_strdown(c->lang, (gssize)strcspn(c->lang, "-_"));
    pp_text root = {NULL, c->lang, c->line, c->path, NULL};
    pp_scene_problem(s, c, &root,
                     "no hyphenation dictionary for language \"%s\" in %s: long words are not "
                     "hyphenated (install the package hyphen-%s if your system has one)",
                     c->lang, pp_typeset_hyphen_dir(ts), ll);
    s->problems[s->n_problems - 1].warning = true;
    g_free(ll);
}

static pp_status plan_one(pp_scene *s, const pp_sheet_kind *k, const pp_doc_request *r,
                          const char *layouts_dir, pp_doc_layouts *lc, const pp_content *c,
                          const pp_session *ss, pp_typeset *ts, pp_error *err)
{
    if (!k->plan) return PP_OK;
    if (!same_family(k, c)) return other_family(k, c, err);
    pp_layout *l = load_layout(s, k, r, layouts_dir, lc, ts, err);
    if (!l || check_counts(l, k, c, err) != PP_OK) return err->status;
    pp_typeset_set_language(ts, c->lang);
    s->sheet = k->name;
    pp_sheet_env env = {c, ts, l, ss};
    size_t first = s->n_pages;
    k->plan(s, &env);
    if (pp_lang_is_rtl(c->lang)) pp_scene_mirror(s, first);
    if (pp_typeset_hyphenation_missing(ts)) warn_no_hyphenation(s, c, ts);
    return pp_layout_status(l, err);
}

/* A part of a document: in a tagged one, a Figure that says what it shows. */
static void plan_part(pp_scene *s, const pp_sheet_kind *part, const pp_doc_request *r,
                      const char *layouts_dir, pp_doc_layouts *lc, const pp_content *c,
                      const pp_session *ss, pp_typeset *ts, pp_error *err)
{
    bool figure = s->tags && part->alt && s->n_pages > 0;
    if (figure) pp_scene_begin(s, "Figure", part->alt(c, ss));
    plan_one(s, part, r, layouts_dir, lc, c, ss, ts, err);
    if (figure) pp_scene_end(s);
}

pp_status pp_doc_plan_one(pp_scene *s, const pp_sheet_kind *k, const pp_doc_request *r,
                          const char *layouts_dir, const pp_content *c, const pp_session *ss,
                          pp_typeset *ts, pp_error *err)
{
    return plan_one(s, k, r, layouts_dir, NULL, c, ss, ts, err);
}

static pp_status plan_all(pp_scene *s, const pp_doc_request *r, const char *layouts_dir,
                          pp_doc_layouts *lc, const pp_content *c, const pp_session *ss,
                          pp_typeset *ts, pp_error *err)
{
    const pp_sheet_kind *k = r->kind;
    s->tags = k->tagged;
    plan_one(s, k, r, layouts_dir, lc, c, ss, ts, err);
    for (size_t i = 0; k->parts && k->parts[i] && !pp_error_isset(err); i++)
        if (same_family(pp_sheet_find(k->parts[i]), c))
            plan_part(s, pp_sheet_find(k->parts[i]), r, layouts_dir, lc, c, ss, ts, err);
    if (ss && !pp_error_isset(err))
        plan_one(s, pp_sheet_continuation(), r, layouts_dir, lc, c, ss, ts, err);
    return err->status;
}

pp_status pp_doc_plan_cached(pp_scene *s, const pp_doc_request *r, pp_doc_layouts *lc,
                             const pp_content *c, pp_typeset *ts, pp_error *err)
{
    return plan_all(s, r, NULL, lc, c, NULL, ts, err);
}

pp_status pp_doc_layouts_load(pp_doc_layouts *lc, const pp_doc_request *r, pp_error *err)
{
    const pp_sheet_kind *k = r->kind;
    if (k->plan) cached_layout(lc, k, r, err);
    for (size_t i = 0; k->parts && k->parts[i] && !pp_error_isset(err); i++)
        if (pp_sheet_find(k->parts[i])->plan) cached_layout(lc, pp_sheet_find(k->parts[i]), r, err);
    return err->status;
}

pp_status pp_doc_plan(pp_scene *s, const pp_doc_request *r, const char *layouts_dir,
                      const pp_content *c, const pp_session *ss, pp_typeset *ts, pp_error *err)
{
    return plan_all(s, r, layouts_dir, NULL, c, ss, ts, err);
}

const char *pp_doc_subject(const pp_doc_request *r, const pp_content *c)
{
    return r->kind->subject(c);
}

/* The print layout's file and the paper it is read for (its sizes suit the tiles' paper). */
static const char print_layout[] = "print.xml";
static const char print_reference[] = "A4";

pp_status pp_doc_print(pp_scene *out, pp_scene *poster, const pp_print_request *rq,
                       const char *layouts_dir, const pp_content *c, pp_typeset *ts, pp_error *err)
{
    out->source = poster;
    if (rq->tile && !c->record.given)
        return pp_error_set(err, PP_ERR_INVALID, c->path, c->title.line,
                            "the content has no <record> block: its words are needed to print "
                            "on sheets (docs/content-format.md)");
    char *path = g_build_filename(layouts_dir, print_layout, NULL);
    const pp_paper *paper = rq->tile ? rq->tile : pp_paper_find(print_reference);
    pp_layout *l = pp_layout_load(path, paper, 0, err);
    if (l) pp_scene_keep_layout(out, l);
    bool ok = l && pp_layout_check(l, "print", pp_print_keys, pp_print_n_keys, err) == PP_OK &&
              check_fonts(l, ts, path, err);
    g_free(path);
    if (!ok) return err->status;
    pp_typeset_set_language(ts, c->lang);
    out->source = NULL;
    pp_sheet_env env = {c, ts, l, NULL};
    pp_print_plan(out, poster, rq, &env);
    return pp_layout_status(l, err);
}
