/* A picture a session refers to (<picture href>, written by `praatplaat scan --images`): a PNG or
 * JPEG file, within PP_MAX_PICTURE_FILE_BYTES, PP_MAX_PICTURE_PIXELS and PP_MAX_IMAGE_SIDE
 * (base/limits.h). Only its header is read here; decoding is output's (output/image.h, which draws
 * the picture and reads scan's photos).
 *
 * pp_picture_probe fills *info and returns true, or returns false with *why set to a message you
 * free with g_free. It borrows path. */
#ifndef PP_PICTURE_H
#define PP_PICTURE_H

#include <stdbool.h>

typedef enum pp_picture_kind { PP_PICTURE_PNG, PP_PICTURE_JPEG } pp_picture_kind;

typedef struct pp_picture_info {
    pp_picture_kind kind;
    unsigned w, h; /* pixels */
} pp_picture_info;

bool pp_picture_probe(const char *path, pp_picture_info *info, char **why);

/* The file href names, seen from the folder of the file base (a session): href itself when it is
 * absolute. g_free it. */
char *pp_picture_resolve(const char *base, const char *href);

#endif
