/* The alternative text of the filled-in sheets as Figures of the tagged report: what is on them,
 * in words of the content and the session only (names, score signs, the yes/no words), joined by
 * punctuation. */
#include "model/session_network.h"
#include "sheets/sheet.h"

#include <glib.h>

/* "JA" or "NEE" for a mark; NULL for none. */
static const char *mark_word(const pp_content *c, pp_mark m)
{
    return m == PP_MARK_YES ? c->yes.text : m == PP_MARK_NO ? c->no.text : NULL;
}

/* "AMBITIE: 1 +, 2 +/-; EXTRA AANDACHT? JA" */
static void theme_scores(GString *a, const pp_content *c, const pp_session *ss, size_t i)
{
    const pp_theme *t = &c->themes[i];
    g_string_append_printf(a, "%s%s:", i ? ". " : "", t->name.text);
    bool any = false;
    for (size_t k = 0; k < t->n_statements; k++) {
        int score = ss ? ss->themes[i].statements[k].score : -1;
        if (score < 0 || score >= PP_SCORES) continue;
        g_string_append_printf(a, "%s %zu %s", any ? "," : "", k + 1,
                               c->praatplaat.scores[score].text);
        any = true;
    }
    const char *m = ss ? mark_word(c, ss->themes[i].attention) : NULL;
    if (m) g_string_append_printf(a, "; %s %s", c->praatplaat.attention.text, m);
}

char *pp_radial_alt(const pp_content *c, const pp_session *ss)
{
    GString *a = g_string_new(NULL);
    g_string_append_printf(a, "%s — ", c->praatplaat.name.text);
    for (size_t i = 0; i < c->n_themes; i++)
        theme_scores(a, c, ss, i);
    return g_string_free(a, FALSE);
}

/* "AMBITIE: EXTRA AANDACHT? JA, …" for one row of the follow-up plaat. */
static void row_marks(GString *a, const pp_content *c, const pp_session *ss, size_t row,
                      const char *label)
{
    g_string_append_printf(a, "%s%s:", row ? ". " : "", label ? label : "");
    size_t k = 0;
    bool any = false;
    for (size_t g = 0; g < c->followup.n_groups; g++)
        for (size_t j = 0; j < c->followup.groups[g].n_columns; j++, k++) {
            const char *m = ss ? mark_word(c, ss->rows[row].cells[k].mark) : NULL;
            if (!m) continue;
            g_string_append_printf(a, "%s %s %s", any ? "," : "",
                                   c->followup.groups[g].columns[j].question.text, m);
            any = true;
        }
}

char *pp_followup_alt(const pp_content *c, const pp_session *ss)
{
    GString *a = g_string_new(NULL);
    g_string_append_printf(a, "%s — ", c->followup.name.text);
    for (size_t i = 0; i < c->n_themes; i++)
        row_marks(a, c, ss, i, c->themes[i].name.text);
    for (size_t i = 0; i < c->followup.n_rows; i++) {
        size_t row = c->n_themes + i;
        const pp_text *written = ss ? &ss->rows[row].label : NULL;
        row_marks(a, c, ss, row,
                  written && written->text ? written->text : c->followup.rows[i].label.text);
    }
    return g_string_free(a, FALSE);
}

/* "Hoe dragen … ? — geïntegreerde zorg …: CLB Waasland (dichtbij / frequent), …. andere: …" */
char *pp_netwerkkaart_alt(const pp_content *c, const pp_session *ss)
{
    const pp_network *nw = &c->network;
    const pp_network_session *ns = ss ? ss->network : NULL;
    GString *a = g_string_new(NULL);
    g_string_append_printf(a, "%s —", nw->title.text);
    for (size_t k = 0; k < nw->n_kinds; k++) {
        g_string_append_printf(a, "%s %s:", k ? "." : "", nw->kinds[k].text);
        bool any = false;
        for (size_t i = 0; ns && i < ns->n_partners; i++) {
            const pp_partner *p = &ns->partners[i];
            if (p->kind != k) continue;
            g_string_append_printf(a, "%s %s (%s)", any ? "," : "", p->name.text,
                                   nw->rings[p->ring].text);
            any = true;
        }
    }
    return g_string_free(a, FALSE);
}
