/* The netwerkkaart: the map of a school team's external partners (the content's <network>). The
 * central question as title, the brainstorm question under it; "school" in a disc at the centre;
 * around it the distance rings, nearest first, each wider than the one inside it by ring-growth;
 * one sector per kind of partner, tinted in the kind's palette colour, with the kind's name on an
 * arc in a band of that colour around the rings; the rings' labels on plates hung from each ring's
 * outer line, straight up from the centre; faint post-it guides where a whole post-it fits inside
 * one ring of one sector (postit-guides: A1 and A0); legends of the kinds, the rings and the pen
 * colour per role (the palette's colours after the kinds'). Every number: layouts/netwerkkaart.xml.
 */
#include "model/formfields.h"
#include "model/record.h"
#include "model/session_network.h"
#include "sheets/codes.h"
#include "sheets/ink.h"
#include "sheets/sheet.h"

#include <glib.h>
#include <math.h>

typedef struct box {
    double x, y, w, h;
} box;

/* A post-it guide: its centre, and the angle it is turned by (that of its centre from the map's).
 */
typedef struct pp_guide {
    double x, y, a;
} pp_guide;

typedef struct nk {
    pp_scene *s;
    const pp_content *c;
    const pp_network *nw;
    pp_typeset *ts;
    pp_layout *l;
    double cx, cy;
    double radii[PP_MAX_RINGS + 1]; /* ring boundaries: radii[0] the centre disc's edge */
    double r_band;                  /* the outer edge of the kinds' band */
    box plates[PP_MAX_RINGS];       /* the rings' labels */
    pp_guide *guides;               /* post-it guides placed so far */
    size_t n_guides;
    const pp_sheet_env *env;
} nk;

static double mm(nk *k, const char *name)
{
    return pp_layout_mm(k->l, name);
}

static double num(nk *k, const char *name)
{
    return pp_layout_num(k->l, name);
}

static pp_rgb col(nk *k, const char *name)
{
    return pp_layout_colour(k->l, name);
}

static const pp_style *st(nk *k, const char *name)
{
    return pp_layout_style(k->l, name);
}

static void fit(nk *k, const pp_text *t, const char *style, box b, pp_valign v, const char *role)
{
    pp_scene_fit(k->s, k->ts, k->c, t, st(k, style), b.x, b.y, b.w, b.h, v, role);
}

static double sweep(const nk *k)
{
    return 2 * G_PI / (double)k->nw->n_kinds;
}

/* The angle where sector i starts: the first starts straight up from the centre. */
static double sector_start(const nk *k, size_t i)
{
    return -G_PI / 2 + (double)i * sweep(k);
}

/* The pen colour of role i: the palette's colours after the kinds'. */
static pp_rgb pen(nk *k, size_t i)
{
    return pp_layout_palette(k->l, (k->nw->n_kinds + i) % pp_layout_palette_size(k->l));
}

/* Ring boundaries from the centre disc to the band, ring i (nearest first) g^i wide: on the blank
 * map ring-growth, so that the outer rings hold the group's 76 mm post-its; on a filled-in map
 * ring-growth-session, so that the nearest ring, where the key partners go, is not the smallest. */
static void ring_radii(nk *k, double r_centre, double r_rings, double g)
{
    size_t n = k->nw->n_rings;
    double total = 0, w = 1;
    for (size_t i = 0; i < n; i++, w *= g)
        total += w;
    k->radii[0] = r_centre;
    w = 1;
    for (size_t i = 0; i < n; i++, w *= g)
        k->radii[i + 1] = k->radii[i] + (r_rings - r_centre) * w / total;
}

static void sectors(nk *k)
{
    size_t n = k->nw->n_kinds;
    double a = sweep(k), r_rings = k->radii[k->nw->n_rings];
    double r_mid = (r_rings + k->r_band) / 2;
    for (size_t i = 0; i < n; i++) {
        double a0 = sector_start(k, i);
        pp_rgb c = pp_layout_palette(k->l, i);
        pp_paint tint = pp_fill(pp_rgb_tint(c, num(k, "sector-tint")));
        pp_paint band = pp_fill(c);
        tint.stroke = band.stroke = true;
        tint.stroke_rgb = band.stroke_rgb = col(k, "paper");
        tint.width = band.width = mm(k, "sector-gap");
        pp_scene_sector(k->s, k->cx, k->cy, k->radii[0], r_rings, a0, a0 + a, tint)->role =
            "sector";
        pp_scene_sector(k->s, k->cx, k->cy, r_rings, k->r_band, a0, a0 + a, band)->role =
            "kind band";
        double room = r_mid * a * num(k, "band-text-share");
        pp_textbox *tb = pp_textbox_line(k->ts, k->nw->kinds[i].text, st(k, "kind-name"), room);
        pp_arc arc = {k->cx, k->cy, r_mid, a0 + a / 2};
        pp_scene_arc_text(k->s, tb, arc, k->c, &k->nw->kinds[i], "kind name");
    }
}

static void rings(nk *k)
{
    for (size_t i = 1; i <= k->nw->n_rings; i++)
        pp_scene_circle(k->s, k->cx, k->cy, k->radii[i],
                        pp_stroke(col(k, "ring"), mm(k, "ring-line")))
            ->role = "ring";
    double r = k->radii[0];
    pp_scene_circle(k->s, k->cx, k->cy, r, pp_fill(col(k, "centre-fill")))->role = "centre";
    double side = r * sqrt(2) * num(k, "centre-text-share");
    box b = {k->cx - side / 2, k->cy - side / 2, side, side};
    fit(k, &k->nw->centre, "centre", b, PP_VALIGN_CENTER, "centre");
}

/* Each ring's label on a plate as wide as its text, hung from the ring's outer line straight up
 * from the centre, so that the ring's inner part, where post-its go first, stays free: on the
 * line on the blank map (half in the first sector, half in the last, each keeping room for its
 * guides); with a session beside it in the last sector (beside), so that the first sector's
 * nearest ring, the smallest cell, keeps all its room for partners. Only the plates' places here:
 * they are drawn later, over the link lines (draw_ring_labels). */
static void plan_ring_labels(nk *k, bool beside)
{
    double pad = mm(k, "plate-pad"), h = mm(k, "ring-label-h"), most = mm(k, "ring-label-w");
    for (size_t i = 0; i < k->nw->n_rings; i++) {
        pp_textbox *tb =
            pp_textbox_line(k->ts, k->nw->rings[i].text, st(k, "ring-label"), most - 2 * pad);
        double w = fmin(most, pp_textbox_width(tb) + 2 * pad);
        pp_textbox_free(tb);
        double r = k->radii[i + 1] - mm(k, "ring-label-inset");
        double reach = beside ? w + mm(k, "sector-gap") / 2 : w / 2; /* its corner on r */
        double top = fmax(fmin(sqrt(fmax(r * r - reach * reach, 0)), r), k->radii[i] + h);
        k->plates[i] = (box){k->cx + (beside ? -reach : -w / 2), k->cy - top, w, h};
    }
}

static void draw_ring_labels(nk *k)
{
    for (size_t i = 0; i < k->nw->n_rings; i++) {
        box b = k->plates[i];
        pp_op *o = pp_scene_rect(k->s, b.x, b.y, b.w, b.h, pp_fill(col(k, "paper")), "ring label");
        o->radius = mm(k, "plate-corner");
        o->paint.stroke = true;
        o->paint.stroke_rgb = col(k, "ring");
        o->paint.width = mm(k, "ring-line");
        double pad = mm(k, "plate-pad");
        box t = {b.x + pad, b.y, b.w - 2 * pad, b.h};
        fit(k, &k->nw->rings[i], "ring-label", t, PP_VALIGN_CENTER, "ring label text");
    }
}

/* Signed distance of (x, y) from the line through the centre at angle a: positive on the side
 * the sectors turn to. */
static double side_of(const nk *k, double a, double x, double y)
{
    return cos(a) * (y - k->cy) - sin(a) * (x - k->cx);
}

/* Distance from (x, y) to the box b; 0 inside. */
static double to_box(box b, double x, double y)
{
    return hypot(fmax(fmax(b.x - x, 0), x - (b.x + b.w)), fmax(fmax(b.y - y, 0), y - (b.y + b.h)));
}

/* The corners of the post-it g, side p, as x, y pairs. */
static void corners(pp_guide g, double p, double xy[8])
{
    static const double u[4] = {-1, 1, 1, -1}, v[4] = {-1, -1, 1, 1};
    for (int c = 0; c < 4; c++) {
        xy[2 * c] = g.x + (cos(g.a) * u[c] - sin(g.a) * v[c]) * p / 2;
        xy[2 * c + 1] = g.y + (sin(g.a) * u[c] + cos(g.a) * v[c]) * p / 2;
    }
}

/* True when the post-it g (turned to the centre) lies whole inside ring r of sector i, and its
 * circumscribed circle is clear of the plates and of the guides placed before it, by pad mm. */
static bool guide_fits(nk *k, pp_guide g, size_t i, size_t r, double pad)
{
    double p = mm(k, "postit"), xy[8], half = p * G_SQRT2 / 2;
    if (hypot(g.x - k->cx, g.y - k->cy) - p / 2 < k->radii[r] + pad) return false;
    double a0 = sector_start(k, i), a1 = a0 + sweep(k);
    corners(g, p, xy);
    for (int c = 0; c < 4; c++) {
        double x = xy[2 * c], y = xy[2 * c + 1];
        if (hypot(x - k->cx, y - k->cy) > k->radii[r + 1] - pad) return false;
        if (side_of(k, a0, x, y) < pad || -side_of(k, a1, x, y) < pad) return false;
    }
    for (size_t q = 0; q < k->nw->n_rings; q++)
        if (to_box(k->plates[q], g.x, g.y) < half + pad) return false;
    for (size_t q = 0; q < k->n_guides; q++)
        if (hypot(g.x - k->guides[q].x, g.y - k->guides[q].y) < 2 * half + mm(k, "postit-gap"))
            return false;
    return true;
}

static void draw_guide(nk *k, pp_guide g)
{
    double xy[8];
    corners(g, mm(k, "postit"), xy);
    pp_op *o = pp_scene_polygon(k->s, xy, 4, pp_stroke(col(k, "guide"), mm(k, "guide-line")));
    o->role = "postit guide";
    o->paint.dash = mm(k, "guide-dash");
}

/* Post-it guides in ring r of sector i, turned to the centre: as many as fit, row by row from the
 * inside, each row from the sector's start. */
static void guides_in(nk *k, size_t i, size_t r)
{
    double p = mm(k, "postit"), pad = mm(k, "postit-pad"), step = mm(k, "postit-step");
    double a0 = sector_start(k, i);
    for (double rm = k->radii[r] + p / 2; rm <= k->radii[r + 1] - p / 2; rm += step)
        for (double a = a0; a < a0 + sweep(k); a += step / rm) {
            pp_guide g = {k->cx + rm * cos(a), k->cy + rm * sin(a), a};
            if (!guide_fits(k, g, i, r, pad)) continue;
            k->guides[k->n_guides++] = g;
            draw_guide(k, g);
        }
}

static void postit_guides(nk *k)
{
    if (num(k, "postit-guides") <= 0) return;
    double p = mm(k, "postit"), r_out = k->radii[k->nw->n_rings];
    size_t cap = (size_t)(G_PI * r_out * r_out / (p * p)) + 1; /* more than the rings' area holds */
    k->guides = g_new0(pp_guide, cap);
    for (size_t i = 0; i < k->nw->n_kinds; i++)
        for (size_t r = 0; r < k->nw->n_rings; r++)
            guides_in(k, i, r);
    g_free(k->guides);
    k->guides = NULL;
}

typedef enum swatch { SWATCH_FILL, SWATCH_RING, SWATCH_PEN } swatch;

static void draw_swatch(nk *k, swatch kind, size_t i, size_t n, box b)
{
    double r = b.w / 2, cx = b.x + r, cy = b.y + b.h / 2;
    if (kind == SWATCH_FILL)
        pp_scene_rect(k->s, b.x, cy - r, b.w, b.w, pp_fill(pp_layout_palette(k->l, i)), "swatch");
    else if (kind == SWATCH_RING)
        pp_scene_circle(k->s, cx, cy, r * (double)(i + 1) / (double)n,
                        pp_stroke(col(k, "ring"), mm(k, "ring-line")));
    else
        pp_scene_circle(k->s, cx, cy, r, pp_stroke(pen(k, i), mm(k, "pen-line")));
}

/* One legend: its heading, then a swatch and a text per entry; returns its height. */
static double legend(nk *k, box b, const pp_text *head, const pp_text *t, size_t n, swatch kind)
{
    double hh = mm(k, "legend-head-h"), eh = mm(k, "legend-entry-h"), sw = mm(k, "swatch");
    fit(k, head, "legend-head", (box){b.x, b.y, b.w, hh}, PP_VALIGN_BOTTOM, "legend heading");
    double y = b.y + hh;
    for (size_t i = 0; i < n; i++, y += eh) {
        draw_swatch(k, kind, i, n, (box){b.x, y, sw, eh});
        double tx = b.x + sw + mm(k, "swatch-gap");
        fit(k, &t[i], "legend", (box){tx, y, b.x + b.w - tx, eh}, PP_VALIGN_CENTER, "legend");
    }
    return hh + (double)n * eh;
}

static double legend_h(nk *k, size_t n)
{
    return mm(k, "legend-head-h") + (double)n * mm(k, "legend-entry-h");
}

/* Moves r to the next legend: dx to the right in a wide box, dy down in a tall one. */
static void next_legend(box *r, bool wide, double dx, double dy)
{
    if (wide)
        r->x += dx;
    else
        r->y += dy;
}

/* The three legends: stacked in a tall box, side by side in a wide one. */
static void legends(nk *k, box b)
{
    const pp_network *nw = k->nw;
    bool wide = b.w > b.h;
    double gap = mm(k, "legend-gap"), w = wide ? (b.w - 2 * gap) / 3 : b.w;
    size_t most = MAX(nw->n_kinds, MAX(nw->n_rings, nw->n_roles));
    double need = wide ? legend_h(k, most)
                       : legend_h(k, nw->n_kinds) + legend_h(k, nw->n_rings) +
                             legend_h(k, nw->n_roles) + 2 * gap;
    if (need > b.h)
        pp_scene_problem(k->s, k->c, &nw->kinds_label,
                         "the legends need %.0f mm, the sheet has room for %.0f mm", need, b.h);
    box r = {b.x, b.y, w, b.h};
    double h = legend(k, r, &nw->kinds_label, nw->kinds, nw->n_kinds, SWATCH_FILL);
    next_legend(&r, wide, w + gap, h + gap);
    h = legend(k, r, &nw->rings_label, nw->rings, nw->n_rings, SWATCH_RING);
    next_legend(&r, wide, w + gap, h + gap);
    legend(k, r, &nw->roles_label, nw->roles, nw->n_roles, SWATCH_PEN);
}

/* The title and question at the top; returns the box left for the map and legends. */
static box header(nk *k, double w, double h)
{
    double m = mm(k, "margin"), th = mm(k, "title-h"), qh = mm(k, "question-h");
    box in = {m, m, w - 2 * m, h - 2 * m}; /* inside the margins, clear of the scan codes */
    pp_codes_keep_clear(k->s, k->l, w, h, &in.x, &in.y, &in.w, &in.h);
    fit(k, &k->nw->title, "title", (box){in.x, in.y, in.w, th}, PP_VALIGN_TOP, "title");
    fit(k, &k->nw->question, "question", (box){in.x, in.y + th, in.w, qh}, PP_VALIGN_TOP,
        "question");
    double top = in.y + th + qh + mm(k, "header-gap"), foot = mm(k, "colophon-h");
    double bottom = in.y + in.h;
    fit(k, &k->c->colophon.short_line, "colophon", (box){in.x, bottom - foot, in.w, foot},
        PP_VALIGN_BOTTOM, "colophon");
    return (box){in.x, top, in.w, bottom - foot - mm(k, "footer-gap") - top};
}

/* --- A filled-in session: the partners as post-its in their sector and ring --------------------
 */

/* Where a partner went: its post-it on the map, or on the continuation pages (placed false). The
 * last place of a full cell may show where the rest went (ref). */
typedef struct spot {
    box b;
    bool placed;
} spot;

/* True when the post-it b lies inside ring r of sector i by pad, clear of the rings' labels and
 * of the n post-its placed before it by gap. */
static bool square_fits(nk *k, box b, size_t i, size_t r, const box *placed, size_t n)
{
    double pad = mm(k, "partner-pad"), gap = mm(k, "partner-gap");
    double a0 = sector_start(k, i), a1 = a0 + sweep(k);
    if (to_box(b, k->cx, k->cy) < k->radii[r] + pad) return false;
    double xs[2] = {b.x, b.x + b.w}, ys[2] = {b.y, b.y + b.h};
    for (int c = 0; c < 4; c++) {
        double x = xs[c & 1], y = ys[c >> 1];
        if (hypot(x - k->cx, y - k->cy) > k->radii[r + 1] - pad) return false;
        if (side_of(k, a0, x, y) < pad || -side_of(k, a1, x, y) < pad) return false;
    }
    for (size_t q = 0; q < k->nw->n_rings; q++) {
        box p = k->plates[q];
        if (b.x < p.x + p.w + pad && p.x < b.x + b.w + pad && b.y < p.y + p.h + pad &&
            p.y < b.y + b.h + pad)
            return false;
    }
    for (size_t q = 0; q < n; q++) {
        box p = placed[q];
        if (b.x < p.x + p.w + gap && p.x < b.x + b.w + gap && b.y < p.y + p.h + gap &&
            p.y < b.y + b.h + gap)
            return false;
    }
    return true;
}

/* The j-th of the values centre, centre + step, centre - step, centre + 2 step, …: a search that
 * starts in the middle of a range and spreads out to both ends. */
static double spread(double centre, double step, int j)
{
    return centre + (j % 2 ? 1 : -1) * ((j + 1) / 2) * step;
}

/* Up to want places of side mm in ring r of sector i; returns how many were found. centred:
 * from the middle of the cell outwards (its middle radius, its middle angle), so that a few
 * partners sit in the cell's centre; else packed row by row from the ring's inner edge, each row
 * from the sector's start, which holds the most. */
static size_t find_places(nk *k, size_t i, size_t r, double side, size_t want, bool centred,
                          box *out)
{
    double step = mm(k, "partner-step"), a0 = sector_start(k, i), mid_a = a0 + sweep(k) / 2;
    double lo = k->radii[r] + side / 2, hi = k->radii[r + 1], mid_r = (lo + hi) / 2;
    size_t n = 0;
    for (int jr = 0; n < want && jr <= (int)((hi - lo) / step) + 1; jr++) {
        double rm = centred ? spread(mid_r, step, jr) : lo + jr * step;
        if (rm < lo || rm > hi) continue;
        int steps = (int)(sweep(k) * rm / step) + 1;
        for (int ja = 0; n < want && ja <= steps; ja++) {
            double a = centred ? spread(mid_a, step / rm, ja) : a0 + ja * step / rm;
            box b = {k->cx + rm * cos(a) - side / 2, k->cy + rm * sin(a) - side / 2, side, side};
            if (square_fits(k, b, i, r, out, n)) out[n++] = b;
        }
    }
    return n;
}

/* The places of the n partners of one cell (sector i, ring r): at the layout's size where all
 * fit, else smaller down to partner-min; there, as many as fit. Returns the number of places. */
static size_t plan_cell(nk *k, size_t i, size_t r, size_t n, box *out)
{
    double side = mm(k, "partner"), least = mm(k, "partner-min");
    for (;;) {
        size_t got = find_places(k, i, r, side, n, true, out);
        if (got < n) got = find_places(k, i, r, side, n, false, out);
        double next = side * num(k, "partner-shrink");
        if (got == n || next < least) return got;
        side = next;
    }
}

/* "KIND · RING · name" of partner p (g_free). */
static gchar *partner_where(nk *k, const pp_partner *p)
{
    return g_strjoin(" · ", k->nw->kinds[p->kind].text, k->nw->rings[p->ring].text, p->name.text,
                     NULL);
}

/* "→ bijlage 3" or "→ bijlage 3–5" (g_free). */
static gchar *reference(nk *k, int first, int last)
{
    gchar *range =
        first == last ? g_strdup_printf("%d", first) : g_strdup_printf("%d\u2013%d", first, last);
    gchar *ref = pp_ink_no_break(pp_record_fill(k->c->record.continued.text, "n", range));
    g_free(range);
    return ref;
}

/* The answers on the cards for partner p go on in the continuation pages, one per card, under the
 * partner, the phase and the card; returns the first number, 0 when there are none. */
static int continue_answers(nk *k, const pp_partner *p)
{
    int first = 0;
    gchar *where = partner_where(k, p);
    for (size_t i = 0; i < pp_network_n_cards(k->c); i++) {
        if (!p->answers[i].text) continue;
        const pp_phase *ph;
        const pp_card *card = pp_network_card(k->c, i, &ph);
        gchar *w =
            g_strjoin(" · ", where, k->c->record.talk.text, ph->label.text, card->name.text, NULL);
        int n = pp_scene_continue(k->s, w, p->answers[i].text, &p->answers[i]);
        first = first ? first : n;
        g_free(w);
    }
    g_free(where);
    return first;
}

/* A partner with no place on the map: its name, note and links go on whole in the continuation
 * pages, under its kind and ring, as a post-it. Returns its number. */
static int continue_partner(nk *k, const pp_network_session *ns, size_t pi)
{
    const pp_partner *p = &ns->partners[pi];
    GString *t = g_string_new(p->name.text);
    if (p->note.text) g_string_append_printf(t, "\n%s: %s", k->c->record.note.text, p->note.text);
    for (size_t i = 0; i < ns->n_links; i++) {
        const pp_link *l = &ns->links[i];
        if (l->a != pi && l->b != pi) continue;
        g_string_append_printf(t, "\n%s: %s", k->c->record.links.text,
                               ns->partners[l->a == pi ? l->b : l->a].name.text);
    }
    gchar *where = g_strjoin(" · ", k->nw->kinds[p->kind].text, k->nw->rings[p->ring].text, NULL);
    int n = pp_scene_continue(k->s, where, t->str, &p->name);
    k->s->conts[n - 1].colour = pp_postit_colours[0];
    g_free(where);
    g_string_free(t, TRUE);
    return n;
}

/* A style st scaled with a post-it of side mm, never above its own size nor below its minimum. */
static const pp_style *scaled(nk *k, const char *style, double side)
{
    const pp_style *sty = st(k, style);
    return pp_scene_style(k->s, sty, fmin(sty->size, side * num(k, "partner-pt-per-mm")));
}

/* The priority marks of p: a circle in its role's pen colour per role that marked it, with the
 * number of marks in it when more than one, in a row along the bottom of the post-it b. Returns
 * the height taken. */
static double marks(nk *k, const pp_partner *p, box b, double pad)
{
    size_t n = 0;
    for (size_t r = 0; r < k->nw->n_roles; r++)
        n += p->marks[r] > 0;
    if (!n) return 0;
    double gap = mm(k, "mark-gap"), in = b.w - 2 * pad;
    double d = fmin(mm(k, "mark"), (in - (double)(n - 1) * gap) / (double)n);
    double x = b.x + pad, y = b.y + b.h - pad - d;
    for (size_t r = 0; r < k->nw->n_roles; r++) {
        if (!p->marks[r]) continue;
        pp_scene_circle(k->s, x + d / 2, y + d / 2, d / 2 - mm(k, "mark-line") / 2,
                        pp_stroke(pen(k, r), mm(k, "mark-line")))
            ->role = "priority mark";
        if (p->marks[r] > 1) {
            pp_text count = k->nw->roles[r];
            count.text = g_strdup_printf("%u", p->marks[r]);
            double inset = d * (1 - G_SQRT2 / 2) / 2;
            pp_scene_fit(k->s, k->ts, k->c, &count, st(k, "mark-count"), x + inset, y + inset,
                         d - 2 * inset, d - 2 * inset, PP_VALIGN_CENTER, "priority count");
            g_free((char *)count.text);
        }
        x += d + gap;
    }
    return d + gap;
}

/* Partner p's post-it at b: its name at the top, its note under it, a reference to its answers on
 * the cards, and its priority marks along the bottom. Texts that do not fit continue elsewhere. */
static void partner_postit(nk *k, const pp_partner *p, box b)
{
    pp_op *o = pp_scene_rect(k->s, b.x, b.y, b.w, b.h, pp_fill(col(k, "partner-fill")), "partner");
    o->paint.stroke = true;
    o->paint.stroke_rgb = pp_layout_palette(k->l, p->kind);
    o->paint.width = mm(k, "partner-border");
    double pad = b.w * num(k, "partner-pad-share"), in = b.w - 2 * pad;
    double h = in - marks(k, p, b, pad);
    int talk = continue_answers(k, p);
    gchar *ref = talk ? reference(k, talk, (int)k->s->n_conts) : NULL;
    gchar *body = p->note.text && ref ? g_strjoin("\n", p->note.text, ref, NULL)
                                      : g_strdup(p->note.text ? p->note.text : ref);
    double name_h = body ? h * num(k, "partner-name-share") : h;
    gchar *where = partner_where(k, p);
    pp_ink_fit(k->s, k->env, &p->name, scaled(k, "ink-partner", b.w), b.x + pad, b.y + pad, in,
               name_h, PP_VALIGN_TOP, where);
    if (body) {
        pp_text t = p->note.text ? p->note : p->name;
        t.text = body;
        pp_ink_fit(k->s, k->env, &t, scaled(k, "ink-note", b.w), b.x + pad, b.y + pad + name_h, in,
                   h - name_h, PP_VALIGN_TOP, where);
    }
    g_free(where);
    g_free(body);
    g_free(ref);
}

/* In the last place of a full cell: "→ bijlage a–b", where its other partners went. */
static void elsewhere(nk *k, box b, int first, int last, const pp_text *src)
{
    pp_op *o = pp_scene_rect(k->s, b.x, b.y, b.w, b.h,
                             pp_stroke(col(k, "ring"), mm(k, "ring-line")), "partner more");
    o->paint.dash = mm(k, "guide-dash");
    pp_text t = *src; /* may break after the arrow in a small box */
    gchar *range =
        first == last ? g_strdup_printf("%d", first) : g_strdup_printf("%d\u2013%d", first, last);
    t.text = pp_record_fill(k->c->record.continued.text, "n", range);
    g_free(range);
    double pad = b.w * num(k, "partner-pad-share");
    pp_scene_fit(k->s, k->ts, k->c, &t, scaled(k, "ink-note", b.w), b.x + pad, b.y + pad,
                 b.w - 2 * pad, b.h - 2 * pad, PP_VALIGN_CENTER, "partner more");
    g_free((char *)t.text);
}

/* Places the partners of sector i, ring r: spots[p] for each partner p of the cell; the cell's
 * last place is a reference (more) when not all fit, its index in *more (else SIZE_MAX). */
static void place_cell(nk *k, const pp_network_session *ns, size_t i, size_t r, spot *spots,
                       size_t *more)
{
    size_t n = 0;
    for (size_t p = 0; p < ns->n_partners; p++)
        n += ns->partners[p].kind == i && ns->partners[p].ring == r;
    *more = SIZE_MAX;
    if (!n) return;
    box *places = g_new0(box, n);
    size_t got = plan_cell(k, i, r, n, places), shown = got < n && got ? got - 1 : got, q = 0;
    if (!got) /* no post-it fits this cell: a smaller box says where its partners went */
        got = find_places(k, i, r, mm(k, "partner-ref"), 1, true, places);
    for (size_t p = 0; p < ns->n_partners; p++) {
        if (ns->partners[p].kind != i || ns->partners[p].ring != r) continue;
        if (q < shown) spots[p] = (spot){places[q], true};
        if (q == shown && got > shown) *more = p, spots[p].b = places[q];
        q++;
    }
    g_free(places);
}

static void link_segment(nk *k, double x0, double y0, double x1, double y1)
{
    pp_scene_line(k->s, x0, y0, x1, y1, pp_stroke(col(k, "link"), mm(k, "link-line")))->role =
        "link";
}

/* The angle of (x, y) seen from the map's centre. */
static double angle_of(const nk *k, double x, double y)
{
    return atan2(y - k->cy, x - k->cx);
}

/* A link from (x0, y0) to (x1, y1): straight where that keeps clear of the centre disc by
 * link-clear, else around the disc the short way: along the tangent to a circle that clear, on
 * that circle (in chords of link-chord degrees at most), and along the other tangent. */
static void link(nk *k, double x0, double y0, double x1, double y1)
{
    double r = k->radii[0] + mm(k, "link-clear");
    double d0 = hypot(x0 - k->cx, y0 - k->cy), d1 = hypot(x1 - k->cx, y1 - k->cy);
    double a0 = angle_of(k, x0, y0), turn = remainder(angle_of(k, x1, y1) - a0, 2 * G_PI);
    double dir = turn < 0 ? -1 : 1;
    double t0 = a0 + dir * acos(fmin(r / d0, 1)); /* where the tangents touch the circle */
    double t1 = a0 + turn - dir * acos(fmin(r / d1, 1));
    double arc = dir * (t1 - t0);
    if (d0 <= r || d1 <= r || arc <= 0) { /* the straight line clears the disc */
        link_segment(k, x0, y0, x1, y1);
        return;
    }
    int n = (int)ceil(arc / (num(k, "link-chord") * G_PI / 180));
    double px = x0, py = y0;
    for (int i = 0; i <= n; i++) {
        double a = t0 + (t1 - t0) * i / n, x = k->cx + r * cos(a), y = k->cy + r * sin(a);
        link_segment(k, px, py, x, y);
        px = x, py = y;
    }
    link_segment(k, px, py, x1, y1);
}

/* The links between partners on the map, centre to centre, under the ring labels and the
 * post-its. */
static void draw_links(nk *k, const pp_network_session *ns, const spot *spots)
{
    for (size_t i = 0; i < ns->n_links; i++) {
        const spot *a = &spots[ns->links[i].a], *b = &spots[ns->links[i].b];
        if (!a->placed || !b->placed) continue; /* the partner's continuation names the link */
        link(k, a->b.x + a->b.w / 2, a->b.y + a->b.h / 2, b->b.x + b->b.w / 2, b->b.y + b->b.h / 2);
    }
}

/* The map has no fields for who and when: the team, the date and the participants open the
 * continuation pages. */
static void session_head(nk *k)
{
    const pp_session *ss = k->env->session;
    const pp_record *rec = &k->c->record;
    GString *t = g_string_new(NULL);
    const pp_text *src = NULL;
    if (ss->partnership.text) {
        g_string_append_printf(t, "%s: %s", rec->team.text, ss->partnership.text);
        src = &ss->partnership;
    }
    if (ss->date.text) {
        gchar *d = pp_record_date(rec, ss->date.text);
        g_string_append_printf(t, "%s%s: %s", t->len ? "\n" : "", rec->date.text, d);
        src = src ? src : &ss->date;
        g_free(d);
    }
    if (ss->n_participants) {
        gchar *p = pp_record_participants(ss);
        g_string_append_printf(t, "%s%s: %s", t->len ? "\n" : "", rec->participants.text, p);
        src = src ? src : &ss->participants[0].name;
        g_free(p);
    }
    if (src) pp_scene_continue(k->s, k->nw->title.text, t->str, src);
    g_string_free(t, TRUE);
}

static void session(nk *k, const pp_network_session *ns)
{
    session_head(k);
    spot *spots = g_new0(spot, ns->n_partners + 1);
    size_t *more = g_new0(size_t, k->nw->n_kinds * k->nw->n_rings);
    for (size_t i = 0; i < k->nw->n_kinds; i++)
        for (size_t r = 0; r < k->nw->n_rings; r++)
            place_cell(k, ns, i, r, spots, &more[i * k->nw->n_rings + r]);
    draw_links(k, ns, spots);
    draw_ring_labels(k);
    bool was = pp_ink_direction(k->env);
    for (size_t p = 0; p < ns->n_partners; p++)
        if (spots[p].placed) partner_postit(k, &ns->partners[p], spots[p].b);
    for (size_t c = 0; c < k->nw->n_kinds * k->nw->n_rings; c++) {
        int first = 0, last = 0;
        for (size_t p = 0; p < ns->n_partners; p++) {
            const pp_partner *pp = &ns->partners[p];
            if (spots[p].placed || pp->kind * k->nw->n_rings + pp->ring != c) continue;
            last = continue_partner(k, ns, p);
            first = first ? first : last;
            continue_answers(k, pp);
        }
        if (more[c] != SIZE_MAX)
            elsewhere(k, spots[more[c]].b, first, last, &ns->partners[more[c]].name);
    }
    pp_typeset_set_rtl(k->ts, was);
    if (ns->notes.text) { /* the map has no place for them: they follow it */
        gchar *where = g_strjoin(" \u00b7 ", k->nw->title.text, k->c->record.note.text, NULL);
        pp_scene_continue(k->s, where, ns->notes.text, &ns->notes);
        g_free(where);
    }
    g_free(more);
    g_free(spots);
}

/* --- A form (render --form): fields where the group's answers go ---------------------------- */

/* The tallest box w wide centred at (x, y) that fits ring r of sector i, to within step; 0 when
 * not even one step tall fits. */
static double tallest(nk *k, size_t i, size_t r, double x, double y, double w, double step)
{
    double lo = 0, hi = 2 * k->radii[r + 1];
    for (double h = step; hi - lo > step / 4; h = (lo + hi) / 2) {
        if (square_fits(k, (box){x - w / 2, y - h / 2, w, h}, i, r, NULL, 0))
            lo = h;
        else
            hi = h;
        if (lo == 0 && hi == step) return 0;
    }
    return lo;
}

/* The largest box in ring r of sector i centred on the sector's middle ray: for each centre on
 * the ray and each width, in steps of form-cell-step, the tallest that fits. */
static box cell_box(nk *k, size_t i, size_t r)
{
    double step = mm(k, "form-cell-step"), a = sector_start(k, i) + sweep(k) / 2;
    box best = {0};
    for (double rm = k->radii[r] + step; rm < k->radii[r + 1]; rm += step) {
        double x = k->cx + rm * cos(a), y = k->cy + rm * sin(a);
        for (double w = step;; w += step) {
            double h = tallest(k, i, r, x, y, w, step);
            if (h <= 0) break;
            if (w * h > best.w * best.h) best = (box){x - w / 2, y - h / 2, w, h};
        }
    }
    return best;
}

/* Part j of the n parts of b along its longer side, part q share[q] of it, gap between parts. */
static box part(box b, const double *share, size_t n, size_t j, double gap)
{
    bool tall = b.h > b.w;
    double len = (tall ? b.h : b.w) - (double)(n - 1) * gap, at = 0;
    for (size_t q = 0; q < j; q++)
        at += share[q] * len + gap;
    double l = share[j] * len;
    return tall ? (box){b.x, b.y + at, b.w, l} : (box){b.x + at, b.y, l, b.h};
}

static void field(nk *k, pp_field_kind kind, char *name, box b, const char *tip)
{
    pp_scene_field(k->s, kind, name, NULL, st(k, "ink-field"), b.x, b.y, b.w, b.h, tip);
}

/* The largest box in the corner (right: its right side, down: its bottom) of the map box that the
 * map's circle leaves free by form-gap, no wider or taller than half the map box: for each width,
 * in steps of form-cell-step, as tall as the circle allows. */
static box corner_box(nk *k, box map, bool right, bool down)
{
    double g = mm(k, "form-gap"), step = mm(k, "form-cell-step"), rg = k->r_band + g;
    double dx0 = map.w / 2, dy0 = map.h / 2; /* from the corner to the centre */
    box best = {0};
    for (double w = step; w <= dx0 - g / 2; w += step) {
        double dx = dx0 - w, dy = dx >= rg ? 0 : sqrt(rg * rg - dx * dx);
        double h = fmin(dy0 - dy, dy0 - g / 2);
        if (h > 0 && w * h > best.w * best.h) best = (box){0, 0, w, h};
    }
    best.x = right ? map.x + map.w - best.w : map.x;
    best.y = down ? map.y + map.h - best.h : map.y;
    return best;
}

/* The fields of the session's header, the links and the notes, in the corners of the map box
 * that the map's circle leaves free: team and date top left, participants bottom left, links top
 * right, notes bottom right. */
static void corner_fields(nk *k, box map)
{
    const pp_record *rec = &k->c->record;
    box tl = corner_box(k, map, false, false), bl = corner_box(k, map, false, true);
    box tr = corner_box(k, map, true, false), br = corner_box(k, map, true, true);
    double least = mm(k, "form-corner-min");
    if (fmin(tl.w, tl.h) < least)
        pp_scene_problem(k->s, k->c, &k->nw->title,
                         "the form's fields beside the map need %.0f mm, the sheet has %.0f mm",
                         least, fmin(tl.w, tl.h));
    double ds = num(k, "form-date-share"), head[2] = {1 - ds, ds}, gap = mm(k, "form-gap");
    field(k, PP_FIELD_MULTILINE, pp_form_name("header", pp_form_header_ids[1], NULL),
          part(tl, head, 2, 0, gap), rec->team.text);
    field(k, PP_FIELD_TEXT, pp_form_name("header", pp_form_header_ids[2], NULL),
          part(tl, head, 2, 1, gap), rec->date.text);
    field(k, PP_FIELD_MULTILINE, pp_form_name("header", pp_form_header_ids[0], NULL), bl,
          rec->participants.text);
    field(k, PP_FIELD_MULTILINE, g_strdup(PP_FORM_LINKS), tr, rec->links.text);
    field(k, PP_FIELD_MULTILINE, g_strdup(PP_FORM_MAP_NOTES), br, rec->note.text);
}

/* A field per cell of the map (kind × ring) for its partners, and the strips' fields. */
static void form_fields(nk *k, box map)
{
    for (size_t i = 0; i < k->nw->n_kinds; i++)
        for (size_t r = 0; r < k->nw->n_rings; r++) {
            box b = cell_box(k, i, r);
            gchar *tip = g_strjoin(" \u00b7 ", k->nw->kinds[i].text, k->nw->rings[r].text, NULL);
            if (b.w <= 0)
                pp_scene_problem(k->s, k->c, &k->nw->rings[r], "no field fits the cell %s", tip);
            else
                field(k, PP_FIELD_MULTILINE,
                      pp_form_name(PP_FORM_PARTNERS, k->nw->kinds[i].id, k->nw->rings[r].id), b,
                      tip);
            g_free(tip);
        }
    corner_fields(k, map);
}

void pp_netwerkkaart_plan(pp_scene *s, const pp_sheet_env *env)
{
    pp_layout *l = env->layout;
    nk k = {
        .s = s, .c = env->content, .nw = &env->content->network, .ts = env->ts, .l = l, .env = env};
    double w = pp_layout_page_w(l), h = pp_layout_page_h(l);
    pp_page *page = pp_scene_page(s, w, h);
    page->outline = k.nw->title.text;
    pp_scene_rect(s, 0, 0, w, h, pp_fill(col(&k, "paper")), "paper");
    box body = header(&k, w, h), map = body, leg = body;
    double gap = mm(&k, "legend-gap");
    if (w > h) { /* the legends beside the map, else under it */
        leg.w = mm(&k, "legend-w");
        map.w -= leg.w + gap;
        leg.x = map.x + map.w + gap;
    } else {
        leg.h = mm(&k, "legend-h");
        map.h -= leg.h + gap;
        leg.y = map.y + map.h + gap;
    }
    k.r_band = fmin(map.w, map.h) / 2;
    k.cx = map.x + map.w / 2;
    k.cy = map.y + map.h / 2;
    const pp_session *ss = env->session;
    const pp_network_session *ns = ss ? ss->network : NULL;
    bool filled = ns && (ns->n_partners || ns->notes.text || ss->partnership.text ||
                         ss->date.text || ss->n_participants);
    ring_radii(&k, mm(&k, "centre-r"), k.r_band - mm(&k, "band"),
               num(&k, filled ? "ring-growth-session" : "ring-growth"));
    sectors(&k);
    rings(&k);
    plan_ring_labels(&k, filled);
    if (filled)
        session(&k, ns); /* the group's post-its, not the guides for them */
    else {
        draw_ring_labels(&k);
        postit_guides(&k);
    }
    legends(&k, leg);
    if (s->form) form_fields(&k, map);
    pp_codes_draw(s, l);
}

const pp_layout_key pp_netwerkkaart_keys[] = {
    PP_CODES_KEYS,
    PP_STYLE("centre"),
    PP_STYLE("colophon"),
    PP_STYLE("kind-name"),
    PP_STYLE("legend"),
    PP_STYLE("legend-head"),
    PP_STYLE("question"),
    PP_STYLE("ring-label"),
    PP_STYLE("title"),
    PP_STYLE("ink-partner"),
    PP_STYLE("ink-note"),
    PP_STYLE("mark-count"),
    PP_STYLE("ink-field"),
    PP_LENGTH("form-gap"),
    PP_LENGTH("form-corner-min"),
    PP_LENGTH_IN("form-cell-step", 0.1, 100),
    PP_NUMBER_IN("form-date-share", 0.05, 0.5),
    PP_COLOUR("partner-fill"),
    PP_COLOUR("link"),
    PP_LENGTH("partner"),
    PP_LENGTH("partner-min"),
    PP_LENGTH("partner-pad"),
    PP_LENGTH("partner-ref"),
    PP_LENGTH("partner-gap"),
    PP_LENGTH_IN("partner-step", 0.1, 100),
    PP_LENGTH("partner-border"),
    PP_LENGTH("link-line"),
    PP_LENGTH("link-clear"),
    PP_NUMBER_IN("link-chord", 1, 45),
    PP_LENGTH("ring-label-inset"),
    PP_LENGTH("mark"),
    PP_LENGTH("mark-gap"),
    PP_LENGTH("mark-line"),
    PP_NUMBER_IN("partner-shrink", 0.5, 0.99),
    PP_NUMBER("partner-pad-share"),
    PP_NUMBER("partner-name-share"),
    PP_NUMBER("partner-pt-per-mm"),
    PP_COLOUR("centre-fill"),
    PP_COLOUR("guide"),
    PP_COLOUR("paper"),
    PP_COLOUR("ring"),
    PP_LENGTH("band"),
    PP_LENGTH("centre-r"),
    PP_LENGTH("colophon-h"),
    PP_LENGTH("footer-gap"),
    PP_LENGTH("guide-dash"),
    PP_LENGTH("guide-line"),
    PP_LENGTH("header-gap"),
    PP_LENGTH("legend-entry-h"),
    PP_LENGTH("legend-gap"),
    PP_LENGTH("legend-h"),
    PP_LENGTH("legend-head-h"),
    PP_LENGTH("legend-w"),
    PP_LENGTH("margin"),
    PP_LENGTH("pen-line"),
    PP_LENGTH("plate-corner"),
    PP_LENGTH("plate-pad"),
    PP_LENGTH("postit"),
    PP_LENGTH("postit-gap"),
    PP_LENGTH("postit-pad"),
    PP_LENGTH_IN("postit-step", 0.1, 100),
    PP_LENGTH("question-h"),
    PP_LENGTH("ring-label-h"),
    PP_LENGTH("ring-label-w"),
    PP_LENGTH("ring-line"),
    PP_LENGTH("sector-gap"),
    PP_LENGTH("swatch"),
    PP_LENGTH("swatch-gap"),
    PP_LENGTH("title-h"),
    PP_NUMBER("band-text-share"),
    PP_NUMBER("centre-text-share"),
    PP_NUMBER("postit-guides"),
    PP_NUMBER_IN("ring-growth", 0.5, 3),
    PP_NUMBER_IN("ring-growth-session", 0.5, 3),
    PP_NUMBER("sector-tint"),
    PP_KINDS_MIN,
    PP_KINDS_MAX,
};
const size_t pp_netwerkkaart_n_keys = sizeof pp_netwerkkaart_keys / sizeof pp_netwerkkaart_keys[0];
