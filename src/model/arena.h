/* pp_arena: many small allocations freed together. A loaded document (content, layout, scene) owns
 * one arena and everything built from its input lives in it, so one _free releases it all.
 * Allocation sizes are overflow-checked; memory is zeroed. Pointers stay valid until pp_arena_free.
 *
 * Out of memory: praatplaat's policy everywhere is glib's, to abort (g_new, g_malloc). Every input
 * is bounded (base/limits.h), so an allocation fails only when the machine itself has no memory
 * left, and no caller could do better than stop. So no allocation here returns NULL, and callers do
 * not check; a size whose computation would overflow aborts the same way. */
#ifndef PP_ARENA_H
#define PP_ARENA_H

#include <stddef.h>

typedef struct pp_arena pp_arena;

/* Returns a new empty arena; free it with pp_arena_free. */
pp_arena *pp_arena_new(void);
void pp_arena_free(pp_arena *a);

/* n elements of size bytes, zeroed. Owned by the arena. */
void *pp_arena_calloc(pp_arena *a, size_t n, size_t size);

/* A copy of s (NUL-terminated) or of its first len bytes; owned by the arena. */
char *pp_arena_strdup(pp_arena *a, const char *s);
char *pp_arena_strndup(pp_arena *a, const char *s, size_t len);

#endif
