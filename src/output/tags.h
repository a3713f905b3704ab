/* What cairo 1.16's tagged PDF lacks, added with libqpdf to the document cairo wrote from a scene
 * with structure (s->tags): artifacts (cairo knows no Artifact tag; draw.c writes them as the
 * element PP_DRAW_ARTIFACT, which becomes an /Artifact marked-content sequence outside the
 * structure tree here) and the alternative text of every Figure (/Alt, from the scene's BEGIN ops
 * in order). Internal to output/. */
#ifndef PP_TAGS_H
#define PP_TAGS_H

#include "base/error.h"
#include "output/qpdfx.h"
#include "sheets/scene.h"

pp_status pp_tags_finish(const pp_qpdf_api *Q, qpdf_data q, const pp_scene *s, const char *path,
                         pp_error *err);

#endif
