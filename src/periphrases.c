/* Places the press names by a periphrasis written as a proper noun (variant
 * "periphrases"): "l'Hexagone" for France, "la Principauté" for Monaco,
 * "la Haute-Provence" for the Alpes-de-Haute-Provence.
 * Each is read as the place of the gazetteers whose name is the place's, when
 * they list it; only with its capital ("un hexagone" is none), and not before
 * another name ("la Principauté d'Andorre", "la Principauté de Monaco": the
 * place is named there). "la Cité phocéenne" is Marseille and "la Cité des
 * papes" Avignon, capitalised as names; in lower case ("la cité phocéenne")
 * they are figures of style, not names: the press's readers, and the
 * annotators of the development sets, do not count them. */
#include <string.h>

#include "match_int.h"
#include "sg_internal.h"
#include "variants_int.h"

static const struct {
    const char *words; /* folded */
    const char *place; /* the place's folded name */
} periphrases[] = {{"hexagone", "france"},
                   {"principaute", "monaco"},
                   /* (capitalised, as a proper noun: "la Cité phocéenne") */
                   {"cite phoceenne", "marseille"},
                   {"cite des papes", "avignon"},
                   /* (a short name more than a periphrasis, which the press uses
                      as much as the department's: "en Haute-Provence") */
                   {"haute provence", "alpes de haute provence"}};
#define NPERIPHRASES (sizeof(periphrases) / sizeof(*periphrases))

/* The periphrasis k whose words start at word start p, its end in *end; -1
 * for none. */
static int periphrasis_at(const sg_folded *f, size_t p, size_t *end)
{
    for (size_t k = 0; k < NPERIPHRASES; k++) {
        const char *w = periphrases[k].words;
        if (f->text[p] != w[0]) /* (before its length: 13M strlen on the sparse bench) */
            continue;
        size_t n = strlen(w);
        if (p + n > f->len || memcmp(f->text + p, w, n) ||
            (p + n < f->len && (f->flags[p + n] & SG_F_ALNUM)))
            continue;
        if (!(f->flags[p] & SG_F_UPPER))
            return -1;    /* capitalised only */
        size_t q = p + n; /* not before another name: "la Principauté d'Andorre" */
        while (q < f->len && f->text[q] == ' ')
            q++;
        size_t we = q; /* "de", "d'", "du" first */
        while (we < f->len && (f->flags[we] & SG_F_ALNUM))
            we++;
        if ((we == q + 1 && f->text[q] == 'd') ||
            (we == q + 2 && f->text[q] == 'd' && (f->text[q + 1] == 'e' || f->text[q + 1] == 'u')))
            for (q = we; q < f->len && (f->text[q] == ' ' || f->text[q] == '\''); q++)
                ;
        if (q < f->len && (f->flags[q] & SG_F_UPPER))
            return -1;
        *end = p + n;
        return (int)k;
    }
    return -1;
}

/* Is the word before p capitalised, inside a sentence: the periphrasis then
 * ends a longer name ("BFM DICI Haute-Provence", a medium)? */
static int after_name(const sg_folded *f, size_t p)
{
    size_t b, e;
    sg_word_before(f, p, 0, &b, &e);
    if (e == b || e + 1 != p || !(f->flags[b] & SG_F_UPPER))
        return 0;
    while (b > 0 && f->text[b - 1] == ' ')
        b--;
    return b > 0 && !strchr(".!?:\n\"", f->text[b - 1]);
}

size_t sg_periphrasis_at(const sg_matcher *m, const sg_folded *f, size_t p, size_t lim,
                         size_t *start, uint32_t *who)
{
    size_t end = 0;
    int which = periphrasis_at(f, p, &end);
    if (which < 0 || end > lim || after_name(f, p))
        return 0;
    const char *place = periphrases[which].place;
    uint32_t alias = sg_alias_named(m, place, strlen(place), 1);
    if (alias == SG_TRIE_NONE || !(m->allowed[m->aliases[alias].entity] & SG_VARIANT_PERIPHRASES))
        return 0;
    *start = p;
    *who = m->aliases[alias].entity;
    return end;
}
