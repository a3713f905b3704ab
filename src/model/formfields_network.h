/* The network map's part of a form (model/formfields.h; docs/forms.md, "A network map"), internal
 * to model/formfields*.c. Fields:
 *
 *   partners:KIND:RING   one cell of the map (kind × ring): one paragraph per partner, separated by
 *                        an empty line. Its first line is the name; then the note's lines; a line
 *                        of marks "[ROLE] [ROLE ×2]" (a role's id or words; x or * for ×); a line
 *                        "[CARD] …" starts the answer on that card, later lines continue it.
 *   links                one link per line, "Name A — Name B" (or "--"), names as in the cells
 *   notes                the notes on the whole map
 *
 * Partners get the ids p1, p2, … in the order of the content's kinds, then rings, then the
 * paragraphs of a cell. */
#ifndef PP_FORMFIELDS_NETWORK_H
#define PP_FORMFIELDS_NETWORK_H

#include "model/content.h"
#include "model/session.h"

#include <glib.h>

struct pp_arena;

/* What reading a filled form needs; all borrowed but s (being built, in arena a). */
typedef struct pp_form_reader {
    const pp_content *c;
    GHashTable *values, *known; /* name → value as read; the names read so far */
    pp_session *s;
    struct pp_arena *a;
    const char *path;
    pp_error *err;
} pp_form_reader;

/* The normalised value of field name (taken; marked as known) in the session's arena, or NULL when
 * empty or absent; err set on a text the session format cannot hold. */
const char *pp_form_reader_field(pp_form_reader *R, gchar *name);
/* A session text of value, without a line. */
pp_text pp_form_reader_text(pp_form_reader *R, const char *value);

/* Puts the values of s's network map into t (name → value, both owned by t). */
void pp_form_network_values(GHashTable *t, const pp_content *c, const pp_session *s);
/* Reads the network map's fields into R->s->network (made here). err set, naming the field and the
 * line in it, on a problem. */
void pp_form_network_read(pp_form_reader *R);

#endif
