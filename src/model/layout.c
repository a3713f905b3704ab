#include "model/layout.h"

#include "model/arena.h"
#include "model/xml.h"

#include <glib.h>
#include <libxml/parser.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The same order as pp_key_kind. */
typedef enum kind { K_LENGTH, K_NUMBER, K_COLOUR, K_STYLE } kind;
static const char *const kind_names[] = {"length", "number", "colour", "style"};

/* One named value. Invariant: after loading, value holds the resolved value for the paper. */
typedef struct entry {
    kind kind;
    const char *name;
    long line;
    bool fixed;    /* not scaled with the paper */
    bool by_style; /* a colour some style uses */
    union {
        double value; /* mm for lengths */
        pp_rgb rgb;
        pp_style style;
    } u;
} entry;

struct pp_layout {
    pp_arena *a;
    const char *path, *sheet;
    long root_line;
    const pp_paper *paper;
    bool landscape;
    double scale;
    entry *e;
    size_t n, cap;
    pp_rgb *palette;
    size_t n_palette;
    pp_error lookup;           /* sticky: first failed lookup */
    const pp_layout_key *keys; /* after pp_layout_check: the names a lookup may ask for */
    size_t n_keys;
};

typedef struct ctx {
    pp_layout *l;
    pp_error *err;
} ctx;

/* A locale-independent number in [lo, hi]; false with an error otherwise. */
static bool number_attr(ctx *c, xmlNodePtr n, const char *attr, double lo, double hi, double *out)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    if (!v) return pp_xml_fail(c->err, c->l->path, n, "missing attribute %s", attr);
    char *end = NULL;
    double d = g_ascii_strtod((const char *)v, &end);
    bool okv = end && end != (char *)v && *end == '\0' && isfinite(d) && d >= lo && d <= hi;
    if (!okv) {
        char what[200];
        snprintf(what, sizeof what, "attribute %s=\"%.40s\" must be a number from %g to %g", attr,
                 (const char *)v, lo, hi);
        xmlFree(v);
        return pp_xml_fail(c->err, c->l->path, n, "%s", what);
    }
    xmlFree(v);
    *out = d;
    return true;
}

static bool colour_value(ctx *c, xmlNodePtr n, const char *attr, pp_rgb *out)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    const char *s = (const char *)v;
    bool okv = v && strlen(s) == 7 && s[0] == '#';
    for (int i = 1; okv && i < 7; i++)
        okv = g_ascii_isxdigit(s[i]);
    double ch[3] = {0};
    for (int i = 0; okv && i < 3; i++)
        ch[i] =
            (g_ascii_xdigit_value(s[1 + 2 * i]) * 16 + g_ascii_xdigit_value(s[2 + 2 * i])) / 255.0;
    xmlFree(v);
    if (!okv)
        return pp_xml_fail(c->err, c->l->path, n, "attribute %s must be a colour like \"#1F2933\"",
                           attr);
    *out = (pp_rgb){ch[0], ch[1], ch[2]};
    return true;
}

static entry *find(pp_layout *l, kind k, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->e[i].kind == k && strcmp(l->e[i].name, name) == 0) return &l->e[i];
    return NULL;
}

static entry *add(ctx *c, xmlNodePtr n, kind k, const char *name)
{
    pp_layout *l = c->l;
    if (find(l, k, name))
        return pp_xml_fail(c->err, c->l->path, n, "\"%s\" is defined twice", name), NULL;
    if (l->n == l->cap) {
        if (l->cap >= PP_MAX_LAYOUT_ENTRIES)
            return pp_xml_fail(c->err, c->l->path, n, "too many entries (limit %d)",
                               PP_MAX_LAYOUT_ENTRIES),
                   NULL;
        size_t cap = l->cap ? l->cap * 2 : 64;
        entry *e = pp_arena_calloc(l->a, cap, sizeof *e);
        if (l->n) memcpy(e, l->e, l->n * sizeof *e);
        l->e = e;
        l->cap = cap;
    }
    entry *e = &l->e[l->n++];
    *e = (entry){.kind = k, .name = name, .line = pp_xml_line(n)};
    return e;
}

/* Reads a style's attributes onto s; with base false every attribute is optional (a paper
 * override). */
static bool style_attrs(ctx *c, xmlNodePtr n, pp_style *s, bool base)
{
    static const char *const required[] = {"family", "size", "min", "colour"};
    for (size_t i = 0; base && i < 4; i++)
        if (!xmlHasProp(n, (const xmlChar *)required[i]))
            return pp_xml_fail(c->err, c->l->path, n, "style needs a %s attribute", required[i]);
    char *v;
    if ((v = pp_xml_attr(c->l->a, n, "family"))) s->family = v;
    double d;
    if (xmlHasProp(n, (const xmlChar *)"size") &&
        !number_attr(c, n, "size", 1, PP_MAX_PT, &s->size))
        return false;
    if (xmlHasProp(n, (const xmlChar *)"min") && !number_attr(c, n, "min", 1, PP_MAX_PT, &s->min))
        return false;
    if (xmlHasProp(n, (const xmlChar *)"weight")) {
        if (!number_attr(c, n, "weight", 100, 900, &d)) return false;
        s->weight = (int)d;
    }
    if (xmlHasProp(n, (const xmlChar *)"leading") &&
        !number_attr(c, n, "leading", 0.8, 3, &s->leading))
        return false;
    if (xmlHasProp(n, (const xmlChar *)"tracking") &&
        !number_attr(c, n, "tracking", -0.2, 1, &s->tracking))
        return false;
    if ((v = pp_xml_attr(c->l->a, n, "colour"))) {
        entry *col = find(c->l, K_COLOUR, v);
        if (!col) return pp_xml_fail(c->err, c->l->path, n, "unknown colour \"%s\"", v);
        s->colour = col->u.rgb;
        col->by_style = true;
    }
    if ((v = pp_xml_attr(c->l->a, n, "align"))) {
        if (strcmp(v, "start") == 0)
            s->align = PP_ALIGN_START;
        else if (strcmp(v, "center") == 0)
            s->align = PP_ALIGN_CENTER;
        else if (strcmp(v, "end") == 0)
            s->align = PP_ALIGN_END;
        else
            return pp_xml_fail(c->err, c->l->path, n,
                               "align must be start, center or end, not \"%s\"", v);
    }
    if ((v = pp_xml_attr(c->l->a, n, "italic"))) s->italic = strcmp(v, "yes") == 0;
    if ((v = pp_xml_attr(c->l->a, n, "hyphenate"))) s->hyphenate = strcmp(v, "yes") == 0;
    if (s->min > s->size)
        return pp_xml_fail(c->err, c->l->path, n, "style \"%s\": min is larger than size", s->name);
    return true;
}

static const char *name_attr(ctx *c, xmlNodePtr n)
{
    char *name = pp_xml_attr(c->l->a, n, "name");
    if (!name || !name[0])
        pp_xml_fail(c->err, c->l->path, n, "<%s> needs a name attribute", (const char *)n->name);
    return name;
}

/* A definition in the layout body. */
static bool define(ctx *c, xmlNodePtr n)
{
    if (pp_xml_is(n, "palette")) return true; /* read separately */
    kind k;
    if (pp_xml_is(n, "length"))
        k = K_LENGTH;
    else if (pp_xml_is(n, "number"))
        k = K_NUMBER;
    else if (pp_xml_is(n, "colour"))
        k = K_COLOUR;
    else if (pp_xml_is(n, "style"))
        k = K_STYLE;
    else if (pp_xml_is(n, "paper"))
        return true; /* applied after the body */
    else
        return pp_xml_fail(c->err, c->l->path, n, "unknown element <%s> in <layout>",
                           (const char *)n->name);
    const char *name = name_attr(c, n);
    entry *e = name ? add(c, n, k, name) : NULL;
    if (!e) return false;
    char *scale = pp_xml_attr(c->l->a, n, "scale");
    e->fixed = scale && strcmp(scale, "fixed") == 0;
    switch (k) {
    case K_LENGTH:
        return number_attr(c, n, "mm", 0, PP_MAX_MM, &e->u.value);
    case K_NUMBER:
        return number_attr(c, n, "value", -PP_MAX_MM, PP_MAX_MM, &e->u.value);
    case K_COLOUR:
        return colour_value(c, n, "rgb", &e->u.rgb);
    case K_STYLE:
        e->u.style = (pp_style){.name = name, .weight = 400, .leading = 1.2};
        return style_attrs(c, n, &e->u.style, true);
    }
    return false;
}

static void scale_entries(pp_layout *l)
{
    for (size_t i = 0; i < l->n; i++) {
        entry *e = &l->e[i];
        if (e->fixed) continue;
        if (e->kind == K_LENGTH) e->u.value *= l->scale;
        if (e->kind == K_STYLE) {
            e->u.style.size *= l->scale;
            e->u.style.min *= l->scale;
        }
    }
}

/* Applies one <paper> block's values: exact, unscaled, and only for names the body defines. */
static bool override(ctx *c, xmlNodePtr block)
{
    for (xmlNodePtr n = pp_xml_first(block, c->l->path, c->err); n;
         n = pp_xml_next(n, c->l->path, c->err)) {
        const char *name = name_attr(c, n);
        if (!name) return false;
        kind k = pp_xml_is(n, "length") ? K_LENGTH : pp_xml_is(n, "style") ? K_STYLE : K_NUMBER;
        if (!pp_xml_is(n, "length") && !pp_xml_is(n, "style") && !pp_xml_is(n, "number"))
            return pp_xml_fail(c->err, c->l->path, n,
                               "<paper> may set <length>, <number> and <style>, not <%s>",
                               (const char *)n->name);
        entry *e = find(c->l, k, name);
        if (!e)
            return pp_xml_fail(c->err, c->l->path, n, "\"%s\" is not defined in the layout body",
                               name);
        bool okv = k == K_LENGTH   ? number_attr(c, n, "mm", 0, PP_MAX_MM, &e->u.value)
                   : k == K_NUMBER ? number_attr(c, n, "value", -PP_MAX_MM, PP_MAX_MM, &e->u.value)
                                   : style_attrs(c, n, &e->u.style, false);
        if (!okv) return false;
    }
    return !pp_error_isset(c->err);
}

static bool load_palette(ctx *c, xmlNodePtr root)
{
    for (xmlNodePtr n = pp_xml_first(root, c->l->path, c->err); n;
         n = pp_xml_next(n, c->l->path, c->err)) {
        if (!pp_xml_is(n, "palette")) continue;
        if (c->l->palette)
            return pp_xml_fail(c->err, c->l->path, n, "only one <palette> is allowed");
        c->l->palette = pp_arena_calloc(c->l->a, PP_MAX_PALETTE, sizeof(pp_rgb));
        for (xmlNodePtr k = pp_xml_first(n, c->l->path, c->err); k;
             k = pp_xml_next(k, c->l->path, c->err)) {
            if (!pp_xml_is(k, "colour"))
                return pp_xml_fail(c->err, c->l->path, k, "<palette> holds <colour> only");
            if (c->l->n_palette == PP_MAX_PALETTE)
                return pp_xml_fail(c->err, c->l->path, k, "more than %d palette colours",
                                   PP_MAX_PALETTE);
            if (!colour_value(c, k, "rgb", &c->l->palette[c->l->n_palette++])) return false;
        }
    }
    return !pp_error_isset(c->err);
}

static bool load_body(ctx *c, xmlNodePtr root, int orientation)
{
    pp_layout *l = c->l;
    char *format = pp_xml_attr(l->a, root, "format");
    if (!format || strcmp(format, "1") != 0)
        return pp_xml_fail(c->err, c->l->path, root, "unsupported layout format");
    l->root_line = pp_xml_line(root);
    l->sheet = pp_xml_attr(l->a, root, "sheet");
    if (!l->sheet) return pp_xml_fail(c->err, c->l->path, root, "<layout> needs a sheet attribute");
    char *orient = pp_xml_attr(l->a, root, "orientation");
    if (!orient || (strcmp(orient, "landscape") != 0 && strcmp(orient, "portrait") != 0))
        return pp_xml_fail(c->err, c->l->path, root, "orientation must be landscape or portrait");
    l->landscape = orientation ? orientation > 0 : strcmp(orient, "landscape") == 0;
    char *ref = pp_xml_attr(l->a, root, "reference");
    const pp_paper *rp = pp_paper_find(ref);
    if (!rp)
        return pp_xml_fail(c->err, c->l->path, root, "reference must be a paper size (%s)",
                           pp_paper_names());
    l->scale = pp_paper_scale(l->paper, rp);
    /* Colours first, so styles can name colours defined anywhere in the body. */
    for (int pass = 0; pass < 2; pass++)
        for (xmlNodePtr n = pp_xml_first(root, l->path, c->err); n && !pp_error_isset(c->err);
             n = pp_xml_next(n, l->path, c->err))
            if ((pass == 0) == pp_xml_is(n, "colour") && !define(c, n)) return false;
    if (pp_error_isset(c->err) || !load_palette(c, root)) return false;
    scale_entries(l);
    for (xmlNodePtr n = pp_xml_first(root, l->path, c->err); n;
         n = pp_xml_next(n, l->path, c->err)) {
        if (!pp_xml_is(n, "paper")) continue;
        char *size = pp_xml_attr(l->a, n, "size");
        if (!pp_paper_find(size))
            return pp_xml_fail(c->err, c->l->path, n, "unknown paper size \"%s\"",
                               size ? size : "");
        if (pp_paper_find(size) == l->paper && !override(c, n)) return false;
    }
    return !pp_error_isset(c->err);
}

pp_layout *pp_layout_load(const char *path, const pp_paper *paper, int orientation, pp_error *err)
{
    xmlDocPtr doc = pp_xml_read(path, "layout", NULL, err);
    if (!doc) return NULL;
    pp_layout *l = g_new0(pp_layout, 1);
    l->a = pp_arena_new();
    l->path = pp_arena_strdup(l->a, path);
    l->paper = paper;
    ctx c = {l, err};
    bool okv = load_body(&c, xmlDocGetRootElement(doc), orientation);
    xmlFreeDoc(doc);
    if (!okv) {
        pp_layout_free(l);
        return NULL;
    }
    return l;
}

void pp_layout_free(pp_layout *l)
{
    if (!l) return;
    pp_arena_free(l->a);
    g_free(l);
}

double pp_layout_page_w(const pp_layout *l)
{
    return l->landscape ? l->paper->h : l->paper->w;
}

double pp_layout_page_h(const pp_layout *l)
{
    return l->landscape ? l->paper->w : l->paper->h;
}

const char *pp_layout_sheet(const pp_layout *l)
{
    return l->sheet;
}

const char *pp_key_kind_name(pp_key_kind k)
{
    return kind_names[k];
}

static const pp_layout_key *declared(const pp_layout *l, kind k, const char *name)
{
    for (size_t i = 0; i < l->n_keys; i++)
        if ((kind)l->keys[i].kind == k && strcmp(l->keys[i].name, name) == 0) return &l->keys[i];
    return NULL;
}

/* Range checks run on the resolved value (after scaling and the paper's block). */
static bool key_in_range(pp_layout *l, const pp_layout_key *k, const entry *e, pp_error *err)
{
    if (k->lo == k->hi || (e->u.value >= k->lo && e->u.value <= k->hi)) return true;
    pp_error_set(err, PP_ERR_INVALID, l->path, e->line,
                 "the %s \"%s\" is %g here; this sheet needs %g to %g",
                 k->kind == PP_KEY_LENGTH ? "length (mm)" : "number", e->name, e->u.value, k->lo,
                 k->hi);
    return false;
}

static bool entry_declared(pp_layout *l, const entry *e, pp_error *err)
{
    const pp_layout_key *k = declared(l, e->kind, e->name);
    if (k) return e->kind == K_COLOUR || e->kind == K_STYLE || key_in_range(l, k, e, err);
    if (e->kind == K_COLOUR && e->by_style) return true;
    pp_error_set(err, PP_ERR_INVALID, l->path, e->line,
                 "the %s sheet reads no %s \"%s\"%s (docs/layout-format.md lists its names)",
                 l->sheet, kind_names[e->kind], e->name,
                 e->kind == K_COLOUR ? ", and no style uses it" : "");
    return false;
}

pp_status pp_layout_check(pp_layout *l, const char *sheet, const pp_layout_key *keys, size_t n,
                          pp_error *err)
{
    if (strcmp(l->sheet, sheet) != 0)
        return pp_error_set(err, PP_ERR_INVALID, l->path, l->root_line,
                            "this is a layout for the %s sheet, not for %s", l->sheet, sheet);
    l->keys = keys;
    l->n_keys = n;
    for (size_t i = 0; i < l->n; i++)
        if (!entry_declared(l, &l->e[i], err)) return err->status;
    for (size_t i = 0; i < n; i++)
        if (!keys[i].optional && !find(l, (kind)keys[i].kind, keys[i].name))
            return pp_error_set(err, PP_ERR_INVALID, l->path, l->root_line,
                                "the layout lacks the %s \"%s\", which the %s sheet needs",
                                kind_names[keys[i].kind], keys[i].name, sheet);
    return PP_OK;
}

static entry *lookup(pp_layout *l, kind k, const char *name)
{
    entry *e = find(l, k, name);
    if (l->keys && !declared(l, k, name))
        pp_error_set(&l->lookup, PP_ERR_INVALID, l->path, 0,
                     "the %s sheet reads the %s \"%s\", which it does not declare (a bug)",
                     l->sheet, kind_names[k], name);
    else if (!e)
        pp_error_set(&l->lookup, PP_ERR_INVALID, l->path, 0, "the layout lacks the %s \"%s\"",
                     kind_names[k], name);
    return e;
}

double pp_layout_mm(pp_layout *l, const char *name)
{
    entry *e = lookup(l, K_LENGTH, name);
    return e ? e->u.value : 1;
}

bool pp_layout_has_number(const pp_layout *l, const char *name)
{
    return find((pp_layout *)l, K_NUMBER, name) != NULL;
}

double pp_layout_num(pp_layout *l, const char *name)
{
    entry *e = lookup(l, K_NUMBER, name);
    return e ? e->u.value : 1;
}

/* The entry's value if it lies in [lo, hi]; else a sticky error at its line, and the nearest bound
 * (so a loop that depends on it still ends). */
static double in_range(pp_layout *l, entry *e, const char *what, double lo, double hi)
{
    if (!e) return lo;
    if (e->u.value >= lo && e->u.value <= hi) return e->u.value;
    pp_error_set(&l->lookup, PP_ERR_INVALID, l->path, e->line,
                 "the %s \"%s\" is %g here; this sheet needs %g to %g", what, e->name, e->u.value,
                 lo, hi);
    return e->u.value < lo ? lo : hi;
}

double pp_layout_num_in(pp_layout *l, const char *name, double lo, double hi)
{
    return in_range(l, lookup(l, K_NUMBER, name), "number", lo, hi);
}

double pp_layout_mm_in(pp_layout *l, const char *name, double lo, double hi)
{
    return in_range(l, lookup(l, K_LENGTH, name), "length (mm)", lo, hi);
}

pp_rgb pp_layout_colour(pp_layout *l, const char *name)
{
    entry *e = lookup(l, K_COLOUR, name);
    return e ? e->u.rgb : (pp_rgb){0, 0, 0};
}

const pp_style *pp_layout_style(pp_layout *l, const char *name)
{
    static const pp_style fallback = {"fallback", "sans-serif",   400,  false, 10, 10, 1.2, 0,
                                      {0, 0, 0},  PP_ALIGN_START, false};
    entry *e = lookup(l, K_STYLE, name);
    return e ? &e->u.style : &fallback;
}

pp_rgb pp_layout_palette(pp_layout *l, size_t i)
{
    if (i < l->n_palette) return l->palette[i];
    pp_error_set(&l->lookup, PP_ERR_INVALID, l->path, 0,
                 "the layout's palette has %zu colours; the content needs at least %zu",
                 l->n_palette, i + 1);
    return (pp_rgb){0.5, 0.5, 0.5};
}

size_t pp_layout_palette_size(const pp_layout *l)
{
    return l->n_palette;
}

pp_status pp_layout_status(const pp_layout *l, pp_error *err)
{
    if (!pp_error_isset(&l->lookup)) return PP_OK;
    if (!pp_error_isset(err)) *err = l->lookup;
    return l->lookup.status;
}

size_t pp_layout_n_styles(const pp_layout *l)
{
    size_t n = 0;
    for (size_t i = 0; i < l->n; i++)
        n += l->e[i].kind == K_STYLE;
    return n;
}

const pp_style *pp_layout_style_at(const pp_layout *l, size_t i)
{
    for (size_t k = 0; k < l->n; k++)
        if (l->e[k].kind == K_STYLE && i-- == 0) return &l->e[k].u.style;
    return NULL;
}
