#include "cli/publish.h"

#include "cli/scan.h"
#include "cli/sheetpdf.h"
#include "doc/doc.h"
#include "output/output.h"
#include "typeset/typeset.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* A worker's result for one output: index, error (status, file, line, message), pages, first page
 * size, the texts (id, where, box, page, nominal, final, overflow) and the problems. */
#define RESULT_TYPE "(uisxsudda(sssuddb)as)"

static const char *const default_papers = "A4,A3,A0";

/* Without --sheets, a folder gets its own family's sheets; without --papers too, each at the
 * papers it is made for (the netwerkkaart for the group at A1 and A0 and for the note-taker at A3,
 * the cards and guide at A4). */
typedef struct own_sheet {
    pp_family family;
    const char *sheet, *papers;
} own_sheet;
static const own_sheet own_sheets[] = {
    {PP_FAMILY_THEMES, "praatplaat", default_papers},
    {PP_FAMILY_THEMES, "followup", default_papers},
    {PP_FAMILY_THEMES, "guide", default_papers},
    {PP_FAMILY_NETWORK, "netwerkkaart", "A3,A1,A0"},
    {PP_FAMILY_NETWORK, "kaartjes", "A4"},
    {PP_FAMILY_NETWORK, "guide", "A4"},
};

/* A stem becomes a folder of the output and part of its links: a language tag's characters. */
static bool good_stem(const char *s)
{
    if (!g_ascii_isalnum(s[0])) return false;
    for (; *s; s++)
        if (!g_ascii_isalnum(*s) && *s != '-' && *s != '_') return false;
    return true;
}

static int by_name(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The stems of DIR's *.xml files, sorted; NULL with err set when there are none. */
static GPtrArray *list_contents(const char *dir, pp_error *err)
{
    GError *ge = NULL;
    GDir *d = g_dir_open(dir, 0, &ge);
    if (!d) {
        pp_error_set(err, PP_ERR_IO, dir, 0, "cannot open the folder: %s", ge->message);
        g_error_free(ge);
        return NULL;
    }
    GPtrArray *stems = g_ptr_array_new_with_free_func(g_free);
    for (const char *name; (name = g_dir_read_name(d));)
        if (g_str_has_suffix(name, ".xml") && name[0] != '.')
            g_ptr_array_add(stems, g_strndup(name, strlen(name) - 4));
    g_dir_close(d);
    g_ptr_array_sort(stems, by_name);
    for (size_t i = 0; i < stems->len && !pp_error_isset(err); i++)
        if (!good_stem(stems->pdata[i]))
            pp_error_set(err, PP_ERR_INVALID, dir, 0,
                         "\"%s.xml\": a content file's name becomes a folder of the output; use "
                         "letters, digits, '-' and '_' (a language tag, such as pt-BR.xml)",
                         (char *)stems->pdata[i]);
    if (!pp_error_isset(err) && stems->len == 0)
        pp_error_set(err, PP_ERR_USAGE, dir, 0, "no content files (*.xml) in this folder");
    if (!pp_error_isset(err) && stems->len > PP_MAX_PUBLISH_FILES)
        pp_error_set(err, PP_ERR_USAGE, dir, 0, "%u content files; publish takes at most %d",
                     stems->len, PP_MAX_PUBLISH_FILES);
    if (pp_error_isset(err)) g_clear_pointer(&stems, g_ptr_array_unref);
    return stems;
}

/* The items of a comma-separated list, each resolved by pp_doc_resolve into r (sheet or paper);
 * duplicates dropped. A usage error for an empty item or one the resolver refuses. */
static GArray *resolve_list(const char *list, bool sheets, pp_error *err)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(pp_doc_request));
    char **items = g_strsplit(list, ",", -1);
    for (size_t i = 0; items[i] && !pp_error_isset(err); i++) {
        const char *it = g_strstrip(items[i]);
        pp_doc_request r;
        if (!*it)
            pp_error_set(err, PP_ERR_USAGE, NULL, 0, "--%s has an empty item: \"%s\"",
                         sheets ? "sheets" : "papers", list);
        else if (pp_doc_resolve(sheets ? it : "praatplaat", sheets ? "A4" : it, 0, false, false, &r,
                                err) == PP_OK) {
            bool dup = false;
            for (guint k = 0; k < out->len; k++)
                dup |= sheets ? g_array_index(out, pp_doc_request, k).kind == r.kind
                              : g_array_index(out, pp_doc_request, k).paper == r.paper;
            if (!dup) g_array_append_val(out, r);
        }
    }
    g_strfreev(items);
    if (pp_error_isset(err)) g_clear_pointer(&out, g_array_unref);
    return out;
}

static void free_output(pp_pub_output *po)
{
    g_free(po->pdf);
    g_free(po->png);
    for (guint i = 0; po->texts && i < po->texts->len; i++) {
        pp_pub_text *t = &g_array_index(po->texts, pp_pub_text, i);
        g_free(t->id), g_free(t->where), g_free(t->box);
    }
    if (po->texts) g_array_unref(po->texts);
    if (po->problems) g_ptr_array_unref(po->problems);
}

static void free_publication(pp_publication *pub)
{
    for (size_t i = 0; i < pub->n_outputs; i++)
        free_output(&pub->outputs[i]);
    g_free(pub->outputs);
    for (size_t i = 0; i < pub->n_langs; i++) {
        g_free(pub->langs[i].stem);
        g_free(pub->langs[i].path);
        pp_content_free(pub->langs[i].c);
    }
    g_free(pub->langs);
}

/* Adds the output of kind k at paper pa for language l. */
static void add_output(pp_publication *pub, size_t l, const pp_sheet_kind *k, const pp_paper *pa)
{
    pp_pub_output *po = &pub->outputs[pub->n_outputs++];
    po->lang = l;
    po->kind = k;
    po->paper = pa;
    po->pdf = g_strdup_printf("%s/%s-%s.pdf", pub->langs[l].stem, k->name, pa->name);
    po->png = g_strdup_printf("%s/%s-%s.png", pub->langs[l].stem, k->name, pa->name);
}

/* The outputs of language l without --sheets: its family's own sheets, each at its own papers,
 * or at those of --papers that it allows (papers, or NULL). */
static pp_status own_outputs(pp_publication *pub, size_t l, GArray *papers, pp_error *err)
{
    for (size_t i = 0; i < sizeof own_sheets / sizeof own_sheets[0] && !pp_error_isset(err); i++) {
        if (own_sheets[i].family != pub->langs[l].c->family) continue;
        GArray *own = papers ? g_array_ref(papers) : resolve_list(own_sheets[i].papers, false, err);
        for (guint p = 0; own && p < own->len; p++) {
            pp_doc_request r;
            pp_error quiet = {0}; /* a paper of --papers this sheet is not made for: left out */
            if (pp_doc_resolve(own_sheets[i].sheet,
                               g_array_index(own, pp_doc_request, p).paper->name, 0, false, false,
                               &r, &quiet) == PP_OK)
                add_output(pub, l, r.kind, r.paper);
        }
        if (own) g_array_unref(own);
    }
    return err->status;
}

/* Every language × sheet × paper, language-major, leaving out the sheets of the other content
 * family; a usage error for a paper a sheet does not allow. sheets NULL: each language's own
 * (own_sheets). */
static pp_status plan_outputs(pp_publication *pub, GArray *sheets, GArray *papers, pp_error *err)
{
    size_t n_kinds = 0, n_papers = 0;
    while (pp_sheet_at(n_kinds))
        n_kinds++;
    for (const char *p = pp_paper_names(); *p; p++)
        n_papers += *p == ','; /* more than enough: at most one output per kind and paper */
    pub->outputs = g_new0(pp_pub_output, pub->n_langs * n_kinds * (n_papers + 1));
    for (size_t l = 0; l < pub->n_langs && !pp_error_isset(err); l++) {
        if (!sheets) {
            own_outputs(pub, l, papers, err);
            continue;
        }
        for (guint s = 0; s < sheets->len; s++)
            for (guint p = 0; p < papers->len && !pp_error_isset(err); p++) {
                const pp_sheet_kind *k = g_array_index(sheets, pp_doc_request, s).kind;
                const pp_paper *pa = g_array_index(papers, pp_doc_request, p).paper;
                if (k->family && k->family != pub->langs[l].c->family) break; /* not its sheet */
                pp_doc_request r;
                if (pp_doc_resolve(k->name, pa->name, 0, false, false, &r, err) != PP_OK) break;
                add_output(pub, l, k, pa);
            }
    }
    return err->status;
}

/* Reads every content file of o->content and lists the outputs. */
static pp_status gather(pp_publication *pub, const pp_options *o, const char *schema, pp_error *err)
{
    GArray *sheets = o->sheets ? resolve_list(o->sheets, true, err) : NULL;
    GArray *papers = o->papers ? resolve_list(o->papers, false, err)
                     : sheets  ? resolve_list(default_papers, false, err)
                               : NULL;
    GPtrArray *stems = !pp_error_isset(err) ? list_contents(o->content, err) : NULL;
    if (stems) pub->langs = g_new0(pp_pub_lang, stems->len);
    for (guint i = 0; stems && i < stems->len && !pp_error_isset(err); i++) {
        pp_pub_lang *pl = &pub->langs[pub->n_langs++];
        pl->stem = g_strdup(stems->pdata[i]);
        pl->path = g_strdup_printf("%s%s%s.xml", o->content,
                                   g_str_has_suffix(o->content, "/") ? "" : "/", pl->stem);
        pl->c = pp_content_load(pl->path, schema, err);
    }
    if (!pp_error_isset(err)) plan_outputs(pub, sheets, papers, err);
    if (stems) g_ptr_array_unref(stems);
    if (papers) g_array_unref(papers);
    if (sheets) g_array_unref(sheets);
    return err->status;
}

/* OUT and OUT/LANG, created when missing and writable. */
static pp_status make_folders(const pp_publication *pub, pp_error *err)
{
    for (size_t i = 0; i <= pub->n_langs && !pp_error_isset(err); i++) {
        char *d =
            i == 0 ? g_strdup(pub->out) : g_build_filename(pub->out, pub->langs[i - 1].stem, NULL);
        if (g_mkdir_with_parents(d, 0777) != 0 || access(d, W_OK | X_OK) != 0)
            pp_error_set(err, PP_ERR_IO, d, 0, "cannot create or write the output folder: %s",
                         strerror(errno));
        g_free(d);
    }
    return err->status;
}

/* What the scene recorded of the texts that were shrunk or do not fit, and its problems. */
static void collect_fits(const pp_scene *s, GVariantBuilder *texts, GVariantBuilder *problems,
                         const pp_paper *paper)
{
    for (size_t p = 0; p < s->n_pages; p++)
        for (size_t i = 0; i < s->pages[p].n; i++) {
            const pp_op *op = &s->pages[p].ops[i];
            const pp_fit *f = &op->fit;
            if ((op->kind != PP_OP_TEXT && op->kind != PP_OP_ARC_TEXT) ||
                (!f->overflow && f->final_pt >= f->nominal_pt - 1e-6))
                continue;
            char *where = g_strdup_printf("%s:%ld", f->file ? f->file : "?", f->line);
            g_variant_builder_add(texts, "(sssuddb)", f->id ? f->id : "", where,
                                  op->role ? op->role : "", (guint32)(p + 1), f->nominal_pt,
                                  f->final_pt, (gboolean)f->overflow);
            g_free(where);
        }
    for (size_t i = 0; i < s->n_problems; i++) {
        if (s->problems[i].warning) continue; /* as render: warnings are check's (no dictionary) */
        char *line = g_strdup_printf("%s: error: %s (paper %s)", s->problems[i].where,
                                     s->problems[i].what, paper->name);
        g_variant_builder_add(problems, "s", line);
        g_free(line);
    }
}

/* Plans, writes and thumbnails output i; returns its result. */
/* The PDF/A level render gives the kind without --pdfa, for byte-identical files. A kind with a
 * PDF/A default needs a session (the report), which publish never draws: no colour profile. */
static pp_pdfa default_pdfa(const pp_doc_request *r)
{
    pp_pdfa level = PP_PDFA_NONE;
    if (r->kind->pdfa) pp_pdfa_parse(r->kind->pdfa, &level);
    return level;
}

static GVariant *render_one(const pp_publication *pub, size_t i, pp_doc_layouts *lc, pp_typeset *ts,
                            const pp_error *start)
{
    const pp_pub_output *po = &pub->outputs[i];
    const pp_content *c = pub->langs[po->lang].c;
    pp_error err = *start;
    pp_doc_request r = {po->kind, po->paper, 0};
    pp_scene *s = pp_scene_new();
    gchar *codes = c && pp_scan_codes_on(po->kind) ? pp_scan_codes(c) : NULL; /* as render */
    s->codes = codes;
    GVariantBuilder texts, problems;
    g_variant_builder_init(&texts, G_VARIANT_TYPE("a(sssuddb)"));
    g_variant_builder_init(&problems, G_VARIANT_TYPE("as"));
    if (ts && pp_doc_plan_cached(s, &r, lc, c, ts, &err) == PP_OK) {
        collect_fits(s, &texts, &problems, po->paper);
        char *pdf = g_build_filename(pub->out, po->pdf, NULL);
        char *png = g_build_filename(pub->out, po->png, NULL);
        if (pp_sheetpdf_write(s, &r, c, NULL, NULL, default_pdfa(&r), NULL, pdf, &err) == PP_OK)
            pp_png_thumbnail(s, PP_THUMB_PX, png, &err);
        g_free(pdf);
        g_free(png);
    }
    const pp_page *first = s->n_pages ? &s->pages[0] : NULL;
    GVariant *v = g_variant_new(RESULT_TYPE, (guint32)i, (gint32)err.status, err.file,
                                (gint64)err.line, err.msg, (guint32)s->n_pages,
                                first ? first->w : 0.0, first ? first->h : 0.0, &texts, &problems);
    pp_scene_free(s);
    g_free(codes);
    return g_variant_ref_sink(v);
}

/* Writes all of buf to fd; false on failure. */
static bool write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return false;
        p += k;
        n -= (size_t)k;
    }
    return true;
}

/* A message: its length (4 bytes, host order) and the serialised result. */
static bool send_result(int fd, GVariant *v)
{
    uint32_t n = (uint32_t)g_variant_get_size(v);
    return write_all(fd, &n, sizeof n) && write_all(fd, g_variant_get_data(v), n);
}

/* The worker process: outputs from..to-1 with one text engine, results to fd. Never returns. */
static void work(const pp_publication *pub, size_t from, size_t to, pp_doc_layouts *lc,
                 const char *fonts_dir, int fd)
{
    pp_error start = {0};
    pp_typeset *ts = pp_typeset_new(fonts_dir, PP_HYPHEN_DIR, &start);
    bool ok = true;
    for (size_t i = from; i < to && ok; i++) {
        GVariant *v = render_one(pub, i, lc, ts, &start);
        ok = send_result(fd, v);
        g_variant_unref(v);
    }
    close(fd);
    pp_typeset_free(ts);
    _exit(ok ? 0 : 3);
}

/* Stores a result in its output *index; false when it is not one of the worker's outputs. */
static bool store_result(pp_publication *pub, GVariant *v, size_t from, size_t to, size_t *index)
{
    guint32 i, pages;
    gint32 status;
    gint64 line;
    char *file, *msg; /* copies ("s"): freed below */
    double w, h;
    GVariantIter *texts, *problems;
    g_variant_get(v, RESULT_TYPE, &i, &status, &file, &line, &msg, &pages, &w, &h, &texts,
                  &problems);
    bool mine = i >= from && i < to && !pub->outputs[i].done;
    pp_pub_output *po = mine ? &pub->outputs[i] : NULL;
    *index = i;
    if (po) {
        po->done = true;
        if (status != PP_OK)
            pp_error_set(&po->err, (pp_status)status, *file ? file : NULL, line, "%s", msg);
        po->pages = pages, po->page_w = w, po->page_h = h;
        po->texts = g_array_new(FALSE, FALSE, sizeof(pp_pub_text));
        po->problems = g_ptr_array_new_with_free_func(g_free);
        pp_pub_text t;
        gboolean over;
        while (g_variant_iter_next(texts, "(sssuddb)", &t.id, &t.where, &t.box, &t.page,
                                   &t.nominal_pt, &t.final_pt, &over))
            t.overflow = over, g_array_append_val(po->texts, t);
        for (char *p; g_variant_iter_next(problems, "s", &p);)
            g_ptr_array_add(po->problems, p);
    }
    g_variant_iter_free(texts);
    g_variant_iter_free(problems);
    g_free(file);
    g_free(msg);
    return mine;
}

/* A running worker: its process, the read end of its pipe, its outputs and what came so far. */
typedef struct worker {
    pid_t pid;
    int fd;
    size_t from, to;
    GByteArray *buf;
} worker;

/* The progress line of one finished output. */
static void progress(const pp_publication *pub, size_t i, size_t done, bool tty)
{
    const pp_pub_output *po = &pub->outputs[i];
    fprintf(stderr, "%s[%zu/%zu] %s %s %s%s", tty ? "\r\033[K" : "", done, pub->n_outputs,
            pub->langs[po->lang].stem, po->kind->name, po->paper->name,
            tty && done < pub->n_outputs ? "" : "\n");
    fflush(stderr);
}

/* Takes every complete message out of w's buffer. */
static void drain(pp_publication *pub, worker *w, size_t *done, bool tty)
{
    uint32_t n;
    while (w->buf->len >= sizeof n) {
        memcpy(&n, w->buf->data, sizeof n);
        if (w->buf->len - sizeof n < n) return;
        GBytes *bytes = g_bytes_new(w->buf->data + sizeof n, n);
        GVariant *v = g_variant_new_from_bytes(G_VARIANT_TYPE(RESULT_TYPE), bytes, FALSE);
        size_t i;
        if (store_result(pub, v, w->from, w->to, &i)) progress(pub, i, ++*done, tty);
        g_variant_unref(v);
        g_bytes_unref(bytes);
        g_byte_array_remove_range(w->buf, 0, sizeof n + n);
    }
}

/* Starts a worker for outputs from..to-1; false with err set when it cannot. */
static bool start_worker(const pp_publication *pub, worker *w, pp_doc_layouts *lc,
                         const char *fonts_dir, pp_error *err)
{
    int fds[2];
    if (pipe(fds) != 0) {
        pp_error_set(err, PP_ERR_IO, NULL, 0, "cannot start a worker: %s", strerror(errno));
        return false;
    }
    fflush(NULL);
    w->pid = fork();
    if (w->pid == 0) {
        close(fds[0]);
        work(pub, w->from, w->to, lc, fonts_dir, fds[1]);
    }
    close(fds[1]);
    if (w->pid < 0) {
        close(fds[0]);
        pp_error_set(err, PP_ERR_IO, NULL, 0, "cannot start a worker: %s", strerror(errno));
        return false;
    }
    w->fd = fds[0];
    w->buf = g_byte_array_new();
    return true;
}

/* Reads what the workers send until every pipe is closed. */
static void collect(pp_publication *pub, worker *ws, size_t n)
{
    bool tty = isatty(STDERR_FILENO);
    size_t done = 0, open = n;
    struct pollfd *pfd = g_new(struct pollfd, n);
    while (open > 0) {
        for (size_t i = 0; i < n; i++)
            pfd[i] = (struct pollfd){.fd = ws[i].fd, .events = POLLIN};
        if (poll(pfd, n, -1) < 0 && errno != EINTR) break;
        for (size_t i = 0; i < n; i++) {
            if (ws[i].fd < 0 || !(pfd[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            guint8 chunk[65536];
            ssize_t k = read(ws[i].fd, chunk, sizeof chunk);
            if (k < 0 && errno == EINTR) continue;
            if (k > 0) {
                g_byte_array_append(ws[i].buf, chunk, (guint)k);
                drain(pub, &ws[i], &done, tty);
                continue;
            }
            close(ws[i].fd);
            ws[i].fd = -1;
            open--;
        }
    }
    g_free(pfd);
}

/* Waits for the workers; an output whose result never came gets an error naming the cause. */
static void reap(pp_publication *pub, worker *ws, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int st = 0;
        while (waitpid(ws[i].pid, &st, 0) < 0 && errno == EINTR)
            ;
        for (size_t k = ws[i].from; k < ws[i].to; k++)
            if (!pub->outputs[k].done)
                pp_error_set(&pub->outputs[k].err, PP_ERR_IO, pub->outputs[k].pdf, 0,
                             "its worker ended before writing it (%s %d)",
                             WIFSIGNALED(st) ? "signal" : "exit code",
                             WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
        g_byte_array_unref(ws[i].buf);
    }
}

/* Renders every output with min(jobs, outputs) workers, each taking a contiguous block (so a
 * worker mostly keeps one language and its hyphenation patterns). */
static pp_status run_workers(pp_publication *pub, int jobs, pp_doc_layouts *lc,
                             const char *fonts_dir, pp_error *err)
{
    size_t n = MIN((size_t)jobs, pub->n_outputs), started = 0;
    worker *ws = g_new0(worker, n);
    for (size_t i = 0; i < n; i++) {
        ws[i].from = pub->n_outputs * i / n;
        ws[i].to = pub->n_outputs * (i + 1) / n;
        if (!start_worker(pub, &ws[i], lc, fonts_dir, err)) break;
        started++;
    }
    collect(pub, ws, started);
    reap(pub, ws, started);
    g_free(ws);
    return err->status;
}

/* Prints every text that does not fit, as render does; the first output error goes into err.
 * PP_ERR_INVALID when some text does not fit. */
static pp_status report_problems(const pp_publication *pub, pp_error *err)
{
    bool problems = false;
    for (size_t i = 0; i < pub->n_outputs; i++) {
        const pp_pub_output *po = &pub->outputs[i];
        for (guint k = 0; po->problems && k < po->problems->len; k++)
            fprintf(stderr, "%s\n", (char *)po->problems->pdata[k]);
        problems |= po->problems && po->problems->len > 0;
        if (pp_error_isset(&po->err) && !pp_error_isset(err)) *err = po->err;
    }
    return pp_error_isset(err) ? err->status : problems ? PP_ERR_INVALID : PP_OK;
}

static int default_jobs(void)
{
    return CLAMP((int)g_get_num_processors(), 1, PP_MAX_JOBS);
}

pp_status pp_publish_run(const pp_options *o, const char *layouts_dir, const char *fonts_dir,
                         const char *schema, pp_error *err)
{
    pp_publication pub = {.dir = o->content, .out = o->output};
    pp_doc_layouts *lc = pp_doc_layouts_new(layouts_dir);
    if (gather(&pub, o, schema, err) == PP_OK) {
        for (size_t i = 0; i < pub.n_outputs && !pp_error_isset(err); i++) {
            pp_doc_request r = {pub.outputs[i].kind, pub.outputs[i].paper, 0};
            pp_doc_layouts_load(lc, &r, err);
        }
    }
    if (!pp_error_isset(err) && !g_file_test(fonts_dir, G_FILE_TEST_IS_DIR))
        pp_error_set(err, PP_ERR_IO, fonts_dir, 0, "fonts directory not found");
    if (!pp_error_isset(err) && make_folders(&pub, err) == PP_OK &&
        run_workers(&pub, o->jobs ? o->jobs : default_jobs(), lc, fonts_dir, err) == PP_OK)
        pp_site_write(&pub, err);
    pp_status st = pp_error_isset(err) ? err->status : report_problems(&pub, err);
    free_publication(&pub);
    pp_doc_layouts_free(lc);
    return st;
}
