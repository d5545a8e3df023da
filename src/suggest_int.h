/* The suggester's modules: word lists (suggest_words.c, firstnames.c), the
 * candidates one document gives (suggest_scan.c, which reads the words, and
 * its scanners: suggest_acronyms.c, suggest_people.c, suggest_cues.c,
 * suggest_orgs.c, suggest_branches.c, suggest_sequences.c), what a candidate's key says of it
 * (suggest_keys.c) and the rows (suggest.c). */
#ifndef SG_SUGGEST_INT_H
#define SG_SUGGEST_INT_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "furniture.h"
#include "normalise.h"
#include "sg_internal.h"
#include "segment.h"
#include "stakegraph/error.h"
#include "stakegraph/gazetteer.h"

/* ---- word lists: folded words (lower case, no accents, "'" for every
 * apostrophe, a space for every dash), sorted in byte order ---- */

typedef enum {
    SG_WL_STOP,       /* function words, months, days: never a name's word */
    SG_WL_PARTICLE,   /* lower-case words inside a name: de, du, la, d, l */
    SG_WL_ROLE,       /* a person's role: directeur, présidente, maire... */
    SG_WL_VERB,       /* verbs of saying: explique, souligne... */
    SG_WL_ORG_HEAD,   /* head words of organisations: clinique, institut... */
    SG_WL_ORG_PLURAL, /* their plurals: cliniques, hôpitaux... */
    SG_WL_TITLE,      /* m, mme, dr, pr... */
    SG_WL_GENERIC,    /* capitalised words that name nothing alone: CHU, Nord... */
    SG_WL_TRADE,      /* a company's trade after its name: Health, Pharma, Partners... */
    SG_WL_PLACE,      /* regions, countries, departments, big cities */
    SG_WL_CREDIT,     /* photo, crédit, illustration, source... */
    SG_WL_NAMED,      /* words before a person's name that make it an
                         organisation's or a place's name: rue, clinique... */
    SG_WL_COUNT
} sg_wordlist;

/* Whether the folded, NUL-terminated word `w` is in list `l`. */
int sg_suggest_word(sg_wordlist l, const char *w);
/* The lists `w` is in, a bit (1 << list) each. */
unsigned sg_suggest_words(const char *w);

/* The sorted lists, for the test that checks their order. */
const char *const *sg_suggest_list(sg_wordlist l, size_t *n);
const char *const *sg_first_names(size_t *n);

/* ---- a string -> index map ---- */

typedef struct {
    char **keys;
    size_t *vals;
    size_t cap, n;
} sg_smap;

/* The value of k, or -1. */
long sg_smap_get(const sg_smap *m, const char *k);
/* The value's address, NULL when absent. */
size_t *sg_smap_ref(const sg_smap *m, const char *k);
/* Adds k -> v (k copied) unless k is there. 0 or SG_ERR_NOMEM. */
int sg_smap_put(sg_smap *m, const char *k, size_t v);
void sg_smap_free(sg_smap *m);

/* ---- candidates ---- */

typedef struct {
    char *label;   /* its surface form (first one seen inside a sentence) */
    char *key;     /* folded label (a definition: its acronym's) */
    char *alias;   /* a definition's acronym */
    char *surname; /* a person's surname as written */
    char **more;   /* a definition: other long forms of its acronym */
    size_t nmore;
    size_t mid, start; /* a sequence: occurrences inside / at the start of a sentence */
    size_t place, org; /* occurrences after a place cue / an organisation cue */
    size_t district;   /* occurrences naming a city's district ("le quartier X") */
    size_t elided;     /* one word after l’ or d’ inside a sentence */
    size_t common;     /* an acronym in brackets after common nouns: a service's */
    size_t loose;      /* occurrences that name no actor: a demonym ("les Cannois"),
                          a building or a street ("hôtel Riviera"), a title-case
                          common noun ("l'Accompagnement du vieillissement"), a
                          name cut short ("Pôle d'Activités et de Soins...") */
    size_t cued;       /* occurrences after a media cue ("selon X", "a indiqué à
                          X", "interrogé par X") or a strong place cue ("maire de
                          X") */
    int exact;         /* a capitalised article before a place the gazetteers know
                          ("La Provence", a newspaper): the row matches only in
                          that case, not "la Provence", the region */
    int lower_end;     /* the label ends with a lower-case word ("Ordre des
                          médecins"): counted from one mention only after a cue */
    int long_lower;    /* a lower_end name of five words or more whose head
                          takes an adjective ("Fonds national de solidarité et
                          d’action mutualiste"): a body's own name, counted from
                          one mention ("Centre de réception et de régulation
                          des appels", a kind of unit, is not), and so is a
                          name saying what the body is for ("Collectif pour le
                          soin") */
    int upper;         /* an acronym in capitals */
    int full;          /* a person: first name and surname */
    int label_mid;     /* the label was taken inside a sentence */
} sg_cand;

typedef struct {
    sg_cand *v;
    size_t n, cap;
    sg_smap index; /* key -> index */
} sg_cand_list;

/* The candidate of `key`, made with `label` [len bytes] when new; NULL when
 * out of memory. */
sg_cand *sg_cand_get(sg_cand_list *l, const char *key, const char *label, size_t len);
void sg_cand_list_free(sg_cand_list *l);

/* ---- scanning one document ---- */

typedef struct {
    size_t s, e; /* original bytes */
    int place;   /* a mention of an entity of type place */
    int org;     /* ... of type organisation */
} sg_span;

/* The first of the n spans v (in document order, not overlapping, so their
 * ends in order too) that ends after byte a; n when none does. */
static inline size_t sg_span_after(const sg_span *v, size_t n, size_t a)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].e <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* ---- the places of reference (suggest_places.c) ---- */

typedef struct sg_suggest_places sg_suggest_places;

/* An extractor of the places `gaz` (sg_suggest_options.places). */
int sg_suggest_places_new(sg_suggest_places **out, const sg_gazetteer *gaz, sg_error *err);
void sg_suggest_places_free(sg_suggest_places *p);
/* Reads one document, folded in `f`, whose mentions of the gazetteers are
 * `spans`: counts the places named there that none of them covers, but
 * guarded names (a guard would be lost in a row), names read by a variant,
 * in lower case or inside another name, and names that read as a first name
 * or a generic word. */
int sg_suggest_places_read(sg_suggest_places *p, const char *name, const char *text, size_t len,
                           const sg_folded *f, const sg_span *spans, size_t nspans, sg_error *err);
/* The places counted, in the order first seen: the id of place i, and its
 * label in *label. */
size_t sg_suggest_places_count(const sg_suggest_places *p);
const char *sg_suggest_places_get(const sg_suggest_places *p, size_t i, const char **label);

typedef struct {
    size_t fs, fe; /* folded bytes */
    size_t s, e;   /* original bytes */
    size_t word;   /* folded word, NUL-terminated, at pool + word */
    unsigned flags;
    unsigned lists; /* the word lists it is in (sg_suggest_words), once asked;
                       WL_ASKED until then unset */
} sg_stok;

#define WL_ASKED (1u << 31)

typedef struct {
    sg_cand_list defs, people, seqs;
    /* the current document */
    const char *text;
    size_t len;
    const sg_folded *f;
    sg_units units;
    const sg_span *spans; /* the gazetteers' mentions, in document order */
    size_t nspans;
    sg_stok *tok;
    size_t ntok, tok_cap;
    char *pool;
    size_t pool_len, pool_cap;
    sg_folded scratch; /* for folding names */
    sg_furniture furniture;
} sg_scan;

/* Adds the candidates of one document, folded in `f` (sg_fold of text, len),
 * whose gazetteer mentions are `spans`. 0 or SG_ERR_NOMEM. */
int sg_scan_document(sg_scan *sc, const char *text, size_t len, const sg_folded *f,
                     const sg_span *spans, size_t nspans);
void sg_scan_free(sg_scan *sc);

/* The folded form of [s, s + n) as a new NUL-terminated string (trimmed, as
 * gazetteer names are folded); NULL when out of memory. */
char *sg_suggest_fold(sg_folded *scratch, const char *s, size_t n);

/* [s, s + n) as valid UTF-8 on one line: invalid bytes and control
 * characters dropped, every run of white space one space, trimmed; NULL
 * when out of memory. */
char *sg_suggest_collapse(const char *s, size_t n);

/* ---- inside the scanner: the words of the document, and the tests on
 * them that suggest_scan.c and the scanners' files (suggest_acronyms.c,
 * suggest_people.c, suggest_cues.c, suggest_orgs.c, suggest_sequences.c)
 * share. Word i is sc->tok[i]; its flags are these. ---- */

enum {
    T_CAP = 1,         /* starts with a capital */
    T_UPPER = 2,       /* every letter a capital, at least two letters */
    T_LOWER = 4,       /* starts with a lower-case letter */
    T_NUM = 8,         /* digits only */
    T_START = 16,      /* starts a sentence, a line or a quotation */
    T_COVERED = 32,    /* inside a gazetteer's mention */
    T_DOT = 64,        /* a '.' right after it */
    T_FURNITURE = 128, /* a credit, a byline, a heading: not text of the article */
    T_LINE = 256,      /* the first word of a line */
    T_COMMON = 512,    /* an acronym in brackets after common nouns ("les urgences (UGO)") */
    T_PLACE = 1024,    /* inside a gazetteer's mention of a place */
    T_TAKEN = 2048,    /* already read as a name after a media cue */
    T_ORG = 4096       /* inside a gazetteer's mention of an organisation */
};

/* The most words a name has. */
enum { MAX_NAME_WORDS = 8 };

/* The folded word i, NUL-terminated. */
static inline const char *fw(const sg_scan *sc, size_t i)
{
    return sc->pool + sc->tok[i].word;
}

/* Whether word i is in list l. */
static inline int in(const sg_scan *sc, size_t i, sg_wordlist l)
{
    sg_stok *t = &sc->tok[i]; /* (the token's lists are a cache: worked out once) */
    if (!(t->lists & WL_ASKED))
        t->lists = sg_suggest_words(fw(sc, i)) | WL_ASKED;
    return (t->lists >> l) & 1u;
}

/* The kind of way word i names (SG_WAY_*, sg_way_noun), 0 for none. */
static inline unsigned way(const sg_scan *sc, size_t i)
{
    return sg_way_noun(fw(sc, i), strlen(fw(sc, i)));
}

/* Whether word i is the folded word w. */
static inline int is(const sg_scan *sc, size_t i, const char *w)
{
    return !strcmp(fw(sc, i), w);
}

/* Where the separator before word i starts: the end of word i - 1. */
static inline size_t sep_from(const sg_scan *sc, size_t i)
{
    return i ? sc->tok[i - 1].e : 0;
}

/* Whether one of the bytes `chars` is between word i - 1 and word i. */
static inline int sep_has(const sg_scan *sc, size_t i, const char *chars)
{
    for (size_t p = sep_from(sc, i); p < sc->tok[i].s; p++)
        if (strchr(chars, sc->text[p]))
            return 1;
    return 0;
}

/* Whether one of the code points `cps` is between word i - 1 and word i. */
static inline int sep_has_cp(const sg_scan *sc, size_t i, const uint32_t *cps, size_t n)
{
    const unsigned char *u = (const unsigned char *)sc->text;
    for (size_t p = sep_from(sc, i); p < sc->tok[i].s;) {
        uint32_t c = sg_utf8_next(u, sc->tok[i].s, &p, NULL);
        for (size_t k = 0; k < n; k++)
            if (c == cps[k])
                return 1;
    }
    return 0;
}

/* Only white space (and some) between word i - 1 and word i. */
static inline int sep_blank(const sg_scan *sc, size_t i)
{
    if (i == 0 || sc->tok[i - 1].e == sc->tok[i].s)
        return 0;
    const unsigned char *u = (const unsigned char *)sc->text;
    for (size_t p = sc->tok[i - 1].e; p < sc->tok[i].s;)
        if (!sg_is_space(sg_utf8_next(u, sc->tok[i].s, &p, NULL)))
            return 0;
    return 1;
}

/* Only an apostrophe between word i - 1 and word i: an elision (l’AP-HM). */
static inline int sep_elision(const sg_scan *sc, size_t i)
{
    return i > 0 && sc->tok[i].fs == sc->tok[i - 1].fe + 1 &&
           sc->f->text[sc->tok[i - 1].fe] == '\'';
}

/* The first character after word i that is not white space (before the next word), or 0. */
static inline uint32_t char_after(const sg_scan *sc, size_t i)
{
    const unsigned char *u = (const unsigned char *)sc->text;
    size_t end = i + 1 < sc->ntok ? sc->tok[i + 1].s : sc->len;
    for (size_t p = sc->tok[i].e; p < end;) {
        uint32_t c = sg_utf8_next(u, end, &p, NULL);
        if (!sg_is_space(c))
            return c;
    }
    return 0;
}

/* Whether a '(' is right before word i. */
static inline int open_paren_before(const sg_scan *sc, size_t i)
{
    const unsigned char *u = (const unsigned char *)sc->text;
    size_t p = sc->tok[i].s, q = p;
    int quote = 0; /* "(« SRS »)": an opening quote, maybe with its spaces, between */
    size_t sp;
    while (q > 0) {
        if ((sp = sg_blank_before(sc->text, q)) != 0)
            q -= sp; /* (a space, no-break or narrow) */
        else if (!quote && q >= 2 && u[q - 2] == 0xC2 && u[q - 1] == 0xAB) /* « */
            q -= 2, quote = 1;
        else if (!quote && q >= 3 && u[q - 3] == 0xE2 && u[q - 2] == 0x80 && u[q - 1] == 0x9C)
            q -= 3, quote = 1; /* “ */
        else if (!quote && u[q - 1] == '"')
            q--, quote = 1;
        else
            break;
    }
    return q > 0 && u[q - 1] == '(' && (quote || q == p);
}

/* Whether word i is followed by ')', or by a closing quote and ')' ("«SRS»)"). */
static inline int close_paren_after(const sg_scan *sc, size_t i)
{
    const unsigned char *u = (const unsigned char *)sc->text;
    size_t end = i + 1 < sc->ntok ? sc->tok[i + 1].s : sc->len;
    int quote = 0;
    for (size_t p = sc->tok[i].e; p < end;) {
        uint32_t c = sg_utf8_next(u, end, &p, NULL);
        if (c == ')')
            return 1;
        if (!quote && (c == 0xBB || c == 0x201D || c == '"'))
            quote = 1;
        else if (!sg_is_space(c) && c != 0xA0 && c != 0x202F)
            return 0;
    }
    return 0;
}

/* Whether one of words [a, b] has one of the flags `flag`. */
static inline int any_flag(const sg_scan *sc, size_t a, size_t b, unsigned flag)
{
    for (size_t i = a; i <= b; i++)
        if (sc->tok[i].flags & flag)
            return 1;
    return 0;
}

/* Whether one of words [a, b] is in a gazetteer's mention or page furniture. */
static inline int any_covered(const sg_scan *sc, size_t a, size_t b)
{
    return any_flag(sc, a, b, T_COVERED | T_FURNITURE);
}

/* A capitalised word that may be part of a name. */
static inline int name_word(const sg_scan *sc, size_t i)
{
    return (sc->tok[i].flags & T_CAP) && !(sc->tok[i].flags & (T_COVERED | T_FURNITURE)) &&
           !in(sc, i, SG_WL_STOP) && !in(sc, i, SG_WL_TITLE);
}

/* Is word i a past participle in "-ée" or "-ées" before "par", in lower
 * case ("Lucas Interviewée par France 3": a caption glued to a first name)?
 * A surname so ending (Vallée, Porée) is no verb's. */
static inline int participle_ending(const sg_scan *sc, size_t i)
{
    const char *w = sc->text + sc->tok[i].s;
    size_t n = sc->tok[i].e - sc->tok[i].s;
    if (n >= 4 && w[n - 1] == 's')
        n--;
    return n >= 4 && w[n - 1] == 'e' && (unsigned char)w[n - 2] == 0xA9 &&
           (unsigned char)w[n - 3] == 0xC3 && i + 1 < sc->ntok && !strcmp(fw(sc, i + 1), "par");
}

/* A name word that can be a surname: no generic noun, role, head, place,
 * caption's participle... */
static inline int surname_word(const sg_scan *sc, size_t i)
{
    return name_word(sc, i) && !in(sc, i, SG_WL_GENERIC) && !in(sc, i, SG_WL_ROLE) &&
           !in(sc, i, SG_WL_ORG_HEAD) && !in(sc, i, SG_WL_PLACE) && !in(sc, i, SG_WL_NAMED) &&
           !(sc->tok[i].flags & T_NUM) && !participle_ending(sc, i);
}

/* Whether the folded word w is de, d, du or des (sg_of_word). */
static inline int is_of_word(const char *w)
{
    return sg_of_word(w, strlen(w));
}

/* Whether the folded word w is le, la or l. */
static inline int is_article(const char *w)
{
    return !strcmp(w, "le") || !strcmp(w, "la") || !strcmp(w, "l");
}

/* The folded text of words [a, b] as a new string. */
static inline char *fold_words(sg_scan *sc, size_t a, size_t b)
{
    return sg_suggest_fold(&sc->scratch, sc->text + sc->tok[a].s, sc->tok[b].e - sc->tok[a].s);
}

/* The candidate of words [a, b] in l (a new one labelled with their text);
 * NULL when out of memory. */
static inline sg_cand *words_cand(sg_scan *sc, sg_cand_list *l, size_t a, size_t b)
{
    char *key = fold_words(sc, a, b);
    sg_cand *c =
        key ? sg_cand_get(l, key, sc->text + sc->tok[a].s, sc->tok[b].e - sc->tok[a].s) : NULL;
    free(key);
    return c;
}

/* A particle at word k, joined to the next word by a space (an apostrophe after d, l). */
static inline int particle_at(const sg_scan *sc, size_t k)
{
    return (sc->tok[k].flags & T_LOWER) && in(sc, k, SG_WL_PARTICLE) && k + 1 < sc->ntok &&
           (strlen(fw(sc, k)) == 1 ? sep_elision(sc, k + 1) : sep_blank(sc, k + 1));
}

/* Words of a place the gazetteers know, from k on: the last one. */
static inline size_t place_run(const sg_scan *sc, size_t k)
{
    while (k + 1 < sc->ntok && (sc->tok[k + 1].flags & T_PLACE) &&
           (sep_blank(sc, k + 1) || sep_elision(sc, k + 1)))
        k++;
    return k;
}

/* Whether w ends with one of the n endings, after three bytes or more. */
static inline int ends_with(const char *w, const char *const *endings, size_t n)
{
    size_t len = strlen(w);
    for (size_t e = 0; e < n; e++) {
        size_t m = strlen(endings[e]);
        if (len > m + 2 && !strcmp(w + len - m, endings[e]))
            return 1;
    }
    return 0;
}

/* ---- the scanners' files: what each gives the others ---- */

/* suggest_acronyms.c */
/* Adds the acronym definitions, "Long Form (ACR)": 0 or SG_ERR_NOMEM. */
int sg_suggest_find_definitions(sg_scan *sc);

/* suggest_people.c */
/* Word i starts a person's name: a first name, then a surname. */
int sg_suggest_person_at(const sg_scan *sc, size_t i);
/* Does a surname in capitals end the run of name words [a, a + n) ("Madame
 * Emilie CHENEAU Gestionnaire de cas": the word after it, not in capitals,
 * is the next role's)? */
int sg_suggest_caps_end(const sg_scan *sc, size_t a, size_t n);
/* Adds the people (a title, a role, a verb of saying, a first name): 0 or SG_ERR_NOMEM. */
int sg_suggest_find_people(sg_scan *sc);

/* suggest_cues.c */
/* A place cue around [i, j]: 2 strong (counts from one mention), 1 another, 0 none
 * (a district: sg_suggest_district, a strong one). */
int sg_suggest_place_cue(const sg_scan *sc, size_t i, size_t j);
/* A lower-case district's word at k ("quartier", "cité"); a city's district at [i, j]. */
int sg_suggest_district_word(const sg_scan *sc, size_t k);
int sg_suggest_district(const sg_scan *sc, size_t i, size_t j);
/* A name in a list of organisations the gazetteers know: "(Archet, Cimiez, Saint-Roch)". */
int sg_suggest_listed_org(const sg_scan *sc, size_t i, size_t j);
/* A role of a body before word i: "président de X", not a territory's (maire). */
int sg_suggest_role_of_body(const sg_scan *sc, size_t i);
/* A party's acronym at word i after an elected person's role: "maire LR de X". */
int sg_suggest_party(const sg_scan *sc, size_t i);
/* A deal before word i ("le rachat d’X"): the name is a company's. */
int sg_suggest_deal(const sg_scan *sc, size_t i);
/* A name at a line's start, then ", le 1 septembre": a medium. */
int sg_suggest_dateline(const sg_scan *sc, size_t i, size_t j);
/* Adds the names after a media cue ("selon X"): 0 or SG_ERR_NOMEM. */
int sg_suggest_find_media(sg_scan *sc);

/* suggest_orgs.c */
/* A lower-case word that reads as an adjective of a name, by its ending. */
int sg_suggest_lower_adjective(const sg_scan *sc, size_t k);
/* Word k, in lower case, is an adjective of nationality: "américain",
 * "française", "suédois". */
int sg_suggest_nationality(const sg_scan *sc, size_t k);
/* A lower-case noun inside a name after a particle ("des médecins"). */
int sg_suggest_lower_noun(const sg_scan *sc, size_t k);
/* The end of an organisation's name [i, j] going on in lower case or over a place. */
size_t sg_suggest_extend_name(const sg_scan *sc, size_t i, size_t j, int *lower);
/* Words [i, j] name a hospital's unit, not a body. */
int sg_suggest_unit_name(const sg_scan *sc, size_t i, size_t j);
/* A lower-case head before word i: 1 part of the name (from *from), 2 apart, 0 none. */
int sg_suggest_head_before(const sg_scan *sc, size_t i, size_t *from);
/* "les cliniques X et Y": word i (Y) shares the plural head of X. */
int sg_suggest_shared_head(const sg_scan *sc, size_t i);

/* Word k is a kind of body's acronym after an article, "du" or "au" ("la MSP
 * Centifolia", "l’Ehpad Les Oliviers"): the name after it is one body's. */
int sg_suggest_kind_acronym_at(const sg_scan *sc, size_t k);

/* Is word k a trade's word that ends a company's name ("Health", "Medical",
 * "Immobilier", "Therapeutics")? (suggest_sequences.c) */
int sg_suggest_trade(const sg_scan *sc, size_t k);
/* Word h, a head in lower case, is the body of a role just before it ("le
 * directeur de l’hôpital", "la présidente de la clinique", "le directeur du
 * centre"): the name after it is the person's, not the body's ("le directeur
 * de l’hôpital Jean Dupont"). */
int sg_suggest_role_body(const sg_scan *sc, size_t h);
/* Adds the names in quotation marks after an organisation's head: 0 or SG_ERR_NOMEM. */
int sg_suggest_find_quoted(sg_scan *sc);
/* Adds the bodies named by a head and a seat ("le parquet de Grasse"): 0 or SG_ERR_NOMEM. */
int sg_suggest_find_seats(sg_scan *sc);
/* Adds a known place, then a word that is none ("le fonds Provence Avenir"): 0 or SG_ERR_NOMEM. */
int sg_suggest_find_placed_names(sg_scan *sc);

/* Adds a body named after a person the gazetteers know ("la maison de
 * retraite Simone Veil"): 0 or SG_ERR_NOMEM. */
int sg_suggest_find_named_after(sg_scan *sc);

/* suggest_branches.c: adds a union's local branch, the union written against
 * the body or place it stands for ("la CGT AP-HM", "FO-Santé 04", "l'UD FO"):
 * 0 or SG_ERR_NOMEM. */
int sg_suggest_find_branches(sg_scan *sc);

/* suggest_keys.c: what a candidate's folded key says of it */
/* Every word generic: "Conseil", "Premier", "Hôpitaux Sud", "Direction Générale". */
int sg_suggest_generic_only(const char *key);
/* Generic words then "de France": "centre hospitalier universitaire de France". */
int sg_suggest_generic_of_france(const char *key);
/* A board named by its kind: "Conseil de surveillance". */
int sg_suggest_board(const char *key);
/* A kind of body or unit spelt out in title case: "Centre de Lutte Contre le Cancer";
 * or a common noun's phrase the press defines by its letters: "Intelligence Artificielle". */
int sg_suggest_spelt_kind(const char *key);
/* A common noun's phrase the press defines by its letters: "intelligence artificielle". */
int sg_suggest_concept(const char *key);
/* A natural area: "Luberon", "Méditerranée". */
int sg_suggest_area(const char *key);
/* A department's part by its position: "Haut-Vaucluse". */
int sg_suggest_part_of_place(const char *key);
/* A local authority by its kind alone: 2 for a word whose lower case names
 * the territory ("Région"), 1 for another ("Conseil départemental"), 0. */
int sg_suggest_authority(const char *key);
/* One of the first two words an organisation's head. */
int sg_suggest_org_headed(const char *key);
/* Whether `key` starts with an establishment's head and goes on ("clinique
 * rosemond", "mutuelle du midi", "association entraide"): one body, named. */
int sg_suggest_establishment(const char *key);

/* suggest_sequences.c */
/* The end of the capitalised sequence starting at word i. */
size_t sg_suggest_sequence_end(const sg_scan *sc, size_t i);
/* A capitalised article inside a sentence that starts a name: "à La Crau". */
int sg_suggest_cap_article(const sg_scan *sc, size_t i);
/* A century or an ordinal in Roman numerals: "XXIe", "IIIe". */
int sg_suggest_ordinal(const sg_scan *sc, size_t i);

/* Is the folded word w a measure's first word: a plan, a pact, a programme, a
 * contract, a law ("le Pacte Territoire Santé", "Contrat de plan")? A measure
 * is no actor, however it is written. (suggest_words.c) */
int sg_suggest_measure(const char *w);
/* Counts the sequence [i, j] once (cued: after a cue). 0 or SG_ERR_NOMEM. */
int sg_suggest_add_sequence(sg_scan *sc, size_t i, size_t j, int cued, int lower_end);
/* Adds the capitalised sequences no other scanner took: 0 or SG_ERR_NOMEM. */
int sg_suggest_find_sequences(sg_scan *sc);

#endif
