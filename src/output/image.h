/* Decoding PNG and JPEG images into cairo image surfaces: the one decoder for a session's pictures
 * (drawn into reports, output/draw.c) and for the photos of `praatplaat scan` (cli/photo.c).
 *
 * pp_image_decode borrows data (n bytes) and path (only named in errors). Before any pixel is
 * decoded it hands the size from the file's header to the caller's size_ok, which keeps the
 * caller's limit and message: it returns true to go on, or false with err set to refuse. It returns
 * a surface you destroy with cairo_surface_destroy (CAIRO_FORMAT_RGB24 for a JPEG, RGB24 or ARGB32
 * for a PNG, as cairo reads it), or NULL with err set (PP_ERR_INVALID, file path): "not a JPEG or
 * PNG image", "a PNG file cut short", "not a readable PNG image (damaged or cut short)", "not a
 * readable JPEG image (damaged or cut short)", or the image too wide or too high for cairo.
 * Neither decoder turns a picture by its EXIF orientation: pixels come as they are stored.
 *
 * pp_image_load reads a session's picture (at most PP_MAX_PICTURE_FILE_BYTES and
 * PP_MAX_PICTURE_PIXELS, base/limits.h). A JPEG keeps its file as cairo's JPEG mime data (owned by
 * the surface), so a PDF embeds it as it is (DCT) instead of re-encoding the pixels. It borrows
 * path and returns a surface you destroy with cairo_surface_destroy, or NULL with err set (err may
 * be NULL: the session's loader checked the file before, so a caller may have nothing to add). */
#ifndef PP_IMAGE_H
#define PP_IMAGE_H

#include "base/error.h"

#include <cairo.h>
#include <stddef.h>

typedef enum pp_image_kind { PP_IMAGE_UNKNOWN, PP_IMAGE_PNG, PP_IMAGE_JPEG } pp_image_kind;

/* What the first bytes of data (n bytes) say it is. */
pp_image_kind pp_image_kind_of(const unsigned char *data, size_t n);

typedef bool pp_image_size_ok(const char *path, unsigned w, unsigned h, pp_error *err);

cairo_surface_t *pp_image_decode(const unsigned char *data, size_t n, const char *path,
                                 pp_image_size_ok *size_ok, pp_error *err);

cairo_surface_t *pp_image_load(const char *path, pp_error *err);

#endif
