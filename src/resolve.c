/* Resolution inside one document (SPEC §4): acronyms defined in the text
 * ("Fédération des transporteurs sanitaires (FNTS)") and surnames of people
 * already named ("Jean-Paul Segade" ... "M. Segade"). */
#include <stdlib.h>
#include <string.h>

#include "match_int.h"
#include "sg_internal.h"

#define MAX_ACRONYM 24 /* folded bytes between the brackets */

/* Index of the first hit ending after `pos` (hits sorted, non-overlapping). */
static size_t first_after(const sg_hits *h, size_t pos)
{
    size_t lo = 0, hi = h->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (h->v[mid].fe <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Adds [fs, fe) as a mention of `entity`: a hit with exactly that span takes
 * the new entity, a free span gets a new hit, an overlap is left alone. The
 * new hits go to `add` (merged by the caller) so that `h` stays sorted. */
static int claim(sg_hits *h, sg_hits *add, size_t fs, size_t fe, uint32_t entity, unsigned char how)
{
    size_t k = first_after(h, fs);
    if (k < h->n && h->v[k].fs < fe) {
        if (h->v[k].fs == fs && h->v[k].fe == fe) {
            h->v[k].entity = entity;
            h->v[k].how = how;
        }
        return 0;
    }
    return sg_hits_push(add, fs, fe, entity, how);
}

static int merge(sg_hits *h, sg_hits *add)
{
    for (size_t i = 0; i < add->n; i++)
        if (sg_hits_push(h, add->v[i].fs, add->v[i].fe, add->v[i].entity, add->v[i].how))
            return SG_ERR_NOMEM;
    add->n = 0;
    sg_hits_sort(h);
    return 0;
}

/* Are the letters of the acronym text[a0, a1) found in order in the long form
 * text[l0, l1), the first one starting it? */
static int letters_fit(const sg_folded *f, size_t a0, size_t a1, size_t l0, size_t l1)
{
    size_t k = l0;
    int first = 1;
    for (size_t i = a0; i < a1; i++) {
        if (!(f->flags[i] & SG_F_ALNUM) || (f->text[i] >= '0' && f->text[i] <= '9'))
            continue;
        if (first) {
            if (f->text[l0] != f->text[i])
                return 0;
            first = 0;
            k = l0 + 1;
            continue;
        }
        while (k < l1 && f->text[k] != f->text[i])
            k++;
        if (k >= l1)
            return 0;
        k++;
    }
    return !first;
}

/* Finds "(ACR)" right after hit `x`; sets [a0, a1) and returns 1. */
static int acronym_after(const sg_folded *f, const sg_hit *x, size_t *a0, size_t *a1)
{
    size_t k = x->fe;
    if (k < f->len && f->text[k] == ' ')
        k++;
    if (k >= f->len || f->text[k] != '(')
        return 0;
    size_t s = ++k;
    while (k < f->len && k - s <= MAX_ACRONYM && f->text[k] != ')' && f->text[k] != '\n')
        k++;
    if (k >= f->len || f->text[k] != ')' || k == s)
        return 0;
    size_t e = k, upper = 0;
    for (size_t i = s; i < e; i++) {
        unsigned char fl = f->flags[i];
        if (fl & SG_F_LOWER)
            return 0;
        if (!(fl & SG_F_ALNUM) && f->text[i] != ' ' && f->text[i] != '&' && f->text[i] != '.')
            return 0;
        upper += (fl & SG_F_UPPER) != 0;
    }
    if (upper < 2 || !(f->flags[s] & SG_F_ALNUM) || !(f->flags[e - 1] & SG_F_ALNUM))
        return 0;
    if (!letters_fit(f, s, e, x->fs, x->fe))
        return 0;
    *a0 = s;
    *a1 = e;
    return 1;
}

static int in_capitals(const sg_folded *f, size_t p, size_t n)
{
    for (size_t i = p; i < p + n; i++)
        if (f->flags[i] & SG_F_LOWER)
            return 0;
    return 1;
}

/* Every later occurrence of text[a0, a1) in capitals becomes `entity`. */
static int claim_later(const sg_folded *f, sg_hits *h, sg_hits *add, size_t a0, size_t a1,
                       uint32_t entity)
{
    size_t n = a1 - a0;
    const char *acr = f->text + a0;
    for (size_t p = a1; p + n <= f->len; p++) {
        if (f->text[p] != acr[0] || memcmp(f->text + p, acr, n))
            continue;
        if ((p > 0 && (f->flags[p - 1] & SG_F_ALNUM)) ||
            (p + n < f->len && (f->flags[p + n] & SG_F_ALNUM)) || !in_capitals(f, p, n))
            continue;
        if (claim(h, add, p, p + n, entity, SG_HIT_ACRONYM))
            return SG_ERR_NOMEM;
        p += n - 1;
    }
    return 0;
}

int sg_resolve_acronyms(const sg_matcher *m, const sg_folded *f, sg_hits *h)
{
    sg_hits add = {0};
    int rc = 0;
    for (size_t i = 0; i < h->n && !rc; i++) {
        sg_hit x = h->v[i];
        size_t a0, a1;
        if (m->is_person[x.entity] || x.how == SG_HIT_ACRONYM || !acronym_after(f, &x, &a0, &a1))
            continue;
        rc = claim(h, &add, a0, a1, x.entity, SG_HIT_ACRONYM);
        if (!rc)
            rc = claim_later(f, h, &add, a0, a1, x.entity);
        if (!rc && add.n)
            rc = merge(h, &add);
    }
    sg_hits_free(&add);
    return rc;
}

/* The people named in hits before folded offset `pos`, kept in `seen`. */
typedef struct {
    uint32_t *v;
    size_t n, cap;
} entity_set;

static int set_add(entity_set *s, uint32_t e)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i] == e)
            return 0;
    if (sg_grow((void **)&s->v, &s->cap, s->n + 1, sizeof(uint32_t)))
        return SG_ERR_NOMEM;
    s->v[s->n++] = e;
    return 0;
}

static int set_has(const entity_set *s, uint32_t e)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i] == e)
            return 1;
    return 0;
}

/* Longest surname at p naming exactly one person already seen. */
static size_t surname_at(const sg_matcher *m, const sg_folded *f, size_t p, const entity_set *seen,
                         uint32_t *who)
{
    uint32_t node = sg_trie_root(m->surnames);
    size_t best = 0;
    for (size_t j = p; j < f->len; j++) {
        node = sg_trie_child(m->surnames, node, (unsigned char)f->text[j]);
        if (node == SG_TRIE_NONE)
            break;
        if (j + 1 < f->len && (f->flags[j + 1] & SG_F_ALNUM))
            continue;
        uint32_t h, found = 0, person = 0;
        for (uint32_t v = sg_trie_first(m->surnames, node, &h); v != SG_TRIE_NONE;
             v = sg_trie_next(m->surnames, &h))
            if (set_has(seen, v)) {
                found++;
                person = v;
            }
        if (found == 1) {
            best = j + 1;
            *who = person;
        }
    }
    return best;
}

int sg_resolve_surnames(const sg_matcher *m, const sg_folded *f, sg_hits *h)
{
    entity_set seen = {0};
    sg_hits add = {0};
    int rc = 0;
    size_t k = 0; /* next hit not yet passed */
    for (size_t p = 0; p < f->len && !rc; p++) {
        while (k < h->n && h->v[k].fs <= p) {
            if (m->is_person[h->v[k].entity] && (rc = set_add(&seen, h->v[k].entity)))
                break;
            p = p < h->v[k].fe ? h->v[k].fe : p;
            k++;
        }
        if (rc || p >= f->len)
            break;
        if (!(f->flags[p] & SG_F_UPPER) || (p > 0 && (f->flags[p - 1] & SG_F_ALNUM)) || !seen.n)
            continue;
        uint32_t who;
        size_t end = surname_at(m, f, p, &seen, &who);
        if (end && (k >= h->n || h->v[k].fs >= end)) {
            rc = sg_hits_push(&add, p, end, who, SG_HIT_SURNAME);
            p = end - 1;
        }
    }
    if (!rc && add.n)
        rc = merge(h, &add);
    free(seen.v);
    sg_hits_free(&add);
    return rc;
}
