/* Fuzz target: the TSV gazetteer parser (SPEC §3) and the matcher compiled
 * from what it loads (names, surnames, acronyms, PCRE2 patterns).
 *
 * Input: one or more gazetteer files separated by a line "--8<--", loaded in
 * order into one gazetteer (so duplicate ids and attributes across files are
 * reached). Checks: a failed load leaves the gazetteer exactly as it was and
 * names the file; loaded ids are found again. Then an extractor is compiled
 * from the gazetteer and run over the whole input as a document. */
#include <string.h>

#include "fuzz.h"
#include "stakegraph/stakegraph.h"

#define SCISSORS "\n--8<--\n"
#define MAX_FILES 4

static int on_mention(const sg_mention *m, void *ctx)
{
    const size_t *len = ctx;
    FUZZ_CHECK(m->start < m->end && m->end <= *len);
    FUZZ_CHECK(m->id && m->type);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data, *end = s + size;
    sg_gazetteer *gaz = NULL;
    sg_error err;
    char name[32];
    FUZZ_CHECK(sg_gazetteer_new(&gaz, &err) == SG_OK);
    for (int file = 0; file < MAX_FILES && s <= end; file++) {
        const char *cut = NULL;
        for (const char *p = s; p + sizeof(SCISSORS) - 1 <= end; p++)
            if (!memcmp(p, SCISSORS, sizeof(SCISSORS) - 1)) {
                cut = p;
                break;
            }
        size_t len = (size_t)((cut && file + 1 < MAX_FILES ? cut : end) - s);
        size_t before = sg_gazetteer_count(gaz);
        const char *first = before ? sg_gazetteer_id(gaz, 0) : NULL;
        snprintf(name, sizeof(name), "g%d.tsv", file);
        sg_error_clear(&err);
        int rc = sg_gazetteer_load_buffer(gaz, name, s, len, &err);
        if (rc) {
            char msg[2048];
            FUZZ_CHECK(rc < 0 && err.code == rc);
            FUZZ_CHECK(!strcmp(err.file, name) && err.message[0]);
            FUZZ_CHECK(err.line >= 0);
            FUZZ_CHECK(sg_gazetteer_count(gaz) == before);
            FUZZ_CHECK(!before || sg_gazetteer_id(gaz, 0) == first);
            sg_error_format(&err, msg, sizeof(msg));
            FUZZ_CHECK(strlen(msg) < sizeof(msg));
        } else {
            FUZZ_CHECK(sg_gazetteer_count(gaz) >= before);
        }
        size_t n = sg_gazetteer_count(gaz);
        for (size_t i = 0; i < n; i++) {
            const char *id = sg_gazetteer_id(gaz, i);
            FUZZ_CHECK(id && *id && sg_gazetteer_label(gaz, i) && *sg_gazetteer_label(gaz, i) &&
                       sg_gazetteer_type(gaz, i) && *sg_gazetteer_type(gaz, i));
            FUZZ_CHECK(sg_gazetteer_find(gaz, id) == (long)i);
        }
        if (!cut)
            break;
        s = cut + sizeof(SCISSORS) - 1;
    }
    FUZZ_CHECK(sg_gazetteer_find(gaz, "no such id \t") == -1);

    sg_extractor *ex = NULL;
    sg_extract_options opt;
    sg_extract_options_init(&opt);
    if (sg_extractor_new(&ex, gaz, &opt, &err) == SG_OK) {
        sg_graph *g = NULL;
        sg_extractor_on_mention(ex, on_mention, &size);
        (void)sg_extractor_add(ex, "doc", (const char *)data, size, &err);
        if (sg_extractor_graph(&g, ex, 1, &err) == SG_OK) {
            FUZZ_CHECK(sg_graph_node_count(g) <= sg_gazetteer_count(gaz));
            sg_graph_free(g);
        }
        sg_extractor_free(ex);
    } else {
        FUZZ_CHECK(err.code < 0 && err.message[0]);
    }
    sg_gazetteer_free(gaz);
    return 0;
}
