/* The date a run stamps on what it writes: SOURCE_DATE_EPOCH when set (reproducible builds), else
 * a fixed date, so the same input gives the same bytes. */
#ifndef PP_DATE_H
#define PP_DATE_H

#include <stddef.h>
#include <time.h>

/* That date, in seconds since 1970. */
time_t pp_source_time(void);

/* That date in UTC, formatted by strftime's fmt into out (n bytes). */
void pp_source_date(char *out, size_t n, const char *fmt);

#endif
