/* Partial counts (SPEC §13): sg_extractor_write_counts / read_counts, and
 * sg_extractor_fork / merge, on a hand-made corpus whose counts are worked
 * out by hand below. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "stakegraph/stakegraph.h"
#include "gazetteer_int.h" /* sg_gazetteer_fingerprint, for the expected headers */

/* Four entities. In byte order of their ids (the order of the counts file):
 * org:aphm < org:ars < place:marseille < place:nice. */
static const char *GAZ = "id\tlabel\ttype\taliases\n"
                         "org:ars\tARS Paca\torganisation\tARS\n"
                         "org:aphm\tAP-HM\torganisation\t\n"
                         "place:nice\tNice\tplace\t\n"
                         "place:marseille\tMarseille\tplace\t\n";

/* The same rows in another order: the same gazetteer (same fingerprint). */
static const char *GAZ_REORDERED = "id\tlabel\ttype\taliases\n"
                                   "place:marseille\tMarseille\tplace\t\n"
                                   "place:nice\tNice\tplace\t\n"
                                   "org:aphm\tAP-HM\torganisation\t\n"
                                   "org:ars\tARS Paca\torganisation\tARS\n";

/* One label changed: another gazetteer. */
static const char *GAZ_OTHER = "id\tlabel\ttype\taliases\n"
                               "org:ars\tARS PACA\torganisation\tARS\n"
                               "org:aphm\tAP-HM\torganisation\t\n"
                               "place:nice\tNice\tplace\t\n"
                               "place:marseille\tMarseille\tplace\t\n";

/* d1: one paragraph, two sentences.
 *   S1 "ARS Paca et AP-HM à Marseille."  ars, aphm, marseille
 *   S2 "Nice et ARS."                    nice, ars
 * d2: two paragraphs, three sentences.
 *   S1 "AP-HM."                          aphm
 *   S2 "Rien ici."                       (no mention: still a unit)
 *   S3 "Nice et Marseille, Nice encore." nice (twice), marseille
 * d3: one sentence.
 *   S1 "Marseille et Nice, avec ARS Paca." marseille, nice, ars */
static const char *D1 = "ARS Paca et AP-HM \xc3\xa0 Marseille. Nice et ARS.\n";
static const char *D2 = "AP-HM. Rien ici.\n\nNice et Marseille, Nice encore.\n";
static const char *D3 = "Marseille et Nice, avec ARS Paca.\n";

/* By sentence, over d1 + d2 + d3:
 *   documents 3; units 2 + 3 + 1 = 6.
 *   node  id  mentions  documents  units
 *     aphm:      d1 S1, d2 S1                 -> 2 mentions, 2 docs, 2 units
 *     ars:       d1 S1, d1 S2, d3 S1          -> 3 mentions, 2 docs, 3 units
 *     marseille: d1 S1, d2 S3, d3 S1          -> 3 mentions, 3 docs, 3 units
 *     nice:      d1 S2, d2 S3 (x2), d3 S1     -> 4 mentions, 3 docs, 3 units
 *                (named twice in d2 S3: 2 mentions but 1 unit)
 *   pairs (each unit adds 1 to each pair of distinct entities in it):
 *     d1 S1: aphm-ars, aphm-marseille, ars-marseille
 *     d1 S2: ars-nice
 *     d2 S3: marseille-nice
 *     d3 S1: ars-marseille, ars-nice, marseille-nice
 *   (each pair line ends with the names of the documents it co-occurs in)
 *   so aphm-ars 1 (1 doc), aphm-marseille 1 (1), ars-marseille 2 (d1, d3),
 *   ars-nice 2 (d1, d3), marseille-nice 2 (d2, d3); aphm-nice never. */
static const char *SENTENCE_BODY = "documents\t3\n"
                                   "units\t6\n"
                                   "node\torg:aphm\t2\t2\t2\n"
                                   "node\torg:ars\t3\t2\t3\n"
                                   "node\tplace:marseille\t3\t3\t3\n"
                                   "node\tplace:nice\t4\t3\t3\n"
                                   "pair\torg:aphm\torg:ars\t1\t1\td1\n"
                                   "pair\torg:aphm\tplace:marseille\t1\t1\td1\n"
                                   "pair\torg:ars\tplace:marseille\t2\t2\td1\td3\n"
                                   "pair\torg:ars\tplace:nice\t2\t2\td1\td3\n"
                                   "pair\tplace:marseille\tplace:nice\t2\t2\td2\td3\n";

/* Shard A = d1 alone, by sentence: documents 1, units 2;
 *   aphm 1 mention in S1; ars 2 mentions (S1, S2) in 2 units; marseille 1;
 *   nice 1; pairs of S1 (aphm-ars, aphm-marseille, ars-marseille) and of S2
 *   (ars-nice), each once. */
static const char *SHARD_A_BODY = "documents\t1\n"
                                  "units\t2\n"
                                  "node\torg:aphm\t1\t1\t1\n"
                                  "node\torg:ars\t2\t1\t2\n"
                                  "node\tplace:marseille\t1\t1\t1\n"
                                  "node\tplace:nice\t1\t1\t1\n"
                                  "pair\torg:aphm\torg:ars\t1\t1\td1\n"
                                  "pair\torg:aphm\tplace:marseille\t1\t1\td1\n"
                                  "pair\torg:ars\tplace:marseille\t1\t1\td1\n"
                                  "pair\torg:ars\tplace:nice\t1\t1\td1\n";

/* By paragraph: d1 is one paragraph {ars, aphm, marseille, nice}; d2 has
 * {aphm} then {nice, marseille}; d3 is {marseille, nice, ars}.
 *   documents 3; units 1 + 2 + 1 = 4.
 *   aphm 2 mentions, 2 docs, 2 units (d1, d2 P1); ars 3, 2, 2 (d1 once as a
 *   unit although named twice, d3); marseille 3, 3, 3; nice 4, 3, 3.
 *   pairs: d1 gives all six pairs once; d2 P2 marseille-nice; d3
 *   ars-marseille, ars-nice, marseille-nice: aphm-ars 1, aphm-marseille 1,
 *   aphm-nice 1, ars-marseille 2, ars-nice 2, marseille-nice 3 (3 docs). */
static const char *PARAGRAPH_BODY = "documents\t3\n"
                                    "units\t4\n"
                                    "node\torg:aphm\t2\t2\t2\n"
                                    "node\torg:ars\t3\t2\t2\n"
                                    "node\tplace:marseille\t3\t3\t3\n"
                                    "node\tplace:nice\t4\t3\t3\n"
                                    "pair\torg:aphm\torg:ars\t1\t1\td1\n"
                                    "pair\torg:aphm\tplace:marseille\t1\t1\td1\n"
                                    "pair\torg:aphm\tplace:nice\t1\t1\td1\n"
                                    "pair\torg:ars\tplace:marseille\t2\t2\td1\td3\n"
                                    "pair\torg:ars\tplace:nice\t2\t2\td1\td3\n"
                                    "pair\tplace:marseille\tplace:nice\t3\t3\td1\td2\td3\n";

enum { BUF = 1 << 16 };

static sg_gazetteer *load_gaz(const char *text)
{
    sg_error err;
    sg_gazetteer *gaz;
    assert_int_equal(sg_gazetteer_new(&gaz, &err), 0);
    assert_int_equal(sg_gazetteer_load_buffer(gaz, "g.tsv", text, strlen(text), &err), 0);
    return gaz;
}

static sg_extractor *new_ex(const sg_gazetteer *gaz, const char *unit)
{
    sg_error err;
    sg_extract_options o;
    sg_extract_options_init(&o);
    if (unit)
        assert_int_equal(sg_extract_options_set_unit(&o, unit), 0);
    sg_extractor *ex;
    assert_int_equal(sg_extractor_new(&ex, gaz, &o, &err), 0);
    return ex;
}

static void add(sg_extractor *ex, const char *name, const char *text)
{
    sg_error err;
    assert_int_equal(sg_extractor_add(ex, name, text, strlen(text), &err), 0);
}

/* The header the library must write for this gazetteer and options. */
static void header(char *buf, size_t size, const sg_gazetteer *gaz, const char *unit, unsigned max)
{
    snprintf(buf, size, "#stakegraph-counts\t2\tunit=%s\tmax-unit-actors=%u\tgazetteer=%016" PRIx64,
             unit, max, sg_gazetteer_fingerprint(gaz));
}

/* write_counts into a string (fmemopen), freed by the caller. */
static char *counts_of(const sg_extractor *ex)
{
    static char buf[BUF];
    sg_error err;
    memset(buf, 0, sizeof(buf));
    FILE *f = fmemopen(buf, sizeof(buf), "w");
    assert_non_null(f);
    assert_int_equal(sg_extractor_write_counts(ex, f, &err), 0);
    assert_int_equal(fclose(f), 0);
    assert_true(strlen(buf) < sizeof(buf) - 1);
    return strdup(buf);
}

/* read_counts from `len` bytes of `text`. */
static int read_n(sg_extractor *ex, const char *name, const char *text, size_t len, sg_error *err)
{
    static char buf[BUF];
    assert_true(len < sizeof(buf));
    memcpy(buf, text, len);
    FILE *f = len ? fmemopen(buf, len, "r") : fopen("/dev/null", "r");
    assert_non_null(f);
    sg_error_clear(err);
    int rc = sg_extractor_read_counts(ex, name, f, err);
    fclose(f);
    return rc;
}

static int read_text(sg_extractor *ex, const char *name, const char *text, sg_error *err)
{
    return read_n(ex, name, text, strlen(text), err);
}

static char *concat(const char *a, const char *b)
{
    char *s = malloc(strlen(a) + strlen(b) + 1);
    assert_non_null(s);
    strcpy(s, a);
    strcat(s, b);
    return s;
}

static size_t gcd(size_t a, size_t b)
{
    while (b) {
        size_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* The lines of `text` in the order i * step mod n (step prime to n), so that
 * headers, nodes and pairs of different shards end up interleaved. */
static char *shuffle_lines(const char *text, size_t step)
{
    char *copy = strdup(text), *lines[256], *save = NULL;
    size_t n = 0;
    for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        assert_true(n < 256);
        lines[n++] = l;
    }
    char *out = calloc(strlen(text) + 2, 1);
    assert_int_equal(gcd(n, step), 1);
    for (size_t i = 0; i < n; i++) {
        strcat(out, lines[(i * step) % n]);
        strcat(out, "\n");
    }
    free(copy);
    return out;
}

/* Two graphs are the same network: nodes, edges, counts and units. */
static void assert_same_graph(const sg_graph *a, const sg_graph *b)
{
    assert_int_equal(sg_graph_node_count(a), sg_graph_node_count(b));
    assert_int_equal(sg_graph_edge_count(a), sg_graph_edge_count(b));
    assert_int_equal(sg_graph_units(a), sg_graph_units(b));
    long ua = sg_graph_column_find(a, SG_NODES, "units"),
         ub = sg_graph_column_find(b, SG_NODES, "units");
    assert_true(ua >= 0 && ub >= 0);
    for (size_t i = 0; i < sg_graph_node_count(a); i++) {
        assert_string_equal(sg_graph_node_id(a, i), sg_graph_node_id(b, i));
        assert_string_equal(sg_graph_node_label(a, i), sg_graph_node_label(b, i));
        assert_string_equal(sg_graph_node_type(a, i), sg_graph_node_type(b, i));
        assert_int_equal(sg_graph_node_mentions(a, i), sg_graph_node_mentions(b, i));
        assert_int_equal(sg_graph_node_documents(a, i), sg_graph_node_documents(b, i));
        assert_true(sg_graph_column_value(a, SG_NODES, (size_t)ua, i) ==
                    sg_graph_column_value(b, SG_NODES, (size_t)ub, i));
    }
    for (size_t e = 0; e < sg_graph_edge_count(a); e++) {
        size_t sa, ta, sb, tb;
        double wa, wb;
        long da, db;
        sg_graph_edge(a, e, &sa, &ta, &wa, &da);
        sg_graph_edge(b, e, &sb, &tb, &wb, &db);
        assert_int_equal(sa, sb);
        assert_int_equal(ta, tb);
        assert_true(wa == wb);
        assert_int_equal(da, db);
        const char *const *na, *const *nb;
        size_t ka = sg_graph_edge_first_documents(a, e, &na),
               kb = sg_graph_edge_first_documents(b, e, &nb);
        assert_int_equal(ka, kb);
        for (size_t k = 0; k < ka; k++)
            assert_string_equal(na[k], nb[k]);
    }
}

static void assert_same_network(const sg_extractor *x, const sg_extractor *y)
{
    sg_error err;
    sg_graph *a, *b;
    assert_int_equal(sg_extractor_graph(&a, x, 0, &err), 0);
    assert_int_equal(sg_extractor_graph(&b, y, 0, &err), 0);
    assert_same_graph(a, b);
    sg_graph_free(a);
    sg_graph_free(b);
    char *cx = counts_of(x), *cy = counts_of(y);
    assert_string_equal(cx, cy);
    free(cx);
    free(cy);
}

/* The three documents added to one extractor. */
static sg_extractor *direct(const sg_gazetteer *gaz, const char *unit)
{
    sg_extractor *ex = new_ex(gaz, unit);
    add(ex, "d1", D1);
    add(ex, "d2", D2);
    add(ex, "d3", D3);
    return ex;
}

static void written_counts_are_the_hand_made_ones(void **state)
{
    (void)state;
    sg_gazetteer *gaz = load_gaz(GAZ);
    char head[256], *want, *got;

    sg_extractor *ex = direct(gaz, NULL);
    header(head, sizeof(head), gaz, "sentence", 50);
    want = concat(head, "\n");
    char *w2 = concat(want, SENTENCE_BODY);
    got = counts_of(ex);
    assert_string_equal(got, w2);
    free(got);
    /* written twice, the same bytes; writing does not change the extractor */
    got = counts_of(ex);
    assert_string_equal(got, w2);
    free(got);
    free(want);
    free(w2);
    sg_extractor_free(ex);

    ex = new_ex(gaz, NULL);
    add(ex, "d1", D1);
    want = concat(head, "\n");
    w2 = concat(want, SHARD_A_BODY);
    got = counts_of(ex);
    assert_string_equal(got, w2);
    free(got);
    free(want);
    free(w2);
    sg_extractor_free(ex);

    ex = direct(gaz, "paragraph");
    header(head, sizeof(head), gaz, "paragraph", 50);
    want = concat(head, "\n");
    w2 = concat(want, PARAGRAPH_BODY);
    got = counts_of(ex);
    assert_string_equal(got, w2);
    free(got);
    free(want);
    free(w2);
    sg_extractor_free(ex);

    /* nothing counted: the header and zero totals, no node, no pair */
    ex = new_ex(gaz, "window:5");
    header(head, sizeof(head), gaz, "window:5", 50);
    want = concat(head, "\ndocuments\t0\nunits\t0\n");
    got = counts_of(ex);
    assert_string_equal(got, want);
    free(got);
    free(want);
    sg_extractor_free(ex);

    /* the fingerprint ignores the order of the rows, not their content */
    sg_gazetteer *re = load_gaz(GAZ_REORDERED), *other = load_gaz(GAZ_OTHER);
    assert_true(sg_gazetteer_fingerprint(gaz) == sg_gazetteer_fingerprint(re));
    assert_true(sg_gazetteer_fingerprint(gaz) != sg_gazetteer_fingerprint(other));
    sg_gazetteer_free(re);
    sg_gazetteer_free(other);
    sg_gazetteer_free(gaz);
}

static void read_back_gives_the_same_graph(void **state)
{
    (void)state;
    sg_gazetteer *gaz = load_gaz(GAZ);
    sg_error err;
    const char *units[] = {"sentence", "paragraph", "document", "window:3"};
    for (size_t u = 0; u < 4; u++) {
        sg_extractor *ex = direct(gaz, units[u]);
        char *text = counts_of(ex);
        sg_extractor *back = new_ex(gaz, units[u]);
        assert_int_equal(read_text(back, "all.pairs", text, &err), 0);
        assert_int_equal(sg_extractor_documents(back), 3);
        assert_same_network(ex, back);
        free(text);
        sg_extractor_free(back);
        sg_extractor_free(ex);
    }

    /* the hand-made text itself, read into a fresh extractor, gives the graph
     * of the direct extraction: 4 nodes, 5 edges */
    char head[256];
    header(head, sizeof(head), gaz, "sentence", 50);
    char *h = concat(head, "\n"), *text = concat(h, SENTENCE_BODY);
    sg_extractor *ex = direct(gaz, NULL), *back = new_ex(gaz, NULL);
    assert_int_equal(read_text(back, "hand.pairs", text, &err), 0);
    assert_same_network(ex, back);
    sg_graph *g;
    assert_int_equal(sg_extractor_graph(&g, back, 0, &err), 0);
    assert_int_equal(sg_graph_node_count(g), 4);
    assert_int_equal(sg_graph_edge_count(g), 5);
    assert_int_equal(sg_graph_units(g), 6);
    assert_string_equal(sg_graph_node_id(g, 3), "place:nice");
    assert_int_equal(sg_graph_node_mentions(g, 3), 4);
    size_t s, t;
    double w;
    long d;
    sg_graph_edge(g, 4, &s, &t, &w, &d); /* marseille-nice */
    assert_int_equal(s, 2);
    assert_int_equal(t, 3);
    assert_true(w == 2.0);
    assert_int_equal(d, 2);
    sg_graph_free(g);
    sg_extractor_free(back);

    /* CRLF line ends and blank lines are accepted */
    char crlf[BUF] = "";
    for (const char *p = text; *p; p++) {
        if (*p == '\n')
            strcat(crlf, "\r\n\r\n");
        else
            strncat(crlf, p, 1);
    }
    back = new_ex(gaz, NULL);
    assert_int_equal(read_text(back, "crlf.pairs", crlf, &err), 0);
    assert_same_network(ex, back);
    sg_extractor_free(back);

    /* a gazetteer loaded with its rows in another order reads the counts and
     * gives the same network (compared through the graph) */
    sg_gazetteer *re = load_gaz(GAZ_REORDERED);
    back = new_ex(re, NULL);
    assert_int_equal(read_text(back, "re.pairs", text, &err), 0);
    sg_graph *a, *b;
    assert_int_equal(sg_extractor_graph(&a, ex, 0, &err), 0);
    assert_int_equal(sg_extractor_graph(&b, back, 0, &err), 0);
    assert_same_graph(a, b);
    sg_graph_free(a);
    sg_graph_free(b);
    char *c1 = counts_of(ex), *c2 = counts_of(back);
    assert_string_equal(c1, c2);
    free(c1);
    free(c2);
    sg_extractor_free(back);
    sg_gazetteer_free(re);

    free(h);
    free(text);
    sg_extractor_free(ex);
    sg_gazetteer_free(gaz);
}

static void shards_add_up_in_any_order(void **state)
{
    (void)state;
    sg_gazetteer *gaz = load_gaz(GAZ);
    sg_error err;
    const char *units[] = {"sentence", "paragraph", "window:2"};
    for (size_t u = 0; u < 3; u++) {
        sg_extractor *all = direct(gaz, units[u]);
        sg_extractor *a = new_ex(gaz, units[u]), *b = new_ex(gaz, units[u]);
        add(a, "d1", D1);
        add(b, "d2", D2);
        add(b, "d3", D3);
        char *ta = counts_of(a), *tb = counts_of(b);
        char *cat = concat(ta, tb), *cat2 = concat(tb, ta);

        /* two files read one after the other */
        sg_extractor *m = new_ex(gaz, units[u]);
        assert_int_equal(read_text(m, "a.pairs", ta, &err), 0);
        assert_int_equal(read_text(m, "b.pairs", tb, &err), 0);
        assert_int_equal(sg_extractor_documents(m), 3);
        assert_same_network(all, m);
        sg_extractor_free(m);

        /* both shards in one file, in either order, and their lines shuffled
         * (steps 7 and 5 and the reverse, n - 1, all prime to the line count) */
        const char *texts[] = {cat, cat2};
        for (size_t k = 0; k < 2; k++) {
            size_t nlines = 0;
            for (const char *p = texts[k]; *p; p++)
                nlines += *p == '\n';
            size_t steps[] = {1, 7, 5, nlines - 1};
            for (size_t s = 0; s < 4; s++) {
                if (gcd(nlines, steps[s]) != 1)
                    continue;
                char *sh = shuffle_lines(texts[k], steps[s]);
                if (steps[s] != 1)
                    assert_string_not_equal(sh, texts[k]);
                m = new_ex(gaz, units[u]);
                assert_int_equal(read_text(m, "mixed.pairs", sh, &err), 0);
                assert_same_network(all, m);
                sg_extractor_free(m);
                free(sh);
            }
        }
        /* the same shard twice counts twice: documents 2, weights doubled */
        m = new_ex(gaz, units[u]);
        assert_int_equal(read_text(m, "a.pairs", ta, &err), 0);
        assert_int_equal(read_text(m, "a.pairs", ta, &err), 0);
        assert_int_equal(sg_extractor_documents(m), 2);
        sg_graph *g1, *g2;
        assert_int_equal(sg_extractor_graph(&g1, a, 0, &err), 0);
        assert_int_equal(sg_extractor_graph(&g2, m, 0, &err), 0);
        assert_int_equal(sg_graph_edge_count(g1), sg_graph_edge_count(g2));
        assert_int_equal(sg_graph_units(g2), 2 * sg_graph_units(g1));
        for (size_t e = 0; e < sg_graph_edge_count(g1); e++) {
            double w1, w2;
            long d1, d2;
            sg_graph_edge(g1, e, NULL, NULL, &w1, &d1);
            sg_graph_edge(g2, e, NULL, NULL, &w2, &d2);
            assert_true(w2 == 2 * w1);
            assert_int_equal(d2, 2 * d1);
        }
        sg_graph_free(g1);
        sg_graph_free(g2);
        sg_extractor_free(m);

        /* shards read into an extractor that has documents of its own: the
         * extractor saw d1 itself, then reads the counts of d2 + d3 */
        m = new_ex(gaz, units[u]);
        add(m, "d1", D1);
        assert_int_equal(read_text(m, "b.pairs", tb, &err), 0);
        assert_same_network(all, m);
        sg_extractor_free(m);

        free(ta);
        free(tb);
        free(cat);
        free(cat2);
        sg_extractor_free(a);
        sg_extractor_free(b);
        sg_extractor_free(all);
    }
    sg_gazetteer_free(gaz);
}

static int mentions_seen;
static const sg_gazetteer *the_gazetteer; /* for assert_empty */

static int count_mention(const sg_mention *m, void *ctx)
{
    (void)m;
    (void)ctx;
    mentions_seen++;
    return 0;
}

/* A fork of `parent` that has counted the documents of `docs` ("1", "23", ...). */
static sg_extractor *fork_with(const sg_extractor *parent, const char *docs)
{
    sg_error err;
    sg_extractor *f;
    const char *text[] = {D1, D2, D3}, *name[] = {"d1", "d2", "d3"};
    assert_int_equal(sg_extractor_fork(&f, parent, &err), 0);
    for (const char *d = docs; *d; d++)
        add(f, name[*d - '1'], text[*d - '1']);
    return f;
}

static void assert_empty(const sg_extractor *ex, const char *unit)
{
    char head[256], want[400];
    header(head, sizeof(head), the_gazetteer, unit, 50);
    snprintf(want, sizeof(want), "%s\ndocuments\t0\nunits\t0\n", head);
    char *got = counts_of(ex);
    assert_string_equal(got, want);
    free(got);
    assert_int_equal(sg_extractor_documents(ex), 0);
}

static void fork_and_merge_equal_one_extractor(void **state)
{
    (void)state;
    sg_gazetteer *gaz = load_gaz(GAZ);
    the_gazetteer = gaz;
    sg_error err;
    const char *units[] = {"sentence", "paragraph", "document", "window:4"};
    for (size_t u = 0; u < 4; u++) {
        sg_extractor *all = direct(gaz, units[u]);
        sg_extractor *parent = new_ex(gaz, units[u]);
        sg_extractor_on_mention(parent, count_mention, NULL);
        mentions_seen = 0;
        sg_extractor *f1 = fork_with(parent, "1"), *f2 = fork_with(parent, "23");
        assert_int_equal(mentions_seen, 0); /* callbacks are not inherited */
        assert_int_equal(sg_extractor_documents(parent), 0);
        assert_int_equal(sg_extractor_documents(f2), 2);
        /* into an empty parent (its pair table is the smaller one), then a
         * fork with fewer pairs than the parent now holds */
        assert_int_equal(sg_extractor_merge(parent, f1, &err), 0);
        assert_int_equal(sg_extractor_merge(parent, f2, &err), 0);
        assert_int_equal(sg_extractor_documents(parent), 3);
        assert_same_network(all, parent);
        /* the counts were moved: the forks are left empty */
        assert_empty(f1, units[u]);
        assert_empty(f2, units[u]);
        sg_extractor_free(f1);
        sg_extractor_free(f2);

        /* the other order of merging gives the same */
        sg_extractor *p2 = new_ex(gaz, units[u]);
        f1 = fork_with(p2, "1");
        f2 = fork_with(p2, "23");
        assert_int_equal(sg_extractor_merge(p2, f2, &err), 0);
        assert_int_equal(sg_extractor_merge(p2, f1, &err), 0);
        assert_same_network(all, p2);
        sg_extractor_free(f1);
        sg_extractor_free(f2);

        /* a fork goes on counting after its counts were moved: documents it
         * sees next are numbered from 0 again, and must still count */
        sg_extractor *p3 = new_ex(gaz, units[u]), *f3 = fork_with(p3, "1");
        assert_int_equal(sg_extractor_merge(p3, f3, &err), 0);
        add(f3, "d2", D2);
        add(f3, "d3", D3);
        assert_int_equal(sg_extractor_merge(p3, f3, &err), 0);
        assert_same_network(all, p3);
        sg_extractor_free(f3);
        sg_extractor_free(p3);

        /* the parent goes on counting after a merge, whichever table was
         * kept: into {d2} (1 pair) from {d1} (4 pairs) swaps the tables, then
         * the parent adds d3 (whose pairs overlap d1's) */
        sg_extractor *p4 = new_ex(gaz, units[u]);
        add(p4, "d2", D2);
        f3 = fork_with(p4, "1");
        assert_int_equal(sg_extractor_merge(p4, f3, &err), 0);
        add(p4, "d3", D3);
        assert_same_network(all, p4);
        /* ... and the other way: into {d1} from {d2} */
        sg_extractor *p5 = new_ex(gaz, units[u]);
        add(p5, "d1", D1);
        sg_extractor *f5 = fork_with(p5, "2");
        assert_int_equal(sg_extractor_merge(p5, f5, &err), 0);
        add(p5, "d3", D3);
        assert_same_network(all, p5);
        /* ... and {d2} from {d1, d3}, sharing the pair marseille-nice */
        sg_extractor *p6 = new_ex(gaz, units[u]);
        add(p6, "d2", D2);
        sg_extractor *f6 = fork_with(p6, "13");
        assert_int_equal(sg_extractor_merge(p6, f6, &err), 0);
        assert_same_network(all, p6);

        /* merge + write_counts + read_counts: still the same */
        char *text = counts_of(parent);
        sg_extractor *back = new_ex(gaz, units[u]);
        assert_int_equal(read_text(back, "merged.pairs", text, &err), 0);
        assert_same_network(all, back);

        free(text);
        sg_extractor_free(back);
        sg_extractor_free(f6);
        sg_extractor_free(p6);
        sg_extractor_free(f5);
        sg_extractor_free(p5);
        sg_extractor_free(f3);
        sg_extractor_free(p4);
        sg_extractor_free(p2);
        sg_extractor_free(parent);
        sg_extractor_free(all);
    }

    /* merging extractors of other options or another gazetteer is refused,
     * and changes neither */
    sg_extractor *s = direct(gaz, "sentence"), *p = direct(gaz, "paragraph");
    char *before = counts_of(s), *pbefore = counts_of(p);
    assert_int_equal(sg_extractor_merge(s, p, &err), SG_ERR_INVALID);
    char *pafter = counts_of(p);
    assert_string_equal(pbefore, pafter);
    sg_extract_options o;
    sg_extract_options_init(&o);
    o.max_unit_actors = 3;
    sg_extractor *capped;
    assert_int_equal(sg_extractor_new(&capped, gaz, &o, &err), 0);
    assert_int_equal(sg_extractor_merge(s, capped, &err), SG_ERR_INVALID);
    sg_gazetteer *other = load_gaz(GAZ_OTHER);
    sg_extractor *ox = direct(other, "sentence");
    assert_int_equal(sg_extractor_merge(s, ox, &err), SG_ERR_INVALID);
    char *after = counts_of(s);
    assert_string_equal(before, after);
    assert_int_equal(sg_extractor_documents(s), 3);
    free(before);
    free(after);
    free(pbefore);
    free(pafter);
    sg_extractor_free(ox);
    sg_gazetteer_free(other);
    sg_extractor_free(capped);
    sg_extractor_free(p);
    sg_extractor_free(s);
    sg_gazetteer_free(gaz);
}

typedef struct {
    const char *what;   /* the case */
    const char *text;   /* after the header line when it starts with '+' */
    long line;          /* the line the error must name (0: the whole file) */
    const char *substr; /* in the message: SG_ERR_LIMIT when "too large", else SG_ERR_PARSE */
} bad_case;

static void errors_name_the_line_and_change_nothing(void **state)
{
    (void)state;
    sg_gazetteer *gaz = load_gaz(GAZ), *other = load_gaz(GAZ_OTHER);
    sg_error err;
    char head[256], other_head[256], para_head[256], cap_head[256], v2_head[256];
    header(head, sizeof(head), gaz, "sentence", 50);
    header(other_head, sizeof(other_head), other, "sentence", 50);
    header(para_head, sizeof(para_head), gaz, "paragraph", 50);
    header(cap_head, sizeof(cap_head), gaz, "sentence", 7);
    snprintf(v2_head, sizeof(v2_head), "%s", head);
    v2_head[strlen("#stakegraph-counts\t")] = '3';

    /* Lines 1-4 are valid (header, documents, units, a node) and would change
     * the counts: after the error they must not be counted. */
    const char *ok4 = "documents\t5\nunits\t9\nnode\torg:ars\t1\t1\t1\n";
    char other_hdr_line[300], para_line[300], cap_line[300], v2_line[300];
    snprintf(other_hdr_line, sizeof(other_hdr_line), "+%s%s\n", ok4, other_head);
    snprintf(para_line, sizeof(para_line), "+%s%s\n", ok4, para_head);
    snprintf(cap_line, sizeof(cap_line), "+%s%s\n", ok4, cap_head);
    snprintf(v2_line, sizeof(v2_line), "+%s%s\n", ok4, v2_head);
    char headless[300], other_first[300];
    snprintf(headless, sizeof(headless), "%spair\torg:ars\tplace:nice\t1\t1\n", ok4);
    snprintf(other_first, sizeof(other_first), "%s\n%s", other_head, ok4);
    const bad_case cases[] = {
        /* counts no extraction gives */
        {"pair of weight 0", "+documents\t1\nunits\t2\npair\torg:ars\tplace:nice\t0\t0\n", 4,
         "1 <= documents <= weight"},
        {"pair in more documents than units",
         "+documents\t1\nunits\t2\npair\torg:ars\tplace:nice\t1\t2\n", 4,
         "1 <= documents <= weight"},
        {"node in more documents than units", "+documents\t1\nunits\t2\nnode\torg:ars\t3\t2\t1\n",
         4, "1 <= documents <= units <= mentions"},
        {"node in more units than mentions", "+documents\t1\nunits\t2\nnode\torg:ars\t1\t1\t2\n", 4,
         "1 <= documents <= units <= mentions"},
        {"count not a number", "+documents\t1\nunits\t2\nnode\torg:ars\t2\t1x\t2\n", 4,
         "expected: node, id, mentions, documents, units"},
        {"negative weight", "+documents\t1\nunits\t2\npair\torg:ars\tplace:nice\t-1\t1\n", 4,
         "expected: pair, id, id, weight, documents"},
        {"count above 2^63-1",
         "+documents\t1\nunits\t2\nnode\torg:ars\t9223372036854775808\t1\t1\n", 4,
         "node 'org:ars': a count too large (over 2^63-1 = 9223372036854775807)"},
        {"documents above 2^63-1", "+documents\t99999999999999999999\nunits\t2\n", 2,
         "documents: count 99999999999999999999 too large (over 2^63-1"},
        {"weight above 2^63-1",
         "+documents\t1\nunits\t2\npair\torg:ars\tplace:nice\t18446744073709551617\t1\n", 4,
         "pair 'org:ars' 'place:nice': a count too large"},
        {"a pair's sum above 2^63-1",
         "+documents\t1\nunits\t2\nnode\torg:ars\t1\t1\t1\nnode\tplace:nice\t1\t1\t1\n"
         "pair\torg:ars\tplace:nice\t9223372036854775807\t1\n"
         "pair\tplace:nice\torg:ars\t1\t1\n",
         7, "pair 'place:nice' 'org:ars': sum too large (over 2^63-1"},
        {"a node's sum above 2^63-1",
         "+documents\t1\nunits\t2\nnode\torg:ars\t9223372036854775807\t1\t1\n"
         "node\torg:ars\t1\t1\t1\n",
         5, "node 'org:ars': sum too large"},
        /* digits only: none of strtol's other forms */
        {"count with a plus sign", "+documents\t+1\n", 2, "expected: documents, a count"},
        {"count after a space", "+documents\t1\nunits\t 2\n", 3, "expected: units, a count"},
        {"count before a space", "+documents\t1\nunits\t2 \n", 3, "expected: units, a count"},
        {"hexadecimal count", "+documents\t1\nunits\t2\nnode\torg:ars\t0x10\t1\t1\n", 4,
         "expected: node"},
        {"count with an exponent", "+documents\t1e3\n", 2, "expected: documents, a count"},
        /* a file cut short: a last line without its line break */
        {"cut in a number", "+documents\t1\nunits\t2\nnode\torg:ars\t1\t1\t1", 4,
         "truncated line (no newline at the end of the file)"},
        {"cut after a tab", "+documents\t1\nunits\t2\nnode\torg:ars\t1\t", 4, "truncated line"},
        {"cut in an id", "+documents\t1\nunits\t2\nnode\torg:a", 4, "truncated line"},
        {"cut in a name",
         "+documents\t1\nunits\t2\nnode\torg:ars\t1\t1\t1\nnode\tplace:nice\t1\t1\t1\n"
         "pair\torg:ars\tplace:nice\t1\t1\td1.t",
         6, "truncated line"},
        {"cut between CR and LF", "+documents\t1\r\nunits\t2\r", 3, "truncated line"},
        {"cut after the header", "+", 0, "1 header but 0 'documents' and 0 'units' lines"},
        {"cut after documents", "+documents\t1\n", 0,
         "1 header but 1 'documents' and 0 'units' lines"},
        {"a second shard cut after its header",
         "+documents\t1\nunits\t2\nnode\torg:ars\t1\t1\t1\n#HEAD\n", 0,
         "2 headers but 1 'documents' and 1 'units' line"},
        {"empty count", "+documents\t1\nunits\t2\npair\torg:ars\tplace:nice\t\t1\n", 4,
         "expected: pair"},
        {"missing field", "+documents\t1\nunits\t2\nnode\torg:ars\t1\t1\n", 4, "expected: node"},
        {"extra field", "+documents\t1\nunits\t2\nnode\torg:ars\t1\t1\t1\t1\n", 4,
         "expected: node"},
        {"bad documents", "+documents\t1\nunits\tmany\n", 3, "expected: units, a count"},
        {"documents with two counts", "+documents\t1\t2\n", 2, "expected: documents, a count"},
        {"unknown id", "+documents\t1\nunits\t2\nnode\torg:nope\t1\t1\t1\n", 4,
         "'org:nope' is not in the gazetteers"},
        {"unknown second id", "+documents\t1\nunits\t2\npair\torg:ars\tplace:lyon\t1\t1\n", 4,
         "'place:lyon' is not in the gazetteers"},
        {"pair with itself", "+documents\t1\nunits\t2\npair\torg:ars\torg:ars\t1\t1\n", 4,
         "a pair of 'org:ars' with itself"},
        {"not a counts line", "+documents\t1\nunits\t2\n<graphml>\n", 4,
         "not a line of a counts file"},
        {"GraphML", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml>\n", 1,
         "not a line of a counts file"},
        {"missing header", headless, 0, "no '#stakegraph-counts' header"},
        {"empty file", "", 0, "empty: not a counts file"},
        {"blank lines only", "\n\n", 0, "no '#stakegraph-counts' header"},
        {"another gazetteer (first line)", other_first, 1, "made with another gazetteer"},
        {"another gazetteer (line 5)", other_hdr_line, 5, "give merge the same gazetteers"},
        {"another unit", para_line, 5, "made with unit=paragraph, expected unit=sentence"},
        {"another --max-unit-actors", cap_line, 5,
         "made with max-unit-actors=7, expected max-unit-actors=50"},
        {"another format version", v2_line, 5, "counts file format 3"},
        {"more names than documents",
         "+documents\t2\nunits\t2\nnode\torg:ars\t1\t1\t1\nnode\torg:aphm\t1\t1\t1\n"
         "pair\torg:aphm\torg:ars\t2\t1\ta\tb\n",
         6, "more document names than documents"},
        {"four names", "+documents\t1\nunits\t2\npair\torg:aphm\torg:ars\t9\t9\ta\tb\tc\td\n", 4,
         "up to 3 document names"},
        {"bad escape in a name", "+documents\t1\nunits\t2\npair\torg:aphm\torg:ars\t1\t1\ta\\x\n",
         4, "up to 3 document names"},
        {"empty name", "+documents\t1\nunits\t2\npair\torg:aphm\torg:ars\t1\t1\t\n", 4,
         "up to 3 document names"},
        {"malformed header", "+#stakegraph-counts\t2\tunit=sentence\n", 2,
         "made with ?, expected max-unit-actors=50"},
    };
    for (size_t u = 0; u < 2; u++) {
        /* u = 0: an extractor that already holds shard A's counts (read from a
         * file: it will not adopt options again); u = 1: one that counted d1
         * itself */
        sg_extractor *ex = new_ex(gaz, NULL);
        if (u == 0) {
            char *h = concat(head, "\n"), *a = concat(h, SHARD_A_BODY);
            assert_int_equal(read_text(ex, "a.pairs", a, &err), 0);
            free(h);
            free(a);
        } else {
            add(ex, "d1", D1);
        }
        char *before = counts_of(ex);
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
            const bad_case *c = &cases[i];
            char text[1024];
            if (c->text[0] == '+')
                snprintf(text, sizeof(text), "%s\n%s", head, c->text + 1);
            else
                snprintf(text, sizeof(text), "%s", c->text);
            char *h2 = strstr(text, "#HEAD");
            if (h2) /* a second header */
                snprintf(h2, sizeof(text) - (size_t)(h2 - text), "%s\n", head);
            int rc = read_text(ex, "bad.pairs", text, &err);
            int code = strstr(c->substr, "too large") ? SG_ERR_LIMIT : SG_ERR_PARSE;
            if (rc != code || err.line != c->line || strcmp(err.file, "bad.pairs") ||
                !strstr(err.message, c->substr))
                fail_msg("%s: rc %d line %ld file '%s' message '%s' (wanted line %ld, '%s')",
                         c->what, rc, err.line, err.file, err.message, c->line, c->substr);
            char *after = counts_of(ex);
            if (strcmp(before, after))
                fail_msg("%s: the extractor changed:\n%s\nbecame\n%s", c->what, before, after);
            free(after);
            assert_int_equal(sg_extractor_documents(ex), 1);
            char buf[1200];
            sg_error_format(&err, buf, sizeof(buf));
            if (c->line)
                assert_non_null(strstr(buf, "bad.pairs:"));
            else
                assert_non_null(strstr(buf, "bad.pairs"));
        }
        /* a NUL byte in a line */
        char nul[300];
        int n = snprintf(nul, sizeof(nul), "%s\ndocuments\t1\nunits", head);
        memcpy(nul + n, "\0\t2\n", 4);
        assert_int_equal(read_n(ex, "nul.pairs", nul, (size_t)n + 4, &err), SG_ERR_PARSE);
        assert_int_equal(err.line, 3);
        assert_non_null(strstr(err.message, "NUL"));
        /* sums beyond 2^63 - 1: 1,100 lines of 2^53 documents */
        size_t cap = 1100 * 32 + 300, len = 0;
        char *big = malloc(cap);
        len += (size_t)snprintf(big, cap, "%s\n", head);
        for (int k = 0; k < 1100; k++)
            len += (size_t)snprintf(big + len, cap - len, "documents\t9007199254740992\n");
        assert_true(len < BUF);
        assert_int_equal(read_n(ex, "big.pairs", big, len, &err), SG_ERR_LIMIT);
        assert_int_equal(err.line, 1 + 1024); /* 1024 x 2^53 = 2^63 */
        assert_non_null(strstr(err.message, "too large"));
        free(big);
        char *after = counts_of(ex);
        assert_string_equal(before, after);
        free(after);

        /* after all those errors, good counts still read */
        char *h = concat(head, "\n"), *a = concat(h, SHARD_A_BODY);
        assert_int_equal(read_text(ex, "a2.pairs", a, &err), 0);
        assert_int_equal(sg_extractor_documents(ex), 2);
        free(h);
        free(a);
        free(before);
        sg_extractor_free(ex);
    }
    sg_gazetteer_free(other);
    sg_gazetteer_free(gaz);
}

static void a_fresh_extractor_adopts_the_first_header(void **state)
{
    (void)state;
    sg_gazetteer *gaz = load_gaz(GAZ);
    sg_error err;
    char head[256], para_head[256], win_head[256];
    header(head, sizeof(head), gaz, "sentence", 50);
    header(para_head, sizeof(para_head), gaz, "paragraph", 50);
    header(win_head, sizeof(win_head), gaz, "window:5", 7);

    /* a fresh extractor made for sentences reads paragraph counts: it takes
     * the paragraph unit, and writes them back with that header */
    sg_extractor *para = direct(gaz, "paragraph");
    char *ptext = counts_of(para);
    sg_extractor *ex = new_ex(gaz, NULL);
    assert_int_equal(read_text(ex, "p.pairs", ptext, &err), 0);
    char *got = counts_of(ex);
    assert_string_equal(got, ptext);
    assert_non_null(strstr(got, "unit=paragraph"));
    free(got);
    assert_same_network(para, ex);

    /* from then on, counts of another unit are refused, as made with other
     * options than the counts read before */
    sg_extractor *sent = direct(gaz, NULL);
    char *stext = counts_of(sent);
    assert_int_equal(read_text(ex, "s.pairs", stext, &err), SG_ERR_PARSE);
    assert_int_equal(err.line, 1);
    assert_non_null(strstr(err.message, "made with unit=sentence, expected unit=paragraph"));
    assert_non_null(strstr(err.message, "as the counts read before"));
    assert_same_network(para, ex);
    sg_extractor_free(ex);

    /* the adopted unit is used for the documents added afterwards: paragraph
     * counts of d1 + d2, then d3 added, equal the paragraph run over all */
    sg_extractor *p12 = new_ex(gaz, "paragraph");
    add(p12, "d1", D1);
    add(p12, "d2", D2);
    char *p12text = counts_of(p12);
    ex = new_ex(gaz, NULL);
    assert_int_equal(read_text(ex, "p12.pairs", p12text, &err), 0);
    add(ex, "d3", D3);
    assert_same_network(para, ex);
    sg_extractor_free(ex);

    /* window:N and --max-unit-actors are adopted too */
    char *wbody = concat(win_head, "\ndocuments\t1\nunits\t4\nnode\torg:ars\t1\t1\t1\n");
    ex = new_ex(gaz, NULL);
    assert_int_equal(read_text(ex, "w.pairs", wbody, &err), 0);
    got = counts_of(ex);
    assert_non_null(strstr(got, "\tunit=window:5\tmax-unit-actors=7\t"));
    free(got);
    sg_extractor_free(ex);

    /* the first header wins even when it comes after node lines (lines in any
     * order), and a later header of another unit in the same file is refused */
    char mixed[2048];
    snprintf(mixed, sizeof(mixed), "documents\t1\nnode\torg:ars\t1\t1\t1\n%s\n%s\n", para_head,
             head);
    ex = new_ex(gaz, NULL);
    assert_int_equal(read_text(ex, "mixed.pairs", mixed, &err), SG_ERR_PARSE);
    assert_int_equal(err.line, 4);
    assert_non_null(strstr(err.message, "expected unit=paragraph"));
    /* ... and the failed read left the extractor as it was: still fresh, it
     * adopts the unit of the next good file */
    got = counts_of(ex);
    assert_non_null(strstr(got, "unit=sentence"));
    assert_non_null(strstr(got, "documents\t0\n"));
    free(got);
    assert_int_equal(read_text(ex, "w.pairs", wbody, &err), 0);
    got = counts_of(ex);
    assert_non_null(strstr(got, "unit=window:5"));
    free(got);
    sg_extractor_free(ex);

    /* an extractor that has counted documents itself keeps its options */
    ex = new_ex(gaz, NULL);
    add(ex, "d1", D1);
    assert_int_equal(read_text(ex, "p.pairs", ptext, &err), SG_ERR_PARSE);
    assert_int_equal(err.line, 1);
    assert_non_null(strstr(err.message, "expected unit=sentence (the options)"));
    sg_extractor_free(ex);

    /* a header of another gazetteer is not adopted (the fingerprint is not an
     * option) */
    ex = new_ex(gaz, NULL);
    char wrong[2048];
    snprintf(wrong, sizeof(wrong), "%s", para_head);
    char *g = strstr(wrong, "gazetteer=");
    memcpy(g + strlen("gazetteer="), "0123456789abcdef", 16);
    strcat(wrong, "\ndocuments\t1\n");
    assert_int_equal(read_text(ex, "g.pairs", wrong, &err), SG_ERR_PARSE);
    assert_non_null(strstr(err.message, "another gazetteer"));
    got = counts_of(ex);
    assert_non_null(strstr(got, "unit=sentence"));
    free(got);
    sg_extractor_free(ex);

    free(wbody);
    free(p12text);
    sg_extractor_free(p12);
    free(stext);
    sg_extractor_free(sent);
    free(ptext);
    sg_extractor_free(para);
    sg_gazetteer_free(gaz);
}

/* A pair whose actor has no node line anywhere: refused (the graph would
 * have an edge to no node), naming the file; a node line in counts read
 * before is enough. */
static void pairs_need_their_nodes(void **state)
{
    (void)state;
    sg_gazetteer *gaz = load_gaz(GAZ);
    char head[300], text[1024];
    sg_error err;
    header(head, sizeof(head), gaz, "sentence", 50);
    sg_extractor *ex = new_ex(gaz, NULL);
    snprintf(
        text, sizeof(text),
        "%s\ndocuments\t1\nunits\t1\nnode\torg:ars\t1\t1\t1\npair\torg:ars\tplace:nice\t1\t1\n",
        head);
    assert_int_equal(read_text(ex, "orphan.pairs", text, &err), SG_ERR_PARSE);
    assert_string_equal(err.file, "orphan.pairs");
    assert_non_null(strstr(err.message, "'place:nice', which has no node line"));
    assert_int_equal(sg_extractor_documents(ex), 0);
    /* the node in a first file, the pair in a second: fine */
    snprintf(text, sizeof(text), "%s\ndocuments\t1\nunits\t1\nnode\tplace:nice\t1\t1\t1\n", head);
    assert_int_equal(read_text(ex, "nodes.pairs", text, &err), 0);
    snprintf(
        text, sizeof(text),
        "%s\ndocuments\t1\nunits\t1\nnode\torg:ars\t1\t1\t1\npair\torg:ars\tplace:nice\t1\t1\n",
        head);
    assert_int_equal(read_text(ex, "pairs.pairs", text, &err), 0);
    sg_graph *g = NULL;
    assert_int_equal(sg_extractor_graph(&g, ex, 0, &err), 0);
    assert_int_equal(sg_graph_node_count(g), 2);
    assert_int_equal(sg_graph_edge_count(g), 1);
    sg_graph_free(g);
    sg_extractor_free(ex);
    sg_gazetteer_free(gaz);
}

/* Each edge keeps the three smallest document names, whatever the order of
 * the documents, the shards and the merges; names with tabs, line breaks and
 * backslashes go through a counts file unchanged. */
static void first_documents_are_the_smallest_names(void **state)
{
    (void)state;
    sg_gazetteer *gaz = load_gaz(GAZ);
    static const char *const names[] = {"z", "b\tx", "a\\b", "m\n", "c"};
    /* byte order: "a\\b" < "b\tx" < "c" < "m\n" < "z" */
    sg_extractor *one = new_ex(gaz, NULL), *x = new_ex(gaz, NULL), *y = new_ex(gaz, NULL);
    for (size_t i = 0; i < 5; i++) {
        add(one, names[i], D3);
        add(i % 2 ? x : y, names[4 - i], D3);
    }
    sg_error err;
    /* x (documents "m\n" and "b\tx") through a file, then merged into y */
    char *cx = counts_of(x);
    assert_non_null(strstr(cx, "\tb\\tx\tm\\n\n"));
    sg_extractor *z = new_ex(gaz, NULL);
    assert_int_equal(read_text(z, "x.pairs", cx, &err), 0);
    assert_int_equal(sg_extractor_merge(y, z, &err), 0);
    assert_same_network(one, y);
    sg_graph *g;
    assert_int_equal(sg_extractor_graph(&g, one, 0, &err), 0);
    assert_int_equal(sg_graph_edge_count(g), 3);
    for (size_t e = 0; e < 3; e++) {
        const char *const *n;
        assert_int_equal(sg_graph_edge_first_documents(g, e, &n), 3);
        assert_string_equal(n[0], "a\\b");
        assert_string_equal(n[1], "b\tx");
        assert_string_equal(n[2], "c");
    }
    sg_graph_free(g);
    free(cx);
    sg_extractor_free(one);
    sg_extractor_free(x);
    sg_extractor_free(y);
    sg_extractor_free(z);
    sg_gazetteer_free(gaz);
}

/* A shard cut at any byte: a cut inside a line (no line break at the end) is
 * refused naming that line; a cut at a line break before the units line
 * leaves a shard without its totals, refused; a cut at a later line break
 * gives fewer lines, which no format without a trailer can tell apart. */
static void truncated_shards_are_refused(void **state)
{
    (void)state;
    sg_gazetteer *gaz = load_gaz(GAZ);
    sg_extractor *all = direct(gaz, NULL);
    char *text = counts_of(all);
    size_t len = strlen(text);
    long lines = 0, units_end = 0;
    for (size_t k = 0; k < len; k++)
        if (text[k] == '\n' && ++lines == 3)
            units_end = (long)k + 1; /* header, documents, units */
    sg_error err;
    for (size_t k = 1; k < len; k++) {
        sg_extractor *ex = new_ex(gaz, NULL);
        int rc = read_n(ex, "cut.pairs", text, k, &err);
        long line = 1;
        for (size_t i = 0; i < k; i++)
            line += text[i] == '\n';
        if (text[k - 1] != '\n') {
            if (rc != SG_ERR_PARSE || err.line != line ||
                !strstr(err.message, "truncated line (no newline at the end of the file)"))
                fail_msg("cut at byte %zu: rc %d line %ld '%s'", k, rc, err.line, err.message);
        } else if ((long)k < units_end) {
            if (rc != SG_ERR_PARSE || err.line != 0 || !strstr(err.message, "cut short"))
                fail_msg("cut at byte %zu: rc %d '%s'", k, rc, err.message);
        } else {
            assert_int_equal(rc, 0);
        }
        if (rc)
            assert_int_equal(sg_extractor_documents(ex), 0);
        sg_extractor_free(ex);
    }
    /* the whole file reads, and so does a last line that ends in CR LF */
    sg_extractor *ex = new_ex(gaz, NULL);
    assert_int_equal(read_n(ex, "whole.pairs", text, len, &err), 0);
    assert_same_network(all, ex);
    sg_extractor_free(ex);
    free(text);
    sg_extractor_free(all);
    sg_gazetteer_free(gaz);
}

/* A shard with these totals and one pair of weight and documents `w`
 * between org:ars and place:nice, as write_counts writes it. */
static char *big_shard(const sg_gazetteer *gaz, const char *w)
{
    char head[256], *text = malloc(1024);
    assert_non_null(text);
    header(head, sizeof(head), gaz, "sentence", 50);
    snprintf(text, 1024,
             "%s\ndocuments\t%s\nunits\t%s\nnode\torg:ars\t%s\t%s\t%s\n"
             "node\tplace:nice\t%s\t%s\t%s\npair\torg:ars\tplace:nice\t%s\t%s\td\n",
             head, w, w, w, w, w, w, w, w, w, w);
    return text;
}

/* Counts are 64-bit integers: up to 2^63 - 1 a counts file is read and
 * written back exactly (merge -f pairs is lossless); a network holds weights
 * as doubles, so one over 2^53 is refused with a message saying so, and 2^53
 * itself is exact. */
static void counts_up_to_2p63_round_trip(void **state)
{
    (void)state;
    sg_gazetteer *gaz = load_gaz(GAZ);
    sg_error err;
    const char *values[] = {"9007199254740992", "9007199254740993", "123456789012345678",
                            "9223372036854775807"};
    for (size_t i = 0; i < 4; i++) {
        char *text = big_shard(gaz, values[i]);
        sg_extractor *ex = new_ex(gaz, NULL), *back = new_ex(gaz, NULL);
        assert_int_equal(read_text(ex, "big.pairs", text, &err), 0);
        char *out = counts_of(ex);
        assert_string_equal(out, text);
        assert_int_equal(read_text(back, "out.pairs", out, &err), 0);
        char *again = counts_of(back);
        assert_string_equal(again, text);
        sg_error_clear(&err);
        int rc = sg_extractor_check_network(ex, &err);
        if (i == 0) {
            assert_int_equal(rc, 0);
            sg_graph *g;
            assert_int_equal(sg_extractor_graph(&g, ex, 0, &err), 0);
            double w;
            sg_graph_edge(g, 0, NULL, NULL, &w, NULL);
            assert_true(w == 9007199254740992.0);
            sg_graph_free(g);
        } else {
            assert_int_equal(rc, SG_ERR_LIMIT);
            sg_graph *g = NULL; /* and the library refuses it too, whoever calls it */
            assert_int_equal(sg_extractor_graph(&g, ex, 0, &err), SG_ERR_LIMIT);
            assert_null(g);
            char want[200];
            snprintf(want, sizeof(want), "pair 'org:ars' 'place:nice': weight %s: ", values[i]);
            assert_non_null(strstr(err.message, want));
            assert_non_null(strstr(err.message, "networks hold weights exactly only up to 2^53 = "
                                                "9007199254740992; keep writing .pairs counts"));
        }
        free(again);
        free(out);
        free(text);
        sg_extractor_free(back);
        sg_extractor_free(ex);
    }

    /* an actor's units over 2^53 with every weight below: refused too */
    char head[256], text[1024];
    header(head, sizeof(head), gaz, "sentence", 50);
    snprintf(text, sizeof(text),
             "%s\ndocuments\t1\nunits\t9007199254740993\n"
             "node\torg:ars\t9007199254740993\t1\t9007199254740993\n",
             head);
    sg_extractor *ex = new_ex(gaz, NULL);
    assert_int_equal(read_text(ex, "units.pairs", text, &err), 0);
    assert_int_equal(sg_extractor_check_network(ex, &err), SG_ERR_LIMIT);
    assert_non_null(strstr(err.message, "node 'org:ars': units 9007199254740993: networks hold "
                                        "units exactly only up to 2^53"));
    sg_extractor_free(ex);
    assert_int_equal(sg_extractor_check_network(NULL, &err), SG_ERR_INVALID);
    sg_gazetteer_free(gaz);
}

/* Sums over 2^63 - 1 across files: refused, naming the pair (or actor, or
 * total) and that it is with the counts read before. */
static void sums_over_2p63_name_the_pair(void **state)
{
    (void)state;
    sg_gazetteer *gaz = load_gaz(GAZ);
    sg_error err;
    char *max = big_shard(gaz, "9223372036854775807"),
         *half = big_shard(gaz, "4611686018427387904");
    /* a pair: the totals and nodes are smaller in the first file */
    char head[256], small[1024];
    header(head, sizeof(head), gaz, "sentence", 50);
    snprintf(small, sizeof(small),
             "%s\ndocuments\t1\nunits\t1\nnode\torg:ars\t1\t1\t1\nnode\tplace:nice\t1\t1\t1\n"
             "pair\torg:ars\tplace:nice\t4611686018427387904\t1\n",
             head);
    sg_extractor *ex = new_ex(gaz, NULL);
    assert_int_equal(read_text(ex, "a.pairs", small, &err), 0);
    assert_int_equal(read_text(ex, "b.pairs", half, &err), SG_ERR_LIMIT);
    assert_string_equal(err.file, "b.pairs");
    assert_int_equal(err.line, 0);
    assert_string_equal(err.message, "pair 'org:ars' 'place:nice': sum too large (over 2^63-1 = "
                                     "9223372036854775807) with the counts read before");
    sg_extractor_free(ex);
    /* an actor */
    snprintf(small, sizeof(small),
             "%s\ndocuments\t1\nunits\t1\nnode\tplace:nice\t4611686018427387904\t1\t1\n", head);
    ex = new_ex(gaz, NULL);
    assert_int_equal(read_text(ex, "a.pairs", small, &err), 0);
    assert_int_equal(read_text(ex, "b.pairs", small, &err), SG_ERR_LIMIT);
    assert_non_null(strstr(err.message, "node 'place:nice': sum too large"));
    sg_extractor_free(ex);
    /* the documents */
    ex = new_ex(gaz, NULL);
    assert_int_equal(read_text(ex, "a.pairs", max, &err), 0);
    assert_int_equal(read_text(ex, "a2.pairs", max, &err), SG_ERR_LIMIT);
    assert_non_null(strstr(err.message, "documents: sum too large"));
    assert_non_null(strstr(err.message, "with the counts read before"));
    sg_extractor_free(ex);
    free(max);
    free(half);
    sg_gazetteer_free(gaz);
}

static void invalid_arguments(void **state)
{
    (void)state;
    sg_error err;
    sg_extractor *out = NULL;
    assert_int_equal(sg_extractor_write_counts(NULL, stdout, &err), SG_ERR_INVALID);
    assert_int_equal(sg_extractor_read_counts(NULL, "x", stdin, &err), SG_ERR_INVALID);
    assert_int_equal(sg_extractor_fork(&out, NULL, &err), SG_ERR_INVALID);
    assert_null(out);
    assert_int_equal(sg_extractor_merge(NULL, NULL, &err), SG_ERR_INVALID);
    /* a write error is reported */
    sg_gazetteer *gaz = load_gaz(GAZ);
    sg_extractor *ex = direct(gaz, NULL);
    FILE *full = fopen("/dev/full", "w");
    if (full) {
        setvbuf(full, NULL, _IONBF, 0);
        assert_int_equal(sg_extractor_write_counts(ex, full, &err), SG_ERR_IO);
        fclose(full);
    }
    sg_extractor_free(ex);
    sg_gazetteer_free(gaz);
}

static void on_same(const char *path, const char *first, void *ctx)
{
    char *log = ctx;
    strcat(log, path);
    strcat(log, "=");
    strcat(log, first);
    strcat(log, ";");
}

/* Counts files by path: each file read once, whatever its names. */
static void counts_files_read_once(void **state)
{
    (void)state;
    sg_gazetteer *gaz = load_gaz(GAZ);
    sg_extractor *ex = new_ex(gaz, NULL);
    add(ex, "d1", D1);
    char dir[] = "/tmp/sg-counts-XXXXXX", a[64], b[64], log[512] = "";
    assert_non_null(mkdtemp(dir));
    snprintf(a, sizeof(a), "%s/a.pairs", dir);
    snprintf(b, sizeof(b), "%s/b.pairs", dir);
    char *text = counts_of(ex);
    FILE *f = fopen(a, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    assert_int_equal(link(a, b), 0); /* the same file under another name */
    sg_extractor *once = new_ex(gaz, NULL), *twice = new_ex(gaz, NULL);
    const char *paths[] = {a, b, a};
    sg_error err;
    assert_int_equal(sg_extractor_read_counts_paths(once, paths, 3, on_same, log, &err), 0);
    char want[300];
    snprintf(want, sizeof(want), "%s=%s;%s=%s;", b, a, a, a);
    assert_string_equal(log, want);
    assert_int_equal(sg_extractor_read_counts_paths(twice, paths, 1, NULL, NULL, &err), 0);
    assert_same_network(once, twice);
    assert_same_network(once, ex);
    const char *missing[] = {"/nonexistent/c.pairs"};
    assert_int_equal(sg_extractor_read_counts_paths(once, missing, 1, NULL, NULL, &err), SG_ERR_IO);
    assert_string_equal(err.file, "/nonexistent/c.pairs");
    unlink(a);
    unlink(b);
    rmdir(dir);
    free(text);
    sg_extractor_free(once);
    sg_extractor_free(twice);
    sg_extractor_free(ex);
    sg_gazetteer_free(gaz);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(written_counts_are_the_hand_made_ones),
        cmocka_unit_test(read_back_gives_the_same_graph),
        cmocka_unit_test(shards_add_up_in_any_order),
        cmocka_unit_test(fork_and_merge_equal_one_extractor),
        cmocka_unit_test(errors_name_the_line_and_change_nothing),
        cmocka_unit_test(pairs_need_their_nodes),
        cmocka_unit_test(a_fresh_extractor_adopts_the_first_header),
        cmocka_unit_test(first_documents_are_the_smallest_names),
        cmocka_unit_test(truncated_shards_are_refused),
        cmocka_unit_test(counts_up_to_2p63_round_trip),
        cmocka_unit_test(sums_over_2p63_name_the_pair),
        cmocka_unit_test(invalid_arguments),
        cmocka_unit_test(counts_files_read_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
