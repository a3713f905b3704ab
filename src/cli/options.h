/* Command-line parsing for praatplaat. Pure: no I/O beyond what it returns; strings borrow argv. */
#ifndef PP_OPTIONS_H
#define PP_OPTIONS_H

#include "base/error.h"
#include "base/limits.h"

#include <stdbool.h>

typedef enum pp_command {
    PP_CMD_NONE,
    PP_CMD_RENDER,
    PP_CMD_CHECK,
    PP_CMD_L10N_EXTRACT,
    PP_CMD_L10N_MERGE,
    PP_CMD_TEMPLATE,
    PP_CMD_IMPORT,
    PP_CMD_PUBLISH,
    PP_CMD_SCAN
} pp_command;

typedef struct pp_options {
    pp_command command;
    bool help, version;
    const char *content;               /* the content file; publish: the folder of content files */
    const char *po;                    /* l10n merge: the translated PO file */
    const char *pdf;                   /* import: the filled form */
    bool form;                         /* render: a fillable PDF */
    const char *codes;                 /* render: "qr" or "none" (docs/scanning.md); NULL: none */
    const char *images;                /* scan: the folder for the cut-out notes areas, or NULL */
    const char *photos[PP_MAX_PHOTOS]; /* scan: the photos of one sheet */
    int n_photos;
    const char *session; /* render, check: a filled-in session to draw */
    const char *sheet;   /* a sheet kind's name (sheets/kinds.c); NULL: all */
    const char *paper;   /* NULL: the kind's default */
    int orientation;     /* <0 portrait, >0 landscape, 0 the layout's default */
    const char *output;
    const char *format;  /* "pdf" or "png"; NULL: from the output's extension */
    double dpi;          /* PNG previews */
    const char *data;    /* directory with layouts/, fonts/, schemas/ */
    const char *layouts; /* overrides data/layouts */
    const char *pdfa;    /* render: "2b", "1b" or "none"; NULL: the sheet kind's default */
    const char *sheets;  /* publish: comma-separated sheet names; NULL: the default set */
    const char *papers;  /* publish: comma-separated papers; NULL: the default set */
    int jobs;            /* publish: parallel workers; 0: the number of cores */
    const char *tile;    /* render --tile: A4 or A3, or NULL */
    double overlap;      /* --overlap, mm (default 10) */
    double tile_margin;  /* --tile-margin, mm (default 6) */
    bool marks;          /* render --marks */
    bool duplex;         /* render, check --duplex: sheets with a back side add it (the kaartjes) */
    bool verbose;        /* check: also what each sheet tells of its composition */
    double bleed;        /* --bleed, mm (default 3) */
    bool overlap_given, tile_margin_given, bleed_given;
} pp_options;

/* Fills o from argv; PP_ERR_USAGE with err set on a bad command line. */
pp_status pp_options_parse(int argc, char **argv, pp_options *o, pp_error *err);

/* Help texts for `praatplaat --help` and `praatplaat COMMAND --help`. */
const char *pp_options_usage(pp_command cmd);

#endif
