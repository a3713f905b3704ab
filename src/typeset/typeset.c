#include "typeset/typeset.h"

#include "typeset/address.h"
#include "typeset/hyphen.h"

#include "base/script.h"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>

struct pp_typeset {
    FcConfig *fc;
    FcCharSet *covered; /* every character some shipped font has */
    PangoFontMap *map;
    PangoContext *ctx[2]; /* left-to-right and right-to-left paragraphs: fixed base directions */
    bool rtl;             /* the direction of the paragraphs made next */
    char *hyphen_dir;
    char *lang;
    pp_hyphenator *hyph;    /* the language's dictionary, loaded when first needed */
    bool hyph_tried;        /* a load was tried for lang (there may be no dictionary) */
    GHashTable *hyphenated; /* text → its hyphenated form in lang: searches set a text often */
};

/* Our fonts only, generic names aliased to them, and a private cache so fontconfig never writes to
 * or reads from the user's caches. Each family falls back, character by character, on the families
 * after it: the content's Noto Sans on the scripts' Noto faces, the session ink's Comic Neue (after
 * the arrows of Noto Sans Symbols) on Andika (a plain hand for the Latin letters Comic Neue lacks:
 * Vietnamese, Turkish ğ and İ), and every text last on Symbola (symbols and emoji). */
#define PP_SCRIPTS                                                                                 \
    "<family>Noto Sans Arabic</family><family>Noto Sans Hebrew</family>"                           \
    "<family>Noto Sans Symbols</family><family>" PP_TYPESET_LAST_FALLBACK "</family>"
static const char config_fmt[] =
    "<?xml version=\"1.0\"?><fontconfig><dir>%s</dir><cachedir>%s</cachedir>"
    "<alias><family>sans-serif</family><prefer><family>Noto Sans</family>" PP_SCRIPTS
    "</prefer></alias>"
    "<alias binding=\"same\"><family>Noto Sans</family><accept>" PP_SCRIPTS "</accept></alias>"
    "<alias binding=\"same\"><family>" PP_TYPESET_INK_FAMILY "</family><accept>"
    "<family>Noto Sans Symbols</family><family>" PP_TYPESET_INK_FALLBACK "</family>"
    "<family>Noto Sans</family>" PP_SCRIPTS "</accept></alias>"
    "<alias><family>serif</family><prefer><family>Noto Sans</family></prefer></alias>"
    "</fontconfig>";

/* Families of one design: a fallback among them keeps the look. Symbols and emoji have no style of
 * their own (neutral). */
static const char *const style_groups[][4] = {
    {PP_TYPESET_INK_FAMILY, PP_TYPESET_INK_FALLBACK, NULL},
    {"Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", NULL},
};
static const char *const neutral[] = {"Noto Sans Symbols", PP_TYPESET_LAST_FALLBACK, NULL};

static bool in_list(const char *const *list, const char *family)
{
    for (size_t i = 0; list[i]; i++)
        if (g_ascii_strcasecmp(list[i], family) == 0) return true;
    return false;
}

bool pp_typeset_same_style(const char *family, const char *fallback)
{
    if (g_ascii_strcasecmp(family, fallback) == 0 || in_list(neutral, fallback)) return true;
    for (size_t g = 0; g < sizeof style_groups / sizeof style_groups[0]; g++)
        if (in_list(style_groups[g], family)) return in_list(style_groups[g], fallback);
    return false;
}

static FcConfig *make_config(const char *fonts_dir, pp_error *err)
{
    char *cache = g_build_filename(g_get_user_cache_dir(), "praatplaat-fontconfig", NULL);
    char *abs_dir = g_canonicalize_filename(fonts_dir, NULL);
    char *esc_dir = g_markup_escape_text(abs_dir, -1), *esc_cache = g_markup_escape_text(cache, -1);
    char *xml = g_strdup_printf(config_fmt, esc_dir, esc_cache);
    FcConfig *fc = FcConfigCreate();
    bool ok = fc && FcConfigParseAndLoadFromMemory(fc, (const FcChar8 *)xml, FcTrue) &&
              FcConfigBuildFonts(fc);
    g_free(xml);
    g_free(abs_dir);
    g_free(esc_dir);
    g_free(esc_cache);
    g_free(cache);
    FcFontSet *set = ok ? FcConfigGetFonts(fc, FcSetSystem) : NULL;
    if (!set || set->nfont == 0) {
        pp_error_set(err, PP_ERR_IO, fonts_dir, 0, "no usable font files in the fonts directory");
        if (fc) FcConfigDestroy(fc);
        return NULL;
    }
    return fc;
}

static void set_font_options(PangoContext *ctx)
{
    cairo_font_options_t *o = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(o, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(o, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(o, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(ctx, o);
    cairo_font_options_destroy(o);
    pango_context_set_round_glyph_positions(ctx, FALSE);
}

pp_typeset *pp_typeset_new(const char *fonts_dir, const char *hyphen_dir, pp_error *err)
{
    if (!g_file_test(fonts_dir, G_FILE_TEST_IS_DIR)) {
        pp_error_set(err, PP_ERR_IO, fonts_dir, 0, "fonts directory not found");
        return NULL;
    }
    FcConfig *fc = make_config(fonts_dir, err);
    if (!fc) return NULL;
    pp_typeset *ts = g_new0(pp_typeset, 1);
    ts->hyphenated = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    ts->fc = fc;
    /* Current before pango's first font map: pango 1.50 starts a thread that runs FcInit(), which
     * would otherwise parse the machine's whole font configuration that we never use. */
    FcConfigSetCurrent(fc);
    ts->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(ts->map), fc);
    for (int d = 0; d < 2; d++) {
        ts->ctx[d] = pango_font_map_create_context(ts->map);
        set_font_options(ts->ctx[d]);
        pango_context_set_base_dir(ts->ctx[d], d ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
    }
    ts->hyphen_dir = g_strdup(hyphen_dir);
    ts->covered = FcCharSetCreate();
    FcFontSet *set = FcConfigGetFonts(fc, FcSetSystem);
    for (int i = 0; set && i < set->nfont; i++) {
        FcCharSet *cs = NULL;
        if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &cs) == FcResultMatch)
            FcCharSetMerge(ts->covered, cs, NULL);
    }
    return ts;
}

/* Set when the font map is finalised: GObject clears qdata last, after pango has released every
 * fontconfig object of the map. Heap-allocated, because a worker may outlive a waiter that gave up.
 */
typedef struct map_end {
    GMutex lock;
    GCond cond;
    bool done, abandoned;
} map_end;

static void map_ended(gpointer data)
{
    map_end *e = data;
    g_mutex_lock(&e->lock);
    bool abandoned = e->abandoned;
    e->done = true;
    g_cond_signal(&e->cond);
    g_mutex_unlock(&e->lock);
    if (abandoned) g_free(e);
}

/* Drops our reference to map and waits until the map is finalised. pango 1.50 runs FcFontSetMatch
 * and FcFontSetSort for each new font pattern in threads of their own, each holding a reference to
 * the map, the config and cached font patterns; the thread that is not waited for (often the sort)
 * can still run when main() ends, and FcFini() then aborts in FcCacheFini (issue #10). The worker
 * drops its map reference last, so once the map is finalised no worker touches fontconfig again.
 * False when that did not happen within timeout_us: then fontconfig must not be shut down. */
static bool unref_map_and_wait(PangoFontMap *map, gint64 timeout_us)
{
    map_end *e = g_new0(map_end, 1);
    g_mutex_init(&e->lock);
    g_cond_init(&e->cond);
    g_object_set_data_full(G_OBJECT(map), "pp-map-end", e, map_ended);
    g_object_unref(map);
    gint64 deadline = g_get_monotonic_time() + timeout_us;
    g_mutex_lock(&e->lock);
    while (!e->done && g_cond_wait_until(&e->cond, &e->lock, deadline))
        ;
    bool done = e->done;
    e->abandoned = !done; /* the worker frees it when it ends */
    g_mutex_unlock(&e->lock);
    if (done) {
        g_mutex_clear(&e->lock);
        g_cond_clear(&e->cond);
        g_free(e);
    }
    return done;
}

bool pp_typeset_free(pp_typeset *ts)
{
    if (!ts) return true;
    pp_hyphenator_free(ts->hyph);
    g_hash_table_destroy(ts->hyphenated);
    FcCharSetDestroy(ts->covered);
    g_object_unref(ts->ctx[0]);
    g_object_unref(ts->ctx[1]);
    /* pango 1.50 keeps a reference to the config past finalize unless it is unset first; without
     * this FcFini() asserts at exit and valgrind reports the config lost. */
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(ts->map), NULL);
    bool quiet = unref_map_and_wait(ts->map, 5 * G_USEC_PER_SEC);
    FcConfigDestroy(ts->fc);
    g_free(ts->hyphen_dir);
    g_free(ts->lang);
    g_free(ts);
    return quiet;
}

void pp_typeset_set_language(pp_typeset *ts, const char *lang)
{
    if (ts->lang && lang && strcmp(ts->lang, lang) == 0) return;
    pp_hyphenator_free(ts->hyph);
    ts->hyph = NULL;
    ts->hyph_tried = false;
    g_hash_table_remove_all(ts->hyphenated);
    g_free(ts->lang);
    ts->lang = g_strdup(lang);
    ts->rtl = pp_lang_is_rtl(lang);
    for (int d = 0; d < 2; d++)
        pango_context_set_language(ts->ctx[d], pango_language_from_string(lang));
}

void pp_typeset_set_rtl(pp_typeset *ts, bool rtl)
{
    ts->rtl = rtl;
}

bool pp_typeset_rtl(const pp_typeset *ts)
{
    return ts->rtl;
}

bool pp_lang_is_rtl(const char *lang)
{
    /* Languages written right to left (their primary subtag), as in CLDR's character order. */
    static const char *const rtl[] = {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks",
                                      "ps", "sd",  "syr", "ug", "ur", "yi", NULL};
    if (!lang) return false;
    size_t n = strcspn(lang, "-_");
    for (size_t i = 0; rtl[i]; i++)
        if (strlen(rtl[i]) == n && g_ascii_strncasecmp(lang, rtl[i], n) == 0) return true;
    return false;
}

const char *pp_typeset_language(const pp_typeset *ts)
{
    return ts->lang;
}

/* Whether family has a face of this weight and slant (a missing one would be synthesised). */
static bool has_face(PangoFontFamily *fam, int weight, bool italic)
{
    PangoFontFace **faces = NULL;
    int n = 0;
    pango_font_family_list_faces(fam, &faces, &n);
    bool found = false;
    for (int i = 0; i < n && !found; i++) {
        PangoFontDescription *d = pango_font_face_describe(faces[i]);
        found = (int)pango_font_description_get_weight(d) == weight &&
                (pango_font_description_get_style(d) != PANGO_STYLE_NORMAL) == italic;
        pango_font_description_free(d);
    }
    g_free(faces);
    return found;
}

bool pp_typeset_check_face(pp_typeset *ts, const char *family, int weight, bool italic,
                           const char *where, pp_error *err)
{
    PangoFontFamily **fams = NULL;
    int n = 0;
    pango_font_map_list_families(ts->map, &fams, &n);
    PangoFontFamily *fam = NULL;
    for (int i = 0; i < n && !fam; i++)
        if (g_ascii_strcasecmp(pango_font_family_get_name(fams[i]), family) == 0) fam = fams[i];
    bool found = fam && has_face(fam, weight, italic);
    g_free(fams);
    if (!fam)
        pp_error_set(err, PP_ERR_INVALID, where, 0,
                     "font family \"%s\" is not among the shipped fonts (fonts/)", family);
    else if (!found)
        pp_error_set(err, PP_ERR_INVALID, where, 0,
                     "font \"%s\" has no %s face of weight %d among the shipped fonts (fonts/): "
                     "is a font file missing?",
                     family, italic ? "italic" : "upright", weight);
    return found;
}

PangoContext *pp_typeset_context(pp_typeset *ts)
{
    return ts->ctx[ts->rtl];
}

/* Appends text[from, to) to out, hyphenated. */
static void put_hyphenated(pp_typeset *ts, GString *out, const char *text, size_t from, size_t to)
{
    char *part = g_strndup(text + from, to - from);
    char *h = pp_hyphenator_apply(ts->hyph, part);
    g_string_append(out, h);
    g_free(h);
    g_free(part);
}

static char *hyphenate(pp_typeset *ts, const char *text);

char *pp_typeset_hyphenate(pp_typeset *ts, const char *text)
{
    const char *done = g_hash_table_lookup(ts->hyphenated, text);
    if (!done) {
        done = hyphenate(ts, text);
        g_hash_table_insert(ts->hyphenated, g_strdup(text), (char *)done);
    }
    return g_strdup(done);
}

static char *hyphenate(pp_typeset *ts, const char *text)
{
    /* Loading a dictionary parses its whole pattern file (a quarter of a follow-up plaat's run):
     * done on the first text that asks for hyphenation, never for sheets that hyphenate nothing. */
    if (!ts->hyph_tried) {
        char *cache = g_build_filename(g_get_user_cache_dir(), "praatplaat-hyphen", NULL);
        ts->hyph = pp_hyphenator_load(ts->hyphen_dir, ts->lang, cache);
        g_free(cache);
        ts->hyph_tried = true;
    }
    if (!ts->hyph) return g_strdup(text);
    GArray *spans = pp_address_find(text); /* addresses are never hyphenated */
    GString *out = g_string_sized_new(strlen(text) + 16);
    size_t at = 0;
    for (guint i = 0; i < spans->len; i++) {
        pp_span sp = g_array_index(spans, pp_span, i);
        put_hyphenated(ts, out, text, at, sp.start);
        g_string_append_len(out, text + sp.start, (gssize)(sp.end - sp.start));
        at = sp.end;
    }
    put_hyphenated(ts, out, text, at, strlen(text));
    g_array_free(spans, TRUE);
    return g_string_free(out, FALSE);
}

bool pp_lang_hyphenates(const char *lang)
{
    /* Scripts whose words are not broken with a hyphen: right-to-left ones (Arabic, Hebrew, …),
     * and Chinese, Japanese, Korean, Lao, Khmer, Burmese and Tibetan, which break between
     * syllables or characters without one. */
    static const char *const none[] = {"zh", "ja", "ko", "lo", "km", "my", "bo", NULL};
    if (!lang || pp_lang_is_rtl(lang)) return false;
    size_t n = strcspn(lang, "-_");
    for (size_t i = 0; none[i]; i++)
        if (strlen(none[i]) == n && g_ascii_strncasecmp(lang, none[i], n) == 0) return false;
    return true;
}

bool pp_typeset_hyphenation_missing(const pp_typeset *ts)
{
    return ts->hyph_tried && !ts->hyph && pp_lang_hyphenates(ts->lang);
}

const char *pp_typeset_hyphen_dir(const pp_typeset *ts)
{
    return ts->hyphen_dir;
}

gunichar pp_typeset_missing_char(const pp_typeset *ts, const char *text)
{
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == '\n' || c == 0xAD || g_unichar_type(c) == G_UNICODE_FORMAT) continue;
        if (!FcCharSetHasChar(ts->covered, c)) return c;
    }
    return 0;
}

bool pp_typeset_has_rtl(const char *text)
{
    for (const char *p = text; p && *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isalpha(c) && pp_unichar_is_rtl(c)) return true;
    }
    return false;
}
