#include "base/date.h"
#include "base/file.h"
#include "output/draw.h"
#include "output/form.h"
#include "output/output.h"
#include "output/pdfa.h"
#include "output/tags.h"
#include "output/textlayer.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib.h>
#include <qpdf/qpdf-c.h>
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
static qpdf_oh pdf_box(qpdf_data q, pp_box box, double h)
{
    char text[128];
    snprintf(text, sizeof text, "[%.4f %.4f %.4f %.4f]", box.x * PP_MM_PT,
             (h - box.y - box.h) * PP_MM_PT, (box.x + box.w) * PP_MM_PT, (h - box.y) * PP_MM_PT);
    return qpdf_oh_parse(q, text);
}

/* render --marks: /TrimBox and /BleedBox on every page that has them (cairo 1.16 has no API). */
static void set_boxes(qpdf_data q, const pp_scene *s)
{
    int n = qpdf_get_num_pages(q);
    for (int i = 0; i < n && (size_t)i < s->n_pages; i++) {
        const pp_page *p = &s->pages[i];
        if (!p->boxes) continue;
        qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
        qpdf_oh_replace_key(q, page, "/TrimBox", pdf_box(q, p->trim, p->h));
        qpdf_oh_replace_key(q, page, "/BleedBox", pdf_box(q, p->bleed, p->h));
    }
}

/* What cairo 1.16 cannot write: the document language (/Lang), showing the title in viewers, a
 * text layer of right-to-left ligatures that every extractor reads right (textlayer.h), form
 * fields (form.h), artifacts and alternative text (tags.h), PDF/A (pdfa.h) and the trim and bleed
 * boxes of render --marks. libqpdf adds them and writes the file with a deterministic /ID. */
static pp_status finish(GByteArray *bytes, const pp_scene *s, const pp_doc_meta *m, FILE *out,
                        const char *path, pp_error *err)
{
    qpdf_data q = qpdf_init();
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    qpdf_silence_errors(q);
    QPDF_ERROR_CODE rc = qpdf_read_memory(q, path, (const char *)bytes->data, bytes->len, NULL);
    if (!(rc & QPDF_ERRORS)) {
        pp_textlayer_fix_rtl(q);
        qpdf_oh root = qpdf_get_root(q);
        if (m->lang) qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q, m->lang));
        qpdf_oh_replace_key(q, root, "/ViewerPreferences",
                            qpdf_oh_parse(q, "<< /DisplayDocTitle true >>"));
        set_boxes(q, s);
        if ((m->form && pp_form_add(q, s, m->form, path, err) != PP_OK) ||
            pp_tags_finish(q, s, path, err) != PP_OK ||
            pp_pdfa_apply(q, m, pp_source_time(), path, err) != PP_OK) {
            qpdf_cleanup(&q);
            return err->status;
        }
        rc = qpdf_init_write_memory(q);
    }
    if (!(rc & QPDF_ERRORS)) {
        qpdf_set_deterministic_ID(q, QPDF_TRUE);
        qpdf_set_object_stream_mode(q, qpdf_o_generate);
        pp_pdfa_write_options(q, m);
        rc = qpdf_write(q);
    }
    if (!(rc & QPDF_ERRORS)) {
        size_t n = qpdf_get_buffer_length(q);
        if (fwrite(qpdf_get_buffer(q), 1, n, out) != n)
            pp_error_set(err, PP_ERR_IO, path, 0, "cannot write: %s", strerror(errno));
    }
    if (rc & QPDF_ERRORS) {
        qpdf_error e = qpdf_get_error(q);
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot write the PDF: %s",
                     e ? qpdf_get_error_full_text(q, e) : "unknown error");
    }
    qpdf_cleanup(&q);
    return err->status;
}

pp_status pp_pdf_write(const pp_scene *s, const pp_doc_meta *meta, const char *path, pp_error *err)
{
    if (s->n_pages == 0) return pp_error_set(err, PP_ERR_INVALID, path, 0, "nothing to write");
    GByteArray *bytes = render(s, meta, path, err);
    if (!bytes) return err->status;
    FILE *f = NULL;
    char *tmp = pp_temp_beside(path, &f, err);
    if (tmp) {
        finish(bytes, s, meta, f, path, err);
        pp_commit_file(f, tmp, path, err);
    }
    g_byte_array_unref(bytes);
    return err->status;
}
