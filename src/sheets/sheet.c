#include "sheets/sheet.h"

#include <glib.h>
#include <string.h>

static const pp_sheet_kind kinds[] = {
    {"praatplaat", "praatplaat.xml", pp_radial_plan, true},
    {"followup", "followup.xml", pp_followup_plan, true},
    {"guide", "guide.xml", pp_guide_plan, true},
    {"report", "report.xml", pp_report_plan, false},
};

static const pp_sheet_kind appendix = {"appendix", "report.xml", pp_appendix_plan, false};

const pp_sheet_kind *pp_sheet_find(const char *name)
{
    for (size_t i = 0; name && i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kinds[i].name, name) == 0) return &kinds[i];
    return NULL;
}

const pp_sheet_kind *pp_sheet_at(size_t i)
{
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        if (kinds[k].in_all && i-- == 0) return &kinds[k];
    return NULL;
}

const pp_sheet_kind *pp_sheet_appendix(void)
{
    return &appendix;
}

static bool check_fonts(const pp_layout *l, pp_typeset *ts, const char *path, pp_error *err)
{
    for (size_t i = 0; i < pp_layout_n_styles(l); i++)
        if (!pp_typeset_check_face(ts, pp_layout_style_at(l, i)->family,
                                   pp_layout_style_at(l, i)->weight,
                                   pp_layout_style_at(l, i)->italic, path, err))
            return false;
    return true;
}

pp_status pp_sheet_add(pp_scene *s, const pp_sheet_kind *kind, const pp_content *c,
                       const pp_session *session, pp_typeset *ts, const char *layouts_dir,
                       const pp_paper *paper, int orientation, pp_error *err)
{
    char *path = g_build_filename(layouts_dir, kind->layout, NULL);
    pp_layout *l = pp_layout_load(path, paper, orientation, err);
    bool ok = l && check_fonts(l, ts, path, err);
    g_free(path);
    if (!ok) {
        pp_layout_free(l);
        return err->status;
    }
    pp_scene_keep_layout(s, l);
    double lo = pp_layout_has_number(l, "themes-min")
                    ? pp_layout_num_in(l, "themes-min", 1, PP_MAX_THEMES)
                    : 1;
    double hi = pp_layout_has_number(l, "themes-max")
                    ? pp_layout_num_in(l, "themes-max", lo, PP_MAX_THEMES)
                    : PP_MAX_THEMES;
    if (pp_layout_status(l, err) != PP_OK) return err->status;
    if ((double)c->n_themes < lo || (double)c->n_themes > hi)
        return pp_error_set(err, PP_ERR_INVALID, c->path, c->themes[0].line,
                            "the %s sheet supports %g to %g themes; the content has %zu",
                            kind->name, lo, hi, c->n_themes);
    if (c->n_themes > pp_layout_palette_size(l))
        return pp_error_set(err, PP_ERR_INVALID, c->path, c->themes[0].line,
                            "%zu themes, but the %s layout has colours for at most %zu",
                            c->n_themes, kind->name, pp_layout_palette_size(l));
    pp_typeset_set_language(ts, c->lang);
    s->sheet = kind->name;
    pp_sheet_env env = {c, ts, l, session};
    size_t first = s->n_pages;
    kind->plan(s, &env);
    if (pp_typeset_is_rtl(c->title.text)) pp_scene_mirror(s, first);
    return pp_layout_status(l, err);
}
