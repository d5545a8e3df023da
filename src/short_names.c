/* Short names of organisations inside one document (the variant
 * "short-names"): an organisation named in full, then by one word of its
 * name that names nothing else ("Innate" after "Innate Pharma", "Malartic"
 * after "la polyclinique mutualiste Henri-Malartic", "Pasteur" after
 * "l'hôpital Pasteur"), as a person is then named by a surname (resolve.c),
 * and anywhere in the document by its name without its seat ("le Pôle
 * Santé" for the Pôle Santé de Carpentras: seatless_mentions).
 *
 * A word of a name is a short name when it is written with a capital in the
 * gazetteer, has four letters or more and is none of the words that name
 * nothing alone: heads and kinds (Clinique, Groupe, Santé; but "Ligue" first in
 * a name, "la Ligue" for the Ligue contre le cancer), a company's trade
 * (Pharma, Partners), places, roles, first names, points of the compass,
 * acronyms; nor a word after "de", "du", "des" in the name (its seat:
 * "Hôpital de Martigues"), nor a word of a compound, unless the compound
 * starts with a first name ("Henri-Malartic", not "Provence-Alpes-Côte").
 * In the text, the word alone with its capital, after the
 * organisation is named and where no other name is read; not inside a longer
 * name (a capitalised word right before or after it: "Louis Pasteur") nor
 * after a street's noun ("rue Pasteur") nor a plural or an indefinite
 * determiner ("les CeGIDD" after "le CeGIDD Var Ouest": the kind); and not
 * when two organisations of
 * the document share it. The words of an organisation's name are chosen the
 * first time a document names it and kept for the extractor's next documents
 * (sg_short_cache): the press names the same few bodies again and again. */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "match_int.h"
#include "sg_internal.h"
#include "suggest_int.h"
#include "variants_int.h"

#define MIN_LETTERS 4
#define MAX_WORD 48

/* The definite articles a seat's place may start with ("de la Timone") */
static const char *const articles[] = {"l", "la", "le", "les"};
#define NARTICLES (sizeof(articles) / sizeof(*articles))

/* One organisation's short names: where they start in the pool (each word
 * its length's byte then its folded bytes, a 0 byte after the last; then
 * one record more, the name without its seat, empty when none:
 * seatless_length). */
typedef struct {
    uint32_t entity; /* SG_TRIE_NONE: an empty slot */
    uint32_t off;
} cache_rec;

struct sg_short_cache {
    cache_rec *v; /* open addressing by entity */
    size_t n, mask;
    char *pool;
    size_t len, cap;
    sg_folded scratch;
};

typedef struct {
    uint32_t entity;
    uint32_t off; /* the word's length byte, in the cache's pool */
} short_rec;

typedef struct {
    short_rec *v;
    size_t n, cap;
    uint32_t *named; /* the organisations whose words are in, in order */
    size_t nnamed, named_cap;
} shorts;

int sg_word_names_nothing(const char *w, size_t n)
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

static int pool_add(sg_short_cache *c, const char *w, size_t n)
{
    if (sg_grow((void **)&c->pool, &c->cap, c->len + n + 1, 1))
        return SG_ERR_NOMEM;
    c->pool[c->len++] = (char)n;
    memcpy(c->pool + c->len, w, n);
    c->len += n;
    return 0;
}

/* The length of an organisation's folded name t[0, n) without its seat, a
 * place after "de", "du", "des" or "d'" at its end ("pole sante" of "pole
 * sante de carpentras", "faculte de medecine" of "faculte de medecine de
 * nice"), when two words or more are left that are no kind alone ("centre
 * hospitalier") and name no entry of the gazetteers; 0 otherwise, or when
 * longer than a pool record. */
static size_t seatless_length(const sg_matcher *m, const char *t, size_t n)
{
    size_t cut = 0;
    for (size_t b = 0; b < n;) {
        size_t e = b;
        while (e < n && t[e] != ' ' && t[e] != '\'')
            e++;
        size_t r = e < n ? e + 1 : n; /* the rest, after an article */
        if (b > 0 && r < n && sg_of_word(t + b, e - b)) {
            size_t ae = r;
            while (ae < n && t[ae] != ' ' && t[ae] != '\'')
                ae++;
            size_t q = ae < n && sg_word_in(t + r, ae - r, articles, NARTICLES) ? ae + 1 : r;
            if (sg_department_of(t + q, n - q) ||
                sg_alias_named(m, t + q, n - q, 1) != SG_TRIE_NONE)
                cut = b;
        }
        b = e < n ? e + 1 : n;
    }
    while (cut > 0 && t[cut - 1] == ' ')
        cut--;
    /* not an area's noun before the seat: "du pays" of "centre hospitalier
       du pays d'apt" is no name */
    static const char *const areas[] = {"agglomeration", "bassin", "canton",     "communaute",
                                        "metropole",     "pays",   "territoire", "vallee"};
    size_t lw = cut;
    while (lw > 0 && t[lw - 1] != ' ' && t[lw - 1] != '\'')
        lw--;
    if (sg_word_in(t + lw, cut - lw, areas, sizeof(areas) / sizeof(*areas)))
        return 0;
    if (cut == 0 || cut >= 255 || !memchr(t, ' ', cut) ||
        sg_alias_named(m, t, cut, 0) != SG_TRIE_NONE)
        return 0;
    char skel[255]; /* (its words but the function words: the kinds' form) */
    size_t k = 0;
    for (size_t b = 0; b < cut;) {
        size_t e = b;
        while (e < cut && t[e] != ' ' && t[e] != '\'')
            e++;
        if (!sg_function_word(t + b, e - b)) {
            if (k)
                skel[k++] = ' ';
            memcpy(skel + k, t + b, e - b);
            k += e - b;
        }
        b = e < cut ? e + 1 : cut;
    }
    return sg_kind_alone(skel, k) ? 0 : cut;
}

/* Chooses the short names of an organisation and adds them to the pool,
 * a 0 byte after them (none for a name without one), then its name without
 * its seat (an empty record for none). */
static int choose_words(const sg_matcher *m, sg_short_cache *c, uint32_t entity)
{
    const char *label = m->gaz->ents[entity].label;
    label += *label == '!' || *label == '=';
    int seat = 0, rc = 0; /* seat: after "de", "du", "des" (and an article) */
    /* another type ("personne"): no word, and no name without its seat */
    if (strcmp(m->gaz->ents[entity].type, "organisation"))
        return pool_add(c, "", 0) || pool_add(c, "", 0) ? SG_ERR_NOMEM : 0;
    for (const char *tok = label; *tok && !rc;) { /* the label's words, as spaces part them */
        size_t tn = strcspn(tok, " ");
        const char *t;
        const unsigned char *fl;
        size_t n;
        if ((rc = sg_fold_name_in(&c->scratch, tok, tn, &t, &fl, &n)))
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
        /* a word before an elided "d'" names a place with it: "Côte
           d'Azur", "Val d'Oise" */
        const char *next = tok + tn + strspn(tok + tn, " ");
        int elided = (next[0] == 'd' || next[0] == 'D') &&
                     (next[1] == '\'' || !strncmp(next + 1, "\xe2\x80\x99", 3));
        for (size_t b = 0; !rc && b < n;) {
            size_t e = b, upper = 0, digits = 0;
            while (e < n && (fl[e] & SG_F_ALNUM)) {
                upper += (fl[e] & SG_F_UPPER) != 0;
                digits += t[e] >= '0' && t[e] <= '9';
                e++;
            }
            /* a capital first, not all capitals (an acronym); a head that
               the press makes the body's name, first in it ("la Ligue" for
               the Ligue contre le cancer; not "la Mutualité", as often
               mutualism as a body) */
            int head_name = tok == label && b == 0 && sg_word_is(t, e, "ligue");
            if (e - b >= MIN_LETTERS && e - b < MAX_WORD && (fl[b] & SG_F_UPPER) && upper < e - b &&
                !digits && !seat && !compound && !(elided && e == n) &&
                (head_name || !sg_word_names_nothing(t + b, e - b)))
                rc = pool_add(c, t + b, e - b);
            static const char *const article[] = {"l", "la", "le", "les"};
            if (sg_of_word(t + b, e - b))
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
    if (rc || (rc = pool_add(c, "", 0)))
        return rc;
    /* then the name without its seat, its own record (empty: none) */
    const char *t;
    const unsigned char *fl;
    size_t n, bn = 0;
    if ((rc = sg_fold_name_in(&c->scratch, label, strlen(label), &t, &fl, &n)))
        return rc;
    bn = seatless_length(m, t, n);
    return pool_add(c, t, bn);
}

/* Where the short names of `entity` start in the cache's pool, chosen the
 * first time (0 and *rc set when out of memory). */
static uint32_t cached(const sg_matcher *m, sg_short_cache *c, uint32_t entity, int *rc)
{
    if (2 * (c->n + 1) > c->mask + 1) { /* grow: at most half full */
        size_t mask = c->mask ? c->mask * 2 + 1 : 255;
        cache_rec *v = malloc((mask + 1) * sizeof(*v));
        if (!v) {
            *rc = SG_ERR_NOMEM;
            return 0;
        }
        for (size_t i = 0; i <= mask; i++)
            v[i].entity = SG_TRIE_NONE;
        for (size_t i = 0; c->mask && i <= c->mask; i++)
            if (c->v[i].entity != SG_TRIE_NONE) {
                size_t k = (c->v[i].entity * 2654435761u) & mask;
                while (v[k].entity != SG_TRIE_NONE)
                    k = (k + 1) & mask;
                v[k] = c->v[i];
            }
        free(c->v);
        c->v = v;
        c->mask = mask;
    }
    size_t k = (entity * 2654435761u) & c->mask;
    while (c->v[k].entity != SG_TRIE_NONE && c->v[k].entity != entity)
        k = (k + 1) & c->mask;
    if (c->v[k].entity == entity)
        return c->v[k].off;
    size_t off = c->len;
    if (off >= UINT32_MAX / 2 || (*rc = choose_words(m, c, entity)))
        return *rc ? 0 : (*rc = SG_ERR_LIMIT, 0);
    c->v[k] = (cache_rec){entity, (uint32_t)off};
    c->n++;
    return (uint32_t)off;
}

void sg_short_cache_free(sg_short_cache *c)
{
    if (!c)
        return;
    free(c->v);
    free(c->pool);
    sg_folded_free(&c->scratch);
    free(c);
}

/* Adds the short names of an organisation the document names, once. */
static int add_named(const sg_matcher *m, sg_short_cache *c, shorts *s, uint32_t entity)
{
    for (size_t i = 0; i < s->nnamed; i++)
        if (s->named[i] == entity)
            return 0;
    if (sg_grow((void **)&s->named, &s->named_cap, s->nnamed + 1, sizeof(*s->named)))
        return SG_ERR_NOMEM;
    s->named[s->nnamed++] = entity;
    int rc = 0;
    uint32_t off = cached(m, c, entity, &rc);
    for (; !rc && c->pool[off]; off += 1 + (unsigned char)c->pool[off]) {
        if (sg_grow((void **)&s->v, &s->cap, s->n + 1, sizeof(*s->v)))
            return SG_ERR_NOMEM;
        s->v[s->n++] = (short_rec){entity, off};
    }
    return rc;
}

/* The one organisation named so far whose short name is w[0, n), or
 * SG_TRIE_NONE (none, or several). */
static uint32_t bearer(const sg_short_cache *c, const shorts *s, const char *w, size_t n)
{
    uint32_t who = SG_TRIE_NONE;
    for (size_t i = 0; i < s->n; i++)
        if ((unsigned char)c->pool[s->v[i].off] == n && !memcmp(c->pool + s->v[i].off + 1, w, n)) {
            if (who != SG_TRIE_NONE && who != s->v[i].entity)
                return SG_TRIE_NONE;
            who = s->v[i].entity;
        }
    return who;
}

/* Is the word before folded offset p a way's noun or a school's or a
 * stadium's ("rue Pasteur", "collège Pasteur", "stade Vélodrome")? */
static int after_street(const sg_folded *f, size_t p)
{
    static const char *const buildings[] = {"college", "ecole", "lycee", "stade"};
    return sg_way_before(f, p, SG_WAY_STREET | SG_WAY_WORD | SG_WAY_ROAD | SG_WAY_SQUARE) ||
           sg_word_before_in(f, p, buildings, sizeof(buildings) / sizeof(*buildings));
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

/* Does hit list h hold a mention overlapping [b, e)? */
static int overlaps(const sg_hits *h, size_t b, size_t e)
{
    for (size_t i = 0; i < h->n; i++)
        if (h->v[i].fs < e && h->v[i].fe > b)
            return 1;
    return 0;
}

/* The name without its seat of an organisation the cache holds, in *bn
 * bytes (0: none). */
static const char *seatless_of(const sg_short_cache *c, uint32_t entity, size_t *bn)
{
    size_t k = (entity * 2654435761u) & c->mask;
    while (c->v[k].entity != entity && c->v[k].entity != SG_TRIE_NONE)
        k = (k + 1) & c->mask;
    *bn = 0;
    if (c->v[k].entity != entity)
        return NULL;
    uint32_t off = c->v[k].off;
    while (c->pool[off])
        off += 1 + (unsigned char)c->pool[off];
    *bn = off + 1 < c->len ? (unsigned char)c->pool[off + 1] : 0;
    return c->pool + off + 2;
}

typedef struct {
    uint32_t entity;
    const char *base; /* in the cache's pool (not grown while a document's are read) */
    size_t bn;
} seatless;

/* The name of organisation v[i] without its seat (seatless_length) where
 * the document writes it, the organisation being named in full in it: "le
 * Pôle Santé" in a text on the Pôle Santé de Carpentras, "la faculté de
 * Médecine" in one on the Faculté de médecine de Nice. With a capital in it
 * that no sentence's start explains (in lower case, "la faculté de
 * médecine" is as often any faculty), not inside another mention, not
 * after a plural or an indefinite determiner (sg_kind_before), not before
 * another seat ("de" and a capitalised word, over an article) or a
 * capitalised word, and not where another organisation the document names
 * has the same. */
static int seatless_mentions(const sg_folded *f, const sg_hits *h, const seatless *v, size_t n,
                             size_t i, sg_hits *add)
{
    const char *base = v[i].base;
    size_t bn = v[i].bn;
    for (size_t j = 0; j < n; j++)
        if (j != i && v[j].bn == bn && !memcmp(v[j].base, base, bn))
            return 0; /* two bodies the document names share it: "le Pôle Santé"
                         of Carpentras's and another town's */
    uint32_t entity = v[i].entity;
    for (const char *q = f->text; (size_t)(q - f->text) + bn <= f->len;) {
        q = memmem(q, f->len - (size_t)(q - f->text), base, bn);
        if (!q)
            break;
        size_t p = (size_t)(q - f->text), e = p + bn;
        q++;
        if ((p > 0 && (f->flags[p - 1] & SG_F_ALNUM)) || (e < f->len && (f->flags[e] & SG_F_ALNUM)))
            continue;
        int capital = 0;
        for (size_t w = p; w < e && !capital; w++)
            capital = (f->flags[w] & SG_F_UPPER) && (w == p || !(f->flags[w - 1] & SG_F_ALNUM)) &&
                      (w > p || !sentence_start(f, p));
        size_t a = e;
        while (a < f->len && f->text[a] == ' ')
            a++;
        int seat = a < f->len && a > e && (f->flags[a] & SG_F_UPPER);
        if (!seat && a < f->len && a > e) {
            size_t we = a;
            while (we < f->len && (f->flags[we] & SG_F_ALNUM))
                we++;
            size_t c2 = we;
            while (c2 < f->len && (f->text[c2] == ' ' || f->text[c2] == '\''))
                c2++;
            size_t ae = c2; /* over an article: "de la Timone", "de l'Estaque" */
            while (ae < f->len && (f->flags[ae] & SG_F_ALNUM))
                ae++;
            if (sg_word_in(f->text + c2, ae - c2, articles, NARTICLES))
                while (ae < f->len && (f->text[ae] == ' ' || f->text[ae] == '\''))
                    c2 = ++ae;
            seat = sg_of_word(f->text + a, we - a) && c2 < f->len && (f->flags[c2] & SG_F_UPPER);
        }
        if (!capital || seat || overlaps(h, p, e) || overlaps(add, p, e) || sg_kind_before(f, p))
            continue;
        if (sg_hits_push(add, p, e, entity, SG_HIT_SHORT))
            return SG_ERR_NOMEM;
    }
    return 0;
}

static void shorts_free(shorts *s)
{
    free(s->v);
    free(s->named);
}

/* Is w[0, n) one of the short names of `entity`? */
static int short_name_of(const sg_matcher *m, sg_short_cache *c, uint32_t entity, const char *w,
                         size_t n, int *rc)
{
    uint32_t off = cached(m, c, entity, rc);
    for (; !*rc && c->pool[off]; off += 1 + (unsigned char)c->pool[off])
        if ((unsigned char)c->pool[off] == n && !memcmp(c->pool + off + 1, w, n))
            return 1;
    return 0;
}

/* A variant's reading of one word, "la Chrysalide" for La Chrysalide
 * Marseille (its town dropped), in a document that named before another
 * organisation of which the word is a short name too ("La Chrysalide de
 * Martigues et du Golfe de Fos") and not the variant's: the document's own
 * naming wins, and the hit becomes the short name's. Only where the word is a
 * short name of both (not "la Timone" for the Hôpital de la Timone, after
 * "Timone Solidarité Enfants": its seat's word, the hospital's own) and with
 * the short names' guards. Returns 0 or SG_ERR_NOMEM. */
static int other_bearer(const sg_matcher *m, sg_short_cache *c, const shorts *s, const sg_folded *f,
                        const char *s_text, sg_hit *x)
{
    size_t n = x->fe - x->fs;
    if (x->how != SG_HIT_VARIANT || !s->n || n < MIN_LETTERS || m->is_person[x->entity] ||
        m->is_place[x->entity] || memchr(f->text + x->fs, ' ', n))
        return 0;
    for (size_t i = 0; i < s->nnamed; i++)
        if (s->named[i] == x->entity)
            return 0;
    uint32_t y = bearer(c, s, f->text + x->fs, n);
    int rc = 0;
    if (y != SG_TRIE_NONE && alone(f, s_text, x->fs, x->fe) && !after_street(f, x->fs) &&
        !sg_kind_before(f, x->fs) && short_name_of(m, c, x->entity, f->text + x->fs, n, &rc)) {
        x->entity = y;
        x->how = SG_HIT_SHORT;
    }
    return rc;
}

int sg_resolve_short_names(const sg_matcher *m, const sg_folded *f, const char *s_text, sg_hits *h,
                           sg_short_cache **cache)
{
    if (!*cache && !(*cache = calloc(1, sizeof(**cache))))
        return SG_ERR_NOMEM;
    sg_short_cache *c = *cache;
    shorts s;
    memset(&s, 0, sizeof(s));
    sg_hits add = {0};
    int rc = 0;
    size_t k = 0; /* next hit not yet passed */
    for (size_t p = 0; p < f->len && !rc; p++) {
        while (k < h->n && h->v[k].fs <= p) {
            if ((rc = other_bearer(m, c, &s, f, s_text, &h->v[k])))
                break;
            uint32_t x = h->v[k].entity;
            if ((m->allowed[x] & SG_VARIANT_SHORT_NAMES) && !m->is_person[x] && !m->is_place[x] &&
                (rc = add_named(m, c, &s, x)))
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
                               alone(f, s_text, p, e) && !after_street(f, p) &&
                               !sg_kind_before(f, p)
                           ? bearer(c, &s, f->text + p, e - p)
                           : SG_TRIE_NONE;
        if (who != SG_TRIE_NONE)
            rc = sg_hits_push(&add, p, e, who, SG_HIT_SHORT);
        p = e - 1;
    }
    /* the named bodies' names without their seat, then where the document
       writes them */
    seatless *sv = NULL;
    size_t nsv = 0, svcap = 0;
    for (size_t i = 0; !rc && i < s.nnamed; i++) {
        size_t bn;
        const char *base = seatless_of(c, s.named[i], &bn);
        if (bn && sg_grow((void **)&sv, &svcap, nsv + 1, sizeof(*sv)))
            rc = SG_ERR_NOMEM;
        else if (bn)
            sv[nsv++] = (seatless){s.named[i], base, bn};
    }
    for (size_t i = 0; !rc && i < nsv; i++)
        rc = seatless_mentions(f, h, sv, nsv, i, &add);
    free(sv);
    if (!rc && add.n)
        rc = sg_hits_merge(h, &add);
    shorts_free(&s);
    sg_hits_free(&add);
    return rc ? SG_ERR_NOMEM : 0;
}
