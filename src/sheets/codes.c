#include "sheets/codes.h"

#include <glib.h>
#include <qrencode.h>

double pp_codes_reach(const pp_scene *s, pp_layout *l)
{
    if (!s->codes) return 0;
    return pp_layout_mm(l, "code-inset") + pp_layout_mm(l, "code-size") +
           pp_layout_mm(l, "code-gap");
}

/* The dark modules of one row as rectangles, a run of them as one. */
static void code_row(pp_scene *s, const QRcode *q, int row, double x, double y, double m,
                     pp_rgb dark)
{
    pp_paint ink = pp_fill(dark);
    const unsigned char *d = q->data + row * q->width;
    for (int c = 0; c < q->width;) {
        if (!(d[c] & 1)) {
            c++;
            continue;
        }
        int end = c;
        while (end < q->width && (d[end] & 1))
            end++;
        pp_scene_rect(s, x + c * m, y + row * m, (end - c) * m, m, ink, "code module");
        c = end;
    }
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
    for (int row = 0; row < q->width; row++)
        code_row(s, q, row, x + quiet * m, y + quiet * m, m, pp_layout_colour(l, "code-dark"));
    QRcode_free(q);
}

void pp_codes_draw(pp_scene *s, pp_layout *l)
{
    if (!s->codes) return;
    pp_page *p = pp_scene_current(s);
    double in = pp_layout_mm(l, "code-inset"), side = pp_layout_mm(l, "code-size");
    int version = (int)pp_layout_num_in(l, "code-version", 1, 1000);
    const char *orientation = p->w >= p->h ? "landscape" : "portrait"; /* tokens, as the options */
    for (int k = 0; k < PP_CODES_CORNERS; k++) {
        double x = k % 2 ? p->w - in - side : in, y = k / 2 ? p->h - in - side : in;
        char *text = g_strdup_printf("%s %s %d %d", s->codes, orientation, version, k);
        code_at(s, l, text, x, y, side);
        g_free(text);
    }
}
