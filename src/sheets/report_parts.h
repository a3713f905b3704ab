/* What the reports' summaries of both families share (report.c: a praatplaat session;
 * report_network.c: a netwerkkaart session): the flow over pages inside layouts/report.xml's
 * margins, text as tagged paragraphs, a label with a session text under it, and the head (record,
 * title, partnership, date, participants). A pp_report lives on the caller's stack and borrows the
 * scene, environment, content, session and layout; what it draws belongs to the scene. */
#ifndef PP_REPORT_PARTS_H
#define PP_REPORT_PARTS_H

#include "sheets/flow.h"

#include <stdbool.h>

typedef struct pp_report {
    pp_flow fl;
    const pp_content *c;
    const pp_session *ss; /* NULL for a blank report */
    pp_layout *l;
} pp_report;

/* Sets r up for env (its content, session and layout) and starts the first page. */
void pp_report_begin(pp_report *r, pp_scene *s, const pp_sheet_env *env);

/* Text (text, or src's) in style as one structure element tag, after mm below it. */
void pp_report_tagged(pp_report *r, const char *tag, const pp_text *src, const char *text,
                      const char *style, double after);

/* A label (may be NULL) in small capitals and, under it, a session text (value, or src's) in the
 * session's direction: as paragraphs, or as the header and data cells of a table row (row). */
void pp_report_labelled(pp_report *r, const pp_text *label, const pp_text *src, const char *value,
                        bool row);

/* The record's line, the title, and the session's partnership, date and participants under the
 * labels given (each may be NULL: no label). */
void pp_report_head(pp_report *r, const pp_text *partnership, const pp_text *date,
                    const pp_text *participants);

#endif
