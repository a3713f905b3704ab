/* Printing a planned document somewhere else than on one sheet of its own paper: a poster on
 * office sheets (render --tile: an assembly map, then one page per tile) and print-shop output
 * (render --marks: bleed, crop marks, a slug line, and trim and bleed boxes). Both draw the planned
 * pages again through PAGE operations (vector, same fonts); the geometry of the tiles is
 * model/tiling.h's; every size, colour and style comes from the print layout (layouts/print.xml,
 * pp_print_keys) and every word from the content's <record> block. */
#ifndef PP_PRINT_H
#define PP_PRINT_H

#include "model/paper.h"
#include "sheets/sheet.h"

/* What to print. Strings borrowed. */
typedef struct pp_print_request {
    const pp_paper *tile;   /* the sheets to tile onto, or NULL */
    double overlap, margin; /* mm: shared by neighbouring tiles; the printer's unprintable margin */
    bool marks;             /* bleed, crop marks and slug */
    double bleed;           /* mm */
    const char *sheet;      /* the sheet's name, for the tiles' lines and the slug */
    const char *paper;      /* the poster's paper, likewise */
    const char *file;       /* the output's file name, for the slug */
} pp_print_request;

/* Plans the print pages of poster (taken: out owns it from now on, as out->source, possibly
 * through a scene of tiles) into out. env->layout is the print layout; env->content must have a
 * <record> block when rq->tile is set. */
void pp_print_plan(pp_scene *out, pp_scene *poster, const pp_print_request *rq,
                   const pp_sheet_env *env);

/* The print layout's names. */
extern const pp_layout_key pp_print_keys[];
extern const size_t pp_print_n_keys;

#endif
