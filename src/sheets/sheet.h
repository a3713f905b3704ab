/* The kinds of sheet. A sheet module (followup.c, guide.c, …) turns content + a loaded layout into
 * scene operations; it holds no visible word (all from content) and no number (all from its layout
 * file, layouts/NAME.xml), and it declares every layout name it reads.
 *
 * Everything about a kind is one row of the table in sheets/kinds.c: its name, layout file, papers,
 * the parts of a composite document, its PDF subject and its layout names. Adding a kind is one
 * sheet file, one layout file and one row; the document driver (doc/) and the command line read
 * the table and hold no policy of their own. */
#ifndef PP_SHEET_H
#define PP_SHEET_H

#include "model/content.h"
#include "model/layout.h"
#include "model/session.h"
#include "sheets/scene.h"
#include "typeset/typeset.h"

/* What a sheet module gets: all borrowed for the duration of the call. */
typedef struct pp_sheet_env {
    const pp_content *content;
    pp_typeset *ts;
    pp_layout *layout;         /* loaded and checked against the kind's keys */
    const pp_session *session; /* what a group filled in, or NULL for blank sheets */
} pp_sheet_env;

typedef void (*pp_sheet_plan_fn)(pp_scene *s, const pp_sheet_env *env);
/* A text of the content that describes the document (the PDF's subject). Borrowed from c. */
typedef const char *(*pp_sheet_subject_fn)(const pp_content *c);
/* What a filled-in sheet shows, in words of the content and the session: its alternative text as a
 * Figure of a tagged document. Returns a string to g_free. */
typedef char *(*pp_sheet_alt_fn)(const pp_content *c, const pp_session *ss);

typedef enum pp_sheet_role {
    PP_SHEET_SINGLE,       /* one sheet, on the command line by its name */
    PP_SHEET_COMPOSITE,    /* only parts (`all`), on the command line by its name */
    PP_SHEET_CONTINUATION, /* the continuation pages of a session: added, never asked for */
} pp_sheet_role;

typedef struct pp_sheet_kind {
    const char *name;          /* as on the command line */
    pp_sheet_role role;        /* PP_SHEET_SINGLE unless said */
    const char *layout;        /* file in the layouts directory, or NULL (composite); its sheet= is
                                  the file's name without .xml */
    pp_sheet_plan_fn plan;     /* its own pages, or NULL (composite) */
    const char *const *parts;  /* kinds drawn after its own pages, NULL-terminated; or NULL */
    const char *const *papers; /* papers it may be drawn on, NULL-terminated; NULL: every one */
    const char *default_paper; /* without --paper */
    bool needs_session;        /* only with --session (the report) */
    bool fillable;             /* may be a fillable form (render --form) */
    bool scanned;              /* `scan` reads it: it carries scan codes (sheets/codes.h) */
    pp_sheet_subject_fn subject; /* the PDF's subject */
    const char *pdfa;            /* without --pdfa: "2b" or "1b" (docs/archiving.md); NULL: none */
    bool tagged;                 /* a tagged PDF: its plan adds structure, its parts are Figures */
    pp_sheet_alt_fn alt;         /* as a part of a tagged document; NULL: not a Figure */
    pp_family family;            /* the content family it draws; PP_FAMILY_ANY: every one. A
                                    composite leaves out the parts of another family */
    const pp_layout_key *keys;   /* every layout name the plan reads; static */
    const size_t *n_keys;
} pp_sheet_kind;

/* The kind named name that the command line may ask for, or NULL. Static. */
const pp_sheet_kind *pp_sheet_find(const char *name);
/* The i-th kind of the table, in its order; NULL past the last. Static. */
const pp_sheet_kind *pp_sheet_at(size_t i);
/* The kind that draws a session's continuation pages. Static. */
const pp_sheet_kind *pp_sheet_continuation(void);

/* Rows of a key table (sheets/kinds.c and each sheet's table). Lengths in mm at the requested
 * paper; a range lo..hi is checked when the layout is loaded. */
#define PP_LENGTH(n)                                                                               \
    {                                                                                              \
        (n), PP_KEY_LENGTH, 0, 0, false                                                            \
    }
#define PP_LENGTH_IN(n, lo, hi)                                                                    \
    {                                                                                              \
        (n), PP_KEY_LENGTH, (lo), (hi), false                                                      \
    }
#define PP_NUMBER(n)                                                                               \
    {                                                                                              \
        (n), PP_KEY_NUMBER, 0, 0, false                                                            \
    }
#define PP_NUMBER_IN(n, lo, hi)                                                                    \
    {                                                                                              \
        (n), PP_KEY_NUMBER, (lo), (hi), false                                                      \
    }
#define PP_COLOUR(n)                                                                               \
    {                                                                                              \
        (n), PP_KEY_COLOUR, 0, 0, false                                                            \
    }
#define PP_STYLE(n)                                                                                \
    {                                                                                              \
        (n), PP_KEY_STYLE, 0, 0, false                                                             \
    }
/* The theme counts a layout supports, read by the document driver (doc/doc.c). */
#define PP_THEMES_MIN                                                                              \
    {                                                                                              \
        "themes-min", PP_KEY_NUMBER, 1, PP_MAX_THEMES, true                                        \
    }
#define PP_THEMES_MAX                                                                              \
    {                                                                                              \
        "themes-max", PP_KEY_NUMBER, 1, PP_MAX_THEMES, true                                        \
    }

/* The counts of kinds of partner a netwerkkaart layout supports, read by the document driver. */
#define PP_KINDS_MIN                                                                               \
    {                                                                                              \
        "kinds-min", PP_KEY_NUMBER, 1, PP_MAX_KINDS, true                                          \
    }
#define PP_KINDS_MAX                                                                               \
    {                                                                                              \
        "kinds-max", PP_KEY_NUMBER, 1, PP_MAX_KINDS, true                                          \
    }

/* The sheet modules and their layout names. */
void pp_followup_plan(pp_scene *s, const pp_sheet_env *env);
void pp_guide_plan(pp_scene *s, const pp_sheet_env *env);
void pp_radial_plan(pp_scene *s, const pp_sheet_env *env);
void pp_report_plan(pp_scene *s, const pp_sheet_env *env);
void pp_report_network_plan(pp_scene *s, const pp_sheet_env *env);
void pp_appendix_plan(pp_scene *s, const pp_sheet_env *env);
void pp_netwerkkaart_plan(pp_scene *s, const pp_sheet_env *env);
void pp_kaartjes_plan(pp_scene *s, const pp_sheet_env *env);
char *pp_radial_alt(const pp_content *c, const pp_session *ss);
char *pp_followup_alt(const pp_content *c, const pp_session *ss);
char *pp_netwerkkaart_alt(const pp_content *c, const pp_session *ss);
/* The layout's colour of a post-it of colour name (one of pp_postit_colours): "postit-NAME". */
pp_rgb pp_report_postit_colour(pp_layout *l, const char *name);
extern const pp_layout_key pp_followup_keys[], pp_guide_keys[], pp_radial_keys[], pp_report_keys[];
extern const size_t pp_followup_n_keys, pp_guide_n_keys, pp_radial_n_keys, pp_report_n_keys;
extern const pp_layout_key pp_netwerkkaart_keys[], pp_kaartjes_keys[];
extern const size_t pp_netwerkkaart_n_keys, pp_kaartjes_n_keys;

#endif
