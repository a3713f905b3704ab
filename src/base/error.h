/* pp_error: an error as a value. Functions that can fail take a pp_error * and fill it; the first
 * error wins (later ones are ignored), so a caller can run several checks and report the root
 * cause. The CLI prints it once, as "FILE:LINE: error: message". A pp_error owns no heap memory. */
#ifndef PP_ERROR_H
#define PP_ERROR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

/* The status doubles as the process exit code. */
typedef enum pp_status {
    PP_OK = 0,
    PP_ERR_INVALID = 1, /* bad input, or text that does not fit */
    PP_ERR_USAGE = 2,   /* bad command line */
    PP_ERR_IO = 3       /* cannot read, write or render */
} pp_status;

typedef struct pp_error {
    pp_status status;
    char file[512]; /* empty when no file applies */
    long line;      /* 0 when unknown */
    char msg[1024];
} pp_error;

/* Records an error unless one is already recorded; returns the recorded status (never PP_OK). */
pp_status pp_error_set(pp_error *err, pp_status status, const char *file, long line,
                       const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* The same with a va_list, for helpers that add a place (a file and an element's line). */
pp_status pp_error_vset(pp_error *err, pp_status status, const char *file, long line,
                        const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));

bool pp_error_isset(const pp_error *err);

/* Prints "FILE:LINE: error: msg" (or "praatplaat: error: msg" without a file) to out. */
void pp_error_print(const pp_error *err, FILE *out);

#endif
