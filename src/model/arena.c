#include "model/arena.h"

#include <glib.h>
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

/* A size that cannot be allocated: the same end as running out of memory (see arena.h). */
static G_NORETURN void overflow(size_t n)
{
    g_error("praatplaat: an allocation of %zu elements overflows", n);
}

pp_arena *pp_arena_new(void)
{
    return g_new0(pp_arena, 1);
}

void pp_arena_free(pp_arena *a)
{
    if (!a) return;
    for (block *b = a->head, *next; b; b = next) {
        next = b->next;
        g_free(b);
    }
    g_free(a);
}

static block *new_block(size_t cap)
{
    if (cap > SIZE_MAX - sizeof(block)) overflow(cap);
    block *b = g_malloc0(sizeof(block) + cap);
    b->cap = cap;
    return b;
}

void *pp_arena_calloc(pp_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) overflow(n);
    size_t bytes = n * size;
    const size_t align = sizeof(max_align_t);
    if (bytes > SIZE_MAX - align) overflow(bytes);
    bytes = (bytes + align - 1) / align * align;
    if (bytes == 0) bytes = align;
    block *b = a->head;
    if (!b || b->cap - b->used < bytes) {
        block *fresh = new_block(bytes > CHUNK / 4 ? bytes : CHUNK);
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
    if (len == SIZE_MAX) overflow(len);
    char *p = pp_arena_calloc(a, len + 1, 1);
    memcpy(p, s, len);
    return p;
}

char *pp_arena_strdup(pp_arena *a, const char *s)
{
    return pp_arena_strndup(a, s, strlen(s));
}
