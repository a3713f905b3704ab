#include "model/session_write.h"

#include "model/formfields.h"
#include "model/session_network.h"

#include <glib.h>
#include <string.h>

/* text escaped for XML, with '\n' as <br/>. */
static void put_text(GString *out, const char *text)
{
    for (const char *p = text; *p; p++) {
        switch (*p) {
        case '&':
            g_string_append(out, "&amp;");
            break;
        case '<':
            g_string_append(out, "&lt;");
            break;
        case '>':
            g_string_append(out, "&gt;");
            break;
        case '"':
            g_string_append(out, "&quot;");
            break;
        case '\n':
            g_string_append(out, "<br/>");
            break;
        default:
            g_string_append_c(out, *p);
        }
    }
}

/* <name>text</name> on its own line, when t is filled in. */
static void element(GString *out, int indent, const char *name, const pp_text *t)
{
    if (!t->text) return;
    g_string_append_printf(out, "%*s<%s>", indent, "", name);
    put_text(out, t->text);
    g_string_append_printf(out, "</%s>\n", name);
}

static const char *mark_value(pp_mark m)
{
    return m == PP_MARK_YES ? pp_form_marks[0] : m == PP_MARK_NO ? pp_form_marks[1] : NULL;
}

static void participants(GString *out, const pp_session *s)
{
    if (!s->n_participants) return;
    g_string_append(out, "  <participants>\n");
    for (size_t i = 0; i < s->n_participants; i++) {
        const pp_participant *p = &s->participants[i];
        g_string_append(out, "    <participant>\n");
        element(out, 6, "name", &p->name);
        element(out, 6, "organisation", &p->organisation);
        element(out, 6, "role", &p->role);
        g_string_append(out, "    </participant>\n");
    }
    g_string_append(out, "  </participants>\n");
}

static bool theme_filled(const pp_theme *t, const pp_answer_theme *a)
{
    bool any = a->attention != PP_MARK_NONE || a->notes.text || a->n_postits || a->picture.href;
    for (size_t k = 0; k < t->n_statements; k++)
        any |= a->statements[k].score >= 0 || a->statements[k].remark.text;
    return any;
}

static void picture(GString *out, int indent, const pp_picture *pic)
{
    if (!pic->href) return;
    gchar *href = g_markup_escape_text(pic->href, -1);
    g_string_append_printf(out, "%*s<picture href=\"%s\"/>\n", indent, "", href);
    g_free(href);
}

static void theme(GString *out, const pp_theme *t, const pp_answer_theme *a)
{
    g_string_append_printf(out, "    <theme ref=\"%s\"", t->id);
    if (mark_value(a->attention))
        g_string_append_printf(out, " attention=\"%s\"", mark_value(a->attention));
    g_string_append(out, ">\n");
    for (size_t k = 0; k < t->n_statements; k++) {
        const pp_answer_statement *st = &a->statements[k];
        if (st->score < 0 && !st->remark.text) continue;
        g_string_append_printf(out, "      <statement ref=\"%s\"", t->statements[k].id);
        if (st->score >= 0) g_string_append_printf(out, " score=\"%s\"", pp_form_scores[st->score]);
        if (!st->remark.text) {
            g_string_append(out, "/>\n");
            continue;
        }
        g_string_append(out, ">\n");
        element(out, 8, "remark", &st->remark);
        g_string_append(out, "      </statement>\n");
    }
    element(out, 6, "notes", &a->notes);
    for (size_t k = 0; k < a->n_postits; k++) {
        const pp_postit *p = &a->postits[k];
        g_string_append_printf(out, "      <postit colour=\"%s\">\n", p->colour);
        element(out, 8, "text", &p->text);
        element(out, 8, "author", &p->author);
        picture(out, 8, &p->picture);
        g_string_append(out, "      </postit>\n");
    }
    picture(out, 6, &a->picture);
    g_string_append(out, "    </theme>\n");
}

static void row(GString *out, const pp_content *c, const char *id, const pp_answer_row *r)
{
    GString *body = g_string_new(NULL);
    element(body, 6, "label", &r->label);
    size_t k = 0;
    for (size_t g = 0; g < c->followup.n_groups; g++)
        for (size_t j = 0; j < c->followup.groups[g].n_columns; j++, k++) {
            const pp_answer_cell *cell = &r->cells[k];
            if (!cell->text.text && cell->mark == PP_MARK_NONE) continue;
            g_string_append_printf(body, "      <cell column=\"%s\"",
                                   c->followup.groups[g].columns[j].question.id);
            if (mark_value(cell->mark))
                g_string_append_printf(body, " mark=\"%s\"", mark_value(cell->mark));
            g_string_append_c(body, '>');
            if (cell->text.text) put_text(body, cell->text.text);
            g_string_append(body, "</cell>\n");
        }
    if (body->len)
        g_string_append_printf(out, "    <row ref=\"%s\">\n%s    </row>\n", id, body->str);
    g_string_free(body, TRUE);
}

static void followup(GString *out, const pp_session *s, const pp_content *c)
{
    GString *body = g_string_new(NULL);
    for (size_t i = 0; i < c->n_themes; i++)
        row(body, c, c->themes[i].id, &s->rows[i]);
    for (size_t i = 0; i < c->followup.n_rows; i++)
        row(body, c, c->followup.rows[i].label.id, &s->rows[c->n_themes + i]);
    if (s->next.text || s->next_date.text) {
        g_string_append(body, "    <next");
        if (s->next_date.text) g_string_append_printf(body, " date=\"%s\"", s->next_date.text);
        g_string_append_c(body, '>');
        if (s->next.text) put_text(body, s->next.text);
        g_string_append(body, "</next>\n");
    }
    if (body->len) g_string_append_printf(out, "  <followup>\n%s  </followup>\n", body->str);
    g_string_free(body, TRUE);
}

char *pp_session_write(const pp_session *s, const pp_content *c)
{
    GString *out = g_string_new("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    g_string_append_printf(out, "<session format=\"1\" instrument=\"%s\"", c->id);
    if (s->lang) g_string_append_printf(out, " xml:lang=\"%s\"", s->lang);
    g_string_append(out, ">\n");
    element(out, 2, "partnership", &s->partnership);
    element(out, 2, "date", &s->date);
    participants(out, s);
    bool any = false;
    for (size_t i = 0; i < c->n_themes; i++)
        any |= theme_filled(&c->themes[i], &s->themes[i]);
    if (any) {
        g_string_append(out, "  <praatplaat>\n");
        for (size_t i = 0; i < c->n_themes; i++)
            if (theme_filled(&c->themes[i], &s->themes[i]))
                theme(out, &c->themes[i], &s->themes[i]);
        g_string_append(out, "  </praatplaat>\n");
    }
    followup(out, s, c);
    pp_session_network_write(out, s->network, c, put_text, picture);
    g_string_append(out, "</session>\n");
    return g_string_free(out, FALSE);
}
