/* The table of sheet kinds: everything the document driver and the command line know of a kind.
 * One row per kind; see sheets/sheet.h for the columns. */
#include "sheets/sheet.h"

#include <string.h>

static const char *praatplaat_subject(const pp_content *c)
{
    return c->praatplaat.title.text;
}

static const char *netwerkkaart_subject(const pp_content *c)
{
    return c->network.title.text;
}

static const char *all_subject(const pp_content *c)
{
    return c->family == PP_FAMILY_NETWORK ? netwerkkaart_subject(c) : praatplaat_subject(c);
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

static const char *const all_parts[] = {"praatplaat", "followup", "netwerkkaart",
                                        "kaartjes",   "guide",    NULL};
static const char *const card_papers[] = {"A4", "A3", NULL};
/* a report draws the filled sheets of its content's family */
static const char *const report_parts[] = {"praatplaat", "followup", "netwerkkaart", NULL};
static const char *const report_papers[] = {"A4", "A3", NULL};

static const pp_sheet_kind kinds[] = {
    {.name = "praatplaat",
     .layout = "praatplaat.xml",
     .plan = pp_radial_plan,
     .scanned = true,
     .default_paper = "A3",
     .family = PP_FAMILY_THEMES,
     .fillable = true,
     .subject = praatplaat_subject,
     .alt = pp_radial_alt,
     .keys = pp_radial_keys,
     .n_keys = &pp_radial_n_keys},
    {.name = "followup",
     .layout = "followup.xml",
     .plan = pp_followup_plan,
     .scanned = true,
     .default_paper = "A3",
     .family = PP_FAMILY_THEMES,
     .fillable = true,
     .subject = followup_subject,
     .alt = pp_followup_alt,
     .keys = pp_followup_keys,
     .n_keys = &pp_followup_n_keys},
    {.name = "guide",
     .layout = "guide.xml",
     .plan = pp_guide_plan,
     .default_paper = "A3",
     .subject = guide_subject,
     .keys = pp_guide_keys,
     .n_keys = &pp_guide_n_keys},
    {.name = "report",
     .layout = "report.xml",
     .plan = pp_report_plan,
     .parts = report_parts,
     .papers = report_papers,
     .default_paper = "A4",
     .needs_session = true,
     .subject = report_subject,
     .pdfa = "2b",
     .tagged = true,
     .keys = pp_report_keys,
     .n_keys = &pp_report_n_keys},
    {.name = "all",
     .role = PP_SHEET_COMPOSITE,
     .parts = all_parts,
     .default_paper = "A3",
     .fillable = true,
     .subject = all_subject},
    {.name = "netwerkkaart",
     .layout = "netwerkkaart.xml",
     .plan = pp_netwerkkaart_plan,
     .default_paper = "A1",
     .family = PP_FAMILY_NETWORK,
     .fillable = true,
     .scanned = true,
     .subject = netwerkkaart_subject,
     .alt = pp_netwerkkaart_alt,
     .keys = pp_netwerkkaart_keys,
     .n_keys = &pp_netwerkkaart_n_keys},
    {.name = "kaartjes",
     .layout = "kaartjes.xml",
     .plan = pp_kaartjes_plan,
     .papers = card_papers,
     .default_paper = "A4",
     .family = PP_FAMILY_NETWORK,
     .subject = netwerkkaart_subject,
     .keys = pp_kaartjes_keys,
     .n_keys = &pp_kaartjes_n_keys},
    {.name = "appendix",
     .role = PP_SHEET_CONTINUATION,
     .layout = "report.xml",
     .plan = pp_appendix_plan,
     .default_paper = "A4",
     .subject = report_subject,
     .keys = pp_report_keys,
     .n_keys = &pp_report_n_keys},
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
