/* pp_arena: many small allocations freed together. A loaded document (content, layout, scene) owns
 * one arena and everything built from its input lives in it, so one _free releases it all.
 * Allocation sizes are overflow-checked; memory is zeroed. Pointers stay valid until pp_arena_free.
 */
#ifndef PP_ARENA_H
#define PP_ARENA_H

#include <stddef.h>

typedef struct pp_arena pp_arena;

/* Returns a new empty arena (free with pp_arena_free), or NULL when out of memory. */
pp_arena *pp_arena_new(void);
void pp_arena_free(pp_arena *a);

/* n elements of size bytes, zeroed; NULL on overflow or out of memory. Owned by the arena. */
void *pp_arena_calloc(pp_arena *a, size_t n, size_t size);

/* A copy of s (NUL-terminated) or of its first len bytes; owned by the arena. */
char *pp_arena_strdup(pp_arena *a, const char *s);
char *pp_arena_strndup(pp_arena *a, const char *s, size_t len);

#endif
