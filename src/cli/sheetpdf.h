/* The PDF of a planned sheet with the metadata `render` gives it: title (with a session's
 * partnership and date), subject, author, keywords (the themes) and language. Shared by `render`
 * and `publish`, so that both write the same bytes for the same arguments. */
#ifndef PP_SHEETPDF_H
#define PP_SHEETPDF_H

#include "base/error.h"
#include "doc/doc.h"
#include "model/content.h"
#include "model/session.h"
#include "output/form.h"
#include "output/output.h"
#include "sheets/scene.h"

/* Writes s, planned for r from c (and ss, NULL without a session), to path; form: the fields of
 * render --form, or NULL; pdfa: the PDF/A level, with icc the colour profile it embeds (NULL for
 * none). Everything borrowed. */
pp_status pp_sheetpdf_write(const pp_scene *s, const pp_doc_request *r, const pp_content *c,
                            const pp_session *ss, const pp_form *form, pp_pdfa pdfa,
                            const char *icc, const char *path, pp_error *err);

#endif
