/* praatplaat: the command line. Parses options, loads content, plans the sheets, reports problems
 * once, writes output. Every error travels up as a pp_error and is printed here, once. */
#include "base/file.h"
#include "cli/import.h"
#include "cli/options.h"
#include "cli/publish.h"
#include "cli/scan.h"
#include "cli/sheetpdf.h"
#include "doc/doc.h"
#include "l10n/l10n.h"
#include "model/content.h"
#include "model/formfields.h"
#include "model/paper.h"
#include "model/session.h"
#include "output/form.h"
#include "output/output.h"
#include "sheets/formpages.h"
#include "typeset/typeset.h"

#include <cairo.h>
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <libxml/parser.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Directories the program reads its own files from. */
typedef struct paths {
    char *data, *layouts, *fonts, *schema, *session_schema, *icc;
} paths;

/* An installed binary's data: PREFIX/share/praatplaat beside PREFIX/bin/praatplaat; NULL when this
 * binary is not installed that way (it runs from a build tree). */
static char *installed_data(void)
{
    char *exe = g_file_read_link("/proc/self/exe", NULL);
    if (!exe) return NULL;
    char *bin = g_path_get_dirname(exe);
    char *data = g_build_filename(bin, "..", "share", "praatplaat", NULL);
    char *layouts = g_build_filename(data, "layouts", NULL);
    bool found = g_file_test(layouts, G_FILE_TEST_IS_DIR);
    g_free(layouts);
    g_free(bin);
    g_free(exe);
    if (!found) g_clear_pointer(&data, g_free);
    return data;
}

/* The data directory: --data, else $PRAATPLAAT_DATA, else an installation's own, else the source
 * tree the program was built from. */
static paths find_paths(const pp_options *o)
{
    const char *env = getenv("PRAATPLAAT_DATA");
    paths p;
    bool given = o->data || (env && *env);
    char *installed = given ? NULL : installed_data();
    p.data = o->data     ? g_strdup(o->data)
             : given     ? g_strdup(env)
             : installed ? installed
                         : g_strdup(PP_DATA_DIR);
    p.layouts = o->layouts ? g_strdup(o->layouts) : g_build_filename(p.data, "layouts", NULL);
    p.fonts = g_build_filename(p.data, "fonts", NULL);
    p.schema = g_build_filename(p.data, "schemas", "content.rng", NULL);
    p.session_schema = g_build_filename(p.data, "schemas", "session.rng", NULL);
    p.icc = g_build_filename(p.data, "color", "sRGB.icc", NULL);
    return p;
}

static void free_paths(paths *p)
{
    g_free(p->data);
    g_free(p->layouts);
    g_free(p->fonts);
    g_free(p->schema);
    g_free(p->session_schema);
    g_free(p->icc);
}

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* Every problem; when one is fatal, only the first fatal one (the root cause). Warnings only with
 * `check` (warnings true). */
static void report(const pp_scene *s, const pp_paper *paper, bool warnings)
{
    bool fatal = pp_scene_fatal(s);
    for (size_t i = 0; i < s->n_problems; i++) {
        if (s->problems[i].warning) {
            if (warnings && !fatal)
                fprintf(stderr, "%s: warning: %s (paper %s)\n", s->problems[i].where,
                        s->problems[i].what, paper->name);
            continue;
        }
        if (!fatal || s->problems[i].fatal) {
            fprintf(stderr, "%s: error: %s (paper %s)\n", s->problems[i].where, s->problems[i].what,
                    paper->name);
            if (fatal) return;
        }
    }
}

/* --pdfa, else the kind's default (sheets/kinds.c). The options checked the name. */
static pp_pdfa pdfa_level(const pp_options *o, const pp_doc_request *r)
{
    pp_pdfa level = PP_PDFA_NONE;
    const char *name = o->pdfa ? o->pdfa : o->form ? NULL : r->kind->pdfa;
    if (name) pp_pdfa_parse(name, &level);
    return level;
}

/* The PDF (or PNG) of a planned scene, never over an input. */
static pp_status write_output(const pp_scene *s, const pp_options *o, const pp_doc_request *r,
                              const pp_content *c, const pp_session *ss, const pp_form *form,
                              const char *icc, pp_error *err)
{
    if (same_file(o->output, o->content) || (ss && same_file(o->output, o->session)))
        return pp_error_set(err, PP_ERR_USAGE, o->output, 0, "the output would overwrite an input");
    if (strcmp(o->format, "png") == 0) return pp_png_write(s, o->dpi, o->output, err);
    return pp_sheetpdf_write(s, r, c, ss, form, pdfa_level(o, r), icc, o->output, err);
}

/* `template`: an empty session to fill in. */
static pp_status run_template(const pp_options *o, const paths *p, pp_error *err)
{
    if (same_file(o->output, o->content))
        return pp_error_set(err, PP_ERR_USAGE, o->output, 0,
                            "the output would overwrite the input");
    pp_content *c = pp_content_load(o->content, p->schema, err);
    char *xml = c ? pp_session_template(c) : NULL;
    FILE *f = NULL;
    char *tmp = xml ? pp_temp_beside(o->output, &f, err) : NULL;
    /* On failure pp_commit_file removes tmp, unless it is the target itself (-o /dev/full): never
     * remove(tmp) here, which would delete the device. */
    if (tmp && fputs(xml, f) < 0)
        pp_error_set(err, PP_ERR_IO, o->output, 0, "cannot write the template: %s",
                     strerror(errno));
    if (tmp) pp_commit_file(f, tmp, o->output, err);
    g_free(xml);
    pp_content_free(c);
    return err->status;
}

/* The session of --session, bound to c; NULL without one or on error (err set). */
static pp_session *load_session(const pp_options *o, const pp_content *c, const paths *p,
                                pp_error *err)
{
    if (!o->session || !c) return NULL;
    if (!c->record.given) {
        pp_error_set(err, PP_ERR_INVALID, c->path, c->title.line,
                     "the content has no <record> block: its words are needed to draw a session "
                     "(docs/content-format.md)");
        return NULL;
    }
    return pp_session_load(o->session, c, p->session_schema, err);
}

/* A warning on stderr for each theme whose extra-attention marks on the praatplaat and on the
 * follow-up plaat disagree (check and render alike): not an error, the group may have changed its
 * mind, but one of the two sheets then says the wrong thing. */
static void warn_attention(const pp_session *ss, const pp_content *c)
{
    GArray *clashes = pp_session_attention_clashes(ss, c);
    for (guint i = 0; i < clashes->len; i++) {
        const pp_attention_clash *x = &g_array_index(clashes, pp_attention_clash, i);
        const char *words[3] = {"", c->yes.text, c->no.text};
        fprintf(stderr,
                "%s:%ld: warning: theme %s: extra attention is %s on the praatplaat but %s on the "
                "follow-up plaat (line %ld)\n",
                ss->path, x->line, c->themes[x->theme].name.text, words[x->praatplaat],
                words[x->followup], x->followup_line);
    }
    g_array_unref(clashes);
}

static pp_status run_l10n(const pp_options *o, const paths *p, pp_error *err)
{
    const char *in[2] = {o->content, o->po};
    for (int i = 0; i < 2; i++)
        if (in[i] && same_file(o->output, in[i]))
            return pp_error_set(err, PP_ERR_USAGE, o->output, 0,
                                "the output would overwrite an input");
    pp_content *c = pp_content_load(o->content, p->schema, err);
    if (c && o->command == PP_CMD_L10N_EXTRACT) pp_l10n_extract(c, o->output, err);
    if (c && o->command == PP_CMD_L10N_MERGE) pp_l10n_merge(c, o->po, o->output, stderr, err);
    pp_content_free(c);
    return err->status;
}

/* render --tile: the tile paper must be smaller than the poster's. */
static pp_status check_tile(const pp_options *o, const pp_doc_request *r, pp_error *err)
{
    const pp_paper *t = o->tile ? pp_paper_find(o->tile) : NULL;
    if (t && t->w * t->h >= r->paper->w * r->paper->h)
        return pp_error_set(err, PP_ERR_USAGE, NULL, 0,
                            "--tile %s is not smaller than the poster (%s): choose a larger "
                            "--paper or a smaller --tile",
                            t->name, r->paper->name);
    return PP_OK;
}

/* render --tile, --marks: the planned poster *s becomes the print pages (s is replaced by a scene
 * that owns it). Problems of the print pages are reported like the poster's. */
static pp_status plan_print(pp_scene **s, const pp_options *o, const pp_doc_request *r,
                            const paths *p, const pp_content *c, pp_typeset *ts, pp_error *err)
{
    char *file = g_path_get_basename(o->output);
    pp_print_request rq = {.tile = o->tile ? pp_paper_find(o->tile) : NULL,
                           .overlap = o->overlap,
                           .margin = o->tile_margin,
                           .marks = o->marks,
                           .bleed = o->bleed,
                           .sheet = r->kind->name,
                           .paper = r->paper->name,
                           .file = file};
    pp_scene *poster = *s;
    *s = pp_scene_new();
    pp_doc_print(*s, poster, &rq, p->layouts, c, ts, err);
    for (const pp_scene *x = *s; x && x != poster; x = x->source)
        report(x, r->paper, false);
    g_free(file);
    return err->status;
}

/* What `check` says of a planned scene. */
static void print_check(const pp_options *o, const pp_doc_request *r, const pp_scene *s,
                        const pp_session *ss)
{
    printf("%s: %s at %s: %zu page(s), %s", o->content, r->kind->name, r->paper->name, s->n_pages,
           pp_scene_errors(s) ? "some text does not fit" : "valid, all text fits");
    if (ss) printf("; %zu session text(s) go on in continuation pages", s->n_conts);
    putchar('\n');
    for (guint i = 0; o->verbose && s->figures && i < s->figures->len; i++)
        printf("  %s\n", (const char *)g_ptr_array_index(s->figures, i));
}

/* Text that does not fit, in s or in the scenes it draws again (render --tile, --marks). */
/* Problems of s and of the scenes it draws again (a tiled poster's): errors (not warnings), and
 * fatal ones. */
static bool any_errors(const pp_scene *s)
{
    for (; s; s = s->source)
        if (pp_scene_errors(s)) return true;
    return false;
}

static bool any_fatal(const pp_scene *s)
{
    for (; s; s = s->source)
        if (pp_scene_fatal(s)) return true;
    return false;
}

static pp_status run(const pp_options *o, bool *fonts_quiet, pp_error *err)
{
    if (o->command == PP_CMD_L10N_EXTRACT || o->command == PP_CMD_L10N_MERGE ||
        o->command == PP_CMD_TEMPLATE || o->command == PP_CMD_IMPORT || o->command == PP_CMD_SCAN) {
        paths p = find_paths(o);
        pp_scan_paths sp = {p.layouts, p.fonts, p.schema, p.session_schema};
        if (o->command == PP_CMD_SCAN)
            pp_scan_run(o->content, o->photos, o->n_photos, o->output, o->images, &sp, err);
        else if (o->command == PP_CMD_IMPORT)
            pp_import_form(o->content, o->pdf, o->output, p.schema, p.session_schema, err);
        else if (o->command == PP_CMD_TEMPLATE)
            run_template(o, &p, err);
        else
            run_l10n(o, &p, err);
        free_paths(&p);
        return err->status;
    }
    if (o->command == PP_CMD_PUBLISH) {
        paths p = find_paths(o);
        pp_status st = pp_publish_run(o, p.layouts, p.fonts, p.schema, err);
        free_paths(&p);
        return st;
    }
    pp_doc_request r;
    if (pp_doc_resolve(o->sheet, o->paper, o->orientation, o->session != NULL, o->form, &r, err) !=
            PP_OK ||
        check_tile(o, &r, err) != PP_OK)
        return err->status;
    /* scan codes by default on the sheets scan reads (docs/scanning.md) */
    bool qr = !o->codes || strcmp(o->codes, "qr") == 0;
    if (o->codes && qr && !pp_scan_codes_on(r.kind))
        return pp_error_set(
            err, PP_ERR_USAGE, NULL, 0,
            "--codes qr takes a sheet that scan reads: praatplaat, followup, netwerkkaart or all");
    paths p = find_paths(o);
    pp_content *c = pp_content_load(o->content, p.schema, err);
    pp_session *ss = pp_error_isset(err) ? NULL : load_session(o, c, &p, err);
    if (ss) warn_attention(ss, c);
    pp_typeset *ts = c && !pp_error_isset(err) ? pp_typeset_new(p.fonts, PP_HYPHEN_DIR, err) : NULL;
    pp_scene *s = pp_scene_new();
    /* A form draws the blank sheet; the session's answers become the fields' values. */
    s->form = o->form;
    s->duplex = o->duplex;
    gchar *codes = qr && c && pp_scan_codes_on(r.kind) ? pp_scan_codes(c) : NULL;
    s->codes = codes;
    if (ts && pp_doc_plan(s, &r, p.layouts, c, o->form ? NULL : ss, ts, err) == PP_OK) {
        report(s, r.paper, o->command != PP_CMD_RENDER);
        GHashTable *values = o->form ? pp_form_values(c, ss) : NULL;
        gchar *meta = o->form ? pp_form_meta(c) : NULL;
        pp_form form = {values, meta, s->n_pages};
        if (values) pp_form_plan_values(s, ts, c, values);
        bool planned = !(o->tile || o->marks) || plan_print(&s, o, &r, &p, c, ts, err) == PP_OK;
        /* A fatal problem (a character no font has) writes nothing: the PDF would be damaged. */
        if (planned && o->command != PP_CMD_RENDER)
            print_check(o, &r, s, ss);
        else if (planned && !any_fatal(s))
            write_output(s, o, &r, c, ss, o->form ? &form : NULL, p.icc, err);
        if (values) g_hash_table_destroy(values);
        g_free(meta);
    }
    pp_status st = pp_error_isset(err) ? err->status : any_errors(s) ? PP_ERR_INVALID : PP_OK;
    pp_scene_free(s);
    g_free(codes);
    *fonts_quiet = pp_typeset_free(ts);
    pp_session_free(ss);
    pp_content_free(c);
    free_paths(&p);
    return st;
}

/* Releases library caches so leak checkers see only real leaks; nothing else needs it, the process
 * ends next. Issue #10: FcFini() aborted about one `check` in six (FcCacheFini: Assertion
 * `fcCacheChains[i] == NULL'), because pango 1.50 matches and sorts fonts in threads of their own
 * that still held cached font patterns when main() returned. pp_typeset_free now waits for them
 * (fonts_quiet). As a second guard FcFini() runs only where a leak checker looks: the sanitizer
 * build, or PRAATPLAAT_LEAK_CHECK=1 (tests/valgrind.sh); pango-view never calls it either. */
static void release_libraries(bool fonts_quiet)
{
#ifdef PP_SANITIZE
    bool leak_check = true;
#else
    const char *env = getenv("PRAATPLAAT_LEAK_CHECK");
    bool leak_check = env && strcmp(env, "1") == 0;
#endif
    if (!leak_check) return;
    pango_cairo_font_map_set_default(NULL);
    cairo_debug_reset_static_data();
    if (fonts_quiet) FcFini();
    xmlCleanupParser();
}

int main(int argc, char **argv)
{
    pp_error err = {0};
    pp_options o;
    if (pp_options_parse(argc, argv, &o, &err) != PP_OK) {
        pp_error_print(&err, stderr);
        fputs("Try 'praatplaat --help'.\n", stderr);
        return PP_ERR_USAGE;
    }
    if (o.help) {
        fputs(pp_options_usage(o.command), stdout);
        return PP_OK;
    }
    if (o.version) {
        printf("praatplaat %s\n", PP_VERSION);
        return PP_OK;
    }
    bool fonts_quiet = true;
    pp_status st = run(&o, &fonts_quiet, &err);
    if (pp_error_isset(&err)) pp_error_print(&err, stderr);
    release_libraries(fonts_quiet);
    return (int)st;
}
