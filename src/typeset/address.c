#include "typeset/address.h"

#include <string.h>

static const char ZWSP[] = "\xE2\x80\x8B";
static const char TRAILING[] = ".,;:!?)\"'";

static bool starts_address(const char *w, size_t n)
{
    static const char *const prefixes[] = {"http://", "https://", "www."};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (n > strlen(prefixes[i]) &&
            g_ascii_strncasecmp(w, prefixes[i], strlen(prefixes[i])) == 0)
            return true;
    const char *at = memchr(w, '@', n);
    return at && at > w && memchr(at, '.', n - (size_t)(at - w)) != NULL;
}

/* The length of the run of n bytes at w without its trailing punctuation. */
static size_t trimmed(const char *w, size_t n)
{
    while (n > 0 && strchr(TRAILING, w[n - 1]))
        n--;
    return n;
}

/* White space or a no-break space: what ends a run. */
static bool is_gap(gunichar c)
{
    return g_unichar_isspace(c) || c == 0xA0;
}

GArray *pp_address_find(const char *text)
{
    GArray *spans = g_array_new(FALSE, FALSE, sizeof(pp_span));
    const char *p = text;
    while (*p) {
        while (*p && is_gap(g_utf8_get_char(p)))
            p = g_utf8_next_char(p);
        const char *w = p;
        while (*p && !is_gap(g_utf8_get_char(p)))
            p = g_utf8_next_char(p);
        size_t len = trimmed(w, (size_t)(p - w));
        if (len && starts_address(w, len)) {
            pp_span sp = {(size_t)(w - text), (size_t)(w - text) + len};
            g_array_append_val(spans, sp);
        }
    }
    return spans;
}

char *pp_address_mark_breaks(const char *text)
{
    GArray *spans = pp_address_find(text);
    GString *out = g_string_sized_new(strlen(text) + 16);
    size_t at = 0;
    for (guint i = 0; i < spans->len; i++) {
        pp_span s = g_array_index(spans, pp_span, i);
        g_string_append_len(out, text + at, (gssize)(s.start - at));
        for (size_t k = s.start; k < s.end; k++) {
            g_string_append_c(out, text[k]);
            if (text[k] == '.' && k + 1 < s.end) g_string_append(out, ZWSP);
        }
        at = s.end;
    }
    g_string_append(out, text + at);
    g_array_free(spans, TRUE);
    return g_string_free(out, FALSE);
}

/* No break inside [from, to) of an address, and no hyphen at its breaks. */
static void keep_together(PangoAttrList *attrs, size_t from, size_t to)
{
    PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
    a->start_index = (guint)from;
    a->end_index = (guint)to;
    pango_attr_list_insert(attrs, a);
}

void pp_address_attrs(PangoAttrList *attrs, const char *text)
{
    GArray *spans = pp_address_find(text);
    for (guint i = 0; i < spans->len; i++) {
        pp_span s = g_array_index(spans, pp_span, i);
        PangoAttribute *h = pango_attr_insert_hyphens_new(FALSE);
        h->start_index = (guint)s.start;
        h->end_index = (guint)s.end;
        pango_attr_list_insert(attrs, h);
        size_t from = s.start;
        for (size_t k = s.start; k < s.end; k++) {
            bool sep = text[k] == '/' || text[k] == '-' ||
                       (text[k] == '.' && !strncmp(text + k + 1, ZWSP, 3));
            if (!sep) continue;
            size_t after = text[k] == '.' ? k + 1 + 3 : k + 1;
            keep_together(attrs, from, after);
            from = after;
        }
        keep_together(attrs, from, s.end);
    }
    g_array_free(spans, TRUE);
}
