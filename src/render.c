/* Layout and pictures through Graphviz's gvc (SPEC §10). Two passes: the
 * layout engine (neato or sfdp, overlap removal "prism") places circles of
 * the final sizes; the drawing pins every node at its place (engine "nop2",
 * i.e. neato -n2), adds labels and the legend, and renders. cgraph escapes
 * only '"', so every value is cleaned first (backslashes doubled). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "graph_int.h"
#include "gv.h"
#include "render_int.h"
#include "sg_internal.h"
#include "stakegraph/analysis.h"
#include "stakegraph/render.h"
#include "xmlesc.h"

enum { AUTO_LABEL_ALL = 100, AUTO_LABELS = 40 };

/* Above SG_LAYOUT_LARGE actors, sfdp removes overlaps by scaling only
 * ("prism0") and approximates its forces with a fast quadtree: at 20,000
 * actors and 78,000 edges, 5.7 s instead of 33 s with prism's own overlap
 * removal (user time, sfdp 2.42). Below, the layout is the one it has always
 * been. */

/* Tableau 10 (colour-blind aware); the tenth, grey, is for every other group. */
const unsigned char sg_palette[SG_PALETTE + 1][3] = {
    {0x4e, 0x79, 0xa7}, {0xf2, 0x8e, 0x2b}, {0xe1, 0x57, 0x59}, {0x76, 0xb7, 0xb2},
    {0x59, 0xa1, 0x4f}, {0xed, 0xc9, 0x48}, {0xb0, 0x7a, 0xa1}, {0xff, 0x9d, 0xa7},
    {0x9c, 0x75, 0x5f}, {0xc7, 0xc7, 0xc7}};

typedef struct {
    const char *type, *shape, *symbol;
    int colour; /* palette index when colouring by type */
} type_style;

static const type_style types[] = {
    {"organisation", "square", "\xe2\x96\xa0", 0}, /* ■ */
    {"person", "circle", "\xe2\x97\x8f", 2},       /* ● */
    {"place", "diamond", "\xe2\x97\x86", 4},       /* ◆ */
};
static const type_style other_type = {"other", "circle", "\xe2\x97\x8f", SG_PALETTE};

static const type_style *style_of(const char *type)
{
    for (size_t i = 0; i < sizeof(types) / sizeof(*types); i++)
        if (!strcmp(types[i].type, type))
            return &types[i];
    return &other_type;
}

void sg_type_colour(const char *type, unsigned char rgb[3])
{
    memcpy(rgb, sg_palette[style_of(type)->colour], 3);
}

const char *sg_type_shape(const char *type)
{
    return style_of(type)->shape;
}

void sg_render_options_init(sg_render_options *opt)
{
    opt->colour_by = SG_COLOUR_COMMUNITY;
    opt->size_by = "pagerank";
    opt->labels = -1;
    opt->engine = NULL;
    opt->on_step = NULL;
    opt->step_ctx = NULL;
    opt->title = NULL;
    opt->lang = "fr";
    opt->view_evidence = 5;
    opt->picture_actors = SG_PICTURE_ACTORS;
}

int sg_colour_by_parse(sg_colour_by *out, const char *name)
{
    if (!strcmp(name, "community"))
        *out = SG_COLOUR_COMMUNITY;
    else if (!strcmp(name, "type"))
        *out = SG_COLOUR_TYPE;
    else
        return SG_ERR_INVALID;
    return SG_OK;
}

const char *sg_render_format_from_path(const char *path)
{
    static const char *const formats[] = {"svg", "png", "pdf", "html"};
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return NULL;
    for (size_t i = 0; i < 4; i++)
        if (!strcasecmp(dot + 1, formats[i]))
            return formats[i];
    return NULL;
}

static int set(sg_gv_obj *obj, const char *name, const char *value)
{
    char *clean = sg_dot_clean(value);
    if (!clean)
        return SG_ERR_NOMEM;
    int rc = sg_gv_set(obj, name, clean);
    free(clean);
    return rc;
}

/* Value of the sizing measure on node i. */
double sg_render_size_value(const sg_graph *g, long col, size_t i)
{
    if (col >= 0)
        return sg_graph_column_value(g, SG_NODES, (size_t)col, i);
    return (double)sg_graph_node_mentions(g, i);
}

long sg_render_size_column(const sg_graph *g, const char *size_by)
{
    if (!size_by || !strcmp(size_by, "mentions"))
        return -1;
    return sg_graph_column_find(g, SG_NODES, size_by);
}

/* Diameter in inches: area proportional to the measure, from 0.16 to 0.9. */
double sg_render_diameter(double v, double vmax)
{
    if (!(vmax > 0) || !(v > 0))
        return 0.16;
    return 0.16 + 0.74 * sqrt(v / vmax);
}

double sg_render_column_max(const sg_graph *g, long col)
{
    double m = 0;
    for (size_t i = 0; i < sg_graph_node_count(g); i++) {
        double v = sg_render_size_value(g, col, i);
        if (v > m)
            m = v;
    }
    return m;
}

/* Community of node i when it is a small whole number, else SIZE_MAX (a
 * GraphML from elsewhere may hold anything). */
static size_t community_of(const sg_graph *g, long cc, size_t i)
{
    double c = cc >= 0 ? sg_graph_column_value(g, SG_NODES, (size_t)cc, i) : -1;
    return c >= 0 && c < 1e9 ? (size_t)c : SIZE_MAX;
}

/* Palette index of node i. */
int sg_render_colour_of(const sg_graph *g, const sg_render_options *opt, size_t i,
                        const size_t *csize)
{
    if (opt->colour_by == SG_COLOUR_TYPE)
        return style_of(sg_graph_node_type(g, i))->colour;
    long cc = sg_graph_column_find(g, SG_NODES, "community");
    if (cc < 0)
        return SG_PALETTE;
    size_t c = community_of(g, cc, i);
    /* a community of one actor is no group: grey */
    return c < SG_PALETTE && csize[c] > 1 ? (int)c : SG_PALETTE;
}

/* Sizes of the communities numbered below SG_PALETTE. */
void sg_render_community_sizes(const sg_graph *g, size_t *csize)
{
    memset(csize, 0, SG_PALETTE * sizeof(size_t));
    long cc = sg_graph_column_find(g, SG_NODES, "community");
    for (size_t i = 0; cc >= 0 && i < sg_graph_node_count(g); i++) {
        double c = sg_graph_column_value(g, SG_NODES, (size_t)cc, i);
        if (c >= 0 && c < SG_PALETTE)
            csize[(size_t)c]++;
    }
}

static void sb_str(sg_strbuf *b, const char *s)
{
    sg_strbuf_add(b, s, strlen(s));
}

/* Text for an HTML-like label: & < > " escaped, controls dropped. */
static void sb_html(sg_strbuf *b, const char *s, size_t max_chars)
{
    size_t chars = 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c & 0xC0) != 0x80 && ++chars > max_chars) {
            sb_str(b, "\xe2\x80\xa6");
            return;
        }
        if (c == '&')
            sb_str(b, "&amp;");
        else if (c == '<')
            sb_str(b, "&lt;");
        else if (c == '>')
            sb_str(b, "&gt;");
        else if (c == '"')
            sb_str(b, "&quot;");
        else if (c >= 0x20 && c != 0x7f)
            sg_strbuf_add(b, s, 1);
    }
}

/* Breaks s over lines of about 22 characters, `brk` between them; each byte
 * as it is, or escaped for an HTML-like label (`html`). */
static void wrap_into(sg_strbuf *b, const char *s, const char *brk, int html)
{
    size_t n = strlen(s), col = 0;
    sg_strbuf_add(b, "", 0); /* (an empty name is an empty label) */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' && col >= 16 && n - i > 6) {
            sb_str(b, brk);
            col = 0;
            continue;
        }
        if (html) {
            char one[2] = {(char)c, 0};
            sb_html(b, one, 2);
        } else {
            sg_strbuf_add(b, s + i, 1);
        }
        col += (c & 0xC0) != 0x80;
    }
}

static char *strbuf_take(sg_strbuf *b)
{
    if (!b->failed)
        return b->s;
    free(b->s);
    return NULL;
}

/* A long name over lines for a plain label (Graphviz's "\n"). */
static char *wrap_name(const char *name)
{
    char *clean = sg_dot_clean(name);
    if (!clean)
        return NULL;
    sg_strbuf b = {NULL, 0, 0, 0};
    wrap_into(&b, clean, "\\n", 0);
    free(clean);
    return strbuf_take(&b);
}

/* The same as an HTML-like label of its own colour and size (the DOT file's
 * xlabels: the node's own font colour hides its in-node label). */
static char *html_name(const char *name, double points)
{
    sg_strbuf b = {NULL, 0, 0, 0};
    char head[80];
    sg_snprintf_c(head, sizeof(head), "<FONT COLOR=\"#1a1a1a\" POINT-SIZE=\"%.1f\">", points);
    sb_str(&b, head);
    wrap_into(&b, name, "<BR/>", 1);
    sb_str(&b, "</FONT>");
    return strbuf_take(&b);
}

unsigned sg_layout_channel(const sg_graph *g, long col, size_t i)
{
    double v = sg_graph_column_value(g, SG_NODES, (size_t)col, i);
    return v > 0 ? (v < 255 ? (unsigned)v : 255u) : 0u;
}

static const char *hex(const sg_graph *g, size_t i, char *buf, const long *rgb)
{
    snprintf(buf, 8, "#%02x%02x%02x", sg_layout_channel(g, rgb[0], i),
             sg_layout_channel(g, rgb[1], i), sg_layout_channel(g, rgb[2], i));
    return buf;
}

static void legend_row(sg_strbuf *b, const unsigned char *rgb, const char *text, size_t max_chars,
                       double scale)
{
    char swatch[160];
    int side = (int)(14 * scale);
    snprintf(swatch, sizeof(swatch),
             "<TR><TD WIDTH=\"%d\" HEIGHT=\"%d\" FIXEDSIZE=\"TRUE\" BGCOLOR=\"#%02x%02x%02x\">"
             "</TD><TD ALIGN=\"LEFT\">",
             side, side, rgb[0], rgb[1], rgb[2]);
    sb_str(b, swatch);
    sb_html(b, text, max_chars);
    sb_str(b, "</TD></TR>");
}

size_t sg_legend_colours(const sg_graph *g, const sg_render_options *opt, const size_t *order,
                         sg_legend_row *rows)
{
    size_t n = sg_graph_node_count(g), k = 0;
    if (opt->colour_by == SG_COLOUR_TYPE) {
        for (size_t t = 0; t <= sizeof(types) / sizeof(*types); t++) {
            const type_style *st = t < sizeof(types) / sizeof(*types) ? &types[t] : &other_type;
            int present = 0;
            for (size_t i = 0; i < n && !present; i++)
                present = style_of(sg_graph_node_type(g, i)) == st;
            if (present) {
                memcpy(rows[k].rgb, sg_palette[st->colour], 3);
                snprintf(rows[k].text, sizeof(rows[k].text), "%s", st->type);
                rows[k++].shape = st->shape;
            }
        }
        return k;
    }
    size_t csize[SG_PALETTE];
    sg_render_community_sizes(g, csize);
    long cc = sg_graph_column_find(g, SG_NODES, "community");
    int grey = 0;
    for (size_t i = 0; i < n; i++)
        grey |= sg_render_colour_of(g, opt, i, csize) == SG_PALETTE;
    for (size_t c = 0; c < SG_PALETTE && cc >= 0; c++) {
        if (csize[c] < 2)
            continue;
        char *text = rows[k].text;
        size_t size = sizeof(rows[k].text);
        size_t len = (size_t)snprintf(text, size, "%zu (%zu): ", c, csize[c]);
        size_t listed = 0;
        for (size_t r = 0; r < n && listed < 3; r++) {
            size_t i = order[r];
            if (community_of(g, cc, i) != c)
                continue;
            const char *name = sg_graph_node_short_name(g, i);
            if (len + strlen(name) + 3 < size)
                len += (size_t)snprintf(text + len, size - len, "%s%s", listed ? ", " : "", name);
            listed++;
        }
        memcpy(rows[k].rgb, sg_palette[c], 3);
        rows[k++].shape = NULL;
    }
    if (grey) {
        snprintf(rows[k].text, sizeof(rows[k].text), "other communities and lone actors");
        memcpy(rows[k].rgb, sg_palette[SG_PALETTE], 3);
        rows[k++].shape = NULL;
    }
    return k;
}

const char *sg_legend_shape(size_t t, const char **type)
{
    if (t >= sizeof(types) / sizeof(*types))
        return NULL;
    *type = types[t].type;
    return types[t].shape;
}

/* The legend: colours, shapes, what sizes and widths mean, which actors
 * are drawn when not all (`shown` of them) and which lines when not all
 * (`drawn` of them). Returns 0, or -1 when memory ran out. */
static int legend(sg_strbuf *b, const sg_graph *g, const sg_render_options *opt,
                  const size_t *order, double wmax, double scale, size_t shown, size_t drawn)
{
    sg_legend_row rows[SG_LEGEND_MAX];
    size_t k = sg_legend_colours(g, opt, order, rows);
    sb_str(b, "<TABLE BORDER=\"1\" COLOR=\"#bbbbbb\" CELLBORDER=\"0\" CELLSPACING=\"3\" "
              "CELLPADDING=\"1\" BGCOLOR=\"#ffffff\">");
    sb_str(b, opt->colour_by == SG_COLOUR_TYPE
                  ? "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Colour: type</B></TD></TR>"
                  : "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Colour: community (Louvain), "
                    "main actors</B></TD></TR>");
    for (size_t r = 0; r < k; r++)
        legend_row(b, rows[r].rgb, rows[r].text, opt->colour_by == SG_COLOUR_TYPE ? 40 : 70, scale);
    sb_str(b, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">");
    for (size_t t = 0; t < sizeof(types) / sizeof(*types); t++) {
        sb_str(b, t ? "   " : "Shape: ");
        sb_str(b, types[t].symbol);
        sb_str(b, " ");
        sb_str(b, types[t].type);
    }
    sb_str(b, "</TD></TR><TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Area: ");
    sb_html(b, opt->size_by ? opt->size_by : "mentions", 40);
    char line[160];
    snprintf(line, sizeof(line), "; line width: co-occurrences (1 to %.0f)", wmax);
    sb_str(b, line);
    if (shown < sg_graph_node_count(g)) {
        char note[320];
        snprintf(note, sizeof(note),
                 "</TD></TR><TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Actors: the %zu largest of "
                 "%zu (by ",
                 shown, sg_graph_node_count(g));
        sb_str(b, note);
        sb_html(b, opt->size_by ? opt->size_by : "mentions", 40);
        sb_str(b, "; the others are in the data)");
    }
    if (drawn < sg_graph_edge_count(g)) {
        char note[320];
        if (sg_backbone_pictured(g))
            sg_snprintf_c(note, sizeof(note),
                          "</TD></TR><TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Lines: the "
                          "backbone%s, %zu of %zu links (disparity filter \xce\xb1 &lt; %g, and "
                          "a maximum spanning forest)",
                          shown < sg_graph_node_count(g) ? " among them" : "", drawn,
                          sg_graph_edge_count(g), SG_PICTURE_ALPHA);
        else
            snprintf(note, sizeof(note),
                     "</TD></TR><TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">Lines: the %zu links "
                     "among them, of %zu",
                     drawn, sg_graph_edge_count(g));
        sb_str(b, note);
    }
    sb_str(b, "</TD></TR></TABLE>");
    return b->failed ? -1 : 0;
}

/* A node name that no actor uses. */
static void legend_name(const sg_graph *g, char *name, size_t size)
{
    snprintf(name, size, "legend");
    for (int k = 1; k < 1000; k++) {
        int clash = 0;
        for (size_t i = 0; i < sg_graph_node_count(g) && !clash; i++)
            clash = !strcmp(sg_graph_node_id(g, i), name);
        if (!clash)
            return;
        snprintf(name, size, "legend_%d", k);
    }
}

typedef struct {
    double minx, miny, maxx, maxy;
} bbox;

static bbox bounds(const sg_graph *g, const unsigned char *shown, long xc, long yc, long sc)
{
    bbox bb = {0, 0, 0, 0};
    for (size_t i = 0, first = 1; i < sg_graph_node_count(g); i++) {
        if (shown && !shown[i])
            continue;
        double x = sg_graph_column_value(g, SG_NODES, (size_t)xc, i);
        double y = sg_graph_column_value(g, SG_NODES, (size_t)yc, i);
        double s = sg_graph_column_value(g, SG_NODES, (size_t)sc, i);
        if (first || x - s < bb.minx)
            bb.minx = x - s;
        if (first || y - s < bb.miny)
            bb.miny = y - s;
        if (first || x + s > bb.maxx)
            bb.maxx = x + s;
        if (first || y + s > bb.maxy)
            bb.maxy = y + s;
        first = 0;
    }
    return bb;
}

/* Which nodes draw_nodes draws: all in their order, the labelled ones only,
 * or all with the labelled ones last (so that their labels, drawn with them,
 * lie over the other actors). */
typedef enum { NODES_ALL, NODES_LABELLED, NODES_LABELLED_LAST } nodes_drawn;

/* The nodes' marks, of the actors `shown` (NULL: all). For the DOT file
 * (`dot`), each node also carries its name as its label, drawn in the
 * node's own colour at a size that fits (hidden: the picture labels only
 * the largest actors, outside), and the outside labels are HTML-like, with
 * their own colour. */
static int draw_nodes(const sg_graph *g, sg_gv *dg, sg_gv_obj **nodes, const sg_render_options *opt,
                      const unsigned char *shown, const unsigned char *labelled, nodes_drawn which,
                      const long *cols, double scale, int dot)
{
    size_t n = sg_graph_node_count(g);
    long scol = sg_render_size_column(g, opt->size_by);
    double vmax = sg_render_column_max(g, scol);
    int rc = 0;
    for (size_t k = 0; k < 2 * n && !rc; k++) {
        /* k < n: the first pass, k >= n: the labelled nodes again */
        size_t i = k < n ? k : k - n;
        if ((shown && !shown[i]) || (which == NODES_ALL        ? k >= n
                                     : which == NODES_LABELLED ? k < n || !labelled[i]
                                                               : (k < n) == (labelled[i] != 0)))
            continue;
        char *name = sg_dot_clean(sg_graph_node_id(g, i)), colour[8];
        if (!name || !(nodes[i] = sg_gv_node(dg, name))) {
            free(name);
            rc = SG_ERR_NOMEM;
            break;
        }
        free(name);
        double x = sg_graph_column_value(g, SG_NODES, (size_t)cols[0], i);
        double y = sg_graph_column_value(g, SG_NODES, (size_t)cols[1], i);
        double d = 2.0 * sg_graph_column_value(g, SG_NODES, (size_t)cols[2], i) / 72.0;
        const type_style *st = style_of(sg_graph_node_type(g, i));
        rc = sg_gv_setf(nodes[i], "pos", "%.2f,%.2f!", x, y) ||
             sg_gv_setf(nodes[i], "width", "%.4f", d) ||
             sg_gv_setf(nodes[i], "height", "%.4f", d) ||
             sg_gv_setf(nodes[i], "shape", "%s", st->shape) ||
             sg_gv_setf(nodes[i], "fillcolor", "%s", hex(g, i, colour, cols + 3)) ||
             set(nodes[i], "tooltip", sg_graph_node_label(g, i));
        if (!rc && dot) {
            /* a label as wide as the node at most: 0.55 em a character */
            const char *text = sg_graph_node_label(g, i);
            size_t chars = 0;
            for (const char *c = text; *c; c++)
                chars += ((unsigned char)*c & 0xC0) != 0x80;
            double fit = chars ? 72.0 * d / (0.55 * (double)chars) : 9.0;
            rc = set(nodes[i], "label", text) || sg_gv_setf(nodes[i], "fontcolor", "%s", colour) ||
                 sg_gv_setf(nodes[i], "fontsize", "%.1f", fmax(1.0, fmin(9.0, fit)));
        }
        if (!rc && labelled[i]) {
            double v = sg_render_size_value(g, scol, i);
            double points = scale * (9.0 + 7.0 * (vmax > 0 && v > 0 ? sqrt(v / vmax) : 0));
            if (dot) {
                char *label = html_name(sg_graph_node_short_name(g, i), points);
                rc = !label || sg_gv_set_html(dg, nodes[i], "xlabel", label);
                free(label);
            } else {
                char *label = wrap_name(sg_graph_node_short_name(g, i));
                rc = !label || sg_gv_set(nodes[i], "xlabel", label) ||
                     sg_gv_setf(nodes[i], "fontsize", "%.1f", points);
                free(label);
            }
        }
    }
    return rc ? SG_ERR_NOMEM : 0;
}

/* The actors labelled outside (labelled[i] set): the first of `order` (by
 * size), every actor of a small network. NULL when out of memory. */
static unsigned char *labelled_nodes(const sg_graph *g, const sg_render_options *opt,
                                     const size_t *order)
{
    size_t n = sg_graph_node_count(g);
    size_t nlabels = opt->labels >= 0 ? (size_t)opt->labels : n <= AUTO_LABEL_ALL ? n : AUTO_LABELS;
    unsigned char *labelled = calloc(n + 1, 1);
    for (size_t r = 0; labelled && r < n && r < nlabels; r++)
        labelled[order[r]] = 1;
    return labelled;
}

/* The edges e with keep[e] (keep NULL: all), `kept` of them; edges[e]
 * receives each one's object when edges is not NULL. */
static int draw_edges(const sg_graph *g, sg_gv *dg, sg_gv_obj **nodes, double wmax, double scale,
                      sg_gv_obj **edges, const unsigned char *keep, size_t kept)
{
    /* many lines: lighter, so that the groups stay visible */
    unsigned base = kept > 1500 ? 0x20 : 0x50;
    for (size_t e = 0; e < sg_graph_edge_count(g); e++) {
        size_t s, t;
        double w;
        if (keep && !keep[e])
            continue;
        sg_graph_edge(g, e, &s, &t, &w, NULL);
        if (!nodes[s] || !nodes[t]) /* an end left out of the picture */
            continue;
        sg_gv_obj *edge = sg_gv_edge(dg, nodes[s], nodes[t]);
        if (!edge)
            return SG_ERR_NOMEM;
        if (edges)
            edges[e] = edge;
        double k = wmax > 1 ? log(w > 1 ? w : 1) / log(wmax) : 0;
        if (sg_gv_setf(edge, "penwidth", "%.2f", sqrt(scale) * (0.6 + 3.0 * k)) ||
            sg_gv_setf(edge, "color", "#707070%02x",
                       base + (unsigned)((base == 0x20 ? 0x40 : 0x70) * k)))
            return SG_ERR_NOMEM;
    }
    return 0;
}

static int add_legend(const sg_graph *g, sg_gv *dg, const sg_render_options *opt,
                      const size_t *order, double wmax, double scale, size_t shown, size_t drawn,
                      sg_gv_obj **out)
{
    sg_strbuf b = {NULL, 0, 0, 0};
    if (legend(&b, g, opt, order, wmax, scale, shown, drawn)) {
        free(b.s);
        return SG_ERR_NOMEM;
    }
    char name[64];
    legend_name(g, name, sizeof(name));
    sg_gv_obj *ln = sg_gv_node(dg, name);
    int rc = !ln || sg_gv_set_html(dg, ln, "label", b.s);
    free(b.s);
    rc = rc || sg_gv_setf(ln, "shape", "plain") || sg_gv_setf(ln, "fontsize", "%.1f", 10 * scale) ||
         sg_gv_setf(ln, "fixedsize", "false") || sg_gv_setf(ln, "pos", "0,0!");
    *out = ln;
    return rc ? SG_ERR_NOMEM : 0;
}

/* Places the legend to the right of the drawing, top-aligned, once its size
 * is known (legend_size). */
static int place_legend(sg_gv_obj *ln, bbox bb, double w, double h)
{
    return sg_gv_setf(ln, "pos", "%.2f,%.2f!", bb.maxx + 60 + w / 2, bb.maxy - h / 2);
}

/* The picture's defaults: UTF-8, straight edges drawn first, white ground,
 * filled nodes of a fixed size, labels outside them (for the DOT file, the
 * size fixed for the shape only: Graphviz warns of a label larger than a
 * node of a fixed size). 0 or SG_ERR_NOMEM. */
static int declare_defaults(sg_gv *dg, int dot)
{
    static const char *const defaults_of[][3] = {{"g", "charset", "UTF-8"},
                                                 {"g", "splines", "false"},
                                                 {"g", "outputorder", "edgesfirst"},
                                                 {"g", "bgcolor", "white"},
                                                 {"g", "pad", "0.3"},
                                                 {"g", "forcelabels", "true"},
                                                 {"g", "fontname", "DejaVu Sans"},
                                                 {"n", "fontname", "DejaVu Sans"},
                                                 {"n", "fontcolor", "#1a1a1a"},
                                                 {"n", "fixedsize", "true"},
                                                 {"n", "style", "filled"},
                                                 {"n", "color", "#ffffff"},
                                                 {"n", "penwidth", "0.8"},
                                                 {"n", "label", ""},
                                                 {"n", "xlabel", ""},
                                                 {"n", "fontsize", "9"}};
    for (size_t d = 0; d < sizeof(defaults_of) / sizeof(*defaults_of); d++)
        if (!sg_gv_declare(
                dg, defaults_of[d][0][0] == 'g' ? SG_GV_GRAPH : SG_GV_NODE, defaults_of[d][1],
                dot && !strcmp(defaults_of[d][1], "fixedsize") ? "shape" : defaults_of[d][2]))
            return SG_ERR_NOMEM;
    return 0;
}

/* What the marks need: the layout's columns, the actors by size (for the
 * labels), the largest weight, the drawing's bounds and the scale of text and
 * lines (which grow with the drawing, so that a large network's picture stays
 * readable when it is shown whole). */
typedef struct {
    long cols[6]; /* x, y, size, r, g, b */
    size_t *order;
    const unsigned char *shown; /* the actors drawn (NULL: all), nshown of them */
    size_t nshown;
    unsigned char *labelled; /* the actors labelled outside, shown */
    double wmax;
    bbox bb;
    double scale;
} marks_plan;

static int plan_marks(const sg_graph *g, const sg_render_options *opt, const unsigned char *shown,
                      marks_plan *mp, sg_error *err)
{
    mp->shown = shown;
    mp->nshown = sg_graph_node_count(g);
    for (size_t i = 0; shown && i < sg_graph_node_count(g); i++)
        mp->nshown -= !shown[i];
    static const char *const needed[] = {"x", "y", "size", "r", "g", "b"};
    for (int c = 0; c < 6; c++)
        if ((mp->cols[c] = sg_graph_column_find(g, SG_NODES, needed[c])) < 0)
            return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                                "the network has no layout (node attribute '%s'): lay it out "
                                "first",
                                needed[c]);
    if (!(mp->order = sg_alloc_array(sg_graph_node_count(g) + 1, sizeof(size_t))))
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    const char *measure = opt->size_by ? opt->size_by : "mentions";
    int rc = sg_graph_rank_nodes(g, measure, mp->order);
    if (rc == SG_ERR_INVALID)
        return sg_error_set(err, rc, NULL, 0, -1, "no node attribute '%s' to size the nodes by",
                            measure);
    if (rc || !(mp->labelled = labelled_nodes(g, opt, mp->order)))
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    for (size_t i = 0; shown && i < sg_graph_node_count(g); i++)
        mp->labelled[i] &= shown[i];
    mp->wmax = 1;
    for (size_t e = 0; e < sg_graph_edge_count(g); e++) {
        double w;
        sg_graph_edge(g, e, NULL, NULL, &w, NULL);
        mp->wmax = w > mp->wmax ? w : mp->wmax;
    }
    mp->bb = bounds(g, shown, mp->cols[0], mp->cols[1], mp->cols[2]);
    double extent = fmax(mp->bb.maxx - mp->bb.minx, mp->bb.maxy - mp->bb.miny);
    mp->scale = extent > 1000 ? extent / 1000 : 1;
    return 0;
}

/* The legend's size in points, from a graph holding it alone with the
 * picture's defaults, laid out as the picture is (nop2): laying out the
 * whole picture twice cost a third of its drawing (Graphviz places the
 * outside labels among every node, each time). */
static int legend_size(const sg_graph *g, const sg_render_options *opt, const marks_plan *mp,
                       size_t drawn, double *w, double *h, sg_error *err)
{
    sg_gv *lg = NULL;
    sg_gv_obj *ln = NULL;
    int rc = SG_ERR_NOMEM;
    if (sg_gv_open(&lg, "G") || declare_defaults(lg, 0) ||
        add_legend(g, lg, opt, mp->order, mp->wmax, mp->scale, mp->nshown, drawn, &ln))
        goto done;
    if ((rc = sg_gv_layout(lg, "nop2")) != 0) {
        rc = sg_gv_failed(err, "nop2");
        goto done_set;
    }
    sg_gv_node_size(ln, w, h);
done:
    if (rc == SG_ERR_NOMEM)
        sg_error_set(err, rc, NULL, 0, -1, "out of memory");
done_set:
    sg_gv_close(lg);
    return rc;
}

/* Above SG_LAYOUT_LARGE actors, where the outside labels go is found on a
 * graph of the labelled actors and the legend alone, laid out as the picture
 * is (nop2), and given to the picture's nodes (xlp), whose labels Graphviz
 * then keeps where they are: it places a label away from every node and
 * label, through an R-tree of them all (the dense bench's 5,604 actors and
 * 40 labels: 0.2 s of the drawing's 0.5 s), and in a crowd it finds no free
 * place anyway, puts the label over actors, and the actors drawn after it
 * hide it (hence the labelled actors drawn last).
 * xl[2i], xl[2i + 1]: where node i's label goes (NAN: Graphviz places it).
 * Returns 0, or an error (set in err). */
static int place_labels(const sg_graph *g, const sg_render_options *opt, const marks_plan *mp,
                        size_t drawn, double lw, double lh, double *xl, sg_error *err)
{
    size_t n = sg_graph_node_count(g);
    sg_gv_obj **lnodes = calloc(n + 1, sizeof(sg_gv_obj *)), *ln = NULL;
    sg_gv *lg = NULL;
    int rc = SG_ERR_NOMEM;
    if (!lnodes || sg_gv_open(&lg, "G") || declare_defaults(lg, 0) ||
        draw_nodes(g, lg, lnodes, opt, mp->shown, mp->labelled, NODES_LABELLED, mp->cols, mp->scale,
                   0) ||
        add_legend(g, lg, opt, mp->order, mp->wmax, mp->scale, mp->nshown, drawn, &ln) ||
        place_legend(ln, mp->bb, lw, lh))
        goto done;
    if ((rc = sg_gv_layout(lg, "nop2")) != 0) {
        rc = sg_gv_failed(err, "nop2");
        goto done_set;
    }
    for (size_t i = 0; i < n; i++) {
        double dx, dy;
        xl[2 * i] = xl[2 * i + 1] = NAN;
        if (!mp->labelled[i] || sg_gv_node_xlabel(lnodes[i], &dx, &dy))
            continue;
        xl[2 * i] = sg_graph_column_value(g, SG_NODES, (size_t)mp->cols[0], i) + dx;
        xl[2 * i + 1] = sg_graph_column_value(g, SG_NODES, (size_t)mp->cols[1], i) + dy;
    }
done:
    if (rc == SG_ERR_NOMEM)
        sg_error_set(err, rc, NULL, 0, -1, "out of memory");
done_set:
    sg_gv_close(lg);
    free(lnodes);
    return rc;
}

int sg_render(const sg_graph *g, const char *format, const sg_render_options *opt, FILE *f,
              sg_error *err)
{
    sg_render_options defaults;
    if (!opt) {
        sg_render_options_init(&defaults);
        opt = &defaults;
    }
    if (opt->on_step) {
        char what[64];
        snprintf(what, sizeof(what), "drawing (%s)", format ? format : "?");
        opt->on_step(what, opt->step_ctx);
    }
    size_t n = sg_graph_node_count(g), kept;
    sg_gv_obj **nodes = calloc(n + 1, sizeof(sg_gv_obj *));
    sg_gv *dg = NULL;
    unsigned char *keep = NULL, *shown = NULL;
    marks_plan mp = {{0}, NULL, NULL, 0, NULL, 0, {0, 0, 0, 0}, 0};
    int rc = sg_picture_actors(g, opt, NULL, &shown, err);
    double lw = 0, lh = 0, *xl = NULL;
    if (rc || (rc = plan_marks(g, opt, shown, &mp, err)) ||
        (rc = sg_picture_edges(g, shown, &keep, &kept, err)) ||
        (rc = legend_size(g, opt, &mp, kept, &lw, &lh, err)))
        goto done_set;
    rc = SG_ERR_NOMEM;
    if (!nodes || (n > SG_LAYOUT_LARGE && !(xl = sg_alloc_array(2 * n, sizeof(double)))))
        goto done;
    if (xl && (rc = place_labels(g, opt, &mp, kept, lw, lh, xl, err)))
        goto done_set;
    rc = SG_ERR_NOMEM;
    if (sg_gv_open(&dg, "G"))
        goto done;
    if (declare_defaults(dg, 0))
        goto done;
    sg_gv_obj *root = sg_gv_root(dg);
    if (opt->title && *opt->title &&
        (set(root, "label", opt->title) || sg_gv_setf(root, "labelloc", "t") ||
         sg_gv_setf(root, "fontsize", "18")))
        goto done;
    sg_gv_obj *ln = NULL;
    if (draw_nodes(g, dg, nodes, opt, shown, mp.labelled, xl ? NODES_LABELLED_LAST : NODES_ALL,
                   mp.cols, mp.scale, 0) ||
        draw_edges(g, dg, nodes, mp.wmax, mp.scale, NULL, keep, kept) ||
        add_legend(g, dg, opt, mp.order, mp.wmax, mp.scale, mp.nshown, kept, &ln))
        goto done;
    if (place_legend(ln, mp.bb, lw, lh))
        goto done;
    for (size_t i = 0; xl && i < n; i++)
        if (!isnan(xl[2 * i]) && sg_gv_setf(nodes[i], "xlp", "%.2f,%.2f", xl[2 * i], xl[2 * i + 1]))
            goto done;
    if (sg_gv_layout(dg, "nop2") != 0) {
        rc = sg_gv_failed(err, "nop2");
        goto done_set;
    }
    rc = sg_gv_render(dg, format, f);
    if (rc == SG_ERR_GRAPH)
        sg_gv_failed(err, format);
    else if (rc == SG_ERR_IO)
        sg_error_set(err, rc, NULL, 0, -1, "cannot write: %s", strerror(errno));
    goto done_set;
done:
    if (rc == SG_ERR_NOMEM)
        sg_error_set(err, rc, NULL, 0, -1, "out of memory");
done_set:
    sg_gv_close(dg);
    free(mp.order);
    free(mp.labelled);
    free(nodes);
    free(keep);
    free(shown);
    free(xl);
    return rc;
}

int sg_render_marks(const sg_graph *g, sg_gv *dg, sg_gv_obj **nodes, sg_gv_obj **edges,
                    sg_error *err)
{
    sg_render_options opt;
    sg_render_options_init(&opt);
    marks_plan mp = {{0}, NULL, NULL, 0, NULL, 0, {0, 0, 0, 0}, 0};
    int rc = plan_marks(g, &opt, NULL, &mp, err);
    if (!rc &&
        (declare_defaults(dg, 1) ||
         draw_nodes(g, dg, nodes, &opt, NULL, mp.labelled, NODES_ALL, mp.cols, mp.scale, 1) ||
         draw_edges(g, dg, nodes, mp.wmax, mp.scale, edges, NULL, sg_graph_edge_count(g))))
        rc = sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    free(mp.order);
    free(mp.labelled);
    return rc;
}
