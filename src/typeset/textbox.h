/* pp_textbox: a piece of text laid out in a box of a given width (and height), by the rules of the
 * text engine: wrap at word boundaries and at the language's hyphenation points, and when the text
 * is too big, shrink it down to the style's minimum size. A box that still does not fit says so
 * (pp_textbox_overflows) and keeps its minimum-size layout: it is never clipped, and the caller
 * reports it. Sizes in millimetres, font sizes in points.
 *
 * pp_textbox_fit / _flow return a box you free with pp_textbox_free (NULL only when out of memory).
 * The box borrows ts and st: keep both alive while the box lives. */
#ifndef PP_TEXTBOX_H
#define PP_TEXTBOX_H

#include "base/style.h"
#include "typeset/typeset.h"

#include <cairo.h>
#include <stdbool.h>

typedef struct pp_textbox pp_textbox;

pp_textbox *pp_textbox_fit(pp_typeset *ts, const char *text, const pp_style *st, double w,
                           double h);
/* One line, never wrapped, shrunk until it is at most w wide: for labels and text on arcs. */
pp_textbox *pp_textbox_line(pp_typeset *ts, const char *text, const pp_style *st, double w);
/* At the style's size, width w, no height limit: for text that flows. */
pp_textbox *pp_textbox_flow(pp_typeset *ts, const char *text, const pp_style *st, double w);
/* What pp_textbox_flow's box would be, measured without making one: for searches that set a text
 * at many widths. least: the widest line's width, down to which the lines stay as they are (lines
 * are filled greedily: each still fits, and what did not fit still does not). The same lines as
 * the box's: leaving out the soft hyphens no line ends at never moves a break. */
typedef struct pp_flow_size {
    double h, least; /* mm */
    int lines;
    bool overflow; /* as pp_textbox_overflows */
} pp_flow_size;
pp_flow_size pp_textbox_measure_flow(pp_typeset *ts, const char *text, const pp_style *st,
                                     double w);
/* The height (mm) of one line of st at size pt, found without laying anything out: every line is
 * exactly the style's leading high (an absolute line height), so a search need not load the font
 * at each size it tries. */
double pp_textbox_line_height(const pp_style *st, double pt);
void pp_textbox_free(pp_textbox *tb);

/* For text that goes on elsewhere: the length in bytes of the longest prefix of text, ending at a
 * word's end, that fits (w, h) at size pt followed by " " and suffix ("→ bijlage 2"; may be "").
 * strlen(text) when the whole text fits without the suffix; 0 when not even one word fits. */
size_t pp_textbox_fit_prefix(pp_typeset *ts, const char *text, const pp_style *st, double size,
                             double w, double h, const char *suffix);

bool pp_textbox_overflows(const pp_textbox *tb);
double pp_textbox_size(const pp_textbox *tb);   /* pt, after shrinking */
double pp_textbox_width(const pp_textbox *tb);  /* mm, the text's logical width */
double pp_textbox_height(const pp_textbox *tb); /* mm, the text's logical height */
double pp_textbox_box_w(const pp_textbox *tb);
double pp_textbox_box_h(const pp_textbox *tb);
int pp_textbox_lines(const pp_textbox *tb);
/* Characters no shipped font has (drawn as empty boxes): must be reported as an error. */
int pp_textbox_missing_glyphs(const pp_textbox *tb);
/* The families the text falls back on that change its look (pp_typeset_same_style: an Arabic name
 * in the handwriting-like ink drawn in Noto Sans Arabic), as "A, B", or NULL; g_free. */
char *pp_textbox_other_style(const pp_textbox *tb);
/* The first character of the text that no shipped font has, or 0. */
gunichar pp_textbox_missing_char(const pp_textbox *tb);
const char *pp_textbox_text(const pp_textbox *tb); /* as given, without soft hyphens */
const pp_style *pp_textbox_style(const pp_textbox *tb);
/* The laid-out text, borrowed: for drawing it along a path (arc.h). */
PangoLayout *pp_textbox_layout(const pp_textbox *tb);

/* Draws with the box's top-left corner at (x, y) mm; cr's user unit must be 1 mm. */
void pp_textbox_draw(const pp_textbox *tb, cairo_t *cr, double x, double y);

#endif
