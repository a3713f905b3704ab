/* Every limit of praatplaat's inputs, named once (docs/limits.md gives the reasons). Loaders check
 * them and print them in their messages from here, so a message can never disagree with the check.
 */
#ifndef PP_LIMITS_H
#define PP_LIMITS_H

/* Content (docs/content-format.md). */
enum {
    PP_MAX_THEMES = 12,
    PP_MAX_STATEMENTS = 12,
    PP_MAX_FIELDS = 8,
    PP_MAX_GROUPS = 4,
    PP_MAX_COLUMNS = 8,
    PP_MAX_ROWS = 4,
    PP_MAX_BLOCKS = 200,
    PP_MAX_DEPTH = 6,
    /* the netwerkkaart family: distance rings, kinds of partner, roles, phases, cards per phase,
     * questions and examples per card */
    PP_MAX_RINGS = 4,
    PP_MAX_KINDS = 12,
    PP_MAX_ROLES = 8,
    PP_MAX_PHASES = 6,
    PP_MAX_CARDS = 24,
    PP_MAX_CARD_LINES = 16
};

/* Sessions (docs/session-format.md). */
enum { PP_MAX_PARTICIPANTS = 60, PP_MAX_POSTITS = 40 };
/* Sessions of the netwerkkaart family: partners on the map, links between two of them, priority
 * marks of one role on one partner (one per participant at most). */
enum { PP_MAX_PARTNERS = 150, PP_MAX_LINKS = 300, PP_MAX_MARKS = PP_MAX_PARTICIPANTS };
/* A session's <picture href> (scan --images), bytes; the picture it names: a PNG or JPEG file of at
 * most this many bytes and pixels (checked from its header, before it is decoded). */
#define PP_PICTURE_MAX_BYTES 1000u
#define PP_MAX_PICTURE_FILE_BYTES (32u * 1024u * 1024u)
#define PP_MAX_PICTURE_PIXELS (40u * 1000u * 1000u)

/* Layouts (docs/layout-format.md): entries, palette colours, lengths (mm) and type sizes (pt). */
enum { PP_MAX_LAYOUT_ENTRIES = 1000, PP_MAX_PALETTE = 16, PP_MAX_MM = 5000, PP_MAX_PT = 1000 };

/* publish (docs/limits.md): parallel workers (-j), content files in one folder. */
enum { PP_MAX_JOBS = 64, PP_MAX_PUBLISH_FILES = 200 };

/* scan (docs/scanning.md): photos of one sheet, and the largest photo read, in bytes and pixels. */
enum { PP_MAX_PHOTOS = 8 };
#define PP_MAX_PHOTO_BYTES (64u * 1024u * 1024u)
#define PP_MAX_PHOTO_PIXELS (60u * 1000u * 1000u)
/* Any decoded image (a picture or a photo), pixels a side: cairo's largest image surface. */
#define PP_MAX_IMAGE_SIDE 32767u

/* Printing elsewhere (render --tile, --marks), in mm: the overlap of neighbouring tiles, the
 * printer's unprintable margin, and the bleed. */
enum { PP_MAX_OVERLAP_MM = 50, PP_MAX_TILE_MARGIN_MM = 30, PP_MAX_BLEED_MM = 25 };

/* Largest input file read, in bytes. */
#define PP_XML_MAX_BYTES (4u * 1024u * 1024u)
/* Longest single text, in bytes of UTF-8. */
#define PP_TEXT_MAX_BYTES 16000u

#endif
