/* The report's summary for an instrument of the netwerkkaart family: the school team, date and
 * participants; the partners by kind of partner, each with its ring, note, priority marks per role
 * and links; the links; the notes on the map; per discussed partner the answers on the
 * reflection cards; and a photo of the map when scan took one. The filled map and the continuation
 * pages follow as parts of the report (sheets/kinds.c). Words from the content and the session,
 * sizes and styles from layouts/report.xml (the keys of report.c). */
#include "model/record.h"
#include "model/session_network.h"
#include "sheets/ink.h"
#include "sheets/report_parts.h"
#include "sheets/sheet.h"

#include <glib.h>

typedef struct rn {
    pp_report b;
    const pp_network_session *ns;
} rn;

static const pp_style *st(rn *r, const char *name)
{
    return pp_layout_style(r->b.l, name);
}

static double mm(rn *r, const char *name)
{
    return pp_layout_mm(r->b.l, name);
}

static void labelled(rn *r, const pp_text *label, const pp_text *src, const char *value)
{
    pp_report_labelled(&r->b, label, src, value, false);
}

static void band(rn *r, const pp_text *t, pp_rgb fill, const char *style)
{
    pp_flow_band(&r->b.fl, t, NULL, st(r, style), fill, mm(r, "band-h"), mm(r, "band-pad"),
                 mm(r, "label-gap"), "H2");
}

/* "leraren (2), directie": the roles that marked p, NULL when none (g_free). */
static gchar *priorities(rn *r, const pp_partner *p)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < r->b.c->network.n_roles; i++) {
        if (!p->marks[i]) continue;
        g_string_append_printf(s, "%s%s", s->len ? ", " : "", r->b.c->network.roles[i].text);
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
    const pp_record *rec = &r->b.c->record;
    GString *v = g_string_new(p->name.text);
    if (p->note.text) g_string_append_printf(v, "\n%s: %s", rec->note.text, p->note.text);
    gchar *prio = priorities(r, p), *links = linked(r, pi);
    if (prio) g_string_append_printf(v, "\n%s: %s", r->b.c->network.roles_label.text, prio);
    if (links) g_string_append_printf(v, "\n%s: %s", rec->links.text, links);
    labelled(r, &r->b.c->network.rings[p->ring], &p->name, v->str);
    g_free(prio);
    g_free(links);
    g_string_free(v, TRUE);
}

/* The partners by kind of partner, each kind's nearest ring first. */
static void partners(rn *r)
{
    const pp_network *nw = &r->b.c->network;
    if (!r->ns->n_partners) return; /* a photo of the map only: the photo shows them */
    band(r, &r->b.c->record.partners, pp_layout_colour(r->b.l, "extra-fill"), "band-extra");
    for (size_t k = 0; k < nw->n_kinds; k++) {
        bool any = false;
        for (size_t ring = 0; ring < nw->n_rings; ring++)
            for (size_t i = 0; i < r->ns->n_partners; i++) {
                const pp_partner *p = &r->ns->partners[i];
                if (p->kind != k || p->ring != ring) continue;
                if (!any) band(r, &nw->kinds[k], pp_layout_palette(r->b.l, k), "band");
                any = true;
                partner(r, i);
            }
    }
}

static void links(rn *r)
{
    if (!r->ns->n_links) return;
    band(r, &r->b.c->record.links, pp_layout_colour(r->b.l, "extra-fill"), "band-extra");
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
        if (!pp_partner_discussed(p, r->b.c)) continue;
        if (!any)
            band(r, &r->b.c->record.talk, pp_layout_colour(r->b.l, "extra-fill"), "band-extra");
        any = true;
        band(r, &p->name, pp_layout_palette(r->b.l, p->kind), "band");
        for (size_t k = 0; k < pp_network_n_cards(r->b.c); k++) {
            if (!p->answers[k].text) continue;
            const pp_phase *ph;
            const pp_card *card = pp_network_card(r->b.c, k, &ph);
            pp_text label = card->name;
            label.text =
                g_strjoin(" \u00b7 ", ph->label.text, ph->name.text, card->name.text, NULL);
            labelled(r, &label, &p->answers[k], NULL);
            g_free((char *)label.text);
        }
    }
}

/* The photo of the map as the group left it (praatplaat scan): under the map's title, as large as
 * the column's width and a page's height allow. */
static void photo(rn *r)
{
    const pp_picture *pic = &r->ns->picture;
    if (!pic->file) return;
    pp_flow *fl = &r->b.fl;
    const pp_text *title = &r->b.c->network.title;
    double band_h = mm(r, "band-h") + mm(r, "label-gap");
    double w = fl->width, h = w * pic->h / pic->w, room = fl->bottom - fl->top - band_h;
    if (h > room) h = room, w = h * pic->w / pic->h;
    pp_flow_keep(fl, band_h + h);
    band(r, title, pp_layout_colour(r->b.l, "extra-fill"), "band-extra");
    pp_scene_begin(fl->s, "Figure", g_strdup(title->text));
    pp_scene_image(fl->s, pic->file, pp_flow_x(fl) + (fl->width - w) / 2, fl->y, w, h);
    pp_scene_end(fl->s);
    fl->y += h + mm(r, "block-gap");
}

void pp_report_network_plan(pp_scene *s, const pp_sheet_env *env)
{
    rn r = {.ns = env->session ? env->session->network : NULL};
    pp_report_begin(&r.b, s, env);
    if (!r.ns) return; /* the CLI asks for a session; a blank report is an empty page */
    const pp_record *rec = &env->content->record;
    pp_report_head(&r.b, &rec->team, &rec->date, &rec->participants);
    partners(&r);
    links(&r);
    if (r.ns->notes.text) {
        r.b.fl.y += mm(&r, "block-gap");
        labelled(&r, &env->content->network.title, &r.ns->notes, NULL);
    }
    talk(&r);
    photo(&r);
}
