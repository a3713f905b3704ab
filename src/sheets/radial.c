/* The radial praatplaat: a centre disc with the instrument's title, a ring of equal sectors (one
 * per theme, its name set along the arc), and outside the ring one panel per theme on its sector's
 * bisector: the theme's numbered statements with score boxes, room for notes and post-its, and the
 * extra attention mark.
 *
 * The composition is solved from the content and the page (docs/radial-composition.md): the ring
 * names get the largest one size at which every name fits its sector (on one arc or two); the
 * panels get the largest scale of their type and lengths at which every statement takes the lines
 * it needs, every notes area holds its post-its and all panels place around the ring without
 * overlapping; then the panel shape that gives the largest panels at that scale, the free height
 * going to the notes. The ring's rotation depends on the theme count and the orientation only.
 * Every size, colour and style comes from layouts/praatplaat.xml. */
#include "model/formfields.h"
#include "model/record.h"
#include "sheets/codes.h"
#include "sheets/ink.h"
#include "sheets/sheet.h"

#include <glib.h>
#include <math.h>
#include <string.h>

/* A push off the ring goes this much further than needed, so rounding cannot leave it touching. */
static const double NUDGE_MM = 0.01;
/* Room left under a measured text so that rounding never makes it overflow its box. */
static const double SLACK_MM = 0.05;
/* Halvings of the searches: a panel's distance from the ring (far below a micrometre), the scale
 * (below a thousandth), the panel height (below a tenth of a mm at A0). */
enum { DISTANCE_STEPS = 40, SCALE_STEPS = 10, HEIGHT_STEPS = 12 };
/* Panel widths tried at each scale, and ring radii tried between ring-outer and ring-outer-max. */
enum { WIDTH_STEPS = 7, RING_STEPS = 24 };
/* Placings that go round in a cycle of up to this many rounds are given up at once. */
enum { CYCLE_MAX = 8 };
/* Ring-name sizes are tried this many points apart. */
static const double RING_PT_STEP = 0.25;

typedef struct rect {
    double x, y, w, h;
} rect;

typedef struct rd {
    const pp_sheet_env *env;
    const pp_session *ss; /* NULL for a blank sheet */
    pp_scene *s;
    const pp_content *c;
    pp_typeset *ts;
    pp_layout *l;
    double page_w, page_h;
    rect area;                /* inside the margins, above the colophon */
    rect foot;                /* the colophon, clear of the scan codes */
    rect codes[PP_CODES_MAX]; /* the scan codes with code-gap around them: panels keep out */
    int n_codes;
    double cx, cy;        /* centre of the ring */
    double r_in, r_out;   /* radii of the ring */
    double start;         /* angle of the middle of sector 0 */
    double ring_pt;       /* the one size of every ring name */
    double k;             /* the panels' scale: their lengths and type, 1 as in the layout */
    double pt;            /* the one size of every statement */
    double *rows;         /* each statement's row height, theme by theme (owned) */
    bool *over;           /* the statement needs more than its row even at the minimum size */
    bool ordered;         /* placing holds each panel's centre within its own sector's angle */
    GArray **spans;       /* each statement's spans (statement_h), one array per statement */
    bool exact;           /* only spans measured at the very size count (statement_h) */
    double num_pt, num_w; /* the widest number's width at size num_pt (number_w), 0 before */
} rd;

static double mm(rd *f, const char *name)
{
    return pp_layout_mm(f->l, name);
}

/* A panel length at the panels' scale. */
static double mk(rd *f, const char *name)
{
    return pp_layout_mm(f->l, name) * f->k;
}

static double num(rd *f, const char *name)
{
    return pp_layout_num(f->l, name);
}

static pp_rgb col(rd *f, const char *name)
{
    return pp_layout_colour(f->l, name);
}

static const pp_style *st(rd *f, const char *name)
{
    return pp_layout_style(f->l, name);
}

/* A panel style at the panels' scale (never below its minimum). */
static const pp_style *sk(rd *f, const char *name)
{
    const pp_style *s = st(f, name);
    return pp_scene_style(f->s, s, s->size * f->k);
}

static double theme_angle(const rd *f, size_t i)
{
    return f->start + 2 * G_PI * (double)i / (double)f->c->n_themes;
}

static size_t n_statements(const rd *f)
{
    size_t n = 0;
    for (size_t i = 0; i < f->c->n_themes; i++)
        n += f->c->themes[i].n_statements;
    return n;
}

/* --- Placement ------------------------------------------------------------------------------- */

static double dist_to_rect(double px, double py, rect r)
{
    double dx = fmax(fmax(r.x - px, 0), px - (r.x + r.w));
    double dy = fmax(fmax(r.y - py, 0), py - (r.y + r.h));
    return hypot(dx, dy);
}

static bool overlaps(rect a, rect b, double gap)
{
    return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap &&
           b.y < a.y + a.h + gap;
}

static rect centred(double x, double y, double w, double h)
{
    return (rect){x - w / 2, y - h / 2, w, h};
}

/* The smallest distance along the ray at angle a at which a w × h panel clears the ring. */
static double clear_distance(const rd *f, double a, double w, double h, double clearance)
{
    double lo = 0, hi = hypot(f->page_w, f->page_h); /* invariant: too close at lo, clear at hi */
    for (int i = 0; i < DISTANCE_STEPS; i++) {
        double d = (lo + hi) / 2;
        rect r = centred(f->cx + d * cos(a), f->cy + d * sin(a), w, h);
        if (dist_to_rect(f->cx, f->cy, r) >= clearance)
            hi = d;
        else
            lo = d;
    }
    return hi;
}

static rect clamp(const rd *f, rect r)
{
    r.x = fmin(fmax(r.x, f->area.x), f->area.x + f->area.w - r.w);
    r.y = fmin(fmax(r.y, f->area.y), f->area.y + f->area.h - r.h);
    return r;
}

/* The panel at distance d on the ray at angle a, moved inside the area. */
static rect panel_at(const rd *f, double a, double d, double w, double h)
{
    return clamp(f, centred(f->cx + d * cos(a), f->cy + d * sin(a), w, h));
}

/* Pushes two overlapping panels apart, each by half, along the axis where they overlap least. */
static void separate(rect *a, rect *b, double gap)
{
    double ox = fmin(a->x + a->w, b->x + b->w) - fmax(a->x, b->x) + gap;
    double oy = fmin(a->y + a->h, b->y + b->h) - fmax(a->y, b->y) + gap;
    if (ox < oy) {
        double dir = (a->x + a->w / 2 <= b->x + b->w / 2) ? -1 : 1;
        a->x += dir * ox / 2;
        b->x -= dir * ox / 2;
    } else {
        double dir = (a->y + a->h / 2 <= b->y + b->h / 2) ? -1 : 1;
        a->y += dir * oy / 2;
        b->y -= dir * oy / 2;
    }
}

/* Moves a panel that reaches into the ring's clearance straight away from the centre. */
static bool push_off_ring(const rd *f, rect *r, double clearance)
{
    double d = dist_to_rect(f->cx, f->cy, *r);
    if (d >= clearance - 1e-6) return false;
    double vx = r->x + r->w / 2 - f->cx, vy = r->y + r->h / 2 - f->cy, len = hypot(vx, vy);
    if (len < 1e-9) vx = 0, vy = -1, len = 1;
    r->x += vx / len * (clearance - d + NUDGE_MM);
    r->y += vy / len * (clearance - d + NUDGE_MM);
    return true;
}

/* d and NUDGE_MM further the same way (none when d is 0): a push that cannot leave a panel
 * touching what it was pushed off. */
static double nudged(double d)
{
    return d + (d > 0 ? NUDGE_MM : d < 0 ? -NUDGE_MM : 0);
}

/* Moves a panel off every scan code it reaches into, the shortest way that stays inside the
 * area: the codes sit in the corners, where a band along the whole edge would waste the page. */
static bool push_off_codes(const rd *f, rect *r)
{
    bool moved = false;
    for (int k = 0; k < f->n_codes; k++) {
        rect o = f->codes[k];
        if (!overlaps(*r, o, 0)) continue;
        double dx[] = {o.x + o.w - r->x, o.x - (r->x + r->w), 0, 0};
        double dy[] = {0, 0, o.y + o.h - r->y, o.y - (r->y + r->h)};
        int best = -1;
        for (int i = 0; i < 4; i++) {
            rect t = {r->x + nudged(dx[i]), r->y + nudged(dy[i]), r->w, r->h};
            bool inside = t.x >= f->area.x - 1e-6 && t.y >= f->area.y - 1e-6 &&
                          t.x + t.w <= f->area.x + f->area.w + 1e-6 &&
                          t.y + t.h <= f->area.y + f->area.h + 1e-6;
            if (inside && (best < 0 || fabs(dx[i] + dy[i]) < fabs(dx[best] + dy[best]))) best = i;
        }
        if (best < 0) continue; /* no way out inside the area: the placing does not settle */
        r->x += nudged(dx[best]);
        r->y += nudged(dy[best]);
        moved = true;
    }
    return moved;
}

/* Whether each panel's centre lies in its own sector's angle seen from the ring's centre (when
 * f->ordered), so the panels read around the ring in the themes' order. */
static bool in_order(const rd *f, const rect *p)
{
    double half = G_PI / (double)f->c->n_themes;
    for (size_t i = 0; f->ordered && i < f->c->n_themes; i++) {
        double a = atan2(p[i].y + p[i].h / 2 - f->cy, p[i].x + p[i].w / 2 - f->cx);
        double d = remainder(a - theme_angle(f, i), 2 * G_PI);
        if (fabs(d) > half + 1e-9) return false;
    }
    return true;
}

/* Whether the n panels in out stand exactly where they stood at one of the last CYCLE_MAX rounds
 * (kept in seen, a ring of CYCLE_MAX · n): then the pushing only goes round in that cycle until
 * spread-rounds end, without settling. */
static bool cycles(rect *seen, const rect *out, size_t n, int round)
{
    for (int q = 0; q < CYCLE_MAX && q < round; q++)
        if (memcmp(seen + (size_t)q * n, out, n * sizeof *out) == 0) return true;
    memcpy(seen + (size_t)(round % CYCLE_MAX) * n, out, n * sizeof *out);
    return false;
}

/* Places every panel: each starts just clear of the ring on its sector's bisector; then panels that
 * overlap push each other apart (symmetrically), the ring pushes them out and the margins hold them
 * in, until nothing overlaps. False when that does not settle. */
static bool place_all(rd *f, double w, double h, rect *out)
{
    size_t n = f->c->n_themes;
    double clearance = f->r_out + mm(f, "ring-gap"), gap = mm(f, "panel-gap");
    if (w > f->area.w || h > f->area.h) return false;
    for (size_t i = 0; i < n; i++) {
        double a = theme_angle(f, i);
        out[i] = panel_at(f, a, clear_distance(f, a, w, h, clearance), w, h);
    }
    int rounds = (int)pp_layout_num_in(f->l, "spread-rounds", 0, 100000);
    rect *seen = g_new(rect, (size_t)CYCLE_MAX * n);
    bool settled = false;
    for (int round = 0; round <= rounds; round++) {
        bool moved = false;
        for (size_t i = 0; i < n; i++)
            for (size_t k = 0; k < i; k++)
                if (overlaps(out[i], out[k], gap - 1e-6)) {
                    separate(&out[i], &out[k], gap);
                    moved = true;
                }
        for (size_t i = 0; i < n; i++) {
            moved |= push_off_ring(f, &out[i], clearance);
            out[i] = clamp(f, out[i]);
            moved |= push_off_codes(f, &out[i]);
        }
        if (!moved) {
            settled = true;
            break;
        }
        if (cycles(seen, out, n, round)) break;
    }
    g_free(seen);
    return settled && in_order(f, out);
}

/* --- The panels' content, measured ----------------------------------------------------------- */

/* The statement size at scale k. */
static double statement_pt(rd *f, double k)
{
    const pp_style *s = st(f, "statement");
    return fmax(s->size * k, s->min);
}

/* A statement's number ("2."), as the session's remarks are written (g_free). */
static gchar *number_label(size_t k)
{
    return g_strdup_printf("%zu.", k + 1);
}

/* The width of the number column at size pt: the widest number of any theme and a gap. */
static double number_w(rd *f, double pt, double k)
{
    /* the search asks at each of its widths for the same few sizes: remember the last */
    if (f->num_pt != pt || f->num_w <= 0) {
        size_t most = 0;
        for (size_t i = 0; i < f->c->n_themes; i++)
            most = MAX(most, f->c->themes[i].n_statements);
        pp_style sty = *st(f, "statement-number");
        sty.size = fmax(pt, sty.min);
        gchar *label = number_label(most ? most - 1 : 0);
        pp_textbox *tb = pp_textbox_line(f->ts, label, &sty, 1e6);
        f->num_pt = pt;
        f->num_w = pp_textbox_width(tb);
        pp_textbox_free(tb);
        g_free(label);
    }
    return f->num_w + mm(f, "number-gap") * k;
}

static double scores_w(rd *f, double k)
{
    return (3 * mm(f, "score-box") + 2 * mm(f, "score-gap")) * k;
}

/* The width a statement's text has in a panel w wide at scale k. */
static double text_w(rd *f, double k, double w, double pt)
{
    return w - 2 * mm(f, "panel-pad") * k - number_w(f, pt, k) - scores_w(f, k) -
           mm(f, "score-gap") * k;
}

/* The height the notes area needs in a panel w wide at scale k: its minimum, and room for
 * postits-min post-its of their true size in a grid; -1 when they do not fit side by side. */
static double notes_need(rd *f, double k, double w)
{
    double base = mm(f, "notes-min-h") * k, aw = w - 2 * mm(f, "panel-pad") * k;
    int want = (int)num(f, "postits-min");
    if (want <= 0) return base;
    double p = mm(f, "postit"), g = mm(f, "postit-gap"), best = -1;
    for (int c = 1; c <= want && c * p + (c - 1) * g <= aw + 1e-9; c++) {
        int rows = (want + c - 1) / c;
        double h = rows * p + (rows - 1) * g;
        if (best < 0 || h < best) best = h;
    }
    return best < 0 ? -1 : fmax(base, best);
}

/* The fixed parts of a panel's height at scale k: header, paddings, score heads, gaps, notes
 * label and attention row. */
/* The height of a label row (length name at scale k), never less than a line of style sty at its
 * size at that scale: a row shrinks with the panel only as far as its text can. */
static double label_h(rd *f, double k, const char *name, const char *sty)
{
    pp_style line = *st(f, sty);
    line.size = fmax(line.size * k, line.min);
    return fmax(mm(f, name) * k, pp_textbox_line_height(&line, line.size) + SLACK_MM);
}

static double fixed_h(rd *f, double k)
{
    return label_h(f, k, "header-h", "panel-name") + label_h(f, k, "score-head-h", "score-label") +
           label_h(f, k, "notes-label-h", "notes-label") +
           label_h(f, k, "attention-h", "attention") +
           (2 * mm(f, "panel-pad") + 2 * mm(f, "section-gap")) * k;
}

/* --- Statement heights, measured once --------------------------------------------------------- */

/* A statement measured at size pt: the widths from lo to hi at which it keeps the same lines. The
 * search tries many widths at each of many sizes. Without hinting, type scales with its size, so a
 * span carries over to another size in proportion (with SPAN_SLACK to spare for rounding): there
 * the statement has as many lines, each one line of that size high. */
typedef struct span {
    double pt, lo, hi, h;
    int lines;
    bool wide; /* a word wider than hi: measured at hi only */
} span;
static const double SPAN_SLACK = 0.003;

/* A span of statement `at` that holds width tw at sty's size, or NULL. Spans measured at another
 * size count only while the search runs (f->exact false). */
static const span *span_for(rd *f, GArray *a, const pp_style *sty, double tw)
{
    for (guint i = 0; i < a->len; i++) {
        const span *p = &g_array_index(a, span, i);
        if (p->pt == sty->size && p->lo <= tw && tw <= p->hi) return p;
    }
    for (guint i = 0; !f->exact && i < a->len; i++) {
        const span *p = &g_array_index(a, span, i);
        double r = tw / sty->size;
        if (!p->wide && p->lo / p->pt * (1 + SPAN_SLACK) <= r &&
            r <= p->hi / p->pt * (1 - SPAN_SLACK))
            return p;
    }
    return NULL;
}

/* Statement text measured at width tw, and in *hi the greatest width up to which it keeps as many
 * lines as far as the search can tell: one line stays one line however wide; more lines must hold
 * a little wider too, so that the same proportion at another size, rounded otherwise, still falls
 * in. It is measured at that wider width first: where its widest line there is no wider than tw,
 * its lines at tw are the same ones (pp_textbox_measure_flow), and one measurement serves both. */
static pp_flow_size measure_span(rd *f, const char *text, const pp_style *sty, double tw,
                                 double *hi)
{
    double wider = tw * (1 + 2 * SPAN_SLACK);
    pp_flow_size w = pp_textbox_measure_flow(f->ts, text, sty, wider), m = w;
    if (w.overflow || w.least > tw) m = pp_textbox_measure_flow(f->ts, text, sty, tw);
    if (m.overflow)
        *hi = tw;
    else if (m.lines == 1)
        *hi = HUGE_VAL;
    else
        *hi = w.lines == m.lines && w.h == m.h && !w.overflow ? wider : tw;
    return m;
}

/* The height of statement text (number `at`) at style sty in text width tw; *wide when a word is
 * wider than tw. */
static double statement_h(rd *f, size_t at, const char *text, const pp_style *sty, double tw,
                          bool *wide)
{
    GArray *a = f->spans[at];
    const span *p = span_for(f, a, sty, tw);
    if (p) {
        *wide = p->wide;
        return p->pt == sty->size ? p->h : p->lines * pp_textbox_line_height(sty, sty->size);
    }
    double hi;
    pp_flow_size m = measure_span(f, text, sty, tw, &hi);
    span n = {sty->size, m.overflow ? tw : fmin(m.least, tw), hi, m.h, m.lines, m.overflow};
    g_array_append_val(a, n);
    *wide = n.wide;
    return n.h;
}

/* Measures every statement at scale k in panels w wide into rows and over (each statement's row
 * height; whether it needs more than statement-max-h). Returns the height the tallest panel needs
 * with its notes area at its minimum, or -1 when the notes cannot hold their post-its, or (when
 * strict) a statement needs more than its row may have or a panel is taller than the area. */
static double measure(rd *f, double k, double w, bool strict, double *rows, bool *over)
{
    double pt = statement_pt(f, k), tw = text_w(f, k, w, pt), notes = notes_need(f, k, w);
    if (notes < 0 || tw <= 0) return -1;
    pp_style sty = *st(f, "statement");
    sty.size = pt;
    double pad = mm(f, "statement-pad") * k, box = mm(f, "score-box") * k;
    double cap = mm(f, "statement-max-h") * k, tallest = 0, fixed = fixed_h(f, k);
    size_t at = 0;
    for (size_t i = 0; i < f->c->n_themes; i++) {
        double h = fixed + notes;
        for (size_t s = 0; s < f->c->themes[i].n_statements; s++, at++) {
            bool wide;
            double th = statement_h(f, at, f->c->themes[i].statements[s].text, &sty, tw, &wide);
            double need = fmax(th + SLACK_MM, box) + 2 * pad;
            over[at] = need > cap || wide;
            if (over[at] && strict) return -1;
            rows[at] = fmin(need, cap);
            h += rows[at];
        }
        if (strict && h > f->area.h) return -1; /* a search need not measure on */
        tallest = fmax(tallest, h);
    }
    return tallest;
}

/* --- Solving the composition ------------------------------------------------------------------ */

typedef struct comp {
    double k, w, h;
} comp;

/* The largest height from lo up to the area's at which w-wide panels still place. */
static double tallest_placing(rd *f, double w, double lo, rect *tmp)
{
    double hi = f->area.h;
    if (place_all(f, w, hi, tmp)) return hi;
    for (int i = 0; i < HEIGHT_STEPS; i++) {
        double mid = (lo + hi) / 2;
        if (place_all(f, w, mid, tmp))
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* The panels at scale k: of WIDTH_STEPS widths from panel-w-min to panel-w-max times panel-w · k,
 * those whose content fits and that place; with grow, the one that leaves the largest panels
 * (their height grown as far as they place), else the first. False when none places. */
static bool try_scale(rd *f, double k, bool strict, bool grow, comp *out, rect *tmp)
{
    size_t n = n_statements(f);
    double *rows = g_new(double, n ? n : 1);
    bool *over = g_new(bool, n ? n : 1);
    double lo = num(f, "panel-w-min"), hi = num(f, "panel-w-max"), best = -1;
    for (int j = 0; j < WIDTH_STEPS; j++) {
        double w = mm(f, "panel-w") * k * (hi - (hi - lo) * j / (WIDTH_STEPS - 1));
        double h = measure(f, k, w, strict, rows, over);
        if (h < 0 || !place_all(f, w, h, tmp)) continue;
        if (grow) h = tallest_placing(f, w, h, tmp);
        if (w * h > best) best = w * h, *out = (comp){k, w, h};
        if (!grow) break;
    }
    g_free(rows);
    g_free(over);
    return best > 0;
}

/* The largest scale from shrink-min to grow-max at which the panels fit (every statement in the
 * lines it needs when strict), and their size. False when not even the smallest fits. */
static bool solve_scale(rd *f, bool strict, comp *out, rect *tmp)
{
    double lo = pp_layout_num_in(f->l, "shrink-min", 0.05, 1);
    double hi = pp_layout_num_in(f->l, "grow-max", lo, 10);
    if (!try_scale(f, lo, strict, false, out, tmp)) return false;
    if (try_scale(f, hi, strict, false, out, tmp))
        lo = hi;
    else
        for (int i = 0; i < SCALE_STEPS; i++) {
            double mid = (lo + hi) / 2;
            if (try_scale(f, mid, strict, false, out, tmp))
                lo = mid;
            else
                hi = mid;
        }
    return try_scale(f, lo, strict, true, out, tmp);
}

/* The ring's rotation: from the theme count and the orientation only, so every paper size shows
 * the same arrangement. Four themes sit in the corners; six in landscape in two columns of three;
 * otherwise the first theme is at the top. */
static void rotation(rd *f)
{
    size_t n = f->c->n_themes;
    bool landscape = f->page_w >= f->page_h;
    f->start = -G_PI / 2 + ((n == 4 || (n == 6 && landscape)) ? G_PI / (double)n : 0);
}

/* --- The ring -------------------------------------------------------------------------------- */

/* Name i in its sector at style sty: on one arc, or on two when one is too long; NULL when it
 * fits neither way. */
static pp_textbox *ring_name(rd *f, size_t i, const pp_style *sty)
{
    const char *name = f->c->themes[i].name.text;
    double share = num(f, "ring-text-share"), sweep = 2 * G_PI / (double)f->c->n_themes * share;
    double r_mid = (f->r_in + f->r_out) / 2, depth = (f->r_out - f->r_in) * share;
    pp_textbox *tb = pp_textbox_line(f->ts, name, sty, 1e6);
    double lh = pp_textbox_height(tb);
    if (pp_textbox_width(tb) <= r_mid * sweep && lh <= depth) return tb;
    pp_textbox_free(tb);
    /* two arcs: the inner one, half a line nearer the centre, is the shorter */
    tb = pp_textbox_flow(f->ts, name, sty, (r_mid - lh / 2) * sweep);
    if (!pp_textbox_overflows(tb) && pp_textbox_lines(tb) <= 2 && pp_textbox_height(tb) <= depth)
        return tb;
    pp_textbox_free(tb);
    return NULL;
}

/* Whether every ring name fits at size pt. */
static bool ring_fits(rd *f, double pt)
{
    pp_style sty = *st(f, "ring-name");
    sty.size = pt;
    for (size_t i = 0; i < f->c->n_themes; i++) {
        pp_textbox *tb = ring_name(f, i, &sty);
        if (!tb) return false;
        pp_textbox_free(tb);
    }
    return true;
}

/* The ring's radii and the names' one size: the layout's radii, widened step by step up to
 * ring-outer-max until every name fits its sector at least at the style's minimum; then the
 * largest size (down from the style's) at which all fit. */
static void ring_solve(rd *f)
{
    const pp_style *sty = st(f, "ring-name");
    double thick = mm(f, "ring-outer") - mm(f, "ring-inner");
    double r0 = mm(f, "ring-outer"), r1 = fmax(r0, mm(f, "ring-outer-max"));
    for (int j = 0; j <= RING_STEPS; j++) {
        f->r_out = r0 + (r1 - r0) * j / RING_STEPS;
        f->r_in = f->r_out - thick;
        for (double pt = sty->size; pt >= sty->min - 1e-9; pt -= RING_PT_STEP)
            if (ring_fits(f, pt)) {
                f->ring_pt = pt;
                return;
            }
    }
    f->ring_pt = sty->min; /* reported name by name when drawn */
}

/* --- Drawing -------------------------------------------------------------------------------- */

static void fit(rd *f, const pp_text *t, const pp_style *sty, rect r, pp_valign v, const char *box)
{
    pp_scene_fit(f->s, f->ts, f->c, t, sty, r.x, r.y, r.w, r.h, v, box);
}

static void ring(rd *f)
{
    size_t n = f->c->n_themes;
    double sweep = 2 * G_PI / (double)n, gap = mm(f, "sector-gap");
    pp_op *ring = pp_scene_circle(f->s, f->cx, f->cy, f->r_out, pp_fill(col(f, "paper")));
    ring->role = "ring";
    for (size_t i = 0; i < n; i++) { /* all sectors first: no sector is drawn over a name */
        double a = theme_angle(f, i);
        pp_op *w = pp_scene_sector(f->s, f->cx, f->cy, f->r_in, f->r_out, a - sweep / 2,
                                   a + sweep / 2, pp_fill(pp_layout_palette(f->l, i)));
        w->paint.stroke = true;
        w->paint.stroke_rgb = col(f, "paper");
        w->paint.width = gap;
    }
    const pp_style *sty = pp_scene_style(f->s, st(f, "ring-name"), f->ring_pt);
    for (size_t i = 0; i < n; i++) {
        const pp_text *name = &f->c->themes[i].name;
        pp_textbox *tb = ring_name(f, i, sty);
        if (!tb) {
            pp_scene_problem(f->s, f->c, name,
                             "ring name \"%s\" (id %s) does not fit its sector on two arcs at the "
                             "minimum size %.1f pt",
                             name->text, name->id, f->ring_pt);
            tb = pp_textbox_line(f->ts, name->text, sty, 1e6);
        }
        pp_arc arc = {f->cx, f->cy, (f->r_in + f->r_out) / 2, theme_angle(f, i)};
        pp_scene_arc_text(f->s, tb, arc, f->c, name, "ring name");
    }
}

static void disc(rd *f)
{
    double r = f->r_in - mm(f, "sector-gap");
    pp_scene_circle(f->s, f->cx, f->cy, r, pp_fill(col(f, "disc-fill")))->role = "disc";
    double side = r * sqrt(2) * num(f, "disc-text-share"); /* the square inside the disc */
    double name_h = side * num(f, "disc-name-share");
    rect title = {f->cx - side / 2, f->cy - side / 2, side, side - name_h};
    rect name = {f->cx - side / 2, f->cy + side / 2 - name_h, side, name_h};
    fit(f, &f->c->praatplaat.title, st(f, "disc-title"), title, PP_VALIGN_BOTTOM, "disc title");
    fit(f, &f->c->praatplaat.name, st(f, "disc-name"), name, PP_VALIGN_TOP, "disc name");
}

/* A tapering band from the ring along the bisector to the panel, under the panel. */
static void connector(rd *f, size_t i, rect p)
{
    double a = theme_angle(f, i), w = mm(f, "connector-w") / 2;
    double px = p.x + p.w / 2, py = p.y + p.h / 2, r0 = f->r_out - mm(f, "sector-gap");
    double x0 = f->cx + r0 * cos(a), y0 = f->cy + r0 * sin(a);
    double nx = -sin(a) * w, ny = cos(a) * w;
    pp_op *op = pp_scene_polygon(
        f->s, (double[]){x0 + nx, y0 + ny, px, py, x0 - nx, y0 - ny}, 3,
        pp_fill(pp_rgb_tint(pp_layout_palette(f->l, i), num(f, "connector-tint"))));
    op->role = "connector";
}

static rect inset(rect r, double d)
{
    return (rect){r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d};
}

static void checkbox(rd *f, double x, double y, double size, const char *role)
{
    pp_op *b =
        pp_scene_rect(f->s, x, y, size, size, pp_stroke(col(f, "ink"), mk(f, "box-line")), role);
    b->paint.fill = true;
    b->paint.fill_rgb = col(f, "paper");
}

/* The three score labels above the score columns. */
static void score_heads(rd *f, double right, double y)
{
    double box = mk(f, "score-box"), gap = mk(f, "score-gap"),
           h = label_h(f, f->k, "score-head-h", "score-label");
    for (int k = 0; k < PP_SCORES; k++) {
        double x = right - scores_w(f, f->k) + k * (box + gap) - gap / 2;
        fit(f, &f->c->praatplaat.scores[k], sk(f, "score-label"), (rect){x, y, box + gap, h},
            PP_VALIGN_BOTTOM, "score label");
    }
}

static pp_paint pen(rd *f)
{
    return pp_stroke(col(f, "pen"), mm(f, "ink-line"));
}

/* One button of a radio group of a form (render --form), over the box (x, y, size). */
static void radio(rd *f, char *name, const char *on, double x, double y, double size,
                  const char *tip)
{
    pp_op *op = pp_scene_field(f->s, PP_FIELD_RADIO, name, on, NULL, x, y, size, size, tip);
    if (op) op->paint = pen(f);
}

/* A statement that needs more than its row even at the minimum size: the words that fit and an
 * ellipsis in the row, never over the next one; the whole is reported with its id. */
static void statement_over(rd *f, const pp_text *t, const pp_style *sty, rect r)
{
    const char *more = "\u2026";
    size_t len = pp_textbox_fit_prefix(f->ts, t->text, sty, sty->size, r.w, r.h, more);
    pp_textbox *all = pp_textbox_flow(f->ts, t->text, sty, r.w);
    gchar *ex = g_utf8_substring(t->text, 0, 40);
    pp_scene_problem(f->s, f->c, t,
                     "text \"%s…\" (id %s) does not fit %s box \"statement\": needs %.1f mm "
                     "of height, has %.1f mm at the minimum size %.1f pt; the sheet shows its "
                     "first %zu of %zu bytes",
                     ex, t->id, f->s->sheet ? f->s->sheet : "", pp_textbox_height(all), r.h,
                     sty->size, len, strlen(t->text));
    pp_textbox_free(all);
    g_free(ex);
    pp_text shown = *t;
    gchar *text = g_strdup_printf("%.*s%s%s", (int)len, t->text, len ? " " : "", more);
    shown.text = text;
    pp_textbox *tb = pp_textbox_fit(f->ts, text, sty, r.w, r.h);
    pp_scene_place(f->s, tb, r.x, r.y, r.h, PP_VALIGN_TOP, f->c, &shown, "statement");
    g_free(text);
}

/* Statement k of a theme in its row r (at index at of f->rows): its number, its text at the one
 * statement size, its score boxes and a rule under the row. */
static void statement(rd *f, size_t theme, size_t k, size_t at, rect r)
{
    const pp_text *stmt = &f->c->themes[theme].statements[k];
    double box = mk(f, "score-box"), gap = mk(f, "score-gap"), sw = scores_w(f, f->k);
    double pad = mk(f, "statement-pad"), nw = number_w(f, f->pt, f->k);
    rect tr = {r.x + nw, r.y + pad, r.w - nw - sw - gap, r.h - 2 * pad};
    const pp_style *sty = pp_scene_style(f->s, st(f, "statement"), f->pt);
    pp_textbox *tb = f->over[at] ? NULL : pp_textbox_fit(f->ts, stmt->text, sty, tr.w, tr.h);
    double top = tr.y + (tb ? fmax(0, (tr.h - pp_textbox_height(tb)) / 2) : 0);
    gchar *label = number_label(k); /* first, so the text layer reads "2. …" */
    pp_text number = {.text = label, .line = stmt->line, .file = stmt->file};
    pp_textbox *nb =
        pp_textbox_line(f->ts, label, pp_scene_style(f->s, st(f, "statement-number"), f->pt), nw);
    pp_scene_text(f->s, nb, r.x, top, f->c, &number, "statement number");
    g_free(label);
    if (tb)
        pp_scene_text(f->s, tb, tr.x, top, f->c, stmt, "statement");
    else
        statement_over(f, stmt, sty, tr);
    int score = f->ss ? f->ss->themes[theme].statements[k].score : -1;
    for (int j = 0; j < PP_SCORES; j++) {
        double x = r.x + r.w - sw + j * (box + gap), y = r.y + (r.h - box) / 2;
        checkbox(f, x, y, box, "score box");
        if (j == score) pp_ink_cross(f->s, x, y, box, -mm(f, "ink-overshoot"), pen(f));
        radio(f, pp_form_name("score", stmt->id, NULL), pp_form_scores[j], x, y, box, stmt->text);
    }
    pp_scene_line(f->s, r.x, r.y + r.h, r.x + r.w, r.y + r.h,
                  pp_stroke(col(f, "rule"), mk(f, "rule")));
}

/* --- A filled-in session -------------------------------------------------------------------- */

/* The notes of a theme and its statements' remarks ("2. …"), as one text (g_free); NULL when
 * there are none. *src is the first one's source. */
static char *notes_text(rd *f, size_t theme, pp_text *src)
{
    const pp_answer_theme *a = &f->ss->themes[theme];
    GString *out = g_string_new(a->notes.text);
    if (a->notes.text) *src = a->notes;
    for (size_t k = 0; k < f->c->themes[theme].n_statements; k++) {
        const pp_text *r = &a->statements[k].remark;
        if (!r->text) continue;
        if (!out->len) *src = *r;
        g_string_append_printf(out, "%s%zu. %s", out->len ? "\n" : "", k + 1, r->text);
    }
    return g_string_free(out, out->len == 0);
}

/* The side of n post-its in area a, and how many go side by side: their true size where it fits,
 * else the largest that does. */
static double postit_side(rd *f, size_t n, rect a, int *cols)
{
    double g = mm(f, "ink-postit-gap"), best = 0;
    *cols = 1;
    for (int c = 1; c <= (int)n; c++) {
        int rows = ((int)n + c - 1) / c;
        double side = fmin((a.w - (c - 1) * g) / c, (a.h - (rows - 1) * g) / rows);
        side = fmin(side, mm(f, "postit"));
        if (side > best + 1e-9) best = side, *cols = c;
    }
    return best;
}

/* The heading of a post-it's continuation: "AMBITIE · POST-IT · Joost" (g_free). */
static gchar *postit_where(rd *f, size_t theme, const pp_postit *p)
{
    return g_strjoin(" · ", f->c->themes[theme].name.text, f->c->record.postit.text, p->author.text,
                     NULL);
}

/* The height of a post-it's author line(s) in width w: its share of the post-it, or more when the
 * name needs it at its style's minimum (wrapped). An author is never continued elsewhere. */
static double author_h(rd *f, const pp_text *author, const pp_style *sty, double w, double share)
{
    if (!author->text) return 0;
    pp_textbox *tb = pp_textbox_fit(f->ts, author->text, sty, w, share);
    double h = share;
    if (pp_textbox_overflows(tb)) {
        pp_textbox *at_min =
            pp_textbox_flow(f->ts, author->text, pp_scene_style(f->s, sty, sty->min), w);
        h = fmax(share, pp_textbox_height(at_min));
        pp_textbox_free(at_min);
    }
    pp_textbox_free(tb);
    return h;
}

/* A post-it's text style: scaled with the post-it, never below the layout's minimum. */
static const pp_style *postit_style(rd *f, double side)
{
    const pp_style *sty = st(f, "ink-postit");
    return pp_scene_style(f->s, sty, fmin(sty->size, side * num(f, "postit-pt-per-mm")));
}

/* Registers post-it p to go on whole in the appendix, under its theme, author and colour; returns
 * its number. */
static int continue_postit(rd *f, size_t theme, const pp_postit *p)
{
    gchar *where = postit_where(f, theme, p);
    const pp_text *src = p->text.text ? &p->text : &p->author;
    int n = pp_scene_continue(f->s, where, p->text.text ? p->text.text : "", src);
    pp_continuation *cont = &f->s->conts[n - 1];
    cont->colour = p->colour;
    cont->picture = p->picture.file; /* it goes along, so nothing of the post-it is lost */
    cont->picture_w = p->picture.w, cont->picture_h = p->picture.h;
    g_free(where);
    return n;
}

/* "→ bijlage 12" or "→ bijlage 12–39" in the box (x, y, side) of a post-it's place. */
static void postit_ref(rd *f, const pp_text *src, int first, int last, double x, double y,
                       double side)
{
    gchar *range =
        first == last ? g_strdup_printf("%d", first) : g_strdup_printf("%d\u2013%d", first, last);
    pp_text ref = *src;
    ref.text = pp_ink_no_break(pp_record_fill(f->c->record.continued.text, "n", range));
    double pad = side * num(f, "postit-pad-share");
    pp_scene_fit(f->s, f->ts, f->c, &ref, postit_style(f, side), x + pad, y + pad, side - 2 * pad,
                 side - 2 * pad, PP_VALIGN_CENTER, "postit more");
    g_free((char *)ref.text);
    g_free(range);
}

/* A post-it's picture, as large as fits the square (x, y, side), centred. */
static void postit_picture(rd *f, const pp_picture *pic, double x, double y, double side)
{
    double w = side, h = side;
    if (pic->w >= pic->h)
        h = side * pic->h / pic->w;
    else
        w = side * pic->w / pic->h;
    pp_scene_image(f->s, pic->file, x + (side - w) / 2, y + (side - h) / 2, w, h);
}

static void postit(rd *f, size_t theme, const pp_postit *p, double x, double y, double side)
{
    char name[32];
    snprintf(name, sizeof name, "postit-%s", p->colour);
    pp_scene_rect(f->s, x, y, side, side, pp_fill(col(f, name)), "postit");
    double pad = side * num(f, "postit-pad-share"), in = side - 2 * pad;
    if (!p->text.text && !p->author.text) { /* only a picture (praatplaat scan): it, inside */
        postit_picture(f, &p->picture, x + pad, y + pad, in);
        return;
    }
    const pp_style *st_text = postit_style(f, side);
    const pp_style *st_author =
        pp_scene_style(f->s, st(f, "ink-author"),
                       fmin(st(f, "ink-author")->size, side * num(f, "postit-author-pt-per-mm")));
    double ah = author_h(f, &p->author, st_author, in, side * num(f, "postit-author-share"));
    if (in - ah <
        pp_textbox_line_height(
            st_text, st_text->min)) { /* an author too long for the post-it: all goes on */
        int n = continue_postit(f, theme, p);
        postit_ref(f, p->text.text ? &p->text : &p->author, n, n, x, y, side);
        return;
    }
    gchar *where = postit_where(f, theme, p);
    int n = pp_ink_fit(f->s, f->env, &p->text, st_text, x + pad, y + pad, in, in - ah,
                       PP_VALIGN_TOP, where);
    if (n) f->s->conts[n - 1].colour = p->colour;
    g_free(where);
    if (p->author.text)
        pp_scene_fit(f->s, f->ts, f->c, &p->author, st_author, x + pad, y + side - pad - ah, in, ah,
                     PP_VALIGN_BOTTOM, "postit author");
}

/* Post-its that have no room on the sheet (from, on): each goes on in the appendix, whole, under
 * its theme, author and colour; the last place shows where ("→ bijlage 12–39"). */
static void postits_elsewhere(rd *f, size_t theme, size_t from, double x, double y, double side)
{
    const pp_answer_theme *t = &f->ss->themes[theme];
    int first = (int)f->s->n_conts + 1;
    for (size_t k = from; k < t->n_postits; k++)
        continue_postit(f, theme, &t->postits[k]);
    pp_op *o = pp_scene_rect(f->s, x, y, side, side, pp_stroke(col(f, "pen"), mm(f, "rule")),
                             "postit more");
    o->paint.dash = mm(f, "guide-dash");
    const pp_postit *p = &t->postits[from];
    postit_ref(f, p->text.text ? &p->text : &p->author, first, (int)f->s->n_conts, x, y, side);
}

/* Where the post-its go in a notes area: a grid of cols at (x, y), each side mm; the notes get
 * the rest, text. */
typedef struct postit_plan {
    double x, y, side;
    int cols;
    rect text;
} postit_plan;

/* Two ways: a row at the right, the notes left of it (wide areas), or a grid at the bottom, the
 * notes above (tall ones). The one with the larger post-its wins; both leave the notes room. */
static postit_plan plan_postits(rd *f, size_t n, bool notes, rect a)
{
    double share = notes ? num(f, "postit-share") : 1, g = mm(f, "ink-postit-gap");
    double row_side = fmin(fmin(mm(f, "postit"), a.h), (a.w * share - (double)n * g) / (double)n);
    int cols = 1;
    rect bottom = {a.x, a.y + a.h * (1 - share), a.w, a.h * share};
    double grid_side = postit_side(f, n, bottom, &cols);
    if (row_side >= grid_side) {
        double w = (double)n * (row_side + g);
        return (postit_plan){a.x + a.w - w + g, a.y + a.h - row_side, row_side, (int)n,
                             (rect){a.x, a.y, a.w - w, a.h}};
    }
    int rows = ((int)n + cols - 1) / cols;
    double grid_h = rows * grid_side + (rows - 1) * g;
    return (postit_plan){a.x, a.y + a.h - grid_h, grid_side, cols,
                         (rect){a.x, a.y, a.w, a.h - grid_h - g}};
}

/* How many places for post-its the notes area a has: all n where each is at least postit-min
 * wide, else as many as are (the last one then refers to the rest, in the appendix); at least one
 * when n > 0. */
static size_t postit_slots(rd *f, size_t n, bool notes, rect a)
{
    size_t k = n;
    while (k > 1 && plan_postits(f, k, notes, a).side < mm(f, "postit-min"))
        k--;
    return k;
}

/* The session's notes, remarks and post-its in the notes area a; false when it has none. */
static bool answers(rd *f, size_t theme, rect a)
{
    const pp_answer_theme *t = &f->ss->themes[theme];
    pp_text src = {0};
    char *text = notes_text(f, theme, &src);
    if (!text && !t->n_postits) return false;
    postit_plan pl = {0, 0, 0, 1, a};
    size_t slots = postit_slots(f, t->n_postits, text != NULL, a);
    if (slots) pl = plan_postits(f, slots, text != NULL, a);
    size_t shown = slots < t->n_postits ? slots - 1 : slots;
    double g = mm(f, "ink-postit-gap");
    bool was = pp_ink_direction(f->env); /* authors and references too */
    for (size_t k = 0; k < slots; k++) {
        double x = pl.x + (double)(k % (size_t)pl.cols) * (pl.side + g),
               y = pl.y + (double)(k / (size_t)pl.cols) * (pl.side + g);
        if (k < shown)
            postit(f, theme, &t->postits[k], x, y, pl.side);
        else
            postits_elsewhere(f, theme, shown, x, y, pl.side);
    }
    pp_typeset_set_rtl(f->ts, was);
    if (text) {
        src.text = text;
        gchar *where = g_strdup_printf("%s · %s", f->c->themes[theme].name.text,
                                       f->c->praatplaat.explain.text);
        pp_ink_fit(f->s, f->env, &src, st(f, "ink"), pl.text.x, pl.text.y, pl.text.w, pl.text.h,
                   PP_VALIGN_TOP, where);
        g_free(where);
        g_free(text);
    }
    return true;
}

/* The form's fields of a notes area a: the notes and remarks above, the post-its below. */
static void notes_fields(rd *f, size_t theme, rect a)
{
    const pp_theme *t = &f->c->themes[theme];
    double share = num(f, "postit-share");
    const pp_text *postit = f->c->record.postit.text ? &f->c->record.postit : &t->name;
    gchar *tip = g_strdup_printf("%s · %s", t->name.text, f->c->praatplaat.explain.text);
    pp_scene_field(f->s, PP_FIELD_MULTILINE, pp_form_name("notes", t->id, NULL), NULL, st(f, "ink"),
                   a.x, a.y, a.w, a.h * (1 - share), tip);
    g_free(tip);
    tip = g_strdup_printf("%s · %s", t->name.text, postit->text);
    pp_scene_field(f->s, PP_FIELD_MULTILINE, pp_form_name("postits", t->id, NULL), NULL,
                   st(f, "ink"), a.x, a.y + a.h * (1 - share), a.w, a.h * share, tip);
    g_free(tip);
}

/* How many post-its of their true size the area a holds in a grid, and in how many columns. */
static int postit_grid(rd *f, rect a, int *cols, int *rows)
{
    double p = mm(f, "postit"), g = mm(f, "postit-gap");
    *cols = (int)floor((a.w + g) / (p + g) + 1e-9); /* exactly one post-it's room holds one */
    *rows = (int)floor((a.h + g) / (p + g) + 1e-9);
    if (*cols < 0) *cols = 0;
    if (*rows < 0) *rows = 0;
    return *cols * *rows;
}

/* Notes area: faint post-it guides where they fit (at least postits-min, in a grid, else as many
 * as side by side), else writing lines. */
static void notes(rd *f, size_t theme, rect r)
{
    double lh = label_h(f, f->k, "notes-label-h", "notes-label");
    fit(f, &f->c->praatplaat.explain, sk(f, "notes-label"), (rect){r.x, r.y, r.w, lh},
        PP_VALIGN_TOP, "notes label");
    rect a = {r.x, r.y + lh, r.w, r.h - lh};
    double p = mm(f, "postit"), g = mm(f, "postit-gap");
    int cols, rows, room = postit_grid(f, a, &cols, &rows);
    int want = (int)num(f, "postits-min");
    if (want > 0 && room < want) {
        pp_text t = f->c->themes[theme].name;
        pp_scene_problem(f->s, f->c, &t,
                         "the notes area of theme %s holds %d post-it(s) of %.0f mm; the layout "
                         "wants %d",
                         t.id, room, p, want);
    }
    if (f->s->form) notes_fields(f, theme, a);
    if (f->s->codes) /* where a scan cuts the notes out (docs/scanning.md): drawn as nothing */
        pp_scene_rect(f->s, a.x, a.y, a.w, a.h, (pp_paint){0}, "notes area");
    if (f->ss && answers(f, theme, a)) return;
    if (num(f, "postit-guides") > 0 && room > 0) {
        int shown = MIN(room, MAX(want, cols)); /* the wanted ones, or one row */
        int used_rows = (shown + cols - 1) / cols;
        cols = (shown + used_rows - 1) / used_rows; /* balanced: 2 × 2 rather than 3 + 1 */
        int used_cols = MIN(shown, cols);
        double x = a.x + (a.w - used_cols * p - (used_cols - 1) * g) / 2;
        double y = a.y + (a.h - used_rows * p - (used_rows - 1) * g) / 2;
        for (int k = 0; k < shown; k++) {
            pp_op *o = pp_scene_rect(f->s, x + (k % cols) * (p + g), y + (k / cols) * (p + g), p, p,
                                     pp_stroke(col(f, "guide"), mm(f, "rule")), "postit guide");
            o->paint.dash = mm(f, "guide-dash");
            o->radius = mm(f, "corner");
        }
        return;
    }
    double gap = pp_layout_mm_in(f->l, "line-gap", 1, 1000) * f->k; /* > 0: the loop ends */
    for (double y = a.y + gap; y < a.y + a.h - 1e-6; y += gap)
        pp_scene_line(f->s, a.x, y, a.x + a.w, y, pp_stroke(col(f, "guide"), mk(f, "rule")));
}

/* The width of the yes/no labels: the layout's at the panels' scale, or the wider word's. */
static double mark_label_w(rd *f)
{
    double w = mk(f, "mark-label-w");
    const pp_text *labels[2] = {&f->c->yes, &f->c->no};
    for (int k = 0; k < 2; k++) {
        pp_textbox *tb = pp_textbox_line(f->ts, labels[k]->text, sk(f, "mark"), 1e6);
        w = fmax(w, pp_textbox_width(tb) + SLACK_MM);
        pp_textbox_free(tb);
    }
    return w;
}

static void attention(rd *f, size_t theme, rect r)
{
    pp_mark mark = f->ss ? f->ss->themes[theme].attention : PP_MARK_NONE;
    double box = mk(f, "mark-box"), gap = mk(f, "mark-gap"), lw = mark_label_w(f);
    double lg = mk(f, "mark-label-gap"), pair = 2 * (box + lg + lw) + gap;
    fit(f, &f->c->praatplaat.attention, sk(f, "attention"), (rect){r.x, r.y, r.w - pair, r.h},
        PP_VALIGN_CENTER, "attention");
    const pp_text *labels[2] = {&f->c->yes, &f->c->no};
    double x = r.x + r.w - pair + gap;
    for (int k = 0; k < 2; k++) {
        checkbox(f, x, r.y + (r.h - box) / 2, box, "checkbox");
        gchar *tip = g_strdup_printf("%s · %s", f->c->themes[theme].name.text,
                                     f->c->praatplaat.attention.text);
        radio(f, pp_form_name("attention", f->c->themes[theme].id, NULL), pp_form_marks[k], x,
              r.y + (r.h - box) / 2, box, tip);
        g_free(tip);
        if (mark == (k == 0 ? PP_MARK_YES : PP_MARK_NO))
            pp_ink_cross(f->s, x, r.y + (r.h - box) / 2, box, -mm(f, "ink-overshoot"), pen(f));
        fit(f, labels[k], sk(f, "mark"), (rect){x + box + lg, r.y, lw, r.h}, PP_VALIGN_CENTER,
            "yes/no label");
        x += box + lg + lw;
    }
}

/* Panel i in p; its statements' rows start at index at of f->rows. The notes area takes the
 * height the rows leave. */
static void panel(rd *f, size_t i, rect p, size_t at)
{
    const pp_theme *t = &f->c->themes[i];
    pp_rgb c = pp_layout_palette(f->l, i);
    pp_op *bg = pp_scene_rect(f->s, p.x, p.y, p.w, p.h, pp_fill(col(f, "panel-fill")), "panel");
    bg->paint.stroke = true;
    bg->paint.stroke_rgb = c;
    bg->paint.width = mk(f, "panel-line");
    bg->radius = mk(f, "corner");
    double hh = label_h(f, f->k, "header-h", "panel-name"), pad = mk(f, "panel-pad");
    pp_scene_rect(f->s, p.x, p.y, p.w, hh, pp_fill(c), "panel header")->radius = mk(f, "corner");
    fit(f, &t->name, sk(f, "panel-name"), (rect){p.x + pad, p.y, p.w - 2 * pad, hh},
        PP_VALIGN_CENTER, "panel name");
    rect in = inset((rect){p.x, p.y + hh, p.w, p.h - hh}, pad);
    double sh = label_h(f, f->k, "score-head-h", "score-label"), sg = mk(f, "section-gap");
    double ah = label_h(f, f->k, "attention-h", "attention");
    score_heads(f, in.x + in.w, in.y);
    double y = in.y + sh;
    for (size_t s = 0; s < t->n_statements; s++) {
        statement(f, i, s, at + s, (rect){in.x, y, in.w, f->rows[at + s]});
        y += f->rows[at + s];
    }
    y += sg;
    notes(f, i, (rect){in.x, y, in.w, in.y + in.h - ah - y - sg});
    attention(f, i, (rect){in.x, in.y + in.h - ah, in.w, ah});
}

/* The ring's centre: in the middle across; down the page at ring-y-landscape or ring-y-portrait
 * of the area's height (portrait puts the ring higher, the panels in columns below and beside). */
static void ring_centre(rd *f)
{
    bool landscape = f->page_w >= f->page_h;
    f->cx = f->area.x + f->area.w / 2;
    f->cy = f->area.y + f->area.h * num(f, landscape ? "ring-y-landscape" : "ring-y-portrait");
}

/* Solves the panels' scale and size and places them into panels; when nothing fits, reports it
 * and places them at the smallest scale anyway. */
static bool solve(rd *f, comp *cp, rect *panels)
{
    bool ok = false; /* in order and every statement whole, else the best that places */
    for (int pass = 0; pass < 4 && !ok; pass++) {
        f->ordered = pass % 2 == 0;
        ok = solve_scale(f, pass < 2, cp, panels);
    }
    if (!ok) {
        double k = num(f, "shrink-min");
        *cp = (comp){k, mm(f, "panel-w") * k, 0};
    }
    return ok;
}

/* Measures the rows drawn at their very size into f->rows and f->over; false when that differs
 * from what the search saw through spans carried over from other sizes (which SPAN_SLACK should
 * prevent). Returns the tallest panel's need in *need. */
static bool measure_exactly(rd *f, const comp *cp, double *need)
{
    size_t ns = n_statements(f);
    double *rows = g_new0(double, ns ? ns : 1);
    bool *over = g_new0(bool, ns ? ns : 1);
    f->exact = false;
    double seen = measure(f, cp->k, cp->w, false, rows, over);
    f->exact = true;
    *need = measure(f, cp->k, cp->w, false, f->rows, f->over);
    bool same = seen == *need && memcmp(over, f->over, sizeof(bool) * ns) == 0;
    g_free(rows);
    g_free(over);
    return same;
}

static void compose(rd *f, rect *panels)
{
    size_t n = f->c->n_themes, ns = n_statements(f);
    comp cp;
    bool ok = solve(f, &cp, panels);
    f->rows = g_new0(double, ns ? ns : 1);
    f->over = g_new0(bool, ns ? ns : 1);
    double need;
    if (!measure_exactly(f, &cp, &need)) { /* search again, every size measured itself */
        ok = solve(f, &cp, panels);
        need = measure(f, cp.k, cp.w, false, f->rows, f->over);
    }
    f->k = cp.k;
    f->pt = statement_pt(f, f->k);
    if (ok && place_all(f, cp.w, cp.h, panels)) return;
    pp_scene_problem(f->s, f->c, &f->c->themes[0].name,
                     "the %zu theme panels do not fit around the ring at this paper size", n);
    double h = need > 0 ? need : f->area.h / 2;
    for (size_t i = 0; i < n; i++)
        panels[i] = panel_at(f, theme_angle(f, i), f->r_out, cp.w, h);
}

/* What check --verbose tells of the composition: the statement size, the ring names' size and
 * the share of the area inside the margins that panels and ring cover. */
static void figures(rd *f, const rect *panels)
{
    double m = mm(f, "margin"), inside = (f->page_w - 2 * m) * (f->page_h - 2 * m), used = 0;
    for (size_t i = 0; i < f->c->n_themes; i++)
        used += panels[i].w * panels[i].h;
    used += G_PI * f->r_out * f->r_out;
    pp_scene_figure(f->s, "statements %.1f pt, ring names %.1f pt, panel scale %.2f", f->pt,
                    f->ring_pt, f->k);
    pp_scene_figure(f->s, "panels and ring cover %.1f%% of the area inside the margins",
                    100 * used / inside);
}

/* The scan codes on this page, each grown by code-gap, for the panels to keep out of. */
static void keep_out_of_codes(rd *f)
{
    f->n_codes = f->s->codes ? pp_codes_count(f->l) : 0;
    double gap = f->n_codes ? mm(f, "code-gap") : 0;
    for (int k = 0; k < f->n_codes; k++) {
        double x, y, side;
        pp_codes_square(f->l, f->page_w, f->page_h, k, &x, &y, &side);
        f->codes[k] = (rect){x - gap, y - gap, side + 2 * gap, side + 2 * gap};
    }
}

void pp_radial_plan(pp_scene *s, const pp_sheet_env *env)
{
    pp_layout *l = env->layout;
    rd f = {.env = env, .ss = env->session, .s = s, .c = env->content, .ts = env->ts, .l = l};
    size_t ns = n_statements(&f);
    f.spans = g_new(GArray *, ns ? ns : 1);
    for (size_t i = 0; i < ns; i++)
        f.spans[i] = g_array_new(FALSE, FALSE, sizeof(span));
    f.page_w = pp_layout_page_w(l);
    f.page_h = pp_layout_page_h(l);
    double m = mm(&f, "margin"), foot = mm(&f, "colophon-h");
    /* the colophon keeps clear of the scan codes' bands (sheets/codes.h); the panels use the
     * whole page inside the margins and keep out of the codes' corners only */
    rect in = {m, m, f.page_w - 2 * m, f.page_h - 2 * m}, clear = in;
    pp_codes_keep_clear(s, l, f.page_w, f.page_h, &clear.x, &clear.y, &clear.w, &clear.h);
    f.area = (rect){in.x, in.y, in.w, clear.y + clear.h - foot - in.y};
    f.foot = (rect){clear.x, clear.y + clear.h - foot, clear.w, foot};
    keep_out_of_codes(&f);
    ring_centre(&f);
    rotation(&f);
    ring_solve(&f);
    pp_page *page = pp_scene_page(s, f.page_w, f.page_h);
    page->outline = env->content->praatplaat.name.text;
    pp_scene_rect(s, 0, 0, f.page_w, f.page_h, pp_fill(col(&f, "paper")), "paper");
    size_t n = env->content->n_themes;
    rect *panels = g_new0(rect, n);
    compose(&f, panels);
    for (size_t i = 0; i < n; i++)
        connector(&f, i, panels[i]);
    ring(&f);
    disc(&f);
    for (size_t i = 0, at = 0; i < n; at += env->content->themes[i].n_statements, i++)
        panel(&f, i, panels[i], at);
    fit(&f, &env->content->colophon.short_line, st(&f, "colophon"), f.foot, PP_VALIGN_BOTTOM,
        "colophon");
    pp_codes_draw(s, l);
    figures(&f, panels);
    g_free(panels);
    g_free(f.rows);
    g_free(f.over);
    for (size_t i = 0; i < ns; i++)
        g_array_free(f.spans[i], TRUE);
    g_free(f.spans);
}

/* Every name this sheet reads from layouts/praatplaat.xml. */
const pp_layout_key pp_radial_keys[] = {
    PP_STYLE("attention"),
    PP_STYLE("colophon"),
    PP_STYLE("disc-name"),
    PP_STYLE("disc-title"),
    PP_STYLE("ink"),
    PP_STYLE("ink-author"),
    PP_STYLE("ink-postit"),
    PP_STYLE("mark"),
    PP_STYLE("notes-label"),
    PP_STYLE("panel-name"),
    PP_STYLE("ring-name"),
    PP_STYLE("score-label"),
    PP_STYLE("statement"),
    PP_STYLE("statement-number"),
    PP_COLOUR("disc-fill"),
    PP_COLOUR("guide"),
    PP_COLOUR("ink"),
    PP_COLOUR("panel-fill"),
    PP_COLOUR("paper"),
    PP_COLOUR("pen"),
    PP_COLOUR("postit-blue"),
    PP_COLOUR("postit-green"),
    PP_COLOUR("postit-orange"),
    PP_COLOUR("postit-pink"),
    PP_COLOUR("postit-yellow"),
    PP_COLOUR("rule"),
    PP_LENGTH("attention-h"),
    PP_LENGTH("box-line"),
    PP_LENGTH("colophon-h"),
    PP_LENGTH("connector-w"),
    PP_LENGTH("corner"),
    PP_LENGTH("guide-dash"),
    PP_LENGTH("header-h"),
    PP_LENGTH("ink-line"),
    PP_LENGTH("ink-overshoot"),
    PP_LENGTH("ink-postit-gap"),
    PP_LENGTH_IN("line-gap", 1, 1000),
    PP_LENGTH("margin"),
    PP_LENGTH("mark-box"),
    PP_LENGTH("mark-gap"),
    PP_LENGTH("mark-label-gap"),
    PP_LENGTH("mark-label-w"),
    PP_LENGTH("notes-label-h"),
    PP_LENGTH("notes-min-h"),
    PP_LENGTH("number-gap"),
    PP_LENGTH("panel-gap"),
    PP_LENGTH("panel-line"),
    PP_LENGTH("panel-pad"),
    PP_LENGTH("panel-w"),
    PP_LENGTH("postit"),
    PP_LENGTH("postit-gap"),
    PP_LENGTH("postit-min"),
    PP_LENGTH("ring-gap"),
    PP_LENGTH("ring-inner"),
    PP_LENGTH("ring-outer"),
    PP_LENGTH("ring-outer-max"),
    PP_LENGTH("rule"),
    PP_LENGTH("score-box"),
    PP_LENGTH("score-gap"),
    PP_LENGTH("score-head-h"),
    PP_LENGTH("section-gap"),
    PP_LENGTH("sector-gap"),
    PP_LENGTH("statement-max-h"),
    PP_LENGTH("statement-pad"),
    PP_CODES_KEYS,
    PP_NUMBER("connector-tint"),
    PP_NUMBER("disc-name-share"),
    PP_NUMBER("disc-text-share"),
    PP_NUMBER_IN("grow-max", 0.05, 10),
    PP_NUMBER_IN("panel-w-max", 1, 3),
    PP_NUMBER_IN("panel-w-min", 0.2, 1),
    PP_NUMBER("postit-author-pt-per-mm"),
    PP_NUMBER("postit-author-share"),
    PP_NUMBER("postit-guides"),
    PP_NUMBER("postit-pad-share"),
    PP_NUMBER("postit-pt-per-mm"),
    PP_NUMBER("postit-share"),
    PP_NUMBER("postits-min"),
    PP_NUMBER_IN("ring-text-share", 0.1, 1),
    PP_NUMBER_IN("ring-y-landscape", 0.2, 0.8),
    PP_NUMBER_IN("ring-y-portrait", 0.2, 0.8),
    PP_NUMBER_IN("shrink-min", 0.05, 1),
    PP_NUMBER_IN("spread-rounds", 0, 100000),
    PP_THEMES_MIN,
    PP_THEMES_MAX,
};
const size_t pp_radial_n_keys = sizeof pp_radial_keys / sizeof pp_radial_keys[0];
