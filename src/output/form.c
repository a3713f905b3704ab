#include "output/form.h"

#include "model/formfields.h"
#include "output/draw.h"
#include "output/qpdfx.h"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_FONT_FORMATS_H
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Field flags and annotation flags (PDF 32000-1, tables 221, 226, 228, 165). */
enum {
    FF_READ_ONLY = 1 << 0,
    FF_MULTILINE = 1 << 12,
    FF_NO_TOGGLE_OFF = 1 << 14,
    FF_RADIO = 1 << 15,
    F_HIDDEN = 1 << 1,
    F_PRINT = 1 << 2
};
/* The resource name of the typed text's font. */
static const char FONT_RES[] = "PPInk";
/* WinAnsiEncoding's codes 128 … 159 in Unicode (0: unused). */
static const unsigned win_ansi_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
enum { FIRST_CHAR = 32, LAST_CHAR = 255, HIGH_FIRST = 128, HIGH_LAST = 159 };

typedef struct former {
    const pp_qpdf_api *Q;
    qpdf_data q;
    const pp_scene *s;
    const pp_form *form;
    qpdf_oh fields;    /* the AcroForm's /Fields */
    qpdf_oh *ap;       /* per scene page: its content as a form XObject, or 0 */
    GHashTable *radio; /* name → the radio group's field (a qpdf_oh in a pointer) */
    const pp_style *font_style;
} former;

static qpdf_oh parse(const pp_qpdf_api *Q, qpdf_data q, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static qpdf_oh parse(const pp_qpdf_api *Q, qpdf_data q, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gchar *s = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qpdf_oh o = Q->qpdf_oh_parse(q, s);
    g_free(s);
    return o;
}

/* --- The typed text's font -------------------------------------------------------------------- */

/* The file of the shipped font for st (fontconfig's current configuration sees only those). */
static char *font_file(const pp_style *st)
{
    FcPattern *p =
        FcPatternBuild(NULL, FC_FAMILY, FcTypeString, st->family, FC_WEIGHT, FcTypeInteger,
                       FcWeightFromOpenType(st->weight), FC_SLANT, FcTypeInteger,
                       st->italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN, NULL);
    FcConfigSubstitute(NULL, p, FcMatchPattern);
    FcDefaultSubstitute(p);
    FcResult r;
    FcPattern *m = FcFontMatch(NULL, p, &r);
    FcChar8 *file = NULL;
    char *out = NULL;
    if (m && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch)
        out = g_strdup((const char *)file);
    if (m) FcPatternDestroy(m);
    FcPatternDestroy(p);
    return out;
}

/* The whole font file embedded (FontFile3 /OpenType), as a simple font in WinAnsiEncoding with its
 * widths, for the text readers type into the fields. */
static qpdf_oh embed_font(former *F, const char *path, pp_error *err)
{
    const pp_qpdf_api *Q = F->Q;
    qpdf_data q = F->q;
    char *file = font_file(F->font_style);
    gchar *data = NULL;
    gsize n = 0;
    FT_Library lib = NULL;
    FT_Face face = NULL;
    qpdf_oh font = 0;
    if (!file || !g_file_get_contents(file, &data, &n, NULL) || FT_Init_FreeType(&lib) ||
        FT_New_Memory_Face(lib, (const FT_Byte *)data, (FT_Long)n, 0, &face)) {
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot read the font of the form's fields (%s)",
                     F->font_style->family);
        goto done;
    }
    double k = 1000.0 / face->units_per_EM;
    GString *widths = g_string_new("[");
    for (unsigned c = FIRST_CHAR; c <= LAST_CHAR; c++) {
        unsigned u = c >= HIGH_FIRST && c <= HIGH_LAST ? win_ansi_high[c - HIGH_FIRST] : c;
        long w = 0;
        if (u && FT_Load_Char(face, u, FT_LOAD_NO_SCALE) == 0)
            w = (long)(face->glyph->metrics.horiAdvance * k + 0.5);
        g_string_append_printf(widths, "%s%ld", c > FIRST_CHAR ? " " : "", w);
    }
    g_string_append_c(widths, ']');
    const char *ps = FT_Get_Postscript_Name(face);
    gchar *name = g_strdup(ps ? ps : "Font");
    for (char *p = name; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '-') *p = '-';
    qpdf_oh prog =
        Q->qpdf_make_indirect_object(q, pp_qpdf_stream(Q, q, data, n, "<< /Subtype /OpenType >>"));
    qpdf_oh desc =
        parse(Q, q,
              "<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [%ld %ld %ld "
              "%ld] /ItalicAngle 0 /Ascent %ld /Descent %ld /CapHeight %ld /StemV 80 >>",
              name, (long)(face->bbox.xMin * k), (long)(face->bbox.yMin * k),
              (long)(face->bbox.xMax * k), (long)(face->bbox.yMax * k), (long)(face->ascender * k),
              (long)(face->descender * k), (long)(face->ascender * k));
    Q->qpdf_oh_replace_key(q, desc, "/FontFile3", prog);
    bool cff = FT_IS_SFNT(face) && strcmp(FT_Get_Font_Format(face), "CFF") == 0;
    font = parse(Q, q,
                 "<< /Type /Font /Subtype /%s /BaseFont /%s /FirstChar %d /LastChar %d /Widths %s "
                 "/Encoding /WinAnsiEncoding >>",
                 cff ? "Type1" : "TrueType", name, FIRST_CHAR, LAST_CHAR, widths->str);
    Q->qpdf_oh_replace_key(q, font, "/FontDescriptor", Q->qpdf_make_indirect_object(q, desc));
    font = Q->qpdf_make_indirect_object(q, font);
    g_free(name);
    g_string_free(widths, TRUE);
done:
    if (face) FT_Done_Face(face);
    if (lib) FT_Done_FreeType(lib);
    g_free(data);
    g_free(file);
    return font;
}

/* --- Fields ------------------------------------------------------------------------------------
 */

/* The widget's rectangle in PDF points on a page h mm high. */
static char *rect(const pp_op *op, double page_h)
{
    return g_strdup_printf("[%.3f %.3f %.3f %.3f]", op->x * PP_MM_PT,
                           (page_h - op->y - op->h) * PP_MM_PT, (op->x + op->w) * PP_MM_PT,
                           (page_h - op->y) * PP_MM_PT);
}

/* A widget annotation on page for op, without border or background. */
static qpdf_oh widget(former *F, qpdf_oh page, const pp_page *pg, const pp_op *op, int flags)
{
    const pp_qpdf_api *Q = F->Q;
    gchar *r = rect(op, pg->h);
    qpdf_oh w =
        parse(F->Q, F->q, "<< /Type /Annot /Subtype /Widget /Rect %s /F %d /MK << >> >>", r, flags);
    g_free(r);
    Q->qpdf_oh_replace_key(F->q, w, "/P", page);
    return w;
}

static void add_annot(former *F, qpdf_oh page, qpdf_oh annot)
{
    const pp_qpdf_api *Q = F->Q;
    qpdf_oh annots = Q->qpdf_oh_get_key(F->q, page, "/Annots");
    if (!Q->qpdf_oh_is_array(F->q, annots)) {
        annots = Q->qpdf_oh_new_array(F->q);
        Q->qpdf_oh_replace_key(F->q, page, "/Annots", annots);
    }
    Q->qpdf_oh_append_item(F->q, annots, annot);
}

static qpdf_oh empty_ap(former *F, double w, double h)
{
    static const char body[] = "/Tx BMC EMC";
    gchar *d = g_strdup_printf("<< /Type /XObject /Subtype /Form /BBox [0 0 %.3f %.3f] >>", w, h);
    qpdf_oh st = pp_qpdf_stream(F->Q, F->q, body, strlen(body), d);
    g_free(d);
    return st;
}

static void text_field(former *F, qpdf_oh page, const pp_page *pg, const pp_op *op)
{
    const pp_qpdf_api *Q = F->Q;
    qpdf_data q = F->q;
    double w = op->w * PP_MM_PT, h = op->h * PP_MM_PT;
    const pp_style *st = op->field_style;
    qpdf_oh f = widget(F, page, pg, op, F_PRINT);
    gchar *da = g_strdup_printf("/%s %.2f Tf %.3f %.3f %.3f rg", FONT_RES, st->size, st->colour.r,
                                st->colour.g, st->colour.b);
    Q->qpdf_oh_replace_key(q, f, "/FT", Q->qpdf_oh_new_name(q, "/Tx"));
    Q->qpdf_oh_replace_key(q, f, "/T", Q->qpdf_oh_new_unicode_string(q, op->field));
    Q->qpdf_oh_replace_key(q, f, "/TU", Q->qpdf_oh_new_unicode_string(q, op->tip ? op->tip : ""));
    Q->qpdf_oh_replace_key(q, f, "/DA", Q->qpdf_oh_new_string(q, da));
    if (op->field_kind == PP_FIELD_MULTILINE)
        Q->qpdf_oh_replace_key(q, f, "/Ff", Q->qpdf_oh_new_integer(q, FF_MULTILINE));
    const char *value = g_hash_table_lookup(F->form->values, op->field);
    if (value) Q->qpdf_oh_replace_key(q, f, "/V", Q->qpdf_oh_new_unicode_string(q, value));
    qpdf_oh ap = op->ap_page ? F->ap[op->ap_page - 1] : 0;
    if (!ap) ap = empty_ap(F, w, h);
    Q->qpdf_oh_replace_key(q, f, "/AP", parse(Q, q, "<< >>"));
    Q->qpdf_oh_replace_key(q, Q->qpdf_oh_get_key(q, f, "/AP"), "/N", ap);
    g_free(da);
    f = Q->qpdf_make_indirect_object(q, f);
    add_annot(F, page, f);
    Q->qpdf_oh_append_item(q, F->fields, f);
}

/* A radio button: its group (made at its first button), and the button with two appearances: the
 * sheet's mark when on, nothing when off. */
static void radio(former *F, qpdf_oh page, const pp_page *pg, const pp_op *op)
{
    const pp_qpdf_api *Q = F->Q;
    qpdf_data q = F->q;
    const char *value = g_hash_table_lookup(F->form->values, op->field);
    gpointer found = g_hash_table_lookup(F->radio, op->field);
    qpdf_oh group = (qpdf_oh)GPOINTER_TO_SIZE(found);
    if (!found) {
        group = Q->qpdf_make_indirect_object(q, parse(Q, q, "<< /FT /Btn /Ff %d /Kids [] /V /%s >>",
                                                      FF_RADIO | FF_NO_TOGGLE_OFF,
                                                      value ? value : "Off"));
        Q->qpdf_oh_replace_key(q, group, "/T", Q->qpdf_oh_new_unicode_string(q, op->field));
        Q->qpdf_oh_replace_key(q, group, "/TU",
                               Q->qpdf_oh_new_unicode_string(q, op->tip ? op->tip : ""));
        g_hash_table_insert(F->radio, op->field, GSIZE_TO_POINTER((gsize)group));
        Q->qpdf_oh_append_item(q, F->fields, group);
    }
    double w = op->w * PP_MM_PT, h = op->h * PP_MM_PT, lw = op->paint.width * PP_MM_PT;
    gchar *mark =
        g_strdup_printf("q %.3f %.3f %.3f RG %.3f w 0 J %.3f %.3f m %.3f %.3f l S %.3f "
                        "%.3f m %.3f %.3f l S Q",
                        op->paint.stroke_rgb.r, op->paint.stroke_rgb.g, op->paint.stroke_rgb.b, lw,
                        lw, lw, w - lw, h - lw, lw, h - lw, w - lw, lw);
    gchar *bbox =
        g_strdup_printf("<< /Type /XObject /Subtype /Form /BBox [0 0 %.3f %.3f] >>", w, h);
    qpdf_oh on = pp_qpdf_stream(Q, q, mark, strlen(mark), bbox),
            off = pp_qpdf_stream(Q, q, "", 0, bbox);
    qpdf_oh kid = widget(F, page, pg, op, F_PRINT);
    bool is_on = value && strcmp(value, op->on) == 0;
    gchar *on_name = g_strdup_printf("/%s", op->on);
    qpdf_oh states = Q->qpdf_oh_new_dictionary(q), ap = Q->qpdf_oh_new_dictionary(q);
    Q->qpdf_oh_replace_key(q, states, on_name, on);
    Q->qpdf_oh_replace_key(q, states, "/Off", off);
    Q->qpdf_oh_replace_key(q, ap, "/N", states);
    Q->qpdf_oh_replace_key(q, kid, "/AP", ap);
    Q->qpdf_oh_replace_key(q, kid, "/AS", Q->qpdf_oh_new_name(q, is_on ? on_name : "/Off"));
    Q->qpdf_oh_replace_key(q, kid, "/Parent", group);
    kid = Q->qpdf_make_indirect_object(q, kid);
    Q->qpdf_oh_append_item(q, Q->qpdf_oh_get_key(q, group, "/Kids"), kid);
    add_annot(F, page, kid);
    g_free(on_name);
    g_free(mark);
    g_free(bbox);
}

/* The hidden, read-only field that names the instrument, language and form version. */
static void meta_field(former *F, qpdf_oh page)
{
    const pp_qpdf_api *Q = F->Q;
    qpdf_data q = F->q;
    qpdf_oh f = parse(Q, q,
                      "<< /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /F %d /FT /Tx /Ff %d "
                      "/T (%s) >>",
                      F_HIDDEN, FF_READ_ONLY, PP_FORM_META_FIELD);
    Q->qpdf_oh_replace_key(q, f, "/V", Q->qpdf_oh_new_unicode_string(q, F->form->meta));
    Q->qpdf_oh_replace_key(q, f, "/P", page);
    f = Q->qpdf_make_indirect_object(q, f);
    add_annot(F, page, f);
    Q->qpdf_oh_append_item(q, F->fields, f);
}

/* Page i's content and resources as a form XObject of its size. */
static qpdf_oh page_xobject(former *F, size_t i, pp_error *err, const char *path)
{
    const pp_qpdf_api *Q = F->Q;
    qpdf_data q = F->q;
    qpdf_oh page = Q->qpdf_get_page_n(q, i);
    unsigned char *buf = NULL;
    size_t n = 0;
    if (Q->qpdf_oh_get_page_content_data(q, page, &buf, &n) & QPDF_ERRORS) {
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot read the appearance of a form field");
        return 0;
    }
    gchar *d = g_strdup_printf("<< /Type /XObject /Subtype /Form /BBox [0 0 %.3f %.3f] >>",
                               F->s->pages[i].w * PP_MM_PT, F->s->pages[i].h * PP_MM_PT);
    qpdf_oh x = pp_qpdf_stream(Q, q, buf, n, d);
    Q->qpdf_oh_replace_key(q, Q->qpdf_oh_get_dict(q, x), "/Resources",
                           Q->qpdf_oh_get_key(q, page, "/Resources"));
    free(buf);
    g_free(d);
    return x;
}

pp_status pp_form_add(const pp_qpdf_api *Q, qpdf_data q, const pp_scene *s, const pp_form *form,
                      const char *path, pp_error *err)
{
    former F = {Q,
                q,
                s,
                form,
                Q->qpdf_oh_new_array(q),
                g_new0(qpdf_oh, s->n_pages),
                g_hash_table_new(g_str_hash, g_str_equal),
                NULL};
    for (size_t i = form->n_sheet_pages; i < s->n_pages && !pp_error_isset(err); i++)
        F.ap[i] = page_xobject(&F, i, err, path);
    for (size_t i = 0; i < form->n_sheet_pages && !F.font_style; i++)
        for (size_t k = 0; k < s->pages[i].n && !F.font_style; k++)
            if (s->pages[i].ops[k].kind == PP_OP_FIELD && s->pages[i].ops[k].field_style)
                F.font_style = s->pages[i].ops[k].field_style;
    qpdf_oh font = F.font_style && !pp_error_isset(err) ? embed_font(&F, path, err) : 0;
    for (size_t i = 0; i < form->n_sheet_pages && !pp_error_isset(err); i++) {
        qpdf_oh page = Q->qpdf_get_page_n(q, i);
        if (i == 0) meta_field(&F, page);
        for (size_t k = 0; k < s->pages[i].n; k++) {
            const pp_op *op = &s->pages[i].ops[k];
            if (op->kind != PP_OP_FIELD) continue;
            if (op->field_kind == PP_FIELD_RADIO)
                radio(&F, page, &s->pages[i], op);
            else
                text_field(&F, page, &s->pages[i], op);
        }
    }
    if (!pp_error_isset(err)) {
        qpdf_oh acro = parse(Q, q, "<< /DA (/%s 0 Tf 0 g) /DR << /Font << >> >> >>", FONT_RES);
        Q->qpdf_oh_replace_key(q, acro, "/Fields", F.fields);
        if (font) {
            gchar *res = g_strdup_printf("/%s", FONT_RES);
            Q->qpdf_oh_replace_key(
                q, Q->qpdf_oh_get_key(q, Q->qpdf_oh_get_key(q, acro, "/DR"), "/Font"), res, font);
            g_free(res);
        }
        Q->qpdf_oh_replace_key(q, Q->qpdf_get_root(q), "/AcroForm",
                               Q->qpdf_make_indirect_object(q, acro));
        for (size_t i = s->n_pages; i-- > form->n_sheet_pages;)
            Q->qpdf_remove_page(q, Q->qpdf_get_page_n(q, i));
    }
    g_hash_table_destroy(F.radio);
    g_free(F.ap);
    return err->status;
}
