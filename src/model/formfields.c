#include "model/formfields.h"

#include "model/formfields_network.h"

#include "model/arena.h"
#include "model/xml.h"

#include <stdlib.h>
#include <string.h>

const char *const pp_form_scores[PP_SCORES] = {"plus", "mixed", "minus"};
const char *const pp_form_marks[2] = {"yes", "no"};

/* Where a post-it's author starts, and the accepted ASCII spelling of it. */
static const char AUTHOR_MARK[] = "\u2014 ";
static const char AUTHOR_ASCII[] = "-- ";
/* A participant's name, organisation and role on one line. */
static const char PART_SEP[] = "; ";

const char *const pp_form_header_ids[3] = {"participants", "partnership", "date"};

char *pp_form_name(const char *kind, const char *id, const char *sub)
{
    gchar *name = g_strjoin(":", kind, id, sub, NULL);
    for (char *p = name; *p; p++)
        if (*p == '.') *p = ':';
    return name;
}

bool pp_form_header_known(const char *id)
{
    for (size_t i = 0; id && i < G_N_ELEMENTS(pp_form_header_ids); i++)
        if (strcmp(id, pp_form_header_ids[i]) == 0) return true;
    return false;
}

char *pp_form_meta(const pp_content *c)
{
    return g_strdup_printf("%s %s %s %s", PP_FORM_META_FIELD, PP_FORM_VERSION, c->id, c->lang);
}

/* --- Session → values ------------------------------------------------------------------------ */

static void put(GHashTable *t, gchar *name, const char *value)
{
    if (value && *value)
        g_hash_table_replace(t, name, g_strdup(value));
    else
        g_free(name);
}

static void put_take(GHashTable *t, gchar *name, gchar *value)
{
    put(t, name, value);
    g_free(value);
}

static char *participants(const pp_session *s)
{
    GString *out = g_string_new(NULL);
    for (size_t i = 0; i < s->n_participants; i++) {
        const pp_participant *p = &s->participants[i];
        const char *parts[3] = {p->name.text, p->organisation.text, p->role.text};
        int last = 2;
        while (last > 0 && !parts[last])
            last--;
        if (out->len) g_string_append_c(out, '\n');
        for (int k = 0; k <= last; k++)
            g_string_append_printf(out, "%s%s", k ? PART_SEP : "", parts[k] ? parts[k] : "");
    }
    return g_string_free(out, FALSE);
}

/* The notes and the remarks "N. …", as the filled sheet draws them. */
static char *notes(const pp_theme *t, const pp_answer_theme *a)
{
    GString *out = g_string_new(a->notes.text);
    for (size_t k = 0; k < t->n_statements; k++)
        if (a->statements[k].remark.text)
            g_string_append_printf(out, "%s%zu. %s", out->len ? "\n" : "", k + 1,
                                   a->statements[k].remark.text);
    return g_string_free(out, FALSE);
}

static char *postits(const pp_answer_theme *a)
{
    GString *out = g_string_new(NULL);
    for (size_t k = 0; k < a->n_postits; k++) {
        const pp_postit *p = &a->postits[k];
        if (out->len) g_string_append(out, "\n\n");
        if (p->colour && strcmp(p->colour, pp_postit_colours[0]) != 0)
            g_string_append_printf(out, "[%s] ", p->colour);
        if (p->text.text) g_string_append(out, p->text.text);
        if (p->author.text)
            g_string_append_printf(out, "%s%s%s", p->text.text ? "\n" : "", AUTHOR_MARK,
                                   p->author.text);
    }
    return g_string_free(out, FALSE);
}

static const char *mark_value(pp_mark m)
{
    return m == PP_MARK_YES ? pp_form_marks[0] : m == PP_MARK_NO ? pp_form_marks[1] : NULL;
}

GHashTable *pp_form_values(const pp_content *c, const pp_session *s)
{
    GHashTable *t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    if (!s) return t;
    put_take(t, pp_form_name("header", pp_form_header_ids[0], NULL), participants(s));
    put(t, pp_form_name("header", pp_form_header_ids[1], NULL), s->partnership.text);
    put(t, pp_form_name("header", pp_form_header_ids[2], NULL), s->date.text);
    if (c->family == PP_FAMILY_NETWORK) {
        pp_form_network_values(t, c, s);
        return t;
    }
    for (size_t i = 0; i < c->n_themes; i++) {
        const pp_theme *th = &c->themes[i];
        const pp_answer_theme *a = &s->themes[i];
        for (size_t k = 0; k < th->n_statements; k++) {
            int score = a->statements[k].score;
            put(t, pp_form_name("score", th->statements[k].id, NULL),
                score >= 0 ? pp_form_scores[score] : NULL);
        }
        put(t, pp_form_name("attention", th->id, NULL), mark_value(a->attention));
        put_take(t, pp_form_name("notes", th->id, NULL), notes(th, a));
        put_take(t, pp_form_name("postits", th->id, NULL), postits(a));
    }
    size_t n_rows = c->n_themes + c->followup.n_rows;
    for (size_t r = 0; r < n_rows; r++) {
        const char *row =
            r < c->n_themes ? c->themes[r].id : c->followup.rows[r - c->n_themes].label.id;
        put(t, pp_form_name("label", row, NULL), s->rows[r].label.text);
        size_t k = 0;
        for (size_t g = 0; g < c->followup.n_groups; g++)
            for (size_t j = 0; j < c->followup.groups[g].n_columns; j++, k++) {
                const char *col = c->followup.groups[g].columns[j].question.id;
                put(t, pp_form_name("cell", row, col), s->rows[r].cells[k].text.text);
                put(t, pp_form_name("mark", row, col), mark_value(s->rows[r].cells[k].mark));
            }
    }
    put(t, g_strdup("next-date"), s->next_date.text);
    put(t, g_strdup("next"), s->next.text);
    return t;
}

/* --- Values → session ------------------------------------------------------------------------ */

typedef pp_form_reader reader;

/* A field's text as the session format holds it: line ends unified, white space inside a line
 * collapsed, lines trimmed, no empty lines at the start or end. g_free. */
static char *normalise(const char *v)
{
    GString *out = g_string_new(NULL);
    bool space = false;
    for (const char *p = v; *p; p++) {
        char ch = *p;
        if (ch == '\r') ch = '\n', p += p[1] == '\n';
        if (ch == '\n') {
            g_string_append_c(out, '\n');
            space = false;
        } else if (ch == ' ' || ch == '\t') {
            space = out->len && out->str[out->len - 1] != '\n';
        } else {
            if (space) g_string_append_c(out, ' ');
            space = false;
            g_string_append_c(out, ch);
        }
    }
    size_t start = 0;
    while (start < out->len && out->str[start] == '\n')
        start++;
    g_string_erase(out, 0, (gssize)start);
    while (out->len && out->str[out->len - 1] == '\n')
        g_string_truncate(out, out->len - 1);
    return g_string_free(out, FALSE);
}

/* The normalised value of field name (marked as known), or NULL when empty or absent. Sets err on
 * a text the session format cannot hold. Stored in the session's arena. */
static const char *field(reader *R, gchar *name)
{
    return pp_form_reader_field(R, name);
}

const char *pp_form_reader_field(pp_form_reader *R, gchar *name)
{
    g_hash_table_add(R->known, name);
    const char *raw = g_hash_table_lookup(R->values, name);
    if (!raw || pp_error_isset(R->err)) return NULL;
    gchar *v = normalise(raw);
    const char *out = NULL;
    if (!g_utf8_validate(v, -1, NULL))
        pp_error_set(R->err, PP_ERR_INVALID, R->path, 0,
                     "field \"%s\" holds text that is not UTF-8", name);
    else if (strlen(v) + 2 > PP_TEXT_MAX_BYTES)
        pp_error_set(R->err, PP_ERR_INVALID, R->path, 0,
                     "field \"%s\" holds %zu bytes of text; at most %u are allowed", name,
                     strlen(v), PP_TEXT_MAX_BYTES - 2);
    else if (pp_xml_has_control(v))
        pp_error_set(R->err, PP_ERR_INVALID, R->path, 0, "field \"%s\" holds a control character",
                     name);
    else if (*v)
        out = pp_arena_strdup(R->a, v);
    g_free(v);
    return out;
}

static pp_text text(reader *R, const char *value)
{
    return pp_form_reader_text(R, value);
}

pp_text pp_form_reader_text(pp_form_reader *R, const char *value)
{
    return (pp_text){NULL, value, 0, R->path, NULL};
}

/* The index of the field's value in values (n of them), -1 when empty; err when another. */
static int choice(reader *R, gchar *name, const char *const *values, int n)
{
    const char *v = field(R, name);
    if (!v) return -1;
    for (int i = 0; i < n; i++)
        if (strcmp(v, values[i]) == 0) return i;
    pp_error_set(R->err, PP_ERR_INVALID, R->path, 0,
                 "field \"%s\" holds \"%s\", which is no choice of it", name, v);
    return -1;
}

static pp_mark mark(reader *R, gchar *name)
{
    int i = choice(R, name, pp_form_marks, 2);
    return i < 0 ? PP_MARK_NONE : i == 0 ? PP_MARK_YES : PP_MARK_NO;
}

static pp_text date(reader *R, gchar *name)
{
    const char *v = field(R, name);
    int y, m, d;
    if (v && !pp_date_parse(v, &y, &m, &d)) {
        pp_error_set(R->err, PP_ERR_INVALID, R->path, 0,
                     "field \"%s\": \"%s\" is not a date (write YYYY-MM-DD, e.g. 2026-10-14)", name,
                     v);
        v = NULL;
    }
    return text(R, v);
}

static void read_participants(reader *R)
{
    const char *v = field(R, pp_form_name("header", pp_form_header_ids[0], NULL));
    gchar **lines = g_strsplit(v ? v : "", "\n", -1);
    size_t n = g_strv_length(lines);
    if (n > PP_MAX_PARTICIPANTS)
        pp_error_set(R->err, PP_ERR_INVALID, R->path, 0,
                     "field \"header:%s\" names %zu participants; at most %d are allowed",
                     pp_form_header_ids[0], n, PP_MAX_PARTICIPANTS);
    R->s->participants = pp_arena_calloc(R->a, n ? n : 1, sizeof *R->s->participants);
    for (size_t i = 0; i < n && !pp_error_isset(R->err); i++) {
        gchar **parts = g_strsplit(lines[i], ";", 3);
        pp_participant *p = &R->s->participants[R->s->n_participants];
        pp_text *out[3] = {&p->name, &p->organisation, &p->role};
        bool any = false;
        for (int k = 0; k < 3 && parts[k]; k++) {
            g_strstrip(parts[k]);
            if (*parts[k]) *out[k] = text(R, pp_arena_strdup(R->a, parts[k])), any = true;
        }
        R->s->n_participants += any;
        g_strfreev(parts);
    }
    g_strfreev(lines);
}

/* The notes field: lines "N. …" start the remark on statement N; other lines continue what came
 * before (the notes at first). */
static void read_notes(reader *R, size_t ti)
{
    const pp_theme *th = &R->c->themes[ti];
    pp_answer_theme *a = &R->s->themes[ti];
    const char *v = field(R, pp_form_name("notes", th->id, NULL));
    gchar **lines = g_strsplit(v ? v : "", "\n", -1);
    pp_text *cur = &a->notes;
    for (size_t i = 0; v && lines[i]; i++) {
        char *end = NULL;
        long k = g_ascii_isdigit(lines[i][0]) ? strtol(lines[i], &end, 10) : 0;
        if (k >= 1 && (size_t)k <= th->n_statements && end[0] == '.' && end[1] == ' ' &&
            !a->statements[k - 1].remark.text) {
            cur = &a->statements[k - 1].remark;
            *cur = text(R, pp_arena_strdup(R->a, end + 2));
        } else {
            if (!cur->text) *cur = text(R, NULL);
            gchar *joined =
                cur->text ? g_strconcat(cur->text, "\n", lines[i], NULL) : g_strdup(lines[i]);
            cur->text = pp_arena_strdup(R->a, joined);
            g_free(joined);
        }
    }
    g_strfreev(lines);
}

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* One paragraph of the post-its field. */
static void read_postit(reader *R, pp_postit *p, gchar *para)
{
    p->colour = pp_postit_colours[0];
    char *body = para;
    for (int i = 0; i < PP_POSTIT_COLOURS && body[0] == '['; i++) {
        size_t n = strlen(pp_postit_colours[i]);
        if (strncmp(body + 1, pp_postit_colours[i], n) == 0 && body[n + 1] == ']') {
            p->colour = pp_postit_colours[i];
            body = g_strstrip(body + n + 2);
        }
    }
    char *nl = strrchr(body, '\n');
    char *last = nl ? nl + 1 : body;
    const char *mark = starts(last, AUTHOR_MARK)    ? AUTHOR_MARK
                       : starts(last, AUTHOR_ASCII) ? AUTHOR_ASCII
                                                    : NULL;
    if (mark) {
        const char *author = g_strstrip(last + strlen(mark));
        if (*author) p->author = text(R, pp_arena_strdup(R->a, author));
        *last = '\0';
        if (nl) *nl = '\0';
    }
    if (*body) p->text = text(R, pp_arena_strdup(R->a, body));
}

static void read_postits(reader *R, size_t ti)
{
    gchar *name = pp_form_name("postits", R->c->themes[ti].id, NULL);
    const char *v = field(R, name);
    pp_answer_theme *a = &R->s->themes[ti];
    GPtrArray *paras = g_ptr_array_new_with_free_func(g_free);
    GString *cur = g_string_new(NULL);
    gchar **lines = g_strsplit(v ? v : "", "\n", -1);
    for (size_t i = 0;; i++) {
        if (!lines[i] || !*lines[i]) {
            if (cur->len) g_ptr_array_add(paras, g_strdup(cur->str));
            g_string_truncate(cur, 0);
            if (!lines[i]) break;
            continue;
        }
        g_string_append_printf(cur, "%s%s", cur->len ? "\n" : "", lines[i]);
    }
    if (paras->len > PP_MAX_POSTITS)
        pp_error_set(R->err, PP_ERR_INVALID, R->path, 0,
                     "field \"%s\" holds %u post-its; at most %d are allowed", name, paras->len,
                     PP_MAX_POSTITS);
    a->postits = pp_arena_calloc(R->a, paras->len ? paras->len : 1, sizeof *a->postits);
    for (guint i = 0; i < paras->len && !pp_error_isset(R->err); i++) {
        pp_postit *p = &a->postits[a->n_postits];
        read_postit(R, p, paras->pdata[i]);
        a->n_postits += p->text.text || p->author.text;
    }
    g_strfreev(lines);
    g_string_free(cur, TRUE);
    g_ptr_array_free(paras, TRUE);
}

static void read_all(reader *R)
{
    const pp_content *c = R->c;
    pp_session *s = R->s;
    read_participants(R);
    s->partnership = text(R, field(R, pp_form_name("header", pp_form_header_ids[1], NULL)));
    s->date = date(R, pp_form_name("header", pp_form_header_ids[2], NULL));
    if (c->family == PP_FAMILY_NETWORK) {
        pp_form_network_read(R);
        return;
    }
    s->themes = pp_arena_calloc(R->a, c->n_themes, sizeof *s->themes);
    for (size_t i = 0; i < c->n_themes; i++) {
        const pp_theme *th = &c->themes[i];
        pp_answer_theme *a = &s->themes[i];
        a->statements = pp_arena_calloc(R->a, th->n_statements, sizeof *a->statements);
        for (size_t k = 0; k < th->n_statements; k++)
            a->statements[k].score = choice(R, pp_form_name("score", th->statements[k].id, NULL),
                                            pp_form_scores, PP_SCORES);
        a->attention = mark(R, pp_form_name("attention", th->id, NULL));
        read_notes(R, i);
        read_postits(R, i);
    }
    size_t n_rows = c->n_themes + c->followup.n_rows, n_cols = pp_content_columns(c);
    s->rows = pp_arena_calloc(R->a, n_rows, sizeof *s->rows);
    for (size_t r = 0; r < n_rows; r++) {
        bool extra = r >= c->n_themes;
        const pp_row *row_c = extra ? &c->followup.rows[r - c->n_themes] : NULL;
        const char *row = extra ? row_c->label.id : c->themes[r].id;
        if (extra && row_c->write_in)
            s->rows[r].label = text(R, field(R, pp_form_name("label", row, NULL)));
        s->rows[r].cells = pp_arena_calloc(R->a, n_cols ? n_cols : 1, sizeof *s->rows[r].cells);
        size_t k = 0;
        for (size_t g = 0; g < c->followup.n_groups; g++)
            for (size_t j = 0; j < c->followup.groups[g].n_columns; j++, k++) {
                const pp_column *col = &c->followup.groups[g].columns[j];
                s->rows[r].cells[k].text =
                    text(R, field(R, pp_form_name("cell", row, col->question.id)));
                if (col->yesno)
                    s->rows[r].cells[k].mark = mark(R, pp_form_name("mark", row, col->question.id));
            }
    }
    s->next_date = date(R, g_strdup("next-date"));
    s->next = text(R, field(R, g_strdup("next")));
}

/* The hidden field: this program's form, of this instrument, in a version it reads. */
static bool check_meta(reader *R)
{
    const char *v = g_hash_table_lookup(R->values, PP_FORM_META_FIELD);
    gchar **w = g_strsplit(v ? v : "", " ", -1);
    bool ok = false;
    if (g_strv_length(w) != 4 || strcmp(w[0], PP_FORM_META_FIELD) != 0)
        pp_error_set(R->err, PP_ERR_INVALID, R->path, 0,
                     "the form has no valid \"%s\" field: it was not made by praatplaat",
                     PP_FORM_META_FIELD);
    else if (strcmp(w[1], PP_FORM_VERSION) != 0)
        pp_error_set(R->err, PP_ERR_INVALID, R->path, 0,
                     "form version \"%s\" is not supported (this program reads version %s)", w[1],
                     PP_FORM_VERSION);
    else if (strcmp(w[2], R->c->id) != 0)
        pp_error_set(R->err, PP_ERR_INVALID, R->path, 0,
                     "this form belongs to instrument \"%s\", but the content is \"%s\"", w[2],
                     R->c->id);
    else {
        R->s->lang = pp_arena_strdup(R->a, w[3]);
        ok = true;
    }
    g_strfreev(w);
    return ok;
}

pp_session *pp_form_session(const pp_content *c, GHashTable *values, const char *path,
                            pp_error *err)
{
    pp_session *s = g_new0(pp_session, 1);
    s->arena = pp_arena_new();
    reader R = {c,  values,   g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
                s,  s->arena, path,
                err};
    s->path = pp_arena_strdup(R.a, path);
    g_hash_table_add(R.known, g_strdup(PP_FORM_META_FIELD));
    if (check_meta(&R)) read_all(&R);
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, values);
    while (!pp_error_isset(err) && g_hash_table_iter_next(&it, &key, NULL))
        if (!g_hash_table_contains(R.known, key))
            pp_error_set(err, PP_ERR_INVALID, path, 0,
                         "field \"%s\" is no field of this instrument's form (another version of "
                         "the content?)",
                         (const char *)key);
    g_hash_table_destroy(R.known);
    if (pp_error_isset(err)) {
        pp_session_free(s);
        return NULL;
    }
    return s;
}
