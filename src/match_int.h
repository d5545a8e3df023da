/* The matcher's internals, shared by match.c and resolve.c. */
#ifndef SG_MATCH_INT_H
#define SG_MATCH_INT_H

#include "match.h"
#include "regexp.h"
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
} alias_rec;

/* A prefix of a folded name that ends a word. */
typedef struct {
    uint32_t key;   /* 31-bit fingerprint of its hash << 1, | 1 for a whole name; 0 = empty */
    uint32_t alias; /* whole names: the first alias of the chain with this fingerprint */
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
     * is confirmed by comparing its bytes. Open addressing. */
    prefix_rec *prefixes;
    size_t prefix_mask, nprefixes;
    alias_rec *aliases;
    size_t naliases, aliases_cap;
    char *texts; /* the folded aliases, end to end */
    size_t texts_len, texts_cap;
    unsigned char *pool; /* case flags of exact aliases */
    size_t pool_len, pool_cap;
    sg_trie *surnames; /* folded surname -> person entity */
    pattern_rec *patterns;
    size_t npatterns;
    uint32_t *rank; /* entity -> rank in id order */
    unsigned char *is_person;
};

#endif
