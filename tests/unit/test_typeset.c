/* The text engine: wrapping, shrinking to fit, overflow detection (height and width), hyphenation
 * with the content's language, missing glyphs. */
#include "helpers.h"
#include "typeset/hyphen.h"
#include "typeset/textbox.h"

#include <limits.h>
#include <math.h>

static pp_style body(void)
{
    return (pp_style){.name = "body",
                      .family = "Noto Sans",
                      .weight = 400,
                      .size = 10,
                      .min = 6,
                      .leading = 1.3,
                      .hyphenate = true};
}

static const char sentence[] = "We hebben expliciet met elkaar uitgesproken wat onze gezamenlijke "
                               "ambitie is.";

static void wraps_within_width(void **state)
{
    pp_typeset *ts = *state;
    pp_style st = body();
    pp_textbox *tb = pp_textbox_fit(ts, sentence, &st, 40, 100);
    assert_false(pp_textbox_overflows(tb));
    assert_true(pp_textbox_lines(tb) >= 3);
    assert_true(pp_textbox_width(tb) <= 40.01);
    assert_true(pp_textbox_size(tb) == 10); /* room enough: no shrinking */
    pp_textbox_free(tb);
}

static void shrinks_to_fit_down_to_min(void **state)
{
    pp_typeset *ts = *state;
    pp_style st = body();
    pp_textbox *roomy = pp_textbox_fit(ts, sentence, &st, 40, 100);
    double need = pp_textbox_height(roomy);
    pp_textbox_free(roomy);
    pp_textbox *tb = pp_textbox_fit(ts, sentence, &st, 40, need * 0.7);
    assert_false(pp_textbox_overflows(tb));
    assert_true(pp_textbox_size(tb) < 10);
    assert_true(pp_textbox_size(tb) >= 6);
    assert_true(pp_textbox_height(tb) <= need * 0.7 + 0.01);
    pp_textbox_free(tb);
}

static void reports_height_overflow(void **state)
{
    pp_typeset *ts = *state;
    pp_style st = body();
    pp_textbox *tb = pp_textbox_fit(ts, sentence, &st, 40, 3);
    assert_true(pp_textbox_overflows(tb));
    assert_true(pp_textbox_size(tb) == 6); /* kept at the minimum, not clipped or dropped */
    assert_true(pp_textbox_height(tb) > 3);
    assert_string_equal(pp_textbox_text(tb), sentence);
    pp_textbox_free(tb);
}

static void reports_width_overflow_of_unbreakable_word(void **state)
{
    pp_typeset *ts = *state;
    pp_style st = body();
    st.hyphenate = false;
    pp_textbox *tb =
        pp_textbox_fit(ts, "Kinderdagverblijfmedewerkersopleidingscentrum", &st, 20, 100);
    assert_true(pp_textbox_overflows(tb));
    assert_true(pp_textbox_width(tb) > 20);
    pp_textbox_free(tb);
}

/* A word wider than its box overflows however the text is aligned: a right-aligned line that is
 * too wide ends at the box's right edge and sticks out on the left, where the right edge alone
 * does not show it (the same holds for start-aligned text in a right-to-left language). */
static void reports_width_overflow_when_aligned_right(void **state)
{
    pp_typeset *ts = *state;
    pp_style st = body();
    st.hyphenate = false;
    const char *word = "Kinderdagverblijfmedewerkersopleidingscentrum";
    for (int a = 0; a < 2; a++) {
        st.align = a ? PP_ALIGN_CENTER : PP_ALIGN_END;
        pp_textbox *tb = pp_textbox_fit(ts, word, &st, 20, 100);
        assert_true(pp_textbox_overflows(tb));
        assert_true(pp_textbox_size(tb) == st.min);
        pp_textbox_free(tb);
        pp_flow_size m = pp_textbox_measure_flow(ts, word, &st, 20);
        assert_true(m.overflow);
    }
    st.align = PP_ALIGN_START;
    pp_typeset_set_language(ts, "ar");
    pp_textbox *rtl = pp_textbox_fit(
        ts, "ÙØ³ØªØ´ÙÙØ§ÙØ£Ø·ÙØ§ÙØ§ÙØ¬Ø§ÙØ¹Ù", &st,
        10, 100);
    assert_true(pp_textbox_overflows(rtl));
    pp_textbox_free(rtl);
    pp_typeset_set_language(ts, "nl");
}

/* Counts U+00AD in s. */
static int soft_hyphens(const char *s)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, "\xC2\xAD")); p += 2)
        n++;
    return n;
}

static void hyphenates_dutch_compounds(void **state)
{
    pp_typeset *ts = *state;
    pp_typeset_set_language(ts, "nl");
    char *h = pp_typeset_hyphenate(ts, "arbeidsongeschiktheidsverzekering");
    assert_string_equal(h, "ar\xC2\xAD"
                           "beids\xC2\xAD"
                           "on\xC2\xAD"
                           "ge\xC2\xAD"
                           "schikt\xC2\xAD"
                           "heids\xC2\xAD"
                           "ver\xC2\xAD"
                           "ze\xC2\xAD"
                           "ke\xC2\xAD"
                           "ring");
    g_free(h);
    /* Accented letters survive the ISO-8859-1 dictionary round trip. */
    h = pp_typeset_hyphenate(ts, "interveniëren");
    assert_true(soft_hyphens(h) >= 2);
    assert_non_null(strstr(h, "ë"));
    g_free(h);
    /* A compound that cannot fit a narrow box whole now breaks instead of overflowing. */
    pp_style st = body();
    pp_textbox *tb = pp_textbox_fit(ts, "arbeidsongeschiktheidsverzekering", &st, 25, 100);
    assert_false(pp_textbox_overflows(tb));
    assert_true(pp_textbox_lines(tb) >= 2);
    pp_textbox_free(tb);
}

static void hyphenates_english_and_skips_short_words(void **state)
{
    pp_typeset *ts = *state;
    pp_typeset_set_language(ts, "en-GB");
    char *h = pp_typeset_hyphenate(ts, "the partnership creates added value");
    assert_true(soft_hyphens(h) >= 1);
    assert_non_null(strstr(h, "the "));
    g_free(h);
    pp_typeset_set_language(ts, "xx"); /* no dictionary: text unchanged */
    h = pp_typeset_hyphenate(ts, "partnership");
    assert_string_equal(h, "partnership");
    g_free(h);
}

/* German text is hyphenated with the German dictionary (hyphen-de), not the Dutch one: Dutch
 * patterns give "or-ga-ni-sa-ti-ons-st-ruk-tur" and "zu-sam-me-n-ar-beit". */
static void hyphenates_german_with_its_dictionary(void **state)
{
    pp_typeset *ts = *state;
    pp_typeset_set_language(ts, "de");
    char *h = pp_typeset_hyphenate(ts, "Organisationsstruktur der Zusammenarbeit");
    assert_string_equal(h, "Or\xC2\xAD"
                           "ga\xC2\xAD"
                           "ni\xC2\xAD"
                           "sa\xC2\xAD"
                           "ti\xC2\xAD"
                           "ons\xC2\xAD"
                           "struk\xC2\xAD"
                           "tur der Zu\xC2\xAD"
                           "sam\xC2\xAD"
                           "men\xC2\xAD"
                           "ar\xC2\xAD"
                           "beit");
    g_free(h);
    /* In a narrow box the compound breaks, and every line ends at one of those German points. */
    pp_style st = body();
    pp_textbox *tb = pp_textbox_fit(ts, "Organisationsstruktur", &st, 22, 100);
    assert_false(pp_textbox_overflows(tb));
    assert_true(pp_textbox_lines(tb) >= 2);
    PangoLayout *layout = pp_textbox_layout(tb);
    const char *text = pango_layout_get_text(layout);
    GString *ends = g_string_new("");
    for (GSList *l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
        const PangoLayoutLine *line = l->data;
        char *part = g_strndup(text + line->start_index, (gsize)line->length);
        g_string_append_printf(ends, "%s|", part);
        g_free(part);
    }
    /* The lines, soft hyphens removed, are whole German syllable groups: "Organisations|struktur"
     * or finer, never "…st|ruktur" as Dutch patterns would allow. */
    char **lines = g_strsplit(ends->str, "|", -1);
    static const char *const german[] = {"Or", "ga", "ni", "sa", "ti", "ons", "struk", "tur"};
    for (size_t i = 0; lines[i] && lines[i][0]; i++) {
        GString *plain = g_string_new(lines[i]);
        g_string_replace(plain, "\xC2\xAD", "", 0);
        /* Each line is a run of consecutive German syllables. */
        bool whole = false;
        for (size_t a = 0; a < 8 && !whole; a++) {
            GString *run = g_string_new("");
            for (size_t b = a; b < 8 && !whole; b++) {
                g_string_append(run, german[b]);
                whole = strcmp(run->str, plain->str) == 0;
            }
            g_string_free(run, TRUE);
        }
        if (!whole) fail_msg("line \"%s\" does not end at a German hyphenation point", plain->str);
        g_string_free(plain, TRUE);
    }
    g_strfreev(lines);
    g_string_free(ends, TRUE);
    pp_textbox_free(tb);
}

/* Each language finds its Debian dictionary: by region, by language, by the language's own region
 * (es_ES, pl_PL, ru_RU) or any region of it; "no" as Bokmål; a language without one finds none. */
static void finds_dictionaries_by_language(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *file;
    } cases[] = {{"de", "hyph_de"},
                 {"de-CH", "hyph_de_CH.dic"},
                 {"fr", "hyph_fr"},
                 {"it-IT", "hyph_it_IT.dic"},
                 {"es", "hyph_es_ES.dic"},
                 {"pl", "hyph_pl_PL.dic"},
                 {"pt-BR", "hyph_pt_BR.dic"},
                 {"no", "hyph_nb_NO.dic"},
                 {"ru", "hyph_ru_RU.dic"},
                 {"ca", "hyph_ca_ES.dic"},
                 {"nl", "hyph_nl"},
                 {"eu", NULL},
                 {"xx-YY", NULL}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *path = pp_hyphenator_find(PP_HYPHEN_DIR, cases[i].lang);
        if (!cases[i].file) {
            if (path) fail_msg("%s: found %s, expected none", cases[i].lang, path);
            continue;
        }
        if (!path)
            fail_msg("%s: no dictionary (is hyphen-* installed? scripts/setup.sh)", cases[i].lang);
        char *base = g_path_get_basename(path);
        if (!g_str_has_prefix(base, cases[i].file))
            fail_msg("%s: found %s, expected %s", cases[i].lang, base, cases[i].file);
        g_free(base);
        g_free(path);
    }
    /* Languages written without hyphens never warn; the others do when they lack a dictionary. */
    assert_false(pp_lang_hyphenates("ar"));
    assert_false(pp_lang_hyphenates("zh-Hans"));
    assert_true(pp_lang_hyphenates("eu"));
}

/* Every line but the last of tb ends in a soft hyphen or a space, and the layout's text has no
 * other soft hyphen: a hyphenation point where no line breaks must not reach the PDF's text (issue
 * #20). */
static void assert_hyphens_only_at_breaks(const pp_textbox *tb)
{
    PangoLayout *layout = pp_textbox_layout(tb);
    const char *text = pango_layout_get_text(layout);
    int at_breaks = 0;
    for (GSList *l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
        const PangoLayoutLine *line = l->data;
        int end = line->start_index + line->length;
        if (end >= 2 && memcmp(text + end - 2, "\xC2\xAD", 2) == 0) at_breaks++;
    }
    assert_int_equal(soft_hyphens(text), at_breaks);
}

static void keeps_soft_hyphens_only_where_lines_break(void **state)
{
    pp_typeset *ts = *state;
    pp_typeset_set_language(ts, "nl");
    pp_style st = body();
    /* Wide: nothing breaks inside a word ("ef-fectieve" has an "ff" ligature across the point). */
    const char *words = "een efficiënte en effectieve start van de samenwerking";
    pp_textbox *wide = pp_textbox_fit(ts, words, &st, 300, 100);
    assert_int_equal(pp_textbox_lines(wide), 1);
    assert_int_equal(soft_hyphens(pango_layout_get_text(pp_textbox_layout(wide))), 0);
    pp_textbox_free(wide);
    /* Narrow: the compound breaks, and keeps exactly the soft hyphens it breaks at. */
    pp_textbox *tb = pp_textbox_fit(ts, "arbeidsongeschiktheidsverzekering", &st, 25, 100);
    assert_true(pp_textbox_lines(tb) >= 2);
    assert_true(soft_hyphens(pango_layout_get_text(pp_textbox_layout(tb))) >= 1);
    assert_hyphens_only_at_breaks(tb);
    pp_textbox_free(tb);
    pp_textbox *flow = pp_textbox_flow(ts, sentence, &st, 30);
    assert_hyphens_only_at_breaks(flow);
    pp_textbox_free(flow);
    pp_textbox *line = pp_textbox_line(ts, words, &st, 60);
    assert_int_equal(soft_hyphens(pango_layout_get_text(pp_textbox_layout(line))), 0);
    pp_textbox_free(line);
}

static void counts_missing_glyphs(void **state)
{
    pp_typeset *ts = *state;
    pp_style st = body();
    pp_textbox *ok = pp_textbox_fit(ts, "Ελληνικά и кириллица", &st, 100, 100);
    assert_int_equal(pp_textbox_missing_glyphs(ok), 0); /* Greek and Cyrillic are covered */
    pp_textbox *cjk = pp_textbox_fit(ts, "協力", &st, 100, 100);
    assert_true(pp_textbox_missing_glyphs(cjk) > 0);
    assert_int_equal(pp_textbox_missing_char(cjk), 0x5354);
    assert_int_equal(pp_textbox_missing_char(ok), 0);
    static const char *const rtl[] = {"שיתוף פעולה בין בתי ספר", "التعاون بين المدارس"};
    for (int i = 0; i < 2; i++) { /* Hebrew and Arabic: covered, and set right to left */
        pp_textbox *tb = pp_textbox_fit(ts, rtl[i], &st, 100, 100);
        assert_int_equal(pp_textbox_missing_glyphs(tb), 0);
        assert_int_equal(pp_textbox_missing_char(tb), 0);
        assert_true(pp_typeset_has_rtl(rtl[i]));
        assert_int_equal(pango_layout_get_direction(pp_textbox_layout(tb), 0), PANGO_DIRECTION_RTL);
        pp_textbox_free(tb);
    }
    assert_false(pp_typeset_has_rtl("VO-raad"));
    pp_textbox_free(ok);
    pp_textbox_free(cjk);
}

/* The direction of a box's lines. */
static PangoDirection line_dir(pp_textbox *tb)
{
    return pango_layout_get_line_readonly(pp_textbox_layout(tb), 0)->resolved_dir;
}

/* Issue #18: a paragraph's direction comes from the language, never from its first letter. */
static void direction_from_the_language(void **state)
{
    pp_typeset *ts = *state;
    pp_style st = {.family = "Noto Sans", .weight = 400, .size = 10, .min = 6, .leading = 1.2};
    pp_typeset_set_language(ts, "nl");
    pp_textbox *list = pp_textbox_fit(ts, "محمد الأمين, Joost, אורית כהן", &st, 200, 100);
    assert_int_equal(line_dir(list), PANGO_DIRECTION_LTR);
    pp_typeset_set_language(ts, "ar");
    pp_textbox *latin = pp_textbox_fit(ts, "3561 GE Utrecht", &st, 200, 100);
    assert_int_equal(line_dir(latin), PANGO_DIRECTION_RTL);
    pp_typeset_set_rtl(ts, false); /* a session in Dutch among Arabic content */
    pp_textbox *session = pp_textbox_fit(ts, "سارة, voor 1 december", &st, 200, 100);
    assert_int_equal(line_dir(session), PANGO_DIRECTION_LTR);
    assert_int_equal(line_dir(list), PANGO_DIRECTION_LTR); /* made earlier: unchanged */
    pp_typeset_set_language(ts, "nl");
    assert_true(pp_typeset_has_rtl("Joost, محمد"));
    assert_false(pp_lang_is_rtl("nl-BE"));
    assert_true(pp_lang_is_rtl("he-IL") && pp_lang_is_rtl("ar"));
    pp_textbox_free(list);
    pp_textbox_free(latin);
    pp_textbox_free(session);
}

/* What the praatplaat's search relies on (sheets/radial.c): a text flowed at width w keeps its
 * lines at every width down to its widest line's, and pp_textbox_flow_height agrees with the box.
 */
static void flow_keeps_its_lines_down_to_its_widest_line(void **state)
{
    pp_typeset *ts = *state;
    pp_typeset_set_language(ts, "nl");
    static const char *const texts[] = {
        sentence,
        "De samenwerkingspartners hebben een gezamenlijke visie op onderwijsontwikkeling en "
        "arbeidsmarktoriëntatie, en die visie is vastgelegd in een samenwerkingsovereenkomst.",
        "Kinderdagverblijfmedewerkersopleidingscentrum en www.voorbeeld-organisatie.nl/contact"};
    static const double sizes[] = {6, 9.5, 14, 22.9};
    int narrower = 0, multi = 0;
    for (size_t t = 0; t < G_N_ELEMENTS(texts); t++)
        for (size_t z = 0; z < G_N_ELEMENTS(sizes); z++)
            for (double w = 15; w < 400; w *= 1.23) {
                pp_style st = body();
                st.size = sizes[z];
                pp_flow_size m = pp_textbox_measure_flow(ts, texts[t], &st, w);
                pp_textbox *tb = pp_textbox_flow(ts, texts[t], &st, w);
                assert_true(fabs(m.h - pp_textbox_height(tb)) < 1e-9);
                assert_int_equal(m.overflow, pp_textbox_overflows(tb));
                assert_int_equal(m.lines, pp_textbox_lines(tb));
                pp_textbox_free(tb);
                if (m.overflow) continue; /* a word wider than w: no span to keep */
                assert_true(m.least <= w + 1e-9);
                pp_flow_size m2 = pp_textbox_measure_flow(ts, texts[t], &st, m.least);
                tb = pp_textbox_flow(ts, texts[t], &st, m.least);
                assert_int_equal(pp_textbox_lines(tb), m.lines);
                pp_textbox_free(tb);
                assert_int_equal(m2.lines, m.lines);
                assert_true(fabs(m2.h - m.h) < 1e-9);
                assert_false(m2.overflow);
                narrower += m.least < w - 1;
                multi += m.lines > 1;
            }
    assert_true(narrower > 20 && multi > 20); /* the property was put to the test */
    /* and a text never takes more lines when it gets more room (the search reads a span a little
     * beyond the width it measured when the lines there are as many) */
    for (size_t t = 0; t < G_N_ELEMENTS(texts); t++) {
        pp_style st = body();
        int last = INT_MAX, changes = 0;
        for (double w = 12; w < 160; w += 0.7) {
            pp_flow_size m = pp_textbox_measure_flow(ts, texts[t], &st, w);
            assert_true(m.lines <= last);
            changes += m.lines < last && last != INT_MAX;
            last = m.lines;
        }
        assert_true(changes >= 2);
    }
}

/* Every line is the style's leading high, whatever the font's own height: the searches compute a
 * line's height instead of loading the font at every size they try. */
static void line_height_is_the_leading(void **state)
{
    pp_typeset *ts = *state;
    static const char *const families[] = {"Noto Sans", "Comic Neue", "Andika"};
    int n = 0;
    for (size_t f = 0; f < G_N_ELEMENTS(families); f++)
        for (int weight = 400; weight <= 700; weight += 300)
            for (double leading = 0.9; leading < 1.6; leading += 0.17)
                for (double pt = 4; pt < 80; pt *= 1.19) {
                    pp_style st = {.family = families[f],
                                   .weight = weight,
                                   .size = pt,
                                   .min = pt,
                                   .leading = leading};
                    pp_textbox *tb = pp_textbox_line(ts, "Xg", &st, 1e6);
                    assert_true(pp_textbox_height(tb) == pp_textbox_line_height(&st, pt));
                    pp_textbox_free(tb);
                    pp_flow_size m = pp_textbox_measure_flow(ts, sentence, &st, 12 * pt * PP_PT_MM);
                    assert_true(m.lines > 1);
                    assert_true(m.h == m.lines * pp_textbox_line_height(&st, pt));
                    n++;
                }
    assert_true(n > 100);
}

static void one_line_boxes_shrink_instead_of_wrapping(void **state)
{
    pp_typeset *ts = *state;
    pp_style st = body();
    pp_textbox *tb = pp_textbox_line(ts, "ORGANISATIE EN PROCES", &st, 30);
    assert_int_equal(pp_textbox_lines(tb), 1);
    assert_true(pp_textbox_width(tb) <= 30.01 || pp_textbox_overflows(tb));
    pp_textbox_free(tb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wraps_within_width),
        cmocka_unit_test(shrinks_to_fit_down_to_min),
        cmocka_unit_test(reports_height_overflow),
        cmocka_unit_test(reports_width_overflow_of_unbreakable_word),
        cmocka_unit_test(reports_width_overflow_when_aligned_right),
        cmocka_unit_test(hyphenates_dutch_compounds),
        cmocka_unit_test(hyphenates_english_and_skips_short_words),
        cmocka_unit_test(hyphenates_german_with_its_dictionary),
        cmocka_unit_test(finds_dictionaries_by_language),
        cmocka_unit_test(keeps_soft_hyphens_only_where_lines_break),
        cmocka_unit_test(counts_missing_glyphs),
        cmocka_unit_test(one_line_boxes_shrink_instead_of_wrapping),
        cmocka_unit_test(flow_keeps_its_lines_down_to_its_widest_line),
        cmocka_unit_test(line_height_is_the_leading),
        cmocka_unit_test(direction_from_the_language),
    };
    return cmocka_run_group_tests(tests, typeset_setup, typeset_teardown);
}
