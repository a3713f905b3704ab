/* The report's summary for an instrument of the netwerkkaart family: the school team, date and
 * participants; the partners by kind of partner, each with its ring, note, priority marks per role
 * and links; the links; the notes on the map; and per discussed partner the answers on the
 * reflection cards. The filled map and the continuation pages follow as parts of the report
 * (sheets/kinds.c). Words from the content and the session, sizes and styles from
 * layouts/report.xml (the keys of report.c). */
#include "model/record.h"
#include "model/session_network.h"
#include "sheets/flow.h"
#include "sheets/ink.h"
#include "sheets/sheet.h"

#include <glib.h>

typedef struct rn {
    pp_flow fl;
    const pp_content *c;
    const pp_session *ss;
    const pp_network_session *ns;
    pp_layout *l;
} rn;

static const pp_style *st(rn *r, const char *name)
{
    return pp_layout_style(r->l, name);
}

static double mm(rn *r, const char *name)
{
    return pp_layout_mm(r->l, name);
}

static void tagged(rn *r, const char *tag, const pp_text *src, const char *text, const char *style,
                   double after)
{
    pp_scene_begin(r->fl.s, tag, NULL);
    pp_flow_text(&r->fl, src, text, st(r, style), 0, after);
    pp_scene_end(r->fl.s);
}

/* A label and, under it, a session text (value, or src's text) in the session's direction. */
static void labelled(rn *r, const pp_text *label, const pp_text *src, const char *value)
{
    pp_flow_keep(&r->fl, mm(r, "keep"));
    if (label) tagged(r, "P", label, NULL, "label", mm(r, "label-gap"));
    bool was = pp_ink_direction(r->fl.env);
    tagged(r, "P", src, value, "answer", mm(r, "block-gap"));
    pp_typeset_set_rtl(r->fl.env->ts, was);
}

static void band(rn *r, const pp_text *t, pp_rgb fill, const char *style)
{
    pp_flow_band(&r->fl, t, NULL, st(r, style), fill, mm(r, "band-h"), mm(r, "band-pad"),
                 mm(r, "label-gap"), "H2");
}

static void head(rn *r)
{
    const pp_record *rec = &r->c->record;
    tagged(r, "P", &rec->title, NULL, "kicker", mm(r, "label-gap"));
    tagged(r, "H1", &r->c->title, NULL, "title", mm(r, "block-gap"));
    if (r->ss->partnership.text) labelled(r, &rec->team, &r->ss->partnership, NULL);
    if (r->ss->date.text) {
        gchar *d = pp_record_date(rec, r->ss->date.text);
        labelled(r, &rec->date, &r->ss->date, d);
        g_free(d);
    }
    if (!r->ss->n_participants) return;
    pp_flow_keep(&r->fl, mm(r, "keep"));
    tagged(r, "P", &rec->participants, NULL, "label", mm(r, "label-gap"));
    bool was = pp_ink_direction(r->fl.env);
    pp_scene_begin(r->fl.s, "L", NULL);
    for (size_t i = 0; i < r->ss->n_participants; i++) {
        const pp_participant *p = &r->ss->participants[i];
        gchar *line = pp_record_participant(p);
        tagged(r, "LI", p->name.text ? &p->name : &p->organisation, line, "answer", 0);
        g_free(line);
    }
    pp_scene_end(r->fl.s);
    pp_typeset_set_rtl(r->fl.env->ts, was);
    r->fl.y += mm(r, "block-gap");
}

/* "leraren (2), directie": the roles that marked p, NULL when none (g_free). */
static gchar *priorities(rn *r, const pp_partner *p)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < r->c->network.n_roles; i++) {
        if (!p->marks[i]) continue;
        g_string_append_printf(s, "%s%s", s->len ? ", " : "", r->c->network.roles[i].text);
        if (p->marks[i] > 1) g_string_append_printf(s, " (%u)", p->marks[i]);
    }
    return g_string_free(s, s->len == 0);
}

/* The names of the partners linked to partner pi, NULL when none (g_free). */
static gchar *linked(rn *r, size_t pi)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < r->ns->n_links; i++) {
        const pp_link *k = &r->ns->links[i];
        if (k->a != pi && k->b != pi) continue;
        g_string_append_printf(s, "%s%s", s->len ? ", " : "",
                               r->ns->partners[k->a == pi ? k->b : k->a].name.text);
    }
    return g_string_free(s, s->len == 0);
}

/* One partner: its ring as the label; its name, note, priority marks and links under it. */
static void partner(rn *r, size_t pi)
{
    const pp_partner *p = &r->ns->partners[pi];
    const pp_record *rec = &r->c->record;
    GString *v = g_string_new(p->name.text);
    if (p->note.text) g_string_append_printf(v, "\n%s: %s", rec->note.text, p->note.text);
    gchar *prio = priorities(r, p), *links = linked(r, pi);
    if (prio) g_string_append_printf(v, "\n%s: %s", r->c->network.roles_label.text, prio);
    if (links) g_string_append_printf(v, "\n%s: %s", rec->links.text, links);
    labelled(r, &r->c->network.rings[p->ring], &p->name, v->str);
    g_free(prio);
    g_free(links);
    g_string_free(v, TRUE);
}

/* The partners by kind of partner, each kind's nearest ring first. */
static void partners(rn *r)
{
    const pp_network *nw = &r->c->network;
    band(r, &r->c->record.partners, pp_layout_colour(r->l, "extra-fill"), "band-extra");
    for (size_t k = 0; k < nw->n_kinds; k++) {
        bool any = false;
        for (size_t ring = 0; ring < nw->n_rings; ring++)
            for (size_t i = 0; i < r->ns->n_partners; i++) {
                const pp_partner *p = &r->ns->partners[i];
                if (p->kind != k || p->ring != ring) continue;
                if (!any) band(r, &nw->kinds[k], pp_layout_palette(r->l, k), "band");
                any = true;
                partner(r, i);
            }
    }
}

static void links(rn *r)
{
    if (!r->ns->n_links) return;
    band(r, &r->c->record.links, pp_layout_colour(r->l, "extra-fill"), "band-extra");
    for (size_t i = 0; i < r->ns->n_links; i++) {
        const pp_link *k = &r->ns->links[i];
        gchar *v = g_strdup_printf("%s \u2014 %s", r->ns->partners[k->a].name.text,
                                   r->ns->partners[k->b].name.text);
        labelled(r, NULL, &r->ns->partners[k->a].name, v);
        g_free(v);
    }
}

/* Per discussed partner, every card answered: "Fase 1 · Actoreninventaris" and the answer. */
static void talk(rn *r)
{
    bool any = false;
    for (size_t i = 0; i < r->ns->n_partners; i++) {
        const pp_partner *p = &r->ns->partners[i];
        if (!pp_partner_discussed(p, r->c)) continue;
        if (!any) band(r, &r->c->record.talk, pp_layout_colour(r->l, "extra-fill"), "band-extra");
        any = true;
        band(r, &p->name, pp_layout_palette(r->l, p->kind), "band");
        for (size_t k = 0; k < pp_network_n_cards(r->c); k++) {
            if (!p->answers[k].text) continue;
            const pp_phase *ph;
            const pp_card *card = pp_network_card(r->c, k, &ph);
            pp_text label = card->name;
            label.text =
                g_strjoin(" \u00b7 ", ph->label.text, ph->name.text, card->name.text, NULL);
            labelled(r, &label, &p->answers[k], NULL);
            g_free((char *)label.text);
        }
    }
}

void pp_report_network_plan(pp_scene *s, const pp_sheet_env *env)
{
    pp_layout *l = env->layout;
    double m = pp_layout_mm(l, "margin");
    rn r = {.c = env->content,
            .ss = env->session,
            .ns = env->session ? env->session->network : NULL,
            .l = l};
    r.fl = (pp_flow){.s = s,
                     .env = env,
                     .page_w = pp_layout_page_w(l),
                     .page_h = pp_layout_page_h(l),
                     .left = m,
                     .top = m,
                     .outline = env->content->record.title.text,
                     .paper = pp_layout_colour(l, "paper")};
    r.fl.width = r.fl.page_w - 2 * m;
    r.fl.bottom = r.fl.page_h - m;
    pp_flow_page(&r.fl);
    if (!r.ns) return; /* the CLI asks for a session; a blank report is an empty page */
    head(&r);
    partners(&r);
    links(&r);
    if (r.ns->notes.text) {
        r.fl.y += mm(&r, "block-gap");
        labelled(&r, &env->content->network.title, &r.ns->notes, NULL);
    }
    talk(&r);
}
