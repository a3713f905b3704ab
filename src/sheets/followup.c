/* The follow-up plaat: a header (sheet name, title), header fields with writing space, a table with
 * one row per theme plus the content's extra rows and one column per question (grouped), and a
 * footer question with writing space. Every size, colour and style comes from layouts/followup.xml.
 */
#include "model/formfields.h"
#include "model/record.h"
#include "sheets/codes.h"
#include "sheets/ink.h"
#include "sheets/sheet.h"

#include <glib.h>
#include <math.h>
#include <string.h>

/* The most pages a follow-up table may continue on (the layout's pages-max). */
enum { PP_FOLLOWUP_PAGES_MAX = 8 };

typedef struct fu {
    const pp_sheet_env *env;
    const pp_session *ss; /* NULL for a blank sheet */
    pp_scene *s;
    const pp_content *c;
    pp_typeset *ts;
    pp_layout *l;
    double left, right, top, bottom; /* the area inside the margins */
    double y;                        /* where the next band starts */
    double strip;                    /* width of the yes/no strip of a yes/no cell */
    const pp_style *mark;            /* the yes and no words, at their one size */
    const pp_style *labels[2];       /* row labels (theme, extra), at their one size */
    double squeeze;                  /* the share of their height the bands above the rows keep */
    int page;                        /* the page being planned, 0: the first */
} fu;

static const pp_style *st(fu *f, const char *name)
{
    return pp_layout_style(f->l, name);
}

static double mm(fu *f, const char *name)
{
    return pp_layout_mm(f->l, name);
}

/* The height of a band above the rows (header, fields, questions), squeezed (see squeeze). */
static double band(fu *f, const char *name)
{
    return pp_layout_mm(f->l, name) * f->squeeze;
}

static pp_rgb col(fu *f, const char *name)
{
    return pp_layout_colour(f->l, name);
}

static void text(fu *f, const pp_text *t, const char *style, double x, double y, double w, double h,
                 pp_valign v, const char *box)
{
    pp_scene_fit(f->s, f->ts, f->c, t, st(f, style), x, y, w, h, v, box);
}

static void header(fu *f)
{
    double h = band(f, "header-h"), kicker = mm(f, "kicker-h");
    double side = mm(f, "instrument-w"), w = f->right - f->left;
    text(f, &f->c->followup.name, "kicker", f->left, f->y, w - side, kicker, PP_VALIGN_TOP, "name");
    text(f, &f->c->followup.title, "title", f->left, f->y + kicker, w - side, h - kicker,
         PP_VALIGN_TOP, "title");
    text(f, &f->c->title, "instrument", f->right - side, f->y, side, h, PP_VALIGN_TOP,
         "instrument");
    f->y += h;
    pp_scene_line(f->s, f->left, f->y, f->right, f->y,
                  pp_stroke(col(f, "accent"), mm(f, "rule-strong")));
    f->y += mm(f, "gap");
}

/* What the session gives for the header field with this id (participants, partnership, date), as
 * a new string (g_free) in *value with its source; false when nothing. */
static bool field_value(fu *f, const char *id, pp_text *src, char **value)
{
    const pp_session *ss = f->ss;
    *value = NULL;
    if (strcmp(id, "participants") == 0 && ss->n_participants) {
        *src = ss->participants[0].name.text ? ss->participants[0].name
                                             : ss->participants[0].organisation;
        *value = pp_record_participants(ss);
    } else if (strcmp(id, "partnership") == 0 && ss->partnership.text) {
        *src = ss->partnership;
        *value = g_strdup(ss->partnership.text);
    } else if (strcmp(id, "date") == 0 && ss->date.text) {
        *src = ss->date;
        *value = pp_record_date(&f->c->record, ss->date.text);
    }
    return *value != NULL;
}

/* One field: a tinted box, its label at the top, a writing line near the bottom, and what the
 * session wrote on it. */
static void field(fu *f, const pp_text *t, double x, double w, double h)
{
    double pad = mm(f, "field-pad"), lh = mm(f, "field-label-h");
    pp_op *box = pp_scene_rect(f->s, x, f->y, w, h, pp_fill(col(f, "field-fill")), "field");
    box->radius = mm(f, "corner");
    text(f, t, "field-label", x + pad, f->y + pad, w - 2 * pad, lh, PP_VALIGN_TOP, "field");
    double ly = f->y + h - pad;
    pp_scene_line(f->s, x + pad, ly, x + w - pad, ly, pp_stroke(col(f, "rule"), mm(f, "rule")));
    if (pp_form_header_known(t->id))
        pp_scene_field(f->s,
                       strcmp(t->id, "participants") == 0 ? PP_FIELD_MULTILINE : PP_FIELD_TEXT,
                       pp_form_name("header", t->id, NULL), NULL, st(f, "ink-field"), x + pad,
                       f->y + pad + lh, w - 2 * pad, ly - f->y - pad - lh, t->text);
    pp_text src;
    char *value;
    if (f->ss && field_value(f, t->id, &src, &value)) {
        src.text = value;
        pp_ink_fit(f->s, f->env, &src, st(f, "ink-field"), x + pad, f->y + pad + lh, w - 2 * pad,
                   ly - f->y - pad - lh, PP_VALIGN_BOTTOM, t->text);
        g_free(value);
    }
}

static void fields(fu *f)
{
    size_t n = f->c->followup.n_fields;
    double gap = mm(f, "field-gap"), h = band(f, "fields-h");
    double first = pp_layout_num(f->l, "first-field-weight");
    double unit = (f->right - f->left - gap * (double)(n - 1)) / (first + (double)(n - 1));
    double x = f->left;
    for (size_t i = 0; i < n; i++) {
        double w = unit * (i == 0 ? first : 1);
        field(f, &f->c->followup.fields[i], x, w, h);
        x += w + gap;
    }
    f->y += h + mm(f, "table-gap");
}

/* Column geometry shared by the header rows and the body. */
typedef struct grid {
    double label_w, col_w, gap;
    size_t n_cols;
} grid;

static double col_x(const fu *f, const grid *g, size_t k)
{
    return f->left + g->label_w + g->gap + (double)k * (g->col_w + g->gap);
}

static void group_heads(fu *f, const grid *g)
{
    double h = mm(f, "group-h");
    size_t k = 0;
    for (size_t i = 0; i < f->c->followup.n_groups; i++) {
        const pp_group *gr = &f->c->followup.groups[i];
        double x = col_x(f, g, k), w = (double)gr->n_columns * (g->col_w + g->gap) - g->gap;
        pp_scene_rect(f->s, x, f->y, w, h, pp_fill(col(f, "group-fill")), "group");
        text(f, &gr->label, "group", x, f->y, w, h, PP_VALIGN_CENTER, "group");
        k += gr->n_columns;
    }
    f->y += h + g->gap;
}

static void questions(fu *f, const grid *g)
{
    double h = band(f, "question-h"), pad = mm(f, "cell-pad");
    size_t k = 0;
    for (size_t i = 0; i < f->c->followup.n_groups; i++)
        for (size_t j = 0; j < f->c->followup.groups[i].n_columns; j++, k++) {
            double x = col_x(f, g, k);
            pp_scene_rect(f->s, x, f->y, g->col_w, h, pp_fill(col(f, "question-fill")), "question");
            text(f, &f->c->followup.groups[i].columns[j].question, "question", x + pad, f->y + pad,
                 g->col_w - 2 * pad, h - 2 * pad, PP_VALIGN_BOTTOM, "question");
        }
    f->y += h + g->gap;
}

/* A yes/no pair stacked in a strip at the left of a cell; returns the strip's width. */
static double yes_no(fu *f, double x, double y, pp_rgb ink)
{
    double pad = mm(f, "cell-pad"), box = mm(f, "mark-box"), gap = mm(f, "mark-gap");
    double lg = mm(f, "mark-label-gap"), strip = f->strip;
    const pp_text *labels[2] = {&f->c->yes, &f->c->no};
    for (int i = 0; i < 2; i++) {
        double by = y + pad + (double)i * (box + gap);
        pp_op *b = pp_scene_rect(f->s, x + pad, by, box, box, pp_stroke(ink, mm(f, "mark-line")),
                                 "checkbox");
        b->paint.fill = true;
        b->paint.fill_rgb = col(f, "paper");
        pp_op *t = pp_scene_fit(f->s, f->ts, f->c, labels[i], f->mark, x + pad + box + lg, by,
                                strip - pad - box - 2 * lg, box, PP_VALIGN_CENTER, "yes/no label");
        t->fit.nominal_pt = st(f, "mark")->size;
    }
    pp_op *d = pp_scene_line(f->s, x + strip, y + pad, x + strip, y + pad + 2 * box + gap,
                             pp_stroke(col(f, "rule"), mm(f, "rule")));
    d->role = "divider";
    return strip;
}

/* The label cell of a row: filled with the row's colour, the name on it. */
static void row_label(fu *f, const pp_text *name, pp_rgb fill, double y, double h, bool write_in,
                      const char *style)
{
    double pad = mm(f, "cell-pad"), w = mm(f, "label-w");
    pp_scene_rect(f->s, f->left, y, w, h, pp_fill(fill), "row-label");
    double th = write_in ? mm(f, "write-in-label-h") : h - 2 * pad;
    pp_op *t = pp_scene_fit(f->s, f->ts, f->c, name, f->labels[strcmp(style, "row-label") != 0],
                            f->left + pad, y + pad, w - 2 * pad, th,
                            write_in ? PP_VALIGN_TOP : PP_VALIGN_CENTER, "row label");
    t->fit.nominal_pt = st(f, style)->size;
    if (write_in)
        pp_scene_line(f->s, f->left + pad, y + h - pad, f->left + w - pad, y + h - pad,
                      pp_stroke(pp_layout_style(f->l, style)->colour, mm(f, "rule")));
}

/* The session's cross on the yes or no box of a cell drawn by yes_no. */
static void cross_yes_no(fu *f, double x, double y, pp_mark mark)
{
    if (mark == PP_MARK_NONE) return;
    double pad = mm(f, "cell-pad"), box = mm(f, "mark-box"), gap = mm(f, "mark-gap");
    double by = y + pad + (mark == PP_MARK_YES ? 0 : box + gap);
    pp_ink_cross(f->s, x + pad, by, box, -mm(f, "ink-overshoot"),
                 pp_stroke(col(f, "pen"), mm(f, "ink-line")));
}

/* The session's answer in a cell: its mark, and its text right of the marks. */
static void answer(fu *f, const pp_answer_cell *a, const pp_column *column, const char *row,
                   double x, double y, double w, double h)
{
    double pad = mm(f, "cell-pad"), strip = column->yesno ? f->strip : 0;
    if (column->yesno) cross_yes_no(f, x, y, a->mark);
    gchar *where = g_strdup_printf("%s · %s", row, column->question.text);
    pp_ink_fit(f->s, f->env, &a->text, st(f, "ink"), x + strip + pad, y + pad, w - strip - 2 * pad,
               h - 2 * pad, PP_VALIGN_TOP, where);
    g_free(where);
}

static const char *row_name(fu *f, size_t row)
{
    return row < f->c->n_themes ? f->c->themes[row].name.text
                                : f->c->followup.rows[row - f->c->n_themes].label.text;
}

/* What the group wrote on a write-in row's line. */
static void write_in(fu *f, const pp_text *t, const pp_row *r, double y, double h)
{
    double pad = mm(f, "cell-pad"), top = y + pad + mm(f, "write-in-label-h");
    pp_ink_fit(f->s, f->env, t, st(f, "ink"), f->left + pad, top, mm(f, "label-w") - 2 * pad,
               y + h - pad - top, PP_VALIGN_BOTTOM, r->label.text);
}

static const char *row_id(fu *f, size_t row)
{
    return row < f->c->n_themes ? f->c->themes[row].id
                                : f->c->followup.rows[row - f->c->n_themes].label.id;
}

/* The form's fields of a cell: its text right of the marks, and the yes/no radio group. */
static void cell_fields(fu *f, const pp_column *column, size_t row, double x, double y, double w,
                        double h)
{
    double pad = mm(f, "cell-pad"), strip = column->yesno ? f->strip : 0;
    gchar *tip = g_strdup_printf("%s · %s", row_name(f, row), column->question.text);
    pp_scene_field(f->s, PP_FIELD_MULTILINE,
                   pp_form_name("cell", row_id(f, row), column->question.id), NULL, st(f, "ink"),
                   x + strip + pad, y + pad, w - strip - 2 * pad, h - 2 * pad, tip);
    double box = mm(f, "mark-box"), gap = mm(f, "mark-gap");
    for (int i = 0; column->yesno && i < 2; i++) {
        pp_op *op = pp_scene_field(
            f->s, PP_FIELD_RADIO, pp_form_name("mark", row_id(f, row), column->question.id),
            pp_form_marks[i], NULL, x + pad, y + pad + (double)i * (box + gap), box, box, tip);
        if (op) op->paint = pp_stroke(col(f, "pen"), mm(f, "ink-line"));
    }
    g_free(tip);
}

/* The form's field on a write-in row's line. */
static void write_in_field(fu *f, const pp_row *r, double y, double h)
{
    double pad = mm(f, "cell-pad"), top = y + pad + mm(f, "write-in-label-h");
    pp_scene_field(f->s, PP_FIELD_TEXT, pp_form_name("label", r->label.id, NULL), NULL,
                   st(f, "ink"), f->left + pad, top, mm(f, "label-w") - 2 * pad, y + h - pad - top,
                   r->label.text);
}

static void answer_cells(fu *f, const grid *g, size_t row, double y, double h, pp_rgb tint)
{
    size_t k = 0;
    for (size_t i = 0; i < f->c->followup.n_groups; i++)
        for (size_t j = 0; j < f->c->followup.groups[i].n_columns; j++, k++) {
            const pp_column *column = &f->c->followup.groups[i].columns[j];
            double x = col_x(f, g, k);
            pp_scene_rect(f->s, x, y, g->col_w, h, pp_fill(tint), "cell");
            if (column->yesno) yes_no(f, x, y, col(f, "ink"));
            if (f->s->form) cell_fields(f, column, row, x, y, g->col_w, h);
            if (f->ss)
                answer(f, &f->ss->rows[row].cells[k], column, row_name(f, row), x, y, g->col_w, h);
        }
}

/* One row of the table at y, h high: its label and its answer cells. */
static void draw_row(fu *f, const grid *g, size_t row, double y, double h)
{
    size_t nt = f->c->n_themes;
    if (row < nt) {
        pp_rgb c = pp_layout_palette(f->l, row);
        row_label(f, &f->c->themes[row].name, c, y, h, false, "row-label");
        answer_cells(f, g, row, y, h, pp_rgb_tint(c, pp_layout_num(f->l, "tint-theme")));
        return;
    }
    const pp_row *r = &f->c->followup.rows[row - nt];
    row_label(f, &r->label, col(f, "extra-fill"), y, h, r->write_in, "row-label-extra");
    if (f->ss && r->write_in) write_in(f, &f->ss->rows[row].label, r, y, h);
    if (r->write_in) write_in_field(f, r, y, h);
    answer_cells(f, g, row, y, h, col(f, "extra-tint"));
}

/* The label of a row, its style's name and the height of its text box in a row h high. */
static const pp_text *label_of(fu *f, size_t row, double h, const char **style, double *th)
{
    size_t nt = f->c->n_themes;
    const pp_row *r = row < nt ? NULL : &f->c->followup.rows[row - nt];
    *style = r ? "row-label-extra" : "row-label";
    *th = r && r->write_in ? mm(f, "write-in-label-h") : h - 2 * mm(f, "cell-pad");
    return r ? &r->label : &f->c->themes[row].name;
}

/* The largest size at which every row label fits its box (wrapping allowed) in rows h high, at
 * most each style's own size: all labels are drawn at it, so no row reads smaller than another. */
static void label_size(fu *f, double h)
{
    size_t n = f->c->n_themes + f->c->followup.n_rows;
    double w = mm(f, "label-w") - 2 * mm(f, "cell-pad");
    double size = fmax(st(f, "row-label")->size, st(f, "row-label-extra")->size);
    /* Fitting at the common size may wrap differently and shrink once more: repeat until stable. */
    for (int round = 0; round < 4; round++) {
        double common = size;
        for (size_t i = 0; i < n; i++) {
            const char *style;
            double th;
            const pp_text *t = label_of(f, i, h, &style, &th);
            const pp_style *s = pp_scene_style(f->s, st(f, style), fmin(size, st(f, style)->size));
            pp_textbox *tb = pp_textbox_fit(f->ts, t->text, s, w, th);
            common = fmin(common, pp_textbox_size(tb));
            pp_textbox_free(tb);
        }
        if (common >= size - 1e-9) break;
        size = common;
    }
    for (int k = 0; k < 2; k++)
        f->labels[k] = pp_scene_style(f->s, st(f, k ? "row-label-extra" : "row-label"), size);
}

/* The width of the yes/no strip: its boxes and the longer of the content's yes and no words at the
 * mark style's size, with mark-label-gap before the divider; at least mark-strip, at most
 * mark-strip-share of the column. Both words are drawn at one size, the largest that fits. */
static void mark_strip(fu *f, double col_w)
{
    const pp_style *m = st(f, "mark");
    double fixed = mm(f, "cell-pad") + mm(f, "mark-box") + 2 * mm(f, "mark-label-gap");
    const char *words[2] = {f->c->yes.text, f->c->no.text};
    double need = 0;
    for (int i = 0; i < 2; i++) {
        pp_textbox *tb = pp_textbox_line(f->ts, words[i], m, f->right - f->left);
        need = fmax(need, pp_textbox_width(tb));
        pp_textbox_free(tb);
    }
    double cap = col_w * pp_layout_num(f->l, "mark-strip-share");
    f->strip = fmin(fmax(mm(f, "mark-strip"), fixed + need), fmax(cap, mm(f, "mark-strip")));
    double size = m->size;
    for (int i = 0; i < 2; i++) {
        pp_textbox *tb = pp_textbox_line(f->ts, words[i], m, f->strip - fixed);
        size = fmin(size, pp_textbox_size(tb));
        pp_textbox_free(tb);
    }
    f->mark = pp_scene_style(f->s, m, size);
}

static bool any_yes_no(const pp_content *c)
{
    for (size_t i = 0; i < c->followup.n_groups; i++)
        for (size_t j = 0; j < c->followup.groups[i].n_columns; j++)
            if (c->followup.groups[i].columns[j].yesno) return true;
    return false;
}

/* The pages of the table: how many rows each holds, and one row height for all. */
typedef struct split {
    size_t n_pages, rows[PP_FOLLOWUP_PAGES_MAX];
    double h;
} split;

/* Rows of height at least least that fit a table body avail high. */
static size_t rows_fitting(double avail, double least, double gap)
{
    return avail < least ? 0 : (size_t)floor((avail + gap) / (least + gap) + 1e-9);
}

/* Splits n rows over p pages whose bodies are first, mid (each page between) and last high, each
 * row at least least high; false when they do not fit. */
static bool split_rows(size_t n, size_t p, double first, double mid, double last, double least,
                       double gap, split *out)
{
    size_t cap[PP_FOLLOWUP_PAGES_MAX], total = 0;
    for (size_t k = 0; k < p; k++) {
        double a = k == p - 1 ? last : k == 0 ? first : mid;
        cap[k] = rows_fitting(a, least, gap);
        total += cap[k];
    }
    if (total < n) return false;
    size_t left = n, later = total;
    out->n_pages = p;
    out->h = G_MAXDOUBLE;
    for (size_t k = 0; k < p; k++) {
        later -= cap[k];
        size_t even = (left + (p - k) - 1) / (p - k), need = left > later ? left - later : 0;
        size_t r = MIN(cap[k], MAX(even, need));
        double a = k == p - 1 ? last : k == 0 ? first : mid;
        out->rows[k] = r;
        if (r) out->h = fmin(out->h, (a - gap * (double)(r - 1)) / (double)r);
        left -= r;
    }
    return true;
}

/* A page after the first: paper, and the table's head at the top margin. */
static void next_page(fu *f)
{
    double w = pp_layout_page_w(f->l), h = pp_layout_page_h(f->l);
    pp_scene_page(f->s, w, h);
    pp_scene_rect(f->s, 0, 0, w, h, pp_fill(col(f, "paper")), "paper");
    /* every page has its own codes, so scan reads each (docs/scanning.md); the content keeps
     * clear of them as on the first, the margins being the same */
    pp_codes_draw_page(f->s, f->l, ++f->page);
    f->y = f->top;
}

static void colophon(fu *f);

/* The table from f->y down to bottom (the last page's, above the footer), over as many pages as its
 * rows need to keep their least height (cell-min, a post-it at A0 and A1), up to pages-max;
 * beyond that the rows are shrunk to one page and the sheet reports it. */
static void table(fu *f, double bottom)
{
    grid g = {
        .label_w = mm(f, "label-w"), .gap = mm(f, "cell-gap"), .n_cols = pp_content_columns(f->c)};
    g.col_w = (f->right - f->left - g.label_w - g.gap * (double)g.n_cols) / (double)g.n_cols;
    mark_strip(f, g.col_w);
    size_t n = f->c->n_themes + f->c->followup.n_rows;
    double head = mm(f, "group-h") + band(f, "question-h") + 2 * g.gap, least = mm(f, "cell-min");
    /* A page that the table continues on ends above the colophon, not above the footer. */
    double page_end = f->bottom - mm(f, "colophon-h") - mm(f, "gap");
    double first = page_end - f->y - head, mid = page_end - f->top - head;
    size_t max = (size_t)pp_layout_num(f->l, "pages-max");
    split sp = {1, {n}, (bottom - f->y - head - g.gap * (double)(n - 1)) / (double)n};
    bool ok = sp.h >= least - 1e-9;
    for (size_t p = 2; !ok && p <= max; p++)
        ok = split_rows(n, p, first, mid, bottom - f->top - head, least, g.gap, &sp);
    if (!ok) sp = (split){1, {n}, (bottom - f->y - head - g.gap * (double)(n - 1)) / (double)n};
    double free_w = g.col_w - (any_yes_no(f->c) ? f->strip : 0);
    if (!ok || free_w < least - 1e-9)
        pp_scene_problem(f->s, f->c, &f->c->followup.name,
                         "the follow-up table's answer cells are %.0f x %.0f mm (%zu rows, %zu "
                         "page(s)); the layout wants at least %.0f mm (cell-min, a post-it) on at "
                         "most %zu page(s) (pages-max)",
                         free_w, sp.h, n, sp.n_pages, least, max);
    label_size(f, sp.h);
    size_t row = 0;
    for (size_t p = 0; p < sp.n_pages; p++) {
        if (p > 0) {
            colophon(f);
            next_page(f);
        }
        group_heads(f, &g);
        questions(f, &g);
        for (size_t k = 0; k < sp.rows[p]; k++, row++) {
            draw_row(f, &g, row, f->y, sp.h);
            f->y += sp.h + g.gap;
        }
    }
}

/* The session's next reflection on the footer's line: the date the content's way, then the text. */
static void next_reflection(fu *f, double x, double y, double w, double h)
{
    const pp_session *ss = f->ss;
    if (!ss->next.text && !ss->next_date.text) return;
    gchar *date = ss->next_date.text ? pp_record_date(&f->c->record, ss->next_date.text) : NULL;
    pp_text t = ss->next_date.text ? ss->next_date : ss->next;
    t.text = g_strjoin(" · ", date ? date : ss->next.text, date ? ss->next.text : NULL, NULL);
    pp_ink_fit(f->s, f->env, &t, st(f, "ink"), x, y, w, h, PP_VALIGN_BOTTOM,
               f->c->followup.footer.text);
    g_free((char *)t.text);
    g_free(date);
}

static void footer(fu *f, double y)
{
    double h = mm(f, "footer-h"), pad = mm(f, "field-pad"), w = f->right - f->left;
    pp_op *box = pp_scene_rect(f->s, f->left, y, w, h, pp_fill(col(f, "field-fill")), "footer");
    box->radius = mm(f, "corner");
    double label_w = w * pp_layout_num(f->l, "footer-label-share");
    pp_textbox *tb = pp_textbox_fit(f->ts, f->c->followup.footer.text, st(f, "footer-label"),
                                    label_w, h - 2 * pad);
    double tw = pp_textbox_width(tb), th = pp_textbox_height(tb);
    pp_scene_text(f->s, tb, f->left + pad, y + (h - th) / 2, f->c, &f->c->followup.footer,
                  "footer");
    double ly = y + h - pad, lx = f->left + 2 * pad + tw;
    pp_scene_line(f->s, lx, ly, f->right - pad, ly, pp_stroke(col(f, "rule"), mm(f, "rule")));
    if (f->ss) next_reflection(f, lx, y + pad, f->right - pad - lx, ly - y - pad);
    if (f->s->form) {
        double fw = f->right - pad - lx, dw = fw * pp_layout_num(f->l, "form-date-share");
        pp_scene_field(f->s, PP_FIELD_TEXT, g_strdup("next-date"), NULL, st(f, "ink"), lx, y + pad,
                       dw, ly - y - pad, f->c->followup.footer.text);
        pp_scene_field(f->s, PP_FIELD_MULTILINE, g_strdup("next"), NULL, st(f, "ink"), lx + dw,
                       y + pad, fw - dw, ly - y - pad, f->c->followup.footer.text);
    }
}

static void colophon(fu *f)
{
    double h = mm(f, "colophon-h");
    text(f, &f->c->colophon.short_line, "colophon", f->left, f->bottom - h, f->right - f->left, h,
         PP_VALIGN_BOTTOM, "colophon");
}

/* The share of their height that the header, the header fields and the column questions keep: less
 * than 1 when giving up at most squeeze-max of it lets every row keep cell-min on one page (a sheet
 * where the table would miss by a little does not continue on a second one); else 1. */
static double squeeze(fu *f)
{
    size_t n = f->c->n_themes + f->c->followup.n_rows;
    double gap = mm(f, "cell-gap"), need = (double)n * mm(f, "cell-min") + gap * (double)(n - 1);
    double bands = mm(f, "header-h") + mm(f, "fields-h") + mm(f, "question-h");
    double rest = 2 * mm(f, "gap") + 2 * mm(f, "table-gap") + mm(f, "group-h") + 2 * gap +
                  mm(f, "footer-h") + mm(f, "colophon-h");
    double missing = need - (f->bottom - f->top - rest - bands);
    if (missing <= 0 || missing > bands * pp_layout_num(f->l, "squeeze-max")) return 1;
    return 1 - missing / bands;
}

void pp_followup_plan(pp_scene *s, const pp_sheet_env *env)
{
    pp_layout *l = env->layout;
    double w = pp_layout_page_w(l), h = pp_layout_page_h(l), m = pp_layout_mm(l, "margin");
    pp_page *page = pp_scene_page(s, w, h);
    page->outline = env->content->followup.name.text;
    /* everything keeps clear of the scan codes (sheets/codes.h) */
    double x = m, y = m, aw = w - 2 * m, ah = h - 2 * m;
    pp_codes_keep_clear(s, l, w, h, &x, &y, &aw, &ah);
    fu f = {
        env, env->session, s, env->content, env->ts, l, x, x + aw, y, y + ah, y, 0, NULL, {NULL}, 1,
        0};
    f.squeeze = squeeze(&f);
    pp_scene_rect(s, 0, 0, w, h, pp_fill(col(&f, "paper")), "paper");
    pp_codes_draw(s, l);
    header(&f);
    fields(&f);
    double foot_y = f.bottom - mm(&f, "colophon-h") - mm(&f, "gap") - mm(&f, "footer-h");
    table(&f, foot_y - mm(&f, "table-gap"));
    footer(&f, foot_y);
    colophon(&f);
}

/* Every name this sheet reads from layouts/followup.xml. */
const pp_layout_key pp_followup_keys[] = {
    PP_CODES_KEYS,
    PP_STYLE("colophon"),
    PP_STYLE("field-label"),
    PP_STYLE("footer-label"),
    PP_STYLE("group"),
    PP_STYLE("ink"),
    PP_STYLE("ink-field"),
    PP_STYLE("instrument"),
    PP_STYLE("kicker"),
    PP_STYLE("mark"),
    PP_STYLE("question"),
    PP_STYLE("row-label"),
    PP_STYLE("row-label-extra"),
    PP_STYLE("title"),
    PP_COLOUR("accent"),
    PP_COLOUR("extra-fill"),
    PP_COLOUR("extra-tint"),
    PP_COLOUR("field-fill"),
    PP_COLOUR("group-fill"),
    PP_COLOUR("ink"),
    PP_COLOUR("paper"),
    PP_COLOUR("pen"),
    PP_COLOUR("question-fill"),
    PP_COLOUR("rule"),
    PP_LENGTH("cell-gap"),
    PP_LENGTH("cell-min"),
    PP_LENGTH("cell-pad"),
    PP_LENGTH("colophon-h"),
    PP_LENGTH("corner"),
    PP_LENGTH("field-gap"),
    PP_LENGTH("field-label-h"),
    PP_LENGTH("field-pad"),
    PP_LENGTH("fields-h"),
    PP_LENGTH("footer-h"),
    PP_LENGTH("gap"),
    PP_LENGTH("group-h"),
    PP_LENGTH("header-h"),
    PP_LENGTH("ink-line"),
    PP_LENGTH("ink-overshoot"),
    PP_LENGTH("instrument-w"),
    PP_LENGTH("kicker-h"),
    PP_LENGTH("label-w"),
    PP_LENGTH("margin"),
    PP_LENGTH("mark-box"),
    PP_LENGTH("mark-gap"),
    PP_LENGTH("mark-label-gap"),
    PP_LENGTH("mark-line"),
    PP_LENGTH("mark-strip"),
    PP_LENGTH("question-h"),
    PP_LENGTH("rule"),
    PP_LENGTH("rule-strong"),
    PP_LENGTH("table-gap"),
    PP_LENGTH("write-in-label-h"),
    PP_NUMBER("first-field-weight"),
    PP_NUMBER("footer-label-share"),
    PP_NUMBER("form-date-share"),
    PP_NUMBER_IN("mark-strip-share", 0.1, 0.9),
    PP_NUMBER_IN("pages-max", 1, PP_FOLLOWUP_PAGES_MAX),
    PP_NUMBER_IN("squeeze-max", 0, 0.5),
    PP_NUMBER("tint-theme"),
    PP_THEMES_MIN,
    PP_THEMES_MAX,
};
const size_t pp_followup_n_keys = sizeof pp_followup_keys / sizeof pp_followup_keys[0];
