/* The continuation pages: every session text that did not fit its place on a sheet goes on here,
 * under a numbered heading ("BIJLAGE 2") and the place it comes from, in the order the sheets
 * referred to them. Words come from the content, styles from layouts/report.xml. */
#include "model/record.h"
#include "sheets/flow.h"
#include "sheets/sheet.h"

#include <glib.h>

/* A continued post-it's picture (praatplaat scan), picture-h high, in a frame of its colour. */
static void picture(pp_flow *fl, pp_layout *l, const pp_continuation *c)
{
    double fr = pp_layout_mm(l, "picture-frame"), h = pp_layout_mm(l, "picture-h");
    double w = h * c->picture_w / c->picture_h;
    if (w > fl->width - 2 * fr) w = fl->width - 2 * fr, h = w * c->picture_h / c->picture_w;
    pp_flow_keep(fl, h + 2 * fr);
    fl->y += pp_layout_mm(l, "label-gap");
    double x = pp_flow_x(fl), y = fl->y;
    pp_scene_begin(fl->s, "Figure", g_strdup(c->where));
    pp_scene_rect(fl->s, x, y, w + 2 * fr, h + 2 * fr,
                  pp_fill(pp_report_postit_colour(l, c->colour)), "postit picture");
    pp_scene_image(fl->s, c->picture, x + fr, y + fr, w, h);
    pp_scene_end(fl->s);
    fl->y += h + 2 * fr + pp_layout_mm(l, "section-gap");
}

void pp_appendix_plan(pp_scene *s, const pp_sheet_env *env)
{
    if (s->n_conts == 0) return;
    pp_layout *l = env->layout;
    const pp_record *rec = &env->content->record;
    double m = pp_layout_mm(l, "margin");
    pp_flow fl = {.s = s,
                  .env = env,
                  .page_w = pp_layout_page_w(l),
                  .page_h = pp_layout_page_h(l),
                  .left = m,
                  .top = m,
                  .outline = rec->appendices.text,
                  .paper = pp_layout_colour(l, "paper")};
    fl.width = fl.page_w - 2 * m;
    fl.bottom = fl.page_h - m;
    pp_flow_page(&fl);
    /* s->conts may not grow while we walk it: flowing never continues text elsewhere. */
    size_t n = s->n_conts;
    for (size_t i = 0; i < n; i++) {
        const pp_continuation *c = &s->conts[i];
        pp_flow_keep(&fl, pp_layout_mm(l, "keep"));
        gchar *title = pp_record_number(rec->appendix.text, c->number);
        pp_scene_begin(s, "H2", NULL);
        pp_flow_text(&fl, &rec->appendix, title, pp_layout_style(l, "appendix"), 0,
                     pp_layout_mm(l, "label-gap"));
        pp_scene_end(s);
        g_free(title);
        double indent = /* the post-it's colour, a graphic outside the paragraph (an artifact) */
            c->colour ? pp_flow_swatch(&fl, pp_report_postit_colour(l, c->colour),
                                       pp_layout_mm(l, "swatch"), pp_layout_mm(l, "swatch-gap"))
                      : 0;
        pp_scene_begin(s, "P", NULL);
        pp_flow_text(&fl, &c->src, c->where, pp_layout_style(l, "label"), indent,
                     pp_layout_mm(l, "label-gap"));
        pp_scene_end(s);
        if (c->picture) { /* a scanned post-it: its picture, and its text if it has one */
            if (*c->text) {
                pp_scene_begin(s, "P", NULL);
                pp_flow_text(&fl, &c->src, c->text, pp_layout_style(l, "ink"), 0, 0);
                pp_scene_end(s);
            }
            picture(&fl, l, c);
            continue;
        }
        pp_scene_begin(s, "P", NULL);
        pp_flow_text(&fl, &c->src, c->text, pp_layout_style(l, "ink"), 0,
                     pp_layout_mm(l, "section-gap"));
        pp_scene_end(s);
    }
}
