/* Must not compile: the text engine (typeset/) may not include the model, a stage above it in
 * nothing but name. tests/layering/CMakeLists.txt builds this with typeset's include directory and
 * expects the compiler to say the header does not exist. */
#include "model/content.h"
#include "typeset/typeset.h"

int pp_layering_probe(void);
int pp_layering_probe(void)
{
    return 0;
}
