/* libFuzzer target: the PO reader and merge (pp_l10n_merge) against content/samenwerking/nl.xml.
 * libgettextpo's own parser leaks on malformed input (and pp_l10n_merge longjmps out of it on a
 * fatal error): run this target with -detect_leaks=0 (run.sh does). */
#include "fuzz_common.h"

#include "l10n/l10n.h"
#include "model/content.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static pp_content *content;
static FILE *devnull;
static char po[4200], out[4200];

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    char src[4200], schema[4200];
    fuzz_join(src, sizeof src, fuzz_source_dir(), "content/samenwerking/nl.xml");
    fuzz_join(schema, sizeof schema, fuzz_source_dir(), "schemas/content.rng");
    pp_error err = {0};
    content = pp_content_load(src, schema, &err);
    if (!content) {
        fprintf(stderr, "fuzz_po: cannot load %s: %s\n", src, err.msg);
        abort();
    }
    devnull = fopen("/dev/null", "w");
    if (!devnull) {
        perror("/dev/null");
        abort();
    }
    fuzz_join(po, sizeof po, fuzz_scratch(), "input.po");
    fuzz_join(out, sizeof out, fuzz_scratch(), "out.xml");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(po, data, size);
    pp_error err = {0};
    pp_status st = pp_l10n_merge(content, po, out, devnull, &err);
    if ((st == PP_OK) == pp_error_isset(&err)) {
        fprintf(stderr, "fuzz_po: status %d but error status %d: %s\n", st, err.status, err.msg);
        abort();
    }
    /* Opt-in oracle (PP_FUZZ_PO_ROUNDTRIP=1): a merge that succeeds must write a content file the
     * loader accepts. Off by default: blank or control-character msgstrs break it (README.md). */
    static int roundtrip = -1;
    if (roundtrip < 0)
        roundtrip = getenv("PP_FUZZ_PO_ROUNDTRIP") && *getenv("PP_FUZZ_PO_ROUNDTRIP") == '1';
    if (roundtrip && st == PP_OK) {
        pp_error e2 = {0};
        pp_content *back = pp_content_load(out, NULL, &e2);
        if (!back) {
            fprintf(stderr, "fuzz_po: merge succeeded but its output does not load: line %ld: %s\n",
                    e2.line, e2.msg);
            abort();
        }
        pp_content_free(back);
    }
    return 0;
}
