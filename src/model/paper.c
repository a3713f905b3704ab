#include "model/paper.h"

#include <math.h>
#include <stddef.h>
#include <strings.h>

static const pp_paper papers[] = {
    {"A4", 210, 297}, {"A3", 297, 420}, {"A2", 420, 594}, {"A1", 594, 841}, {"A0", 841, 1189},
};

const pp_paper *pp_paper_find(const char *name)
{
    for (size_t i = 0; name && i < sizeof papers / sizeof papers[0]; i++)
        if (strcasecmp(papers[i].name, name) == 0) return &papers[i];
    return NULL;
}

double pp_paper_scale(const pp_paper *p, const pp_paper *ref)
{
    return sqrt((p->w * p->h) / (ref->w * ref->h));
}

const char *pp_paper_names(void)
{
    return "A4, A3, A2, A1, A0";
}
