#include "sheets/flow.h"

#include <glib.h>
#include <string.h>

void pp_flow_page(pp_flow *f)
{
    pp_page *p = pp_scene_page(f->s, f->page_w, f->page_h);
    p->outline = f->outline;
    f->outline = NULL;
    pp_scene_rect(f->s, 0, 0, f->page_w, f->page_h, pp_fill(f->paper), "paper");
    f->y = f->top;
}

void pp_flow_keep(pp_flow *f, double need)
{
    if (f->y > f->top && f->y + need > f->bottom) pp_flow_page(f);
}

/* Places tb (laid out from part of src) at the cursor and takes it. */
static void place(pp_flow *f, const pp_text *src, pp_textbox *tb, double indent)
{
    pp_text t = *src;
    t.text = pp_textbox_text(tb);
    double h = pp_textbox_height(tb);
    pp_scene_text(f->s, tb, f->left + indent, f->y, f->env->content, &t, "flow");
    f->y += h;
}

void pp_flow_text(pp_flow *f, const pp_text *src, const char *text, const pp_style *st,
                  double indent, double after)
{
    const char *rest = text ? text : src->text;
    double w = f->width - indent;
    pp_textbox *whole = pp_textbox_flow(f->env->ts, rest, st, w);
    if (f->y + pp_textbox_height(whole) <= f->bottom) { /* the usual case: it fits here */
        place(f, src, whole, indent);
        rest = "";
    } else
        pp_textbox_free(whole);
    while (*rest) {
        size_t cut = pp_textbox_fit_prefix(f->env->ts, rest, st, st->size, w, f->bottom - f->y, "");
        if (cut == 0 && f->y > f->top) { /* not a line left here: go on on the next page */
            pp_flow_page(f);
            continue;
        }
        if (cut == 0) cut = strlen(rest); /* a word wider than the page: drawn, and reported */
        gchar *part = g_strndup(rest, cut);
        place(f, src, pp_textbox_flow(f->env->ts, part, st, w), indent);
        g_free(part);
        for (rest += cut; *rest == ' ' || *rest == '\n'; rest++)
            ;
        if (*rest) pp_flow_page(f);
    }
    f->y += after;
}

void pp_flow_band(pp_flow *f, const pp_text *src, const char *text, const pp_style *st, pp_rgb fill,
                  double h, double pad, double after)
{
    pp_flow_keep(f, h);
    pp_scene_rect(f->s, f->left, f->y, f->width, h, pp_fill(fill), "band");
    pp_text t = *src;
    if (text) t.text = text;
    pp_scene_fit(f->s, f->env->ts, f->env->content, &t, st, f->left + pad, f->y, f->width - 2 * pad,
                 h, PP_VALIGN_CENTER, "band");
    f->y += h + after;
}
