#define _GNU_SOURCE /* memfd_create, for write_po */
#include "l10n/l10n.h"

#include "base/dynlib.h"
#include "base/file.h"
#include "model/xml.h"

#include <errno.h>
#include <gettext-po.h>
#include <glib.h>
#include <libxml/tree.h>
#include <math.h>
#include <setjmp.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* libgettextpo, opened when extract or merge runs: linked, it and libunistring cost every render
 * their relocation (issue #15). Fields are named after the functions (po_file_read is a macro for
 * po_file_read_v3 in gettext-po.h: field and symbol follow it alike). */
#define PO_FUNCTIONS(X)                                                                            \
    X(po_file_create)                                                                              \
    X(po_file_domain_header)                                                                       \
    X(po_file_free)                                                                                \
    X(po_file_read)                                                                                \
    X(po_file_write)                                                                               \
    X(po_header_field)                                                                             \
    X(po_message_create)                                                                           \
    X(po_message_insert)                                                                           \
    X(po_message_is_fuzzy)                                                                         \
    X(po_message_is_obsolete)                                                                      \
    X(po_message_iterator)                                                                         \
    X(po_message_iterator_free)                                                                    \
    X(po_message_msgctxt)                                                                          \
    X(po_message_msgid)                                                                            \
    X(po_message_msgstr)                                                                           \
    X(po_message_set_extracted_comments)                                                           \
    X(po_message_set_msgctxt)                                                                      \
    X(po_message_set_msgid)                                                                        \
    X(po_message_set_msgstr)                                                                       \
    X(po_next_message)

typedef struct po_api {
#define PO_FIELD(fn) __typeof__(fn) *fn;
    PO_FUNCTIONS(PO_FIELD)
#undef PO_FIELD
} po_api;

static bool po_open(po_api *P, pp_error *err)
{
#define PO_NAME(fn) PP_DYNLIB_FN(po_api, fn, fn),
    static const pp_dynlib_fn fns[] = {PO_FUNCTIONS(PO_NAME)};
#undef PO_NAME
    return pp_dynlib_open(PP_GETTEXTPO, fns, sizeof fns / sizeof fns[0], P,
                          "PO files are read and written with libgettextpo", "libgettextpo0", err);
}

/* libgettextpo reports problems through a handler without a user pointer, and a fatal one must not
 * return: the first problem of the current call is kept here (per thread) and fatal ones jump back.
 */
typedef struct po_capture {
    pp_error *err;
    const char *file;
    pp_status status; /* of a problem: PP_ERR_INVALID while reading, PP_ERR_IO while writing */
    jmp_buf fatal;
} po_capture;

static _Thread_local po_capture *capture;

static void on_po_error(int severity, po_message_t m, const char *file, size_t line, size_t col,
                        int multi, const char *text)
{
    (void)m, (void)col, (void)multi;
    if (severity == PO_SEVERITY_WARNING) return;
    pp_error_set(capture->err, capture->status, file ? file : capture->file,
                 line == (size_t)-1 ? 0 : (long)line, "%s", text);
    if (severity == PO_SEVERITY_FATAL_ERROR) longjmp(capture->fatal, 1);
}

static void on_po_error2(int severity, po_message_t m1, const char *f1, size_t l1, size_t c1,
                         int mp1, const char *t1, po_message_t m2, const char *f2, size_t l2,
                         size_t c2, int mp2, const char *t2)
{
    (void)m2, (void)f2, (void)l2, (void)c2, (void)mp2, (void)t2;
    on_po_error(severity, m1, f1, l1, c1, mp1, t1);
}

static const struct po_xerror_handler handler = {on_po_error, on_po_error2};

/* --- extract ------------------------------------------------------------------------------------
 */

typedef struct extract {
    const po_api *P;
    po_message_iterator_t it;
} extract;

/* Room a translation may take: the source's length and 30% more, rounded up to ten characters. */
static long budget(const char *text)
{
    return (long)ceil(g_utf8_strlen(text, -1) * 1.3 / 10.0) * 10;
}

static void add_entry(const pp_text *t, const char *role, void *user)
{
    extract *x = user;
    const po_api *P = x->P;
    po_message_t m = P->po_message_create();
    P->po_message_set_msgctxt(m, t->id);
    P->po_message_set_msgid(m, t->text);
    P->po_message_set_msgstr(m, "");
    char *note = g_strdup_printf("%s; keep under ~%ld characters", role, budget(t->text));
    P->po_message_set_extracted_comments(m, note);
    g_free(note);
    P->po_message_insert(x->it, m);
}

static void add_header(const po_api *P, po_message_iterator_t it, const pp_content *c)
{
    po_message_t h = P->po_message_create();
    P->po_message_set_msgid(h, "");
    char *text = g_strdup_printf("Project-Id-Version: %s\n"
                                 "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
                                 "Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
                                 "Language-Team: LANGUAGE <LL@li.org>\n"
                                 "Language: \n"
                                 "MIME-Version: 1.0\n"
                                 "Content-Type: text/plain; charset=UTF-8\n"
                                 "Content-Transfer-Encoding: 8bit\n"
                                 "X-Source-Language: %s\n",
                                 c->id, c->lang);
    P->po_message_set_msgstr(h, text);
    g_free(text);
    P->po_message_insert(it, h);
}

/* Writes file to path through a temporary file beside it. libgettextpo writes only by file name
 * and ignores write errors (on a full disk it leaves a truncated file and reports success), so it
 * writes into an anonymous in-memory file, and we copy that to the output, checking every write. */
static pp_status write_po(const po_api *P, po_file_t file, const char *path, pp_error *err)
{
    int mem = memfd_create("praatplaat-po", MFD_CLOEXEC);
    if (mem < 0)
        return pp_error_set(err, PP_ERR_IO, path, 0, "cannot make a buffer: %s", strerror(errno));
    char name[64];
    snprintf(name, sizeof name, "/proc/self/fd/%d", mem);
    po_capture cap = {.err = err, .file = path, .status = PP_ERR_IO};
    capture = &cap;
    if (setjmp(cap.fatal) == 0) P->po_file_write(file, name, &handler);
    capture = NULL;
    char *text = NULL;
    gsize n = 0;
    if (!pp_error_isset(err) && !g_file_get_contents(name, &text, &n, NULL))
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot read back the PO text");
    close(mem);
    FILE *f = NULL;
    char *tmp = text ? pp_temp_beside(path, &f, err) : NULL;
    if (tmp && fwrite(text, 1, n, f) != n)
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot write: %s", strerror(errno));
    g_free(text);
    return tmp ? pp_commit_file(f, tmp, path, err) : err->status;
}

pp_status pp_l10n_extract(const pp_content *c, const char *pot_path, pp_error *err)
{
    po_api api;
    if (!po_open(&api, err)) return err->status;
    const po_api *P = &api;
    po_file_t file = P->po_file_create();
    extract x = {P, P->po_message_iterator(file, NULL)};
    add_header(P, x.it, c);
    pp_content_texts(c, add_entry, &x);
    P->po_message_iterator_free(x.it);
    write_po(P, file, pot_path, err);
    /* libgettextpo 0.21's message_free forgets the msgctxt: setting it to NULL frees it. */
    po_message_iterator_t it = P->po_message_iterator(file, NULL);
    for (po_message_t m; (m = P->po_next_message(it));)
        P->po_message_set_msgctxt(m, NULL);
    P->po_message_iterator_free(it);
    P->po_file_free(file);
    return err->status;
}

/* --- merge --------------------------------------------------------------------------------------
 */

static void collect_ids(const pp_text *t, const char *role, void *user)
{
    (void)role;
    g_hash_table_add(user, (gpointer)t->id);
}

/* Replaces node's content by text, with each '\n' as <br/>. */
static void set_text(xmlNodePtr node, const char *text)
{
    xmlNodeSetContent(node, NULL);
    char **lines = g_strsplit(text, "\n", -1);
    for (char **l = lines; *l; l++) {
        if (l != lines) xmlAddChild(node, xmlNewNode(NULL, (const xmlChar *)"br"));
        xmlAddChild(node, xmlNewText((const xmlChar *)*l));
    }
    g_strfreev(lines);
}

static void index_elements(xmlNodePtr n, GHashTable *by_id)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        xmlChar *id = xmlGetProp(n, (const xmlChar *)"id");
        if (id) g_hash_table_insert(by_id, g_strdup((const char *)id), n);
        xmlFree(id);
        index_elements(n->children, by_id);
    }
}

/* The PO header's Language as a BCP 47 tag ("pt_BR" -> "pt-BR"); g_free it. */
static char *po_language(const po_api *P, po_file_t file)
{
    /* Despite its const type the header is a copy the caller frees (gettext-po.c). */
    char *header = (char *)P->po_file_domain_header(file, NULL);
    char *lang = header ? P->po_header_field(header, "Language") : NULL;
    char *out = lang && *g_strstrip(lang) ? g_strdelimit(g_strdup(lang), "_", '-') : NULL;
    free(lang);
    free(header);
    return out;
}

typedef struct merge {
    const po_api *P;
    GHashTable *texts, *elements; /* ids of the content's texts; id -> element of the source tree */
    GString *kept;                /* ids left in the source language */
    const char *po_path;
    pp_error *err;
} merge;

/* The line of the entry with msgctxt ctx in the PO file: libgettextpo keeps no line of its own for
 * a message (its file positions are the #: references). 0 when not found. */
static long line_of(const char *path, const char *ctx)
{
    char *text = NULL, *want = g_strdup_printf("msgctxt \"%s\"", ctx ? ctx : "");
    long line = 0, n = 1;
    if (ctx && g_file_get_contents(path, &text, NULL, NULL))
        for (char *p = text; p && *p && !line; n++) {
            if (g_str_has_prefix(p, want)) line = n;
            p = strchr(p, '\n');
            if (p) p++;
        }
    g_free(text);
    g_free(want);
    return line;
}

/* Why a msgstr cannot become content text (what the content loader would refuse), written into
 * why (n bytes); false when it can. */
static bool bad_translation(const char *s, char *why, size_t n)
{
    const char *simple = NULL;
    if (!g_utf8_validate(s, -1, NULL))
        simple = "is not valid UTF-8";
    else if (strlen(s) > PP_TEXT_MAX_BYTES - 2) /* pp_xml_text keeps two bytes of its limit */
        return snprintf(why, n, "is longer than %u bytes", PP_TEXT_MAX_BYTES - 2) > 0;
    else if (pp_xml_has_control(s))
        simple = "holds a control character";
    bool blank = true;
    for (const unsigned char *p = (const unsigned char *)s; !simple && *p; p++)
        if (!g_ascii_isspace(*p)) blank = false;
    if (!simple && blank) simple = "is blank";
    if (simple) snprintf(why, n, "%s", simple);
    return simple != NULL;
}

static gint cmp_strv(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The {name} placeholders of s, sorted and joined (g_free). */
static gchar *placeholders(const char *s)
{
    GPtrArray *found = g_ptr_array_new_with_free_func(g_free);
    for (const char *p = strchr(s, '{'); p; p = strchr(p + 1, '{')) {
        const char *e = p + 1;
        while (g_ascii_islower(*e))
            e++;
        if (*e == '}' && e > p + 1) g_ptr_array_add(found, g_strndup(p, (size_t)(e - p + 1)));
    }
    g_ptr_array_sort(found, cmp_strv);
    g_ptr_array_add(found, NULL);
    gchar *out = g_strjoinv(" ", (gchar **)found->pdata);
    g_ptr_array_free(found, TRUE);
    return out;
}

/* A BCP 47-like tag: letters, digits and hyphens, starting with a letter. */
static bool valid_tag(const char *s)
{
    if (!s || !g_ascii_isalpha(*s) || strlen(s) > 35) return false;
    for (; *s; s++)
        if (!g_ascii_isalnum(*s) && *s != '-') return false;
    return true;
}

static void merge_entry(merge *mg, po_message_t m)
{
    const po_api *P = mg->P;
    const char *ctx = P->po_message_msgctxt(m), *str = P->po_message_msgstr(m);
    if (!ctx) {
        pp_error_set(
            mg->err, PP_ERR_INVALID, mg->po_path, 0,
            "the entry for msgid \"%.40s\" has no msgctxt (the id of the text it translates)",
            P->po_message_msgid(m));
        return;
    }
    if (!g_hash_table_contains(mg->texts, ctx)) {
        pp_error_set(mg->err, PP_ERR_INVALID, mg->po_path, line_of(mg->po_path, ctx),
                     "msgctxt \"%s\" matches no text id of the content", ctx);
        return;
    }
    if (P->po_message_is_fuzzy(m) || !str || !*str) {
        g_string_append_printf(mg->kept, "%s%s", mg->kept->len ? ", " : "", ctx);
        return;
    }
    char why[120];
    bool bad = bad_translation(str, why, sizeof why);
    gchar *want = placeholders(P->po_message_msgid(m)), *got = placeholders(str);
    if (!bad && strcmp(want, got) != 0)
        bad = snprintf(why, sizeof why, "does not keep the placeholders of the source") > 0;
    g_free(want);
    g_free(got);
    if (bad) {
        pp_error_set(mg->err, PP_ERR_INVALID, mg->po_path, line_of(mg->po_path, ctx),
                     "the translation of \"%s\" %s", ctx, why);
        return;
    }
    set_text(g_hash_table_lookup(mg->elements, ctx), str);
}

static pp_status apply(merge *mg, po_file_t file)
{
    const po_api *P = mg->P;
    po_message_iterator_t it = P->po_message_iterator(file, NULL);
    for (po_message_t m; (m = P->po_next_message(it)) && !pp_error_isset(mg->err);)
        if (!P->po_message_is_obsolete(m) && *P->po_message_msgid(m)) merge_entry(mg, m);
    P->po_message_iterator_free(it);
    return mg->err->status;
}

/* Whether the merged file loads as content. The checks of each translation (bad_translation, the
 * placeholders) mirror the loader's rules for any text; this catches the rules for particular
 * elements (found by fuzzing: <months> must hold twelve words). The file is loaded from an
 * anonymous in-memory file, so that the output is written only once it is known to be good. */
static bool loads_as_content(const xmlChar *buf, int n, const char *po_path, pp_error *err)
{
    int mem = memfd_create("praatplaat-merged", MFD_CLOEXEC);
    if (mem < 0 || write(mem, buf, (size_t)n) != n) {
        pp_error_set(err, PP_ERR_IO, po_path, 0, "cannot check the merged content: %s",
                     strerror(errno));
        if (mem >= 0) close(mem);
        return false;
    }
    char name[64];
    snprintf(name, sizeof name, "/proc/self/fd/%d", mem);
    pp_error refused = {0};
    pp_content *back = pp_content_load(name, NULL, &refused);
    close(mem);
    if (!back)
        pp_error_set(err, refused.status, po_path, 0,
                     "with these translations the content is refused: line %ld: %s", refused.line,
                     refused.msg);
    pp_content_free(back);
    return back != NULL;
}

static pp_status save(xmlDocPtr doc, const char *path, const char *po_path, pp_error *err)
{
    xmlChar *buf = NULL;
    int n = 0;
    xmlDocDumpMemoryEnc(doc, &buf, &n, "UTF-8");
    if (buf && !loads_as_content(buf, n, po_path, err)) {
        xmlFree(buf);
        return err->status;
    }
    FILE *f = NULL;
    char *tmp = buf ? pp_temp_beside(path, &f, err) : NULL;
    if (tmp && fwrite(buf, 1, (size_t)n, f) != (size_t)n)
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot write: %s", strerror(errno));
    xmlFree(buf);
    return tmp ? pp_commit_file(f, tmp, path, err) : err->status;
}

static po_file_t read_po(const po_api *P, const char *po_path, pp_error *err)
{
    /* libgettextpo says nothing when it cannot open the file, and calls a directory a malformed
     * PO file: check that it is a readable file first, to report an I/O error (exit 3). */
    FILE *probe = fopen(po_path, "rb");
    struct stat st;
    if (!probe || fstat(fileno(probe), &st) != 0 || S_ISDIR(st.st_mode)) {
        pp_error_set(err, PP_ERR_IO, po_path, 0, "cannot open: %s",
                     probe ? strerror(EISDIR) : strerror(errno));
        if (probe) fclose(probe);
        return NULL;
    }
    fclose(probe);
    po_capture cap = {.err = err, .file = po_path, .status = PP_ERR_INVALID};
    po_file_t volatile file = NULL;
    capture = &cap;
    if (setjmp(cap.fatal) == 0) file = P->po_file_read(po_path, &handler);
    capture = NULL;
    if (file && pp_error_isset(err)) P->po_file_free(file), file = NULL;
    if (!file) pp_error_set(err, PP_ERR_INVALID, po_path, 0, "cannot read the PO file");
    return file;
}

pp_status pp_l10n_merge(const pp_content *c, const char *po_path, const char *out_path, FILE *warn,
                        pp_error *err)
{
    po_api api;
    if (!po_open(&api, err)) return err->status;
    const po_api *P = &api;
    po_file_t file = read_po(P, po_path, err);
    if (!file) return err->status;
    char *lang = po_language(P, file);
    xmlDocPtr doc = lang ? pp_xml_read(c->path, "instrument", NULL, err) : NULL;
    if (!lang)
        pp_error_set(err, PP_ERR_INVALID, po_path, 0, "the PO header has no Language field");
    else if (!valid_tag(lang))
        pp_error_set(err, PP_ERR_INVALID, po_path, 0,
                     "the PO header's Language is not a language tag like \"de\" or \"pt_BR\"");
    merge mg = {P,
                g_hash_table_new(g_str_hash, g_str_equal),
                g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
                g_string_new(NULL),
                po_path,
                err};
    if (doc) {
        pp_content_texts(c, collect_ids, mg.texts);
        index_elements(xmlDocGetRootElement(doc), mg.elements);
        if (apply(&mg, file) == PP_OK) {
            xmlNodeSetLang(xmlDocGetRootElement(doc), (const xmlChar *)lang);
            save(doc, out_path, po_path, err);
        }
    }
    if (!pp_error_isset(err) && mg.kept->len)
        fprintf(warn, "%s: warning: untranslated or fuzzy, kept in the source language: %s\n",
                po_path, mg.kept->str);
    g_hash_table_destroy(mg.texts);
    g_hash_table_destroy(mg.elements);
    g_string_free(mg.kept, TRUE);
    xmlFreeDoc(doc);
    g_free(lang);
    P->po_file_free(file);
    return err->status;
}
