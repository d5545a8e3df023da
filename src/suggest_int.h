/* The suggester's modules: word lists (suggest_words.c, firstnames.c), the
 * candidates one document gives (suggest_scan.c) and the rows (suggest.c). */
#ifndef SG_SUGGEST_INT_H
#define SG_SUGGEST_INT_H

#include <stddef.h>

#include "furniture.h"
#include "normalise.h"
#include "segment.h"

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
    SG_WL_PLACE,      /* regions, countries, departments, big cities */
    SG_WL_CREDIT,     /* photo, crédit, illustration, source... */
    SG_WL_NAMED,      /* words before a person's name that make it an
                         organisation's or a place's name: rue, clinique... */
    SG_WL_COUNT
} sg_wordlist;

/* Whether the folded, NUL-terminated word `w` is in list `l`. */
int sg_suggest_word(sg_wordlist l, const char *w);

/* Whether `w` (folded) is a common French first name; a compound ("jean
 * paul", from Jean-Paul) is one when each part is. */
int sg_first_name(const char *w);

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
} sg_span;

typedef struct {
    size_t fs, fe; /* folded bytes */
    size_t s, e;   /* original bytes */
    size_t word;   /* folded word, NUL-terminated, at pool + word */
    unsigned flags;
} sg_stok;

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

#endif
