/* Typing slips (variant "fuzzy").
 *
 * In acronyms: an acronym of four to six letters in capitals that no
 * gazetteer knows, with two neighbouring letters swapped from one it knows
 * ("IMPC" for the IPMC, "UFSA" for the UFAS), is a mention of that one, when
 * exactly one entity's acronym reads so. Shorter acronyms have too many
 * neighbours to guess from.
 *
 * In people's names: a first name and a surname, capitalised, one of them
 * one slip (a letter dropped, added, changed or two swapped, never the
 * first) from a person's of the gazetteers and the other as written: "Renaud
 * Muslier" for Renaud Muselier, "Giles Ripert" for Gilles Ripert. A surname
 * so read has six letters or more and is nobody's surname as written; a first
 * name so read has five letters or more and is no first name of its own
 * ("Louise" is not Louis). Exactly one person must read so. */
#include <stdlib.h>
#include <string.h>

#include "match_int.h"
#include "sg_internal.h"
#include "variants_int.h"

#define SLIP_MIN 4
#define SLIP_MAX 6
#define SURNAME_SLIP_MIN 6    /* letters of a surname read with a slip */
#define FIRST_NAME_SLIP_MIN 5 /* of a first name */
#define NAME_SLIP_MAX 32      /* bytes of a surname compared so */
#define SLIP_BEARERS 4        /* people bearing the surname, at most */

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

/* Are a[0, an) and b[0, bn) one slip apart: a letter dropped, added or
 * changed, or two neighbouring letters swapped? */
static int one_slip(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i = 0;
    while (i < an && i < bn && a[i] == b[i])
        i++;
    if (an == bn)
        return i < an && (!memcmp(a + i + 1, b + i + 1, an - i - 1) ||
                          (i + 1 < an && a[i] == b[i + 1] && a[i + 1] == b[i] &&
                           !memcmp(a + i + 2, b + i + 2, an - i - 2)));
    if (an == bn + 1)
        return !memcmp(a + i + 1, b + i, bn - i);
    return bn == an + 1 && !memcmp(a + i, b + i + 1, an - i);
}

/* The node reached in the matcher's surnames from `node` along t[0, n), or
 * SG_TRIE_NONE. */
static uint32_t walk(const sg_matcher *m, uint32_t node, const char *t, size_t n)
{
    for (size_t i = 0; i < n && node != SG_TRIE_NONE; i++)
        node = sg_trie_child(m->surnames, node, (unsigned char)t[i]);
    return node;
}

/* Does anyone bear the surname t[0, n)? Returns its node, or SG_TRIE_NONE. */
static uint32_t borne(const sg_matcher *m, const char *t, size_t n)
{
    uint32_t h, node = walk(m, sg_trie_root(m->surnames), t, n);
    return node != SG_TRIE_NONE && sg_trie_first(m->surnames, node, &h) != SG_TRIE_NONE
               ? node
               : SG_TRIE_NONE;
}

/* Notes in *one each bearer of the surname at `node` whose folded label is
 * a first name, a space and the surname sur[0, sn): the first name as
 * first[0, fn), or one slip from it when `slip`. *one: the first, or
 * SG_BODY_SEVERAL. */
static void note_bearers(const sg_matcher *m, uint32_t node, const char *first, size_t fn,
                         size_t sn, int slip, uint32_t *one)
{
    uint32_t h, count = 0;
    for (uint32_t v = sg_trie_first(m->surnames, node, &h);
         v != SG_TRIE_NONE && count <= SLIP_BEARERS; v = sg_trie_next(m->surnames, &h))
        count++;
    if (count > SLIP_BEARERS) {
        *one = SG_BODY_SEVERAL; /* a surname so common is no sure guess */
        return;
    }
    for (uint32_t v = sg_trie_first(m->surnames, node, &h);
         v != SG_TRIE_NONE && *one != SG_BODY_SEVERAL; v = sg_trie_next(m->surnames, &h)) {
        const char *l = m->gaz->ents[v].label;
        unsigned char l0 = (unsigned char)l[0];
        if (v == *one || !m->is_person[v] || !(m->allowed[v] & SG_VARIANT_FUZZY) ||
            (l0 < 0x80 && (l0 | 0x20) != (unsigned char)first[0]))
            continue; /* (either way, the first letter is the text's) */
        char *label;
        unsigned char *flags;
        size_t n;
        if (sg_fold_name(&label, &flags, &n, l, strlen(l)))
            continue;
        size_t ln = n > sn ? n - sn - 1 : 0; /* the label's first name */
        int fits = n > sn && label[ln] == ' ' && !memchr(label, ' ', ln) &&
                   (slip ? ln >= FIRST_NAME_SLIP_MIN && label[0] == first[0] &&
                               one_slip(label, ln, first, fn)
                         : ln == fn && !memcmp(label, first, fn));
        free(label);
        free(flags);
        if (fits)
            *one = *one == SG_TRIE_NONE ? v : SG_BODY_SEVERAL;
    }
}

/* Notes in *one the people whose surname is one slip from sur[0, sn) (the
 * first letter kept) and whose first name is first[0, fn). A slip at i
 * leaves sur[0, i) as the trie spells it: the walk along the surname as
 * written is made once, and each slip is tried from the node it reached
 * there, only as deep as that walk went. */
static void misspelt_surname(const sg_matcher *m, const char *first, size_t fn, const char *sur,
                             size_t sn, uint32_t *one)
{
    uint32_t node = sg_trie_child(m->surnames, sg_trie_root(m->surnames), (unsigned char)sur[0]);
    for (size_t i = 1; i <= sn && node != SG_TRIE_NONE && *one != SG_BODY_SEVERAL; i++) {
        uint32_t v;
        if (i < sn && (v = walk(m, node, sur + i + 1, sn - i - 1)) != SG_TRIE_NONE)
            note_bearers(m, v, first, fn, sn - 1, 0, one); /* dropped */
        if (i + 1 < sn && sur[i] != sur[i + 1]) {
            const char swapped[2] = {sur[i + 1], sur[i]};
            if ((v = walk(m, walk(m, node, swapped, 2), sur + i + 2, sn - i - 2)) != SG_TRIE_NONE)
                note_bearers(m, v, first, fn, sn, 0, one);
        }
        uint32_t lo = 0, hi = 0;
        sg_trie_children(m->surnames, node, &lo, &hi);
        for (uint32_t child = lo; child < hi; child++) {
            char c = (char)sg_trie_label(m->surnames, child);
            if (c < 'a' || c > 'z')
                continue; /* (a letter changed or added, not a space) */
            if (i < sn && c != sur[i] &&
                (v = walk(m, child, sur + i + 1, sn - i - 1)) != SG_TRIE_NONE)
                note_bearers(m, v, first, fn, sn, 0, one); /* changed */
            if ((v = walk(m, child, sur + i, sn - i)) != SG_TRIE_NONE)
                note_bearers(m, v, first, fn, sn + 1, 0, one); /* added */
        }
        node = i < sn ? sg_trie_child(m->surnames, node, (unsigned char)sur[i]) : SG_TRIE_NONE;
    }
}

/* The one person the first name [p, fe) and the surname [q, e) name with one
 * slip, or SG_TRIE_NONE (none or several). */
static uint32_t slipped_person(const sg_matcher *m, const char *t, size_t p, size_t fe, size_t q,
                               size_t e)
{
    uint32_t one = SG_TRIE_NONE, node = borne(m, t + q, e - q);
    if (e - q > NAME_SLIP_MAX)
        return SG_TRIE_NONE;
    if (node != SG_TRIE_NONE) {
        /* the surname as written: the first name with a slip, no first name
           of its own */
        if (fe - p + 1 >= FIRST_NAME_SLIP_MIN)
            note_bearers(m, node, t + p, fe - p, e - q, 1, &one);
        if (one != SG_TRIE_NONE && sg_first_name_word(t + p, fe - p))
            return SG_TRIE_NONE;
    } else if (e - q >= SURNAME_SLIP_MIN && !sg_function_word(t + p, fe - p) &&
               sg_prefix_lookup(m, sg_hash_bytes(SG_PREFIX_SEED, t + p, fe - p))) {
        /* (the first word starts a name of the gazetteers) the surname with a
           slip, no first name of its own */
        misspelt_surname(m, t + p, fe - p, t + q, e - q, &one);
        if (one != SG_TRIE_NONE && sg_first_name_word(t + q, e - q))
            return SG_TRIE_NONE;
    }
    return one == SG_BODY_SEVERAL ? SG_TRIE_NONE : one;
}

size_t sg_name_slip_at(const sg_matcher *m, const sg_folded *f, size_t p, size_t lim, size_t *start,
                       uint32_t *who)
{
    const char *t = f->text;
    if (p + 4 >= lim || (f->flags[p + 1] & SG_F_UPPER) || !(f->flags[p + 2] & SG_F_ALNUM))
        return 0;      /* (a first name in title case, three letters or more) */
    size_t fe = p + 3; /* the first name [p, fe), then the surname [q, e) */
    while (fe < lim && (f->flags[fe] & SG_F_ALNUM))
        fe++;
    size_t q = fe + 1;
    if (q >= lim || t[fe] != ' ' || !(f->flags[q] & SG_F_UPPER))
        return 0;
    size_t e = q;
    while (e < lim && (f->flags[e] & SG_F_ALNUM))
        e++;
    /* a surname of two words first ("Racon-Bouzon"), both capitalised */
    size_t e2 = e + 1;
    while (e2 < lim && (f->flags[e2] & SG_F_ALNUM))
        e2++;
    if (e + 1 < lim && t[e] == ' ' && (f->flags[e + 1] & SG_F_UPPER) &&
        (e2 == f->len || !(f->flags[e2] & SG_F_ALNUM)) &&
        (*who = slipped_person(m, t, p, fe, q, e2)) != SG_TRIE_NONE) {
        *start = p;
        return e2;
    }
    if ((e < f->len && (f->flags[e] & SG_F_ALNUM)) ||
        (*who = slipped_person(m, t, p, fe, q, e)) == SG_TRIE_NONE)
        return 0;
    *start = p;
    return e;
}
