/* pp_layout: the geometry and style of one kind of sheet (docs/layout-format.md), resolved for one
 * paper size. Every number a sheet uses comes from here by name; nothing in sheet code is a magic
 * number.
 *
 * Values in a layout file are given at its reference paper and scaled to the requested paper by the
 * linear paper scale (√2 per ISO step), unless marked scale="fixed" (physical sizes: post-its,
 * pens); a <paper size="A0"> block sets values for one paper exactly, unscaled.
 *
 * Lookups by name never fail loudly: a missing name returns a neutral value and records a sticky
 * error (as cairo does), which pp_layout_status reports once the sheet is planned.
 *
 * pp_layout_load returns a layout you free with pp_layout_free; styles and strings are owned by it.
 */
#ifndef PP_LAYOUT_H
#define PP_LAYOUT_H

#include "base/error.h"
#include "base/style.h"
#include "model/paper.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct pp_layout pp_layout;

/* One name a sheet reads from its layout file. Sheets declare every name they read (a static table
 * beside the sheet's code, docs/layout-format.md lists them); pp_layout_check holds a layout to it.
 */
typedef enum pp_key_kind { PP_KEY_LENGTH, PP_KEY_NUMBER, PP_KEY_COLOUR, PP_KEY_STYLE } pp_key_kind;

typedef struct pp_layout_key {
    const char *name;
    pp_key_kind kind;
    double lo, hi; /* lengths (mm, at the requested paper) and numbers; lo == hi: no range */
    bool optional; /* the layout may leave it out */
} pp_layout_key;

/* "length", "number", "colour", "style". Static. */
const char *pp_key_kind_name(pp_key_kind k);

/* Loads path for paper (with landscape chosen by the caller: orientation < 0 portrait, > 0
 * landscape, 0 the layout's default). NULL with err set on a bad file. */
pp_layout *pp_layout_load(const char *path, const pp_paper *paper, int orientation, pp_error *err);
void pp_layout_free(pp_layout *l);

/* Page size in mm, oriented. */
double pp_layout_page_w(const pp_layout *l);
double pp_layout_page_h(const pp_layout *l);
/* The paper it was loaded for. Borrowed, static. */
const pp_paper *pp_layout_paper(const pp_layout *l);
/* The sheet= attribute of the file. Borrowed. */
const char *pp_layout_sheet(const pp_layout *l);

/* Holds l to the names of keys (n of them), for the sheet whose layout file is named sheet: the
 * file's sheet= must be sheet; every length, number and style the file defines must be declared
 * with its kind, and so must every colour no style uses; every key not optional must be defined;
 * and every value must lie in its key's range. The first problem goes into err, at its line. From
 * then on, looking up a name that is not declared is an error too. keys is borrowed: static. */
pp_status pp_layout_check(pp_layout *l, const char *sheet, const pp_layout_key *keys, size_t n,
                          pp_error *err);

/* Named values, resolved for the paper. Borrowed pointers live as long as the layout. */
double pp_layout_mm(pp_layout *l, const char *name);
double pp_layout_num(pp_layout *l, const char *name);
/* The same, for values a sheet needs within [lo, hi]: outside, a sticky error at the value's line
 * (pp_layout_status) and the nearest bound is returned. */
double pp_layout_mm_in(pp_layout *l, const char *name, double lo, double hi);
double pp_layout_num_in(pp_layout *l, const char *name, double lo, double hi);
pp_rgb pp_layout_colour(pp_layout *l, const char *name);
const pp_style *pp_layout_style(pp_layout *l, const char *name);
/* True when the layout defines the number (for optional limits); no error either way. */
bool pp_layout_has_number(const pp_layout *l, const char *name);
/* The i-th colour of the theme palette; an error when the palette has fewer colours. */
pp_rgb pp_layout_palette(pp_layout *l, size_t i);
size_t pp_layout_palette_size(const pp_layout *l);

/* The styles, for checks over all of them (e.g. that their fonts exist). */
size_t pp_layout_n_styles(const pp_layout *l);
const pp_style *pp_layout_style_at(const pp_layout *l, size_t i);

/* PP_OK, or the first failed lookup copied into err. */
pp_status pp_layout_status(const pp_layout *l, pp_error *err);

#endif
