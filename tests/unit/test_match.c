/* Matching and resolution on small gazetteers (SPEC §3, §4). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "furniture.h"
#include "match.h"
#include "trie.h"

static const char *GAZ =
    "id\tlabel\ttype\taliases\tpattern\tsurname\n"
    "org:aphm\tAssistance publique-Hôpitaux de Marseille\torganisation\tAP-HM\t\t\n"
    "org:ars\tARS Paca\torganisation\tARS\t\t\n"
    "place:paca\tPaca\tplace\t\t\t\n"
    "org:chu-nice\tCHU de Nice\torganisation\t\t\t\n"
    "place:nice\tNice\tplace\t\t\t\n"
    "org:fnts\tFédération des transporteurs sanitaires\torganisation\t\t\t\n"
    "org:fhp\tFHP Sud-Est\torganisation\tFHP\t\t\n"
    "org:eurobiomed\tEurobiomed\torganisation\t\t\t\n"
    "org:eb\tEB Conseil\torganisation\tEB\t\t\n"
    "place:var\tVar\tplace\t\t\t\n"
    "org:sud\tSUD Santé\torganisation\t=SUD Santé\t\t\n"
    "org:ipc\tInstitut Paoli-Calmettes\torganisation\tIPC\t\t\n"
    "person:segade\tJean-Paul Segade\tperson\t\t\t\n"
    "person:royere\tÉmilie Royère\tperson\t\t\t\n"
    "person:ba\tAmadou Ba\tperson\t\t\t\n"
    "person:ba2\tFatou Ba\tperson\t\t\t\n"
    "person:ldlt\tMarie de La Tour\tperson\t\tLa Tour\t\n"
    "org:clinic\tClinique X\torganisation\t\t(?i)clinique\\s+\\p{Lu}\\w+\t\n";

static sg_gazetteer *gaz;
/* without the variant "known" (tested by known_names): the bundled gazetteer
 * would lend its acronyms to the organisations above */
static sg_matcher *matcher;

static int setup(void **state)
{
    (void)state;
    sg_error err;
    if (sg_gazetteer_new(&gaz, &err) ||
        sg_gazetteer_load_buffer(gaz, "g.tsv", GAZ, strlen(GAZ), &err) ||
        sg_matcher_new(&matcher, gaz, SG_VARIANT_ALL & ~SG_VARIANT_KNOWN, &err)) {
        fprintf(stderr, "setup: %s\n", err.message);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sg_matcher_free(matcher);
    sg_gazetteer_free(gaz);
    return 0;
}

/* Runs the matcher; writes "id=text id=text ..." (original text) into out. */
static void run(const char *text, char *out, size_t size)
{
    sg_folded f;
    sg_hits h = {0};
    sg_error err;
    memset(&f, 0, sizeof(f));
    assert_int_equal(sg_fold(&f, text, strlen(text), 0), 0);
    sg_regex_md *md = sg_regex_md_new();
    assert_non_null(md);
    assert_int_equal(sg_matcher_run(matcher, md, &f, text, strlen(text), "doc", &h, &err), 0);
    sg_short_cache *shorts = NULL;
    assert_int_equal(sg_resolve(matcher, &f, text, &h, &shorts), 0);
    sg_short_cache_free(shorts);
    assert_int_equal(sg_furniture_filter(&f, text, strlen(text), &h), 0);
    sg_regex_md_free(md);
    out[0] = '\0';
    size_t n = 0;
    for (size_t i = 0; i < h.n; i++) {
        size_t s = f.src[h.v[i].fs], e = sg_folded_orig_end(&f, text, strlen(text), h.v[i].fe);
        n += (size_t)snprintf(out + n, size - n, "%s%s=%.*s", i ? " " : "",
                              sg_gazetteer_id(gaz, h.v[i].entity), (int)(e - s), text + s);
    }
    sg_hits_free(&h);
    sg_folded_free(&f);
}

#define EXPECT(text, want)                                                                         \
    do {                                                                                           \
        char got[2048];                                                                            \
        run(text, got, sizeof(got));                                                               \
        assert_string_equal(got, want);                                                            \
    } while (0)

static void folding_variants(void **state)
{
    (void)state;
    EXPECT("ASSISTANCE PUBLIQUE HOPITAUX DE MARSEILLE",
           "org:aphm=ASSISTANCE PUBLIQUE HOPITAUX DE MARSEILLE");
    EXPECT("l'assistance publique – hôpitaux\nde marseille",
           "org:aphm=assistance publique – hôpitaux\nde marseille");
    EXPECT("Institut Paoli Calmettes", "org:ipc=Institut Paoli Calmettes");
    /* a paragraph break stops a name */
    EXPECT("Institut Paoli\n\nCalmettes", "");
}

static void boundaries_and_elision(void **state)
{
    (void)state;
    EXPECT("Les Varois du Var", "place:var=Var");
    EXPECT("Var2 et 2Var", "");
    EXPECT("l’AP-HM, d’Eurobiomed et qu'Eurobiomed",
           "org:aphm=AP-HM org:eurobiomed=Eurobiomed org:eurobiomed=Eurobiomed");
}

static void acronyms_and_exact_case(void **state)
{
    (void)state;
    EXPECT("les ars et l'ap-hm", "");
    EXPECT("l'ARS et l'ÀRS", "org:ars=ARS org:ars=ÀRS");
    EXPECT("le syndicat SUD Santé, pas Sud santé ni sud santé", "org:sud=SUD Santé");
}

static void leftmost_longest(void **state)
{
    (void)state;
    EXPECT("le CHU de Nice et Nice", "org:chu-nice=CHU de Nice place:nice=Nice");
    EXPECT("l'ARS Paca et la Paca", "org:ars=ARS Paca place:paca=Paca");
}

static void patterns(void **state)
{
    (void)state;
    EXPECT("la clinique Bouchard ouvre", "org:clinic=clinique Bouchard");
    EXPECT("laclinique Bouchard", "");
}

static void surnames(void **state)
{
    (void)state;
    /* (a surname alone before the full name is no one; "Mme Royère", the
       gazetteer's one Royère, even unnamed in the document) */
    EXPECT("Segade parle. Jean-Paul Segade arrive. M. Segade et Mme Royère.",
           "person:segade=Jean-Paul Segade person:segade=Segade person:royere=Royère");
    EXPECT("Émilie Royère puis Mme Royere puis royère",
           "person:royere=Émilie Royère person:royere=Royere");
    /* two people named Ba in the document: ambiguous */
    EXPECT("Amadou Ba et Fatou Ba. Le Dr Ba parle.", "person:ba=Amadou Ba person:ba2=Fatou Ba");
    EXPECT("Amadou Ba. Le Dr Ba parle.", "person:ba=Amadou Ba person:ba=Ba");
    EXPECT("Marie de La Tour. Mme La Tour.", "person:ldlt=Marie de La Tour person:ldlt=La Tour");
    /* one person named twice is still one person */
    EXPECT("Amadou Ba. Amadou Ba. Le Dr Ba parle.",
           "person:ba=Amadou Ba person:ba=Amadou Ba person:ba=Ba");
    /* each surname judged on its own bearers */
    EXPECT("Amadou Ba, Fatou Ba et Jean-Paul Segade. Amadou Ba. M. Segade et le Dr Ba.",
           "person:ba=Amadou Ba person:ba2=Fatou Ba person:segade=Jean-Paul Segade "
           "person:ba=Amadou Ba person:segade=Segade");
}

/* 20,000 people share a surname: a mention of it is the one of them named
 * in the document, and is ambiguous once a second one is named. */
static void surname_many_bearers(void **state)
{
    (void)state;
    enum { N = 20000 };
    size_t cap = 64 + (size_t)N * 48, len = 0;
    char *tsv = malloc(cap);
    assert_non_null(tsv);
    len += (size_t)snprintf(tsv + len, cap - len, "id\tlabel\ttype\n");
    for (int i = 0; i < N; i++)
        len +=
            (size_t)snprintf(tsv + len, cap - len, "person:p%d\tPrenom%d Dupont\tperson\n", i, i);
    sg_gazetteer *saved_gaz = gaz;
    sg_matcher *saved_matcher = matcher;
    sg_error err;
    assert_int_equal(sg_gazetteer_new(&gaz, &err), 0);
    assert_int_equal(sg_gazetteer_load_buffer(gaz, "many.tsv", tsv, len, &err), 0);
    assert_int_equal(sg_matcher_new(&matcher, gaz, SG_VARIANT_ALL, &err), 0);
    EXPECT("Prenom7 Dupont arrive. M. Dupont parle. Prenom19999 Dupont vient. M. Dupont part.",
           "person:p7=Prenom7 Dupont person:p7=Dupont person:p19999=Prenom19999 Dupont");
    EXPECT("M. Dupont. Prenom0 Dupont. Dupont. Prenom0 Dupont. Dupont.",
           "person:p0=Prenom0 Dupont person:p0=Dupont person:p0=Prenom0 Dupont person:p0=Dupont");
    sg_matcher_free(matcher);
    sg_gazetteer_free(gaz);
    gaz = saved_gaz;
    matcher = saved_matcher;
    free(tsv);
}

/* The values of a key come back in insertion order, however many (they are
 * appended at the chain's tail), before and after freezing; once frozen,
 * each value's node is found directly. */
static void trie_values(void **state)
{
    (void)state;
    enum { N = 100000 };
    sg_trie *t;
    assert_int_equal(sg_trie_new(&t), 0);
    for (uint32_t v = 0; v < N; v++)
        assert_int_equal(v % 3 ? sg_trie_insert(t, "dupont", 6, v) : sg_trie_insert(t, "dup", 3, v),
                         0);
    assert_int_equal(sg_trie_node_of(t, 1), SG_TRIE_NONE); /* not frozen yet */
    for (int frozen = 0; frozen < 2; frozen++) {
        if (frozen)
            assert_int_equal(sg_trie_freeze(t), 0);
        uint32_t node = sg_trie_root(t), h, want = 1, count = 0;
        for (const char *c = "dupont"; *c; c++)
            node = sg_trie_child(t, node, (unsigned char)*c);
        assert_int_not_equal(node, SG_TRIE_NONE);
        for (uint32_t v = sg_trie_first(t, node, &h); v != SG_TRIE_NONE; v = sg_trie_next(t, &h)) {
            assert_int_equal(v, want);
            want += want % 3 == 1 ? 1 : 2;
            count++;
        }
        assert_int_equal(count, N - (N + 2) / 3);
        if (frozen) {
            assert_int_equal(sg_trie_node_of(t, 1), node);
            assert_int_equal(sg_trie_node_of(t, N - 2), node);
            assert_int_not_equal(sg_trie_node_of(t, 3), node);
            assert_int_equal(sg_trie_node_of(t, N), SG_TRIE_NONE);
        }
    }
    sg_trie_free(t);
}

/* A frozen node's children, in the order of their bytes, each the child
 * sg_trie_child finds by its byte; none before freezing, none asked of the
 * root. */
static void trie_children(void **state)
{
    (void)state;
    sg_trie *t;
    assert_int_equal(sg_trie_new(&t), 0);
    const char *keys[] = {"muselier", "musso", "mulot", "muz", "md"};
    for (uint32_t v = 0; v < 5; v++)
        assert_int_equal(sg_trie_insert(t, keys[v], strlen(keys[v]), v), 0);
    uint32_t m = sg_trie_child(t, sg_trie_root(t), 'm'), lo, hi;
    assert_int_equal(sg_trie_children(t, m, &lo, &hi), SG_ERR_INVALID); /* not frozen */
    assert_int_equal(sg_trie_freeze(t), 0);
    assert_int_equal(sg_trie_children(t, sg_trie_root(t), &lo, &hi), SG_ERR_INVALID);
    uint32_t mu = sg_trie_child(t, sg_trie_child(t, sg_trie_root(t), 'm'), 'u');
    assert_int_equal(sg_trie_children(t, mu, &lo, &hi), 0);
    assert_int_equal(hi - lo, 3); /* l, s, z */
    const char want[] = "lsz";
    for (uint32_t c = lo; c < hi; c++) {
        assert_int_equal(sg_trie_label(t, c), (unsigned char)want[c - lo]);
        assert_int_equal(sg_trie_child(t, mu, (unsigned char)want[c - lo]), c);
    }
    sg_trie_free(t);
}

/* The variants' names: all, none, lists, "-name" removals, errors. */
static void variants_parse(void **state)
{
    (void)state;
    unsigned v = 12345;
    assert_int_equal(sg_variants_parse(&v, "all"), SG_OK);
    assert_int_equal(v, SG_VARIANT_ALL);
    assert_int_equal(sg_variants_parse(&v, "none"), SG_OK);
    assert_int_equal(v, 0);
    assert_int_equal(sg_variants_parse(&v, "-fuzzy"), SG_OK);
    assert_int_equal(v, SG_VARIANT_ALL & ~SG_VARIANT_FUZZY);
    assert_int_equal(sg_variants_parse(&v, "-fuzzy,-heads"), SG_OK);
    assert_int_equal(v, SG_VARIANT_ALL & ~(SG_VARIANT_FUZZY | SG_VARIANT_HEADS));
    assert_int_equal(sg_variants_parse(&v, "function-words, acronym-forms"), SG_OK);
    assert_int_equal(v, SG_VARIANT_FUNCTION_WORDS | SG_VARIANT_ACRONYM_FORMS);
    assert_int_equal(sg_variants_parse(&v, "none,shared-heads"), SG_OK);
    assert_int_equal(v, SG_VARIANT_SHARED_HEADS);
    v = 7;
    assert_int_equal(sg_variants_parse(&v, "sometimes"), SG_ERR_INVALID);
    assert_int_equal(sg_variants_parse(&v, "fuzzy,"), SG_OK);
    assert_int_equal(v, SG_VARIANT_FUZZY);
    v = 7;
    assert_int_equal(sg_variants_parse(&v, "-"), SG_ERR_INVALID);
    assert_int_equal(v, 7); /* unchanged on error */
    assert_string_equal(sg_variant_name(SG_VARIANT_INTERRUPTED), "interrupted");
    assert_string_equal(sg_variant_name(SG_VARIANT_KNOWN), "known");
    assert_int_equal(sg_variants_parse(&v, "-known"), SG_OK);
    assert_int_equal(v, SG_VARIANT_ALL & ~SG_VARIANT_KNOWN);
    assert_string_equal(sg_variant_name(SG_VARIANT_SHORT_NAMES), "short-names");
    assert_int_equal(sg_variants_parse(&v, "-short-names"), SG_OK);
    assert_int_equal(v, SG_VARIANT_ALL & ~SG_VARIANT_SHORT_NAMES);
    assert_string_equal(sg_variant_name(SG_VARIANT_INITIALS), "initials");
    assert_int_equal(sg_variants_parse(&v, "-initials"), SG_OK);
    assert_int_equal(v, SG_VARIANT_ALL & ~SG_VARIANT_INITIALS);
    assert_string_equal(sg_variant_name(SG_VARIANT_PERIPHRASES), "periphrases");
    assert_null(sg_variant_name(SG_VARIANT_ALL));
}

static void acronym_definitions(void **state)
{
    (void)state;
    EXPECT("FNTS. La Fédération des transporteurs sanitaires (FNTS) dit. La FNTS et les fnts.",
           "org:fnts=Fédération des transporteurs sanitaires org:fnts=FNTS org:fnts=FNTS");
    /* a definition re-assigns the gazetteer's own reading of the letters */
    EXPECT("EB. Eurobiomed (EB). Puis EB.",
           "org:eb=EB org:eurobiomed=Eurobiomed org:eurobiomed=EB org:eurobiomed=EB");
    /* a person followed by an organisation's acronym defines nothing */
    EXPECT("Jean-Paul Segade (FHP). Puis FHP.",
           "person:segade=Jean-Paul Segade org:fhp=FHP org:fhp=FHP");
    /* letters that do not fit the long form define nothing */
    EXPECT("Eurobiomed (XYZ). Puis XYZ.", "org:eurobiomed=Eurobiomed");
}

/* The reference order: by start, longest first, how, entity; equal hits in
 * the order they came (paren numbers them here). */
static int hit_before(const sg_hit *x, const sg_hit *y)
{
    if (x->fs != y->fs)
        return x->fs < y->fs;
    if (x->fe != y->fe)
        return x->fe > y->fe;
    if (x->how != y->how)
        return x->how < y->how;
    if (x->entity != y->entity)
        return x->entity < y->entity;
    return x->paren < y->paren;
}

/* sg_hits_sort on random hits with many equal ones (a sorted beginning of
 * `sorted` hits, as the resolver's steps append to the matcher's): every
 * hit is before the next, equal ones in their first order. */
static void hits_sort_stable(void **state)
{
    (void)state;
    unsigned seed = 12345;
    sg_hits h = {0};
    for (size_t round = 0; round < 400; round++) {
        size_t n = round % 7 == 0 ? round * 3 : round % 40, sorted = round % 3 ? n / 2 : 0;
        h.n = 0;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = seed >> 8;
            size_t fs = r % 9, fe = fs + 1 + (r >> 4) % 3;
            assert_int_equal(sg_hits_push(&h, fs, fe, (r >> 6) % 2, (unsigned char)((r >> 7) % 2)),
                             0);
            h.v[i].paren = i; /* the order they came in */
        }
        for (size_t i = 1; i < sorted; i++) /* a sorted beginning */
            for (size_t j = i; j > 0 && hit_before(&h.v[j], &h.v[j - 1]); j--) {
                sg_hit t = h.v[j];
                h.v[j] = h.v[j - 1];
                h.v[j - 1] = t;
            }
        for (size_t i = 0; i < sorted; i++)
            h.v[i].paren = i;
        sg_hits_sort(&h);
        assert_int_equal(h.n, n);
        for (size_t i = 1; i < n; i++)
            assert_true(hit_before(&h.v[i - 1], &h.v[i]));
    }
    sg_hits_free(&h);
}

/* Variant "known" (issue 14): "id=text/how ..." of the mentions `text` makes
 * with the gazetteer `rows` and the variants `variants`. */
static void run_known(const char *rows, unsigned variants, const char *text, char *out, size_t size)
{
    sg_gazetteer *g = NULL;
    sg_matcher *mt = NULL;
    sg_error err;
    assert_int_equal(sg_gazetteer_new(&g, &err), 0);
    assert_int_equal(sg_gazetteer_load_buffer(g, "own.tsv", rows, strlen(rows), &err), 0);
    assert_int_equal(sg_matcher_new(&mt, g, variants, &err), 0);
    sg_folded f;
    sg_hits h = {0};
    memset(&f, 0, sizeof(f));
    assert_int_equal(sg_fold(&f, text, strlen(text), 0), 0);
    sg_regex_md *md = sg_regex_md_new();
    assert_non_null(md);
    assert_int_equal(sg_matcher_run(mt, md, &f, text, strlen(text), "doc", &h, &err), 0);
    sg_short_cache *shorts = NULL;
    assert_int_equal(sg_resolve(mt, &f, text, &h, &shorts), 0);
    sg_short_cache_free(shorts);
    out[0] = '\0';
    size_t n = 0;
    for (size_t i = 0; i < h.n; i++) {
        size_t s = f.src[h.v[i].fs], e = sg_folded_orig_end(&f, text, strlen(text), h.v[i].fe);
        n += (size_t)snprintf(out + n, size - n, "%s%s=%.*s/%s", i ? " " : "",
                              sg_gazetteer_id(g, h.v[i].entity), (int)(e - s), text + s,
                              sg_matcher_how(mt, &h.v[i], text, s, e));
    }
    sg_regex_md_free(md);
    sg_hits_free(&h);
    sg_folded_free(&f);
    sg_matcher_free(mt);
    sg_gazetteer_free(g);
}

#define EXPECT_KNOWN(rows, variants, text, want)                                                   \
    do {                                                                                           \
        char got[2048];                                                                            \
        run_known(rows, variants, text, got, sizeof(got));                                         \
        assert_string_equal(got, want);                                                            \
    } while (0)

static void known_names(void **state)
{
    (void)state;
    const char *own = "id\tlabel\ttype\taliases\n"
                      "org:esc\tCentre hospitalier des Escartons\torganisation\t\n"
                      "place:briancon\tBriançon\tplace\t\n";
    /* the bundled entry of that label lends its spellings, matched folded: a
     * place inside gives way */
    EXPECT_KNOWN(own, SG_VARIANT_ALL, "à l’HÔPITAL DE BRIANÇON et à Briançon",
                 "org:esc=HÔPITAL DE BRIANÇON/known place:briancon=Briançon/exact");
    /* no variant of them (the function word dropped: and the town right
     * after a hospital's head is its name, no place), and nothing with
     * -known (the place inside "hôpital de X" is then left out, as in any
     * hospital's name the gazetteer does not know) */
    EXPECT_KNOWN(own, SG_VARIANT_ALL, "l’hôpital Briançon", "");
    EXPECT_KNOWN(own, SG_VARIANT_ALL & ~SG_VARIANT_KNOWN, "l’hôpital de Briançon", "");
    /* a user's own reading overlapping a lent name wins, even shorter: the
     * acronym of one of the user's entries inside "CH de Briançon" */
    EXPECT_KNOWN("id\tlabel\ttype\taliases\n"
                 "org:esc\tCentre hospitalier des Escartons\torganisation\t\n"
                 "org:ch\tCollectif hospitalier\torganisation\tCH\n",
                 SG_VARIANT_ALL, "le CH de Briançon", "org:ch=CH/exact");
    /* the lent names' prefixes do not steer the user's variants: the inserted
     * town's adjective of "Hôpital privé Beauregard" is still read, though
     * "Hôpital privé Marseille Vert Coteau" is lent to the other entry */
    EXPECT_KNOWN("id\tlabel\ttype\taliases\n"
                 "org:beauregard\tHôpital privé Beauregard\torganisation\t\n"
                 "org:vc\tClinique Vert Coteau\torganisation\t\n",
                 SG_VARIANT_ALL,
                 "l’hôpital privé marseillais Beauregard et l’hôpital privé Marseille Vert Coteau",
                 "org:beauregard=hôpital privé marseillais Beauregard/variant "
                 "org:vc=hôpital privé Marseille Vert Coteau/known");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(folding_variants),
        cmocka_unit_test(boundaries_and_elision),
        cmocka_unit_test(acronyms_and_exact_case),
        cmocka_unit_test(leftmost_longest),
        cmocka_unit_test(patterns),
        cmocka_unit_test(surnames),
        cmocka_unit_test(surname_many_bearers),
        cmocka_unit_test(trie_values),
        cmocka_unit_test(trie_children),
        cmocka_unit_test(acronym_definitions),
        cmocka_unit_test(variants_parse),
        cmocka_unit_test(hits_sort_stable),
        cmocka_unit_test(known_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
