/* Running a corpus through the library (corpus.h): files, directories, JSON
 * Lines and documents in memory; results in document order whatever the
 * number of threads; periods; callbacks that stop the run; evidence rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "stakegraph/stakegraph.h"

static const char *GAZ = "id\tlabel\ttype\taliases\n"
                         "org:ars\tARS Paca\torganisation\tARS\n"
                         "org:aphm\tAP-HM\torganisation\t\n"
                         "place:nice\tNice\tplace\t\n";

static sg_gazetteer *gazetteer(void)
{
    sg_gazetteer *g = NULL;
    assert_int_equal(sg_gazetteer_new(&g, NULL), 0);
    assert_int_equal(sg_gazetteer_load_buffer(g, "g.tsv", GAZ, strlen(GAZ), NULL), 0);
    return g;
}

/* Everything the callbacks saw, as text. */
typedef struct {
    char *log;
    size_t len;
    size_t docs, warnings, stop_after;
    long last_line;
    int last_code;
    size_t last_index;
} seen;

static void say(seen *s, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    s->log = realloc(s->log, s->len + (size_t)n + 1);
    memcpy(s->log + s->len, buf, (size_t)n + 1);
    s->len += (size_t)n;
}

static int on_document(const sg_document *d, size_t index, void *ctx)
{
    seen *s = ctx;
    if (s->docs)
        assert_true(index > s->last_index); /* in corpus order */
    s->last_index = index;
    s->docs++;
    say(s, "doc %zu %s\n", index, d->name);
    return s->stop_after && s->docs >= s->stop_after;
}

static int on_mention(const sg_mention *m, void *ctx)
{
    say(ctx, "m %s %zu %zu %s %.*s\n", m->doc, m->start, m->end, m->id, (int)(m->end - m->start),
        m->text);
    return 0;
}

static int on_cooccurrence(const sg_cooccurrence *c, void *ctx)
{
    assert_non_null(c->text);
    say(ctx, "c %s %s %s line %zu %.*s\n", c->doc, c->source, c->target, c->line,
        (int)(c->end - c->start), c->text + c->start);
    return 0;
}

static void on_warning(const sg_error *w, void *ctx)
{
    seen *s = ctx;
    s->warnings++;
    s->last_code = w->code;
    s->last_line = w->line;
    say(s, "w %s\n", w->message);
}

static sg_corpus *memory_corpus(size_t n)
{
    sg_corpus *c = NULL;
    assert_int_equal(sg_corpus_new(&c, SG_CORPUS_TEXT, NULL, NULL), 0);
    for (size_t i = 0; i < n; i++) {
        char name[32], text[256];
        snprintf(name, sizeof(name), "doc%03zu", i);
        snprintf(text, sizeof(text),
                 i % 3 ? "L'ARS Paca finance l'AP-HM.\nNice aussi, avec l'ARS." : "Rien ici.");
        sg_document d = {name, text, strlen(text), NULL, 0};
        assert_int_equal(sg_corpus_add_document(c, &d, NULL), 0);
    }
    return c;
}

/* The whole log and the network's weights for one number of threads. */
static char *run_log(unsigned jobs, double *weights)
{
    sg_gazetteer *g = gazetteer();
    sg_extractor *ex = NULL;
    assert_int_equal(sg_extractor_new(&ex, g, NULL, NULL), 0);
    sg_corpus *c = memory_corpus(60);
    seen s = {0};
    sg_run_options o;
    sg_run_options_init(&o);
    o.jobs = jobs;
    o.on_document = on_document;
    o.on_mention = on_mention;
    o.on_cooccurrence = on_cooccurrence;
    o.ctx = &s;
    sg_run_result r;
    assert_int_equal(sg_corpus_run(ex, c, &o, &r, NULL), 0);
    assert_int_equal(r.documents, 60);
    assert_int_equal(s.docs, 60);
    sg_graph *gr = NULL;
    assert_int_equal(sg_extractor_graph(&gr, ex, 1, NULL), 0);
    assert_int_equal(sg_graph_edge_count(gr), 2); /* AP-HM and Nice: never in one sentence */
    for (size_t e = 0; e < 2; e++)
        sg_graph_edge(gr, e, NULL, NULL, &weights[e], NULL);
    sg_graph_free(gr);
    sg_run_result_free(&r);
    sg_corpus_free(c);
    sg_extractor_free(ex);
    sg_gazetteer_free(g);
    return s.log;
}

static void same_whatever_the_threads(void **state)
{
    (void)state;
    double w1[2], w4[2];
    char *one = run_log(1, w1), *four = run_log(4, w4);
    assert_string_equal(one, four);
    assert_memory_equal(w1, w4, sizeof(w1));
    /* 40 documents name ARS and AP-HM in sentence 1 and ARS and Nice in sentence 2 */
    assert_true(w1[0] == 40 && w1[1] == 40);
    assert_non_null(strstr(one, "doc 1 doc001\nm doc001 2 10 org:ars ARS Paca\n"));
    assert_non_null(strstr(one, "c doc001 org:aphm org:ars line 1 L'ARS Paca finance l'AP-HM.\n"));
    assert_non_null(strstr(one, "c doc001 org:ars place:nice line 2 Nice aussi, avec l'ARS.\n"));
    free(one);
    free(four);
}

/* offsets_only: the same co-occurrences (offsets, lines, pairs), without the
 * text, and the documents without theirs. */
static int on_document_untexted(const sg_document *d, size_t index, void *ctx)
{
    assert_null(d->text);
    assert_true(d->len > 0);
    return on_document(d, index, ctx);
}

static int on_offsets(const sg_cooccurrence *c, void *ctx)
{
    assert_null(c->text);
    say(ctx, "c %s %s %s line %zu %zu %zu %zu %zu %zu %zu\n", c->doc, c->source, c->target, c->line,
        c->start, c->end, c->source_start, c->source_end, c->target_start, c->target_end);
    return 0;
}

static int on_offsets_of_text(const sg_cooccurrence *c, void *ctx)
{
    assert_non_null(c->text);
    return on_offsets(&(sg_cooccurrence){c->doc, c->start, c->end, c->source, c->target,
                                         c->source_start, c->source_end, c->target_start,
                                         c->target_end, NULL, c->len, c->line},
                      ctx);
}

static char *offsets_log(int offsets_only)
{
    sg_gazetteer *g = gazetteer();
    sg_extractor *ex = NULL;
    assert_int_equal(sg_extractor_new(&ex, g, NULL, NULL), 0);
    sg_corpus *c = memory_corpus(30);
    seen s = {0};
    sg_run_options o;
    sg_run_options_init(&o);
    o.jobs = 3;
    o.on_document = offsets_only ? on_document_untexted : on_document;
    o.on_mention = on_mention; /* the mentions' texts are still given */
    o.on_cooccurrence = offsets_only ? on_offsets : on_offsets_of_text;
    o.offsets_only = offsets_only;
    o.ctx = &s;
    assert_int_equal(sg_corpus_run(ex, c, &o, NULL, NULL), 0);
    sg_corpus_free(c);
    sg_extractor_free(ex);
    sg_gazetteer_free(g);
    return s.log;
}

static void cooccurrence_offsets_only(void **state)
{
    (void)state;
    char *with = offsets_log(0), *without = offsets_log(1);
    assert_string_equal(with, without);
    assert_non_null(strstr(without, "m doc001 2 10 org:ars ARS Paca\n"));
    assert_non_null(strstr(without, "c doc001 org:aphm org:ars line 1 0 27 21 26 2 10\n"));
    free(with);
    free(without);
}

static void stop_from_a_callback(void **state)
{
    (void)state;
    sg_gazetteer *g = gazetteer();
    sg_extractor *ex = NULL;
    assert_int_equal(sg_extractor_new(&ex, g, NULL, NULL), 0);
    sg_corpus *c = memory_corpus(50);
    seen s = {0};
    s.stop_after = 7;
    sg_run_options o;
    sg_run_options_init(&o);
    o.jobs = 2;
    o.on_document = on_document;
    o.ctx = &s;
    sg_error err;
    assert_int_equal(sg_corpus_run(ex, c, &o, NULL, &err), SG_ERR_IO);
    assert_int_equal(s.docs, 7);
    assert_string_equal(err.file, "doc006");
    free(s.log);
    sg_corpus_free(c);
    sg_extractor_free(ex);
    sg_gazetteer_free(g);
}

static void periods(void **state)
{
    (void)state;
    char label[16];
    assert_int_equal(sg_period_of("2024-03-05T10:00:00+01:00", SG_PERIOD_MONTH, label, 16), 0);
    assert_string_equal(label, "2024-03");
    assert_int_equal(sg_period_of("2024-03", SG_PERIOD_YEAR, label, 16), 0);
    assert_string_equal(label, "2024");
    assert_int_equal(sg_period_of("2024", SG_PERIOD_MONTH, label, 16), SG_ERR_LIMIT);
    assert_int_equal(sg_period_of("2023-02-29", SG_PERIOD_YEAR, label, 16), SG_ERR_PARSE);
    assert_int_equal(sg_period_of("mars 2024", SG_PERIOD_NONE, label, 16), SG_ERR_PARSE);

    sg_gazetteer *g = gazetteer();
    sg_extractor *ex = NULL;
    assert_int_equal(sg_extractor_new(&ex, g, NULL, NULL), 0);
    sg_corpus *c = NULL;
    assert_int_equal(sg_corpus_new(&c, SG_CORPUS_TEXT, NULL, NULL), 0);
    const char *dates[] = {"2024-05-01", "2023", "", "2023-11", "2024", NULL};
    for (size_t i = 0; i < 6; i++) {
        char name[8];
        snprintf(name, sizeof(name), "d%zu", i);
        sg_meta m = {"date", dates[i]};
        sg_document d = {name, "L'ARS et l'AP-HM.", 17, &m, dates[i] ? 1 : 0};
        assert_int_equal(sg_corpus_add_document(c, &d, NULL), 0);
    }
    sg_meta bad = {"date", "hier"};
    sg_document d = {"bad", "x", 1, &bad, 1};
    sg_error err;
    assert_int_equal(sg_corpus_add_document(c, &d, &err), SG_ERR_PARSE);
    assert_string_equal(err.file, "bad");

    sg_run_options o;
    sg_run_options_init(&o);
    o.by_period = SG_PERIOD_YEAR;
    o.period_graphs = 1;
    sg_run_result r;
    assert_int_equal(sg_corpus_run(ex, c, &o, &r, NULL), 0);
    assert_int_equal(r.nperiods, 2);
    assert_string_equal(r.labels[0], "2023");
    assert_string_equal(r.labels[1], "2024");
    assert_int_equal(r.undated, 2);
    assert_int_equal(r.timeline.n, 2);
    double w;
    sg_graph_edge(r.graphs[0], 0, NULL, NULL, &w, NULL);
    assert_true(w == 2);
    sg_graph_edge(r.graphs[1], 0, NULL, NULL, &w, NULL);
    assert_true(w == 2);
    sg_graph *whole = NULL; /* the extractor holds every document, periods included */
    assert_int_equal(sg_extractor_graph(&whole, ex, 1, NULL), 0);
    sg_graph_edge(whole, 0, NULL, NULL, &w, NULL);
    assert_true(w == 6);
    sg_graph_free(whole);
    sg_run_result_free(&r);
    sg_corpus_free(c);
    sg_extractor_free(ex);
    sg_gazetteer_free(g);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void files_and_json_lines(void **state)
{
    (void)state;
    char dir[] = "/tmp/sg-corpus-XXXXXX", path[256];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/sub", dir);
    mkdir(path, 0700);
    const char *names[] = {"b.txt", "a.txt", "sub/c.txt", ".hidden.txt", "notes.md"};
    for (size_t i = 0; i < 5; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        write_file(path, "L'ARS Paca.");
    }
    sg_corpus *c = NULL;
    assert_int_equal(sg_corpus_new(&c, SG_CORPUS_TEXT, NULL, NULL), 0);
    assert_int_equal(sg_corpus_add_path(c, dir, NULL, NULL, NULL), 0);
    snprintf(path, sizeof(path), "%s/a.txt", dir);
    assert_int_equal(sg_corpus_add_path(c, path, NULL, NULL, NULL), 0); /* named twice: once */
    sg_error err;
    assert_int_equal(sg_corpus_add_path(c, "/nonexistent/x", NULL, NULL, &err), SG_ERR_IO);
    assert_string_equal(err.file, "/nonexistent/x");
    assert_int_equal(sg_corpus_count(c), 0); /* not sealed yet */
    assert_int_equal(sg_corpus_seal(c, NULL), 0);
    assert_int_equal(sg_corpus_count(c), 3);
    snprintf(path, sizeof(path), "%s/a.txt", dir);
    assert_string_equal(sg_corpus_file(c, 0), path);
    snprintf(path, sizeof(path), "%s/sub/c.txt", dir);
    assert_string_equal(sg_corpus_file(c, 2), path);
    sg_corpus_free(c);

    /* JSON Lines: a bad line is reported with its number and skipped */
    snprintf(path, sizeof(path), "%s/c.jsonl", dir);
    write_file(path, "{\"id\": \"x\", \"text\": \"L'ARS et Nice.\", \"date\": \"2024\"}\n\n"
                     "{\"id\": 3}\n{\"id\": \"y\", \"text\": \"AP-HM\"}\n");
    assert_int_equal(sg_corpus_new(&c, SG_CORPUS_JSONL, NULL, NULL), 0);
    assert_int_equal(sg_corpus_add_path(c, dir, NULL, NULL, NULL), 0);
    sg_gazetteer *g = gazetteer();
    sg_extractor *ex = NULL;
    assert_int_equal(sg_extractor_new(&ex, g, NULL, NULL), 0);
    seen s = {0};
    sg_run_options o;
    sg_run_options_init(&o);
    o.on_warning = on_warning;
    o.on_mention = on_mention;
    o.ctx = &s;
    sg_run_result r;
    assert_int_equal(sg_corpus_run(ex, c, &o, &r, NULL), 0);
    assert_int_equal(r.skipped, 1);
    assert_int_equal(r.documents, 2);
    assert_int_equal(s.warnings, 1);
    assert_int_equal(s.last_code, SG_ERR_PARSE);
    assert_int_equal(s.last_line, 3);
    assert_non_null(strstr(s.log, "w no \"text\" (a string); line skipped\n"));
    assert_non_null(strstr(s.log, "m y 0 5 org:aphm AP-HM\n"));

    /* the same documents one at a time */
    sg_corpus_reader *rd = NULL;
    sg_document d;
    assert_int_equal(sg_corpus_reader_new(&rd, c, NULL), 0);
    assert_int_equal(sg_corpus_read(rd, 0, &d, NULL), 0);
    assert_string_equal(d.name, "x");
    assert_int_equal(d.nmeta, 1);
    assert_string_equal(d.meta[0].value, "2024");
    assert_int_equal(sg_corpus_read(rd, 1, &d, &err), SG_ERR_PARSE);
    assert_int_equal(err.line, 3);
    assert_int_equal(sg_corpus_read(rd, 3, &d, NULL), SG_ERR_INVALID);
    sg_corpus_reader_free(rd);
    free(s.log);
    sg_run_result_free(&r);
    sg_corpus_free(c);
    sg_extractor_free(ex);
    sg_gazetteer_free(g);
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

static void evidence_rows(void **state)
{
    (void)state;
    const char *text = "Titre\n\nL'ARS\tPaca et l'AP-HM \xff signent.";
    sg_cooccurrence c = {"d", 7, strlen(text), "org:aphm", "org:ars",    24,
                         29,  9, 17,           text,       strlen(text), 3};
    char *buf = NULL;
    size_t len = 0, cap = 0;
    assert_int_equal(sg_evidence_row(&buf, &len, &cap, SG_EVIDENCE_LINES, &c), 0);
    assert_string_equal(buf, "d:3: L'ARS Paca et l'AP-HM \xef\xbf\xbd signent.\n");
    assert_int_equal(len, strlen(buf));
    len = 0;
    assert_int_equal(sg_evidence_row(&buf, &len, &cap, SG_EVIDENCE_TSV, &c), 0);
    assert_string_equal(buf, "org:aphm\torg:ars\td\t7\t39\t24\t29\t9\t17\t"
                             "L'ARS Paca et l'AP-HM \xef\xbf\xbd signent.\n");
    len = 0;
    assert_int_equal(sg_evidence_row(&buf, &len, &cap, SG_EVIDENCE_JSONL, &c), 0);
    assert_non_null(strstr(buf, "\"snippet\":\"L'ARS Paca et l'AP-HM \xef\xbf\xbd signent.\"}\n"));
    assert_string_equal(sg_evidence_header(SG_EVIDENCE_JSONL), "");
    assert_true(!strncmp(sg_evidence_header(SG_EVIDENCE_TSV), "source\ttarget\tdoc\t", 16));
    free(buf);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void on_step(const char *step, void *ctx)
{
    say(ctx, "%s|", step);
}

/* A run's networks written (sg_run_write): each period's beside the
 * network, a GEXF with the periods instead, the bipartite graph, the rows;
 * all committed together, or none. */
static void writing_a_run(void **state)
{
    (void)state;
    char dir[] = "/tmp/sg-runwrite-XXXXXX", path[300];
    assert_non_null(mkdtemp(dir));
    sg_gazetteer *g = gazetteer();
    sg_extract_options eo;
    sg_extract_options_init(&eo);
    eo.record_documents = 1;
    sg_extractor *ex = NULL;
    assert_int_equal(sg_extractor_new(&ex, g, &eo, NULL), 0);
    sg_corpus *c = NULL;
    assert_int_equal(sg_corpus_new(&c, SG_CORPUS_TEXT, NULL, NULL), 0);
    const char *dates[] = {"2024-05-01", "2023-01-02"};
    for (size_t i = 0; i < 2; i++) {
        sg_meta m = {"date", dates[i]};
        sg_document d = {dates[i], "L'ARS et l'AP-HM.", 17, &m, 1};
        assert_int_equal(sg_corpus_add_document(c, &d, NULL), 0);
    }
    sg_run_options o;
    sg_run_options_init(&o);
    o.by_period = SG_PERIOD_YEAR;
    o.period_graphs = 1;
    sg_run_result r;
    assert_int_equal(sg_corpus_run(ex, c, &o, &r, NULL), 0);

    sg_error err;
    sg_target *t[2] = {NULL, NULL}, *bip = NULL;
    sg_output *rows[2] = {NULL, NULL};
    snprintf(path, sizeof(path), "%s/net.graphml", dir);
    assert_int_equal(sg_target_new(&t[0], path, NULL, &err), 0);
    snprintf(path, sizeof(path), "%s/net.gexf", dir);
    assert_int_equal(sg_target_new(&t[1], path, NULL, &err), 0);
    snprintf(path, sizeof(path), "%s/bip.graphml", dir);
    assert_int_equal(sg_target_new(&bip, path, NULL, &err), 0);
    snprintf(path, sizeof(path), "%s/m.tsv", dir);
    assert_int_equal(sg_mentions_open(&rows[0], path, &err), 0);
    fputs("x\n", sg_output_stream(rows[0]));
    /* a directory where a period's file goes: nothing is written */
    snprintf(path, sizeof(path), "%s/net.2023.graphml", dir);
    assert_int_equal(mkdir(path, 0777), 0);
    assert_int_equal(sg_targets_open(t, 2, &err), 0);
    assert_int_equal(sg_target_open(bip, &err), 0);
    sg_write_options w;
    sg_write_options_init(&w);
    w.layout = 0;
    seen log = {0};
    w.on_step = on_step;
    w.step_ctx = &log;
    assert_int_not_equal(sg_run_write(t, 2, &bip, rows, 1, ex, &r, &w, &err), 0);
    assert_string_equal(err.file, path);
    assert_true(!t[0] && !t[1] && !bip); /* freed whatever the outcome */
    snprintf(path, sizeof(path), "%s/net.graphml", dir);
    assert_int_equal(access(path, F_OK), -1);
    sg_output_abort(rows[0]);
    assert_string_equal(log.log, "the network of 2023|the network of 2024|the network|writing|");

    snprintf(path, sizeof(path), "%s/net.2023.graphml", dir);
    assert_int_equal(rmdir(path), 0);
    snprintf(path, sizeof(path), "%s/net.graphml", dir);
    assert_int_equal(sg_target_new(&t[0], path, NULL, &err), 0);
    snprintf(path, sizeof(path), "%s/net.gexf", dir);
    assert_int_equal(sg_target_new(&t[1], path, NULL, &err), 0);
    snprintf(path, sizeof(path), "%s/bip.graphml", dir);
    assert_int_equal(sg_target_new(&bip, path, NULL, &err), 0);
    snprintf(path, sizeof(path), "%s/m.tsv", dir);
    assert_int_equal(sg_mentions_open(&rows[0], path, &err), 0);
    assert_int_equal(sg_targets_open(t, 2, &err), 0);
    assert_int_equal(sg_target_open(bip, &err), 0);
    assert_int_equal(sg_run_write(t, 2, &bip, rows, 1, ex, &r, &w, &err), 0);
    assert_null(rows[0]); /* committed */
    assert_string_equal(slurp(path), "doc\tstart\tend\tid\ttype\ttext\tmatch\n");
    const char *made[] = {"net.graphml", "net.2023.graphml", "net.2024.graphml", "bip.graphml"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, made[i]);
        assert_non_null(strstr(slurp(path), "<graphml"));
    }
    snprintf(path, sizeof(path), "%s/net.gexf", dir);
    assert_non_null(strstr(slurp(path), "<spells>"));
    snprintf(path, sizeof(path), "%s/net.2023.gexf", dir);
    assert_int_equal(access(path, F_OK), -1);
    free(log.log);
    sg_run_result_free(&r);
    sg_corpus_free(c);
    sg_extractor_free(ex);
    sg_gazetteer_free(g);
}

/* Lists of paths: a --files-from list, arguments expanded each on its own. */
static void path_lists(void **state)
{
    (void)state;
    char dir[] = "/tmp/sg-paths-XXXXXX", path[300], list[300];
    assert_non_null(mkdtemp(dir));
    snprintf(list, sizeof(list), "%s/list", dir);
    write_file(list, "b.txt\r\n\n a \nc\n");
    char **v = NULL;
    size_t n = 0;
    sg_error err;
    assert_int_equal(sg_path_list_read(&v, &n, list, &err), 0);
    assert_int_equal(n, 3);
    assert_string_equal(v[0], "b.txt");
    assert_string_equal(v[1], " a ");
    sg_path_list_free(v, n);
    FILE *f = fopen(list, "w");
    fwrite("a\nb\0c\n", 1, 6, f);
    fclose(f);
    assert_int_equal(sg_path_list_read(&v, &n, list, &err), SG_ERR_INVALID);
    assert_string_equal(err.file, list);
    assert_int_equal(err.line, 2);
    assert_string_equal(err.message, "a NUL byte in a file name");
    snprintf(path, sizeof(path), "%s/none", dir);
    assert_int_equal(sg_path_list_read(&v, &n, path, &err), SG_ERR_IO);

    snprintf(path, sizeof(path), "%s/b.pairs", dir);
    write_file(path, "");
    snprintf(path, sizeof(path), "%s/a.pairs", dir);
    write_file(path, "");
    char *args[] = {path, dir, NULL};
    assert_int_equal(sg_paths_expand(&v, &n, ".pairs", args, 2, NULL, NULL, &err), 0);
    assert_int_equal(n, 3); /* a.pairs named twice: kept twice, the lists sorted */
    assert_string_equal(v[0], path);
    assert_string_equal(v[1], path);
    assert_non_null(strstr(v[2], "/b.pairs"));
    sg_path_list_free(v, n);
    snprintf(path, sizeof(path), "%s/none", dir);
    args[1] = path;
    assert_int_not_equal(sg_paths_expand(&v, &n, ".pairs", args + 1, 1, NULL, NULL, &err), 0);
    assert_string_equal(err.file, path);
}

/* Mention rows: one line each, fields without tabs or line breaks. */
static void mention_rows(void **state)
{
    (void)state;
    sg_mention m = {"doc\t1", 3, 9, "org:x", "organisation", "AP\nHM x", "folded"};
    char *buf = NULL;
    size_t len = 0, cap = 0;
    assert_int_equal(sg_mention_row(&buf, &len, &cap, &m), 0);
    assert_int_equal(sg_mention_row(&buf, &len, &cap, &m), 0);
    assert_string_equal(buf, "doc 1\t3\t9\torg:x\torganisation\tAP HM \tfolded\n"
                             "doc 1\t3\t9\torg:x\torganisation\tAP HM \tfolded\n");
    free(buf);
    assert_int_equal(sg_evidence_format_of("e.jsonl"), SG_EVIDENCE_JSONL);
    assert_int_equal(sg_evidence_format_of("e.json"), SG_EVIDENCE_JSONL);
    assert_int_equal(sg_evidence_format_of("e.jsonl/x"), SG_EVIDENCE_TSV);
    assert_int_equal(sg_evidence_format_of("-"), SG_EVIDENCE_TSV);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_whatever_the_threads),
        cmocka_unit_test(stop_from_a_callback),
        cmocka_unit_test(cooccurrence_offsets_only),
        cmocka_unit_test(periods),
        cmocka_unit_test(files_and_json_lines),
        cmocka_unit_test(evidence_rows),
        cmocka_unit_test(writing_a_run),
        cmocka_unit_test(path_lists),
        cmocka_unit_test(mention_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
