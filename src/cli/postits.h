/* Post-its in a picture of a notes area, for `praatplaat scan` (docs/scanning.md): coloured
 * regions, told from the paper by their tint against the paper's own colour (so uneven light and
 * a colour cast do not matter), each given the nearest of the layout's post-it colours. Post-its
 * that touch are split by their square shape and the layout's post-it size.
 *
 * pp_postits_find returns what it found; free it with pp_postits_free. pp_postits_cut returns a
 * new surface you destroy with cairo_surface_destroy. Both borrow their arguments. */
#ifndef PP_POSTITS_H
#define PP_POSTITS_H

#include "base/error.h"
#include "model/content.h"
#include "model/layout.h"

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct pp_found_postit {
    int x, y, w, h; /* in the notes picture, pixels */
    size_t colour;  /* index into pp_postit_colours (model/session.h) */
} pp_found_postit;

typedef struct pp_found_postits {
    pp_found_postit *at; /* in reading order: rows top to bottom, each left to right */
    size_t n;
} pp_found_postits;

/* The post-its in notes, an RGB24 picture of a notes area straightened at px_per_mm pixels per
 * mm; l is the praatplaat's layout (its paper and post-it colours, postit and postit-min). */
pp_found_postits pp_postits_find(cairo_surface_t *notes, double px_per_mm, pp_layout *l);
void pp_postits_free(pp_found_postits *f);

/* The picture of post-it p, cut out of notes. */
cairo_surface_t *pp_postits_cut(cairo_surface_t *notes, const pp_found_postit *p);

/* The names of the pictures scan --images writes: THEME-notes.png and THEME-postit-N.png (N from
 * 1, in reading order). g_free them. */
char *pp_postits_notes_name(const char *theme);
char *pp_postits_name(const char *theme, size_t n);

/* Writes notes (theme's notes area) and each post-it of found cut out of it into dir, adding each
 * file's path to written (g_free'd with it) before it is written. */
pp_status pp_postits_write(cairo_surface_t *notes, const pp_found_postits *found, const char *dir,
                           const char *theme, GPtrArray *written, pp_error *err);

/* Says on stderr how many post-its of which colours each theme of c has (found[i] for theme i);
 * kept: whether their pictures were written (scan --images). */
void pp_postits_report(const char *photo, const pp_content *c, const pp_found_postits *found,
                       bool kept);

#endif
