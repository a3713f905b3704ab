/* Shared helpers of the unit tests: paths into the source tree, a typeset over the shipped fonts.
 */
#ifndef PP_TEST_HELPERS_H
#define PP_TEST_HELPERS_H

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "typeset/typeset.h"

/* A path under the source tree (an absolute path stays as it is); g_free it. */
static inline char *src_path(const char *rel)
{
    if (g_path_is_absolute(rel)) return g_strdup(rel);
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

/* Group fixtures: *state is a typeset over the shipped fonts. */
static inline int typeset_setup(void **state)
{
    *state = test_typeset();
    return 0;
}

static inline int typeset_teardown(void **state)
{
    pp_typeset_free(*state);
    return 0;
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

/* A complete instrument with n themes of k statements each; text is every statement (the first
 * theme's first statement when k is 1). g_free the result. */
static inline char *test_instrument(int n, int k, const char *text)
{
    GString *s =
        g_string_new("<?xml version=\"1.0\"?>\n<instrument format=\"1\" id=\"t\" xml:lang=\"en\">"
                     "<meta><title id=\"title\">T</title><publisher id=\"pub\">P</publisher></meta>"
                     "<labels><yes id=\"yes\">Y</yes><no id=\"no\">N</no></labels><themes>");
    for (int i = 0; i < n; i++) {
        g_string_append_printf(s, "<theme id=\"t%d\"><name id=\"t%d.n\">THEMA %d</name>", i, i,
                               i + 1);
        for (int j = 0; j < k; j++)
            g_string_append_printf(s, "<statement id=\"t%d.%d\">%s</statement>", i, j,
                                   (k > 1 || i == 0) ? text : "S");
        g_string_append(s, "</theme>\n");
    }
    g_string_append(
        s,
        "</themes><praatplaat><title id=\"pt\">A</title><name id=\"pn\">B</name>"
        "<explain id=\"pe\">C</explain><attention id=\"pa\">D</attention><scores>"
        "<score id=\"s1\" value=\"plus\">+</score><score id=\"s2\" value=\"mixed\">+/-</score>"
        "<score id=\"s3\" value=\"minus\">-</score></scores></praatplaat>"
        "<followup><title id=\"ft\">F</title><name id=\"fn\">G</name><fields>"
        "<field id=\"f1\">H</field></fields><group id=\"g\"><label id=\"gl\">I</label>"
        "<column id=\"c1\">J</column></group><footer id=\"fo\">K</footer></followup>"
        "<guide><section id=\"s\"><heading id=\"h\">L</heading><p id=\"p\">M</p></section></guide>"
        "<colophon><heading id=\"ch\">N</heading><p id=\"cp\">O</p><short "
        "id=\"cs\">Q</short></colophon>"
        "</instrument>\n");
    return g_string_free(s, FALSE);
}

#endif
