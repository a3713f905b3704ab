/* The part of a session that belongs to an instrument of the netwerkkaart family
 * (docs/session-format.md, "A network map"): the partners the group placed on the map (name, kind,
 * ring, priority marks per role, a note), links between two partners, notes on the whole map, and
 * per discussed partner the answers per reflection card. It refers to the content by ids (kinds,
 * rings, roles, cards) and binds them to indices into the content's arrays.
 *
 * Everything here lives in the session's arena and is freed with pp_session_free. */
#ifndef PP_SESSION_NETWORK_H
#define PP_SESSION_NETWORK_H

#include "base/error.h"
#include "model/content.h"
#include "model/picture.h"

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

struct pp_arena;
struct _xmlNode; /* libxml2's element, seen only by the model */

typedef struct pp_partner {
    const char *id; /* as given, or NULL: only links need it */
    long line;
    pp_text name, note;
    size_t kind, ring; /* indices into the content's network kinds and rings */
    unsigned *marks;   /* parallel to the content's roles: priority marks of that role */
    pp_text *answers;  /* parallel to the content's cards, phase by phase (pp_network_card) */
} pp_partner;

typedef struct pp_link {
    size_t a, b; /* indices into partners, a != b */
    long line;
} pp_link;

typedef struct pp_network_session {
    pp_partner *partners; /* in the order of the file */
    size_t n_partners;
    pp_link *links;
    size_t n_links;
    pp_text notes;      /* on the whole map (the closing questions) */
    pp_picture picture; /* a photo of the map, straightened (praatplaat scan) */
} pp_network_session;

/* The number of cards over all phases of c, and the card at flat index i (phase by phase); its
 * phase in *phase when phase is not NULL. */
size_t pp_network_n_cards(const pp_content *c);
const pp_card *pp_network_card(const pp_content *c, size_t i, const pp_phase **phase);

/* An empty network part for c, in arena a. */
pp_network_session *pp_session_network_new(struct pp_arena *a, const pp_content *c);

/* Reads <netwerkkaart> node of the session file path into ns, bound to c. false with err set
 * (FILE:LINE) on an unknown id or value, a duplicate, a link to an unknown partner or a limit of
 * base/limits.h passed. Strings go into arena a. */
bool pp_session_network_load(pp_network_session *ns, const pp_content *c, struct pp_arena *a,
                             const char *path, struct _xmlNode *node, pp_error *err);

/* Appends the <netwerkkaart> part of a template for c (every kind, ring, role and card id beside
 * its words as comments, one empty partner) to out. */
void pp_session_network_template(GString *out, const pp_content *c);

/* Appends ns as a <netwerkkaart> element to out, only what is filled in; nothing when empty. put
 * writes a free text escaped, picture a <picture> element at an indent (session_write.c). */
void pp_session_network_write(GString *out, const pp_network_session *ns, const pp_content *c,
                              void (*put)(GString *out, const char *text),
                              void (*picture)(GString *out, int indent, const pp_picture *pic));

/* True when p holds more than its name and note: a priority mark or an answer. */
bool pp_partner_discussed(const pp_partner *p, const pp_content *c);

#endif
