/* Text set along a circular arc, kept as real text: shaped once by pango (kerning, ligatures, any
 * script), then drawn cluster by cluster, each rotated to the tangent of the circle, with cairo's
 * show_text_glyphs so the PDF keeps fonts and extractable text.
 *
 * Angles are in radians, clockwise from the positive x axis (cairo's y points down). Text whose
 * middle lies on the lower half of the circle reads left to right, upright (letters stand towards
 * the centre); on the upper half letters stand outwards. */
#ifndef PP_ARC_H
#define PP_ARC_H

#include "typeset/textbox.h"

#include <cairo.h>
#include <stdbool.h>

typedef struct pp_arc {
    double cx, cy; /* centre, mm */
    double r;      /* radius of the middle of the text's lines, mm */
    double mid;    /* angle of the text's middle */
} pp_arc;

/* True when text at angle mid is set the lower-half way. */
bool pp_arc_is_lower(double mid);

/* Draws a box centred on the arc, each of its lines (pp_textbox_line: one; pp_textbox_flow: as
 * many as it wraps into) on an arc of its own, centred on the arc's angle, the lines' stack
 * centred on arc.r; cr's user unit is 1 mm. */
void pp_arc_draw(const pp_textbox *line, cairo_t *cr, pp_arc arc);

#endif
