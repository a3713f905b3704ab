#include "output/tags.h"

#include "output/draw.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

typedef struct tagger {
    const pp_qpdf_api *Q;
    qpdf_data q;
    GPtrArray *alts;      /* every Figure's alternative text, in document order; borrowed */
    size_t next_alt;      /* the next Figure's */
    GHashTable *artifact; /* object ids of the artifact elements taken out of the tree */
} tagger;

static bool is_artifact(tagger *t, qpdf_oh elem)
{
    return t->Q->qpdf_oh_is_name_and_equals(t->q, t->Q->qpdf_oh_get_key(t->q, elem, "/S"),
                                            "/" PP_DRAW_ARTIFACT);
}

static void walk(tagger *t, qpdf_oh elem);

/* Walks the children of an element (its /K: one or an array), dropping the artifacts. */
static void walk_kids(tagger *t, qpdf_oh parent)
{
    const pp_qpdf_api *Q = t->Q;
    qpdf_data q = t->q;
    qpdf_oh k = Q->qpdf_oh_get_key(q, parent, "/K");
    if (Q->qpdf_oh_is_dictionary(q, k)) {
        k = Q->qpdf_oh_wrap_in_array(q, k);
        Q->qpdf_oh_replace_key(q, parent, "/K", k);
    }
    if (!Q->qpdf_oh_is_array(q, k)) return;
    for (int i = 0; i < Q->qpdf_oh_get_array_n_items(q, k);) {
        qpdf_oh kid = Q->qpdf_oh_get_array_item(q, k, i);
        if (Q->qpdf_oh_is_dictionary(q, kid) && is_artifact(t, kid)) {
            g_hash_table_add(t->artifact, GINT_TO_POINTER(Q->qpdf_oh_get_object_id(q, kid)));
            Q->qpdf_oh_erase_item(q, k, i);
            continue;
        }
        if (Q->qpdf_oh_is_dictionary(q, kid)) walk(t, kid);
        i++;
    }
}

static void walk(tagger *t, qpdf_oh elem)
{
    const pp_qpdf_api *Q = t->Q;
    qpdf_data q = t->q;
    if (Q->qpdf_oh_is_name_and_equals(q, Q->qpdf_oh_get_key(q, elem, "/S"), "/Figure") &&
        t->next_alt < t->alts->len) {
        const char *alt = g_ptr_array_index(t->alts, t->next_alt++);
        if (alt) Q->qpdf_oh_replace_key(q, elem, "/Alt", Q->qpdf_oh_new_unicode_string(q, alt));
    }
    walk_kids(t, elem);
}

/* The parent tree maps each page's marked content to its element: the artifacts' become null. */
static void prune_parent_tree(tagger *t, qpdf_oh root)
{
    const pp_qpdf_api *Q = t->Q;
    qpdf_data q = t->q;
    qpdf_oh nums = Q->qpdf_oh_get_key(q, Q->qpdf_oh_get_key(q, root, "/ParentTree"), "/Nums");
    for (int i = 1; i < Q->qpdf_oh_get_array_n_items(q, nums); i += 2) {
        qpdf_oh arr = Q->qpdf_oh_get_array_item(q, nums, i);
        for (int k = 0; Q->qpdf_oh_is_array(q, arr) && k < Q->qpdf_oh_get_array_n_items(q, arr);
             k++) {
            int id = Q->qpdf_oh_get_object_id(q, Q->qpdf_oh_get_array_item(q, arr, k));
            if (g_hash_table_contains(t->artifact, GINT_TO_POINTER(id)))
                Q->qpdf_oh_set_array_item(q, arr, k, Q->qpdf_oh_new_null(q));
        }
    }
}

/* "/Private << /MCID 12 >> BDC" in a page's content becomes "/Artifact BMC". */
static GString *artifacts_in(const unsigned char *data, size_t n)
{
    static const char open[] = "/" PP_DRAW_ARTIFACT " << /MCID ";
    static const char bdc[] = " >> BDC";
    GString *out = g_string_sized_new(n);
    const char *p = (const char *)data, *end = p + n;
    for (;;) {
        const char *hit = g_strstr_len(p, end - p, open);
        if (!hit) break;
        const char *num = hit + strlen(open), *close = num;
        while (close < end && g_ascii_isdigit(*close))
            close++;
        if (close == num || (size_t)(end - close) < strlen(bdc) ||
            memcmp(close, bdc, strlen(bdc)) != 0) {
            g_string_append_len(out, p, num - p);
            p = num;
            continue;
        }
        g_string_append_len(out, p, hit - p);
        g_string_append(out, "/Artifact BMC");
        p = close + strlen(bdc);
    }
    g_string_append_len(out, p, end - p);
    return out;
}

static pp_status rewrite_pages(const pp_qpdf_api *Q, qpdf_data q, const char *path, pp_error *err)
{
    int n = Q->qpdf_get_num_pages(q);
    for (int i = 0; i < n; i++) {
        qpdf_oh page = Q->qpdf_get_page_n(q, (size_t)i);
        unsigned char *data = NULL;
        size_t len = 0;
        if (Q->qpdf_oh_get_page_content_data(q, page, &data, &len) & QPDF_ERRORS)
            return pp_error_set(err, PP_ERR_IO, path, 0, "cannot read page %d to tag it", i + 1);
        GString *out = artifacts_in(data, len);
        free(data);
        qpdf_oh st = Q->qpdf_oh_new_stream(q);
        Q->qpdf_oh_replace_stream_data(q, st, (const unsigned char *)out->str, out->len,
                                       Q->qpdf_oh_new_null(q), Q->qpdf_oh_new_null(q));
        Q->qpdf_oh_replace_key(q, page, "/Contents", Q->qpdf_make_indirect_object(q, st));
        g_string_free(out, TRUE);
    }
    return PP_OK;
}

/* cairo 1.16 drops the Document element it was given and hangs the top-level elements on the
 * root: one Document element holds them again. */
static void document_element(const pp_qpdf_api *Q, qpdf_data q, qpdf_oh tree)
{
    qpdf_oh kids = Q->qpdf_oh_get_key(q, tree, "/K");
    if (!Q->qpdf_oh_is_array(q, kids)) kids = Q->qpdf_oh_wrap_in_array(q, kids);
    qpdf_oh first = Q->qpdf_oh_get_array_item(q, kids, 0);
    if (Q->qpdf_oh_get_array_n_items(q, kids) == 1 &&
        Q->qpdf_oh_is_name_and_equals(q, Q->qpdf_oh_get_key(q, first, "/S"), "/Document"))
        return;
    qpdf_oh doc = Q->qpdf_make_indirect_object(
        q, Q->qpdf_oh_parse(q, "<< /Type /StructElem /S /Document >>"));
    Q->qpdf_oh_replace_key(q, doc, "/P", tree);
    Q->qpdf_oh_replace_key(q, doc, "/K", kids);
    for (int i = 0; i < Q->qpdf_oh_get_array_n_items(q, kids); i++) {
        qpdf_oh kid = Q->qpdf_oh_get_array_item(q, kids, i);
        if (Q->qpdf_oh_is_dictionary(q, kid)) Q->qpdf_oh_replace_key(q, kid, "/P", doc);
    }
    Q->qpdf_oh_replace_key(q, tree, "/K", Q->qpdf_oh_wrap_in_array(q, doc));
}

static GPtrArray *figure_alts(const pp_scene *s)
{
    GPtrArray *alts = g_ptr_array_new();
    for (size_t i = 0; i < s->n_pages; i++)
        for (size_t k = 0; k < s->pages[i].n; k++) {
            const pp_op *op = &s->pages[i].ops[k];
            if (op->kind == PP_OP_BEGIN && strcmp(op->tag, "Figure") == 0)
                g_ptr_array_add(alts, op->alt);
        }
    return alts;
}

pp_status pp_tags_finish(const pp_qpdf_api *Q, qpdf_data q, const pp_scene *s, const char *path,
                         pp_error *err)
{
    qpdf_oh root = Q->qpdf_get_root(q);
    qpdf_oh tree = Q->qpdf_oh_get_key(q, root, "/StructTreeRoot");
    if (!s->tags || !Q->qpdf_oh_is_dictionary(q, tree)) return PP_OK;
    tagger t = {Q, q, figure_alts(s), 0, g_hash_table_new(NULL, NULL)};
    walk_kids(&t, tree);
    prune_parent_tree(&t, tree);
    document_element(Q, q, tree);
    g_ptr_array_free(t.alts, TRUE);
    g_hash_table_destroy(t.artifact);
    Q->qpdf_oh_replace_key(q, root, "/MarkInfo", Q->qpdf_oh_parse(q, "<< /Marked true >>"));
    return rewrite_pages(Q, q, path, err);
}
