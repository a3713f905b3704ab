/* Drawing a scene page with cairo. The caller's cr must have its user unit set to 1 mm (the only
 * place where points appear is the surface set-up in pdf.c and png.c). Borrows everything. */
#ifndef PP_DRAW_H
#define PP_DRAW_H

#include "sheets/scene.h"

#include <cairo.h>

void pp_draw_page(cairo_t *cr, const pp_page *page);

/* Points per millimetre. */
#define PP_MM_PT (72.0 / 25.4)

#endif
