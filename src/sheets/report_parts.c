#include "sheets/report_parts.h"

#include "model/record.h"
#include "sheets/ink.h"

#include <glib.h>

static double mm(pp_report *r, const char *name)
{
    return pp_layout_mm(r->l, name);
}

void pp_report_begin(pp_report *r, pp_scene *s, const pp_sheet_env *env)
{
    pp_layout *l = env->layout;
    double m = pp_layout_mm(l, "margin");
    *r = (pp_report){.c = env->content, .ss = env->session, .l = l};
    r->fl = (pp_flow){.s = s,
                      .env = env,
                      .page_w = pp_layout_page_w(l),
                      .page_h = pp_layout_page_h(l),
                      .left = m,
                      .top = m,
                      .outline = env->content->record.title.text,
                      .paper = pp_layout_colour(l, "paper")};
    r->fl.width = r->fl.page_w - 2 * m;
    r->fl.bottom = r->fl.page_h - m;
    pp_flow_page(&r->fl);
}

void pp_report_tagged(pp_report *r, const char *tag, const pp_text *src, const char *text,
                      const char *style, double after)
{
    pp_scene_begin(r->fl.s, tag, NULL);
    pp_flow_text(&r->fl, src, text, pp_layout_style(r->l, style), 0, after);
    pp_scene_end(r->fl.s);
}

void pp_report_labelled(pp_report *r, const pp_text *label, const pp_text *src, const char *value,
                        bool row)
{
    pp_flow_keep(&r->fl, mm(r, "keep"));
    if (row) pp_scene_begin(r->fl.s, "TR", NULL);
    if (label) pp_report_tagged(r, row ? "TH" : "P", label, NULL, "label", mm(r, "label-gap"));
    bool was = pp_ink_direction(r->fl.env); /* the session's language sets the answer's direction */
    pp_report_tagged(r, row ? "TD" : "P", src, value, "answer", mm(r, "block-gap"));
    pp_typeset_set_rtl(r->fl.env->ts, was);
    if (row) pp_scene_end(r->fl.s);
}

/* The participants, one list item each, under their label. */
static void participants(pp_report *r, const pp_text *label)
{
    const pp_session *ss = r->ss;
    pp_flow_keep(&r->fl, mm(r, "keep"));
    if (label) pp_report_tagged(r, "P", label, NULL, "label", mm(r, "label-gap"));
    bool was = pp_ink_direction(r->fl.env);
    pp_scene_begin(r->fl.s, "L", NULL);
    for (size_t i = 0; i < ss->n_participants; i++) {
        const pp_participant *p = &ss->participants[i];
        gchar *line = pp_record_participant(p);
        pp_report_tagged(r, "LI", p->name.text ? &p->name : &p->organisation, line, "answer", 0);
        g_free(line);
    }
    pp_scene_end(r->fl.s);
    pp_typeset_set_rtl(r->fl.env->ts, was);
    r->fl.y += mm(r, "block-gap");
}

void pp_report_head(pp_report *r, const pp_text *partnership, const pp_text *date,
                    const pp_text *who)
{
    const pp_session *ss = r->ss;
    pp_report_tagged(r, "P", &r->c->record.title, NULL, "kicker", mm(r, "label-gap"));
    pp_report_tagged(r, "H1", &r->c->title, NULL, "title", mm(r, "block-gap"));
    if (ss->partnership.text) pp_report_labelled(r, partnership, &ss->partnership, NULL, false);
    if (ss->date.text) {
        gchar *d = pp_record_date(&r->c->record, ss->date.text);
        pp_report_labelled(r, date, &ss->date, d, false);
        g_free(d);
    }
    if (ss->n_participants) participants(r, who);
}
