#include "sheets/scene.h"

#include <glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

pp_scene *pp_scene_new(void)
{
    return g_new0(pp_scene, 1);
}

void pp_scene_free(pp_scene *s)
{
    if (!s) return;
    for (size_t i = 0; i < s->n_pages; i++) {
        for (size_t k = 0; k < s->pages[i].n; k++)
            pp_textbox_free(s->pages[i].ops[k].text), g_free(s->pages[i].ops[k].field),
                g_free(s->pages[i].ops[k].tip), g_free(s->pages[i].ops[k].alt),
                g_free(s->pages[i].ops[k].image);
        g_free(s->pages[i].ops);
    }
    g_free(s->pages);
    g_free(s->problems);
    for (size_t i = 0; i < s->n_conts; i++)
        g_free(s->conts[i].where), g_free(s->conts[i].text);
    g_free(s->conts);
    if (s->owned) g_ptr_array_free(s->owned, TRUE);
    if (s->figures) g_ptr_array_free(s->figures, TRUE);
    for (size_t i = 0; i < s->n_layouts; i++)
        pp_layout_free(s->layouts[i]);
    g_free(s->layouts);
    pp_scene_free(s->source);
    g_free(s);
}

pp_page *pp_scene_page(pp_scene *s, double w, double h)
{
    if (s->n_pages == s->cap_pages) {
        s->cap_pages = s->cap_pages ? s->cap_pages * 2 : 8;
        s->pages = g_renew(pp_page, s->pages, s->cap_pages);
    }
    pp_page *p = &s->pages[s->n_pages++];
    *p = (pp_page){.w = w, .h = h};
    return p;
}

pp_page *pp_scene_current(pp_scene *s)
{
    return s->n_pages ? &s->pages[s->n_pages - 1] : NULL;
}

void pp_scene_keep_layout(pp_scene *s, pp_layout *l)
{
    s->layouts = g_renew(pp_layout *, s->layouts, s->n_layouts + 1);
    s->layouts[s->n_layouts++] = l;
}

static pp_op *push(pp_scene *s, pp_op_kind kind)
{
    pp_page *p = pp_scene_current(s);
    g_assert(p); /* sheets always open a page before drawing */
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 64;
        p->ops = g_renew(pp_op, p->ops, p->cap);
    }
    pp_op *op = &p->ops[p->n++];
    *op = (pp_op){.kind = kind};
    return op;
}

pp_op *pp_scene_rect(pp_scene *s, double x, double y, double w, double h, pp_paint paint,
                     const char *role)
{
    pp_op *op = push(s, PP_OP_RECT);
    op->x = x;
    op->y = y;
    op->w = w;
    op->h = h;
    op->paint = paint;
    op->role = role;
    return op;
}

pp_op *pp_scene_field(pp_scene *s, pp_field_kind kind, char *name, const char *on,
                      const pp_style *st, double x, double y, double w, double h, const char *tip)
{
    if (!s->form) {
        g_free(name);
        return NULL;
    }
    pp_op *op = push(s, PP_OP_FIELD);
    op->x = x;
    op->y = y;
    op->w = w;
    op->h = h;
    op->field_kind = kind;
    op->field = name;
    op->tip = g_strdup(tip);
    op->on = on;
    op->field_style = st;
    op->role = "field";
    return op;
}

void pp_scene_begin(pp_scene *s, const char *tag, char *alt)
{
    if (!s->tags) {
        g_free(alt);
        return;
    }
    pp_op *op = push(s, PP_OP_BEGIN);
    op->tag = tag;
    op->alt = alt;
}

void pp_scene_end(pp_scene *s)
{
    if (s->tags) push(s, PP_OP_END);
}

pp_op *pp_scene_line(pp_scene *s, double x0, double y0, double x1, double y1, pp_paint paint)
{
    pp_op *op = pp_scene_rect(s, x0, y0, x1 - x0, y1 - y0, paint, "line");
    op->kind = PP_OP_LINE;
    return op;
}

pp_op *pp_scene_circle(pp_scene *s, double cx, double cy, double r, pp_paint paint)
{
    pp_op *op = pp_scene_rect(s, cx, cy, r, r, paint, "circle");
    op->kind = PP_OP_CIRCLE;
    return op;
}

pp_op *pp_scene_sector(pp_scene *s, double cx, double cy, double r0, double r1, double a0,
                       double a1, pp_paint paint)
{
    pp_op *op = pp_scene_rect(s, cx, cy, r0, r1, paint, "sector");
    op->kind = PP_OP_SECTOR;
    op->a0 = a0;
    op->a1 = a1;
    return op;
}

pp_op *pp_scene_polygon(pp_scene *s, const double *xy, int n, pp_paint paint)
{
    pp_op *op = pp_scene_rect(s, xy[0], xy[1], 0, 0, paint, "polygon");
    op->kind = PP_OP_POLYGON;
    op->n_pts = n;
    op->pts = g_memdup2(xy, (gsize)n * 2 * sizeof *xy);
    if (!s->owned) s->owned = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(s->owned, op->pts);
    return op;
}

void pp_scene_problem(pp_scene *s, const pp_content *c, const pp_text *src, const char *fmt, ...)
{
    if (s->n_problems == s->cap_problems) {
        s->cap_problems = s->cap_problems ? s->cap_problems * 2 : 8;
        s->problems = g_renew(pp_problem, s->problems, s->cap_problems);
    }
    pp_problem *p = &s->problems[s->n_problems++];
    p->fatal = p->warning = false;
    snprintf(p->where, sizeof p->where, "%s:%ld",
             src && src->file ? src->file
             : c              ? c->path
                              : "?",
             src ? src->line : 0L);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->what, sizeof p->what, fmt, ap);
    va_end(ap);
}

void pp_scene_figure(pp_scene *s, const char *fmt, ...)
{
    if (!s->figures) s->figures = g_ptr_array_new_with_free_func(g_free);
    va_list ap;
    va_start(ap, fmt);
    gchar *what = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_ptr_array_add(s->figures, g_strdup_printf("%s: %s", s->sheet ? s->sheet : "?", what));
    g_free(what);
}

bool pp_scene_fatal(const pp_scene *s)
{
    for (size_t i = 0; i < s->n_problems; i++)
        if (s->problems[i].fatal) return true;
    return false;
}

size_t pp_scene_errors(const pp_scene *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n_problems; i++)
        n += !s->problems[i].warning;
    return n;
}

/* A warning when a character of tb falls back on a font of another style. */
static void check_style(pp_scene *s, const pp_textbox *tb, const pp_content *c, const pp_text *src,
                        const char *ex, const char *id)
{
    char *other = pp_textbox_other_style(tb);
    if (!other) return;
    pp_scene_problem(s, c, src, "\"%s\" (%s) is set in %s but falls back on %s for some characters",
                     ex, id, pp_textbox_style(tb)->family, other);
    s->problems[s->n_problems - 1].warning = true;
    g_free(other);
}

const pp_style *pp_scene_style(pp_scene *s, const pp_style *st, double size)
{
    if (!s->owned) s->owned = g_ptr_array_new_with_free_func(g_free);
    pp_style *copy = g_memdup2(st, sizeof *st);
    copy->size = fmax(size, st->min);
    g_ptr_array_add(s->owned, copy);
    return copy;
}

int pp_scene_continue(pp_scene *s, const char *where, const char *text, const pp_text *src)
{
    if (s->n_conts == s->cap_conts) {
        s->cap_conts = s->cap_conts ? s->cap_conts * 2 : 8;
        s->conts = g_renew(pp_continuation, s->conts, s->cap_conts);
    }
    int n = (int)s->n_conts + 1;
    pp_continuation *c = &s->conts[s->n_conts++];
    *c = (pp_continuation){
        .number = n, .where = g_strdup(where), .text = g_strdup(text), .src = *src};
    c->src.text = c->text;
    return n;
}

/* First words of a text, for messages. */
static void excerpt(const char *text, char *out, size_t n)
{
    g_utf8_strncpy(out, text, n / 4 - 1);
    for (char *p = out; *p; p++)
        if (*p == '\n') *p = ' ';
    if (g_utf8_strlen(text, -1) > (glong)(n / 4 - 1)) g_strlcat(out, "…", n);
}

static void check_fit(pp_scene *s, const pp_textbox *tb, const pp_content *c, const pp_text *src,
                      const char *ex, const char *id, const char *box)
{
    if (!pp_textbox_overflows(tb)) return;
    double bh = pp_textbox_box_h(tb);
    if (bh >= 0 && pp_textbox_height(tb) > bh)
        pp_scene_problem(
            s, c, src,
            "text \"%s\" (%s) does not fit %s box \"%s\": needs %.1f mm of height, has %.1f "
            "mm at the minimum size %.1f pt",
            ex, id, s->sheet ? s->sheet : "", box, pp_textbox_height(tb), bh, pp_textbox_size(tb));
    else
        pp_scene_problem(
            s, c, src,
            "text \"%s\" (%s) does not fit %s box \"%s\": a word or line needs %.1f mm of "
            "width, has %.1f mm at the minimum size %.1f pt",
            ex, id, s->sheet ? s->sheet : "", box, pp_textbox_width(tb), pp_textbox_box_w(tb),
            pp_textbox_size(tb));
}

static pp_fit fit_of(const pp_textbox *tb, const pp_content *c, const pp_text *src)
{
    return (pp_fit){.nominal_pt = pp_textbox_style(tb)->size,
                    .final_pt = pp_textbox_size(tb),
                    .overflow = pp_textbox_overflows(tb),
                    .id = src ? src->id : NULL,
                    .file = src && src->file ? src->file
                            : c              ? c->path
                                             : NULL,
                    .line = src ? src->line : 0};
}

static void check_text(pp_scene *s, const pp_textbox *tb, const pp_content *c, const pp_text *src,
                       const char *box)
{
    char ex[160];
    excerpt(pp_textbox_text(tb), ex, sizeof ex);
    gchar *id = src && src->id        ? g_strdup_printf("id %s", src->id)
                : src && src->element ? g_strdup(src->element)
                                      : g_strdup("?");
    gunichar miss = pp_textbox_missing_char(tb);
    if (miss || pp_textbox_missing_glyphs(tb) > 0) {
        char ch[8] = {0};
        g_unichar_to_utf8(miss ? miss : 0xFFFD, ch);
        pp_scene_problem(s, c, src,
                         "character U+%04X '%s' of \"%s\" (%s) is in none of the shipped fonts",
                         (unsigned)miss, ch, ex, id);
        s->problems[s->n_problems - 1].fatal = true;
    }
    check_fit(s, tb, c, src, ex, id, box);
    check_style(s, tb, c, src, ex, id);
    g_free(id);
}

pp_op *pp_scene_text(pp_scene *s, pp_textbox *tb, double x, double y, const pp_content *c,
                     const pp_text *src, const char *box)
{
    check_text(s, tb, c, src, box);
    pp_op *op = push(s, PP_OP_TEXT);
    op->fit = fit_of(tb, c, src);
    op->x = x;
    op->y = y;
    op->w = pp_textbox_box_w(tb);
    op->h = pp_textbox_box_h(tb) >= 0 ? pp_textbox_box_h(tb) : pp_textbox_height(tb);
    op->text = tb;
    op->role = box;
    return op;
}

pp_op *pp_scene_arc_text(pp_scene *s, pp_textbox *tb, pp_arc arc, const pp_content *c,
                         const pp_text *src, const char *box)
{
    check_text(s, tb, c, src, box);
    pp_op *op = push(s, PP_OP_ARC_TEXT);
    op->fit = fit_of(tb, c, src);
    op->text = tb;
    op->arc = arc;
    op->role = box;
    return op;
}

pp_paint pp_fill(pp_rgb c)
{
    return (pp_paint){.fill = true, .fill_rgb = c};
}

pp_paint pp_stroke(pp_rgb c, double width)
{
    return (pp_paint){.stroke = true, .stroke_rgb = c, .width = width};
}

pp_rgb pp_rgb_tint(pp_rgb c, double amount)
{
    return (pp_rgb){c.r + (1 - c.r) * amount, c.g + (1 - c.g) * amount, c.b + (1 - c.b) * amount};
}

pp_op *pp_scene_fit(pp_scene *s, pp_typeset *ts, const pp_content *c, const pp_text *src,
                    const pp_style *st, double x, double y, double w, double h, pp_valign v,
                    const char *box)
{
    return pp_scene_place(s, pp_textbox_fit(ts, src->text, st, w, h), x, y, h, v, c, src, box);
}

pp_op *pp_scene_place(pp_scene *s, pp_textbox *tb, double x, double y, double h, pp_valign v,
                      const pp_content *c, const pp_text *src, const char *box)
{
    double free_h = h - pp_textbox_height(tb), down = 0;
    if (free_h > 0 && v != PP_VALIGN_TOP) down = v == PP_VALIGN_CENTER ? free_h / 2 : free_h;
    pp_op *op = pp_scene_text(s, tb, x, y + down, c, src, box);
    op->h -= down; /* the op ends where its box does, not below it */
    return op;
}

static void mirror_op(pp_op *op, double w)
{
    switch (op->kind) {
    case PP_OP_RECT:
    case PP_OP_TEXT:
    case PP_OP_FIELD:
    case PP_OP_IMAGE:
    case PP_OP_MODULES: /* a code reads only one way round: moved, never mirrored */
        op->x = w - op->x - op->w;
        break;
    case PP_OP_LINE:
        op->x = w - op->x;
        op->w = -op->w;
        break;
    case PP_OP_CIRCLE:
        op->x = w - op->x;
        break;
    case PP_OP_SECTOR: {
        double a0 = op->a0;
        op->x = w - op->x;
        op->a0 = G_PI - op->a1;
        op->a1 = G_PI - a0;
        break;
    }
    case PP_OP_POLYGON:
        for (int i = 0; i < op->n_pts; i++)
            op->pts[2 * i] = w - op->pts[2 * i];
        op->x = op->pts[0];
        break;
    case PP_OP_ARC_TEXT:
        op->arc.cx = w - op->arc.cx;
        op->arc.mid = G_PI - op->arc.mid;
        break;
    case PP_OP_BEGIN:
    case PP_OP_END:
    case PP_OP_PAGE:
        break;
    }
}

void pp_scene_mirror(pp_scene *s, size_t from)
{
    for (size_t i = from; i < s->n_pages; i++)
        for (size_t k = 0; k < s->pages[i].n; k++)
            mirror_op(&s->pages[i].ops[k], s->pages[i].w);
}

pp_op *pp_scene_image(pp_scene *s, const char *file, double x, double y, double w, double h)
{
    pp_op *op = push(s, PP_OP_IMAGE);
    op->x = x, op->y = y, op->w = w, op->h = h;
    op->image = g_strdup(file);
    op->role = "picture";
    return op;
}

pp_op *pp_scene_modules(pp_scene *s, double x, double y, double side, int n,
                        const unsigned char *dark, pp_rgb ink)
{
    pp_op *op = pp_scene_rect(s, x, y, side, side, pp_fill(ink), "code module");
    op->kind = PP_OP_MODULES;
    op->n_pts = n;
    op->modules = g_malloc((size_t)n * (size_t)n);
    for (size_t i = 0; i < (size_t)n * (size_t)n; i++)
        op->modules[i] = dark[i] & 1;
    if (!s->owned) s->owned = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(s->owned, op->modules);
    return op;
}

pp_op *pp_scene_page_ref(pp_scene *s, const pp_page *ref, pp_box clip, double scale, double dx,
                         double dy)
{
    pp_op *op = push(s, PP_OP_PAGE);
    op->x = clip.x, op->y = clip.y, op->w = clip.w, op->h = clip.h;
    op->ref = ref;
    op->ref_scale = scale, op->ref_dx = dx, op->ref_dy = dy;
    op->role = "page";
    return op;
}

/* How close to the page's edge a shape must be to count as touching it, mm. */
static const double edge_slack = 0.01;

/* v moved out by bleed when it lies on 0 or on size. */
static double push_out(double v, double size, double bleed)
{
    if (v <= edge_slack) return v - bleed;
    if (v >= size - edge_slack) return v + bleed;
    return v;
}

void pp_page_extend_edges(pp_page *p, double bleed)
{
    for (size_t i = 0; i < p->n; i++) {
        pp_op *op = &p->ops[i];
        if (op->kind == PP_OP_RECT && op->radius <= 0) {
            double x1 = push_out(op->x + op->w, p->w, bleed),
                   y1 = push_out(op->y + op->h, p->h, bleed);
            op->x = push_out(op->x, p->w, bleed), op->y = push_out(op->y, p->h, bleed);
            op->w = x1 - op->x, op->h = y1 - op->y;
        } else if (op->kind == PP_OP_POLYGON) {
            for (int k = 0; k < op->n_pts; k++) {
                op->pts[2 * k] = push_out(op->pts[2 * k], p->w, bleed);
                op->pts[2 * k + 1] = push_out(op->pts[2 * k + 1], p->h, bleed);
            }
        }
    }
}
