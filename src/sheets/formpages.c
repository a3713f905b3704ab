#include "sheets/formpages.h"

void pp_form_plan_values(pp_scene *s, pp_typeset *ts, const pp_content *c, GHashTable *values)
{
    size_t n_pages = s->n_pages, n_problems = s->n_problems;
    for (size_t i = 0; i < n_pages; i++)
        for (size_t k = 0; k < s->pages[i].n; k++) {
            pp_op op = s->pages[i].ops[k];
            const char *value = op.kind == PP_OP_FIELD && op.field_kind != PP_FIELD_RADIO
                                    ? g_hash_table_lookup(values, op.field)
                                    : NULL;
            if (!value) continue;
            pp_scene_page(s, op.w, op.h);
            pp_text t = {op.field, value, 0, NULL, NULL};
            pp_scene_fit(s, ts, c, &t, op.field_style, 0, 0, op.w, op.h,
                         op.field_kind == PP_FIELD_TEXT ? PP_VALIGN_CENTER : PP_VALIGN_TOP,
                         "form field");
            s->pages[i].ops[k].ap_page = s->n_pages;
        }
    s->n_problems = n_problems;
}
