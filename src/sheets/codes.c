#include "sheets/codes.h"

#include <glib.h>
#include <math.h>
#include <qrencode.h>

int pp_codes_count(pp_layout *l)
{
    return pp_layout_num_in(l, "code-middle", 0, 1) > 0 ? PP_CODES_MAX : PP_CODES_CORNERS;
}

void pp_codes_square(pp_layout *l, double w, double h, int k, double *x, double *y, double *side)
{
    double in = pp_layout_mm(l, "code-inset"), s = *side = pp_layout_mm(l, "code-size");
    if (k < PP_CODES_CORNERS) {
        *x = k % 2 ? w - in - s : in;
        *y = k / 2 ? h - in - s : in;
        return;
    }
    bool first = k == PP_CODES_CORNERS;
    if (w >= h) /* the long edges are top and bottom */
        *x = (w - s) / 2, *y = first ? in : h - in - s;
    else
        *x = first ? in : w - in - s, *y = (h - s) / 2;
}

void pp_codes_keep_clear(const pp_scene *s, pp_layout *l, double w, double h, double *x, double *y,
                         double *rw, double *rh)
{
    if (!s->codes) return;
    double reach =
        pp_layout_mm(l, "code-inset") + pp_layout_mm(l, "code-size") + pp_layout_mm(l, "code-gap");
    /* bands along the long edges (with middles) or the short ones: across x or across y */
    bool across_y = (w >= h) == (pp_codes_count(l) == PP_CODES_MAX);
    double *lo = across_y ? y : x, *len = across_y ? rh : rw, page = across_y ? h : w;
    double end = fmin(*lo + *len, page - reach);
    *lo = fmax(*lo, reach);
    *len = end - *lo;
}

/* One code in a side × side square at (x, y): white, the modules centred with a quiet zone of
 * code-quiet modules around them. */
static void code_at(pp_scene *s, pp_layout *l, const char *text, double x, double y, double side)
{
    /* not case-sensitive: upper case, so most of it packs as alphanumeric, small modules fewer */
    QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 0);
    g_assert(q); /* the text is short and bounded: encoding cannot fail but for memory */
    double quiet = pp_layout_num_in(l, "code-quiet", 1, 10);
    double m = side / (q->width + 2 * quiet);
    pp_scene_rect(s, x, y, side, side, pp_fill(pp_layout_colour(l, "code-light")), "code");
    pp_scene_modules(s, x + quiet * m, y + quiet * m, q->width * m, q->width, q->data,
                     pp_layout_colour(l, "code-dark"));
    QRcode_free(q);
}

void pp_codes_draw(pp_scene *s, pp_layout *l)
{
    pp_codes_draw_page(s, l, 0);
}

void pp_codes_draw_page(pp_scene *s, pp_layout *l, int page)
{
    if (!s->codes) return;
    pp_page *p = pp_scene_current(s);
    int version = (int)pp_layout_num_in(l, "code-version", 1, 1000);
    const char *orientation = p->w >= p->h ? "landscape" : "portrait"; /* tokens, as the options */
    for (int k = 0; k < pp_codes_count(l); k++) {
        double x, y, side;
        pp_codes_square(l, p->w, p->h, k, &x, &y, &side);
        char *text = g_strdup_printf("%s %s %s %s %d %d", s->codes, pp_layout_sheet(l),
                                     pp_layout_paper(l)->name, orientation, version,
                                     page * PP_CODES_MAX + k);
        code_at(s, l, text, x, y, side);
        g_free(text);
    }
}
