/* PDF/A after cairo (docs/archiving.md): cairo 1.16 writes neither XMP metadata nor an output
 * intent, writes dates without the D: prefix, leaves /CIDToGIDMap out and puts a transparency group
 * on every page. pp_pdfa_apply adds and fixes all of that in the document cairo wrote, read into q;
 * pp_pdfa_write_options sets what the writer must do (a newline before endstream; for PDF/A-1 no
 * object streams). Internal to output/. */
#ifndef PP_PDFA_H
#define PP_PDFA_H

#include "base/error.h"
#include "output/output.h"
#include "output/qpdfx.h"

#include <time.h>

/* Makes q PDF/A at m->pdfa: dates from when, XMP mirroring the document information, the output
 * intent with the sRGB profile of m->icc, the font entries; for PDF/A-1 also no page groups, a
 * CIDSet for every subset CID font and a CharSet for every subset Type 1 font. path is for
 * messages. */
pp_status pp_pdfa_apply(const pp_qpdf_api *Q, qpdf_data q, const pp_doc_meta *m, time_t when,
                        const char *path, pp_error *err);

/* Writer settings for m->pdfa; call after qpdf_init_write_*. */
void pp_pdfa_write_options(const pp_qpdf_api *Q, qpdf_data q, const pp_doc_meta *m);

#endif
