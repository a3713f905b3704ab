#include "output/draw.h"

#include "base/limits.h"
#include "output/image.h"

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

static void source(cairo_t *cr, pp_rgb c, double opacity)
{
    if (opacity > 0 && opacity < 1)
        cairo_set_source_rgba(cr, c.r, c.g, c.b, opacity);
    else
        cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

static void paint(cairo_t *cr, const pp_paint *p)
{
    if (p->fill) {
        source(cr, p->fill_rgb, p->opacity);
        if (p->stroke)
            cairo_fill_preserve(cr);
        else
            cairo_fill(cr);
    }
    if (p->stroke) {
        source(cr, p->stroke_rgb, p->opacity);
        cairo_set_line_width(cr, p->width);
        if (p->dash > 0) cairo_set_dash(cr, &p->dash, 1, 0);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
    }
    cairo_new_path(cr);
}

struct pp_draw_cache {
    GHashTable *recorded; /* const pp_page * → cairo_surface_t * (a recording, in points) */
    GHashTable *images;   /* file name (owned) → cairo_surface_t *, or NULL when unreadable */
};

static void destroy_surface(gpointer s)
{
    if (s) cairo_surface_destroy(s);
}

pp_draw_cache *pp_draw_cache_new(void)
{
    pp_draw_cache *c = g_new(pp_draw_cache, 1);
    c->recorded = g_hash_table_new_full(NULL, NULL, NULL, destroy_surface);
    c->images = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, destroy_surface);
    return c;
}

void pp_draw_cache_free(pp_draw_cache *c)
{
    if (!c) return;
    g_hash_table_destroy(c->recorded);
    g_hash_table_destroy(c->images);
    g_free(c);
}

/* A picture, loaded once per cache: a PDF then holds it once however often it is drawn. */
static void draw_image(cairo_t *cr, const pp_op *op, pp_draw_cache *cache)
{
    cairo_surface_t *img = NULL;
    if (!g_hash_table_lookup_extended(cache->images, op->image, NULL, (gpointer *)&img)) {
        img = pp_image_load(op->image, &pp_picture_rules, NULL);
        g_hash_table_insert(cache->images, g_strdup(op->image), img);
    }
    if (!img) return; /* checked when the session was loaded: gone or damaged since */
    int w = cairo_image_surface_get_width(img), h = cairo_image_surface_get_height(img);
    cairo_save(cr);
    cairo_translate(cr, op->x, op->y);
    cairo_scale(cr, op->w / w, op->h / h);
    cairo_set_source_surface(cr, img, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_rectangle(cr, 0, 0, w, h);
    cairo_fill(cr);
    cairo_restore(cr);
}

/* page, recorded once; borrowed from the cache. Bounded by the page and the largest bleed (a
 * background may reach into it): cairo 1.16 leaks an unbounded recording used as a PDF's source,
 * with the fonts it holds. */
static cairo_surface_t *recorded(const pp_page *page, pp_draw_cache *cache)
{
    cairo_surface_t *rec = g_hash_table_lookup(cache->recorded, page);
    if (rec) return rec;
    double b = PP_MAX_BLEED_MM * PP_MM_PT;
    cairo_rectangle_t extents = {-b, -b, page->w * PP_MM_PT + 2 * b, page->h * PP_MM_PT + 2 * b};
    rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
    cairo_t *cr = cairo_create(rec);
    pp_draw_page(cr, page, cache);
    cairo_destroy(cr);
    g_hash_table_insert(cache->recorded, (gpointer)page, rec);
    return rec;
}

/* Another page again, clipped, scaled and moved: one recording placed as often as it is used (a
 * PDF holds it once, as a form, with the document's fonts). */
static void draw_ref(cairo_t *cr, const pp_op *ref, pp_draw_cache *cache)
{
    cairo_surface_t *rec = recorded(ref->ref, cache);
    cairo_save(cr);
    cairo_rectangle(cr, ref->x, ref->y, ref->w, ref->h);
    cairo_clip(cr);
    cairo_translate(cr, ref->ref_dx, ref->ref_dy);
    cairo_scale(cr, ref->ref_scale / PP_MM_PT, ref->ref_scale / PP_MM_PT);
    cairo_set_source_surface(cr, rec, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
}

/* A scan code's modules as one stencil (a PDF /ImageMask of one bit per module, not interpolated:
 * sharp at any size), in the op's ink. */
static void draw_modules(cairo_t *cr, const pp_op *op)
{
    int n = op->n_pts;
    cairo_surface_t *mask = cairo_image_surface_create(CAIRO_FORMAT_A1, n, n);
    cairo_surface_flush(mask);
    unsigned char *data = cairo_image_surface_get_data(mask);
    int stride = cairo_image_surface_get_stride(mask);
    for (int row = 0; row < n; row++) {
        guint32 *word = (guint32 *)(void *)(data + (size_t)row * (size_t)stride);
        for (int col = 0; col < n; col++) /* A1 packs pixels in native 32-bit words */
            if (op->modules[row * n + col])
                word[col / 32] |=
                    G_BYTE_ORDER == G_LITTLE_ENDIAN ? 1u << (col % 32) : 1u << (31 - col % 32);
    }
    cairo_surface_mark_dirty(mask);
    cairo_save(cr);
    cairo_translate(cr, op->x, op->y);
    cairo_scale(cr, op->w / n, op->h / n);
    source(cr, op->paint.fill_rgb, op->paint.opacity);
    cairo_pattern_t *p = cairo_pattern_create_for_surface(mask);
    cairo_pattern_set_filter(p, CAIRO_FILTER_NEAREST);
    cairo_mask(cr, p);
    cairo_pattern_destroy(p);
    cairo_restore(cr);
    cairo_surface_destroy(mask);
}

static void draw_op(cairo_t *cr, const pp_op *op, pp_draw_cache *cache)
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
    case PP_OP_PAGE:
        draw_ref(cr, op, cache);
        return;
    case PP_OP_IMAGE:
        draw_image(cr, op, cache);
        return;
    case PP_OP_MODULES:
        draw_modules(cr, op);
        return;
    }
    paint(cr, &op->paint);
}

void pp_draw_page(cairo_t *cr, const pp_page *page, pp_draw_cache *cache)
{
    pp_draw_page_tagged(cr, page, NULL, cache);
}

static bool is_graphic(const pp_op *op)
{
    return op->kind != PP_OP_TEXT && op->kind != PP_OP_ARC_TEXT && op->kind != PP_OP_FIELD &&
           op->kind != PP_OP_BEGIN && op->kind != PP_OP_END;
}

/* One op of a tagged page: structure, an artifact, or content in the open element. */
static void draw_tagged(cairo_t *cr, const pp_op *op, pp_draw_tags *t, pp_draw_cache *cache)
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
        draw_op(cr, op, cache);
        cairo_tag_end(cr, PP_DRAW_ARTIFACT);
    } else
        draw_op(cr, op, cache);
}

void pp_draw_page_tagged(cairo_t *cr, const pp_page *page, pp_draw_tags *t, pp_draw_cache *cache)
{
    cairo_save(cr);
    cairo_scale(cr, PP_MM_PT, PP_MM_PT);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    for (size_t i = 0; i < page->n; i++)
        if (t)
            draw_tagged(cr, &page->ops[i], t, cache);
        else
            draw_op(cr, &page->ops[i], cache);
    cairo_restore(cr);
}
