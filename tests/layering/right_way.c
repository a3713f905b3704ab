/* The control for wrong_way.c: the same stage's include directory with headers it may see. */
#include "base/error.h"
#include "typeset/typeset.h"

int pp_layering_probe(void);
int pp_layering_probe(void)
{
    return 0;
}
