/* The report's first page(s): a summary of the session for the archive. The partnership, date and
 * participants; per theme the extra-attention mark, the remarks on statements and what the group
 * agreed on the follow-up plaat, and the pictures of a scanned poster (the notes area, the
 * post-its); the extra rows; the next reflection. Text flows over as many pages as it needs. Words
 * come from the content and the session, sizes and styles from layouts/report.xml. */
#include "model/record.h"
#include "sheets/ink.h"
#include "sheets/report_parts.h"
#include "sheets/sheet.h"

#include <glib.h>
#include <math.h>
#include <string.h>

typedef pp_report rp;

static const pp_style *st(rp *r, const char *name)
{
    return pp_layout_style(r->l, name);
}

static double mm(rp *r, const char *name)
{
    return pp_layout_mm(r->l, name);
}

/* The follow-up field with this id, for its label; NULL when the content has none. */
static const pp_text *field(rp *r, const char *id)
{
    for (size_t i = 0; i < r->c->followup.n_fields; i++)
        if (strcmp(r->c->followup.fields[i].id, id) == 0) return &r->c->followup.fields[i];
    return NULL;
}

static void labelled(rp *r, const pp_text *label, const pp_text *src, const char *value)
{
    pp_report_labelled(r, label, src, value, false);
}

/* "JA" or "NEE" for a mark; NULL for none. */
static const pp_text *mark_word(rp *r, pp_mark m)
{
    return m == PP_MARK_YES ? &r->c->yes : m == PP_MARK_NO ? &r->c->no : NULL;
}

/* The cells of one follow-up row: each filled one as its question and the answer, a row of the
 * table of agreements. */
static void cells(rp *r, size_t row)
{
    size_t k = 0;
    bool table = false;
    for (size_t g = 0; g < r->c->followup.n_groups; g++)
        for (size_t j = 0; j < r->c->followup.groups[g].n_columns; j++, k++) {
            const pp_answer_cell *a = &r->ss->rows[row].cells[k];
            const pp_text *m = mark_word(r, a->mark);
            if (!a->text.text && !m) continue;
            gchar *v = g_strjoin(" · ", m ? m->text : a->text.text, m ? a->text.text : NULL, NULL);
            if (!table) pp_scene_begin(r->fl.s, "Table", NULL);
            table = true;
            pp_report_labelled(r, &r->c->followup.groups[g].columns[j].question,
                               a->text.text ? &a->text : m, v, true);
            g_free(v);
        }
    if (table) pp_scene_end(r->fl.s);
}

pp_rgb pp_report_postit_colour(pp_layout *l, const char *name)
{
    char key[32];
    snprintf(key, sizeof key, "postit-%s", name);
    return pp_layout_colour(l, key);
}

/* Every post-it of a theme: a square of its colour and "POST-IT", under it its text and author. */
static void postits(rp *r, size_t theme)
{
    const pp_answer_theme *t = &r->ss->themes[theme];
    for (size_t k = 0; k < t->n_postits; k++) {
        const pp_postit *p = &t->postits[k];
        if (!p->text.text && !p->author.text) continue; /* only a picture: postit_pictures */
        pp_flow_keep(&r->fl, mm(r, "keep"));
        double indent = pp_flow_swatch(&r->fl, pp_report_postit_colour(r->l, p->colour),
                                       mm(r, "swatch"), mm(r, "swatch-gap"));
        pp_flow_text(&r->fl, &r->c->record.postit, NULL, st(r, "label"), indent,
                     mm(r, "label-gap"));
        /* Text and author flow as two blocks, each from its own element, so that a problem
         * (a character no font has) names the element and line it is in. */
        bool was = pp_ink_direction(r->fl.env);
        if (p->text.text)
            pp_flow_text(&r->fl, &p->text, NULL, st(r, "answer"), 0,
                         p->author.text ? 0 : mm(r, "block-gap"));
        if (p->author.text)
            pp_flow_text(&r->fl, &p->author, NULL, st(r, "answer"), 0, mm(r, "block-gap"));
        pp_typeset_set_rtl(r->fl.env->ts, was);
    }
}

/* "AMBITIE · what": the alternative text of a theme's picture (g_free). */
static char *picture_alt(rp *r, size_t theme, const char *what, size_t n)
{
    return n ? g_strdup_printf("%s · %s %zu", r->c->themes[theme].name.text, what, n)
             : g_strdup_printf("%s · %s", r->c->themes[theme].name.text, what);
}

/* The picture of a theme's notes area (praatplaat scan): under its label, across the column, at
 * most notes-picture-h high. */
static void notes_picture(rp *r, size_t theme)
{
    const pp_picture *pic = &r->ss->themes[theme].picture;
    if (!pic->file) return;
    double w = r->fl.width, h = w * pic->h / pic->w;
    if (h > mm(r, "notes-picture-h")) h = mm(r, "notes-picture-h"), w = h * pic->w / pic->h;
    pp_flow_keep(&r->fl, mm(r, "keep") + h);
    pp_report_tagged(r, "P", &r->c->praatplaat.explain, NULL, "label", mm(r, "label-gap"));
    pp_flow_keep(&r->fl, h);
    pp_scene_begin(r->fl.s, "Figure", picture_alt(r, theme, r->c->praatplaat.explain.text, 0));
    pp_scene_image(r->fl.s, pic->file, pp_flow_x(&r->fl), r->fl.y, w, h);
    pp_scene_end(r->fl.s);
    r->fl.y += h + mm(r, "block-gap");
}

/* The pictures of a theme's post-its (praatplaat scan), picture-h high, in rows across the column,
 * each in a frame of its colour. */
static void postit_pictures(rp *r, size_t theme)
{
    const pp_answer_theme *t = &r->ss->themes[theme];
    double fr = mm(r, "picture-frame"), gap = mm(r, "picture-gap"), x = 0, row_h = 0;
    for (size_t k = 0; k < t->n_postits; k++) {
        const pp_picture *pic = &t->postits[k].picture;
        if (!pic->file) continue;
        double h = mm(r, "picture-h"), w = h * pic->w / pic->h;
        if (w > r->fl.width - 2 * fr) w = r->fl.width - 2 * fr, h = w * pic->h / pic->w;
        if (x > 0 && x + w + 2 * fr > r->fl.width) r->fl.y += row_h + gap, x = 0, row_h = 0;
        if (x == 0) pp_flow_keep(&r->fl, h + 2 * fr);
        double x0 = pp_flow_x(&r->fl) + x, y0 = r->fl.y;
        pp_scene_begin(r->fl.s, "Figure", picture_alt(r, theme, r->c->record.postit.text, k + 1));
        pp_scene_rect(r->fl.s, x0, y0, w + 2 * fr, h + 2 * fr,
                      pp_fill(pp_report_postit_colour(r->l, t->postits[k].colour)),
                      "postit picture");
        pp_scene_image(r->fl.s, pic->file, x0 + fr, y0 + fr, w, h);
        pp_scene_end(r->fl.s);
        x += w + 2 * fr + gap, row_h = fmax(row_h, h + 2 * fr);
    }
    if (row_h > 0) r->fl.y += row_h + mm(r, "block-gap");
}

/* The remarks on a theme's statements, each under "OPMERKING BIJ STELLING n". */
static void remarks(rp *r, size_t theme)
{
    for (size_t k = 0; k < r->c->themes[theme].n_statements; k++) {
        const pp_text *t = &r->ss->themes[theme].statements[k].remark;
        if (!t->text) continue;
        pp_text label = r->c->record.remark;
        label.text = pp_record_number(label.text, (int)k + 1);
        labelled(r, &label, t, NULL);
        g_free((char *)label.text);
    }
}

static void themes(rp *r)
{
    for (size_t i = 0; i < r->c->n_themes; i++) {
        pp_flow_band(&r->fl, &r->c->themes[i].name, NULL, st(r, "band"), pp_layout_palette(r->l, i),
                     mm(r, "band-h"), mm(r, "band-pad"), mm(r, "label-gap"), "H2");
        const pp_text *m = mark_word(r, r->ss->themes[i].attention);
        if (m) labelled(r, &r->c->praatplaat.attention, m, NULL);
        remarks(r, i);
        notes_picture(r, i);
        postits(r, i);
        postit_pictures(r, i);
        cells(r, i);
    }
    for (size_t i = 0; i < r->c->followup.n_rows; i++) {
        size_t row = r->c->n_themes + i;
        pp_flow_band(&r->fl, &r->c->followup.rows[i].label, NULL, st(r, "band-extra"),
                     pp_layout_colour(r->l, "extra-fill"), mm(r, "band-h"), mm(r, "band-pad"),
                     mm(r, "label-gap"), "H2");
        const pp_text *written = &r->ss->rows[row].label;
        if (written->text) labelled(r, NULL, written, NULL);
        cells(r, row);
    }
}

static void next(rp *r)
{
    const pp_session *ss = r->ss;
    if (!ss->next.text && !ss->next_date.text) return;
    gchar *date = ss->next_date.text ? pp_record_date(&r->c->record, ss->next_date.text) : NULL;
    gchar *v = g_strjoin(" · ", date ? date : ss->next.text, date ? ss->next.text : NULL, NULL);
    r->fl.y += mm(r, "block-gap");
    labelled(r, &r->c->followup.footer, ss->next_date.text ? &ss->next_date : &ss->next, v);
    g_free(v);
    g_free(date);
}

void pp_report_plan(pp_scene *s, const pp_sheet_env *env)
{
    if (env->content->family == PP_FAMILY_NETWORK) { /* a network map's (report_network.c) */
        pp_report_network_plan(s, env);
        return;
    }
    rp r;
    pp_report_begin(&r, s, env);
    if (!r.ss) return; /* the CLI asks for a session; a blank report is an empty page */
    pp_report_head(&r, field(&r, "partnership"), field(&r, "date"), field(&r, "participants"));
    themes(&r);
    next(&r);
}

/* Every name this sheet reads from layouts/report.xml. */
const pp_layout_key pp_report_keys[] = {
    PP_STYLE("answer"),
    PP_STYLE("appendix"),
    PP_STYLE("band"),
    PP_STYLE("band-extra"),
    PP_STYLE("ink"),
    PP_STYLE("kicker"),
    PP_STYLE("label"),
    PP_STYLE("title"),
    PP_COLOUR("extra-fill"),
    PP_COLOUR("paper"),
    PP_LENGTH("band-h"),
    PP_LENGTH("band-pad"),
    PP_LENGTH("block-gap"),
    PP_LENGTH("keep"),
    PP_LENGTH("label-gap"),
    PP_LENGTH("margin"),
    PP_LENGTH("section-gap"),
    PP_THEMES_MIN,
    PP_THEMES_MAX,
    PP_COLOUR("postit-blue"),
    PP_COLOUR("postit-green"),
    PP_COLOUR("postit-orange"),
    PP_COLOUR("postit-pink"),
    PP_COLOUR("postit-yellow"),
    PP_LENGTH("swatch"),
    PP_LENGTH("swatch-gap"),
    PP_LENGTH("notes-picture-h"),
    PP_LENGTH("picture-h"),
    PP_LENGTH("picture-gap"),
    PP_LENGTH("picture-frame"),
};
const size_t pp_report_n_keys = sizeof pp_report_keys / sizeof pp_report_keys[0];
