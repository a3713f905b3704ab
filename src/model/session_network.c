/* The <netwerkkaart> part of a session: loading with precise messages, the template and writing.
 * The partners come first in a pass of their own, so a link or nothing else depends on the order
 * of the elements. */
#include "model/session_network.h"

#include "model/arena.h"
#include "model/xml.h"

#include <stdlib.h>
#include <string.h>

size_t pp_network_n_cards(const pp_content *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_phases; i++)
        n += c->phases[i].n_cards;
    return n;
}

const pp_card *pp_network_card(const pp_content *c, size_t i, const pp_phase **phase)
{
    for (size_t p = 0; p < c->n_phases; p++) {
        if (i < c->phases[p].n_cards) {
            if (phase) *phase = &c->phases[p];
            return &c->phases[p].cards[i];
        }
        i -= c->phases[p].n_cards;
    }
    return NULL;
}

pp_network_session *pp_session_network_new(pp_arena *a, const pp_content *c)
{
    (void)c;
    return pp_arena_calloc(a, 1, sizeof(pp_network_session));
}

bool pp_partner_discussed(const pp_partner *p, const pp_content *c)
{
    for (size_t i = 0; i < pp_network_n_cards(c); i++)
        if (p->answers[i].text) return true;
    return false;
}

/* --- Loading -------------------------------------------------------------------------------- */

typedef struct nl {
    pp_network_session *ns;
    const pp_content *c;
    pp_arena *a;
    const char *path;
    pp_error *err;
} nl;

static bool ok(const nl *L)
{
    return !pp_error_isset(L->err);
}

/* "<parent><name>" of n, for messages about its text. */
static const char *element_of(nl *L, xmlNodePtr n)
{
    gchar *e = g_strdup_printf("<%s><%s>", n->parent ? (const char *)n->parent->name : "",
                               (const char *)n->name);
    const char *out = pp_arena_strdup(L->a, e);
    g_free(e);
    return out;
}

/* A free-text element into *out (NULL text when empty); once only. */
static bool text_of(nl *L, xmlNodePtr n, pp_text *out)
{
    if (out->line)
        return pp_xml_fail(L->err, L->path, n, "<%s> is given twice (first on line %ld)",
                           (const char *)n->name, out->line);
    char *t = pp_xml_text_or_empty(L->a, n, L->path, L->err);
    if (!t) return false;
    *out = (pp_text){NULL, *t ? t : NULL, pp_xml_line(n), L->path, element_of(L, n)};
    return true;
}

/* "a", "b", "c": the ids of n texts, for messages (g_free). */
static char *id_list(const pp_text *t, size_t n)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < n; i++)
        g_string_append_printf(s, "%s\"%s\"", i ? ", " : "", t[i].id);
    return g_string_free(s, FALSE);
}

/* The index of the attribute name's id among the n texts t; -1 when absent or empty, -2 (with err
 * set) when it names none of them. what names the kind of id for the message. */
static long id_attr(nl *L, xmlNodePtr n, const char *name, const pp_text *t, size_t count,
                    const char *what)
{
    char *v = pp_xml_attr(L->a, n, name);
    if (!v || !*v) return -1;
    for (size_t i = 0; i < count; i++)
        if (strcmp(t[i].id, v) == 0) return (long)i;
    char *ids = id_list(t, count);
    pp_xml_fail(L->err, L->path, n, "unknown %s \"%s\" in %s= (the content's: %s)", what, v, name,
                ids);
    g_free(ids);
    return -2;
}

static bool load_priority(nl *L, xmlNodePtr n, pp_partner *p, long *seen)
{
    const pp_network *nw = &L->c->network;
    long r = id_attr(L, n, "role", nw->roles, nw->n_roles, "role");
    if (r == -2) return false;
    if (r == -1) return pp_xml_fail(L->err, L->path, n, "<priority> needs a role=");
    if (seen[r])
        return pp_xml_fail(L->err, L->path, n,
                           "role \"%s\" is given twice on this partner (first on line %ld): "
                           "write count=\"2\"",
                           nw->roles[r].id, seen[r]);
    seen[r] = pp_xml_line(n);
    char *count = pp_xml_attr(L->a, n, "count");
    long k = 1;
    if (count && *count) {
        char *end;
        k = strtol(count, &end, 10);
        if (*end || k < 1 || k > PP_MAX_MARKS)
            return pp_xml_fail(L->err, L->path, n,
                               "count=\"%s\" is not a number of marks from 1 to %d", count,
                               PP_MAX_MARKS);
    }
    p->marks[r] = (unsigned)k;
    return true;
}

static bool load_answer(nl *L, xmlNodePtr n, pp_partner *p)
{
    char *card = pp_xml_attr(L->a, n, "card");
    if (!card || !*card) return pp_xml_fail(L->err, L->path, n, "<answer> needs a card=");
    size_t total = pp_network_n_cards(L->c);
    for (size_t i = 0; i < total; i++)
        if (strcmp(pp_network_card(L->c, i, NULL)->id, card) == 0) {
            if (p->answers[i].line)
                return pp_xml_fail(L->err, L->path, n,
                                   "card \"%s\" is answered twice for this partner (first on "
                                   "line %ld)",
                                   card, p->answers[i].line);
            return text_of(L, n, &p->answers[i]);
        }
    GString *ids = g_string_new(NULL);
    for (size_t i = 0; i < total; i++)
        g_string_append_printf(ids, "%s\"%s\"", i ? ", " : "", pp_network_card(L->c, i, NULL)->id);
    pp_xml_fail(L->err, L->path, n, "unknown card \"%s\" (the content's cards: %s)", card,
                ids->str);
    g_string_free(ids, TRUE);
    return false;
}

static bool partner_children(nl *L, xmlNodePtr node, pp_partner *p)
{
    long seen[PP_MAX_ROLES] = {0};
    for (xmlNodePtr n = pp_xml_first(node, L->path, L->err); n && ok(L);
         n = pp_xml_next(n, L->path, L->err)) {
        if (pp_xml_is(n, "name"))
            text_of(L, n, &p->name);
        else if (pp_xml_is(n, "note"))
            text_of(L, n, &p->note);
        else if (pp_xml_is(n, "priority"))
            load_priority(L, n, p, seen);
        else if (pp_xml_is(n, "answer"))
            load_answer(L, n, p);
        else
            pp_xml_fail(L->err, L->path, n, "element <%s> is not allowed in <partner>",
                        (const char *)n->name);
    }
    return ok(L);
}

static bool filled(const nl *L, const pp_partner *p)
{
    bool any = p->name.text || p->note.text;
    for (size_t i = 0; i < L->c->network.n_roles; i++)
        any |= p->marks[i] > 0;
    return any || pp_partner_discussed(p, L->c);
}

/* The partner with id, or NULL. */
static const pp_partner *find(const nl *L, const char *id, size_t *index)
{
    for (size_t i = 0; id && i < L->ns->n_partners; i++)
        if (L->ns->partners[i].id && strcmp(L->ns->partners[i].id, id) == 0) {
            if (index) *index = i;
            return &L->ns->partners[i];
        }
    return NULL;
}

/* A partner that says something has a name, a kind and a ring: without them it has no place. */
static bool placeable(nl *L, xmlNodePtr node, const pp_partner *p, long kind, long ring)
{
    const pp_network *nw = &L->c->network;
    char *ids = NULL;
    if (!p->name.text)
        pp_xml_fail(L->err, L->path, node,
                    "a <partner> with a note, mark or answer needs a <name>");
    else if (kind < 0 && (ids = id_list(nw->kinds, nw->n_kinds)))
        pp_xml_fail(L->err, L->path, node, "partner \"%s\" needs a kind= (one of %s)", p->name.text,
                    ids);
    else if (ring < 0 && (ids = id_list(nw->rings, nw->n_rings)))
        pp_xml_fail(L->err, L->path, node, "partner \"%s\" needs a ring= (one of %s)", p->name.text,
                    ids);
    g_free(ids);
    return ok(L);
}

static bool load_partner(nl *L, xmlNodePtr node)
{
    const pp_network *nw = &L->c->network;
    pp_partner *p = &L->ns->partners[L->ns->n_partners];
    char *id = pp_xml_attr(L->a, node, "id");
    p->id = id && *id ? id : NULL;
    p->line = pp_xml_line(node);
    p->marks = pp_arena_calloc(L->a, nw->n_roles, sizeof *p->marks);
    p->answers = pp_arena_calloc(L->a, pp_network_n_cards(L->c) + 1, sizeof *p->answers);
    long kind = id_attr(L, node, "kind", nw->kinds, nw->n_kinds, "kind of partner");
    long ring = ok(L) ? id_attr(L, node, "ring", nw->rings, nw->n_rings, "ring") : -2;
    if (!ok(L) || !partner_children(L, node, p)) return false;
    if (!filled(L, p)) return true; /* an empty partner of the template: not filled in */
    if (!placeable(L, node, p, kind, ring)) return false;
    const pp_partner *twin = find(L, p->id, NULL);
    if (twin)
        return pp_xml_fail(L->err, L->path, node,
                           "partner id \"%s\" is given twice (first on line %ld)", p->id,
                           twin->line);
    p->kind = (size_t)kind;
    p->ring = (size_t)ring;
    L->ns->n_partners++;
    return true;
}

static bool load_link(nl *L, xmlNodePtr n)
{
    const char *end[2] = {"from", "to"};
    size_t at[2];
    for (int e = 0; e < 2; e++) {
        char *id = pp_xml_attr(L->a, n, end[e]);
        if (!id || !*id) return pp_xml_fail(L->err, L->path, n, "<link> needs %s=", end[e]);
        if (!find(L, id, &at[e]))
            return pp_xml_fail(L->err, L->path, n,
                               "link %s= \"%s\": no partner on the map has that id", end[e], id);
    }
    if (at[0] == at[1])
        return pp_xml_fail(L->err, L->path, n, "a link from partner \"%s\" to itself",
                           L->ns->partners[at[0]].id);
    for (size_t i = 0; i < L->ns->n_links; i++) {
        const pp_link *k = &L->ns->links[i];
        if ((k->a == at[0] && k->b == at[1]) || (k->a == at[1] && k->b == at[0]))
            return pp_xml_fail(L->err, L->path, n,
                               "the link between \"%s\" and \"%s\" is given twice (first on line "
                               "%ld)",
                               L->ns->partners[at[0]].id, L->ns->partners[at[1]].id, k->line);
    }
    L->ns->links[L->ns->n_links++] = (pp_link){at[0], at[1], pp_xml_line(n)};
    return true;
}

static size_t count_children(xmlNodePtr parent, const char *name)
{
    size_t n = 0;
    for (xmlNodePtr c = parent->children; c; c = c->next)
        n += pp_xml_is(c, name);
    return n;
}

static bool too_many(nl *L, xmlNodePtr node, const char *what, size_t n, int most)
{
    if (n <= (size_t)most) return false;
    pp_xml_fail(L->err, L->path, node, "%zu %s; at most %d are allowed", n, what, most);
    return true;
}

bool pp_session_network_load(pp_network_session *ns, const pp_content *c, pp_arena *a,
                             const char *path, xmlNodePtr node, pp_error *err)
{
    nl L = {ns, c, a, path, err};
    if (ns->partners) return pp_xml_fail(err, path, node, "<netwerkkaart> is given twice");
    size_t n_partners = count_children(node, "partner"), n_links = count_children(node, "link");
    if (too_many(&L, node, "partners", n_partners, PP_MAX_PARTNERS) ||
        too_many(&L, node, "links", n_links, PP_MAX_LINKS))
        return false;
    ns->partners = pp_arena_calloc(a, n_partners + 1, sizeof *ns->partners);
    ns->links = pp_arena_calloc(a, n_links + 1, sizeof *ns->links);
    /* partners and notes first, then the links between them */
    for (xmlNodePtr n = pp_xml_first(node, path, err); n && ok(&L); n = pp_xml_next(n, path, err)) {
        if (pp_xml_is(n, "partner"))
            load_partner(&L, n);
        else if (pp_xml_is(n, "notes"))
            text_of(&L, n, &ns->notes);
        else if (pp_xml_is(n, "picture"))
            pp_picture_load(a, path, n, &ns->picture, err);
        else if (!pp_xml_is(n, "link"))
            pp_xml_fail(err, path, n, "element <%s> is not allowed in <netwerkkaart>",
                        (const char *)n->name);
    }
    for (xmlNodePtr n = pp_xml_first(node, path, err); n && ok(&L); n = pp_xml_next(n, path, err))
        if (pp_xml_is(n, "link")) load_link(&L, n);
    return ok(&L);
}

/* --- Template and writing ------------------------------------------------------------------- */

/* An XML comment holding text: "--" may not occur in a comment, nor a final '-'. */
static void comment(GString *out, int indent, const char *text)
{
    g_string_append_printf(out, "%*s<!-- ", indent, "");
    for (const char *p = text; *p; p++) {
        g_string_append_c(out, *p == '\n' ? ' ' : *p);
        if (*p == '-' && (p[1] == '-' || !p[1])) g_string_append_c(out, ' ');
    }
    g_string_append(out, " -->\n");
}

/* A comment "id: words" per text. */
static void id_comments(GString *out, const pp_text *head, const pp_text *t, size_t n)
{
    comment(out, 4, head->text);
    for (size_t i = 0; i < n; i++) {
        gchar *line = g_strdup_printf("%s: %s", t[i].id, t[i].text);
        comment(out, 6, line);
        g_free(line);
    }
}

void pp_session_network_template(GString *out, const pp_content *c)
{
    const pp_network *nw = &c->network;
    g_string_append(out, "  <netwerkkaart>\n");
    comment(out, 4, nw->title.text);
    id_comments(out, &nw->kinds_label, nw->kinds, nw->n_kinds);
    id_comments(out, &nw->rings_label, nw->rings, nw->n_rings);
    id_comments(out, &nw->roles_label, nw->roles, nw->n_roles);
    for (size_t p = 0; p < c->n_phases; p++) {
        const pp_phase *ph = &c->phases[p];
        gchar *head = g_strdup_printf("%s: %s", ph->label.text, ph->name.text);
        comment(out, 4, head);
        g_free(head);
        for (size_t k = 0; k < ph->n_cards; k++) {
            gchar *line = g_strdup_printf("%s: %s", ph->cards[k].id, ph->cards[k].name.text);
            comment(out, 6, line);
            g_free(line);
        }
    }
    g_string_append(
        out,
        "    <!-- one <partner> per post-it: id (for links), kind and ring from the lists above;\n"
        "         <priority role=\"…\" count=\"1\"/> per role that circled it; <answer "
        "card=\"…\"> per card\n"
        "         the group talked about for this partner -->\n"
        "    <partner id=\"\" kind=\"\" ring=\"\">\n"
        "      <name></name>\n"
        "      <note></note>\n"
        "    </partner>\n"
        "    <!-- <link from=\"id\" to=\"id\"/> per line drawn between two partners -->\n"
        "    <notes></notes>\n"
        "  </netwerkkaart>\n");
}

static void text_element(GString *out, int indent, const char *name, const char *attr,
                         const pp_text *t, void (*put)(GString *, const char *))
{
    if (!t->text) return;
    g_string_append_printf(out, "%*s<%s%s>", indent, "", name, attr ? attr : "");
    put(out, t->text);
    g_string_append_printf(out, "</%s>\n", name);
}

static void write_partner(GString *out, const pp_partner *p, const pp_content *c,
                          void (*put)(GString *, const char *))
{
    const pp_network *nw = &c->network;
    g_string_append(out, "    <partner");
    if (p->id) g_string_append_printf(out, " id=\"%s\"", p->id);
    g_string_append_printf(out, " kind=\"%s\" ring=\"%s\">\n", nw->kinds[p->kind].id,
                           nw->rings[p->ring].id);
    text_element(out, 6, "name", NULL, &p->name, put);
    text_element(out, 6, "note", NULL, &p->note, put);
    for (size_t r = 0; r < nw->n_roles; r++)
        if (p->marks[r] == 1)
            g_string_append_printf(out, "      <priority role=\"%s\"/>\n", nw->roles[r].id);
        else if (p->marks[r] > 1)
            g_string_append_printf(out, "      <priority role=\"%s\" count=\"%u\"/>\n",
                                   nw->roles[r].id, p->marks[r]);
    for (size_t i = 0; i < pp_network_n_cards(c); i++) {
        gchar *attr = g_strdup_printf(" card=\"%s\"", pp_network_card(c, i, NULL)->id);
        text_element(out, 6, "answer", attr, &p->answers[i], put);
        g_free(attr);
    }
    g_string_append(out, "    </partner>\n");
}

void pp_session_network_write(GString *out, const pp_network_session *ns, const pp_content *c,
                              void (*put)(GString *out, const char *text),
                              void (*picture)(GString *out, int indent, const pp_picture *pic))
{
    if (!ns || (!ns->n_partners && !ns->notes.text && !ns->picture.href)) return;
    g_string_append(out, "  <netwerkkaart>\n");
    for (size_t i = 0; i < ns->n_partners; i++)
        write_partner(out, &ns->partners[i], c, put);
    for (size_t i = 0; i < ns->n_links; i++)
        g_string_append_printf(out, "    <link from=\"%s\" to=\"%s\"/>\n",
                               ns->partners[ns->links[i].a].id, ns->partners[ns->links[i].b].id);
    text_element(out, 4, "notes", NULL, &ns->notes, put);
    picture(out, 4, &ns->picture);
    g_string_append(out, "  </netwerkkaart>\n");
}
