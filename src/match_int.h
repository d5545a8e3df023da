/* The matcher's internals, shared by match.c and resolve.c. */
#ifndef SG_MATCH_INT_H
#define SG_MATCH_INT_H

#include "match.h"
#include "regexp.h"
#include "trie.h"

enum { MODE_PLAIN = 0, MODE_ACRONYM = 1, MODE_EXACT = 2 };

typedef struct {
    uint32_t entity;
    uint32_t len;
    size_t flags_off; /* MODE_EXACT: offset of the alias's case flags in the pool */
    unsigned char mode;
} alias_rec;

typedef struct {
    uint32_t entity;
    sg_regex *re;
} pattern_rec;

struct sg_matcher {
    const sg_gazetteer *gaz;
    sg_trie *names; /* folded alias -> alias_rec index */
    alias_rec *aliases;
    size_t naliases, aliases_cap;
    unsigned char *pool; /* case flags of exact aliases */
    size_t pool_len, pool_cap;
    sg_trie *surnames; /* folded surname -> person entity */
    pattern_rec *patterns;
    size_t npatterns;
    uint32_t *rank; /* entity -> rank in id order */
    unsigned char *is_person;
};

#endif
