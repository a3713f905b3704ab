#include "output/update.h"

#include <stdlib.h>
#include <string.h>

/* A read position in the file. */
typedef struct cursor {
    const char *p, *end;
} cursor;

static bool eat(cursor *c, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, word, n) != 0) return false;
    c->p += n;
    return true;
}

static void skip_space(cursor *c)
{
    while (c->p < c->end && strchr(" \t\r\n", *c->p))
        c->p++;
}

/* A non-negative decimal number, at most 10 digits. */
static bool number(cursor *c, long *v)
{
    const char *start = c->p;
    *v = 0;
    while (c->p < c->end && *c->p >= '0' && *c->p <= '9' && c->p - start < 10)
        *v = *v * 10 + (*c->p++ - '0');
    return c->p > start;
}

/* The offset after "startxref" at the end of the file. */
static bool find_startxref(const GByteArray *pdf, long *xref)
{
    size_t tail = pdf->len < 64 ? pdf->len : 64;
    const char *end = (const char *)pdf->data + pdf->len;
    const char *s = g_strrstr_len(end - tail, (gssize)tail, "startxref");
    if (!s) return false;
    cursor c = {s + strlen("startxref"), end};
    skip_space(&c);
    return number(&c, xref) && *xref > 0 && (size_t)*xref < pdf->len;
}

/* Reads cairo's trailer "<< /Size n /Root r 0 R /Info i 0 R >>" at c; nothing else may be in it. */
static bool trailer(cursor *c, long *size, long *root, long *info)
{
    skip_space(c);
    if (!eat(c, "trailer")) return false;
    skip_space(c);
    if (!eat(c, "<<")) return false;
    *size = *root = *info = -1;
    for (;;) {
        skip_space(c);
        if (eat(c, ">>")) return *size > 0 && *root > 0 && *info > 0;
        long *v = eat(c, "/Size") ? size : eat(c, "/Root") ? root : eat(c, "/Info") ? info : NULL;
        long gen = -1;
        skip_space(c);
        if (!v || !number(c, v)) return false;
        if (v == size) continue;
        skip_space(c);
        if (!number(c, &gen) || gen != 0) return false;
        skip_space(c);
        if (!eat(c, "R")) return false;
    }
}

/* The catalog's dictionary (from "<<" to its matching ">>") at offset off, object root. */
static bool catalog(const GByteArray *pdf, long off, long root, const char **dict, size_t *len)
{
    cursor c = {(const char *)pdf->data + off, (const char *)pdf->data + pdf->len};
    long num = -1, gen = -1;
    if (!number(&c, &num) || num != root) return false;
    skip_space(&c);
    if (!number(&c, &gen) || gen != 0) return false;
    skip_space(&c);
    if (!eat(&c, "obj")) return false;
    skip_space(&c);
    if (!eat(&c, "<<")) return false;
    const char *start = c.p - 2;
    int depth = 1;
    while (c.p < c.end && depth > 0) {
        if (*c.p == '(' || *c.p == '%') return false; /* cairo writes neither in a catalog */
        if (eat(&c, "<<"))
            depth++;
        else if (eat(&c, ">>"))
            depth--;
        else
            c.p++;
    }
    if (depth != 0) return false;
    *dict = start;
    *len = (size_t)(c.p - start);
    /* Keys we add must not be there already (a second one would make the dictionary invalid). */
    return !g_strstr_len(start, (gssize)*len, "/Lang") &&
           !g_strstr_len(start, (gssize)*len, "/ViewerPreferences");
}

/* lang as a PDF text string: literal when plain ASCII, else UTF-16BE with its byte order mark. */
static void text_string(GString *out, const char *lang)
{
    bool plain = true;
    for (const char *p = lang; *p; p++)
        if (*p < 0x20 || *p > 0x7e || *p == '(' || *p == ')' || *p == '\\') plain = false;
    if (plain) {
        g_string_append_printf(out, "(%s)", lang);
        return;
    }
    glong n = 0;
    gunichar2 *u = g_utf8_to_utf16(lang, -1, NULL, &n, NULL);
    g_string_append(out, "<FEFF");
    for (glong i = 0; u && i < n; i++)
        g_string_append_printf(out, "%04X", (unsigned)u[i]);
    g_string_append(out, ">");
    g_free(u);
}

bool pp_pdf_update_catalog(GByteArray *pdf, const char *lang)
{
    long xref, size, root, info, n0, count, off;
    if (!find_startxref(pdf, &xref)) return false;
    cursor c = {(const char *)pdf->data + xref, (const char *)pdf->data + pdf->len};
    /* One subsection from object 0: "xref 0 count", then 20-byte entries. */
    if (!eat(&c, "xref")) return false;
    skip_space(&c);
    if (!number(&c, &n0) || n0 != 0) return false;
    skip_space(&c);
    if (!number(&c, &count) || count < 1) return false;
    skip_space(&c);
    const char *entries = c.p;
    if ((size_t)(c.end - entries) / 20 < (size_t)count) return false;
    c.p = entries + 20 * count;
    if (!trailer(&c, &size, &root, &info) || root >= count || size != count) return false;
    cursor e = {entries + 20 * root, entries + 20 * root + 20};
    if (!number(&e, &off) || (size_t)off >= pdf->len) return false;
    const char *dict;
    size_t len;
    if (!catalog(pdf, off, root, &dict, &len)) return false;

    GString *obj = g_string_new(NULL);
    g_string_append_printf(obj, "%ld 0 obj\n", root);
    g_string_append_len(obj, dict, (gssize)len - 2); /* without the closing ">>" */
    if (lang) {
        g_string_append(obj, "   /Lang ");
        text_string(obj, lang);
        g_string_append(obj, "\n");
    }
    g_string_append(obj, "   /ViewerPreferences << /DisplayDocTitle true >>\n>>\nendobj\n");
    /* The same file gives the same /ID: the digest of everything before the new trailer. */
    GChecksum *md5 = g_checksum_new(G_CHECKSUM_MD5);
    g_checksum_update(md5, pdf->data, pdf->len);
    g_checksum_update(md5, (const guchar *)obj->str, (gssize)obj->len);
    const char *id = g_checksum_get_string(md5);
    size_t at = pdf->len;
    GString *tail = g_string_new(NULL);
    g_string_append_printf(tail,
                           "xref\n%ld 1\n%010zu 00000 n \ntrailer\n<< /Size %ld\n   /Root %ld 0 R\n"
                           "   /Info %ld 0 R\n   /Prev %ld\n   /ID [<%s> <%s>]\n>>\n"
                           "startxref\n%zu\n%%%%EOF\n",
                           root, at, size, root, info, xref, id, id, at + obj->len);
    g_byte_array_append(pdf, (const guint8 *)obj->str, (guint)obj->len);
    g_byte_array_append(pdf, (const guint8 *)tail->str, (guint)tail->len);
    g_checksum_free(md5);
    g_string_free(obj, TRUE);
    g_string_free(tail, TRUE);
    return true;
}
