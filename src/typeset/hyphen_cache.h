/* A compact form of a libhyphen dictionary, kept in the user's cache directory. Parsing a pattern
 * file (hnj_hyphen_load) costs about 40 million instructions for Dutch, a quarter of a sheet's run;
 * reading the same state machine back from its compact form costs about one per cent of that. The
 * form holds libhyphen's own structures (hyphen.h: HyphenDict, HyphenState, HyphenTrans) with
 * offsets for pointers, and is keyed by the pattern file's path, size and time of change.
 *
 * The cache is untrusted input like any file: every count, offset and string is checked before
 * use, and anything wrong makes pp_hyphen_cache_load return NULL (the caller then parses the
 * pattern file and writes a fresh cache). Nothing here is an error for the user: a cache that
 * cannot be read or written only costs time. */
#ifndef PP_HYPHEN_CACHE_H
#define PP_HYPHEN_CACHE_H

#include <hyphen.h>

typedef struct pp_hyphen_cache pp_hyphen_cache;

/* The dictionary of the pattern file at dic_path from cache_dir, or NULL when there is no valid
 * compact form of this version of the file. The dictionary (pp_hyphen_cache_dict, borrowed) lives
 * as long as the returned object; free with pp_hyphen_cache_free, never with hnj_hyphen_free. */
pp_hyphen_cache *pp_hyphen_cache_load(const char *cache_dir, const char *dic_path);
HyphenDict *pp_hyphen_cache_dict(pp_hyphen_cache *c);
void pp_hyphen_cache_free(pp_hyphen_cache *c);

/* Writes the compact form of d, parsed from dic_path, into cache_dir (created if missing),
 * atomically. Returns whether it was written. */
int pp_hyphen_cache_save(const char *cache_dir, const char *dic_path, const HyphenDict *d);

#endif
