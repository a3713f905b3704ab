/* Plain value types shared by the stages: a colour, an alignment and a text style. The model fills
 * them from layout files; the text engine and the sheets read them. No functions, no ownership: a
 * pp_style's strings are borrowed from whoever made it (a loaded layout, or a scene). */
#ifndef PP_STYLE_H
#define PP_STYLE_H

#include <stdbool.h>

typedef struct pp_rgb {
    double r, g, b; /* 0..1 */
} pp_rgb;

typedef enum pp_align { PP_ALIGN_START, PP_ALIGN_CENTER, PP_ALIGN_END } pp_align;

typedef struct pp_style {
    const char *name;
    const char *family;
    int weight; /* CSS weight: 400 regular, 600 semibold, 700 bold */
    bool italic;
    double size;     /* pt, at this paper */
    double min;      /* pt: the text engine shrinks no further */
    double leading;  /* line height as a multiple of the size */
    double tracking; /* letter spacing in em */
    pp_rgb colour;
    pp_align align;
    bool hyphenate;
} pp_style;

#endif
