/* Shared libraries opened when a command needs them instead of linked into every run: each linked
 * library costs every start its relocation (libqpdf with the C++ runtime, zbar with X11 and dbus,
 * poppler with a score of others: issue #15). A caller keeps the functions it uses in a struct of
 * pointers of the library's own types (__typeof__) and lists their names and offsets. */
#ifndef PP_DYNLIB_H
#define PP_DYNLIB_H

#include "base/error.h"

#include <stddef.h>

/* One function to look up: its name and the offset of its pointer in the caller's struct. */
typedef struct pp_dynlib_fn {
    const char *name;
    size_t offset;
} pp_dynlib_fn;

/* PP_DYNLIB_FN(api_struct, field, function) for a table of pp_dynlib_fn. */
#define PP_DYNLIB_FN(type, field, fn)                                                              \
    {                                                                                              \
#fn, offsetof(type, field)                                                                 \
    }

/* Opens the library soname (for instance "libzbar.so.0") and stores the address of each of the n
 * functions fns at table + fns[i].offset. True on success; the library then stays loaded until
 * the process ends (the libraries we open register types or state that must outlive any one
 * caller). False with err set ("<what>, which cannot be loaded (reason): install Debian's
 * <package>") when the library or one of its functions is missing; table is then unchanged. */
bool pp_dynlib_open(const char *soname, const pp_dynlib_fn *fns, size_t n, void *table,
                    const char *what, const char *package, pp_error *err);

#endif
