/* The picture's marks, shared by the pictures (render.c) and the DOT file
 * (export_dot.c). */
#ifndef SG_RENDER_INT_H
#define SG_RENDER_INT_H

#include "gv.h"
#include "stakegraph/graph.h"
#include "stakegraph/render.h"

/* Draws g's nodes and edges into dg as the default picture draws them: each
 * node pinned at its place (pos "x,y!"), of its size, shape and colour, the
 * largest actors labelled outside (HTML-like labels of their own colour), and
 * every node's name as its label, drawn in its own colour at a size that fits
 * (so that the DOT file keeps the names, and `neato -n2` draws the picture);
 * each edge of its width and grey. nodes[i] and edges[e] receive the objects.
 * The network must be laid out (x, y, size, r, g, b); else SG_ERR_INVALID. */
int sg_render_marks(const sg_graph *g, sg_gv *dg, sg_gv_obj **nodes, sg_gv_obj **edges,
                    sg_error *err);

/* A row of the legend's colours: a type (with its shape) or a community
 * (its number, size and first actors; shape NULL). */
typedef struct {
    char text[400];
    unsigned char rgb[3];
    const char *shape;
} sg_legend_row;

enum { SG_LEGEND_MAX = 10 };

/* The colour rows of the picture's legend, in its order, into rows (room for
 * SG_LEGEND_MAX); `order`: the nodes ranked by opt->size_by, as the picture
 * labels them. Returns how many. */
size_t sg_legend_colours(const sg_graph *g, const sg_render_options *opt, const size_t *order,
                         sg_legend_row *rows);

/* The legend's shape row t (its type in *type), or NULL past the last. */
const char *sg_legend_shape(size_t t, const char **type);

/* Node i's value of colour channel column `col` (r, g or b), 0 to 255. */
unsigned sg_layout_channel(const sg_graph *g, long col, size_t i);

/* The picture's shape for a node type ("square" for organisations...). */
const char *sg_type_shape(const char *type);

/* The palette: SG_PALETTE colours (Tableau 10) and grey for every other
 * group, at index SG_PALETTE. */
enum { SG_PALETTE = 9 };
extern const unsigned char sg_palette[SG_PALETTE + 1][3];

/* render.c, for picture.c: node i's value of the sizing measure (column
 * `col`, or the mentions when col < 0), the column of a measure's name, a
 * node's diameter in inches for a value and the maximum (area
 * proportional, 0.16 to 0.9), the maximum over the nodes, the palette index
 * of node i (community sizes `csize` from sg_render_community_sizes, room
 * for SG_PALETTE). */
double sg_render_size_value(const sg_graph *g, long col, size_t i);
long sg_render_size_column(const sg_graph *g, const char *size_by);
double sg_render_diameter(double v, double vmax);
double sg_render_column_max(const sg_graph *g, long col);
int sg_render_colour_of(const sg_graph *g, const sg_render_options *opt, size_t i,
                        const size_t *csize);
void sg_render_community_sizes(const sg_graph *g, size_t *csize);

/* picture.c: the actors a picture shows (*shown NULL: all; else a mask of
 * the largest opt->picture_actors, ranked by `values` or opt->size_by), the
 * links it draws (*keep, *kept: a large network's backbone among the shown),
 * and whether the picture draws a backbone. 0 or an SG_ERR_* (err set). */
int sg_picture_actors(const sg_graph *g, const sg_render_options *opt, const double *values,
                      unsigned char **shown, sg_error *err);
int sg_picture_edges(const sg_graph *g, const unsigned char *shown, unsigned char **keep,
                     size_t *kept, sg_error *err);
int sg_backbone_pictured(const sg_graph *g);

/* layout.c: a layout's positions by a Graphviz engine, of n nodes of the
 * diameters `diam` (inches) and m edges (ends[2e] to ends[2e + 1]), with
 * sfdp's settings for large graphs when `large`; the job keeps copies.
 * Run in the calling thread (sg_layout_job_run), or started in a thread of
 * its own (sg_layout_job_start, 0 or SG_ERR_NOMEM when no thread could be
 * made) and waited for (sg_layout_job_wait, which runs it when it was not
 * started). Positions in points, valid after a successful run or wait.
 * sg_layout_job_free (NULL-safe) waits for a started job first. */
typedef struct sg_layout_job sg_layout_job;
int sg_layout_job_new(sg_layout_job **out, size_t n, const double *diam, size_t m,
                      const size_t *ends, const char *engine, int large);
int sg_layout_job_run(sg_layout_job *job, sg_error *err);
int sg_layout_job_start(sg_layout_job *job);
int sg_layout_job_wait(sg_layout_job *job, sg_error *err);
/* Writes the graph the job gives its engine, settings included, as DOT (for
 * tests, and to run Graphviz's own programs on it). 0, SG_ERR_NOMEM or
 * SG_ERR_IO. */
int sg_layout_job_write(const sg_layout_job *job, FILE *f);
const double *sg_layout_job_x(const sg_layout_job *job);
const double *sg_layout_job_y(const sg_layout_job *job);
void sg_layout_job_free(sg_layout_job *job);

#endif
