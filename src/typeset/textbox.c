#include "typeset/textbox.h"

#include "typeset/address.h"

#include <glib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

struct pp_textbox {
    PangoLayout *layout;
    char *text;
    const pp_style *st;
    double w, h; /* the box, mm; h < 0 when unbounded */
    double size; /* pt */
    bool overflow;
    bool rtl;         /* a right-to-left paragraph (from the language, pp_typeset_rtl) */
    bool joined;      /* text with right-to-left letters: no letter spacing (it would break joined
                         scripts), a space after it for MuPDF (show_space_after) */
    gunichar missing; /* first character no shipped font has, or 0 */
};

/* Half a hundredth of a millimetre: measurement noise, not overflow. */
static const double EPS_MM = 0.005;
/* Sizes tried while shrinking lie on a grid of this many points: texts of one style then share font
 * sizes, and pango loads (and starts a thread for) each distinct font pattern only once. */
static const double SIZE_GRID_PT = 0.25;

/* Start and end are right and left in a right-to-left paragraph (pango mirrors the alignment only
 * under auto_dir, which we never use). */
static PangoAlignment alignment(pp_align a, bool rtl)
{
    return a == PP_ALIGN_CENTER        ? PANGO_ALIGN_CENTER
           : (a == PP_ALIGN_END) ^ rtl ? PANGO_ALIGN_RIGHT
                                       : PANGO_ALIGN_LEFT;
}

/* A line's height in pango units at size pt: what set_size asks of every line. */
static int line_units(const pp_style *st, double size)
{
    double em = size * PP_PT_MM;
    return (int)lround(st->leading * em * PANGO_SCALE);
}

double pp_textbox_line_height(const pp_style *st, double pt)
{
    return (double)line_units(st, pt) / PANGO_SCALE;
}

/* Sets the layout's font and spacing for size pt. */
static void set_size(PangoLayout *layout, const pp_style *st, double size, bool joined)
{
    double em = size * PP_PT_MM;
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, st->family);
    pango_font_description_set_weight(fd, (PangoWeight)st->weight);
    pango_font_description_set_style(fd, st->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(fd, em * PANGO_SCALE);
    pango_layout_set_font_description(layout, fd);
    pango_font_description_free(fd);
    PangoAttrList *attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_line_height_new_absolute(line_units(st, size)));
    if (st->tracking != 0 && !joined)
        pango_attr_list_insert(
            attrs, pango_attr_letter_spacing_new((int)lround(st->tracking * em * PANGO_SCALE)));
    pp_address_attrs(attrs, pango_layout_get_text(layout));
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
}

static void logical(const pp_textbox *tb, double *w, double *h)
{
    PangoRectangle r;
    pango_layout_get_extents(tb->layout, NULL, &r);
    *w = (double)(r.x + r.width) / PANGO_SCALE;
    *h = (double)r.height / PANGO_SCALE;
}

/* Soft hyphens (U+00AD) shape where lines break, but one that stays inside a word that did not
 * break there reaches the PDF's text layer (inside a ligature's text, e.g. "ef\u00ADfectieve") and
 * splits the word for a reader's search. After the lines are broken, the text keeps only the soft
 * hyphens at the breaks actually used; it is set again only if the lines still break at the same
 * places (greedy breaking sees the same widths: a soft hyphen is not drawn and does not stop a
 * ligature). The zero-width spaces after the dots of addresses (typeset/address.h) are break
 * marks of the same kind: kept only where a line ends. */
static const char SHY[] = "\xC2\xAD", ZWSP[] = "\xE2\x80\x8B";

/* The length of the break mark (soft hyphen, zero-width space) at p, or 0. */
static int mark_len(const char *p)
{
    return strncmp(p, SHY, 2) == 0 ? 2 : strncmp(p, ZWSP, 3) == 0 ? 3 : 0;
}

/* The offset of byte i of text when its break marks are left out. */
static int plain_offset(const char *text, int i)
{
    int n = i;
    for (const char *p = text; *p && p < text + i; p++)
        if (mark_len(p)) n -= mark_len(p), p += mark_len(p) - 1;
    return n;
}

/* Where the layout's lines start, counted in the text without soft hyphens; g_free the result. */
static int *line_starts(PangoLayout *layout, int *n)
{
    const char *text = pango_layout_get_text(layout);
    GSList *lines = pango_layout_get_lines_readonly(layout);
    *n = (int)g_slist_length(lines);
    int *starts = g_new(int, *n > 0 ? *n : 1), k = 0;
    for (GSList *l = lines; l; l = l->next)
        starts[k++] = plain_offset(text, ((PangoLayoutLine *)l->data)->start_index);
    return starts;
}

/* The layout's text without the break marks where no line ends; NULL when it has none of those. */
static char *without_unused_hyphens(PangoLayout *layout)
{
    const char *text = pango_layout_get_text(layout);
    if (!strstr(text, SHY) && !strstr(text, ZWSP)) return NULL;
    size_t len = strlen(text);
    bool *keep = g_new0(bool, len + 1);
    for (GSList *l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
        int end = ((PangoLayoutLine *)l->data)->start_index + ((PangoLayoutLine *)l->data)->length;
        if (end >= 2 && mark_len(text + end - 2) == 2) keep[end - 2] = true;
        if (end >= 3 && mark_len(text + end - 3) == 3) keep[end - 3] = true;
    }
    GString *out = g_string_sized_new(len);
    bool dropped = false;
    for (size_t i = 0; i < len; i++) {
        int m = mark_len(text + i);
        if (m && !keep[i]) {
            i += (size_t)m - 1;
            dropped = true;
            continue;
        }
        g_string_append_c(out, text[i]);
    }
    g_free(keep);
    if (!dropped) {
        g_string_free(out, TRUE);
        return NULL;
    }
    return g_string_free(out, FALSE);
}

static void drop_unused_hyphens(pp_textbox *tb)
{
    char *text = without_unused_hyphens(tb->layout);
    if (!text) return;
    int n0, n1;
    int *before = line_starts(tb->layout, &n0);
    char *full = g_strdup(pango_layout_get_text(tb->layout));
    double w0, h0, w1, h1;
    logical(tb, &w0, &h0);
    pango_layout_set_text(tb->layout, text, -1);
    set_size(tb->layout, tb->st, tb->size, tb->joined); /* the addresses' attributes, moved */
    int *after = line_starts(tb->layout, &n1);
    logical(tb, &w1, &h1);
    bool same = n0 == n1 && memcmp(before, after, sizeof(int) * (size_t)n0) == 0 &&
                fabs(w1 - w0) < EPS_MM && fabs(h1 - h0) < EPS_MM;
    if (!same) { /* keep the lines as measured */
        pango_layout_set_text(tb->layout, full, -1);
        set_size(tb->layout, tb->st, tb->size, tb->joined);
    }
    g_free(before);
    g_free(after);
    g_free(full);
    g_free(text);
}

/* Whether the text fits its box at size: its widest line and all its lines. The widest line, not
 * where the lines end: a line too wide for a right-aligned box (or a start-aligned one in a
 * right-to-left language) ends at the box's edge and sticks out at the other. */
static bool fits_at(pp_textbox *tb, double size)
{
    set_size(tb->layout, tb->st, size, tb->joined);
    PangoRectangle r;
    pango_layout_get_extents(tb->layout, NULL, &r);
    double w = (double)r.width / PANGO_SCALE, h = (double)r.height / PANGO_SCALE;
    return w <= tb->w + EPS_MM && (tb->h < 0 || h <= tb->h + EPS_MM);
}

/* Whether the text fits at step i of the size grid above st->min. */
static bool step_fits(pp_textbox *tb, long i)
{
    return fits_at(tb, tb->st->min + (double)i * SIZE_GRID_PT);
}

/* The grid step below hi at which text that does not fit at its style's size should fit, from
 * its lines there: a line too wide shrinks with the size; wrapped text needs as many lines as its
 * lines' total width, scaled, fills at their mean fill, and gets as many as the box's height holds
 * at that size's line height. */
static long first_guess(pp_textbox *tb, long hi)
{
    const pp_style *st = tb->st;
    double widest = 0, total = 0;
    int n = 0;
    for (GSList *l = pango_layout_get_lines_readonly(tb->layout); l; l = l->next, n++) {
        PangoRectangle r;
        pango_layout_line_get_extents(l->data, NULL, &r);
        widest = fmax(widest, (double)r.width / PANGO_SCALE);
        total += (double)r.width / PANGO_SCALE;
    }
    double fill = n && tb->w > 0 ? fmax(total / (n * tb->w), 0.5) : 1;
    long g = hi - 1;
    for (; g > 0; g--) {
        double pt = st->min + (double)g * SIZE_GRID_PT, k = pt / st->size;
        if (widest * k > tb->w) continue;
        if (tb->h < 0) break;
        double lines = ceil(total * k / (tb->w * fill) - 1e-9);
        if (lines * pp_textbox_line_height(st, pt) <= tb->h) break;
    }
    return g;
}

/* Largest size from st->min to st->size at which the text fits; min with overflow set when none.
 * Grid steps above min; invariant: fits at step lo (-1: not even at min, as far as known), not at
 * step hi (or st->size). A first guess and the step beside it usually settle it in two layouts;
 * bisection does the rest. Fitting grows with the size, so this is the bisection's answer. */
static void shrink_to_fit(pp_textbox *tb)
{
    const pp_style *st = tb->st;
    tb->size = st->size;
    if (fits_at(tb, st->size)) return;
    long lo = -1, hi = (long)ceil((st->size - st->min) / SIZE_GRID_PT);
    if (hi > 0) { /* from the guess outwards in growing steps until the answer is bracketed */
        long g = first_guess(tb, hi), step = 1;
        if (step_fits(tb, g))
            for (lo = g; lo + step < hi; step *= 2)
                if (step_fits(tb, lo + step))
                    lo += step;
                else {
                    hi = lo + step;
                    break;
                }
        else
            for (hi = g; hi > 0; step *= 2) {
                long at = MAX(hi - step, 0);
                if (step_fits(tb, at)) {
                    lo = at;
                    break;
                }
                hi = at;
            }
    }
    while (hi - lo > 1) {
        long mid = lo + (hi - lo) / 2;
        *(step_fits(tb, mid) ? &lo : &hi) = mid;
    }
    tb->overflow = lo < 0;
    tb->size = st->min + (double)(lo < 0 ? 0 : lo) * SIZE_GRID_PT;
    set_size(tb->layout, st, tb->size, tb->joined);
}

static pp_textbox *make(pp_typeset *ts, const char *text, const pp_style *st, double w, double h)
{
    pp_textbox *tb = g_new0(pp_textbox, 1);
    tb->text = g_strdup(text);
    tb->st = st;
    tb->w = w;
    tb->h = h;
    tb->layout = pango_layout_new(pp_typeset_context(ts));
    tb->rtl = pp_typeset_rtl(ts);
    tb->joined = pp_typeset_has_rtl(text);
    tb->missing = pp_typeset_missing_char(ts, text);
    char *hyph = st->hyphenate ? pp_typeset_hyphenate(ts, text) : g_strdup(text);
    char *set = pp_address_mark_breaks(hyph);
    pango_layout_set_text(tb->layout, set, -1);
    g_free(set);
    g_free(hyph);
    pango_layout_set_width(tb->layout, (int)lround(fmax(w, 0) * PANGO_SCALE));
    pango_layout_set_wrap(tb->layout, PANGO_WRAP_WORD);
    pango_layout_set_alignment(tb->layout, alignment(st->align, tb->rtl));
    /* The paragraph's direction is the context's (the language's), not its first letter's. */
    pango_layout_set_auto_dir(tb->layout, FALSE);
    return tb;
}

pp_textbox *pp_textbox_fit(pp_typeset *ts, const char *text, const pp_style *st, double w, double h)
{
    pp_textbox *tb = make(ts, text, st, w, h);
    shrink_to_fit(tb);
    drop_unused_hyphens(tb);
    return tb;
}

pp_textbox *pp_textbox_line(pp_typeset *ts, const char *text, const pp_style *st, double w)
{
    pp_textbox *tb = make(ts, text, st, w, -1);
    pango_layout_set_width(tb->layout, -1);
    shrink_to_fit(tb);
    drop_unused_hyphens(tb);
    return tb;
}

pp_textbox *pp_textbox_flow(pp_typeset *ts, const char *text, const pp_style *st, double w)
{
    pp_textbox *tb = make(ts, text, st, w, -1);
    tb->size = st->size;
    tb->overflow = !fits_at(tb, st->size); /* only an unbreakable word wider than w */
    drop_unused_hyphens(tb);
    return tb;
}

pp_flow_size pp_textbox_measure_flow(pp_typeset *ts, const char *text, const pp_style *st, double w)
{
    pp_textbox *tb = make(ts, text, st, w, -1);
    pp_flow_size m = {.overflow = !fits_at(tb, st->size)};
    double lw;
    logical(tb, &lw, &m.h);
    m.lines = pango_layout_get_line_count(tb->layout);
    for (GSList *l = pango_layout_get_lines_readonly(tb->layout); l; l = l->next) {
        PangoRectangle r;
        pango_layout_line_get_extents(l->data, NULL, &r);
        m.least = fmax(m.least, (double)r.width / PANGO_SCALE);
    }
    pp_textbox_free(tb);
    return m;
}

/* Does text[0..len) followed by suffix fit (w, h) at size? */
static bool prefix_fits(pp_typeset *ts, const char *text, size_t len, const char *suffix,
                        const pp_style *st, double size, double w, double h)
{
    gchar *t = g_strdup_printf("%.*s%s%s", (int)len, text, len && *suffix ? " " : "", suffix);
    pp_textbox *tb = make(ts, t, st, w, h);
    bool fits = fits_at(tb, size);
    pp_textbox_free(tb);
    g_free(t);
    return fits;
}

size_t pp_textbox_fit_prefix(pp_typeset *ts, const char *text, const pp_style *st, double size,
                             double w, double h, const char *suffix)
{
    size_t n = strlen(text);
    if (prefix_fits(ts, text, n, "", st, size, w, h)) return n;
    /* Candidates: the ends of words (before a space or line break). */
    GArray *ends = g_array_new(FALSE, FALSE, sizeof(size_t));
    for (size_t i = 1; i < n; i++)
        if ((text[i] == ' ' || text[i] == '\n') && text[i - 1] != ' ' && text[i - 1] != '\n')
            g_array_append_val(ends, i);
    /* Invariant: candidate lo fits (or lo == -1), hi does not (or hi == len). */
    long lo = -1, hi = (long)ends->len;
    while (hi - lo > 1) {
        long mid = (lo + hi) / 2;
        if (prefix_fits(ts, text, g_array_index(ends, size_t, mid), suffix, st, size, w, h))
            lo = mid;
        else
            hi = mid;
    }
    size_t cut = lo < 0 ? 0 : g_array_index(ends, size_t, lo);
    g_array_free(ends, TRUE);
    return cut;
}

void pp_textbox_free(pp_textbox *tb)
{
    if (!tb) return;
    g_object_unref(tb->layout);
    g_free(tb->text);
    g_free(tb);
}

bool pp_textbox_overflows(const pp_textbox *tb)
{
    return tb->overflow;
}

double pp_textbox_size(const pp_textbox *tb)
{
    return tb->size;
}

double pp_textbox_width(const pp_textbox *tb)
{
    double w, h;
    logical(tb, &w, &h);
    return w;
}

double pp_textbox_height(const pp_textbox *tb)
{
    double w, h;
    logical(tb, &w, &h);
    return h;
}

double pp_textbox_box_w(const pp_textbox *tb)
{
    return tb->w;
}

double pp_textbox_box_h(const pp_textbox *tb)
{
    return tb->h;
}

int pp_textbox_lines(const pp_textbox *tb)
{
    return pango_layout_get_line_count(tb->layout);
}

/* The family of a run's font; g_free. */
static char *run_family(const PangoGlyphItem *run)
{
    PangoFontDescription *d = pango_font_describe(run->item->analysis.font);
    char *family = g_strdup(pango_font_description_get_family(d));
    pango_font_description_free(d);
    return family;
}

char *pp_textbox_other_style(const pp_textbox *tb)
{
    GString *found = g_string_new(NULL);
    PangoLayoutIter *it = pango_layout_get_iter(tb->layout);
    do {
        PangoGlyphItem *run = pango_layout_iter_get_run_readonly(it);
        if (!run || !run->item->analysis.font) continue;
        char *family = run_family(run);
        if (family && !pp_typeset_same_style(tb->st->family, family) && !strstr(found->str, family))
            g_string_append_printf(found, "%s%s", found->len ? ", " : "", family);
        g_free(family);
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
    return g_string_free(found, found->len == 0);
}

int pp_textbox_missing_glyphs(const pp_textbox *tb)
{
    return pango_layout_get_unknown_glyphs_count(tb->layout);
}

gunichar pp_textbox_missing_char(const pp_textbox *tb)
{
    return tb->missing;
}

const char *pp_textbox_text(const pp_textbox *tb)
{
    return tb->text;
}

const pp_style *pp_textbox_style(const pp_textbox *tb)
{
    return tb->st;
}

PangoLayout *pp_textbox_layout(const pp_textbox *tb)
{
    return tb->layout;
}

/* MuPDF (1.21) appends right-to-left letters to the line of the text before them on the same
 * baseline, however far apart, and adds no space: two labels side by side ("نعم" and "لا") extract
 * as one word. A space glyph (no ink) after the end of the last line puts a space into the text
 * layer. */
static void show_space_after(const pp_textbox *tb, cairo_t *cr, double x, double y)
{
    PangoLayoutIter *it = pango_layout_get_iter(tb->layout);
    while (pango_layout_iter_next_line(it))
        ;
    PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
    PangoRectangle r;
    pango_layout_iter_get_line_extents(it, NULL, &r);
    double base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
    pango_layout_iter_free(it);
    if (!line || !line->runs) return;
    /* The run at the line's logical end: the leftmost for right-to-left text. */
    PangoGlyphItem *run = tb->rtl ? line->runs->data : g_slist_last(line->runs)->data;
    PangoFont *font = run->item->analysis.font;
    hb_codepoint_t space;
    if (!font || !hb_font_get_nominal_glyph(pango_font_get_hb_font(font), ' ', &space)) return;
    double left = (double)r.x / PANGO_SCALE, right = (double)(r.x + r.width) / PANGO_SCALE;
    cairo_scaled_font_t *sf = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
    cairo_text_extents_t ext;
    cairo_glyph_t g = {space, 0, y + base};
    cairo_scaled_font_glyph_extents(sf, &g, 1, &ext);
    g.x = tb->rtl ? x + left - ext.x_advance : x + right;
    cairo_text_cluster_t cluster = {1, 1};
    cairo_set_scaled_font(cr, sf);
    cairo_show_text_glyphs(cr, " ", 1, &g, 1, &cluster, 1, 0);
}

/* Shows one run's glyphs where pango_cairo_show_layout puts them, with one cluster per word: a word
 * of several glyphs is written as one /ActualText span. poppler splits letter-spaced words into
 * letters ("T A L K I N G": gaps above a tenth of an em) unless the word is one span; MuPDF reads
 * the glyphs' own /ToUnicode and is not affected. */
static void show_run_by_words(cairo_t *cr, const PangoGlyphItem *run, const char *text, double x,
                              double y)
{
    const PangoGlyphString *gs = run->glyphs;
    cairo_glyph_t *glyphs = cairo_glyph_allocate(gs->num_glyphs > 0 ? gs->num_glyphs : 1);
    cairo_text_cluster_t *clusters = g_new0(cairo_text_cluster_t, gs->num_glyphs + 1);
    int ng = 0, nc = 0, xpos = 0;
    bool in_word = false;
    PangoGlyphItemIter it;
    for (gboolean more = pango_glyph_item_iter_init_start(&it, (PangoGlyphItem *)run, text); more;
         more = pango_glyph_item_iter_next_cluster(&it)) {
        int first = ng;
        for (int i = it.start_glyph; i < it.end_glyph; i++) {
            const PangoGlyphInfo *g = &gs->glyphs[i];
            if (g->glyph != PANGO_GLYPH_EMPTY && !(g->glyph & PANGO_GLYPH_UNKNOWN_FLAG))
                glyphs[ng++] = (cairo_glyph_t){
                    g->glyph, x + (double)(xpos + g->geometry.x_offset) / PANGO_SCALE,
                    y + (double)g->geometry.y_offset / PANGO_SCALE};
            xpos += g->geometry.width;
        }
        bool space = g_unichar_isspace(g_utf8_get_char(text + it.start_index));
        int bytes = it.end_index - it.start_index;
        if (in_word && !space) {
            clusters[nc - 1].num_bytes += bytes;
            clusters[nc - 1].num_glyphs += ng - first;
        } else {
            clusters[nc++] = (cairo_text_cluster_t){bytes, ng - first};
        }
        in_word = !space;
    }
    if (ng > 0)
        cairo_show_text_glyphs(cr, text + run->item->offset, run->item->length, glyphs, ng,
                               clusters, nc, 0);
    g_free(clusters);
    cairo_glyph_free(glyphs);
}

/* Only left-to-right runs (show_run_by_words walks clusters in glyph order). */
static bool all_runs_ltr(PangoLayout *layout)
{
    bool ltr = true;
    PangoLayoutIter *it = pango_layout_get_iter(layout);
    do {
        PangoGlyphItem *run = pango_layout_iter_get_run_readonly(it);
        if (run && run->item->analysis.level % 2) ltr = false;
    } while (ltr && pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
    return ltr;
}

/* Draws left-to-right text as pango_cairo_show_layout does, word by word (show_run_by_words). */
static void show_by_words(const pp_textbox *tb, cairo_t *cr, double x, double y)
{
    const char *text = pango_layout_get_text(tb->layout);
    /* pango starts from cairo's current point, which cairo keeps in fixed point: start from the
     * same. */
    cairo_move_to(cr, x, y);
    cairo_get_current_point(cr, &x, &y);
    cairo_new_path(cr);
    PangoLayoutIter *it = pango_layout_get_iter(tb->layout);
    do {
        PangoGlyphItem *run = pango_layout_iter_get_run_readonly(it);
        if (!run) continue;
        PangoRectangle r;
        pango_layout_iter_get_run_extents(it, NULL, &r);
        cairo_set_scaled_font(
            cr, pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run->item->analysis.font)));
        show_run_by_words(cr, run, text, x + (double)r.x / PANGO_SCALE,
                          y + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE);
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
}

void pp_textbox_draw(const pp_textbox *tb, cairo_t *cr, double x, double y)
{
    const pp_rgb c = tb->st->colour;
    cairo_save(cr);
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
    if (tb->st->tracking > 0 && all_runs_ltr(tb->layout) && pp_textbox_missing_glyphs(tb) == 0) {
        show_by_words(tb, cr, x, y);
    } else {
        cairo_move_to(cr, x, y);
        pango_cairo_show_layout(cr, tb->layout);
    }
    if (tb->rtl || tb->joined) show_space_after(tb, cr, x, y);
    cairo_restore(cr);
}
