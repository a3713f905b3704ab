/* The network map's fields: a session's map as field values and back (formfields_network.h). */
#include "model/formfields_network.h"

#include "model/arena.h"
#include "model/formfields.h"
#include "model/session_network.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Between a link's two names: written, and the spellings read. */
static const char LINK_SEP[] = " \u2014 ";
static const char *const link_seps[] = {"\u2014", "--"};
/* Before the number of a role's marks when more than one: written, and the spellings read. */
static const char TIMES[] = " \u00d7";
static const char *const times_read[] = {"\u00d7", "x", "X", "*"};

static gchar *cell_name(const pp_content *c, size_t kind, size_t ring)
{
    return pp_form_name(PP_FORM_PARTNERS, c->network.kinds[kind].id, c->network.rings[ring].id);
}

/* --- Session → values ------------------------------------------------------------------------ */

static void put(GHashTable *t, gchar *name, GString *value)
{
    if (value->len)
        g_hash_table_replace(t, name, g_string_free(value, FALSE));
    else {
        g_free(name);
        g_string_free(value, TRUE);
    }
}

/* The partner's paragraph: name, note, a line of marks, a line per answer. */
static void partner_paragraph(GString *out, const pp_partner *p, const pp_content *c)
{
    const pp_network *nw = &c->network;
    if (out->len) g_string_append(out, "\n\n");
    g_string_append(out, p->name.text);
    if (p->note.text) g_string_append_printf(out, "\n%s", p->note.text);
    const char *sep = "\n";
    for (size_t r = 0; r < nw->n_roles; r++) {
        if (!p->marks[r]) continue;
        g_string_append_printf(out, "%s[%s", sep, nw->roles[r].id);
        if (p->marks[r] > 1) g_string_append_printf(out, "%s%u", TIMES, p->marks[r]);
        g_string_append_c(out, ']');
        sep = " ";
    }
    for (size_t i = 0; i < pp_network_n_cards(c); i++)
        if (p->answers[i].text)
            g_string_append_printf(out, "\n[%s] %s", pp_network_card(c, i, NULL)->id,
                                   p->answers[i].text);
}

void pp_form_network_values(GHashTable *t, const pp_content *c, const pp_session *s)
{
    const pp_network_session *ns = s->network;
    if (!ns) return;
    for (size_t k = 0; k < c->network.n_kinds; k++)
        for (size_t r = 0; r < c->network.n_rings; r++) {
            GString *v = g_string_new(NULL);
            for (size_t i = 0; i < ns->n_partners; i++)
                if (ns->partners[i].kind == k && ns->partners[i].ring == r)
                    partner_paragraph(v, &ns->partners[i], c);
            put(t, cell_name(c, k, r), v);
        }
    GString *links = g_string_new(NULL);
    for (size_t i = 0; i < ns->n_links; i++)
        g_string_append_printf(links, "%s%s%s%s", i ? "\n" : "",
                               ns->partners[ns->links[i].a].name.text, LINK_SEP,
                               ns->partners[ns->links[i].b].name.text);
    put(t, g_strdup(PP_FORM_LINKS), links);
    put(t, g_strdup(PP_FORM_MAP_NOTES), g_string_new(ns->notes.text));
}

/* --- Values → session ------------------------------------------------------------------------ */

typedef struct net {
    pp_form_reader *R;
    pp_network_session *ns;
    const char *field; /* the field being read, for messages */
    size_t line;       /* its line being read, from 1 */
} net;

static bool ok(const net *N)
{
    return !pp_error_isset(N->R->err);
}

static void fail(net *N, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(net *N, const char *fmt, ...)
{
    if (!ok(N)) return;
    va_list ap;
    va_start(ap, fmt);
    gchar *m = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    pp_error_set(N->R->err, PP_ERR_INVALID, N->R->path, 0, "field \"%s\": line %zu: %s", N->field,
                 N->line, m);
    g_free(m);
}

static bool same_words(const char *a, const char *b)
{
    gchar *fa = g_utf8_casefold(a, -1), *fb = g_utf8_casefold(b, -1);
    bool same = strcmp(fa, fb) == 0;
    g_free(fa);
    g_free(fb);
    return same;
}

/* The index of the text among n whose id or words are w (in any case); -1: none. */
static long find_text(const pp_text *t, size_t n, const char *w)
{
    for (size_t i = 0; i < n; i++)
        if (same_words(t[i].id, w) || same_words(t[i].text, w)) return (long)i;
    return -1;
}

static long find_card(const pp_content *c, const char *w)
{
    for (size_t i = 0; i < pp_network_n_cards(c); i++) {
        const pp_card *card = pp_network_card(c, i, NULL);
        if (same_words(card->id, w) || same_words(card->name.text, w)) return (long)i;
    }
    return -1;
}

/* Splits "ROLE ×2" into the role's words (in place) and its count; 1 without a number. */
static long split_count(char *inside)
{
    size_t n = strlen(inside), d = n;
    while (d > 0 && g_ascii_isdigit(inside[d - 1]))
        d--;
    if (d == n) return 1;
    long count = strtol(inside + d, NULL, 10);
    inside[d] = '\0';
    g_strchomp(inside);
    for (size_t i = 0; i < G_N_ELEMENTS(times_read); i++)
        if (g_str_has_suffix(inside, times_read[i])) {
            inside[strlen(inside) - strlen(times_read[i])] = '\0';
            break;
        }
    g_strchomp(inside);
    return count;
}

static void append(net *N, pp_text *t, const char *line)
{
    gchar *joined = t->text ? g_strconcat(t->text, "\n", line, NULL) : g_strdup(line);
    *t = pp_form_reader_text(N->R, pp_arena_strdup(N->R->a, joined));
    g_free(joined);
}

/* The answer on card for p starts with rest; the lines after it go to it too (*cur). */
static void start_answer(net *N, pp_partner *p, long card, const char *rest, pp_text **cur)
{
    if (p->answers[card].text || *cur == &p->answers[card])
        fail(N, "card \"%s\" is answered twice for partner \"%s\"",
             pp_network_card(N->R->c, (size_t)card, NULL)->id, p->name.text);
    gchar *t = g_strstrip(g_strdup(rest));
    if (*t) p->answers[card] = pp_form_reader_text(N->R, pp_arena_strdup(N->R->a, t));
    *cur = &p->answers[card];
    g_free(t);
}

static void mark_role(net *N, pp_partner *p, long role, long count, const char *written)
{
    const pp_network *nw = &N->R->c->network;
    if (p->marks[role])
        fail(N, "role \"%s\" marks partner \"%s\" twice: write [%s%s2]", written, p->name.text,
             nw->roles[role].id, TIMES);
    else if (count < 1 || count > PP_MAX_MARKS)
        fail(N, "\"[%s%s%ld]\": %ld is not a number of marks from 1 to %d", written, TIMES, count,
             count, PP_MAX_MARKS);
    else
        p->marks[role] = (unsigned)count;
}

/* One "[…]" group at q. Text after the line's first group makes it the start of an answer (a
 * card); otherwise a group is a role's mark, or, alone on its line, a card whose answer follows on
 * the next lines. Returns where the line goes on after a mark, NULL after an answer or an error. */
static const char *bracket(net *N, pp_partner *p, const char *q, bool first, pp_text **cur)
{
    const pp_network *nw = &N->R->c->network;
    const char *end = strchr(q, ']');
    if (!end) {
        fail(N, "\"[\" without \"]\"");
        return NULL;
    }
    const char *after = end + 1 + strspn(end + 1, " ");
    gchar *inside = g_strstrip(g_strndup(q + 1, (gsize)(end - q - 1)));
    gchar *words = g_strdup(inside);
    long count = split_count(words), card = first ? find_card(N->R->c, inside) : -1;
    long role = find_text(nw->roles, nw->n_roles, words);
    if (first && *after && *after != '[') {
        if (card < 0)
            fail(N, "\"[%s]\" names no card of this instrument (a line of marks holds marks only)",
                 inside);
        else
            start_answer(N, p, card, after, cur);
        after = NULL;
    } else if (role >= 0)
        mark_role(N, p, role, count, words);
    else if (card >= 0 && !*after) {
        start_answer(N, p, card, "", cur);
        after = NULL;
    } else
        fail(N, "\"[%s]\" names no role (or card) of this instrument", inside);
    g_free(words);
    g_free(inside);
    return after && ok(N) ? after : NULL;
}

/* A line that starts with "[": marks, or the start of an answer. */
static void bracket_line(net *N, pp_partner *p, const char *line, pp_text **cur)
{
    const char *q = line;
    for (bool first = true; q && *q == '[' && ok(N); first = false)
        q = bracket(N, p, q, first, cur);
    if (q && *q && ok(N))
        fail(N, "\"%s\" after the marks: write a note on a line of its own, before them", q);
}

/* One paragraph, lines[0 … n-1] (the field's lines from N->line), as a partner of the cell. */
static void read_partner(net *N, size_t kind, size_t ring, gchar **lines, size_t n)
{
    const pp_content *c = N->R->c;
    pp_arena *a = N->R->a;
    if (N->ns->n_partners == PP_MAX_PARTNERS) {
        fail(N, "more than %d partners on the map; at most %d are allowed", PP_MAX_PARTNERS,
             PP_MAX_PARTNERS);
        return;
    }
    if (lines[0][0] == '[') {
        fail(N, "a partner's paragraph starts with its name, not with \"[\"");
        return;
    }
    pp_partner *p = &N->ns->partners[N->ns->n_partners++];
    *p = (pp_partner){.kind = kind, .ring = ring};
    p->marks = pp_arena_calloc(a, c->network.n_roles, sizeof *p->marks);
    p->answers = pp_arena_calloc(a, pp_network_n_cards(c) + 1, sizeof *p->answers);
    p->name = pp_form_reader_text(N->R, pp_arena_strdup(a, lines[0]));
    pp_text *cur = &p->note;
    size_t start = N->line;
    for (size_t i = 1; i < n && ok(N); i++) {
        N->line = start + i;
        if (lines[i][0] == '[')
            bracket_line(N, p, lines[i], &cur);
        else
            append(N, cur, lines[i]);
    }
}

static void read_cell(net *N, size_t kind, size_t ring)
{
    gchar *name = cell_name(N->R->c, kind, ring);
    N->field = name;
    const char *v = pp_form_reader_field(N->R, name); /* name is the reader's now */
    gchar **lines = g_strsplit(v ? v : "", "\n", -1);
    size_t i = 0;
    while (v && lines[i] && ok(N)) {
        while (lines[i] && !*lines[i])
            i++;
        size_t first = i;
        while (lines[i] && *lines[i])
            i++;
        N->line = first + 1;
        if (i > first) read_partner(N, kind, ring, lines + first, i - first);
    }
    g_strfreev(lines);
}

/* How many partners are named name, exactly, else in any case; the last in *at. */
static size_t partners_named(const net *N, const char *name, size_t *at)
{
    size_t n = 0;
    for (int pass = 0; pass < 2 && !n; pass++)
        for (size_t i = 0; i < N->ns->n_partners; i++) {
            const char *pn = N->ns->partners[i].name.text;
            if (pass ? same_words(pn, name) : strcmp(pn, name) == 0) *at = i, n++;
        }
    return n;
}

/* The line split at the separator at sep (n bytes long) into two names (g_free both). */
static void split_at(const char *line, const char *sep, size_t n, gchar **a, gchar **b)
{
    *a = g_strstrip(g_strndup(line, (gsize)(sep - line)));
    *b = g_strstrip(g_strdup(sep + n));
}

/* The link's two partners: the line is split at a separator where both sides name one partner (a
 * name may hold the separator itself); false with an error when no split does. */
static bool link_ends(net *N, const char *line, size_t *ia, size_t *ib)
{
    const char *first = NULL;
    size_t first_n = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(link_seps); i++) {
        size_t n = strlen(link_seps[i]);
        for (const char *q = strstr(line, link_seps[i]); q; q = strstr(q + n, link_seps[i])) {
            gchar *a, *b;
            split_at(line, q, n, &a, &b);
            bool both = partners_named(N, a, ia) == 1 && partners_named(N, b, ib) == 1;
            g_free(a);
            g_free(b);
            if (both) return true;
            if (!first) first = q, first_n = n;
        }
    }
    if (!first) {
        fail(N, "write a link as \"Name A%sName B\"", LINK_SEP);
        return false;
    }
    gchar *ends[2];
    split_at(line, first, first_n, &ends[0], &ends[1]);
    for (int e = 0; e < 2; e++) {
        size_t n = partners_named(N, ends[e], ia);
        if (n == 0) fail(N, "\"%s\" is no partner's name on the map", ends[e]);
        if (n > 1) fail(N, "%zu partners on the map are named \"%s\"", n, ends[e]);
    }
    fail(N, "\"%s\" names no two partners", line);
    g_free(ends[0]);
    g_free(ends[1]);
    return false;
}

static void read_link(net *N, const char *line)
{
    size_t ia, ib;
    if (!link_ends(N, line, &ia, &ib)) return;
    const char *a = N->ns->partners[ia].name.text, *b = N->ns->partners[ib].name.text;
    if (ia == ib) fail(N, "a link from partner \"%s\" to itself", a);
    for (size_t i = 0; ok(N) && i < N->ns->n_links; i++) {
        const pp_link *k = &N->ns->links[i];
        if ((k->a == ia && k->b == ib) || (k->a == ib && k->b == ia))
            fail(N, "the link between \"%s\" and \"%s\" is given twice", a, b);
    }
    if (ok(N) && N->ns->n_links == PP_MAX_LINKS)
        fail(N, "more than %d links; at most %d are allowed", PP_MAX_LINKS, PP_MAX_LINKS);
    if (ok(N)) N->ns->links[N->ns->n_links++] = (pp_link){ia, ib, 0};
}

static void read_links(net *N)
{
    gchar *name = g_strdup(PP_FORM_LINKS);
    N->field = name;
    const char *v = pp_form_reader_field(N->R, name);
    gchar **lines = g_strsplit(v ? v : "", "\n", -1);
    for (size_t i = 0; v && lines[i] && ok(N); i++) {
        N->line = i + 1;
        if (*lines[i]) read_link(N, lines[i]);
    }
    g_strfreev(lines);
}

void pp_form_network_read(pp_form_reader *R)
{
    const pp_network *nw = &R->c->network;
    pp_network_session *ns = pp_session_network_new(R->a, R->c);
    R->s->network = ns;
    ns->partners = pp_arena_calloc(R->a, PP_MAX_PARTNERS + 1, sizeof *ns->partners);
    ns->links = pp_arena_calloc(R->a, PP_MAX_LINKS + 1, sizeof *ns->links);
    net N = {R, ns, NULL, 0};
    for (size_t k = 0; k < nw->n_kinds && ok(&N); k++)
        for (size_t r = 0; r < nw->n_rings && ok(&N); r++)
            read_cell(&N, k, r);
    for (size_t i = 0; i < ns->n_partners; i++) {
        gchar *id = g_strdup_printf("p%zu", i + 1);
        ns->partners[i].id = pp_arena_strdup(R->a, id);
        g_free(id);
    }
    if (ok(&N)) read_links(&N);
    if (ok(&N))
        ns->notes = pp_form_reader_text(R, pp_form_reader_field(R, g_strdup(PP_FORM_MAP_NOTES)));
}
