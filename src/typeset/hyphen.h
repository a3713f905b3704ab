/* pp_hyphenator: libhyphen patterns for one language, with the conversions its dictionaries need
 * (some are ISO-8859-1, some UTF-8). pp_hyphenator_load returns NULL when no dictionary exists for
 * the language; free with pp_hyphenator_free. */
#ifndef PP_HYPHEN_H
#define PP_HYPHEN_H

typedef struct pp_hyphenator pp_hyphenator;

/* The dictionary in dir for lang (BCP 47: "de", "de-CH", "pt-BR", "sr-Latn-RS"), as Debian's
 * hyphen-* packages name them: hyph_ll_CC.dic for the tag's region, else hyph_ll.dic, else
 * hyph_ll_LL.dic (es_ES, pl_PL, ru_RU), else the first hyph_ll_*.dic by name; "no" is looked up as
 * Bokmål (nb). A path to g_free, or NULL when the language has none. */
char *pp_hyphenator_find(const char *dir, const char *lang);
/* The dictionary pp_hyphenator_find names for lang, or NULL when none. With cache_dir (NULL:
 * none), the dictionary's compact form is read from there, or written there after parsing
 * (typeset/hyphen_cache.h). */
pp_hyphenator *pp_hyphenator_load(const char *dir, const char *lang, const char *cache_dir);
void pp_hyphenator_free(pp_hyphenator *h);

/* utf8 with U+00AD inserted at every hyphenation point of its words; g_free the result. */
char *pp_hyphenator_apply(const pp_hyphenator *h, const char *utf8);

#endif
