#include "output/pdfa.h"
#include "output/qpdfx.h"

#include <errno.h>
#include <glib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* The output condition of the sRGB profile (ICC registry). */
static const char SRGB[] = "sRGB IEC61966-2.1";
/* Components of an RGB profile. */
enum { RGB_N = 3 };
/* WinAnsiEncoding's glyph names from code 32 (PDF 32000-1, annex D.2); NULL: no glyph. */
enum { WIN_FIRST = 32, WIN_LAST = 255 };
static const char *const win_ansi[WIN_LAST - WIN_FIRST + 1] = {"space",
                                                               "exclam",
                                                               "quotedbl",
                                                               "numbersign",
                                                               "dollar",
                                                               "percent",
                                                               "ampersand",
                                                               "quotesingle",
                                                               "parenleft",
                                                               "parenright",
                                                               "asterisk",
                                                               "plus",
                                                               "comma",
                                                               "hyphen",
                                                               "period",
                                                               "slash",
                                                               "zero",
                                                               "one",
                                                               "two",
                                                               "three",
                                                               "four",
                                                               "five",
                                                               "six",
                                                               "seven",
                                                               "eight",
                                                               "nine",
                                                               "colon",
                                                               "semicolon",
                                                               "less",
                                                               "equal",
                                                               "greater",
                                                               "question",
                                                               "at",
                                                               "A",
                                                               "B",
                                                               "C",
                                                               "D",
                                                               "E",
                                                               "F",
                                                               "G",
                                                               "H",
                                                               "I",
                                                               "J",
                                                               "K",
                                                               "L",
                                                               "M",
                                                               "N",
                                                               "O",
                                                               "P",
                                                               "Q",
                                                               "R",
                                                               "S",
                                                               "T",
                                                               "U",
                                                               "V",
                                                               "W",
                                                               "X",
                                                               "Y",
                                                               "Z",
                                                               "bracketleft",
                                                               "backslash",
                                                               "bracketright",
                                                               "asciicircum",
                                                               "underscore",
                                                               "grave",
                                                               "a",
                                                               "b",
                                                               "c",
                                                               "d",
                                                               "e",
                                                               "f",
                                                               "g",
                                                               "h",
                                                               "i",
                                                               "j",
                                                               "k",
                                                               "l",
                                                               "m",
                                                               "n",
                                                               "o",
                                                               "p",
                                                               "q",
                                                               "r",
                                                               "s",
                                                               "t",
                                                               "u",
                                                               "v",
                                                               "w",
                                                               "x",
                                                               "y",
                                                               "z",
                                                               "braceleft",
                                                               "bar",
                                                               "braceright",
                                                               "asciitilde",
                                                               NULL,
                                                               "Euro",
                                                               NULL,
                                                               "quotesinglbase",
                                                               "florin",
                                                               "quotedblbase",
                                                               "ellipsis",
                                                               "dagger",
                                                               "daggerdbl",
                                                               "circumflex",
                                                               "perthousand",
                                                               "Scaron",
                                                               "guilsinglleft",
                                                               "OE",
                                                               NULL,
                                                               "Zcaron",
                                                               NULL,
                                                               NULL,
                                                               "quoteleft",
                                                               "quoteright",
                                                               "quotedblleft",
                                                               "quotedblright",
                                                               "bullet",
                                                               "endash",
                                                               "emdash",
                                                               "tilde",
                                                               "trademark",
                                                               "scaron",
                                                               "guilsinglright",
                                                               "oe",
                                                               NULL,
                                                               "zcaron",
                                                               "Ydieresis",
                                                               "space",
                                                               "exclamdown",
                                                               "cent",
                                                               "sterling",
                                                               "currency",
                                                               "yen",
                                                               "brokenbar",
                                                               "section",
                                                               "dieresis",
                                                               "copyright",
                                                               "ordfeminine",
                                                               "guillemotleft",
                                                               "logicalnot",
                                                               "hyphen",
                                                               "registered",
                                                               "macron",
                                                               "degree",
                                                               "plusminus",
                                                               "twosuperior",
                                                               "threesuperior",
                                                               "acute",
                                                               "mu",
                                                               "paragraph",
                                                               "periodcentered",
                                                               "cedilla",
                                                               "onesuperior",
                                                               "ordmasculine",
                                                               "guillemotright",
                                                               "onequarter",
                                                               "onehalf",
                                                               "threequarters",
                                                               "questiondown",
                                                               "Agrave",
                                                               "Aacute",
                                                               "Acircumflex",
                                                               "Atilde",
                                                               "Adieresis",
                                                               "Aring",
                                                               "AE",
                                                               "Ccedilla",
                                                               "Egrave",
                                                               "Eacute",
                                                               "Ecircumflex",
                                                               "Edieresis",
                                                               "Igrave",
                                                               "Iacute",
                                                               "Icircumflex",
                                                               "Idieresis",
                                                               "Eth",
                                                               "Ntilde",
                                                               "Ograve",
                                                               "Oacute",
                                                               "Ocircumflex",
                                                               "Otilde",
                                                               "Odieresis",
                                                               "multiply",
                                                               "Oslash",
                                                               "Ugrave",
                                                               "Uacute",
                                                               "Ucircumflex",
                                                               "Udieresis",
                                                               "Yacute",
                                                               "Thorn",
                                                               "germandbls",
                                                               "agrave",
                                                               "aacute",
                                                               "acircumflex",
                                                               "atilde",
                                                               "adieresis",
                                                               "aring",
                                                               "ae",
                                                               "ccedilla",
                                                               "egrave",
                                                               "eacute",
                                                               "ecircumflex",
                                                               "edieresis",
                                                               "igrave",
                                                               "iacute",
                                                               "icircumflex",
                                                               "idieresis",
                                                               "eth",
                                                               "ntilde",
                                                               "ograve",
                                                               "oacute",
                                                               "ocircumflex",
                                                               "otilde",
                                                               "odieresis",
                                                               "divide",
                                                               "oslash",
                                                               "ugrave",
                                                               "uacute",
                                                               "ucircumflex",
                                                               "udieresis",
                                                               "yacute",
                                                               "thorn",
                                                               "ydieresis"};

bool pp_pdfa_parse(const char *name, pp_pdfa *level)
{
    static const struct {
        const char *name;
        pp_pdfa level;
    } names[] = {{"none", PP_PDFA_NONE}, {"2b", PP_PDFA_2B}, {"1b", PP_PDFA_1B}};
    for (size_t i = 0; name && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i].name, name) == 0) {
            *level = names[i].level;
            return true;
        }
    return false;
}

/* The document information entry key as UTF-8 (g_free it), or NULL. */
static char *info_value(const pp_qpdf_api *Q, qpdf_data q, qpdf_oh info, const char *key)
{
    qpdf_oh v = Q->qpdf_oh_get_key(q, info, key);
    return Q->qpdf_oh_is_string(q, v) ? g_strdup(Q->qpdf_oh_get_utf8_value(q, v)) : NULL;
}

/* Appends one XMP property holding the XML-escaped value, in the form fmt ("%s" for the value). */
static void xmp_prop(GString *x, const char *fmt, const char *value)
{
    if (!value) return;
    char *esc = g_markup_escape_text(value, -1);
    g_string_append_printf(x, fmt, esc);
    g_free(esc);
}

/* The XMP packet: the document information of info, the language and the PDF/A identification. */
static GString *xmp(const pp_qpdf_api *Q, qpdf_data q, qpdf_oh info, const pp_doc_meta *m,
                    const char *date)
{
    static const struct {
        const char *key, *fmt;
    } props[] = {{"/Title",
                  "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt>"
                  "</dc:title>\n"},
                 {"/Subject", "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li>"
                              "</rdf:Alt></dc:description>\n"},
                 {"/Author", "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n"},
                 {"/Keywords", "<pdf:Keywords>%s</pdf:Keywords>\n"},
                 {"/Producer", "<pdf:Producer>%s</pdf:Producer>\n"},
                 {"/Creator", "<xmp:CreatorTool>%s</xmp:CreatorTool>\n"}};
    GString *x =
        g_string_new("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                     "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                     "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                     "<rdf:Description rdf:about=\"\"\n"
                     " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                     " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                     " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                     " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                     "<dc:format>application/pdf</dc:format>\n");
    for (size_t i = 0; i < sizeof props / sizeof props[0]; i++) {
        char *v = info_value(Q, q, info, props[i].key);
        xmp_prop(x, props[i].fmt, v);
        g_free(v);
    }
    xmp_prop(x, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", m->lang);
    g_string_append_printf(x,
                           "<xmp:CreateDate>%s</xmp:CreateDate>\n"
                           "<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
                           "<xmp:MetadataDate>%s</xmp:MetadataDate>\n"
                           "<pdfaid:part>%d</pdfaid:part>\n"
                           "<pdfaid:conformance>B</pdfaid:conformance>\n"
                           "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
                           "<?xpacket end=\"w\"?>",
                           date, date, date, m->pdfa == PP_PDFA_1B ? 1 : 2);
    return x;
}

/* Dates in the document information (D:…) and in XMP (ISO 8601), both in UTC. */
static void set_dates(const pp_qpdf_api *Q, qpdf_data q, qpdf_oh info, time_t when, char *iso,
                      size_t n)
{
    struct tm tm;
    gmtime_r(&when, &tm);
    char pdf[32];
    strftime(pdf, sizeof pdf, "D:%Y%m%d%H%M%S+00'00'", &tm);
    strftime(iso, n, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
    Q->qpdf_oh_replace_key(q, info, "/CreationDate", Q->qpdf_oh_new_string(q, pdf));
    Q->qpdf_oh_replace_key(q, info, "/ModDate", Q->qpdf_oh_new_string(q, pdf));
}

static pp_status output_intent(const pp_qpdf_api *Q, qpdf_data q, qpdf_oh root, const char *icc,
                               const char *path, pp_error *err)
{
    gchar *data = NULL;
    gsize n = 0;
    GError *ge = NULL;
    if (!g_file_get_contents(icc, &data, &n, &ge)) {
        pp_error_set(err, PP_ERR_IO, path, 0,
                     "PDF/A needs the sRGB colour profile %s: %s (reinstall praatplaat's data, or "
                     "take sRGB.icc from Debian's icc-profiles-free)",
                     icc, ge->message);
        g_error_free(ge);
        return err->status;
    }
    char dict[32];
    snprintf(dict, sizeof dict, "<< /N %d >>", RGB_N);
    qpdf_oh profile = Q->qpdf_make_indirect_object(q, pp_qpdf_stream(Q, q, data, n, dict));
    g_free(data);
    qpdf_oh intent = Q->qpdf_oh_new_dictionary(q);
    Q->qpdf_oh_replace_key(q, intent, "/Type", Q->qpdf_oh_new_name(q, "/OutputIntent"));
    Q->qpdf_oh_replace_key(q, intent, "/S", Q->qpdf_oh_new_name(q, "/GTS_PDFA1"));
    Q->qpdf_oh_replace_key(q, intent, "/OutputConditionIdentifier", Q->qpdf_oh_new_string(q, SRGB));
    Q->qpdf_oh_replace_key(q, intent, "/Info", Q->qpdf_oh_new_string(q, SRGB));
    Q->qpdf_oh_replace_key(q, intent, "/RegistryName",
                           Q->qpdf_oh_new_string(q, "http://www.color.org"));
    Q->qpdf_oh_replace_key(q, intent, "/DestOutputProfile", profile);
    Q->qpdf_oh_replace_key(q, root, "/OutputIntents",
                           Q->qpdf_oh_wrap_in_array(q, Q->qpdf_make_indirect_object(q, intent)));
    return PP_OK;
}

/* The highest CID a CID font's /W array gives a width for (cairo numbers a subset's glyphs from 0
 * without gaps). */
static long long max_cid(const pp_qpdf_api *Q, qpdf_data q, qpdf_oh w)
{
    long long top = 0;
    int n = Q->qpdf_oh_get_array_n_items(q, w);
    for (int i = 0; i + 1 < n; i++) {
        long long first = Q->qpdf_oh_get_int_value(q, Q->qpdf_oh_get_array_item(q, w, i));
        qpdf_oh next = Q->qpdf_oh_get_array_item(q, w, i + 1);
        if (Q->qpdf_oh_is_array(q, next)) { /* c [w1 … wn] */
            top = MAX(top, first + Q->qpdf_oh_get_array_n_items(q, next) - 1);
            i++;
        } else if (i + 2 < n) { /* c_first c_last w */
            top = MAX(top, Q->qpdf_oh_get_int_value(q, next));
            i += 2;
        }
    }
    return top;
}

/* PDF/A-1 6.3.5: a subset CID font lists its CIDs in a CIDSet (one bit per CID, from the high
 * bit of the first byte). */
static void cid_set(const pp_qpdf_api *Q, qpdf_data q, qpdf_oh font, qpdf_oh desc)
{
    long long top = max_cid(Q, q, Q->qpdf_oh_get_key(q, font, "/W"));
    size_t n = (size_t)top / 8 + 1;
    unsigned char *bits = g_malloc0(n);
    for (long long c = 0; c <= top; c++)
        bits[c / 8] |= (unsigned char)(0x80 >> (c % 8));
    Q->qpdf_oh_replace_key(q, desc, "/CIDSet",
                           Q->qpdf_make_indirect_object(q, pp_qpdf_stream(Q, q, bits, n, "<< >>")));
    g_free(bits);
}

/* PDF/A-1 6.3.5: a subset Type 1 font names its glyphs in a CharSet. cairo's Type 1 subsets are
 * WinAnsi-encoded and give a width only to the codes they use. */
static void char_set(const pp_qpdf_api *Q, qpdf_data q, qpdf_oh font, qpdf_oh desc)
{
    if (!Q->qpdf_oh_is_name_and_equals(q, Q->qpdf_oh_get_key(q, font, "/Encoding"),
                                       "/WinAnsiEncoding"))
        return;
    long long first = Q->qpdf_oh_get_int_value(q, Q->qpdf_oh_get_key(q, font, "/FirstChar"));
    qpdf_oh widths = Q->qpdf_oh_get_key(q, font, "/Widths");
    GString *names = g_string_new(NULL);
    bool seen[WIN_LAST - WIN_FIRST + 1] = {false};
    for (int i = 0; i < Q->qpdf_oh_get_array_n_items(q, widths); i++) {
        long long code = first + i;
        if (code < WIN_FIRST || code > WIN_LAST || !win_ansi[code - WIN_FIRST]) continue;
        if (Q->qpdf_oh_get_int_value(q, Q->qpdf_oh_get_array_item(q, widths, i)) == 0) continue;
        const char *name = win_ansi[code - WIN_FIRST];
        bool dup = false;
        for (int k = 0; k < (int)(code - WIN_FIRST); k++)
            dup |= seen[k] && strcmp(win_ansi[k], name) == 0;
        seen[code - WIN_FIRST] = true;
        if (!dup) g_string_append_printf(names, "/%s", name);
    }
    Q->qpdf_oh_replace_key(q, desc, "/CharSet", Q->qpdf_oh_new_string(q, names->str));
    g_string_free(names, TRUE);
}

/* A subset font's name starts with six capitals and a plus sign. */
static bool is_subset(const pp_qpdf_api *Q, qpdf_data q, qpdf_oh font)
{
    qpdf_oh name = Q->qpdf_oh_get_key(q, font, "/BaseFont");
    const char *s = Q->qpdf_oh_is_name(q, name) ? Q->qpdf_oh_get_name(q, name) : "";
    return strlen(s) > 8 && s[7] == '+';
}

static void fix_font(const pp_qpdf_api *Q, qpdf_data q, qpdf_oh font, pp_pdfa level)
{
    qpdf_oh sub = Q->qpdf_oh_get_key(q, font, "/Subtype");
    qpdf_oh desc = Q->qpdf_oh_get_key(q, font, "/FontDescriptor");
    bool cid2 = Q->qpdf_oh_is_name_and_equals(q, sub, "/CIDFontType2");
    bool cid = cid2 || Q->qpdf_oh_is_name_and_equals(q, sub, "/CIDFontType0");
    if (cid2 && !Q->qpdf_oh_has_key(q, font, "/CIDToGIDMap"))
        Q->qpdf_oh_replace_key(q, font, "/CIDToGIDMap", Q->qpdf_oh_new_name(q, "/Identity"));
    if (level != PP_PDFA_1B || !Q->qpdf_oh_is_dictionary(q, desc) || !is_subset(Q, q, font)) return;
    if (cid)
        cid_set(Q, q, font, desc);
    else if (Q->qpdf_oh_is_name_and_equals(q, sub, "/Type1"))
        char_set(Q, q, font, desc);
}

/* Every font of the file, and for PDF/A-1 every page without its transparency group. */
static void fix_objects(const pp_qpdf_api *Q, qpdf_data q, pp_pdfa level)
{
    long long size =
        Q->qpdf_oh_get_int_value(q, Q->qpdf_oh_get_key(q, Q->qpdf_get_trailer(q), "/Size"));
    for (int id = 1; id < size; id++) {
        qpdf_oh o = Q->qpdf_get_object_by_id(q, id, 0);
        if (Q->qpdf_oh_is_dictionary_of_type(q, o, "/Font", ""))
            fix_font(Q, q, o, level);
        else if (level == PP_PDFA_1B && Q->qpdf_oh_is_dictionary_of_type(q, o, "/Page", ""))
            Q->qpdf_oh_remove_key(q, o, "/Group");
        Q->qpdf_oh_release(q, o);
    }
}

pp_status pp_pdfa_apply(const pp_qpdf_api *Q, qpdf_data q, const pp_doc_meta *m, time_t when,
                        const char *path, pp_error *err)
{
    if (m->pdfa == PP_PDFA_NONE) return PP_OK;
    qpdf_oh root = Q->qpdf_get_root(q), trailer = Q->qpdf_get_trailer(q);
    qpdf_oh info = Q->qpdf_oh_get_key(q, trailer, "/Info");
    if (!Q->qpdf_oh_is_dictionary(q, info)) {
        info = Q->qpdf_make_indirect_object(q, Q->qpdf_oh_new_dictionary(q));
        Q->qpdf_oh_replace_key(q, trailer, "/Info", info);
    }
    char date[32];
    set_dates(Q, q, info, when, date, sizeof date);
    if (output_intent(Q, q, root, m->icc, path, err) != PP_OK) return err->status;
    GString *x = xmp(Q, q, info, m, date);
    qpdf_oh meta = pp_qpdf_stream(Q, q, x->str, x->len, "<< /Type /Metadata /Subtype /XML >>");
    Q->qpdf_oh_replace_key(q, root, "/Metadata", Q->qpdf_make_indirect_object(q, meta));
    g_string_free(x, TRUE);
    fix_objects(Q, q, m->pdfa);
    return PP_OK;
}

void pp_pdfa_write_options(const pp_qpdf_api *Q, qpdf_data q, const pp_doc_meta *m)
{
    if (m->pdfa == PP_PDFA_NONE) return;
    Q->qpdf_set_newline_before_endstream(q, QPDF_TRUE);
    if (m->pdfa == PP_PDFA_1B) {
        Q->qpdf_set_object_stream_mode(q, qpdf_o_disable);
        Q->qpdf_force_pdf_version(q, "1.4");
    }
}
