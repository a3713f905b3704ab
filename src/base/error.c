#include "base/error.h"

#include <stdarg.h>
#include <string.h>

pp_status pp_error_vset(pp_error *err, pp_status status, const char *file, long line,
                        const char *fmt, va_list ap)
{
    if (!err || err->status != PP_OK) return err ? err->status : status;
    err->status = status;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    return status;
}

pp_status pp_error_set(pp_error *err, pp_status status, const char *file, long line,
                       const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pp_status st = pp_error_vset(err, status, file, line, fmt, ap);
    va_end(ap);
    return st;
}

bool pp_error_isset(const pp_error *err)
{
    return err->status != PP_OK;
}

void pp_error_print(const pp_error *err, FILE *out)
{
    if (err->file[0] && err->line > 0)
        fprintf(out, "%s:%ld: error: %s\n", err->file, err->line, err->msg);
    else if (err->file[0])
        fprintf(out, "%s: error: %s\n", err->file, err->msg);
    else
        fprintf(out, "praatplaat: error: %s\n", err->msg);
}
