#include "cli/postits.h"

#include "model/session.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How post-its are found (docs/scanning.md). The picture is read in cells of CELL × CELL pixels
 * (their average colour). The paper's colour is the average of the brightest cells (above the
 * PAPER_PERCENTILE of their grey). A cell's tint is how far each channel, relative to the paper's,
 * stays below its brightest channel: white paper has none, whatever the light; a post-it has the
 * tint of its colour (against the layout's paper), at least MIN_TINT of it and within MAX_ANGLE_COS
 * of its direction; a cell darker than MIN_VALUE of the paper is ink or shadow. Thin tinted things
 * (the halo of pen strokes) are removed by an opening OPEN_MM wide. A region is a post-it when
 * both sides are at least MIN_SIDE_SHARE of postit-min and it fills at least MIN_FILL of its
 * bounding box; one that is SPLIT_SHARE times the post-it size or more, or clearly longer than
 * wide, is as many touching post-its as fit. */
enum { CELL = 2, PAPER_PERCENTILE = 95, GREYS = 256 };
static const double MIN_TINT = 0.5, MAX_ANGLE_COS = 0.94, MIN_VALUE = 0.35, OPEN_MM = 1.0;
static const double MIN_SIDE_SHARE = 0.5, MIN_FILL = 0.5, SPLIT_SHARE = 1.6, MIN_PAPER = 60;
enum { NONE = 255 };

typedef struct tint {
    double t[3];
} tint;

/* The tint of colour (r, g, b) on paper (pr, pg, pb); *value: its brightest channel against the
 * paper's. */
static tint tint_of(const double *rgb, const double *paper, double *value)
{
    double n[3], m = 0;
    for (int c = 0; c < 3; c++)
        n[c] = rgb[c] / fmax(paper[c], 1e-6), m = fmax(m, n[c]);
    *value = m;
    tint t = {{0, 0, 0}};
    for (int c = 0; m > 0 && c < 3; c++)
        t.t[c] = 1 - n[c] / m;
    return t;
}

static double dot(const tint *a, const tint *b)
{
    return a->t[0] * b->t[0] + a->t[1] * b->t[1] + a->t[2] * b->t[2];
}

/* The post-it colour of tint t (an index), or NONE. */
static unsigned char classify(const tint *t, double value, const tint *refs)
{
    double len = sqrt(dot(t, t)), best = MAX_ANGLE_COS;
    unsigned char out = NONE;
    if (value < MIN_VALUE || len <= 0) return NONE;
    for (int j = 0; j < PP_POSTIT_COLOURS; j++) {
        double rl = sqrt(dot(&refs[j], &refs[j]));
        double cosine = dot(t, &refs[j]) / (len * rl);
        if (cosine >= best && len >= MIN_TINT * rl) best = cosine, out = (unsigned char)j;
    }
    return out;
}

typedef struct grid {
    int w, h;
    double *rgb; /* 3 per cell */
} grid;

static grid cells_of(cairo_surface_t *s)
{
    grid g = {cairo_image_surface_get_width(s) / CELL, cairo_image_surface_get_height(s) / CELL,
              NULL};
    g.rgb = g_new0(double, 3 * (size_t)g.w * (size_t)g.h + 1);
    const unsigned char *px = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < g.h * CELL; y++) {
        const guint32 *row = (const guint32 *)(px + (size_t)y * (size_t)stride);
        double *out = g.rgb + 3 * (size_t)(y / CELL) * (size_t)g.w;
        for (int x = 0; x < g.w * CELL; x++) {
            double *o = out + 3 * (x / CELL);
            o[0] += row[x] >> 16 & 0xff, o[1] += row[x] >> 8 & 0xff, o[2] += row[x] & 0xff;
        }
    }
    for (size_t i = 0; i < 3 * (size_t)g.w * (size_t)g.h; i++)
        g.rgb[i] /= CELL * CELL;
    return g;
}

/* The paper's colour: the average of the brightest cells; false when the paper is too dark. */
static bool paper_of(const grid *g, double *paper)
{
    size_t n = (size_t)g->w * (size_t)g->h, hist[GREYS] = {0}, seen = 0;
    for (size_t i = 0; i < n; i++)
        hist[(int)fmin(GREYS - 1, (g->rgb[3 * i] + g->rgb[3 * i + 1] + g->rgb[3 * i + 2]) / 3)]++;
    int cut = GREYS - 1;
    while (cut > 0 && (seen += hist[cut]) < n * (100 - PAPER_PERCENTILE) / 100)
        cut--;
    double sum[3] = {0};
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if ((g->rgb[3 * i] + g->rgb[3 * i + 1] + g->rgb[3 * i + 2]) / 3 >= cut) {
            for (int c = 0; c < 3; c++)
                sum[c] += g->rgb[3 * i + c];
            k++;
        }
    for (int c = 0; c < 3; c++)
        paper[c] = k ? sum[c] / (double)k : 0;
    return k && fmax(paper[0], fmax(paper[1], paper[2])) >= MIN_PAPER;
}

/* The tint of each of the layout's post-it colours on its paper. */
static void refs_of(pp_layout *l, tint *refs)
{
    pp_rgb p = pp_layout_colour(l, "paper");
    double paper[3] = {p.r, p.g, p.b}, v;
    for (int j = 0; j < PP_POSTIT_COLOURS; j++) {
        char key[32];
        snprintf(key, sizeof key, "postit-%s", pp_postit_colours[j]);
        pp_rgb c = pp_layout_colour(l, key);
        refs[j] = tint_of((double[]){c.r, c.g, c.b}, paper, &v);
    }
}

/* One pass of a square minimum (erode) or maximum (dilate) of radius r over the class map, row
 * then column: a cell keeps its class when every cell within r has it (erode), or takes the class
 * of a cell within r (dilate: the first found). */
static void morph(unsigned char *m, int w, int h, int r, bool erode)
{
    unsigned char *tmp = g_new(unsigned char, (size_t)(w > h ? w : h));
    for (int pass = 0; pass < 2; pass++) {
        int len = pass ? h : w, lines = pass ? w : h;
        for (int a = 0; a < lines; a++) {
            for (int i = 0; i < len; i++) {
                size_t at = pass ? (size_t)i * (size_t)w + (size_t)a : (size_t)a * (size_t)w + i;
                unsigned char v = m[at];
                for (int k = i - r; k <= i + r; k++) {
                    unsigned char o = k < 0 || k >= len ? NONE
                                      : pass            ? m[(size_t)k * (size_t)w + (size_t)a]
                                                        : m[(size_t)a * (size_t)w + (size_t)k];
                    if (erode && o != v) v = NONE;
                    if (!erode && v == NONE && o != NONE) v = o;
                }
                tmp[i] = v;
            }
            for (int i = 0; i < len; i++)
                m[pass ? (size_t)i * (size_t)w + (size_t)a : (size_t)a * (size_t)w + i] = tmp[i];
        }
    }
    g_free(tmp);
}

typedef struct region {
    int x0, y0, x1, y1; /* cells, inclusive */
    size_t count;
    unsigned char colour;
} region;

/* The 4-connected region of colour at (x, y), cleared from m. */
static region flood(unsigned char *m, int w, int h, int x, int y, GArray *stack)
{
    region r = {x, y, x, y, 0, m[(size_t)y * (size_t)w + (size_t)x]};
    g_array_set_size(stack, 0);
    int start = y * w + x;
    g_array_append_val(stack, start);
    m[start] = NONE;
    while (stack->len) {
        int at = g_array_index(stack, int, stack->len - 1);
        g_array_set_size(stack, stack->len - 1);
        int cx = at % w, cy = at / w;
        r.count++;
        r.x0 = MIN(r.x0, cx), r.x1 = MAX(r.x1, cx), r.y0 = MIN(r.y0, cy), r.y1 = MAX(r.y1, cy);
        const int nx[4] = {cx - 1, cx + 1, cx, cx}, ny[4] = {cy, cy, cy - 1, cy + 1};
        for (int k = 0; k < 4; k++) {
            if (nx[k] < 0 || ny[k] < 0 || nx[k] >= w || ny[k] >= h) continue;
            int n = ny[k] * w + nx[k];
            if (m[n] != r.colour) continue;
            m[n] = NONE;
            g_array_append_val(stack, n);
        }
    }
    return r;
}

static bool overlap(const region *a, const region *b)
{
    return a->colour == b->colour && a->x0 <= b->x1 && b->x0 <= a->x1 && a->y0 <= b->y1 &&
           b->y0 <= a->y1;
}

/* Regions of one colour whose boxes overlap are one post-it (a line of writing across it cut it
 * in two): merged until none overlap. */
static void merge(GArray *rs)
{
    for (bool again = true; again;) {
        again = false;
        for (guint i = 0; i < rs->len; i++)
            for (guint k = i + 1; k < rs->len; k++) {
                region *a = &g_array_index(rs, region, i), *b = &g_array_index(rs, region, k);
                if (!overlap(a, b)) continue;
                a->x0 = MIN(a->x0, b->x0), a->y0 = MIN(a->y0, b->y0);
                a->x1 = MAX(a->x1, b->x1), a->y1 = MAX(a->y1, b->y1);
                a->count += b->count;
                g_array_remove_index(rs, k--);
                again = true;
            }
    }
}

/* Adds the post-it(s) of region r to out: one, or a row, column or grid of touching ones. side:
 * the layout's post-it size, min_side the smallest accepted, in cells. */
static void add_region(const region *r, double side, double min_side, GArray *out)
{
    double w = r->x1 - r->x0 + 1, h = r->y1 - r->y0 + 1;
    if (w < min_side || h < min_side || (double)r->count < MIN_FILL * w * h) return;
    double s = fmin(w, h) >= SPLIT_SHARE * side ? side : fmin(w, h);
    int nx = (int)fmax(1, lround(w / s)), ny = (int)fmax(1, lround(h / s));
    for (int j = 0; j < ny; j++)
        for (int i = 0; i < nx; i++) {
            int x0 = r->x0 + (int)lround(i * w / nx), x1 = r->x0 + (int)lround((i + 1) * w / nx);
            int y0 = r->y0 + (int)lround(j * h / ny), y1 = r->y0 + (int)lround((j + 1) * h / ny);
            pp_found_postit p = {x0 * CELL, y0 * CELL, (x1 - x0) * CELL, (y1 - y0) * CELL,
                                 r->colour};
            g_array_append_val(out, p);
        }
}

static int by_top(const void *pa, const void *pb)
{
    const pp_found_postit *a = pa, *b = pb;
    return (a->y > b->y) - (a->y < b->y);
}

static int by_left(const void *pa, const void *pb)
{
    const pp_found_postit *a = pa, *b = pb;
    return (a->x > b->x) - (a->x < b->x);
}

/* Reading order: rows top to bottom (a post-it whose top is within half a post-it of the row's
 * first joins it), each left to right. */
static void reading_order(pp_found_postit *p, size_t n)
{
    if (n < 2) return; /* p may be NULL */
    qsort(p, n, sizeof *p, by_top);
    for (size_t row = 0, end; row < n; row = end) {
        for (end = row + 1; end < n && (p[end].y - p[row].y) * 2 < MIN(p[row].h, p[end].h); end++)
            ;
        qsort(p + row, end - row, sizeof *p, by_left);
    }
}

pp_found_postits pp_postits_find(cairo_surface_t *notes, double px_per_mm, pp_layout *l)
{
    pp_found_postits f = {NULL, 0};
    cairo_surface_flush(notes);
    grid g = cells_of(notes);
    double paper[3];
    tint refs[PP_POSTIT_COLOURS];
    refs_of(l, refs);
    if (g.w < 1 || g.h < 1 || !paper_of(&g, paper)) {
        g_free(g.rgb);
        return f;
    }
    size_t n = (size_t)g.w * (size_t)g.h;
    unsigned char *m = g_new(unsigned char, n);
    for (size_t i = 0; i < n; i++) {
        double v;
        tint t = tint_of(g.rgb + 3 * i, paper, &v);
        m[i] = classify(&t, v, refs);
    }
    g_free(g.rgb);
    int r = (int)ceil(OPEN_MM * px_per_mm / CELL / 2);
    morph(m, g.w, g.h, r, true);
    morph(m, g.w, g.h, r, false);
    GArray *stack = g_array_new(FALSE, FALSE, sizeof(int));
    GArray *rs = g_array_new(FALSE, FALSE, sizeof(region));
    for (int y = 0; y < g.h; y++)
        for (int x = 0; x < g.w; x++)
            if (m[(size_t)y * (size_t)g.w + (size_t)x] != NONE) {
                region reg = flood(m, g.w, g.h, x, y, stack);
                g_array_append_val(rs, reg);
            }
    merge(rs);
    double cells_per_mm = px_per_mm / CELL;
    GArray *out = g_array_new(FALSE, FALSE, sizeof(pp_found_postit));
    for (guint i = 0; i < rs->len; i++)
        add_region(&g_array_index(rs, region, i), pp_layout_mm(l, "postit") * cells_per_mm,
                   MIN_SIDE_SHARE * pp_layout_mm(l, "postit-min") * cells_per_mm, out);
    f.n = out->len;
    f.at = (pp_found_postit *)(void *)g_array_free(out, FALSE);
    reading_order(f.at, f.n);
    g_array_free(rs, TRUE);
    g_array_free(stack, TRUE);
    g_free(m);
    return f;
}

void pp_postits_free(pp_found_postits *f)
{
    g_free(f->at);
    *f = (pp_found_postits){NULL, 0};
}

cairo_surface_t *pp_postits_cut(cairo_surface_t *notes, const pp_found_postit *p)
{
    cairo_surface_t *out = cairo_image_surface_create(CAIRO_FORMAT_RGB24, p->w, p->h);
    cairo_t *cr = cairo_create(out);
    cairo_set_source_surface(cr, notes, -p->x, -p->y);
    cairo_paint(cr);
    cairo_destroy(cr);
    return out;
}

char *pp_postits_notes_name(const char *theme)
{
    return g_strdup_printf("%s-notes.png", theme);
}

char *pp_postits_name(const char *theme, size_t n)
{
    return g_strdup_printf("%s-postit-%zu.png", theme, n);
}

static pp_status write_png(cairo_surface_t *img, const char *dir, char *name, GPtrArray *written,
                           pp_error *err)
{
    gchar *path = g_build_filename(dir, name, NULL);
    g_free(name);
    g_ptr_array_add(written, path);
    if (cairo_surface_write_to_png(img, path) != CAIRO_STATUS_SUCCESS)
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot write the picture");
    return err->status;
}

pp_status pp_postits_write(cairo_surface_t *notes, const pp_found_postits *found, const char *dir,
                           const char *theme, GPtrArray *written, pp_error *err)
{
    write_png(notes, dir, pp_postits_notes_name(theme), written, err);
    for (size_t k = 0; k < found->n && !pp_error_isset(err); k++) {
        cairo_surface_t *img = pp_postits_cut(notes, &found->at[k]);
        write_png(img, dir, pp_postits_name(theme, k + 1), written, err);
        cairo_surface_destroy(img);
    }
    return err->status;
}

void pp_postits_report(const char *photo, const pp_content *c, const pp_found_postits *found,
                       bool kept)
{
    GString *line = g_string_new(NULL);
    size_t total = 0;
    for (size_t i = 0; i < c->n_themes; i++) {
        g_string_append_printf(line, "%s %s %zu", i ? "," : "", c->themes[i].id, found[i].n);
        for (size_t k = 0; k < found[i].n; k++)
            g_string_append_printf(line, "%s%s", k ? " " : " (",
                                   pp_postit_colours[found[i].at[k].colour]);
        if (found[i].n) g_string_append_c(line, ')');
        total += found[i].n;
    }
    fprintf(stderr, "%s: %zu post-it(s):%s%s\n", photo, total, line->str,
            kept || !total ? "" : "; --images DIR keeps their pictures");
    g_string_free(line, TRUE);
}
