/* ISO 216 paper sizes, in millimetres, portrait. Static data: nothing to free. */
#ifndef PP_PAPER_H
#define PP_PAPER_H

#include <stdbool.h>

typedef struct pp_paper {
    const char *name; /* "A4" … "A0" */
    double w, h;      /* mm, portrait */
} pp_paper;

/* The paper named name (case-insensitive), or NULL. Borrowed, static. */
const pp_paper *pp_paper_find(const char *name);

/* Linear scale from paper ref to paper p: sqrt of the ratio of their areas (√2 per step). */
double pp_paper_scale(const pp_paper *p, const pp_paper *ref);

/* "A4, A3, A2, A1, A0" for messages. */
const char *pp_paper_names(void);

#endif
