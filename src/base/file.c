#include "base/file.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *pp_temp_beside(const char *path, FILE **out, pp_error *err)
{
    /* An existing target that is neither a regular file nor a directory (a device such as /dev/full
     * or /dev/null, a pipe such as /dev/stdout) is written in place: renaming a temporary file over
     * it would replace the device node, and a pipe has nothing to keep. The name returned is then
     * path itself, which tells pp_commit_file not to rename. */
    struct stat target;
    if (stat(path, &target) == 0 && !S_ISREG(target.st_mode) && !S_ISDIR(target.st_mode)) {
        *out = fopen(path, "wb");
        if (!*out) {
            pp_error_set(err, PP_ERR_IO, path, 0, "cannot write: %s", strerror(errno));
            return NULL;
        }
        return g_strdup(path);
    }
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
    /* A device or pipe written in place (pp_temp_beside): nothing to fsync, rename or remove. */
    bool in_place = strcmp(tmp, path) == 0;
    errno = 0;
    bool ok =
        !pp_error_isset(err) && fflush(f) == 0 && !ferror(f) && (in_place || fsync(fileno(f)) == 0);
    int saved = errno;
    if (fclose(f) != 0 && ok) {
        saved = errno; /* a full disk may show only now, when the last buffer is written */
        ok = false;
    }
    if (ok && !in_place && rename(tmp, path) != 0) {
        saved = errno;
        ok = false;
    }
    if (!ok) {
        if (!in_place) g_unlink(tmp);
        pp_error_set(err, PP_ERR_IO, path, 0, "cannot write: %s", strerror(saved ? saved : EIO));
    }
    g_free(tmp);
    return ok ? PP_OK : err->status;
}
