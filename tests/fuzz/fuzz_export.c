/* Fuzz target: the GraphML and DOT exporters (SPEC §6) on networks whose
 * ids, labels, types, attribute names and values and column names come from
 * the input.
 *
 * Byte 0 chooses: bit 0 the source of the network (0: gazetteer rows and
 * text through the extractor, the public way; 1: nodes built directly with
 * any bytes, even invalid UTF-8 and control characters, which only the
 * exporters' escaping stands between and the output), bit 1 the analysis,
 * bit 2 an extra numeric column named by the input, bit 3 that column as
 * integers. Then, for 0: gazetteer rows (a header is added when they do not
 * load alone), a NUL, the text; for 1: NUL-separated fields. The GraphML must
 * be clean XML; networks from gazetteers must also read back identically,
 * and their DOT must parse with the same nodes and edges. The HTML view (of
 * a layout made of the input's bytes, NaN and infinities too) must hold
 * JSON that parses, with no '<', '>' or '&' in it, and no other script. */
#include <string.h>

#include "fuzz.h"
#include "fuzz_graph.h"
#include "graph_int.h"
#include "stakegraph/stakegraph.h"

#define MAX_NODES 16

static const char header[] = "id\tlabel\ttype\taliases\tshort\tnote\n";

/* The next NUL-separated field of [*p, end), or "" when there is none left;
 * copies at most 255 bytes into `buf`. */
static const char *next_field(const char **p, const char *end, char *buf, size_t size)
{
    if (*p >= end) {
        buf[0] = '\0';
        return buf;
    }
    const char *nul = memchr(*p, '\0', (size_t)(end - *p));
    size_t n = (size_t)((nul ? nul : end) - *p);
    if (n > size - 1)
        n = size - 1;
    memcpy(buf, *p, n);
    buf[n] = '\0';
    *p = nul ? nul + 1 : end;
    return buf;
}

static char *dup_str(const char *s)
{
    char *d = strdup(s);
    FUZZ_CHECK(d != NULL);
    return d;
}

/* A network from raw fields: nattr attribute names, then per node id, label,
 * type and nattr values; every pair of nodes linked. */
static sg_graph *raw_graph(const char *p, const char *end, size_t nattr)
{
    char buf[256];
    size_t fields = 1;
    for (const char *q = p; q < end; q++)
        fields += *q == '\0';
    size_t n = fields > nattr ? (fields - nattr) / (3 + nattr) : 0;
    if (n > MAX_NODES)
        n = MAX_NODES;
    size_t m = n * (n - (n > 0)) / 2;
    sg_graph *g = sg_graph_alloc(n, m, nattr);
    FUZZ_CHECK(g != NULL);
    for (size_t a = 0; a < nattr; a++)
        g->attr_names[a] = dup_str(next_field(&p, end, buf, sizeof(buf)));
    for (size_t i = 0; i < n; i++) {
        g->id[i] = dup_str(next_field(&p, end, buf, sizeof(buf)));
        g->label[i] = dup_str(next_field(&p, end, buf, sizeof(buf)));
        g->type[i] = dup_str(next_field(&p, end, buf, sizeof(buf)));
        g->mentions[i] = (long)i + 1;
        g->documents[i] = 1;
        for (size_t a = 0; a < nattr; a++) {
            next_field(&p, end, buf, sizeof(buf));
            g->attrs[i * nattr + a] = buf[0] ? dup_str(buf) : NULL;
        }
    }
    size_t e = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++, e++) {
            g->src[e] = i;
            g->dst[e] = j;
            g->weight[e] = (double)(e + 1) / 3.0;
            g->edocs[e] = (long)e;
        }
    g->m = m;
    return g;
}

/* A network through the public API: gazetteer rows, then the text with, at
 * its end, a sentence naming every entity by its label. */
static sg_graph *gazetteer_graph(const char *p, const char *end, sg_gazetteer **gaz_out)
{
    const char *nul = memchr(p, '\0', (size_t)(end - p));
    const char *rows_end = nul ? nul : end;
    size_t rows = (size_t)(rows_end - p);
    sg_gazetteer *gaz = NULL;
    sg_error err;
    FUZZ_CHECK(sg_gazetteer_new(&gaz, &err) == SG_OK);
    *gaz_out = gaz;
    if (sg_gazetteer_load_buffer(gaz, "rows.tsv", p, rows, &err) != SG_OK) {
        char *with = malloc(sizeof(header) + rows);
        FUZZ_CHECK(with != NULL);
        memcpy(with, header, sizeof(header) - 1);
        memcpy(with + sizeof(header) - 1, p, rows);
        int rc = sg_gazetteer_load_buffer(gaz, "rows.tsv", with, sizeof(header) - 1 + rows, &err);
        free(with);
        if (rc != SG_OK)
            return NULL;
    }
    const char *text = nul ? nul + 1 : end;
    size_t tlen = (size_t)(end - text), n = sg_gazetteer_count(gaz), cap = tlen + 2;
    if (n > MAX_NODES)
        n = MAX_NODES;
    for (size_t i = 0; i < n; i++)
        cap += strlen(sg_gazetteer_label(gaz, i)) + 4;
    char *doc = malloc(cap + 1);
    FUZZ_CHECK(doc != NULL);
    memcpy(doc, text, tlen);
    size_t len = tlen;
    doc[len++] = '\n';
    for (size_t i = 0; i < n; i++) {
        const char *l = sg_gazetteer_label(gaz, i);
        if (*l == '=')
            l++;
        len += (size_t)sprintf(doc + len, "%s%s", i ? " et " : "", l);
    }
    doc[len++] = '.';
    sg_extractor *ex = NULL;
    sg_graph *g = NULL;
    FUZZ_CHECK(sg_extractor_new(&ex, gaz, NULL, &err) == SG_OK);
    /* the text may be refused (UTF-16) or stop a pattern at its match limit;
     * the sentence of labels alone must go through when there is no pattern */
    if (sg_extractor_add(ex, "doc", doc, len, &err) != SG_OK)
        (void)sg_extractor_add(ex, "labels", doc + tlen, len - tlen, &err);
    FUZZ_CHECK(sg_extractor_graph(&g, ex, 1, &err) == SG_OK);
    sg_extractor_free(ex);
    free(doc);
    return g;
}

/* The view of g, laid out with the input's bytes as x, y, size, r, g, b. */
static void check_view(sg_graph *g, const uint8_t *data, size_t size)
{
    static const char *const cols[] = {"x", "y", "size", "r", "g", "b"};
    size_t n = sg_graph_node_count(g);
    double *v = calloc(n + 1, sizeof(double));
    sg_error err;
    FUZZ_CHECK(v != NULL);
    for (int c = 0; c < 6; c++) {
        for (size_t i = 0; i < n && size >= 9; i++)
            memcpy(&v[i], data + 1 + (i * 8 + (size_t)c) % (size - 8), sizeof(double));
        FUZZ_CHECK(sg_graph_set_column(g, SG_NODES, cols[c], c >= 3, v, &err) == SG_OK);
    }
    free(v);
    char *page = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&page, &len);
    FUZZ_CHECK(f != NULL);
    int rc = sg_view_write(g, NULL, NULL, f, &err);
    FUZZ_CHECK(fclose(f) == 0);
    if (!sg_view_available()) {
        FUZZ_CHECK(rc == SG_ERR_INVALID);
        free(page);
        return;
    }
    FUZZ_CHECK(rc == SG_OK);
    static const char open_tag[] = "<script type=\"application/json\" id=\"sg-data\">";
    char *data_at = strstr(page, open_tag);
    FUZZ_CHECK(data_at != NULL);
    data_at += sizeof(open_tag) - 1;
    char *close = strstr(data_at, "</script>");
    FUZZ_CHECK(close != NULL);
    for (const char *p = data_at; p < close; p++)
        FUZZ_CHECK(*p != '<' && *p != '>' && *p != '&');
    json_error_t jerr;
    json_t *root = json_loadb(data_at, (size_t)(close - data_at), 0, &jerr);
    if (!root)
        fprintf(stderr, "the view's data does not parse: %s\n%.4000s\n", jerr.text, data_at);
    FUZZ_CHECK(root != NULL);
    FUZZ_CHECK(json_array_size(json_object_get(root, "nodes")) == n);
    json_decref(root);
    size_t scripts = 0;
    for (const char *p = page; (p = strstr(p, "<script")); p++)
        scripts++;
    FUZZ_CHECK(scripts == 2);
    free(page);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned char flags = data[0];
    const char *p = (const char *)data + 1, *end = (const char *)data + size;
    sg_gazetteer *gaz = NULL;
    sg_graph *g = (flags & 1) ? raw_graph(p, end, (flags >> 4) & 3) : gazetteer_graph(p, end, &gaz);
    if (!g) {
        sg_gazetteer_free(gaz);
        return 0;
    }
    sg_error err;
    if (flags & 2) {
        sg_analysis_options opt;
        sg_analysis_options_init(&opt);
        FUZZ_CHECK(sg_graph_analyse(g, &opt, &err) == SG_OK);
    }
    if (flags & 4) {
        /* a column named by the input's last line, valued by its bytes */
        const char *nl = end;
        while (nl > p && nl[-1] != '\n')
            nl--;
        char name[64];
        size_t k = (size_t)(end - nl) < sizeof(name) - 1 ? (size_t)(end - nl) : sizeof(name) - 1;
        memcpy(name, nl, k);
        name[k] = '\0';
        size_t n = sg_graph_node_count(g) > sg_graph_edge_count(g) ? sg_graph_node_count(g)
                                                                   : sg_graph_edge_count(g);
        double *v = calloc(n + 1, sizeof(double));
        FUZZ_CHECK(v != NULL);
        for (size_t i = 0; i < n && size >= 9; i++)
            memcpy(&v[i], data + 1 + (i * 8) % (size - 8), sizeof(double));
        int rc =
            sg_graph_set_column(g, (flags & 0x40) ? SG_EDGES : SG_NODES, name, flags & 8, v, &err);
        FUZZ_CHECK(rc == SG_OK || (rc == SG_ERR_INVALID && !name[0]));
        free(v);
    }
    fuzz_check_exports(g, !(flags & 1));
    check_view(g, data, size);
    sg_graph_free(g);
    sg_gazetteer_free(gaz);
    return 0;
}
