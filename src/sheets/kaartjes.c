/* The kaartjes: the reflection cards of the content's <cards> as a cut sheet. The cards fill a
 * grid of columns x rows per page, phase by phase; each card has a band in its phase's palette
 * colour with the phase's label and name, then the card's name and its questions (dots) and
 * examples (indented), set together at one size, shrunk to fit the card if need be. Crop marks
 * stand in the margin at every cut line and as small crosses where the cards meet. With --duplex
 * (s->duplex) each page is followed by its back: every card's back in its phase's colour with the
 * phase and the card's name, mirrored so that it lies behind its front. Every number:
 * layouts/kaartjes.xml. */
#include "sheets/sheet.h"

#include <glib.h>

typedef struct box {
    double x, y, w, h;
} box;

typedef struct kj {
    pp_scene *s;
    const pp_content *c;
    pp_typeset *ts;
    pp_layout *l;
    double page_w, page_h;
    int cols, rows;
    box grid;   /* the cards' area, cut lines on its edges */
    bool paged; /* a page of the cards has been started */
} kj;

static double mm(kj *k, const char *name)
{
    return pp_layout_mm(k->l, name);
}

static const pp_style *st(kj *k, const char *name)
{
    return pp_layout_style(k->l, name);
}

static void fit(kj *k, const pp_text *t, const char *style, box b, pp_valign v, const char *role)
{
    pp_scene_fit(k->s, k->ts, k->c, t, st(k, style), b.x, b.y, b.w, b.h, v, role);
}

/* A crop mark: a line from (x, y), dx and dy long. */
static void mark(kj *k, double x, double y, double dx, double dy)
{
    pp_scene_line(k->s, x, y, x + dx, y + dy,
                  pp_stroke(pp_layout_colour(k->l, "mark"), mm(k, "mark-line")))
        ->role = "crop mark";
}

/* Marks in the margin at every cut line, and a small cross where four cards meet. */
static void crop_marks(kj *k)
{
    box g = k->grid;
    double off = mm(k, "mark-offset"), len = mm(k, "mark-length"), arm = mm(k, "cross-arm");
    double cw = g.w / k->cols, ch = g.h / k->rows;
    for (int i = 0; i <= k->cols; i++) {
        double x = g.x + i * cw;
        mark(k, x, g.y - off, 0, -len);
        mark(k, x, g.y + g.h + off, 0, len);
    }
    for (int j = 0; j <= k->rows; j++) {
        double y = g.y + j * ch;
        mark(k, g.x - off, y, -len, 0);
        mark(k, g.x + g.w + off, y, len, 0);
    }
    for (int i = 1; i < k->cols; i++)
        for (int j = 1; j < k->rows; j++) {
            double x = g.x + i * cw, y = g.y + j * ch;
            mark(k, x - arm, y, 2 * arm, 0);
            mark(k, x, y - arm, 0, 2 * arm);
        }
}

static void new_page(kj *k)
{
    pp_page *p = pp_scene_page(k->s, k->page_w, k->page_h);
    if (!k->paged) p->outline = k->c->phases[0].name.text;
    k->paged = true;
    pp_scene_rect(k->s, 0, 0, k->page_w, k->page_h, pp_fill(pp_layout_colour(k->l, "paper")),
                  "paper");
    crop_marks(k);
}

/* The card's lines at style q (questions) and e (examples), laid out at width w; their height. */
static double lines_h(kj *k, const pp_card *card, const pp_style *q, const pp_style *e, double w,
                      pp_textbox **out)
{
    double h = 0, gap = mm(k, "line-gap"), indent = mm(k, "bullet-indent");
    for (size_t i = 0; i < card->n_lines; i++) {
        const pp_card_line *ln = &card->lines[i];
        double lw = w - indent - (ln->example ? mm(k, "example-indent") : 0);
        out[i] = pp_textbox_flow(k->ts, ln->text.text, ln->example ? e : q, lw);
        h += pp_textbox_height(out[i]) + (i ? gap : 0);
    }
    return h;
}

static void free_lines(pp_textbox **tb, size_t n)
{
    for (size_t i = 0; i < n; i++)
        g_clear_pointer(&tb[i], pp_textbox_free);
}

/* The questions and examples in b: at the styles' size, or smaller by shrink-step until they fit
 * (at least at the styles' min); a problem when not even that fits. */
static void card_lines(kj *k, const pp_card *card, box b)
{
    const pp_style *q = st(k, "question"), *e = st(k, "example");
    double step = pp_layout_num_in(k->l, "shrink-step", 0.5, 0.99), scale = 1;
    pp_textbox *tb[PP_MAX_CARD_LINES] = {0};
    double h = lines_h(k, card, q, e, b.w, tb);
    while (h > b.h && q->size * scale * step >= q->min && e->size * scale * step >= e->min) {
        free_lines(tb, card->n_lines);
        scale *= step;
        h = lines_h(k, card, pp_scene_style(k->s, q, q->size * scale),
                    pp_scene_style(k->s, e, e->size * scale), b.w, tb);
    }
    if (h > b.h)
        pp_scene_problem(k->s, k->c, &card->name, "the questions of card %s do not fit its card",
                         card->id);
    double y = b.y, indent = mm(k, "bullet-indent"), r = mm(k, "bullet-r");
    for (size_t i = 0; i < card->n_lines; i++) {
        const pp_card_line *ln = &card->lines[i];
        double x = b.x + indent + (ln->example ? mm(k, "example-indent") : 0);
        double line1 = pp_textbox_height(tb[i]) / pp_textbox_lines(tb[i]);
        if (!ln->example)
            pp_scene_circle(k->s, b.x + r, y + line1 / 2, r,
                            pp_fill(pp_layout_colour(k->l, "bullet")));
        double th = pp_textbox_height(tb[i]);
        pp_scene_text(k->s, tb[i], x, y, k->c, &ln->text, ln->example ? "example" : "question");
        y += th + mm(k, "line-gap");
    }
}

static void card(kj *k, const pp_phase *ph, size_t phase, const pp_card *cd, box b)
{
    double bh = mm(k, "band-h"), pad = mm(k, "pad");
    pp_rgb colour = pp_layout_palette(k->l, phase % pp_layout_palette_size(k->l));
    pp_scene_rect(k->s, b.x, b.y, b.w, bh, pp_fill(colour), "phase band");
    double lw = (b.w - 2 * pad) * pp_layout_num(k->l, "label-share");
    fit(k, &ph->label, "phase-label", (box){b.x + pad, b.y, lw, bh}, PP_VALIGN_CENTER,
        "phase label");
    fit(k, &ph->name, "phase-name", (box){b.x + pad + lw, b.y, b.w - 2 * pad - lw, bh},
        PP_VALIGN_CENTER, "phase name");
    double nh = mm(k, "name-h"), y = b.y + bh + pad;
    fit(k, &cd->name, "card-name", (box){b.x + pad, y, b.w - 2 * pad, nh}, PP_VALIGN_TOP,
        "card name");
    y += nh + mm(k, "name-gap");
    card_lines(k, cd, (box){b.x + pad, y, b.w - 2 * pad, b.y + b.h - pad - y});
}

/* A card of a page: its phase (and that phase's index) and the card. */
typedef struct placed {
    const pp_phase *ph;
    size_t phase;
    const pp_card *cd;
} placed;

/* The card in cell n of a page: on a back page the columns run the other way, so that the back
 * lies behind its front when the sheet is flipped on its long edge. */
static box cell(kj *k, int n, bool back)
{
    double cw = k->grid.w / k->cols, ch = k->grid.h / k->rows;
    int col = n % k->cols, row = n / k->cols;
    if (back) col = k->cols - 1 - col;
    return (box){k->grid.x + col * cw, k->grid.y + row * ch, cw, ch};
}

/* A card's back: its phase's colour, the phase's label and name and the card's name. */
static void card_back(kj *k, const placed *c, box b)
{
    pp_rgb colour = pp_layout_palette(k->l, c->phase % pp_layout_palette_size(k->l));
    pp_scene_rect(k->s, b.x, b.y, b.w, b.h, pp_fill(colour), "card back");
    double pad = mm(k, "back-pad"), lh = mm(k, "back-label-h"), w = b.w - 2 * pad;
    double y = b.y + b.h / 2 - lh;
    fit(k, &c->ph->label, "back-label", (box){b.x + pad, y - lh, w, lh}, PP_VALIGN_BOTTOM,
        "back label");
    fit(k, &c->ph->name, "back-name", (box){b.x + pad, y, w, lh}, PP_VALIGN_TOP, "back name");
    fit(k, &c->cd->name, "back-card", (box){b.x + pad, y + lh, w, b.y + b.h - pad - y - lh},
        PP_VALIGN_TOP, "back card");
}

static void back_page(kj *k, const placed *cards, int n)
{
    pp_scene_page(k->s, k->page_w, k->page_h);
    pp_scene_rect(k->s, 0, 0, k->page_w, k->page_h, pp_fill(pp_layout_colour(k->l, "paper")),
                  "paper");
    for (int i = 0; i < n; i++)
        card_back(k, &cards[i], cell(k, i, true));
    crop_marks(k);
}

void pp_kaartjes_plan(pp_scene *s, const pp_sheet_env *env)
{
    pp_layout *l = env->layout;
    kj k = {.s = s, .c = env->content, .ts = env->ts, .l = l};
    k.page_w = pp_layout_page_w(l);
    k.page_h = pp_layout_page_h(l);
    k.cols = (int)pp_layout_num_in(l, "columns", 1, 12);
    k.rows = (int)pp_layout_num_in(l, "rows", 1, 12);
    if (k.page_w >
        k.page_h) { /* the grid is the portrait page's: turned, the cards keep their shape */
        int t = k.cols;
        k.cols = k.rows, k.rows = t;
    }
    double m = mm(&k, "margin");
    k.grid = (box){m, m, k.page_w - 2 * m, k.page_h - 2 * m};
    int per_page = k.cols * k.rows, n = 0;
    placed *page = g_new0(placed, per_page);
    for (size_t p = 0; p < env->content->n_phases; p++)
        for (size_t i = 0; i < env->content->phases[p].n_cards; i++) {
            if (n == 0) new_page(&k);
            page[n] = (placed){&env->content->phases[p], p, &env->content->phases[p].cards[i]};
            card(&k, page[n].ph, p, page[n].cd, cell(&k, n, false));
            if (++n < per_page) continue;
            if (s->duplex) back_page(&k, page, n);
            n = 0;
        }
    if (n > 0 && s->duplex) back_page(&k, page, n);
    g_free(page);
}

const pp_layout_key pp_kaartjes_keys[] = {
    PP_STYLE("back-card"),
    PP_STYLE("back-label"),
    PP_STYLE("back-name"),
    PP_STYLE("card-name"),
    PP_STYLE("example"),
    PP_STYLE("phase-label"),
    PP_STYLE("phase-name"),
    PP_STYLE("question"),
    PP_COLOUR("bullet"),
    PP_COLOUR("mark"),
    PP_COLOUR("paper"),
    PP_LENGTH("back-label-h"),
    PP_LENGTH("back-pad"),
    PP_LENGTH("band-h"),
    PP_LENGTH("bullet-indent"),
    PP_LENGTH("bullet-r"),
    PP_LENGTH("cross-arm"),
    PP_LENGTH("example-indent"),
    PP_LENGTH("line-gap"),
    PP_LENGTH("margin"),
    PP_LENGTH("mark-length"),
    PP_LENGTH("mark-line"),
    PP_LENGTH("mark-offset"),
    PP_LENGTH("name-gap"),
    PP_LENGTH("name-h"),
    PP_LENGTH("pad"),
    PP_NUMBER_IN("columns", 1, 12),
    PP_NUMBER("label-share"),
    PP_NUMBER_IN("rows", 1, 12),
    PP_NUMBER_IN("shrink-step", 0.5, 0.99),
};
const size_t pp_kaartjes_n_keys = sizeof pp_kaartjes_keys / sizeof pp_kaartjes_keys[0];
