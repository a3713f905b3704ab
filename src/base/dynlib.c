#include "base/dynlib.h"

#include <gmodule.h>
#include <string.h>

bool pp_dynlib_open(const char *soname, const pp_dynlib_fn *fns, size_t n, void *table,
                    const char *what, const char *package, pp_error *err)
{
    GModule *m = g_module_open(soname, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
    gpointer *found = g_new0(gpointer, n ? n : 1);
    const char *missing = NULL;
    for (size_t i = 0; m && i < n && !missing; i++)
        if (!g_module_symbol(m, fns[i].name, &found[i])) missing = fns[i].name;
    if (m && !missing)
        for (size_t i = 0; i < n; i++)
            memcpy((char *)table + fns[i].offset, &found[i], sizeof(gpointer));
    else
        pp_error_set(err, PP_ERR_IO, NULL, 0,
                     "%s, which cannot be loaded (%s): install Debian's %s", what,
                     m ? missing : g_module_error(), package);
    /* On success never closed: g_module_open of the same name again only counts a reference. */
    if (m && missing) g_module_close(m);
    g_free(found);
    return m && !missing;
}
