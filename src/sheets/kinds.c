/* The table of sheet kinds: everything the document driver and the command line know of a kind.
 * One row per kind; see sheets/sheet.h for the columns. */
#include "sheets/sheet.h"

#include <string.h>

static const char *praatplaat_subject(const pp_content *c)
{
    return c->praatplaat.title.text;
}

static const char *followup_subject(const pp_content *c)
{
    return c->followup.name.text;
}

static const char *guide_subject(const pp_content *c)
{
    return c->colophon.short_line.text;
}

static const char *report_subject(const pp_content *c)
{
    return c->record.title.text;
}

static const char *const all_parts[] = {"praatplaat", "followup", "guide", NULL};
static const char *const report_parts[] = {"praatplaat", "followup", NULL};
static const char *const report_papers[] = {"A4", "A3", NULL};

static const pp_sheet_kind kinds[] = {
    {"praatplaat", PP_SHEET_SINGLE, "praatplaat.xml", pp_radial_plan, NULL, NULL, "A3", false,
     praatplaat_subject, pp_radial_keys, &pp_radial_n_keys},
    {"followup", PP_SHEET_SINGLE, "followup.xml", pp_followup_plan, NULL, NULL, "A3", false,
     followup_subject, pp_followup_keys, &pp_followup_n_keys},
    {"guide", PP_SHEET_SINGLE, "guide.xml", pp_guide_plan, NULL, NULL, "A3", false, guide_subject,
     pp_guide_keys, &pp_guide_n_keys},
    {"report", PP_SHEET_SINGLE, "report.xml", pp_report_plan, report_parts, report_papers, "A4",
     true, report_subject, pp_report_keys, &pp_report_n_keys},
    {"all", PP_SHEET_COMPOSITE, NULL, NULL, all_parts, NULL, "A3", false, praatplaat_subject, NULL,
     NULL},
    {"appendix", PP_SHEET_CONTINUATION, "report.xml", pp_appendix_plan, NULL, NULL, "A4", false,
     report_subject, pp_report_keys, &pp_report_n_keys},
};

const pp_sheet_kind *pp_sheet_find(const char *name)
{
    for (size_t i = 0; name && i < sizeof kinds / sizeof kinds[0]; i++)
        if (kinds[i].role != PP_SHEET_CONTINUATION && strcmp(kinds[i].name, name) == 0)
            return &kinds[i];
    return NULL;
}

const pp_sheet_kind *pp_sheet_at(size_t i)
{
    return i < sizeof kinds / sizeof kinds[0] ? &kinds[i] : NULL;
}

const pp_sheet_kind *pp_sheet_continuation(void)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (kinds[i].role == PP_SHEET_CONTINUATION) return &kinds[i];
    return NULL;
}
