#include "cli/sheetpdf.h"

#include "model/record.h"
#include "output/output.h"

#include <glib.h>

pp_status pp_sheetpdf_write(const pp_scene *s, const pp_doc_request *r, const pp_content *c,
                            const pp_session *ss, const pp_form *form, pp_pdfa pdfa,
                            const char *icc, const char *path, pp_error *err)
{
    GString *keywords = g_string_new(NULL);
    for (size_t i = 0; i < c->n_themes; i++)
        g_string_append_printf(keywords, "%s%s", i ? ", " : "", c->themes[i].name.text);
    const char *subject = pp_doc_subject(r, c);
    GString *title = g_string_new(c->title.text);
    if (ss && ss->partnership.text) {
        g_string_append_printf(title, " — %s", ss->partnership.text);
        g_string_append_printf(keywords, ", %s", ss->partnership.text);
    }
    if (ss && ss->date.text) {
        gchar *d = pp_record_date(&c->record, ss->date.text);
        g_string_append_printf(title, " — %s", d);
        g_free(d);
    }
    pp_doc_meta meta = {title->str, subject, c->publisher.text, keywords->str, c->lang, form,
                        pdfa,       icc};
    pp_pdf_write(s, &meta, path, err);
    g_string_free(keywords, TRUE);
    g_string_free(title, TRUE);
    return err->status;
}
