/* The kaartjes: six cards or more per A4 page. The netwerkkaart's geometry for 3 to 8 kinds of
 * partner, at A3, A1 and A0, in both orientations: one sector per kind; ring labels on plates that
 * do not overlap and stay inside the rings; every post-it guide whole inside one ring of one
 * sector, clear of the centre, the plates and the other guides; at A1 and A0 at least one guide per
 * sector; the kinds' names fit their arcs; the titles and legends stay off the map. The shipped
 * content at every size has no text problem. A session's partners (the sample session, and a
 * crowded one) as post-its: each whole inside the ring and sector of its own kind and ring, clear
 * of the rings' labels and of each other; what has no place goes on in the continuation pages, so
 * every partner is on the map or there. */
#include <math.h>

#include "model/session_network.h"
#include "model/session_write.h"
#include "sheet_helpers.h"

/* A network instrument with n kinds of partner. */
static char *network_instrument(int n)
{
    GString *x = g_string_new("<instrument format=\"1\" id=\"t\" xml:lang=\"nl\"><meta>"
                              "<title id=\"title\">Reflectietool</title>"
                              "<publisher id=\"publisher\">Uitgever</publisher></meta><network>"
                              "<title id=\"n.title\">Hoe dragen de externe partners van ons "
                              "schoolteam bij aan collectief leren?</title>"
                              "<question id=\"n.q\">Wie zijn de externe partners?</question>"
                              "<centre id=\"n.c\">school</centre><rings>"
                              "<label id=\"r.l\">afstand</label>"
                              "<ring id=\"r.1\">dichtbij / frequent</ring>"
                              "<ring id=\"r.2\">eerder veraf</ring>"
                              "<ring id=\"r.3\">veraf / sporadisch / afwezig</ring></rings>"
                              "<kinds><label id=\"k.l\">soort partner</label>");
    for (int i = 0; i < n; i++)
        g_string_append_printf(x, "<kind id=\"k.%d\">professionalisering van het team</kind>", i);
    g_string_append(x, "</kinds><roles><label id=\"o.l\">prioritaire partners</label>"
                       "<role id=\"o.1\">leraren</role><role id=\"o.2\">directie</role>"
                       "<role id=\"o.3\">beleidsondersteuner</role>"
                       "<role id=\"o.4\">zorg- of leerlingencoördinator</role></roles></network>"
                       "<cards><phase id=\"f\"><label id=\"f.l\">Fase 1</label>"
                       "<name id=\"f.n\">Wie en waartoe</name><card id=\"c\">"
                       "<name id=\"c.n\">Actoreninventaris</name>"
                       "<question id=\"c.1\">Wie is deze externe partner?</question>"
                       "</card></phase></cards><guide><section id=\"s\">"
                       "<heading id=\"s.h\">Doelen</heading><p id=\"s.p\">Tekst.</p></section>"
                       "</guide><colophon><heading id=\"co.h\">Meer weten?</heading>"
                       "<p id=\"co.p\">Arteveldehogeschool</p>"
                       "<short id=\"co.s\">Reflectietool</short></colophon></instrument>");
    return g_string_free(x, FALSE);
}

static pp_scene *plan_at(pp_typeset *ts, const char *path, const char *paper, int orientation,
                         pp_content **out)
{
    char *schema = src_path("schemas/content.rng"), *layouts = src_path("layouts");
    pp_error err = {0};
    pp_content *c = pp_content_load(path, schema, &err);
    if (!c) fail_msg("%s", err.msg);
    pp_scene *s = pp_scene_new();
    pp_doc_request r = {pp_sheet_find("netwerkkaart"), pp_paper_find(paper), orientation};
    if (pp_doc_plan_one(s, r.kind, &r, layouts, c, NULL, ts, &err) != PP_OK)
        fail_msg("%s", err.msg);
    g_free(schema);
    g_free(layouts);
    *out = c;
    return s;
}

/* The map as drawn: its centre, the centre disc, the ring radii and the outer edge of the band. */
typedef struct map {
    double cx, cy, r_centre, r_rings, r_band, sweep;
    double radii[PP_MAX_RINGS + 1];
    int n_radii;
    const pp_op *plates[PP_MAX_RINGS];
    int n_plates;
} map;

static map read_map(const pp_page *pg, int n)
{
    map m = {0};
    int sectors = 0;
    for (size_t i = 0; i < pg->n; i++) {
        const pp_op *o = &pg->ops[i];
        if (role_is(o, "sector")) {
            m.cx = o->x, m.cy = o->y, m.r_centre = o->w, m.r_rings = o->h;
            m.sweep = o->a1 - o->a0;
            sectors++;
        }
        if (role_is(o, "kind band")) m.r_band = o->h;
        if (role_is(o, "ring")) m.radii[++m.n_radii] = o->w;
        if (role_is(o, "ring label") && o->kind == PP_OP_RECT) m.plates[m.n_plates++] = o;
    }
    assert_int_equal(sectors, n);
    m.radii[0] = m.r_centre;
    assert_true(m.n_radii >= 1 && fabs(m.radii[m.n_radii] - m.r_rings) < 1e-6);
    return m;
}

static double to_rect(const pp_op *r, double px, double py)
{
    double dx = fmax(fmax(r->x - px, 0), px - (r->x + r->w));
    double dy = fmax(fmax(r->y - py, 0), py - (r->y + r->h));
    return hypot(dx, dy);
}

/* The ring (0 nearest) and sector of a point; -1 outside the rings. */
static int ring_of(const map *m, double r)
{
    for (int i = 0; i < m->n_radii; i++)
        if (r >= m->radii[i] && r <= m->radii[i + 1]) return i;
    return -1;
}

static int sector_of(const map *m, double x, double y)
{
    double a = atan2(y - m->cy, x - m->cx) + G_PI / 2; /* sectors start straight up */
    while (a < 0)
        a += 2 * G_PI;
    return (int)floor(a / m->sweep);
}

/* A guide: whole inside the ring and sector of its centre. */
static void check_guide(const map *m, const pp_op *g, const char *what)
{
    assert_int_equal(g->n_pts, 4);
    double gx = 0, gy = 0;
    for (int c = 0; c < 4; c++)
        gx += g->pts[2 * c] / 4, gy += g->pts[2 * c + 1] / 4;
    int ring = ring_of(m, hypot(gx - m->cx, gy - m->cy)), sector = sector_of(m, gx, gy);
    if (ring < 0) fail_msg("%s: a post-it guide's centre lies outside the rings", what);
    for (int c = 0; c < 4; c++) {
        double x = g->pts[2 * c], y = g->pts[2 * c + 1], r = hypot(x - m->cx, y - m->cy);
        if (r < m->radii[ring] || r > m->radii[ring + 1] || sector_of(m, x, y) != sector)
            fail_msg("%s: a post-it guide crosses a ring or a sector's edge", what);
    }
    /* the edges' midpoints too: the inner edge may dip into the ring inside */
    for (int c = 0; c < 4; c++) {
        double x = (g->pts[2 * c] + g->pts[(2 * c + 2) % 8]) / 2;
        double y = (g->pts[2 * c + 1] + g->pts[(2 * c + 3) % 8]) / 2;
        if (hypot(x - m->cx, y - m->cy) < m->radii[ring])
            fail_msg("%s: a post-it guide crosses its ring's inner edge", what);
    }
    double half = hypot(g->pts[0] - gx, g->pts[1] - gy);
    for (int p = 0; p < m->n_plates; p++)
        if (to_rect(m->plates[p], gx, gy) < half)
            fail_msg("%s: a post-it guide covers a ring's label", what);
}

static void check_guides(const map *m, const pp_page *pg, int n, bool want, const char *what)
{
    const pp_op *gs[4096];
    int count = 0, per_sector[PP_MAX_KINDS] = {0};
    for (size_t i = 0; i < pg->n && count < 4096; i++)
        if (role_is(&pg->ops[i], "postit guide")) gs[count++] = &pg->ops[i];
    for (int i = 0; i < count; i++) {
        check_guide(m, gs[i], what);
        double xi = (gs[i]->pts[0] + gs[i]->pts[4]) / 2, yi = (gs[i]->pts[1] + gs[i]->pts[5]) / 2;
        per_sector[sector_of(m, xi, yi) % n]++;
        double half = hypot(gs[i]->pts[0] - xi, gs[i]->pts[1] - yi);
        for (int k = 0; k < i; k++) {
            double xk = (gs[k]->pts[0] + gs[k]->pts[4]) / 2,
                   yk = (gs[k]->pts[1] + gs[k]->pts[5]) / 2;
            if (hypot(xi - xk, yi - yk) < 2 * half)
                fail_msg("%s: two post-it guides overlap", what);
        }
    }
    for (int i = 0; want && i < n; i++)
        if (per_sector[i] == 0) fail_msg("%s: sector %d has no post-it guide", what, i);
    if (!want && count > 0) fail_msg("%s: post-it guides on a note-taker's copy", what);
}

static void check_sheet(pp_scene *s, int n, const char *paper, const char *what)
{
    const pp_page *pg = &s->pages[0];
    map m = read_map(pg, n);
    for (int p = 0; p < m.n_plates; p++) {
        const pp_op *a = m.plates[p];
        if (hypot(a->x + a->w / 2 - m.cx, a->y - m.cy) > m.r_rings ||
            to_rect(a, m.cx, m.cy) < m.r_centre)
            fail_msg("%s: ring label %d leaves the rings", what, p);
        for (int k = 0; k < p; k++)
            if (overlap(a, m.plates[k])) fail_msg("%s: ring labels %d and %d overlap", what, p, k);
    }
    for (size_t i = 0; i < pg->n; i++) {
        const pp_op *o = &pg->ops[i];
        if (o->kind == PP_OP_ARC_TEXT && role_is(o, "kind name") &&
            pp_textbox_width(o->text) > o->arc.r * m.sweep)
            fail_msg("%s: a kind's name is longer than its sector's arc", what);
        bool outside = role_is(o, "title") || role_is(o, "question") || role_is(o, "legend") ||
                       role_is(o, "legend heading") || role_is(o, "colophon");
        if (outside && to_rect(o, m.cx, m.cy) < m.r_band)
            fail_msg("%s: the %s box lies on the map", what, o->role);
    }
    check_guides(&m, pg, n, strcmp(paper, "A3") != 0, what);
    no_problems(s);
}

static void every_count_paper_and_orientation(void **state)
{
    static const char *const papers[] = {"A3", "A1", "A0"};
    for (int n = 3; n <= 8; n++) {
        char *xml = network_instrument(n), *name = temp_file(xml);
        for (int p = 0; p < 3; p++)
            for (int o = -1; o <= 1; o += 2) {
                char what[64];
                snprintf(what, sizeof what, "%d kinds at %s %s", n, papers[p],
                         o < 0 ? "portrait" : "landscape");
                pp_content *c;
                pp_scene *s = plan_at(*state, name, papers[p], o, &c);
                check_sheet(s, n, papers[p], what);
                pp_scene_free(s);
                pp_content_free(c);
            }
        unlink(name);
        g_free(name);
        g_free(xml);
    }
}

static void shipped_content(void **state)
{
    char *path = src_path("content/netwerkkaart/nl.xml");
    static const char *const papers[] = {"A4", "A3", "A2", "A1", "A0"};
    for (int p = 0; p < 5; p++) {
        pp_content *c;
        pp_scene *s = plan_at(*state, path, papers[p], 0, &c);
        no_problems(s);
        pp_scene_free(s);
        pp_content_free(c);
    }
    g_free(path);
}

/* The praatplaat's sheets refuse a network, and the netwerkkaart refuses themes. */
static void other_family_is_refused(void **state)
{
    char *schema = src_path("schemas/content.rng"), *layouts = src_path("layouts");
    static const char *const pairs[][2] = {{"content/netwerkkaart/nl.xml", "praatplaat"},
                                           {"content/netwerkkaart/nl.xml", "followup"},
                                           {"content/samenwerking/nl.xml", "netwerkkaart"}};
    for (int i = 0; i < 3; i++) {
        char *path = src_path(pairs[i][0]);
        pp_error err = {0};
        pp_content *c = pp_content_load(path, schema, &err);
        assert_non_null(c);
        pp_scene *s = pp_scene_new();
        pp_doc_request r = {pp_sheet_find(pairs[i][1]), pp_paper_find("A3"), 0};
        assert_int_equal(pp_doc_plan_one(s, r.kind, &r, layouts, c, NULL, *state, &err),
                         PP_ERR_INVALID);
        assert_non_null(strstr(err.msg, "not one of this instrument's"));
        assert_true(err.line > 0);
        pp_scene_free(s);
        pp_content_free(c);
        g_free(path);
    }
    g_free(schema);
    g_free(layouts);
}

/* The cards: at least six per A4 page, inside the crop marks, none overlapping, all text fitting.
 */
static void kaartjes_cut_sheet(void **state)
{
    char *path = src_path("content/netwerkkaart/nl.xml"), *schema = src_path("schemas/content.rng"),
         *layouts = src_path("layouts");
    pp_error err = {0};
    pp_content *c = pp_content_load(path, schema, &err);
    assert_non_null(c);
    size_t cards = 0;
    for (size_t p = 0; p < c->n_phases; p++)
        cards += c->phases[p].n_cards;
    pp_scene *s = pp_scene_new();
    pp_doc_request r = {pp_sheet_find("kaartjes"), pp_paper_find("A4"), 0};
    assert_int_equal(pp_doc_plan_one(s, r.kind, &r, layouts, c, NULL, *state, &err), PP_OK);
    size_t seen = 0;
    for (size_t i = 0; i < s->n_pages; i++) {
        const pp_page *pg = &s->pages[i];
        const pp_op *bands[64];
        size_t n = 0, marks = 0;
        for (size_t k = 0; k < pg->n && n < 64; k++) {
            if (role_is(&pg->ops[k], "phase band")) bands[n++] = &pg->ops[k];
            marks += role_is(&pg->ops[k], "crop mark");
        }
        if (i + 1 < s->n_pages) assert_true(n >= 6);
        assert_true(marks > 0);
        for (size_t a = 0; a < n; a++) {
            assert_true(bands[a]->x >= 0 && bands[a]->x + bands[a]->w <= pg->w);
            for (size_t b = 0; b < a; b++)
                assert_false(overlap(bands[a], bands[b]));
        }
        seen += n;
    }
    assert_int_equal(seen, cards);
    no_problems(s);
    pp_scene_free(s);
    pp_content_free(c);
    g_free(path);
    g_free(schema);
    g_free(layouts);
}

/* With --duplex every page of cards is followed by its back, each card's back behind its front
 * when the sheet is flipped on its long edge (the columns mirrored). */
static void kaartjes_duplex(void **state)
{
    char *path = src_path("content/netwerkkaart/nl.xml"), *schema = src_path("schemas/content.rng"),
         *layouts = src_path("layouts");
    pp_error err = {0};
    pp_content *c = pp_content_load(path, schema, &err);
    assert_non_null(c);
    pp_scene *s = pp_scene_new();
    s->duplex = true;
    pp_doc_request r = {pp_sheet_find("kaartjes"), pp_paper_find("A4"), 0};
    assert_int_equal(pp_doc_plan_one(s, r.kind, &r, layouts, c, NULL, *state, &err), PP_OK);
    assert_true(s->n_pages >= 2 && s->n_pages % 2 == 0);
    for (size_t i = 0; i + 1 < s->n_pages; i += 2) {
        const pp_page *front = &s->pages[i], *back = &s->pages[i + 1];
        const pp_op *f[64], *b[64];
        size_t nf = 0, nb = 0;
        for (size_t k = 0; k < front->n && nf < 64; k++)
            if (role_is(&front->ops[k], "phase band")) f[nf++] = &front->ops[k];
        for (size_t k = 0; k < back->n && nb < 64; k++)
            if (role_is(&back->ops[k], "card back")) b[nb++] = &back->ops[k];
        assert_int_equal(nf, nb);
        for (size_t k = 0; k < nf; k++) {
            assert_true(fabs(b[k]->x - (front->w - f[k]->x - f[k]->w)) < 1e-6);
            assert_true(fabs(b[k]->y - f[k]->y) < 1e-6);
        }
    }
    no_problems(s);
    pp_scene_free(s);
    pp_content_free(c);
    g_free(path);
    g_free(schema);
    g_free(layouts);
}

/* --- Sessions ------------------------------------------------------------------------------ */

static pp_scene *plan_session(pp_typeset *ts, const pp_content *c, const pp_session *ss,
                              const char *paper, int orientation)
{
    char *layouts = src_path("layouts");
    pp_error err = {0};
    pp_scene *s = pp_scene_new();
    pp_doc_request r = {pp_sheet_find("netwerkkaart"), pp_paper_find(paper), orientation};
    if (pp_doc_plan_one(s, r.kind, &r, layouts, c, ss, ts, &err) != PP_OK) fail_msg("%s", err.msg);
    g_free(layouts);
    return s;
}

static bool rects_meet(const pp_op *a, const pp_op *b)
{
    return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

/* The partner whose post-it starts at op i: the one whose name is the first session text after
 * it. */
static const pp_partner *partner_at(const pp_page *pg, size_t i, const pp_network_session *ns)
{
    for (size_t k = i + 1; k < pg->n; k++) {
        const pp_op *o = &pg->ops[k];
        if (o->kind != PP_OP_TEXT || !role_is(o, "session text")) continue;
        for (size_t p = 0; p < ns->n_partners; p++)
            if (ns->partners[p].name.line == o->fit.line) return &ns->partners[p];
        fail_msg("a partner's post-it starts with a text that is not a partner's name");
    }
    fail_msg("a partner's post-it has no text");
    return NULL;
}

/* A post-it whole inside ring and sector, the inner edge not dipping into the ring inside. */
static void check_inside(const map *m, const pp_op *o, size_t ring, size_t sector, const char *what)
{
    double xs[2] = {o->x, o->x + o->w}, ys[2] = {o->y, o->y + o->h};
    for (int c = 0; c < 4; c++) {
        double x = xs[c & 1], y = ys[c >> 1], r = hypot(x - m->cx, y - m->cy);
        if (ring_of(m, r) != (int)ring || sector_of(m, x, y) != (int)sector)
            fail_msg("%s: a partner's post-it leaves its own ring %zu or sector %zu", what, ring,
                     sector);
    }
    if (to_rect(o, m->cx, m->cy) < m->radii[ring])
        fail_msg("%s: a partner's post-it crosses its ring's inner edge", what);
}

/* Checks the partners' post-its of the map; returns how many partners are on it. */
static size_t check_partners(const pp_scene *s, const pp_content *c, const pp_session *ss,
                             const char *what)
{
    const pp_page *pg = &s->pages[0];
    map m = read_map(pg, (int)c->network.n_kinds);
    const pp_op *placed[PP_MAX_PARTNERS];
    size_t n = 0, partners = 0;
    for (size_t i = 0; i < pg->n; i++) {
        const pp_op *o = &pg->ops[i];
        if (o->kind != PP_OP_RECT || (!role_is(o, "partner") && !role_is(o, "partner more")))
            continue;
        if (role_is(o, "partner")) {
            const pp_partner *p = partner_at(pg, i, ss->network);
            check_inside(&m, o, p->ring, p->kind, what);
            partners++;
        } else
            check_inside(&m, o, (size_t)ring_of(&m, hypot(o->x - m.cx, o->y - m.cy)),
                         (size_t)sector_of(&m, o->x, o->y), what);
        for (int q = 0; q < m.n_plates; q++)
            if (rects_meet(o, m.plates[q])) fail_msg("%s: a post-it covers a ring's label", what);
        for (size_t q = 0; q < n; q++)
            if (rects_meet(o, placed[q])) fail_msg("%s: two partners' post-its overlap", what);
        placed[n++] = o;
    }
    return partners;
}

/* Partners continued whole (a post-it's colour on their continuation). */
static size_t continued(const pp_scene *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n_conts; i++)
        n += s->conts[i].colour != NULL;
    return n;
}

static pp_session *load_session(const char *path, const pp_content *c)
{
    char *schema = src_path("schemas/session.rng");
    pp_error err = {0};
    pp_session *ss = pp_session_load(path, c, schema, &err);
    if (!ss) fail_msg("%s", err.msg);
    g_free(schema);
    return ss;
}

/* Distance from (px, py) to the segment from (x0, y0) to (x1, y1). */
static double to_segment(double px, double py, double x0, double y0, double x1, double y1)
{
    double dx = x1 - x0, dy = y1 - y0, len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((px - x0) * dx + (py - y0) * dy) / len2 : 0;
    t = fmax(0, fmin(1, t));
    return hypot(px - (x0 + t * dx), py - (y0 + t * dy));
}

/* Every partner of the first sector's nearest ring (the sample's key partner among them) is on
 * the map, the ring labels notwithstanding; no link line runs over the centre disc or a ring's
 * label, and every link lies under the post-its (drawn before them). */
static void check_near_first_sector(const pp_scene *s, const pp_content *c, const pp_session *ss,
                                    const char *what)
{
    const pp_page *pg = &s->pages[0];
    map m = read_map(pg, (int)c->network.n_kinds);
    const pp_network_session *ns = ss->network;
    size_t want = 0, got = 0, first_postit = pg->n, links = 0;
    for (size_t p = 0; p < ns->n_partners; p++)
        want += ns->partners[p].kind == 0 && ns->partners[p].ring == 0;
    assert_true(want >= 2);
    for (size_t i = 0; i < pg->n; i++) {
        const pp_op *o = &pg->ops[i];
        if (o->kind == PP_OP_RECT && role_is(o, "partner")) {
            const pp_partner *p = partner_at(pg, i, ns);
            got += p->kind == 0 && p->ring == 0;
            first_postit = MIN(first_postit, i);
        }
    }
    if (got != want)
        fail_msg("%s: %zu of the %zu partners of the first sector's nearest ring on the map", what,
                 got, want);
    for (size_t i = 0; i < pg->n; i++) {
        const pp_op *o = &pg->ops[i];
        if (o->kind != PP_OP_LINE || !role_is(o, "link")) continue;
        links++;
        double x1 = o->x + o->w, y1 = o->y + o->h;
        if (to_segment(m.cx, m.cy, o->x, o->y, x1, y1) < m.r_centre)
            fail_msg("%s: a link line crosses the centre disc", what);
        if (i > first_postit) fail_msg("%s: a link line is drawn over a post-it", what);
        for (int q = 0; q < m.n_plates; q++)
            if (o > m.plates[q]) fail_msg("%s: a link line is drawn over a ring's label", what);
    }
    assert_true(links > 0);
}

static void sample_session_partners(void **state)
{
    pp_typeset *ts = *state;
    char *cpath = src_path("content/netwerkkaart/nl.xml"),
         *schema = src_path("schemas/content.rng");
    char *spath = src_path("samples/scheldeoever-2026-11-netwerkkaart.xml");
    pp_error err = {0};
    pp_content *c = pp_content_load(cpath, schema, &err);
    assert_non_null(c);
    pp_session *ss = load_session(spath, c);
    assert_int_equal(ss->network->n_partners, 21);
    static const char *const papers[] = {"A3", "A1", "A0"};
    for (size_t p = 0; p < 3; p++)
        for (int o = -1; o <= 1; o += 2) {
            pp_scene *s = plan_session(ts, c, ss, papers[p], o);
            char what[64];
            snprintf(what, sizeof what, "sample at %s %s", papers[p],
                     o < 0 ? "portrait" : "landscape");
            size_t on_map = check_partners(s, c, ss, what);
            if (on_map + continued(s) != ss->network->n_partners)
                fail_msg("%s: %zu partners on the map and %zu continued, of %zu", what, on_map,
                         continued(s), ss->network->n_partners);
            if (on_map * 2 < ss->network->n_partners)
                fail_msg("%s: only %zu of the partners on the map", what, on_map);
            if (p < 2) check_near_first_sector(s, c, ss, what);
            pp_scene_free(s);
        }
    pp_session_free(ss);
    pp_content_free(c);
    g_free(cpath);
    g_free(schema);
    g_free(spath);
}

/* 40 partners in the middle ring of the third sector: the map shows what fits, the last place
 * refers to the rest, and every partner is on the map or in the continuation pages. */
static void crowded_cell(void **state)
{
    pp_typeset *ts = *state;
    char *cpath = src_path("content/netwerkkaart/nl.xml"),
         *schema = src_path("schemas/content.rng");
    pp_error err = {0};
    pp_content *c = pp_content_load(cpath, schema, &err);
    assert_non_null(c);
    GString *x = g_string_new("<session format=\"1\" instrument=\"netwerkkaart\"><netwerkkaart>");
    for (int i = 0; i < 40; i++)
        g_string_append_printf(x,
                               "<partner id=\"p%d\" kind=\"kind.aanbod\" ring=\"ring.middle\">"
                               "<name>Partner nummer %d</name></partner>",
                               i, i);
    g_string_append(x, "<link from=\"p0\" to=\"p39\"/></netwerkkaart></session>");
    char *spath = temp_file(x->str);
    pp_session *ss = load_session(spath, c);
    for (int o = -1; o <= 1; o += 2) {
        pp_scene *s = plan_session(ts, c, ss, "A3", o);
        size_t on_map = check_partners(s, c, ss, "crowded");
        assert_true(on_map < 40);
        assert_int_equal(on_map + continued(s), 40);
        bool more = false;
        for (size_t i = 0; i < s->pages[0].n; i++)
            more |= role_is(&s->pages[0].ops[i], "partner more");
        assert_true(more);
        pp_scene_free(s);
    }
    unlink(spath);
    g_free(spath);
    g_string_free(x, TRUE);
    pp_session_free(ss);
    pp_content_free(c);
    g_free(cpath);
    g_free(schema);
}

/* The sample written out and read back gives the same file again: every partner, mark, answer
 * and link survives pp_session_write. */
static void session_round_trip(void **state)
{
    (void)state;
    char *cpath = src_path("content/netwerkkaart/nl.xml"),
         *schema = src_path("schemas/content.rng");
    char *spath = src_path("samples/scheldeoever-2026-11-netwerkkaart.xml");
    pp_error err = {0};
    pp_content *c = pp_content_load(cpath, schema, &err);
    assert_non_null(c);
    pp_session *ss = load_session(spath, c);
    char *once = pp_session_write(ss, c);
    char *name = temp_file(once);
    pp_session *again = load_session(name, c);
    char *twice = pp_session_write(again, c);
    assert_string_equal(once, twice);
    assert_int_equal(again->network->n_partners, 21);
    assert_int_equal(again->network->n_links, 6);
    assert_non_null(strstr(once, "<priority role=\"role.leraren\" count=\"2\"/>"));
    assert_non_null(strstr(once, "<answer card=\"actoren\">"));
    unlink(name);
    g_free(name);
    g_free(once);
    g_free(twice);
    pp_session_free(again);
    pp_session_free(ss);
    pp_content_free(c);
    g_free(cpath);
    g_free(schema);
    g_free(spath);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_count_paper_and_orientation),
        cmocka_unit_test(shipped_content),
        cmocka_unit_test(other_family_is_refused),
        cmocka_unit_test(kaartjes_cut_sheet),
        cmocka_unit_test(kaartjes_duplex),
        cmocka_unit_test(sample_session_partners),
        cmocka_unit_test(crowded_cell),
        cmocka_unit_test(session_round_trip),
    };
    return cmocka_run_group_tests(tests, typeset_setup, typeset_teardown);
}
