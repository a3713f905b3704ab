#include "sheets/print.h"

#include "base/date.h"
#include "model/record.h"
#include "model/tiling.h"

#include <math.h>
#include <stdio.h>

const pp_layout_key pp_print_keys[] = {
    PP_LENGTH("map-margin"),
    PP_LENGTH("map-gap"),
    PP_LENGTH("map-title-h"),
    PP_LENGTH("map-steps-h"),
    PP_LENGTH("map-frame"),
    PP_LENGTH("map-grid"),
    PP_LENGTH("map-label-pad"),
    PP_LENGTH("cut-line"),
    PP_LENGTH("cut-dash"),
    PP_LENGTH("cross"),
    PP_LENGTH("cross-line"),
    PP_LENGTH_IN("mark-area", 5, 50),
    PP_LENGTH("mark-offset"),
    PP_LENGTH("mark-length"),
    PP_LENGTH("mark-line"),
    PP_NUMBER_IN("tint-opacity", 0.05, 1),
    PP_NUMBER_IN("label-opacity", 0.05, 1),
    PP_NUMBER_IN("crosses", 1, 9),
    PP_COLOUR("frame"),
    PP_COLOUR("grid"),
    PP_COLOUR("tint"),
    PP_COLOUR("cut"),
    PP_COLOUR("cross"),
    PP_COLOUR("mark"),
    PP_COLOUR("label-fill"),
    PP_STYLE("map-title"),
    PP_STYLE("map-steps"),
    PP_STYLE("map-cell"),
    PP_STYLE("map-number"),
    PP_STYLE("tile-label"),
    PP_STYLE("tile-line"),
    PP_STYLE("slug"),
};
const size_t pp_print_n_keys = sizeof pp_print_keys / sizeof pp_print_keys[0];

/* What every drawing function below needs. */
typedef struct ctx {
    pp_scene *s;
    const pp_print_request *rq;
    const pp_sheet_env *env;
    pp_layout *l;
    const pp_record *words;
} ctx;

/* A one-line text of style name, centred vertically in band; src names the content element it
 * comes from, for problems. */
static void band_text(ctx *c, const char *text, const char *style, pp_box band, const pp_text *src)
{
    const pp_style *st = pp_layout_style(c->l, style);
    pp_textbox *tb = pp_textbox_line(c->env->ts, text, st, band.w);
    double room = band.w - pp_textbox_width(tb);
    double x = band.x + (st->align == PP_ALIGN_CENTER ? room / 2
                         : st->align == PP_ALIGN_END  ? room
                                                      : 0);
    pp_scene_place(c->s, tb, x, band.y, band.h, PP_VALIGN_CENTER, c->env->content, src, style);
}

static pp_paint tinted(ctx *c, const char *colour, const char *opacity)
{
    pp_paint p = pp_fill(pp_layout_colour(c->l, colour));
    p.opacity = pp_layout_num(c->l, opacity);
    return p;
}

static pp_paint dashed(ctx *c)
{
    pp_paint p = pp_stroke(pp_layout_colour(c->l, "cut"), pp_layout_mm(c->l, "cut-line"));
    p.dash = pp_layout_mm(c->l, "cut-dash");
    return p;
}

/* "{tile} · {n} / {count} · {sheet} {paper}" and the map's heading, filled in. */
static char *fill_words(const char *tmpl, const ctx *c, const char *tile, int n, int count)
{
    char num[16], total[16];
    snprintf(num, sizeof num, "%d", n);
    snprintf(total, sizeof total, "%d", count);
    const char *keys[] = {"tile", "n", "count", "sheet", "paper"};
    const char *values[] = {tile, num, total, c->rq->sheet, c->rq->paper};
    char *out = g_strdup(tmpl);
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        char *next = pp_record_fill(out, keys[i], values[i]);
        g_free(out);
        out = next;
    }
    return out;
}

/* ---- tiles ---- */

/* An alignment cross centred on (x, y): drawn on both tiles of a seam at the same poster point. */
static void cross(ctx *c, double x, double y)
{
    double r = pp_layout_mm(c->l, "cross") / 2;
    pp_paint p = pp_stroke(pp_layout_colour(c->l, "cross"), pp_layout_mm(c->l, "cross-line"));
    pp_scene_line(c->s, x - r, y, x + r, y, p);
    pp_scene_line(c->s, x, y - r, x, y + r, p);
}

/* Crosses along a vertical seam at sheet x (vertical: true) or a horizontal one at sheet y. */
static void seam_crosses(ctx *c, const pp_tile_grid *g, bool vertical, double at)
{
    int n = (int)pp_layout_num(c->l, "crosses");
    for (int k = 0; k < n; k++) {
        double f = (k + 0.5) / n;
        if (vertical)
            cross(c, at, g->margin + f * g->print_h);
        else
            cross(c, g->margin + f * g->print_w, at);
    }
}

/* Glue strips (under the next sheets), cut lines (where this sheet goes over) and crosses. */
static void tile_guides(ctx *c, const pp_tile_grid *g, const pp_tile *t)
{
    double m = g->margin, ov = g->overlap, pw = g->print_w, ph = g->print_h;
    if (t->right)
        pp_scene_rect(c->s, m + pw - ov, m, ov, ph, tinted(c, "tint", "tint-opacity"), "glue");
    if (t->bottom)
        pp_scene_rect(c->s, m, m + ph - ov, pw, ov, tinted(c, "tint", "tint-opacity"), "glue");
    if (t->left) pp_scene_line(c->s, m, m, m, m + ph, dashed(c));
    if (t->top) pp_scene_line(c->s, m, m, m + pw, m, dashed(c));
    if (t->left) seam_crosses(c, g, true, m);
    if (t->right) seam_crosses(c, g, true, m + pw - ov);
    if (t->top) seam_crosses(c, g, false, m);
    if (t->bottom) seam_crosses(c, g, false, m + ph - ov);
}

static void tile_page(ctx *c, const pp_page *poster, const pp_tile_grid *g, const pp_tile *t)
{
    double m = g->margin;
    pp_scene_page(c->s, g->sheet_w, g->sheet_h);
    pp_scene_page_ref(c->s, poster, (pp_box){m, m, g->print_w, g->print_h}, 1, m - t->x, m - t->y);
    tile_guides(c, g, t);
    char label[16];
    pp_tile_label(t, label, sizeof label);
    band_text(c, label, "tile-label", (pp_box){m, 0, g->print_w, m}, &c->words->tile_label);
    char *text = fill_words(c->words->tile_label.text, c, label, t->number, pp_tile_grid_count(g));
    band_text(c, text, "tile-line", (pp_box){m, g->sheet_h - m, g->print_w, m},
              &c->words->tile_label);
    g_free(text);
}

/* ---- the assembly map ---- */

/* Where the miniature goes on the map page: its origin and scale. */
typedef struct mini {
    double x, y, k;
} mini;

static mini fit_miniature(const pp_tile_grid *g, pp_box area)
{
    double ext_w = fmax(g->poster_w, (g->cols - 1) * g->step_x + g->print_w);
    double ext_h = fmax(g->poster_h, (g->rows - 1) * g->step_y + g->print_h);
    double k = fmin(area.w / ext_w, area.h / ext_h);
    return (mini){area.x + (area.w - k * ext_w) / 2, area.y + (area.h - k * ext_h) / 2, k};
}

/* One tile on the map: its glue strips, its outline, its label and number. */
static void map_cell(ctx *c, const pp_tile_grid *g, const pp_tile *t, mini mm)
{
    pp_box cell = {mm.x + mm.k * t->x, mm.y + mm.k * t->y, mm.k * t->w, mm.k * t->h};
    double ov = mm.k * g->overlap;
    if (t->right)
        pp_scene_rect(c->s, cell.x + cell.w - ov, cell.y, ov, cell.h,
                      tinted(c, "tint", "tint-opacity"), "glue");
    if (t->bottom)
        pp_scene_rect(c->s, cell.x, cell.y + cell.h - ov, cell.w, ov,
                      tinted(c, "tint", "tint-opacity"), "glue");
    pp_scene_rect(c->s, cell.x, cell.y, cell.w, cell.h,
                  pp_stroke(pp_layout_colour(c->l, "grid"), pp_layout_mm(c->l, "map-grid")),
                  "tile");
}

static void map_label(ctx *c, const pp_tile *t, mini mm)
{
    char label[16], number[16];
    pp_tile_label(t, label, sizeof label);
    snprintf(number, sizeof number, "%d", t->number);
    double pad = pp_layout_mm(c->l, "map-label-pad");
    double cx = mm.x + mm.k * (t->x + t->w / 2), cy = mm.y + mm.k * (t->y + t->h / 2);
    double w = mm.k * t->w - 2 * pad;
    pp_textbox *a = pp_textbox_line(c->env->ts, label, pp_layout_style(c->l, "map-cell"), w);
    pp_textbox *b = pp_textbox_line(c->env->ts, number, pp_layout_style(c->l, "map-number"), w);
    double ha = pp_textbox_height(a), hb = pp_textbox_height(b);
    double bw = fmax(pp_textbox_width(a), pp_textbox_width(b)) + 2 * pad;
    double top = cy - (ha + hb) / 2;
    pp_scene_rect(c->s, cx - bw / 2, top - pad, bw, ha + hb + 2 * pad,
                  tinted(c, "label-fill", "label-opacity"), "label");
    pp_scene_text(c->s, a, cx - pp_textbox_width(a) / 2, top, c->env->content, &c->words->tile_map,
                  "map-cell");
    pp_scene_text(c->s, b, cx - pp_textbox_width(b) / 2, top + ha, c->env->content,
                  &c->words->tile_map, "map-number");
}

static void map_page(ctx *c, const pp_page *poster, const pp_tile_grid *g)
{
    bool wide = poster->w > poster->h;
    double pw = c->rq->tile->w, ph = c->rq->tile->h;
    double W = wide ? ph : pw, H = wide ? pw : ph;
    double m = fmax(pp_layout_mm(c->l, "map-margin"), g->margin),
           gap = pp_layout_mm(c->l, "map-gap");
    double title_h = pp_layout_mm(c->l, "map-title-h"), steps_h = pp_layout_mm(c->l, "map-steps-h");
    pp_scene_page(c->s, W, H);
    char tile[16];
    snprintf(tile, sizeof tile, "%s", c->rq->tile->name);
    char *title = fill_words(c->words->tile_map.text, c, tile, 0, pp_tile_grid_count(g));
    pp_text src = c->words->tile_map;
    src.text = title;
    pp_scene_fit(c->s, c->env->ts, c->env->content, &src, pp_layout_style(c->l, "map-title"), m, m,
                 W - 2 * m, title_h, PP_VALIGN_TOP, "map-title");
    g_free(title);
    pp_scene_fit(c->s, c->env->ts, c->env->content, &c->words->tile_steps,
                 pp_layout_style(c->l, "map-steps"), m, H - m - steps_h, W - 2 * m, steps_h,
                 PP_VALIGN_BOTTOM, "map-steps");
    pp_box area = {m, m + title_h + gap, W - 2 * m, H - 2 * m - title_h - steps_h - 2 * gap};
    mini mm = fit_miniature(g, area);
    pp_box frame = {mm.x, mm.y, mm.k * poster->w, mm.k * poster->h};
    pp_scene_page_ref(c->s, poster, frame, mm.k, mm.x, mm.y);
    pp_scene_rect(c->s, frame.x, frame.y, frame.w, frame.h,
                  pp_stroke(pp_layout_colour(c->l, "frame"), pp_layout_mm(c->l, "map-frame")),
                  "poster");
    for (int i = 0; i < pp_tile_grid_count(g); i++) {
        pp_tile t = pp_tile_grid_at(g, i);
        map_cell(c, g, &t, mm);
    }
    for (int i = 0; i < pp_tile_grid_count(g); i++) {
        pp_tile t = pp_tile_grid_at(g, i);
        map_label(c, &t, mm);
    }
}

/* The map, then every tile, of each page of poster. */
static void plan_tiles(ctx *c, const pp_scene *poster)
{
    for (size_t i = 0; i < poster->n_pages; i++) {
        const pp_page *p = &poster->pages[i];
        pp_tile_grid g;
        if (!pp_tile_grid_plan(p->w, p->h, c->rq->tile->w, c->rq->tile->h, c->rq->margin,
                               c->rq->overlap, &g))
            continue; /* the command line refuses such margins and overlaps */
        map_page(c, p, &g);
        for (int k = 0; k < pp_tile_grid_count(&g); k++) {
            pp_tile t = pp_tile_grid_at(&g, k);
            tile_page(c, p, &g, &t);
        }
    }
}

/* ---- marks ---- */

/* The two crop marks of a trim corner (x, y): dx, dy (±1) point away from the sheet. */
static void crop_corner(ctx *c, double x, double y, int dx, int dy)
{
    double b = c->rq->bleed, off = pp_layout_mm(c->l, "mark-offset");
    double len = fmin(pp_layout_mm(c->l, "mark-length"), pp_layout_mm(c->l, "mark-area") - off);
    pp_paint p = pp_stroke(pp_layout_colour(c->l, "mark"), pp_layout_mm(c->l, "mark-line"));
    double near = b + off, far = b + off + len;
    pp_scene_line(c->s, x + dx * near, y, x + dx * far, y, p);
    pp_scene_line(c->s, x, y + dy * near, x, y + dy * far, p);
}

static void marked_page(ctx *c, const pp_page *p, const char *slug)
{
    double b = c->rq->bleed, o = pp_layout_mm(c->l, "mark-area") + b;
    pp_page *out = pp_scene_page(c->s, p->w + 2 * o, p->h + 2 * o);
    out->boxes = true;
    out->trim = (pp_box){o, o, p->w, p->h};
    out->bleed = (pp_box){o - b, o - b, p->w + 2 * b, p->h + 2 * b};
    out->outline = p->outline;
    pp_scene_page_ref(c->s, p, out->bleed, 1, o, o);
    crop_corner(c, o, o, -1, -1);
    crop_corner(c, o + p->w, o, 1, -1);
    crop_corner(c, o, o + p->h, -1, 1);
    crop_corner(c, o + p->w, o + p->h, 1, 1);
    double off = pp_layout_mm(c->l, "mark-offset");
    band_text(c, slug, "slug", (pp_box){o, o + p->h + b + off, p->w, o - b - off},
              &c->env->content->title);
}

static void plan_marks(ctx *c, pp_scene *inner)
{
    char date[16];
    pp_source_date(date, sizeof date, "%Y-%m-%d");
    char *slug =
        g_strdup_printf("%s · %s · %s · %s", c->rq->file, c->rq->sheet, c->rq->paper, date);
    for (size_t i = 0; i < inner->n_pages; i++) {
        if (!c->rq->tile) pp_page_extend_edges(&inner->pages[i], c->rq->bleed);
        marked_page(c, &inner->pages[i], slug);
    }
    g_free(slug);
}

void pp_print_plan(pp_scene *out, pp_scene *poster, const pp_print_request *rq,
                   const pp_sheet_env *env)
{
    ctx c = {out, rq, env, env->layout, &env->content->record};
    pp_scene *inner = poster;
    if (rq->tile && rq->marks) {
        inner = pp_scene_new();
        inner->source = poster;
        c.s = inner;
    }
    if (rq->tile) plan_tiles(&c, poster);
    c.s = out;
    if (rq->marks) plan_marks(&c, inner);
    out->source = inner;
}
