#include "cli/import.h"

#include "base/dynlib.h"
#include "base/file.h"
#include "model/content.h"
#include "model/formfields.h"
#include "model/session.h"
#include "model/session_write.h"

#include <errno.h>
#include <poppler.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>

/* The largest form read (docs/limits.md). */
#define PP_FORM_MAX_BYTES (256u * 1024u * 1024u)

/* poppler-glib, opened only when `import` runs. Linked, it would load libpoppler and a score of
 * libraries under it (nss, lcms, openjpeg, …) into every run of every command: their relocation
 * alone cost about 15 million instructions, a sixth of a follow-up plaat's render (issue #15).
 * The functions keep poppler.h's own types. */
typedef struct poppler_api {
    __typeof__(poppler_error_quark) *error_quark;
    __typeof__(poppler_document_new_from_bytes) *document_new_from_bytes;
    __typeof__(poppler_document_get_n_pages) *document_get_n_pages;
    __typeof__(poppler_document_get_page) *document_get_page;
    __typeof__(poppler_page_get_form_field_mapping) *page_get_form_field_mapping;
    __typeof__(poppler_page_free_form_field_mapping) *page_free_form_field_mapping;
    __typeof__(poppler_form_field_get_name) *field_get_name;
    __typeof__(poppler_form_field_get_field_type) *field_get_field_type;
    __typeof__(poppler_form_field_get_id) *field_get_id;
    __typeof__(poppler_form_field_text_get_text) *text_get_text;
    __typeof__(poppler_form_field_button_get_button_type) *button_get_button_type;
    __typeof__(poppler_form_field_button_get_state) *button_get_state;
} poppler_api;

/* Opens poppler-glib (PP_POPPLER_GLIB: its soname, found by CMake) and looks up every function;
 * false with err set when the library or one of them is missing. */
static bool poppler_open(poppler_api *p, pp_error *err)
{
#define FN(field, name) PP_DYNLIB_FN(poppler_api, field, name)
    static const pp_dynlib_fn fns[] = {
        FN(error_quark, poppler_error_quark),
        FN(document_new_from_bytes, poppler_document_new_from_bytes),
        FN(document_get_n_pages, poppler_document_get_n_pages),
        FN(document_get_page, poppler_document_get_page),
        FN(page_get_form_field_mapping, poppler_page_get_form_field_mapping),
        FN(page_free_form_field_mapping, poppler_page_free_form_field_mapping),
        FN(field_get_name, poppler_form_field_get_name),
        FN(field_get_field_type, poppler_form_field_get_field_type),
        FN(field_get_id, poppler_form_field_get_id),
        FN(text_get_text, poppler_form_field_text_get_text),
        FN(button_get_button_type, poppler_form_field_button_get_button_type),
        FN(button_get_state, poppler_form_field_button_get_state)};
#undef FN
    return pp_dynlib_open(PP_POPPLER_GLIB, fns, sizeof fns / sizeof fns[0], p,
                          "import reads forms with poppler-glib", "libpoppler-glib8", err);
}

/* One button of a radio group: poppler's widget id (the order of the page's annotations, which
 * is the order of the on-states: model/formfields.h) and whether it is on. */
typedef struct button {
    gint id;
    gboolean on;
} button;

static gint by_id(gconstpointer a, gconstpointer b)
{
    return ((const button *)a)->id - ((const button *)b)->id;
}

bool pp_import_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

static PopplerDocument *open_pdf(const poppler_api *P, const char *pdf, pp_error *err)
{
    gchar *data = NULL;
    gsize n = 0;
    GError *e = NULL;
    if (!g_file_get_contents(pdf, &data, &n, &e)) {
        pp_error_set(err, PP_ERR_IO, pdf, 0, "cannot read: %s", e->message);
        g_error_free(e);
        return NULL;
    }
    if (n > PP_FORM_MAX_BYTES) {
        g_free(data);
        pp_error_set(err, PP_ERR_INVALID, pdf, 0, "%zu bytes; a form of at most %u is read", n,
                     PP_FORM_MAX_BYTES);
        return NULL;
    }
    GBytes *bytes = g_bytes_new_take(data, n);
    PopplerDocument *doc = P->document_new_from_bytes(bytes, NULL, &e);
    g_bytes_unref(bytes);
    if (!doc && g_error_matches(e, P->error_quark(), POPPLER_ERROR_ENCRYPTED))
        pp_error_set(err, PP_ERR_INVALID, pdf, 0,
                     "the PDF is encrypted: save a copy without a password and import that");
    else if (!doc)
        pp_error_set(err, PP_ERR_INVALID, pdf, 0, "not a PDF, or damaged beyond repair (%s)",
                     e ? e->message : "unknown error");
    if (e) g_error_free(e);
    return doc;
}

/* The values of every field: text as typed, a radio group's on-state by its button's place. */
static GHashTable *read_fields(const poppler_api *P, PopplerDocument *doc, const char *pdf,
                               pp_error *err)
{
    GHashTable *values = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    GHashTable *groups =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
    for (int i = 0; i < P->document_get_n_pages(doc); i++) {
        PopplerPage *page = P->document_get_page(doc, i);
        GList *map = P->page_get_form_field_mapping(page);
        for (GList *l = map; l; l = l->next) {
            PopplerFormField *f = ((PopplerFormFieldMapping *)l->data)->field;
            gchar *name = P->field_get_name(f);
            if (!name) continue;
            PopplerFormFieldType type = P->field_get_field_type(f);
            if (type == POPPLER_FORM_FIELD_TEXT) {
                gchar *v = P->text_get_text(f);
                g_hash_table_replace(values, name, v ? v : g_strdup(""));
                continue;
            }
            if (type == POPPLER_FORM_FIELD_BUTTON &&
                P->button_get_button_type(f) == POPPLER_FORM_BUTTON_RADIO) {
                GArray *g = g_hash_table_lookup(groups, name);
                if (!g)
                    g_hash_table_insert(groups, g_strdup(name),
                                        g = g_array_new(FALSE, FALSE, sizeof(button)));
                button b = {P->field_get_id(f), P->button_get_state(f)};
                g_array_append_val(g, b);
            }
            g_free(name);
        }
        P->page_free_form_field_mapping(map);
        g_object_unref(page);
    }
    GHashTableIter it;
    gpointer key, val;
    g_hash_table_iter_init(&it, groups);
    while (g_hash_table_iter_next(&it, &key, &val) && !pp_error_isset(err)) {
        GArray *g = val;
        bool score = g_str_has_prefix(key, "score:");
        const char *const *states = score ? pp_form_scores : pp_form_marks;
        guint want = score ? PP_SCORES : G_N_ELEMENTS(pp_form_marks);
        if (g->len != want) {
            pp_error_set(err, PP_ERR_INVALID, pdf, 0,
                         "field \"%s\" has %u buttons; a praatplaat form has %u there",
                         (const char *)key, g->len, want);
            break;
        }
        g_array_sort(g, by_id);
        g_hash_table_replace(values, g_strdup(key), g_strdup("")); /* none on: not filled in */
        for (guint k = 0; k < g->len; k++)
            if (g_array_index(g, button, k).on)
                g_hash_table_replace(values, g_strdup(key), g_strdup(states[k]));
    }
    g_hash_table_destroy(groups);
    return values;
}

pp_status pp_import_write(const char *xml, const pp_content *c, const char *output,
                          const char *session_schema, pp_error *err)
{
    FILE *f = NULL;
    char *tmp = pp_temp_beside(output, &f, err);
    if (!tmp) return err->status;
    if (fputs(xml, f) < 0 || fflush(f) != 0)
        pp_error_set(err, PP_ERR_IO, output, 0, "cannot write the session: %s", strerror(errno));
    /* What was written must read back as a valid session, before it replaces anything. */
    pp_session *check = !pp_error_isset(err) && strcmp(tmp, output) != 0
                            ? pp_session_load(tmp, c, session_schema, err)
                            : NULL;
    pp_session_free(check);
    pp_commit_file(f, tmp, output, err);
    return err->status;
}

pp_status pp_import_form(const char *content, const char *pdf, const char *output,
                         const char *schema, const char *session_schema, pp_error *err)
{
    if (pp_import_same_file(output, content) || pp_import_same_file(output, pdf))
        return pp_error_set(err, PP_ERR_USAGE, output, 0, "the output would overwrite an input");
    pp_content *c = pp_content_load(content, schema, err);
    poppler_api P = {0};
    PopplerDocument *doc = c && poppler_open(&P, err) ? open_pdf(&P, pdf, err) : NULL;
    GHashTable *values = doc ? read_fields(&P, doc, pdf, err) : NULL;
    if (values && !pp_error_isset(err) && !g_hash_table_contains(values, PP_FORM_META_FIELD))
        pp_error_set(err, PP_ERR_INVALID, pdf, 0, "no praatplaat form fields");
    pp_session *s = values && !pp_error_isset(err) ? pp_form_session(c, values, pdf, err) : NULL;
    if (s) {
        char *xml = pp_session_write(s, c);
        pp_import_write(xml, c, output, session_schema, err);
        g_free(xml);
    }
    pp_session_free(s);
    if (values) g_hash_table_destroy(values);
    if (doc) g_object_unref(doc);
    /* Not closed: glib's type system keeps poppler's types registered until the process ends. */
    pp_content_free(c);
    return err->status;
}
