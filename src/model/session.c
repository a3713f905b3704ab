#include "model/session.h"

#include "model/arena.h"
#include "model/picture.h"
#include "model/session_network.h"
#include "model/xml.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

const char *const pp_postit_colours[PP_POSTIT_COLOURS] = {"yellow", "pink", "blue", "green",
                                                          "orange"};

static const char *const score_values[PP_SCORES] = {"plus", "mixed", "minus"};

/* Loader state. seen_* remember where a theme, statement, row or cell was first given, so a second
 * one names both lines. */
typedef struct loader {
    pp_session *s;
    const pp_content *c;
    pp_arena *a;
    const char *path;
    pp_error *err;
    long *seen_theme, *seen_row;
} loader;

static bool ok(const loader *L)
{
    return !pp_error_isset(L->err);
}

/* "<parent><name>" of element n, for messages about its text. */
static const char *element_of(loader *L, xmlNodePtr n)
{
    gchar *e = g_strdup_printf("<%s><%s>", n->parent ? (const char *)n->parent->name : "",
                               (const char *)n->name);
    const char *out = pp_arena_strdup(L->a, e);
    g_free(e);
    return out;
}

/* A free-text element: NULL text when empty (not filled in). */
static bool text_of(loader *L, xmlNodePtr n, pp_text *out)
{
    if (out->line)
        return pp_error_set(L->err, PP_ERR_INVALID, L->path, pp_xml_line(n),
                            "<%s> is given twice (first on line %ld)", (const char *)n->name,
                            out->line) == PP_OK;
    char *t = pp_xml_text_or_empty(L->a, n, L->path, L->err);
    if (!t) return false;
    *out = (pp_text){NULL, *t ? t : NULL, pp_xml_line(n), L->path, element_of(L, n)};
    return true;
}

static bool unexpected(loader *L, xmlNodePtr n, xmlNodePtr parent)
{
    pp_error_set(L->err, PP_ERR_INVALID, L->path, pp_xml_line(n),
                 "element <%s> is not allowed in <%s>", (const char *)n->name,
                 (const char *)parent->name);
    return false;
}

/* Records that n gives what (a theme, statement, row or column) named id; false with an error
 * naming both lines when *seen says it was given before. */
static bool first_time(loader *L, xmlNodePtr n, long *seen, const char *what, const char *id)
{
    if (*seen) {
        pp_error_set(L->err, PP_ERR_INVALID, L->path, pp_xml_line(n),
                     "%s \"%s\" is given twice (first on line %ld)", what, id, *seen);
        return false;
    }
    *seen = pp_xml_line(n);
    return true;
}

/* The children of node, each one of the free-text elements names[i] read into *out[i]. */
static bool text_children(loader *L, xmlNodePtr node, const char *const *names, pp_text *const *out,
                          size_t n_names)
{
    for (xmlNodePtr n = pp_xml_first(node, L->path, L->err); n && ok(L);
         n = pp_xml_next(n, L->path, L->err)) {
        size_t i = 0;
        while (i < n_names && !pp_xml_is(n, names[i]))
            i++;
        if (i < n_names)
            text_of(L, n, out[i]);
        else
            unexpected(L, n, node);
    }
    return ok(L);
}

/* An attribute with a choice of values; index into values, -1 when absent or empty. */
static bool choice_attr(loader *L, xmlNodePtr n, const char *name, const char *const *values,
                        int n_values, int *out)
{
    char *v = pp_xml_attr(L->a, n, name);
    *out = -1;
    if (!v || !*v) return true;
    for (int i = 0; i < n_values; i++)
        if (strcmp(v, values[i]) == 0) {
            *out = i;
            return true;
        }
    GString *allowed = g_string_new(NULL);
    for (int i = 0; i < n_values; i++)
        g_string_append_printf(allowed, "%s\"%s\"", i ? ", " : "", values[i]);
    pp_error_set(L->err, PP_ERR_INVALID, L->path, pp_xml_line(n),
                 "%s=\"%s\" on <%s> is not valid (allowed: %s, or empty)", name, v,
                 (const char *)n->name, allowed->str);
    g_string_free(allowed, TRUE);
    return false;
}

static bool mark_attr(loader *L, xmlNodePtr n, const char *name, pp_mark *out)
{
    static const char *const values[] = {"yes", "no"};
    int i;
    if (!choice_attr(L, n, name, values, 2, &i)) return false;
    *out = i < 0 ? PP_MARK_NONE : i == 0 ? PP_MARK_YES : PP_MARK_NO;
    return true;
}

static bool date_of(loader *L, xmlNodePtr n, const char *value, pp_text *out)
{
    int y, m, d;
    gchar *v = g_strstrip(g_strdup(value));
    bool good = !*v || pp_date_parse(v, &y, &m, &d);
    if (good && *v)
        *out = (pp_text){NULL, pp_arena_strdup(L->a, v), pp_xml_line(n), L->path, element_of(L, n)};
    if (!good)
        pp_error_set(L->err, PP_ERR_INVALID, L->path, pp_xml_line(n),
                     "\"%s\" is not a valid date (write YYYY-MM-DD, e.g. 2026-10-14)", v);
    g_free(v);
    return good;
}

/* --- Participants --------------------------------------------------------------------------- */

static bool load_participant(loader *L, xmlNodePtr node, pp_participant *p)
{
    static const char *const names[] = {"name", "organisation", "role"};
    pp_text *const out[] = {&p->name, &p->organisation, &p->role};
    return text_children(L, node, names, out, 3);
}

static size_t count_children(xmlNodePtr parent, const char *name)
{
    size_t n = 0;
    for (xmlNodePtr c = parent->children; c; c = c->next)
        n += pp_xml_is(c, name);
    return n;
}

static bool load_participants(loader *L, xmlNodePtr node)
{
    size_t n = count_children(node, "participant");
    if (n > PP_MAX_PARTICIPANTS)
        return pp_error_set(L->err, PP_ERR_INVALID, L->path, pp_xml_line(node),
                            "%zu participants; at most %d are allowed", n,
                            PP_MAX_PARTICIPANTS) == PP_OK;
    L->s->participants = pp_arena_calloc(L->a, n ? n : 1, sizeof *L->s->participants);
    for (xmlNodePtr c = pp_xml_first(node, L->path, L->err); c && ok(L);
         c = pp_xml_next(c, L->path, L->err)) {
        if (!pp_xml_is(c, "participant")) return unexpected(L, c, node);
        pp_participant *p = &L->s->participants[L->s->n_participants];
        if (load_participant(L, c, p) && (p->name.text || p->organisation.text || p->role.text))
            L->s->n_participants++;
        else if (ok(L))
            *p = (pp_participant){0};
    }
    return ok(L);
}

/* --- praatplaat ------------------------------------------------------------------------------ */

static long find_theme(const pp_content *c, const char *id)
{
    for (size_t i = 0; id && i < c->n_themes; i++)
        if (strcmp(c->themes[i].id, id) == 0) return (long)i;
    return -1;
}

static bool load_statement(loader *L, xmlNodePtr node, size_t ti, long *seen)
{
    const pp_theme *t = &L->c->themes[ti];
    char *ref = pp_xml_attr(L->a, node, "ref");
    long k = -1;
    for (size_t i = 0; ref && i < t->n_statements; i++)
        if (strcmp(t->statements[i].id, ref) == 0) k = (long)i;
    if (!ref) return pp_xml_fail(L->err, L->path, node, "<statement> needs a ref attribute");
    if (k < 0) {
        for (size_t i = 0; i < L->c->n_themes; i++)
            for (size_t j = 0; j < L->c->themes[i].n_statements; j++)
                if (strcmp(L->c->themes[i].statements[j].id, ref) == 0) {
                    pp_error_set(L->err, PP_ERR_INVALID, L->path, pp_xml_line(node),
                                 "statement \"%s\" belongs to theme \"%s\", not to \"%s\"", ref,
                                 L->c->themes[i].id, t->id);
                    return false;
                }
        return pp_xml_fail(L->err, L->path, node, "unknown statement \"%s\" (not in the content)",
                           ref);
    }
    if (!first_time(L, node, &seen[k], "statement", ref)) return false;
    pp_answer_statement *a = &L->s->themes[ti].statements[k];
    if (!choice_attr(L, node, "score", score_values, PP_SCORES, &a->score)) return false;
    for (xmlNodePtr n = pp_xml_first(node, L->path, L->err); n && ok(L);
         n = pp_xml_next(n, L->path, L->err)) {
        if (!pp_xml_is(n, "remark")) return unexpected(L, n, node);
        text_of(L, n, &a->remark);
    }
    return ok(L);
}

static bool load_picture(loader *L, xmlNodePtr node, pp_picture *pic)
{
    return pp_picture_load(L->a, L->path, node, pic, L->err);
}

static bool load_postit(loader *L, xmlNodePtr node, pp_postit *p)
{
    int colour;
    if (!choice_attr(L, node, "colour", pp_postit_colours, PP_POSTIT_COLOURS, &colour))
        return false;
    p->colour = pp_postit_colours[colour < 0 ? 0 : colour];
    for (xmlNodePtr n = pp_xml_first(node, L->path, L->err); n && ok(L);
         n = pp_xml_next(n, L->path, L->err)) {
        if (pp_xml_is(n, "text"))
            text_of(L, n, &p->text);
        else if (pp_xml_is(n, "author"))
            text_of(L, n, &p->author);
        else if (pp_xml_is(n, "picture"))
            load_picture(L, n, &p->picture);
        else
            unexpected(L, n, node);
    }
    return ok(L);
}

static bool load_theme_parts(loader *L, xmlNodePtr node, size_t ti)
{
    pp_answer_theme *t = &L->s->themes[ti];
    size_t n_postits = count_children(node, "postit");
    if (n_postits > PP_MAX_POSTITS)
        return pp_error_set(L->err, PP_ERR_INVALID, L->path, pp_xml_line(node),
                            "%zu post-its on theme \"%s\"; at most %d are allowed", n_postits,
                            L->c->themes[ti].id, PP_MAX_POSTITS) == PP_OK;
    t->postits = pp_arena_calloc(L->a, n_postits ? n_postits : 1, sizeof *t->postits);
    long *seen = g_new0(long, L->c->themes[ti].n_statements);
    for (xmlNodePtr n = pp_xml_first(node, L->path, L->err); n && ok(L);
         n = pp_xml_next(n, L->path, L->err)) {
        if (pp_xml_is(n, "statement"))
            load_statement(L, n, ti, seen);
        else if (pp_xml_is(n, "notes"))
            text_of(L, n, &t->notes);
        else if (pp_xml_is(n, "picture"))
            load_picture(L, n, &t->picture);
        else if (pp_xml_is(n, "postit")) {
            pp_postit *p = &t->postits[t->n_postits];
            if (load_postit(L, n, p) && (p->text.text || p->author.text || p->picture.href))
                t->n_postits++;
        } else
            unexpected(L, n, node);
    }
    free(seen);
    return ok(L);
}

static bool load_praatplaat(loader *L, xmlNodePtr node)
{
    for (xmlNodePtr n = pp_xml_first(node, L->path, L->err); n && ok(L);
         n = pp_xml_next(n, L->path, L->err)) {
        if (!pp_xml_is(n, "theme")) return unexpected(L, n, node);
        char *ref = pp_xml_attr(L->a, n, "ref");
        long ti = find_theme(L->c, ref);
        if (!ref) return pp_xml_fail(L->err, L->path, n, "<theme> needs a ref attribute");
        if (ti < 0)
            return pp_xml_fail(L->err, L->path, n, "unknown theme \"%s\" (not in the content)",
                               ref);
        if (!first_time(L, n, &L->seen_theme[ti], "theme", ref)) return false;
        L->s->themes[ti].line = pp_xml_line(n);
        if (mark_attr(L, n, "attention", &L->s->themes[ti].attention))
            load_theme_parts(L, n, (size_t)ti);
    }
    return ok(L);
}

/* --- Follow-up plaat ------------------------------------------------------------------------- */

/* The row for ref: a theme (0 … n_themes-1) or an extra row after them; -1 when unknown. */
static long find_row(const pp_content *c, const char *ref)
{
    long t = find_theme(c, ref);
    if (t >= 0) return t;
    for (size_t i = 0; ref && i < c->followup.n_rows; i++)
        if (strcmp(c->followup.rows[i].label.id, ref) == 0) return (long)(c->n_themes + i);
    return -1;
}

static const pp_column *find_column(const pp_content *c, const char *id, long *index)
{
    long k = 0;
    for (size_t g = 0; id && g < c->followup.n_groups; g++)
        for (size_t j = 0; j < c->followup.groups[g].n_columns; j++, k++)
            if (strcmp(c->followup.groups[g].columns[j].question.id, id) == 0) {
                *index = k;
                return &c->followup.groups[g].columns[j];
            }
    return NULL;
}

static bool load_cell(loader *L, xmlNodePtr n, pp_answer_row *row, long *seen)
{
    char *id = pp_xml_attr(L->a, n, "column");
    long k = -1;
    const pp_column *col = find_column(L->c, id, &k);
    if (!id) return pp_xml_fail(L->err, L->path, n, "<cell> needs a column attribute");
    if (!col) {
        GString *ids = g_string_new(NULL);
        for (size_t g = 0; g < L->c->followup.n_groups; g++)
            for (size_t j = 0; j < L->c->followup.groups[g].n_columns; j++)
                g_string_append_printf(ids, "%s%s", ids->len ? ", " : "",
                                       L->c->followup.groups[g].columns[j].question.id);
        pp_error_set(L->err, PP_ERR_INVALID, L->path, pp_xml_line(n),
                     "unknown column \"%s\" (the content's columns: %s)", id, ids->str);
        g_string_free(ids, TRUE);
        return false;
    }
    if (!first_time(L, n, &seen[k], "column", id)) return false;
    char *mark = pp_xml_attr(L->a, n, "mark");
    if (mark && *mark && !col->yesno)
        return pp_xml_fail(L->err, L->path, n,
                           "column \"%s\" has no yes/no marks: remove mark=", id);
    if (!mark_attr(L, n, "mark", &row->cells[k].mark)) return false;
    row->cells[k].line = pp_xml_line(n);
    char *t = pp_xml_text_or_empty(L->a, n, L->path, L->err);
    if (t && *t) row->cells[k].text = (pp_text){NULL, t, pp_xml_line(n), L->path, element_of(L, n)};
    return ok(L);
}

static bool load_row(loader *L, xmlNodePtr node)
{
    char *ref = pp_xml_attr(L->a, node, "ref");
    long r = find_row(L->c, ref);
    if (!ref) return pp_xml_fail(L->err, L->path, node, "<row> needs a ref attribute");
    if (r < 0)
        return pp_xml_fail(L->err, L->path, node, "unknown row \"%s\" (no theme or follow-up row)",
                           ref);
    if (!first_time(L, node, &L->seen_row[r], "row", ref)) return false;
    pp_answer_row *row = &L->s->rows[r];
    bool write_in =
        (size_t)r >= L->c->n_themes && L->c->followup.rows[r - (long)L->c->n_themes].write_in;
    long *seen = g_new0(long, pp_content_columns(L->c));
    for (xmlNodePtr n = pp_xml_first(node, L->path, L->err); n && ok(L);
         n = pp_xml_next(n, L->path, L->err)) {
        if (pp_xml_is(n, "label") && !write_in)
            pp_xml_fail(L->err, L->path, n, "row \"%s\" is not a write-in row: it takes no <label>",
                        ref);
        else if (pp_xml_is(n, "label"))
            text_of(L, n, &row->label);
        else if (pp_xml_is(n, "cell"))
            load_cell(L, n, row, seen);
        else
            unexpected(L, n, node);
    }
    free(seen);
    return ok(L);
}

static bool load_followup(loader *L, xmlNodePtr node)
{
    for (xmlNodePtr n = pp_xml_first(node, L->path, L->err); n && ok(L);
         n = pp_xml_next(n, L->path, L->err)) {
        if (pp_xml_is(n, "row"))
            load_row(L, n);
        else if (pp_xml_is(n, "next")) {
            char *date = pp_xml_attr(L->a, n, "date");
            if (text_of(L, n, &L->s->next) && date) date_of(L, n, date, &L->s->next_date);
        } else
            unexpected(L, n, node);
    }
    return ok(L);
}

/* --- The file -------------------------------------------------------------------------------- */

static bool alloc_answers(loader *L)
{
    const pp_content *c = L->c;
    size_t n_rows = c->n_themes + c->followup.n_rows, n_cols = pp_content_columns(c);
    L->s->themes = pp_arena_calloc(L->a, c->n_themes, sizeof *L->s->themes);
    L->s->rows = pp_arena_calloc(L->a, n_rows, sizeof *L->s->rows);
    for (size_t i = 0; i < c->n_themes; i++) {
        L->s->themes[i].statements =
            pp_arena_calloc(L->a, c->themes[i].n_statements, sizeof *L->s->themes[i].statements);
        for (size_t j = 0; j < c->themes[i].n_statements; j++)
            L->s->themes[i].statements[j].score = -1;
    }
    for (size_t r = 0; r < n_rows; r++)
        L->s->rows[r].cells =
            pp_arena_calloc(L->a, n_cols ? n_cols : 1, sizeof *L->s->rows[r].cells);
    return true;
}

/* --- A network map (model/session_network.c) ------------------------------------------------ */

static bool load_network(loader *L, xmlNodePtr n)
{
    if (!L->s->network)
        return pp_xml_fail(L->err, L->path, n,
                           "<netwerkkaart> belongs to a session of a network map; the content "
                           "\"%s\" has themes",
                           L->c->id);
    return pp_session_network_load(L->s->network, L->c, L->a, L->path, n, L->err);
}

static bool load_root(loader *L, xmlNodePtr root)
{
    char *format = pp_xml_attr(L->a, root, "format");
    if (!format || strcmp(format, "1") != 0)
        return pp_xml_fail(L->err, L->path, root,
                           "unsupported session format \"%s\" (this program reads format 1)",
                           format ? format : "(missing)");
    char *inst = pp_xml_attr(L->a, root, "instrument");
    if (!inst) return pp_xml_fail(L->err, L->path, root, "<session> needs an instrument attribute");
    if (strcmp(inst, L->c->id) != 0) {
        pp_error_set(L->err, PP_ERR_INVALID, L->path, pp_xml_line(root),
                     "this session belongs to instrument \"%s\", but the content is \"%s\"", inst,
                     L->c->id);
        return false;
    }
    xmlChar *lang = xmlNodeGetLang(root);
    L->s->lang = lang && *lang ? pp_arena_strdup(L->a, (const char *)lang) : NULL;
    xmlFree(lang);
    if (!alloc_answers(L)) return false;
    if (L->c->family == PP_FAMILY_NETWORK) L->s->network = pp_session_network_new(L->a, L->c);
    for (xmlNodePtr n = pp_xml_first(root, L->path, L->err); n && ok(L);
         n = pp_xml_next(n, L->path, L->err)) {
        if (pp_xml_is(n, "partnership"))
            text_of(L, n, &L->s->partnership);
        else if (pp_xml_is(n, "date")) {
            char *t = pp_xml_text_or_empty(L->a, n, L->path, L->err);
            if (t) date_of(L, n, t, &L->s->date);
        } else if (pp_xml_is(n, "participants"))
            load_participants(L, n);
        else if (pp_xml_is(n, "praatplaat"))
            load_praatplaat(L, n);
        else if (pp_xml_is(n, "followup"))
            load_followup(L, n);
        else if (pp_xml_is(n, "netwerkkaart"))
            load_network(L, n);
        else
            unexpected(L, n, root);
    }
    return ok(L);
}

pp_session *pp_session_load(const char *path, const pp_content *c, const char *schema_path,
                            pp_error *err)
{
    pp_xml_digest digest;
    xmlDocPtr doc = pp_xml_read(path, "session", &digest, err);
    if (!doc) return NULL;
    pp_session *s = g_new0(pp_session, 1);
    pp_arena *a = pp_arena_new();
    size_t n_rows = c->n_themes + c->followup.n_rows;
    loader L = {.s = s,
                .c = c,
                .a = a,
                .path = path,
                .err = err,
                .seen_theme = g_new0(long, c->n_themes),
                .seen_row = g_new0(long, n_rows)};
    s->arena = a;
    s->path = pp_arena_strdup(a, path);
    L.path = s->path;
    /* Our own walk first for precise messages; the schema catches the order of elements. */
    if (load_root(&L, xmlDocGetRootElement(doc)) && schema_path)
        pp_xml_validate(doc, &digest, path, schema_path, err);
    g_free(L.seen_theme);
    g_free(L.seen_row);
    xmlFreeDoc(doc);
    if (pp_error_isset(err)) {
        pp_session_free(s);
        return NULL;
    }
    return s;
}

void pp_session_free(pp_session *s)
{
    if (!s) return;
    pp_arena_free(s->arena);
    g_free(s);
}

bool pp_date_parse(const char *s, int *y, int *m, int *d)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
    *y = atoi(s);
    *m = atoi(s + 5);
    *d = atoi(s + 8);
    bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
    if (*y < 1900 || *m < 1 || *m > 12 || *d < 1 || *d > days[*m - 1]) return false;
    return !(*m == 2 && *d == 29 && !leap);
}

/* --- Template -------------------------------------------------------------------------------- */

/* An XML comment holding text: "--" may not occur in a comment, nor a final '-'. */
static void comment(GString *out, int indent, const char *text)
{
    g_string_append_printf(out, "%*s<!-- ", indent, "");
    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            g_string_append_c(out, ' ');
            continue;
        }
        g_string_append_c(out, *p);
        if (*p == '-' && (p[1] == '-' || !p[1])) g_string_append_c(out, ' ');
    }
    g_string_append(out, " -->\n");
}

static void template_theme(GString *out, const pp_theme *t)
{
    comment(out, 4, t->name.text);
    g_string_append_printf(out, "    <theme ref=\"%s\" attention=\"\">\n", t->id);
    for (size_t j = 0; j < t->n_statements; j++) {
        comment(out, 6, t->statements[j].text);
        g_string_append_printf(out,
                               "      <statement ref=\"%s\" score=\"\">\n"
                               "        <remark></remark>\n"
                               "      </statement>\n",
                               t->statements[j].id);
    }
    g_string_append(out,
                    "      <notes></notes>\n"
                    "      <!-- one <postit> per post-it; colour: yellow, pink, blue, green or "
                    "orange -->\n"
                    "      <postit colour=\"\">\n"
                    "        <text></text>\n"
                    "        <author></author>\n"
                    "      </postit>\n"
                    "    </theme>\n");
}

static void template_row(GString *out, const pp_content *c, const char *id, const char *name,
                         bool write_in)
{
    comment(out, 4, name);
    g_string_append_printf(out, "    <row ref=\"%s\">\n", id);
    if (write_in) g_string_append(out, "      <label></label>\n");
    for (size_t g = 0; g < c->followup.n_groups; g++)
        for (size_t j = 0; j < c->followup.groups[g].n_columns; j++) {
            const pp_column *col = &c->followup.groups[g].columns[j];
            comment(out, 6, col->question.text);
            g_string_append_printf(out, "      <cell column=\"%s\"%s></cell>\n", col->question.id,
                                   col->yesno ? " mark=\"\"" : "");
        }
    g_string_append(out, "    </row>\n");
}

char *pp_session_template(const pp_content *c)
{
    GString *out = g_string_new("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    comment(out, 0, c->title.text);
    g_string_append(
        out, "<!-- A session: fill in what the group wrote and leave empty what it did not.\n");
    if (c->family == PP_FAMILY_THEMES)
        g_string_append(
            out,
            "     Marks: score=\"plus|mixed|minus\", attention=\"yes|no\", mark=\"yes|no\".\n");
    g_string_append(out, "     Dates: YYYY-MM-DD. Format: docs/session-format.md -->\n");
    g_string_append_printf(out, "<session format=\"1\" instrument=\"%s\" xml:lang=\"%s\">\n", c->id,
                           c->lang);
    g_string_append(out, "  <partnership></partnership>\n"
                         "  <date></date>\n"
                         "  <participants>\n"
                         "    <!-- one <participant> per person -->\n"
                         "    <participant>\n"
                         "      <name></name>\n"
                         "      <organisation></organisation>\n"
                         "      <role></role>\n"
                         "    </participant>\n"
                         "  </participants>\n");
    if (c->family == PP_FAMILY_NETWORK) {
        pp_session_network_template(out, c);
        g_string_append(out, "</session>\n");
        return g_string_free(out, FALSE);
    }
    g_string_append(out, "  <praatplaat>\n");
    for (size_t i = 0; i < c->n_themes; i++)
        template_theme(out, &c->themes[i]);
    g_string_append(out, "  </praatplaat>\n  <followup>\n");
    for (size_t i = 0; i < c->n_themes; i++)
        template_row(out, c, c->themes[i].id, c->themes[i].name.text, false);
    for (size_t i = 0; i < c->followup.n_rows; i++)
        template_row(out, c, c->followup.rows[i].label.id, c->followup.rows[i].label.text,
                     c->followup.rows[i].write_in);
    comment(out, 4, c->followup.footer.text);
    g_string_append(out, "    <next date=\"\"></next>\n  </followup>\n</session>\n");
    return g_string_free(out, FALSE);
}

/* The index over all groups of the follow-up column that records extra attention (id
 * "attention", with yes/no marks), or -1 when the content has none. */
static long attention_column(const pp_content *c)
{
    long k = -1;
    const pp_column *col = find_column(c, "attention", &k);
    return col && col->yesno ? k : -1;
}

GArray *pp_session_attention_clashes(const pp_session *s, const pp_content *c)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(pp_attention_clash));
    long k = attention_column(c);
    for (size_t i = 0; k >= 0 && i < c->n_themes; i++) {
        const pp_answer_cell *cell = &s->rows[i].cells[k];
        pp_mark a = s->themes[i].attention, b = cell->mark;
        if (a == PP_MARK_NONE || b == PP_MARK_NONE || a == b) continue;
        pp_attention_clash x = {i, a, b, s->themes[i].line, cell->line};
        g_array_append_val(out, x);
    }
    return out;
}
