/* Words of a filled-in session, put together from the content's <record> templates. Every function
 * returns a new string the caller frees with g_free. */
#ifndef PP_RECORD_H
#define PP_RECORD_H

#include "model/content.h"
#include "model/session.h"

/* tmpl with every "{key}" replaced by value. */
char *pp_record_fill(const char *tmpl, const char *key, const char *value);
/* tmpl with "{n}" replaced by n. */
char *pp_record_number(const char *tmpl, int n);
/* An ISO date (YYYY-MM-DD, already checked) written the content's way: r->date_format with {d},
 * {dd}, {month}, {mm} and {yyyy}. */
char *pp_record_date(const pp_record *r, const char *iso);

/* A participant as one line: "name (organisation, role)", leaving out what is empty. */
char *pp_record_participant(const pp_participant *p);
/* Every participant, separated by "; ". */
char *pp_record_participants(const pp_session *s);

#endif
