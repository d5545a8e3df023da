/* The interactive view (view.h): one HTML file holding the drawing code
 * bundled from web/ when stakegraph was built, and the network as JSON in a
 * <script type="application/json"> that the code reads (web/README.md says
 * what each field holds). Everything from the gazetteers and the corpus is
 * untrusted: the JSON writes '<', '>' and '&' as \u escapes, so that no text
 * can close its script, and the code puts text in the page as text only. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "gazetteer_int.h"
#include "render_int.h"
#include "sg_internal.h"
#include "view_int.h"
#include "xmlesc.h"

/* Generated from web/ by the build (empty when node and npm were missing). */
extern const char sg_html_bundle[];
extern const size_t sg_html_bundle_len;

int sg_view_available(void)
{
    return sg_html_bundle_len > 0;
}

int sg_view_check(sg_error *err)
{
    if (sg_view_available())
        return SG_OK;
    return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                        "this stakegraph was built without the HTML view (node and npm were "
                        "missing at build time): install them (./setup.sh does) and build it "
                        "again");
}

typedef struct {
    FILE *f;
    int failed; /* out of memory */
} jw;

/* A JSON string of valid UTF-8 `s`, safe inside an HTML script. */
static void jraw(jw *w, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    putc('"', w->f);
    for (size_t i = 0; u[i]; i++) {
        unsigned char c = u[i];
        if (c == '"' || c == '\\')
            fprintf(w->f, "\\%c", c);
        else if (c < 0x20 || c == '<' || c == '>' || c == '&')
            fprintf(w->f, "\\u%04x", c);
        else if (c == 0xE2 && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9)) {
            fprintf(w->f, "\\u%04x", u[i + 2] == 0xA8 ? 0x2028 : 0x2029);
            i += 2;
        } else
            putc(c, w->f);
    }
    putc('"', w->f);
}

/* A JSON string of `s` (invalid UTF-8 as U+FFFD), or null. */
static void jstr(jw *w, const char *s)
{
    if (!s) {
        fputs("null", w->f);
        return;
    }
    char *clean = sg_utf8_clean(s);
    if (!clean) {
        w->failed = 1;
        return;
    }
    jraw(w, clean);
    free(clean);
}

/* The bytes s[0, n) as a JSON string (valid UTF-8 already). */
static void jstrn(jw *w, const char *s, size_t n)
{
    char *copy = sg_strndup(s, n);
    if (!copy)
        w->failed = 1;
    else
        jraw(w, copy);
    free(copy);
}

/* A number as a view shows it: integers whole, others with 6 digits; null
 * when not finite. */
static void jnum(jw *w, double v, int is_int)
{
    if (!isfinite(v))
        fputs("null", w->f);
    else if (is_int && fabs(v) < SG_INT64_LIMIT)
        fprintf(w->f, "%lld", (long long)v);
    else {
        char buf[32];
        sg_snprintf_c(buf, sizeof(buf), "%.6g", v == 0 ? 0 : v);
        fputs(buf, w->f);
    }
}

/* A document the view lists: recorded by the extractor (with its metadata
 * and actors), or only named by a unit kept. */
typedef struct {
    const char *name;
    const sg_docrec *rec; /* NULL: not recorded */
} view_doc;

/* A place or size of the layout, with two decimals (past 1e15, 6 digits and
 * an exponent; 0 when not finite: a foreign file's column), after `key`. */
static void jcoord(jw *w, const char *key, double v)
{
    char buf[48];
    v = isfinite(v) ? v : 0;
    if (fabs(v) < 1e15)
        sg_snprintf_c(buf, sizeof(buf), "%.2f", v);
    else
        sg_snprintf_c(buf, sizeof(buf), "%.6g", v);
    fprintf(w->f, ",\"%s\":%s", key, buf);
}

/* What the writing needs besides its sources: the graph's node ids in byte
 * order, the layout's columns, the documents in name order and each node's
 * documents ([document, mentions] pairs from node_docs[at[i]] to at[i + 1]). */
typedef struct {
    const sg_graph *g;
    const sg_render_options *opt;
    const sg_view_sources *src;
    size_t *by_id;
    long layout[6]; /* x, y, size, r, g, b */
    view_doc *docs;
    size_t ndocs;
    size_t *store_doc; /* the store's documents' indices in docs */
    size_t *node_docs_at;
    size_t (*node_docs)[2];
} view;

static const char *const hidden_columns[] = {"id", "label",     "type", "mentions", "documents",
                                             "x",  "y",         "size", "r",        "g",
                                             "b",  "community", NULL};

static long node_by_id(const view *v, const char *id)
{
    size_t lo = 0, hi = sg_graph_node_count(v->g);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(sg_graph_node_id(v->g, v->by_id[mid]), id);
        if (!c)
            return (long)v->by_id[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static void write_legend(jw *w, const view *v)
{
    size_t n = sg_graph_node_count(v->g);
    size_t *order = sg_alloc_array(n + 1, sizeof(size_t));
    sg_legend_row rows[SG_LEGEND_MAX];
    size_t k = 0;
    if (!order || (sg_graph_rank_nodes(v->g, v->opt->size_by, order) &&
                   sg_graph_rank_nodes(v->g, "mentions", order)))
        w->failed = 1;
    else
        k = sg_legend_colours(v->g, v->opt, order, rows);
    free(order);
    fputs(",\n\"legend\":[", w->f);
    for (size_t r = 0; r < k; r++) {
        fprintf(w->f, "%s{\"label\":", r ? "," : "");
        jstr(w, rows[r].text);
        fprintf(w->f, ",\"color\":\"#%02x%02x%02x\",\"shape\":", rows[r].rgb[0], rows[r].rgb[1],
                rows[r].rgb[2]);
        jstr(w, rows[r].shape);
        putc('}', w->f);
    }
    const char *type, *shape;
    for (size_t t = 0; v->opt->colour_by != SG_COLOUR_TYPE && (shape = sg_legend_shape(t, &type));
         t++) {
        fprintf(w->f, "%s{\"label\":", k + t ? "," : "");
        jstr(w, type);
        fputs(",\"color\":null,\"shape\":", w->f);
        jstr(w, shape);
        putc('}', w->f);
    }
    putc(']', w->f);
}

/* Whether node column c is shown in the panel (not the layout's, nor a
 * fixed field's). */
static int column_shown(const sg_graph *g, size_t c)
{
    return !sg_name_listed(hidden_columns, sg_graph_column_name(g, SG_NODES, c));
}

static void write_columns(jw *w, const view *v)
{
    const sg_graph *g = v->g;
    fputs(",\n\"columns\":[\"type\",\"mentions\",\"documents\"", w->f);
    for (size_t a = 0; a < sg_graph_attr_count(g); a++)
        if (sg_attr_written(g, a, hidden_columns)) {
            fputc(',', w->f);
            jstr(w, sg_graph_attr_name(g, a));
        }
    for (size_t c = 0; c < sg_graph_column_count(g, SG_NODES); c++)
        if (column_shown(g, c)) {
            fputc(',', w->f);
            jstr(w, sg_graph_column_name(g, SG_NODES, c));
        }
    putc(']', w->f);
}

static void write_attrs(jw *w, const view *v, size_t i)
{
    const sg_graph *g = v->g;
    fputs(",\"attrs\":[", w->f);
    jstr(w, sg_graph_node_type(g, i));
    fprintf(w->f, ",%ld,%ld", sg_graph_node_mentions(g, i), sg_graph_node_documents(g, i));
    for (size_t a = 0; a < sg_graph_attr_count(g); a++)
        if (sg_attr_written(g, a, hidden_columns)) {
            fputc(',', w->f);
            jstr(w, sg_graph_node_attr(g, i, a));
        }
    for (size_t c = 0; c < sg_graph_column_count(g, SG_NODES); c++)
        if (column_shown(g, c)) {
            fputc(',', w->f);
            jnum(w, sg_graph_column_value(g, SG_NODES, c, i),
                 sg_graph_column_is_int(g, SG_NODES, c));
        }
    putc(']', w->f);
}

/* The actor's other names in the gazetteer (without their '=' or '!'
 * marks), for the search box. */
static void write_aliases(jw *w, const view *v, size_t i)
{
    fputs(",\"aliases\":[", w->f);
    const sg_gazetteer *gaz = v->src->ex ? v->src->ex->gaz : NULL;
    long e = gaz ? sg_gazetteer_find(gaz, sg_graph_node_id(v->g, i)) : -1;
    const sg_entity *ent = e >= 0 ? sg_gazetteer_entity(gaz, (size_t)e) : NULL;
    for (size_t a = 0; ent && a < ent->naliases; a++) {
        const char *name = ent->aliases[a];
        name += *name == '=' || *name == '!';
        fputs(a ? "," : "", w->f);
        jstr(w, name);
    }
    putc(']', w->f);
}

/* The documents naming node i: [document, mentions], in name order. */
static void write_node_docs(jw *w, const view *v, size_t i)
{
    fputs(",\"docs\":[", w->f);
    for (size_t k = v->node_docs_at ? v->node_docs_at[i] : 0;
         v->node_docs_at && k < v->node_docs_at[i + 1]; k++)
        fprintf(w->f, "%s[%zu,%zu]", k > v->node_docs_at[i] ? "," : "", v->node_docs[k][0],
                v->node_docs[k][1]);
    putc(']', w->f);
}

static void write_nodes(jw *w, const view *v)
{
    const sg_graph *g = v->g;
    long cc = sg_graph_column_find(g, SG_NODES, "community");
    fputs(",\n\"nodes\":[", w->f);
    for (size_t i = 0; i < sg_graph_node_count(g) && !w->failed; i++) {
        const long *lc = v->layout;
        fputs(i ? ",\n{\"id\":" : "\n{\"id\":", w->f);
        jstr(w, sg_graph_node_id(g, i));
        fputs(",\"label\":", w->f);
        jstr(w, sg_graph_node_label(g, i));
        fputs(",\"short\":", w->f);
        jstr(w, sg_graph_node_short_name(g, i));
        fputs(",\"type\":", w->f);
        jstr(w, sg_graph_node_type(g, i));
        jcoord(w, "x", sg_graph_column_value(g, SG_NODES, (size_t)lc[0], i));
        jcoord(w, "y", sg_graph_column_value(g, SG_NODES, (size_t)lc[1], i));
        jcoord(w, "size", sg_graph_column_value(g, SG_NODES, (size_t)lc[2], i));
        fprintf(w->f, ",\"color\":\"#%02x%02x%02x\"", sg_layout_channel(g, lc[3], i),
                sg_layout_channel(g, lc[4], i), sg_layout_channel(g, lc[5], i));
        fputs(",\"shape\":", w->f);
        jstr(w, sg_type_shape(sg_graph_node_type(g, i)));
        fputs(",\"community\":", w->f);
        jnum(w, cc >= 0 ? sg_graph_column_value(g, SG_NODES, (size_t)cc, i) : NAN, 1);
        write_aliases(w, v, i);
        write_attrs(w, v, i);
        write_node_docs(w, v, i);
        putc('}', w->f);
    }
    putc(']', w->f);
}

/* The edges with the indices of their units, which follow in the same order. */
static void write_edges(jw *w, const view *v)
{
    const sg_graph *g = v->g;
    long ac = sg_graph_column_find(g, SG_EDGES, "backbone_alpha");
    size_t next = 0;
    fputs(",\n\"edges\":[", w->f);
    for (size_t e = 0; e < sg_graph_edge_count(g); e++) {
        size_t s, t;
        double weight;
        sg_graph_edge(g, e, &s, &t, &weight, NULL);
        fprintf(w->f, "%s{\"s\":%zu,\"t\":%zu,\"weight\":", e ? ",\n" : "\n", s, t);
        jnum(w, weight, weight == floor(weight));
        fputs(",\"alpha\":", w->f);
        jnum(w, ac >= 0 ? sg_graph_column_value(g, SG_EDGES, (size_t)ac, e) : NAN, 0);
        const sg_view_edge *ve =
            sg_unit_store_find(v->src->units, sg_graph_node_id(g, s), sg_graph_node_id(g, t));
        fputs(",\"ev\":[", w->f);
        for (size_t k = 0; ve && k < ve->nkept; k++)
            fprintf(w->f, "%s%zu", k ? "," : "", next++);
        fprintf(w->f, "],\"more\":%zu}", ve ? ve->total - ve->nkept : 0);
    }
    putc(']', w->f);
}

static void write_units(jw *w, const view *v)
{
    const sg_graph *g = v->g;
    int first = 1;
    fputs(",\n\"units\":[", w->f);
    for (size_t e = 0; e < sg_graph_edge_count(g) && v->src->units; e++) {
        size_t s, t;
        sg_graph_edge(g, e, &s, &t, NULL, NULL);
        const sg_view_edge *ve =
            sg_unit_store_find(v->src->units, sg_graph_node_id(g, s), sg_graph_node_id(g, t));
        for (size_t k = 0; ve && k < ve->nkept; k++) {
            const sg_view_unit *u = &v->src->units->units[ve->kept[k]];
            fprintf(w->f, "%s{\"doc\":%zu,\"line\":%zu,\"parts\":[", first ? "\n" : ",\n",
                    v->store_doc[u->doc], u->line);
            first = 0;
            size_t at[6] = {0, u->spans[0], u->spans[1], u->spans[2], u->spans[3], strlen(u->text)};
            int any = 0;
            for (int p = 0; p < 5; p++)
                if (at[p + 1] > at[p]) {
                    fputs(any ? ",[" : "[", w->f);
                    jstrn(w, u->text + at[p], at[p + 1] - at[p]);
                    fprintf(w->f, ",%d]", p % 2);
                    any = 1;
                }
            fputs("]}", w->f);
        }
    }
    putc(']', w->f);
}

/* A document's metadata value for `key`, or NULL. */
static const char *meta_of(const sg_docrec *d, const char *key)
{
    for (size_t m = 0; m < d->nmeta; m++)
        if (!strcmp(d->meta[2 * m], key))
            return d->meta[2 * m + 1];
    return NULL;
}

static void write_docs(jw *w, const view *v)
{
    static const char *const keys[] = {"date", "source", "url", "title"};
    fputs(",\n\"docs\":[", w->f);
    for (size_t d = 0; d < v->ndocs; d++) {
        fputs(d ? ",\n{\"name\":" : "\n{\"name\":", w->f);
        jstr(w, v->docs[d].name);
        for (size_t k = 0; k < 4; k++) {
            fprintf(w->f, ",\"%s\":", keys[k]);
            jstr(w, v->docs[d].rec ? meta_of(v->docs[d].rec, keys[k]) : NULL);
        }
        putc('}', w->f);
    }
    putc(']', w->f);
}

/* An edge by its (lower, higher) node pair, to find a period's edges in the
 * whole network. */
typedef struct {
    size_t a, b, e;
} pair_edge;

static int cmp_pair(const void *x, const void *y)
{
    const pair_edge *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

static pair_edge *pairs_of(const sg_graph *g)
{
    size_t m = sg_graph_edge_count(g);
    pair_edge *p = sg_alloc_array(m + 1, sizeof(*p));
    for (size_t e = 0; p && e < m; e++) {
        size_t s, t;
        sg_graph_edge(g, e, &s, &t, NULL, NULL);
        p[e] = (pair_edge){s < t ? s : t, s < t ? t : s, e};
    }
    if (p)
        qsort(p, m, sizeof(*p), cmp_pair);
    return p;
}

/* A period: its actors and edges among the whole network's, with their
 * counts in the period. */
static void write_period(jw *w, const view *v, const pair_edge *pairs, const char *label,
                         const sg_graph *pg)
{
    fputs("{\"label\":", w->f);
    jstr(w, label);
    fputs(",\"nodes\":[", w->f);
    size_t pn = sg_graph_node_count(pg), *map = sg_alloc_array(pn + 1, sizeof(size_t));
    if (!map) {
        w->failed = 1;
        return;
    }
    int first = 1;
    for (size_t i = 0; i < pn; i++) {
        long at = node_by_id(v, sg_graph_node_id(pg, i));
        map[i] = at < 0 ? SIZE_MAX : (size_t)at;
        if (at >= 0) {
            fprintf(w->f, "%s[%ld,%ld]", first ? "" : ",", at, sg_graph_node_mentions(pg, i));
            first = 0;
        }
    }
    fputs("],\"edges\":[", w->f);
    first = 1;
    for (size_t e = 0; e < sg_graph_edge_count(pg); e++) {
        size_t s, t;
        double weight;
        sg_graph_edge(pg, e, &s, &t, &weight, NULL);
        if (map[s] == SIZE_MAX || map[t] == SIZE_MAX)
            continue;
        pair_edge key = {map[s] < map[t] ? map[s] : map[t], map[s] < map[t] ? map[t] : map[s], 0};
        const pair_edge *hit =
            bsearch(&key, pairs, sg_graph_edge_count(v->g), sizeof(*pairs), cmp_pair);
        if (hit) {
            fprintf(w->f, "%s[%zu,", first ? "" : ",", hit->e);
            jnum(w, weight, weight == floor(weight));
            putc(']', w->f);
            first = 0;
        }
    }
    fputs("]}", w->f);
    free(map);
}

static void write_periods(jw *w, const view *v)
{
    const sg_timeline *tl = v->src->timeline;
    fputs(",\n\"periods\":[", w->f);
    pair_edge *pairs = tl && tl->n ? pairs_of(v->g) : NULL;
    if (tl && tl->n && !pairs)
        w->failed = 1;
    for (size_t p = 0; pairs && p < tl->n; p++) {
        fputs(p ? ",\n" : "\n", w->f);
        write_period(w, v, pairs, tl->labels[p], tl->graphs[p]);
    }
    free(pairs);
    putc(']', w->f);
}

static int cmp_doc_name(const void *x, const void *y)
{
    return strcmp(((const view_doc *)x)->name, ((const view_doc *)y)->name);
}

/* The documents: the recorded ones by name (of a name given twice, the
 * first in sg_docrec_cmp's order), and those only the kept units name. */
static int gather_docs(view *v)
{
    const sg_extractor *ex = v->src->ex;
    const sg_unit_store *st = v->src->units;
    size_t nrec = ex ? ex->ndocrec : 0, nst = st ? st->ndocs : 0;
    const sg_docrec **recs = sg_alloc_array(nrec + 1, sizeof(*recs));
    v->docs = sg_alloc_array(nrec + nst + 1, sizeof(view_doc));
    v->store_doc = sg_alloc_array(nst + 1, sizeof(size_t));
    if (!recs || !v->docs || !v->store_doc) {
        free(recs);
        return SG_ERR_NOMEM;
    }
    for (size_t d = 0; d < nrec; d++)
        recs[d] = &ex->docs[d];
    qsort(recs, nrec, sizeof(*recs), sg_docrec_cmp);
    for (size_t d = 0; d < nrec; d++)
        if (!v->ndocs || strcmp(v->docs[v->ndocs - 1].name, recs[d]->name))
            v->docs[v->ndocs++] = (view_doc){recs[d]->name, recs[d]};
    free(recs);
    size_t nrecorded = v->ndocs;
    for (size_t d = 0; d < nst; d++) {
        view_doc key = {st->docs[d], NULL};
        if (!bsearch(&key, v->docs, nrecorded, sizeof(view_doc), cmp_doc_name))
            v->docs[v->ndocs++] = key;
    }
    qsort(v->docs, v->ndocs, sizeof(view_doc), cmp_doc_name); /* names are unique */
    for (size_t d = 0; d < nst; d++) {
        view_doc key = {st->docs[d], NULL};
        const view_doc *hit = bsearch(&key, v->docs, v->ndocs, sizeof(view_doc), cmp_doc_name);
        v->store_doc[d] = (size_t)(hit - v->docs);
    }
    return 0;
}

/* Each node's documents, from the recorded ones: counted, then filled. */
static int gather_node_docs(view *v)
{
    const sg_gazetteer *gaz = v->src->ex ? v->src->ex->gaz : NULL;
    size_t n = sg_graph_node_count(v->g), total = 0;
    if (!gaz)
        return 0;
    size_t *node_of = sg_alloc_array(gaz->n + 1, sizeof(size_t));
    if (!node_of || !(v->node_docs_at = calloc(n + 1, sizeof(size_t)))) {
        free(node_of);
        return SG_ERR_NOMEM;
    }
    for (size_t e = 0; e < gaz->n; e++)
        node_of[e] = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        long e = sg_gazetteer_find(gaz, sg_graph_node_id(v->g, i));
        if (e >= 0)
            node_of[e] = i;
    }
    for (int fill = 0; fill < 2; fill++) {
        size_t *next = v->node_docs_at; /* at fill: each node's next place */
        for (size_t d = 0; d < v->ndocs; d++)
            for (size_t k = 0; v->docs[d].rec && k < v->docs[d].rec->n; k++) {
                size_t i = node_of[v->docs[d].rec->ents[k]];
                if (i == SIZE_MAX)
                    continue;
                if (fill) {
                    size_t *pair = v->node_docs[next[i]++];
                    pair[0] = d;
                    pair[1] = (size_t)v->docs[d].rec->counts[k];
                } else {
                    next[i + 1]++;
                    total++;
                }
            }
        if (!fill) {
            for (size_t i = 0; i < n; i++)
                v->node_docs_at[i + 1] += v->node_docs_at[i];
            if (!(v->node_docs = sg_alloc_array(total + 1, sizeof(*v->node_docs)))) {
                free(node_of);
                return SG_ERR_NOMEM;
            }
        }
    }
    /* next[i] ended at node i + 1's start: shift back */
    memmove(v->node_docs_at + 1, v->node_docs_at, n * sizeof(size_t));
    v->node_docs_at[0] = 0;
    free(node_of);
    return 0;
}

static void view_free(view *v)
{
    free(v->by_id);
    free(v->docs);
    free(v->store_doc);
    free(v->node_docs_at);
    free(v->node_docs);
}

static int view_prepare(view *v, sg_error *err)
{
    static const char *const needed[] = {"x", "y", "size", "r", "g", "b"};
    const sg_graph *g = v->g;
    for (int c = 0; c < 6; c++)
        if ((v->layout[c] = sg_graph_column_find(g, SG_NODES, needed[c])) < 0)
            return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                                "the network has no layout (node attribute '%s'): lay it out "
                                "first",
                                needed[c]);
    size_t n = sg_graph_node_count(g);
    const char **ids = sg_alloc_array(n + 1, sizeof(char *));
    v->by_id = sg_alloc_array(n + 1, sizeof(size_t));
    for (size_t i = 0; ids && i < n; i++)
        ids[i] = sg_graph_node_id(g, i);
    int rc = !ids || !v->by_id || sg_order_strings(v->by_id, ids, n) || gather_docs(v) ||
             gather_node_docs(v);
    free(ids);
    return rc ? sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory") : 0;
}

/* The page around the data and the code (web/README.md). */
static void write_page(jw *w, const view *v)
{
    const sg_render_options *opt = v->opt;
    const char *lang = opt->lang && !strcmp(opt->lang, "en") ? "en" : "fr";
    fprintf(w->f,
            "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:\">\n"
            "<title>",
            lang);
    sg_xml_write(w->f, opt->title && *opt->title ? opt->title : "stakegraph");
    fputs("</title>\n</head>\n<body>\n<script type=\"application/json\" id=\"sg-data\">\n"
          "{\"version\":1,\"title\":",
          w->f);
    jstr(w, opt->title && *opt->title ? opt->title : NULL);
    fprintf(w->f, ",\"lang\":\"%s\",\"unit\":", lang);
    char unit[64];
    if (v->src->ex)
        sg_extract_options_unit(&v->src->ex->opt, unit, sizeof(unit));
    jstr(w, v->src->ex ? unit : NULL);
    fprintf(w->f, ",\"colour_by\":\"%s\"", opt->colour_by == SG_COLOUR_TYPE ? "type" : "community");
    write_legend(w, v);
    write_columns(w, v);
    write_nodes(w, v);
    write_edges(w, v);
    write_docs(w, v);
    write_units(w, v);
    write_periods(w, v);
    fputs("}\n</script>\n<script>\n", w->f);
    fwrite(sg_html_bundle, 1, sg_html_bundle_len, w->f);
    fputs("\n</script>\n</body>\n</html>\n", w->f);
}

int sg_view_write(const sg_graph *g, const sg_render_options *opt, const sg_view_sources *src,
                  FILE *f, sg_error *err)
{
    int rc = sg_view_check(err);
    if (rc)
        return rc;
    sg_render_options defaults;
    sg_view_sources none = {NULL, NULL, NULL};
    if (!opt) {
        sg_render_options_init(&defaults);
        opt = &defaults;
    }
    view v = {g, opt, src ? src : &none, NULL, {0}, NULL, 0, NULL, NULL, NULL};
    rc = view_prepare(&v, err);
    if (!rc) {
        if (opt->on_step)
            opt->on_step("writing the view (html)", opt->step_ctx);
        jw w = {f, 0};
        write_page(&w, &v);
        if (w.failed)
            rc = sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
        else if (ferror(f) || fflush(f))
            rc = sg_error_set(err, SG_ERR_IO, NULL, 0, -1, "cannot write: %s", strerror(errno));
    }
    view_free(&v);
    return rc;
}
