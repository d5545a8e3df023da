/* GraphML for Gephi, networkx, igraph and Cytoscape (SPEC §6): typed keys
 * for nodes and edges only, label and name on nodes, weight as a double. */
#define _GNU_SOURCE /* sync_file_range */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "stakegraph/export.h"
#include "xmlesc.h"

static void key(sg_wbuf *f, const char *id, const char *domain, const char *name, const char *type)
{
    sg_wbuf_puts(f, "  <key id=\"");
    sg_wbuf_puts(f, id);
    sg_wbuf_puts(f, "\" for=\"");
    sg_wbuf_puts(f, domain);
    sg_wbuf_puts(f, "\" attr.name=\"");
    sg_xml_put(f, name);
    sg_wbuf_puts(f, "\" attr.type=\"");
    sg_wbuf_puts(f, type);
    sg_wbuf_puts(f, "\"/>\n");
}

/* "      <data key="key_id">v</data>" for a count, without printf. */
static void data_long(sg_wbuf *f, const char *key_id, long v)
{
    char num[24], *p = num + sizeof(num);
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    *--p = '\0';
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--p = '-';
    sg_wbuf_puts(f, "      <data key=\"");
    sg_wbuf_puts(f, key_id);
    sg_wbuf_puts(f, "\">");
    sg_wbuf_puts(f, p);
    sg_wbuf_puts(f, "</data>\n");
}

static void data_str(sg_wbuf *f, const char *key_id, const char *value)
{
    sg_wbuf_puts(f, "      <data key=\"");
    sg_wbuf_puts(f, key_id);
    sg_wbuf_puts(f, "\">");
    sg_xml_put(f, value);
    sg_wbuf_puts(f, "</data>\n");
}

/* The names of the first documents of edge `e` (if any), joined by " | ". */
static void data_first_documents(sg_wbuf *f, const sg_graph *g, size_t e)
{
    const char *const *names;
    size_t k = sg_graph_edge_first_documents(g, e, &names);
    if (!k)
        return;
    sg_wbuf_puts(f, "      <data key=\"e_first_documents\">");
    for (size_t j = 0; j < k; j++) {
        if (j)
            sg_wbuf_puts(f, SG_FIRST_DOCUMENTS_SEP);
        sg_xml_put(f, names[j]);
    }
    sg_wbuf_puts(f, "</data>\n");
}

/* Attribute names every node or edge has (igraph's reader keeps the element
 * ids as an attribute `id`): a column or a gazetteer attribute of the same
 * name would give the reader two values for one name. */
static const char *const node_fixed[] = {"id",       "label",     "name", "type",
                                         "mentions", "documents", NULL};
static const char *const edge_fixed[] = {"id", "weight", "documents", "first_documents", NULL};

static int is_fixed(sg_domain d, const char *name)
{
    return sg_name_listed(d == SG_NODES ? node_fixed : edge_fixed, name);
}

/* Numeric columns are written unless their name is a fixed one (the
 * GraphML reader gives such a column to a graph whose file had, say, a
 * numeric `label`). */
static int column_written(const sg_graph *g, sg_domain d, size_t c)
{
    return !is_fixed(d, sg_graph_column_name(g, d, c));
}

/* Gazetteer attributes are written unless a fixed name or a column (fresher:
 * computed by this run) already has their name. */
static int attr_written(const sg_graph *g, size_t a)
{
    return sg_attr_written(g, a, node_fixed);
}

/* Key id of numeric column `c`: "v_name" when the name is a plain word,
 * else "v_colN". A plain name cannot look like the generated ids ("attrN",
 * "colN") nor like a fixed key, so that every key id is unique. */
static void column_key(char *buf, size_t size, const sg_graph *g, sg_domain d, size_t c)
{
    const char *name = sg_graph_column_name(g, d, c);
    int plain = strlen(name) < 40 && strncmp(name, "attr", 4) != 0 &&
                !(strncmp(name, "col", 3) == 0 && name[3] >= '0' && name[3] <= '9') &&
                !is_fixed(d, name);
    for (const char *p = name; *p && plain; p++)
        plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                *p == '_';
    if (plain)
        snprintf(buf, size, "%c_%s", d == SG_NODES ? 'v' : 'e', name);
    else
        snprintf(buf, size, "%c_col%zu", d == SG_NODES ? 'v' : 'e', c);
}

/* int when every value fits in 32 bits, else long; double when one does not
 * fit in 64 bits (a foreign file's community 1e300): see int_value. */
static const char *column_type(const sg_graph *g, sg_domain d, size_t c)
{
    int bits = sg_column_bits(g, d, c);
    return bits == 32 ? "int" : bits == 64 ? "long" : "double";
}

/* What is written for each column and attribute, worked out once. */
typedef struct {
    char id[64];
    int written, is_int;
} column_plan;

typedef struct {
    column_plan *cols[2]; /* SG_NODES, SG_EDGES */
    size_t ncols[2];
    char (*attr_id)[32]; /* "" when the attribute is not written */
    int first_documents; /* some edge has first documents: key e_first_documents */
} plan;

static void plan_free(plan *p)
{
    free(p->cols[0]);
    free(p->cols[1]);
    free(p->attr_id);
}

static int plan_make(plan *p, const sg_graph *g)
{
    memset(p, 0, sizeof(*p));
    for (int k = 0; k < 2; k++) {
        sg_domain d = k ? SG_EDGES : SG_NODES;
        p->ncols[k] = sg_graph_column_count(g, d);
        if (!(p->cols[k] = calloc(p->ncols[k] + 1, sizeof(column_plan))))
            return SG_ERR_NOMEM;
        for (size_t c = 0; c < p->ncols[k]; c++) {
            column_plan *cp = &p->cols[k][c];
            cp->written = column_written(g, d, c);
            cp->is_int = sg_graph_column_is_int(g, d, c);
            column_key(cp->id, sizeof(cp->id), g, d, c);
        }
    }
    if (!(p->attr_id = calloc(sg_graph_attr_count(g) + 1, sizeof(*p->attr_id))))
        return SG_ERR_NOMEM;
    for (size_t a = 0; a < sg_graph_attr_count(g); a++)
        if (attr_written(g, a))
            snprintf(p->attr_id[a], sizeof(p->attr_id[a]), "v_attr%zu", a);
    for (size_t e = 0; e < sg_graph_edge_count(g) && !p->first_documents; e++) {
        const char *const *names;
        p->first_documents = sg_graph_edge_first_documents(g, e, &names) > 0;
    }
    return 0;
}

static void column_keys(const sg_graph *g, const plan *p, sg_wbuf *f, sg_domain d)
{
    int k = d == SG_EDGES;
    for (size_t c = 0; c < p->ncols[k]; c++)
        if (p->cols[k][c].written)
            key(f, p->cols[k][c].id, k ? "edge" : "node", sg_graph_column_name(g, d, c),
                column_type(g, d, c));
}

static void column_data(const sg_graph *g, const plan *p, sg_wbuf *f, sg_domain d, size_t i)
{
    int k = d == SG_EDGES;
    for (size_t c = 0; c < p->ncols[k]; c++) {
        const column_plan *cp = &p->cols[k][c];
        char num[64];
        if (!cp->written)
            continue;
        double v = sg_graph_column_value(g, d, c, i);
        if (cp->is_int && fabs(v) < 1e15) {
            data_long(f, cp->id, (long)v);
            continue;
        }
        sg_format_column_value(num, sizeof(num), v, cp->is_int);
        sg_wbuf_puts(f, "      <data key=\"");
        sg_wbuf_puts(f, cp->id);
        sg_wbuf_puts(f, "\">");
        sg_wbuf_puts(f, num);
        sg_wbuf_puts(f, "</data>\n");
    }
}

static void write_keys(const sg_graph *g, const plan *p, sg_wbuf *f)
{
    key(f, "v_label", "node", "label", "string");
    key(f, "v_name", "node", "name", "string");
    key(f, "v_type", "node", "type", "string");
    key(f, "v_mentions", "node", "mentions", "int");
    key(f, "v_documents", "node", "documents", "int");
    for (size_t a = 0; a < sg_graph_attr_count(g); a++)
        if (p->attr_id[a][0])
            key(f, p->attr_id[a], "node", sg_graph_attr_name(g, a), "string");
    column_keys(g, p, f, SG_NODES);
    key(f, "e_weight", "edge", "weight", "double");
    key(f, "e_documents", "edge", "documents", "int");
    if (p->first_documents)
        key(f, "e_first_documents", "edge", "first_documents", "string");
    column_keys(g, p, f, SG_EDGES);
}

static void write_node(const sg_graph *g, const plan *p, size_t i, sg_wbuf *f)
{
    sg_wbuf_puts(f, "    <node id=\"");
    sg_xml_put(f, sg_graph_node_id(g, i));
    sg_wbuf_puts(f, "\">\n");
    data_str(f, "v_label", sg_graph_node_label(g, i));
    data_str(f, "v_name", sg_graph_node_label(g, i));
    data_str(f, "v_type", sg_graph_node_type(g, i));
    data_long(f, "v_mentions", sg_graph_node_mentions(g, i));
    data_long(f, "v_documents", sg_graph_node_documents(g, i));
    for (size_t a = 0; a < sg_graph_attr_count(g); a++) {
        const char *v = sg_graph_node_attr(g, i, a);
        if (v && p->attr_id[a][0])
            data_str(f, p->attr_id[a], v);
    }
    column_data(g, p, f, SG_NODES, i);
    sg_wbuf_puts(f, "    </node>\n");
}

static void write_edge(const sg_graph *g, const plan *p, size_t e, sg_wbuf *f)
{
    size_t s, t;
    double w;
    long docs;
    char num[64];
    sg_graph_edge(g, e, &s, &t, &w, &docs);
    sg_format_double(num, sizeof(num), w);
    sg_wbuf_puts(f, "    <edge source=\"");
    sg_xml_put(f, sg_graph_node_id(g, s));
    sg_wbuf_puts(f, "\" target=\"");
    sg_xml_put(f, sg_graph_node_id(g, t));
    sg_wbuf_puts(f, "\">\n      <data key=\"e_weight\">");
    sg_wbuf_puts(f, num);
    sg_wbuf_puts(f, "</data>\n");
    data_long(f, "e_documents", docs);
    data_first_documents(f, g, e);
    column_data(g, p, f, SG_EDGES, e);
    sg_wbuf_puts(f, "    </edge>\n");
}

/* The edges of a large network are written in blocks by two threads: the
 * calling thread writes the file, in order, the nodes then each block; both
 * threads write the next blocks into memory (a few at most, so that memory
 * stays bounded) while the block the file needs next is not ready, and the
 * calling thread writes itself, straight to the file, a block that no
 * thread has taken yet. (When the file takes its bytes as fast as a device
 * that throws them away, the calling thread would otherwise wait for the
 * second thread to write every block.) */
enum { BLOCK_EDGES = 2048, SLOTS = 8 };

typedef struct {
    const sg_graph *g;
    const plan *p;
    size_t nblocks, taken, written; /* blocks taken to write, written to the file */
    int fd;                         /* the file's descriptor, or -1 */
    char *text[SLOTS];              /* block k in slot k % SLOTS */
    size_t len[SLOTS], cap[SLOTS];  /* (a slot's memory kept for its next blocks) */
    int ready[SLOTS], failed, stop;
    pthread_mutex_t lock;
    pthread_cond_t cond;
} edge_blocks;

static void write_block(const edge_blocks *b, size_t k, sg_wbuf *f)
{
    size_t end = (k + 1) * BLOCK_EDGES, m = sg_graph_edge_count(b->g);
    for (size_t e = k * BLOCK_EDGES; e < end && e < m; e++)
        write_edge(b->g, b->p, e, f);
}

/* May a thread take the next block to write into memory? (Called locked.) */
static int can_take(const edge_blocks *b)
{
    return !b->stop && b->taken < b->nblocks && b->taken < b->written + SLOTS;
}

/* Takes the next block and writes it into memory, its slot then ready.
 * Called and returns locked; the lock is released while writing. With
 * `writeback`, when outputs are synced (sg_outputs_set_sync), every eighth
 * block first starts the file's writeback: what
 * is written so far goes to the disk from now on (in the kernel, started
 * from this thread), so that the sync at the commit waits for the last
 * megabytes only (a hint: on a pipe it fails). The slot's memory is that of
 * its block SLOTS before, in the file by now (can_take): a block a time
 * from open_memstream was fresh pages each, 1,200 page faults in the dense
 * benchmark's GraphML. */
static void take_into_memory(edge_blocks *b, int writeback)
{
    size_t k = b->taken++, s = k % SLOTS;
    sg_wbuf w;
    sg_wbuf_init(&w, NULL, b->text[s], b->cap[s]);
    pthread_mutex_unlock(&b->lock);
    if (writeback && b->fd >= 0 && k % 8 == 7 && sg_outputs_sync())
        sync_file_range(b->fd, 0, 0, SYNC_FILE_RANGE_WRITE);
    write_block(b, k, &w);
    pthread_mutex_lock(&b->lock);
    b->text[s] = w.p;
    b->cap[s] = w.cap;
    b->len[s] = w.failed ? 0 : w.n;
    b->ready[s] = 1;
    b->failed |= w.failed;
    pthread_cond_broadcast(&b->cond);
}

static void *write_blocks(void *arg)
{
    edge_blocks *b = arg;
    pthread_mutex_lock(&b->lock);
    for (;;) {
        while (!b->stop && b->taken < b->nblocks && !can_take(b))
            pthread_cond_wait(&b->cond, &b->lock);
        if (!can_take(b))
            break;
        take_into_memory(b, 1);
    }
    pthread_mutex_unlock(&b->lock);
    return NULL;
}

/* The calling thread's side: every block in order, to the file. */
static int write_edges_by_blocks(edge_blocks *b, sg_wbuf *f)
{
    int failed = 0;
    pthread_mutex_lock(&b->lock);
    for (size_t k = 0; k < b->nblocks; k++) {
        while (b->taken > k && !b->ready[k % SLOTS]) { /* the other thread has it */
            if (can_take(b))
                take_into_memory(b, 0);
            else
                pthread_cond_wait(&b->cond, &b->lock);
        }
        if (b->taken == k) { /* no thread has it: written here */
            b->taken++;
            pthread_mutex_unlock(&b->lock);
            write_block(b, k, f);
            pthread_mutex_lock(&b->lock);
        } else {
            const char *text = b->text[k % SLOTS];
            size_t len = b->len[k % SLOTS];
            b->ready[k % SLOTS] = 0;
            pthread_mutex_unlock(&b->lock);
            if (len) /* (the slot is not taken again before `written` moves on) */
                sg_wbuf_write(f, text, len);
            pthread_mutex_lock(&b->lock);
        }
        b->written = k + 1;
        pthread_cond_broadcast(&b->cond);
    }
    failed = b->failed;
    pthread_mutex_unlock(&b->lock);
    return failed;
}

/* Networks with fewer edges are written by one thread. */
enum { PART_EDGES = 20000 };

int sg_export_graphml(const sg_graph *g, FILE *out, sg_error *err)
{
    plan p;
    char *mem = malloc(1 << 16);
    if (!mem) {
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    sg_wbuf buf, *f = &buf;
    sg_wbuf_init(f, out, mem, 1 << 16);
    if (plan_make(&p, g)) {
        plan_free(&p);
        free(mem);
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    /* a second thread writes blocks of edges from the start: the calling
     * thread writes the header and the nodes meanwhile */
    size_t ne = sg_graph_edge_count(g), nn = sg_graph_node_count(g);
    edge_blocks b;
    memset(&b, 0, sizeof(b));
    b.g = g;
    b.p = &p;
    b.nblocks = (ne + BLOCK_EDGES - 1) / BLOCK_EDGES;
    b.fd = fileno(out);
    pthread_t thread;
    int started = 0;
    if (ne >= PART_EDGES) {
        pthread_mutex_init(&b.lock, NULL);
        pthread_cond_init(&b.cond, NULL);
        started = pthread_create(&thread, NULL, write_blocks, &b) == 0;
        if (!started) {
            pthread_mutex_destroy(&b.lock);
            pthread_cond_destroy(&b.cond);
        }
    }
    sg_wbuf_puts(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                    "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    write_keys(g, &p, f);
    for (size_t i = 0; i < sg_graph_meta_count(g); i++) {
        char id[32];
        snprintf(id, sizeof(id), "g_meta%zu", i);
        key(f, id, "graph", sg_graph_meta_key(g, i), "string");
    }
    sg_wbuf_puts(f, "  <graph id=\"G\" edgedefault=\"undirected\">\n");
    for (size_t i = 0; i < sg_graph_meta_count(g); i++) {
        char id[32];
        snprintf(id, sizeof(id), "g_meta%zu", i);
        data_str(f, id, sg_graph_meta_value(g, i));
    }
    for (size_t i = 0; i < nn; i++)
        write_node(g, &p, i, f);
    int failed = 0;
    if (started) {
        failed = write_edges_by_blocks(&b, f);
        pthread_mutex_lock(&b.lock);
        b.stop = 1;
        pthread_cond_broadcast(&b.cond);
        pthread_mutex_unlock(&b.lock);
        pthread_join(thread, NULL);
        pthread_mutex_destroy(&b.lock);
        pthread_cond_destroy(&b.cond);
        for (size_t i = 0; i < SLOTS; i++)
            free(b.text[i]);
    } else {
        for (size_t e = 0; e < ne; e++)
            write_edge(g, &p, e, f);
    }
    sg_wbuf_puts(f, "  </graph>\n</graphml>\n");
    sg_wbuf_flush(f);
    plan_free(&p);
    free(mem);
    if (failed)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    if (ferror(out) || fflush(out) != 0)
        return sg_error_set(err, SG_ERR_IO, NULL, 0, -1, "cannot write: %s",
                            strerror(errno ? errno : EIO));
    return 0;
}
