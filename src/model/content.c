#include "model/content.h"

#include "model/arena.h"
#include "model/xml.h"

#include <glib.h>
#include <libxml/parser.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Loader state: the content being filled, and every id seen (for the uniqueness check). */
typedef struct loader {
    pp_content *c;
    pp_arena *a;
    const char *path;
    pp_error *err;
    struct seen_id {
        const char *id;
        long line;
    } * ids;
    size_t n_ids, cap_ids;
} loader;

static bool ok(const loader *L)
{
    return !pp_error_isset(L->err);
}

static bool valid_id(const char *s)
{
    if (!s || !((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))) return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || strchr("._-", *s)))
            return false;
    return true;
}

static const char *take_id(loader *L, xmlNodePtr n)
{
    char *id = pp_xml_attr(L->a, n, "id");
    if (!id) {
        pp_xml_fail(L->err, L->path, n, "<%s> needs an id attribute", (const char *)n->name);
        return NULL;
    }
    if (!valid_id(id)) {
        pp_xml_fail(L->err, L->path, n,
                    "id \"%s\" is not valid (lower-case letters, digits, '.', '_', '-')", id);
        return NULL;
    }
    if (L->n_ids == L->cap_ids) {
        size_t cap = L->cap_ids ? L->cap_ids * 2 : 64;
        L->ids = g_renew(__typeof__(*L->ids), L->ids, cap);
        L->cap_ids = cap;
    }
    L->ids[L->n_ids++] = (struct seen_id){id, pp_xml_line(n)};
    return id;
}

/* A text element: its id and collapsed text. */
static bool text_of(loader *L, xmlNodePtr n, pp_text *out)
{
    if (!n || !ok(L)) return ok(L);
    out->line = pp_xml_line(n);
    out->id = take_id(L, n);
    if (out->id) out->text = pp_xml_text(L->a, n, L->path, L->err);
    return ok(L) && out->text;
}

/* Takes an optional or required text child named name from *cur. */
static bool take_text(loader *L, xmlNodePtr *cur, xmlNodePtr parent, const char *name,
                      bool required, pp_text *out)
{
    xmlNodePtr n = pp_xml_take(cur, parent, name, required, L->path, L->err);
    return ok(L) && text_of(L, n, out);
}

/* Counts the run of elements named name starting at cur. */
static size_t count_run(xmlNodePtr cur, const char *name)
{
    size_t n = 0;
    for (; cur; cur = cur->next)
        if (cur->type == XML_ELEMENT_NODE) {
            if (!pp_xml_is(cur, name)) break;
            n++;
        }
    return n;
}

static bool check_count(loader *L, xmlNodePtr parent, const char *name, size_t n, size_t lo,
                        size_t hi)
{
    if (n >= lo && n <= hi) return true;
    char what[160];
    snprintf(what, sizeof what, "<%s> must hold %zu to %zu <%s> elements, found %zu",
             (const char *)parent->name, lo, hi, name, n);
    return pp_xml_fail(L->err, L->path, parent, "%s", what);
}

/* A run of text elements named name (lo..hi of them), e.g. statements or fields. */
static pp_text *take_texts(loader *L, xmlNodePtr *cur, xmlNodePtr parent, const char *name,
                           size_t lo, size_t hi, size_t *n_out)
{
    size_t n = count_run(*cur, name);
    if (n < lo && *cur && !pp_xml_is(*cur, name)) { /* something else stands where they should */
        pp_xml_end(*cur, parent, L->path, L->err);
        return NULL;
    }
    if (!check_count(L, parent, name, n, lo, hi)) return NULL;
    pp_text *v = pp_arena_calloc(L->a, n ? n : 1, sizeof *v);
    for (size_t i = 0; v && i < n && ok(L); i++)
        take_text(L, cur, parent, name, true, &v[i]);
    *n_out = n;
    return ok(L) ? v : NULL;
}

static bool load_meta(loader *L, xmlNodePtr meta)
{
    pp_content *c = L->c;
    xmlNodePtr cur = pp_xml_first(meta, L->path, L->err);
    take_text(L, &cur, meta, "title", true, &c->title);
    take_text(L, &cur, meta, "subtitle", false, &c->subtitle);
    take_text(L, &cur, meta, "tagline", false, &c->tagline);
    take_text(L, &cur, meta, "category", false, &c->category);
    take_text(L, &cur, meta, "publisher", true, &c->publisher);
    return ok(L) && pp_xml_end(cur, meta, L->path, L->err);
}

static bool load_labels(loader *L, xmlNodePtr labels)
{
    xmlNodePtr cur = pp_xml_first(labels, L->path, L->err);
    take_text(L, &cur, labels, "yes", true, &L->c->yes);
    take_text(L, &cur, labels, "no", true, &L->c->no);
    return ok(L) && pp_xml_end(cur, labels, L->path, L->err);
}

static bool load_theme(loader *L, xmlNodePtr node, pp_theme *t)
{
    t->line = pp_xml_line(node);
    t->id = take_id(L, node);
    xmlNodePtr cur = pp_xml_first(node, L->path, L->err);
    take_text(L, &cur, node, "name", true, &t->name);
    if (ok(L))
        t->statements =
            take_texts(L, &cur, node, "statement", 1, PP_MAX_STATEMENTS, &t->n_statements);
    return ok(L) && pp_xml_end(cur, node, L->path, L->err);
}

static bool load_themes(loader *L, xmlNodePtr themes)
{
    xmlNodePtr cur = pp_xml_first(themes, L->path, L->err);
    size_t n = count_run(cur, "theme");
    if (!ok(L) || !check_count(L, themes, "theme", n, 1, PP_MAX_THEMES)) return false;
    L->c->themes = pp_arena_calloc(L->a, n, sizeof *L->c->themes);
    L->c->n_themes = n;
    for (size_t i = 0; i < n && ok(L); i++) {
        load_theme(L, cur, &L->c->themes[i]);
        cur = pp_xml_next(cur, L->path, L->err);
    }
    return ok(L) && pp_xml_end(cur, themes, L->path, L->err);
}

static bool load_scores(loader *L, xmlNodePtr scores)
{
    static const char *const values[PP_SCORES] = {"plus", "mixed", "minus"};
    xmlNodePtr cur = pp_xml_first(scores, L->path, L->err);
    for (int i = 0; i < PP_SCORES && ok(L); i++) {
        xmlNodePtr n = pp_xml_take(&cur, scores, "score", true, L->path, L->err);
        if (!n) break;
        char *v = pp_xml_attr(L->a, n, "value");
        if (!v || strcmp(v, values[i]) != 0)
            return pp_xml_fail(L->err, L->path, n,
                               "score %s must have value=\"%s\" (plus, mixed, minus in that order)",
                               values[i], values[i]);
        text_of(L, n, &L->c->praatplaat.scores[i]);
    }
    return ok(L) && pp_xml_end(cur, scores, L->path, L->err);
}

static bool load_praatplaat(loader *L, xmlNodePtr node)
{
    xmlNodePtr cur = pp_xml_first(node, L->path, L->err);
    take_text(L, &cur, node, "title", true, &L->c->praatplaat.title);
    take_text(L, &cur, node, "name", true, &L->c->praatplaat.name);
    take_text(L, &cur, node, "explain", true, &L->c->praatplaat.explain);
    take_text(L, &cur, node, "attention", true, &L->c->praatplaat.attention);
    xmlNodePtr scores = ok(L) ? pp_xml_take(&cur, node, "scores", true, L->path, L->err) : NULL;
    if (scores) load_scores(L, scores);
    return ok(L) && pp_xml_end(cur, node, L->path, L->err);
}

/* An enumerated attribute: absent gives false; "yes"/given value gives true. */
static bool flag_attr(loader *L, xmlNodePtr n, const char *name, const char *on, const char *off)
{
    char *v = pp_xml_attr(L->a, n, name);
    if (!v || (off && strcmp(v, off) == 0)) return false;
    if (strcmp(v, on) == 0) return true;
    char what[128];
    snprintf(what, sizeof what, "attribute %s must be \"%s\"%s%s%s", name, on, off ? " or \"" : "",
             off ? off : "", off ? "\"" : "");
    pp_xml_fail(L->err, L->path, n, "%s", what);
    return false;
}

static bool load_group(loader *L, xmlNodePtr node, pp_group *g)
{
    g->id = take_id(L, node);
    xmlNodePtr cur = pp_xml_first(node, L->path, L->err);
    take_text(L, &cur, node, "label", true, &g->label);
    size_t n = count_run(cur, "column");
    if (!ok(L) || !check_count(L, node, "column", n, 1, PP_MAX_COLUMNS)) return false;
    g->columns = pp_arena_calloc(L->a, n, sizeof *g->columns);
    g->n_columns = n;
    for (size_t i = 0; i < n && ok(L); i++) {
        g->columns[i].yesno = flag_attr(L, cur, "marks", "yesno", NULL);
        take_text(L, &cur, node, "column", true, &g->columns[i].question);
    }
    return ok(L) && pp_xml_end(cur, node, L->path, L->err);
}

static bool load_groups(loader *L, xmlNodePtr *cur, xmlNodePtr parent)
{
    size_t n = count_run(*cur, "group");
    if (!check_count(L, parent, "group", n, 1, PP_MAX_GROUPS)) return false;
    L->c->followup.groups = pp_arena_calloc(L->a, n, sizeof(pp_group));
    L->c->followup.n_groups = n;
    for (size_t i = 0; i < n && ok(L); i++) {
        load_group(L, *cur, &L->c->followup.groups[i]);
        *cur = pp_xml_next(*cur, L->path, L->err);
    }
    if (ok(L) && pp_content_columns(L->c) > PP_MAX_COLUMNS)
        return pp_xml_fail(L->err, L->path, parent, "the follow-up plaat has more than %d columns",
                           PP_MAX_COLUMNS);
    return ok(L);
}

static bool load_rows(loader *L, xmlNodePtr *cur, xmlNodePtr parent)
{
    size_t n = count_run(*cur, "row");
    if (!check_count(L, parent, "row", n, 0, PP_MAX_ROWS)) return false;
    L->c->followup.rows = pp_arena_calloc(L->a, n ? n : 1, sizeof(pp_row));
    L->c->followup.n_rows = n;
    for (size_t i = 0; i < n && ok(L); i++) {
        pp_row *r = &L->c->followup.rows[i];
        r->write_in = flag_attr(L, *cur, "write-in", "yes", "no");
        take_text(L, cur, parent, "row", true, &r->label);
    }
    return ok(L);
}

static bool load_followup(loader *L, xmlNodePtr node)
{
    xmlNodePtr cur = pp_xml_first(node, L->path, L->err);
    take_text(L, &cur, node, "title", true, &L->c->followup.title);
    take_text(L, &cur, node, "name", true, &L->c->followup.name);
    xmlNodePtr fields = ok(L) ? pp_xml_take(&cur, node, "fields", true, L->path, L->err) : NULL;
    if (fields) {
        xmlNodePtr f = pp_xml_first(fields, L->path, L->err);
        L->c->followup.fields =
            take_texts(L, &f, fields, "field", 1, PP_MAX_FIELDS, &L->c->followup.n_fields);
        if (ok(L)) pp_xml_end(f, fields, L->path, L->err);
    }
    if (ok(L)) load_groups(L, &cur, node);
    if (ok(L)) load_rows(L, &cur, node);
    if (ok(L)) take_text(L, &cur, node, "footer", true, &L->c->followup.footer);
    return ok(L) && pp_xml_end(cur, node, L->path, L->err);
}

static bool load_blocks(loader *L, xmlNodePtr first, xmlNodePtr parent, int depth, pp_block **out,
                        size_t *n_out);

static bool load_block(loader *L, xmlNodePtr n, int depth, pp_block *b)
{
    if (depth > PP_MAX_DEPTH)
        return pp_xml_fail(L->err, L->path, n, "blocks are nested deeper than %d levels",
                           PP_MAX_DEPTH);
    if (pp_xml_is(n, "p")) {
        b->kind = PP_BLOCK_P;
        return text_of(L, n, &b->text);
    }
    xmlNodePtr first = pp_xml_first(n, L->path, L->err);
    if (pp_xml_is(n, "section")) {
        b->kind = PP_BLOCK_SECTION;
        b->text.id = take_id(L, n);
        if (ok(L)) take_text(L, &first, n, "heading", true, &b->text);
        return ok(L) && load_blocks(L, first, n, depth + 1, &b->children, &b->n_children);
    }
    if (pp_xml_is(n, "list")) {
        b->kind = PP_BLOCK_LIST;
        b->text.id = take_id(L, n);
        char *type = pp_xml_attr(L->a, n, "type");
        if (!type || (strcmp(type, "bullet") != 0 && strcmp(type, "ordered") != 0))
            return pp_xml_fail(L->err, L->path, n,
                               "<list> needs type=\"bullet\" or type=\"ordered\"");
        b->ordered = strcmp(type, "ordered") == 0;
        return load_blocks(L, first, n, depth + 1, &b->children, &b->n_children);
    }
    return pp_xml_fail(L->err, L->path, n, "element <%s> is not allowed here",
                       (const char *)n->name);
}

/* True when n has element children other than <br/>: an item of blocks rather than of text. */
static bool holds_blocks(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !pp_xml_is(c, "br")) return true;
    return false;
}

/* An item holds either plain text (kept as one P child with the item's id) or blocks. */
static bool load_item(loader *L, xmlNodePtr n, int depth, pp_block *b)
{
    b->kind = PP_BLOCK_ITEM;
    if (!holds_blocks(n)) {
        b->children = pp_arena_calloc(L->a, 1, sizeof *b->children);
        b->n_children = 1;
        return text_of(L, n, &b->children->text);
    }
    b->text.id = take_id(L, n);
    xmlNodePtr first = pp_xml_first(n, L->path, L->err);
    return ok(L) && load_blocks(L, first, n, depth + 1, &b->children, &b->n_children);
}

static bool load_blocks(loader *L, xmlNodePtr first, xmlNodePtr parent, int depth, pp_block **out,
                        size_t *n_out)
{
    size_t n = 0;
    for (xmlNodePtr c = first; c && ok(L); c = pp_xml_next(c, L->path, L->err))
        n++;
    if (!ok(L)) return false;
    if (n == 0)
        return pp_xml_fail(L->err, L->path, parent, "<%s> is empty", (const char *)parent->name);
    if (n > PP_MAX_BLOCKS)
        return pp_xml_fail(L->err, L->path, parent, "<%s> holds too many blocks",
                           (const char *)parent->name);
    *out = pp_arena_calloc(L->a, n, sizeof **out);
    *n_out = n;
    bool list = pp_xml_is(parent, "list");
    size_t i = 0;
    for (xmlNodePtr c = first; c && ok(L); c = pp_xml_next(c, L->path, L->err), i++) {
        if (list != pp_xml_is(c, "item"))
            return pp_xml_fail(L->err, L->path, c,
                               list ? "a <list> holds only <item> elements, found <%s>"
                                    : "element <%s> is not allowed here",
                               (const char *)c->name);
        if (list)
            load_item(L, c, depth, &(*out)[i]);
        else
            load_block(L, c, depth, &(*out)[i]);
    }
    return ok(L);
}

static bool load_guide(loader *L, xmlNodePtr guide)
{
    xmlNodePtr first = pp_xml_first(guide, L->path, L->err);
    for (xmlNodePtr c = first; c && ok(L); c = pp_xml_next(c, L->path, L->err))
        if (!pp_xml_is(c, "section"))
            return pp_xml_fail(L->err, L->path, c,
                               "<guide> holds only <section> elements, found <%s>",
                               (const char *)c->name);
    return ok(L) && load_blocks(L, first, guide, 1, &L->c->guide, &L->c->n_guide);
}

static bool load_colophon(loader *L, xmlNodePtr node)
{
    xmlNodePtr cur = pp_xml_first(node, L->path, L->err);
    take_text(L, &cur, node, "heading", true, &L->c->colophon.heading);
    size_t n = count_run(cur, "p");
    if (!ok(L) || !check_count(L, node, "p", n, 1, PP_MAX_BLOCKS)) return false;
    L->c->colophon.body = pp_arena_calloc(L->a, n, sizeof(pp_block));
    L->c->colophon.n_body = n;
    for (size_t i = 0; i < n && ok(L); i++) {
        L->c->colophon.body[i].kind = PP_BLOCK_P;
        take_text(L, &cur, node, "p", true, &L->c->colophon.body[i].text);
    }
    if (ok(L)) take_text(L, &cur, node, "short", true, &L->c->colophon.short_line);
    return ok(L) && pp_xml_end(cur, node, L->path, L->err);
}

/* A legend of the network: its label, then lo..hi texts named name. */
static pp_text *load_legend(loader *L, xmlNodePtr node, const char *name, size_t hi, pp_text *label,
                            size_t *n_out)
{
    xmlNodePtr cur = pp_xml_first(node, L->path, L->err);
    take_text(L, &cur, node, "label", true, label);
    pp_text *v = ok(L) ? take_texts(L, &cur, node, name, 1, hi, n_out) : NULL;
    return ok(L) && pp_xml_end(cur, node, L->path, L->err) ? v : NULL;
}

static xmlNodePtr take_part(loader *L, xmlNodePtr *cur, xmlNodePtr parent, const char *name)
{
    return ok(L) ? pp_xml_take(cur, parent, name, true, L->path, L->err) : NULL;
}

static bool load_network(loader *L, xmlNodePtr node)
{
    pp_network *nw = &L->c->network;
    xmlNodePtr cur = pp_xml_first(node, L->path, L->err), n;
    take_text(L, &cur, node, "title", true, &nw->title);
    take_text(L, &cur, node, "question", true, &nw->question);
    take_text(L, &cur, node, "centre", true, &nw->centre);
    if ((n = take_part(L, &cur, node, "rings")))
        nw->rings = load_legend(L, n, "ring", PP_MAX_RINGS, &nw->rings_label, &nw->n_rings);
    if ((n = take_part(L, &cur, node, "kinds")))
        nw->kinds = load_legend(L, n, "kind", PP_MAX_KINDS, &nw->kinds_label, &nw->n_kinds);
    if ((n = take_part(L, &cur, node, "roles")))
        nw->roles = load_legend(L, n, "role", PP_MAX_ROLES, &nw->roles_label, &nw->n_roles);
    return ok(L) && pp_xml_end(cur, node, L->path, L->err);
}

static bool load_card(loader *L, xmlNodePtr node, pp_card *k)
{
    k->id = take_id(L, node);
    xmlNodePtr cur = pp_xml_first(node, L->path, L->err);
    take_text(L, &cur, node, "name", true, &k->name);
    size_t n = 0;
    for (xmlNodePtr c = cur; c && ok(L); c = pp_xml_next(c, L->path, L->err))
        n++;
    if (!ok(L) || !check_count(L, node, "question", n, 1, PP_MAX_CARD_LINES)) return false;
    k->lines = pp_arena_calloc(L->a, n, sizeof *k->lines);
    for (; cur && ok(L); cur = pp_xml_next(cur, L->path, L->err)) {
        pp_card_line *ln = &k->lines[k->n_lines];
        ln->example = pp_xml_is(cur, "example");
        if (!ln->example && !pp_xml_is(cur, "question"))
            return pp_xml_fail(L->err, L->path, cur,
                               "a <card> holds <question> and <example>, "
                               "found <%s>",
                               (const char *)cur->name);
        if (ln->example && k->n_lines == 0)
            return pp_xml_fail(L->err, L->path, cur, "an <example> follows a <question>");
        text_of(L, cur, &ln->text);
        k->n_lines++;
    }
    return ok(L);
}

static bool load_phase(loader *L, xmlNodePtr node, pp_phase *ph)
{
    ph->id = take_id(L, node);
    xmlNodePtr cur = pp_xml_first(node, L->path, L->err);
    take_text(L, &cur, node, "label", true, &ph->label);
    take_text(L, &cur, node, "name", true, &ph->name);
    size_t n = count_run(cur, "card");
    if (!ok(L) || !check_count(L, node, "card", n, 1, PP_MAX_CARDS)) return false;
    ph->cards = pp_arena_calloc(L->a, n, sizeof *ph->cards);
    ph->n_cards = n;
    for (size_t i = 0; i < n && ok(L); i++) {
        load_card(L, cur, &ph->cards[i]);
        cur = pp_xml_next(cur, L->path, L->err);
    }
    return ok(L) && pp_xml_end(cur, node, L->path, L->err);
}

static bool load_cards(loader *L, xmlNodePtr node)
{
    xmlNodePtr cur = pp_xml_first(node, L->path, L->err);
    size_t n = count_run(cur, "phase");
    if (!ok(L) || !check_count(L, node, "phase", n, 1, PP_MAX_PHASES)) return false;
    L->c->phases = pp_arena_calloc(L->a, n, sizeof *L->c->phases);
    L->c->n_phases = n;
    for (size_t i = 0; i < n && ok(L); i++) {
        load_phase(L, cur, &L->c->phases[i]);
        cur = pp_xml_next(cur, L->path, L->err);
    }
    return ok(L) && pp_xml_end(cur, node, L->path, L->err);
}

/* Counts the {name} placeholders in text. */
static int placeholders(const char *text, const char *name)
{
    char key[32];
    snprintf(key, sizeof key, "{%s}", name);
    int n = 0;
    for (const char *p = text; (p = strstr(p, key)); p += strlen(key))
        n++;
    return n;
}

static bool need_placeholder(loader *L, const pp_text *t, const char *name)
{
    if (!t->text || placeholders(t->text, name) == 1) return true;
    char what[80];
    snprintf(what, sizeof what, "\"%s\" must hold {%s} exactly once", t->id, name);
    pp_error_set(L->err, PP_ERR_INVALID, L->path, t->line, "%s", what);
    return false;
}

static bool load_record(loader *L, xmlNodePtr node)
{
    pp_record *r = &L->c->record;
    xmlNodePtr cur = pp_xml_first(node, L->path, L->err);
    take_text(L, &cur, node, "title", true, &r->title);
    take_text(L, &cur, node, "continued", true, &r->continued);
    take_text(L, &cur, node, "appendix", true, &r->appendix);
    take_text(L, &cur, node, "appendices", true, &r->appendices);
    take_text(L, &cur, node, "postit", true, &r->postit);
    take_text(L, &cur, node, "remark", true, &r->remark);
    take_text(L, &cur, node, "date-format", true, &r->date_format);
    take_text(L, &cur, node, "months", true, &r->months);
    take_text(L, &cur, node, "tile-map", true, &r->tile_map);
    take_text(L, &cur, node, "tile-steps", true, &r->tile_steps);
    take_text(L, &cur, node, "tile-label", true, &r->tile_label);
    if (!ok(L) || !pp_xml_end(cur, node, L->path, L->err)) return false;
    gchar **m = g_strsplit_set(r->months.text, " \n", -1);
    size_t n = 0;
    for (gchar **p = m; *p; p++)
        n += **p != '\0';
    g_strfreev(m);
    if (n != 12)
        return pp_xml_fail(L->err, L->path, node,
                           "<months> must name the twelve months, separated by spaces");
    r->given = true;
    return need_placeholder(L, &r->continued, "n") && need_placeholder(L, &r->appendix, "n") &&
           need_placeholder(L, &r->remark, "n") && need_placeholder(L, &r->date_format, "d") &&
           need_placeholder(L, &r->tile_map, "count") &&
           need_placeholder(L, &r->tile_map, "tile") &&
           need_placeholder(L, &r->tile_label, "tile") &&
           need_placeholder(L, &r->tile_label, "n") && need_placeholder(L, &r->tile_label, "count");
}

static int cmp_seen(const void *x, const void *y)
{
    const struct seen_id *a = x, *b = y;
    int c = strcmp(a->id, b->id);
    return c ? c : (a->line > b->line) - (a->line < b->line);
}

/* Reports the second use of an id closest to the top of the file. */
static bool check_unique_ids(loader *L)
{
    if (L->n_ids == 0) return true;
    qsort(L->ids, L->n_ids, sizeof *L->ids, cmp_seen);
    const struct seen_id *dup = NULL;
    for (size_t i = 1; i < L->n_ids; i++)
        if (strcmp(L->ids[i].id, L->ids[i - 1].id) == 0 && (!dup || L->ids[i].line < dup->line))
            dup = &L->ids[i];
    if (!dup) return true;
    char first[32];
    for (size_t i = 0; i < L->n_ids; i++)
        if (strcmp(L->ids[i].id, dup->id) == 0) {
            snprintf(first, sizeof first, "%ld", L->ids[i].line);
            break;
        }
    pp_error_set(L->err, PP_ERR_INVALID, L->path, dup->line,
                 "duplicate id \"%s\" (first used on line %s)", dup->id, first);
    return false;
}

typedef bool (*part_loader)(loader *, xmlNodePtr);
typedef struct part {
    const char *name;
    part_loader load;
} part;

#define PP_N(a) (sizeof(a) / sizeof((a)[0]))
static const part meta_part[] = {{"meta", load_meta}};
static const part themes_parts[] = {{"labels", load_labels},
                                    {"themes", load_themes},
                                    {"praatplaat", load_praatplaat},
                                    {"followup", load_followup}};
static const part network_parts[] = {{"network", load_network}, {"cards", load_cards}};
static const part common_parts[] = {{"guide", load_guide}, {"colophon", load_colophon}};

/* Takes the required parts, in order, from *cur. */
static void take_parts(loader *L, xmlNodePtr *cur, xmlNodePtr root, const part *parts, size_t n)
{
    for (size_t i = 0; i < n && ok(L); i++) {
        xmlNodePtr node = pp_xml_take(cur, root, parts[i].name, true, L->path, L->err);
        if (node) parts[i].load(L, node);
    }
}

static bool load_root(loader *L, xmlNodePtr root)
{
    char *format = pp_xml_attr(L->a, root, "format");
    if (!format || strcmp(format, "1") != 0)
        return pp_xml_fail(L->err, L->path, root,
                           "unsupported content format \"%s\" (this program reads format 1)",
                           format ? format : "(missing)");
    L->c->id = pp_xml_attr(L->a, root, "id");
    if (!valid_id(L->c->id))
        return pp_xml_fail(L->err, L->path, root, "<instrument> needs a valid id");
    xmlChar *lang = xmlNodeGetLang(root);
    L->c->lang = lang ? pp_arena_strdup(L->a, (const char *)lang) : NULL;
    L->c->line = pp_xml_line(root);
    xmlFree(lang);
    if (!L->c->lang || !L->c->lang[0])
        return pp_xml_fail(L->err, L->path, root, "<instrument> needs an xml:lang attribute");
    xmlNodePtr cur = pp_xml_first(root, L->path, L->err);
    take_parts(L, &cur, root, meta_part, 1);
    /* the family: a network map when <network> follows <meta>, else a praatplaat of themes */
    bool network = ok(L) && cur && pp_xml_is(cur, "network");
    L->c->family = network ? PP_FAMILY_NETWORK : PP_FAMILY_THEMES;
    if (network)
        take_parts(L, &cur, root, network_parts, PP_N(network_parts));
    else
        take_parts(L, &cur, root, themes_parts, PP_N(themes_parts));
    take_parts(L, &cur, root, common_parts, PP_N(common_parts));
    xmlNodePtr rec = ok(L) ? pp_xml_take(&cur, root, "record", false, L->path, L->err) : NULL;
    if (rec) load_record(L, rec);
    return ok(L) && pp_xml_end(cur, root, L->path, L->err) && check_unique_ids(L);
}

pp_content *pp_content_load(const char *path, const char *schema_path, pp_error *err)
{
    pp_xml_digest digest;
    xmlDocPtr doc = pp_xml_read(path, "instrument", &digest, err);
    if (!doc) return NULL;
    pp_content *c = g_new0(pp_content, 1);
    pp_arena *a = pp_arena_new();
    loader L = {.c = c, .a = a, .path = path, .err = err};
    c->arena = a;
    c->path = pp_arena_strdup(a, path);
    /* Our own walk first: it names the element and line precisely; the schema is the backstop. */
    if (load_root(&L, xmlDocGetRootElement(doc)) && schema_path)
        pp_xml_validate(doc, &digest, path, schema_path, err);
    g_free(L.ids);
    xmlFreeDoc(doc);
    if (pp_error_isset(err)) {
        pp_content_free(c);
        return NULL;
    }
    return c;
}

void pp_content_free(pp_content *c)
{
    if (!c) return;
    pp_arena_free(c->arena);
    g_free(c);
}

size_t pp_content_columns(const pp_content *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->followup.n_groups; i++)
        n += c->followup.groups[i].n_columns;
    return n;
}

static void blocks_texts(const pp_block *b, size_t n, const char *where, pp_text_fn fn, void *user)
{
    static const char *const kinds[] = {"paragraph", "list", "list item", "heading"};
    char role[200];
    for (size_t i = 0; i < n; i++) {
        snprintf(role, sizeof role, "%s in %s", kinds[b[i].kind], where);
        if (b[i].text.text) fn(&b[i].text, role, user);
        bool item =
            b[i].kind == PP_BLOCK_ITEM && b[i].n_children == 1 && !b[i].children[0].children;
        if (item) {
            snprintf(role, sizeof role, "list item in %s", where);
            fn(&b[i].children[0].text, role, user);
        } else {
            blocks_texts(b[i].children, b[i].n_children,
                         b[i].kind == PP_BLOCK_SECTION ? b[i].text.text : where, fn, user);
        }
    }
}

static void emit(pp_text_fn fn, void *user, const pp_text *t, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void emit(pp_text_fn fn, void *user, const pp_text *t, const char *fmt, ...)
{
    char role[200];
    if (!t->text) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(role, sizeof role, fmt, ap);
    va_end(ap);
    fn(t, role, user);
}

static void each_text(const pp_text *t, size_t n, pp_text_fn fn, void *user, const char *role)
{
    for (size_t i = 0; i < n; i++)
        emit(fn, user, &t[i], "%s", role);
}

static void network_texts(const pp_content *c, pp_text_fn fn, void *user)
{
    const pp_network *nw = &c->network;
    emit(fn, user, &nw->title, "the central question: title of the network map");
    emit(fn, user, &nw->question, "the brainstorm question under the network map's title");
    emit(fn, user, &nw->centre, "the word in the centre of the network map (very short)");
    emit(fn, user, &nw->rings_label, "heading of the legend of the distance rings");
    each_text(nw->rings, nw->n_rings, fn, user, "label of a distance ring (short)");
    emit(fn, user, &nw->kinds_label, "heading of the legend of the kinds of partner");
    each_text(nw->kinds, nw->n_kinds, fn, user, "a kind of partner: a sector of the network map");
    emit(fn, user, &nw->roles_label, "heading of the legend of the pen colours per role");
    each_text(nw->roles, nw->n_roles, fn, user, "a role in the team, marking priority partners");
    for (size_t i = 0; i < c->n_phases; i++) {
        const pp_phase *ph = &c->phases[i];
        emit(fn, user, &ph->label, "number of a phase of the reflection cards (\"Fase 1\")");
        emit(fn, user, &ph->name, "name of a phase of the reflection cards");
        for (size_t k = 0; k < ph->n_cards; k++) {
            emit(fn, user, &ph->cards[k].name, "name of a reflection card in %s", ph->name.text);
            for (size_t q = 0; q < ph->cards[k].n_lines; q++)
                emit(fn, user, &ph->cards[k].lines[q].text, "%s on the card %s",
                     ph->cards[k].lines[q].example ? "example" : "question",
                     ph->cards[k].name.text);
        }
    }
}

void pp_content_texts(const pp_content *c, pp_text_fn fn, void *user)
{
    emit(fn, user, &c->title, "title of the instrument");
    emit(fn, user, &c->subtitle, "subtitle of the instrument");
    emit(fn, user, &c->tagline, "tagline on the guide's first page");
    emit(fn, user, &c->category, "the publisher's category");
    emit(fn, user, &c->publisher, "publisher (PDF author)");
    emit(fn, user, &c->yes, "'yes' of every yes/no mark");
    emit(fn, user, &c->no, "'no' of every yes/no mark");
    for (size_t i = 0; i < c->n_themes; i++) {
        const pp_theme *t = &c->themes[i];
        emit(fn, user, &t->name, "name of a theme (on the ring, panels and rows)");
        char role[160];
        for (size_t k = 0; k < t->n_statements; k++) {
            snprintf(role, sizeof role, "statement %zu of theme %s", k + 1, t->name.text);
            emit(fn, user, &t->statements[k], "%s", role);
        }
    }
    network_texts(c, fn, user);
    emit(fn, user, &c->praatplaat.title, "title of the praatplaat (in the centre disc)");
    emit(fn, user, &c->praatplaat.name, "name of the praatplaat sheet");
    emit(fn, user, &c->praatplaat.explain, "label of each theme's notes area");
    emit(fn, user, &c->praatplaat.attention, "label of each theme's extra-attention mark");
    for (int k = 0; k < PP_SCORES; k++)
        emit(fn, user, &c->praatplaat.scores[k], "score label of a statement (very short)");
    emit(fn, user, &c->followup.title, "title of the follow-up plaat");
    emit(fn, user, &c->followup.name, "name of the follow-up plaat");
    for (size_t i = 0; i < c->followup.n_fields; i++)
        emit(fn, user, &c->followup.fields[i], "header field label of the follow-up plaat");
    for (size_t i = 0; i < c->followup.n_groups; i++) {
        const pp_group *g = &c->followup.groups[i];
        emit(fn, user, &g->label, "column group label of the follow-up plaat");
        for (size_t k = 0; k < g->n_columns; k++)
            emit(fn, user, &g->columns[k].question, "column question in group %s", g->label.text);
    }
    for (size_t i = 0; i < c->followup.n_rows; i++)
        emit(fn, user, &c->followup.rows[i].label, "extra row label of the follow-up plaat");
    emit(fn, user, &c->followup.footer, "question at the foot of the follow-up plaat");
    blocks_texts(c->guide, c->n_guide, "the guide", fn, user);
    emit(fn, user, &c->colophon.heading, "heading of the colophon");
    for (size_t i = 0; i < c->colophon.n_body; i++)
        emit(fn, user, &c->colophon.body[i].text, "colophon paragraph");
    emit(fn, user, &c->colophon.short_line, "one-line colophon at the foot of every sheet");
    emit(fn, user, &c->record.title, "title of the session report's first page");
    emit(fn, user, &c->record.continued,
         "reference in a box whose text continues in an appendix; keep {n}");
    emit(fn, user, &c->record.appendix, "heading of a continuation page; keep {n}");
    emit(fn, user, &c->record.appendices, "bookmark of the continuation pages");
    emit(fn, user, &c->record.postit, "what a post-it is called");
    emit(fn, user, &c->record.remark, "heading of a remark on statement {n}; keep {n}");
    emit(fn, user, &c->record.date_format,
         "how a date is written: {d} day, {dd} two-digit day, {month} name, {mm} number, {yyyy} "
         "year");
    emit(fn, user, &c->record.months, "the twelve month names, separated by spaces");
    emit(fn, user, &c->record.tile_map,
         "heading of the assembly map of a poster printed on sheets: {sheet} sheet name, {paper} "
         "poster size, {count} number of sheets, {tile} sheet size; keep {count} and {tile}");
    emit(fn, user, &c->record.tile_steps,
         "how to glue the sheets: cut the margin along the dashed line (left and top), glue in "
         "numbered order row by row, each sheet over the tinted strip of the sheets to its left "
         "and above, registration crosses on top of each other");
    emit(fn, user, &c->record.tile_label,
         "line in the margin of each sheet: {tile} its label (B3), {n} its number, {count} the "
         "number of sheets, {sheet} sheet name, {paper} poster size; keep {tile}, {n}, {count}");
}
