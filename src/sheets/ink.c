#include "sheets/ink.h"

#include "model/record.h"

#include <glib.h>
#include <string.h>

gchar *pp_ink_no_break(gchar *s)
{
    gchar **parts = g_strsplit(s, " ", -1);
    gchar *out = g_strjoinv("\u00a0", parts);
    g_strfreev(parts);
    g_free(s);
    return out;
}

bool pp_ink_direction(const pp_sheet_env *env)
{
    bool was = pp_typeset_rtl(env->ts);
    if (env->session && env->session->lang)
        pp_typeset_set_rtl(env->ts, pp_lang_is_rtl(env->session->lang));
    return was;
}

static int fit(pp_scene *s, const pp_sheet_env *env, const pp_text *src, const pp_style *st,
               double x, double y, double w, double h, pp_valign v, const char *where)
{
    if (!src->text) return 0;
    pp_textbox *tb = pp_textbox_fit(env->ts, src->text, st, w, h);
    if (!pp_textbox_overflows(tb)) {
        pp_scene_place(s, tb, x, y, h, v, env->content, src, "session text");
        return 0;
    }
    pp_textbox_free(tb);
    gchar *ref =
        pp_ink_no_break(pp_record_number(env->content->record.continued.text, (int)s->n_conts + 1));
    size_t cut = pp_textbox_fit_prefix(env->ts, src->text, st, st->min, w, h, ref);
    const char *rest = src->text + cut;
    while (*rest == ' ' || *rest == '\n')
        rest++;
    int number = pp_scene_continue(s, where, rest, src);
    gchar *shown = cut ? g_strdup_printf("%.*s %s", (int)cut, src->text, ref) : g_strdup(ref);
    pp_text t = *src;
    t.text = shown;
    pp_scene_fit(s, env->ts, env->content, &t, st, x, y, w, h, v, "session text");
    g_free(shown);
    g_free(ref);
    return number;
}

int pp_ink_fit(pp_scene *s, const pp_sheet_env *env, const pp_text *src, const pp_style *st,
               double x, double y, double w, double h, pp_valign v, const char *where)
{
    bool was = pp_ink_direction(env);
    int n = fit(s, env, src, st, x, y, w, h, v, where);
    pp_typeset_set_rtl(env->ts, was);
    return n;
}

void pp_ink_cross(pp_scene *s, double x, double y, double size, double inset, pp_paint paint)
{
    double a = x + inset, b = y + inset, e = size - 2 * inset;
    pp_scene_line(s, a, b, a + e, b + e, paint)->role = "ink mark";
    pp_scene_line(s, a + e, b, a, b + e, paint)->role = "ink mark";
}
