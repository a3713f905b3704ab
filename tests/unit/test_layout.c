/* Layouts: scaling between papers, per-paper values, sticky lookup errors, bad numbers, and the
 * colour rules of the design (text contrast of at least 4.5:1). */
#include <math.h>

#include "helpers.h"
#include "model/layout.h"
#include "sheets/scene.h"

static pp_layout *load(const char *sheet, const char *paper)
{
    char *name = g_strdup_printf("layouts/%s.xml", sheet), *path = src_path(name);
    pp_error err = {0};
    pp_layout *l = pp_layout_load(path, pp_paper_find(paper), 0, &err);
    if (!l) fail_msg("%s: %s", path, err.msg);
    g_free(name);
    g_free(path);
    return l;
}

/* WCAG 2 relative luminance and contrast ratio. */
static double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(pp_rgb c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

static double contrast(pp_rgb a, pp_rgb b)
{
    double la = luminance(a), lb = luminance(b);
    return (fmax(la, lb) + 0.05) / (fmin(la, lb) + 0.05);
}

static void theme_colours_carry_text(void **state)
{
    (void)state;
    pp_layout *l = load("followup", "A3");
    const pp_style *label = pp_layout_style(l, "row-label"), *q = pp_layout_style(l, "question");
    double tint = pp_layout_num(l, "tint-theme");
    assert_true(pp_layout_palette_size(l) >= 8);
    for (size_t i = 0; i < pp_layout_palette_size(l); i++) {
        pp_rgb c = pp_layout_palette(l, i);
        if (contrast(label->colour, c) < 4.5)
            fail_msg("palette %zu: label contrast %.2f", i, contrast(label->colour, c));
        /* Ink written on a cell's tint. */
        if (contrast(q->colour, pp_rgb_tint(c, tint)) < 4.5)
            fail_msg("palette %zu: tint contrast", i);
        for (size_t k = 0; k < i; k++) /* the colours are told apart */
            assert_true(fabs(luminance(c) - luminance(pp_layout_palette(l, k))) > 0.001 ||
                        fabs(c.r - pp_layout_palette(l, k).r) > 0.1);
    }
    assert_true(contrast(pp_layout_style(l, "group")->colour, pp_layout_colour(l, "group-fill")) >=
                4.5);
    assert_true(contrast(pp_layout_style(l, "row-label-extra")->colour,
                         pp_layout_colour(l, "extra-fill")) >= 4.5);
    for (size_t i = 0; i < pp_layout_palette_size(l); i++) /* extra rows never look like a theme */
        assert_true(contrast(pp_layout_colour(l, "extra-fill"), pp_layout_palette(l, i)) > 3);
    assert_true(contrast(pp_layout_style(l, "field-label")->colour,
                         pp_layout_colour(l, "field-fill")) >= 4.5);
    assert_true(contrast(pp_layout_style(l, "colophon")->colour, pp_layout_colour(l, "paper")) >=
                4.5);
    assert_int_equal(pp_layout_status(l, &(pp_error){0}), PP_OK);
    pp_layout_free(l);
}

static void guide_text_contrast(void **state)
{
    (void)state;
    pp_layout *l = load("guide", "A4");
    pp_rgb paper = pp_layout_colour(l, "paper");
    for (size_t i = 0; i < pp_layout_n_styles(l); i++) {
        const pp_style *s = pp_layout_style_at(l, i);
        if (contrast(s->colour, paper) < 4.5)
            fail_msg("style %s: contrast %.2f", s->name, contrast(s->colour, paper));
    }
    pp_layout_free(l);
}

static void values_scale_with_paper(void **state)
{
    (void)state;
    pp_layout *a3 = load("followup", "A3"), *a1 = load("followup", "A1"),
              *a0 = load("followup", "A0");
    double k = pp_paper_scale(pp_paper_find("A1"), pp_paper_find("A3"));
    assert_float_equal(k, 2, 0.01); /* two ISO steps: about twice as long */
    assert_float_equal(pp_layout_mm(a1, "rule"), pp_layout_mm(a3, "rule") * k, 1e-9);
    assert_float_equal(pp_layout_style(a1, "question")->size,
                       pp_layout_style(a3, "question")->size * k, 1e-9);
    assert_float_equal(pp_layout_mm(a0, "margin"), 22, 1e-9); /* set for A0 exactly */
    pp_layout *p3 = load("praatplaat", "A3"), *p0 = load("praatplaat", "A0");
    assert_float_equal(pp_layout_mm(p0, "postit"), 76, 1e-9); /* physical: never scaled */
    assert_float_equal(pp_layout_mm(p3, "postit"), 76, 1e-9);
    pp_layout_free(p3);
    pp_layout_free(p0);
    assert_float_equal(pp_layout_page_w(a3), 420, 1e-9); /* landscape by default */
    pp_layout_free(a3);
    pp_layout_free(a1);
    pp_layout_free(a0);
}

static void missing_names_are_a_sticky_error(void **state)
{
    (void)state;
    pp_layout *l = load("followup", "A3");
    pp_error err = {0};
    pp_layout_mm(l, "no-such-length");
    pp_layout_style(l, "no-such-style");
    assert_int_equal(pp_layout_status(l, &err), PP_ERR_INVALID);
    assert_non_null(strstr(err.msg, "length \"no-such-length\"")); /* the first one wins */
    pp_layout_free(l);
}

static void bad_numbers_name_their_line(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "<length name=\"m\" mm=\"-3\"/>",
        "<length name=\"m\" mm=\"1e9\"/>",
        "<length name=\"m\" mm=\"abc\"/>",
        "<style name=\"s\" family=\"Noto Sans\" size=\"8\" min=\"9\" colour=\"ink\"/>",
        "<colour name=\"c\" rgb=\"red\"/>",
        "<colour name=\"c\" rgb=\"#-1-1-1\"/>", /* found by fuzzing: sscanf's %x took signs */
        "<colour name=\"c\" rgb=\"# 1+2 3\"/>",
        "<style name=\"s\" family=\"Noto Sans\" size=\"8\" min=\"6\" colour=\"nope\"/>",
        "<wobble/>",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *xml = g_strdup_printf("<?xml version=\"1.0\"?>\n<layout format=\"1\" sheet=\"x\" "
                                    "orientation=\"portrait\" reference=\"A4\">\n"
                                    "<colour name=\"ink\" rgb=\"#000000\"/>\n%s\n</layout>\n",
                                    bad[i]);
        char *name = temp_file(xml);
        pp_error err = {0};
        pp_layout *l = pp_layout_load(name, pp_paper_find("A4"), 0, &err);
        if (l || err.line != 4) fail_msg("case %zu: line %ld: %s", i, err.line, err.msg);
        unlink(name);
        g_free(name);
        g_free(xml);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(theme_colours_carry_text),
        cmocka_unit_test(guide_text_contrast),
        cmocka_unit_test(values_scale_with_paper),
        cmocka_unit_test(missing_names_are_a_sticky_error),
        cmocka_unit_test(bad_numbers_name_their_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
