/* pp_session: what one group filled in on the sheets of one instrument, loaded from a session file
 * (docs/session-format.md) and bound to its content: every array runs parallel to the content's
 * (themes, statements, follow-up rows and columns), so a sheet finds the answer for theme i at
 * themes[i]. A text not filled in has text == NULL.
 *
 * pp_session_load returns a session you free with pp_session_free; it owns every string and array
 * in it (its arena). It borrows nothing from the content after loading. pp_session_template returns
 * a string the caller frees with g_free(). */
#ifndef PP_SESSION_H
#define PP_SESSION_H

#include "base/error.h"
#include "model/content.h"
#include "model/picture.h"

#include <glib.h>

#include <stdbool.h>
#include <stddef.h>

typedef enum pp_mark { PP_MARK_NONE, PP_MARK_YES, PP_MARK_NO } pp_mark;

/* Post-it colours a session may name; the layouts define a colour "postit-NAME" for each. */
enum { PP_POSTIT_COLOURS = 5 };
extern const char *const pp_postit_colours[PP_POSTIT_COLOURS];

typedef struct pp_participant {
    pp_text name, organisation, role;
} pp_participant;

typedef struct pp_postit {
    pp_text text, author;
    const char *colour; /* one of pp_postit_colours */
    pp_picture picture; /* a picture of the post-it (praatplaat scan); a post-it may have only it */
} pp_postit;

typedef struct pp_answer_statement {
    int score; /* PP_SCORE_PLUS … PP_SCORE_MINUS, or -1 when not scored */
    pp_text remark;
} pp_answer_statement;

typedef struct pp_answer_theme {
    pp_mark attention;
    long line; /* of its <theme> on the praatplaat, or 0 when the session has none */
    pp_answer_statement *statements; /* parallel to the content theme's statements */
    pp_text notes;
    pp_postit *postits;
    size_t n_postits;
    pp_picture picture; /* a picture of the notes area (praatplaat scan) */
} pp_answer_theme;

typedef struct pp_answer_cell {
    pp_text text;
    pp_mark mark;
    long line; /* of its <cell>, or 0 when the session has none */
} pp_answer_cell;

typedef struct pp_answer_row {
    pp_text label;         /* write-in rows only */
    pp_answer_cell *cells; /* parallel to the content's columns, over all groups */
} pp_answer_row;

typedef struct pp_session {
    const char *path;
    const char *lang; /* xml:lang, or NULL */
    pp_text partnership;
    pp_text date; /* YYYY-MM-DD */
    pp_participant *participants;
    size_t n_participants;
    pp_answer_theme *themes; /* parallel to the content's themes */
    pp_answer_row *rows;     /* the content's themes, then its extra follow-up rows */
    pp_text next, next_date; /* the next reflection: free text and YYYY-MM-DD */
    /* An instrument of the netwerkkaart family: the map (model/session_network.h), never NULL for
     * one; NULL for a praatplaat. */
    struct pp_network_session *network;
    struct pp_arena *arena;
} pp_session;

/* Its limits are in base/limits.h. */

/* Loads path, validates it against the RELAX NG schema at schema_path (NULL skips it) and binds it
 * to c. Returns NULL with err set ("FILE:LINE: what is wrong") on any problem. */
pp_session *pp_session_load(const char *path, const pp_content *c, const char *schema_path,
                            pp_error *err);
void pp_session_free(pp_session *s);

/* An empty session for c, as XML text: every theme, statement and row by id with the content's
 * words beside them as comments, every free-text field as an empty element (for a network map:
 * every kind, ring, role and card id, and one empty partner). g_free it. */
char *pp_session_template(const pp_content *c);

/* A theme whose extra-attention mark on the praatplaat (<theme attention>) and on the follow-up
 * plaat (the mark of its row's cell in the content's follow-up column with id "attention")
 * disagree: both are given, one yes and one no. */
typedef struct pp_attention_clash {
    size_t theme;                 /* index into the content's themes */
    pp_mark praatplaat, followup; /* the two marks */
    long line, followup_line;     /* of the <theme> and of the <cell> in the session */
} pp_attention_clash;

/* The themes of c whose two extra-attention marks in s disagree, in theme order: an array of
 * pp_attention_clash that the caller frees with g_array_unref (empty, never NULL). */
GArray *pp_session_attention_clashes(const pp_session *s, const pp_content *c);

/* Checks that s is YYYY-MM-DD and a day of the calendar; fills y, m, d. */
bool pp_date_parse(const char *s, int *y, int *m, int *d);

#endif
