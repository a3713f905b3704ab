/* Writing direction of scripts: which letters belong to a script written right to left. Used by the
 * text engine (a box's direction) and by the PDF writer (its text layer). */
#ifndef PP_SCRIPT_H
#define PP_SCRIPT_H

#include <glib.h>
#include <stdbool.h>

/* True for a character of Arabic, Hebrew, Syriac, Thaana or N'Ko. */
bool pp_unichar_is_rtl(gunichar c);

#endif
