/* Writing a session as a session file (docs/session-format.md) that pp_session_load reads back into
 * the same answers: texts escaped, line breaks as <br/>, only what is filled in. */
#ifndef PP_SESSION_WRITE_H
#define PP_SESSION_WRITE_H

#include "model/content.h"
#include "model/session.h"

/* The session s of content c as XML text; the caller frees it with g_free. */
char *pp_session_write(const pp_session *s, const pp_content *c);

#endif
