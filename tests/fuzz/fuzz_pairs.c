/* Fuzz target: the counts reader (SPEC §13), with a write-then-read round
 * trip.
 *
 * Input: a counts file, read into a fresh extractor over the fixed gazetteer
 * below (the seeds in corpus/pairs/ were written by `stakegraph extract -g
 * GAZ -f pairs` and `stakegraph merge -f pairs` with this gazetteer, so that
 * their headers' fingerprint matches). Checks:
 *   - refused: an error code and message naming the file, and the extractor
 *     is unchanged (it writes the counts of an extractor that read nothing);
 *   - accepted: the counts written, read into another fresh extractor and
 *     written again give the same bytes (what `.pairs` writes, `merge` reads
 *     back exactly); the network builds unless a count is over 2^53, and
 *     has no more nodes than the gazetteer. */
#include <string.h>

#include "fuzz.h"
#include "stakegraph/stakegraph.h"

static const char gazetteer[] =
    "id\tlabel\ttype\taliases\tsurname\n"
    "org:ap-hm\tAssistance publique-H\xc3\xb4pitaux de Marseille\torganisation\tAP-HM|APHM\t\n"
    "org:ars\tAgence r\xc3\xa9gionale de sant\xc3\xa9\torganisation\tARS Paca|ARS\t\n"
    "org:fhp\tF\xc3\xa9\x64\xc3\xa9ration de l'hospitalisation priv\xc3\xa9\x65\torganisation\t"
    "FHP\t\n"
    "person:royere\tMarie Dupont-Roy\xc3\xa8re\tperson\t\tRoy\xc3\xa8re\n"
    "place:marseille\tMarseille\tplace\t\t\n"
    "place:aix\tAix-en-Provence\tplace\tAix\t\n"
    "place:nice\tNice\tplace\t\t\n";

static sg_gazetteer *gaz;

/* The counts `ex` writes, as a NUL-terminated string (the caller frees it). */
static char *written(const sg_extractor *ex, size_t *len)
{
    char *buf = NULL;
    sg_error err;
    FILE *f = open_memstream(&buf, len);
    FUZZ_CHECK(f);
    FUZZ_CHECK(sg_extractor_write_counts(ex, f, &err) == SG_OK);
    FUZZ_CHECK(fclose(f) == 0);
    return buf;
}

/* Reads `len` bytes as the counts file "in.pairs". */
static int read_counts(sg_extractor *ex, const char *text, size_t len, sg_error *err)
{
    static const char empty[1];
    FILE *f = fmemopen((void *)(len ? text : empty), len ? len : 1, "r");
    FUZZ_CHECK(f);
    if (!len)
        (void)getc(f); /* fmemopen cannot open 0 bytes: an empty file */
    sg_error_clear(err);
    int rc = sg_extractor_read_counts(ex, "in.pairs", f, err);
    fclose(f);
    return rc;
}

static sg_extractor *fresh(void)
{
    sg_extractor *ex = NULL;
    sg_extract_options opt;
    sg_error err;
    sg_extract_options_init(&opt);
    FUZZ_CHECK(sg_extractor_new(&ex, gaz, &opt, &err) == SG_OK);
    return ex;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sg_error err;
    if (!gaz) {
        FUZZ_CHECK(sg_gazetteer_new(&gaz, &err) == SG_OK);
        FUZZ_CHECK(sg_gazetteer_load_buffer(gaz, "gaz.tsv", gazetteer, sizeof(gazetteer) - 1,
                                            &err) == SG_OK);
    }
    sg_extractor *ex = fresh();
    size_t n0, n1, n2;
    char *nothing = written(ex, &n0);
    int rc = read_counts(ex, (const char *)data, size, &err);
    if (rc) {
        FUZZ_CHECK(rc < 0 && err.code == rc && err.message[0]);
        FUZZ_CHECK(!strcmp(err.file, "in.pairs") && err.line >= 0);
        if (rc != SG_ERR_LIMIT) { /* after an overflow the extractor is freed */
            char *after = written(ex, &n1);
            FUZZ_CHECK(n1 == n0 && !memcmp(after, nothing, n0));
            FUZZ_CHECK(sg_extractor_documents(ex) == 0);
            free(after);
        }
        free(nothing);
        sg_extractor_free(ex);
        return 0;
    }
    char *once = written(ex, &n1);
    sg_extractor *back = fresh();
    rc = read_counts(back, once, n1, &err);
    if (rc)
        fprintf(stderr, "written counts refused: %s:%ld: %s\n%s", err.file, err.line, err.message,
                once);
    FUZZ_CHECK(rc == SG_OK);
    FUZZ_CHECK(sg_extractor_documents(back) == sg_extractor_documents(ex));
    char *twice = written(back, &n2);
    FUZZ_CHECK(n1 == n2 && !memcmp(once, twice, n1));

    if (sg_extractor_check_network(ex, &err) == SG_OK) {
        sg_graph *g = NULL;
        if (sg_extractor_graph(&g, ex, 1, &err) == SG_OK) {
            FUZZ_CHECK(sg_graph_node_count(g) <= sg_gazetteer_count(gaz));
            sg_graph_free(g);
        }
    } else {
        FUZZ_CHECK(err.code == SG_ERR_LIMIT && strstr(err.message, "2^53"));
    }
    free(nothing);
    free(once);
    free(twice);
    sg_extractor_free(back);
    sg_extractor_free(ex);
    return 0;
}
