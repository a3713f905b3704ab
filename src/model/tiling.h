/* Tiling a poster onto smaller sheets (render --tile): the grid of tiles, pure geometry in
 * millimetres, no drawing. Every tile prints a printable area (the sheet less the printer's
 * margin on every side); neighbouring tiles share exactly `overlap` mm of the poster, so the
 * sheets can be glued with the next one laid over the previous one's strip. The grid starts at the
 * poster's top-left corner; the last column and row may reach past the poster's edge.
 *
 * Glue order is row by row, left to right (A1, A2, …, B1, …): each tile is laid over its left and
 * upper neighbours, so a tile's right and bottom strips (where it has a neighbour) go under, and
 * its left and top edges (where it has a neighbour) are cut along its printable area.
 *
 * Plain values: nothing to free. */
#ifndef PP_TILING_H
#define PP_TILING_H

#include <stdbool.h>
#include <stddef.h>

typedef struct pp_tile_grid {
    double poster_w, poster_h; /* mm */
    double sheet_w, sheet_h;   /* the sheet as printed (oriented), mm */
    bool landscape;            /* sheet_w > sheet_h */
    double margin, overlap;    /* mm */
    double print_w, print_h;   /* printable area of a sheet: sheet less 2 × margin */
    double step_x, step_y;     /* print_w − overlap, print_h − overlap */
    int cols, rows;
} pp_tile_grid;

typedef struct pp_tile {
    int row, col;                  /* from 0 */
    int number;                    /* glue order, from 1 */
    double x, y;                   /* poster mm of the printable area's top-left corner */
    double w, h;                   /* the printable area: print_w × print_h */
    bool left, top, right, bottom; /* a neighbour on that side */
} pp_tile;

/* The number of sheets of printable length `print` that cover `poster` with `overlap` between
 * neighbours: 1 when it fits, else ⌈(poster − overlap) / (print − overlap)⌉; 0 when print is not
 * longer than overlap. */
int pp_tiles_needed(double poster, double print, double overlap);

/* The grid for a poster of poster_w × poster_h mm on sheets of paper_w × paper_h mm (either
 * orientation given), with the sheets portrait or landscape, whichever needs fewer (portrait, the
 * sheet as given, on a tie). False when a sheet's printable area is not longer than the overlap in
 * some direction (nothing can be tiled). */
bool pp_tile_grid_plan(double poster_w, double poster_h, double paper_w, double paper_h,
                       double margin, double overlap, pp_tile_grid *g);

/* The grid with the sheets in one orientation (landscape or not), for comparing both. */
bool pp_tile_grid_oriented(double poster_w, double poster_h, double paper_w, double paper_h,
                           bool landscape, double margin, double overlap, pp_tile_grid *g);

int pp_tile_grid_count(const pp_tile_grid *g);
/* Tile i, 0 ≤ i < count, in glue order. */
pp_tile pp_tile_grid_at(const pp_tile_grid *g, int i);

/* The tile's label: its row as letters (A … Z, AA …) and its column from 1: "B3". */
void pp_tile_label(const pp_tile *t, char *buf, size_t n);

#endif
