/* Shared helpers of the libFuzzer targets (tests/fuzz/README.md): where the source tree is, and one
 * scratch directory per process whose file paths are reused by every iteration. */
#ifndef PP_FUZZ_COMMON_H
#define PP_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/error.h"

/* The source tree: $PP_SOURCE_DIR, else the -DPP_SOURCE_DIR given by build.sh. */
static const char *fuzz_source_dir(void)
{
    const char *env = getenv("PP_SOURCE_DIR");
    if (env && *env) return env;
#ifdef PP_SOURCE_DIR
    return PP_SOURCE_DIR;
#else
    fprintf(stderr, "fuzz: set PP_SOURCE_DIR to the praatplaat source tree\n");
    abort();
    /* The loaders' contract: a result, or none with an error recorded, never both nor neither. A
     * schema that cannot be loaded is the harness's fault: stop at once rather than fuzz nothing.
     */
    static inline void fuzz_check(const char *target, const void *result, const pp_error *err)
    {
        if ((result != NULL) == pp_error_isset(err)) {
            fprintf(stderr, "%s: result %p with error status %d: %s\n", target, result, err->status,
                    err->msg);
            abort();
        }
        if (!result && err->status == PP_ERR_IO && strstr(err->msg, "schema")) {
            fprintf(stderr, "%s: %s\n", target, err->msg);
            abort();
        }
    }

#endif
}

/* dir/rel in a static buffer of the caller's; aborts when it does not fit. */
static void fuzz_join(char *out, size_t cap, const char *dir, const char *rel)
{
    if ((size_t)snprintf(out, cap, "%s/%s", dir, rel) >= cap) {
        fprintf(stderr, "fuzz: path too long: %s/%s\n", dir, rel);
        abort();
    }
}

/* The scratch directory, made once (mkdtemp under $TMPDIR, else /tmp) and removed at exit. */
static char fuzz_dir[4096];

static void fuzz_cleanup(void)
{
    /* Only our own files are in it; remove whatever names the targets use, then the directory. */
    static const char *const names[] = {"input.xml", "input.po", "out.xml"};
    char p[4200];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        fuzz_join(p, sizeof p, fuzz_dir, names[i]);
        unlink(p);
    }
    rmdir(fuzz_dir);
}

static const char *fuzz_scratch(void)
{
    if (fuzz_dir[0]) return fuzz_dir;
    const char *tmp = getenv("TMPDIR");
    snprintf(fuzz_dir, sizeof fuzz_dir, "%s/pp-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(fuzz_dir)) {
        perror("fuzz: mkdtemp");
        abort();
    }
    atexit(fuzz_cleanup);
    return fuzz_dir;
}

/* Writes data to path (truncating); aborts on failure, which is the harness's fault, not the
 * input's. */
static void fuzz_write(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        perror(path);
        abort();
    }
}

/* The loaders' contract: a result, or none with an error recorded, never both nor neither. A schema
 * that cannot be loaded is the harness's fault: stop at once rather than fuzz nothing. */
static inline void fuzz_check(const char *target, const void *result, const pp_error *err)
{
    if ((result != NULL) == pp_error_isset(err)) {
        fprintf(stderr, "%s: result %p with error status %d: %s\n", target, result, err->status,
                err->msg);
        abort();
    }
    if (!result && err->status == PP_ERR_IO && strstr(err->msg, "schema")) {
        fprintf(stderr, "%s: %s\n", target, err->msg);
        abort();
    }
}

#endif
