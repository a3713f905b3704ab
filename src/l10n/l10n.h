/* The translators' workflow: a content file's texts as a gettext PO template, and a translated PO
 * file merged back into a content file. PO files are read and written with libgettextpo. Each
 * entry's msgctxt is the element's id; its translator comment says what the text is and how long it
 * may be. Both write through a temporary file and rename, like every output. */
#ifndef PP_L10N_H
#define PP_L10N_H

#include "base/error.h"
#include "model/content.h"

#include <stdio.h>

/* Writes every text of c (loaded from its file) as a PO template to pot_path. */
pp_status pp_l10n_extract(const pp_content *c, const char *pot_path, pp_error *err);

/* Writes c's source file with every translated text of po_path replaced and xml:lang set from the
 * PO header's Language field, to out_path. Untranslated and fuzzy entries keep the source text and
 * are listed on warn; an entry whose msgctxt names no id of c is an error (PO FILE:LINE). */
pp_status pp_l10n_merge(const pp_content *c, const char *po_path, const char *out_path, FILE *warn,
                        pp_error *err);

#endif
