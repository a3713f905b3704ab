/* libFuzzer target: the layout reader (pp_layout_load for A3) and a few lookups by name. */
#include "fuzz_common.h"

#include "model/layout.h"
#include "model/paper.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char input[4200];
    if (!input[0]) fuzz_join(input, sizeof input, fuzz_scratch(), "input.xml");
    fuzz_write(input, data, size);
    /* Both orientations overrides and the layout's own default take the same path; vary it by size.
     */
    int orientation = (int)(size % 3) - 1;
    pp_error err = {0};
    pp_layout *l = pp_layout_load(input, pp_paper_find("A3"), orientation, &err);
    fuzz_check("fuzz_layout", l, &err);
    if (l) {
        volatile double sink = pp_layout_mm(l, "margin") + pp_layout_num(l, "columns") +
                               pp_layout_page_w(l) + pp_layout_page_h(l);
        pp_rgb rgb = pp_layout_colour(l, "ink");
        sink += rgb.r + rgb.g + rgb.b;
        const pp_style *s = pp_layout_style(l, "body");
        sink += s->size + s->min + (s->family ? (double)strlen(s->family) : 0);
        for (size_t i = 0; i < pp_layout_n_styles(l); i++) {
            const pp_style *t = pp_layout_style_at(l, i);
            sink += t->size + (double)strlen(t->name);
        }
        rgb = pp_layout_palette(l, 0);
        sink += rgb.r + (double)pp_layout_has_number(l, "statements") +
                (double)strlen(pp_layout_sheet(l));
        (void)sink;
        pp_error st = {0};
        (void)pp_layout_status(l, &st);
        pp_layout_free(l);
    }
    return 0;
}
