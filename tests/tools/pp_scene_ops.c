/* pp_scene_ops SOURCE_DIR CONTENT SESSION PAPER: the praatplaat of CONTENT filled from SESSION at
 * PAPER with scan codes (render --codes qr), as planned: one line per notes area and per post-it,
 * "ROLE x y w h" in mm (tests/e2e/scanpostits.sh compares the post-its a scan cuts out with these).
 */
#include "doc/doc.h"
#include "model/session.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 5) return fprintf(stderr, "usage: pp_scene_ops SRC CONTENT SESSION PAPER\n"), 2;
    gchar *schema = g_build_filename(argv[1], "schemas/content.rng", NULL),
          *sschema = g_build_filename(argv[1], "schemas/session.rng", NULL),
          *layouts = g_build_filename(argv[1], "layouts", NULL),
          *fonts = g_build_filename(argv[1], "fonts", NULL);
    pp_error err = {0};
    pp_content *c = pp_content_load(argv[2], schema, &err);
    pp_session *ss = c ? pp_session_load(argv[3], c, sschema, &err) : NULL;
    pp_typeset *ts = ss ? pp_typeset_new(fonts, PP_HYPHEN_DIR, &err) : NULL;
    pp_scene *s = pp_scene_new();
    pp_doc_request r;
    s->codes = "PPSCAN 1 TEST"; /* what the codes say does not move anything */
    if (ts && pp_doc_resolve("praatplaat", argv[4], 0, true, false, &r, &err) == PP_OK &&
        pp_doc_plan(s, &r, layouts, c, ss, ts, &err) == PP_OK) {
        const pp_page *p = &s->pages[0];
        for (size_t i = 0; i < p->n; i++)
            if (p->ops[i].role &&
                (!strcmp(p->ops[i].role, "notes area") || !strcmp(p->ops[i].role, "postit")))
                printf("%s %.3f %.3f %.3f %.3f\n", p->ops[i].role, p->ops[i].x, p->ops[i].y,
                       p->ops[i].w, p->ops[i].h);
    }
    if (pp_error_isset(&err)) fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.msg);
    pp_scene_free(s);
    pp_typeset_free(ts);
    pp_session_free(ss);
    pp_content_free(c);
    g_free(schema), g_free(sschema), g_free(layouts), g_free(fonts);
    return pp_error_isset(&err) ? 1 : 0;
}
