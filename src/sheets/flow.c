#include "sheets/flow.h"

#include <glib.h>
#include <string.h>

/* Measurement noise, not overflow. */
static const double EPS_MM = 0.01;

void pp_flow_page(pp_flow *f)
{
    pp_page *p = pp_scene_page(f->s, f->page_w, f->page_h);
    p->outline = f->outline;
    f->outline = NULL;
    pp_scene_rect(f->s, 0, 0, f->page_w, f->page_h, pp_fill(f->paper), "paper");
    f->col = 0;
    f->col_top = f->top;
    f->y = f->top;
    if (f->on_page) f->on_page(f, f->user);
}

void pp_flow_advance(pp_flow *f)
{
    if (++f->col < (f->columns > 1 ? f->columns : 1))
        f->y = f->col_top;
    else
        pp_flow_page(f);
}

double pp_flow_x(const pp_flow *f)
{
    return f->left + (double)f->col * (f->width + f->gap);
}

void pp_flow_keep(pp_flow *f, double need)
{
    if (f->y > f->col_top && f->y + need > f->bottom) pp_flow_advance(f);
}

/* Places tb (laid out from part of src) at the cursor and takes it. */
static void place(pp_flow *f, const pp_text *src, pp_textbox *tb, double indent, const char *box)
{
    pp_text t = *src;
    t.text = pp_textbox_text(tb);
    double h = pp_textbox_height(tb);
    pp_scene_text(f->s, tb, pp_flow_x(f) + indent, f->y, f->env->content, &t, box);
    f->y += h;
}

/* Flows text from the cursor: as many words as fit in each column, split at a word's end, the rest
 * in the next. A word wider than the column is placed and reported. */
static void split(pp_flow *f, const pp_text *src, const char *text, const pp_style *st,
                  double indent, const char *box)
{
    double w = f->width - indent;
    for (const char *rest = text; *rest;) {
        size_t cut = pp_textbox_fit_prefix(f->env->ts, rest, st, st->size, w, f->bottom - f->y, "");
        if (cut == 0 && f->y > f->col_top) { /* not a line left here: go on in the next column */
            pp_flow_advance(f);
            continue;
        }
        if (cut == 0) cut = strlen(rest);
        gchar *part = g_strndup(rest, cut);
        place(f, src, pp_textbox_flow(f->env->ts, part, st, w), indent, box);
        g_free(part);
        for (rest += cut; *rest == ' ' || *rest == '\n'; rest++)
            ;
        if (*rest) pp_flow_advance(f);
    }
}

void pp_flow_text(pp_flow *f, const pp_text *src, const char *text, const pp_style *st,
                  double indent, double after)
{
    const char *all = text ? text : src->text;
    pp_textbox *whole = pp_textbox_flow(f->env->ts, all, st, f->width - indent);
    if (f->y + pp_textbox_height(whole) <= f->bottom) /* the usual case: it fits here */
        place(f, src, whole, indent, "flow");
    else {
        pp_textbox_free(whole);
        split(f, src, all, st, indent, "flow");
    }
    f->y += after;
}

void pp_flow_block(pp_flow *f, pp_textbox *tb, const pp_text *src, double indent, double before,
                   double keep, const char *box)
{
    double h = pp_textbox_height(tb);
    bool at_top = f->y <= f->col_top;
    if (!at_top && f->y + before + h + keep > f->bottom) {
        pp_flow_advance(f);
        at_top = true;
    }
    if (!at_top) f->y += before;
    if (f->y + h > f->bottom + EPS_MM) { /* taller than a whole column: go on in the next */
        const pp_style *st = pp_textbox_style(tb);
        pp_textbox_free(tb);
        split(f, src, src->text, st, indent, box);
        return;
    }
    place(f, src, tb, indent, box);
}

void pp_flow_band(pp_flow *f, const pp_text *src, const char *text, const pp_style *st, pp_rgb fill,
                  double h, double pad, double after, const char *tag)
{
    pp_flow_keep(f, h);
    double x = pp_flow_x(f);
    pp_scene_rect(f->s, x, f->y, f->width, h, pp_fill(fill), "band");
    pp_text t = *src;
    if (text) t.text = text;
    if (tag) pp_scene_begin(f->s, tag, NULL);
    pp_scene_fit(f->s, f->env->ts, f->env->content, &t, st, x + pad, f->y, f->width - 2 * pad, h,
                 PP_VALIGN_CENTER, "band");
    if (tag) pp_scene_end(f->s);
    f->y += h + after;
}

double pp_flow_swatch(pp_flow *f, pp_rgb c, double side, double gap)
{
    pp_scene_rect(f->s, pp_flow_x(f), f->y, side, side, pp_fill(c), "swatch");
    return side + gap;
}
