/* Drawing a filled-in session onto a sheet: handwriting-like text ("ink") that never loses a word,
 * and crosses in boxes. Sizes in mm; styles and colours come from the sheet's layout. Everything
 * drawn and every continuation belongs to the scene; the texts passed in are copied, never kept. */
#ifndef PP_INK_H
#define PP_INK_H

#include "sheets/sheet.h"

/* Fits src (a session text) into the box (x, y, w, h) with style st. When it does not fit even at
 * the style's minimum size, the box keeps the words that fit followed by the content's reference
 * ("→ bijlage 2"), and the rest continues on the appendix pages under the heading where. Returns
 * the continuation's number (s->conts[n - 1]), or 0 when the whole text fits. */
int pp_ink_fit(pp_scene *s, const pp_sheet_env *env, const pp_text *src, const pp_style *st,
               double x, double y, double w, double h, pp_valign v, const char *where);

/* s with its spaces made no-break spaces, so "→ bijlage 2" stays on one line; frees s, returns
 * a new string (g_free). */
gchar *pp_ink_no_break(gchar *s);

/* Session texts run in the direction of the session's language (its xml:lang) where it gives one,
 * else of the content's: sets that direction for the text boxes made next and returns the one to
 * restore afterwards with pp_typeset_set_rtl. */
bool pp_ink_direction(const pp_sheet_env *env);

/* A cross from corner to corner of the square (x, y, size), inset by inset. */
void pp_ink_cross(pp_scene *s, double x, double y, double size, double inset, pp_paint paint);

#endif
