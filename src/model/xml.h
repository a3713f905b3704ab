/* Safe reading of untrusted XML files and small helpers to walk the tree with good error messages.
 * Nothing here touches the network or the file system beyond the named file: no DTD, no external or
 * internal entities, no XInclude. Trees returned are the caller's (free with xmlFreeDoc). */
#ifndef PP_XML_H
#define PP_XML_H

#include "base/error.h"
#include "base/limits.h"
#include "model/arena.h"

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

/* The SHA-256 of the bytes a tree was parsed from (hex), for pp_xml_validate's cache. */
typedef struct pp_xml_digest {
    char hex[65];
} pp_xml_digest;

/* Reads and parses path; checks the root element is root_name. Returns the tree, or NULL with err
 * set (FILE:LINE when the parser knows the line). digest (may be NULL) receives the SHA-256 of the
 * bytes parsed. */
xmlDocPtr pp_xml_read(const char *path, const char *root_name, pp_xml_digest *digest,
                      pp_error *err);

/* Validates doc against the RELAX NG schema at schema_path; false with err set at the first
 * problem. Compiling the schema and validating cost 7 million instructions, a tenth of a render
 * (issue #15), so a success is remembered: with the digest of doc's bytes (pp_xml_read), an empty
 * file named by the SHA-256 of libxml2's version, the schema's bytes and that digest is written
 * under $XDG_CACHE_HOME/praatplaat-valid/, and the same document against the same schema is not
 * validated again (the outcome depends on nothing else: the schemas include no other file).
 * Failures are never remembered. digest NULL: always validate, remember nothing. */
bool pp_xml_validate(xmlDocPtr doc, const pp_xml_digest *digest, const char *path,
                     const char *schema_path, pp_error *err);

/* Walking. Element children only; comments and white space are skipped, other text is an error. */
xmlNodePtr pp_xml_first(xmlNodePtr parent, const char *path, pp_error *err);
xmlNodePtr pp_xml_next(xmlNodePtr node, const char *path, pp_error *err);
bool pp_xml_is(xmlNodePtr node, const char *name);
long pp_xml_line(xmlNodePtr node);

/* The loaders' one error helper: records an invalid-input error at node's line of path (the first
 * error wins) and returns false. printf-checked: every message's arguments are checked by the
 * compiler. */
bool pp_xml_fail(pp_error *err, const char *path, xmlNodePtr node, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* If *cur is an element named name, returns it and advances *cur; otherwise returns NULL and, when
 * required, sets err ("expected <name> in <parent>"). */
xmlNodePtr pp_xml_take(xmlNodePtr *cur, xmlNodePtr parent, const char *name, bool required,
                       const char *path, pp_error *err);

/* Sets err if cur is not NULL: an element that is not allowed at that place. */
bool pp_xml_end(xmlNodePtr cur, xmlNodePtr parent, const char *path, pp_error *err);

/* Attribute value copied into the arena, or NULL when absent. */
char *pp_xml_attr(pp_arena *a, xmlNodePtr node, const char *name);

/* Text of node with white space collapsed and <br/> as '\n'; copied into the arena. NULL with err
 * set when the element holds other elements, the text is empty, too long or has control characters.
 */
char *pp_xml_text(pp_arena *a, xmlNodePtr node, const char *path, pp_error *err);
/* The same, but an empty element gives "" (for fields a user may leave empty). */
char *pp_xml_text_or_empty(pp_arena *a, xmlNodePtr node, const char *path, pp_error *err);

/* True when UTF-8 s holds a control character other than tab and newline: U+0000..U+001F, U+007F
 * or U+0080..U+009F. Texts with one are refused (they are no visible text, and no font has them).
 */
bool pp_xml_has_control(const char *s);

#endif
