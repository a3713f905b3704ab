/* `praatplaat import`: a filled form (render --form) read with poppler-glib, as a session file. */
#ifndef PP_IMPORT_H
#define PP_IMPORT_H

#include "base/error.h"
#include "model/content.h"

/* Reads the form pdf of the instrument in content (checked against schema) and writes its answers
 * to output as a session that validates against session_schema. Nothing is written on error. */
pp_status pp_import_form(const char *content, const char *pdf, const char *output,
                         const char *schema, const char *session_schema, pp_error *err);

/* Writes the session text xml to output through a temporary file, after it has read back as a
 * valid session of c; nothing is written on error. Shared with scan. */
pp_status pp_import_write(const char *xml, const pp_content *c, const char *output,
                          const char *session_schema, pp_error *err);

/* True when a and b name one file. */
bool pp_import_same_file(const char *a, const char *b);

#endif
