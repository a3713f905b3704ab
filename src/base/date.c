#include "base/date.h"

#include <stdlib.h>
#include <time.h>

/* Without SOURCE_DATE_EPOCH: 2020-01-01. */
static const time_t fixed_date = 1577836800;

time_t pp_source_time(void)
{
    const char *env = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long v = env ? strtoll(env, &end, 10) : 0;
    return (env && end && *end == '\0' && v >= 0) ? (time_t)v : fixed_date;
}

void pp_source_date(char *out, size_t n, const char *fmt)
{
    time_t t = pp_source_time();
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, n, fmt, &tm);
}
