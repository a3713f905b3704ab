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
    /* The loader's contract: a content, or NULL with an error recorded, never both nor neither. */
    if ((c != NULL) == pp_error_isset(&err)) {
        fprintf(stderr, "fuzz_content: content %p with error status %d: %s\n", (void *)c, err.status,
                err.msg);
        abort();
    }
    /* A missing schema is the harness's fault: stop at once rather than fuzz nothing. */
    if (!c && err.status == PP_ERR_IO && strstr(err.msg, "schema")) {
        fprintf(stderr, "fuzz_content: %s\n", err.msg);
        abort();
    }
    pp_content_free(c);
    return 0;
}
