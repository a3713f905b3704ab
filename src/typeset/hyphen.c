#include "typeset/hyphen.h"

#include "typeset/hyphen_cache.h"

#include <glib.h>
#include <hyphen.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct pp_hyphenator {
    HyphenDict *dict;        /* borrowed from cached when that is set, else parsed and owned */
    pp_hyphen_cache *cached; /* the compact form the dictionary came from, or NULL */
    char *charset;           /* the dictionary's encoding, from its first line */
};

/* Shortest word that is hyphenated, and the fewest letters kept before and after a break. */
enum { MIN_WORD = 6, LEFT_MIN = 2, RIGHT_MIN = 3, MAX_WORD = 100 };

static char *read_charset(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[64] = "";
    if (!f) return NULL;
    if (!fgets(line, sizeof line, f)) line[0] = '\0';
    fclose(f);
    line[strcspn(line, "\r\n")] = '\0';
    return line[0] ? g_strdup(line) : NULL;
}

/* The dictionary at path: from its compact form in cache_dir when there is a valid one, else
 * parsed (and its compact form written for the next run). */
static pp_hyphenator *load_dict(const char *path, const char *cache_dir)
{
    char *cs = read_charset(path);
    if (!cs) return NULL;
    pp_hyphenator *h = g_new0(pp_hyphenator, 1);
    h->charset = cs;
    h->cached = cache_dir ? pp_hyphen_cache_load(cache_dir, path) : NULL;
    if (h->cached) {
        h->dict = pp_hyphen_cache_dict(h->cached);
        return h;
    }
    h->dict = hnj_hyphen_load(path);
    if (!h->dict) {
        pp_hyphenator_free(h);
        return NULL;
    }
    if (cache_dir) pp_hyphen_cache_save(cache_dir, path, h->dict);
    return h;
}

/* A language's primary subtag, lower case, and its region (two letters or three digits, upper
 * case; "" when none) from a BCP 47 tag ("de", "de-CH", "sr-Latn-RS", "pt_BR"). */
static void split_tag(const char *lang, char ll[9], char cc[4])
{
    ll[0] = cc[0] = '\0';
    gchar **parts = g_strsplit_set(lang, "-_", -1);
    for (size_t i = 0; parts[i]; i++) {
        size_t n = strlen(parts[i]);
        if (i == 0 && n >= 2 && n <= 8)
            g_strlcpy(ll, parts[i], 9);
        else if (i > 0 && !cc[0] && (n == 2 || (n == 3 && g_ascii_isdigit(parts[i][0]))))
            g_strlcpy(cc, parts[i], 4);
    }
    g_strfreev(parts);
    for (char *p = ll; *p; p++)
        *p = g_ascii_tolower(*p);
    for (char *p = cc; *p; p++)
        *p = g_ascii_toupper(*p);
}

/* The first, in name order, of dir's hyph_LL_*.dic (a language whose only dictionaries are
 * regional, as Debian's hyphen-es, -pl, -ru); g_free, NULL when none. */
static char *any_region(const char *dir, const char *ll)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    if (!d) return NULL;
    char *prefix = g_strdup_printf("hyph_%s_", ll), *best = NULL;
    for (const char *name; (name = g_dir_read_name(d));) {
        if (!g_str_has_prefix(name, prefix) || !g_str_has_suffix(name, ".dic")) continue;
        if (!best || strcmp(name, best) < 0) {
            g_free(best);
            best = g_strdup(name);
        }
    }
    g_dir_close(d);
    g_free(prefix);
    char *path = best ? g_build_filename(dir, best, NULL) : NULL;
    g_free(best);
    return path;
}

char *pp_hyphenator_find(const char *dir, const char *lang)
{
    if (!dir || !lang) return NULL;
    char ll[9], cc[4];
    split_tag(lang, ll, cc);
    if (!ll[0]) return NULL;
    /* Norwegian: dictionaries come as Bokmål (nb) and Nynorsk (nn); "no" means Bokmål. */
    if (strcmp(ll, "no") == 0) g_strlcpy(ll, "nb", sizeof ll);
    char *up = g_ascii_strup(ll, -1);
    char *names[3] = {cc[0] ? g_strdup_printf("%s/hyph_%s_%s.dic", dir, ll, cc) : NULL,
                      g_strdup_printf("%s/hyph_%s.dic", dir, ll),
                      g_strdup_printf("%s/hyph_%s_%s.dic", dir, ll, up)};
    char *found = NULL;
    for (int i = 0; i < 3 && !found; i++)
        if (names[i] && g_file_test(names[i], G_FILE_TEST_IS_REGULAR)) found = g_strdup(names[i]);
    for (int i = 0; i < 3; i++)
        g_free(names[i]);
    g_free(up);
    return found ? found : any_region(dir, ll);
}

pp_hyphenator *pp_hyphenator_load(const char *dir, const char *lang, const char *cache_dir)
{
    char *path = pp_hyphenator_find(dir, lang);
    pp_hyphenator *h = path ? load_dict(path, cache_dir) : NULL;
    g_free(path);
    return h;
}

void pp_hyphenator_free(pp_hyphenator *h)
{
    if (!h) return;
    if (h->cached)
        pp_hyphen_cache_free(h->cached);
    else if (h->dict)
        hnj_hyphen_free(h->dict);
    g_free(h->charset);
    g_free(h);
}

/* Marks in breaks[k] (k = character index) where a soft hyphen goes before character k. */
static bool word_breaks(const pp_hyphenator *h, const char *word, size_t nbytes, long nchars,
                        bool *breaks)
{
    char *low = g_utf8_strdown(word, (gssize)nbytes);
    if (g_utf8_strlen(low, -1) != nchars) {
        g_free(low);
        return false;
    }
    gsize len = 0;
    char *enc = g_convert(low, -1, h->charset, "UTF-8", NULL, &len, NULL);
    bool utf8 = g_ascii_strcasecmp(h->charset, "UTF-8") == 0;
    bool found = false;
    if (enc) {
        char *hy = g_malloc0(len + 5);
        char **rep = NULL;
        int *pos = NULL, *cut = NULL;
        if (hnj_hyphen_hyphenate2(h->dict, enc, (int)len, hy, NULL, &rep, &pos, &cut) == 0) {
            for (gsize i = 0; i + 1 < len; i++) {
                if (!(hy[i] & 1) || (rep && rep[i])) continue; /* non-standard breaks: skip */
                /* A break after byte i: character index of byte i + 1. */
                long k = utf8 ? g_utf8_pointer_to_offset(enc, enc + i + 1) : (long)i + 1;
                if (k >= LEFT_MIN && nchars - k >= RIGHT_MIN) found = breaks[k] = true;
            }
        }
        if (rep) {
            for (gsize i = 0; i < len; i++)
                free(rep[i]);
            free(rep);
        }
        free(pos);
        free(cut);
        g_free(hy);
    }
    g_free(enc);
    g_free(low);
    return found;
}

/* Appends word to out, with soft hyphens where the patterns allow. */
static void put_word(const pp_hyphenator *h, GString *out, const char *word, size_t nbytes)
{
    long nchars = g_utf8_strlen(word, (gssize)nbytes);
    bool breaks[MAX_WORD + 1] = {false};
    if (nchars < MIN_WORD || nchars > MAX_WORD || !word_breaks(h, word, nbytes, nchars, breaks)) {
        g_string_append_len(out, word, (gssize)nbytes);
        return;
    }
    const char *p = word;
    for (long k = 0; k < nchars; k++) {
        if (breaks[k]) g_string_append(out, "\xC2\xAD");
        const char *next = g_utf8_next_char(p);
        g_string_append_len(out, p, next - p);
        p = next;
    }
}

char *pp_hyphenator_apply(const pp_hyphenator *h, const char *utf8)
{
    GString *out = g_string_sized_new(strlen(utf8) + 16);
    const char *p = utf8, *start = NULL;
    for (;; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        bool letter = c && g_unichar_isalpha(c);
        if (letter && !start) start = p;
        if (!letter && start) {
            put_word(h, out, start, (size_t)(p - start));
            start = NULL;
        }
        if (!c) break;
        if (!letter) g_string_append_len(out, p, g_utf8_next_char(p) - p);
    }
    return g_string_free(out, FALSE);
}
