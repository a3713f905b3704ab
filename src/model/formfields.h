/* pp_form fields: what a fillable PDF (`render --form`) holds, as plain strings, and how a session
 * becomes field values and back (docs/forms.md). Field names come from content ids only, so a form
 * at any paper, orientation or language has the same names:
 *
 *   header:participants, header:partnership, header:date      the follow-up plaat's header fields
 *   score:STATEMENT        radio group, on-states plus, mixed, minus
 *   attention:THEME        radio group, on-states yes, no
 *   notes:THEME            the notes, and lines "N. …" for the remark on statement N
 *   postits:THEME          paragraphs are post-its: "[colour] " may open one, "— author" end it
 *   cell:ROW:COLUMN        a follow-up cell; mark:ROW:COLUMN the yes/no radio group of the cell
 *   label:ROW              what the group wrote on a write-in row
 *   next-date, next        the next reflection: YYYY-MM-DD, and free text
 *   partners:KIND:RING     a network map's cell: one paragraph per partner (formfields_network.h)
 *   links, notes           a network map's links ("A — B" per line) and its notes
 *   praatplaat-form        hidden, read-only: "praatplaat-form FORMAT INSTRUMENT LANG"
 *
 * A '.' in an id becomes ':' (PDF field names may hold no dot). Nothing here knows about PDF. */
#ifndef PP_FORMFIELDS_H
#define PP_FORMFIELDS_H

#include "model/content.h"
#include "model/session.h"

#include <glib.h>

/* The version of this mapping, recorded in every form. */
#define PP_FORM_VERSION "1"
/* The hidden field that says which instrument, language and form version a form belongs to. */
#define PP_FORM_META_FIELD "praatplaat-form"

/* On-states of the radio groups: the session format's own values. Static. */
extern const char *const pp_form_scores[PP_SCORES];
extern const char *const pp_form_marks[2]; /* yes, no */

/* The header fields' ids: participants, partnership, date. Static. */
extern const char *const pp_form_header_ids[3];
/* The network map's fields (docs/forms.md, "A network map"). */
#define PP_FORM_PARTNERS "partners"
#define PP_FORM_LINKS "links"
#define PP_FORM_MAP_NOTES "notes"

/* The field name of kind for id (and sub, or NULL); g_free the result. */
char *pp_form_name(const char *kind, const char *id, const char *sub);

/* True when the follow-up header field with this content id has a place in the session. */
bool pp_form_header_known(const char *id);

/* The hidden field's value for c; g_free. */
char *pp_form_meta(const pp_content *c);

/* Field values for session s (NULL: none): a table of name → value (both owned by the table). A
 * radio group's value is its on-state. Only fields with a value are in it. */
GHashTable *pp_form_values(const pp_content *c, const pp_session *s);

/* A session for c from the values of a filled form (name → value, as read from the PDF; empty
 * values are "not filled in"). Checks the meta field, dates, marks and the limits of
 * docs/limits.md; errors name path and the field. Returns NULL with err set on any problem. */
pp_session *pp_form_session(const pp_content *c, GHashTable *values, const char *path,
                            pp_error *err);

#endif
