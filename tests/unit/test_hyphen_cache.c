/* The compact form of hyphenation dictionaries (src/typeset/hyphen_cache.c): a dictionary read back
 * from its cache hyphenates exactly as the parsed one, for every word of the shipped content in
 * Dutch and English; and a damaged cache (cut short anywhere, or with bytes changed) is refused
 * or, when it still parses, stays within its bounds — never a crash (the sanitizer build runs this
 * too). */
#include "helpers.h"

#include "typeset/hyphen.h"
#include "typeset/hyphen_cache.h"

#include <glib/gstdio.h>

typedef struct fixture {
    char *cache; /* a fresh cache directory */
} fixture;

static int setup(void **state)
{
    fixture *f = g_new0(fixture, 1);
    f->cache = g_dir_make_tmp("pp-hyphen-XXXXXX", NULL);
    assert_non_null(f->cache);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    GDir *d = g_dir_open(f->cache, 0, NULL);
    for (const char *n; d && (n = g_dir_read_name(d));) {
        char *p = g_build_filename(f->cache, n, NULL);
        g_unlink(p);
        g_free(p);
    }
    if (d) g_dir_close(d);
    g_rmdir(f->cache);
    g_free(f->cache);
    g_free(f);
    return 0;
}

/* The text of a content file, tags and all: its words are what the sheets hyphenate. */
static char *content_text(const char *rel)
{
    char *path = src_path(rel), *text = NULL;
    assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_free(path);
    return text;
}

static void same_as_parsed(fixture *f, const char *lang, const char *rel)
{
    char *text = content_text(rel);
    pp_hyphenator *parsed = pp_hyphenator_load(PP_HYPHEN_DIR, lang, NULL);
    assert_non_null(parsed);
    pp_hyphenator *first = pp_hyphenator_load(PP_HYPHEN_DIR, lang, f->cache);  /* writes it */
    pp_hyphenator *cached = pp_hyphenator_load(PP_HYPHEN_DIR, lang, f->cache); /* reads it */
    char *want = pp_hyphenator_apply(parsed, text), *got = pp_hyphenator_apply(cached, text);
    assert_string_equal(got, want);
    assert_non_null(strstr(want, "\xC2\xAD")); /* the words were hyphenated at all */
    g_free(want);
    g_free(got);
    pp_hyphenator_free(parsed);
    pp_hyphenator_free(first);
    pp_hyphenator_free(cached);
    g_free(text);
}

static void cached_dictionaries_hyphenate_as_parsed_ones(void **state)
{
    same_as_parsed(*state, "nl", "content/samenwerking/nl.xml");
    same_as_parsed(*state, "en", "content/samenwerking/en.xml");
}

/* The one cache file in f->cache. g_free it. */
static char *only_file(fixture *f)
{
    GDir *d = g_dir_open(f->cache, 0, NULL);
    const char *n = d ? g_dir_read_name(d) : NULL;
    char *p = n ? g_build_filename(f->cache, n, NULL) : NULL;
    assert_non_null(p);
    assert_null(g_dir_read_name(d));
    g_dir_close(d);
    return p;
}

/* Loads the damaged cache (if it is accepted, hyphenates with it) and frees it. */
static void try_damaged(fixture *f, const char *dic, const char *file, const char *bytes, gsize n)
{
    assert_true(g_file_set_contents(file, bytes, (gssize)n, NULL));
    pp_hyphen_cache *c = pp_hyphen_cache_load(f->cache, dic);
    if (c) {
        char word[] = "samenwerkingsverband", hy[sizeof word + 5] = {0};
        char **rep = NULL;
        int *pos = NULL, *cut = NULL;
        hnj_hyphen_hyphenate2(pp_hyphen_cache_dict(c), word, (int)strlen(word), hy, NULL, &rep,
                              &pos, &cut);
        if (rep)
            for (size_t i = 0; i < strlen(word); i++)
                free(rep[i]);
        free(rep);
        free(pos);
        free(cut);
    }
    pp_hyphen_cache_free(c);
}

static void damaged_caches_are_refused(void **state)
{
    fixture *f = *state;
    const char *dic = PP_HYPHEN_DIR "/hyph_nl_NL.dic";
    HyphenDict *d = hnj_hyphen_load(dic);
    assert_non_null(d);
    assert_true(pp_hyphen_cache_save(f->cache, dic, d));
    hnj_hyphen_free(d);
    char *file = only_file(f), *good = NULL;
    gsize n = 0;
    assert_true(g_file_get_contents(file, &good, &n, NULL));
    /* Cut short at many places: always refused (the form must end exactly at its end). */
    for (gsize cut = 0; cut < n; cut += 1 + cut / 7) {
        assert_true(g_file_set_contents(file, good, (gssize)cut, NULL));
        assert_null(pp_hyphen_cache_load(f->cache, dic));
    }
    /* Bytes changed at many places: refused, or accepted and used without leaving its bounds. */
    char *bad = g_memdup2(good, n);
    for (gsize at = 0; at < n; at += 1 + at / 5) {
        memcpy(bad, good, n);
        bad[at] ^= (char)0xA5;
        try_damaged(f, dic, file, bad, n);
    }
    g_free(bad);
    g_free(good);
    g_free(file);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(cached_dictionaries_hyphenate_as_parsed_ones, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(damaged_caches_are_refused, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
