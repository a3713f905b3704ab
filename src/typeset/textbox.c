#include "typeset/textbox.h"

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
    bool rtl;         /* right-to-left text: no letter spacing (it would break joined scripts) */
    gunichar missing; /* first character no shipped font has, or 0 */
};

/* Half a hundredth of a millimetre: measurement noise, not overflow. */
static const double EPS_MM = 0.005;
/* Sizes tried while shrinking lie on a grid of this many points: texts of one style then share font
 * sizes, and pango loads (and starts a thread for) each distinct font pattern only once. */
static const double SIZE_GRID_PT = 0.25;

static PangoAlignment alignment(pp_align a)
{
    return a == PP_ALIGN_CENTER ? PANGO_ALIGN_CENTER
           : a == PP_ALIGN_END  ? PANGO_ALIGN_RIGHT
                                : PANGO_ALIGN_LEFT;
}

/* Sets the layout's font and spacing for size pt. */
static void set_size(PangoLayout *layout, const pp_style *st, double size, bool rtl)
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
    pango_attr_list_insert(
        attrs, pango_attr_line_height_new_absolute((int)lround(st->leading * em * PANGO_SCALE)));
    if (st->tracking != 0 && !rtl)
        pango_attr_list_insert(
            attrs, pango_attr_letter_spacing_new((int)lround(st->tracking * em * PANGO_SCALE)));
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

static bool fits_at(pp_textbox *tb, double size)
{
    set_size(tb->layout, tb->st, size, tb->rtl);
    double w, h;
    logical(tb, &w, &h);
    return w <= tb->w + EPS_MM && (tb->h < 0 || h <= tb->h + EPS_MM);
}

/* Largest size from st->min to st->size at which the text fits; min with overflow set when none. */
static void shrink_to_fit(pp_textbox *tb)
{
    const pp_style *st = tb->st;
    tb->size = st->size;
    if (fits_at(tb, st->size)) return;
    if (!fits_at(tb, st->min)) {
        tb->size = st->min;
        tb->overflow = true;
        return;
    }
    /* Grid steps above min; invariant: fits at min + lo steps, not at min + hi steps (or size). */
    long lo = 0, hi = (long)ceil((st->size - st->min) / SIZE_GRID_PT);
    while (hi - lo > 1) {
        long mid = (lo + hi) / 2;
        if (fits_at(tb, st->min + (double)mid * SIZE_GRID_PT))
            lo = mid;
        else
            hi = mid;
    }
    tb->size = st->min + (double)lo * SIZE_GRID_PT;
    set_size(tb->layout, st, tb->size, tb->rtl);
}

static pp_textbox *make(pp_typeset *ts, const char *text, const pp_style *st, double w, double h)
{
    pp_textbox *tb = g_new0(pp_textbox, 1);
    tb->text = g_strdup(text);
    tb->st = st;
    tb->w = w;
    tb->h = h;
    tb->layout = pango_layout_new(pp_typeset_context(ts));
    tb->rtl = pp_typeset_is_rtl(text);
    tb->missing = pp_typeset_missing_char(ts, text);
    char *set = st->hyphenate ? pp_typeset_hyphenate(ts, text) : g_strdup(text);
    pango_layout_set_text(tb->layout, set, -1);
    g_free(set);
    pango_layout_set_width(tb->layout, (int)lround(fmax(w, 0) * PANGO_SCALE));
    pango_layout_set_wrap(tb->layout, PANGO_WRAP_WORD);
    pango_layout_set_alignment(tb->layout, alignment(st->align));
    pango_layout_set_auto_dir(tb->layout, TRUE);
    return tb;
}

pp_textbox *pp_textbox_fit(pp_typeset *ts, const char *text, const pp_style *st, double w, double h)
{
    pp_textbox *tb = make(ts, text, st, w, h);
    shrink_to_fit(tb);
    return tb;
}

pp_textbox *pp_textbox_line(pp_typeset *ts, const char *text, const pp_style *st, double w)
{
    pp_textbox *tb = make(ts, text, st, w, -1);
    pango_layout_set_width(tb->layout, -1);
    shrink_to_fit(tb);
    return tb;
}

pp_textbox *pp_textbox_flow(pp_typeset *ts, const char *text, const pp_style *st, double w)
{
    pp_textbox *tb = make(ts, text, st, w, -1);
    tb->size = st->size;
    tb->overflow = !fits_at(tb, st->size); /* only an unbreakable word wider than w */
    return tb;
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

void pp_textbox_draw(const pp_textbox *tb, cairo_t *cr, double x, double y)
{
    const pp_rgb c = tb->st->colour;
    cairo_save(cr);
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, tb->layout);
    cairo_restore(cr);
}
