/* The kinds of sheet and how to plan one into a scene. A sheet module (followup.c, guide.c, …)
 * turns content + layout into scene operations; it holds no visible word (all from content) and no
 * number (all from its layout file, layouts/NAME.xml). */
#ifndef PP_SHEET_H
#define PP_SHEET_H

#include "model/content.h"
#include "model/layout.h"
#include "model/session.h"
#include "sheets/scene.h"
#include "typeset/typeset.h"

/* What a sheet module gets: all borrowed for the duration of the call. */
typedef struct pp_sheet_env {
    const pp_content *content;
    pp_typeset *ts;
    pp_layout *layout;
    const pp_session *session; /* what a group filled in, or NULL for blank sheets */
} pp_sheet_env;

typedef void (*pp_sheet_plan_fn)(pp_scene *s, const pp_sheet_env *env);

typedef struct pp_sheet_kind {
    const char *name;   /* as on the command line */
    const char *layout; /* file name in the layouts directory */
    pp_sheet_plan_fn plan;
    bool in_all; /* part of `--sheet all` */
} pp_sheet_kind;

/* The kind named name, or NULL. Static. */
const pp_sheet_kind *pp_sheet_find(const char *name);
/* The i-th kind of `--sheet all`, in its order; NULL past the last. Static. */
const pp_sheet_kind *pp_sheet_at(size_t i);
/* The continuation pages of session texts that did not fit (scene->conts). Static. */
const pp_sheet_kind *pp_sheet_appendix(void);

/* Loads the kind's layout from layouts_dir for paper and orientation (<0 portrait, >0 landscape, 0
 * the layout's default), checks its fonts, and appends the sheet's pages to s, filled in from
 * session when it is not NULL. Problems with text go into s->problems; errors (bad layout, missing
 * font) into err. */
pp_status pp_sheet_add(pp_scene *s, const pp_sheet_kind *kind, const pp_content *c,
                       const pp_session *session, pp_typeset *ts, const char *layouts_dir,
                       const pp_paper *paper, int orientation, pp_error *err);

/* The sheet modules. */
void pp_followup_plan(pp_scene *s, const pp_sheet_env *env);
void pp_guide_plan(pp_scene *s, const pp_sheet_env *env);
void pp_radial_plan(pp_scene *s, const pp_sheet_env *env);
void pp_report_plan(pp_scene *s, const pp_sheet_env *env);
void pp_appendix_plan(pp_scene *s, const pp_sheet_env *env);

#endif
