/* A picture a session refers to (<picture href>, written by `praatplaat scan --images`): a PNG or
 * JPEG file, within PP_MAX_PICTURE_FILE_BYTES, PP_MAX_PICTURE_PIXELS and PP_MAX_IMAGE_SIDE
 * (base/limits.h). Only its header is read here; decoding is output's (output/image.h, which draws
 * the picture and reads scan's photos).
 *
 * pp_picture_probe fills *info and returns true, or returns false with *why set to a message you
 * free with g_free. It borrows path. */
#ifndef PP_PICTURE_H
#define PP_PICTURE_H

#include "base/error.h"

#include <stdbool.h>

struct pp_arena;
struct _xmlNode; /* libxml2's element, seen only by the model */

/* A picture a session refers to (<picture href>, docs/session-format.md): href as written, and the
 * file it names (resolved against the session's folder, checked to be a PNG or JPEG within the
 * limits of base/limits.h when the session was loaded). Both NULL: none. Strings in the session's
 * arena. */
typedef struct pp_picture {
    const char *href, *file;
    unsigned w, h; /* its pixels */
} pp_picture;

typedef enum pp_picture_kind { PP_PICTURE_PNG, PP_PICTURE_JPEG } pp_picture_kind;

typedef struct pp_picture_info {
    pp_picture_kind kind;
    unsigned w, h; /* pixels */
} pp_picture_info;

bool pp_picture_probe(const char *path, pp_picture_info *info, char **why);

/* The file href names, seen from the folder of the file base (a session): href itself when it is
 * absolute. g_free it. */
char *pp_picture_resolve(const char *base, const char *href);

/* Reads <picture href="…"/> of the session file path into *pic (once: a second one in the same
 * parent is an error), its strings in arena a: a relative or absolute file name without control
 * characters, naming a PNG or JPEG file within the limits. false with err set (FILE:LINE). */
bool pp_picture_load(struct pp_arena *a, const char *path, struct _xmlNode *node, pp_picture *pic,
                     pp_error *err);

#endif
