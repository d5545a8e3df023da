/* The spec cases through the library (cmark runs its spec both ways): the
 * documents given in memory to a corpus (sg_corpus_add_document), run with
 * two threads (sg_corpus_run), the mentions and the network written as the
 * command line writes them, for run_case.py to check against the same
 * expectations.
 *
 * usage: case_lib GAZETTEER MENTIONS.tsv EDGES.tsv [--unit U] [--variants V]
 *                 [--keep-credits] [--min-weight W] DOC...
 * MENTIONS.tsv: doc, start, end, id, type, text, match (as --mentions);
 * EDGES.tsv: source, target, weight, one a line; then "node<TAB>ID" lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stakegraph/stakegraph.h>

static int fail(const char *what, const sg_error *err)
{
    char buf[2048];
    fprintf(stderr, "case_lib: %s: %s\n", what, err ? sg_error_format(err, buf, sizeof(buf)) : "");
    return 1;
}

/* A mention row as --mentions writes it: tabs and line breaks in the text
 * become spaces. */
static int on_mention(const sg_mention *m, void *ctx)
{
    FILE *f = ctx;
    fprintf(f, "%s\t%zu\t%zu\t%s\t%s\t", m->doc, m->start, m->end, m->id, m->type);
    for (size_t i = 0; i < m->end - m->start; i++)
        fputc(strchr("\t\r\n", m->text[i]) && m->text[i] ? ' ' : m->text[i], f);
    fprintf(f, "\t%s\n", m->match);
    return 0;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, r;
    if (!f)
        return NULL;
    do {
        if (n + 4096 > cap && !(buf = realloc(buf, cap = 2 * cap + 4096)))
            break;
        n += r = fread(buf + n, 1, cap - n, f);
    } while (r > 0);
    fclose(f);
    *len = n;
    return buf;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The options the cases use; returns the index of the first document. */
static int options(int argc, char **argv, sg_extract_options *o, double *min_weight, int *discover)
{
    int i = 4;
    for (; i < argc && !strncmp(argv[i], "--", 2); i++) {
        if (!strcmp(argv[i], "--keep-credits")) {
            o->keep_furniture = 1;
        } else if (!strcmp(argv[i], "--discover")) {
            *discover = 1;
        } else if (i + 1 < argc && !strcmp(argv[i], "--unit")) {
            if (sg_extract_options_set_unit(o, argv[++i]))
                return -1;
        } else if (i + 1 < argc && !strcmp(argv[i], "--variants")) {
            if (sg_variants_parse(&o->variants, argv[++i]))
                return -1;
        } else if (i + 1 < argc && !strcmp(argv[i], "--min-weight")) {
            *min_weight = atof(argv[++i]);
        } else {
            return -1;
        }
    }
    return i;
}

int main(int argc, char **argv)
{
    sg_extract_options o;
    sg_extract_options_init(&o);
    double min_weight = 1;
    int discover = 0;
    int first = argc < 5 ? -1 : options(argc, argv, &o, &min_weight, &discover);
    if (first < 0) {
        fprintf(stderr, "usage: case_lib GAZETTEER MENTIONS EDGES [OPTIONS] DOC...\n");
        return 2;
    }
    sg_error err;
    sg_gazetteer *gaz = NULL;
    sg_extractor *ex = NULL;
    sg_corpus *c = NULL;
    sg_graph *g = NULL;
    if (sg_gazetteer_new(&gaz, &err) || sg_gazetteer_load_path(gaz, argv[1], &err))
        return fail("gazetteer", &err);
    if (sg_corpus_new(&c, SG_CORPUS_TEXT, NULL, &err))
        return fail("corpus", &err);
    qsort(argv + first, (size_t)(argc - first), sizeof(char *), cmp_str); /* as the CLI reads */
    for (int i = first; i < argc; i++) {
        size_t len = 0;
        char *text = read_all(argv[i], &len);
        sg_document d = {argv[i], text, len, NULL, 0};
        if (!text || sg_corpus_add_document(c, &d, &err))
            return fail(argv[i], text ? &err : NULL);
        free(text);
    }
    /* --discover: the names the gazetteer misses, found in the documents first */
    if (discover && sg_gazetteer_find_in_corpus(gaz, c, SG_FOUND_DEFAULT, NULL, NULL, &err))
        return fail("discover", &err);
    if (sg_extractor_new(&ex, gaz, &o, &err))
        return fail("extractor", &err);
    FILE *m = fopen(argv[2], "w"), *e = fopen(argv[3], "w");
    if (!m || !e)
        return fail("cannot write the outputs", NULL);
    fprintf(m, "doc\tstart\tend\tid\ttype\ttext\tmatch\n");
    sg_run_options ro;
    sg_run_options_init(&ro);
    ro.jobs = 2;
    ro.on_mention = on_mention;
    ro.ctx = m;
    if (sg_corpus_run(ex, c, &ro, NULL, &err) || sg_extractor_graph(&g, ex, min_weight, &err))
        return fail("run", &err);
    for (size_t k = 0; k < sg_graph_edge_count(g); k++) {
        size_t a, b;
        double w;
        sg_graph_edge(g, k, &a, &b, &w, NULL);
        fprintf(e, "%s\t%s\t%g\n", sg_graph_node_id(g, a), sg_graph_node_id(g, b), w);
    }
    for (size_t k = 0; k < sg_graph_node_count(g); k++)
        fprintf(e, "node\t%s\n", sg_graph_node_id(g, k));
    int bad = fclose(m) | fclose(e);
    sg_graph_free(g);
    sg_corpus_free(c);
    sg_extractor_free(ex);
    sg_gazetteer_free(gaz);
    return bad ? fail("cannot write the outputs", NULL) : 0;
}
