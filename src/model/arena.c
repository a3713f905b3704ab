#include "model/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Invariant: blocks form a list, newest first; each allocation is a block of its own or carved from
 * the newest chunk. Big requests get their own block so chunks never waste much. */
typedef struct block {
    struct block *next;
    size_t used, cap;
    max_align_t data[]; /* aligned storage */
} block;

struct pp_arena {
    block *head;
};

enum { CHUNK = 64 * 1024 };

pp_arena *pp_arena_new(void)
{
    return calloc(1, sizeof(pp_arena));
}

void pp_arena_free(pp_arena *a)
{
    if (!a) return;
    for (block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

static block *new_block(size_t cap)
{
    if (cap > SIZE_MAX - sizeof(block)) return NULL;
    block *b = calloc(1, sizeof(block) + cap);
    if (b) b->cap = cap;
    return b;
}

void *pp_arena_calloc(pp_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) return NULL;
    size_t bytes = n * size;
    const size_t align = sizeof(max_align_t);
    if (bytes > SIZE_MAX - align) return NULL;
    bytes = (bytes + align - 1) / align * align;
    if (bytes == 0) bytes = align;
    block *b = a->head;
    if (!b || b->cap - b->used < bytes) {
        block *fresh = new_block(bytes > CHUNK / 4 ? bytes : CHUNK);
        if (!fresh) return NULL;
        /* A big block goes second so the current chunk keeps serving small requests. */
        if (bytes > CHUNK / 4 && b) {
            fresh->next = b->next;
            b->next = fresh;
        } else {
            fresh->next = b;
            a->head = fresh;
        }
        b = fresh;
    }
    void *p = (char *)b->data + b->used;
    b->used += bytes;
    return p;
}

char *pp_arena_strndup(pp_arena *a, const char *s, size_t len)
{
    if (len == SIZE_MAX) return NULL;
    char *p = pp_arena_calloc(a, len + 1, 1);
    if (p) memcpy(p, s, len);
    return p;
}

char *pp_arena_strdup(pp_arena *a, const char *s)
{
    return pp_arena_strndup(a, s, strlen(s));
}
