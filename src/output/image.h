/* Decoding PNG and JPEG images into cairo image surfaces: the one decoder for a session's pictures
 * (drawn into reports, output/draw.c) and for the photos of `praatplaat scan` (cli/photo.c).
 *
 * A pp_image_rules says what a caller accepts: the largest file and the most pixels (checked from
 * the file's size and header, before it is read whole or decoded), how the messages name the image
 * ("a photo") and where its limits are explained, and whether a JPEG keeps its file.
 *
 * pp_image_decode borrows data (n bytes), path (only named in errors) and rules; it returns a
 * surface you destroy with cairo_surface_destroy (CAIRO_FORMAT_RGB24 for a JPEG, RGB24 or ARGB32
 * for a PNG, as cairo reads it), or NULL with err set (PP_ERR_INVALID, file path): "not a JPEG or
 * PNG image", "a PNG file cut short", "not a readable PNG image (damaged or cut short)", "not a
 * readable JPEG image (damaged or cut short)", too many pixels, or more than PP_MAX_IMAGE_SIDE
 * pixels a side (cairo's largest image). Neither decoder turns an image by its EXIF orientation:
 * pixels come as they are stored.
 *
 * pp_image_load reads path (borrowed) and decodes it: too many bytes is PP_ERR_INVALID, a file that
 * cannot be read PP_ERR_IO ("cannot read: …"). With rules->keep_jpeg a JPEG keeps its file as
 * cairo's JPEG mime data (owned by the surface), so a PDF embeds it as it is (DCT) instead of
 * re-encoding the pixels. err may be NULL when the caller has nothing to add to a failure. */
#ifndef PP_IMAGE_H
#define PP_IMAGE_H

#include "base/error.h"

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum pp_image_kind { PP_IMAGE_UNKNOWN, PP_IMAGE_PNG, PP_IMAGE_JPEG } pp_image_kind;

typedef struct pp_image_rules {
    size_t max_bytes;
    double max_pixels;
    const char *what; /* "a photo": "N bytes; a photo of at most 64 MiB is read (SEE)" */
    const char *see;  /* where the limits are explained: "docs/scanning.md" */
    bool keep_jpeg;
} pp_image_rules;

/* A session's picture (base/limits.h: PP_MAX_PICTURE_*), kept as JPEG for PDFs. */
extern const pp_image_rules pp_picture_rules;

/* What the first bytes of data (n bytes) say it is. */
pp_image_kind pp_image_kind_of(const unsigned char *data, size_t n);

cairo_surface_t *pp_image_decode(const unsigned char *data, size_t n, const char *path,
                                 const pp_image_rules *rules, pp_error *err);

cairo_surface_t *pp_image_load(const char *path, const pp_image_rules *rules, pp_error *err);

/* Writes img (CAIRO_FORMAT_RGB24 or ARGB32, alpha ignored) as a baseline JPEG of quality 1..100 to
 * path (borrowed), for a photo's picture: a tenth of a PNG's bytes. PP_ERR_IO (file path, "cannot
 * write: …") when the file cannot be made or written. */
pp_status pp_image_write_jpeg(cairo_surface_t *img, const char *path, int quality, pp_error *err);

#endif
