/* pp_typeset: the text engine's shared state: a fontconfig configuration that sees only the fonts
 * in the project's fonts/ directory, a pango font map and context over it (hinting off, unrounded
 * glyph positions, so measured and drawn widths agree), and the hyphenation dictionary of one
 * language.
 *
 * Units: everything here is in millimetres; font sizes are converted from points internally.
 * Drawing expects a cairo context whose user unit is one millimetre (output/ sets that up).
 *
 * Knows nothing of XML. pp_typeset_new returns an object you free with pp_typeset_free; free every
 * textbox made from it first. */
#ifndef PP_TYPESET_H
#define PP_TYPESET_H

#include "base/error.h"
#include "base/style.h"

#include <pango/pango.h>
#include <stdbool.h>

typedef struct pp_typeset pp_typeset;

/* The shipped families that stand in for others (fonts/): the handwriting-like ink, its matching
 * fallback for letters it lacks, and the last fallback of every text (symbols and emoji). */
#define PP_TYPESET_INK_FAMILY "Comic Neue"
#define PP_TYPESET_INK_FALLBACK "Andika"
#define PP_TYPESET_LAST_FALLBACK "Symbola"

/* fonts_dir: directory of font files (the only fonts used); hyphen_dir: libhyphen dictionaries. */
/* fontconfig's current configuration becomes this one (pango's own start-up thread reads it). */
pp_typeset *pp_typeset_new(const char *fonts_dir, const char *hyphen_dir, pp_error *err);
/* Frees ts and waits until pango's font workers have let go of fontconfig. True when they have
 * (NULL too): only then may fontconfig be shut down (FcFini); see pp_typeset_release_libraries. */
bool pp_typeset_free(pp_typeset *ts);

/* Sets the language of the text that follows (BCP 47): pango's language attribute, hyphenation and
 * the direction of its paragraphs (pp_lang_is_rtl). A language without a dictionary is set without
 * hyphenation (not an error). */
void pp_typeset_set_language(pp_typeset *ts, const char *lang);
const char *pp_typeset_language(const pp_typeset *ts);

/* The base direction of the paragraphs made from now on: right to left or not. It comes from a
 * language (pp_typeset_set_language, or a session's own), never from a text's first strong
 * character: a list starting with an Arabic name stays a left-to-right paragraph in Dutch. */
void pp_typeset_set_rtl(pp_typeset *ts, bool rtl);
bool pp_typeset_rtl(const pp_typeset *ts);
/* True when the language (BCP 47, "ar", "he-IL") is written right to left; false for NULL. */
bool pp_lang_is_rtl(const char *lang);

/* True when a shipped font has the family with a face of this weight (CSS, 400 regular … 700 bold)
 * and slant; false with err set otherwise (pango would silently synthesise a missing face). */
bool pp_typeset_check_face(pp_typeset *ts, const char *family, int weight, bool italic,
                           const char *where, pp_error *err);

/* The context for paragraphs of the current direction (pp_typeset_rtl). Borrowed; lives as long
 * as ts. Its base direction never changes, so a layout made from it keeps its direction. */
PangoContext *pp_typeset_context(pp_typeset *ts);

/* Text with soft hyphens (U+00AD) inserted at the language's hyphenation points, never inside an
 * address (typeset/address.h); g_free the result. */
char *pp_typeset_hyphenate(pp_typeset *ts, const char *text);
/* True when a text of the current language asked for hyphenation and no dictionary for the language
 * is in hyphen_dir (its long words are not hyphenated: worth a warning). Asks nothing itself: the
 * dictionary is still loaded only when a text needs it. False for languages written without
 * hyphens (pp_lang_hyphenates). */
bool pp_typeset_hyphenation_missing(const pp_typeset *ts);
/* True when words of the language (BCP 47) are broken with hyphens at line ends: not for scripts
 * written right to left, nor Chinese, Japanese, Korean, Lao, Khmer, Burmese, Tibetan. */
bool pp_lang_hyphenates(const char *lang);
/* The directory of libhyphen dictionaries given to pp_typeset_new (borrowed). */
const char *pp_typeset_hyphen_dir(const pp_typeset *ts);

/* True when a character of a text in family drawn from fallback keeps the look: the same family,
 * one of its design (Noto Sans and Noto Sans Arabic; Comic Neue and its fallback Andika), or a
 * font of symbols and emoji. */
bool pp_typeset_same_style(const char *family, const char *fallback);

/* The first character of text that no shipped font has, or 0. */
gunichar pp_typeset_missing_char(const pp_typeset *ts, const char *text);

/* True when text holds a right-to-left letter (Arabic, Hebrew, …): no letter spacing for it (that
 * would break joined scripts). Never used for a paragraph's direction (pp_typeset_rtl). */
bool pp_typeset_has_rtl(const char *text);

/* Points to millimetres. */
#define PP_PT_MM (25.4 / 72.0)

#endif
