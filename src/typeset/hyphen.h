/* pp_hyphenator: libhyphen patterns for one language, with the conversions its dictionaries need
 * (some are ISO-8859-1, some UTF-8). pp_hyphenator_load returns NULL when no dictionary exists for
 * the language; free with pp_hyphenator_free. */
#ifndef PP_HYPHEN_H
#define PP_HYPHEN_H

typedef struct pp_hyphenator pp_hyphenator;

/* Looks for hyph_ll_CC.dic, then hyph_ll.dic in dir, for lang "ll" or "ll-CC". With cache_dir
 * (NULL: none), the dictionary's compact form is read from there, or written there after parsing
 * (typeset/hyphen_cache.h). */
pp_hyphenator *pp_hyphenator_load(const char *dir, const char *lang, const char *cache_dir);
void pp_hyphenator_free(pp_hyphenator *h);

/* utf8 with U+00AD inserted at every hyphenation point of its words; g_free the result. */
char *pp_hyphenator_apply(const pp_hyphenator *h, const char *utf8);

#endif
