/* pp_scene: what a sheet draws, as a display list of pages of simple operations in millimetres
 * (rectangles, lines, circles, text boxes, text on arcs). Sheets fill it; output/ draws it; tests
 * read it to check geometry without pixels. It also collects every problem with text (does not fit,
 * missing glyphs), so `check` and `render` report them the same way.
 *
 * pp_scene_new returns a scene you free with pp_scene_free. The scene owns its pages, operations,
 * the text boxes handed to it and the layouts given to pp_scene_keep_layout; it borrows the
 * content. */
#ifndef PP_SCENE_H
#define PP_SCENE_H

#include "model/content.h"
#include "model/layout.h"
#include "typeset/arc.h"
#include "typeset/textbox.h"

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum pp_op_kind {
    PP_OP_RECT,
    PP_OP_LINE,
    PP_OP_CIRCLE,
    PP_OP_SECTOR,
    PP_OP_POLYGON,
    PP_OP_TEXT,
    PP_OP_ARC_TEXT,
    PP_OP_FIELD,  /* a form field (render --form): drawn by nothing, made a PDF field by output/ */
    PP_OP_BEGIN,  /* a structure element of a tagged PDF starts (tag, alt); ops up to its END */
    PP_OP_END,    /* the innermost open structure element ends */
    PP_OP_PAGE,   /* another page drawn again, clipped, scaled and moved (render --tile, --marks) */
    PP_OP_IMAGE,  /* a picture file (a session's <picture>), stretched to the box */
    PP_OP_MODULES /* a scan code's n × n modules in the box, the dark ones in paint's fill */
} pp_op_kind;

typedef enum pp_field_kind {
    PP_FIELD_TEXT,      /* one line */
    PP_FIELD_MULTILINE, /* wraps */
    PP_FIELD_RADIO      /* one button of a radio group; the group is every op with its name */
} pp_field_kind;

typedef struct pp_paint {
    bool fill, stroke;
    pp_rgb fill_rgb, stroke_rgb;
    double width;   /* stroke width, mm */
    double dash;    /* dash length, mm; 0 for solid */
    double opacity; /* of fill and stroke, between 0 and 1 exclusive; 0 (unset) or 1: opaque */
} pp_paint;

/* How a text op was fitted, recorded when it is placed (for fit reports; drawing ignores it): the
 * style's nominal size and the size drawn, in points, whether it overflows its box even so, and
 * the element it comes from. id (NULL when unknown) and file are borrowed from the content, the
 * scene or static strings: valid while the scene and its content live. */
typedef struct pp_fit {
    double nominal_pt, final_pt;
    bool overflow;
    const char *id, *file;
    long line;
} pp_fit;

typedef struct pp_op {
    pp_op_kind kind;
    double x, y, w, h; /* RECT, TEXT: box; LINE: from (x, y) to (x + w, y + h); CIRCLE: centre, w =
                          r; SECTOR: centre, w = inner radius, h = outer radius */
    double radius;     /* RECT: corner radius */
    double a0, a1;     /* SECTOR: angles, radians clockwise from +x */
    double *pts;       /* POLYGON: x0, y0, x1, y1, …; owned by the scene */
    int n_pts;
    pp_paint paint;
    pp_textbox *text; /* TEXT, ARC_TEXT: owned */
    pp_arc arc;       /* ARC_TEXT */
    const char *role; /* what the op is for ("cell", "checkbox", …), for tests; static string */
    /* FIELD: its name and tooltip (owned), a radio button's on-state (static), the style of typed
     * text (borrowed from a layout the scene keeps); paint holds a radio button's mark. ap_page:
     * 1 + the page that draws the field's value (pp_form_plan_values), or 0. */
    pp_field_kind field_kind;
    char *field, *tip;
    const char *on;
    const pp_style *field_style;
    size_t ap_page;
    /* BEGIN: the PDF structure type ("H1", "P", "Table", "Figure", …; static) and its alternative
     * text (owned, or NULL). */
    const char *tag;
    char *alt;
    pp_fit fit; /* TEXT, ARC_TEXT */
    /* PAGE: the page drawn (borrowed: a page of the scene's source), clipped to (x, y, w, h); a
     * point (px, py) of it lands at (ref_dx + ref_scale · px, ref_dy + ref_scale · py). */
    const struct pp_page *ref;
    double ref_scale, ref_dx, ref_dy;
    /* IMAGE: the PNG or JPEG file (owned), drawn into (x, y, w, h). */
    char *image;
    /* MODULES: n_pts × n_pts bytes, row by row, nonzero for a dark module; owned by the scene */
    unsigned char *modules;
} pp_op;

/* A rectangle in mm from the page's top-left corner. */
typedef struct pp_box {
    double x, y, w, h;
} pp_box;

typedef struct pp_page {
    double w, h;         /* mm */
    bool boxes;          /* trim and bleed set: the PDF gets a /TrimBox and a /BleedBox */
    pp_box trim, bleed;  /* render --marks: the finished sheet, and it with its bleed */
    const char *outline; /* bookmark title for the page, or NULL; borrowed from content */
    pp_op *ops;
    size_t n, cap;
} pp_page;

/* A text that did not fit its box, or that has characters no font can show. */
typedef struct pp_problem {
    char where[600]; /* "FILE:LINE" of the element */
    char what[800];  /* human explanation */
    bool fatal;      /* no output may be written (a character no font has); else the text is drawn
                        at its minimum size and reported */
    bool warning;    /* only a note for `check` (a fallback into a font of another style): neither
                        an error nor a reason to fail */
} pp_problem;

/* A session text continued on the numbered appendix pages at the end of the document. */
typedef struct pp_continuation {
    int number;
    char *where; /* owned: the place it comes from ("AMBITIE · ONDERBOUW EN LICHT TOE") */
    char *text;  /* owned: what did not fit */
    pp_text src;
    const char *colour; /* a post-it's colour (one of pp_postit_colours), or NULL */
    /* a post-it's picture (praatplaat scan): its file and pixels, borrowed from the session, or
     * NULL */
    const char *picture;
    unsigned picture_w, picture_h;
} pp_continuation;

typedef struct pp_scene {
    pp_page *pages;
    size_t n_pages;
    pp_problem *problems;
    size_t n_problems;
    pp_continuation *conts;
    size_t n_conts;
    const char *sheet; /* name of the sheet being planned, for messages */
    bool form;         /* sheets add FIELD ops where answers go (render --form) */
    bool tags;         /* sheets add BEGIN/END ops: a tagged PDF (the report) */
    bool duplex;       /* sheets with a back side add it after each page (render --duplex) */
    /* render --codes qr: what the scan codes say before the orientation, the layout's version and
     * the corner (sheets/codes.h), borrowed for the planning; NULL: no codes */
    const char *codes;
    /* What the sheets tell of their composition for `check --verbose` ("statements 22.5 pt"):
     * one line each, owned; NULL until the first */
    GPtrArray *figures;
    /* internal */
    size_t cap_pages, cap_problems, cap_conts;
    pp_layout **layouts;
    size_t n_layouts;
    GPtrArray *owned;        /* styles made by pp_scene_style, polygon points */
    struct pp_scene *source; /* owned: the scene whose pages PAGE operations draw, or NULL */
} pp_scene;

pp_scene *pp_scene_new(void);
void pp_scene_free(pp_scene *s);

/* Adds a page of w × h mm; returns it (borrowed; valid until the next pp_scene_page call). */
pp_page *pp_scene_page(pp_scene *s, double w, double h);
/* The last page. */
pp_page *pp_scene_current(pp_scene *s);

/* Takes ownership of l, freed with the scene. */
void pp_scene_keep_layout(pp_scene *s, pp_layout *l);
/* A copy of st at size pt, owned by the scene: for text scaled to its box. The layout's minimum
 * holds: a size below st->min gives st->min. */
const pp_style *pp_scene_style(pp_scene *s, const pp_style *st, double size);

/* Drawing onto the current page. All return the op (borrowed) for further tweaks. */
pp_op *pp_scene_rect(pp_scene *s, double x, double y, double w, double h, pp_paint paint,
                     const char *role);
pp_op *pp_scene_line(pp_scene *s, double x0, double y0, double x1, double y1, pp_paint paint);
pp_op *pp_scene_circle(pp_scene *s, double cx, double cy, double r, pp_paint paint);
/* A ring sector between radii r0 and r1 from angle a0 to a1. */
pp_op *pp_scene_sector(pp_scene *s, double cx, double cy, double r0, double r1, double a0,
                       double a1, pp_paint paint);
/* A closed polygon of n points (x, y pairs; any number, copied). */
pp_op *pp_scene_polygon(pp_scene *s, const double *xy, int n, pp_paint paint);

/* A form field over (x, y, w, h) named name (taken: g_free'd with the scene) with tooltip tip
 * (copied). on: a radio button's on-state; st: the style of typed text; for a radio button the
 * paint of its mark. Only when s->form; returns NULL (and frees name) otherwise. */
pp_op *pp_scene_field(pp_scene *s, pp_field_kind kind, char *name, const char *on,
                      const pp_style *st, double x, double y, double w, double h, const char *tip);

/* Structure for a tagged PDF, only when s->tags (else nothing, and alt is freed): opens an
 * element of PDF structure type tag (static) with alternative text alt (taken; NULL for none) on
 * the current page; pp_scene_end closes the innermost open one. Every graphic op (not text) outside
 * all elements is drawn as an artifact. */
void pp_scene_begin(pp_scene *s, const char *tag, char *alt);
void pp_scene_end(pp_scene *s);

/* The picture in file (a PNG or JPEG checked when its session was loaded; copied) stretched to
 * (x, y, w, h) mm: callers keep its proportions. */
pp_op *pp_scene_image(pp_scene *s, const char *file, double x, double y, double w, double h);
/* A scan code's n × n modules (dark where dark[row * n + col] & 1, as libqrencode gives them; the
 * bytes are copied) in the square side mm wide at (x, y), dark ones in colour ink, role "code
 * module": one operation, drawn as one stencil, where a rectangle per run of modules would be
 * hundreds of PDF operations. */
pp_op *pp_scene_modules(pp_scene *s, double x, double y, double side, int n,
                        const unsigned char *dark, pp_rgb ink);

/* Draws page ref again (borrowed: it must outlive the scene, see pp_scene.source), clipped to
 * clip on the current page, scaled by scale and moved by (dx, dy) mm. */
pp_op *pp_scene_page_ref(pp_scene *s, const pp_page *ref, pp_box clip, double scale, double dx,
                         double dy);

/* For a bleed: every rectangle and polygon of page p that touches the page's edge is made to reach
 * bleed mm past it (a background, a colour band), so that no white shows when the sheet is cut a
 * little outside its trim. */
void pp_page_extend_edges(pp_page *p, double bleed);

/* Records a problem that is not one text's: a sheet that cannot give what its layout asks for. */
void pp_scene_problem(pp_scene *s, const pp_content *c, const pp_text *src, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Adds a line to s->figures (check --verbose), prefixed with the sheet's name. */
void pp_scene_figure(pp_scene *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* True when one of s's problems forbids writing any output. */
bool pp_scene_fatal(const pp_scene *s);
/* The number of s's problems that are errors (not warnings). */
size_t pp_scene_errors(const pp_scene *s);

/* Registers text to continue in the appendix, from the place where (both copied); returns its
 * number, from 1. */
int pp_scene_continue(pp_scene *s, const char *where, const char *text, const pp_text *src);

/* Places tb with its top-left at (x, y) and takes it. src names the element the text came from, for
 * problems; box names the place on the sheet. Records a problem when tb overflows or lacks glyphs.
 */
pp_op *pp_scene_text(pp_scene *s, pp_textbox *tb, double x, double y, const pp_content *c,
                     const pp_text *src, const char *box);
pp_op *pp_scene_arc_text(pp_scene *s, pp_textbox *tb, pp_arc arc, const pp_content *c,
                         const pp_text *src, const char *box);

typedef enum pp_valign { PP_VALIGN_TOP, PP_VALIGN_CENTER, PP_VALIGN_BOTTOM } pp_valign;

/* Fits src's text with style st into the box (x, y, w, h) mm and places it, aligned vertically by
 * v. */
pp_op *pp_scene_fit(pp_scene *s, pp_typeset *ts, const pp_content *c, const pp_text *src,
                    const pp_style *st, double x, double y, double w, double h, pp_valign v,
                    const char *box);

/* Places tb, already fitted to a box h mm high with its top-left at (x, y), aligned vertically by
 * v; takes tb. */
pp_op *pp_scene_place(pp_scene *s, pp_textbox *tb, double x, double y, double h, pp_valign v,
                      const pp_content *c, const pp_text *src, const char *box);

/* Mirrors pages from..n-1 left to right, for right-to-left scripts: columns, panels and the ring's
 * order run the other way; text keeps its own direction inside its box. */
void pp_scene_mirror(pp_scene *s, size_t from);

/* Paint helpers. */
pp_paint pp_fill(pp_rgb c);
pp_paint pp_stroke(pp_rgb c, double width);

/* Mixes c with white: amount 0 keeps c, 1 gives white. */
pp_rgb pp_rgb_tint(pp_rgb c, double amount);

#endif
