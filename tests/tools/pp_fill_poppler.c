/* Fills every field of a praatplaat form the way Evince and Okular do (poppler-glib: set values,
 * save), for the round-trip test (tests/e2e/form.sh). Usage:
 *   pp_fill_poppler IN.pdf OUT.pdf PREFIX SPECIAL.txt [ROLE CARD]
 * Text fields get distinct marker words (PREFIX + letters), printed one per line on stdout; date
 * fields a date; the notes, post-its and participants fields text in their conventions
 * (docs/forms.md); the first follow-up cell 300 marker words; the partnership the text of
 * SPECIAL.txt. In every radio group the button (group number mod buttons) is switched on. A
 * network map's cells get two partners each (the first with a note, two marks of ROLE and an answer
 * on CARD), its links field a link between the two partners of each cell, as tests/e2e/fill.js. */
#include <poppler.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

enum { LONG_WORDS = 300, LETTERS = 26 };

static int counter;
/* A network map: the role and card its partners name, and the links between them so far. */
static const char *role, *card;
static GString *links;

/* The next marker word: PREFIX then the counter in letters. */
static char *marker(const char *prefix)
{
    char tail[16];
    int n = counter++, k = 0;
    do {
        tail[k++] = (char)('a' + n % LETTERS);
        n /= LETTERS;
    } while (n && k < 15);
    tail[k] = '\0';
    char *m = g_strdup_printf("%s%sz%s", prefix, "mark", tail);
    printf("%s\n", m);
    return m;
}

static char *words(const char *prefix, int n, const char *sep)
{
    GString *s = g_string_new(NULL);
    for (int i = 0; i < n; i++) {
        char *m = marker(prefix);
        g_string_append_printf(s, "%s%s", i ? sep : "", m);
        g_free(m);
    }
    return g_string_free(s, FALSE);
}

static char *value_for(const char *name, const char *prefix, const char *special, bool *long_done)
{
    if (g_str_has_suffix(name, "date")) {
        int n = counter++;
        return g_strdup_printf("2027-0%d-1%d", 1 + n % 9, n % 10);
    }
    if (strcmp(name, "header:partnership") == 0) return g_strdup(special);
    if (strcmp(name, "links") == 0) return g_strdup(links->str);
    char *a = words(prefix, 1, " "), *b = words(prefix, 1, " "), *c = words(prefix, 1, " "), *out;
    if (strcmp(name, "header:participants") == 0)
        out = g_strdup_printf("%s; %s; %s\n%s", a, b, c, a);
    else if (g_str_has_prefix(name, "notes:"))
        out = g_strdup_printf("%s %s\n1. %s", a, b, c);
    else if (g_str_has_prefix(name, "postits:"))
        out = g_strdup_printf("[pink] %s\n\u2014 %s\n\n%s", a, b, c);
    else if (g_str_has_prefix(name, "partners:")) {
        char *d = words(prefix, 1, " "), *e = words(prefix, 1, " ");
        char *w = *long_done ? g_strdup("") : words(prefix, LONG_WORDS, " ");
        *long_done = true;
        g_string_append_printf(links, "%s%s %s \u2014 %s", links->len ? "\n" : "", a, b, d);
        out = g_strdup_printf("%s %s\n%s%s%s\n[%s \u00d72]\n[%s] %s\n\n%s", a, b, c, *w ? " " : "",
                              w, role, card, e, d);
        g_free(d), g_free(e), g_free(w);
    } else if (g_str_has_prefix(name, "cell:") && !*long_done) {
        *long_done = true;
        char *w = words(prefix, LONG_WORDS, " ");
        out = g_strdup_printf("%s %s %s %s", a, b, c, w);
        g_free(w);
    } else
        out = g_strdup_printf("%s %s %s", a, b, c);
    g_free(a), g_free(b), g_free(c);
    return out;
}

int main(int argc, char **argv)
{
    if (argc != 5 && argc != 7) {
        fprintf(stderr, "usage: %s IN.pdf OUT.pdf PREFIX SPECIAL.txt [ROLE CARD]\n", argv[0]);
        return 2;
    }
    role = argc == 7 ? argv[5] : "";
    card = argc == 7 ? argv[6] : "";
    links = g_string_new(NULL);
    GError *e = NULL;
    gchar *special = NULL, *in = g_filename_to_uri(argv[1], NULL, NULL);
    gchar *out = g_filename_to_uri(argv[2], NULL, NULL);
    if (!g_file_get_contents(argv[4], &special, NULL, &e))
        return fprintf(stderr, "%s\n", e->message), 1;
    g_strchomp(special);
    PopplerDocument *doc = poppler_document_new_from_file(in, NULL, &e);
    if (!doc) return fprintf(stderr, "%s\n", e->message), 1;
    GHashTable *groups = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    bool long_done = false;
    /* the links last: they name the partners of the cells */
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < poppler_document_get_n_pages(doc); i++) {
            PopplerPage *page = poppler_document_get_page(doc, i);
            GList *map = poppler_page_get_form_field_mapping(page);
            for (GList *l = map; l; l = l->next) {
                PopplerFormField *f = ((PopplerFormFieldMapping *)l->data)->field;
                gchar *name = poppler_form_field_get_name(f);
                if ((strcmp(name, "links") == 0) != (pass == 1)) {
                    g_free(name);
                    continue;
                }
                if (poppler_form_field_get_field_type(f) == POPPLER_FORM_FIELD_TEXT &&
                    !poppler_form_field_is_read_only(f)) {
                    char *v = value_for(name, argv[3], special, &long_done);
                    poppler_form_field_text_set_text(f, v);
                    g_free(v);
                } else if (poppler_form_field_get_field_type(f) == POPPLER_FORM_FIELD_BUTTON) {
                    /* button k of group g is switched on when k == g mod 2, 3 … */
                    guint g = g_hash_table_size(groups);
                    gpointer seen = g_hash_table_lookup(groups, name);
                    guint k = seen ? GPOINTER_TO_UINT(seen) : 0;
                    if (!seen)
                        g_hash_table_insert(groups, g_strdup(name), GUINT_TO_POINTER(1u << 8 | g));
                    guint group = seen ? (k & 0xff) : g, index = seen ? (k >> 8) : 0;
                    bool score = g_str_has_prefix(name, "score:");
                    if (index == group % (score ? 3 : 2))
                        poppler_form_field_button_set_state(f, TRUE);
                    if (seen)
                        g_hash_table_insert(groups, g_strdup(name),
                                            GUINT_TO_POINTER((index + 1) << 8 | group));
                }
                g_free(name);
            }
            poppler_page_free_form_field_mapping(map);
            g_object_unref(page);
        }
    if (!poppler_document_save(doc, out, &e)) return fprintf(stderr, "%s\n", e->message), 1;
    g_hash_table_destroy(groups);
    g_object_unref(doc);
    g_free(in), g_free(out), g_free(special);
    g_string_free(links, TRUE);
    return 0;
}
