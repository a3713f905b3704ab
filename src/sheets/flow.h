/* Text that flows down a column of pages: for the report's summary and the continuation pages.
 * A text that does not fit the rest of a page is split at a word's end and goes on on the next;
 * nothing is shrunk and nothing is lost. Sizes in mm. A pp_flow lives on the caller's stack and
 * borrows the scene, environment and strings it points to; what it draws belongs to the scene. */
#ifndef PP_FLOW_H
#define PP_FLOW_H

#include "sheets/sheet.h"

typedef struct pp_flow {
    pp_scene *s;
    const pp_sheet_env *env;
    double page_w, page_h;
    double left, width, top, bottom; /* the text column */
    double y;                        /* where the next block starts */
    const char *outline;             /* bookmark of the next page started, then NULL */
    pp_rgb paper;
} pp_flow;

/* Starts a page (with the pending outline), painted paper. */
void pp_flow_page(pp_flow *f);

/* Starts a new page unless need mm are left on this one. */
void pp_flow_keep(pp_flow *f, double need);

/* Flows text (src gives its file and line for problems; its text when text is NULL) in style st,
 * indented by indent mm, then moves down by after mm. */
void pp_flow_text(pp_flow *f, const pp_text *src, const char *text, const pp_style *st,
                  double indent, double after);

/* A band across the column, h mm high, filled with fill, with text in style st on it (vertically
 * centred, inset by pad); moves down by h + after. */
void pp_flow_band(pp_flow *f, const pp_text *src, const char *text, const pp_style *st, pp_rgb fill,
                  double h, double pad, double after);

#endif
