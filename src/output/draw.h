/* Drawing a scene page with cairo. The caller's cr must have its user unit set to 1 mm (the only
 * place where points appear is the surface set-up in pdf.c and png.c). Borrows everything. */
#ifndef PP_DRAW_H
#define PP_DRAW_H

#include "sheets/scene.h"

#include <cairo.h>

/* Pages that PAGE operations draw again are recorded once per cache and placed as often as they
 * are used (a PDF then holds each once, as a form). pp_draw_cache_new returns a cache you free
 * with pp_draw_cache_free, after the surface it drew on is finished. */
typedef struct pp_draw_cache pp_draw_cache;
pp_draw_cache *pp_draw_cache_new(void);
void pp_draw_cache_free(pp_draw_cache *c);

void pp_draw_page(cairo_t *cr, const pp_page *page, pp_draw_cache *cache);

/* Points per millimetre. */
#define PP_MM_PT (72.0 / 25.4)

#endif
