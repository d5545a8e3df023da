/* GraphML and DOT escaping, numbers and atomic outputs (SPEC §6). */
#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "stakegraph/stakegraph.h"
#include "xmlesc.h"

/* Writes via `fn` into memory and returns the NUL-terminated bytes. */
static char *capture(void (*fn)(FILE *, const char *), const char *arg)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    fn(f, arg);
    fclose(f);
    return buf;
}

static void xml_escaping(void **state)
{
    (void)state;
    char *s = capture(sg_xml_write, "a\"b\\c<d>&e'f\x01g\th\xc3\xa9i\xff");
    assert_string_equal(s,
                        "a&quot;b\\c&lt;d&gt;&amp;e&apos;f\xef\xbf\xbdg&#9;h\xc3\xa9i\xef\xbf\xbd");
    free(s);
    /* the escapes at either end, and nothing at all */
    s = capture(sg_xml_write, "\xc3\xa9<a b>\x7f&");
    assert_string_equal(s, "\xc3\xa9&lt;a b&gt;\x7f&amp;");
    free(s);
    s = capture(sg_xml_write, "");
    assert_string_equal(s, "");
    free(s);
}

static void dot_cleaning(void **state)
{
    (void)state;
    char *s = sg_dot_clean("a\\b\"c\nd\x02\xc3\xa9<&");
    assert_string_equal(s, "a\\\\b\"c d\xef\xbf\xbd\xc3\xa9<&");
    free(s);
    /* a byte-order mark is dropped: Graphviz would skip it and find no value */
    s = sg_dot_clean("\xef\xbb\xbf");
    assert_string_equal(s, "");
    free(s);
    s = sg_dot_clean("x\xef\xbb\xbfy");
    assert_string_equal(s, "xy");
    free(s);
}

static void numbers(void **state)
{
    (void)state;
    char b[64];
    sg_format_double(b, sizeof(b), 3);
    assert_string_equal(b, "3");
    sg_format_double(b, sizeof(b), 0.25);
    assert_string_equal(b, "0.25");
    sg_format_double(b, sizeof(b), 1.0 / 3.0);
    assert_true(strtod(b, NULL) == 1.0 / 3.0);
    sg_format_double(b, sizeof(b), 1.0 / 0.0);
    assert_string_equal(b, "0");
}

/* The shortest of %.15g, %.16g and %.17g that strtod reads back as v: what
 * sg_format_double must write, however it works it out (subnormal numbers
 * are written 0). */
static void shortest_by_printf(char *buf, size_t size, double v)
{
    if (fabs(v) < DBL_MIN)
        v = 0;
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(buf, size, "%lld", (long long)v);
        return;
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* Doubles as the columns hold them (ratios, logarithms, powers, sums of
 * halves), exact binary fractions (whose decimals end in 5: printf's ties),
 * random bits over 1e-6 .. 1e17, and the neighbours of powers of ten. */
static double column_like(uint64_t *x, int kind)
{
    double a = (double)(1 + splitmix(x) % 5000), b = (double)(1 + splitmix(x) % 5000);
    uint64_t bits;
    switch (kind) {
    case 0: return a / (a + b);
    case 1: return log(a / b) / -log(1.0 / (1.0 + (double)(splitmix(x) % 1000000)));
    case 2: return pow(1.0 - a / 5001.0, b / 20.0);
    case 3: return (double)(splitmix(x) % (1u << 22)) / ldexp(1.0, (int)(splitmix(x) % 60));
    case 4: return (double)(splitmix(x) % 100000000000u) / 1e5 + (double)(splitmix(x) % 3) * 0.5;
    default:
        bits = (splitmix(x) & 0x800FFFFFFFFFFFFFu) | ((1003 + splitmix(x) % 80) << 52);
        memcpy(&a, &bits, sizeof(a));
        return a;
    }
}

static void numbers_shortest(void **state)
{
    (void)state;
    char got[64], want[64];
    uint64_t x = 16;
    for (int i = 0; i < 300000; i++) {
        double v = column_like(&x, i % 6);
        sg_format_double(got, sizeof(got), v);
        shortest_by_printf(want, sizeof(want), v);
        if (strcmp(got, want))
            fail_msg("%.17g: %s, not %s", v, got, want);
    }
    /* integers (formatted without printf) on both sides of each power of ten,
     * up to 10^15 (from there, written as other doubles) */
    for (int e = 0; e <= 15; e++)
        for (int d = -2; d <= 2; d++)
            for (int sign = -1; sign <= 1; sign += 2) {
                double v = sign * (pow(10, e) + d);
                sg_format_double(got, sizeof(got), v);
                shortest_by_printf(want, sizeof(want), v);
                assert_string_equal(got, want);
            }
    for (int e = -6; e <= 16; e++)
        for (double v = pow(10, e), i = 0; i < 40; i++, v = nextafter(v, 0)) {
            sg_format_double(got, sizeof(got), v);
            shortest_by_printf(want, sizeof(want), v);
            assert_string_equal(got, want);
        }
}

/* A graph from a tiny gazetteer with hostile labels. */
static sg_graph *hostile_graph(sg_gazetteer **gaz)
{
    const char *tsv = "id\tlabel\ttype\tnote\n"
                      "a\"1\tLe \"Quote\" & <Co> Santé\torganisation\tx\\y\n"
                      "b\\2\tBack\\slash Été\tperson\t\n";
    const char *text = "Le \"Quote\" & <Co> Santé et Back\\slash Été.";
    sg_error err;
    sg_extractor *ex;
    sg_graph *g;
    assert_int_equal(sg_gazetteer_new(gaz, &err), 0);
    assert_int_equal(sg_gazetteer_load_buffer(*gaz, "h.tsv", tsv, strlen(tsv), &err), 0);
    assert_int_equal(sg_extractor_new(&ex, *gaz, NULL, &err), 0);
    assert_int_equal(sg_extractor_add(ex, "d", text, strlen(text), &err), 0);
    assert_int_equal(sg_extractor_graph(&g, ex, 0, &err), 0);
    sg_extractor_free(ex);
    return g;
}

static char *export_to_memory(const sg_graph *g, sg_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    sg_error err;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(sg_export(g, fmt, f, &err), 0);
    fclose(f);
    return buf;
}

static void graphml_hostile_labels(void **state)
{
    (void)state;
    sg_gazetteer *gaz;
    sg_graph *g = hostile_graph(&gaz);
    assert_int_equal(sg_graph_node_count(g), 2);
    assert_int_equal(sg_graph_edge_count(g), 1);
    char *x = export_to_memory(g, SG_FORMAT_GRAPHML);
    assert_non_null(strstr(x, "<node id=\"a&quot;1\">"));
    assert_non_null(strstr(x, "Le &quot;Quote&quot; &amp; &lt;Co&gt; Santé"));
    assert_non_null(strstr(x, "Back\\slash \xc3\x89t\xc3\xa9"));
    assert_non_null(
        strstr(x, "<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"));
    assert_non_null(strstr(x, "<edge source=\"a&quot;1\" target=\"b\\2\">"));
    free(x);
    char *d = export_to_memory(g, SG_FORMAT_DOT);
    assert_non_null(strstr(d, "strict graph"));
    assert_non_null(strstr(d, "label=\"Back\\\\slash \xc3\x89t\xc3\xa9\""));
    assert_non_null(strstr(d, "label=\"Le \\\"Quote\\\" & <Co> Santé\""));
    free(d);
    sg_graph_free(g);
    sg_gazetteer_free(gaz);
}

/* A network of more than 20,000 edges is written by two threads (the last
 * edges into memory, then after the others): the file reads back as the
 * same network, edge for edge in the same order. */
static void graphml_large(void **state)
{
    (void)state;
    enum { N = 215 }; /* 23,005 edges: all pairs of one sentence */
    size_t cap = 64 * N + 64, len = 0;
    char *tsv = malloc(cap), *text = malloc(cap);
    assert_non_null(tsv);
    assert_non_null(text);
    len = (size_t)snprintf(tsv, cap, "id\tlabel\ttype\n");
    for (int i = 0; i < N; i++)
        len += (size_t)snprintf(tsv + len, cap - len, "org:%03d\tSociete Xq%03d\torganisation\n", i,
                                i);
    len = 0;
    for (int i = 0; i < N; i++)
        len += (size_t)snprintf(text + len, cap - len, "Societe Xq%03d, ", (i * 7) % N);
    text[len - 2] = '.';
    sg_error err;
    sg_gazetteer *gaz;
    sg_extractor *ex;
    sg_graph *g, *back;
    sg_extract_options o;
    sg_extract_options_init(&o);
    o.max_unit_actors = 0; /* every pair of the sentence */
    assert_int_equal(sg_gazetteer_new(&gaz, &err), 0);
    assert_int_equal(sg_gazetteer_load_buffer(gaz, "x.tsv", tsv, strlen(tsv), &err), 0);
    assert_int_equal(sg_extractor_new(&ex, gaz, &o, &err), 0);
    assert_int_equal(sg_extractor_add(ex, "d", text, strlen(text), &err), 0);
    assert_int_equal(sg_extractor_graph(&g, ex, 0, &err), 0);
    assert_int_equal(sg_graph_edge_count(g), N * (N - 1) / 2);
    char path[] = "/tmp/sg-test-graphml-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    assert_int_equal(sg_export(g, SG_FORMAT_GRAPHML, f, &err), 0);
    fclose(f);
    assert_int_equal(sg_graph_read_graphml(&back, path, &err), 0);
    unlink(path);
    assert_int_equal(sg_graph_node_count(back), N);
    assert_int_equal(sg_graph_edge_count(back), sg_graph_edge_count(g));
    for (size_t e = 0; e < sg_graph_edge_count(g); e++) {
        size_t s1, t1, s2, t2;
        double w1, w2;
        long d1, d2;
        sg_graph_edge(g, e, &s1, &t1, &w1, &d1);
        sg_graph_edge(back, e, &s2, &t2, &w2, &d2);
        assert_string_equal(sg_graph_node_id(g, s1), sg_graph_node_id(back, s2));
        assert_string_equal(sg_graph_node_id(g, t1), sg_graph_node_id(back, t2));
        assert_true(w1 == w2);
        assert_int_equal(d1, d2);
        const char *const *n1, *const *n2; /* (one name shared by all the edges) */
        assert_int_equal(sg_graph_edge_first_documents(g, e, &n1), 1);
        assert_int_equal(sg_graph_edge_first_documents(back, e, &n2), 1);
        assert_string_equal(n1[0], "d");
        assert_string_equal(n2[0], "d");
    }
    sg_graph_free(back);
    sg_graph_free(g);
    sg_extractor_free(ex);
    sg_gazetteer_free(gaz);
    free(tsv);
    free(text);
}

/* Neither Graphviz nor igraph is reentrant: the DOT export and the pictures
 * share one lock (gv.c), the analysis another (graph.c). Threads writing DOT
 * while others analyse, lay out and draw each get the same DOT every time,
 * and nothing crashes (before those locks, 3 runs in 4 crashed). (cmocka's
 * checks are made in the main thread: a thread returns what went wrong.) */
typedef struct {
    sg_graph *g, *drawn; /* written as DOT; laid out and drawn (or NULL) */
    const char *reference;
    const char *failed;
} gv_job;

static char *dot_of(const sg_graph *g)
{
    char *buf = NULL;
    size_t len = 0;
    sg_error err;
    FILE *f = open_memstream(&buf, &len);
    int rc = f ? sg_export(g, SG_FORMAT_DOT, f, &err) : -1;
    if (f)
        fclose(f);
    if (rc) {
        free(buf);
        return NULL;
    }
    return buf;
}

static void *dot_and_pictures(void *arg)
{
    gv_job *job = arg;
    sg_error err;
    for (int k = 0; k < 30 && !job->failed; k++) {
        char *d = dot_of(job->g);
        if (!d || strcmp(d, job->reference))
            job->failed = "the DOT differs";
        free(d);
        if (job->drawn && !job->failed) {
            char *buf = NULL;
            size_t len = 0;
            FILE *f = open_memstream(&buf, &len);
            if (!f || sg_graph_layout(job->drawn, NULL, &err) ||
                sg_render(job->drawn, "svg", NULL, f, &err))
                job->failed = "no picture";
            if (f)
                fclose(f);
            if (!job->failed && !strstr(buf, "</svg>"))
                job->failed = "no SVG";
            free(buf);
        }
    }
    return NULL;
}

static void dot_and_pictures_in_threads(void **state)
{
    (void)state;
    sg_gazetteer *gaz[8];
    gv_job jobs[4];
    pthread_t t[4];
    sg_graph *first = hostile_graph(&gaz[0]);
    char *reference = export_to_memory(first, SG_FORMAT_DOT);
    for (int i = 0; i < 4; i++) {
        jobs[i] = (gv_job){i ? hostile_graph(&gaz[i]) : first, NULL, reference, NULL};
        gaz[4 + i] = NULL;
        if (i % 2 == 0)
            jobs[i].drawn = hostile_graph(&gaz[4 + i]);
    }
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, dot_and_pictures, &jobs[i]), 0);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < 4; i++) {
        if (jobs[i].failed)
            fail_msg("thread %d: %s", i, jobs[i].failed);
        sg_graph_free(jobs[i].g);
        sg_graph_free(jobs[i].drawn);
        sg_gazetteer_free(gaz[i]);
        sg_gazetteer_free(gaz[4 + i]);
    }
    free(reference);
}

static void atomic_output(void **state)
{
    (void)state;
    char dir[] = "/tmp/sg_test_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof(path), "%s/out.graphml", dir);
    FILE *f = fopen(path, "w");
    fputs("previous", f);
    fclose(f);
    sg_output *o;
    sg_error err;
    assert_int_equal(sg_output_open(&o, path, &err), 0);
    fputs("half-written", sg_output_stream(o));
    sg_output_abort(o);
    char buf[64] = {0};
    f = fopen(path, "r");
    assert_non_null(fgets(buf, sizeof(buf), f));
    fclose(f);
    assert_string_equal(buf, "previous"); /* untouched, and no temporary left */
    assert_int_equal(sg_output_open(&o, path, &err), 0);
    fputs("new", sg_output_stream(o));
    assert_int_equal(sg_output_commit(o, &err), 0);
    f = fopen(path, "r");
    assert_non_null(fgets(buf, sizeof(buf), f));
    fclose(f);
    assert_string_equal(buf, "new");
    unlink(path);
    assert_int_equal(rmdir(dir), 0); /* fails if a temporary file was left */
    /* a full device is an error, not a silent success */
    assert_int_equal(sg_output_open(&o, "/dev/full", &err), 0);
    for (int i = 0; i < 10000; i++)
        fputs("0123456789", sg_output_stream(o));
    assert_int_equal(sg_output_commit(o, &err), SG_ERR_IO);
    assert_string_equal(err.file, "/dev/full");
}

/* fsync, counted (the test is linked with -Wl,--wrap=fsync) */
int __real_fsync(int fd);
int __wrap_fsync(int fd);
static int fsyncs;

int __wrap_fsync(int fd)
{
    fsyncs++;
    return __real_fsync(fd);
}

/* Outputs are synced to disk before the rename only when asked
 * (sg_outputs_set_sync, STAKEGRAPH_SYNC=1 on the command line): each
 * temporary file at its flush and at its commit. */
static void synced_outputs(void **state)
{
    (void)state;
    char dir[] = "/tmp/sg_test_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof(path), "%s/out.graphml", dir);
    sg_output *o;
    sg_error err;
    assert_int_equal(sg_outputs_sync(), 0); /* the default */
    fsyncs = 0;
    assert_int_equal(sg_output_open(&o, path, &err), 0);
    fputs("new", sg_output_stream(o));
    assert_int_equal(sg_output_flush(o, &err), 0);
    assert_int_equal(sg_output_commit(o, &err), 0);
    assert_int_equal(fsyncs, 0);
    sg_outputs_set_sync(1);
    assert_int_equal(sg_outputs_sync(), 1);
    assert_int_equal(sg_output_open(&o, path, &err), 0);
    fputs("newer", sg_output_stream(o));
    assert_int_equal(sg_output_flush(o, &err), 0);
    assert_int_equal(fsyncs, 1);
    assert_int_equal(sg_output_commit(o, &err), 0);
    assert_int_equal(fsyncs, 2);
    /* standard output is no temporary file: never synced */
    assert_int_equal(sg_output_open(&o, "-", &err), 0);
    assert_int_equal(sg_output_commit(o, &err), 0);
    assert_int_equal(fsyncs, 2);
    sg_outputs_set_sync(0);
    char buf[16] = {0};
    FILE *f = fopen(path, "r");
    assert_non_null(fgets(buf, sizeof(buf), f));
    fclose(f);
    assert_string_equal(buf, "newer");
    unlink(path);
    assert_int_equal(rmdir(dir), 0);
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* The file's first line (or "" when it cannot be read). */
static const char *content(const char *path)
{
    static char buf[64];
    buf[0] = '\0';
    FILE *f = fopen(path, "r");
    if (f) {
        if (!fgets(buf, sizeof(buf), f))
            buf[0] = '\0';
        fclose(f);
    }
    return buf;
}

/* Removes the temporary files in `dir`; returns how many there were. */
static int remove_temporaries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    char path[512];
    for (struct dirent *e; (e = readdir(d));)
        if (strstr(e->d_name, ".tmp")) {
            snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
            assert_int_equal(unlink(path), 0);
            n++;
        }
    closedir(d);
    return n;
}

/* When one output of a set cannot be renamed into place, the others that
 * were are put back: the set is all new or all as before. */
static void outputs_all_or_none(void **state)
{
    (void)state;
    char d1[] = "/tmp/sg_test_XXXXXX", d2[] = "/tmp/sg_test_XXXXXX";
    char a[256], b[256], c[256];
    assert_non_null(mkdtemp(d1));
    assert_non_null(mkdtemp(d2));
    snprintf(a, sizeof(a), "%s/a.graphml", d1);
    snprintf(c, sizeof(c), "%s/c.graphml", d1); /* new: must not appear */
    snprintf(b, sizeof(b), "%s/b.graphml", d2);
    put(a, "old a");
    put(b, "old b");
    sg_output *o[3];
    sg_error err;
    assert_int_equal(sg_output_open(&o[0], a, &err), 0);
    assert_int_equal(sg_output_open(&o[1], c, &err), 0);
    assert_int_equal(sg_output_open(&o[2], b, &err), 0);
    for (int i = 0; i < 3; i++)
        fputs("new", sg_output_stream(o[i]));
    assert_int_equal(remove_temporaries(d2), 1); /* b's rename will fail */
    assert_int_equal(sg_outputs_commit(o, 3, &err), SG_ERR_IO);
    assert_string_equal(err.file, b);
    assert_null(o[0]);
    assert_null(o[2]);
    assert_string_equal(content(a), "old a");
    assert_string_equal(content(b), "old b");
    assert_int_equal(access(c, F_OK), -1);
    assert_int_equal(remove_temporaries(d1), 0);
    /* and when all can be, all are new */
    assert_int_equal(sg_output_open(&o[0], a, &err), 0);
    assert_int_equal(sg_output_open(&o[1], b, &err), 0);
    o[2] = NULL;
    fputs("new", sg_output_stream(o[0]));
    fputs("new", sg_output_stream(o[1]));
    assert_int_equal(sg_outputs_commit(o, 3, &err), 0);
    assert_string_equal(content(a), "new");
    assert_string_equal(content(b), "new");
    assert_int_equal(remove_temporaries(d1) + remove_temporaries(d2), 0);
    unlink(a);
    unlink(b);
    rmdir(d1);
    rmdir(d2);
}

/* A link at the name is replaced, not followed; one name, however spelt, is
 * one output at a time; a new file's mode follows the umask; the signal
 * clean-up removes temporary files; a legal long name works. */
static void output_names(void **state)
{
    (void)state;
    char dir[] = "/tmp/sg_test_XXXXXX", link[256], victim[256], dotted[256], longname[512];
    assert_non_null(mkdtemp(dir));
    snprintf(victim, sizeof(victim), "%s/victim", dir);
    snprintf(link, sizeof(link), "%s/link.graphml", dir);
    snprintf(dotted, sizeof(dotted), "%s/./link.graphml", dir);
    put(victim, "victim");
    assert_int_equal(symlink(victim, link), 0);
    sg_output *o, *again;
    sg_error err;
    assert_int_equal(sg_output_open(&o, link, &err), 0);
    assert_int_equal(sg_output_open(&again, dotted, &err), SG_ERR_INVALID);
    assert_string_equal(err.file, dotted);
    fputs("new", sg_output_stream(o));
    assert_int_equal(sg_output_commit(o, &err), 0);
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_string_equal(content(link), "new");
    assert_string_equal(content(victim), "victim");
    /* the umask, read when the output is opened */
    mode_t old = umask(077);
    assert_int_equal(unlink(link), 0);
    assert_int_equal(sg_output_open(&o, link, &err), 0);
    assert_int_equal(sg_output_commit(o, &err), 0);
    assert_int_equal(stat(link, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    umask(old);
    /* the handler's clean-up: the temporary file goes, the previous file stays */
    assert_int_equal(sg_output_open(&o, link, &err), 0);
    sg_output_remove_temporaries();
    assert_int_equal(remove_temporaries(dir), 0);
    sg_output_abort(o);
    assert_string_equal(content(link), "");
    /* 250 bytes: the temporary name is shortened to fit NAME_MAX */
    int n = snprintf(longname, sizeof(longname), "%s/", dir);
    memset(longname + n, 'x', 250);
    longname[n + 250] = '\0';
    assert_int_equal(sg_output_open(&o, longname, &err), 0);
    assert_int_equal(sg_output_commit(o, &err), 0);
    assert_int_equal(unlink(longname), 0);
    unlink(link);
    unlink(victim);
    assert_int_equal(rmdir(dir), 0);
}

/* Targets: the kind from a format name or the extension, CSV as a
 * directory, a graph written by name, nothing left when not committed. */
static void targets_by_name(void **state)
{
    (void)state;
    static const struct {
        const char *path, *format, *kind;
    } cases[] = {{"n.graphml", NULL, "graphml"}, {"n.gv", NULL, "dot"},
                 {"n.json", NULL, "json"},       {"n.gexf", NULL, "gexf"},
                 {"n.svg", NULL, "svg"},         {"n.pairs", NULL, "pairs"},
                 {"n", NULL, "graphml"},         {NULL, NULL, "graphml"},
                 {"dir", "csv", "csv"},          {"x.out", "png", "png"}};
    sg_error err;
    sg_target *t = NULL;
    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        assert_int_equal(sg_target_new(&t, cases[i].path, cases[i].format, &err), 0);
        assert_string_equal(sg_target_format(t), cases[i].kind);
        sg_target_free(t);
    }
    assert_int_equal(sg_target_new(&t, "n.csv", NULL, &err), SG_ERR_INVALID);
    assert_non_null(strstr(err.message, "-f csv -o DIR"));
    assert_int_equal(sg_target_new(&t, "-", "csv", &err), SG_ERR_INVALID);
    assert_int_equal(sg_target_new(&t, "n.txt", NULL, &err), SG_ERR_INVALID);
    assert_int_equal(sg_target_new(&t, "n", "xml", &err), SG_ERR_INVALID);

    char dir[] = "/tmp/sg-targets-XXXXXX", path[256];
    assert_non_null(mkdtemp(dir));
    sg_gazetteer *gaz;
    sg_graph *g = hostile_graph(&gaz);
    snprintf(path, sizeof(path), "%s/n.graphml", dir);
    assert_int_equal(sg_graph_write(g, path, NULL, NULL, NULL, &err), 0);
    assert_non_null(strstr(content(path), "<?xml"));
    snprintf(path, sizeof(path), "%s/tables", dir);
    assert_int_equal(sg_graph_write(g, path, "csv", NULL, NULL, &err), 0);
    snprintf(path, sizeof(path), "%s/tables/nodes.csv", dir);
    assert_non_null(strstr(content(path), "id,"));
    /* opened, written, never committed: nothing stays, not even the directory */
    snprintf(path, sizeof(path), "%s/more", dir);
    assert_int_equal(sg_target_new(&t, path, "csv", &err), 0);
    assert_int_equal(sg_target_open(t, &err), 0);
    assert_int_equal(sg_target_write(t, g, NULL, NULL, NULL, &err), 0);
    sg_target_free(t);
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(remove_temporaries(dir), 0);
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -r %s", dir);
    assert_int_equal(system(cmd), 0);
    sg_graph_free(g);
    sg_gazetteer_free(gaz);
}

/* Graph-level attributes (how the network was made) in GraphML, JSON and DOT. */
static void graph_meta(void **state)
{
    (void)state;
    sg_gazetteer *gaz;
    sg_graph *g = hostile_graph(&gaz);
    sg_error err;
    char *plain = export_to_memory(g, SG_FORMAT_GRAPHML);
    assert_null(strstr(plain, "for=\"graph\"")); /* none unless set */
    assert_int_equal(sg_graph_set_meta(g, "betweenness", "first", &err), 0);
    assert_int_equal(sg_graph_set_meta(g, "betweenness", "sampled <&> \"x\"", &err), 0);
    assert_int_equal(sg_graph_meta_count(g), 1);
    char *gml = export_to_memory(g, SG_FORMAT_GRAPHML);
    assert_non_null(strstr(gml, "<key id=\"g_meta0\" for=\"graph\" attr.name=\"betweenness\""));
    assert_non_null(
        strstr(gml, "<graph id=\"G\" edgedefault=\"undirected\">\n      <data key=\"g_meta0\">"
                    "sampled &lt;&amp;&gt; &quot;x&quot;</data>"));
    char *json = export_to_memory(g, SG_FORMAT_JSON);
    assert_non_null(strstr(json, ", \"betweenness\": \"sampled <&> \\\"x\\\"\"},\n\"nodes\""));
    char *dot = export_to_memory(g, SG_FORMAT_DOT);
    assert_non_null(strstr(dot, "betweenness=\"sampled <&> \\\"x\\\"\""));
    free(plain);
    free(gml);
    free(json);
    free(dot);
    sg_graph_free(g);
    sg_gazetteer_free(gaz);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(xml_escaping),
        cmocka_unit_test(synced_outputs),
        cmocka_unit_test(dot_cleaning),
        cmocka_unit_test(numbers),
        cmocka_unit_test(numbers_shortest),
        cmocka_unit_test(graphml_hostile_labels),
        cmocka_unit_test(graphml_large),
        cmocka_unit_test(atomic_output),
        cmocka_unit_test(outputs_all_or_none),
        cmocka_unit_test(output_names),
        cmocka_unit_test(dot_and_pictures_in_threads),
        cmocka_unit_test(targets_by_name),
        cmocka_unit_test(graph_meta),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
