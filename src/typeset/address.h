/* Addresses in running text: URLs and e-mail addresses are set as words. They are never hyphenated
 * (a visible hyphen inside one reads as another address) and break only after "/", "." or "-",
 * without adding a character. pango 1.50 breaks after "/" and "-" but not after "." (UAX #14), so
 * a zero-width space goes after each "." inside an address; the text box removes the ones where no
 * line ends (an invisible character inside a word would split it in the PDF's text layer).
 *
 * Functions returning char * return a new string you g_free; GArray results you g_array_free. */
#ifndef PP_ADDRESS_H
#define PP_ADDRESS_H

#include <glib.h>
#include <pango/pango.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct pp_span {
    size_t start, end; /* bytes, end exclusive */
} pp_span;

/* The addresses of text, in order: a run without white space that starts with "http://",
 * "https://" or "www.", or holds an "@" with a "." after it; trailing punctuation (".,;:!?)\"'")
 * is not part of it. */
GArray *pp_address_find(const char *text);

/* text with a zero-width space (U+200B) after every "." inside an address. */
char *pp_address_mark_breaks(const char *text);

/* Adds to attrs, for the addresses of text: no line break but after "/", "." (with its zero-width
 * space) or "-", and no hyphen drawn at a break. */
void pp_address_attrs(PangoAttrList *attrs, const char *text);

#endif
