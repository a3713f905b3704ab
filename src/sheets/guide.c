/* The guide: the instrument's title block, then its sections (headings, paragraphs, bullet and
 * numbered lists) and the colophon, flowed through columns and pages. Sizes and styles:
 * layouts/guide.xml. */
#include "sheets/flow.h"
#include "sheets/sheet.h"

#include <glib.h>
#include <math.h>
#include <string.h>

typedef struct gd {
    pp_flow f; /* the columns and pages */
    pp_scene *s;
    const pp_content *c;
    pp_typeset *ts;
    pp_layout *l;
    int page_no;
    /* Body text set to measure what a heading keeps with it (body_h), kept for the paragraph or
     * list item that then sets the same text at the same width (body_flow): each is laid out once.
     * Owned; freed by pp_guide_plan. */
    GPtrArray *measured;
} gd;

static double mm(gd *g, const char *name)
{
    return pp_layout_mm(g->l, name);
}

static const pp_style *st(gd *g, const char *name)
{
    return pp_layout_style(g->l, name);
}

/* Each new page's running footer: the colophon's short line and the page number. */
static void page_footer(pp_flow *f, void *user)
{
    gd *g = user;
    g->page_no++;
    double h = mm(g, "footer-h"), y = f->page_h - mm(g, "margin-bottom") + mm(g, "footer-gap");
    double w = f->page_w - 2 * f->left, share = pp_layout_num(g->l, "footer-share");
    pp_scene_fit(g->s, g->ts, g->c, &g->c->colophon.short_line, st(g, "footer"), f->left, y,
                 w * share, h, PP_VALIGN_TOP, "footer");
    char num[16];
    snprintf(num, sizeof num, "%d", g->page_no);
    pp_text t = {"page-number", num, 0, NULL, NULL};
    pp_scene_fit(g->s, g->ts, g->c, &t, st(g, "page-number"), f->left + w * share, y,
                 w * (1 - share), h, PP_VALIGN_TOP, "page number");
}

static double line_h(gd *g, const char *style)
{
    const pp_style *s = st(g, style);
    return s->size * s->leading * PP_PT_MM;
}

static void blocks(gd *g, const pp_block *b, size_t n, double indent, int depth);

/* text set in the body style at width w: the one body_h measured, or a new one. Caller owns it. */
static pp_textbox *body_flow(gd *g, const char *text, double w)
{
    for (guint i = 0; i < g->measured->len; i++) {
        pp_textbox *tb = g_ptr_array_index(g->measured, i);
        if (strcmp(pp_textbox_text(tb), text) == 0 && fabs(pp_textbox_box_w(tb) - w) < 1e-9)
            return g_ptr_array_steal_index(g->measured, i);
    }
    return pp_textbox_flow(g->ts, text, st(g, "body"), w);
}

/* keep: room the next block needs on the same column (a paragraph that introduces a list keeps the
 * list's first lines with it). */
static void paragraph(gd *g, const pp_text *t, const char *style, double indent, double before,
                      double keep)
{
    double w = g->f.width - indent;
    pp_textbox *tb = strcmp(style, "body") == 0 ? body_flow(g, t->text, w)
                                                : pp_textbox_flow(g->ts, t->text, st(g, style), w);
    pp_flow_block(&g->f, tb, t, indent, before, keep, "paragraph");
}

/* keep: room the section's first block needs on the same column as its heading. */
static void heading(gd *g, const pp_text *t, int depth, double indent, double keep)
{
    const char *style = depth <= 1 ? "h1" : "h2";
    double before = depth <= 1 ? mm(g, "h1-before") : mm(g, "h2-before");
    double after = depth <= 1 ? mm(g, "h1-after") : mm(g, "h2-after");
    pp_textbox *tb = pp_textbox_flow(g->ts, t->text, st(g, style), g->f.width - indent);
    pp_flow_block(&g->f, tb, t, indent, before, after + keep, "heading");
    g->f.y += after;
}

/* The marker of item i: a dot for bullets, a number for ordered lists, set beside the first line.
 */
static void marker(gd *g, const pp_block *list, size_t i, double indent)
{
    double x = pp_flow_x(&g->f) + indent, first = line_h(g, "body") / 2;
    if (!list->ordered) {
        pp_rgb c = pp_layout_colour(g->l, "bullet");
        pp_scene_circle(g->s, x + mm(g, "bullet-r"), g->f.y + first, mm(g, "bullet-r"), pp_fill(c));
        return;
    }
    char num[24];
    snprintf(num, sizeof num, "%zu.", i + 1);
    pp_text t = {list->text.id, num, list->text.line, NULL, NULL};
    pp_scene_fit(g->s, g->ts, g->c, &t, st(g, "number"), x, g->f.y, mm(g, "list-indent"), 2 * first,
                 PP_VALIGN_TOP, "list number");
}

static void list(gd *g, const pp_block *b, double indent, int depth)
{
    double item_indent = indent + mm(g, "list-indent");
    for (size_t i = 0; i < b->n_children; i++) {
        const pp_block *item = &b->children[i];
        const pp_block *first = &item->children[0];
        double before = i == 0 ? mm(g, "para-gap") : mm(g, "item-gap");
        if (first->kind == PP_BLOCK_P) {
            pp_textbox *tb = body_flow(g, first->text.text, g->f.width - item_indent);
            double h = pp_textbox_height(tb);
            if (g->f.y > g->f.col_top && g->f.y + before + h > g->f.bottom)
                pp_flow_advance(&g->f);
            else if (g->f.y > g->f.col_top)
                g->f.y += before;
            marker(g, b, i, indent);
            pp_flow_block(&g->f, tb, &first->text, item_indent, 0, 0, "list item");
            blocks(g, item->children + 1, item->n_children - 1, item_indent, depth + 1);
        } else {
            blocks(g, item->children, item->n_children, item_indent, depth + 1);
        }
    }
}

/* The height of text set in the body style at width w, with the paragraph gap before it. */
static double body_h(gd *g, const char *text, double w)
{
    pp_textbox *tb = body_flow(g, text, w);
    g_ptr_array_add(g->measured, tb);
    return mm(g, "para-gap") + pp_textbox_height(tb);
}

/* The room a list's first item takes, with the gap before it: what its intro keeps with it. */
static double first_item_h(gd *g, const pp_block *list, double indent)
{
    const pp_block *first = list->n_children ? &list->children[0].children[0] : NULL;
    if (!first || first->kind != PP_BLOCK_P) return 2 * line_h(g, "body");
    return body_h(g, first->text.text, g->f.width - (indent + mm(g, "list-indent")));
}

/* What a heading keeps with it: its first paragraph whole (and, for a list's intro, the list's
 * first item), or the first item of a list; two lines of text otherwise. */
static double section_keep(gd *g, const pp_block *sec, double indent)
{
    const pp_block *c = sec->children;
    if (sec->n_children && c[0].kind == PP_BLOCK_LIST) return first_item_h(g, &c[0], indent);
    if (!sec->n_children || c[0].kind != PP_BLOCK_P) return 2 * line_h(g, "body");
    double h = body_h(g, c[0].text.text, g->f.width - indent);
    bool intro = sec->n_children > 1 && c[1].kind == PP_BLOCK_LIST;
    return h + (intro ? first_item_h(g, &c[1], indent) : 0);
}

static void blocks(gd *g, const pp_block *b, size_t n, double indent, int depth)
{
    for (size_t i = 0; i < n; i++) {
        switch (b[i].kind) {
        case PP_BLOCK_P: {
            bool intro = i + 1 < n && b[i + 1].kind == PP_BLOCK_LIST;
            paragraph(g, &b[i].text, "body", indent, mm(g, "para-gap"),
                      intro ? first_item_h(g, &b[i + 1], indent) : 0);
            break;
        }
        case PP_BLOCK_LIST:
            list(g, &b[i], indent, depth);
            break;
        case PP_BLOCK_SECTION:
            heading(g, &b[i].text, depth, indent, section_keep(g, &b[i], indent));
            blocks(g, b[i].children, b[i].n_children, indent, depth + 1);
            break;
        case PP_BLOCK_ITEM:
            blocks(g, b[i].children, b[i].n_children, indent, depth);
            break;
        }
    }
}

/* The title block across all columns of the first page. */
static void title_block(gd *g)
{
    const pp_content *c = g->c;
    pp_flow *f = &g->f;
    double w = f->page_w - 2 * f->left;
    const struct {
        const pp_text *t;
        const char *style;
        const char *gap;
    } parts[] = {{&c->category, "kicker", "kicker-after"},
                 {&c->title, "title", "title-after"},
                 {&c->subtitle, "subtitle", "subtitle-after"},
                 {&c->tagline, "lead", "lead-after"}};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        if (!parts[i].t->text) continue;
        pp_textbox *tb = pp_textbox_flow(g->ts, parts[i].t->text, st(g, parts[i].style), w);
        pp_scene_text(g->s, tb, f->left, f->y, c, parts[i].t, parts[i].style);
        f->y += pp_textbox_height(tb) + mm(g, parts[i].gap);
    }
    pp_scene_line(g->s, f->left, f->y, f->left + w, f->y,
                  pp_stroke(pp_layout_colour(g->l, "accent"), mm(g, "rule-strong")));
    f->y += mm(g, "title-rule-after");
    f->col_top = f->y; /* the columns of this page start under the title block */
}

static void colophon(gd *g)
{
    heading(g, &g->c->colophon.heading, 2, 0, 2 * line_h(g, "colophon"));
    for (size_t i = 0; i < g->c->colophon.n_body; i++)
        paragraph(g, &g->c->colophon.body[i].text, "colophon", 0, mm(g, "para-gap"), 0);
}

void pp_guide_plan(pp_scene *s, const pp_sheet_env *env)
{
    pp_layout *l = env->layout;
    gd g = {.s = s,
            .c = env->content,
            .ts = env->ts,
            .l = l,
            .measured = g_ptr_array_new_with_free_func((GDestroyNotify)pp_textbox_free)};
    pp_flow *f = &g.f;
    *f = (pp_flow){.s = s,
                   .env = env,
                   .page_w = pp_layout_page_w(l),
                   .page_h = pp_layout_page_h(l),
                   .left = pp_layout_mm(l, "margin-x"),
                   .top = pp_layout_mm(l, "margin-top"),
                   .columns = (int)fmax(1, round(pp_layout_num(l, "columns"))),
                   .gap = pp_layout_mm(l, "column-gap"),
                   .on_page = page_footer,
                   .user = &g,
                   .outline = env->content->title.text,
                   .paper = pp_layout_colour(l, "paper")};
    f->width = (f->page_w - 2 * f->left - f->gap * (f->columns - 1)) / f->columns;
    f->bottom = f->page_h - pp_layout_mm(l, "margin-bottom");
    pp_flow_page(f);
    title_block(&g);
    blocks(&g, env->content->guide, env->content->n_guide, 0, 1);
    colophon(&g);
    g_ptr_array_unref(g.measured);
}

/* Every name this sheet reads from layouts/guide.xml. */
const pp_layout_key pp_guide_keys[] = {
    PP_STYLE("body"),
    PP_STYLE("colophon"),
    PP_STYLE("footer"),
    PP_STYLE("h1"),
    PP_STYLE("h2"),
    PP_STYLE("kicker"),
    PP_STYLE("lead"),
    PP_STYLE("number"),
    PP_STYLE("page-number"),
    PP_STYLE("subtitle"),
    PP_STYLE("title"),
    PP_COLOUR("accent"),
    PP_COLOUR("bullet"),
    PP_COLOUR("paper"),
    PP_LENGTH("bullet-r"),
    PP_LENGTH("column-gap"),
    PP_LENGTH("footer-gap"),
    PP_LENGTH("footer-h"),
    PP_LENGTH("h1-after"),
    PP_LENGTH("h1-before"),
    PP_LENGTH("h2-after"),
    PP_LENGTH("h2-before"),
    PP_LENGTH("item-gap"),
    PP_LENGTH("kicker-after"),
    PP_LENGTH("lead-after"),
    PP_LENGTH("list-indent"),
    PP_LENGTH("margin-bottom"),
    PP_LENGTH("margin-top"),
    PP_LENGTH("margin-x"),
    PP_LENGTH("para-gap"),
    PP_LENGTH("rule-strong"),
    PP_LENGTH("subtitle-after"),
    PP_LENGTH("title-after"),
    PP_LENGTH("title-rule-after"),
    PP_NUMBER("columns"),
    PP_NUMBER("footer-share"),
    PP_THEMES_MIN,
    PP_THEMES_MAX,
};
const size_t pp_guide_n_keys = sizeof pp_guide_keys / sizeof pp_guide_keys[0];
