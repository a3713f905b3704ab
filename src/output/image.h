/* Loading a session's picture (a PNG or JPEG file) for drawing. A JPEG keeps its file as cairo's
 * JPEG mime data, so a PDF embeds it as it is (DCT) instead of re-encoding the pixels.
 *
 * pp_image_load returns a surface you destroy with cairo_surface_destroy, or NULL when the file
 * cannot be read or decoded (the session's loader checked it before). */
#ifndef PP_IMAGE_H
#define PP_IMAGE_H

#include <cairo.h>

cairo_surface_t *pp_image_load(const char *path);

#endif
