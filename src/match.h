/* Finding gazetteer names in folded text and resolving them (SPEC §4). */
#ifndef SG_MATCH_H
#define SG_MATCH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "gazetteer_int.h"
#include "normalise.h"
#include "regexp.h"
#include "stakegraph/extract.h"

/* How a hit matched; at one span, the lower wins. SG_HIT_FORM: an acronym
 * in another form (APHM for AP-HM). */
enum {
    SG_HIT_NAME = 0,
    SG_HIT_PATTERN,
    SG_HIT_ACRONYM,
    SG_HIT_FORM,
    SG_HIT_VARIANT,
    SG_HIT_SURNAME,
    SG_HIT_FUZZY,
    SG_HIT_SHARED,       /* a name after a shared plural head: the head makes it surer than a
                            plain name of the same span ("hôpitaux de Digne et Manosque") */
    SG_HIT_KNOWN,        /* a name lent by the bundled gazetteer (known.c): it loses against any
                            reading of the user's own names it overlaps */
    SG_HIT_KNOWN_SHARED, /* a name lent after a shared plural head: loses as a name lent, sure
                           as a name after a shared head (a place of its span gives way) */
    SG_HIT_SHORT         /* an organisation's short name, once it is named (short_names.c) */
};

/* How one written name of an entity is read (the case rules, in one place
 * for the matcher and the gazetteer checker): "!" drops the entry's guard,
 * "=" or the guard `exact` asks for the exact case, a name in capitals is an
 * acronym (matched only where the text has no lower case), and the name
 * matches from its first letter or digit to its last. */
enum { MODE_PLAIN = 0, MODE_ACRONYM = 1, MODE_EXACT = 2 };

typedef struct {
    const char *spelling;    /* the name without its markers ('!', '=') */
    const char *t;           /* folded, from its first letter or digit to its last */
    const unsigned char *fl; /* t's case flags */
    size_t n;                /* t's length; 0: nothing to match */
    size_t tail;             /* punctuation after t in the folded name as written
                                ("(Ville)": ")"), at most 8 bytes, else 0 */
    unsigned char mode;      /* MODE_* */
    unsigned char guard;     /* the guard in force (SG_GUARD_*) */
} sg_name_reading;

/* Reads `written` (an entity's label or alias, with `guard` the entity's) into
 * *r, folding it into `scratch` (r->t points there until its next use).
 * r->n is 0 for a name never matched (guard never) or without a letter or
 * digit. Returns 0 or SG_ERR_NOMEM. */
int sg_name_read(sg_folded *scratch, const char *written, unsigned char guard, sg_name_reading *r);

/* A label also listed as "=label" among the aliases matches only in its exact
 * case: the loose match of the label would defeat the point. */
int sg_label_is_exact(const sg_entity *e);

/* One mention in folded coordinates [fs, fe). */
typedef struct {
    size_t fs, fe;
    size_t paren; /* an interrupted name: where its "(ACR)" starts; 0 = none */
    uint32_t entity;
    unsigned char how;   /* SG_HIT_* */
    unsigned char guard; /* a guarded name (SG_GUARD_CONFIRM, SG_GUARD_CUE), or 0 */
} sg_hit;

typedef struct {
    sg_hit *v;
    size_t n, cap;
    sg_hit *tmp; /* sg_hits_sort's scratch, kept from one document to the next */
    size_t tmp_cap;
} sg_hits;

typedef struct sg_matcher sg_matcher;

/* Is `written` (a name as a gazetteer writes it, folded in `scratch`) a name
 * of a place of m's gazetteers already? 1 yes, 0 no, SG_ERR_NOMEM. */
int sg_matcher_names_place(const sg_matcher *m, sg_folded *scratch, const char *written);

/* Compiles the names, surnames and patterns of `gaz`, with the variants
 * `variants` (SG_VARIANT_*) of its names. The matcher keeps a pointer to `gaz`. Once
 * made it is only read: threads share it, each with its own regex match
 * data. */
int sg_matcher_new(sg_matcher **out, const sg_gazetteer *gaz, unsigned variants, sg_error *err);

/* sg_matcher_new in steps, for a matcher made while its gazetteer loads:
 * begin (tables sized for `expected` entities and `names` names, only a first
 * size), each entity in order once it is loaded (`scratch`: a folding buffer
 * kept from one to the next), then finish once all are (what needs them all:
 * the ranks in id order, the towns, the bodies, the filter). On failure the
 * caller frees the matcher. */
int sg_matcher_begin(sg_matcher **out, const sg_gazetteer *gaz, unsigned variants, size_t expected,
                     size_t names, sg_error *err);
int sg_matcher_add_entity(sg_matcher *m, sg_folded *scratch, size_t i, sg_error *err);
int sg_matcher_finish(sg_matcher *m, sg_folded *scratch, sg_error *err);
void sg_matcher_free(sg_matcher *m);

/* Rank of an entity in id order (for deterministic ties and output order). */
uint32_t sg_matcher_rank(const sg_matcher *m, uint32_t entity);

/* Finds the mentions of the folded document `f` (original bytes `s`, `slen`):
 * names, their variants and patterns (the reading that covers the most of the
 * text wins), their guards applied, places inside names left out. `out` is
 * sorted by position. `doc` names the document in errors (a pattern hitting
 * its match limit). The document's own references come next (sg_resolve,
 * resolve.c), then the credits (sg_furniture_filter): extract.c runs the
 * three in that order. */
int sg_matcher_run(const sg_matcher *m, sg_regex_md *md, const sg_folded *f, const char *s,
                   size_t slen, const char *doc, sg_hits *out, sg_error *err);

/* How hit `x` matched, as sg_mention.match says: for a name, "exact" when
 * the original bytes s[start, end) spell one of the entity's names as
 * written, else "folded". */
const char *sg_matcher_how(const sg_matcher *m, const sg_hit *x, const char *s, size_t start,
                           size_t end);

void sg_hits_free(sg_hits *h);
int sg_hits_push(sg_hits *h, size_t fs, size_t fe, uint32_t entity, unsigned char how);
/* Sorts the hits by start, longest first, then how and entity; equal hits
 * stay in the order they came in (a stable sort, as glibc's qsort was). A
 * sorted beginning (the hits found before, new ones appended) is not sorted
 * again: the rest is sorted and merged into it. */
void sg_hits_sort(sg_hits *h);
/* Adds the hits of `add` to `h` (then empties `add`), sorted again. Returns 0
 * or SG_ERR_NOMEM. */
int sg_hits_merge(sg_hits *h, sg_hits *add);

/* The mentions a document makes by reference to what it named (resolve.c),
 * added to `hits` (sorted) in this order: long forms before a known acronym,
 * acronyms it defines, a person of the gazetteers by a title and their surname
 * ("le professeur Raoult"), surnames of people it named before, head
 * acronyms alone ("le
 * CHU") after the name they head, hospitals by their head and eponym ("l'hôpital
 * Bonnet") after "l'hôpital Bonnet de Fréjus", local authorities by their kind
 * alone.
 * `s`: the original text of `f`. Returns 0 or SG_ERR_NOMEM. */
/* What resolution keeps from one document to the next of one extractor: the
 * short names of the organisations met so far (short_names.c). NULL until
 * the first document; freed with sg_short_cache_free. */
typedef struct sg_short_cache sg_short_cache;
void sg_short_cache_free(sg_short_cache *c);
int sg_resolve(const sg_matcher *m, const sg_folded *f, const char *s, sg_hits *hits,
               sg_short_cache **cache);

/* Its steps, one by one. */
int sg_resolve_acronyms(const sg_matcher *m, const sg_folded *f, sg_hits *hits);
/* People by their surname (surnames.c): after a title, the one person of the
 * gazetteers who bears it; alone, the one person the document names so. */
int sg_resolve_titles(const sg_matcher *m, const sg_folded *f, sg_hits *hits);
int sg_resolve_surnames(const sg_matcher *m, const sg_folded *f, sg_hits *hits);
/* "Nathalie et Cyril Quelet": a first name alone before "et" and a person's
 * mention names the person of the gazetteers with that first name and the
 * mention's surname (Nathalie Quelet), its mention the first name. */
int sg_resolve_shared_surnames(const sg_matcher *m, const sg_folded *f, sg_hits *hits);
/* Organisations named in full, then by a word of their name (short_names.c). */
int sg_resolve_short_names(const sg_matcher *m, const sg_folded *f, const char *s, sg_hits *hits,
                           sg_short_cache **cache);
/* Readers of a capitalised word start p that no hit covers (the next hit
 * starts at `lim`): the end of what they read there (0: nothing), its start
 * in *start (p, or before it) and its entity in *entity. People by the
 * initials of their first names and their surname that one person of the
 * gazetteers fits ("J.-P. Leleux"; initials.c); an acronym of four to six
 * capitals with two neighbouring letters swapped from one entity's ("IMPC"
 * for the IPMC; slips.c); a place by a periphrasis ("l'Hexagone";
 * periphrases.c). */
/* Most capitalised words start none of them: their own first tests, made
 * before the calls (a capital word start p, p > 0). Initials: "J. " or "J.P "
 * before; a slip: a second capital; a periphrasis: its first letters. */
static inline int sg_capital_reading_may(const sg_folded *f, size_t p)
{
    return (p >= 3 && f->text[p - 1] == ' ' &&
            (f->text[p - 2] == '.' || (f->flags[p - 2] & SG_F_UPPER))) ||
           (p + 1 < f->len && (f->flags[p + 1] & SG_F_UPPER)) || f->text[p] == 'h' ||
           f->text[p] == 'p' || (p + 4 < f->len && !memcmp(f->text + p, "cite ", 5));
}
size_t sg_initials_at(const sg_matcher *m, const sg_folded *f, size_t p, size_t lim, size_t *start,
                      uint32_t *entity);
size_t sg_slip_at(const sg_matcher *m, const sg_folded *f, size_t p, size_t lim, size_t *start,
                  uint32_t *entity);
/* "CD13", "CD 13", "CG 06": a department's council by the letters of its
 * kind (conseil départemental, conseil général) in capitals and the
 * department's number, the one council of that department the gazetteers
 * list (variant "heads"; bodies.c). */
size_t sg_council_at(const sg_matcher *m, const sg_folded *f, size_t p, size_t lim, size_t *start,
                     uint32_t *entity);
size_t sg_name_slip_at(const sg_matcher *m, const sg_folded *f, size_t p, size_t lim, size_t *start,
                       uint32_t *entity);
size_t sg_periphrasis_at(const sg_matcher *m, const sg_folded *f, size_t p, size_t lim,
                         size_t *start, uint32_t *entity);
/* A long form in no gazetteer before a known acronym in brackets ("Centre
 * hospitalier intercommunal de Toulon La Seyne (CHITS)"), its words' initials
 * the acronym's letters: a mention of the acronym's entity. */
int sg_resolve_long_forms(const sg_matcher *m, const sg_folded *f, sg_hits *hits);
/* A long form before an unknown acronym in brackets that is the first words
 * of exactly one organisation's name ("Groupement de coopération sanitaire
 * (GCS)" for the "Groupement de coopération sanitaire CHU de Nice-Lenval"): a
 * mention of it, and the acronym with it. */
int sg_resolve_prefix_forms(const sg_matcher *m, const sg_folded *f, sg_hits *hits);
/* A head acronym alone ("le CHU") after a name it heads ("CHU de Nice"), in
 * the same document: a mention of that name's entity when it is the only one
 * named so far with that head. */
int sg_resolve_heads(const sg_matcher *m, const sg_folded *f, sg_hits *hits);
/* A name that several departments' bodies share ("CPAM") is the one of the
 * department of the places the document names (bodies.c). Returns 0. */
int sg_bodies_choose(const sg_matcher *m, const sg_folded *f, sg_hits *hits);
/* Drops the names of a service's kind that several bodies share ("la
 * CPAM", "le CCAS"), to be read again as the kind by sg_resolve_bodies;
 * asked before the acronyms are resolved, so that such a name in brackets
 * ("le centre communal d'action sociale (CCAS)") defines no acronym as the
 * first body listed (bodies.c). Returns whether any was dropped. */
int sg_shared_kinds_dropped(const sg_matcher *m, const sg_folded *f, sg_hits *hits);
/* A local authority by its kind alone ("la Région", "le conseil
 * départemental"; bodies.c): the one body of that kind the document names,
 * else the gazetteer's only one. `s`: the original text of `f`; `shared`:
 * whether sg_shared_kinds_dropped dropped any name. */
int sg_resolve_bodies(const sg_matcher *m, const sg_folded *f, const char *s, sg_hits *hits,
                      int shared);

#endif
