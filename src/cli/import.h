/* `praatplaat import`: a filled form (render --form) read with poppler-glib, as a session file. */
#ifndef PP_IMPORT_H
#define PP_IMPORT_H

#include "base/error.h"

/* Reads the form pdf of the instrument in content (checked against schema) and writes its answers
 * to output as a session that validates against session_schema. Nothing is written on error. */
pp_status pp_import_form(const char *content, const char *pdf, const char *output,
                         const char *schema, const char *session_schema, pp_error *err);

#endif
