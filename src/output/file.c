#include "output/output.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *pp_temp_beside(const char *path, FILE **out, pp_error *err)
{
    char *dir = g_path_get_dirname(path), *base = g_path_get_basename(path);
    char *tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
    g_free(dir);
    g_free(base);
    int fd = g_mkstemp(tmp);
    if (fd < 0) {
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot write here: %s", strerror(errno));
        g_free(tmp);
        return NULL;
    }
    /* mkstemp creates 0600; a new output gets the usual mode (0666 less the umask), a replaced one
     * keeps its own. */
    struct stat old;
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd,
                 stat(path, &old) == 0 ? (old.st_mode & 07777) : (0666 & ~mask)); /* best effort */
    *out = fdopen(fd, "wb");
    if (!*out) {
        close(fd);
        g_unlink(tmp);
        g_free(tmp);
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot open a temporary file");
        return NULL;
    }
    return tmp;
}

pp_status pp_commit_file(FILE *f, char *tmp, const char *path, pp_error *err)
{
    bool ok = !pp_error_isset(err) && fflush(f) == 0 && !ferror(f) && fsync(fileno(f)) == 0;
    int saved = errno;
    ok = (fclose(f) == 0) && ok;
    if (ok && rename(tmp, path) != 0) {
        saved = errno;
        ok = false;
    }
    if (!ok) {
        g_unlink(tmp);
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot write: %s", strerror(saved ? saved : EIO));
    }
    g_free(tmp);
    return ok ? PP_OK : err->status;
}
