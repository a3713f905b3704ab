/* The guide's flow: every block lands inside the text area, no two texts overlap, and every
 * paragraph of the content is placed exactly once. */
#include "sheet_helpers.h"

/* Counts the P blocks of a block tree. */
static size_t paragraphs(const pp_block *b, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += (b[i].kind == PP_BLOCK_P) + paragraphs(b[i].children, b[i].n_children);
    return k;
}

static void flows_inside_the_text_area(void **state)
{
    static const char *const papers[] = {"A4", "A3", "A0"};
    for (size_t p = 0; p < 3; p++) {
        pp_content *c;
        pp_scene *s = plan(*state, "content/samenwerking/nl.xml", "guide", papers[p], &c);
        pp_layout *l = s->layouts[0];
        double mx = pp_layout_mm(l, "margin-x"), mb = pp_layout_mm(l, "margin-bottom");
        size_t placed = 0;
        assert_true(s->n_pages >= 1);
        for (size_t g = 0; g < s->n_pages; g++) {
            const pp_page *pg = &s->pages[g];
            for (size_t i = 0; i < pg->n; i++) {
                const pp_op *a = &pg->ops[i];
                if (a->kind != PP_OP_TEXT) continue;
                bool in_footer = role_is(a, "footer") || role_is(a, "page number");
                if (a->x < mx - 1e-6 || a->x + a->w > pg->w - mx + 1e-6)
                    fail_msg("%s page %zu: text outside the side margins", papers[p], g + 1);
                if (!in_footer && a->y + a->h > pg->h - mb + 0.01)
                    fail_msg("%s page %zu: \"%s\" runs into the bottom margin", papers[p], g + 1,
                             pp_textbox_text(a->text));
                placed += role_is(a, "paragraph") || role_is(a, "list item");
                for (size_t k = 0; k < i; k++)
                    if (pg->ops[k].kind == PP_OP_TEXT && overlap(a, &pg->ops[k]) &&
                        !role_is(a, "list number"))
                        fail_msg("%s page %zu: \"%s\" overlaps \"%s\"", papers[p], g + 1,
                                 pp_textbox_text(a->text), pp_textbox_text(pg->ops[k].text));
            }
        }
        assert_int_equal(placed, paragraphs(c->guide, c->n_guide) + c->colophon.n_body);
        no_problems(s);
        pp_scene_free(s);
        pp_content_free(c);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(flows_inside_the_text_area),
    };
    return cmocka_run_group_tests(tests, typeset_setup, typeset_teardown);
}
