/* People named by the initials of their first names and their surname
 * ("J.-P. Leleux", "J.P Leleux", "J. Leleux") where a document does not name
 * them in full (the variant "initials"): the one person of the gazetteers who
 * bears that surname and whose first names start with those letters. Unlike
 * a surname alone, which names a person only in a document that has named
 * them in full (resolve.c, SPEC §4), initials and a surname are a name: "M.
 * Leleux" is not read here, "J.-P. Leleux" is. The span is the initials and
 * the surname. */
#include <stdlib.h>
#include <string.h>

#include "match_int.h"
#include "sg_internal.h"

#define MAX_INITIALS 4

/* The initials right before the capital at folded offset p ("J.-P. ",
 * "J.P ", "J. "): their letters in out (in order), their number returned
 * and where they start in *start; 0 when there are none. One initial alone
 * needs its dot, and "M." is a title, not an initial. */
static size_t initials_before(const sg_folded *f, size_t p, char *out, size_t *start)
{
    size_t e = p, n = 0;
    char rev[MAX_INITIALS];
    if (e == 0 || f->text[e - 1] != ' ')
        return 0;
    while (e > 0 && f->text[e - 1] == ' ')
        e--;
    int last_dot = e > 0 && f->text[e - 1] == '.';
    for (;;) { /* (a dash is a space in the folded text) */
        while (e > 0 && (f->text[e - 1] == '.' || f->text[e - 1] == ' '))
            e--;
        if (e == 0 || !(f->flags[e - 1] & SG_F_UPPER) ||
            (e >= 2 && (f->flags[e - 2] & SG_F_ALNUM)) || n == MAX_INITIALS)
            break;
        rev[n++] = f->text[e - 1];
        *start = --e;
        if (e == 0 || (f->text[e - 1] != '.' && f->text[e - 1] != ' '))
            break;
    }
    if (n == 0 || (n == 1 && (!last_dot || rev[0] == 'm')))
        return 0;
    for (size_t k = 0; k < n; k++)
        out[k] = rev[n - 1 - k];
    return n;
}

/* Do the person's first names start with the initials `ini` (n of them):
 * "Jean-Pierre" with J and P, or J alone? The first names are the label's
 * words before its last. */
static int initials_fit(const sg_matcher *m, uint32_t who, const char *ini, size_t n)
{
    char *label;
    unsigned char *flags;
    size_t len, k = 0;
    const char *l = m->gaz->ents[who].label;
    if (sg_fold_name(&label, &flags, &len, l, strlen(l)))
        return 0;
    size_t last = len; /* the last word: the surname's */
    while (last > 0 && (flags[last - 1] & SG_F_ALNUM))
        last--;
    int fit = 1;
    for (size_t i = 0; i < last && fit && k < n; i++)
        if ((flags[i] & SG_F_ALNUM) && (i == 0 || !(flags[i - 1] & SG_F_ALNUM)))
            fit = label[i] == ini[k++];
    free(label);
    free(flags);
    return fit && k == n;
}

/* The one person of the gazetteers whose surname is the longest at folded
 * offset p ending a word and whose first names fit the initials; 0 when
 * none, or when several do. */
static size_t only_bearer(const sg_matcher *m, const sg_folded *f, size_t p, const char *ini,
                          size_t n, uint32_t *who)
{
    uint32_t node = sg_trie_root(m->surnames);
    size_t best = 0, j = p, end;
    while ((end = sg_surname_step(m, f, &j, &node))) {
        uint32_t h, one = SG_TRIE_NONE;
        unsigned fitting = 0;
        for (uint32_t v = sg_trie_first(m->surnames, node, &h); v != SG_TRIE_NONE && fitting < 2;
             v = sg_trie_next(m->surnames, &h))
            if (initials_fit(m, v, ini, n)) {
                one = v;
                fitting++;
            }
        if (fitting == 1) {
            best = end;
            *who = one;
        } else if (fitting > 1) {
            best = 0; /* "J. Martin" of two: neither */
        }
    }
    return best;
}

size_t sg_initials_at(const sg_matcher *m, const sg_folded *f, size_t p, size_t lim, size_t *start,
                      uint32_t *who)
{
    char ini[MAX_INITIALS];
    size_t n = initials_before(f, p, ini, start);
    size_t end = n ? only_bearer(m, f, p, ini, n, who) : 0;
    return end && end <= lim && (m->allowed[*who] & SG_VARIANT_INITIALS) ? end : 0;
}
