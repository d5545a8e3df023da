/* Finding the variants of names in the text (see variants.c): a skeleton's
 * walk one word at a time past function words and an "(ACR)", acronym
 * forms, fuzzy readings of long names, names after a shared plural head;
 * then, after the choice of mentions, a region after an acronym and the
 * places inside names. */
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "suggest_int.h"
#include "variants_int.h"

/* Regions after an organisation's acronym ("FHF Paca"), as folded texts. */
static const char *const region_texts[] = {"paca", "provence alpes cote d'azur", "region sud",
                                           "paca corse", "sud paca"};

/* state_add when the caller has hashed the state with the word already (h). */
static void state_add_hashed(skel_state *st, const char *w, size_t n, uint64_t h)
{
    if (st->words++)
        st->buf[st->len++] = ' ';
    memcpy(st->buf + st->len, w, n);
    st->len += n;
    st->h = h;
}

/* The end of an "(ACR)" starting at text[k] ('('): one past ')' or 0. */
static size_t paren_end(const sg_folded *f, size_t k)
{
    size_t e = k + 1, letters = 0;
    while (e < f->len && e - k <= PAREN_MAX && f->text[e] != ')' && f->text[e] != '\n' &&
           f->text[e] != '(') {
        letters += (f->flags[e] & SG_F_ALNUM) != 0;
        e++;
    }
    if (e >= f->len || f->text[e] != ')' || letters < 2 || !(f->flags[k + 1] & SG_F_UPPER))
        return 0;
    return e + 1;
}

size_t sg_ndlr_end(const sg_folded *f, size_t k)
{
    if (k >= f->len || f->text[k] != ',')
        return 0;
    k++;
    while (k < f->len && f->text[k] == ' ')
        k++;
    if (k + 4 > f->len || memcmp(f->text + k, "ndlr", 4))
        return 0;
    k += 4;
    while (k < f->len && (f->text[k] == ' ' || f->text[k] == '.'))
        k++;
    return k < f->len && f->text[k] == ')' ? k : 0;
}

size_t sg_expansion_end(const sg_folded *f, size_t k, const char *acr, size_t an, size_t *words)
{
    static const char *const skipped[] = {"au", "aux", "en", "et", "pour", "sur"};
    char with[8], without[8]; /* the initials, with and without the words "a" (à) */
    size_t nw = 0, nwo = 0;
    if (an < 3 || an > sizeof(with))
        return 0;
    size_t e = k + 1, end = 0;
    while (e < f->len && e - k <= 120 && f->text[e] != ')') {
        if (!(f->flags[e] & SG_F_ALNUM)) {
            size_t close = f->text[e] == ',' ? sg_ndlr_end(f, e) : 0;
            if (close) {
                end = e;
                e = close;
                break;
            }
            if (f->text[e] == '\n' || f->text[e] == '(' || f->text[e] == ',')
                return 0;
            e++;
            continue;
        }
        size_t we = e;
        while (we < f->len && (f->flags[we] & SG_F_ALNUM))
            we++;
        int a = we - e == 1 && f->text[e] == 'a';
        if (!sg_function_word(f->text + e, we - e) &&
            !sg_word_in(f->text + e, we - e, skipped, sizeof(skipped) / sizeof(*skipped))) {
            if (nw == sizeof(with))
                return 0;
            with[nw++] = f->text[e];
            if (!a && nwo < sizeof(without))
                without[nwo++] = f->text[e];
        }
        e = we;
    }
    if (e >= f->len || f->text[e] != ')')
        return 0;
    if (!((nw == an && !memcmp(with, acr, an)) || (nwo == an && !memcmp(without, acr, an))))
        return 0;
    if (words)
        *words = end ? end : e;
    return e + 1;
}

/* The end of an acronym's expansion in brackets at text[k] ('('), right
 * after the acronym, the walk's last word (sg_expansion_end). */
static size_t expansion_end(const sg_folded *f, size_t k, const skel_state *sp)
{
    size_t a = sp->len;
    while (a > 0 && sp->buf[a - 1] != ' ')
        a--;
    return sg_expansion_end(f, k, sp->buf + a, sp->len - a, NULL);
}

/* The length of an opening quotation mark at text[k] (", «, “), or 0. */
static size_t quote_open(const sg_folded *f, size_t k)
{
    const unsigned char *t = (const unsigned char *)f->text + k;
    size_t left = f->len - k;
    if (t[0] == '"')
        return 1;
    if (left >= 2 && t[0] == 0xC2 && t[1] == 0xAB)
        return 2;
    return left >= 3 && t[0] == 0xE2 && t[1] == 0x80 && t[2] == 0x9C ? 3 : 0;
}

/* One past a closing quotation mark (", », ”) at text[k], maybe after a
 * space, or 0. */
static size_t quote_close_end(const sg_folded *f, size_t k)
{
    if (k < f->len && f->text[k] == ' ')
        k++;
    const unsigned char *t = (const unsigned char *)f->text + k;
    size_t left = f->len - k;
    if (left >= 1 && t[0] == '"')
        return k + 1;
    if (left >= 2 && t[0] == 0xC2 && t[1] == 0xBB)
        return k + 2;
    return left >= 3 && t[0] == 0xE2 && t[1] == 0x80 && t[2] == 0x9D ? k + 3 : 0;
}

/* Is the word at i in capitals ("IHU")? */
static int upper_word(const sg_folded *f, size_t i)
{
    size_t e = i;
    while (e < f->len && (f->flags[e] & SG_F_ALNUM)) {
        if (f->flags[e] & SG_F_LOWER)
            return 0;
        e++;
    }
    return e > i;
}

/* Is the word [b, e) in capitals, two letters or more ("CGT")? */
static int capitals_at(const sg_folded *f, size_t b, size_t e)
{
    return e >= b + 2 && upper_word(f, b) && (f->flags[b + 1] & SG_F_UPPER);
}

/* Is the list separator before i or after e (a comma, "et", "ou"; an
 * opening bracket before) next to a word in capitals? */
static int capitals_listed(const sg_folded *f, size_t i, size_t e)
{
    size_t p = i, b, w;
    while (p > 0 && f->text[p - 1] == ' ')
        p--;
    if (p > 0 && (f->text[p - 1] == ',' || f->text[p - 1] == '(')) {
        sg_word_before(f, p - 1, 0, &b, &w);
    } else {
        sg_word_before(f, i, 0, &b, &w);
        if (sg_word_is(f->text + b, w - b, "et") || sg_word_is(f->text + b, w - b, "ou"))
            sg_word_before(f, b, 0, &b, &w);
        else
            b = w;
    }
    if (capitals_at(f, b, w))
        return 1;
    size_t n = e;
    while (n < f->len && f->text[n] == ' ')
        n++;
    if (n < f->len && f->text[n] == ',')
        n++;
    else if (n + 3 < f->len && (!memcmp(f->text + n, "et ", 3) || !memcmp(f->text + n, "ou ", 3)))
        n += 2;
    else
        return 0;
    while (n < f->len && f->text[n] == ' ')
        n++;
    size_t ne = n;
    while (ne < f->len && (f->flags[ne] & SG_F_ALNUM))
        ne++;
    return capitals_at(f, n, ne);
}

/* May a reading whose first word is in capitals ("SUD" for the union's
 * federation) start at i? Its word in capitals, or, for a reading of one
 * word, in title case among a list of words in capitals: the press writes
 * one union so among the others ("les syndicats Sud, CGT et FO", "(CGT,
 * Sud, FO)"); not after an article, a preposition or another noun. */
static int upper1_at(const sg_folded *f, size_t i, const skel_rec *sk)
{
    if (upper_word(f, i))
        return 1;
    size_t e = i;
    while (e < f->len && (f->flags[e] & SG_F_ALNUM))
        e++;
    if (sk->words != 1 || e < i + 2 || !(f->flags[i] & SG_F_UPPER))
        return 0;
    /* after a punctuation mark, another of the list, or the unions' noun;
     * not in a longer name nor after an article or another noun ("la région
     * Sud", "du Sud et ...") */
    static const char *const before[] = {"et", "ou", "syndicat", "syndicats", "intersyndicale"};
    size_t b, w;
    sg_word_before(f, i, 1, &b, &w);
    if (w > b && !capitals_at(f, b, w) &&
        !sg_word_in(f->text + b, w - b, before, sizeof(before) / sizeof(*before)))
        return 0;
    return capitals_listed(f, i, e);
}

/* Is the word at i capitalised, right after "au", "aux", "du" or "des" (à
 * le, à les, de le, de les): where a place's or a body's leading article is
 * gone ("au Pradet", "du Castellet", "du Figaro")? For a body, not in a
 * longer name ("Médecins du Monde", "la Coupe du Monde"). */
static int contracted(const sg_matcher *m, uint32_t entity, const sg_folded *f, size_t i)
{
    static const char *const c[] = {"au", "aux", "du", "des"};
    size_t ps, p, qs, q;
    if (!(f->flags[i] & SG_F_UPPER))
        return 0;
    sg_word_before(f, i, 1, &ps, &p);
    if (!(p > ps && sg_word_in(f->text + ps, p - ps, c, sizeof(c) / sizeof(*c))))
        return 0;
    if (sg_is_place(m, entity))
        return 1;
    sg_word_before(f, ps, 0, &qs, &q);
    return q == qs || q != ps - 1 || !(f->flags[qs] & SG_F_UPPER);
}

/* May skeleton sk, read without its leading article, start at i: right
 * after a contraction ("au Pradet"), or, for a place of two words or more
 * left, anywhere with its capital ("Carpentras, Isle-sur-la-Sorgue, Apt"
 * for L'Isle-sur-la-Sorgue: such a name is no common word)? */
static int article_gone(const sg_matcher *m, const skel_rec *sk, const sg_folded *f, size_t i)
{
    if (sk->words >= 2 && sg_is_place(m, sk->entity) && (f->flags[i] & SG_F_UPPER))
        return 1;
    return contracted(m, sk->entity, f, i);
}

/* The words for a hospital's premises: "le site Pasteur 2", "l'établissement
 * Pierre-Grouès", "la maternité Saint-Michel" name the hospital itself. */
static const char *const premises[] = {"site",   "sites",     "etablissement",
                                       "campus", "maternite", "etablissements"};
#define NPREMISES (sizeof(premises) / sizeof(*premises))

/* Is word start i right after such a word and "de" ("le site de Cimiez", "ses
 * sites de l'Archet", "le site de Pasteur")? A hospital's proper name alone
 * is then surely the hospital's, though it has one word. */
static int premises_of_before(const sg_folded *f, size_t i)
{
    static const char *const of[] = {"de", "d", "du"};
    size_t ps, p;
    sg_word_before(f, i, 1, &ps, &p);
    if (p > ps && (sg_word_is(f->text + ps, p - ps, "la") || sg_word_is(f->text + ps, p - ps, "l")))
        sg_word_before(f, ps, 0, &ps, &p); /* "de la", "de l'" */
    if (p == ps || !sg_word_in(f->text + ps, p - ps, of, sizeof(of) / sizeof(*of)))
        return 0;
    sg_word_before(f, ps, 0, &ps, &p);
    return p > ps && sg_word_in(f->text + ps, p - ps, premises, NPREMISES);
}

/* Can a proper name alone start at i ("Sainte-Musse" for the hospital)? Not
 * after a capitalised word (part of a longer name) nor after a lower-case
 * noun or adjective ("groupe Sainte Marguerite", "centre diététique
 * Saint-Jean" are other bodies); after a preposition, an article, "et", a
 * punctuation mark or at the start, yes. */
static int proper_context(const sg_folded *f, size_t i)
{
    /* (and the adverbs that open a list of names: "mais également X") */
    static const char *const small[] = {
        "a",      "au",   "aux",   "avec",  "chez",      "dans",      "entre",  "en",
        "et",     "ou",   "par",   "pour",  "sur",       "vers",      "selon",  "contre",
        "devant", "dont", "comme", "aussi", "egalement", "notamment", "surtout"};
    size_t ps, p, qs, q;
    sg_word_before(f, i, 1, &ps, &p);
    if (ps == p)
        return 1; /* the start, or a punctuation mark */
    if (f->flags[ps] & SG_F_UPPER) {
        /* an article or a preposition starting a sentence ("La Région Sud a
         * décidé", "Avec Protisvalor, ..."; "Au Nord de Marseille" is the
         * north of the city), or capitalised after a preposition ("vers La
         * Timone") */
        static const char *const opening[] = {"avec", "chez",  "entre",  "par",
                                              "pour", "selon", "contre", "devant"};
        sg_word_before(f, ps, 0, &qs, &q);
        if (sg_function_word(f->text + ps, p - ps) && qs < q && !(f->flags[qs] & SG_F_UPPER) &&
            sg_word_in(f->text + qs, q - qs, small, sizeof(small) / sizeof(*small)))
            return 1;
        return (sg_function_word(f->text + ps, p - ps) ||
                sg_word_in(f->text + ps, p - ps, opening, sizeof(opening) / sizeof(*opening))) &&
               qs == q &&
               (q == 0 || f->text[q - 1] == '.' || f->text[q - 1] == '!' || f->text[q - 1] == '?' ||
                f->text[q - 1] == '\n' || f->text[q - 1] == '"' || f->text[q - 1] == ':' ||
                (unsigned char)f->text[q - 1] == 0xAB /* a name in quotes: « Les Pins » */);
    }
    /* a district or a street of that name: "le quartier de Sainte-Musse", "la
     * rue de Lenval", "l'avenue de la Timone" */
    size_t ds = ps, d = p, ws, w;
    if (sg_word_is(f->text + ps, p - ps, "la") || sg_word_is(f->text + ps, p - ps, "l"))
        sg_word_before(f, ps, 0, &ds, &d); /* "de la", "de l'" */
    if (d > ds && sg_of_word(f->text + ds, d - ds)) {
        sg_word_before(f, ds, 0, &ws, &w);
        if (w > ws && ((sg_way_noun(f->text + ws, w - ws) & (SG_WAY_STREET | SG_WAY_ROAD)) ||
                       sg_word_is(f->text + ws, w - ws, "quartier")))
            return 0;
    }
    return sg_function_word(f->text + ps, p - ps) ||
           sg_word_in(f->text + ps, p - ps, small, sizeof(small) / sizeof(*small)) ||
           sg_word_in(f->text + ps, p - ps, premises, NPREMISES);
}

/* Is the word at i right after "de", "d'" or "du" ("la Halle de Martigues",
 * "transférer de Laragne"), but for a list's "et de" ("l'Archet et de
 * Cimiez") and a hospital's premises ("le site de Cimiez")? */
static int after_de(const sg_folded *f, size_t i)
{
    static const char *const of[] = {"de", "d", "du"};
    size_t ps, p, qs, q;
    sg_word_before(f, i, 1, &ps, &p);
    if (p == ps || !sg_word_in(f->text + ps, p - ps, of, sizeof(of) / sizeof(*of)))
        return 0;
    sg_word_before(f, ps, 0, &qs, &q);
    return !(q > qs &&
             (sg_word_is(f->text + qs, q - qs, "et") || sg_word_is(f->text + qs, q - qs, "ou") ||
              sg_word_in(f->text + qs, q - qs, premises, NPREMISES)));
}

/* Does a department's name follow the reading that ends at e, after "de",
 * "du", "des" or "d'" ("le Syndicat des pharmaciens des Alpes-Maritimes")? A
 * body's name read without its department (SG_VARIANT_REGION) is then
 * another department's body: the Var's is no reading of it. */
static int department_after(const sg_folded *f, size_t e)
{
    static const char *const of[] = {"de", "du", "des"};
    size_t a = e + 1, b = a;
    if (a >= f->len || f->text[e] != ' ')
        return 0;
    while (b < f->len && (f->flags[b] & SG_F_ALNUM))
        b++;
    if (b < f->len && f->text[b] == '\'' && b == a + 1 && f->text[a] == 'd')
        a = b + 1; /* "d'Ille-et-Vilaine" */
    else if (b < f->len && f->text[b] == ' ' && sg_word_in(f->text + a, b - a, of, 3))
        a = b + 1;
    else
        return 0;
    if (a >= f->len || !(f->flags[a] & SG_F_UPPER))
        return 0;
    /* the department's name, up to five words ("Alpes de Haute Provence") */
    size_t k = a;
    for (unsigned w = 0; w < 5 && k < f->len; w++) {
        while (k < f->len && (f->flags[k] & SG_F_ALNUM))
            k++;
        if (sg_department_named(f->text + a, k - a))
            return 1;
        if (k >= f->len || (f->text[k] != ' ' && f->text[k] != '\''))
            return 0;
        k++;
    }
    return 0;
}

/* Is the reading [i, e) of skeleton sk, read with its place dropped (variant
 * region), the long form of a kind alone ("groupement hospitalier de
 * territoire" for the one of a department), and there the kind, not one body:
 * after "de" without an article or a plural or indefinite determiner ("la
 * création de groupement hospitalier de territoire"), or defined by the
 * kind's acronym right after it ("(GHT)")? */
static int kind_generic(const sg_matcher *m, const skel_rec *sk, const sg_folded *f, size_t i,
                        size_t e)
{
    const char *acr = sg_kind_long_form(m->texts + sk->text_off, sk->len);
    if (!acr)
        return 0;
    if (sg_kind_context(f, i))
        return 1;
    size_t k = e + (e < f->len && f->text[e] == ' '), n = strlen(acr);
    return k + n + 2 <= f->len && f->text[k] == '(' && !memcmp(f->text + k + 1, acr, n) &&
           f->text[k + 1 + n] == ')';
}

/* Is a reading of skeleton sk at [i, e) that drops a place (variant region)
 * refused there: before another department's name, or the kind alone? */
static int region_refused(const sg_matcher *m, const skel_rec *sk, const sg_folded *f, size_t i,
                          size_t e)
{
    return (sk->needs & SG_VARIANT_REGION) &&
           (department_after(f, e) || kind_generic(m, sk, f, i, e));
}

/* Is a reading that needs capitals (SKEL_CAPITALS) read at [i, e), its
 * words capitalised or not (`capitals`)? In a proper name's context or after
 * an office; and a one-word reading not right before a capitalised word, as
 * it is then part of a longer name ("Centrale Innovation" is no "Centrale" of
 * "Centrale Méditerranée"). */
static int capitals_fit(const sg_folded *f, const skel_rec *sk, size_t i, size_t e, int capitals)
{
    return ((capitals && proper_context(f, i)) || sg_office_before(f, i)) &&
           !(sk->words == 1 && e + 1 < f->len && f->text[e] == ' ' &&
             (f->flags[e + 1] & SG_F_UPPER));
}

uint32_t sg_skel_clean(const sg_matcher *m, const prefix_rec *r, const sg_folded *f, size_t i,
                       size_t j, int capitals, int *confirm)
{
    uint32_t best = SG_TRIE_NONE;
    for (uint32_t v = sg_prefix_skel(m, r); v != SG_TRIE_NONE; v = m->skels[v].next) {
        const skel_rec *sk = &m->skels[v];
        /* (most skeletons here are places without their article, read only
         * capitalised: that test first, before the skeleton's text) */
        if (sk->len != j - i || ((sk->needs & SKEL_CONTRACTED) && !(f->flags[i] & SG_F_UPPER)) ||
            memcmp(m->texts + sk->text_off, f->text + i, j - i) ||
            (sk->needs & SKEL_VARIANTS & ~(unsigned)m->allowed[sk->entity]) ||
            ((sk->needs & SKEL_CAPITALS) && !capitals_fit(f, sk, i, j, capitals)) ||
            (sk->needs & SKEL_DEAD) || ((sk->needs & SKEL_UPPER1) && !upper1_at(f, i, sk)) ||
            ((sk->needs & SKEL_CAPITAL1) && !(f->flags[i] & SG_F_UPPER)) ||
            ((sk->needs & SKEL_CONTRACTED) && !article_gone(m, sk, f, i)) ||
            ((sk->needs & SKEL_TOWNLIKE) && (sk->needs & SKEL_DERIVED) && after_de(f, i)) ||
            region_refused(m, sk, f, i, j))
            continue;
        if (best == SG_TRIE_NONE || m->rank[sk->entity] < m->rank[best]) {
            best = sk->entity;
            *confirm = (sk->needs & SKEL_CONFIRM) != 0;
            if ((sk->needs & SKEL_TOWNLIKE) && (sk->needs & SKEL_DERIVED))
                *confirm = 2; /* in a list only */
            if (sk->needs & SKEL_LOCAL)
                *confirm = 3; /* the document's department decides */
        }
    }
    return best;
}

/* The start of the word after a space at folded offset k and "de", "du",
 * "des" or "d'" ("de naissance", "d'information"); 0 when none. */
static size_t complement_at(const sg_folded *f, size_t k)
{
    const char *t = f->text;
    if (k + 1 >= f->len || t[k] != ' ')
        return 0;
    size_t b = k + 1, e = b;
    while (e < f->len && (f->flags[e] & SG_F_ALNUM))
        e++;
    if (e >= f->len || !sg_of_word(t + b, e - b) || t[e] != (e - b == 1 ? '\'' : ' '))
        return 0;
    return e + 1;
}

/* Is the comma at j one of a name's list of complements, "de", "d'", "du"
 * or "des" and a word in lower case right after it, no article ("Centre
 * gratuit d'information, de dépistage et de diagnostic", "Direction
 * régionale de l'économie, de l'emploi, du travail et des solidarités"
 * where "de l'" opens the list; not a seat: "au centre de santé, de Nice à
 * Marseille", ", de l'Estérel")? The walk reads on only where the name's
 * skeleton does. */
static int comma_in_name(const sg_folded *f, size_t j)
{
    const char *t = f->text;
    size_t w = complement_at(f, j + 1), we = w;
    if (!w)
        return 0;
    while (we < f->len && (f->flags[we] & SG_F_ALNUM))
        we++;
    if (we > w && sg_function_word(t + w, we - w)) { /* "de l'économie": its noun then */
        if (we >= f->len || (t[we] != ' ' && t[we] != '\''))
            return 0;
        w = we + 1;
    }
    return w < f->len && (f->flags[w] & SG_F_LOWER);
}

/* The separator after a word of a skeleton's walk, from j: spaces,
 * apostrophes, a slash between towns, an "(ACR)" (its start into *paren), an
 * opening quotation mark before the rest of the name ("le GHT « Hôpitaux de
 * Provence »": its offset into *quote; the name must then end at the closing
 * one). Returns the next word's start (or the text's end), 0 where the walk
 * stops. */
static size_t walk_on(const sg_folded *f, size_t j, const skel_state *sp, size_t *paren,
                      size_t *quote, unsigned *used)
{
    const char *t = f->text;
    size_t q;
    while (j < f->len && !(f->flags[j] & SG_F_ALNUM)) {
        if (t[j] == ' ' || t[j] == '\'' || (t[j] == '/' && sp->words) ||
            (t[j] == ',' && sp->words && comma_in_name(f, j))) {
            j++; /* ("Fréjus / Saint-Raphaël": towns joined by a slash) */
        } else if (sp->words && !*quote && !*paren && (q = quote_open(f, j))) {
            *quote = j;
            *used |= SG_VARIANT_INTERRUPTED;
            j += q;
        } else if (t[j] == '(' && sp->words && !*paren) {
            size_t e = paren_end(f, j);
            if (!e && !(e = expansion_end(f, j, sp)))
                return 0;
            *paren = j;
            *used |= SG_VARIANT_INTERRUPTED;
            j = e;
        } else {
            return 0;
        }
    }
    return j;
}

/* Does the next content word after folded offset j (past spaces and
 * apostrophes) go on with the skeleton prefix hashed to h? */
static int next_goes_on(const sg_matcher *m, const sg_folded *f, size_t j, uint64_t h)
{
    while (j < f->len && (f->text[j] == ' ' || f->text[j] == '\''))
        j++;
    size_t e = j;
    while (e < f->len && (f->flags[e] & SG_F_ALNUM))
        e++;
    if (e == j || sg_function_word(f->text + j, e - j))
        return 0;
    const char *w = f->text + j;
    size_t wl = e - j;
    sg_skeleton_word(&w, &wl);
    return sg_prefix_lookup(m, sg_hash_bytes(sg_prefix_step(h, ' '), w, wl)) != NULL;
}

/* A walk resumed after a generic head and an inserted word (resume_walk):
 * where it started, and its state there. */
typedef struct {
    size_t start;
    int capitals;
} walk_from;

/* Walks the text from word start j on, in skeleton space, after the words of
 * `st`: the longest skeleton ending after `min_end` whose entity allows every
 * variant the reading needs (`used`: those of the caller). Returns 1 and
 * fills *out when found. (The readings that end at min_end or before are not
 * read: a name as long is there.) With `from`, j is the end of a word
 * inserted after the generic head that is all of `st`. */
static int skel_walk(const sg_matcher *m, const sg_folded *f, size_t j, skel_state *sp,
                     unsigned used, size_t min_end, reading *out, const walk_from *from)
{
    const char *t = f->text;
    const unsigned char *fl = f->flags;
    int found = 0, inserted = from != NULL;
    size_t paren = 0, quote = 0;
    const skel_rec *best = NULL;
    unsigned first_head = from != NULL;
    int capitals = from ? from->capitals : 1; /* every content word so far starts with a capital */
    size_t start = from ? from->start : j;
    if (from && !(j = walk_on(f, j, sp, &paren, &quote, &used)))
        return 0;
    while (j < f->len && (fl[j] & SG_F_ALNUM)) {
        size_t we = j;
        while (we < f->len && (fl[we] & SG_F_ALNUM))
            we++;
        size_t wl = we - j;
        const char *wt = t + j; /* the word, "st" read "saint" */
        sg_skeleton_word(&wt, &wl);
        if (sg_function_word(t + j, we - j)) {
            if (!sp->words)
                return 0;
            used |= SG_VARIANT_FUNCTION_WORDS;
        } else {
            if (sp->len + 1 + wl > SKEL_MAX || sg_head_acronym_unread(f, j, we))
                break;
            uint64_t h = sp->h;
            if (sp->words)
                h = sg_prefix_step(h, ' ');
            h = sg_hash_bytes(h, wt, wl);
            /* one lower-case word after a generic head may be inserted */
            int insertable = sp->words == 1 && first_head && !inserted && wl >= 4 &&
                             !(fl[j] & SG_F_UPPER) && sg_insertable(sp->buf, sp->len, wt, wl);
            /* up to min_end no reading counts, and a skeleton read further on
             * has every prefix in the table: there, the table is read only
             * where a missing prefix means an inserted word */
            int probe = we > min_end || insertable;
            const prefix_rec *r = probe ? sg_prefix_lookup(m, h) : NULL;
            /* a town's adjective, for the town ("CHU niçois") or inserted
             * after a generic head ("hôpital privé marseillais Beauregard") */
            const char *town = probe && !r && sp->words && !(fl[j] & SG_F_UPPER)
                                   ? sg_demonym(t + j, we - j)
                                   : NULL;
            if (town) {
                uint64_t h2 = sg_hash_bytes(sg_prefix_step(sp->h, ' '), town, strlen(town));
                if ((r = sg_prefix_lookup(m, h2)) && first_head && !inserted &&
                    !next_goes_on(m, f, we, h2) && next_goes_on(m, f, we, sp->h))
                    r = NULL; /* inserted: "hôpital privé marseillais Beauregard",
                                 though another name goes on "hôpital privé Marseille" */
                if (r) {
                    h = h2;
                    wt = town;
                    wl = strlen(town);
                    used |= SG_VARIANT_INSERTED;
                } else if (first_head && !inserted) {
                    insertable = 1;
                }
            }
            if (probe && !r) {
                if (insertable) {
                    inserted = 1;
                    used |= SG_VARIANT_INSERTED;
                    goto separator;
                }
                break;
            }
            if (!sp->words)
                first_head = (unsigned)sg_generic_head(wt, wl);
            capitals &= (fl[j] & (SG_F_UPPER | SG_F_LOWER)) != SG_F_LOWER; /* (digits pass) */
            state_add_hashed(sp, wt, wl, h);
            /* (after an opening quotation mark, the name ends at the closing one) */
            size_t end = quote ? quote_close_end(f, we) : we;
            for (uint32_t v = we > min_end && end ? sg_prefix_skel(m, r) : SG_TRIE_NONE;
                 v != SG_TRIE_NONE; v = m->skels[v].next) {
                const skel_rec *sk = &m->skels[v];
                unsigned need = (sk->needs | used) & SKEL_VARIANTS;
                if (sk->len != sp->len || memcmp(m->texts + sk->text_off, sp->buf, sp->len) ||
                    (need & ~(unsigned)m->allowed[sk->entity]) ||
                    ((sk->needs & SKEL_CAPITALS) && !capitals_fit(f, sk, start, end, capitals)) ||
                    (sk->needs & SKEL_DEAD) ||
                    /* (after a kind's acronym shared, "les HIA Legouest et
                       Desgenettes", its capitals are the reading's first
                       word's: sg_shared_at) */
                    ((sk->needs & SKEL_UPPER1) && !(used & WALK_UPPER_BEFORE) &&
                     !upper1_at(f, start, sk)) ||
                    ((sk->needs & SKEL_CAPITAL1) && !(f->flags[start] & SG_F_UPPER)) ||
                    ((sk->needs & SKEL_CONTRACTED) && !article_gone(m, sk, f, start)) ||
                    ((sk->needs & SKEL_TOWNLIKE) && (sk->needs & SKEL_DERIVED) &&
                     after_de(f, start)) ||
                    ((sk->needs & SKEL_LOCAL) && out->want && sk->area != out->want) ||
                    region_refused(m, sk, f, start, end))
                    continue;
                if (!best || best->entity == sk->entity ||
                    m->rank[sk->entity] < m->rank[best->entity] || out->end != end) {
                    if (best && out->end == end && m->rank[sk->entity] > m->rank[best->entity])
                        continue;
                    best = sk;
                    out->end = end;
                    out->entity = sk->entity;
                    out->paren = paren;
                    out->confirm = (sk->needs & SKEL_CONFIRM) != 0;
                    if ((sk->needs & SKEL_TOWNLIKE) && (sk->needs & SKEL_DERIVED))
                        out->confirm = 2; /* in a list only */
                    if (sk->needs & SKEL_LOCAL)
                        out->confirm = 3;
                    found = 1;
                }
            }
        }
    separator:
        if (!(j = walk_on(f, we, sp, &paren, &quote, &used)))
            return found;
    }
    return found;
}

int sg_skel_walk(const sg_matcher *m, const sg_folded *f, size_t j, skel_state *sp, unsigned used,
                 reading *out)
{
    return skel_walk(m, f, j, sp, used, 0, out, NULL);
}

/* The gazetteer's best acronym of letters l[0, ln) ("aphm"), NULL when none;
 * `title`: read in title case, only an acronym written without accents. */
static const alias_rec *form_of(const sg_matcher *m, const char *l, size_t ln, int title)
{
    uint64_t fp = sg_hash_bytes(SG_PREFIX_SEED, l, ln) >> 33;
    const alias_rec *best = NULL;
    for (size_t j = (size_t)fp & m->forms_mask; m->forms[j]; j = (j + 1) & m->forms_mask) {
        if (((m->forms[j] >> 32) & 0x7FFFFFFF) != fp || (title && !(m->forms[j] >> 63)))
            continue;
        const alias_rec *a = &m->aliases[(uint32_t)(m->forms[j] & 0xFFFFFFFF) - 1];
        char al[FORM_MAX];
        size_t an = sg_letters_of(m->texts + a->text_off, a->len, al);
        if (an == ln && !memcmp(al, l, ln) && (m->allowed[a->entity] & SG_VARIANT_ACRONYM_FORMS) &&
            (!best || m->rank[a->entity] < m->rank[best->entity]))
            best = a;
    }
    return best;
}

/* The length of " 83" at i, a space and a department's number of two
 * characters ending a word; 0 when there is none. */
static size_t department_number_at(const sg_folded *f, size_t i)
{
    if (i + 3 > f->len || f->text[i] != ' ' || (i + 3 < f->len && (f->flags[i + 3] & SG_F_ALNUM)))
        return 0;
    return sg_department_code(f->text + i + 1, 2) ? 3 : 0;
}

/* Is a capital among folded [b, e)? */
static int inner_capital(const sg_folded *f, size_t b, size_t e)
{
    for (size_t k = b; k < e; k++)
        if (f->flags[k] & SG_F_UPPER)
            return 1;
    return 0;
}

/* Does a sentence start at word i: nothing but spaces before it since the
 * text's start, a full stop, a colon, a line or a quote? (short_names.c's
 * sentence_start skips brackets and quotes too; here a bracket right before
 * is where a text defines its acronyms, "(Chits)", no sentence's start.) */
static int sentence_starts_at(const char *t, size_t i)
{
    while (i > 0 && t[i - 1] == ' ')
        i--;
    return i == 0 || memchr(".!?\n:\"", t[i - 1], 6) != NULL;
}

/* May the word at i, in title case, be an acronym ("Chits", "Igas",
 * "Inserm")? Four to eight letters, a first letter some acronym of that
 * length has, where no sentence starts: most capitalised words are ruled out
 * here, cheaply. */
static int title_form_may(const sg_matcher *m, const sg_folded *f, size_t i)
{
    const char *t = f->text;
    size_t e = i;
    while (e < f->len && (f->flags[e] & SG_F_ALNUM) && e - i <= 8)
        e++;
    return e - i >= 4 && e - i <= 8 && !(e < f->len && (f->flags[e] & SG_F_ALNUM)) && t[i] >= 'a' &&
           t[i] <= 'z' && (m->title_letters[e - i] & (1u << (t[i] - 'a'))) &&
           !sentence_starts_at(t, i);
}

/* The letters and digits of the acronym form at word start i, in capitals,
 * parted by dots, hyphens or "&" ("A.P.-H.M.", "A. P.-H. M."), or the word
 * in title case (*title), into l[0, *ln). Returns the form's end, 0 when
 * there is no form. */
static size_t form_letters(const sg_folded *f, const char *s, size_t i, char l[FORM_MAX],
                           size_t *ln, int *title)
{
    const char *t = f->text;
    const unsigned char *fl = f->flags;
    size_t k = i, end = i, n = 0;
    *title = 0;
    for (;;) {
        size_t part = k; /* (this part's first letter) */
        while (k < f->len && (fl[k] & SG_F_ALNUM)) {
            if (((fl[k] & SG_F_LOWER) && (k == i || !(*title = k == i + 1 || *title))) ||
                n == FORM_MAX)
                return 0;
            l[n++] = t[k++];
        }
        end = k;
        if (*title || k + 1 >= f->len)
            break;
        if (t[k] == '.') {
            size_t d = k + 1;
            /* "A. P.-H. M.": a letter's dot before a space; "la CPCAM. Udaf"
               ends a sentence */
            if (t[d] == ' ' && d + 1 < f->len && k - part == 1)
                d++;
            if (!(fl[d] & SG_F_UPPER))
                break;
            k = d;
        } else if (t[k] == ' ' && (s[f->src[k]] == '-' || s[f->src[k]] == '&') &&
                   (fl[k + 1] & SG_F_UPPER)) {
            k++;
        } else if (t[k] == '&' && (fl[k + 1] & SG_F_UPPER)) {
            k++;
        } else {
            break;
        }
    }
    *ln = n;
    return n >= 2 ? end : 0;
}

/* An acronym at word start i in another form than the gazetteer's: its
 * letters and digits, in capitals, parted by dots or hyphens ("A.P.-H.M.",
 * "APHM" for AP-HM), or in title case ("Chits"). Returns the end of the form
 * and its entity. */
static size_t form_at(const sg_matcher *m, const sg_folded *f, const char *s, size_t i,
                      uint32_t *entity, int *titled)
{
    const char *t = f->text;
    char l[FORM_MAX];
    size_t ln, end;
    int title;
    /* not the end of a longer dotted acronym: "N.D.L.R." holds no "L.R." */
    if (i >= 2 && t[i - 1] == '.' && (f->flags[i - 2] & SG_F_UPPER) &&
        (i == 2 || !(f->flags[i - 3] & SG_F_ALNUM)))
        return 0;
    if (i + 1 < f->len && (f->flags[i + 1] & SG_F_LOWER) && !title_form_may(m, f, i))
        return 0;
    if (!m->forms || !(end = form_letters(f, s, i, l, &ln, &title)))
        return 0;
    const alias_rec *best = NULL;
    /* a department's number after the acronym: "Udaf 83" for UDAF 83, or for
       an acronym without one ("(Udaf 05, Adsea 05)" for UDAF, ADSEA), the
       number part of the mention */
    int numbered = 0;
    if (title && ln + 2 <= FORM_MAX && department_number_at(f, end)) {
        memcpy(l + ln, t + end + 1, 2);
        if ((best = form_of(m, l, ln + 2, title)) || (best = form_of(m, l, ln, title))) {
            end += 3;
            numbered = 1;
        }
    }
    if (!best)
        best = form_of(m, l, ln, title);
    /* glued to it: "CPCAM13" for CPCAM, the number part of the mention */
    if (!best && !title && ln >= 5 && l[ln - 3] >= 'a' && l[ln - 3] <= 'z' &&
        sg_department_code(l + ln - 2, 2))
        best = form_of(m, l, ln - 2, title);
    if (!best)
        return 0;
    *entity = best->entity;
    *titled = title && !numbered; /* (the number makes it no word) */
    return end;
}

/* Damerau-Levenshtein distance of two short words, up to 3. */
static unsigned distance(const char *a, size_t an, const char *b, size_t bn)
{
    if (an > 40 || bn > 40)
        return 3;
    unsigned d[41][41];
    for (size_t i = 0; i <= an; i++)
        d[i][0] = (unsigned)i;
    for (size_t j = 0; j <= bn; j++)
        d[0][j] = (unsigned)j;
    for (size_t i = 1; i <= an; i++)
        for (size_t j = 1; j <= bn; j++) {
            unsigned c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < c)
                c = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < c)
                c = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < c)
                c = d[i - 2][j - 2] + 1;
            d[i][j] = c;
        }
    return d[an][bn] > 3 ? 3 : d[an][bn];
}

/* Are two different words close enough for a fuzzy reading: a typing slip
 * (one edit, two from eight letters) or an ending ("public", "publique")? */
static int close_words(const char *a, size_t an, const char *b, size_t bn)
{
    if (an < 4 || bn < 4 || a[0] != b[0])
        return 0;
    size_t p = 0;
    while (p < an && p < bn && a[p] == b[p])
        p++;
    if (p >= 5 && (an > bn ? an - bn : bn - an) <= 3)
        return 1;
    return distance(a, an, b, bn) <= ((an > bn ? an : bn) >= 8 ? 2u : 1u);
}

/* The text's words from a word start on, as a fuzzy reading compares them
 * with a name's: the first, then each next word that is no function word,
 * past spaces and apostrophes. Found as the candidates need them, once for
 * all the candidates. */
typedef struct {
    size_t s[SKEL_MAX / 2 + 1], e[SKEL_MAX / 2 + 1];
    unsigned n;
    int stop; /* no word after the n-th: punctuation or the end */
} word_spans;

static int span_get(word_spans *ws, const sg_folded *f, unsigned k)
{
    const char *t = f->text;
    const unsigned char *fl = f->flags;
    while (ws->n <= k) {
        if (ws->stop || ws->n >= SKEL_MAX / 2 + 1)
            return 0;
        size_t j = ws->e[ws->n - 1], we = j;
        for (;;) {
            while (j < f->len && (t[j] == ' ' || t[j] == '\''))
                j++;
            if (j >= f->len || !(fl[j] & SG_F_ALNUM)) {
                ws->stop = 1;
                return 0;
            }
            we = j;
            while (we < f->len && (fl[we] & SG_F_ALNUM))
                we++;
            if (!sg_function_word(t + j, we - j))
                break;
            j = we;
        }
        ws->s[ws->n] = j;
        ws->e[ws->n] = we;
        ws->n++;
    }
    return 1;
}

/* A fuzzy reading at word start i of a long name whose first word is there. */
static int fuzzy_at(const sg_matcher *m, const sg_folded *f, size_t i, const prefix_rec *r,
                    sg_hits *hits)
{
    const char *t = f->text;
    const unsigned char *fl = f->flags;
    /* the text's second and third words, once: most candidates differ there
     * (a name read fuzzily has three words or more) */
    word_spans ws;
    ws.s[0] = i;
    ws.e[0] = i;
    while (ws.e[0] < f->len && (fl[ws.e[0]] & SG_F_ALNUM))
        ws.e[0]++;
    ws.n = 1;
    ws.stop = 0;
    if (!span_get(&ws, f, 2))
        return 0;
    size_t l2t = ws.e[1] - ws.s[1], l3t = ws.e[2] - ws.s[2];
    unsigned char c2t = (unsigned char)t[ws.s[1]], c3t = (unsigned char)t[ws.s[2]];
    for (uint32_t v = sg_prefix_fuzzy(m, r); v != SG_TRIE_NONE; v = m->fuzzy_next[v].next) {
        /* close words start alike, nor differ much in length */
        const fuzzy_link *z = &m->fuzzy_next[v];
        if (z->c2 != c2t || z->c3 != c3t || z->len2 + 3u < l2t || l2t + 3 < z->len2 ||
            z->len3 + 3u < l3t || l3t + 3 < z->len3)
            continue;
        const skel_rec *sk = &m->skels[v];
        if (!(m->allowed[sk->entity] & SG_VARIANT_FUZZY))
            continue;
        const char *k = m->texts + sk->text_off, *kend = k + sk->len;
        size_t end = i;
        unsigned diff = 0, words = 0;
        int ok = 1;
        while (k < kend) {
            const char *sp = memchr(k, ' ', (size_t)(kend - k));
            size_t kl = sp ? (size_t)(sp - k) : (size_t)(kend - k);
            if (!span_get(&ws, f, words)) {
                ok = 0;
                break;
            }
            size_t j = ws.s[words], we = ws.e[words];
            if (we - j != kl || memcmp(t + j, k, kl)) {
                if (!close_words(t + j, we - j, k, kl)) {
                    ok = 0;
                    break;
                }
                diff++;
            }
            words++;
            end = we;
            k += kl + (sp != NULL);
        }
        if (ok && diff >= 1 && diff * 3 <= words &&
            sg_hits_push(hits, i, end, sk->entity, SG_HIT_FUZZY))
            return SG_ERR_NOMEM;
    }
    return 0;
}

size_t sg_body_head_at(const sg_folded *f, size_t i, int hospitals, skel_state *st,
                       const char **pronoun)
{
    static const struct {
        const char *head, *pronoun;
    } heads[] = {{"centre hospitalier intercommunal", "celui "},
                 {"centre hospitalier", "celui "},
                 {"hopital", "celui "},
                 {"chi", "celui "},
                 {"ch", "celui "},
                 {"clinique", "celle "},
                 {"ehpad", "celui "},
                 {"mairie", "celle "}};
    for (size_t h = 0; h < (hospitals ? 5 : sizeof(heads) / sizeof(*heads)); h++) {
        if (i >= f->len || f->text[i] != heads[h].head[0])
            continue; /* (the first letters compared before the lengths are measured) */
        size_t hl = strlen(heads[h].head);
        if (i + hl >= f->len || memcmp(f->text + i, heads[h].head, hl) || f->text[i + hl] != ' ' ||
            (hl <= 3 && !sg_all_upper(f, i, i + hl)))
            continue;
        for (const char *w = heads[h].head; *w;) {
            size_t n = strcspn(w, " ");
            sg_state_add(st, w, n);
            w += n + (w[n] == ' ');
        }
        if (pronoun)
            *pronoun = heads[h].pronoun;
        return i + hl;
    }
    return 0;
}

/* A hospital's head, its eponym and its town, "l'hôpital Bonnet de Fréjus",
 * "le CHI Bonnet de Fréjus Saint-Raphaël", for the hospital whose name is
 * the head and the town ("Centre hospitalier intercommunal de
 * Fréjus-Saint-Raphaël"): one to three capitalised words between, then
 * "de", "d'" or "du". *eponym: where the eponym starts and ends. */
int sg_eponym_reading(const sg_matcher *m, const sg_folded *f, size_t i, size_t *end,
                      uint32_t *entity, size_t *es, size_t *ee)
{
    skel_state st = {SG_PREFIX_SEED, {0}, 0, 0};
    size_t j = sg_body_head_at(f, i, 1, &st, NULL);
    if (!j)
        return 0;
    j++;
    *es = j;
    unsigned words = 0;
    size_t we = j;
    for (;;) {
        if (j >= f->len || !(f->flags[j] & SG_F_UPPER))
            return 0;
        we = j;
        while (we < f->len && (f->flags[we] & SG_F_ALNUM))
            we++;
        if (sg_function_word(f->text + j, we - j) || ++words > 3 || we + 1 >= f->len ||
            f->text[we] != ' ')
            return 0;
        size_t ne = we + 1;
        while (ne < f->len && (f->flags[ne] & SG_F_ALNUM))
            ne++;
        if (sg_function_word(f->text + we + 1, ne - we - 1) && f->text[we + 1] == 'd')
            break; /* "de", "d'", "du": the town comes */
        j = we + 1;
    }
    *ee = we;
    /* the eponym is no name of its own, with the head or alone ("l'hôpital
     * Sainte-Musse de Toulon" is the hospital Sainte-Musse, in Toulon) */
    uint64_t named = sg_prefix_step(st.h, ' '), alone = SG_PREFIX_SEED;
    for (size_t k = *es; k < we; k++) {
        named = sg_prefix_step(named, (unsigned char)f->text[k]);
        alone = sg_prefix_step(alone, (unsigned char)f->text[k]);
    }
    if (sg_prefix_lookup(m, named) || sg_prefix_lookup(m, alone))
        return 0;
    reading rd = {0, 0, 0, 0, 0};
    if (!skel_walk(m, f, we + 1, &st, SG_VARIANT_INSERTED, 0, &rd, NULL) ||
        m->is_place[rd.entity] || m->is_person[rd.entity])
        return 0;
    *end = rd.end;
    *entity = rd.entity;
    return 1;
}

/* The walk at i of a generic head and a word that may be inserted after it
 * (w->resume: the word's end; match.c found no name going on with the word):
 * the walk's first two steps are the head into the state and the word
 * skipped, so it resumes after the word. */
static int resume_walk(const sg_matcher *m, const sg_folded *f, size_t i, const sg_walk *w,
                       skel_state *st, reading *rd)
{
    size_t hl = w->first_end - i, wl = w->resume - (w->first_end + 1);
    if (hl + 1 + wl > SKEL_MAX)
        return 0; /* (the walk stops at so long a word) */
    memcpy(st->buf, f->text + i, hl);
    st->len = hl;
    st->words = 1;
    st->h = w->first_h;
    walk_from from = {i, (f->flags[i] & (SG_F_UPPER | SG_F_LOWER)) != SG_F_LOWER};
    return skel_walk(m, f, w->resume, st, SG_VARIANT_INSERTED, w->name_end, rd, &from);
}

/* Is the word at i right after an article: elided, "l'" or "d'"; contracted,
 * "au", "aux", "du", "des" ("au Cnrs", "du Cnrs"); or definite, "le", "la",
 * "les" ("la Drees"); or after a body's noun ("l'association Aides")? */
static int after_article(const sg_folded *f, size_t i)
{
    static const char *const articles[] = {"au", "aux", "du", "la", "le", "les", "des"};
    /* a body's noun too: "l'association Aides", "le collectif Vesta" */
    static const char *const nouns[] = {"association", "collectif", "federation", "fondation",
                                        "mutuelle",    "reseau",    "syndicat"};
    size_t b, e;
    sg_word_before(f, i, 0, &b, &e);
    return sg_elided_before(f, i, 'l') || sg_elided_before(f, i, 'd') ||
           (e + 1 == i && f->text[e] == ' ' &&
            (sg_word_in(f->text + b, e - b, articles, sizeof(articles) / sizeof(*articles)) ||
             sg_word_in(f->text + b, e - b, nouns, sizeof(nouns) / sizeof(*nouns))));
}

/* The guard of a reading at i whose `confirm` is given (0: none): a
 * department's reading always has its guard, a guarded site's name none
 * after its premises ("le site de Cimiez"). */
static unsigned char guard_of(const sg_folded *f, size_t i, int confirm)
{
    if (confirm == 3)
        return SG_GUARD_LOCAL;
    if (!confirm || premises_of_before(f, i))
        return 0;
    return confirm == 2 ? SG_GUARD_LISTED : SG_GUARD_CONFIRM;
}

int sg_local_choose(const sg_matcher *m, const sg_folded *f, sg_hit *x, unsigned dept)
{
    skel_state st = {SG_PREFIX_SEED, {0}, 0, 0};
    reading rd = {0, 0, 0, 0, dept};
    if (!dept || !skel_walk(m, f, x->fs, &st, 0, x->fe - 1, &rd, NULL) || rd.end != x->fe ||
        rd.confirm != 3)
        return 0;
    x->entity = rd.entity;
    x->guard = 0;
    return 1;
}

/* Is the word ending at folded offset e a common noun's, "de", "du", "des"
 * or "d'" and a word in lower case after it ("la Casa de naissance", "une
 * Maia de quartier")? A body's acronym is followed by its seat, in capitals. */
static int common_noun_before(const sg_folded *f, size_t e)
{
    const char *t = f->text;
    size_t k = complement_at(f, e);
    if (!k)
        return 0;
    size_t we = k;
    while (we < f->len && (f->flags[we] & SG_F_ALNUM))
        we++;
    /* a determiner or an adverb is no noun: "l'Udaf de votre département",
       "l'Udaf de son côté", "la Casa de nouveau" */
    static const char *const not_nouns[] = {"ce",  "ces", "cette", "leur",   "leurs",   "ma",
                                            "mes", "mon", "nos",   "notre",  "nouveau", "sa",
                                            "ses", "son", "tous",  "toutes", "vos",     "votre"};
    return k < f->len && (f->flags[k] & SG_F_LOWER) && !sg_function_word(t + k, we - k) &&
           !sg_word_in(t + k, we - k, not_nouns, sizeof(not_nouns) / sizeof(*not_nouns));
}

int sg_variants_at(const sg_matcher *m, const sg_folded *f, const char *s, size_t i,
                   const sg_walk *w, sg_hits *hits)
{
    const prefix_rec *r = w->first;
    int named = w->named;
    const unsigned char *fl = f->flags;
    size_t we = w->first_end;
    /* a word in title case is a form only if some acronym has its first letter
     * and length (most capitalised words are names, not acronyms) */
    size_t wl = we - i;
    int title = i + 1 < f->len && (fl[i + 1] & SG_F_LOWER);
    if ((m->variants & SG_VARIANT_ACRONYM_FORMS) && (fl[i] & SG_F_UPPER) && m->forms &&
        (!title || (wl >= 4 && wl <= 8 && f->text[i] >= 'a' && f->text[i] <= 'z' &&
                    (m->title_letters[wl] & (1u << (f->text[i] - 'a'))) &&
                    sg_title_form_maybe(m, w->first_h)))) {
        uint32_t e;
        int titled = 0;
        size_t end = form_at(m, f, s, i, &e, &titled);
        if (end <= w->name_end || (titled && common_noun_before(f, end)))
            end = 0; /* a name as long starts there: it wins; "la Casa de
                        naissance" is no CASA */
        if (end && sg_hits_push(hits, i, end, e, SG_HIT_FORM))
            return SG_ERR_NOMEM;
        /* in title case, only where the document names the entity otherwise
         * ("l'État" is no form of ÉTAT in a text that does not name it), or
         * in brackets, where a text defines its acronyms ("(Chits)"), or
         * after an article, where a body is named ("l'Igas", "au Cnrs", "la
         * Drees"); a place's acronym is its usual name ("la région Paca"),
         * and a form with capitals inside is no word ("FiLNEMUS") */
        if (end && titled && !sg_is_place(m, e) && !after_article(f, i) &&
            !(i > 0 && f->text[i - 1] == '(' && end < f->len && f->text[end] == ')') &&
            !inner_capital(f, i + 2, end))
            hits->v[hits->n - 1].guard = SG_GUARD_CONFIRM;
    }
    if (sg_function_word(f->text + i, we - i))
        return 0;
    size_t ee_end, es, ee;
    uint32_t ee_entity;
    if ((m->variants & SG_VARIANT_INSERTED) &&
        sg_eponym_reading(m, f, i, &ee_end, &ee_entity, &es, &ee) &&
        sg_hits_push(hits, i, ee_end, ee_entity, SG_HIT_VARIANT))
        return SG_ERR_NOMEM;
    if (r && !w->dirty && w->skel_end > w->name_end) {
        /* read by the name's own walk (words one space apart) */
        if (sg_hits_push(hits, i, w->skel_end, w->skel_entity, SG_HIT_VARIANT))
            return SG_ERR_NOMEM;
        hits->v[hits->n - 1].guard = guard_of(f, i, w->skel_confirm);
        named = 1;
    } else if (r && w->dirty) {
        skel_state st;
        st.h = SG_PREFIX_SEED;
        st.len = 0;
        st.words = 0;
        reading rd = {0, 0, 0, 0, 0};
        if (w->resume ? resume_walk(m, f, i, w, &st, &rd)
                      : skel_walk(m, f, i, &st, 0, w->name_end, &rd, NULL)) {
            if (sg_hits_push(hits, i, rd.end, rd.entity, SG_HIT_VARIANT))
                return SG_ERR_NOMEM;
            hits->v[hits->n - 1].paren = rd.paren;
            hits->v[hits->n - 1].guard = guard_of(f, i, rd.confirm);
            named = 1;
        }
    }
    /* the word after a generic head inserted, though names go on with it
       ("l'hôpital privé Saint-Joseph" for the Hôpital Saint-Joseph, where
       clinics are read "hôpital privé X"): walked only when nothing else was */
    size_t a = w->first_end + 1, e = a;
    if (r && !named && !w->resume && a < f->len && f->text[a - 1] == ' ' && !(fl[a] & SG_F_UPPER) &&
        sg_generic_head(f->text + i, w->first_end - i))
        while (e < f->len && (fl[e] & SG_F_ALNUM))
            e++;
    if (e - a >= 4 && sg_insertable(f->text + i, w->first_end - i, f->text + a, e - a)) {
        sg_walk again = *w;
        again.resume = e;
        skel_state st = {SG_PREFIX_SEED, {0}, 0, 0};
        reading rd = {0, 0, 0, 0, 0};
        if (resume_walk(m, f, i, &again, &st, &rd)) {
            if (sg_hits_push(hits, i, rd.end, rd.entity, SG_HIT_VARIANT))
                return SG_ERR_NOMEM;
            hits->v[hits->n - 1].paren = rd.paren;
            named = 1;
        }
    }
    if (r) {
        /* a misspelt name is read only where no name or variant starts, from a
         * capital */
        if (!named && (r->key & PREFIX_FUZZY) &&
            ((fl[i] & SG_F_UPPER) || sg_generic_head(f->text + i, we - i)) &&
            (m->variants & SG_VARIANT_FUZZY) && fuzzy_at(m, f, i, r, hits))
            return SG_ERR_NOMEM;
    }
    if ((m->variants & SG_VARIANT_SHARED_HEADS) && sg_shared_head_may(f, i, we - i) &&
        sg_shared_at(m, f, i, hits))
        return SG_ERR_NOMEM;
    return 0;
}

/* Is the place at folded offset fs right after a body's head (and its own
 * name) and "de", "d'", "du": "l'IHU de Marseille"? `plural`: a head in the
 * plural only. Returns 1, or 2 when the head's article is a plural's ("les
 * Ehpad du Var", "des hôpitaux de Marseille"), else 0. */
static int town_after_body(const sg_folded *f, size_t fs, int plural)
{
    static const char *const plurals[] = {"aux", "des", "les", "ses"};
    static const char *const bodies[] = {
        "hopital",   "hopitaux",     "hospitalier", "hospitaliers", "intercommunal", "clinique",
        "cliniques", "polyclinique", "mairie",      "prefecture",   "universite",    "faculte",
        "ihu",       "chu",          "ch",          "chi",          "chs",           "chr",
        "ehpad",     "cpam",         "tribunal",    "parquet",      "commissariat",  "gendarmerie"};
    static const char *const of[] = {"de", "d", "du"};
    /* a named body has its article: "l'hôpital de Draguignan", "du centre
     * hospitalier de Gap"; "un directeur de clinique de Hyères" names a town */
    static const char *const articles[] = {"l",   "le",  "la",  "les", "du",  "au",
                                           "aux", "des", "son", "ses", "cet", "cette"};
    /* "centre hospitalier (intercommunal)": the article is further back */
    static const char *const heads[] = {"centre", "centres", "hospitalier", "hospitaliers"};
    size_t b, e;
    sg_word_before(f, fs, 1, &b, &e);
    if (e == fs || !sg_word_in(f->text + b, e - b, of, sizeof(of) / sizeof(*of)))
        return 0;
    sg_word_before(f, b, 0, &b, &e);
    /* the body's own name may come between: "l'hôpital Henri-Duffaut
     * d'Avignon", "le centre hospitalier Roquefraîche de Lauris" */
    for (int proper = 0; proper < 3 && e > b && (f->flags[b] & SG_F_UPPER) &&
                         !sg_word_in(f->text + b, e - b, bodies, sizeof(bodies) / sizeof(*bodies));
         proper++)
        sg_word_before(f, b, 0, &b, &e);
    if (!sg_word_in(f->text + b, e - b, bodies, sizeof(bodies) / sizeof(*bodies)) ||
        (plural && f->text[e - 1] != 's' && f->text[e - 1] != 'x'))
        return 0;
    for (int back = 0; back < 3; back++) {
        sg_word_before(f, b, 1, &b, &e);
        if (e == b)
            return 0;
        if (sg_word_in(f->text + b, e - b, articles, sizeof(articles) / sizeof(*articles)))
            return sg_word_in(f->text + b, e - b, plurals, sizeof(plurals) / sizeof(*plurals)) ? 2
                                                                                               : 1;
        if (!sg_word_in(f->text + b, e - b, heads, sizeof(heads) / sizeof(*heads)))
            return 0;
    }
    return 0;
}

/* Is the place at folded offsets [fs, fe) the town of a body the gazetteer
 * does not name, "l'hôpital de Draguignan", "la mairie de Marseille",
 * "l'hôpital Henri-Duffaut d'Avignon", or a town of such bodies in the
 * plural, "les hôpitaux de Fréjus et Gassin" ("le CHU de Nice et Cannes"
 * names a town)? Bodies in the plural of one place are that place's: "les
 * Ehpad du Var", "les hôpitaux de Marseille". */
static int town_of_body(const sg_folded *f, size_t fs, size_t fe)
{
    static const char *const of[] = {"de", "d", "du"};
    int body = town_after_body(f, fs, 0);
    if (body == 1)
        return 1;
    if (body == 2) { /* the first of a list: "et" or a comma, then a capital */
        size_t k = fe;
        while (k < f->len && f->text[k] == ' ')
            k++;
        if (k < f->len && f->text[k] == ',')
            k++;
        else if (k + 3 <= f->len && !memcmp(f->text + k, "et ", 3))
            k += 2;
        else
            return 0;
        while (k < f->len && f->text[k] == ' ')
            k++;
        size_t w = k; /* "et de Sisteron", "et d'Embrun" */
        while (w < f->len && (f->flags[w] & SG_F_ALNUM))
            w++;
        if (sg_word_in(f->text + k, w - k, of, sizeof(of) / sizeof(*of)))
            for (k = w; k < f->len && (f->text[k] == ' ' || f->text[k] == '\''); k++)
                ;
        return k < f->len && (f->flags[k] & SG_F_UPPER);
    }
    size_t b, e;
    sg_word_before(f, fs, 1, &b, &e);
    if (e > b && sg_word_in(f->text + b, e - b, of, sizeof(of) / sizeof(*of)))
        sg_word_before(f, b, 1, &b, &e); /* "et de Sisteron" */
    if (e == b || !sg_word_is(f->text + b, e - b, "et"))
        return 0;
    for (int back = 0; back < 3; back++) { /* the first town's words, from its end */
        sg_word_before(f, b, 1, &b, &e);
        if (e == b || !(f->flags[b] & SG_F_UPPER))
            return 0;
        if (town_after_body(f, b, 1))
            return 1;
    }
    return 0;
}

/* Is hit p an organisation's, right before folded offset fs and "de", "d'"
 * or "du"? */
static int org_before_of(const sg_matcher *m, const sg_folded *f, const sg_hit *p, size_t fs)
{
    static const char *const of[] = {"de", "d", "du"};
    size_t b, e, pb, pe;
    if (sg_is_place(m, p->entity) || sg_is_person(m, p->entity) || p->fe >= fs)
        return 0;
    sg_word_before(f, fs, 1, &b, &e);
    if (e == fs || !sg_word_in(f->text + b, e - b, of, sizeof(of) / sizeof(*of)))
        return 0;
    sg_word_before(f, b, 0, &pb, &pe);
    return pe == p->fe;
}

/* Is place hit x right after organisation hit p, "de", "d'" or "du"
 * between, and one of the organisation's names holds the place? */
static int seat_held(const sg_matcher *m, const sg_folded *f, const char *s, const sg_hit *p,
                     const sg_hit *x)
{
    static const char *const of[] = {"de", "d", "du"};
    size_t fs = x->fs;
    if (sg_is_place(m, p->entity) || sg_is_person(m, p->entity) || p->fe >= fs)
        return 0;
    const sg_entity *org = &m->gaz->ents[p->entity];
    const char *place = m->gaz->ents[x->entity].label;
    if (!sg_names_hold(org, place, strlen(place)) &&
        !sg_names_hold(org, s + f->src[fs], f->src[x->fe] - f->src[fs]))
        return 0;
    size_t b, e;
    sg_word_before(f, fs, 1, &b, &e);
    if (e == fs || !sg_word_in(f->text + b, e - b, of, sizeof(of) / sizeof(*of)))
        return 0;
    size_t pb, pe;
    sg_word_before(f, b, 0, &pb, &pe);
    return pe == p->fe;
}

/* Is place hit x the seat inside the name of the organisation named by hit
 * p right before it, "de" between: "la clinique Bellerive d'Ollioules" for
 * the "Hôpital privé Bellerive d'Ollioules" (a place inside a name is not
 * counted)? Only for a name that starts with a generic head (clinique,
 * hôpital, centre, institut…): "la CGT de Fos", "élu LR du Var" name a town;
 * and only when the organisation's names hold the place: "l'institut
 * Paoli-Calmettes de Marseille" names the institute and the city where it
 * stands. */
static int seat_of_named(const sg_matcher *m, const sg_folded *f, const char *s, const sg_hit *p,
                         const sg_hit *x)
{
    if (!seat_held(m, f, s, p, x))
        return 0;
    size_t we = p->fs;
    while (we < p->fe && (f->flags[we] & SG_F_ALNUM))
        we++;
    return sg_generic_head(f->text + p->fs, we - p->fs);
}

/* Is place hit x the end of the name whose acronym hit p reads right before
 * it, "de" between: "la CPAM de Vaucluse" for the "Caisse primaire
 * d'assurance maladie de Vaucluse" (CPAM)? One mention then, over both. */
static int seat_of_acronym(const sg_matcher *m, const sg_folded *f, const char *s, const sg_hit *p,
                           const sg_hit *x)
{
    return p->how <= SG_HIT_FORM && p->how != SG_HIT_PATTERN && sg_all_upper(f, p->fs, p->fe) &&
           (m->allowed[p->entity] & SG_VARIANT_REGION) && seat_held(m, f, s, p, x);
}

/* Is folded t[s, e) one of the region's names (region_texts)? */
static int region_text(const char *t, size_t s, size_t e)
{
    for (size_t r = 0; r < sizeof(region_texts) / sizeof(*region_texts); r++)
        if (sg_word_is(t + s, e - s, region_texts[r]))
            return 1;
    return 0;
}

/* Is place hit x the region in "de la région X", "en région X" right after
 * organisation hit p whose names hold the place ("l'Agence régionale de santé
 * de la région PACA" for the Agence régionale de santé Provence-Alpes-Côte
 * d'Azur)? One mention then, over both. The place's reading may hold
 * "région" ("région PACA") or not ("PACA"). */
static int region_of_named(const sg_matcher *m, const sg_folded *f, const sg_hit *p,
                           const sg_hit *x)
{
    static const char *const gaps[] = {" de la region ", " en region ", " de la ", " en "};
    const char *t = f->text;
    size_t xs = x->fs;
    if (x->fe - xs > 7 && !memcmp(t + xs, "region ", 7))
        xs += 7;
    if (!region_text(t, xs, x->fe) || p->fe >= x->fs || sg_is_place(m, p->entity) ||
        sg_is_person(m, p->entity) || !(m->allowed[p->entity] & SG_VARIANT_REGION))
        return 0;
    size_t gap = x->fs - p->fe;
    for (size_t g = 0; g < sizeof(gaps) / sizeof(*gaps); g++) {
        size_t l = strlen(gaps[g]);
        /* (the two last: the place's reading holds "région") */
        if (gap == l && !memcmp(t + p->fe, gaps[g], l) && (g < 2) == (xs == x->fs)) {
            const char *place = m->gaz->ents[x->entity].label;
            return sg_names_hold(&m->gaz->ents[p->entity], place, strlen(place));
        }
    }
    return 0;
}

/* Is the word ending at folded offset p "ex", a prefix and no name: "l'ex-région
 * Paca", "l'ex-Languedoc-Roussillon"? */
static int ex_before(const sg_folded *f, size_t p)
{
    return p >= 2 && f->text[p - 2] == 'e' && f->text[p - 1] == 'x' &&
           (p == 2 || !(f->flags[p - 3] & SG_F_ALNUM));
}

/* Is hit x alone on its line, with more text in the document: a page's tag
 * or section ("France" under a title, "Var" under "BFM Var"), not a
 * sentence? (A dateline has its capitals, "AIX-EN-PROVENCE"; a section's tag
 * between dashes, "- Hautes-Alpes -", is read: the annotators of sets 83-103
 * counted it five times of five.) */
static int alone_on_line(const sg_folded *f, const char *s, size_t slen, const sg_hit *x)
{
    if (sg_all_upper(f, x->fs, x->fe))
        return 0; /* a dateline: "AIX-EN-PROVENCE" above the article */
    size_t a = f->src[x->fs], b = f->src[x->fe];
    while (a > 0 && (s[a - 1] == ' ' || s[a - 1] == '\t'))
        a--;
    if (a > 0 && s[a - 1] != '\n')
        return 0;
    while (b < slen && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r'))
        b++;
    return (b == slen || s[b] == '\n') && (a > 0 || b < slen);
}

/* Is the capitalised word t[0, n) one that opens a clause and starts no
 * name ("A Nice", the capital À without its accent, "Et Marseille", "Dans
 * Toulon", where the text ends no sentence the reader sees)? Few words: "En
 * Avant Guingamp", "Plus Marseille", "Demain Toulon" are names. */
static int clause_word(const char *t, size_t n)
{
    static const char *const opening[] = {"a", "chez", "dans", "depuis", "et", "selon"};
    return sg_word_in(t, n, opening, sizeof(opening) / sizeof(*opening));
}

/* Does a quotation closed after a sentence's end ("… la trace. »", "!",
 * "?", "…") end at byte o of s (the byte after it)? */
static int quotation_ended(const char *s, size_t o)
{
    if (o < 2 || (unsigned char)s[o - 1] != 0xBB || (unsigned char)s[o - 2] != 0xC2)
        return 0; /* » */
    size_t k = o - 2, sp;
    while ((sp = sg_blank_before(s, k)) != 0)
        k -= sp;
    return k > 0 && (s[k - 1] == '.' || s[k - 1] == '!' || s[k - 1] == '?' ||
                     (k >= 3 && (unsigned char)s[k - 1] == 0xA6 &&
                      (unsigned char)s[k - 2] == 0x80 && (unsigned char)s[k - 3] == 0xE2));
}

/* Is place hit x part of a longer name the gazetteers do not know: before a
 * year ("France 2030", a plan), or right after a capitalised word that
 * starts no sentence ("RT France", "BioValley France", "DocCity Marseille",
 * "le Grand Avignon")? Not after a place or a person the text names right
 * before ("Nice Côte d'Azur"), nor after an acronym whose region joins it
 * ("FHF Paca", below); after another organisation's name, yes ("la Région
 * Sud Provence-Alpes-Côte d'Azur" is the council). */
static int in_longer_name(const sg_matcher *m, const sg_folded *f, const char *s,
                          const sg_hit *prev, const sg_hit *x)
{
    const char *t = f->text;
    if (x->fe + 5 <= f->len && t[x->fe] == ' ' && (t[x->fe + 1] == '1' || t[x->fe + 1] == '2') &&
        (t[x->fe + 2] == '9' || t[x->fe + 2] == '0') && t[x->fe + 3] >= '0' &&
        t[x->fe + 3] <= '9' && t[x->fe + 4] >= '0' && t[x->fe + 4] <= '9' &&
        (x->fe + 5 == f->len || !(f->flags[x->fe + 5] & SG_F_ALNUM)))
        return 1;
    size_t b, e;
    sg_word_before(f, x->fs, 0, &b, &e);
    if (e == b || e + 1 != x->fs || !(f->flags[b] & SG_F_UPPER) || sg_function_word(t + b, e - b) ||
        f->src[x->fs] - f->src[e] != 1 || s[f->src[e]] != ' ' || clause_word(t + b, e - b))
        return 0;
    if (prev && prev->fe == e)
        return !sg_is_place(m, prev->entity) && !sg_is_person(m, prev->entity) &&
               !sg_all_upper(f, prev->fs, prev->fe);
    if (sg_all_upper(f, b, e) && sg_head_acronym(t + b, e - b))
        return 0; /* "CHU Nice": the town's hospital, the town read (variant heads) */
    size_t o = f->src[b];
    while (o > 0 && (s[o - 1] == ' ' || s[o - 1] == '\t'))
        o--;
    if (o == 0)
        return 0;
    unsigned char c = (unsigned char)s[o - 1];
    /* an elided article before an acronym is no quotation: "l'URPS PACA" */
    size_t q = c == '\'' ? o - 1 : (c == 0x99 && o >= 3 ? o - 3 : 0);
    if (q > 0 && ((s[q - 1] | 0x20) >= 'a' && (s[q - 1] | 0x20) <= 'z') && sg_all_upper(f, b, e))
        return 1;
    /* a sentence, a line, a quotation, a bracket or a dash's item starts there */
    return !(c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == '"' || c == '(' ||
             c == '[' || c == 0xAB /* « */ || c == 0x93 || c == 0x94 /* – — */ || c == '-' ||
             c == '\'' || c == 0x99 /* ’ */ || c == 0x9C /* “ */ || quotation_ended(s, o));
}

/* Is place hit x the first word of a longer name the gazetteers do not know,
 * a capitalised word right after it, one space between, that no name starts
 * ("France Télévisions", "Nice Matin", "Marseille Luminy")? Not a first name
 * (a person after a town: "à Marseille Jean Dupont"), a function word, a
 * month, a point of the compass (cardinal_after's, and "Est-ce") or a place,
 * nor after a dateline in capitals ("MARSEILLE Le ...").
 * `next`: the hit after x, or NULL. */
static int name_goes_on(const sg_folded *f, const char *s, size_t slen, const sg_hit *x,
                        const sg_hit *next)
{
    static const char *const months[] = {"janvier",   "fevrier", "mars",     "avril",
                                         "mai",       "juin",    "juillet",  "aout",
                                         "septembre", "octobre", "novembre", "decembre"};
    size_t w = x->fe + 1, e = w;
    if (w >= f->len || f->text[x->fe] != ' ' || !(f->flags[w] & SG_F_UPPER) ||
        f->src[x->fe] + 1 >= slen || s[f->src[x->fe]] != ' ' || f->src[w] != f->src[x->fe] + 1 ||
        sg_all_upper(f, x->fs, x->fe) || (next && next->fs == w))
        return 0;
    while (e < f->len && (f->flags[e] & SG_F_ALNUM))
        e++;
    if (e - w < 2 || sg_all_upper(f, w, e) || sg_function_word(f->text + w, e - w) ||
        sg_first_name_word(f->text + w, e - w) || sg_compass_point(f->text + w, e - w) ||
        sg_word_in(f->text + w, e - w, months, sizeof(months) / sizeof(*months)))
        return 0;
    char buf[48];
    if (e - w >= sizeof(buf))
        return 1;
    memcpy(buf, f->text + w, e - w);
    buf[e - w] = '\0';
    return !(sg_suggest_words(buf) & (1u << SG_WL_PLACE | 1u << SG_WL_STOP));
}

/* Is the word after folded offset p a capitalised point of the compass
 * ("Var Ouest", "Toulon Est")? */
static int cardinal_after(const sg_folded *f, size_t p)
{
    size_t e = p + 1;
    while (e < f->len && (f->flags[e] & SG_F_ALNUM))
        e++;
    return p + 1 < f->len && f->text[p] == ' ' && (f->flags[p + 1] & SG_F_UPPER) &&
           sg_compass_point(f->text + p + 1, e - p - 1) &&
           !(e + 3 <= f->len && !memcmp(f->text + e, " ce", 3) &&
             (e + 3 == f->len || !(f->flags[e + 3] & SG_F_ALNUM))); /* "Est-ce" */
}

/* Is the word after folded offset p a month ("du 13 mars")? */
static int month_after(const sg_folded *f, size_t p)
{
    static const char *const months[] = {"janvier",   "fevrier", "mars",     "avril",
                                         "mai",       "juin",    "juillet",  "aout",
                                         "septembre", "octobre", "novembre", "decembre"};
    size_t e = p + 1;
    while (e < f->len && (f->flags[e] & SG_F_ALNUM))
        e++;
    return p + 1 < f->len && f->text[p] == ' ' &&
           sg_word_in(f->text + p + 1, e - p - 1, months, sizeof(months) / sizeof(*months));
}

/* Does a hyphen and a capitalised word follow folded offset e ("Nice-Nord",
 * "Racon-Buzon": the name goes on)? */
static int hyphen_goes_on(const sg_folded *f, const char *s, size_t e)
{
    return e + 1 < f->len && f->text[e] == ' ' && sg_dash_at(f, s, e) &&
           (f->flags[e + 1] & SG_F_UPPER);
}

void sg_variants_after(const sg_matcher *m, const sg_folded *f, const char *s, size_t slen,
                       sg_hits *h)
{
    const char *t = f->text;
    const unsigned char *fl = f->flags;
    size_t out = 0;
    for (size_t i = 0; i < h->n; i++) {
        sg_hit x = h->v[i];
        /* a person's double surname by its first part, when the text writes
           a second part, misspelt maybe: "Cathy Racon-Buzon" */
        if (sg_is_person(m, x.entity) && x.how == SG_HIT_VARIANT && hyphen_goes_on(f, s, x.fe))
            continue;
        if (sg_is_place(m, x.entity) && (x.how == SG_HIT_NAME || x.how == SG_HIT_VARIANT)) {
            /* a place inside a hyphenated name: "Nice-Nord", "Aix-Marseille" */
            if (hyphen_goes_on(f, s, x.fe))
                continue;
            /* and before a capitalised point of the compass: "la CPTS Var Ouest",
               "Toulon Est" name an area, not the place */
            if (cardinal_after(f, x.fe))
                continue;
            if (x.fs >= 2 && t[x.fs - 1] == ' ' && sg_dash_at(f, s, x.fs - 1) &&
                (fl[x.fs - 2] & SG_F_ALNUM) && !ex_before(f, x.fs - 1))
                continue;
            /* (after a known organisation's name, "de" between, seat_of_named
               decides: "l'Ehpad Kerios de La Garde") */
            int named = out > 0 && org_before_of(m, f, &h->v[out - 1], x.fs);
            if ((!named && town_of_body(f, x.fs, x.fe)) || alone_on_line(f, s, slen, &x) ||
                in_longer_name(m, f, s, out > 0 ? &h->v[out - 1] : NULL, &x) ||
                name_goes_on(f, s, slen, &x, i + 1 < h->n ? &h->v[i + 1] : NULL))
                continue;
            if (out > 0 && seat_of_named(m, f, s, &h->v[out - 1], &x))
                continue;
            if (out > 0 && seat_of_acronym(m, f, s, &h->v[out - 1], &x)) {
                h->v[out - 1].fe = x.fe;
                if (h->v[out - 1].how == SG_HIT_NAME)
                    h->v[out - 1].how = SG_HIT_VARIANT;
                continue;
            }
            if (sg_territory_of_acronym(m, f, &x))
                continue;
        }
        /* a body read with its department's number is a date before a
           month: "le conseil départemental du 13 mars" */
        if (x.how == SG_HIT_VARIANT && x.fe > x.fs && f->text[x.fe - 1] >= '0' &&
            f->text[x.fe - 1] <= '9' && month_after(f, x.fe))
            continue;
        if (out > 0 && sg_is_place(m, x.entity)) {
            /* a region right after an organisation's acronym joins it: "FHF Paca" */
            sg_hit *p = &h->v[out - 1];
            if (region_of_named(m, f, p, &x)) {
                p->fe = x.fe;
                p->how = p->how == SG_HIT_NAME ? SG_HIT_VARIANT : p->how;
                continue;
            }
            if (region_text(t, x.fs, x.fe) && p->fe + 1 == x.fs && t[p->fe] == ' ' &&
                !sg_is_place(m, p->entity) && !sg_is_person(m, p->entity) &&
                (m->allowed[p->entity] & SG_VARIANT_REGION) && sg_all_upper(f, p->fs, p->fe) &&
                p->how <= SG_HIT_FORM) {
                p->fe = x.fe;
                p->how = p->how == SG_HIT_NAME ? SG_HIT_VARIANT : p->how;
                continue;
            }
        }
        h->v[out++] = x;
    }
    h->n = out;
}
