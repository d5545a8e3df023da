/* The matcher's internals, shared by match.c, variants.c and resolve.c. */
#ifndef SG_MATCH_INT_H
#define SG_MATCH_INT_H

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "match.h"
#include "regexp.h"
#include "sg_internal.h"
#include "stakegraph/extract.h"
#include "trie.h"

#define SG_ALIAS_DERIVED 0x80
/* In alias_rec.guard (and the guard given to sg_matcher_add_alias): a name
 * lent by the bundled gazetteer (known.c), read as written or folded only. */
#define SG_ALIAS_LENT 0x40

/* The kinds of local authority a text names by their kind alone (bodies.c),
 * and a hospitals' grouping, named so where the text names it. */
enum {
    SG_BODY_REGION = 1,
    SG_BODY_DEPARTMENT,
    SG_BODY_METROPOLE,
    SG_BODY_AGGLOMERATION,
    SG_BODY_CITY,
    SG_BODY_PREFECTURE, /* the State's office in a department */
    SG_BODY_SAMU,       /* a department's emergency medical service */
    SG_BODY_SDIS,       /* a department's fire and rescue service */
    SG_BODY_CPAM,       /* a department's health insurance fund */
    SG_BODY_CCAS,       /* a town's social welfare centre */
    SG_BODY_GHT,        /* a hospitals' grouping: "le GHT" where the text names one */
    SG_BODY_CHU,        /* a university hospital: "le CHU" where the text names one */
    SG_BODY_CHI,        /* an intercommunal hospital: "le CHI" where the text names one */
    SG_BODY_KINDS
};
#define SG_BODY_SEVERAL (UINT32_MAX - 1)

/* A local authority whose name ends with a place's ("Conseil départemental
 * du Var"). */
typedef struct {
    uint32_t place, entity;
} body_rec;

typedef struct {
    uint32_t entity;
    uint32_t len;     /* folded length */
    size_t text_off;  /* the folded alias in `texts` */
    size_t flags_off; /* MODE_EXACT: offset of the alias's case flags in the pool */
    uint32_t next;    /* next alias with the same fingerprint, or SG_TRIE_NONE */
    unsigned char mode;
    unsigned char guard;   /* SG_GUARD_CONFIRM or SG_GUARD_CUE: checked after matching; 0;
                              with SG_ALIAS_DERIVED: a reading of a name (towns.c); with
                              SG_ALIAS_LENT: a name lent (known.c) */
    unsigned char tail;    /* punctuation that ends the name as written, after `len` in
                              `texts` ("(Ville)": ")"): the mention takes it when the text
                              has it */
    unsigned char capital; /* 1: read only capitalised: a body named by its territory
                              ("Région X", "Ville de X"; in lower case, the territory),
                              a name of one word ("État"; in lower case, a common word);
                              2: its word after an article capitalised ("La Réunion") */
} alias_rec;

/* A name's skeleton (variants.c): its content words, one space apart, with
 * function words dropped and generic heads in one form ("centre hospitalier
 * universitaire nice" and "chu nice" for "CHU de Nice"). */
typedef struct {
    uint32_t entity;
    uint32_t len;
    uint32_t text_off; /* in `texts` (a skeleton past 4 GB of names is not made) */
    uint32_t next;     /* next skeleton with the same fingerprint */
    uint32_t needs;    /* SG_VARIANT_* this reading needs besides the walk's own, SKEL_* */
    unsigned char words;
    unsigned char town; /* the word where a town ends the name ("... d'Arles"), or 0 */
    unsigned char area; /* SKEL_LOCAL: the department of the name it was read from */
} skel_rec;
_Static_assert(sizeof(skel_rec) == 24, "a skeleton is 24 bytes: the table holds one per reading");

/* A long skeleton's link in the chain of those read fuzzily from one first
 * word, with its second and third words' first bytes and lengths: a word read
 * fuzzily starts as written and is about as long, so most candidates are ruled
 * out there without reading the skeleton. */
typedef struct {
    uint32_t next;
    uint16_t len2, len3;
    unsigned char c2, c3;
    /* (while compiling) the links from this one to the chain's end, itself
     * included: a chain is made no longer than FUZZY_CHAIN, and counting it
     * link by link for every long name of a common first word cost a miss a
     * link */
    unsigned char chain;
} fuzzy_link;

/* A prefix of a folded name (or skeleton) that ends a word. Four bytes, as
 * every word of the text probes the table (2 MB for 100,000 entries, where
 * the skeletons' prefixes had made it 4 MB with the aliases in it): the
 * chains of whole names, skeletons and fuzzy readings are in side arrays,
 * read only where a flag says so. */
enum { PREFIX_WHOLE = 1, PREFIX_SKEL = 2, PREFIX_FUZZY = 4 };
#define PREFIX_SHIFT 3 /* the flags' bits under the fingerprint */
typedef struct {
    uint32_t key; /* 29-bit fingerprint of its hash << 3 | PREFIX_* flags; 0 = empty */
} prefix_rec;

typedef struct {
    uint32_t skel;  /* whole skeletons: the first of their chain (PREFIX_SKEL) */
    uint32_t fuzzy; /* first words of long skeletons: the first of their chain (PREFIX_FUZZY) */
} prefix_ext;

typedef struct {
    uint32_t entity;
    sg_regex *re;
} pattern_rec;

typedef struct {
    const char *city; /* the entity's `city`, a cell of the gazetteer */
    uint32_t entity;
} city_rec;

#define SG_TITLE_FORM_WORDS 1024 /* 64 Kbit, 8 KB */

struct sg_matcher {
    const sg_gazetteer *gaz;
    /* Every prefix of a folded name that ends a word ("saint", "saint jean",
     * "saint jean d", ... "saint jean d angely"), by a fingerprint of its
     * hash: the matcher reads the text one word at a time, and a whole name
     * is confirmed by comparing its bytes. Open addressing. Skeletons share
     * the table. */
    prefix_rec *prefixes;
    prefix_ext *prefix_ext; /* beside `prefixes`, slot for slot */
    /* beside `prefixes` too (PREFIX_WHOLE): the first alias of the chain of
     * whole names with the prefix's fingerprint */
    uint32_t *prefix_alias;
    size_t prefix_mask, nprefixes;
    /* A filter of the table's fingerprints, read first (sg_prefix_maybe):
     * most words of a text start no name, and the filter, 8 bits a prefix
     * (256 KB for 100,000 entries), answers most of them from the nearest
     * cache where the table (4 MB) is further away. NULL while compiling. */
    uint64_t *filter;
    size_t filter_mask;
    alias_rec *aliases;
    size_t naliases, aliases_cap;
    skel_rec *skels;
    size_t nskels, skels_cap;
    uint32_t *coordinated; /* the names' skeletons with "et" between words (variants.c) */
    size_t ncoordinated, coordinated_cap;
    fuzzy_link *fuzzy_next; /* per skeleton: next long one with the same first word */
    size_t fuzzy_cap;
    /* acronyms by their letters alone ("aphm" for AP-HM): open addressing
     * of (written without accents) << 63 | 31-bit fingerprint << 32 | (alias + 1) */
    uint64_t *forms;
    size_t forms_mask, nforms;
    uint32_t title_letters[9]; /* by length 4..8: the first letters of the forms that
                                  may be read in title case (a bit per a..z) */
    /* a bit per 16 low bits of the fingerprints of those forms: a word in title
     * case is a form only where its bit is set, as the letters of such a form
     * are the word itself and the matcher has hashed it already (at 100,000
     * entries the first letters and lengths let most capitalised words by) */
    uint64_t title_forms[SG_TITLE_FORM_WORDS];
    char *texts; /* the folded aliases and skeletons, end to end */
    size_t texts_len, texts_cap;
    unsigned char *pool; /* case flags of exact aliases */
    size_t pool_len, pool_cap;
    sg_trie *surnames; /* folded surname -> person entity */
    sg_trie *heads;    /* folded head acronym ("chu" of "CHU de Nice") -> entity */
    /* entity -> has a head acronym (a bit each, 12 KB for 100,000 entities):
     * asked of every hit of a document, where `heads` by value is a miss in an
     * array ten times larger */
    uint64_t *has_head;
    /* is_person and is_place again, a bit an entity (12 KB each for 100,000):
     * asked of every hit after matching, where the byte arrays missed */
    uint64_t *person_bits, *place_bits;
    pattern_rec *patterns;
    size_t npatterns;
    uint32_t *rank; /* entity -> rank in id order */
    unsigned char *is_person;
    unsigned char *is_place;
    uint16_t *allowed; /* entity -> SG_VARIANT_* allowed */
    /* local authorities (bodies.c): entity -> SG_BODY_* (0: none), and per
     * kind the gazetteer's only body of it, SG_BODY_SEVERAL or SG_TRIE_NONE */
    unsigned char *body_kind;
    size_t nbody_kinds; /* the entities with a body kind */
    uint32_t body_only[SG_BODY_KINDS];
    body_rec *bodies; /* the bodies of a place the gazetteer knows, by place */
    size_t nbodies, bodies_cap;
    /* the bodies of a department (departments.c's index in `place`), by
     * department, and each entity's department (0: none; NULL without such
     * bodies) */
    body_rec *dept_bodies;
    size_t ndept_bodies;
    unsigned char *body_dept;
    size_t city_attr; /* the gazetteer's `city` column, SIZE_MAX without one (dropped.c) */
    uint32_t paca; /* the place Provence-Alpes-Côte d'Azur, SG_TRIE_NONE (sg_region_names_add) */
    city_rec *by_city; /* the organisations with a city, by city then entity (dropped.c) */
    size_t nby_city;
    /* the variant "known" (known.c): its state while the matcher is made
     * (NULL when no entry asks for it), and the names lent */
    struct sg_known *known;
    size_t nlent;
    /* the prefixes of the names lent, apart from the user's names' (the
     * variants' walks read those: a name lent must not steer them), by their
     * hash (open addressing), each with the chain of the lent names it
     * completes; and a bit per first word's hash (1 in 64 of them) */
    struct sg_lent_prefix *lent_prefixes;
    size_t lent_mask, nlent_prefixes;
    uint64_t lent_first[64];
    /* the skeletons of the names lent (their content words, one space
     * apart: "hopital avignon" for "Hôpital d'Avignon"), by hash, for the
     * names after a shared plural head (sg_known_shared); their texts */
    struct sg_lent_skel *lent_skels;
    size_t lent_skel_mask, nlent_skels;
    char *lent_skel_text;
    size_t lent_skel_len, lent_skel_cap;
    int note_known;          /* the entity being added may borrow names (known.c) */
    unsigned variants;       /* the union of `allowed`, but "known" */
    size_t ents_cap;         /* of the entity arrays (rank ... patterns), while made */
    unsigned build_variants; /* the variants asked for, while made */
};

/* The hash of a folded prefix, extended byte by byte (FNV-1a). */
#define SG_PREFIX_SEED SG_FNV_SEED
static inline uint64_t sg_prefix_step(uint64_t h, unsigned char b)
{
    return (h ^ b) * 0x100000001B3ULL;
}

/* Its 29-bit fingerprint, never 0. */
static inline uint32_t sg_prefix_fp(uint64_t h)
{
    return (uint32_t)((h * 0x9E3779B97F4A7C15ULL) >> 35) | 1u;
}

static inline size_t sg_prefix_slot(const prefix_rec *table, size_t mask, uint32_t fp)
{
    size_t i = (size_t)(fp * 0x9E3779B1u) & mask;
    while (table[i].key && (table[i].key >> PREFIX_SHIFT) != fp)
        i = (i + 1) & mask;
    return i;
}

/* The filter's word for fingerprint fp, and its two bits there. */
static inline uint64_t sg_filter_bits(uint32_t fp, size_t mask, size_t *word)
{
    uint64_t x = fp * 0x9E3779B97F4A7C15ULL;
    *word = (size_t)(x >> 40) & mask;
    return 1ULL << ((x >> 28) & 63) | 1ULL << ((x >> 34) & 63);
}

/* Can fingerprint fp be in the table? (No when the filter says so.) */
static inline int sg_prefix_maybe(const sg_matcher *m, uint32_t fp)
{
    if (!m->filter)
        return 1;
    size_t word;
    uint64_t bits = sg_filter_bits(fp, m->filter_mask, &word);
    return (m->filter[word] & bits) == bits;
}

/* The record of the prefix hashed to h, or NULL when no name starts so. A
 * fingerprint may (rarely) be another string's too: whole names are
 * confirmed by their bytes. */
static inline const prefix_rec *sg_prefix_lookup(const sg_matcher *m, uint64_t h)
{
    uint32_t fp = sg_prefix_fp(h);
    if (!sg_prefix_maybe(m, fp))
        return NULL;
    const prefix_rec *r = &m->prefixes[sg_prefix_slot(m->prefixes, m->prefix_mask, fp)];
    return r->key ? r : NULL;
}

/* The chains of whole skeletons, whole names and fuzzy readings at record r. */
static inline uint32_t sg_prefix_skel(const sg_matcher *m, const prefix_rec *r)
{
    return r->key & PREFIX_SKEL ? m->prefix_ext[r - m->prefixes].skel : UINT32_MAX;
}

static inline uint32_t sg_prefix_alias(const sg_matcher *m, const prefix_rec *r)
{
    return r->key & PREFIX_WHOLE ? m->prefix_alias[r - m->prefixes] : SG_TRIE_NONE;
}

static inline uint32_t sg_prefix_fuzzy(const sg_matcher *m, const prefix_rec *r)
{
    return r->key & PREFIX_FUZZY ? m->prefix_ext[r - m->prefixes].fuzzy : UINT32_MAX;
}

/* May a form readable in title case have the letters hashed to h (their
 * fingerprint in `forms` is h >> 33)? No when its filter bit is clear. */
static inline int sg_title_form_maybe(const sg_matcher *m, uint64_t h)
{
    uint64_t fp = h >> 33;
    return (m->title_forms[(fp >> 6) & (SG_TITLE_FORM_WORDS - 1)] >> (fp & 63)) & 1;
}

/* Is `entity` a person, a place (as m->is_person, m->is_place)? */
static inline int sg_is_person(const sg_matcher *m, uint32_t entity)
{
    return (m->person_bits[entity / 64] >> (entity % 64)) & 1;
}

static inline int sg_is_place(const sg_matcher *m, uint32_t entity)
{
    return (m->place_bits[entity / 64] >> (entity % 64)) & 1;
}

/* Has `entity` a head acronym (a value in m->heads)? */
static inline int sg_has_head(const sg_matcher *m, uint32_t entity)
{
    return (m->has_head[entity / 64] >> (entity % 64)) & 1;
}

/* The record of the prefix hashed to h, made when missing; NULL when out of
 * memory. */
prefix_rec *sg_prefix_get(sg_matcher *m, uint64_t h);

/* Appends n bytes to the matcher's texts; returns their offset in *off. */
int sg_matcher_text(sg_matcher *m, const char *t, size_t n, size_t *off);

/* variants.c: the readings of a name that differ from its spelling. */

/* Compiles the skeletons and acronym forms of the folded alias t[0, n) of
 * `entity` (mode MODE_*, alias number `alias`, as written: `written`). */
int sg_variants_add(sg_matcher *m, uint32_t entity, uint32_t alias, const char *written,
                    const char *t, const unsigned char *fl, size_t n, unsigned char mode);

/* After every name is in: the skeletons with their region dropped. */
int sg_variants_finish(sg_matcher *m);

/* What the walk of a name at a word start learnt for the variants: the first
 * word's record (NULL: no name nor skeleton starts so), whether a name starts
 * there, and the skeleton read on the way while the text's words were one
 * space apart with no function word (its end, 0 if none), or `dirty` when
 * the text needs the skeleton's own walk (a function word, an apostrophe, a
 * bracket, or a word that may be an inserted adjective). */
typedef struct {
    const prefix_rec *first;
    size_t first_end; /* the end of the word at the start */
    uint64_t first_h; /* the hash of that word (sg_prefix_step from SG_PREFIX_SEED) */
    int named, dirty;
    size_t name_end; /* the end of the longest name there */
    size_t skel_end;
    uint32_t skel_entity;
    int skel_confirm; /* 1: only where the document names it otherwise; 2: in a list only */
    /* a generic head and a word that may be inserted after it, no name going
     * on with that word: its end, where the skeleton's walk resumes; 0 */
    size_t resume;
} sg_walk;

/* A hospital's head, its eponym and its town at word start i ("l'hôpital
 * Bonnet de Fréjus" for the "Centre hospitalier de Fréjus"): 1 and the
 * reading's end and entity, the eponym's span [*es, *ee); 0 if none. */
int sg_eponym_reading(const sg_matcher *m, const sg_folded *f, size_t i, size_t *end,
                      uint32_t *entity, size_t *es, size_t *ee);

/* May a hospital's head and an eponym start at word start i (a word of wl
 * bytes)? The cheap test before sg_eponym_reading. */
static inline int sg_eponym_may(const sg_folded *f, size_t i, size_t wl)
{
    const char *t = f->text + i;
    if (!((wl == 7 && !memcmp(t, "hopital", 7)) || (wl == 6 && !memcmp(t, "centre", 6)) ||
          ((wl == 2 || wl == 3) && t[0] == 'c' && t[1] == 'h' && (f->flags[i + 1] & SG_F_UPPER))))
        return 0;
    return i + wl + 1 < f->len && f->text[i + wl] == ' ';
}

/* The variant candidates starting at word start i of `f` (original text s). */
int sg_variants_at(const sg_matcher *m, const sg_folded *f, const char *s, size_t i,
                   const sg_walk *w, sg_hits *hits);

/* Before the guards: a hospital's one-word name that counts only where the
 * document names it in full ("Cimiez" for "Hôpital de Cimiez") counts too in a
 * list with another organisation's name ("l'Archet et Cimiez", "(Archet,
 * Cimiez, Pasteur)"): such a list is of hospitals; and a capitalised word
 * alone beside such a name in a list is the hospital whose name lent names it
 * so ("Orange, Montélimar": the "Hôpital d'Orange" lent to the user's
 * hospital Louis-Giorgi), when no reading has it. Returns 0 or SG_ERR_NOMEM. */
int sg_variants_listed(const sg_matcher *m, const sg_folded *f, sg_hits *hits);

/* After the choice of mentions: a region after an acronym joins it ("FHF
 * Paca"), and a place inside a hyphenated name ("Nice-Nord") is dropped. */
void sg_variants_after(const sg_matcher *m, const sg_folded *f, const char *s, size_t slen,
                       sg_hits *hits);

/* The best entity whose skeleton is exactly f->text[i, j) among the chain of
 * record r (`capitals`: every word there starts with a capital), or
 * SG_TRIE_NONE; *confirm: the reading counts only where the document names
 * the entity otherwise (1) or in a list of organisations (2). */
uint32_t sg_skel_clean(const sg_matcher *m, const prefix_rec *r, const sg_folded *f, size_t i,
                       size_t j, int capitals, int *confirm);

/* Generic heads: "ch", "chu", ... (in capitals in the text), and the words
 * after which an adjective may be inserted ("clinique", "hopital", ...). */
int sg_head_acronym(const char *t, size_t n);
/* Is the folded word t[0, n) the acronym of any head, a hospital's or a kind
 * of body's ("ch", "ihu", "gie", "msp"...)? In a skeleton's walk it must be
 * in capitals. */
int sg_heads_acronym(const char *t, size_t n);
/* Is the folded word [b, e) of f a head's acronym that a skeleton's walk may
 * not read there: one not in capitals, but "Ehpad", a word of the press in
 * any case, and "Ifsi", capitalised? */
int sg_head_acronym_unread(const sg_folded *f, size_t b, size_t e);
/* The acronym of the kind whose long form is the skeleton k[0, n) ("groupement
 * hospitalier territoire": "ght"), or NULL. */
const char *sg_kind_long_form(const char *k, size_t n);
int sg_generic_head(const char *t, size_t n);
/* Is skeleton or folded name k[0, n) a kind and nothing else: a generic head
 * ("ehpad"), a head in full or as an acronym ("etablissement hebergement pour
 * personnes agees dependantes", "chu")? (variants.c) */
int sg_kind_alone(const char *k, size_t n);

/* The town of a demonym ("nicoise" -> "nice"), in skeleton form, or NULL. */
const char *sg_demonym(const char *t, size_t n);

/* Is the word after folded offset p, past its space, a town's adjective in
 * lower case ("le CHU toulonnais": another town's hospital)? */
static inline int sg_demonym_after(const sg_folded *f, size_t p)
{
    size_t ws = p + 1, we = ws;
    if (ws >= f->len || f->text[p] != ' ' || !(f->flags[ws] & SG_F_LOWER))
        return 0;
    while (we < f->len && (f->flags[we] & SG_F_ALNUM))
        we++;
    return sg_demonym(f->text + ws, we - ws) != NULL;
}

/* May the lower-case word w[0, wn) be inserted after the generic head
 * head[0, hn)? Not a kind of hospitals after "hôpitaux": "les hôpitaux
 * pédiatriques de Nice" are not the CHU's "hôpitaux de Nice". */
int sg_insertable(const char *head, size_t hn, const char *w, size_t wn);
/* A word as skeletons read it: "st" and "ste" as "saint" and "sainte"
 * ("St-Raphaël", "hôpital Ste-Musse"), a Roman numeral up to ten as its
 * digits ("l'hôpital Pasteur II" for Hôpital Pasteur 2), "ephad" as "ehpad"
 * ("l'Ephad L'Agora"), "ados", "restos" and "hospitalo" in full
 * (sg_short_word):
 * replaces *t, *n. */
void sg_skeleton_word(const char **t, size_t *n);
/* Is the folded word t[0, n) a Roman numeral that skeletons read as digits? */
int sg_roman_numeral(const char *t, size_t n);

/* Is the folded word t[0, n) the first word of a plural head shared by several
 * names ("hopitaux", "centres" of "centres hospitaliers")? */
int sg_plural_head(const char *t, size_t n);

/* Is the word [i, i + n), in capitals or title case, a kind's acronym after a
 * plural determiner ("les CH", in capitals; "les CPTS", "les Ehpad")?
 * (variants_lists.c) */
int sg_shared_kind_may(const sg_folded *f, size_t i, size_t n);

/* May names sharing a head start a list at the word [i, i + n): a plural head
 * ("les hôpitaux"), or a kind's acronym after a plural determiner? Asked at
 * every word: plural heads end in s or x, the acronyms are capitalised. */
static inline int sg_shared_head_may(const sg_folded *f, size_t i, size_t n)
{
    if (n >= 7)
        return (f->text[i + n - 1] == 's' || f->text[i + n - 1] == 'x') &&
               sg_plural_head(f->text + i, n);
    return n >= 2 && n <= 5 && (f->flags[i] & SG_F_UPPER) &&
           (f->flags[i + 1] & SG_F_UPPER) == (f->flags[i + n - 1] & SG_F_UPPER) &&
           sg_shared_kind_may(f, i, n);
}

/* Where the sentence holding folded offset p starts (dir -1) or ends (dir
 * 1): at a full stop, '!', '?' or a line break. */
static inline size_t sg_sentence_edge(const sg_folded *f, size_t p, int dir)
{
    if (dir < 0) {
        while (p > 0 && !strchr(".!?\n", f->text[p - 1]))
            p--;
        return p;
    }
    while (p < f->len && !strchr(".!?\n", f->text[p]))
        p++;
    return p;
}

/* The word before folded offset p, across spaces (and apostrophes when
 * `elision`): sets [*b, *e); *b == *e when there is none. */
static inline void sg_word_before(const sg_folded *f, size_t p, int elision, size_t *b, size_t *e)
{
    size_t end = p;
    while (end > 0 && (f->text[end - 1] == ' ' || (elision && f->text[end - 1] == '\'')))
        end--;
    size_t start = end;
    while (start > 0 && (f->flags[start - 1] & SG_F_ALNUM))
        start--;
    *b = start;
    *e = end;
}

/* Walks the matcher's surnames along the text from folded offset *j (*node:
 * the trie's node reached so far, its root first) to the next word's end:
 * returns that end, *node then the node of the surname spelt up to it; 0
 * when no surname goes on. */
static inline size_t sg_surname_step(const sg_matcher *m, const sg_folded *f, size_t *j,
                                     uint32_t *node)
{
    while (*j < f->len) {
        *node = sg_trie_child(m->surnames, *node, (unsigned char)f->text[*j]);
        ++*j;
        if (*node == SG_TRIE_NONE)
            return 0;
        if (*j == f->len || !(f->flags[*j] & SG_F_ALNUM))
            return *j;
    }
    return 0;
}

/* The first capital starting a word in [q, lim), or lim (q > 0): the scans
 * between hits, sixteen flags at a time with SSE2 (the capitals and the
 * letters before them as two masks: capitals inside a word, "SNCF", are
 * passed there too; 6% of the 1,000-entry sparse bench run went to this
 * scan eight flags at a time), else eight at a time where none is a capital,
 * as most of a text is lower case. */
static inline size_t sg_next_capital(const sg_folded *f, size_t q, size_t lim)
{
    const unsigned char *fl = f->flags;
#if defined(__SSE2__)
    for (; q + 16 <= lim; q += 16) {
        /* (a flag's bit to the byte's top bit: SG_F_UPPER is bit 1 and
           SG_F_ALNUM bit 0, and no bit crosses into the next byte's top) */
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(fl + q));
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(fl + q - 1));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_slli_epi16(a, 6)) &
                     ~(unsigned)_mm_movemask_epi8(_mm_slli_epi16(b, 7));
        if (m)
            return q + (unsigned)__builtin_ctz(m);
    }
#endif
    while (q < lim) {
        if (q + 8 <= lim) {
            uint64_t x;
            memcpy(&x, fl + q, 8);
            if (!(x & 0x0101010101010101ULL * SG_F_UPPER)) {
                q += 8;
                continue;
            }
        }
        if ((fl[q] & SG_F_UPPER) && !(fl[q - 1] & SG_F_ALNUM))
            return q;
        q++;
    }
    return lim;
}

/* Is the word at folded offset i right after the elided one-letter word c
 * and its apostrophe ("d'" for c 'd', "l'" for c 'l')? */
static inline int sg_elided_before(const sg_folded *f, size_t i, char c)
{
    return i >= 2 && f->text[i - 1] == '\'' && f->text[i - 2] == c &&
           (i == 2 || !(f->flags[i - 3] & SG_F_ALNUM));
}

/* Is the original character at folded offset k (a ' ') a dash? */
static inline int sg_dash_at(const sg_folded *f, const char *s, size_t k)
{
    const unsigned char *o = (const unsigned char *)s + f->src[k];
    size_t left = f->src[f->len] - f->src[k];
    return o[0] == '-' ||
           (left >= 3 && o[0] == 0xE2 && o[1] == 0x80 && (o[2] == 0x90 || o[2] == 0x91));
}

/* Is the folded word t[0, n) the word w? */
static inline int sg_word_is(const char *t, size_t n, const char *w)
{
    return n > 0 && w[0] == t[0] && strlen(w) == n && !memcmp(t, w, n);
}

/* The length of w when the folded text t[0, n) starts with it and goes on
 * after it, else 0. Its first byte is compared first: asked of every
 * skeleton for each head of a list, most start with none. */
static inline size_t sg_starts_with(const char *t, size_t n, const char *w)
{
    if (n == 0 || t[0] != w[0])
        return 0;
    size_t l = strlen(w);
    return n > l && !memcmp(t, w, l) ? l : 0;
}

/* "Ephad", the press's frequent slip for "Ehpad", which a name's skeleton
 * reads as "ehpad" (sg_skeleton_word). */
static inline int sg_ephad(const char *t, size_t n)
{
    return sg_word_is(t, n, "ephad");
}

/* "ados", "restos": the press's short words for "adolescents" and
 * "restaurants" ("la Maison des ados", "les Restos du cœur"), and
 * "hospitalo", the compound's form of "hospitalier" ("le centre
 * hospitalo-universitaire de Nice" for the Centre hospitalier universitaire
 * de Nice), which a name's skeleton reads in full (sg_skeleton_word). */
static inline int sg_short_word(const char *t, size_t n)
{
    return sg_word_is(t, n, "ados") || sg_word_is(t, n, "restos") || sg_word_is(t, n, "hospitalo");
}

/* "st", "ste": "Saint", "Sainte" shortened, which a name's skeleton reads in
 * full (sg_skeleton_word). */
static inline int sg_saint_short(const char *t, size_t n)
{
    return (n == 2 || n == 3) && t[0] == 's' && t[1] == 't' && (n == 2 || t[2] == 'e');
}

/* Is the folded word t[0, n) one of the `count` words of `list`? */
static inline int sg_word_in(const char *t, size_t n, const char *const *list, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (n > 0 && list[k][0] == t[0] && strlen(list[k]) == n && !memcmp(t, list[k], n))
            return 1;
    return 0;
}

/* The kinds of way (SG_WAY_*, sg_way_noun) among `kinds` that the word
 * right before folded offset p (across spaces) names; 0 for none. */
static inline unsigned sg_way_before(const sg_folded *f, size_t p, unsigned kinds)
{
    size_t b, e;
    sg_word_before(f, p, 0, &b, &e);
    return e != p && e != 0 ? sg_way_noun(f->text + b, e - b) & kinds : 0;
}

/* Is the word right before folded offset p (across spaces) one of `list`? */
static inline int sg_word_before_in(const sg_folded *f, size_t p, const char *const *list,
                                    size_t count)
{
    size_t b, e;
    sg_word_before(f, p, 0, &b, &e);
    return e != p && e != 0 && sg_word_in(f->text + b, e - b, list, count);
}

/* Is the body named by its territory at i in lower case the body all the
 * same, after an office of it: "la vice-présidente de la région X", "le
 * président du département des Alpes-Maritimes"? Not a town ("le maire de
 * la ville", "maire de la ville d'Hyères": the town he heads), nor after the
 * elected in the plural ("les élus du département": the territory's). */
int sg_office_before(const sg_folded *f, size_t i);

/* Does the body named in lower case by its kind's words [ws, end) act, the
 * subject of a body's verb or the agent after "par" ("le département nous a
 * apporté", "financé par le département"; acts.c)? */
int sg_body_acts(const sg_folded *f, size_t ws, size_t end);
/* Is the folded word [b, e) a party's acronym in capitals ("LR", "PS")?
 * (bodies.c) */
int sg_party_at(const sg_folded *f, size_t b, size_t e);

/* A department or the region right after an acronym in capitals and "de",
 * "du", "des" ("le CDOM des Bouches-du-Rhône", "la CPAM de Vaucluse", "le
 * Service départemental d'incendie et de secours (SDIS) des
 * Bouches-du-Rhône"): the body's territory, part of its name, not a mention
 * of the place (a town stays one: "la CGT de Fos"; the place after a
 * party's acronym too). Asked once the seat rules have not joined the place
 * to the acronym's mention ("la CPAM de Vaucluse" for the CPAM de Vaucluse;
 * variants_read.c). (dropped.c) */
int sg_territory_of_acronym(const sg_matcher *m, const sg_folded *f, const sg_hit *x);

/* Adds `alias` (as written, with the entity's `guard`) as a name of
 * `entity`, with its variants; a guard with SG_ALIAS_LENT adds a name lent
 * (known.c), without variants. Returns 0 or an SG_ERR_*. */
int sg_matcher_add_alias(sg_matcher *m, sg_folded *scratch, uint32_t entity, const char *alias,
                         unsigned char guard);

/* known.c: the names a user's organisation borrows from the bundled
 * gazetteer's entry it names (variant "known"). Begin once, when the first
 * entity that may borrow is added (the bundled table is parsed and indexed
 * then); note each folded name of such an entity as it is added; lend once
 * every name is in (sg_matcher_finish); free. */
typedef struct sg_known sg_known;
int sg_known_begin(sg_matcher *m, sg_folded *scratch, sg_error *err);
int sg_known_note(sg_matcher *m, uint32_t entity, const sg_name_reading *r);
int sg_known_lend(sg_matcher *m, sg_folded *scratch);
void sg_known_free(sg_known *k);
/* Indexes lent alias `alias`, folded t[0, n). */
int sg_known_index(sg_matcher *m, const char *t, const unsigned char *fl, size_t n, uint32_t alias);
/* May a name lent start with the word hashed to h (sg_walk.first_h)? */
static inline int sg_known_may(const sg_matcher *m, uint64_t h)
{
    uint64_t x = h * 0x9E3779B97F4A7C15ULL >> 52; /* 12 bits */
    return (m->lent_first[x >> 6] >> (x & 63)) & 1;
}
/* The longest name lent at word start i, pushed as an SG_HIT_KNOWN hit.
 * Returns 0 or SG_ERR_NOMEM. */
int sg_known_at(const sg_matcher *m, const sg_folded *f, size_t i, sg_hits *hits);
/* The name lent whose skeleton is `singular` ("hopital", a shared plural
 * head's) then the content words of folded f->text[j, e) up to a word's end,
 * the longest: its end (0: none) and entity. For "les hôpitaux de Gap et de
 * Briançon" when no name of the user's is read there. */
size_t sg_known_shared(const sg_matcher *m, const sg_folded *f, const char *singular, size_t j,
                       size_t e, uint32_t *entity);
/* The entity whose names lent read a hospital as its head and one
 * capitalised word (a site of a town: "Hôpital d'Orange", "CH d'Orange"),
 * given folded word w[0, n); SG_TRIE_NONE when none, or two. */
uint32_t sg_known_site(const sg_matcher *m, const char *w, size_t n);
/* The overlap rule of the names lent, in one place: a hit of a name lent
 * loses against any hit of a user's own name it overlaps. On the candidates,
 * sorted, before the choice of mentions. */
void sg_known_give_way(const sg_matcher *m, sg_hits *h);

/* match.c: does alias `a` fit the case of the text at i; the better of two
 * aliases on one span; the end of a name with its tail when the text has it. */
int sg_case_fits(const sg_matcher *m, const alias_rec *a, const sg_folded *f, size_t i);
int sg_alias_better(const sg_matcher *m, const alias_rec *a, const alias_rec *b);
size_t sg_alias_tail(const sg_matcher *m, const alias_rec *a, const sg_folded *f, size_t end);

/* towns.c: the short names of towns ("Digne" for Digne-les-Bains), as names
 * read after a cue only. */
int sg_towns_add(sg_matcher *m, sg_folded *scratch);
/* The length of a commune's short name as the press writes it, its name as
 * written cut before its first linking word ("Aix" for Aix-en-Provence, "La
 * Seyne" for La Seyne-sur-Mer), or 0 (towns.c). */
size_t sg_town_short(const char *name);
/* Is t[0, n) a word that links a town's name's parts, folded ("en", "sur",
 * "les"...) or as written ("lès")? (towns.c: the one list.) */
int sg_town_link(const char *t, size_t n);

/* A place named Provence-Alpes-Côte d'Azur is read by its short name too ("la
 * région Paca", "en PACA"), capitalised (variant "region"), unless another
 * entity has that name (variants.c). Returns 0 or SG_ERR_NOMEM. */
int sg_region_names_add(sg_matcher *m, sg_folded *scratch);
/* A name's qualifier in brackets dropped: "Ehpad La Pinède (Sanary-sur-Mer)"
 * read as "Ehpad La Pinède" too, unless another entry is named or reads so
 * (variant "qualifiers", qualifiers.c). Returns 0 or SG_ERR_NOMEM. */
int sg_qualified_names_add(sg_matcher *m, sg_folded *scratch);
/* The bytes of `name` before a qualifier in brackets that ends it, "X (Y)",
 * the spaces before the bracket excluded; 0 when it has none (or nothing
 * before it). */
size_t sg_before_qualifier(const char *name);
/* Adds `name` to the entity's names, derived, with guard `guard`
 * (SG_GUARD_*) (variants.c). */
int sg_derived_alias(sg_matcher *m, sg_folded *scratch, uint32_t entity, const char *name,
                     unsigned char guard);
/* And, once the variants are made, "Région Sud" for that place when no
 * regional council (nor any other entity) reads so: the territory. */
int sg_region_place_names_add(sg_matcher *m, sg_folded *scratch);

/* Folds entity's label (its markers '=' and '!' left out) into *t, *n,
 * pointing into `scratch` (sg_fold_name_in). Returns 0 or SG_ERR_NOMEM.
 * (bodies.c) */
int sg_fold_label(const sg_matcher *m, sg_folded *scratch, uint32_t entity, const char **t,
                  size_t *n);

/* bodies.c: notes the kind of local authority `entity` is, from its label
 * (folded in `scratch`). */
int sg_bodies_add(sg_matcher *m, sg_folded *scratch, uint32_t entity);
/* Once every name is in: the bodies whose name ends with a place's, sorted
 * by place. Returns 0 or SG_ERR_NOMEM. */
int sg_bodies_finish(sg_matcher *m, sg_folded *scratch);

/* Does a plural determiner come right before folded offset q ("les",
 * "des", "aux", "ces", "plusieurs", "nos"...)? */
int sg_plural_before(const sg_folded *f, size_t q);

/* Does `entity` name several, as the Hospices civils de Lyon or "Les
 * Hôpitaux de Marseille" do, by one of its names, or may it (its names are
 * acronyms)? (dropped.c) */
int sg_plural_label(const sg_matcher *m, uint32_t entity);

/* Drops the chosen hits whose words name something else than the entity they
 * spell (dropped.c): eponyms, kinds, "d'État", handles and addresses. */
/* Find the gazetteer's `city` column and index the organisations by it. */
int sg_drop_finish(sg_matcher *m);
void sg_drop_readings(const sg_matcher *m, const sg_folded *f, const char *s, size_t slen,
                      sg_hits *h);

/* Does the folded word w[0, n) name nothing alone: a head or a kind
 * (Clinique, Groupe, Santé), a trade (Pharma), a place, a role, a first name,
 * a point of the compass, a function word (suggest's word lists;
 * short_names.c)? */
int sg_word_names_nothing(const char *w, size_t n);

/* Does the entity's name, or one of its names, hold w[0, n) as written? */
int sg_names_hold(const sg_entity *e, const char *w, size_t n);

/* The department (an index, 0: none) that t[0, n) (folded) names (a
 * department's name or INSEE code), and that it names or is in (a commune of
 * the region); from the bundled places built into the library
 * (departments.c). */
unsigned sg_department_named(const char *t, size_t n);
unsigned sg_department_of(const char *t, size_t n);
/* The department whose INSEE code is t[0, n) ("13"), 0 when none. */
unsigned sg_department_code(const char *t, size_t n);

/* Is the word at folded offset p a place or body named after someone:
 * "hôpital Lenval", "rue Paoli", "résidence Simone Veil" (the word before it
 * is such a noun)? */
int sg_named_after(const sg_folded *f, size_t p);

/* Does a plural or an indefinite determiner come right before folded offset
 * q ("les", "une", "chaque"...)? An acronym of a kind there is the kind. */
int sg_kind_before(const sg_folded *f, size_t q);

/* sg_kind_before, or "de" without an article ("un projet d'IHU", "la
 * création de CPTS"): an acronym of a kind there is the kind. */
int sg_kind_context(const sg_folded *f, size_t q);

/* Does "hôtel de" or "hôtel du" come right before folded offset p: "l'Hôtel
 * de Région", "l'hôtel du Département", "l'Hôtel de Ville d'Arles", the
 * building, not the body? */
int sg_hotel_before(const sg_folded *f, size_t p);

/* Is the folded word t[0, n) a function word (de, des, du, d, la, le, les, l)? */
int sg_function_word(const char *t, size_t n);

#endif
