/* praatplaat publish: every content file of a folder (one per language) as every sheet at every
 * paper, in one run, with a PNG thumbnail of each PDF, a page (index.html) and a report
 * (report.json) of what was shrunk and what does not fit.
 *
 * The parent process reads every content file and layout once, then forks the workers (-j): each
 * has one pp_typeset (fonts, hyphenation patterns) for all of its outputs and shares the parsed
 * content and layouts with the parent copy-on-write. Workers write the PDFs and thumbnails and
 * send back what the scene recorded (pp_fit); the parent prints the progress and writes the page
 * and the report. docs/architecture.md says why processes and not threads.
 *
 * A pp_publication owns everything it holds; it is made and freed inside pp_publish_run. */
#ifndef PP_PUBLISH_H
#define PP_PUBLISH_H

#include "base/error.h"
#include "cli/options.h"
#include "model/content.h"
#include "model/paper.h"
#include "sheets/sheet.h"

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

/* One content file: a language. */
typedef struct pp_pub_lang {
    char *stem; /* the file's name without .xml: the output's folder ("nl") */
    char *path; /* DIR/stem.xml as given */
    pp_content *c;
} pp_pub_lang;

/* A text shrunk below its nominal size, or one that does not fit. */
typedef struct pp_pub_text {
    char *id, *where, *box; /* element id ("" when unknown), "FILE:LINE", place on the sheet */
    unsigned page;          /* from 1 */
    double nominal_pt, final_pt;
    bool overflow;
} pp_pub_text;

/* One PDF: language × sheet × paper, and what its worker reported. */
typedef struct pp_pub_output {
    size_t lang; /* index into pp_publication.langs */
    const pp_sheet_kind *kind;
    const pp_paper *paper;
    char *pdf, *png; /* relative to the output folder, '/'-separated */
    bool done;       /* a result came back */
    pp_error err;    /* the job's error; status PP_OK when none */
    unsigned pages;
    double page_w, page_h; /* mm, the first page */
    GArray *texts;         /* of pp_pub_text, owned */
    GPtrArray *problems;   /* of char * "FILE:LINE: error: what", owned */
} pp_pub_output;

typedef struct pp_publication {
    const char *dir, *out; /* borrowed from the options */
    pp_pub_lang *langs;
    size_t n_langs;
    pp_pub_output *outputs; /* language-major, then sheet, then paper */
    size_t n_outputs;
} pp_publication;

/* Width of the thumbnails, in pixels. */
enum { PP_THUMB_PX = 240 };

/* Runs `praatplaat publish` for o with the data found in layouts_dir, fonts_dir and schema.
 * PP_ERR_INVALID (err unset) when some text does not fit; err set on any other failure. */
pp_status pp_publish_run(const pp_options *o, const char *layouts_dir, const char *fonts_dir,
                         const char *schema, pp_error *err);

/* OUT/index.html and OUT/report.json from a publication whose outputs came back (cli/site.c). */
pp_status pp_site_write(const pp_publication *pub, pp_error *err);

#endif
