#include "typeset/hyphen_cache.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

/* The file: a header, then per dictionary level (libhyphen chains them through nextlevel) its
 * options, counts, states, transitions and string bytes. Integers are fixed-size, in this
 * machine's byte order (the cache never leaves it); every pointer of libhyphen's structures is an
 * offset into the level's strings, or -1 for NULL. */
static const char MAGIC[8] = {'P', 'P', 'H', 'Y', 'P', 'H', 0, 1};
enum { MAX_LEVELS = 4, MAX_STATES = 1 << 22, MAX_STRINGS = 1 << 26 };

struct pp_hyphen_cache {
    char *bytes; /* the file; strings point into it */
    HyphenDict *levels[MAX_LEVELS];
    HyphenTrans *trans[MAX_LEVELS]; /* each level's transitions, one array */
    int n_levels;
};

/* The cache file of dic_path: its name holds a digest of the path, the size and the time of
 * change, so another version of the pattern file never meets an old form. */
static char *cache_name(const char *cache_dir, const char *dic_path)
{
    struct stat st;
    if (g_stat(dic_path, &st) != 0) return NULL;
    char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, dic_path, -1);
    char *base = g_path_get_basename(dic_path);
    char *name = g_strdup_printf("%s-%.16s-%lld-%lld.pph", base, sum, (long long)st.st_size,
                                 (long long)st.st_mtime);
    char *path = g_build_filename(cache_dir, name, NULL);
    g_free(name);
    g_free(base);
    g_free(sum);
    return path;
}

/* ---- writing ---- */

static void put(GByteArray *b, const void *p, size_t n)
{
    g_byte_array_append(b, p, (guint)n);
}

static void put_i32(GByteArray *b, int32_t v)
{
    put(b, &v, sizeof v);
}

/* Offset of s in strings (appended there), or -1 for NULL. */
static int32_t put_string(GByteArray *strings, const char *s)
{
    if (!s) return -1;
    int32_t off = (int32_t)strings->len;
    put(strings, s, strlen(s) + 1);
    return off;
}

/* libhyphen keeps NOHYPHEN's entries as nohyphenl + 1 strings one after the other (it turns the
 * commas into NULs): the offset of a copy of all of them, or -1. */
static int32_t put_nohyphen(GByteArray *strings, const HyphenDict *d)
{
    if (!d->nohyphen) return -1;
    const char *end = d->nohyphen;
    for (int i = 0; i <= d->nohyphenl; i++)
        end += strlen(end) + 1;
    int32_t off = (int32_t)strings->len;
    put(strings, d->nohyphen, (size_t)(end - d->nohyphen));
    return off;
}

static void put_level(GByteArray *b, const HyphenDict *d)
{
    GByteArray *strings = g_byte_array_new(), *states = g_byte_array_new(),
               *trans = g_byte_array_new();
    int32_t n_trans = 0;
    for (int i = 0; i < d->num_states; i++) {
        const HyphenState *s = &d->states[i];
        put_i32(states, put_string(strings, s->match));
        put_i32(states, put_string(strings, s->repl));
        put(states, &s->replindex, 1);
        put(states, &s->replcut, 1);
        put_i32(states, s->fallback_state);
        put_i32(states, s->num_trans);
        put_i32(states, n_trans);
        for (int k = 0; k < s->num_trans; k++, n_trans++) {
            put(trans, &s->trans[k].ch, 1);
            put_i32(trans, s->trans[k].new_state);
        }
    }
    int32_t nohyphen = put_nohyphen(strings, d);
    char opts[4] = {d->lhmin, d->rhmin, d->clhmin, d->crhmin};
    put(b, opts, sizeof opts);
    put_i32(b, d->utf8);
    put(b, d->cset, MAX_NAME);
    put_i32(b, d->num_states);
    put_i32(b, n_trans);
    put_i32(b, (int32_t)strings->len);
    put_i32(b, nohyphen);
    put_i32(b, d->nohyphenl);
    put(b, states->data, states->len);
    put(b, trans->data, trans->len);
    put(b, strings->data, strings->len);
    g_byte_array_free(strings, TRUE);
    g_byte_array_free(states, TRUE);
    g_byte_array_free(trans, TRUE);
}

int pp_hyphen_cache_save(const char *cache_dir, const char *dic_path, const HyphenDict *d)
{
    int n = 0;
    for (const HyphenDict *l = d; l; l = l->nextlevel)
        n++;
    char *path = n <= MAX_LEVELS ? cache_name(cache_dir, dic_path) : NULL;
    if (!path || g_mkdir_with_parents(cache_dir, 0700) != 0) {
        g_free(path);
        return 0;
    }
    GByteArray *b = g_byte_array_new();
    put(b, MAGIC, sizeof MAGIC);
    put_i32(b, n);
    for (const HyphenDict *l = d; l; l = l->nextlevel)
        put_level(b, l);
    /* g_file_set_contents writes a temporary file and renames it: readers never see half a form. */
    int ok = g_file_set_contents(path, (const char *)b->data, b->len, NULL);
    g_byte_array_free(b, TRUE);
    g_free(path);
    return ok;
}

/* ---- reading: every count, offset and string checked ---- */

typedef struct cursor {
    const char *p, *end;
    int ok;
} cursor;

static const char *take(cursor *c, size_t n)
{
    if (!c->ok || (size_t)(c->end - c->p) < n) {
        c->ok = 0;
        return NULL;
    }
    const char *at = c->p;
    c->p += n;
    return at;
}

static int32_t get_i32(cursor *c)
{
    int32_t v = 0;
    const char *at = take(c, sizeof v);
    if (at) memcpy(&v, at, sizeof v);
    return v;
}

static char get_char(cursor *c)
{
    const char *at = take(c, 1);
    return at ? *at : 0;
}

/* The string at off of a level's strings (n bytes, ending in a NUL), or NULL for -1. */
static char *string_at(cursor *c, char *strings, int32_t n, int32_t off)
{
    if (off == -1) return NULL;
    if (off < 0 || off >= n) c->ok = 0;
    return c->ok ? strings + off : NULL;
}

static void free_level(HyphenDict *d)
{
    if (!d) return;
    g_free(d->states);
    g_free(d);
}

static void read_state(cursor *c, HyphenState *s, int32_t *match, int32_t *repl, int32_t *start)
{
    *match = get_i32(c);
    *repl = get_i32(c);
    s->replindex = (signed char)get_char(c);
    s->replcut = (signed char)get_char(c);
    s->fallback_state = get_i32(c);
    s->num_trans = get_i32(c);
    *start = get_i32(c);
}

/* The transitions and strings of d's states, read after them; checks every reference. */
static void link_level(cursor *c, HyphenDict *d, HyphenTrans *trans, const int32_t *refs,
                       int32_t n_trans, int32_t n_strings, int32_t nohyphen)
{
    for (int32_t k = 0; k < n_trans && c->ok; k++) {
        trans[k].ch = get_char(c);
        trans[k].new_state = get_i32(c);
        if (trans[k].new_state < 0 || trans[k].new_state >= d->num_states) c->ok = 0;
    }
    char *strings = (char *)take(c, (size_t)n_strings);
    if (c->ok && n_strings > 0 && strings[n_strings - 1] != '\0') c->ok = 0;
    for (int i = 0; i < d->num_states && c->ok; i++) {
        HyphenState *s = &d->states[i];
        const int32_t *r = &refs[3 * i];
        s->match = string_at(c, strings, n_strings, r[0]);
        s->repl = string_at(c, strings, n_strings, r[1]);
        if (s->fallback_state < -1 || s->fallback_state >= d->num_states || s->num_trans < 0 ||
            r[2] < 0 || r[2] > n_trans - s->num_trans)
            c->ok = 0;
        else
            s->trans = trans + r[2];
    }
    d->nohyphen = string_at(c, strings, n_strings, nohyphen);
    /* its nohyphenl + 1 entries must all lie inside the strings (each ends in a NUL there) */
    const char *p = d->nohyphen;
    for (int i = 0; p && c->ok && i <= d->nohyphenl; i++) {
        const char *nul = memchr(p, '\0', (size_t)(strings + n_strings - p));
        if (!nul || (i < d->nohyphenl && nul + 1 >= strings + n_strings)) c->ok = 0;
        p = nul ? nul + 1 : NULL;
    }
}

/* One level; its transitions go to *trans (the caller frees them), even on failure. */
/* libhyphen follows fallback states until -1 for every letter: a loop among them would never end.
 * The states form a trie from state 0, and a state falls back to a proper suffix of its string,
 * so each fallback must lie strictly nearer the root; checked here, with every state reachable. */
static void check_fallbacks(cursor *c, const HyphenDict *d)
{
    int *depth = g_new(int, d->num_states), *queue = g_new(int, d->num_states);
    for (int i = 0; i < d->num_states; i++)
        depth[i] = -1;
    int head = 0, tail = 0;
    depth[0] = 0;
    queue[tail++] = 0;
    while (head < tail) {
        const HyphenState *s = &d->states[queue[head++]];
        for (int k = 0; k < s->num_trans; k++) {
            int t = s->trans[k].new_state;
            if (depth[t] < 0) depth[t] = depth[queue[head - 1]] + 1, queue[tail++] = t;
        }
    }
    for (int i = 0; i < d->num_states && c->ok; i++) {
        int fb = d->states[i].fallback_state;
        if (depth[i] < 0 || (fb == -1 ? i != 0 && depth[i] == 0 : depth[fb] >= depth[i])) c->ok = 0;
    }
    g_free(depth);
    g_free(queue);
}

static HyphenDict *read_level(cursor *c, HyphenTrans **trans)
{
    HyphenDict *d = g_new0(HyphenDict, 1);
    const char *opts = take(c, 4);
    if (opts) d->lhmin = opts[0], d->rhmin = opts[1], d->clhmin = opts[2], d->crhmin = opts[3];
    d->utf8 = get_i32(c);
    const char *cset = take(c, MAX_NAME);
    if (cset) memcpy(d->cset, cset, MAX_NAME);
    d->cset[MAX_NAME - 1] = '\0';
    d->num_states = get_i32(c);
    int32_t n_trans = get_i32(c), n_strings = get_i32(c), nohyphen = get_i32(c);
    d->nohyphenl = get_i32(c);
    if (!c->ok || d->nohyphenl < 0 || d->nohyphenl > MAX_STRINGS || d->num_states < 1 ||
        d->num_states > MAX_STATES || n_trans < 0 || n_trans > MAX_STATES || n_strings < 0 ||
        n_strings > MAX_STRINGS) {
        c->ok = 0;
        g_free(d);
        return NULL;
    }
    d->states = g_new0(HyphenState, d->num_states);
    int32_t *refs = g_new(int32_t, 3 * (size_t)d->num_states);
    for (int i = 0; i < d->num_states && c->ok; i++)
        read_state(c, &d->states[i], &refs[3 * i], &refs[3 * i + 1], &refs[3 * i + 2]);
    *trans = g_new0(HyphenTrans, n_trans ? n_trans : 1);
    if (c->ok) link_level(c, d, *trans, refs, n_trans, n_strings, nohyphen);
    if (c->ok) check_fallbacks(c, d);
    g_free(refs);
    return d;
}

pp_hyphen_cache *pp_hyphen_cache_load(const char *cache_dir, const char *dic_path)
{
    char *path = cache_name(cache_dir, dic_path);
    gsize len = 0;
    pp_hyphen_cache *h = g_new0(pp_hyphen_cache, 1);
    if (!path || !g_file_get_contents(path, &h->bytes, &len, NULL)) {
        g_free(path);
        g_free(h);
        return NULL;
    }
    g_free(path);
    cursor c = {h->bytes, h->bytes + len, 1};
    const char *magic = take(&c, sizeof MAGIC);
    int32_t n = get_i32(&c);
    if (!magic || memcmp(magic, MAGIC, sizeof MAGIC) != 0 || n < 1 || n > MAX_LEVELS) c.ok = 0;
    for (int i = 0; c.ok && i < n; i++) {
        h->levels[h->n_levels] = read_level(&c, &h->trans[h->n_levels]);
        if (h->levels[h->n_levels] || h->trans[h->n_levels]) h->n_levels++;
    }
    if (!c.ok || c.p != c.end) {
        pp_hyphen_cache_free(h);
        return NULL;
    }
    for (int i = 0; i + 1 < h->n_levels; i++)
        h->levels[i]->nextlevel = h->levels[i + 1];
    return h;
}

HyphenDict *pp_hyphen_cache_dict(pp_hyphen_cache *c)
{
    return c->levels[0];
}

void pp_hyphen_cache_free(pp_hyphen_cache *c)
{
    if (!c) return;
    for (int i = 0; i < c->n_levels; i++) {
        free_level(c->levels[i]);
        g_free(c->trans[i]);
    }
    g_free(c->bytes);
    g_free(c);
}
