/* OUT/index.html and OUT/report.json of `praatplaat publish`. The page is static HTML and CSS in
 * one file: no network, no external resource, relative links only, every text escaped. Its few
 * words of its own (headings, column names) are English UI text of the program, not sheet text;
 * everything from the content (titles, ids, file names) is escaped. A short inline script only
 * counts the thumbnails that loaded into an element the browser test reads (#pp-status). */
#include "base/file.h"
#include "cli/publish.h"

#include <errno.h>
#include <math.h>
#include <string.h>

/* "%.2f" whatever the locale. */
static const char *num(char *buf, double v)
{
    return g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, "%.2f", v);
}

static bool text_shrunk(const pp_pub_text *t)
{
    return !t->overflow;
}

static size_t count_texts(const pp_pub_output *po, bool overflow)
{
    size_t n = 0;
    for (guint i = 0; po->texts && i < po->texts->len; i++)
        n += g_array_index(po->texts, pp_pub_text, i).overflow == overflow;
    return n;
}

/* "ok", "shrunk", "overflow" or "error". */
static const char *status_of(const pp_pub_output *po)
{
    return pp_error_isset(&po->err)                                       ? "error"
           : count_texts(po, true) || (po->problems && po->problems->len) ? "overflow"
           : count_texts(po, false)                                       ? "shrunk"
                                                                          : "ok";
}

/* Writes text to OUT/name atomically. */
static pp_status write_text(const pp_publication *pub, const char *name, const GString *text,
                            pp_error *err)
{
    char *path = g_build_filename(pub->out, name, NULL);
    FILE *f = NULL;
    char *tmp = pp_temp_beside(path, &f, err);
    if (tmp && fwrite(text->str, 1, text->len, f) != text->len)
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot write: %s", strerror(errno));
    if (tmp) pp_commit_file(f, tmp, path, err);
    g_free(path);
    return err->status;
}

/* ---- report.json ---- */

static void json_string(GString *out, const char *s)
{
    g_string_append_c(out, '"');
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '"' || *p == '\\')
            g_string_append_printf(out, "\\%c", *p);
        else if (*p < 0x20)
            g_string_append_printf(out, "\\u%04x", *p);
        else
            g_string_append_c(out, (char)*p);
    }
    g_string_append_c(out, '"');
}

static void json_text(GString *out, const pp_pub_text *t)
{
    char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE], c[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append(out, "{\"id\": ");
    json_string(out, t->id);
    g_string_append(out, ", \"where\": ");
    json_string(out, t->where);
    g_string_append(out, ", \"box\": ");
    json_string(out, t->box);
    g_string_append_printf(out,
                           ", \"page\": %u, \"nominal_pt\": %s, \"final_pt\": %s, \"ratio\": %s}",
                           t->page, num(a, t->nominal_pt), num(b, t->final_pt),
                           num(c, t->nominal_pt > 0 ? t->final_pt / t->nominal_pt : 1));
}

/* "shrunk": [...] or "overflow": [...] of one output. */
static void json_texts(GString *out, const pp_pub_output *po, bool overflow)
{
    g_string_append_printf(out, ",\n     \"%s\": [", overflow ? "overflow" : "shrunk");
    bool first = true;
    for (guint i = 0; po->texts && i < po->texts->len; i++) {
        const pp_pub_text *t = &g_array_index(po->texts, pp_pub_text, i);
        if (t->overflow != overflow) continue;
        g_string_append(out, first ? "\n      " : ",\n      ");
        json_text(out, t);
        first = false;
    }
    g_string_append(out, "]");
}

static void json_output(GString *out, const pp_publication *pub, const pp_pub_output *po)
{
    const pp_pub_lang *pl = &pub->langs[po->lang];
    g_string_append(out, "    {\"lang\": ");
    json_string(out, pl->c->lang);
    g_string_append(out, ", \"folder\": ");
    json_string(out, pl->stem);
    g_string_append(out, ", \"content\": ");
    json_string(out, pl->path);
    g_string_append_printf(out, ", \"sheet\": \"%s\", \"paper\": \"%s\",\n     \"pdf\": ",
                           po->kind->name, po->paper->name);
    json_string(out, po->pdf);
    g_string_append(out, ", \"thumbnail\": ");
    json_string(out, po->png);
    g_string_append_printf(out, ", \"pages\": %u, \"status\": \"%s\", \"error\": ", po->pages,
                           status_of(po));
    if (pp_error_isset(&po->err)) {
        char *msg = g_strdup_printf("%s%s%s", po->err.file, *po->err.file ? ": " : "", po->err.msg);
        json_string(out, msg);
        g_free(msg);
    } else
        g_string_append(out, "null");
    json_texts(out, po, false);
    json_texts(out, po, true);
    g_string_append(out, ",\n     \"problems\": [");
    for (guint i = 0; po->problems && i < po->problems->len; i++) {
        g_string_append(out, i ? ", " : "");
        json_string(out, po->problems->pdata[i]);
    }
    g_string_append(out, "]}");
}

static GString *report_json(const pp_publication *pub)
{
    GString *out =
        g_string_new("{\n  \"generator\": \"praatplaat " PP_VERSION "\",\n  \"folder\": ");
    json_string(out, pub->dir);
    bool ok = true;
    for (size_t i = 0; i < pub->n_outputs; i++)
        ok &= strcmp(status_of(&pub->outputs[i]), "overflow") != 0 &&
              strcmp(status_of(&pub->outputs[i]), "error") != 0;
    g_string_append_printf(out, ",\n  \"ok\": %s,\n  \"outputs\": [\n", ok ? "true" : "false");
    for (size_t i = 0; i < pub->n_outputs; i++) {
        json_output(out, pub, &pub->outputs[i]);
        g_string_append(out, i + 1 < pub->n_outputs ? ",\n" : "\n");
    }
    g_string_append(out, "  ]\n}\n");
    return out;
}

/* ---- index.html ---- */

static const char page_head[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>praatplaat publish: %s</title>\n<style>\n"
    "body{font-family:sans-serif;margin:1.5rem;color:#222;max-width:80rem}\n"
    "h2{border-bottom:2px solid #ccc;padding-bottom:.2rem;margin-top:2.5rem}\n"
    ".grid{display:flex;flex-wrap:wrap;gap:1rem}\n"
    "figure{margin:0;padding:.5rem;border:1px solid #ddd;background:#fafafa;width:240px}\n"
    "figure img{display:block;max-width:100%%;height:auto;border:1px solid #bbb;background:#fff}\n"
    "figcaption{font-size:.9rem;margin-top:.3rem}\n"
    ".ok{color:#1b5e20}.shrunk{color:#8a5a00}.overflow,.error{color:#b71c1c;font-weight:bold}\n"
    "table{border-collapse:collapse;margin-top:1rem;font-size:.9rem}\n"
    "th,td{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}\n"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    "</style>\n</head>\n<body>\n<h1>praatplaat publish: %s</h1>\n";

/* Counts the thumbnails that loaded, for the browser test; the page works without it. */
static const char page_tail[] =
    "<p id=\"pp-status\">thumbnails not checked</p>\n"
    "<script>\nwindow.addEventListener('load', function () {\n"
    "  var im = document.images, ok = 0;\n"
    "  for (var i = 0; i < im.length; i++) if (im[i].complete && im[i].naturalWidth > 0) ok++;\n"
    "  var s = document.getElementById('pp-status');\n"
    "  s.setAttribute('data-loaded', ok);\n  s.setAttribute('data-total', im.length);\n"
    "  s.textContent = ok + ' of ' + im.length + ' thumbnails loaded';\n});\n</script>\n"
    "</body>\n</html>\n";

/* Appends s escaped for HTML text and attribute values. */
static void esc(GString *out, const char *s)
{
    char *e = g_markup_escape_text(s ? s : "", -1);
    g_string_append(out, e);
    g_free(e);
}

/* Appends a relative link: each '/'-separated part percent-encoded, then escaped. */
static void href(GString *out, const char *rel)
{
    char **parts = g_strsplit(rel, "/", -1);
    for (size_t i = 0; parts[i]; i++) {
        char *u = g_uri_escape_string(parts[i], NULL, FALSE);
        if (i) g_string_append_c(out, '/');
        esc(out, u);
        g_free(u);
    }
    g_strfreev(parts);
}

static void html_figure(GString *out, const pp_pub_output *po)
{
    int h = po->page_w > 0 ? (int)ceil(PP_THUMB_PX * po->page_h / po->page_w) : PP_THUMB_PX;
    g_string_append(out, "<figure><a href=\"");
    href(out, po->pdf);
    g_string_append(out, "\"><img src=\"");
    href(out, po->png);
    g_string_append_printf(
        out, "\" width=\"%d\" height=\"%d\" alt=\"%s %s\"></a>\n<figcaption><a href=\"",
        PP_THUMB_PX, h, po->kind->name, po->paper->name);
    href(out, po->pdf);
    g_string_append_printf(out,
                           "\">%s %s</a> · %u page%s · <span class=\"%s\">%s</span>"
                           "</figcaption></figure>\n",
                           po->kind->name, po->paper->name, po->pages, po->pages == 1 ? "" : "s",
                           status_of(po), status_of(po));
}

static void html_text_row(GString *out, const pp_pub_output *po, const pp_pub_text *t)
{
    char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append_printf(out, "<tr><td>%s</td><td>%s</td><td>", po->kind->name, po->paper->name);
    esc(out, t->id);
    g_string_append(out, "</td><td>");
    esc(out, t->where);
    g_string_append(out, "</td><td>");
    esc(out, t->box);
    g_string_append_printf(out,
                           "</td><td class=\"n\">%u</td><td class=\"n\">%s</td>"
                           "<td class=\"n\">%s</td><td class=\"n\">%d%%</td>"
                           "<td class=\"%s\">%s</td></tr>\n",
                           t->page, num(a, t->nominal_pt), num(b, t->final_pt),
                           (int)lround(t->nominal_pt > 0 ? 100 * t->final_pt / t->nominal_pt : 100),
                           t->overflow ? "overflow" : "shrunk",
                           text_shrunk(t) ? "shrunk" : "does not fit");
}

/* The fit report of one language: a row per text shrunk or not fitting, and per failed output. */
static void html_fit_table(GString *out, const pp_publication *pub, size_t lang)
{
    g_string_append(out, "<table class=\"fit\">\n<tr><th>sheet</th><th>paper</th><th>id</th>"
                         "<th>where</th><th>box</th><th>page</th><th>nominal pt</th>"
                         "<th>final pt</th><th>size</th><th>result</th></tr>\n");
    size_t rows = 0;
    for (size_t i = 0; i < pub->n_outputs; i++) {
        const pp_pub_output *po = &pub->outputs[i];
        if (po->lang != lang) continue;
        for (guint k = 0; po->texts && k < po->texts->len; k++, rows++)
            html_text_row(out, po, &g_array_index(po->texts, pp_pub_text, k));
        if (!pp_error_isset(&po->err)) continue;
        g_string_append_printf(out, "<tr><td>%s</td><td>%s</td><td colspan=\"7\">", po->kind->name,
                               po->paper->name);
        esc(out, po->err.msg);
        g_string_append(out, "</td><td class=\"error\">error</td></tr>\n");
        rows++;
    }
    if (rows == 0)
        g_string_append(out, "<tr><td colspan=\"10\" class=\"ok\">every text at its nominal size"
                             "</td></tr>\n");
    g_string_append(out, "</table>\n");
}

static void html_lang(GString *out, const pp_publication *pub, size_t lang)
{
    const pp_pub_lang *pl = &pub->langs[lang];
    g_string_append(out, "<section id=\"lang-");
    esc(out, pl->stem);
    g_string_append(out, "\">\n<h2>");
    esc(out, pl->stem);
    g_string_append(out, ": <span lang=\"");
    esc(out, pl->c->lang);
    g_string_append(out, "\">");
    esc(out, pl->c->title.text);
    g_string_append(out, "</span></h2>\n<div class=\"grid\">\n");
    for (size_t i = 0; i < pub->n_outputs; i++)
        if (pub->outputs[i].lang == lang) html_figure(out, &pub->outputs[i]);
    g_string_append(out, "</div>\n<h3>Fit report</h3>\n");
    html_fit_table(out, pub, lang);
    g_string_append(out, "</section>\n");
}

static GString *index_html(const pp_publication *pub)
{
    char *dir = g_markup_escape_text(pub->dir, -1);
    GString *out = g_string_new(NULL);
    g_string_append_printf(out, page_head, dir, dir);
    g_free(dir);
    g_string_append(out, "<p>Every PDF links from its thumbnail. Sizes in points; "
                         "<span class=\"shrunk\">shrunk</span>: drawn below the layout's nominal "
                         "size; <span class=\"overflow\">does not fit</span>: too big even at "
                         "its minimum size. The same data: <a href=\"report.json\">report.json"
                         "</a>.</p>\n");
    for (size_t l = 0; l < pub->n_langs; l++)
        html_lang(out, pub, l);
    g_string_append(out, page_tail);
    return out;
}

pp_status pp_site_write(const pp_publication *pub, pp_error *err)
{
    GString *json = report_json(pub), *html = index_html(pub);
    if (write_text(pub, "report.json", json, err) == PP_OK)
        write_text(pub, "index.html", html, err);
    g_string_free(json, TRUE);
    g_string_free(html, TRUE);
    return err->status;
}
