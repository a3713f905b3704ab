/* The document driver: from a sheet kind (sheets/kinds.c) to a planned scene. It resolves what the
 * command line asked for against the kind's row (papers, session, parts), loads each part's layout
 * from the layouts directory, holds it to the kind's declared names, checks its fonts, theme counts
 * and palette against the content, and lets the sheet plan its pages. Sheets never see a path.
 *
 * Knows nothing of the command line's syntax or of output formats. */
#ifndef PP_DOC_H
#define PP_DOC_H

#include "base/error.h"
#include "model/content.h"
#include "model/paper.h"
#include "model/session.h"
#include "sheets/print.h"
#include "sheets/scene.h"
#include "sheets/sheet.h"
#include "typeset/typeset.h"

/* What to draw. All borrowed: static kinds and papers. */
typedef struct pp_doc_request {
    const pp_sheet_kind *kind;
    const pp_paper *paper;
    int orientation; /* < 0 portrait, > 0 landscape, 0 each layout's default */
} pp_doc_request;

/* Resolves sheet (NULL: the composite `all`) and paper (NULL: the kind's default) into r, with a
 * usage error (PP_ERR_USAGE) for an unknown sheet or paper, a paper the kind does not allow, a kind
 * that needs a session when has_session is false, or one that cannot be a form when form is true.
 */
pp_status pp_doc_resolve(const char *sheet, const char *paper, int orientation, bool has_session,
                         bool form, pp_doc_request *r, pp_error *err);

/* Plans r's kind and its parts into s, then, with a session, the continuation pages. A tagged kind
 * (sheets/kinds.c) sets s->tags and makes each part with alternative text a Figure. Layouts are
 * read from layouts_dir; each is kept by the scene. Text problems go into s->problems; errors (a
 * bad layout, a missing font, too many themes) into err. */
pp_status pp_doc_plan(pp_scene *s, const pp_doc_request *r, const char *layouts_dir,
                      const pp_content *c, const pp_session *ss, pp_typeset *ts, pp_error *err);

/* Plans only kind's own pages (no parts, no continuation pages), as pp_doc_plan does for each
 * part: for tests, and for callers that compose documents of their own. */
pp_status pp_doc_plan_one(pp_scene *s, const pp_sheet_kind *kind, const pp_doc_request *r,
                          const char *layouts_dir, const pp_content *c, const pp_session *ss,
                          pp_typeset *ts, pp_error *err);

/* Layouts read once and shared by many plans (praatplaat publish): each layout file is read and
 * held to its kind's names once per paper and orientation. pp_doc_layouts_new returns a cache you
 * free with pp_doc_layouts_free, after every scene planned with it (their text borrows its styles).
 * A layout lookup that fails while planning stays failed for later plans with the same layout
 * (pp_layout_status is sticky): such a layout is bad for every content. */
typedef struct pp_doc_layouts pp_doc_layouts;
pp_doc_layouts *pp_doc_layouts_new(const char *layouts_dir);
void pp_doc_layouts_free(pp_doc_layouts *lc);
/* Reads every layout r's document needs (its kind and parts), so that a bad one is reported before
 * anything is drawn. */
pp_status pp_doc_layouts_load(pp_doc_layouts *lc, const pp_doc_request *r, pp_error *err);
/* As pp_doc_plan without a session, with the layouts of lc (read on first use, kept by lc, not s).
 */
pp_status pp_doc_plan_cached(pp_scene *s, const pp_doc_request *r, pp_doc_layouts *lc,
                             const pp_content *c, pp_typeset *ts, pp_error *err);

/* render --tile, --marks: plans the print pages of poster (taken, also on error: out owns it)
 * into out, with the print layout (layouts_dir/print.xml, loaded for the tile paper, else A4, and
 * held to pp_print_keys). A tiled poster needs the content's <record> block for its words. */
pp_status pp_doc_print(pp_scene *out, pp_scene *poster, const pp_print_request *rq,
                       const char *layouts_dir, const pp_content *c, pp_typeset *ts, pp_error *err);

/* The PDF's subject for r's document; borrowed from c. */
const char *pp_doc_subject(const pp_doc_request *r, const pp_content *c);

#endif
