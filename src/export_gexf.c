/* GEXF 1.2 for Gephi, static or with a timeline (SPEC §11).
 *
 * Valid against the GEXF 1.2draft schema (../shared/schemas/gexf/): that
 * schema declares the visual elements color, size and position in the GEXF
 * namespace itself (gexf.xsd: <xs:element name="color"
 * type="viz:color-content"/>, only their types come from viz.xsd), so they are
 * written there, unprefixed: <viz:color> in the viz namespace is refused by
 * the schema. Gephi reads them either way (its importer goes by local names).
 * networkx reads only viz-namespaced ones, but gets the same values from the
 * x, y, size, r, g, b attributes, written like every other numeric column.
 *
 * Attributes: node type, mentions, documents, the gazetteer columns and the
 * numeric columns; edge documents, first_documents (names joined by " | ")
 * and the numeric columns; the edge weight is the edge's `weight`. Names
 * already used by a fixed attribute are left out (as in GraphML). An
 * attribute's id is its name when that is a plain word no other id has (in
 * any case: Gephi's columns ignore case), else attrN (gazetteer) or colN.
 *
 * With a timeline the graph is dynamic (timeformat="date", Gephi's default
 * interval representation): each node and edge gets the spells of the
 * periods in which it appears, and its per-period values in static attributes,
 * one a period: nodes "mentions_2024", edges "weight_2024"
 * (0 where the element is absent). One <attributes> block a class, every
 * attribute static: graphology-gexf keeps only the last block of a class, and
 * Gephi would make every column of a dynamic block a time-varying one (issue
 * 17; Gephi's timeline filters by the spells). A
 * period "2024" is 2024-01-01 to 2024-12-31, "2024-03" 2024-03-01 to
 * 2024-03-31: Gephi's intervals are closed, so the end is the period's last
 * day and adjacent periods do not overlap. Periods that follow each other in
 * the calendar are joined into one spell; an element in no period (named only
 * in undated documents) gets the whole timeline. */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sg_internal.h"
#include "stakegraph/export.h"
#include "xmlesc.h"

enum { ID_SIZE = 48 };

/* ---- Calendar ---------------------------------------------------------- */

typedef struct {
    int y, m, d;
} day;

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

static day next_day(day d)
{
    if (d.d < month_days(d.y, d.m)) {
        d.d++;
    } else if (d.m < 12) {
        d.m++;
        d.d = 1;
    } else {
        d.y++;
        d.m = d.d = 1;
    }
    return d;
}

static int day_cmp(day a, day b)
{
    if (a.y != b.y)
        return a.y < b.y ? -1 : 1;
    if (a.m != b.m)
        return a.m < b.m ? -1 : 1;
    return (a.d > b.d) - (a.d < b.d);
}

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* "2024" or "2024-03" (years 0001 to 9999, as xs:date writes them) into its
 * first and last day; -1 when it is neither. */
static int period_parse(const char *label, day *first, day *last)
{
    if (!label || !digits(label, 4))
        return -1;
    int y = atoi(label) /* 4 digits */, m = 0;
    if (label[4] == '-' && digits(label + 5, 2) && label[7] == '\0')
        m = (label[5] - '0') * 10 + (label[6] - '0');
    else if (label[4] != '\0')
        return -1;
    if (y < 1 || (label[4] && (m < 1 || m > 12)))
        return -1;
    *first = (day){y, m ? m : 1, 1};
    *last = (day){y, m ? m : 12, month_days(y, m ? m : 12)};
    return 0;
}

static void day_write(FILE *f, const char *attr, day d)
{
    fprintf(f, " %s=\"%04d-%02d-%02d\"", attr, d.y, d.m, d.d);
}

/* ---- What is written --------------------------------------------------- */

typedef struct {
    char id[ID_SIZE]; /* "" = not written */
    const char *type; /* GEXF attribute type */
} att;

typedef struct {
    att *attr;   /* per gazetteer attribute */
    att *col[2]; /* per column: SG_NODES, SG_EDGES */
    const char *mentions_type, *documents_type, *edocs_type, *period_mentions_type;
    int first_documents;      /* some edge has first documents */
    long rgb[3], xy[2], size; /* columns used for viz (-1: none) */
} plan;

/* Names of the attributes every element has, which no other attribute may
 * take; with Gephi's own columns (id, label, timeset, interval). */
static const char *const node_fixed[] = {"id",        "label",           "type", "mentions",
                                         "documents", "period_mentions", NULL};
static const char *const edge_fixed[] = {"id",        "label",           "weight",
                                         "documents", "first_documents", NULL};
static const char *const gephi_ids[] = {"timeset", "interval", NULL};

static int in_list(const char *const *list, const char *name, int nocase)
{
    for (; *list; list++)
        if (nocase ? !strcasecmp(*list, name) : !strcmp(*list, name))
            return 1;
    return 0;
}

static int is_fixed(sg_domain d, const char *name)
{
    return sg_name_listed(d == SG_NODES ? node_fixed : edge_fixed, name);
}

/* Chooses the id of an attribute called `name` (see the top of the file);
 * `used` holds the ids chosen so far in its class, `nused` of them. */
static void choose_id(char *id, const char *name, const char *prefix, size_t index,
                      const char *const *fixed, char (*used)[ID_SIZE], size_t nused)
{
    size_t len = strlen(name);
    int plain = len > 0 && len < ID_SIZE && !in_list(fixed, name, 1) &&
                !in_list(gephi_ids, name, 1) &&
                !(strncasecmp(name, "attr", 4) == 0 && name[4] >= '0' && name[4] <= '9') &&
                !(strncasecmp(name, "col", 3) == 0 && name[3] >= '0' && name[3] <= '9');
    for (const char *p = name; *p && plain; p++)
        plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                *p == '_';
    for (size_t i = 0; i < nused && plain; i++)
        plain = strcasecmp(used[i], name) != 0;
    if (plain)
        snprintf(id, ID_SIZE, "%s", name);
    else
        snprintf(id, ID_SIZE, "%s%zu", prefix, index);
}

/* "integer" when every value fits in 32 bits, else "long". */
static const char *long_type(const long *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] > 2147483647L || v[i] < -2147483647L - 1)
            return "long";
    return "integer";
}

/* As GraphML's column_type: double when a value does not fit in 64 bits. */
static const char *column_type(const sg_graph *g, sg_domain d, size_t c)
{
    int bits = sg_column_bits(g, d, c);
    return bits == 32 ? "integer" : bits == 64 ? "long" : "double";
}

static void plan_free(plan *p)
{
    free(p->attr);
    free(p->col[0]);
    free(p->col[1]);
}

/* The ids, in declaration order, so that a plain name never takes the id of
 * an earlier attribute. */
static int plan_ids(plan *p, const sg_graph *g)
{
    size_t nattr = sg_graph_attr_count(g);
    size_t ncol[2] = {sg_graph_column_count(g, SG_NODES), sg_graph_column_count(g, SG_EDGES)};
    char(*used)[ID_SIZE] = calloc(nattr + ncol[0] + ncol[1] + 1, ID_SIZE);
    if (!used)
        return -1;
    size_t nused = 0;
    for (size_t a = 0; a < nattr; a++) {
        const char *name = sg_graph_attr_name(g, a);
        if (!sg_attr_written(g, a, node_fixed))
            continue; /* a column of that name replaces it, as in GraphML */
        choose_id(p->attr[a].id, name, "attr", a, node_fixed, used, nused);
        p->attr[a].type = "string";
        memcpy(used[nused++], p->attr[a].id, ID_SIZE);
    }
    for (int k = 0; k < 2; k++) {
        sg_domain d = k ? SG_EDGES : SG_NODES;
        if (k)
            nused = 0; /* ids are per class */
        for (size_t c = 0; c < ncol[k]; c++) {
            const char *name = sg_graph_column_name(g, d, c);
            if (is_fixed(d, name))
                continue;
            choose_id(p->col[k][c].id, name, "col", c, k ? edge_fixed : node_fixed, used, nused);
            p->col[k][c].type = column_type(g, d, c);
            memcpy(used[nused++], p->col[k][c].id, ID_SIZE);
        }
    }
    free(used);
    return 0;
}

static const char *counts_type(const sg_graph *g, int node_mentions, int node_documents)
{
    size_t n = node_mentions || node_documents ? sg_graph_node_count(g) : sg_graph_edge_count(g);
    long *v = sg_alloc_array(n + 1, sizeof(long));
    if (!v)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (node_mentions)
            v[i] = sg_graph_node_mentions(g, i);
        else if (node_documents)
            v[i] = sg_graph_node_documents(g, i);
        else
            sg_graph_edge(g, i, NULL, NULL, NULL, &v[i]);
    }
    const char *type = long_type(v, n);
    free(v);
    return type;
}

static int plan_make(plan *p, const sg_graph *g, const sg_timeline *t)
{
    memset(p, 0, sizeof(*p));
    p->attr = calloc(sg_graph_attr_count(g) + 1, sizeof(att));
    p->col[0] = calloc(sg_graph_column_count(g, SG_NODES) + 1, sizeof(att));
    p->col[1] = calloc(sg_graph_column_count(g, SG_EDGES) + 1, sizeof(att));
    if (!p->attr || !p->col[0] || !p->col[1] || plan_ids(p, g))
        return -1;
    if (!(p->mentions_type = counts_type(g, 1, 0)) || !(p->documents_type = counts_type(g, 0, 1)) ||
        !(p->edocs_type = counts_type(g, 0, 0)))
        return -1;
    p->period_mentions_type = "integer";
    for (size_t k = 0; t && k < t->n; k++)
        for (size_t i = 0; i < sg_graph_node_count(t->graphs[k]); i++) {
            long v = sg_graph_node_mentions(t->graphs[k], i);
            if (v > 2147483647L || v < -2147483647L - 1)
                p->period_mentions_type = "long";
        }
    for (size_t e = 0; e < sg_graph_edge_count(g) && !p->first_documents; e++) {
        const char *const *names;
        p->first_documents = sg_graph_edge_first_documents(g, e, &names) > 0;
    }
    static const char *const rgb[] = {"r", "g", "b"}, *const xy[] = {"x", "y"};
    for (int c = 0; c < 3; c++)
        p->rgb[c] = sg_graph_column_find(g, SG_NODES, rgb[c]);
    for (int c = 0; c < 2; c++)
        p->xy[c] = sg_graph_column_find(g, SG_NODES, xy[c]);
    p->size = sg_graph_column_find(g, SG_NODES, "size");
    return 0;
}

/* ---- The timeline ------------------------------------------------------ */

typedef struct {
    size_t n;          /* periods (0: static) */
    day *first, *last; /* per period */
    size_t *nmap;      /* [k * nodes + i]: node i of g in graphs[k], or SIZE_MAX */
    size_t *where;     /* per period: the element in graphs[k], or SIZE_MAX */
    const sg_graph *const *graphs;
    const char *const *labels; /* per period: "2024", "2024-03" */
} dyn;

static void dyn_free(dyn *d)
{
    free(d->first);
    free(d->last);
    free(d->nmap);
    free(d->where);
}

/* Node ids of `g` in byte order, as indices. */
static size_t *id_order(const sg_graph *g)
{
    size_t n = sg_graph_node_count(g);
    const char **ids = sg_alloc_array(n + 1, sizeof(char *));
    size_t *order = sg_alloc_array(n + 1, sizeof(size_t));
    for (size_t i = 0; ids && i < n; i++)
        ids[i] = sg_graph_node_id(g, i);
    if (!ids || !order || sg_order_strings(order, ids, n)) {
        free(order);
        order = NULL;
    }
    free(ids);
    return order;
}

/* Fills d->nmap for period k by walking both graphs' ids in byte order
 * (graphs read from a file need not be in id order). */
static int map_nodes(dyn *d, const sg_graph *g, const size_t *gorder, size_t k)
{
    const sg_graph *pg = d->graphs[k];
    size_t n = sg_graph_node_count(g), pn = sg_graph_node_count(pg), a = 0, b = 0;
    size_t *porder = id_order(pg);
    if (!porder)
        return -1;
    while (a < n && b < pn) {
        int c = strcmp(sg_graph_node_id(g, gorder[a]), sg_graph_node_id(pg, porder[b]));
        if (c == 0)
            d->nmap[k * n + gorder[a]] = porder[b];
        a += c <= 0;
        b += c >= 0;
    }
    free(porder);
    return 0;
}

/* Checks the timeline and maps its nodes; SG_OK, SG_ERR_INVALID or
 * SG_ERR_NOMEM (with err filled). */
static int dyn_make(dyn *d, const sg_graph *g, const sg_timeline *t, sg_error *err)
{
    memset(d, 0, sizeof(*d));
    if (!t || t->n == 0)
        return 0;
    if (!t->labels || !t->graphs)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "GEXF: a timeline without periods");
    size_t n = sg_graph_node_count(g);
    d->n = t->n;
    d->graphs = t->graphs;
    d->labels = (const char *const *)t->labels;
    d->first = sg_alloc_array(t->n, sizeof(day));
    d->last = sg_alloc_array(t->n, sizeof(day));
    d->where = sg_alloc_array(t->n, sizeof(size_t));
    d->nmap = n && t->n > SIZE_MAX / n ? NULL : sg_alloc_array(t->n * n + 1, sizeof(size_t));
    if (!d->first || !d->last || !d->where || !d->nmap)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    for (size_t k = 0; k < t->n; k++) {
        if (period_parse(t->labels[k], &d->first[k], &d->last[k]) || !t->graphs[k])
            return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                                "GEXF: period '%.40s' is not a year (2024) or a month (2024-03)%s",
                                t->labels[k] ? t->labels[k] : "(null)",
                                t->graphs[k] ? "" : " with a network");
        if (k && day_cmp(d->first[k], d->last[k - 1]) <= 0)
            return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                                "GEXF: period '%.40s' does not come after '%.40s'", t->labels[k],
                                t->labels[k - 1]);
    }
    for (size_t i = 0; i < t->n * n; i++)
        d->nmap[i] = SIZE_MAX;
    size_t *gorder = id_order(g);
    int rc = gorder ? 0 : -1;
    for (size_t k = 0; k < t->n && !rc; k++)
        rc = map_nodes(d, g, gorder, k);
    free(gorder);
    if (rc)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    return 0;
}

/* The edge between nodes s < t of `pg`, or SIZE_MAX: edges are in (source,
 * target) order. */
static size_t find_edge(const sg_graph *pg, size_t s, size_t t)
{
    size_t lo = 0, hi = sg_graph_edge_count(pg);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, a, b;
        sg_graph_edge(pg, mid, &a, &b, NULL, NULL);
        if (a == s && b == t)
            return mid;
        if (a < s || (a == s && b < t))
            lo = mid + 1;
        else
            hi = mid;
    }
    return SIZE_MAX;
}

static void where_node(dyn *d, size_t nodes, size_t i)
{
    for (size_t k = 0; k < d->n; k++)
        d->where[k] = d->nmap[k * nodes + i];
}

static void where_edge(dyn *d, size_t nodes, size_t s, size_t t)
{
    for (size_t k = 0; k < d->n; k++) {
        size_t a = d->nmap[k * nodes + s], b = d->nmap[k * nodes + t];
        d->where[k] = a == SIZE_MAX || b == SIZE_MAX
                          ? SIZE_MAX
                          : find_edge(d->graphs[k], a < b ? a : b, a < b ? b : a);
    }
}

/* <spells> for the periods in d->where, those that follow each other in the
 * calendar joined. */
static void write_spells(FILE *f, const dyn *d)
{
    int open = 0;
    for (size_t k = 0; k < d->n; k++) {
        if (d->where[k] == SIZE_MAX)
            continue;
        size_t from = k;
        while (k + 1 < d->n && d->where[k + 1] != SIZE_MAX &&
               day_cmp(next_day(d->last[k]), d->first[k + 1]) == 0)
            k++;
        if (!open)
            fputs("        <spells>\n", f);
        open = 1;
        fputs("          <spell", f);
        day_write(f, "start", d->first[from]);
        day_write(f, "end", d->last[k]);
        fputs("/>\n", f);
    }
    if (!open) {
        /* in no period: only in undated documents, so in the whole timeline
         * (as Gephi reads an element without spells; written, as the
         * schema's checkers want every element of a dynamic graph timed) */
        fputs("        <spells>\n          <spell", f);
        day_write(f, "start", d->first[0]);
        day_write(f, "end", d->last[d->n - 1]);
        fputs("/>\n", f);
        open = 1;
    }
    fputs("        </spells>\n", f);
}

/* ---- Writing ----------------------------------------------------------- */

static void attribute(FILE *f, const char *id, const char *title, const char *type)
{
    fputs("      <attribute id=\"", f);
    sg_xml_write(f, id);
    fputs("\" title=\"", f);
    sg_xml_write(f, title);
    fprintf(f, "\" type=\"%s\"/>\n", type);
}

static void attvalue_str(FILE *f, const char *id, const char *value)
{
    fputs("          <attvalue for=\"", f);
    sg_xml_write(f, id);
    fputs("\" value=\"", f);
    sg_xml_write(f, value);
    fputs("\"/>\n", f);
}

static void attvalue_num(FILE *f, const char *id, double v, int is_int)
{
    char num[64];
    sg_format_column_value(num, sizeof(num), v, is_int);
    attvalue_str(f, id, num);
}

static void attvalue_long(FILE *f, const char *id, long v)
{
    char num[32];
    snprintf(num, sizeof(num), "%ld", v);
    attvalue_str(f, id, num);
}

/* The per-period values of d->where, one static attribute a period
 * ("mentions_2024", "weight_2024": id and title alike, as graphology-gexf
 * keys by id and networkx by title), 0 in the periods without the element. */
static void attvalues_periods(FILE *f, const dyn *d, int edges)
{
    for (size_t k = 0; k < d->n; k++) {
        size_t w = d->where[k];
        char num[64] = "0";
        if (w != SIZE_MAX && edges) {
            double weight;
            sg_graph_edge(d->graphs[k], w, NULL, NULL, &weight, NULL);
            sg_format_double(num, sizeof(num), weight);
        } else if (w != SIZE_MAX) {
            snprintf(num, sizeof(num), "%ld", sg_graph_node_mentions(d->graphs[k], w));
        }
        fprintf(f, "          <attvalue for=\"%s_%s\" value=\"%s\"/>\n",
                edges ? "weight" : "mentions", d->labels[k], num);
    }
}

/* The declarations of those attributes. */
static void period_attributes(FILE *f, const dyn *d, int edges, const char *type)
{
    const char *what = edges ? "weight" : "mentions";
    for (size_t k = 0; k < d->n; k++)
        fprintf(f, "      <attribute id=\"%s_%s\" title=\"%s_%s\" type=\"%s\"/>\n", what,
                d->labels[k], what, d->labels[k], type);
}

static void column_attributes(FILE *f, const sg_graph *g, const plan *p, sg_domain d)
{
    for (size_t c = 0; c < sg_graph_column_count(g, d); c++)
        if (p->col[d == SG_EDGES][c].id[0])
            attribute(f, p->col[d == SG_EDGES][c].id, sg_graph_column_name(g, d, c),
                      p->col[d == SG_EDGES][c].type);
}

static void column_attvalues(FILE *f, const sg_graph *g, const plan *p, sg_domain d, size_t i)
{
    for (size_t c = 0; c < sg_graph_column_count(g, d); c++) {
        const att *a = &p->col[d == SG_EDGES][c];
        if (a->id[0])
            attvalue_num(f, a->id, sg_graph_column_value(g, d, c, i),
                         sg_graph_column_is_int(g, d, c));
    }
}

static void write_attributes(FILE *f, const sg_graph *g, const plan *p, const dyn *d)
{
    fputs("    <attributes class=\"node\" mode=\"static\">\n", f);
    attribute(f, "type", "type", "string");
    attribute(f, "mentions", "mentions", p->mentions_type);
    attribute(f, "documents", "documents", p->documents_type);
    for (size_t a = 0; a < sg_graph_attr_count(g); a++)
        if (p->attr[a].id[0])
            attribute(f, p->attr[a].id, sg_graph_attr_name(g, a), "string");
    column_attributes(f, g, p, SG_NODES);
    period_attributes(f, d, 0, p->period_mentions_type);
    fputs("    </attributes>\n", f);
    fputs("    <attributes class=\"edge\" mode=\"static\">\n", f);
    attribute(f, "documents", "documents", p->edocs_type);
    if (p->first_documents)
        attribute(f, "first_documents", "first_documents", "string");
    column_attributes(f, g, p, SG_EDGES);
    period_attributes(f, d, 1, "double");
    fputs("    </attributes>\n", f);
}

static long channel(double v)
{
    return isfinite(v) ? (long)fmin(255.0, fmax(0.0, round(v))) : 0;
}

static void write_viz(FILE *f, const sg_graph *g, const plan *p, size_t i)
{
    char a[64], b[64];
    long c[3];
    if (p->rgb[0] >= 0 && p->rgb[1] >= 0 && p->rgb[2] >= 0) {
        for (int k = 0; k < 3; k++)
            c[k] = channel(sg_graph_column_value(g, SG_NODES, (size_t)p->rgb[k], i));
    } else {
        unsigned char rgb[3];
        sg_type_colour(sg_graph_node_type(g, i), rgb);
        for (int k = 0; k < 3; k++)
            c[k] = rgb[k];
    }
    fprintf(f, "        <color r=\"%ld\" g=\"%ld\" b=\"%ld\"/>\n", c[0], c[1], c[2]);
    double size = p->size >= 0 ? sg_graph_column_value(g, SG_NODES, (size_t)p->size, i) : 0;
    if (!(size > 0 && isfinite(size))) { /* Gephi's default, 10, for one mention */
        long m = sg_graph_node_mentions(g, i);
        size = round(1000.0 * sqrt(m > 1 ? (double)m : 1.0)) / 100.0;
    }
    sg_format_double(a, sizeof(a), size);
    fprintf(f, "        <size value=\"%s\"/>\n", a);
    if (p->xy[0] >= 0 && p->xy[1] >= 0) {
        sg_format_double(a, sizeof(a), sg_graph_column_value(g, SG_NODES, (size_t)p->xy[0], i));
        sg_format_double(b, sizeof(b), sg_graph_column_value(g, SG_NODES, (size_t)p->xy[1], i));
        fprintf(f, "        <position x=\"%s\" y=\"%s\" z=\"0\"/>\n", a, b);
    }
}

static void write_node(FILE *f, const sg_graph *g, const plan *p, dyn *d, size_t i)
{
    fputs("      <node id=\"", f);
    sg_xml_write(f, sg_graph_node_id(g, i));
    fputs("\" label=\"", f);
    sg_xml_write(f, sg_graph_node_label(g, i));
    fputs("\">\n        <attvalues>\n", f);
    attvalue_str(f, "type", sg_graph_node_type(g, i));
    attvalue_long(f, "mentions", sg_graph_node_mentions(g, i));
    attvalue_long(f, "documents", sg_graph_node_documents(g, i));
    for (size_t a = 0; a < sg_graph_attr_count(g); a++) {
        const char *v = sg_graph_node_attr(g, i, a);
        if (v && p->attr[a].id[0])
            attvalue_str(f, p->attr[a].id, v);
    }
    column_attvalues(f, g, p, SG_NODES, i);
    if (d->n) {
        where_node(d, sg_graph_node_count(g), i);
        attvalues_periods(f, d, 0);
    }
    fputs("        </attvalues>\n", f);
    if (d->n)
        write_spells(f, d);
    write_viz(f, g, p, i);
    fputs("      </node>\n", f);
}

static void write_edge(FILE *f, const sg_graph *g, const plan *p, dyn *d, size_t e)
{
    size_t s, t;
    double w;
    long docs;
    char num[64];
    const char *const *names;
    sg_graph_edge(g, e, &s, &t, &w, &docs);
    sg_format_double(num, sizeof(num), w);
    fprintf(f, "      <edge id=\"%zu\" source=\"", e);
    sg_xml_write(f, sg_graph_node_id(g, s));
    fputs("\" target=\"", f);
    sg_xml_write(f, sg_graph_node_id(g, t));
    fprintf(f, "\" weight=\"%s\">\n        <attvalues>\n", num);
    attvalue_long(f, "documents", docs);
    size_t k = sg_graph_edge_first_documents(g, e, &names);
    if (k) {
        fputs("          <attvalue for=\"first_documents\" value=\"", f);
        for (size_t j = 0; j < k; j++) {
            if (j)
                fputs(SG_FIRST_DOCUMENTS_SEP, f);
            sg_xml_write(f, names[j]);
        }
        fputs("\"/>\n", f);
    }
    column_attvalues(f, g, p, SG_EDGES, e);
    if (d->n) {
        where_edge(d, sg_graph_node_count(g), s, t);
        attvalues_periods(f, d, 1);
    }
    fputs("        </attvalues>\n", f);
    if (d->n)
        write_spells(f, d);
    fputs("      </edge>\n", f);
}

int sg_export_gexf(const sg_graph *g, const sg_timeline *timeline, FILE *f, sg_error *err)
{
    plan p;
    dyn d;
    int rc = dyn_make(&d, g, timeline, err);
    if (rc) {
        dyn_free(&d);
        return rc;
    }
    if (plan_make(&p, g, d.n ? timeline : NULL)) {
        plan_free(&p);
        dyn_free(&d);
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
          "xsi:schemaLocation=\"http://www.gexf.net/1.2draft "
          "http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n"
          "  <meta>\n    <creator>stakegraph</creator>\n  </meta>\n",
          f);
    if (d.n)
        fputs("  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\">\n", f);
    else
        fputs("  <graph mode=\"static\" defaultedgetype=\"undirected\">\n", f);
    write_attributes(f, g, &p, &d);
    fprintf(f, "    <nodes count=\"%zu\">\n", sg_graph_node_count(g));
    for (size_t i = 0; i < sg_graph_node_count(g); i++)
        write_node(f, g, &p, &d, i);
    fprintf(f, "    </nodes>\n    <edges count=\"%zu\">\n", sg_graph_edge_count(g));
    for (size_t e = 0; e < sg_graph_edge_count(g); e++)
        write_edge(f, g, &p, &d, e);
    fputs("    </edges>\n  </graph>\n</gexf>\n", f);
    plan_free(&p);
    dyn_free(&d);
    if (ferror(f) || fflush(f) != 0)
        return sg_error_set(err, SG_ERR_IO, NULL, 0, -1, "cannot write: %s",
                            strerror(errno ? errno : EIO));
    return 0;
}
