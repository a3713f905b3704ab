/* The content loader: the real instrument loads whole and exact; every invalid fixture fails with
 * its line; limits hold. */
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "model/content.h"

static pp_content *load(const char *rel, pp_error *err)
{
    char *path = src_path(rel), *schema = src_path("schemas/content.rng");
    pp_content *c = pp_content_load(path, schema, err);
    g_free(path);
    g_free(schema);
    return c;
}

static void real_instrument_loads_whole(void **state)
{
    (void)state;
    pp_error err = {0};
    pp_content *c = load("content/samenwerking/nl.xml", &err);
    assert_non_null(c);
    assert_string_equal(c->id, "samenwerking");
    assert_string_equal(c->lang, "nl");
    static const char *const names[] = {"AMBITIE", "BELANGEN", "RELATIE", "ORGANISATIE", "PROCES"};
    static const size_t counts[] = {4, 4, 4, 4, 5};
    assert_int_equal(c->n_themes, 5);
    size_t total = 0;
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(c->themes[i].name.text, names[i]);
        assert_int_equal(c->themes[i].n_statements, counts[i]);
        total += c->themes[i].n_statements;
    }
    assert_int_equal(total, 21);
    assert_string_equal(c->themes[0].statements[0].id, "ambitie.1");
    /* White space collapsed across the source's line breaks. */
    assert_string_equal(c->themes[2].statements[2].text,
                        "Eventuele conflicten worden constructief besproken.");
    assert_string_equal(c->followup.rows[0].label.text, "ANDERS, NAMELIJK:");
    assert_true(c->followup.rows[0].write_in);
    assert_int_equal(pp_content_columns(c), 5);
    assert_true(c->followup.groups[0].columns[1].yesno);
    assert_string_equal(c->yes.text, "JA");
    /* <br/> becomes a line break. */
    assert_non_null(strchr(c->colophon.body[2].text.text, '\n'));
    pp_content_free(c);
}

static void synthetic_instruments_load(void **state)
{
    (void)state;
    pp_error err = {0};
    pp_content *three = load("tests/data/three-themes.xml", &err);
    pp_content *eight = load("tests/data/eight-themes.xml", &err);
    assert_non_null(three);
    assert_non_null(eight);
    assert_int_equal(three->n_themes, 3);
    assert_int_equal(eight->n_themes, 8);
    pp_content_free(three);
    pp_content_free(eight);
}

/* Every line of tests/data/invalid/EXPECT: FILE, LINE, a word the message must hold. */
static void invalid_files_fail_at_their_line(void **state)
{
    (void)state;
    char *expect = src_path("tests/data/invalid/EXPECT"), *text = NULL;
    assert_true(g_file_get_contents(expect, &text, NULL, NULL));
    char **lines = g_strsplit(text, "\n", -1);
    int cases = 0;
    for (char **l = lines; *l; l++) {
        char **f = g_strsplit(*l, "\t", 3);
        if (g_strv_length(f) == 3) {
            char *rel = g_build_filename("tests/data/invalid", f[0], NULL);
            pp_error err = {0};
            pp_content *c = load(rel, &err);
            if (c || err.line != atol(f[1]) || !strstr(err.msg, f[2]))
                fail_msg("%s: expected line %s with \"%s\", got line %ld: %s", f[0], f[1], f[2],
                         err.line, err.msg);
            assert_int_equal(err.status, PP_ERR_INVALID);
            g_free(rel);
            cases++;
        }
        g_strfreev(f);
    }
    assert_true(cases >= 10);
    g_strfreev(lines);
    g_free(text);
    g_free(expect);
}

static pp_content *load_text(const char *xml, pp_error *err)
{
    char *name = temp_file(xml), *schema = src_path("schemas/content.rng");
    pp_content *c = pp_content_load(name, schema, err);
    unlink(name);
    g_free(name);
    g_free(schema);
    return c;
}

static void limits_are_enforced(void **state)
{
    (void)state;
    pp_error err = {0};
    char *xml = test_instrument(PP_MAX_THEMES, 1, "fine");
    pp_content *c = load_text(xml, &err);
    assert_non_null(c);
    pp_content_free(c);
    g_free(xml);

    xml = test_instrument(PP_MAX_THEMES + 1, 1, "fine");
    assert_null(load_text(xml, &err));
    assert_non_null(strstr(err.msg, "1 to 12 <theme>"));
    g_free(xml);

    char *long_text = g_strnfill(20000, 'a');
    xml = test_instrument(1, 1, long_text);
    err = (pp_error){0};
    assert_null(load_text(xml, &err));
    assert_non_null(strstr(err.msg, "longer than"));
    assert_int_equal(err.line, 2); /* the first theme shares line 2 with <instrument> */
    g_free(xml);
    g_free(long_text);
}

static void external_entities_are_never_read(void **state)
{
    (void)state;
    pp_error err = {0};
    const char *xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE instrument [<!ENTITY x SYSTEM "
                      "\"file:///etc/passwd\">]>\n"
                      "<instrument format=\"1\" id=\"t\" xml:lang=\"en\">&x;</instrument>\n";
    assert_null(load_text(xml, &err));
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.msg, "DOCTYPE"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(real_instrument_loads_whole),
        cmocka_unit_test(synthetic_instruments_load),
        cmocka_unit_test(invalid_files_fail_at_their_line),
        cmocka_unit_test(limits_are_enforced),
        cmocka_unit_test(external_entities_are_never_read),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
