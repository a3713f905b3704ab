#include "typeset/arc.h"

#include <glib.h>
#include <math.h>
#include <pango/pangocairo.h>

bool pp_arc_is_lower(double mid)
{
    return sin(mid) > 1e-9; /* y grows downwards: positive sine is below the centre */
}

/* Where one cluster sits: its centre's distance along the line, and its width. */
typedef struct cluster {
    double x, w; /* mm */
    int lo, hi;  /* glyph range [lo, hi) in the run */
} cluster;

static cluster cluster_of(const PangoGlyphItemIter *it, const PangoGlyphString *gs, double run_x)
{
    cluster c;
    bool rtl = it->start_glyph > it->end_glyph;
    c.lo = rtl ? it->end_glyph + 1 : it->start_glyph;
    c.hi = rtl ? it->start_glyph + 1 : it->end_glyph;
    double before = 0, w = 0;
    for (int i = 0; i < c.hi; i++) {
        double gw = (double)gs->glyphs[i].geometry.width / PANGO_SCALE;
        if (i < c.lo)
            before += gw;
        else
            w += gw;
    }
    c.x = run_x + before + w / 2;
    c.w = w;
    return c;
}

/* Draws one cluster with its own glyphs and text, centred on the origin of the current matrix. */
static void show_cluster(cairo_t *cr, const PangoGlyphItemIter *it, const cluster *c,
                         double baseline)
{
    const PangoGlyphString *gs = it->glyph_item->glyphs;
    int n = c->hi - c->lo;
    cairo_glyph_t *glyphs = cairo_glyph_allocate(n > 0 ? n : 1);
    int k = 0;
    double x = -c->w / 2;
    for (int i = c->lo; i < c->hi; i++) {
        const PangoGlyphInfo *g = &gs->glyphs[i];
        if (!(g->glyph & PANGO_GLYPH_UNKNOWN_FLAG) && g->glyph != PANGO_GLYPH_EMPTY)
            glyphs[k++] = (cairo_glyph_t){g->glyph, x + (double)g->geometry.x_offset / PANGO_SCALE,
                                          baseline + (double)g->geometry.y_offset / PANGO_SCALE};
        x += (double)g->geometry.width / PANGO_SCALE;
    }
    const char *text = it->text + it->start_index;
    int bytes = it->end_index - it->start_index;
    cairo_text_cluster_t tc = {bytes, k};
    if (k > 0) cairo_show_text_glyphs(cr, text, bytes, glyphs, k, &tc, 1, 0);
    cairo_glyph_free(glyphs);
}

/* One line of the box on its own arc: its middle at radius r, centred on the arc's angle. */
typedef struct arc_line {
    double r, left, w, shift; /* radius; the line's left edge and width in the layout; baseline */
} arc_line;

/* Where the line of iter goes: lines stack outwards from the centre as they read (on the upper
 * half the first line is the outer one, on the lower half the inner one), the box's middle on
 * arc.r. */
static arc_line line_of(PangoLayoutIter *iter, double height, pp_arc arc, bool lower)
{
    PangoRectangle ll;
    pango_layout_iter_get_line_extents(iter, NULL, &ll);
    double top = (double)ll.y / PANGO_SCALE, lh = (double)ll.height / PANGO_SCALE;
    double baseline = (double)pango_layout_iter_get_baseline(iter) / PANGO_SCALE;
    double off = height / 2 - (top + lh / 2); /* > 0: the line is above the box's middle */
    return (arc_line){arc.r + (lower ? -off : off), (double)ll.x / PANGO_SCALE,
                      (double)ll.width / PANGO_SCALE, baseline - (top + lh / 2)};
}

void pp_arc_draw(const pp_textbox *box, cairo_t *cr, pp_arc arc)
{
    PangoLayout *layout = pp_textbox_layout(box);
    const pp_rgb col = pp_textbox_style(box)->colour;
    PangoRectangle ext;
    pango_layout_get_extents(layout, NULL, &ext);
    double height = (double)ext.height / PANGO_SCALE;
    bool lower = pp_arc_is_lower(arc.mid);
    double dir = lower ? -1 : 1; /* clockwise on the upper half, anticlockwise on the lower */
    const char *text = pango_layout_get_text(layout);
    cairo_save(cr);
    cairo_set_source_rgb(cr, col.r, col.g, col.b);
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    do {
        PangoGlyphItem *run = pango_layout_iter_get_run_readonly(iter);
        if (!run) continue;
        arc_line ln = line_of(iter, height, arc, lower);
        double start = arc.mid - dir * ln.w / (2 * ln.r);
        PangoRectangle rl;
        pango_layout_iter_get_run_extents(iter, NULL, &rl);
        cairo_set_scaled_font(
            cr, pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run->item->analysis.font)));
        PangoGlyphItemIter it;
        for (gboolean more = pango_glyph_item_iter_init_start(&it, run, text); more;
             more = pango_glyph_item_iter_next_cluster(&it)) {
            cluster c = cluster_of(&it, run->glyphs, (double)rl.x / PANGO_SCALE - ln.left);
            double a = start + dir * c.x / ln.r;
            cairo_save(cr);
            cairo_translate(cr, arc.cx + ln.r * cos(a), arc.cy + ln.r * sin(a));
            cairo_rotate(cr, a + dir * G_PI / 2);
            show_cluster(cr, &it, &c, ln.shift);
            cairo_restore(cr);
        }
    } while (pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
    cairo_restore(cr);
}
