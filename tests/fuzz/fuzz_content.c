/* libFuzzer target: the content reader (pp_content_load with the repository's RELAX NG schema). */
#include "fuzz_common.h"

#include "model/content.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char input[4200], schema[4200];
    if (!input[0]) {
        fuzz_join(input, sizeof input, fuzz_scratch(), "input.xml");
        fuzz_join(schema, sizeof schema, fuzz_source_dir(), "schemas/content.rng");
    }
    fuzz_write(input, data, size);
    pp_error err = {0};
    pp_content *c = pp_content_load(input, schema, &err);
    fuzz_check("fuzz_content", c, &err);
    pp_content_free(c);
    return 0;
}
