#include "cli/scan.h"

#include "base/dynlib.h"
#include "cli/import.h"
#include "cli/photo.h"
#include "cli/postits.h"
#include "model/arena.h"
#include "model/formfields.h"
#include "model/session_network.h"
#include "model/session_write.h"
#include "output/image.h"
#include "sheets/codes.h"
#include "sheets/scene.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <zbar.h>

/* The codes' text: a tag and the format of what follows (sheets/codes.h). */
#define CODE_TAG "PPSCAN"
#define CODE_FORMAT "1"
/* A QR code's corners as zbar gives them. */
enum { ZBAR_CORNERS = 4 };
enum {
    TOK_TAG,
    TOK_FORMAT,
    TOK_INSTRUMENT,
    TOK_LANG,
    TOK_SHEET,
    TOK_PAPER,
    TOK_ORIENTATION,
    TOK_VERSION,
    TOK_PLACE,
    N_TOKS
};

/* Reading a box (docs/scanning.md): the inside sampled on a grid, away from its line by a share of
 * its side; the paper's white is the brightest of the box and its surroundings (a high percentile);
 * a sample is ink below a share of that white; a box is crossed above one share of ink, empty below
 * another, and uncertain between. A box smaller than MIN_BOX_PX in the photo is never read. */
enum { GRID = 16, MIN_BOX_PX = 8, PAPER_PERCENTILE = 90 };
/* Finding a box's printed line: samples per side, how far to look (a share of the box's side) and
 * in how many coarse steps each way. */
enum { OUTLINE = 16, SEARCH_STEPS = 4 };
static const double SEARCH = 0.45;
static const double INNER_INSET = 0.2, AROUND = 0.5, INK_SHARE = 0.6, CROSSED = 0.12, EMPTY = 0.03;
static const double MIN_WHITE = 60;
/* Notes cut-outs: pixels per mm, the photo's own but at most this many. */
static const double MAX_NOTES_PX_PER_MM = 10;
/* The picture of a netwerkkaart: its name in the --images folder, its long side at most, px (a 12
 * MP photo of the whole map gives about 4000), and its JPEG quality (a photo: a tenth of a PNG). */
static const char MAP_PICTURE[] = "netwerkkaart.jpg";
static const double MAX_MAP_PX = 6000;
enum { MAP_QUALITY = 85 };
/* Codes needed in each photo (each gives 4 points), and below how many the transform is grown box
 * by box (3 fix a perspective well over the part of the sheet they span; two on one edge, as in a
 * photo of half a praatplaat, only near that edge), and the largest disagreement of the codes'
 * corners with the transform, as a share of a code's side. */
enum { MIN_CODES = 2, GROW_BELOW = 3 };
/* Growing: a box's printed line counts as found where it is darker than this share of the paper's
 * white around the box. */
static const double LINE_SHARE = 0.8;
/* The most pages a sheet with codes has that scan takes a code for (a follow-up table of some
 * hundred rows at A4); a larger place is not a praatplaat code. */
enum { MAX_PAGES = 100 };
static const double MAX_MISFIT = 0.05;
/* The photo is searched for codes shrunk by these factors in turn, until this many are seen
 * (every code of a whole sheet with corner codes; a half sheet with middle codes shows four).
 * Halved first: zbar's time grows with the pixels, and the codes of a sharp photo of 12 MP read
 * as well at 3 MP (the boxes are read at full size, each registered on its own line). A photo is
 * never shrunk below MIN_SHRUNK_PX on its long side. */
static const int SHRINKS[] = {2, 1, 3};
enum { ENOUGH_CODES = 4, MIN_SHRUNK_PX = 1200 };

char *pp_scan_codes(const pp_content *c)
{
    return g_strdup_printf("%s %s %s %s", CODE_TAG, CODE_FORMAT, c->id, c->lang);
}

bool pp_scan_codes_on(const pp_sheet_kind *kind)
{
    if (kind->scanned) return true;
    /* `all` prints the sheets to use; the report's pictures of them are not for scanning */
    for (size_t i = 0; kind->role == PP_SHEET_COMPOSITE && kind->parts[i]; i++)
        if (pp_sheet_find(kind->parts[i])->scanned) return true;
    return false;
}

/* --- Finding the codes ------------------------------------------------------------------------ */

typedef struct found {
    bool seen;
    double uv[2 * ZBAR_CORNERS]; /* the symbol's corners in the photo, px: zbar gives them top
                                    left, bottom left, bottom right, top right of the symbol */
    char **toks;                 /* its text's words (g_strfreev) */
    int page;                    /* the sheet's page it is on, 0: the first (its place says) */
} found;

static bool parse_code(const char *text, found *f)
{
    char **t = g_strsplit(text, " ", -1);
    if (g_strv_length(t) != N_TOKS || g_ascii_strcasecmp(t[TOK_TAG], CODE_TAG) != 0) {
        g_strfreev(t);
        return false;
    }
    f->toks = t;
    return true;
}

/* zbar, opened only when `scan` runs: linked, it brought X11, dbus and v4l (ten more libraries)
 * into every run, 4.5 million instructions of relocation (issue #15). */
typedef struct zbar_api {
    __typeof__(zbar_image_scanner_create) *scanner_create;
    __typeof__(zbar_image_scanner_set_config) *scanner_set_config;
    __typeof__(zbar_image_scanner_destroy) *scanner_destroy;
    __typeof__(zbar_scan_image) *scan_image;
    __typeof__(zbar_image_create) *image_create;
    __typeof__(zbar_image_set_format) *image_set_format;
    __typeof__(zbar_image_set_size) *image_set_size;
    __typeof__(zbar_image_set_data) *image_set_data;
    __typeof__(zbar_image_first_symbol) *image_first_symbol;
    __typeof__(zbar_image_destroy) *image_destroy;
    __typeof__(zbar_symbol_next) *symbol_next;
    __typeof__(zbar_symbol_get_type) *symbol_get_type;
    __typeof__(zbar_symbol_get_data) *symbol_get_data;
    __typeof__(zbar_symbol_get_loc_size) *symbol_get_loc_size;
    __typeof__(zbar_symbol_get_loc_x) *symbol_get_loc_x;
    __typeof__(zbar_symbol_get_loc_y) *symbol_get_loc_y;
} zbar_api;

/* Opens zbar (PP_ZBAR: its soname, found by CMake); false with err set when it cannot. */
static bool zbar_open(zbar_api *z, pp_error *err)
{
#define FN(field, name) PP_DYNLIB_FN(zbar_api, field, name)
    static const pp_dynlib_fn fns[] = {FN(scanner_create, zbar_image_scanner_create),
                                       FN(scanner_set_config, zbar_image_scanner_set_config),
                                       FN(scanner_destroy, zbar_image_scanner_destroy),
                                       FN(scan_image, zbar_scan_image),
                                       FN(image_create, zbar_image_create),
                                       FN(image_set_format, zbar_image_set_format),
                                       FN(image_set_size, zbar_image_set_size),
                                       FN(image_set_data, zbar_image_set_data),
                                       FN(image_first_symbol, zbar_image_first_symbol),
                                       FN(image_destroy, zbar_image_destroy),
                                       FN(symbol_next, zbar_symbol_next),
                                       FN(symbol_get_type, zbar_symbol_get_type),
                                       FN(symbol_get_data, zbar_symbol_get_data),
                                       FN(symbol_get_loc_size, zbar_symbol_get_loc_size),
                                       FN(symbol_get_loc_x, zbar_symbol_get_loc_x),
                                       FN(symbol_get_loc_y, zbar_symbol_get_loc_y)};
#undef FN
    return pp_dynlib_open(PP_ZBAR, fns, sizeof fns / sizeof fns[0], z,
                          "scan reads the codes with zbar", "libzbar0", err);
}

static void add_symbol(const zbar_api *z, const zbar_symbol_t *sym, int f_arg, found *codes)
{
    int shrink = f_arg;
    found f = {0};
    if (!parse_code(z->symbol_get_data(sym), &f)) return;
    char *end = NULL;
    long place = strtol(f.toks[TOK_PLACE], &end, 10);
    unsigned n = z->symbol_get_loc_size(sym);
    /* place = page * PP_CODES_MAX + corner: a sheet's later pages have codes of their own */
    long corner = place % PP_CODES_MAX;
    if (*end || place < 0 || place >= MAX_PAGES * PP_CODES_MAX || codes[corner].seen ||
        n != ZBAR_CORNERS) {
        g_strfreev(f.toks);
        return;
    }
    f.page = (int)(place / PP_CODES_MAX);
    for (unsigned i = 0; i < n; i++) {
        f.uv[2 * i] = (z->symbol_get_loc_x(sym, i) + 0.5) * shrink;
        f.uv[2 * i + 1] = (z->symbol_get_loc_y(sym, i) + 0.5) * shrink;
    }
    f.seen = true;
    codes[corner] = f;
}

/* The photo's grey values shrunk by a whole factor (box averages); g_free. */
static unsigned char *shrunk(const pp_photo *ph, int f, int *w, int *h)
{
    *w = ph->w / f, *h = ph->h / f;
    unsigned char *out = g_new(unsigned char, (size_t)*w *(size_t)*h);
    for (int y = 0; y < *h; y++)
        for (int x = 0; x < *w; x++) {
            unsigned sum = 0;
            for (int i = 0; i < f; i++)
                for (int k = 0; k < f; k++)
                    sum += ph->grey[(size_t)(y * f + i) * (size_t)ph->w + (size_t)(x * f + k)];
            out[(size_t)y * (size_t)*w + (size_t)x] = (unsigned char)(sum / (unsigned)(f * f));
        }
    return out;
}

/* The codes zbar finds in the photo shrunk by f (1: as it is), at the photo's own scale. */
static void find_at(const zbar_api *z, const pp_photo *ph, int f, found *codes)
{
    int w = ph->w, h = ph->h;
    unsigned char *grey = f == 1 ? ph->grey : shrunk(ph, f, &w, &h);
    zbar_image_scanner_t *sc = z->scanner_create();
    z->scanner_set_config(sc, 0, ZBAR_CFG_ENABLE, 0);
    z->scanner_set_config(sc, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    zbar_image_t *img = z->image_create();
    z->image_set_format(img, zbar_fourcc('Y', '8', '0', '0'));
    z->image_set_size(img, (unsigned)w, (unsigned)h);
    z->image_set_data(img, grey, (unsigned long)w * (unsigned long)h, NULL);
    z->scan_image(sc, img);
    for (const zbar_symbol_t *s = z->image_first_symbol(img); s; s = z->symbol_next(s))
        if (z->symbol_get_type(s) == ZBAR_QRCODE) add_symbol(z, s, f, codes);
    z->image_destroy(img);
    z->scanner_destroy(sc);
    if (grey != ph->grey) g_free(grey);
}

static int n_found(const found *codes)
{
    int n = 0;
    for (int k = 0; k < PP_CODES_MAX; k++)
        n += codes[k].seen;
    return n;
}

/* Every praatplaat code in the photo, by place; returns how many. A blurred photo often reads
 * better smaller: the photo is tried at a few sizes until enough are found. */
static int find_codes(const zbar_api *z, const pp_photo *ph, found *codes)
{
    for (int i = 0; i < (int)G_N_ELEMENTS(SHRINKS) && n_found(codes) < ENOUGH_CODES; i++)
        if (SHRINKS[i] == 1 || MAX(ph->w, ph->h) / SHRINKS[i] >= MIN_SHRUNK_PX)
            find_at(z, ph, SHRINKS[i], codes);
    return n_found(codes);
}

static void free_codes(found *codes)
{
    for (int k = 0; k < PP_CODES_MAX; k++)
        g_strfreev(codes[k].toks);
}

/* The first code seen; all must say the same but for the place. */
static const found *agreed(const found *codes, const char *photo, pp_error *err)
{
    const found *first = NULL;
    for (int k = 0; k < PP_CODES_MAX; k++) {
        if (!codes[k].seen) continue;
        if (!first) first = &codes[k];
        for (int t = 0; t < TOK_PLACE; t++)
            if (strcmp(first->toks[t], codes[k].toks[t]) != 0) {
                pp_error_set(err, PP_ERR_INVALID, photo, 0,
                             "the codes in the photo belong to different sheets");
                return NULL;
            }
        if (first->page != codes[k].page) {
            pp_error_set(err, PP_ERR_INVALID, photo, 0,
                         "the codes in the photo belong to pages %d and %d of the sheet; take "
                         "a photo of each page",
                         first->page + 1, codes[k].page + 1);
            return NULL;
        }
    }
    return first;
}

static pp_status check_code(const found *f, const pp_content *c, const char *photo, pp_error *err)
{
    char **t = f->toks;
    if (strcmp(t[TOK_FORMAT], CODE_FORMAT) != 0)
        return pp_error_set(err, PP_ERR_INVALID, photo, 0,
                            "its codes are of format %s; this praatplaat reads format %s",
                            t[TOK_FORMAT], CODE_FORMAT);
    if (g_ascii_strcasecmp(t[TOK_INSTRUMENT], c->id) != 0)
        return pp_error_set(err, PP_ERR_INVALID, photo, 0,
                            "the sheet in the photo is of instrument \"%s\", not \"%s\" (%s)",
                            t[TOK_INSTRUMENT], c->id, c->path);
    if (g_ascii_strcasecmp(t[TOK_LANG], c->lang) != 0)
        return pp_error_set(err, PP_ERR_INVALID, photo, 0,
                            "the sheet in the photo is in language \"%s\", the content in \"%s\"",
                            t[TOK_LANG], c->lang);
    if (g_ascii_strcasecmp(t[TOK_SHEET], "praatplaat") != 0 &&
        g_ascii_strcasecmp(t[TOK_SHEET], "followup") != 0 &&
        g_ascii_strcasecmp(t[TOK_SHEET], "netwerkkaart") != 0)
        return pp_error_set(err, PP_ERR_INVALID, photo, 0,
                            "the sheet in the photo is a %s; scan reads the praatplaat, the "
                            "follow-up plaat and the netwerkkaart",
                            t[TOK_SHEET]);
    return PP_OK;
}

/* --- The sheet, planned again ----------------------------------------------------------------- */

typedef struct sheet {
    pp_typeset *ts;
    pp_scene *s;
    char *codes;
    bool followup; /* the follow-up plaat */
    bool map;      /* the netwerkkaart: kept as a picture, no boxes */
} sheet;

static pp_status plan_sheet(sheet *sh, const found *f, const pp_content *c,
                            const pp_scan_paths *paths, const char *photo, pp_error *err)
{
    pp_doc_request r;
    pp_error unknown = {0};
    int orientation = g_ascii_strcasecmp(f->toks[TOK_ORIENTATION], "portrait") == 0 ? -1 : 1;
    gchar *kind = g_ascii_strdown(f->toks[TOK_SHEET], -1);
    pp_status st =
        pp_doc_resolve(kind, f->toks[TOK_PAPER], orientation, false, false, &r, &unknown);
    g_free(kind);
    if (st != PP_OK)
        return pp_error_set(err, PP_ERR_INVALID, photo, 0,
                            "its codes name paper \"%s\", which this praatplaat does not know",
                            f->toks[TOK_PAPER]);
    sh->followup = strcmp(r.kind->name, "followup") == 0;
    sh->map = strcmp(r.kind->name, "netwerkkaart") == 0;
    sh->ts = pp_typeset_new(paths->fonts, PP_HYPHEN_DIR, err);
    if (!sh->ts) return err->status;
    sh->s = pp_scene_new();
    sh->codes = pp_scan_codes(c);
    sh->s->codes = sh->codes;
    if (pp_doc_plan(sh->s, &r, paths->layouts, c, NULL, sh->ts, err) != PP_OK) return err->status;
    pp_layout *l = sh->s->n_layouts ? sh->s->layouts[0] : NULL;
    int version = l ? (int)pp_layout_num(l, "code-version") : 0;
    if (atoi(f->toks[TOK_VERSION]) != version)
        return pp_error_set(err, PP_ERR_INVALID, photo, 0,
                            "the sheet was printed with layout version %s; the layout now is "
                            "version %d: print it again",
                            f->toks[TOK_VERSION], version);
    return PP_OK;
}

static void free_sheet(sheet *sh)
{
    pp_scene_free(sh->s);
    pp_typeset_free(sh->ts);
    g_free(sh->codes);
}

/* The ops of role on the sheet's page `page`, in order. */
static GPtrArray *ops_of(const pp_scene *s, int page, const char *role)
{
    GPtrArray *a = g_ptr_array_new();
    const pp_page *p = &s->pages[page];
    for (size_t i = 0; i < p->n; i++)
        if (p->ops[i].role && strcmp(p->ops[i].role, role) == 0) g_ptr_array_add(a, &p->ops[i]);
    return a;
}

/* The ops of role on every page of the sheet, in order; the page of each in *pages (g_array of
 * int, the caller frees both). */
static GPtrArray *ops_all(const pp_scene *s, const char *role, GArray **pages)
{
    GPtrArray *a = g_ptr_array_new();
    *pages = g_array_new(FALSE, FALSE, sizeof(int));
    for (int k = 0; k < (int)s->n_pages; k++) {
        GPtrArray *on = ops_of(s, k, role);
        for (guint i = 0; i < on->len; i++) {
            g_ptr_array_add(a, g_ptr_array_index(on, i));
            g_array_append_val(*pages, k);
        }
        g_ptr_array_free(on, TRUE);
    }
    return a;
}

/* --- From the sheet to the photo: a projective transform ----------------------------------------
 */

typedef struct homography {
    double h[9]; /* (x, y) mm → (u, v) px: u = (h0 x + h1 y + h2) / (h6 x + h7 y + 1), … */
} homography;

static void project(const homography *H, double x, double y, double *u, double *v)
{
    const double *h = H->h;
    double d = h[6] * x + h[7] * y + 1;
    *u = (h[0] * x + h[1] * y + h[2]) / d;
    *v = (h[3] * x + h[4] * y + h[5]) / d;
}

/* Solves the n × n system a x = b (a row by row) in place; false when it is singular. */
static bool solve(double *a, double *b, int n)
{
    for (int c = 0; c < n; c++) {
        int best = c;
        for (int r = c + 1; r < n; r++)
            if (fabs(a[r * n + c]) > fabs(a[best * n + c])) best = r;
        if (fabs(a[best * n + c]) < 1e-12) return false;
        for (int k = 0; k < n; k++) {
            double t = a[c * n + k];
            a[c * n + k] = a[best * n + k], a[best * n + k] = t;
        }
        double t = b[c];
        b[c] = b[best], b[best] = t;
        for (int r = 0; r < n; r++) {
            if (r == c) continue;
            double f = a[r * n + c] / a[c * n + c];
            for (int k = c; k < n; k++)
                a[r * n + k] -= f * a[c * n + k];
            b[r] -= f * b[c];
        }
    }
    for (int c = 0; c < n; c++)
        b[c] /= a[c * n + c];
    return true;
}

enum { H_UNKNOWNS = 8 };

/* Adds one equation (row · h = rhs) to the normal equations. */
static void normal_add(double *ata, double *atb, const double *row, double rhs)
{
    for (int i = 0; i < H_UNKNOWNS; i++) {
        for (int k = 0; k < H_UNKNOWNS; k++)
            ata[i * H_UNKNOWNS + k] += row[i] * row[k];
        atb[i] += row[i] * rhs;
    }
}

/* The transform taking the n points (x, y) mm to (u, v) px: projective from four or more, affine
 * from three (never used by scan, which has at least twelve). Coordinates are scaled to about 1
 * first (sx for mm, su for px). */
static bool fit(const double *xy, const double *uv, int n, double sx, double su, homography *H)
{
    double ata[H_UNKNOWNS * H_UNKNOWNS] = {0}, atb[H_UNKNOWNS] = {0};
    for (int i = 0; i < n; i++) {
        double x = xy[2 * i] / sx, y = xy[2 * i + 1] / sx, u = uv[2 * i] / su,
               v = uv[2 * i + 1] / su;
        normal_add(ata, atb, (double[]){x, y, 1, 0, 0, 0, -u * x, -u * y}, u);
        normal_add(ata, atb, (double[]){0, 0, 0, x, y, 1, -v * x, -v * y}, v);
    }
    if (n < 4) { /* affine: no perspective terms */
        normal_add(ata, atb, (double[]){0, 0, 0, 0, 0, 0, 1, 0}, 0);
        normal_add(ata, atb, (double[]){0, 0, 0, 0, 0, 0, 0, 1}, 0);
    }
    if (!solve(ata, atb, H_UNKNOWNS)) return false;
    double *h = H->h;
    for (int i = 0; i < H_UNKNOWNS; i++)
        h[i] = atb[i];
    /* back to mm and px */
    h[0] *= su / sx, h[1] *= su / sx, h[2] *= su;
    h[3] *= su / sx, h[4] *= su / sx, h[5] *= su;
    h[6] /= sx, h[7] /= sx;
    h[8] = 1;
    return true;
}

/* The QR symbol inside the code square sq (its modules' extent), mm, as its corners in zbar's
 * order (found.uv). */
static void symbol_corners(const pp_scene *s, int page, const pp_op *sq, double *xy)
{
    double x0 = sq->x + sq->w, y0 = sq->y + sq->h, x1 = sq->x, y1 = sq->y;
    GPtrArray *mods = ops_of(s, page, "code module");
    for (guint i = 0; i < mods->len; i++) {
        const pp_op *m = g_ptr_array_index(mods, i);
        if (m->x < sq->x || m->y < sq->y || m->x > sq->x + sq->w || m->y > sq->y + sq->h) continue;
        x0 = fmin(x0, m->x), y0 = fmin(y0, m->y);
        x1 = fmax(x1, m->x + m->w), y1 = fmax(y1, m->y + m->h);
    }
    g_ptr_array_free(mods, TRUE);
    const double c[2 * ZBAR_CORNERS] = {x0, y0, x0, y1, x1, y1, x1, y0};
    memcpy(xy, c, sizeof c);
}

/* The largest distance, px, between where H puts the n points xy and where they were seen. */
static double misfit(const homography *H, const double *xy, const double *uv, int n)
{
    double worst = 0;
    for (int i = 0; i < n; i++) {
        double u, v;
        project(H, xy[2 * i], xy[2 * i + 1], &u, &v);
        worst = fmax(worst, hypot(u - uv[2 * i], v - uv[2 * i + 1]));
    }
    return worst;
}

/* The corners of the codes seen, on the sheet (xy, mm) and in the photo (uv, px); returns how many
 * points. */
static int code_points(const pp_scene *s, int page, const found *codes, double *xy, double *uv)
{
    GPtrArray *squares = ops_of(s, page, "code");
    int n = 0;
    for (int k = 0; k < PP_CODES_MAX && k < (int)squares->len; k++) {
        if (!codes[k].seen) continue;
        symbol_corners(s, page, g_ptr_array_index(squares, k), xy + 2 * n);
        memcpy(uv + 2 * n, codes[k].uv, sizeof codes[k].uv);
        n += ZBAR_CORNERS;
    }
    g_ptr_array_free(squares, TRUE);
    return n;
}

static pp_status locate(const pp_scene *s, int page, const found *codes, const pp_photo *ph,
                        const char *photo, homography *H, pp_error *err)
{
    if (page >= (int)s->n_pages)
        return pp_error_set(err, PP_ERR_INVALID, photo, 0,
                            "its codes say page %d of the sheet; the sheet now has %zu pages: "
                            "print it again",
                            page + 1, s->n_pages);
    GPtrArray *squares = ops_of(s, page, "code");
    double xy[2 * ZBAR_CORNERS * PP_CODES_MAX], uv[2 * ZBAR_CORNERS * PP_CODES_MAX];
    int n = code_points(s, page, codes, xy, uv), seen = n / ZBAR_CORNERS;
    double side = squares->len ? ((const pp_op *)g_ptr_array_index(squares, 0))->w : 0;
    guint squares_n = squares->len;
    g_ptr_array_free(squares, TRUE);
    if (seen < MIN_CODES)
        return pp_error_set(err, PP_ERR_INVALID, photo, 0,
                            "only %d of the sheet's %u codes were found; at least %d are needed: "
                            "take the photo again with the corners in the picture",
                            seen, squares_n, MIN_CODES);
    if (!fit(xy, uv, n, s->pages[page].w, fmax(ph->w, ph->h), H))
        return pp_error_set(err, PP_ERR_INVALID, photo, 0,
                            "the corner codes do not span the sheet; take the photo again");
    double u0, v0, u1, v1;
    project(H, 0, 0, &u0, &v0);
    project(H, side, 0, &u1, &v1);
    if (misfit(H, xy, uv, n) > MAX_MISFIT * hypot(u1 - u0, v1 - v0))
        return pp_error_set(err, PP_ERR_INVALID, photo, 0,
                            "the corner codes do not agree on where the sheet is (is it bent or "
                            "folded?); lay it flat and take the photo again");
    return PP_OK;
}

/* --- Reading a box ---------------------------------------------------------------------------- */

typedef enum box_state { BOX_EMPTY, BOX_CROSSED, BOX_UNSURE } box_state;

/* Why a box is not read when the photo does not show it (compared by address). */
static const char OUTSIDE[] = "the box is outside the photo";

typedef struct reading {
    box_state state;
    double ink;      /* share of the inside that is ink, 0..1 */
    const char *why; /* when unsure: static */
} reading;

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Samples the square (x, y, side) mm on a GRID × GRID grid into out; false when a sample falls
 * outside the photo. */
static bool sample(const pp_photo *ph, const homography *H, double x, double y, double side,
                   double *out)
{
    for (int i = 0; i < GRID; i++)
        for (int k = 0; k < GRID; k++) {
            double u, v;
            project(H, x + side * (k + 0.5) / GRID, y + side * (i + 0.5) / GRID, &u, &v);
            if ((out[i * GRID + k] = pp_photo_grey(ph, u, v)) < 0) return false;
        }
    return true;
}

/* H moved by (du, dv) pixels in the photo. */
static homography shifted(const homography *H, double du, double dv)
{
    homography m = *H;
    m.h[0] += du * m.h[6], m.h[1] += du * m.h[7], m.h[2] += du;
    m.h[3] += dv * m.h[6], m.h[4] += dv * m.h[7], m.h[5] += dv;
    return m;
}

/* The mean grey along the box's printed line where H puts it; 255 when it leaves the photo. */
static double outline(const pp_photo *ph, const homography *H, const pp_op *box)
{
    double sum = 0;
    for (int i = 0; i < OUTLINE; i++) {
        double t = (i + 0.5) / OUTLINE, x[4] = {t, 1, 1 - t, 0}, y[4] = {0, t, 1, 1 - t};
        for (int e = 0; e < 4; e++) {
            double u, v, g;
            project(H, box->x + x[e] * box->w, box->y + y[e] * box->h, &u, &v);
            if ((g = pp_photo_grey(ph, u, v)) < 0) return 255;
            sum += g;
        }
    }
    return sum / (4 * OUTLINE);
}

/* H moved to where the box's printed line is darkest within a share of its side, px: the codes
 * fix the sheet to a pixel or two near them, less far away (one code covered, a bent sheet); the
 * line itself fixes each box. Coarse steps first, then single pixels around the best. */
static homography registered(const pp_photo *ph, const homography *H, const pp_op *box, double px,
                             double *line)
{
    int reach = (int)lround(px * SEARCH),
        step = reach / SEARCH_STEPS > 1 ? reach / SEARCH_STEPS : 1;
    double best = outline(ph, H, box), bu = 0, bv = 0;
    for (int pass = 0; pass < 2; pass++) {
        double cu = bu, cv = bv;
        int r = pass ? step - 1 : reach, d = pass ? 1 : step;
        for (int i = -r; i <= r; i += d)
            for (int k = -r; k <= r; k += d) {
                homography m = shifted(H, cu + k, cv + i);
                double g = outline(ph, &m, box);
                if (g < best) best = g, bu = cu + k, bv = cv + i;
            }
    }
    *line = best;
    return shifted(H, bu, bv);
}

/* The paper's white around box (a high percentile of the box and its surroundings) where H puts
 * it; false when that leaves the photo. */
static bool paper_white(const pp_photo *ph, const homography *H, const pp_op *box, double *white)
{
    double around[GRID * GRID], pad = box->w * AROUND;
    if (!sample(ph, H, box->x - pad, box->y - pad, box->w + 2 * pad, around)) return false;
    qsort(around, GRID * GRID, sizeof around[0], by_value);
    *white = around[GRID * GRID * PAPER_PERCENTILE / 100];
    return true;
}

/* The width of box (or any op) in the photo along its top edge, px. */
static double box_px(const homography *H, const pp_op *box)
{
    double u0, v0, u1, v1;
    project(H, box->x, box->y, &u0, &v0);
    project(H, box->x + box->w, box->y, &u1, &v1);
    return hypot(u1 - u0, v1 - v0);
}

static reading read_box(const pp_photo *ph, const homography *H0, const pp_op *box)
{
    double px = box_px(H0, box), line, white, inside[GRID * GRID], in = box->w * INNER_INSET;
    if (px < MIN_BOX_PX) return (reading){BOX_UNSURE, 0, "the box is too small in the photo"};
    homography H = registered(ph, H0, box, px, &line);
    if (!paper_white(ph, &H, box, &white) ||
        !sample(ph, &H, box->x + in, box->y + in, box->w - 2 * in, inside))
        return (reading){BOX_UNSURE, 0, OUTSIDE};
    if (white < MIN_WHITE) return (reading){BOX_UNSURE, 0, "the paper is too dark there"};
    int ink = 0;
    for (int i = 0; i < GRID * GRID; i++)
        ink += inside[i] < white * INK_SHARE;
    double share = ink / (double)(GRID * GRID);
    if (share >= CROSSED) return (reading){BOX_CROSSED, share, NULL};
    if (share <= EMPTY) return (reading){BOX_EMPTY, share, NULL};
    return (reading){BOX_UNSURE, share, "a faint mark"};
}

/* --- Photos of a sheet ------------------------------------------------------------------------ */

/* One photo, located on its sheet. */
typedef struct view {
    const char *path; /* borrowed */
    pp_photo *ph;     /* owned */
    found codes[PP_CODES_MAX];
    const found *f; /* the codes' agreed words, in codes */
    int sheet;      /* index of its sheet in the scan's sheets */
    int page;       /* the sheet's page it shows, 0: the first */
    homography H;
    GHashTable
        *trusted; /* grown (fewer than GROW_BELOW codes): the boxes read from it, else NULL */
} view;

/* Why a box is not read from a photo that was grown and did not reach it (compared by address). */
static const char FAR[] = "the box is too far from the codes this photo shows";

/* --- A photo with two codes: the transform grown box by box ---------------------------------- */

typedef struct near_box {
    const pp_op *op;
    double d; /* mm to the nearest code seen */
} near_box;

static int by_distance(const void *a, const void *b)
{
    double x = ((const near_box *)a)->d, y = ((const near_box *)b)->d;
    return (x > y) - (x < y);
}

/* The boxes scan reads on the view's page, nearest the codes seen first; g_free. */
static near_box *boxes_by_distance(const pp_scene *s, const view *v, const double *xy, int n_xy,
                                   size_t *n)
{
    GPtrArray *a = ops_of(s, v->page, "score box"), *b = ops_of(s, v->page, "checkbox");
    g_ptr_array_extend_and_steal(a, b);
    near_box *out = g_new(near_box, a->len ? a->len : 1);
    for (guint i = 0; i < a->len; i++) {
        const pp_op *op = g_ptr_array_index(a, i);
        double d = HUGE_VAL, cx = op->x + op->w / 2, cy = op->y + op->h / 2;
        for (int k = 0; k < n_xy; k++)
            d = fmin(d, hypot(xy[2 * k] - cx, xy[2 * k + 1] - cy));
        out[i] = (near_box){op, d};
    }
    *n = a->len;
    g_ptr_array_free(a, TRUE);
    qsort(out, *n, sizeof *out, by_distance);
    return out;
}

/* Two codes on one edge fix the sheet well only near that edge. From the boxes nearest the codes
 * outwards, each box whose printed line is found clearly (darker than LINE_SHARE of the paper
 * around it) adds its corners to the codes' and the transform is fitted again before the next
 * box, so that it reaches across the photo as far as boxes are found. Only those boxes are read
 * from this photo (v->trusted): one whose line was not found could be a neighbour's. */
static void grow(const pp_scene *s, view *v)
{
    size_t n_boxes, cap = 2 * ZBAR_CORNERS * PP_CODES_MAX;
    double *xy = g_new(double, cap), *uv = g_new(double, cap);
    int n = code_points(s, v->page, v->codes, xy, uv);
    if (n / ZBAR_CORNERS >= GROW_BELOW) goto done;
    near_box *order = boxes_by_distance(s, v, xy, n, &n_boxes);
    v->trusted = g_hash_table_new(NULL, NULL);
    xy = g_renew(double, xy, cap + 8 * n_boxes), uv = g_renew(double, uv, cap + 8 * n_boxes);
    for (size_t i = 0; i < n_boxes; i++) {
        const pp_op *box = order[i].op;
        double px = box_px(&v->H, box), line, white;
        if (px < MIN_BOX_PX) continue;
        homography at = registered(v->ph, &v->H, box, px, &line);
        if (!paper_white(v->ph, &at, box, &white) || line > white * LINE_SHARE) continue;
        for (int k = 0; k < ZBAR_CORNERS; k++, n++) {
            xy[2 * n] = box->x + (k == 1 || k == 2) * box->w;
            xy[2 * n + 1] = box->y + (k >= 2) * box->h;
            project(&at, xy[2 * n], xy[2 * n + 1], &uv[2 * n], &uv[2 * n + 1]);
        }
        fit(xy, uv, n, s->pages[v->page].w, fmax(v->ph->w, v->ph->h), &v->H);
        g_hash_table_add(v->trusted, (gpointer)box);
    }
    g_free(order);
done:
    g_free(xy);
    g_free(uv);
}

/* A box read in every photo of its sheet that shows it: the readings that are sure must agree
 * (else the box is uncertain), and the best view (the box largest in it) names the photo. */
static reading read_views(const view *views, int n, int which, int page, const pp_op *box,
                          const char **photo)
{
    reading best = {BOX_UNSURE, 0, "the box is in none of the photos"}, sure = best;
    double best_px = -1;
    int n_sure = 0;
    for (int i = 0; i < n; i++) {
        if (views[i].sheet != which || views[i].page != page) continue;
        reading r = read_box(views[i].ph, &views[i].H, box);
        if (views[i].trusted && r.why != OUTSIDE && !g_hash_table_contains(views[i].trusted, box))
            r = (reading){BOX_UNSURE, r.ink, FAR};
        double px = box_px(&views[i].H, box);
        if (r.why != OUTSIDE && px > best_px) best = r, best_px = px, *photo = views[i].path;
        if (r.state == BOX_UNSURE) continue;
        if (n_sure++ && r.state != sure.state)
            return (reading){BOX_UNSURE, r.ink, "the photos disagree"};
        sure = r;
    }
    return n_sure ? sure : best;
}

/* --- A group of boxes: one answer, none, or uncertain ---------------------------------------- */

typedef struct tally {
    int read, empty, unsure;
    bool boxes;        /* a sheet with boxes was read */
    GString *comments; /* XML comments for the session */
} tally;

/* The boxes of one sheet and the photos to read them from. */
typedef struct boxes {
    const view *views;
    int n_views, sheet;
    GPtrArray *ops; /* the boxes, in the sheet's order */
    GArray *pages;  /* the page of each box (int) */
} boxes;

/* Whether a photo shows page `page` of the sheet of b. */
static bool page_seen(const boxes *b, int page)
{
    for (int i = 0; i < b->n_views; i++)
        if (b->views[i].sheet == b->sheet && b->views[i].page == page) return true;
    return false;
}

static void boxes_free(boxes *b)
{
    g_ptr_array_free(b->ops, TRUE);
    g_array_free(b->pages, TRUE);
}

/* Says on stderr and in t->comments that the group what is uncertain, and why; returns -2. */
static int unsure(tally *t, const char *photo, const char *what, const char *why, double ink)
{
    t->unsure++;
    fprintf(stderr, "%s: uncertain: %s: %s (ink %.0f%%); left out\n", photo, what, why, ink * 100);
    g_string_append_printf(t->comments, "  <!-- scan: %s uncertain: %s; left out -->\n", what, why);
    return -2;
}

/* The index of the one crossed box of the n at b->ops[from], -1 for none, -2 for uncertain (said
 * on stderr and in t->comments, for what). */
static int read_group(const boxes *b, size_t from, int n, const char *what, tally *t)
{
    int crossed = -1, count = 0;
    const char *why = NULL, *photo = b->views[0].path;
    double ink = 0;
    for (int j = 0; j < n; j++) {
        const char *seen = photo;
        reading r = read_views(b->views, b->n_views, b->sheet,
                               g_array_index(b->pages, int, from + (size_t)j),
                               g_ptr_array_index(b->ops, from + (size_t)j), &seen);
        if (j == 0 || r.state == BOX_UNSURE) photo = seen;
        if (r.state == BOX_UNSURE && !why) why = r.why, ink = r.ink;
        if (r.state == BOX_CROSSED) crossed = j, count++;
    }
    if (!why && count > 1) why = "more than one box crossed";
    if (!why) {
        t->read += crossed >= 0;
        t->empty += crossed < 0;
        return crossed;
    }
    return unsure(t, photo, what, why, ink);
}

/* The praatplaat's score and yes/no boxes into values (form fields, model/formfields.h). */
static void read_praatplaat(const pp_scene *s, const pp_content *c, const view *views, int n,
                            int which, GHashTable *values, tally *t, pp_error *err)
{
    boxes sc = {views, n, which, NULL, NULL}, mk = {views, n, which, NULL, NULL};
    sc.ops = ops_all(s, "score box", &sc.pages);
    mk.ops = ops_all(s, "checkbox", &mk.pages);
    size_t at = 0, want = 0;
    for (size_t i = 0; i < c->n_themes; i++)
        want += c->themes[i].n_statements * PP_SCORES;
    if (sc.ops->len != want || mk.ops->len != 2 * c->n_themes)
        pp_error_set(err, PP_ERR_INVALID, views[0].path, 0,
                     "the planned sheet has no boxes to read");
    for (size_t i = 0; i < c->n_themes && !pp_error_isset(err); i++) {
        const pp_theme *th = &c->themes[i];
        for (size_t k = 0; k < th->n_statements; k++, at += PP_SCORES) {
            gchar *what = g_strdup_printf("statement %s", th->statements[k].id);
            int j = read_group(&sc, at, PP_SCORES, what, t);
            if (j >= 0)
                g_hash_table_insert(values, pp_form_name("score", th->statements[k].id, NULL),
                                    g_strdup(pp_form_scores[j]));
            g_free(what);
        }
        gchar *what = g_strdup_printf("attention of theme %s", th->id);
        int j = read_group(&mk, 2 * i, 2, what, t);
        if (j >= 0)
            g_hash_table_insert(values, pp_form_name("attention", th->id, NULL),
                                g_strdup(pp_form_marks[j]));
        g_free(what);
    }
    boxes_free(&sc);
    boxes_free(&mk);
}

/* The follow-up plaat's yes/no boxes (a pair in each cell of a yes/no column, row by row) into
 * values. */
static void read_followup(const pp_scene *s, const pp_content *c, const view *views, int n,
                          int which, GHashTable *values, tally *t, pp_error *err)
{
    boxes mk = {views, n, which, NULL, NULL};
    mk.ops = ops_all(s, "checkbox", &mk.pages);
    size_t rows = c->n_themes + c->followup.n_rows, yesno = 0, at = 0;
    for (size_t g = 0; g < c->followup.n_groups; g++)
        for (size_t j = 0; j < c->followup.groups[g].n_columns; j++)
            yesno += c->followup.groups[g].columns[j].yesno;
    /* the rows go on over the pages in order, a pair of boxes for each yes/no cell */
    if (mk.ops->len != 2 * rows * yesno)
        pp_error_set(err, PP_ERR_INVALID, views[0].path, 0,
                     "the planned sheet has no boxes to read");
    for (size_t r = 0; r < rows && !pp_error_isset(err); r++) {
        const char *row =
            r < c->n_themes ? c->themes[r].id : c->followup.rows[r - c->n_themes].label.id;
        for (size_t g = 0; g < c->followup.n_groups; g++)
            for (size_t j = 0; j < c->followup.groups[g].n_columns; j++) {
                const pp_column *col = &c->followup.groups[g].columns[j];
                if (!col->yesno) continue;
                gchar *what = g_strdup_printf("follow-up %s %s", row, col->question.id);
                int page = g_array_index(mk.pages, int, at);
                gchar *why = page_seen(&mk, page)
                                 ? NULL
                                 : g_strdup_printf("on page %d of the follow-up plaat, of which "
                                                   "no photo was given",
                                                   page + 1);
                int k =
                    why ? unsure(t, views[0].path, what, why, 0) : read_group(&mk, at, 2, what, t);
                g_free(why);
                at += 2;
                if (k >= 0)
                    g_hash_table_insert(values, pp_form_name("mark", row, col->question.id),
                                        g_strdup(pp_form_marks[k]));
                g_free(what);
            }
    }
    boxes_free(&mk);
}

/* --- Notes areas as pictures ------------------------------------------------------------------ */

static guint32 colour_at(const pp_photo *ph, double u, double v)
{
    int x = (int)lround(u), y = (int)lround(v);
    if (x < 0 || y < 0 || x >= ph->w || y >= ph->h) return 0xffffff;
    const unsigned char *px = cairo_image_surface_get_data(ph->rgb);
    int stride = cairo_image_surface_get_stride(ph->rgb);
    return ((const guint32 *)(px + (size_t)y * (size_t)stride))[x];
}

/* The notes area a, straightened, at the photo's own resolution there (at most a cap): *k pixels
 * per mm. */
static cairo_surface_t *cut_out(const pp_photo *ph, const homography *H, const pp_op *a, double cap,
                                double *kp)
{
    double k = *kp = fmin(box_px(H, a) / a->w, cap);
    int w = (int)fmax(1, lround(a->w * k)), h = (int)fmax(1, lround(a->h * k));
    cairo_surface_t *out = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    unsigned char *px = cairo_image_surface_get_data(out);
    int stride = cairo_image_surface_get_stride(out);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            double u, v;
            project(H, a->x + (x + 0.5) / k, a->y + (y + 0.5) / k, &u, &v);
            ((guint32 *)(px + (size_t)y * (size_t)stride))[x] = colour_at(ph, u, v);
        }
    cairo_surface_mark_dirty(out);
    return out;
}

/* The photo of sheet that shows the area a whole and largest, or NULL. */
static const view *view_for(const view *views, int n, int which, const pp_op *a)
{
    const view *best = NULL;
    double best_px = 0;
    for (int i = 0; i < n; i++) {
        const view *v = &views[i];
        bool inside = v->sheet == which && v->page == 0;
        double u[4], w[4];
        for (int k = 0; k < 4 && inside; k++) {
            project(&v->H, a->x + (k % 2) * a->w, a->y + (k / 2) * a->h, &u[k], &w[k]);
            inside = u[k] >= 0 && w[k] >= 0 && u[k] < v->ph->w && w[k] < v->ph->h;
        }
        double px = inside ? hypot(u[1] - u[0], w[1] - w[0]) : 0;
        if (inside && px > best_px) best = v, best_px = px;
    }
    return best;
}

/* Finds the post-its of each theme's notes area (postits[i]), cut out of the photo that shows the
 * area whole and largest, and, with dir, writes each area and each post-it into it (made if
 * missing, cli/postits_write), adding each file's name to written (g_free'd with it), so a later
 * failure can take them away again. */
static pp_status read_notes(const pp_scene *s, const pp_content *c, const view *views, int n,
                            int which, const char *dir, pp_found_postits *postits,
                            GPtrArray *written, pp_error *err)
{
    GPtrArray *areas = ops_of(s, 0, "notes area");
    if (dir && g_mkdir_with_parents(dir, 0777) != 0)
        pp_error_set(err, PP_ERR_IO, dir, 0, "cannot make the folder: %s", strerror(errno));
    for (size_t i = 0; i < areas->len && i < c->n_themes && !pp_error_isset(err); i++) {
        const view *v = view_for(views, n, which, g_ptr_array_index(areas, i));
        for (int j = 0; !v && j < n; j++) /* cut out what there is; outside the photo is white */
            if (views[j].sheet == which && views[j].page == 0) v = &views[j];
        double k;
        cairo_surface_t *img =
            cut_out(v->ph, &v->H, g_ptr_array_index(areas, i), MAX_NOTES_PX_PER_MM, &k);
        postits[i] = pp_postits_find(img, k, s->layouts[0]);
        if (dir) pp_postits_write(img, &postits[i], dir, c->themes[i].id, written, err);
        cairo_surface_destroy(img);
    }
    g_ptr_array_free(areas, TRUE);
    return err->status;
}

/* The netwerkkaart (sheet `which`): the whole map, straightened, out of the photo that shows it
 * whole and largest, written into dir (cli/postits_write_picture). Nothing on
 * it is read: its post-its are the group's handwriting, and the picture is the record. */
static pp_status read_map(const pp_scene *s, const view *views, int n, int which, const char *dir,
                          GPtrArray *written, pp_error *err)
{
    const pp_page *p = &s->pages[0];
    const pp_op whole = {.x = 0, .y = 0, .w = p->w, .h = p->h};
    const view *v = view_for(views, n, which, &whole);
    if (!v)
        return pp_error_set(err, PP_ERR_INVALID, views[0].path, 0,
                            "no photo shows the whole netwerkkaart; take one with its four corners "
                            "in the picture");
    if (g_mkdir_with_parents(dir, 0777) != 0)
        return pp_error_set(err, PP_ERR_IO, dir, 0, "cannot make the folder: %s", strerror(errno));
    double k;
    cairo_surface_t *img = cut_out(v->ph, &v->H, &whole, MAX_MAP_PX / fmax(p->w, p->h), &k);
    gchar *path = g_build_filename(dir, MAP_PICTURE, NULL);
    g_ptr_array_add(written, path);
    pp_image_write_jpeg(img, path, MAP_QUALITY, err);
    cairo_surface_destroy(img);
    return err->status;
}

/* After a failure: nothing written stays. */
static void unwrite(GPtrArray *written)
{
    for (guint i = 0; i < written->len; i++)
        g_remove(g_ptr_array_index(written, i));
}

/* --- The whole scan ----------------------------------------------------------------------------
 */

/* Where the picture name in images is, seen from the folder of output: relative when images lies
 * inside that folder, else absolute; g_free. */
static char *picture_href(const char *output, const char *images, const char *name)
{
    gchar *dir = g_path_get_dirname(output), *base = g_canonicalize_filename(dir, NULL);
    gchar *folder = g_canonicalize_filename(images, NULL);
    gchar *file = g_build_filename(folder, name, NULL);
    size_t n = strlen(base);
    bool inside = strncmp(file, base, n) == 0 && file[n] == G_DIR_SEPARATOR;
    char *href = g_strdup(inside ? file + n + 1 : file);
    g_free(file);
    g_free(folder);
    g_free(base);
    g_free(dir);
    return href;
}

/* The href of picture name in images, kept in ss's arena. */
static const char *href_in(pp_session *ss, const char *output, const char *images, char *name)
{
    char *href = picture_href(output, images, name);
    const char *kept = pp_arena_strdup(ss->arena, href);
    g_free(href);
    g_free(name);
    return kept;
}

/* The session text of values (with each theme's pictures, of its notes area and of each post-it
 * found, when images is set), with the comments of what was left out before its end. */
static char *session_text(const pp_content *c, GHashTable *values, const char *photo,
                          const char *output, const char *images, const pp_found_postits *postits,
                          bool map, const tally *t, pp_error *err)
{
    pp_session *ss = pp_form_session(c, values, photo, err);
    if (!ss) return NULL;
    if (map) {
        if (!ss->network) ss->network = pp_session_network_new(ss->arena, c);
        ss->network->picture.href = href_in(ss, output, images, g_strdup(MAP_PICTURE));
    }
    for (size_t i = 0; images && i < c->n_themes; i++) {
        pp_answer_theme *a = &ss->themes[i];
        a->picture.href = href_in(ss, output, images, pp_postits_notes_name(c->themes[i].id));
        a->postits = pp_arena_calloc(ss->arena, postits[i].n + 1, sizeof *a->postits);
        for (a->n_postits = 0; a->n_postits < postits[i].n; a->n_postits++) {
            pp_postit *p = &a->postits[a->n_postits];
            p->colour = pp_postit_colours[postits[i].at[a->n_postits].colour];
            p->picture.href =
                href_in(ss, output, images, pp_postits_name(c->themes[i].id, a->n_postits + 1));
        }
    }
    char *xml = pp_session_write(ss, c);
    pp_session_free(ss);
    char *end = g_strrstr(xml, "</session>");
    if (!end || !t->comments->len) return xml;
    GString *out = g_string_new_len(xml, end - xml);
    g_string_append(out, t->comments->str);
    g_string_append(out, end);
    g_free(xml);
    return g_string_free(out, FALSE);
}

/* A photo loaded, its codes found, checked against the content and its sheet found among sheets
 * (planned when it is the first photo of that sheet) and located on it. */
static pp_status view_load(const zbar_api *z, view *v, const char *photo, const pp_content *c,
                           GPtrArray *sheets, pp_error *err)
{
    v->path = photo;
    v->ph = pp_photo_load(photo, err);
    if (!v->ph) return err->status;
    if (find_codes(z, v->ph, v->codes) == 0)
        return pp_error_set(err, PP_ERR_INVALID, photo, 0,
                            "no praatplaat codes in %s; is the whole sheet in the picture?", photo);
    v->f = agreed(v->codes, photo, err);
    if (!v->f || check_code(v->f, c, photo, err) != PP_OK) return err->status;
    v->page = v->f->page;
    v->sheet = -1;
    for (guint i = 0; i < sheets->len && v->sheet < 0; i++) {
        const view *first = g_ptr_array_index(sheets, i);
        bool same = true;
        for (int t = TOK_SHEET; t < TOK_PLACE; t++)
            same = same && g_ascii_strcasecmp(first->f->toks[t], v->f->toks[t]) == 0;
        if (same) v->sheet = (int)i;
    }
    if (v->sheet < 0) {
        v->sheet = (int)sheets->len;
        g_ptr_array_add(sheets, v);
    }
    return PP_OK;
}

static void view_free(view *v)
{
    if (v->trusted) g_hash_table_destroy(v->trusted);
    pp_photo_free(v->ph);
    free_codes(v->codes);
}

/* Reads every sheet's boxes from its photos into values; the praatplaat's index in *plaat (-1:
 * none). */
static void read_sheets(const sheet *sheets, int n_sheets, const pp_content *c, const view *views,
                        int n, GHashTable *values, tally *t, int *plaat, int *map, pp_error *err)
{
    *plaat = *map = -1;
    for (int i = 0; i < n_sheets && !pp_error_isset(err); i++) {
        if (sheets[i].map) {
            if (*map < 0) *map = i;
            continue;
        }
        t->boxes = true;
        if (sheets[i].followup) {
            read_followup(sheets[i].s, c, views, n, i, values, t, err);
            continue;
        }
        read_praatplaat(sheets[i].s, c, views, n, i, values, t, err);
        if (*plaat < 0) *plaat = i;
    }
}

/* Every photo loaded, located; every sheet planned; the boxes read into values. */
static void scan_views(const pp_content *c, view *views, int n, sheet *sheets, int *n_sheets,
                       GHashTable *values, tally *t, int *plaat, int *map,
                       const pp_scan_paths *paths, pp_error *err)
{
    zbar_api z;
    if (!zbar_open(&z, err)) return;
    GPtrArray *firsts = g_ptr_array_new();
    for (int i = 0; i < n && !pp_error_isset(err); i++)
        view_load(&z, &views[i], views[i].path, c, firsts, err);
    for (guint i = 0; i < firsts->len && !pp_error_isset(err); i++, (*n_sheets)++) {
        const view *first = g_ptr_array_index(firsts, i);
        plan_sheet(&sheets[i], first->f, c, paths, first->path, err);
    }
    for (int i = 0; i < n && !pp_error_isset(err); i++)
        if (locate(sheets[views[i].sheet].s, views[i].page, views[i].codes, views[i].ph,
                   views[i].path, &views[i].H, err) == PP_OK)
            grow(sheets[views[i].sheet].s, &views[i]);
    g_ptr_array_free(firsts, TRUE);
    if (!pp_error_isset(err))
        read_sheets(sheets, *n_sheets, c, views, n, values, t, plaat, map, err);
}

static pp_status scan_all(const pp_content *c, const char *const *photos, int n, const char *output,
                          const char *images, const pp_scan_paths *paths, pp_error *err)
{
    view *views = g_new0(view, (size_t)n);
    sheet *sheets = g_new0(sheet, (size_t)n);
    int n_sheets = 0, plaat = -1;
    int map = -1;
    tally t = {0, 0, 0, false, g_string_new(NULL)};
    GHashTable *values = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_hash_table_insert(values, g_strdup(PP_FORM_META_FIELD), pp_form_meta(c));
    for (int i = 0; i < n; i++)
        views[i].path = photos[i];
    scan_views(c, views, n, sheets, &n_sheets, values, &t, &plaat, &map, paths, err);
    if (!pp_error_isset(err) && images && plaat < 0 && map < 0)
        pp_error_set(err, PP_ERR_USAGE, photos[0], 0,
                     "--images cuts out the praatplaat's notes areas or the netwerkkaart; no "
                     "photo is of either");
    if (!pp_error_isset(err) && !images && map >= 0)
        pp_error_set(err, PP_ERR_USAGE, photos[0], 0,
                     "a photo of the netwerkkaart is kept as a picture of the map, not read: "
                     "give --images DIR");
    GPtrArray *written = g_ptr_array_new_with_free_func(g_free);
    pp_found_postits *postits = g_new0(pp_found_postits, c->n_themes);
    if (!pp_error_isset(err) && plaat >= 0)
        read_notes(sheets[plaat].s, c, views, n, plaat, images, postits, written, err);
    if (!pp_error_isset(err) && map >= 0)
        read_map(sheets[map].s, views, n, map, images, written, err);
    char *xml = !pp_error_isset(err)
                    ? session_text(c, values, photos[0], output, images, postits, map >= 0, &t, err)
                    : NULL;
    if (xml && pp_import_write(xml, c, output, paths->session_schema, err) == PP_OK) {
        if (t.boxes)
            fprintf(stderr, "%s: %d group(s) read, %d not filled in, %d uncertain\n", photos[0],
                    t.read, t.empty, t.unsure);
        if (plaat >= 0) pp_postits_report(photos[0], c, postits, images != NULL);
        if (map >= 0)
            fprintf(stderr, "%s: the netwerkkaart kept as a picture, %s/%s\n", photos[0], images,
                    MAP_PICTURE);
    }
    if (pp_error_isset(err)) unwrite(written);
    g_ptr_array_free(written, TRUE);
    for (size_t i = 0; i < c->n_themes; i++)
        pp_postits_free(&postits[i]);
    g_free(postits);
    g_free(xml);
    g_hash_table_destroy(values);
    g_string_free(t.comments, TRUE);
    for (int i = 0; i < n; i++) {
        free_sheet(&sheets[i]);
        view_free(&views[i]);
    }
    g_free(sheets);
    g_free(views);
    return err->status;
}

pp_status pp_scan_run(const char *content, const char *const *photos, int n_photos,
                      const char *output, const char *images, const pp_scan_paths *paths,
                      pp_error *err)
{
    if (pp_import_same_file(output, content))
        return pp_error_set(err, PP_ERR_USAGE, output, 0, "the output would overwrite an input");
    for (int i = 0; i < n_photos; i++)
        if (pp_import_same_file(output, photos[i]))
            return pp_error_set(err, PP_ERR_USAGE, output, 0,
                                "the output would overwrite an input");
    pp_content *c = pp_content_load(content, paths->schema, err);
    if (c && n_photos > 0) scan_all(c, photos, n_photos, output, images, paths, err);
    pp_content_free(c);
    return err->status;
}
