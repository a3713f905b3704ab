#include "output/draw.h"

#include <glib.h>
#include <math.h>
#include <string.h>

static void rounded(cairo_t *cr, double x, double y, double w, double h, double r)
{
    if (r <= 0) {
        cairo_rectangle(cr, x, y, w, h);
        return;
    }
    r = fmin(r, fmin(w, h) / 2);
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -G_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, G_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, G_PI / 2, G_PI);
    cairo_arc(cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
    cairo_close_path(cr);
}

static void paint(cairo_t *cr, const pp_paint *p)
{
    if (p->fill) {
        cairo_set_source_rgb(cr, p->fill_rgb.r, p->fill_rgb.g, p->fill_rgb.b);
        if (p->stroke)
            cairo_fill_preserve(cr);
        else
            cairo_fill(cr);
    }
    if (p->stroke) {
        cairo_set_source_rgb(cr, p->stroke_rgb.r, p->stroke_rgb.g, p->stroke_rgb.b);
        cairo_set_line_width(cr, p->width);
        if (p->dash > 0) cairo_set_dash(cr, &p->dash, 1, 0);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
    }
    cairo_new_path(cr);
}

static void draw_op(cairo_t *cr, const pp_op *op)
{
    switch (op->kind) {
    case PP_OP_RECT:
        rounded(cr, op->x, op->y, op->w, op->h, op->radius);
        break;
    case PP_OP_LINE:
        cairo_move_to(cr, op->x, op->y);
        cairo_line_to(cr, op->x + op->w, op->y + op->h);
        break;
    case PP_OP_CIRCLE:
        cairo_new_sub_path(cr);
        cairo_arc(cr, op->x, op->y, op->w, 0, 2 * G_PI);
        break;
    case PP_OP_SECTOR:
        cairo_new_sub_path(cr);
        cairo_arc(cr, op->x, op->y, op->h, op->a0, op->a1);
        cairo_arc_negative(cr, op->x, op->y, op->w, op->a1, op->a0);
        cairo_close_path(cr);
        break;
    case PP_OP_POLYGON:
        for (int i = 0; i < op->n_pts; i++)
            cairo_line_to(cr, op->pts[2 * i], op->pts[2 * i + 1]);
        cairo_close_path(cr);
        break;
    case PP_OP_TEXT:
        pp_textbox_draw(op->text, cr, op->x, op->y);
        return;
    case PP_OP_ARC_TEXT:
        pp_arc_draw(op->text, cr, op->arc);
        return;
    case PP_OP_FIELD:
    case PP_OP_BEGIN:
    case PP_OP_END:
        return;
    }
    paint(cr, &op->paint);
}

void pp_draw_page(cairo_t *cr, const pp_page *page)
{
    pp_draw_page_tagged(cr, page, NULL);
}

static bool is_graphic(const pp_op *op)
{
    return op->kind != PP_OP_TEXT && op->kind != PP_OP_ARC_TEXT && op->kind != PP_OP_FIELD &&
           op->kind != PP_OP_BEGIN && op->kind != PP_OP_END;
}

/* One op of a tagged page: structure, an artifact, or content in the open element. */
static void draw_tagged(cairo_t *cr, const pp_op *op, pp_draw_tags *t)
{
    if (op->kind == PP_OP_BEGIN) {
        g_assert(t->depth < PP_DRAW_MAX_DEPTH);
        t->open[t->depth++] = op->tag;
        t->in_figure += strcmp(op->tag, "Figure") == 0;
        cairo_tag_begin(cr, op->tag, NULL);
    } else if (op->kind == PP_OP_END) {
        g_assert(t->depth > 0);
        const char *tag = t->open[--t->depth];
        t->in_figure -= strcmp(tag, "Figure") == 0;
        cairo_tag_end(cr, tag);
    } else if (is_graphic(op) && t->depth == 0) {
        cairo_tag_begin(cr, PP_DRAW_ARTIFACT, NULL);
        draw_op(cr, op);
        cairo_tag_end(cr, PP_DRAW_ARTIFACT);
    } else
        draw_op(cr, op);
}

void pp_draw_page_tagged(cairo_t *cr, const pp_page *page, pp_draw_tags *t)
{
    cairo_save(cr);
    cairo_scale(cr, PP_MM_PT, PP_MM_PT);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    for (size_t i = 0; i < page->n; i++)
        if (t)
            draw_tagged(cr, &page->ops[i], t);
        else
            draw_op(cr, &page->ops[i]);
    cairo_restore(cr);
}
