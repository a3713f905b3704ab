#include "model/tiling.h"

#include <math.h>
#include <stdio.h>

/* Guards the division in pp_tiles_needed against values a hair above a whole number. */
static const double epsilon = 1e-9;

int pp_tiles_needed(double poster, double print, double overlap)
{
    if (print <= overlap) return 0;
    if (poster <= print) return 1;
    return (int)ceil((poster - overlap) / (print - overlap) - epsilon);
}

bool pp_tile_grid_oriented(double poster_w, double poster_h, double paper_w, double paper_h,
                           bool landscape, double margin, double overlap, pp_tile_grid *g)
{
    double short_side = fmin(paper_w, paper_h), long_side = fmax(paper_w, paper_h);
    *g = (pp_tile_grid){.poster_w = poster_w,
                        .poster_h = poster_h,
                        .sheet_w = landscape ? long_side : short_side,
                        .sheet_h = landscape ? short_side : long_side,
                        .landscape = landscape,
                        .margin = margin,
                        .overlap = overlap};
    g->print_w = g->sheet_w - 2 * margin;
    g->print_h = g->sheet_h - 2 * margin;
    g->step_x = g->print_w - overlap;
    g->step_y = g->print_h - overlap;
    g->cols = pp_tiles_needed(poster_w, g->print_w, overlap);
    g->rows = pp_tiles_needed(poster_h, g->print_h, overlap);
    return g->cols > 0 && g->rows > 0;
}

bool pp_tile_grid_plan(double poster_w, double poster_h, double paper_w, double paper_h,
                       double margin, double overlap, pp_tile_grid *g)
{
    pp_tile_grid portrait, landscape;
    bool p = pp_tile_grid_oriented(poster_w, poster_h, paper_w, paper_h, false, margin, overlap,
                                   &portrait);
    bool l = pp_tile_grid_oriented(poster_w, poster_h, paper_w, paper_h, true, margin, overlap,
                                   &landscape);
    if (!p && !l) return false;
    bool take_landscape =
        l && (!p || pp_tile_grid_count(&landscape) < pp_tile_grid_count(&portrait));
    *g = take_landscape ? landscape : portrait;
    return true;
}

int pp_tile_grid_count(const pp_tile_grid *g)
{
    return g->cols * g->rows;
}

pp_tile pp_tile_grid_at(const pp_tile_grid *g, int i)
{
    int row = i / g->cols, col = i % g->cols;
    return (pp_tile){.row = row,
                     .col = col,
                     .number = i + 1,
                     .x = col * g->step_x,
                     .y = row * g->step_y,
                     .w = g->print_w,
                     .h = g->print_h,
                     .left = col > 0,
                     .top = row > 0,
                     .right = col + 1 < g->cols,
                     .bottom = row + 1 < g->rows};
}

void pp_tile_label(const pp_tile *t, char *buf, size_t n)
{
    char letters[8];
    size_t k = sizeof letters - 1;
    letters[k] = '\0';
    for (int r = t->row + 1; r > 0 && k > 0; r = (r - 1) / 26)
        letters[--k] = (char)('A' + (r - 1) % 26);
    snprintf(buf, n, "%s%d", letters + k, t->col + 1);
}
