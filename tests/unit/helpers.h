/* Shared helpers of the unit tests: paths into the source tree, a typeset over the shipped fonts. */
#ifndef PP_TEST_HELPERS_H
#define PP_TEST_HELPERS_H

#include <glib.h>
#include <setjmp.h>
#include <string.h>
#include <unistd.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "typeset/typeset.h"

/* A path under the source tree; g_free it. */
static inline char *src_path(const char *rel)
{
    return g_build_filename(PP_SOURCE_DIR, rel, NULL);
}

static inline pp_typeset *test_typeset(void)
{
    char *fonts = src_path("fonts");
    pp_error err = {0};
    pp_typeset *ts = pp_typeset_new(fonts, PP_HYPHEN_DIR, &err);
    g_free(fonts);
    assert_non_null(ts);
    return ts;
}

/* Writes text to a fresh temporary file and returns its name (g_free; unlink when done). */
static inline char *temp_file(const char *text)
{
    char *name = NULL;
    int fd = g_file_open_tmp("pp-test-XXXXXX.xml", &name, NULL);
    assert_true(fd >= 0);
    assert_true(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    close(fd);
    return name;
}

#endif
