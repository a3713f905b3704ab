#include "output/textlayer.h"

#include "base/script.h"

#include <glib.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* ---- Text: UTF-16BE hex strings, right-to-left letters ---- */

static int hexval(int c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* The bytes of a hex string's digits s[0..n) (white space skipped, an odd last digit padded). */
static GByteArray *hex_bytes(const char *s, size_t n)
{
    GByteArray *b = g_byte_array_new();
    int hi = -1;
    for (size_t i = 0; i < n; i++) {
        int v = hexval((unsigned char)s[i]);
        if (v < 0) continue;
        if (hi < 0) {
            hi = v;
        } else {
            guint8 byte = (guint8)(hi << 4 | v);
            g_byte_array_append(b, &byte, 1);
            hi = -1;
        }
    }
    if (hi >= 0) {
        guint8 byte = (guint8)(hi << 4);
        g_byte_array_append(b, &byte, 1);
    }
    return b;
}

/* UTF-16BE bytes (a leading byte order mark skipped) as UTF-8; NULL when not valid. */
static char *utf16be_to_utf8(const guint8 *b, size_t n)
{
    if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF) b += 2, n -= 2;
    gunichar2 *u = g_new(gunichar2, n / 2 + 1);
    for (size_t i = 0; i + 1 < n; i += 2)
        u[i / 2] = (gunichar2)(b[i] << 8 | b[i + 1]);
    char *s = g_utf16_to_utf8(u, (glong)(n / 2), NULL, NULL, NULL);
    g_free(u);
    return s;
}

/* Appends utf8 as the digits of a UTF-16BE hex string. */
static void append_utf16be_hex(GString *out, const char *utf8)
{
    glong n = 0;
    gunichar2 *u = g_utf8_to_utf16(utf8, -1, NULL, &n, NULL);
    for (glong i = 0; u && i < n; i++)
        g_string_append_printf(out, "%04X", (unsigned)u[i]);
    g_free(u);
}

/* Several characters, one of them a right-to-left letter: what poppler reverses. */
static bool rtl_several(const char *utf8)
{
    if (g_utf8_strlen(utf8, -1) < 2) return false;
    for (const char *p = utf8; *p; p = g_utf8_next_char(p))
        if (pp_unichar_is_rtl(g_utf8_get_char(p))) return true;
    return false;
}

static bool has_presentation_form(const char *utf8)
{
    for (const char *p = utf8; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if ((c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)) return true;
    }
    return false;
}

/* ---- Fonts: which codes show right-to-left glyphs of several characters ---- */

typedef struct font_info {
    bool two_byte;       /* a Type0 font with 2-byte codes (cairo: Identity-H) */
    GHashTable *reverse; /* code -> its characters reversed (UTF-8), for those codes only */
} font_info;

static void font_info_free(void *p)
{
    font_info *f = p;
    g_hash_table_unref(f->reverse);
    g_free(f);
}

static guint code_of(const GByteArray *b)
{
    guint c = 0;
    for (guint i = 0; i < b->len; i++)
        c = c << 8 | b->data[i];
    return c;
}

/* Reads (and where it holds presentation forms, rewrites) the bfchar entries of a /ToUnicode CMap
 * as cairo writes them: "<code> <utf16be>" pairs between beginbfchar and endbfchar. */
static void read_to_unicode(const pp_qpdf_api *Q, qpdf_data q, qpdf_oh tu, font_info *f)
{
    unsigned char *buf = NULL;
    size_t len = 0;
    if (Q->qpdf_oh_get_stream_data(q, tu, qpdf_dl_generalized, NULL, &buf, &len) & QPDF_ERRORS)
        return;
    const char *s = (const char *)buf, *end = s + len;
    GString *out = g_string_sized_new(len);
    bool changed = false;
    const char *copied = s, *p = s;
    while ((p = g_strstr_len(p, end - p, "beginbfchar"))) {
        const char *stop = g_strstr_len(p, end - p, "endbfchar");
        if (!stop) break;
        const char *a = p;
        for (;;) {
            const char *o1 = memchr(a, '<', (size_t)(stop - a));
            const char *c1 = o1 ? memchr(o1, '>', (size_t)(stop - o1)) : NULL;
            const char *o2 = c1 ? memchr(c1, '<', (size_t)(stop - c1)) : NULL;
            const char *c2 = o2 ? memchr(o2, '>', (size_t)(stop - o2)) : NULL;
            if (!c2) break;
            GByteArray *code = hex_bytes(o1 + 1, (size_t)(c1 - o1 - 1));
            GByteArray *dst = hex_bytes(o2 + 1, (size_t)(c2 - o2 - 1));
            char *text = utf16be_to_utf8(dst->data, dst->len);
            if (text && has_presentation_form(text)) {
                char *letters = g_utf8_normalize(text, -1, G_NORMALIZE_NFKC);
                if (letters) {
                    g_string_append_len(out, copied, o2 + 1 - copied);
                    append_utf16be_hex(out, letters);
                    copied = c2;
                    changed = true;
                    g_free(text);
                    text = letters;
                }
            }
            if (text && rtl_several(text))
                g_hash_table_insert(f->reverse, GUINT_TO_POINTER(code_of(code)),
                                    g_utf8_strreverse(text, -1));
            g_free(text);
            g_byte_array_unref(code);
            g_byte_array_unref(dst);
            a = c2 + 1;
        }
        p = stop;
    }
    if (changed) {
        g_string_append_len(out, copied, end - copied);
        Q->qpdf_oh_replace_stream_data(q, tu, (const unsigned char *)out->str, out->len,
                                       Q->qpdf_oh_new_null(q), Q->qpdf_oh_new_null(q));
    }
    g_string_free(out, TRUE);
    free(buf);
}

static font_info *font_info_of(const pp_qpdf_api *Q, qpdf_data q, qpdf_oh font, GHashTable *cache)
{
    int id = Q->qpdf_oh_get_object_id(q, font);
    font_info *f = id > 0 ? g_hash_table_lookup(cache, GINT_TO_POINTER(id)) : NULL;
    if (f) return f;
    f = g_new0(font_info, 1);
    f->reverse = g_hash_table_new_full(NULL, NULL, NULL, g_free);
    f->two_byte =
        Q->qpdf_oh_is_name_and_equals(q, Q->qpdf_oh_get_key(q, font, "/Subtype"), "/Type0");
    qpdf_oh tu = Q->qpdf_oh_get_key(q, font, "/ToUnicode");
    if (Q->qpdf_oh_is_stream(q, tu)) read_to_unicode(Q, q, tu, f);
    /* Without an object id (a direct font dictionary) the page's table owns it. */
    g_hash_table_insert(cache, GINT_TO_POINTER(id > 0 ? id : -(int)g_hash_table_size(cache) - 1),
                        f);
    return f;
}

/* The page's fonts by resource name ("/f-0-1"). */
static GHashTable *page_fonts(const pp_qpdf_api *Q, qpdf_data q, qpdf_oh page, GHashTable *cache)
{
    GHashTable *fonts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    qpdf_oh dict = Q->qpdf_oh_get_key(q, Q->qpdf_oh_get_key(q, page, "/Resources"), "/Font");
    if (!Q->qpdf_oh_is_dictionary(q, dict)) return fonts;
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    Q->qpdf_oh_begin_dict_key_iter(q, dict);
    while (Q->qpdf_oh_dict_more_keys(q))
        g_ptr_array_add(names, g_strdup(Q->qpdf_oh_dict_next_key(q)));
    for (guint i = 0; i < names->len; i++) {
        const char *name = g_ptr_array_index(names, i);
        g_hash_table_insert(fonts, g_strdup(name),
                            font_info_of(Q, q, Q->qpdf_oh_get_key(q, dict, name), cache));
    }
    g_ptr_array_unref(names);
    return fonts;
}

/* ---- Content streams ---- */

typedef enum { T_END, T_WORD, T_NAME, T_STR, T_HEX, T_OPEN, T_CLOSE } tok_kind;

typedef struct tok {
    tok_kind kind;
    size_t start, end; /* bytes [start, end) of the stream */
} tok;

static bool is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static bool is_delim(char c)
{
    return strchr("()<>[]{}/%", c) != NULL;
}

/* The next token from *pos; "<<", ">>", "[", "]", "{", "}" are T_OPEN / T_CLOSE. */
static tok next_tok(const char *s, size_t n, size_t *pos)
{
    size_t i = *pos;
    for (;;) {
        while (i < n && is_space(s[i]))
            i++;
        if (i < n && s[i] == '%') {
            while (i < n && s[i] != '\n' && s[i] != '\r')
                i++;
            continue;
        }
        break;
    }
    tok t = {T_END, i, i};
    if (i >= n) return t;
    char c = s[i];
    if (c == '(') {
        int depth = 0;
        for (; i < n; i++) {
            if (s[i] == '\\') {
                i++;
            } else if (s[i] == '(') {
                depth++;
            } else if (s[i] == ')' && --depth == 0) {
                i++;
                break;
            }
        }
        t.kind = T_STR;
    } else if (c == '<' && i + 1 < n && s[i + 1] == '<') {
        i += 2;
        t.kind = T_OPEN;
    } else if (c == '>' && i + 1 < n && s[i + 1] == '>') {
        i += 2;
        t.kind = T_CLOSE;
    } else if (c == '<') {
        while (i < n && s[i] != '>')
            i++;
        i++;
        t.kind = T_HEX;
    } else if (c == '[' || c == '{') {
        i++;
        t.kind = T_OPEN;
    } else if (c == ']' || c == '}' || c == ')' || c == '>') {
        i++;
        t.kind = T_CLOSE;
    } else {
        t.kind = c == '/' ? T_NAME : T_WORD;
        i++;
        while (i < n && !is_space(s[i]) && !is_delim(s[i]))
            i++;
    }
    t.end = i > n ? n : i;
    *pos = t.end;
    return t;
}

/* The bytes of a string token (literal or hex). */
static GByteArray *string_bytes(const char *s, tok t)
{
    if (t.kind == T_HEX) return hex_bytes(s + t.start + 1, t.end - t.start - 2);
    GByteArray *b = g_byte_array_new();
    for (size_t i = t.start + 1; i + 1 < t.end; i++) {
        guint8 c = (guint8)s[i];
        if (c == '\\' && i + 2 < t.end) {
            char e = s[++i];
            if (e >= '0' && e <= '7') {
                int v = 0;
                for (int k = 0; k < 3 && i + 1 < t.end && s[i] >= '0' && s[i] <= '7'; k++, i++)
                    v = v * 8 + (s[i] - '0');
                i--;
                c = (guint8)v;
            } else if (e == '\r' || e == '\n') {
                if (e == '\r' && s[i + 1] == '\n') i++;
                continue;
            } else {
                c = e == 'n'   ? '\n'
                    : e == 'r' ? '\r'
                    : e == 't' ? '\t'
                    : e == 'b' ? '\b'
                    : e == 'f' ? '\f'
                               : (guint8)e;
            }
        }
        g_byte_array_append(b, &c, 1);
    }
    return b;
}

static bool word_is(const char *s, tok t, const char *w)
{
    return t.kind == T_WORD && t.end - t.start == strlen(w) &&
           memcmp(s + t.start, w, t.end - t.start) == 0;
}

static bool is_operand_word(const char *s, tok t)
{
    char c = s[t.start];
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || word_is(s, t, "true") ||
           word_is(s, t, "false") || word_is(s, t, "null");
}

static void flush_array(GString *out, GString *arr)
{
    if (arr->len == 0) return;
    g_string_append_printf(out, "[%s]TJ\n", arr->str);
    g_string_truncate(arr, 0);
}

/* A Tj or TJ with its operands ops, rewritten so that each glyph of f->reverse stands alone in an
 * ActualText span; false (out untouched) when it shows none of them. */
static bool rewrite_show(const char *s, const GArray *ops, const font_info *f, GString *out)
{
    GString *res = g_string_new(NULL), *arr = g_string_new(NULL);
    bool any = false;
    for (guint k = 0; k < ops->len; k++) {
        tok t = g_array_index(ops, tok, k);
        if (t.kind == T_WORD) {
            g_string_append_printf(arr, "%.*s ", (int)(t.end - t.start), s + t.start);
            continue;
        }
        if (t.kind != T_STR && t.kind != T_HEX) continue;
        GByteArray *b = string_bytes(s, t);
        guint step = f->two_byte ? 2 : 1;
        for (guint i = 0; i + step <= b->len; i += step) {
            guint code = step == 2 ? (guint)(b->data[i] << 8 | b->data[i + 1]) : b->data[i];
            const char *rev = g_hash_table_lookup(f->reverse, GUINT_TO_POINTER(code));
            if (!rev) {
                g_string_append_printf(arr, step == 2 ? "<%04X>" : "<%02X>", code);
                continue;
            }
            flush_array(res, arr);
            g_string_append(res, "/Span<</ActualText<FEFF");
            append_utf16be_hex(res, rev);
            g_string_append_printf(
                res, step == 2 ? ">>>BDC\n[<%04X>]TJ\nEMC\n" : ">>>BDC\n[<%02X>]TJ\nEMC\n", code);
            any = true;
        }
        g_byte_array_unref(b);
    }
    flush_array(res, arr);
    if (any) g_string_append_len(out, res->str, (gssize)res->len);
    g_string_free(res, TRUE);
    g_string_free(arr, TRUE);
    return any;
}

/* In a BDC's operands: an /ActualText of right-to-left text, rewritten reversed into out from
 * *copied; true when the span has an /ActualText at all. */
static bool actual_text(const char *s, const GArray *ops, GString *out, size_t *copied)
{
    for (guint k = 0; k + 1 < ops->len; k++) {
        tok name = g_array_index(ops, tok, k), val = g_array_index(ops, tok, k + 1);
        if (name.kind != T_NAME || name.end - name.start != 11 ||
            memcmp(s + name.start, "/ActualText", 11) != 0)
            continue;
        if (val.kind != T_STR && val.kind != T_HEX) return true;
        GByteArray *b = string_bytes(s, val);
        char *text =
            b->len >= 2 && b->data[0] == 0xFE && b->data[1] == 0xFF
                ? utf16be_to_utf8(b->data, b->len)
                : g_convert((const char *)b->data, b->len, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
        if (text && rtl_several(text)) {
            char *rev = g_utf8_strreverse(text, -1);
            g_string_append_len(out, s + *copied, (gssize)(val.start - *copied));
            g_string_append(out, "<FEFF");
            append_utf16be_hex(out, rev);
            g_string_append(out, ">");
            *copied = val.end;
            g_free(rev);
        }
        g_free(text);
        g_byte_array_unref(b);
        return true;
    }
    return false;
}

/* The page's content rewritten; NULL when nothing changed or it cannot be parsed. */
static GString *rewrite_content(const char *s, size_t n, GHashTable *fonts)
{
    GString *out = g_string_sized_new(n + n / 8);
    GArray *ops = g_array_new(FALSE, FALSE, sizeof(tok));
    GArray *spans = g_array_new(FALSE, FALSE, sizeof(bool)); /* open marked content: ActualText? */
    GPtrArray *saved = g_ptr_array_new(); /* the font at each open q: Q restores it */
    int actual_depth = 0;
    const font_info *font = NULL;
    size_t pos = 0, copied = 0;
    bool changed = false, ok = true;
    for (tok t; ok && (t = next_tok(s, n, &pos)).kind != T_END;) {
        if (t.kind != T_WORD || is_operand_word(s, t)) {
            g_array_append_val(ops, t);
            continue;
        }
        if (word_is(s, t, "BI")) {
            ok = false; /* an inline image: its data is not made of tokens */
        } else if (word_is(s, t, "Tf") && ops->len >= 1 &&
                   g_array_index(ops, tok, 0).kind == T_NAME) {
            tok name = g_array_index(ops, tok, 0);
            char *key = g_strndup(s + name.start, name.end - name.start);
            font = g_hash_table_lookup(fonts, key);
            g_free(key);
        } else if (word_is(s, t, "q")) {
            g_ptr_array_add(saved, (gpointer)font);
        } else if (word_is(s, t, "Q") && saved->len > 0) {
            font = g_ptr_array_steal_index(saved, saved->len - 1);
        } else if (word_is(s, t, "BDC") || word_is(s, t, "BMC")) {
            size_t before = out->len;
            bool at = word_is(s, t, "BDC") && actual_text(s, ops, out, &copied);
            changed |= out->len != before;
            g_array_append_val(spans, at);
            actual_depth += at;
        } else if (word_is(s, t, "EMC") && spans->len > 0) {
            actual_depth -= g_array_index(spans, bool, spans->len - 1);
            g_array_set_size(spans, spans->len - 1);
        } else if ((word_is(s, t, "Tj") || word_is(s, t, "TJ")) && font && actual_depth == 0 &&
                   g_hash_table_size(font->reverse) > 0 && ops->len > 0) {
            size_t from = g_array_index(ops, tok, 0).start;
            GString *part = g_string_new(NULL);
            if (rewrite_show(s, ops, font, part)) {
                g_string_append_len(out, s + copied, (gssize)(from - copied));
                g_string_append_len(out, part->str, (gssize)part->len);
                copied = t.end;
                changed = true;
            }
            g_string_free(part, TRUE);
        }
        g_array_set_size(ops, 0);
    }
    g_array_free(ops, TRUE);
    g_array_free(spans, TRUE);
    g_ptr_array_free(saved, TRUE);
    if (!ok || !changed) {
        g_string_free(out, TRUE);
        return NULL;
    }
    g_string_append_len(out, s + copied, (gssize)(n - copied));
    return out;
}

/* The names of dict's keys (the dictionary iterator is not reentrant). */
static GPtrArray *key_names(const pp_qpdf_api *Q, qpdf_data q, qpdf_oh dict)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    Q->qpdf_oh_begin_dict_key_iter(q, dict);
    while (Q->qpdf_oh_dict_more_keys(q))
        g_ptr_array_add(names, g_strdup(Q->qpdf_oh_dict_next_key(q)));
    return names;
}

/* One form XObject's content, rewritten in place. */
static void fix_form(const pp_qpdf_api *Q, qpdf_data q, qpdf_oh form, GHashTable *cache)
{
    GHashTable *fonts = page_fonts(Q, q, Q->qpdf_oh_get_dict(q, form), cache);
    unsigned char *buf = NULL;
    size_t len = 0;
    if (!(Q->qpdf_oh_get_stream_data(q, form, qpdf_dl_generalized, NULL, &buf, &len) &
          QPDF_ERRORS)) {
        GString *content = rewrite_content((const char *)buf, len, fonts);
        if (content) {
            Q->qpdf_oh_replace_stream_data(q, form, (const unsigned char *)content->str,
                                           content->len, Q->qpdf_oh_new_null(q),
                                           Q->qpdf_oh_new_null(q));
            g_string_free(content, TRUE);
        }
    }
    free(buf);
    g_hash_table_unref(fonts);
}

/* The form XObjects that holder (a page, or a form's dictionary) uses, and the forms they use, each
 * once (done: object ids): render --tile and --marks draw a page again as a form. */
static void fix_forms(const pp_qpdf_api *Q, qpdf_data q, qpdf_oh holder, GHashTable *cache,
                      GHashTable *done)
{
    qpdf_oh xobjects =
        Q->qpdf_oh_get_key(q, Q->qpdf_oh_get_key(q, holder, "/Resources"), "/XObject");
    if (!Q->qpdf_oh_is_dictionary(q, xobjects)) return;
    GPtrArray *names = key_names(Q, q, xobjects);
    for (guint i = 0; i < names->len; i++) {
        qpdf_oh form = Q->qpdf_oh_get_key(q, xobjects, g_ptr_array_index(names, i));
        if (!Q->qpdf_oh_is_stream(q, form)) continue;
        qpdf_oh dict = Q->qpdf_oh_get_dict(q, form);
        gpointer id = GINT_TO_POINTER(Q->qpdf_oh_get_object_id(q, form));
        if (!Q->qpdf_oh_is_name_and_equals(q, Q->qpdf_oh_get_key(q, dict, "/Subtype"), "/Form") ||
            g_hash_table_contains(done, id))
            continue;
        g_hash_table_add(done, id);
        fix_form(Q, q, form, cache);
        fix_forms(Q, q, dict, cache, done);
    }
    g_ptr_array_unref(names);
}

void pp_textlayer_fix_rtl(const pp_qpdf_api *Q, qpdf_data q)
{
    GHashTable *cache = g_hash_table_new_full(NULL, NULL, NULL, font_info_free);
    GHashTable *done = g_hash_table_new(NULL, NULL);
    int pages = Q->qpdf_get_num_pages(q);
    for (int i = 0; i < pages; i++) {
        qpdf_oh page = Q->qpdf_get_page_n(q, (size_t)i);
        GHashTable *fonts = page_fonts(Q, q, page, cache);
        unsigned char *buf = NULL;
        size_t len = 0;
        if (!(Q->qpdf_oh_get_page_content_data(q, page, &buf, &len) & QPDF_ERRORS)) {
            GString *content = rewrite_content((const char *)buf, len, fonts);
            if (content) {
                qpdf_oh stream = Q->qpdf_oh_new_stream(q);
                Q->qpdf_oh_replace_stream_data(q, stream, (const unsigned char *)content->str,
                                               content->len, Q->qpdf_oh_new_null(q),
                                               Q->qpdf_oh_new_null(q));
                Q->qpdf_oh_replace_key(q, page, "/Contents", stream);
                g_string_free(content, TRUE);
            }
        }
        free(buf);
        g_hash_table_unref(fonts);
        fix_forms(Q, q, page, cache, done);
    }
    g_hash_table_unref(done);
    g_hash_table_unref(cache);
}
