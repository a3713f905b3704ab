/* The scan codes of a sheet (docs/scanning.md, `render --codes qr`, the default on the sheets that
 * `praatplaat scan` reads): QR codes in the page's corners, and with the layout's code-middle also
 * at the middle of each long edge, so that a photo of half the sheet still sees three. Each says
 *
 *   PREFIX SHEET PAPER ORIENTATION VERSION PLACE
 *
 * in upper case (a QR code packs it tighter), where PREFIX is the scene's codes string ("PPSCAN 1
 * INSTRUMENT LANG", made by the command line), SHEET the layout's sheet, PAPER the page's paper,
 * ORIENTATION landscape or portrait, VERSION the layout's code-version and PLACE 0 top left, 1 top
 * right, 2 bottom left, 3 bottom right, 4 the middle of the first long edge (top, or left when
 * portrait), 5 the middle of the other. Each code is drawn as one white square (role "code", in
 * place order) holding its modules (one op, role "code module"); sizes come from the layout
 * (code-size, code-inset, code-gap, code-quiet, code-middle, code-version, code-dark, code-light,
 * keys every sheet with codes declares: PP_CODES_KEYS). Codes sit in bands along two edges of the
 * page; a sheet keeps its content inside pp_codes_keep_clear, so no code ever covers it. */
#ifndef PP_CODES_H
#define PP_CODES_H

#include "sheets/scene.h"

/* The most codes on a page: four corners and two middles. */
enum { PP_CODES_CORNERS = 4, PP_CODES_MAX = 6 };

/* The layout keys of the codes, for a sheet's key list. */
#define PP_CODES_KEYS                                                                              \
    PP_COLOUR("code-dark"), PP_COLOUR("code-light"), PP_LENGTH("code-gap"),                        \
        PP_LENGTH("code-inset"), PP_LENGTH("code-size"), PP_NUMBER_IN("code-middle", 0, 1),        \
        PP_NUMBER_IN("code-quiet", 1, 10), PP_NUMBER_IN("code-version", 1, 1000)

/* How many codes l puts on a page (4 or 6). */
int pp_codes_count(pp_layout *l);

/* The square of code k (0 .. pp_codes_count - 1) on a page w × h mm: its top left corner and side,
 * mm. */
void pp_codes_square(pp_layout *l, double w, double h, int k, double *x, double *y, double *side);

/* Narrows the content area *r (mm) of a page w × h so that it keeps code-gap from every code:
 * with middle codes the codes lie in bands along the page's long edges, else along its short
 * edges. Nothing changes when s->codes is NULL. */
void pp_codes_keep_clear(const pp_scene *s, pp_layout *l, double w, double h, double *x, double *y,
                         double *rw, double *rh);

/* Draws the codes on the current page when s->codes is set. */
void pp_codes_draw(pp_scene *s, pp_layout *l);
/* As pp_codes_draw, on page `page` (0: the first) of a sheet that continues on more pages: its
 * codes say place page * PP_CODES_MAX + k, so each page's codes differ and a sheet's first page
 * keeps places 0 .. PP_CODES_MAX - 1 (docs/scanning.md). */
void pp_codes_draw_page(pp_scene *s, pp_layout *l, int page);

#endif
