#include "cli/options.h"

#include "base/limits.h"
#include "output/output.h"

#include <glib.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static const char usage_main[] =
    "Usage: praatplaat COMMAND [OPTIONS]\n"
    "Turns an instrument's XML content into print-ready workshop sheets.\n"
    "\n"
    "Commands:\n"
    "  render CONTENT.xml --sheet NAME [--paper SIZE] -o OUT.pdf   draw a sheet into a PDF (or "
    "PNG)\n"
    "  check  CONTENT.xml [--sheet NAME] [--paper SIZE]            validate, and report text that "
    "does not fit\n"
    "  template CONTENT.xml -o SESSION.xml                         an empty session to fill in\n"
    "  import CONTENT.xml FORM.pdf -o SESSION.xml                  a filled form (render --form) "
    "as a session\n"
    "  scan CONTENT.xml PHOTO... -o SESSION.xml [--images DIR]     photos of a praatplaat and a "
    "follow-up\n"
    "                                                              plaat as a session; of a "
    "netwerkkaart,\n"
    "                                                              kept as a picture\n"
    "  publish DIR -o OUT/                                         every language, sheet and "
    "paper,\n"
    "                                                              with a fit report\n"
    "  l10n extract CONTENT.xml -o FILE.pot                        the texts as a PO template\n"
    "  l10n merge CONTENT.xml FILE.po -o TRANSLATED.xml            a translated content file\n"
    "\n"
    "Options:\n"
    "  -h, --help     show help (also `praatplaat COMMAND --help`)\n"
    "  --version      show the version\n"
    "\n"
    "Exit codes: 0 ok; 1 invalid input or text that does not fit; 2 usage error; 3 output or I/O "
    "error.\n";

static const char usage_render[] =
    "Usage: praatplaat render CONTENT.xml --sheet NAME [OPTIONS] -o OUT.pdf\n"
    "Draws a sheet of the instrument in CONTENT.xml.\n"
    "\n"
    "  --sheet NAME        praatplaat, followup, guide, report (needs --session), or all (every\n"
    "                      sheet, one after the other)\n"
    "  --session FILE      draw what a group filled in (docs/session-format.md); text that does\n"
    "                      not fit its place continues on numbered pages at the end\n"
    "  --paper SIZE        A4, A3 (default; A4 for the report), A2, A1 or A0\n"
    "  --landscape         landscape, whatever the layout's default\n"
    "  --portrait          portrait, whatever the layout's default\n"
    "  -o, --output FILE   the PDF (or .png preview) to write; written only when complete\n"
    "  --format pdf|png    output format (default: from the file name, else pdf)\n"
    "  --dpi N             resolution of PNG previews (default 96)\n"
    "  --data DIR          directory holding layouts/, fonts/ and schemas/ (or $PRAATPLAAT_DATA)\n"
    "  --layouts DIR       take the layout files from DIR instead\n"
    "  --form              a fillable PDF (--sheet praatplaat, followup, netwerkkaart or all):\n"
    "                      every answer is a field, filled in from --session if given\n"
    "                      (docs/forms.md)\n"
    "  --pdfa 2b|1b|none   write PDF/A-2b or PDF/A-1b for the archive, or plain PDF (default: 2b\n"
    "                      for the report, none for the other sheets; docs/archiving.md)\n"
    "  --tile A4|A3        print the poster on office sheets: an assembly map, then one page per\n"
    "                      sheet, to cut and glue (needs the content's <record> block)\n"
    "  --overlap MM        with --tile: how much neighbouring sheets share (default 10, 0 to 50)\n"
    "  --tile-margin MM    with --tile: the printer's unprintable margin (default 6, 0 to 30)\n"
    "  --codes qr|none     scan codes in the corners of the sheets scan reads, the praatplaat,\n"
    "                      the follow-up plaat and the netwerkkaart (default qr; "
    "docs/scanning.md)\n"
    "  --marks             for a print shop: bleed, crop marks, a slug line, TrimBox and BleedBox\n"
    "  --bleed MM          with --marks: the bleed (default 3, 0 to 25)\n"
    "  --duplex            the back of every page of a sheet with a back side (the kaartjes), for\n"
    "                      printing on both sides, flipped on the long edge\n"
    "\n"
    "Text that does not fit its box even at the layout's minimum size is still drawn and written,\n"
    "reported on stderr as FILE:LINE: error: …, and the exit code is 1.\n";

static const char usage_check[] =
    "Usage: praatplaat check CONTENT.xml [--sheet NAME] [--paper SIZE] [OPTIONS]\n"
    "Validates CONTENT.xml and lays out its sheets without writing anything; reports every text\n"
    "that does not fit its box, with sheet, box and element. Exit 0 when all is valid and fits.\n"
    "\n"
    "  --sheet NAME        praatplaat, followup, guide, report, or all (default)\n"
    "  --paper SIZE        A4, A3 (default), A2, A1 or A0\n"
    "  --verbose           also what each sheet tells of its composition (type sizes, how much\n"
    "                      of the page it uses)\n"
    "  --session, --landscape, --portrait, --data DIR, --layouts DIR   as for render\n";

static const char usage_publish[] =
    "Usage: praatplaat publish DIR -o OUT [--sheets LIST] [--papers LIST] [-j N]\n"
    "Renders every content file DIR/*.xml (one per language) as every sheet at every paper into\n"
    "OUT/LANG/SHEET-PAPER.pdf, the same bytes as `render` writes, with a PNG thumbnail of each;\n"
    "then OUT/index.html (thumbnails, links, the fit report) and OUT/report.json (the same data).\n"
    "\n"
    "  --sheets LIST   comma-separated sheets (default praatplaat,followup,guide)\n"
    "  --papers LIST   comma-separated papers (default A4,A3,A0)\n"
    "  -j, --jobs N    parallel workers, 1 to 64 (default: the number of cores)\n"
    "  --data DIR, --layouts DIR   as for render\n"
    "\n"
    "The fit report lists, per language, sheet and paper, every text shrunk below its nominal\n"
    "size and every text that does not fit even at its minimum size. Exit 1 when some text does\n"
    "not fit (after writing everything).\n";

static const char usage_template[] =
    "Usage: praatplaat template CONTENT.xml -o SESSION.xml\n"
    "Writes an empty session for the instrument in CONTENT.xml: every theme, statement and row by\n"
    "id, with the content's words beside them as comments, and every free-text field as an empty\n"
    "element. Fill it in a text editor and draw it with `render --session`.\n";

static const char usage_l10n[] =
    "Usage: praatplaat l10n extract CONTENT.xml -o FILE.pot\n"
    "       praatplaat l10n merge CONTENT.xml FILE.po -o TRANSLATED.xml\n"
    "extract writes every text of the content as a gettext PO template: one entry per text, its id "
    "as\n"
    "msgctxt, its role and length budget as a translator comment.\n"
    "merge writes the content with every translated text of FILE.po in place and xml:lang set "
    "from\n"
    "the PO header's Language. Untranslated and fuzzy entries keep the source text (a warning "
    "lists\n"
    "them); an entry whose msgctxt is no id of the content is an error.\n";

static const char usage_scan[] =
    "Usage: praatplaat scan CONTENT.xml PHOTO... -o SESSION.xml [--images DIR]\n"
    "Reads the score boxes and yes/no boxes of a praatplaat and of a follow-up plaat (printed "
    "with\n"
    "their scan codes, the default) from photos (JPEG or PNG; one or more of each sheet, e.g. its\n"
    "left and right halves) and writes them as one session; a box it cannot read for certain, or\n"
    "that two photos read differently, is reported and left out. Post-its are counted per theme.\n"
    "--images DIR: each theme's notes area and each post-it as a picture the session refers to\n"
    "(docs/scanning.md).\n";

static const char usage_import[] =
    "Usage: praatplaat import CONTENT.xml FORM.pdf -o SESSION.xml\n"
    "Reads a form made by `render --form` and filled in a PDF reader, and writes what it holds as\n"
    "a session (docs/session-format.md, docs/forms.md). Refuses a form of another instrument.\n";

const char *pp_options_usage(pp_command cmd)
{
    switch (cmd) {
    case PP_CMD_RENDER:
        return usage_render;
    case PP_CMD_CHECK:
        return usage_check;
    case PP_CMD_TEMPLATE:
        return usage_template;
    case PP_CMD_IMPORT:
        return usage_import;
    case PP_CMD_SCAN:
        return usage_scan;
    case PP_CMD_PUBLISH:
        return usage_publish;
    case PP_CMD_L10N_EXTRACT:
    case PP_CMD_L10N_MERGE:
        return usage_l10n;
    default:
        return usage_main;
    }
}

static pp_status usage(pp_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static pp_status usage(pp_error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pp_status st = pp_error_vset(err, PP_ERR_USAGE, NULL, 0, fmt, ap);
    va_end(ap);
    return st;
}

/* The value of an option: "--opt=value" or the next argument. */
static const char *value(int argc, char **argv, int *i, const char *name, pp_error *err)
{
    const char *eq = strchr(argv[*i], '=');
    if (eq) return eq + 1;
    if (*i + 1 >= argc) {
        usage(err, "option %s needs a value", name);
        return NULL;
    }
    return argv[++*i];
}

/* Defaults of render --tile and --marks, mm. */
static const double default_overlap = 10, default_tile_margin = 6, default_bleed = 3;

/* The papers a poster may be tiled onto. */
static const char *const tile_papers[] = {"A4", "A3"};

static bool is_opt(const char *arg, const char *name)
{
    size_t n = strlen(name);
    return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

/* A length in mm from 0 to max: --overlap, --tile-margin, --bleed. */
static pp_status length_option(int argc, char **argv, int *i, const char *name, double max,
                               double *out, bool *given, pp_error *err)
{
    const char *v = value(argc, argv, i, name, err);
    if (!v) return err->status;
    char *end = NULL;
    double mm = g_ascii_strtod(v, &end);
    if (!end || end == v || *end || !(mm >= 0 && mm <= max))
        return usage(err, "%s takes a length in mm from 0 to %g, not \"%s\"", name, max, v);
    *out = mm;
    *given = true;
    return PP_OK;
}

/* --tile, --overlap, --tile-margin, --marks, --bleed, --duplex; false when a is none of them. */
static bool print_option(int argc, char **argv, int *i, pp_options *o, pp_error *err)
{
    const char *a = argv[*i];
    if (is_opt(a, "--tile-margin"))
        length_option(argc, argv, i, "--tile-margin", PP_MAX_TILE_MARGIN_MM, &o->tile_margin,
                      &o->tile_margin_given, err);
    else if (is_opt(a, "--tile"))
        o->tile = value(argc, argv, i, "--tile", err);
    else if (is_opt(a, "--overlap"))
        length_option(argc, argv, i, "--overlap", PP_MAX_OVERLAP_MM, &o->overlap, &o->overlap_given,
                      err);
    else if (is_opt(a, "--bleed"))
        length_option(argc, argv, i, "--bleed", PP_MAX_BLEED_MM, &o->bleed, &o->bleed_given, err);
    else if (strcmp(a, "--marks") == 0)
        o->marks = true;
    else if (strcmp(a, "--duplex") == 0)
        o->duplex = true;
    else
        return false;
    return true;
}

static pp_status option(int argc, char **argv, int *i, pp_options *o, pp_error *err)
{
    const char *a = argv[*i];
    if (print_option(argc, argv, i, o, err)) return err->status;
    static const struct {
        const char *name;
        size_t offset;
    } strings[] = {
        {"--sheet", offsetof(pp_options, sheet)},     {"--paper", offsetof(pp_options, paper)},
        {"--output", offsetof(pp_options, output)},   {"-o", offsetof(pp_options, output)},
        {"--format", offsetof(pp_options, format)},   {"--data", offsetof(pp_options, data)},
        {"--layouts", offsetof(pp_options, layouts)}, {"--session", offsetof(pp_options, session)},
        {"--pdfa", offsetof(pp_options, pdfa)},       {"--sheets", offsetof(pp_options, sheets)},
        {"--papers", offsetof(pp_options, papers)},   {"--codes", offsetof(pp_options, codes)},
        {"--images", offsetof(pp_options, images)}};
    for (size_t k = 0; k < sizeof strings / sizeof strings[0]; k++)
        if (is_opt(a, strings[k].name)) {
            const char *v = value(argc, argv, i, strings[k].name, err);
            if (v) *(const char **)((char *)o + strings[k].offset) = v;
            return err->status;
        }
    if (strcmp(a, "--landscape") == 0 || strcmp(a, "--portrait") == 0) {
        int want = a[2] == 'l' ? 1 : -1;
        if (o->orientation && o->orientation != want)
            return usage(err, "choose one of --landscape and --portrait");
        o->orientation = want;
        return PP_OK;
    }
    if (is_opt(a, "--dpi")) {
        const char *v = value(argc, argv, i, "--dpi", err);
        char *end = NULL;
        o->dpi = v ? g_ascii_strtod(v, &end) : 0;
        if (v && (!end || *end || o->dpi < 10 || o->dpi > 1200))
            return usage(err, "--dpi takes a number from 10 to 1200, not \"%s\"", v);
        return err->status;
    }
    if (is_opt(a, "--jobs") || strncmp(a, "-j", 2) == 0) {
        const char *v = a[1] == 'j' && a[2] ? a + 2 : value(argc, argv, i, "--jobs", err);
        char *end = NULL;
        long n = v ? strtol(v, &end, 10) : 0;
        if (v && (!end || *end || end == v || n < 1 || n > PP_MAX_JOBS))
            return usage(err, "--jobs takes a number from 1 to %d, not \"%s\"", PP_MAX_JOBS, v);
        o->jobs = (int)n;
        return err->status;
    }
    if (strcmp(a, "--form") == 0) {
        o->form = true;
        return PP_OK;
    }
    if (strcmp(a, "--verbose") == 0) {
        if (o->command != PP_CMD_CHECK) return usage(err, "--verbose is for check");
        o->verbose = true;
        return PP_OK;
    }
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
        o->help = true;
        return PP_OK;
    }
    return usage(err, "unknown option %s (see praatplaat --help)", a);
}

/* --pdfa: a level, for a PDF that is no form. */
static pp_status pdfa_option(const pp_options *o, pp_error *err)
{
    pp_pdfa level;
    if (!o->pdfa) return PP_OK;
    if (o->command != PP_CMD_RENDER) return usage(err, "--pdfa is for render");
    if (!pp_pdfa_parse(o->pdfa, &level))
        return usage(err, "--pdfa takes 2b, 1b or none, not \"%s\"", o->pdfa);
    if (level != PP_PDFA_NONE && strcmp(o->format, "pdf") != 0)
        return usage(err, "--pdfa writes a PDF");
    if (level != PP_PDFA_NONE && o->form)
        return usage(err, "--pdfa %s and --form do not go together (docs/archiving.md)", o->pdfa);
    return PP_OK;
}

/* What publish takes and needs; the lists are checked by publish itself. */
static pp_status publish_options(const pp_options *o, pp_error *err)
{
    if (!o->content) return usage(err, "publish needs a folder of content files");
    if (!o->output) return usage(err, "publish needs -o OUT (a folder)");
    if (o->sheet || o->paper || o->session || o->form || o->orientation || o->format)
        return usage(err, "publish takes --sheets and --papers; --sheet, --paper, --session, "
                          "--form, --landscape, --portrait and --format are for render");
    return PP_OK;
}

/* --tile and --marks: for render, not with --form, and their lengths only with them. */
/* "preview.png" or "preview.PNG" (as cameras and Windows write it): a PNG preview. */
static bool ends_png(const char *path)
{
    size_t n = strlen(path);
    return n >= 4 && g_ascii_strcasecmp(path + n - 4, ".png") == 0;
}

static pp_status check_print(const pp_options *o, pp_error *err)
{
    if ((o->tile || o->marks) && o->command != PP_CMD_RENDER)
        return usage(err, "%s is for render", o->tile ? "--tile" : "--marks");
    if ((o->tile || o->marks) && o->form)
        return usage(err, "choose one of --form and %s", o->tile ? "--tile" : "--marks");
    if ((o->overlap_given || o->tile_margin_given) && !o->tile)
        return usage(err, "%s needs --tile", o->overlap_given ? "--overlap" : "--tile-margin");
    if (o->bleed_given && !o->marks) return usage(err, "--bleed needs --marks");
    if (!o->tile) return PP_OK;
    for (size_t k = 0; k < sizeof tile_papers / sizeof tile_papers[0]; k++)
        if (g_ascii_strcasecmp(o->tile, tile_papers[k]) == 0) return PP_OK;
    return usage(err, "--tile takes %s or %s, not \"%s\"", tile_papers[0], tile_papers[1], o->tile);
}

/* scan: one or more photos (docs/scanning.md), and an output. */
static pp_status scan_options(pp_options *o, pp_error *err)
{
    if (!o->n_photos || !o->output) return usage(err, "scan needs PHOTO and -o SESSION.xml");
    if (o->sheet || o->paper || o->session || o->form || o->orientation || o->format || o->codes)
        return usage(err, "scan takes CONTENT, PHOTO, -o and --images only");
    return PP_OK;
}

pp_status pp_options_parse(int argc, char **argv, pp_options *o, pp_error *err)
{
    *o = (pp_options){.dpi = 96,
                      .overlap = default_overlap,
                      .tile_margin = default_tile_margin,
                      .bleed = default_bleed};
    int i = 1;
    if (i < argc && strcmp(argv[i], "render") == 0)
        o->command = PP_CMD_RENDER, i++;
    else if (i < argc && strcmp(argv[i], "check") == 0)
        o->command = PP_CMD_CHECK, i++;
    else if (i < argc && strcmp(argv[i], "template") == 0)
        o->command = PP_CMD_TEMPLATE, i++;
    else if (i < argc && strcmp(argv[i], "import") == 0)
        o->command = PP_CMD_IMPORT, i++;
    else if (i < argc && strcmp(argv[i], "publish") == 0)
        o->command = PP_CMD_PUBLISH, i++;
    else if (i < argc && strcmp(argv[i], "scan") == 0)
        o->command = PP_CMD_SCAN, i++;
    else if (i < argc && strcmp(argv[i], "l10n") == 0) {
        const char *verb = i + 1 < argc ? argv[i + 1] : "";
        if (strcmp(verb, "extract") == 0)
            o->command = PP_CMD_L10N_EXTRACT;
        else if (strcmp(verb, "merge") == 0)
            o->command = PP_CMD_L10N_MERGE;
        else if (strcmp(verb, "--help") == 0 || strcmp(verb, "-h") == 0)
            o->command = PP_CMD_L10N_MERGE;
        else
            return usage(err, "l10n takes extract or merge, not \"%s\"", verb);
        i += 2;
        if (strcmp(verb, "--help") == 0 || strcmp(verb, "-h") == 0) o->help = true;
    }
    for (; i < argc && !pp_error_isset(err); i++) {
        const char *a = argv[i];
        if (o->command == PP_CMD_NONE && strcmp(a, "--version") == 0)
            o->version = true;
        else if (a[0] == '-' && a[1] != '\0')
            option(argc, argv, &i, o, err);
        else if (o->command != PP_CMD_NONE && !o->content)
            o->content = a;
        else if (o->command == PP_CMD_L10N_MERGE && !o->po)
            o->po = a;
        else if (o->command == PP_CMD_IMPORT && !o->pdf)
            o->pdf = a;
        else if (o->command == PP_CMD_SCAN && o->n_photos < PP_MAX_PHOTOS)
            o->photos[o->n_photos++] = a;
        else if (o->command == PP_CMD_NONE)
            usage(err,
                  "unknown command \"%s\" (render, check, publish, template, import, scan or l10n)",
                  a);
        else
            usage(err, "unexpected argument \"%s\"", a);
    }
    if (pp_error_isset(err) || o->help || o->version) return err->status;
    if (o->command == PP_CMD_NONE) return usage(err, "no command given (see praatplaat --help)");
    /* "-o -" would write a file named "-": say so, as every output is written through a
     * temporary file and renamed (nothing half-written), which a pipe cannot be */
    if (o->output && strcmp(o->output, "-") == 0)
        return usage(err, "-o - would write a file named \"-\"; name a file, or /dev/stdout");
    if (o->command == PP_CMD_PUBLISH) return publish_options(o, err);
    if (o->sheets || o->papers || o->jobs)
        return usage(err, "--sheets, --papers and --jobs are for publish");
    if (!o->content) return usage(err, "no content file given");
    if (o->command == PP_CMD_RENDER && !o->sheet) return usage(err, "render needs --sheet");
    if (o->command == PP_CMD_RENDER && !o->output) return usage(err, "render needs -o OUT.pdf");
    if (o->command == PP_CMD_CHECK && o->output) return usage(err, "check writes no output");
    if (o->command == PP_CMD_L10N_MERGE && !o->po) return usage(err, "l10n merge needs a PO file");
    if ((o->command == PP_CMD_L10N_EXTRACT || o->command == PP_CMD_L10N_MERGE) && !o->output)
        return usage(err, "l10n needs -o OUTPUT");
    if (o->command == PP_CMD_TEMPLATE && !o->output)
        return usage(err, "template needs -o SESSION.xml");
    if (o->command == PP_CMD_IMPORT && (!o->pdf || !o->output))
        return usage(err, "import needs FORM.pdf and -o SESSION.xml");
    if (o->command == PP_CMD_IMPORT) return PP_OK;
    if (o->command == PP_CMD_SCAN) return scan_options(o, err);
    if (o->images) return usage(err, "--images is for scan");
    if (o->codes && o->command != PP_CMD_RENDER && o->command != PP_CMD_CHECK)
        return usage(err, "--codes is for render and check");
    if (o->codes && strcmp(o->codes, "qr") != 0 && strcmp(o->codes, "none") != 0)
        return usage(err, "--codes takes qr or none, not \"%s\"", o->codes);
    if (o->form && o->command != PP_CMD_RENDER) return usage(err, "--form is for render");
    if (check_print(o, err) != PP_OK) return err->status;
    if (o->command == PP_CMD_L10N_EXTRACT || o->command == PP_CMD_L10N_MERGE ||
        o->command == PP_CMD_TEMPLATE)
        return PP_OK;
    if (!o->format && o->output) o->format = ends_png(o->output) ? "png" : "pdf";
    if (o->format && strcmp(o->format, "pdf") != 0 && strcmp(o->format, "png") != 0)
        return usage(err, "--format must be pdf or png, not \"%s\"", o->format);
    if (o->form && strcmp(o->format, "pdf") != 0) return usage(err, "--form writes a PDF");
    return pdfa_option(o, err);
}
