/* `praatplaat scan`: a photo of a praatplaat printed with `render --codes qr` read back as a
 * session (docs/scanning.md). The codes in its corners say which instrument, language, paper,
 * orientation and layout version it is and where the sheet lies in the photo; the sheet is planned
 * again from the content to know where every box is; each score box and yes/no box is read by its
 * ink. */
#ifndef PP_SCAN_H
#define PP_SCAN_H

#include "base/error.h"
#include "doc/doc.h"
#include "model/content.h"

/* The codes' text for r's sheet of c, before orientation, version and corner (sheets/codes.h); a
 * string to g_free. */
char *pp_scan_codes(const pp_content *c, const pp_doc_request *r);

/* Where scan finds what it needs, borrowed. */
typedef struct pp_scan_paths {
    const char *layouts, *fonts, *schema, *session_schema;
} pp_scan_paths;

/* Reads photo of a praatplaat of content and writes the session to output; with images, each
 * theme's notes area as THEME-notes.png and each post-it found in it as THEME-postit-N.png in that
 * folder (cli/postits.h), referred to from the session. Post-its are counted on stderr. Uncertain
 * boxes go to stderr. Nothing is written on error. */
pp_status pp_scan_run(const char *content, const char *photo, const char *output,
                      const char *images, const pp_scan_paths *paths, pp_error *err);

#endif
