#include "model/xml.h"

#include <errno.h>
#include <glib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>
#include <stdlib.h>
#include <string.h>

/* First libxml2 error of one parse or validation, collected through the structured error hook. */
typedef struct capture {
    long line;
    char msg[512];
    bool seen;
} capture;

static void on_error(void *user, xmlErrorPtr e)
{
    capture *c = user;
    if (c->seen || !e || e->level < XML_ERR_ERROR) return;
    c->seen = true;
    c->line = e->line;
    if (e->node && e->domain == XML_FROM_RELAXNGV) c->line = xmlGetLineNo((xmlNodePtr)e->node);
    snprintf(c->msg, sizeof c->msg, "%s", e->message ? e->message : "malformed XML");
    size_t n = strlen(c->msg);
    while (n && (c->msg[n - 1] == '\n' || c->msg[n - 1] == ' '))
        c->msg[--n] = '\0';
}

/* Never load anything from outside: every external entity, DTD or schema include is refused. */
static xmlParserInputPtr deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL;
}

static char *slurp(const char *path, size_t *len, pp_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    char *buf = g_malloc(PP_XML_MAX_BYTES + 1);
    errno = 0;
    size_t n = fread(buf, 1, PP_XML_MAX_BYTES + 1, f);
    int why = ferror(f) ? (errno ? errno : EIO) : 0; /* EISDIR for a directory */
    fclose(f);
    if (why) {
        g_free(buf);
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot read: %s", strerror(why));
        return NULL;
    }
    if (n > PP_XML_MAX_BYTES) {
        g_free(buf);
        pp_error_set(err, PP_ERR_INVALID, path, 0, "file is larger than the limit of %u bytes",
                     PP_XML_MAX_BYTES);
        return NULL;
    }
    *len = n;
    return buf;
}

/* Line of the first occurrence of needle in buf (1 when absent): libxml2 keeps no line for a DTD.
 */
static long line_of(const char *buf, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    long line = 1;
    for (size_t i = 0; i + n <= len; i++) {
        if (memcmp(buf + i, needle, n) == 0) return line;
        line += buf[i] == '\n';
    }
    return 1;
}

xmlDocPtr pp_xml_read(const char *path, const char *root_name, pp_xml_digest *digest, pp_error *err)
{
    size_t len = 0;
    char *buf = slurp(path, &len, err);
    if (!buf) return NULL;
    if (digest) {
        gchar *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)buf, len);
        g_strlcpy(digest->hex, sum, sizeof digest->hex);
        g_free(sum);
    }
    capture c = {0};
    xmlExternalEntityLoader old_loader = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(deny_loader);
    xmlSetStructuredErrorFunc(&c, on_error);
    xmlDocPtr doc = xmlReadMemory(buf, (int)len, path, NULL,
                                  XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlSetExternalEntityLoader(old_loader);
    long doctype_line = line_of(buf, len, "<!DOCTYPE");
    g_free(buf);
    if (!doc || c.seen) {
        xmlFreeDoc(doc);
        pp_error_set(err, PP_ERR_INVALID, path, c.line, "malformed XML: %s",
                     c.seen ? c.msg : "cannot parse");
        return NULL;
    }
    /* An internal subset can declare entities whose expansion explodes later: refuse any DOCTYPE.
     */
    if (doc->intSubset || doc->extSubset) {
        xmlFreeDoc(doc);
        pp_error_set(err, PP_ERR_INVALID, path, doctype_line,
                     "a DOCTYPE is not allowed (no DTDs or entity declarations)");
        return NULL;
    }
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root || !pp_xml_is(root, root_name)) {
        pp_error_set(err, PP_ERR_INVALID, path, root ? pp_xml_line(root) : 1,
                     "root element must be <%s>, found <%s>", root_name,
                     root ? (const char *)root->name : "nothing");
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

/* The cache entry that says the document of digest is valid against the schema at schema_path, or
 * NULL when the schema cannot be read (then nothing is remembered); g_free. */
static char *valid_entry(const pp_xml_digest *digest, const char *schema_path)
{
    gchar *schema = NULL;
    gsize n = 0;
    if (!digest || !g_file_get_contents(schema_path, &schema, &n, NULL)) return NULL;
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    const char *version = "libxml2 " LIBXML_DOTTED_VERSION;
    g_checksum_update(sum, (const guchar *)version, (gssize)strlen(version) + 1);
    g_checksum_update(sum, (const guchar *)schema, (gssize)n);
    g_checksum_update(sum, (const guchar *)"", 1);
    g_checksum_update(sum, (const guchar *)digest->hex, (gssize)strlen(digest->hex));
    char *entry = g_build_filename(g_get_user_cache_dir(), "praatplaat-valid",
                                   g_checksum_get_string(sum), NULL);
    g_checksum_free(sum);
    g_free(schema);
    return entry;
}

/* Remembers a success; a cache that cannot be written only costs the next run the validation. */
static void remember_valid(const char *entry)
{
    char *dir = g_path_get_dirname(entry);
    if (g_mkdir_with_parents(dir, 0700) == 0) g_file_set_contents(entry, "", 0, NULL);
    g_free(dir);
}

static bool validate(xmlDocPtr doc, const char *path, const char *schema_path, pp_error *err)
{
    capture c = {0};
    xmlSetStructuredErrorFunc(&c, on_error);
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(schema_path);
    xmlRelaxNGPtr schema = pc ? xmlRelaxNGParse(pc) : NULL;
    xmlRelaxNGFreeParserCtxt(pc);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (!schema) {
        pp_error_set(err, PP_ERR_IO, schema_path, c.line, "cannot load schema: %s",
                     c.seen ? c.msg : "unreadable");
        return false;
    }
    c = (capture){0};
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(vc, on_error, &c);
    int rc = xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
    xmlRelaxNGFree(schema);
    if (rc == 0) return true;
    pp_error_set(err, PP_ERR_INVALID, path, c.line, "not valid against %s: %s", "the schema",
                 c.seen ? c.msg : "validation failed");
    return false;
}

bool pp_xml_validate(xmlDocPtr doc, const pp_xml_digest *digest, const char *path,
                     const char *schema_path, pp_error *err)
{
    char *entry = valid_entry(digest, schema_path);
    bool ok = entry && g_file_test(entry, G_FILE_TEST_IS_REGULAR);
    if (!ok) {
        ok = validate(doc, path, schema_path, err);
        if (ok && entry) remember_valid(entry);
    }
    g_free(entry);
    return ok;
}

bool pp_xml_is(xmlNodePtr node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, name) == 0;
}

bool pp_xml_fail(pp_error *err, const char *path, xmlNodePtr node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pp_error_vset(err, PP_ERR_INVALID, path, node ? pp_xml_line(node) : 0, fmt, ap);
    va_end(ap);
    return false;
}

long pp_xml_line(xmlNodePtr node)
{
    return node ? xmlGetLineNo(node) : 0;
}

static bool is_blank(const xmlChar *s)
{
    for (; s && *s; s++)
        if (!strchr(" \t\r\n", *s)) return false;
    return true;
}

/* Skips comments, processing instructions and white space; stops at an element or at stray text. */
static xmlNodePtr skip(xmlNodePtr n, const char *path, pp_error *err)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) return n;
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
            !is_blank(n->content)) {
            pp_error_set(err, PP_ERR_INVALID, path, pp_xml_line(n), "unexpected text in <%s>",
                         n->parent ? (const char *)n->parent->name : "?");
            return NULL;
        }
        if (n->type == XML_ENTITY_REF_NODE) {
            pp_error_set(err, PP_ERR_INVALID, path, pp_xml_line(n),
                         "entity references are not allowed");
            return NULL;
        }
    }
    return NULL;
}

xmlNodePtr pp_xml_first(xmlNodePtr parent, const char *path, pp_error *err)
{
    return parent ? skip(parent->children, path, err) : NULL;
}

xmlNodePtr pp_xml_next(xmlNodePtr node, const char *path, pp_error *err)
{
    return node ? skip(node->next, path, err) : NULL;
}

xmlNodePtr pp_xml_take(xmlNodePtr *cur, xmlNodePtr parent, const char *name, bool required,
                       const char *path, pp_error *err)
{
    if (pp_xml_is(*cur, name)) {
        xmlNodePtr n = *cur;
        *cur = pp_xml_next(n, path, err);
        return n;
    }
    if (required) {
        if (*cur)
            pp_error_set(err, PP_ERR_INVALID, path, pp_xml_line(*cur),
                         "expected <%s> in <%s>, found <%s>", name, (const char *)parent->name,
                         (const char *)(*cur)->name);
        else
            pp_error_set(err, PP_ERR_INVALID, path, pp_xml_line(parent), "<%s> lacks a <%s>",
                         (const char *)parent->name, name);
    }
    return NULL;
}

bool pp_xml_end(xmlNodePtr cur, xmlNodePtr parent, const char *path, pp_error *err)
{
    if (!cur) return true;
    pp_error_set(err, PP_ERR_INVALID, path, pp_xml_line(cur), "unexpected element <%s> in <%s>",
                 (const char *)cur->name, (const char *)parent->name);
    return false;
}

char *pp_xml_attr(pp_arena *a, xmlNodePtr node, const char *name)
{
    xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
    if (!v) return NULL;
    char *copy = pp_arena_strdup(a, (const char *)v);
    xmlFree(v);
    return copy;
}

/* Growable text buffer for one collapsed text. */
typedef struct tbuf {
    char *s;
    size_t n, cap;
    bool space; /* a space is pending */
} tbuf;

static bool tb_put(tbuf *b, const char *s, size_t len)
{
    if (b->n + len + 2 > PP_TEXT_MAX_BYTES) return false;
    if (b->n + len + 2 > b->cap) {
        size_t cap = (b->n + len + 2) * 2;
        b->s = g_realloc(b->s, cap);
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, len);
    b->n += len;
    b->s[b->n] = '\0';
    return true;
}

static bool tb_text(tbuf *b, const xmlChar *s)
{
    for (; *s; s++) {
        if (strchr(" \t\r\n", *s)) {
            b->space = b->n > 0 && b->s[b->n - 1] != '\n';
            continue;
        }
        if (b->space && !tb_put(b, " ", 1)) return false;
        b->space = false;
        if (!tb_put(b, (const char *)s, 1)) return false;
    }
    return true;
}

bool pp_xml_has_control(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7F) return true;
        /* U+0080..U+009F are C1 controls, 0xC2 0x80..0x9F in UTF-8: no font draws them. */
        if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) return true;
    }
    return false;
}

static char *text_of(pp_arena *a, xmlNodePtr node, bool allow_empty, const char *path,
                     pp_error *err)
{
    tbuf b = {0};
    bool ok = true;
    for (xmlNodePtr n = node->children; n && ok; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            ok = tb_text(&b, n->content);
            if (!ok)
                pp_error_set(err, PP_ERR_INVALID, path, pp_xml_line(node),
                             "text of <%s> is longer than %u bytes", (const char *)node->name,
                             PP_TEXT_MAX_BYTES - 2); /* tb_put keeps two bytes of the limit */
        } else if (pp_xml_is(n, "br") && !n->children) {
            b.space = false;
            ok = tb_put(&b, "\n", 1);
        } else if (n->type == XML_ELEMENT_NODE) {
            ok = false;
            pp_error_set(err, PP_ERR_INVALID, path, pp_xml_line(n),
                         "element <%s> is not allowed in <%s>", (const char *)n->name,
                         (const char *)node->name);
        }
    }
    while (ok && b.n && b.s[b.n - 1] == '\n')
        b.s[--b.n] = '\0';
    char *out = NULL;
    if (ok && b.n == 0 && !allow_empty)
        pp_error_set(err, PP_ERR_INVALID, path, pp_xml_line(node), "<%s> is empty: it needs text",
                     (const char *)node->name);
    else if (ok && b.s && pp_xml_has_control(b.s))
        pp_error_set(err, PP_ERR_INVALID, path, pp_xml_line(node),
                     "text of <%s> holds a control character", (const char *)node->name);
    else if (ok)
        out = b.n ? pp_arena_strndup(a, b.s, b.n) : pp_arena_strdup(a, "");
    g_free(b.s);
    return out;
}

char *pp_xml_text(pp_arena *a, xmlNodePtr node, const char *path, pp_error *err)
{
    return text_of(a, node, false, path, err);
}

char *pp_xml_text_or_empty(pp_arena *a, xmlNodePtr node, const char *path, pp_error *err)
{
    return text_of(a, node, true, path, err);
}
