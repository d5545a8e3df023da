/* A union's local branch (SPEC §15, issue 14): a union the gazetteers know,
 * written right against the body or the place it stands for ("la CGT
 * AP-HM", "FO-Santé 04", "SUD CHU de Nice") or after the kind of its local
 * structure ("l'UD FO", "l'Union locale CGT"), is an actor of its own, a
 * network's node apart from the national union: one name. A union named
 * with "de" ("le syndicat CGT de l'hôpital") is left to the words as they
 * are, the union and the body (the annotators of the development sets read
 * it so); two unions together ("Sud Solidaires") are a union's name. */
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "suggest_int.h"

/* The words of a union's federation of health after its name ("CGT Santé",
 * "FO-Santé"). */
static int health(const sg_scan *sc, size_t i)
{
    return is(sc, i, "sante");
}

/* Whether word i, written with a capital, is a union's name (one word of
 * two for "Force ouvrière"); its last word in *end. */
static int union_at(const sg_scan *sc, size_t i, size_t *end)
{
    if (!(sc->tok[i].flags & T_CAP) || (sc->tok[i].flags & T_FURNITURE))
        return 0;
    const char *w = fw(sc, i);
    /* "FO-Santé" and "CGT-Santé" are one word: the union, its federation */
    size_t n = strlen(w);
    if (n > 6 && !strcmp(w + n - 6, " sante"))
        n -= 6;
    /* (and Solidaires, the union Sud belongs to: "Sud Solidaires" are two;
       Force ouvrière in full, hyphenated) */
    if (sg_union_acronym(w, n) || (n == 10 && !memcmp(w, "solidaires", 10)) ||
        (n == 14 && !memcmp(w, "force ouvriere", 14))) {
        *end = i;
        return 1;
    }
    if (i + 1 < sc->ntok && is(sc, i, "force") && is(sc, i + 1, "ouvriere") &&
        sep_blank(sc, i + 1)) {
        *end = i + 1;
        return 1;
    }
    return 0;
}

/* Whether word i is a department's number ("04", "13", "2A"). */
static int department_number(const sg_scan *sc, size_t i)
{
    const char *w = fw(sc, i);
    if (strlen(w) != 2)
        return 0;
    if (w[0] == '2' && (w[1] == 'a' || w[1] == 'b'))
        return 1;
    return (sc->tok[i].flags & T_NUM) && strcmp(w, "00") && strcmp(w, "96") < 0;
}

/* The last word of the gazetteers' span k, which word i starts. */
static size_t span_last(const sg_scan *sc, size_t i, size_t k)
{
    size_t j = i;
    while (j + 1 < sc->ntok && sc->tok[j + 1].e <= sc->spans[k].e)
        j++;
    return j;
}

/* The last word of the gazetteers' mention word i starts, or i - 1 when it
 * starts none (or a union's: "Sud Solidaires"). */
static size_t mention_from(const sg_scan *sc, size_t i)
{
    const sg_stok *t = &sc->tok[i];
    size_t k = sg_span_after(sc->spans, sc->nspans, t->s);
    if (k >= sc->nspans || sc->spans[k].s != t->s || !(t->flags & T_CAP) ||
        !(sc->spans[k].org || sc->spans[k].place))
        return i - 1;
    size_t u;
    return union_at(sc, i, &u) ? i - 1 : span_last(sc, i, k);
}

/* Only a dash (and no space) between word i - 1 and word i: "FO-Santé". */
static int sep_dash(const sg_scan *sc, size_t i)
{
    return i > 0 && sc->tok[i].s == sc->tok[i - 1].e + 1 && sc->text[sc->tok[i - 1].e] == '-';
}

/* The kind of a union's local structure before word i: "UD", "UL", "Union
 * locale", "Union départementale"; its first word in *from. */
static int structure_before(const sg_scan *sc, size_t i, size_t *from)
{
    if (i >= 1 && sep_blank(sc, i) && (sc->tok[i - 1].flags & T_UPPER) &&
        (is(sc, i - 1, "ud") || is(sc, i - 1, "ul"))) {
        *from = i - 1;
        return 1;
    }
    if (i >= 2 && sep_blank(sc, i) && sep_blank(sc, i - 1) && (sc->tok[i - 2].flags & T_CAP) &&
        is(sc, i - 2, "union") && (is(sc, i - 1, "locale") || is(sc, i - 1, "departementale"))) {
        *from = i - 2;
        return 1;
    }
    return 0;
}

/* Does what follows the number at word n make it something else: a
 * telephone number ("06 12 34 56 78", "06.12.34.56.78"), an address ("27
 * place Jules-Guesde", "27, rue Sainte"), a sum ("25 millions")? */
static int number_goes_on(const sg_scan *sc, size_t n)
{
    static const char *const amounts[] = {"ans", "euros", "milliards", "millions", "pour"};
    size_t e = sc->tok[n].e;
    if (e + 1 < sc->len && (sc->text[e] == '.' || sc->text[e] == '-') && sc->text[e + 1] >= '0' &&
        sc->text[e + 1] <= '9')
        return 1;
    if (n + 1 >= sc->ntok)
        return 0;
    int blank = sep_blank(sc, n + 1);
    if (!blank && !(sep_has(sc, n + 1, ",") && !sep_has(sc, n + 1, ".;:!?()\"\n")))
        return 0;
    if (way(sc, n + 1) || is(sc, n + 1, "bis"))
        return 1;
    if (!blank)
        return 0;
    if (sc->tok[n + 1].flags & T_NUM)
        return 1;
    for (size_t k = 0; k < sizeof(amounts) / sizeof(*amounts); k++)
        if (is(sc, n + 1, amounts[k]))
            return 1;
    return 0;
}

/* A body the gazetteers know, then a department's number: "le Planning
 * familial 06", "la Ligue contre le cancer 06", its departmental branch, an
 * actor apart ("la CPAM 13" the gazetteers name as written); not after a
 * body named by a big place, which has no branch ("la ville de Marseille
 * 13"). Returns 0 or SG_ERR_NOMEM; *last: the last word read, the branch's
 * words taken. */
static int department_branch(sg_scan *sc, size_t i, size_t *last)
{
    const sg_stok *t = &sc->tok[i];
    size_t k = sg_span_after(sc->spans, sc->nspans, t->s);
    *last = i;
    if (k >= sc->nspans || sc->spans[k].s != t->s || !sc->spans[k].org ||
        (t->flags & (T_TAKEN | T_FURNITURE)))
        return 0;
    size_t j = span_last(sc, i, k), n = j + 1;
    *last = j;
    if (n >= sc->ntok || !sep_blank(sc, n) || !department_number(sc, n) ||
        (sc->tok[n].flags & (T_COVERED | T_TAKEN | T_FURNITURE | T_LINE)) ||
        n - i >= MAX_NAME_WORDS || number_goes_on(sc, n) || in(sc, j, SG_WL_PLACE))
        return 0;
    int rc = sg_suggest_add_sequence(sc, i, n, 1, 0);
    for (size_t q = i; !rc && q <= n; q++)
        sc->tok[q].flags |= T_TAKEN;
    *last = n;
    return rc;
}

int sg_suggest_find_branches(sg_scan *sc)
{
    for (size_t i = 0; i < sc->ntok; i++) {
        size_t last;
        int rc = department_branch(sc, i, &last);
        if (rc)
            return rc;
        i = last;
    }
    for (size_t i = 0; i < sc->ntok; i++) {
        size_t u, from = i;
        if ((sc->tok[i].flags & T_TAKEN) || !union_at(sc, i, &u))
            continue;
        int local = structure_before(sc, i, &from);
        size_t end = u, n = u + 1;
        if (n < sc->ntok && (sep_blank(sc, n) || sep_dash(sc, n)) && health(sc, n) &&
            (sc->tok[n].flags & T_CAP))
            n++; /* "FO Santé 04" */
        if (n < sc->ntok && (sep_blank(sc, n) || sep_dash(sc, n)) &&
            !(sc->tok[n].flags & (T_LINE | T_TAKEN | T_FURNITURE))) {
            size_t last = department_number(sc, n) ? n : mention_from(sc, n);
            if (last >= n)
                end = last;
        }
        if (!local && end == u) {
            i = u;
            continue;
        }
        if (end - from >= MAX_NAME_WORDS)
            continue;
        int rc = sg_suggest_add_sequence(sc, from, end, 1, 0);
        for (size_t k = from; !rc && k <= end; k++)
            sc->tok[k].flags |= T_TAKEN;
        if (rc)
            return rc;
        i = end;
    }
    return 0;
}
