/* Prints the layout names every sheet kind declares (sheets/kinds.c), as the Markdown list that
 * docs/layout-format.md holds between its "keys:begin" and "keys:end" marks. The test
 * docs.layout-keys compares the two, so the documentation cannot drift from the code. */
#include "sheets/print.h"
#include "sheets/sheet.h"

#include <stdio.h>
#include <string.h>

static void print_keys(const char *layout, const pp_layout_key *keys, size_t n_keys)
{
    static const char *const plural[] = {"lengths", "numbers", "colours", "styles"};
    printf("- `%s`:", layout);
    const char *sep = " ";
    for (int opt = 0; opt < 2; opt++)
        for (int kind = PP_KEY_LENGTH; kind <= PP_KEY_STYLE; kind++) {
            int n = 0;
            for (size_t x = 0; x < n_keys; x++) {
                const pp_layout_key *key = &keys[x];
                if ((int)key->kind != kind || key->optional != (opt == 1)) continue;
                if (n++ == 0) printf("%s%s%s", sep, opt ? "optional " : "", plural[kind]);
                printf("%s`%s`", n == 1 ? " " : ", ", key->name);
                if (key->lo != key->hi) printf(" (%g to %g)", key->lo, key->hi);
                sep = "; ";
            }
        }
    printf(".\n");
}

int main(void)
{
    for (size_t i = 0; pp_sheet_at(i); i++) {
        const pp_sheet_kind *k = pp_sheet_at(i);
        bool seen = false;
        for (size_t j = 0; j < i; j++)
            seen |= pp_sheet_at(j)->layout && k->layout &&
                    strcmp(pp_sheet_at(j)->layout, k->layout) == 0;
        if (k->layout && !seen) print_keys(k->layout, k->keys, *k->n_keys);
    }
    /* Not a sheet: render --tile and --marks (sheets/print.c). */
    print_keys("print.xml", pp_print_keys, pp_print_n_keys);
    return 0;
}
