/* libFuzzer target: the session reader (pp_session_load, bound to the Dutch content, with the
 * repository's RELAX NG schema). */
#include "fuzz_common.h"

#include "model/content.h"
#include "model/session.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char input[4200], schema[4200], content[4200];
    static pp_content *c;
    if (!c) {
        fuzz_join(input, sizeof input, fuzz_scratch(), "input.xml");
        fuzz_join(schema, sizeof schema, fuzz_source_dir(), "schemas/session.rng");
        fuzz_join(content, sizeof content, fuzz_source_dir(), "content/samenwerking/nl.xml");
        pp_error err = {0};
        c = pp_content_load(content, NULL, &err);
        if (!c) {
            fprintf(stderr, "fuzz_session: %s\n", err.msg);
            abort();
        }
    }
    fuzz_write(input, data, size);
    pp_error err = {0};
    pp_session *s = pp_session_load(input, c, schema, &err);
    fuzz_check("fuzz_session", s, &err);
    pp_session_free(s);
    return 0;
}
