/* The matcher's internals, shared by match.c, variants.c and resolve.c. */
#ifndef SG_MATCH_INT_H
#define SG_MATCH_INT_H

#include "match.h"
#include "regexp.h"
#include "stakegraph/extract.h"
#include "trie.h"

enum { MODE_PLAIN = 0, MODE_ACRONYM = 1, MODE_EXACT = 2 };

typedef struct {
    uint32_t entity;
    uint32_t len;     /* folded length */
    size_t text_off;  /* the folded alias in `texts` */
    size_t flags_off; /* MODE_EXACT: offset of the alias's case flags in the pool */
    uint32_t next;    /* next alias with the same fingerprint, or SG_TRIE_NONE */
    unsigned char mode;
    unsigned char guard; /* SG_GUARD_CONFIRM or SG_GUARD_CUE: checked after matching; 0 */
    unsigned char tail;  /* punctuation that ends the name as written, after `len` in
                            `texts` ("(Ville)": ")"): the mention takes it when the text
                            has it */
} alias_rec;

/* A name's skeleton (variants.c): its content words, one space apart, with
 * function words dropped and generic heads in one form ("centre hospitalier
 * universitaire nice" and "chu nice" for "CHU de Nice"). */
typedef struct {
    uint32_t entity;
    uint32_t len;
    size_t text_off; /* in `texts` */
    uint32_t next;   /* next skeleton with the same fingerprint */
    uint16_t needs;  /* SG_VARIANT_* this reading needs besides the walk's own */
    unsigned char words;
} skel_rec;

/* A prefix of a folded name (or skeleton) that ends a word. */
typedef struct {
    uint32_t key;   /* 31-bit fingerprint of its hash << 1, | 1 for a whole name; 0 = empty */
    uint32_t alias; /* whole names: the first alias of the chain with this fingerprint */
    uint32_t skel;  /* whole skeletons: the first of their chain, or SG_TRIE_NONE */
    uint32_t fuzzy; /* first words of long skeletons: the first of their chain */
} prefix_rec;

typedef struct {
    uint32_t entity;
    sg_regex *re;
} pattern_rec;

struct sg_matcher {
    const sg_gazetteer *gaz;
    /* Every prefix of a folded name that ends a word ("saint", "saint jean",
     * "saint jean d", ... "saint jean d angely"), by a fingerprint of its
     * hash: the matcher reads the text one word at a time, and a whole name
     * is confirmed by comparing its bytes. Open addressing. Skeletons share
     * the table. */
    prefix_rec *prefixes;
    size_t prefix_mask, nprefixes;
    alias_rec *aliases;
    size_t naliases, aliases_cap;
    skel_rec *skels;
    size_t nskels, skels_cap;
    uint32_t *fuzzy_next; /* per skeleton: next long one with the same first word */
    size_t fuzzy_cap;
    /* acronyms by their letters alone ("aphm" for AP-HM): open addressing
     * of (written without accents) << 63 | 31-bit fingerprint << 32 | (alias + 1) */
    uint64_t *forms;
    size_t forms_mask, nforms;
    char *texts; /* the folded aliases and skeletons, end to end */
    size_t texts_len, texts_cap;
    unsigned char *pool; /* case flags of exact aliases */
    size_t pool_len, pool_cap;
    sg_trie *surnames; /* folded surname -> person entity */
    sg_trie *heads;    /* folded head acronym ("chu" of "CHU de Nice") -> entity */
    pattern_rec *patterns;
    size_t npatterns;
    uint32_t *rank; /* entity -> rank in id order */
    unsigned char *is_person;
    unsigned char *is_place;
    uint16_t *allowed; /* entity -> SG_VARIANT_* allowed */
    unsigned variants; /* the union of `allowed` */
    int furniture;     /* match inside credits and bylines too */
};

/* The hash of a folded prefix, extended byte by byte (FNV-1a). */
#define SG_PREFIX_SEED 0xCBF29CE484222325ULL
static inline uint64_t sg_prefix_step(uint64_t h, unsigned char b)
{
    return (h ^ b) * 0x100000001B3ULL;
}

/* The record of the prefix hashed to h, or NULL when no name starts so. */
const prefix_rec *sg_prefix_lookup(const sg_matcher *m, uint64_t h);

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

/* The variant candidates starting at word start i of `f` (original text s);
 * `named`: a name of the gazetteer starts there. */
int sg_variants_at(const sg_matcher *m, const sg_folded *f, const char *s, size_t i, int named,
                   sg_hits *hits);

/* After the choice of mentions: a region after an acronym joins it ("FHF
 * Paca"), and a place inside a hyphenated name ("Nice-Nord") is dropped. */
void sg_variants_after(const sg_matcher *m, const sg_folded *f, const char *s, size_t slen,
                       sg_hits *hits);

/* Is the folded word t[0, n) a function word (de, des, du, d, la, le, les, l)? */
int sg_function_word(const char *t, size_t n);

/* furniture.c: drops the hits inside credits, bylines and page furniture
 * ("Photo : X", "— Crédit : X", "Par Jean Dupont", "Lire aussi : ..."). */
int sg_furniture_filter(const sg_folded *f, const char *s, size_t slen, sg_hits *hits);

#endif
