#include "base/date.h"
#include "base/file.h"
#include "base/script.h"
#include "output/draw.h"
#include "output/form.h"
#include "output/output.h"
#include "output/pdfa.h"
#include "output/qpdfx.h"
#include "output/tags.h"
#include "output/textlayer.h"
#include "output/update.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

static cairo_status_t to_bytes(void *closure, const unsigned char *data, unsigned int length)
{
    g_byte_array_append(closure, data, length);
    return CAIRO_STATUS_SUCCESS;
}

static void set_meta(cairo_surface_t *pdf, const pp_doc_meta *m)
{
    char date[32];
    pp_source_date(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ");
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "praatplaat " PP_VERSION);
    const struct {
        cairo_pdf_metadata_t key;
        const char *value;
    } items[] = {{CAIRO_PDF_METADATA_TITLE, m->title},
                 {CAIRO_PDF_METADATA_SUBJECT, m->subject},
                 {CAIRO_PDF_METADATA_AUTHOR, m->author},
                 {CAIRO_PDF_METADATA_KEYWORDS, m->keywords}};
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++)
        if (items[i].value) cairo_pdf_surface_set_metadata(pdf, items[i].key, items[i].value);
}

/* Renders every page into memory with cairo. */
static GByteArray *render(const pp_scene *s, const pp_doc_meta *m, const char *path, pp_error *err)
{
    GByteArray *bytes = g_byte_array_new();
    const pp_page *first = &s->pages[0];
    cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream(to_bytes, bytes, first->w * PP_MM_PT,
                                                               first->h * PP_MM_PT);
    set_meta(pdf, m);
    cairo_t *cr = cairo_create(pdf);
    /* A tagged document is one Document element (cairo 1.16 needs every link inside structure). */
    pp_draw_tags tags = {0};
    pp_draw_cache *cache = pp_draw_cache_new();
    if (s->tags) cairo_tag_begin(cr, "Document", NULL);
    for (size_t i = 0; i < s->n_pages && cairo_status(cr) == CAIRO_STATUS_SUCCESS; i++) {
        const pp_page *p = &s->pages[i];
        cairo_pdf_surface_set_size(pdf, p->w * PP_MM_PT, p->h * PP_MM_PT);
        pp_draw_page_tagged(cr, p, s->tags ? &tags : NULL, cache);
        if (p->outline) {
            char link[32];
            snprintf(link, sizeof link, "page=%zu", i + 1);
            cairo_pdf_surface_add_outline(pdf, CAIRO_PDF_OUTLINE_ROOT, p->outline, link, 0);
        }
        cairo_show_page(cr);
    }
    if (s->tags) cairo_tag_end(cr, "Document");
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(pdf);
    if (st == CAIRO_STATUS_SUCCESS) st = cairo_surface_status(pdf);
    cairo_surface_destroy(pdf);
    pp_draw_cache_free(cache); /* after the surface: it holds snapshots of the recordings */
    if (st != CAIRO_STATUS_SUCCESS) {
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot render the PDF: %s",
                     cairo_status_to_string(st));
        g_byte_array_unref(bytes);
        return NULL;
    }
    return bytes;
}

/* box as a PDF rectangle in points on a page h mm high (PDF's y axis points up). */
static qpdf_oh pdf_box(const pp_qpdf_api *Q, qpdf_data q, pp_box box, double h)
{
    char text[128];
    snprintf(text, sizeof text, "[%.4f %.4f %.4f %.4f]", box.x * PP_MM_PT,
             (h - box.y - box.h) * PP_MM_PT, (box.x + box.w) * PP_MM_PT, (h - box.y) * PP_MM_PT);
    return Q->qpdf_oh_parse(q, text);
}

/* render --marks: /TrimBox and /BleedBox on every page that has them (cairo 1.16 has no API). */
static void set_boxes(const pp_qpdf_api *Q, qpdf_data q, const pp_scene *s)
{
    int n = Q->qpdf_get_num_pages(q);
    for (int i = 0; i < n && (size_t)i < s->n_pages; i++) {
        const pp_page *p = &s->pages[i];
        if (!p->boxes) continue;
        qpdf_oh page = Q->qpdf_get_page_n(q, (size_t)i);
        Q->qpdf_oh_replace_key(q, page, "/TrimBox", pdf_box(Q, q, p->trim, p->h));
        Q->qpdf_oh_replace_key(q, page, "/BleedBox", pdf_box(Q, q, p->bleed, p->h));
    }
}

/* What cairo 1.16 cannot write: the document language (/Lang), showing the title in viewers, a
 * text layer of right-to-left ligatures that every extractor reads right (textlayer.h), form
 * fields (form.h), artifacts and alternative text (tags.h), PDF/A (pdfa.h) and the trim and bleed
 * boxes of render --marks. libqpdf (opened here) adds them and writes the file with a
 * deterministic /ID. */
static pp_status finish(GByteArray *bytes, const pp_scene *s, const pp_doc_meta *m, FILE *out,
                        const char *path, pp_error *err)
{
    pp_qpdf_api api;
    if (!pp_qpdf_open(&api, err)) return err->status;
    const pp_qpdf_api *Q = &api;
    qpdf_data q = Q->qpdf_init();
    Q->qpdf_set_suppress_warnings(q, QPDF_TRUE);
    Q->qpdf_silence_errors(q);
    QPDF_ERROR_CODE rc = Q->qpdf_read_memory(q, path, (const char *)bytes->data, bytes->len, NULL);
    if (!(rc & QPDF_ERRORS)) {
        pp_textlayer_fix_rtl(Q, q);
        qpdf_oh root = Q->qpdf_get_root(q);
        if (m->lang)
            Q->qpdf_oh_replace_key(q, root, "/Lang", Q->qpdf_oh_new_unicode_string(q, m->lang));
        Q->qpdf_oh_replace_key(q, root, "/ViewerPreferences",
                               Q->qpdf_oh_parse(q, "<< /DisplayDocTitle true >>"));
        set_boxes(Q, q, s);
        if ((m->form && pp_form_add(Q, q, s, m->form, path, err) != PP_OK) ||
            pp_tags_finish(Q, q, s, path, err) != PP_OK ||
            pp_pdfa_apply(Q, q, m, pp_source_time(), path, err) != PP_OK) {
            Q->qpdf_cleanup(&q);
            return err->status;
        }
        rc = Q->qpdf_init_write_memory(q);
    }
    if (!(rc & QPDF_ERRORS)) {
        Q->qpdf_set_deterministic_ID(q, QPDF_TRUE);
        Q->qpdf_set_object_stream_mode(q, qpdf_o_generate);
        pp_pdfa_write_options(Q, q, m);
        rc = Q->qpdf_write(q);
    }
    if (!(rc & QPDF_ERRORS)) {
        size_t n = Q->qpdf_get_buffer_length(q);
        if (fwrite(Q->qpdf_get_buffer(q), 1, n, out) != n)
            pp_error_set(err, PP_ERR_IO, path, 0, "cannot write: %s", strerror(errno));
    }
    if (rc & QPDF_ERRORS) {
        qpdf_error e = Q->qpdf_get_error(q);
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot write the PDF: %s",
                     e ? Q->qpdf_get_error_full_text(q, e) : "unknown error");
    }
    Q->qpdf_cleanup(&q);
    return err->status;
}

static bool has_rtl(const char *text)
{
    for (const char *p = text; *p; p = g_utf8_next_char(p))
        if (pp_unichar_is_rtl(g_utf8_get_char(p))) return true;
    return false;
}

/* Whether page draws right-to-left letters, itself or through the pages it draws again. */
static bool page_has_rtl(const pp_page *p)
{
    for (size_t k = 0; k < p->n; k++) {
        const pp_op *op = &p->ops[k];
        if ((op->kind == PP_OP_TEXT || op->kind == PP_OP_ARC_TEXT) && op->text &&
            has_rtl(pp_textbox_text(op->text)))
            return true;
        if (op->kind == PP_OP_PAGE && op->ref && page_has_rtl(op->ref)) return true;
    }
    return false;
}

/* Whether the file needs libqpdf (finish) rather than the small update of output/update.h: for
 * forms, tags, PDF/A, trim boxes, and the text layer of right-to-left text (textlayer.h: the
 * rewrite touches only glyphs of right-to-left letters, Arabic presentation forms among them, so
 * a document without such letters is left as it is). */
static bool needs_qpdf(const pp_scene *s, const pp_doc_meta *m)
{
    if (m->form || m->pdfa != PP_PDFA_NONE || s->tags) return true;
    for (size_t i = 0; i < s->n_pages; i++)
        if (s->pages[i].boxes || page_has_rtl(&s->pages[i])) return true;
    return false;
}

pp_status pp_pdf_write(const pp_scene *s, const pp_doc_meta *meta, const char *path, pp_error *err)
{
    if (s->n_pages == 0) return pp_error_set(err, PP_ERR_INVALID, path, 0, "nothing to write");
    GByteArray *bytes = render(s, meta, path, err);
    if (!bytes) return err->status;
    FILE *f = NULL;
    char *tmp = pp_temp_beside(path, &f, err);
    if (tmp) {
        if (needs_qpdf(s, meta) || !pp_pdf_update_catalog(bytes, meta->lang))
            finish(bytes, s, meta, f, path, err);
        else if (fwrite(bytes->data, 1, bytes->len, f) != bytes->len)
            pp_error_set(err, PP_ERR_IO, path, 0, "cannot write: %s", strerror(errno));
        pp_commit_file(f, tmp, path, err);
    }
    g_byte_array_unref(bytes);
    return err->status;
}
