/* Atomic output files: every writer (PDF, PNG, PO template, merged content, session template)
 * writes a temporary file in the target's directory and renames it over the target only when the
 * whole document was written, so a failed run leaves an existing file untouched. */
#ifndef PP_FILE_H
#define PP_FILE_H

#include "base/error.h"

#include <stdio.h>

/* A temporary file beside path (for writing, then pp_commit_file). Returns its name (g_free) and an
 * open stream in *out, or NULL with err set. An existing device or pipe (/dev/full, /dev/stdout)
 * is opened itself and its own name returned: such a target is written in place. */
char *pp_temp_beside(const char *path, FILE **out, pp_error *err);
/* Closes f and renames tmp to path (unless they are one); on failure removes tmp and sets err.
 * Callers pass every failure here (err set) and never remove tmp themselves: it may be path. */
pp_status pp_commit_file(FILE *f, char *tmp, const char *path, pp_error *err);

#endif
