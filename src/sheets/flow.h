/* Text that flows down the columns of pages: the guide, the report's summary and the continuation
 * pages all use this one flow. A block that does not fit the rest of a column is split at a word's
 * end and goes on in the next column (or on a new page); nothing is shrunk and nothing is lost.
 * Sizes in mm. A pp_flow lives on the caller's stack and borrows the scene, environment and strings
 * it points to; what it draws belongs to the scene. */
#ifndef PP_FLOW_H
#define PP_FLOW_H

#include "sheets/sheet.h"

typedef struct pp_flow pp_flow;
/* Called after each new page is painted (a sheet's running footer, page numbers). */
typedef void (*pp_flow_page_fn)(pp_flow *f, void *user);

struct pp_flow {
    pp_scene *s;
    const pp_sheet_env *env;
    double page_w, page_h;
    double left, width, top, bottom; /* the first column (width: one column's) on a fresh page */
    int columns;                     /* 0 or 1: one column */
    double gap;                      /* between columns */
    pp_flow_page_fn on_page;         /* or NULL */
    void *user;
    const char *outline; /* bookmark of the next page started, then NULL */
    pp_rgb paper;
    /* where the flow stands */
    int col;
    double col_top; /* where this page's columns start (a title block may push it down) */
    double y;       /* where the next block starts */
};

/* Starts a page (with the pending outline), painted paper, at its first column. */
void pp_flow_page(pp_flow *f);

/* Moves to the top of the next column, or of a new page after the last. */
void pp_flow_advance(pp_flow *f);

/* The left edge of the current column. */
double pp_flow_x(const pp_flow *f);

/* Moves on unless need mm are left in this column. */
void pp_flow_keep(pp_flow *f, double need);

/* Flows text (src gives its file and line for problems; its text when text is NULL) in style st,
 * indented by indent mm, from where the flow stands, then moves down by after mm. */
void pp_flow_text(pp_flow *f, const pp_text *src, const char *text, const pp_style *st,
                  double indent, double after);

/* Places tb (laid out from src at the column width less indent; taken) as a block: before mm of
 * space first (dropped at the top of a column), and keep mm more room after it in the same column
 * (a heading keeps its text with it), else it starts the next column. A block taller than a whole
 * column is split over columns. box names the place, for problems. */
void pp_flow_block(pp_flow *f, pp_textbox *tb, const pp_text *src, double indent, double before,
                   double keep, const char *box);

/* A square of colour c, side mm, at the left of the column where the flow stands (a post-it's
 * colour before its heading); the flow does not move. Returns side plus gap: the indent of text
 * beside it. */
double pp_flow_swatch(pp_flow *f, pp_rgb c, double side, double gap);

/* A band across the column, h mm high, filled with fill, with text in style st on it (vertically
 * centred, inset by pad) as a structure element tag (static; NULL: none) of a tagged PDF; moves
 * down by h + after. */
void pp_flow_band(pp_flow *f, const pp_text *src, const char *text, const pp_style *st, pp_rgb fill,
                  double h, double pad, double after, const char *tag);

#endif
