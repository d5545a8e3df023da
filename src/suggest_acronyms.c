/* The scanner of acronym definitions (SPEC §15): "Long Form (ACR)" and
 * "ACR (Long Form)", the letters of the acronym fitted to the words of its
 * long form; a generic acronym's long form that names one body (a GHT of a
 * territory) is a sequence instead, and an acronym of common nouns ("les
 * urgences (UGO)") is marked as a service's. Apart from the other scanners
 * because it reads letters inside words, not words around a name; it runs
 * first, so that the words of a definition are not read again. */
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "suggest_int.h"

/* A capitalised word of 2 to `max` letters in mixed case ("Cref", "Chits"):
 * it may be an acronym written as a word. */
static int mixed_word_of(const sg_scan *sc, size_t i, size_t max)
{
    const sg_stok *t = &sc->tok[i];
    if (!(t->flags & T_CAP) || (t->flags & T_UPPER) || t->e - t->s < 2 || t->e - t->s > max)
        return 0;
    for (size_t p = t->s; p < t->e; p++)
        if (!((sc->text[p] >= 'a' && sc->text[p] <= 'z') ||
              (sc->text[p] >= 'A' && sc->text[p] <= 'Z')))
            return 0;
    return 1;
}

static int mixed_word(const sg_scan *sc, size_t i)
{
    return mixed_word_of(sc, i, 6);
}

/* An acronym in capitals, or written as a capitalised word of 8 letters at
 * most before its long form in brackets ("l'Uriopss (Union régionale…)"):
 * the long form's words must then fit its letters. */
static int acronym_before_long_form(const sg_scan *sc, size_t i)
{
    return (sc->tok[i].flags & T_UPPER) || mixed_word_of(sc, i, 8);
}

/* Whether the acronym's letters (folded, letters only) fit the words of a
 * long form: in order, the first on the first word's initial; a letter may
 * also be taken inside the word of the previous one (Synerpa: SYNdicat) when
 * the next word's initial is not that letter; at least half the letters are
 * initials, and at most two significant words are left without a letter. */
static int acronym_fits(const char *acr, char **words, size_t nw, size_t max_unmatched)
{
    size_t n = strlen(acr), p = 0, initials = 0, unmatched = 0;
    if (n < 2 || nw == 0 || words[0][0] != acr[0])
        return 0;
    for (size_t k = 0; k < nw; k++) {
        const char *w = words[k];
        int stop = sg_suggest_word(SG_WL_STOP, w) || sg_suggest_word(SG_WL_PARTICLE, w);
        int got = 0;
        if (p < n && w[0] == acr[p]) {
            p++, initials++, got = 1;
            for (const char *q = w + 1; !stop && p < n && *q; q++) {
                if (k + 1 < nw && words[k + 1][0] == acr[p])
                    break;
                if (*q == acr[p])
                    p++;
            }
        }
        if (!got && !stop)
            unmatched++;
    }
    return p == n && initials * 2 >= n && unmatched <= max_unmatched;
}

/* The letters of a folded acronym ("upe 13" -> "upe"). */
static void acronym_letters(const char *folded, char *out, size_t size)
{
    size_t k = 0;
    for (const char *q = folded; *q && k + 1 < size; q++)
        if ((*q >= 'a' && *q <= 'z') || (unsigned char)*q >= 0x80)
            out[k++] = *q;
    out[k] = '\0';
}

/* Adds `lf` to the long forms of definition `c` unless it is there. */
static int add_long_form(sg_scan *sc, sg_cand *c, char *lf)
{
    char *key = sg_suggest_fold(&sc->scratch, lf, strlen(lf));
    char *first = key ? sg_suggest_fold(&sc->scratch, c->label, strlen(c->label)) : NULL;
    int known = !key || !first || !strcmp(first, key), rc = key && first ? 0 : SG_ERR_NOMEM;
    for (size_t k = 0; !known && k < c->nmore; k++) {
        char *mk = sg_suggest_fold(&sc->scratch, c->more[k], strlen(c->more[k]));
        known = !mk || !strcmp(mk, key);
        rc = mk ? rc : SG_ERR_NOMEM;
        free(mk);
    }
    if (!rc && !known && c->nmore < 8) {
        char **m = realloc(c->more, (c->nmore + 1) * sizeof(char *));
        if (!m) {
            rc = SG_ERR_NOMEM;
        } else {
            c->more = m;
            c->more[c->nmore++] = lf;
            lf = NULL;
        }
    }
    free(lf);
    free(key);
    free(first);
    return rc;
}

/* Records the row of a name the text interrupts: its words [a, b] and [q,
 * end] joined by a space, every token of [a, end] taken. 1, or
 * SG_ERR_NOMEM. */
static int interrupted_row(sg_scan *sc, size_t a, size_t b, size_t q, size_t end)
{
    size_t l1 = sc->tok[b].e - sc->tok[a].s, l2 = sc->tok[end].e - sc->tok[q].s;
    char *label = malloc(l1 + l2 + 2);
    if (!label)
        return SG_ERR_NOMEM;
    memcpy(label, sc->text + sc->tok[a].s, l1);
    label[l1] = ' ';
    memcpy(label + l1 + 1, sc->text + sc->tok[q].s, l2);
    label[l1 + 1 + l2] = 0;
    char *line = sg_suggest_collapse(label, l1 + 1 + l2);
    free(label);
    char *key = line ? sg_suggest_fold(&sc->scratch, line, strlen(line)) : NULL;
    sg_cand *c = key ? sg_cand_get(&sc->seqs, key, line, strlen(line)) : NULL;
    free(key);
    free(line);
    if (!c)
        return SG_ERR_NOMEM;
    c->mid++, c->cued++, c->org++, c->label_mid = 1;
    for (size_t k = a; k <= end; k++)
        sc->tok[k].flags |= T_TAKEN;
    return 1;
}

/* "le groupement hospitalier de territoire (GHT) des Alpes de Haute-Provence":
 * a generic acronym interrupts the name, whose words [a, b] go on after the
 * bracket (y: the acronym's last word). 1 when a row is made, 0, or
 * SG_ERR_NOMEM. */
static int interrupted_name(sg_scan *sc, size_t a, size_t b, size_t y)
{
    size_t q = y + 1;
    if (char_after(sc, y) != ')' || q + 1 >= sc->ntok || !particle_at(sc, q) ||
        (sc->tok[q].flags & T_LINE) || any_flag(sc, a, b, T_TAKEN | T_FURNITURE | T_COVERED))
        return 0;
    size_t n = q + 1;
    if (n + 1 < sc->ntok && particle_at(sc, n)) /* de la */
        n++;
    size_t end;
    if ((sc->tok[n].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP))
        end = place_run(sc, n);
    else if ((sc->tok[n].flags & T_CAP) && !(sc->tok[n].flags & (T_COVERED | T_FURNITURE)))
        end = sg_suggest_sequence_end(sc, n);
    else
        return 0;
    return interrupted_row(sc, a, b, q, end);
}

/* "l’IME (Institut médico-éducatif) Pierre-Merli": a kind's acronym [x, y]
 * defined by its kind's words [a, b] in brackets, then the body's proper
 * name: the row is the acronym and the name. 1 when a row is made, 0, or
 * SG_ERR_NOMEM. */
static int acronym_then_name(sg_scan *sc, size_t x, size_t y, size_t b)
{
    size_t q = b + 1;
    if (char_after(sc, b) != ')' || q >= sc->ntok || (sc->tok[q].flags & T_LINE) ||
        !(sc->tok[q].flags & T_CAP) || (sc->tok[q].flags & (T_COVERED | T_FURNITURE | T_TAKEN)) ||
        any_flag(sc, x, y, T_TAKEN | T_FURNITURE | T_COVERED))
        return 0;
    return interrupted_row(sc, x, y, q, sg_suggest_sequence_end(sc, q));
}

/* Tries the long form words [a, b] for the acronym words [x, y]: 1 when it
 * fits (and is recorded), 0 when not, SG_ERR_NOMEM. */
static int try_definition(sg_scan *sc, size_t a, size_t b, size_t x, size_t y)
{
    char letters[64];
    char *acr_key = fold_words(sc, x, y);
    if (!acr_key)
        return SG_ERR_NOMEM;
    acronym_letters(acr_key, letters, sizeof(letters));
    char *words[64];
    size_t nw = 0;
    char *buf = fold_words(sc, a, b);
    int fits = 0, generic = 0, rc = buf ? 0 : SG_ERR_NOMEM;
    if (buf) {
        char *save = NULL;
        for (char *w = strtok_r(buf, " '", &save); w && nw < 64; w = strtok_r(NULL, " '", &save))
            words[nw++] = w;
        /* a generic acronym's long form names which one in more words
           ("… départemental des hôpitaux de Vaucluse") */
        /* (a kind's acronym whose long form starts as none of the kind's
           names a body: "Mutuelle des services publics (MSP)") */
        generic =
            sg_suggest_word(SG_WL_GENERIC, acr_key) &&
            !(nw && sg_kind_acronym_other(letters, strlen(letters), words[0], strlen(words[0])));
        fits = nw >= 2 && acronym_fits(letters, words, nw, generic ? 4 : 2);
    }
    free(buf);
    /* a generic acronym (GHT, CHU): no alias, but a long form that names one
       ("GHT (Groupement hospitalier de territoire des hôpitaux de Vaucluse)")
       is a name */
    if (fits && generic) {
        /* (a long form in title case only spells the kind out: "ESPIC
           (Établissement de Santé Privé d’Intérêt Collectif)") */
        int named = 0, title = 1;
        for (size_t k = a + 1; k <= b; k++) {
            named |= (sc->tok[k].flags & (T_CAP | T_PLACE)) != 0;
            title &= (sc->tok[k].flags & T_CAP) ||
                     ((sc->tok[k].flags & T_LOWER) && strlen(fw(sc, k)) <= 3); /* de, aux */
            if (sc->tok[k].flags & T_PLACE)
                title = 0;
        }
        named &= !title;
        for (size_t k = a; title && k <= b; k++)
            sc->tok[k].flags |= T_TAKEN; /* nor is it a sequence */
        if (named && !rc && !any_flag(sc, a, b, T_TAKEN | T_FURNITURE) &&
            !(sc->tok[a].flags & T_COVERED)) {
            rc = sg_suggest_add_sequence(sc, a, b, 1, 0);
            for (size_t k = a; k <= b; k++)
                sc->tok[k].flags |= T_TAKEN;
        } else if (!named && !rc && (x == b + 1 || y < a)) {
            rc = x == b + 1 ? interrupted_name(sc, a, b, y) : acronym_then_name(sc, x, y, b);
            named = rc > 0;
            rc = rc < 0 ? rc : 0;
        }
        free(acr_key);
        return rc ? rc : named;
    }
    /* a common noun's phrase and its letters name no actor, nor do their
       words alone: "le certificat BPF (Bonnes pratiques de fabrication)" */
    char *phrase = fits ? fold_words(sc, a, b) : NULL;
    if (fits && !phrase)
        rc = SG_ERR_NOMEM;
    else if (phrase && sg_suggest_concept(phrase)) {
        for (size_t k = a; k <= b; k++)
            sc->tok[k].flags |= T_TAKEN;
        for (size_t k = x; k <= y; k++)
            sc->tok[k].flags |= T_COMMON | T_TAKEN;
        free(phrase);
        free(acr_key);
        return 1;
    }
    free(phrase);
    if (fits && !rc) {
        const char *lf = sc->text + sc->tok[a].s;
        size_t lf_len = sc->tok[b].e - sc->tok[a].s;
        sg_cand *c = sg_cand_get(&sc->defs, acr_key, lf, lf_len);
        char *this_lf = c ? sg_suggest_collapse(lf, lf_len) : NULL;
        if (!c || !this_lf)
            rc = SG_ERR_NOMEM;
        else if (!c->alias && !(c->alias = sg_suggest_collapse(sc->text + sc->tok[x].s,
                                                               sc->tok[y].e - sc->tok[x].s)))
            rc = SG_ERR_NOMEM;
        if (rc)
            free(this_lf);
        else
            rc = add_long_form(sc, c, this_lf);
    }
    free(acr_key);
    return rc ? rc : fits;
}

/* An acronym's words starting at i: one capitalised word of 2 to 12
 * characters with 2 letters or more, maybe followed by a number (UPE 13). */
static int acronym_at(const sg_scan *sc, size_t i, size_t *last)
{
    const sg_stok *t = &sc->tok[i];
    if (!(t->flags & T_CAP) || t->e - t->s > 24 || strlen(fw(sc, i)) < 2 || in(sc, i, SG_WL_STOP))
        return 0;
    *last = i;
    if (i + 1 < sc->ntok && (sc->tok[i + 1].flags & T_NUM) && sep_blank(sc, i + 1) &&
        sc->tok[i + 1].e - sc->tok[i + 1].s <= 4)
        *last = i + 1;
    return 1;
}

/* Where a long form may start: a capitalised word, or the lower-case head of
 * an organisation's name ("institut hospitalo-universitaire (IHU)"). */
static int long_form_start(const sg_scan *sc, size_t a)
{
    static const char *const loose[] = {"bureau",  "cabinet", "direction", "pole",
                                        "service", "unite",   "maison",    "etablissement"};
    if (sc->tok[a].flags & T_CAP)
        return !in(sc, a, SG_WL_STOP);
    if (!(sc->tok[a].flags & T_LOWER) || !in(sc, a, SG_WL_ORG_HEAD))
        return 0;
    for (size_t k = 0; k < sizeof(loose) / sizeof(*loose); k++)
        if (is(sc, a, loose[k]))
            return 0;
    return 1;
}

/* A long form that names a kind of unit, not one: "Unité d’hospitalisation de
 * courte durée", "Service d’accueil des urgences" (capitalised head, every
 * other word in lower case); or a measure. */
static int unit_form(const sg_scan *sc, size_t a, size_t b)
{
    static const char *const kinds[] = {"cellule", "equipe", "pole", "service", "unite"};
    static const char *const measures[] = {/* a hospital's service for the
                                              uninsured, in every hospital:
                                              "Permanence d'accès aux soins de
                                              santé (PASS)" */
                                           "permanence",
                                           /* money: "Fonds d'intervention régional",
                                              "Allocation personnalisée d'autonomie" */
                                           "aide", "allocation", "dotation", "fonds", "forfait",
                                           "prime", "tarification",
                                           /* a qualification: "Capacité en médecine
                                              d’urgence", "Diplôme d’État de…" */
                                           "capacite", "certificat", "diplome"};
    if (sg_suggest_measure(fw(sc, a))) /* "Contrat de plan", "Projet régional de santé" */
        return 1;
    for (size_t k = 0; k < sizeof(measures) / sizeof(*measures); k++)
        if (is(sc, a, measures[k]))
            return 1;
    int kind = 0;
    for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++)
        kind |= is(sc, a, kinds[k]);
    if (!kind || a >= b)
        return 0;
    /* a unit, however it is written: "Unité de Court Séjour aux Urgences" */
    if (is(sc, a, "unite"))
        return 1;
    for (size_t k = a + 1; k <= b; k++)
        if (!(sc->tok[k].flags & T_LOWER))
            return 0;
    return 1;
}

/* An indefinite article before the long form at word a, maybe with "nouvel"
 * or "nouvelle" between: "les médecins ont créé une société
 * interprofessionnelle de soins ambulatoires (SISA)", "un nouvel Institut
 * Hospitalo-Universitaire (IHU)" spell a kind of body out, not the name of
 * one. */
static int indefinite_before(const sg_scan *sc, size_t a)
{
    if (a > 1 && sep_blank(sc, a) && (sc->tok[a - 1].flags & T_LOWER) &&
        (is(sc, a - 1, "nouvel") || is(sc, a - 1, "nouvelle") || is(sc, a - 1, "nouveau")))
        a--;
    /* ("Une Maison Sport Santé (MSS)": a sentence's start) */
    return a > 0 && sep_blank(sc, a) && (sc->tok[a - 1].flags & (T_LOWER | T_START)) &&
           (is(sc, a - 1, "un") || is(sc, a - 1, "une"));
}

/* A plural determiner before the long form [a, b], its first word in the
 * plural and the others in lower case or generic: "la création des Haltes
 * soins addictions (HSA)" spells a kind out ("les Hospices civils de Lyon", "les
 * Petits Frères des Pauvres" name one body: a capital after the first
 * word). */
static int plural_kind(const sg_scan *sc, size_t a, size_t b)
{
    static const char *const plural[] = {"aux", "ces", "des", "les", "leurs", "ses"};
    const char *w = fw(sc, a);
    size_t n = strlen(w), d = 0;
    if (a == 0 || !sep_blank(sc, a) || n < 4 || (w[n - 1] != 's' && w[n - 1] != 'x'))
        return 0;
    while (d < sizeof(plural) / sizeof(*plural) && !is(sc, a - 1, plural[d]))
        d++;
    if (d == sizeof(plural) / sizeof(*plural))
        return 0;
    /* (nor after a body's head, or a capitalised word, across its
       adjectives: "l'association des Transports sanitaires d'urgence (TSU)",
       "l'Union nationale des Centres communaux d'action sociale (UNCCAS)"
       name one) */
    for (size_t k = a - 1; k-- > 0 && a - k <= 4;) {
        if (in(sc, k, SG_WL_ORG_HEAD) || (sc->tok[k].flags & T_CAP))
            return 0;
        if (in(sc, k, SG_WL_STOP) || !sep_blank(sc, k + 1))
            break;
    }
    /* (a generic word capitalised is no name: "les Agences régionales de
       Santé (ARS)") */
    for (size_t k = a + 1; k <= b; k++)
        if (!(sc->tok[k].flags & T_LOWER) && !in(sc, k, SG_WL_GENERIC))
            return 0;
    return a < b;
}

/* A comma, then "de", "du" or "des" at word k: the next item of an
 * enumeration inside a long form ("Inspection générale de la culture, du
 * patrimoine et des archives"). */
static int enumerated(const sg_scan *sc, size_t k)
{
    if (!(is(sc, k, "de") || is(sc, k, "du") || is(sc, k, "des")) || !(sc->tok[k].flags & T_LOWER))
        return 0;
    for (size_t p = sep_from(sc, k); p < sc->tok[k].s; p++)
        if (sc->text[p] != ',' && sc->text[p] != ' ')
            return 0;
    return sep_has(sc, k, ",");
}

/* An acronym in mixed case at word i, then its long form in lower case in
 * brackets: "Cref (contrat de retour à l’équilibre financier)" spells a
 * common noun out, as "BOB (blocs obstétricaux)" does. 1 when the letters
 * fit, 0 when not, SG_ERR_NOMEM. */
static int lower_definition(sg_scan *sc, size_t i)
{
    size_t b = i + 1;
    while (b + 1 < sc->ntok && b - i < 16 && (sep_blank(sc, b + 1) || sep_elision(sc, b + 1)))
        b++;
    if (char_after(sc, b) != ')' || !mixed_word(sc, i))
        return 0;
    char letters[64], *words[64];
    char *acr = fold_words(sc, i, i), *buf = fold_words(sc, i + 1, b);
    int fits = 0, rc = acr && buf ? 0 : SG_ERR_NOMEM;
    if (!rc) {
        acronym_letters(acr, letters, sizeof(letters));
        size_t nw = 0;
        char *save = NULL;
        for (char *w = strtok_r(buf, " '", &save); w && nw < 64; w = strtok_r(NULL, " '", &save))
            words[nw++] = w;
        fits = nw >= 2 && acronym_fits(letters, words, nw, 2);
    }
    free(acr);
    free(buf);
    return rc ? rc : fits;
}

/* "Long Form (ACR)" and "ACR (Long Form)". */
int sg_suggest_find_definitions(sg_scan *sc)
{
    for (size_t i = 0; i < sc->ntok; i++) {
        size_t last;
        if (!acronym_at(sc, i, &last) || any_covered(sc, i, last))
            continue;
        /* Long Form (ACR): the acronym alone in the brackets */
        if (i > 0 && open_paren_before(sc, i) && close_paren_after(sc, last)) {
            for (size_t a = i; a-- > 0 && i - a <= 16;) {
                if (a + 1 < i && !sep_blank(sc, a + 1) && !sep_elision(sc, a + 1) &&
                    !enumerated(sc, a + 1))
                    break;
                if ((sc->tok[a].flags & T_FURNITURE) ||
                    ((sc->tok[a].flags & T_COVERED) &&
                     !((sc->tok[a].flags & T_PLACE) && a + 1 < i && a > 0 &&
                       !(sc->tok[a - 1].flags & T_COVERED))))
                    break;
                if (!long_form_start(sc, a))
                    continue;
                int indefinite = indefinite_before(sc, a) || plural_kind(sc, a, i - 1);
                if (indefinite || unit_form(sc, a, i - 1)) {
                    sc->tok[i].flags |= T_COMMON;
                    for (size_t k = a; k < i; k++)
                        sc->tok[k].flags |= T_TAKEN; /* (nor a sequence in title case:
                                                        "Permanence d'Accès aux Soins") */
                    break;
                }
                int rc = try_definition(sc, a, i - 1, i, last);
                if (rc < 0)
                    return rc;
                if (rc)
                    break;
            }
            /* without a definition, the acronym of common nouns names a
               service or a measure, not an actor */
            if ((sc->tok[i - 1].flags & T_LOWER) && !sg_suggest_party(sc, i))
                sc->tok[i].flags |= T_COMMON;
        }
        /* ACR (Long Form): the acronym in capitals, the long form alone in the brackets */
        if (acronym_before_long_form(sc, i) && last + 1 < sc->ntok &&
            open_paren_before(sc, last + 1) && (sc->tok[last + 1].flags & T_CAP)) {
            size_t b = last + 1;
            while (b + 1 < sc->ntok && b - last < 16 &&
                   (sep_blank(sc, b + 1) || sep_elision(sc, b + 1)))
                b++;
            int rc = 0;
            int known = 0; /* a place the gazetteers know may end the long form */
            for (size_t k = last + 1; k <= b; k++)
                known |= (sc->tok[k].flags & T_FURNITURE) ||
                         ((sc->tok[k].flags & (T_COVERED | T_PLACE)) == T_COVERED) ||
                         (k == last + 1 && (sc->tok[k].flags & T_COVERED));
            if (char_after(sc, b) == ')' && !known && unit_form(sc, last + 1, b))
                sc->tok[i].flags |= T_COMMON;
            else if (char_after(sc, b) == ')' && !known)
                rc = try_definition(sc, last + 1, b, i, last);
            if (rc < 0)
                return rc;
        } else if ((sc->tok[i].flags & T_UPPER) && last + 1 < sc->ntok &&
                   open_paren_before(sc, last + 1) && (sc->tok[last + 1].flags & T_LOWER)) {
            sc->tok[i].flags |= T_COMMON; /* "BOB (blocs obstétricaux)": a measure's */
        } else if (last == i && last + 1 < sc->ntok && open_paren_before(sc, last + 1) &&
                   (sc->tok[last + 1].flags & T_LOWER)) {
            int rc = lower_definition(sc, i);
            if (rc < 0)
                return rc;
            if (rc)
                sc->tok[i].flags |= T_COMMON; /* "Cref (contrat de retour à l’équilibre…)" */
        }
    }
    return 0;
}
