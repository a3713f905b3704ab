/* The scan codes of a sheet (docs/scanning.md, `render --codes qr`): a QR code in each corner of
 * the page that `praatplaat scan` finds in a photo. Each says
 *
 *   PREFIX ORIENTATION VERSION CORNER
 *
 * in upper case (a QR code packs it tighter), where PREFIX is the scene's codes string ("PPSCAN 1
 * INSTRUMENT LANG SHEET PAPER", made by the command line), ORIENTATION landscape or portrait (the
 * page's), VERSION the layout's code-version and CORNER 0 top left, 1 top right, 2 bottom left, 3
 * bottom right. Each code is drawn as one white square (role "code", in corner order) holding its
 * dark modules (role "code module"); sizes come from the layout (code-size, code-inset, code-gap,
 * code-quiet, code-version, code-dark, code-light). */
#ifndef PP_CODES_H
#define PP_CODES_H

#include "sheets/scene.h"

/* The number of codes on a page. */
enum { PP_CODES_CORNERS = 4 };

/* The distance from the page's edge that the codes take, their gap to the content included, mm;
 * 0 when s->codes is NULL. */
double pp_codes_reach(const pp_scene *s, pp_layout *l);

/* Draws the codes on the current page when s->codes is set. */
void pp_codes_draw(pp_scene *s, pp_layout *l);

#endif
