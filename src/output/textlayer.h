/* The text layer of right-to-left text, fixed after cairo has written the PDF.
 *
 * cairo 1.16 maps a glyph to the text of its cluster in the font's /ToUnicode CMap, or (when that
 * glyph already maps to other text, or a cluster has several glyphs) wraps it in a /Span with
 * /ActualText. For an Arabic ligature (lam-alef, lam-yeh) that text has two letters in logical
 * order. The two usual extractors read it differently:
 *   - MuPDF (1.21) reads only /ToUnicode and keeps a glyph's letters in the order given: right. But
 * a glyph that cairo first used inside a several-glyph cluster gets its /ToUnicode entry from the
 *     font's cmap: a presentation form (U+FEFB) instead of letters.
 *   - poppler (22.12) prefers /ActualText, spreads a glyph's (or span's) letters left to right over
 * its width and then reverses the right-to-left word as a whole, so the ligature's letters come out
 *     swapped ("ال" for "لا").
 * pp_textlayer_fix_rtl rewrites the document so that both extract the logical letters: /ToUnicode
 * entries that are Arabic presentation forms become their letters (NFKC); every Arabic glyph that
 * maps to several characters is wrapped in an /ActualText span holding them in reverse order, and
 * existing Arabic /ActualText spans are reversed likewise (poppler reverses them back; MuPDF
 * ignores them). */
#ifndef PP_TEXTLAYER_H
#define PP_TEXTLAYER_H

#include "output/qpdfx.h"

/* Rewrites the fonts' /ToUnicode and the content streams of q's pages and of the forms they draw
 * (render --tile, --marks) in place. Content it cannot
 * parse (inline images) is left as it is. */
void pp_textlayer_fix_rtl(const pp_qpdf_api *Q, qpdf_data q);

#endif
