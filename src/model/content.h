/* pp_content: one instrument in one language, loaded from a content file (docs/content-format.md).
 * pp_content_load returns a content you free with pp_content_free; every string and array in it is
 * owned by the content (its arena) and lives until that call. Nothing here knows about drawing. */
#ifndef PP_CONTENT_H
#define PP_CONTENT_H

#include "base/error.h"
#include "base/limits.h"

#include <stdbool.h>
#include <stddef.h>

/* A piece of visible text with the element it came from. text is NULL for an optional text left
 * out. file is NULL for content texts (the content's path applies), else the file (a session). */
typedef struct pp_text {
    const char *id;
    const char *text;
    long line;
    const char *file;
    const char *element; /* where a text without id stands, for messages ("<postit><text>"), or
                            NULL; owned like text */
} pp_text;

typedef struct pp_theme {
    const char *id;
    long line;
    pp_text name;
    pp_text *statements;
    size_t n_statements;
} pp_theme;

typedef struct pp_column {
    pp_text question; /* question.id is the column's id */
    bool yesno;       /* every cell of the column has a yes/no pair */
} pp_column;

typedef struct pp_group {
    const char *id;
    pp_text label;
    pp_column *columns;
    size_t n_columns;
} pp_group;

typedef struct pp_row {
    pp_text label; /* label.id is the row's id */
    bool write_in; /* the label is followed by room to write */
} pp_row;

/* Guide text as a tree of blocks. */
typedef enum pp_block_kind {
    PP_BLOCK_P,      /* text */
    PP_BLOCK_LIST,   /* children are ITEMs; ordered or bullets */
    PP_BLOCK_ITEM,   /* children are P and LIST blocks */
    PP_BLOCK_SECTION /* text is the heading; children are blocks */
} pp_block_kind;

typedef struct pp_block pp_block;
struct pp_block {
    pp_block_kind kind;
    pp_text text;
    bool ordered;
    pp_block *children;
    size_t n_children;
};

/* Words for drawing a filled-in session. */
typedef struct pp_record {
    bool given;
    pp_text title;       /* the report's first page */
    pp_text continued;   /* in a box whose text goes on in an appendix: "→ bijlage {n}" */
    pp_text appendix;    /* heading of appendix n: "BIJLAGE {n}" */
    pp_text appendices;  /* bookmark of the continuation pages */
    pp_text postit;      /* what a post-it is called */
    pp_text remark;      /* "OPMERKING BIJ STELLING {n}" */
    pp_text date_format; /* "{d} {month} {yyyy}" */
    pp_text months;      /* twelve month names, separated by spaces */
    /* render --tile: the assembly map's heading ({sheet} {paper} {count} {tile}), how to glue the
     * sheets, and each sheet's line in its margin ({tile} {n} {count} {sheet} {paper}). */
    pp_text tile_map, tile_steps, tile_label;
} pp_record;

/* The network map of the netwerkkaart family: its words, rings nearest first. */
typedef struct pp_network {
    pp_text title, question, centre;
    pp_text rings_label, kinds_label, roles_label; /* the legends' headings */
    pp_text *rings, *kinds, *roles;
    size_t n_rings, n_kinds, n_roles;
} pp_network;

/* A line of a reflection card: a question, or an example under the question before it. */
typedef struct pp_card_line {
    pp_text text;
    bool example;
} pp_card_line;

typedef struct pp_card {
    const char *id;
    pp_text name;
    pp_card_line *lines;
    size_t n_lines;
} pp_card;

typedef struct pp_phase {
    const char *id;
    pp_text label, name; /* "Fase 1", "Wie en waartoe" */
    pp_card *cards;
    size_t n_cards;
} pp_phase;

/* The family of an instrument: which sheets it has. A kind of sheet names the family it needs, or
 * PP_FAMILY_ANY (the guide); a content is never of PP_FAMILY_ANY. */
typedef enum pp_family {
    PP_FAMILY_ANY,
    PP_FAMILY_THEMES, /* labels, themes, praatplaat, followup: the praatplaat and follow-up plaat */
    PP_FAMILY_NETWORK /* network, cards: the netwerkkaart and its reflection cards */
} pp_family;

enum { PP_SCORE_PLUS, PP_SCORE_MIXED, PP_SCORE_MINUS, PP_SCORES };

typedef struct pp_content {
    const char *path; /* as given to pp_content_load */
    const char *id;
    const char *lang;
    long line; /* of the root element, which carries xml:lang */
    pp_family family;
    pp_text title, subtitle, tagline, category, publisher;
    pp_text yes, no;
    pp_theme *themes;
    size_t n_themes;
    struct {
        pp_text title, name, explain, attention;
        pp_text scores[PP_SCORES];
    } praatplaat;
    struct {
        pp_text title, name, footer;
        pp_text *fields;
        size_t n_fields;
        pp_group *groups;
        size_t n_groups;
        pp_row *rows;
        size_t n_rows;
    } followup;
    pp_network network; /* PP_FAMILY_NETWORK only */
    pp_phase *phases;   /* PP_FAMILY_NETWORK only */
    size_t n_phases;
    pp_block *guide; /* sections */
    size_t n_guide;
    struct {
        pp_text heading, short_line;
        pp_block *body; /* paragraphs */
        size_t n_body;
    } colophon;
    pp_record record; /* words for a filled-in session (optional; needed to render one) */
    struct pp_arena *arena;
} pp_content;

/* Loads and validates path against the RELAX NG schema at schema_path (NULL skips it). Returns NULL
 * with err set ("FILE:LINE: what is wrong") on any problem. */
pp_content *pp_content_load(const char *path, const char *schema_path, pp_error *err);
void pp_content_free(pp_content *c);

/* Calls fn for every visible text of the content, in document order, with a short description of
 * its role for translators ("statement 2 of theme AMBITIE"). */
typedef void (*pp_text_fn)(const pp_text *t, const char *role, void *user);
void pp_content_texts(const pp_content *c, pp_text_fn fn, void *user);

/* Number of columns over all groups. */
size_t pp_content_columns(const pp_content *c);

#endif
