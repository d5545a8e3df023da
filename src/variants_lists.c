/* Names in lists (see variants.c, variant "shared-heads"): several names
 * sharing one plural head ("les hôpitaux Font-Pré et Chalucet"), towns
 * listed after a body's head in the singular ("l'hôpital d'Aix, de Cavaillon
 * ou de Manosque", "celui de Manosque"), and one-word readings that count in
 * a list. */
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "variants_int.h"

/* Plural heads shared by several names, and their singular skeleton. */
static const char *const plurals[][2] = {{"centres hospitaliers", "centre hospitalier"},
                                         {"groupes hospitaliers", "groupe hospitalier"},
                                         {"hopitaux", "hopital"},
                                         {"cliniques", "clinique"},
                                         {"polycliniques", "polyclinique"},
                                         {"instituts", "institut"},
                                         {"fondations", "fondation"},
                                         {"facultes", "faculte"},
                                         {"universites", "universite"},
                                         {"residences", "residence"},
                                         {"etablissements", "etablissement"},
                                         {"ministeres", "ministere"}};
#define NPLURALS (sizeof(plurals) / sizeof(*plurals))

/* The first words of `plurals` and their lengths: sg_plural_head is asked at
 * every word of seven letters or more ending in s or x. */
static const struct {
    const char *w;
    size_t n;
} plural_firsts[] = {{"centres", 7},     {"groupes", 7},         {"hopitaux", 8},
                     {"cliniques", 9},   {"polycliniques", 13},  {"instituts", 9},
                     {"fondations", 10}, {"facultes", 8},        {"universites", 11},
                     {"residences", 10}, {"etablissements", 14}, {"ministeres", 10}};

int sg_plural_head(const char *t, size_t n)
{
    for (size_t p = 0; p < sizeof(plural_firsts) / sizeof(*plural_firsts); p++)
        if (n == plural_firsts[p].n && t[0] == plural_firsts[p].w[0] &&
            !memcmp(t, plural_firsts[p].w, n))
            return 1;
    return 0;
}

int sg_shared_kind_may(const sg_folded *f, size_t i, size_t n)
{
    return sg_kind_acronym(f->text + i, n) &&
           (!sg_head_acronym(f->text + i, n) || sg_all_upper(f, i, i + n)) &&
           sg_plural_before(f, i);
}

/* Folded offset j moved past up to `max` capitalised words, each after a
 * space. */
static size_t past_capitalised(const sg_folded *f, size_t j, unsigned max)
{
    for (unsigned k = 0;
         k < max && j + 1 < f->len && f->text[j] == ' ' && (f->flags[j + 1] & SG_F_UPPER); k++)
        for (j++; j < f->len && (f->flags[j] & SG_F_ALNUM);)
            j++;
    return j;
}

/* Past a name's town at folded offset j, " à Hyères": the town's end, or
 * j. */
static size_t past_town(const sg_folded *f, size_t j)
{
    if (j + 4 < f->len && !memcmp(f->text + j, " a ", 3) && (f->flags[j + 3] & SG_F_UPPER))
        return past_capitalised(f, j + 2, 2);
    return j;
}

/* The word "de", "d'" or "du" at folded offset j: the next word's start, or
 * 0. */
static size_t of_at(const sg_folded *f, size_t j)
{
    size_t e = j;
    while (e < f->len && (f->flags[e] & SG_F_ALNUM))
        e++;
    if (e + 1 >= f->len || (f->text[e] != ' ' && f->text[e] != '\'') ||
        !(sg_word_is(f->text + j, e - j, "de") || sg_word_is(f->text + j, e - j, "d") ||
          sg_word_is(f->text + j, e - j, "du")))
        return 0;
    return e + 1;
}

/* The pronoun p (with its space) at folded offset j: the next word's start,
 * or j. */
static size_t pronoun_at(const sg_folded *f, size_t j, const char *p)
{
    size_t n = strlen(p);
    return j + n < f->len && !memcmp(f->text + j, p, n) ? j + n : j;
}

/* The next pronoun p and "de" in the sentence after folded offset j, up to
 * 120 bytes on: where its "de" starts, or 0. */
static size_t pronoun_later(const sg_folded *f, size_t j, const char *p)
{
    for (size_t k = j; k + 6 < f->len && k < j + 120; k++) {
        /* (strchr(".!?;\n", c) tested inline: its calls were 26M
           instructions of the sparse bench run) */
        char c = f->text[k];
        if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '\0')
            return 0;
        if (f->text[k] == p[0] && k > 0 && !(f->flags[k - 1] & SG_F_ALNUM) &&
            pronoun_at(f, k, p) > k && of_at(f, pronoun_at(f, k, p)))
            return pronoun_at(f, k, p);
    }
    return 0;
}

/* Past a town's linking word after a word ending at folded offset j, " en"
 * of "Aix-en-Provence", before a capitalised word: where that word starts,
 * or j. */
static size_t past_link(const sg_folded *f, size_t j)
{
    size_t w = j + 1, we = w;
    if (w >= f->len || (f->text[j] != ' ' && f->text[j] != '-'))
        return j;
    while (we < f->len && (f->flags[we] & SG_F_ALNUM))
        we++;
    if (we + 1 < f->len && (f->text[we] == ' ' || f->text[we] == '-') &&
        (f->flags[we + 1] & SG_F_UPPER) && (f->flags[w] & SG_F_LOWER) &&
        sg_town_link(f->text + w, we - w))
        return we + 1;
    return j;
}

/* Past an acronym in brackets after a name at folded offset j, " (LSTO)":
 * the bracket's end, or j. */
static size_t past_acronym(const sg_folded *f, size_t j)
{
    size_t k = j + 2;
    if (j + 3 >= f->len || f->text[j] != ' ' || f->text[j + 1] != '(')
        return j;
    while (k < f->len && k < j + 14 && (f->flags[k] & SG_F_UPPER))
        k++;
    if (k > j + 3 && k < f->len && f->text[k] == ')')
        return k + 1;
    /* or a department, by its name or its number: "d'Avignon (Vaucluse) et
       de Carpentras", "de Riez (04), d'Embrun (05)" */
    const char *close = memchr(f->text + j + 2, ')', f->len - j - 2 < 32 ? f->len - j - 2 : 32);
    size_t n = close ? (size_t)(close - (f->text + j + 2)) : 0;
    if (n && sg_department_of(f->text + j + 2, n)) /* (a number too) */
        return j + 2 + n + 1;
    return j;
}

/* Past a colon and its spaces at folded offset j (" : ", ": ") before a
 * capitalised word: where that word starts, or j. */
static size_t past_colon(const sg_folded *f, size_t j)
{
    size_t k = j + (j < f->len && f->text[j] == ' ');
    if (k + 2 < f->len && f->text[k] == ':' && f->text[k + 1] == ' ' &&
        (f->flags[k + 2] & SG_F_UPPER))
        return k + 2;
    return j;
}

/* "les hôpitaux Font-Pré et Chalucet": the names after a plural head, each
 * read with the head in the singular. `*names`: how many names the list had
 * (its hits stay only for two or more, see shared_at). */
static int shared_names(const sg_matcher *m, const sg_folded *f, size_t i, sg_hits *hits,
                        unsigned *names)
{
    const char *t = f->text;
    size_t j = 0;
    const char *singular = NULL;
    for (size_t p = 0; p < NPLURALS && !singular; p++) {
        if (t[i] != plurals[p][0][0])
            continue;
        size_t pl = strlen(plurals[p][0]);
        if (i + pl < f->len && !memcmp(t + i, plurals[p][0], pl) &&
            (t[i + pl] == ' ' || t[i + pl] == ':')) {
            singular = plurals[p][1];
            j = i + pl + (t[i + pl] == ' ');
        }
    }
    /* a kind's acronym after a plural determiner: "les CH du Pays-d'Apt,
       Bollène et Carpentras", "les CPTS Var Ouest et Var Est" */
    size_t ae = i;
    while (ae < f->len && (f->flags[ae] & SG_F_ALNUM))
        ae++;
    char acronym[8];
    if (!singular && ae + 1 < f->len && ae - i <= 5 && t[ae] == ' ' &&
        sg_shared_head_may(f, i, ae - i)) {
        memcpy(acronym, t + i, ae - i);
        acronym[ae - i] = 0;
        singular = acronym;
        j = ae + 1;
    }
    if (!singular)
        return 0;
    skel_state st = {SG_PREFIX_SEED, {0}, 0, 0};
    const char *w = singular;
    while (*w) {
        size_t n = strcspn(w, " ");
        sg_state_add(&st, w, n);
        w += n + (w[n] == ' ');
    }
    /* an adjective after the head, in the plural as it is: "les cliniques
       arlésiennes Jean Paoli et Jeanne d'Arc"; "privés" read with the head
       ("les hôpitaux privés Saint-Jean et Saint-Roch": "hôpital privé", the
       clinics); another in the singular with the head first, the names
       after "de" ("les centres hospitaliers universitaires de Marseille et
       de Nice": "centre hospitalier universitaire de Nice") */
    ae = j;
    while (ae < f->len && (f->flags[ae] & SG_F_ALNUM))
        ae++;
    skel_state with = st; /* (the head and its adjective) */
    int adjective = 0;
    size_t of = ae + 1 < f->len && t[ae] == ' ' ? of_at(f, ae + 1) : 0;
    if (ae >= j + 4 && (f->flags[j] & SG_F_LOWER) && (t[ae - 1] == 's' || t[ae - 1] == 'x') &&
        ae + 1 < f->len && t[ae] == ' ' &&
        ((f->flags[ae + 1] & SG_F_UPPER) || past_colon(f, ae) > ae ||
         (of && of < f->len && (f->flags[of] & SG_F_UPPER)))) {
        if (!memcmp(t + j, "prive", 5)) {
            sg_state_add(&st, "prive", 5);
        } else if (t[ae - 1] == 's') {
            sg_state_add(&with, t + j, ae - 1 - j);
            adjective = 1;
        }
        j = ae + 1;
    }
    /* a list after a colon: "4 centres hospitaliers : Antibes, Cannes et
       Grasse", "les hôpitaux de proximité : Breil-sur-Roya, Sospel" (the
       names read with the head alone) */
    if (j + 13 < f->len && !memcmp(t + j, "de proximite", 12) && past_colon(f, j + 12) > j + 12)
        j += 12;
    size_t before = j > 0 && t[j - 1] == ' ' ? j - 1 : j; /* (" : " or ": ") */
    size_t after = past_colon(f, before);
    if (after > before)
        j = after;
    /* the names after a pronoun later in the sentence: "les CPTS concernées
       sont celles de Var Ouest et de Var Est" */
    size_t q;
    if (j < f->len && (f->flags[j] & SG_F_LOWER) &&
        ((q = pronoun_later(f, j, "celles ")) || (q = pronoun_later(f, j, "ceux "))))
        j = of_at(f, q);
    for (unsigned c = 0; c < CONJUNCTS_MAX && j < f->len; c++) {
        size_t from = j; /* (a name lent is read with its function words) */
        /* function words before the name ("et de la Conception"); a
           capitalised article is the name's ("La Seyne Toulon Ouest") */
        size_t hs = j;
        for (;;) {
            size_t we = j;
            while (we < f->len && (f->flags[we] & SG_F_ALNUM))
                we++;
            if (we == j || !sg_function_word(t + j, we - j) || we >= f->len ||
                (t[we] != ' ' && t[we] != '\''))
                break;
            hs = (f->flags[j] & SG_F_UPPER) ? j : we + 1;
            j = we + 1;
        }
        /* (a ministry's portfolio may be written in lower case: "les
           ministères de la santé et de la justice") */
        if (j >= f->len || (!(f->flags[j] & SG_F_UPPER) && strcmp(singular, "ministere")))
            return 0;
        ++*names;
        reading rd = {0, 0, 0, 0, 0};
        skel_state walk = adjective ? with : st;
        /* (a kind's acronym in capitals: "les HIA Legouest et Desgenettes"
           read as "HIA Legouest", "HIA Desgenettes", whose readings need
           their first word in capitals) */
        unsigned used =
            SG_VARIANT_SHARED_HEADS |
            (singular == acronym && sg_all_upper(f, i, i + strlen(acronym)) ? WALK_UPPER_BEFORE
                                                                            : 0);
        int read = sg_skel_walk(m, f, j, &walk, used, &rd);
        if (!read && adjective) {
            walk = st;
            read = sg_skel_walk(m, f, j, &walk, used, &rd);
        }
        if (!read) {
            /* a name the gazetteers do not know ("les hôpitaux d'Avignon et
             * de Cavaillon"): the list goes on after its capitalised words */
            size_t e = j;
            for (unsigned k = 0; k < 4 && e < f->len && (f->flags[e] & SG_F_UPPER); k++) {
                while (e < f->len && (f->flags[e] & SG_F_ALNUM))
                    e++;
                e = past_link(f, e); /* a town's "-en-", "-sur-": "d'Aix-en-Provence" */
                if (e + 1 < f->len && f->text[e] == ' ' && (f->flags[e + 1] & SG_F_UPPER))
                    e++;
            }
            rd.end = e;
            /* or a name lent ("hôpitaux d'Avignon" for the "Hôpital d'Avignon"
             * of the bundled entry the user's hospital names) */
            uint32_t lent;
            size_t le = sg_known_shared(m, f, singular, from, e, &lent);
            if (le && sg_hits_push(hits, j, le, lent, SG_HIT_KNOWN_SHARED))
                return SG_ERR_NOMEM;
        } else if (sg_hits_push(hits, hs, rd.end, rd.entity, SG_HIT_SHARED)) {
            return SG_ERR_NOMEM;
        }
        /* ", ", " et ", ", et " before the next name, past the rest of a town
         * read by its first words ("de Cavaillon-Lauris") */
        j = past_capitalised(f, rd.end, 3);
        for (size_t l; (l = past_link(f, j)) != j;) { /* "d'Aix[-en-Provence]" */
            for (j = l; j < f->len && (f->flags[j] & SG_F_ALNUM);)
                j++;
            j = past_capitalised(f, j, 3);
        }
        /* the name's town: "Sainte-Marguerite à Hyères, Saint-Jean ..." */
        j = past_town(f, j);
        j = past_acronym(f, j); /* "La Seyne Toulon Ouest (LSTO), Var Ouest" */
        int comma = j + 1 < f->len && t[j] == ',' && t[j + 1] == ' ';
        j += comma ? 2 : 0;
        static const char *const joints[] = {" et ", " ou ", " mais aussi ", " ainsi que "};
        size_t jl = 0;
        for (size_t k = 0; k < sizeof(joints) / sizeof(*joints) && !jl; k++) {
            size_t l = strlen(joints[k]) - comma; /* after a comma, without its space */
            if (j + l < f->len && !memcmp(t + j, joints[k] + comma, l))
                jl = l;
        }
        if (jl)
            j += jl;
        else if (!comma)
            return 0;
    }
    return 0;
}

/* A plural head before one name only is the kind, not a list: "les
 * hôpitaux des Alpes du Sud", "les centres hospitaliers du Var". */
int sg_shared_at(const sg_matcher *m, const sg_folded *f, size_t i, sg_hits *hits)
{
    size_t before = hits->n;
    unsigned names = 0;
    int rc = shared_names(m, f, i, hits, &names);
    if (!rc && names < 2)
        hits->n = before;
    return rc;
}

/* Is folded f->text[a, b), between two names, a list's joint: ", ", " et ",
 * " et de ", ", l'" (commas, "et", "ou" and articles or "de" only, and a comma
 * or "et" / "ou" among them)? */
static int list_joint(const sg_folded *f, size_t a, size_t b)
{
    static const char *const small[] = {"et", "ou", "de", "d", "du", "des", "la", "le", "l", "les"};
    int joint = 0;
    if (b < a || b - a > 12)
        return 0;
    for (size_t i = a; i < b;) {
        if (f->text[i] == ' ' || f->text[i] == '\'') {
            i++;
            continue;
        }
        if (f->text[i] == ',') {
            joint = 1, i++;
            continue;
        }
        size_t e = i;
        while (e < b && (f->flags[e] & SG_F_ALNUM))
            e++;
        if (e == i || !sg_word_in(f->text + i, e - i, small, sizeof(small) / sizeof(*small)))
            return 0;
        joint |= sg_word_is(f->text + i, e - i, "et") || sg_word_is(f->text + i, e - i, "ou");
        i = e;
    }
    return joint;
}

/* Is hit x a one-word reading of a hospital's that counts only where the
 * document names it otherwise or in a list? */
static int listed_guarded(const sg_hit *x)
{
    return x->how == SG_HIT_VARIANT &&
           (x->guard == SG_GUARD_CONFIRM || x->guard == SG_GUARD_LISTED);
}

static int small_word(const sg_folded *f, size_t a, size_t b)
{
    static const char *const small[] = {"et", "ou", "de", "d", "du", "des", "la", "le", "l", "les"};
    return sg_word_in(f->text + a, b - a, small, sizeof(small) / sizeof(*small));
}

/* The word [a, b) and the one after it (after: from b; else before a): the
 * next word's bounds. */
static void next_word(const sg_folded *f, size_t p, int after, size_t *a, size_t *b)
{
    const unsigned char *fl = f->flags;
    if (after) {
        *a = p;
        while (*a < f->len && !(fl[*a] & SG_F_ALNUM))
            (*a)++;
        for (*b = *a; *b < f->len && (fl[*b] & SG_F_ALNUM);)
            (*b)++;
    } else {
        *b = p;
        while (*b > 0 && !(fl[*b - 1] & SG_F_ALNUM))
            (*b)--;
        for (*a = *b; *a > 0 && (fl[*a - 1] & SG_F_ALNUM);)
            (*a)--;
    }
}

/* The capitalised word alone [*ws, *we) a list's joint away from folded
 * offset p, after it (`after`) or before it: ", Orange" / "Orange, ". */
static int word_listed(const sg_folded *f, size_t p, int after, size_t *ws, size_t *we)
{
    const unsigned char *fl = f->flags;
    size_t a, b, q = p;
    for (;;) {
        next_word(f, q, after, &a, &b);
        if (a == b || (after ? b - p : p - a) > 24 || !small_word(f, a, b))
            break;
        q = after ? b : a;
    }
    if (a == b || !(fl[a] & SG_F_UPPER) || !list_joint(f, after ? p : b, after ? a : p))
        return 0;
    /* one word: no capitalised word goes on with it, nor a town's rest
     * ("Salon-de-Provence") */
    size_t xa, xb, ya, yb;
    next_word(f, b, 1, &xa, &xb);
    if (xa == b + 1 && f->text[b] == ' ' && xb > xa &&
        ((fl[xa] & SG_F_UPPER) || (small_word(f, xa, xb) && xb + 1 < f->len && f->text[xb] == ' ' &&
                                   (fl[xb + 1] & SG_F_UPPER))))
        return 0;
    next_word(f, a, 0, &ya, &yb);
    if (yb + 1 == a && yb > ya && f->text[yb] == ' ' && (fl[ya] & SG_F_UPPER))
        return 0;
    *ws = a;
    *we = b;
    return 1;
}

/* Does a hit of h overlap folded [a, b)? */
static int covered(const sg_hits *h, size_t a, size_t b)
{
    for (size_t k = 0; k < h->n; k++)
        if (h->v[k].fs < b && h->v[k].fe > a)
            return 1;
    return 0;
}

/* "Orange, Montélimar" beside a hospital's one-word reading of the user's
 * own: the word is the hospital whose name lent reads it so (known.c). */
static int lent_listed(const sg_matcher *m, const sg_folded *f, sg_hits *h)
{
    size_t n = h->n;
    for (size_t i = 0; i < n; i++) {
        for (int after = 0; after < 2; after++) {
            const sg_hit *x = &h->v[i];
            size_t ws, we;
            if (!listed_guarded(x) || sg_is_place(m, x->entity) || sg_is_person(m, x->entity) ||
                !word_listed(f, after ? x->fe : x->fs, after, &ws, &we) || covered(h, ws, we))
                continue;
            uint32_t e = sg_known_site(m, f->text + ws, we - ws);
            if (e == SG_TRIE_NONE || e == x->entity || !(m->allowed[e] & SG_VARIANT_HEADS))
                continue;
            if (sg_hits_push(h, ws, we, e, SG_HIT_KNOWN))
                return SG_ERR_NOMEM;
            h->v[i].guard = 0;
        }
    }
    if (h->n > n)
        sg_hits_sort(h);
    return 0;
}

/* Past a department's number in brackets after a name: "de Draguignan
 * (83)". */
static size_t past_number(const sg_folded *f, size_t j)
{
    size_t k = j + 2;
    if (j + 3 >= f->len || f->text[j] != ' ' || f->text[j + 1] != '(')
        return j;
    while (k < f->len && f->text[k] >= '0' && f->text[k] <= '9')
        k++;
    return k > j + 2 && k < f->len && f->text[k] == ')' ? k + 1 : j;
}

/* A body's head, "de" and its town, then more towns with "de" in a list:
 * "l'hôpital d'Aix, de Cavaillon ou de Manosque" names three hospitals, each
 * town read with the head (variant "shared-heads"), and so does the pronoun
 * later in the sentence, "puis celui de Manosque"; into `add`. */
static int towns_listed(const sg_matcher *m, const sg_folded *f, size_t fs, size_t fe, sg_hits *add)
{
    static const char *const joints[] = {", et ", ", ou ",        ", ",         " et ",
                                         " ou ",  " mais aussi ", " ainsi que "};
    skel_state st = {SG_PREFIX_SEED, {0}, 0, 0};
    const char *pronoun = NULL;
    size_t j = sg_body_head_at(f, fs, 0, &st, &pronoun);
    if (!j)
        return 0;
    int towns = of_at(f, j + 1) != 0; /* "l'hôpital de X": a list of towns may follow */
    j = fe;
    for (unsigned c = 0; c < CONJUNCTS_MAX; c++) {
        /* past the name's town, "l'hôpital des Escartons à Briançon", or its
           department, "de Draguignan (83)" */
        j = past_town(f, j);
        j = past_number(f, j);
        size_t jl = 0, n0 = 0;
        for (size_t k = 0; towns && k < sizeof(joints) / sizeof(*joints) && !jl; k++)
            if (j + strlen(joints[k]) < f->len &&
                !memcmp(f->text + j, joints[k], strlen(joints[k])))
                jl = strlen(joints[k]);
        if (jl)
            n0 = of_at(f, pronoun_at(f, j + jl, pronoun));
        if ((!n0 || !(f->flags[n0] & SG_F_UPPER)) && (n0 = pronoun_later(f, j, pronoun)))
            n0 = of_at(f, n0);
        if (!n0 || !(f->flags[n0] & SG_F_UPPER))
            return 0;
        reading rd = {0, 0, 0, 0, 0};
        skel_state walk = st;
        if (sg_skel_walk(m, f, n0, &walk, SG_VARIANT_SHARED_HEADS, &rd) &&
            !sg_is_place(m, rd.entity) && !sg_is_person(m, rd.entity)) {
            if (sg_hits_push(add, n0, rd.end, rd.entity, SG_HIT_SHARED))
                return SG_ERR_NOMEM;
            j = past_capitalised(f, rd.end, 3);
        } else { /* a town whose body the gazetteers do not know: on after it */
            while (n0 < f->len && (f->flags[n0] & SG_F_ALNUM))
                n0++;
            j = past_capitalised(f, n0, 3);
        }
        towns = 1;
    }
    return 0;
}

/* Where a body's head starts before the town at folded offset i, "le centre
 * hospitalier de Riez" for Riez, or 0: the head, then "de", "d'" or "du". */
static size_t head_before_town(const sg_folded *f, size_t i)
{
    size_t db, de;
    sg_word_before(f, i, 1, &db, &de);
    if (db == de || of_at(f, db) != i)
        return 0;
    size_t b = db, e;
    for (unsigned w = 0; w < 4 && b > 0; w++) {
        sg_word_before(f, b, 0, &b, &e);
        if (b == e)
            return 0;
        skel_state st = {SG_PREFIX_SEED, {0}, 0, 0};
        if (sg_body_head_at(f, b, 0, &st, NULL) + 1 == db)
            return b;
    }
    return 0;
}

/* The towns listed after hospitals (towns_listed): their readings replace
 * what the selection had there (the towns as places). A list may also start
 * at a town whose body the gazetteers do not know: "le centre hospitalier de
 * Riez (04), celui d'Embrun (05)". */
static int hospitals_listed(const sg_matcher *m, const sg_folded *f, sg_hits *h)
{
    sg_hits add = {0};
    int rc = 0;
    for (size_t i = 0; i < h->n && !rc; i++) {
        const sg_hit *x = &h->v[i];
        size_t hs;
        if (!sg_is_place(m, x->entity) && !sg_is_person(m, x->entity) &&
            (m->allowed[x->entity] & SG_VARIANT_SHARED_HEADS))
            rc = towns_listed(m, f, x->fs, x->fe, &add);
        else if (sg_is_place(m, x->entity) && (hs = head_before_town(f, x->fs)))
            rc = towns_listed(m, f, hs, x->fe, &add);
    }
    if (!rc && add.n) {
        size_t out = 0;
        for (size_t i = 0; i < h->n; i++)
            if (!covered(&add, h->v[i].fs, h->v[i].fe))
                h->v[out++] = h->v[i];
        h->n = out;
        for (size_t k = 0; k < add.n && !rc; k++)
            rc = sg_hits_push(h, add.v[k].fs, add.v[k].fe, add.v[k].entity, SG_HIT_SHARED);
        sg_hits_sort(h);
    }
    sg_hits_free(&add);
    return rc;
}

int sg_variants_listed(const sg_matcher *m, const sg_folded *f, sg_hits *h)
{
    if ((m->variants & SG_VARIANT_SHARED_HEADS) && hospitals_listed(m, f, h))
        return SG_ERR_NOMEM;
    for (size_t i = 0; i + 1 < h->n; i++) {
        sg_hit *x = &h->v[i], *y = &h->v[i + 1];
        int gx = listed_guarded(x), gy = listed_guarded(y);
        if (!(gx || gy) || x->entity == y->entity || sg_is_place(m, x->entity) ||
            sg_is_person(m, x->entity) || sg_is_place(m, y->entity) || sg_is_person(m, y->entity) ||
            !list_joint(f, x->fe, y->fs))
            continue;
        if (gx)
            x->guard = 0;
        if (gy)
            y->guard = 0;
    }
    return m->nlent_skels ? lent_listed(m, f, h) : 0;
}
