/* The small changes every PDF gets after cairo, without libqpdf: an incremental update (PDF 1.7,
 * 7.5.6) appended to cairo's file, holding a new catalog with the document language (/Lang) and
 * /ViewerPreferences << /DisplayDocTitle true >>, and a trailer with a deterministic /ID (the MD5
 * of the file before it). Linking libqpdf only for this cost every run 12 million instructions of
 * relocation and 8 million more to read and rewrite the file (issue #15); forms, tags, PDF/A,
 * trim boxes and right-to-left text layers still go through libqpdf (output/qpdfapi.h). */
#ifndef PP_UPDATE_H
#define PP_UPDATE_H

#include <glib.h>
#include <stdbool.h>

/* Appends the update to pdf, a file as cairo 1.16 writes it (one cross-reference table, a trailer
 * of /Size, /Root and /Info, a catalog without /Lang or /ViewerPreferences). lang (BCP 47) may be
 * NULL. False, with pdf unchanged, when the file is not of that form: the caller then uses qpdf. */
bool pp_pdf_update_catalog(GByteArray *pdf, const char *lang);

#endif
