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

/* The structure of a tagged PDF as drawing stands: the open elements, innermost last. A zeroed
 * pp_draw_tags starts a document; it lives on the caller's stack and borrows the tag names. */
enum { PP_DRAW_MAX_DEPTH = 32 };
typedef struct pp_draw_tags {
    const char *open[PP_DRAW_MAX_DEPTH];
    int depth;
    int in_figure; /* open Figures */
} pp_draw_tags;

/* Draws page into a tagged PDF: its BEGIN and END ops become cairo tags, and every graphic op
 * outside all elements is wrapped as an artifact (cairo 1.16 knows no Artifact tag: it is written
 * as the tag PP_DRAW_ARTIFACT, which output/tags.c turns into an artifact afterwards). A graphic op
 * inside an element stays its content: cairo 1.16 does not resume an element's marked content
 * after a nested one, so the text after it would belong to no element. */
void pp_draw_page_tagged(cairo_t *cr, const pp_page *page, pp_draw_tags *t, pp_draw_cache *cache);
#define PP_DRAW_ARTIFACT "Private"

/* Points per millimetre. */
#define PP_MM_PT (72.0 / 25.4)

#endif
