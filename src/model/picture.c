#include "model/picture.h"

#include "base/limits.h"
#include "model/arena.h"
#include "model/xml.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

/* A PNG opens with its signature and the IHDR chunk: width and height, big-endian. */
enum { PNG_SIG_LEN = 8, PNG_W_AT = 16, PNG_H_AT = 20, PNG_HEAD_LEN = 24 };
static const unsigned char png_sig[PNG_SIG_LEN] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
/* JPEG markers: start of image, the start-of-frame markers that hold the size (C0-CF but C4 DHT,
 * C8 JPG, CC DAC), and the stand-alone ones without a length (RST0-7, TEM). */
enum {
    JPEG_MARK = 0xff,
    JPEG_SOI = 0xd8,
    JPEG_SOF0 = 0xc0,
    JPEG_SOF15 = 0xcf,
    JPEG_DHT = 0xc4,
    JPEG_JPG = 0xc8,
    JPEG_DAC = 0xcc,
    JPEG_RST0 = 0xd0,
    JPEG_RST7 = 0xd7,
    JPEG_TEM = 0x01,
    JPEG_SOS = 0xda
};

static unsigned be16(const unsigned char *b)
{
    return (unsigned)b[0] << 8 | b[1];
}

static unsigned be32(const unsigned char *b)
{
    return be16(b) << 16 | be16(b + 2);
}

static bool is_sof(unsigned m)
{
    return m >= JPEG_SOF0 && m <= JPEG_SOF15 && m != JPEG_DHT && m != JPEG_JPG && m != JPEG_DAC;
}

/* The size in a JPEG's start-of-frame segment, walking the segments before it. */
static bool jpeg_size(const unsigned char *d, size_t n, pp_picture_info *info)
{
    size_t at = 2;
    while (at + 4 <= n) {
        if (d[at] != JPEG_MARK) return false;
        unsigned m = d[at + 1];
        if (m == JPEG_MARK) { /* fill byte */
            at++;
            continue;
        }
        if ((m >= JPEG_RST0 && m <= JPEG_RST7) || m == JPEG_TEM) {
            at += 2;
            continue;
        }
        unsigned len = be16(d + at + 2);
        if (is_sof(m)) {
            if (len < 7 || at + 9 > n) return false;
            info->h = be16(d + at + 5), info->w = be16(d + at + 7);
            return true;
        }
        if (m == JPEG_SOS || len < 2) return false;
        at += 2 + len;
    }
    return false;
}

static bool header(const unsigned char *d, size_t n, pp_picture_info *info)
{
    if (n >= PNG_HEAD_LEN && memcmp(d, png_sig, PNG_SIG_LEN) == 0) {
        info->kind = PP_PICTURE_PNG;
        info->w = be32(d + PNG_W_AT), info->h = be32(d + PNG_H_AT);
        return true;
    }
    if (n >= 3 && d[0] == JPEG_MARK && d[1] == JPEG_SOI && d[2] == JPEG_MARK) {
        info->kind = PP_PICTURE_JPEG;
        return jpeg_size(d, n, info);
    }
    return false;
}

bool pp_picture_probe(const char *path, pp_picture_info *info, char **why)
{
    GStatBuf st;
    if (g_stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        *why = g_strdup_printf("the picture %s is not there", path);
        return false;
    }
    if ((unsigned long long)st.st_size > PP_MAX_PICTURE_FILE_BYTES) {
        *why = g_strdup_printf("the picture %s has %lld bytes; at most %u MiB are allowed", path,
                               (long long)st.st_size, PP_MAX_PICTURE_FILE_BYTES / (1024u * 1024u));
        return false;
    }
    gchar *data = NULL;
    gsize n = 0;
    if (!g_file_get_contents(path, &data, &n, NULL)) {
        *why = g_strdup_printf("the picture %s cannot be read", path);
        return false;
    }
    bool ok = header((const unsigned char *)data, n, info);
    g_free(data);
    if (!ok) {
        *why = g_strdup_printf("the picture %s is not a PNG or JPEG image", path);
        return false;
    }
    if (info->w == 0 || info->h == 0 || (double)info->w * info->h > (double)PP_MAX_PICTURE_PIXELS) {
        *why = g_strdup_printf("the picture %s has %u × %u pixels; at most %u million are allowed",
                               path, info->w, info->h, PP_MAX_PICTURE_PIXELS / 1000000u);
        return false;
    }
    if (info->w > PP_MAX_IMAGE_SIDE || info->h > PP_MAX_IMAGE_SIDE) {
        *why = g_strdup_printf("the picture %s has %u × %u pixels; at most %u a side are allowed",
                               path, info->w, info->h, PP_MAX_IMAGE_SIDE);
        return false;
    }
    return true;
}

char *pp_picture_resolve(const char *base, const char *href)
{
    if (g_path_is_absolute(href)) return g_strdup(href);
    gchar *dir = g_path_get_dirname(base), *file = g_build_filename(dir, href, NULL);
    g_free(dir);
    return file;
}

bool pp_picture_load(pp_arena *a, const char *path, xmlNodePtr node, pp_picture *pic, pp_error *err)
{
    char *href = pp_xml_attr(a, node, "href");
    if (pic->href)
        return pp_xml_fail(err, path, node, "a second <picture> in <%s>",
                           (const char *)node->parent->name);
    if (!href || !*href || strlen(href) > PP_PICTURE_MAX_BYTES)
        return pp_xml_fail(err, path, node, "<picture> needs an href of 1 to %u bytes",
                           PP_PICTURE_MAX_BYTES);
    for (const char *c = href; *c; c++)
        if ((unsigned char)*c < ' ')
            return pp_xml_fail(err, path, node, "<picture href> holds a control character");
    char *file = pp_picture_resolve(path, href), *why = NULL;
    pp_picture_info info;
    if (!pp_picture_probe(file, &info, &why)) {
        pp_xml_fail(err, path, node, "<picture href=\"%s\">: %s", href, why);
        g_free(why);
        g_free(file);
        return false;
    }
    pic->href = href;
    pic->file = pp_arena_strdup(a, file);
    pic->w = info.w, pic->h = info.h;
    g_free(file);
    return true;
}
