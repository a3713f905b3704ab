/* pp_photo: a photo or scan of a sheet (JPEG or PNG) as grey values and as colour, for
 * `praatplaat scan` (docs/scanning.md). Files larger than PP_MAX_PHOTO_BYTES or with more than
 * PP_MAX_PHOTO_PIXELS pixels are refused before they are decoded. Decoding is output/image.h's;
 * what is a photo's own is here: its limits, its grey values and sampling them.
 *
 * pp_photo_load borrows path and returns a photo you free with pp_photo_free, or NULL with err
 * set. */
#ifndef PP_PHOTO_H
#define PP_PHOTO_H

#include "base/error.h"

#include <cairo.h>

typedef struct pp_photo {
    int w, h;
    unsigned char *grey;  /* w × h, row by row, 0 black .. 255 white; owned */
    cairo_surface_t *rgb; /* the same in colour (RGB24; ARGB32 for a PNG with alpha); owned */
} pp_photo;

pp_photo *pp_photo_load(const char *path, pp_error *err);
void pp_photo_free(pp_photo *p);

/* The grey value at (x, y), interpolated between pixels; -1 outside the photo. */
double pp_photo_grey(const pp_photo *p, double x, double y);

#endif
