/* Shared by variants.c (compiling the variants of names) and variants_read.c
 * (finding them in the text). */
#ifndef SG_VARIANTS_INT_H
#define SG_VARIANTS_INT_H

#include <string.h>

#include "match_int.h"

#define SKEL_MAX 256             /* bytes of a skeleton */
#define PAREN_MAX 24             /* folded bytes between the brackets of an interrupting acronym */
#define FORM_MAX 32              /* letters of an acronym form */
#define FUZZY_MIN 15             /* letters of a name read fuzzily */
#define FUZZY_CHAIN 8            /* long names read fuzzily from one first word, at most */
#define CONJUNCTS_MAX 16         /* names sharing one plural head */
#define SKEL_CAPITALS (1u << 15) /* a skeleton read only when every word is capitalised */
#define SKEL_CONFIRM (1u << 14)  /* ... and only in a document that names its entity otherwise */
#define SKEL_DERIVED (1u << 13)  /* a reading of a name in other words (heads, parts) */
#define SKEL_DEAD (1u << 12)     /* a derived reading two entities share: read for neither */
#define SKEL_UPPER1 (1u << 11)   /* its first word in capitals: "IHU Méditerranée Infection" */
/* a place without its leading article, read only capitalised right after au,
 * aux, du, des ("au Pradet" for Le Pradet) */
#define SKEL_CONTRACTED (1u << 10)
/* (while compiling) the name's first word is written in capitals: "ARS Paca";
 * (once compiled, derived readings only) a one-word site named like a town
 * ("Cimiez" for "Hôpital de Cimiez"): not read right after "de" ("la Halle de
 * Martigues" names the town) */
#define SKEL_ACRONYM1 (1u << 9)
#define SKEL_TOWNLIKE (1u << 9)
/* a reading read only when its first word is capitalised: a body without its
 * department ("le Groupement hospitalier de territoire"; in lower case any one) */
#define SKEL_CAPITAL1 (1u << 16)
/* a union's reading derived from a local branch's name ("SUD" from "SUD Santé
 * Sociaux 13"): it yields to the same reading of another entity that is no
 * branch (the federation), and two branches' kill each other */
#define SKEL_BRANCH (1u << 17)
/* a derived reading that entities of several departments share ("CFDT Santé"
 * for the branches of Vaucluse and the Hautes-Alpes): read as the one of the
 * department the document names most (sg_local_choose), else for none */
#define SKEL_LOCAL (1u << 18)
/* a name's words glued into one word of eight letters or more ("Promosoins"
 * for Promo Soins, variants_glued.c): no common word, read capitalised
 * (SKEL_CAPITAL1) in any context, where other one-word readings need a
 * proper name's (SKEL_CAPITALS) */
#define SKEL_GLUED (1u << 19)
/* (in the `used` of a walk, sg_skel_walk: no skeleton's flag) the words the
 * walk starts after were in capitals, a shared acronym's ("les HIA Legouest
 * et Desgenettes"): a reading that needs its first word in capitals
 * (SKEL_UPPER1) has it */
#define WALK_UPPER_BEFORE (1u << 20)
/* The SG_VARIANT_* bits a skeleton's `needs` may hold, under the SKEL_* flags
 * above: not SG_VARIANT_KNOWN (bit 9 too), as lent names derive no skeleton
 * (known.c), nor SG_VARIANT_SHORT_NAMES (bit 10) and SG_VARIANT_INITIALS (bit
 * 11) and SG_VARIANT_PERIPHRASES (bit 12), read in the document only
 * (short_names.c, initials.c, periphrases.c), nor SG_VARIANT_QUALIFIERS (bit
 * 13), a name added whole (qualifiers.c). A skeleton's
 * needs are checked against an entity's allowed variants through this mask
 * only. */
#define SKEL_VARIANTS                                                                              \
    (SG_VARIANT_ALL & ~SG_VARIANT_KNOWN & ~SG_VARIANT_SHORT_NAMES & ~SG_VARIANT_INITIALS &         \
     ~SG_VARIANT_PERIPHRASES & ~SG_VARIANT_QUALIFIERS)
_Static_assert((SKEL_VARIANTS & (SKEL_ACRONYM1 | SKEL_CONTRACTED | SKEL_UPPER1 | SKEL_DEAD |
                                 SKEL_DERIVED | SKEL_CONFIRM | SKEL_CAPITALS | SKEL_CAPITAL1 |
                                 SKEL_BRANCH | SKEL_LOCAL | SKEL_GLUED | WALK_UPPER_BEFORE)) == 0,
               "a skeleton's flags overlap the variants it needs");

/* The content words of folded t[0, n) (flags fl), one space apart, as a
 * name's skeleton has them, into out (SKEL_MAX bytes): its length, 0 when too
 * long (known.c). */
size_t sg_skeleton_of(const char *t, const unsigned char *fl, size_t n, char *out);

static inline uint64_t sg_hash_bytes(uint64_t h, const char *t, size_t n)
{
    return sg_fnv1a(h, t, n);
}

/* The first name (alias) from v on in its prefix chain whose folded text is
 * t[0, n) exactly, or SG_TRIE_NONE: with the chain's first, then each found's
 * next, the names of all the entities written so. */
static inline uint32_t sg_alias_same(const sg_matcher *m, uint32_t v, const char *t, size_t n)
{
    while (v != SG_TRIE_NONE &&
           !(m->aliases[v].len == n && !memcmp(m->texts + m->aliases[v].text_off, t, n)))
        v = m->aliases[v].next;
    return v;
}

/* The name (alias) of prefix record r (NULL: none) whose folded text is
 * t[0, n) exactly and, with `place`, whose entity is a place: the first one
 * added when several are; SG_TRIE_NONE when none. */
static inline uint32_t sg_alias_at(const sg_matcher *m, const prefix_rec *r, const char *t,
                                   size_t n, int place)
{
    uint32_t found = SG_TRIE_NONE; /* (a chain runs from the last added to the first) */
    for (uint32_t v = sg_alias_same(m, r ? sg_prefix_alias(m, r) : SG_TRIE_NONE, t, n);
         v != SG_TRIE_NONE; v = sg_alias_same(m, m->aliases[v].next, t, n))
        if (!place || m->is_place[m->aliases[v].entity])
            found = v;
    return found;
}

/* The first name written t[0, n) in the gazetteers (looked up), for
 * sg_alias_same's walk over the others; SG_TRIE_NONE when none. */
static inline uint32_t sg_alias_first(const sg_matcher *m, const char *t, size_t n)
{
    const prefix_rec *r = sg_prefix_lookup(m, sg_hash_bytes(SG_PREFIX_SEED, t, n));
    return sg_alias_same(m, r ? sg_prefix_alias(m, r) : SG_TRIE_NONE, t, n);
}

/* The same, looking t[0, n) up (while compiling too: the filter is not made
 * yet). */
static inline uint32_t sg_alias_named(const sg_matcher *m, const char *t, size_t n, int place)
{
    return sg_alias_at(m, sg_prefix_lookup(m, sg_hash_bytes(SG_PREFIX_SEED, t, n)), t, n, place);
}

/* The end of the expansion in brackets at f->text[k] ('(') of the acronym
 * acr[0, an) (folded, three letters or more) that its words spell, all and in
 * order, but its function words and "au", "aux", "en", "et", "pour", "sur",
 * "à" either way ("Smur (Service mobile d'urgence et de réanimation)",
 * "SSIAD (service de soins infirmiers à domicile)", "HAD (hospitalisation à
 * domicile)"); no comma inside but the editor's note's before ')' ("URPS
 * (Union régionale des professionnels de santé, ndlr)"). One past ')' or 0;
 * `words`, unless NULL, gets the end of its words: the ')' or the editor's
 * note's comma. */
size_t sg_expansion_end(const sg_folded *f, size_t k, const char *acr, size_t an, size_t *words);

/* The ')' of an editor's note at f->text[k], ", ndlr)" (spaces and a full
 * stop allowed), or 0. */
size_t sg_ndlr_end(const sg_folded *f, size_t k);

/* A skeleton's walk so far: its words, their hash. */
typedef struct {
    uint64_t h;
    char buf[SKEL_MAX];
    size_t len;
    unsigned words;
} skel_state;

/* A walk's reading: where it ends, its entity. */
typedef struct {
    size_t end, paren;
    uint32_t entity;
    int confirm;   /* a guarded reading (SKEL_CONFIRM; 2: SKEL_TOWNLIKE, in a list only;
                      3: SKEL_LOCAL, the document's department decides) */
    unsigned want; /* (asked) of SKEL_LOCAL readings, the one of this department */
} reading;

static inline void sg_state_add(skel_state *st, const char *w, size_t n)
{
    if (st->words++) {
        st->buf[st->len++] = ' ';
        st->h = sg_prefix_step(st->h, ' ');
    }
    memcpy(st->buf + st->len, w, n);
    st->len += n;
    st->h = sg_hash_bytes(st->h, w, n);
}

/* Has folded f->text[a, b) no lower-case letter? */
static inline int sg_all_upper(const sg_folded *f, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (f->flags[k] & SG_F_LOWER)
            return 0;
    return 1;
}

/* variants_read.c: walks the text from word start j on, in skeleton space,
 * after the words of *sp: the longest skeleton whose entity allows the
 * variants `used` and those the reading needs (WALK_UPPER_BEFORE in `used`:
 * the words of *sp were in capitals, a shared acronym's). Returns 1 and
 * fills *out when found. */
int sg_skel_walk(const sg_matcher *m, const sg_folded *f, size_t j, skel_state *sp, unsigned used,
                 reading *out);

/* variants_read.c: reads SKEL_LOCAL hit x again as the reading of
 * department `dept` (an index of sg_department_of's); returns 1 when one
 * ends where x does (x's entity is then its, and x unguarded), else 0. */
int sg_local_choose(const sg_matcher *m, const sg_folded *f, sg_hit *x, unsigned dept);

/* variants_read.c: the end of the head of a body named by its town at word
 * start i ("hopital", "centre hospitalier (intercommunal)", "ch", "chi" in
 * capitals; unless `hospitals`, "clinique", "ehpad", "mairie" too), its skeleton's
 * words into *st and, with `pronoun`, the pronoun that stands for it
 * ("celui ", "celle "); 0 if none. */
size_t sg_body_head_at(const sg_folded *f, size_t i, int hospitals, skel_state *st,
                       const char **pronoun);

/* variants_lists.c: the names after a plural head at word start i ("les
 * hôpitaux Font-Pré et Chalucet"), two or more, into hits. Returns 0 or
 * SG_ERR_NOMEM. */
int sg_shared_at(const sg_matcher *m, const sg_folded *f, size_t i, sg_hits *hits);

/* variants.c: adds k[0, n) to the entity's readings, derived from one of its
 * names (SKEL_DERIVED), unless a name or another entity's reading reads so
 * (two entities' same derived reading is read for neither, but where `area`,
 * the index of the department a name ends with, differs: then the document's
 * department decides, SKEL_LOCAL). Returns 0 or SG_ERR_NOMEM. */
int sg_skel_derived(sg_matcher *m, uint32_t entity, const char *k, size_t n, uint32_t needs);
int sg_skel_derived_in(sg_matcher *m, uint32_t entity, const char *k, size_t n, uint32_t needs,
                       unsigned area);
/* variants_glued.c: the readings of a name (written; folded t[0, n) with
 * its case flags fl; skeleton k[0, kn) of `words` words) with its words
 * glued or parted (variant "fuzzy"). Returns 0 or SG_ERR_NOMEM. */
int sg_glued_readings(sg_matcher *m, uint32_t entity, const char *written, const char *t,
                      const unsigned char *fl, size_t n, const char *k, size_t kn, unsigned words,
                      uint32_t needs);
/* variants.c: is skeleton k[0, n) already a name or a reading of some entity? */
int sg_skel_taken(const sg_matcher *m, const char *k, size_t n);
/* variants.c: the length of skeleton k[0, kn) without the places at its end
 * (communes of the region, departments, Provence...; kn when none). */
size_t sg_areas_dropped(const char *k, size_t kn);

/* variants.c: the heads of skeleton k[0, n) in their other form ("centre
 * hospitalier toulon" -> "ch toulon" and back), written to out (SKEL_MAX);
 * its length, or 0. */
size_t sg_other_head(const char *k, size_t n, char *out);
/* variants.c: is the UTF-8 word at w capitalised (A-Z, or À-Þ)? */
int sg_capital_at(const char *w);
/* Is the folded t[0, n) the State's or its government's name without the
 * country's adjective, "etat" or "gouvernement" (variants.c: read for the
 * État français; dropped.c: not before another country's adjective)? */
int sg_state_word(const char *t, size_t n);

/* variants_heads.c: an organisation's readings by its head's words, from its
 * skeleton k[0, kn) of `words` words, its name as `written` and the
 * variants the skeleton `needs` (sg_variants_add, in this order): its first
 * words as an acronym ("IHU Méditerranée Infection"), its part after a
 * hyphen that starts with a head ("les hôpitaux de Marseille"), without an
 * inner hospital's head ("la Fondation Saint-Joseph"), without the
 * adjectives after its head ("l'hôpital Lenval"), a hospital without its
 * towns ("le CHI Bonnet"). Each returns 0 or SG_ERR_NOMEM. */
int sg_initials_readings(sg_matcher *m, uint32_t entity, const char *k, size_t kn, unsigned words,
                         uint32_t needs);
int sg_hyphen_tail(sg_matcher *m, uint32_t entity, const char *written, const char *k, size_t kn,
                   unsigned words, uint32_t needs);
int sg_inner_head_dropped(sg_matcher *m, uint32_t entity, const char *k, size_t kn, uint32_t needs);
int sg_adjectives_dropped(sg_matcher *m, uint32_t entity, const char *written, const char *k,
                          size_t kn, unsigned words, uint32_t needs);
int sg_head_name_towns_dropped(sg_matcher *m, uint32_t entity, const char *written, const char *k,
                               size_t kn, uint32_t needs);
int sg_military_hospital(sg_matcher *m, uint32_t entity, const char *k, size_t kn, uint32_t needs);
int sg_eponym_surname(sg_matcher *m, uint32_t entity, const char *written, const char *k, size_t kn,
                      unsigned words, uint32_t needs);

/* variants_heads.c: the readings of skeleton `sk` by its head in other words
 * (a hospital's heads for one another, its town or proper name alone, local
 * authorities', orders' and unions' other words, kindred heads). */
int sg_head_readings(sg_matcher *m, skel_rec sk);
/* variants_heads.c: a hospital whose name puts its site's own name after its
 * town ("Centre hospitalier de Menton La Palmosa"), by that name. */
int sg_town_then_name(sg_matcher *m, uint32_t entity, const char *written, const char *k, size_t kn,
                      uint32_t needs);

/* The letters and digits of an acronym ("aphm" for "ap hm", "c.h.u"), at most
 * FORM_MAX, into out; returns their number. */
size_t sg_letters_of(const char *t, size_t n, char *out);

#endif
