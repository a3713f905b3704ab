/* Writing a scene to files. Every writer goes through a temporary file in the target's directory
 * and renames it over the target only when the whole document was written without error: a failed
 * run leaves an existing file untouched. cairo's sticky status is checked after every page and
 * after the surface is finished. */
#ifndef PP_OUTPUT_H
#define PP_OUTPUT_H

#include "base/error.h"
#include "sheets/scene.h"

/* The archive standard a PDF is written to (docs/archiving.md). */
typedef enum pp_pdfa { PP_PDFA_NONE, PP_PDFA_2B, PP_PDFA_1B } pp_pdfa;

/* "2b", "1b" or "none" as a level; false for any other name. */
bool pp_pdfa_parse(const char *name, pp_pdfa *level);

/* Document metadata; borrowed strings, NULL where absent. */
typedef struct pp_doc_meta {
    const char *title, *subject, *author, *keywords, *lang;
    const struct pp_form *form; /* render --form: the fields to add (output/form.h), or NULL */
    pp_pdfa pdfa;               /* PDF/A level, or PP_PDFA_NONE */
    const char *icc;            /* PDF/A: the sRGB ICC profile to embed (a file) */
} pp_doc_meta;

/* A vector PDF with fonts embedded and subset, metadata and one bookmark per page that has an
 * outline title. The creation date comes from SOURCE_DATE_EPOCH, else a fixed date, so the same
 * input gives the same bytes. A scene with structure (s->tags) becomes a tagged PDF; with
 * meta->pdfa the file is made PDF/A (output/pdfa.h). */
pp_status pp_pdf_write(const pp_scene *s, const pp_doc_meta *meta, const char *path, pp_error *err);

/* PNG previews at dpi: path itself for a one-page scene, else path with "-1", "-2", … before
 * ".png". */
pp_status pp_png_write(const pp_scene *s, double dpi, const char *path, pp_error *err);

/* A thumbnail of the first page, width_px pixels wide (the height follows), at path. */
pp_status pp_png_thumbnail(const pp_scene *s, int width_px, const char *path, pp_error *err);

#endif
