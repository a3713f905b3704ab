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

/* The scan codes' text for c's sheets, before the sheet, paper, orientation, version and place
 * (sheets/codes.h); a string to g_free. */
char *pp_scan_codes(const pp_content *c);

/* Whether kind, or a part of the composite kind (`all`), carries scan codes. */
bool pp_scan_codes_on(const pp_sheet_kind *kind);

/* Where scan finds what it needs, borrowed. */
typedef struct pp_scan_paths {
    const char *layouts, *fonts, *schema, *session_schema;
} pp_scan_paths;

/* Reads the n_photos photos (borrowed) of content's sheets (the praatplaat, the follow-up plaat;
 * one or more photos of each, e.g. the left and right halves) and writes the session to output;
 * each box is read in every photo that shows it, and photos that disagree make it uncertain. With
 * images, each theme's notes area as THEME-notes.png and each post-it found in it as
 * THEME-postit-N.png in that folder (cli/postits.h), referred to from the session. Post-its are
 * counted on stderr. Uncertain boxes go to stderr. Nothing is written on error. */
pp_status pp_scan_run(const char *content, const char *const *photos, int n_photos,
                      const char *output, const char *images, const pp_scan_paths *paths,
                      pp_error *err);

#endif
