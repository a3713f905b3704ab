/* The look of a form's pre-filled text fields (render --form --session): for each text field with a
 * value, a page the size of the field on which the value is set in the field's style, as the
 * sheet would draw it. output/ turns these pages into the fields' appearance streams and drops
 * them from the document. */
#ifndef PP_FORMPAGES_H
#define PP_FORMPAGES_H

#include "sheets/scene.h"
#include "typeset/typeset.h"

#include <glib.h>

/* Appends one page per FIELD op of pages 0 … n_pages-1 whose name has a value in values (name →
 * text) and sets the op's ap_page. A value too long for its field is no problem of the scene: a
 * field scrolls. Borrows everything. */
void pp_form_plan_values(pp_scene *s, pp_typeset *ts, const pp_content *c, GHashTable *values);

#endif
