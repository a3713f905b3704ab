#include "model/record.h"

#include "model/session.h"

#include <glib.h>
#include <string.h>

char *pp_record_fill(const char *tmpl, const char *key, const char *value)
{
    gchar *k = g_strdup_printf("{%s}", key);
    gchar **parts = g_strsplit(tmpl, k, -1);
    gchar *out = g_strjoinv(value, parts);
    g_strfreev(parts);
    g_free(k);
    return out;
}

char *pp_record_number(const char *tmpl, int n)
{
    char num[16];
    snprintf(num, sizeof num, "%d", n);
    return pp_record_fill(tmpl, "n", num);
}

/* The m-th (1-based) word of the month list. */
static char *month_name(const char *months, int m)
{
    gchar **words = g_strsplit_set(months, " \n", -1);
    gchar *out = NULL;
    for (int i = 0, k = 0; words[i] && !out; i++)
        if (*words[i] && ++k == m) out = g_strdup(words[i]);
    g_strfreev(words);
    return out ? out : g_strdup("");
}

char *pp_record_date(const pp_record *r, const char *iso)
{
    int y = 0, m = 0, d = 0;
    if (!pp_date_parse(iso, &y, &m, &d) || !r->given) return g_strdup(iso);
    char buf[4][8];
    snprintf(buf[0], sizeof buf[0], "%d", d);
    snprintf(buf[1], sizeof buf[1], "%02d", d);
    snprintf(buf[2], sizeof buf[2], "%02d", m);
    snprintf(buf[3], sizeof buf[3], "%04d", y);
    gchar *month = month_name(r->months.text, m);
    const char *keys[] = {"d", "dd", "mm", "yyyy", "month"};
    const char *values[] = {buf[0], buf[1], buf[2], buf[3], month};
    gchar *out = g_strdup(r->date_format.text);
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        gchar *next = pp_record_fill(out, keys[i], values[i]);
        g_free(out);
        out = next;
    }
    g_free(month);
    return out;
}

char *pp_record_participant(const pp_participant *p)
{
    GString *out = g_string_new(p->name.text ? p->name.text : "");
    const char *extra[2] = {p->organisation.text, p->role.text};
    int n = 0;
    for (int i = 0; i < 2; i++)
        if (extra[i]) {
            const char *sep = n++ ? ", " : out->len ? " (" : "";
            g_string_append_printf(out, "%s%s", sep, extra[i]);
        }
    if (n && p->name.text) g_string_append_c(out, ')');
    return g_string_free(out, FALSE);
}

char *pp_record_participants(const pp_session *s)
{
    GString *out = g_string_new(NULL);
    for (size_t i = 0; i < s->n_participants; i++) {
        gchar *one = pp_record_participant(&s->participants[i]);
        g_string_append_printf(out, "%s%s", i ? "; " : "", one);
        g_free(one);
    }
    return g_string_free(out, FALSE);
}
