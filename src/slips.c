/* Typing slips in acronyms (variant "fuzzy"): an acronym of four to six
 * letters in capitals that no gazetteer knows, with two neighbouring letters
 * swapped from one it knows ("IMPC" for the IPMC, "UFSA" for the UFAS), is a
 * mention of that one, when exactly one entity's acronym reads so. Shorter
 * acronyms have too many neighbours to guess from. */
#include <string.h>

#include "match_int.h"
#include "sg_internal.h"
#include "variants_int.h"

#define SLIP_MIN 4
#define SLIP_MAX 6

/* The entity whose acronym (as written in capitals) is t[0, n), or
 * SG_TRIE_NONE; SG_BODY_SEVERAL when several entities' are. */
static uint32_t acronym_of(const sg_matcher *m, const char *t, size_t n)
{
    const prefix_rec *r = sg_prefix_lookup(m, sg_hash_bytes(SG_PREFIX_SEED, t, n));
    uint32_t one = SG_TRIE_NONE;
    for (uint32_t v = r ? sg_prefix_alias(m, r) : SG_TRIE_NONE; v != SG_TRIE_NONE;
         v = m->aliases[v].next) {
        const alias_rec *a = &m->aliases[v];
        if (a->len != n || a->mode != MODE_ACRONYM || memcmp(m->texts + a->text_off, t, n))
            continue;
        if (one != SG_TRIE_NONE && one != a->entity)
            return SG_BODY_SEVERAL;
        one = a->entity;
    }
    return one;
}

/* The one entity an acronym with two neighbouring letters swapped reads at
 * [p, e), or SG_TRIE_NONE. */
static uint32_t slip_at(const sg_matcher *m, const sg_folded *f, size_t p, size_t e)
{
    size_t n = e - p;
    char buf[SLIP_MAX];
    if (n < SLIP_MIN || n > SLIP_MAX || (e < f->len && (f->flags[e] & SG_F_ALNUM)))
        return SG_TRIE_NONE;
    for (size_t k = p; k < e; k++)
        if (!(f->flags[k] & SG_F_UPPER) || f->text[k] < 'a' || f->text[k] > 'z')
            return SG_TRIE_NONE; /* letters in capitals only */
    if (sg_alias_named(m, f->text + p, n, 0) != SG_TRIE_NONE)
        return SG_TRIE_NONE; /* a name of its own, dropped for a reason */
    uint32_t one = SG_TRIE_NONE;
    for (size_t i = 0; i + 1 < n; i++) {
        if (f->text[p + i] == f->text[p + i + 1])
            continue;
        memcpy(buf, f->text + p, n);
        buf[i] = f->text[p + i + 1];
        buf[i + 1] = f->text[p + i];
        uint32_t e2 = acronym_of(m, buf, n);
        if (e2 == SG_TRIE_NONE)
            continue;
        if (e2 == SG_BODY_SEVERAL || (one != SG_TRIE_NONE && one != e2))
            return SG_TRIE_NONE;
        one = e2;
    }
    return one != SG_TRIE_NONE && (m->allowed[one] & SG_VARIANT_FUZZY) ? one : SG_TRIE_NONE;
}

size_t sg_slip_at(const sg_matcher *m, const sg_folded *f, size_t p, size_t lim, size_t *start,
                  uint32_t *who)
{
    if (p + SLIP_MIN > lim)
        return 0;
    size_t e = p;
    while (e < lim && (f->flags[e] & SG_F_ALNUM))
        e++;
    *start = p;
    *who = slip_at(m, f, p, e);
    return *who != SG_TRIE_NONE ? e : 0;
}
