/* The places of reference of a suggester (sg_suggest_options.places): the
 * communes, departments and regions of France, say, that the gazetteers to
 * complete do not list. Their mentions the gazetteers miss become rows of
 * their own, with the reference's id and label ("à Villejuif",
 * "Charleville-Mézières (Ardennes)"): a name from official data is a surer
 * place than a capitalised word after "à". */
#include "gazetteer_int.h"
#include "match_int.h"
#include "sg_internal.h"
#include "suggest_int.h"

#include "stakegraph/extract.h"

typedef struct {
    size_t s, e, ent;
} place_hit;

#define REFUSED ((size_t)-1)

struct sg_suggest_places {
    const sg_gazetteer *gaz;
    sg_extractor *ex;
    place_hit *hits; /* the document's mentions */
    size_t nhits, hits_cap;
    int nomem;
    sg_folded scratch;
    size_t *seen;  /* entity -> mentions kept; REFUSED: a name left out */
    size_t *order; /* entities kept, in the order first seen */
    size_t norder;
};

static int on_place(const sg_mention *m, void *ctx)
{
    sg_suggest_places *p = ctx;
    long e = sg_gazetteer_find(p->gaz, m->id);
    /* the names as written, in any case: no variant ("Arles" is not
       Arles-sur-Tech, whatever the gazetteer's reading of a commune "X-sur-Y") */
    if (e < 0 || (strcmp(m->match, "exact") && strcmp(m->match, "folded")))
        return 0;
    if (sg_grow((void **)&p->hits, &p->hits_cap, p->nhits + 1, sizeof(place_hit))) {
        p->nomem = 1;
        return 1;
    }
    p->hits[p->nhits++] = (place_hit){m->start, m->end, (size_t)e};
    return 0;
}

static void ignore(const sg_error *w, void *ctx)
{
    (void)w, (void)ctx;
}

int sg_suggest_places_new(sg_suggest_places **out, const sg_gazetteer *gaz, sg_error *err)
{
    sg_suggest_places *p = calloc(1, sizeof(*p));
    if (!p || !(p->seen = sg_calloc_array(gaz->n + 1, sizeof(size_t))) ||
        !(p->order = sg_alloc_array(gaz->n + 1, sizeof(size_t)))) {
        sg_suggest_places_free(p);
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    p->gaz = gaz;
    sg_extract_options eo;
    sg_extract_options_init(&eo);
    int rc = sg_extractor_new(&p->ex, gaz, &eo, err);
    if (rc) {
        sg_suggest_places_free(p);
        return rc;
    }
    sg_extractor_on_mention(p->ex, on_place, p);
    sg_extractor_on_warning(p->ex, ignore, NULL);
    *out = p;
    return 0;
}

void sg_suggest_places_free(sg_suggest_places *p)
{
    if (!p)
        return;
    sg_extractor_free(p->ex);
    sg_folded_free(&p->scratch);
    free(p->hits);
    free(p->seen);
    free(p->order);
    free(p);
}

/* Whether a mention of the gazetteers overlaps [a, b). */
static int overlaps(const sg_span *spans, size_t n, size_t a, size_t b)
{
    size_t k = sg_span_after(spans, n, a);
    return k < n && spans[k].s < b;
}

/* Whether the name at folded offset fs is a part of another: an initial
 * ("P. Magnien") or a capitalised word comes before it ("La Beaucaire", a
 * district; a credit's "THOMAS COEX"), but a preposition starting a sentence
 * ("À Villejuif, …"), or a
 * capitalised word and "de" ("Adam de Craponne", "l'hôpital Percy de
 * Clamart"). (A capitalised word after it makes a name the suggester
 * proposes, which wins when the rows are counted.) */
static int inside_name(const sg_folded *f, size_t fs)
{
    static const char *const prepositions[] = {"a",    "apres",  "aupres", "avant", "chez",
                                               "dans", "depuis", "en",     "entre", "pour",
                                               "pres", "sur",    "vers"};
    size_t k = fs;
    while (k > 0 && f->text[k - 1] == ' ')
        k--;
    if (k >= 2 && f->text[k - 1] == '.' && (f->flags[k - 2] & SG_F_UPPER) &&
        (k == 2 || !(f->flags[k - 3] & SG_F_ALNUM)))
        return 1; /* after an initial: a surname ("— P.MAGNIEN / 20 MINUTES") */
    size_t b, e;
    sg_word_before(f, fs, 0, &b, &e);
    if (b == e)
        return 0;
    if (f->flags[b] & SG_F_UPPER)
        return !sg_word_in(f->text + b, e - b, prepositions,
                           sizeof(prepositions) / sizeof(*prepositions));
    if (!sg_word_is(f->text + b, e - b, "de"))
        return 0;
    sg_word_before(f, b, 0, &b, &e);
    return b != e && (f->flags[b] & SG_F_UPPER);
}

/* Whether a place's name reads as something else more often: a first name
 * ("Alex", "Aude"), a generic word ("Ségur", "Vieux-Port"). -1: out of
 * memory. */
static int refused(sg_suggest_places *p, size_t e)
{
    const char *label = p->gaz->ents[e].label;
    char *key = sg_suggest_fold(&p->scratch, label, strlen(label));
    if (!key)
        return -1;
    int no = sg_first_name(key) || sg_suggest_word(SG_WL_GENERIC, key);
    free(key);
    return no;
}

int sg_suggest_places_read(sg_suggest_places *p, const char *name, const char *text, size_t len,
                           const sg_folded *f, const sg_span *spans, size_t nspans, sg_error *err)
{
    p->nhits = 0;
    p->nomem = 0;
    int rc = sg_extractor_add(p->ex, name, text, len, err);
    if (rc)
        return p->nomem ? sg_error_set(err, SG_ERR_NOMEM, name, 0, -1, "out of memory") : rc;
    for (size_t i = 0; i < p->nhits; i++) {
        const place_hit *h = &p->hits[i];
        size_t e = h->ent;
        size_t fs = sg_folded_from_orig(f, h->s);
        /* a guarded name (a common word, a name shared with a bigger place)
           would lose its guard in a row; "le Ségur" is not Le Ségur */
        if (p->seen[e] == REFUSED || p->gaz->ents[e].guard != SG_GUARD_NONE ||
            overlaps(spans, nspans, h->s, h->e) || !(f->flags[fs] & SG_F_UPPER) ||
            inside_name(f, fs))
            continue;
        if (!p->seen[e]) {
            int no = refused(p, e);
            if (no < 0)
                return sg_error_set(err, SG_ERR_NOMEM, name, 0, -1, "out of memory");
            if (no) {
                p->seen[e] = REFUSED;
                continue;
            }
            p->order[p->norder++] = e;
        }
        p->seen[e]++;
    }
    return 0;
}

size_t sg_suggest_places_count(const sg_suggest_places *p)
{
    return p ? p->norder : 0;
}

const char *sg_suggest_places_get(const sg_suggest_places *p, size_t i, const char **label)
{
    size_t e = p->order[i];
    *label = p->gaz->ents[e].label;
    return p->gaz->ents[e].id;
}
