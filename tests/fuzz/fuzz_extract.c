/* Fuzz target: the extractor (SPEC §4, §5) over a small fixed gazetteer:
 * organisations with aliases and acronyms, an exact-case name, a person with
 * a surname, places, a PCRE2 pattern. Every unit (sentence, paragraph,
 * document, window:3), then the network, its analysis and both exports.
 *
 * Input: byte 0 chooses the options (bit 0: strict UTF-8; bits 1-2: the cap
 * on actors per unit; bits 3-4: the unit whose network is also analysed and
 * exported, as the exports are the slow part); the rest is split into
 * documents at each byte 0x01. */
#include <string.h>

#include "fuzz.h"
#include "stakegraph/stakegraph.h"

static const char gazetteer[] =
    "id\tlabel\ttype\taliases\tpattern\tsurname\tshort\tsector\n"
    "org:ap-hm\tAssistance publique-H\xc3\xb4pitaux de Marseille\torganisation\tAP-HM|APHM\t\t\t"
    "AP-HM\tpublic\n"
    "org:fhp\tF\xc3\xa9\x64\xc3\xa9ration de l'hospitalisation priv\xc3\xa9\x65\torganisation\t"
    "FHP|FHP Sud-Est\t\t\t\tprivate\n"
    "org:ars\tAgence r\xc3\xa9gionale de sant\xc3\xa9\torganisation\tARS Paca|ARS\t\t\tARS\t\n"
    "org:region\tR\xc3\xa9gion Sud\torganisation\t=R\xc3\xa9gion Sud|=Orange\t\t\t\t\n"
    "org:cliniques\tCliniques "
    "priv\xc3\xa9\x65s\torganisation\t\t(?i)clinique\\s+\\p{Lu}\\w+\t\t\t\n"
    "org:upe13\tUPE 13\torganisation\tUnion pour les entreprises 13\t\t\t\t\n"
    "person:segade\tJean-Paul Segade\tperson\t\t\t\t\t\n"
    "person:royere\tMarie Dupont-Roy\xc3\xa8re\tperson\t\t\tRoy\xc3\xa8re\t\t\n"
    "person:ba\tAmadou Ba\tperson\t\t\t\t\t\n"
    "place:marseille\tMarseille\tplace\t\t\t\t\t\n"
    "place:aix\tAix-en-Provence\tplace\tAix\t\t\t\t\n"
    "place:nice\tNice\tplace\t\t\t\t\t\n"
    "org:chu-nice\tCHU de Nice\torganisation\tCentre hospitalier universitaire de Nice\t\t\t\t\n"
    /* names for the variants (issue 14): a head, an article, punctuation, a
     * long name read fuzzily, a head acronym */
    "org:font-pre\tH\xc3\xb4pital Font-Pr\xc3\xa9\torganisation\tla Timone|C.H.U.\t\t\t\t\n"
    "place:chinon\tCh\xc3\xa2teau-Chinon (Ville)\tplace\t\xc2\xab Les Clos \xc2\xbb\t\t\t\t\n"
    "org:ihu\tIHU M\xc3\xa9\x64iterran\xc3\xa9\x65 Infection\torganisation\tCHITS|IGAS\t\t\t\t\n"
    "org:ch-arles\tCentre hospitalier d'Arles Provence\torganisation\tCH Paca Sud\t\t\t\t\n"
    /* and for the thirty-third session's rules: a long name's "et", a short
     * name a variant gives way to, a name of several after a plural, plural
     * titles, a union's local body */
    "org:chrysalide\tLa Chrysalide de Martigues et du Golfe de Fos\torganisation\t\t\t\t\t\n"
    "org:chrysalide-13\tLa Chrysalide Marseille\torganisation\t\t\t\t\t\n"
    "org:hcl\tHospices civils de Lyon\torganisation\tHCL\t\t\t\t\n"
    "org:cegidd\tCentre gratuit d'information\torganisation\tCeGIDD\t\t\t\t\n"
    "org:ul-cgt\tUnion locale CGT d'Arles\torganisation\t\t\t\t\t\n"
    "person:vercors\tPaul Vercors\tperson\t\t\t\t\t\n";

static sg_gazetteer *gaz;
static FILE *devnull;

typedef struct {
    const char *text;
    size_t len;
    size_t last_start;
    long count;
} doc_ctx;

static int on_mention(const sg_mention *m, void *ctx)
{
    doc_ctx *d = ctx;
    FUZZ_CHECK(m->start < m->end && m->end <= d->len);
    FUZZ_CHECK(m->text == d->text + m->start);
    FUZZ_CHECK(m->start >= d->last_start); /* document order */
    FUZZ_CHECK(sg_gazetteer_find(gaz, m->id) >= 0);
    FUZZ_CHECK(!strcmp(m->type, sg_gazetteer_type(gaz, (size_t)sg_gazetteer_find(gaz, m->id))));
    d->last_start = m->start;
    d->count++;
    return 0;
}

static void on_warning(const sg_error *w, void *ctx)
{
    doc_ctx *d = ctx;
    FUZZ_CHECK(w->offset >= -1 && w->offset < (long long)d->len + 1);
    FUZZ_CHECK(w->message[0]);
}

static void check_graph(const sg_graph *g)
{
    size_t n = sg_graph_node_count(g), m = sg_graph_edge_count(g);
    FUZZ_CHECK(n <= sg_gazetteer_count(gaz));
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(sg_graph_node_mentions(g, i) > 0);
        FUZZ_CHECK(sg_graph_node_documents(g, i) > 0 &&
                   sg_graph_node_documents(g, i) <= sg_graph_node_mentions(g, i));
        FUZZ_CHECK(i == 0 || strcmp(sg_graph_node_id(g, i - 1), sg_graph_node_id(g, i)) < 0);
    }
    for (size_t e = 0; e < m; e++) {
        size_t s, t, ps, pt;
        double w;
        long docs;
        sg_graph_edge(g, e, &s, &t, &w, &docs);
        FUZZ_CHECK(s < t && t < n);
        FUZZ_CHECK(w >= 1 && docs >= 1 && docs <= (long)w);
        if (e) {
            sg_graph_edge(g, e - 1, &ps, &pt, NULL, NULL);
            FUZZ_CHECK(ps < s || (ps == s && pt < t));
        }
    }
}

static void run_unit(const char *spec, const uint8_t *data, size_t size, int strict, unsigned cap,
                     int full)
{
    sg_extract_options opt;
    sg_extractor *ex = NULL;
    sg_error err;
    sg_graph *g = NULL;
    sg_extract_options_init(&opt);
    FUZZ_CHECK(sg_extract_options_set_unit(&opt, spec) == SG_OK);
    opt.strict = strict;
    opt.max_unit_actors = cap;
    FUZZ_CHECK(sg_extractor_new(&ex, gaz, &opt, &err) == SG_OK);
    doc_ctx d;
    sg_extractor_on_mention(ex, on_mention, &d);
    sg_extractor_on_warning(ex, on_warning, &d);
    size_t docs = 0;
    const char *s = (const char *)data, *end = s + size;
    while (s <= end) {
        const char *cut = memchr(s, 0x01, (size_t)(end - s));
        size_t len = (size_t)((cut ? cut : end) - s);
        d.text = s;
        d.len = len;
        d.last_start = 0;
        d.count = 0;
        int rc = sg_extractor_add(ex, "doc", s, len, &err);
        if (rc == SG_OK)
            docs++;
        else
            FUZZ_CHECK(rc == err.code && err.message[0] && !strcmp(err.file, "doc"));
        if (!cut)
            break;
        s = cut + 1;
    }
    FUZZ_CHECK(sg_extractor_documents(ex) == docs);
    FUZZ_CHECK(sg_extractor_graph(&g, ex, 1, &err) == SG_OK);
    sg_extractor_free(ex);
    check_graph(g);
    if (!full) {
        sg_graph_free(g);
        return;
    }
    sg_analysis_options aopt;
    sg_analysis_options_init(&aopt);
    FUZZ_CHECK(sg_graph_analyse(g, &aopt, &err) == SG_OK);
    FUZZ_CHECK(sg_export_graphml(g, devnull, &err) == SG_OK);
    FUZZ_CHECK(sg_export_dot(g, devnull, &err) == SG_OK);
    sg_graph_free(g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const unsigned caps[4] = {50, 0, 2, 3};
    if (!gaz) {
        sg_error err;
        FUZZ_CHECK(sg_gazetteer_new(&gaz, &err) == SG_OK);
        FUZZ_CHECK(sg_gazetteer_load_buffer(gaz, "fixed.tsv", gazetteer, sizeof(gazetteer) - 1,
                                            &err) == SG_OK);
        FUZZ_CHECK((devnull = fopen("/dev/null", "w")) != NULL);
    }
    unsigned char flags = size ? data[0] : 0;
    if (size) {
        data++;
        size--;
    }
    int strict = flags & 1;
    unsigned cap = caps[(flags >> 1) & 3];
    unsigned full = (flags >> 3) & 3; /* the unit whose network is analysed and exported */
    run_unit("sentence", data, size, strict, cap, full == 0);
    run_unit("paragraph", data, size, strict, cap, full == 1);
    run_unit("document", data, size, strict, cap, full == 2);
    run_unit("window:3", data, size, strict, cap, full == 3);
    return 0;
}
