/* Short names of organisations inside one document (the variant
 * "short-names"): an organisation named in full, then by one word of its
 * name that names nothing else ("Innate" after "Innate Pharma", "Malartic"
 * after "la polyclinique mutualiste Henri-Malartic", "Pasteur" after
 * "l'hôpital Pasteur"), as a person is then named by a surname (resolve.c).
 *
 * A word of a name is a short name when it is written with a capital in the
 * gazetteer, has four letters or more and is none of the words that name
 * nothing alone: heads and kinds (Clinique, Groupe, Santé), a company's trade
 * (Pharma, Partners), places, roles, first names, points of the compass,
 * acronyms. In the text, the word alone with its capital, after the
 * organisation is named and where no other name is read; not inside a longer
 * name (a capitalised word right before or after it: "Louis Pasteur") nor
 * after a street's noun ("rue Pasteur"); and not when two organisations of
 * the document share it. The words of an organisation's name are folded when
 * the document first names it: the matcher keeps nothing for them. */
#include <stdlib.h>
#include <string.h>

#include "match_int.h"
#include "sg_internal.h"
#include "suggest_int.h"

#define MIN_LETTERS 4
#define MAX_WORD 48

typedef struct {
    uint32_t entity;
    uint32_t off, len; /* the folded word in the pool */
} short_rec;

typedef struct {
    short_rec *v;
    size_t n, cap;
    char *pool;
    size_t pn, pcap;
    uint32_t *named; /* the organisations whose words are in, in order */
    size_t nnamed, named_cap;
    sg_folded scratch;
} shorts;

/* Words that name nothing alone, as suggest.c's lists have them. */
static int generic(const char *w, size_t n)
{
    char buf[MAX_WORD];
    if (n >= sizeof(buf))
        return 1;
    memcpy(buf, w, n);
    buf[n] = '\0';
    const unsigned lists = 1u << SG_WL_STOP | 1u << SG_WL_PARTICLE | 1u << SG_WL_ROLE |
                           1u << SG_WL_ORG_HEAD | 1u << SG_WL_ORG_PLURAL | 1u << SG_WL_TITLE |
                           1u << SG_WL_GENERIC | 1u << SG_WL_TRADE | 1u << SG_WL_PLACE |
                           1u << SG_WL_NAMED;
    return (sg_suggest_words(buf) & lists) || sg_first_name_word(w, n) || sg_function_word(w, n) ||
           sg_compass_point(w, n);
}

static int add_word(shorts *s, uint32_t entity, const char *w, size_t n)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].entity == entity && s->v[i].len == n && !memcmp(s->pool + s->v[i].off, w, n))
            return 0; /* (a word twice in the name) */
    if (sg_grow((void **)&s->v, &s->cap, s->n + 1, sizeof(*s->v)) ||
        sg_grow((void **)&s->pool, &s->pcap, s->pn + n, 1))
        return SG_ERR_NOMEM;
    memcpy(s->pool + s->pn, w, n);
    s->v[s->n++] = (short_rec){entity, (uint32_t)s->pn, (uint32_t)n};
    s->pn += n;
    return 0;
}

/* Adds the short names of an organisation the document names. */
static int add_named(const sg_matcher *m, shorts *s, uint32_t entity)
{
    for (size_t i = 0; i < s->nnamed; i++)
        if (s->named[i] == entity)
            return 0;
    if (sg_grow((void **)&s->named, &s->named_cap, s->nnamed + 1, sizeof(*s->named)))
        return SG_ERR_NOMEM;
    s->named[s->nnamed++] = entity;
    const char *label = m->gaz->ents[entity].label;
    label += *label == '!' || *label == '=';
    int seat = 0, rc = 0; /* seat: after "de", "du", "des" (and an article) */
    for (const char *tok = label; *tok && !rc;) { /* the label's words, as spaces part them */
        size_t tn = strcspn(tok, " ");
        const char *t;
        const unsigned char *fl;
        size_t n;
        if ((rc = sg_fold_name_in(&s->scratch, tok, tn, &t, &fl, &n)))
            break;
        /* a compound ("Henri-Malartic", "Provence-Alpes-Côte"): its words
           only after a first name, a person's name a body bears */
        int first = 1, compound = 0, person = 0;
        for (size_t b = 0; b < n;) {
            size_t e = b;
            while (e < n && (fl[e] & SG_F_ALNUM))
                e++;
            if (e < n && t[e] == '\'' && e - b == 1) {
                seat = 1; /* "d'Azur", "l'Étang" */
            } else {
                if (!first && !person)
                    compound = 1;
                else if (first)
                    person = e < n && sg_first_name_word(t + b, e - b);
                first = 0;
            }
            for (b = e; b < n && !(fl[b] & SG_F_ALNUM); b++)
                ;
        }
        for (size_t b = 0; !rc && b < n;) {
            size_t e = b, upper = 0, digits = 0;
            while (e < n && (fl[e] & SG_F_ALNUM)) {
                upper += (fl[e] & SG_F_UPPER) != 0;
                digits += t[e] >= '0' && t[e] <= '9';
                e++;
            }
            /* a capital first, not all capitals (an acronym) */
            if (e - b >= MIN_LETTERS && (fl[b] & SG_F_UPPER) && upper < e - b && !digits && !seat &&
                !compound && !generic(t + b, e - b))
                rc = add_word(s, entity, t + b, e - b);
            static const char *const of[] = {"d", "de", "des", "du"};
            static const char *const article[] = {"l", "la", "le", "les"};
            if (sg_word_in(t + b, e - b, of, sizeof(of) / sizeof(*of)))
                seat = 1;
            else if (!seat ||
                     !sg_word_in(t + b, e - b, article, sizeof(article) / sizeof(*article)))
                seat = 0;
            for (b = e; b < n && !(fl[b] & SG_F_ALNUM); b++)
                ;
        }
        tok += tn;
        tok += strspn(tok, " ");
    }
    return rc;
}

/* The one organisation named so far whose short name is w[0, n), or
 * SG_TRIE_NONE (none, or several). */
static uint32_t bearer(const shorts *s, const char *w, size_t n)
{
    uint32_t who = SG_TRIE_NONE;
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].len == n && !memcmp(s->pool + s->v[i].off, w, n)) {
            if (who != SG_TRIE_NONE && who != s->v[i].entity)
                return SG_TRIE_NONE;
            who = s->v[i].entity;
        }
    return who;
}

/* Is the word before folded offset p a street's noun ("rue Pasteur")? */
static int after_street(const sg_folded *f, size_t p)
{
    static const char *const streets[] = {
        "allee",   "allees", "avenue", "bd",   "boulevard", "chemin", "college", "cours", "ecole",
        "impasse", "lycee",  "place",  "quai", "route",     "rue",    "square",  "stade"};
    size_t b, e;
    sg_word_before(f, p, 0, &b, &e);
    return e > b && sg_word_in(f->text + b, e - b, streets, sizeof(streets) / sizeof(*streets));
}

/* Does the capitalised word [b, e) start a sentence (nothing but spaces
 * and opening marks before it since a full stop, a colon or a line)? */
static int sentence_start(const sg_folded *f, size_t b)
{
    while (b > 0 && !(f->flags[b - 1] & SG_F_ALNUM) && !strchr(".!?:\n", f->text[b - 1]))
        b--;
    return b == 0 || !(f->flags[b - 1] & SG_F_ALNUM);
}

/* Is the word [p, e) alone: no capitalised word right before it, across a
 * space or an elided "d'" (but a sentence's first word that is no first
 * name: "Regrouper Pasteur et..."), nor right after it ("Louis Pasteur",
 * "Côte d'Azur", "Pasteur Mutualité"), no dash joining it to another word
 * ("Bouches-du-Rhône")? */
static int alone(const sg_folded *f, const char *s, size_t p, size_t e)
{
    if ((p >= 2 && f->text[p - 1] == ' ' && (f->flags[p - 2] & SG_F_ALNUM) &&
         sg_dash_at(f, s, p - 1)) ||
        (e + 1 < f->len && f->text[e] == ' ' && (f->flags[e + 1] & SG_F_ALNUM) &&
         sg_dash_at(f, s, e)))
        return 0;
    size_t q = p;
    if (q >= 3 && f->text[q - 1] == '\'' && (f->flags[q - 2] & SG_F_ALNUM) &&
        !(f->flags[q - 3] & SG_F_ALNUM))
        q -= 2; /* "d'Azur" */
    if (q >= 2 && f->text[q - 1] == ' ' && (f->flags[q - 2] & SG_F_ALNUM)) {
        size_t b = q - 2;
        while (b > 0 && (f->flags[b - 1] & SG_F_ALNUM))
            b--;
        if ((f->flags[b] & SG_F_UPPER) &&
            (!sentence_start(f, b) || sg_first_name_word(f->text + b, q - 1 - b)))
            return 0;
    }
    return !(e + 1 < f->len && f->text[e] == ' ' && (f->flags[e + 1] & SG_F_UPPER));
}

static void shorts_free(shorts *s)
{
    free(s->v);
    free(s->pool);
    free(s->named);
    sg_folded_free(&s->scratch);
}

int sg_resolve_short_names(const sg_matcher *m, const sg_folded *f, const char *s_text, sg_hits *h)
{
    shorts s;
    memset(&s, 0, sizeof(s));
    sg_hits add = {0};
    int rc = 0;
    size_t k = 0; /* next hit not yet passed */
    for (size_t p = 0; p < f->len && !rc; p++) {
        while (k < h->n && h->v[k].fs <= p) {
            uint32_t x = h->v[k].entity;
            if ((m->allowed[x] & SG_VARIANT_SHORT_NAMES) &&
                !strcmp(m->gaz->ents[x].type, "organisation") && (rc = add_named(m, &s, x)))
                break;
            p = p < h->v[k].fe ? h->v[k].fe : p;
            k++;
        }
        if (rc || p >= f->len)
            break;
        if (!s.n) { /* on to the next hit: no organisation named yet */
            p = (k < h->n ? h->v[k].fs : f->len) - 1;
            continue;
        }
        if (!(f->flags[p] & SG_F_UPPER) || (p > 0 && (f->flags[p - 1] & SG_F_ALNUM))) {
            p = sg_next_capital(f, p + 1, k < h->n ? h->v[k].fs : f->len) - 1;
            continue; /* (on to the next capital starting a word, or the next hit) */
        }
        size_t e = p;
        while (e < f->len && (f->flags[e] & SG_F_ALNUM))
            e++;
        uint32_t who = e - p >= MIN_LETTERS && (k >= h->n || h->v[k].fs >= e) &&
                               alone(f, s_text, p, e) && !after_street(f, p)
                           ? bearer(&s, f->text + p, e - p)
                           : SG_TRIE_NONE;
        if (who != SG_TRIE_NONE)
            rc = sg_hits_push(&add, p, e, who, SG_HIT_SHORT);
        p = e - 1;
    }
    if (!rc && add.n) {
        for (size_t i = 0; i < add.n && !rc; i++)
            rc = sg_hits_push(h, add.v[i].fs, add.v[i].fe, add.v[i].entity, add.v[i].how);
        sg_hits_sort(h);
    }
    shorts_free(&s);
    sg_hits_free(&add);
    return rc ? SG_ERR_NOMEM : 0;
}
