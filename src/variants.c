/* The readings of a gazetteer name that differ from its spelling, as the
 * press writes them (README "How names are matched"):
 *
 *  - skeletons: a name read by its content words alone, function words
 *    dropped ("Assistance publique des hôpitaux de Marseille" for
 *    "Assistance publique-Hôpitaux de Marseille"), with generic heads in both
 *    forms ("centre hospitalier" / "CH"), the region dropped, one lower-case
 *    word after a generic head, an "(ACR)" inside, or a plural head shared by
 *    several names ("les hôpitaux Font-Pré et Chalucet"). Skeletons share the
 *    matcher's prefix table: the text is read one word at a time, one hash
 *    lookup a word, and stops at the first word no skeleton goes on with;
 *  - acronym forms: an acronym by its letters alone (APHM, A.P.-H.M. for
 *    AP-HM);
 *  - fuzzy readings of long names: every word but a few as written, the
 *    others close ("Assistance Public Hopitaux de Marseille").
 *
 * Each reading is a candidate; match.c then keeps the reading that covers
 * the most of the text. */
#include <stdlib.h>
#include <string.h>

#include "match_int.h"
#include "sg_internal.h"

#define SKEL_MAX 256             /* bytes of a skeleton */
#define PAREN_MAX 24             /* folded bytes between the brackets of an interrupting acronym */
#define FORM_MAX 32              /* letters of an acronym form */
#define FUZZY_MIN 15             /* letters of a name read fuzzily */
#define FUZZY_CHAIN 8            /* long names read fuzzily from one first word, at most */
#define CONJUNCTS_MAX 8          /* names sharing one plural head */
#define SKEL_CAPITALS (1u << 15) /* a skeleton read only when every word is capitalised */
#define SKEL_CONFIRM (1u << 14)  /* ... and only in a document that names its entity otherwise */
#define SKEL_DERIVED (1u << 13)  /* a reading of a name in other words (heads, parts) */
#define SKEL_DEAD (1u << 12)     /* a derived reading two entities share: read for neither */
#define SKEL_UPPER1 (1u << 11)   /* its first word in capitals: "IHU Méditerranée Infection" */

static const char *const variant_names[] = {"function-words", "heads",         "inserted",
                                            "region",         "acronym-forms", "defined",
                                            "interrupted",    "shared-heads",  "fuzzy"};
#define NVARIANTS (sizeof(variant_names) / sizeof(*variant_names))

const char *sg_variant_name(unsigned bit)
{
    for (size_t i = 0; i < NVARIANTS; i++)
        if (bit == 1u << i)
            return variant_names[i];
    return NULL;
}

int sg_variants_parse(unsigned *mask, const char *spec)
{
    if (!mask || !spec)
        return SG_ERR_INVALID;
    while (*spec == ' ')
        spec++;
    unsigned v = *spec == '-' ? SG_VARIANT_ALL : 0;
    const char *p = spec;
    while (*p) {
        size_t n = strcspn(p, ", ");
        int off = *p == '-';
        const char *w = p + off;
        size_t wl = n - (size_t)off;
        unsigned bits = 0;
        if (wl == 3 && !memcmp(w, "all", 3))
            bits = SG_VARIANT_ALL;
        else if (wl == 4 && !memcmp(w, "none", 4) && !off)
            v = 0;
        else
            for (size_t i = 0; i < NVARIANTS; i++)
                if (strlen(variant_names[i]) == wl && !memcmp(w, variant_names[i], wl))
                    bits = 1u << i;
        if (!bits && !(wl == 4 && !memcmp(w, "none", 4) && !off))
            return SG_ERR_INVALID;
        v = off ? v & ~bits : v | bits;
        p += n;
        while (*p == ',' || *p == ' ')
            p++;
    }
    *mask = v;
    return SG_OK;
}

int sg_function_word(const char *t, size_t n)
{
    switch (n) {
    case 1: return t[0] == 'd' || t[0] == 'l';
    case 2:
        return (t[0] == 'd' && (t[1] == 'e' || t[1] == 'u')) ||
               (t[0] == 'l' && (t[1] == 'a' || t[1] == 'e'));
    case 3: return (t[0] == 'd' || t[0] == 'l') && t[1] == 'e' && t[2] == 's';
    default: return 0;
    }
}

void sg_saint(const char **t, size_t *n)
{
    if (*n == 2 && (*t)[0] == 's' && (*t)[1] == 't') {
        *t = "saint";
        *n = 5;
    } else if (*n == 3 && (*t)[0] == 's' && (*t)[1] == 't' && (*t)[2] == 'e') {
        *t = "sainte";
        *n = 6;
    }
}

static int word_is(const char *t, size_t n, const char *w)
{
    return n > 0 && w[0] == t[0] && strlen(w) == n && !memcmp(t, w, n);
}

/* Generic heads, in full and as acronyms, longest first. */
static const char *const heads[][2] = {{"centre hospitalier regional universitaire", "chru"},
                                       {"centre hospitalier universitaire", "chu"},
                                       {"centre hospitalier intercommunal", "chi"},
                                       {"centre hospitalier regional", "chr"},
                                       {"centre hospitalier specialise", "chs"},
                                       {"centre hospitalier", "ch"}};
#define NHEADS (sizeof(heads) / sizeof(*heads))

/* A head acronym must be in capitals in the text ("ch" is no word, but the
 * press does not write it so). */
int sg_head_acronym(const char *t, size_t n)
{
    for (size_t k = 0; k < NHEADS; k++)
        if (word_is(t, n, heads[k][1]))
            return 1;
    return 0;
}

/* Words after which one lower-case word may be inserted ("clinique
 * marseillaise Bouchard"). */
int sg_generic_head(const char *t, size_t n)
{
    static const char *const g[] = {"clinique",  "hopital",     "polyclinique", "institut",
                                    "centre",    "fondation",   "groupe",       "maison",
                                    "residence", "laboratoire", "hopitaux"};
    for (size_t k = 0; k < sizeof(g) / sizeof(*g); k++)
        if (word_is(t, n, g[k]))
            return 1;
    return 0;
}

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
                                         {"etablissements", "etablissement"}};
#define NPLURALS (sizeof(plurals) / sizeof(*plurals))

/* Regions after a name ("ARS Paca"), as skeleton tails and folded texts. */
static const char *const regions[] = {"provence alpes cote azur", "paca", "region sud",
                                      "paca corse"};
static const char *const region_texts[] = {"paca", "provence alpes cote d'azur", "region sud",
                                           "paca corse", "sud paca"};

/* ---- compiling ---- */

static uint64_t hash_bytes(uint64_t h, const char *t, size_t n)
{
    for (size_t k = 0; k < n; k++)
        h = sg_prefix_step(h, (unsigned char)t[k]);
    return h;
}

/* Adds skeleton k[0, n) (words one space apart) of `entity`. */
static int add_skel(sg_matcher *m, uint32_t entity, const char *k, size_t n, unsigned words,
                    uint16_t needs)
{
    if ((words < 2 && !(needs & SKEL_CONFIRM)) || n == 0 || n > SKEL_MAX ||
        m->nskels >= UINT32_MAX - 1)
        return 0;
    skel_rec sk = {
        entity, (uint32_t)n, 0, SG_TRIE_NONE, needs, (unsigned char)(words > 255 ? 255 : words), 0};
    if (sg_matcher_text(m, k, n, &sk.text_off) ||
        sg_grow((void **)&m->skels, &m->skels_cap, m->nskels + 1, sizeof(skel_rec)) ||
        sg_grow((void **)&m->fuzzy_next, &m->fuzzy_cap, m->nskels + 1, sizeof(uint32_t)))
        return SG_ERR_NOMEM;
    uint32_t id = (uint32_t)m->nskels++;
    m->fuzzy_next[id] = SG_TRIE_NONE;
    size_t letters = 0;
    for (size_t c = 0; c < n; c++)
        letters += k[c] != ' ';
    /* a long name read fuzzily starts with its first word as written; people's
     * names are not read so (a misspelt name is most often another person) */
    int fuzzy = !(needs & ~SG_VARIANT_FUNCTION_WORDS) && words >= 3 && letters >= FUZZY_MIN &&
                !m->is_person[entity];
    uint64_t h = SG_PREFIX_SEED;
    prefix_rec *r = NULL;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || k[i] == ' ') {
            if (!(r = sg_prefix_get(m, h)))
                return SG_ERR_NOMEM;
            if (fuzzy && i < n && !memchr(k, ' ', i)) {
                /* a first word that starts many long names ("centre") would make
                 * every "Centre" of the text compare them all: such names have no
                 * fuzzy reading */
                unsigned chain = 0;
                prefix_ext *x = &m->prefix_ext[r - m->prefixes];
                for (uint32_t v = sg_prefix_fuzzy(m, r); v != SG_TRIE_NONE && chain <= FUZZY_CHAIN;
                     v = m->fuzzy_next[v])
                    chain++;
                if (chain < FUZZY_CHAIN) {
                    m->fuzzy_next[id] = sg_prefix_fuzzy(m, r);
                    x->fuzzy = id;
                    r->key |= PREFIX_FUZZY;
                }
            }
        }
        if (i < n)
            h = sg_prefix_step(h, (unsigned char)k[i]);
    }
    sk.next = sg_prefix_skel(m, r);
    m->prefix_ext[r - m->prefixes].skel = id;
    r->key |= PREFIX_SKEL;
    m->skels[id] = sk;
    return 0;
}

/* The heads of skeleton k[0, n) in their other form: "centre hospitalier
 * toulon" -> "ch toulon" and back. Writes it to out (SKEL_MAX) and returns
 * its length, or 0. */
static size_t other_head(const char *k, size_t n, char *out, unsigned *words)
{
    for (size_t h = 0; h < NHEADS; h++)
        for (int side = 0; side < 2; side++) {
            const char *from = heads[h][side], *to = heads[h][!side];
            size_t fl = strlen(from), tl = strlen(to);
            if (n <= fl || memcmp(k, from, fl) || k[fl] != ' ' || n - fl + tl > SKEL_MAX)
                continue;
            memcpy(out, to, tl);
            memcpy(out + tl, k + fl, n - fl);
            unsigned w = 1;
            for (size_t i = 0; i < n - fl + tl; i++)
                w += out[i] == ' ';
            *words = w;
            return n - fl + tl;
        }
    return 0;
}

/* The letters of an acronym ("aphm" for "ap hm", "c.h.u"). */
static size_t letters_of(const char *t, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < FORM_MAX; i++)
        if ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= '0' && t[i] <= '9') ||
            (unsigned char)t[i] >= 0x80)
            out[k++] = t[i];
    return k;
}

/* `ascii`: the alias as written has no accent, so that its title case may
 * be read ("Igas"; "État" is a word, not ÉTAT). */
static int add_form(sg_matcher *m, uint32_t alias, const char *t, size_t n, int ascii)
{
    char l[FORM_MAX];
    size_t ln = letters_of(t, n, l), alpha = 0;
    for (size_t i = 0; i < ln; i++)
        alpha += l[i] >= 'a' && l[i] <= 'z';
    if (ln < 2 || alpha < 2 || ln == FORM_MAX)
        return 0;
    if ((m->nforms + 1) * 2 > m->forms_mask + 1 || !m->forms) {
        size_t nmask = m->forms ? m->forms_mask * 2 + 1 : 63;
        uint64_t *t2 = calloc(nmask + 1, sizeof(uint64_t));
        if (!t2)
            return SG_ERR_NOMEM;
        for (size_t i = 0; m->forms && i <= m->forms_mask; i++)
            if (m->forms[i]) {
                size_t j = (size_t)((m->forms[i] >> 32) & 0x7FFFFFFF) & nmask;
                while (t2[j])
                    j = (j + 1) & nmask;
                t2[j] = m->forms[i];
            }
        free(m->forms);
        m->forms = t2;
        m->forms_mask = nmask;
    }
    uint64_t fp = hash_bytes(SG_PREFIX_SEED, l, ln) >> 33;
    size_t j = (size_t)fp & m->forms_mask;
    while (m->forms[j])
        j = (j + 1) & m->forms_mask;
    m->forms[j] = (uint64_t)(ascii != 0) << 63 | fp << 32 | (uint64_t)(alias + 1);
    if (ascii && ln >= 4 && ln <= 8 && alpha == ln)
        m->title_letters[ln] |= 1u << (l[0] - 'a');
    m->nforms++;
    return 0;
}

static int add_derived(sg_matcher *m, uint32_t entity, const char *k, size_t n, uint16_t needs);

int sg_variants_add(sg_matcher *m, uint32_t entity, uint32_t alias, const char *written,
                    const char *t, const unsigned char *fl, size_t n, unsigned char mode)
{
    if (!m->allowed[entity])
        return 0;
    if (mode != MODE_ACRONYM &&
        !(m->allowed[entity] & ~(SG_VARIANT_ACRONYM_FORMS | SG_VARIANT_DEFINED)))
        return 0; /* no skeleton needed */
    if (mode == MODE_ACRONYM) {
        int ascii = 1;
        for (const char *c = written; *c; c++)
            ascii &= (unsigned char)*c < 0x80;
        return add_form(m, alias, t, n, ascii);
    }
    char k[SKEL_MAX], k2[SKEL_MAX];
    size_t kn = 0;
    unsigned words = 0, dropped = 0, town = 0;
    for (size_t i = 0; i < n;) {
        if (!(fl[i] & SG_F_ALNUM)) {
            i++;
            continue;
        }
        size_t e = i;
        while (e < n && (fl[e] & SG_F_ALNUM))
            e++;
        if (sg_function_word(t + i, e - i)) {
            dropped = 1;
            /* "de", "d'", "du" before the last words: a town, maybe */
            if (t[i] == 'd' && words > 0)
                town = words;
        } else {
            const char *wd = t + i;
            size_t wn = e - i;
            sg_saint(&wd, &wn);
            if (kn + (words > 0) + wn > SKEL_MAX)
                return 0;
            if (words++)
                k[kn++] = ' ';
            memcpy(k + kn, wd, wn);
            kn += wn;
        }
        i = e;
    }
    uint16_t needs = dropped ? SG_VARIANT_FUNCTION_WORDS : 0;
    size_t first = m->nskels;
    int rc = add_skel(m, entity, k, kn, words, needs);
    if (!rc && m->nskels > first && town && town < words && words - town <= 3)
        m->skels[first].town = (unsigned char)town;
    unsigned w2 = 0;
    size_t n2 = rc ? 0 : other_head(k, kn, k2, &w2);
    if (n2)
        rc = add_skel(m, entity, k2, n2, w2, needs | SG_VARIANT_HEADS);
    /* an organisation's name with its first words as an acronym, in capitals:
     * "IHU Méditerranée Infection" for "Institut hospitalo-universitaire
     * Méditerranée Infection" (the acronym of three or four words, two words or
     * more after it) */
    if (!rc && words >= 4 && !m->is_person[entity] && !m->is_place[entity] &&
        (m->allowed[entity] & SG_VARIANT_HEADS)) {
        for (unsigned a = 3; a <= 4 && a + 2 <= words && !rc; a++) {
            size_t p = 0, q = 0, o = 0;
            unsigned w = 0;
            for (; p < kn && w < a; w++) { /* the initials */
                k2[o++] = k[p];
                while (p < kn && k[p] != ' ')
                    p++;
                p++;
            }
            if ((unsigned char)k2[0] >= 0x80)
                continue;
            for (q = 0; q < o; q++)
                if ((unsigned char)k2[q] >= 0x80 || !(k2[q] >= 'a' && k2[q] <= 'z'))
                    break;
            if (q < o || o + 1 + (kn - p) > SKEL_MAX)
                continue;
            k2[o++] = ' ';
            memcpy(k2 + o, k + p, kn - p);
            rc = add_derived(m, entity, k2, o + kn - p,
                             (uint16_t)(needs | SG_VARIANT_HEADS | SKEL_UPPER1));
            if (!rc && a >= 3)
                rc = sg_trie_insert(m->heads, k2, o - 1, entity);
        }
    }
    return rc;
}

/* Is skeleton k[0, n) already a name or a skeleton of some entity? */
static int taken(const sg_matcher *m, const char *k, size_t n)
{
    const prefix_rec *r = sg_prefix_lookup(m, hash_bytes(SG_PREFIX_SEED, k, n));
    if (!r)
        return 0;
    for (uint32_t v = sg_prefix_skel(m, r); v != SG_TRIE_NONE; v = m->skels[v].next)
        if (m->skels[v].len == n && !memcmp(m->texts + m->skels[v].text_off, k, n))
            return 1;
    for (uint32_t v = r->alias; v != SG_TRIE_NONE; v = m->aliases[v].next)
        if (m->aliases[v].len == n && !memcmp(m->texts + m->aliases[v].text_off, k, n))
            return 1;
    return 0;
}

/* Adds k[0, n), a reading of an entity's name in other words, unless a name
 * or a skeleton of another entity already reads so; when another entity's
 * derived reading is the same text, neither is kept ("hôpital de Marseille"
 * for two hospitals of Marseille names neither). */
static int add_derived(sg_matcher *m, uint32_t entity, const char *k, size_t n, uint16_t needs)
{
    const prefix_rec *r = sg_prefix_lookup(m, hash_bytes(SG_PREFIX_SEED, k, n));
    if (r) {
        for (uint32_t v = r->key & PREFIX_WHOLE ? r->alias : SG_TRIE_NONE; v != SG_TRIE_NONE;
             v = m->aliases[v].next)
            if (m->aliases[v].len == n && !memcmp(m->texts + m->aliases[v].text_off, k, n))
                return 0;
        for (uint32_t v = sg_prefix_skel(m, r); v != SG_TRIE_NONE; v = m->skels[v].next) {
            skel_rec *sk = &m->skels[v];
            if (sk->len != n || memcmp(m->texts + sk->text_off, k, n))
                continue;
            if (sk->entity != entity && (sk->needs & SKEL_DERIVED))
                sk->needs |= SKEL_DEAD;
            return 0;
        }
    }
    unsigned words = 1;
    for (size_t i = 0; i < n; i++)
        words += k[i] == ' ';
    return add_skel(m, entity, k, n, words, (uint16_t)(needs | SKEL_DERIVED));
}

/* Heads the press drops before a proper name ("Sainte-Musse" for "Hôpital
 * Sainte-Musse", "Paoli-Calmettes" for "Institut Paoli-Calmettes"). */
static const char *const droppable[] = {"centre hospitalier ", "hopital prive ", "hopital ",
                                        "clinique privee ",    "clinique ",      "polyclinique ",
                                        "institut ",           "fondation "};

/* The readings of skeleton `sk` with its generic head in other words: "hopital
 * arles" for "centre hospitalier arles" (the press's usual name of a town's
 * hospital), and the proper name alone, in capitals, when it has two words or
 * more and no other entity reads so. */
static int head_readings(sg_matcher *m, skel_rec sk)
{
    char k[SKEL_MAX], buf[SKEL_MAX]; /* (a copy: adding a skeleton may move m->texts) */
    memcpy(k, m->texts + sk.text_off, sk.len);
    if (!(m->allowed[sk.entity] & SG_VARIANT_HEADS) || (sk.needs & SKEL_DERIVED) ||
        (sk.needs & SG_VARIANT_HEADS))
        return 0;
    uint16_t needs = (uint16_t)(sk.needs | SG_VARIANT_HEADS);
    /* a hospital's head in its other words: "hôpital de X", "centre hospitalier
     * de X", "CH de X" for one another, and for "centre hospitalier
     * intercommunal de X" / "CHI de X" */
    static const char *const hospital[] = {"centre hospitalier intercommunal ", "chi ",
                                           "centre hospitalier ", "ch ", "hopital "};
    static const char *const longer[] = {"universitaire", "regional", "specialise", "prive"};
    size_t hl = 0;
    for (size_t c = 0; c < sizeof(hospital) / sizeof(*hospital) && !hl; c++) {
        size_t cl = strlen(hospital[c]);
        int plain = sk.len > cl && !memcmp(k, hospital[c], cl);
        for (size_t l = 0; l < sizeof(longer) / sizeof(*longer) && plain; l++)
            plain = strncmp(k + cl, longer[l], strlen(longer[l])) != 0;
        if (plain)
            hl = cl;
    }
    unsigned head_words = 0;
    for (size_t i = 0; i < hl; i++)
        head_words += k[i] == ' ';
    for (size_t c = 2; hl && c < sizeof(hospital) / sizeof(*hospital); c++) {
        size_t cl = strlen(hospital[c]);
        if (cl + sk.len - hl > SKEL_MAX || (cl == hl && !memcmp(k, hospital[c], cl)))
            continue;
        memcpy(buf, hospital[c], cl);
        memcpy(buf + cl, k + hl, sk.len - hl);
        if (add_derived(m, sk.entity, buf, cl + sk.len - hl, needs))
            return SG_ERR_NOMEM;
    }
    /* a name with a town at its end, "Centre hospitalier Joseph-Imbert d'Arles":
     * the press says "centre hospitalier d'Arles" and "hôpital Joseph-Imbert" */
    if (hl && sk.town > head_words) {
        size_t ts = 0; /* where the town's words start */
        for (unsigned w = 0; ts < sk.len && w < sk.town; ts++)
            w += k[ts] == ' ';
        for (size_t c = 2; c < sizeof(hospital) / sizeof(*hospital); c++) {
            size_t cl = strlen(hospital[c]);
            if (cl + sk.len > SKEL_MAX)
                continue;
            memcpy(buf, hospital[c], cl); /* head + town */
            memcpy(buf + cl, k + ts, sk.len - ts);
            if (add_derived(m, sk.entity, buf, cl + sk.len - ts, needs))
                return SG_ERR_NOMEM;
            if (ts - 1 > hl) { /* head + proper name */
                memcpy(buf + cl, k + hl, ts - 1 - hl);
                if (add_derived(m, sk.entity, buf, cl + ts - 1 - hl, needs))
                    return SG_ERR_NOMEM;
            }
        }
    }
    for (size_t d = 0; d < sizeof(droppable) / sizeof(*droppable); d++) {
        size_t dl = strlen(droppable[d]);
        if (sk.len <= dl || memcmp(k, droppable[d], dl))
            continue;
        unsigned dw = 0;
        for (size_t i = 0; i < dl; i++)
            dw += k[i] == ' ';
        if (sk.town && sk.town <= dw)
            continue; /* what is left is a town ("Hôpital de Martigues"): the town */
        const char *rest = k + dl;
        size_t rl = sk.len - dl;
        unsigned words = 1;
        for (size_t i = 0; i < rl; i++)
            words += rest[i] == ' ';
        memcpy(buf, rest, rl);
        /* one word ("Beauregard" for "Hôpital privé Beauregard"): only where the
         * document names the hospital in full too */
        uint16_t dn = (uint16_t)(needs | SKEL_CAPITALS | (words < 2 ? SKEL_CONFIRM : 0));
        if ((words >= 2 || rl >= 5) && !taken(m, buf, rl) && add_derived(m, sk.entity, buf, rl, dn))
            return SG_ERR_NOMEM;
    }
    return 0;
}

int sg_variants_finish(sg_matcher *m)
{
    size_t n0 = m->nskels;
    for (size_t i = 0; i < n0; i++)
        if (head_readings(m, m->skels[i]))
            return SG_ERR_NOMEM;
    for (size_t i = 0; i < n0; i++) {
        skel_rec sk = m->skels[i];
        if (!(m->allowed[sk.entity] & SG_VARIANT_REGION) || (sk.needs & SG_VARIANT_REGION))
            continue;
        for (size_t r = 0; r < sizeof(regions) / sizeof(*regions); r++) {
            size_t rl = strlen(regions[r]);
            const char *k = m->texts + sk.text_off;
            if (sk.len <= rl + 1 || memcmp(k + sk.len - rl, regions[r], rl) ||
                k[sk.len - rl - 1] != ' ')
                continue;
            size_t n = sk.len - rl - 1;
            unsigned words = 1;
            for (size_t c = 0; c < n; c++)
                words += k[c] == ' ';
            char buf[SKEL_MAX];
            memcpy(buf, k, n);
            if (!taken(m, buf, n) &&
                add_skel(m, sk.entity, buf, n, words, (uint16_t)(sk.needs | SG_VARIANT_REGION)))
                return SG_ERR_NOMEM;
            /* and with the region in its other names ("Agence régionale de santé
             * Paca" for "... Provence-Alpes-Côte d'Azur") */
            for (size_t r2 = 0; r2 < sizeof(regions) / sizeof(*regions); r2++) {
                size_t r2l = strlen(regions[r2]);
                if (r2 == r || n + 1 + r2l > SKEL_MAX || words < 2)
                    continue; /* ("région Paca" is the territory as often as the body) */
                buf[n] = ' ';
                memcpy(buf + n + 1, regions[r2], r2l);
                unsigned w2 = words + 1;
                for (size_t c = 0; c < r2l; c++)
                    w2 += regions[r2][c] == ' ';
                if (!taken(m, buf, n + 1 + r2l) &&
                    add_skel(m, sk.entity, buf, n + 1 + r2l, w2,
                             (uint16_t)(sk.needs | SG_VARIANT_REGION)))
                    return SG_ERR_NOMEM;
            }
        }
    }
    return 0;
}

/* ---- reading the text ---- */

typedef struct {
    uint64_t h;
    char buf[SKEL_MAX];
    size_t len;
    unsigned words;
} skel_state;

static void state_add(skel_state *st, const char *w, size_t n)
{
    if (st->words++) {
        st->buf[st->len++] = ' ';
        st->h = sg_prefix_step(st->h, ' ');
    }
    memcpy(st->buf + st->len, w, n);
    st->len += n;
    st->h = hash_bytes(st->h, w, n);
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

typedef struct {
    size_t end, paren;
    uint32_t entity;
    int confirm; /* a guarded reading (SKEL_CONFIRM) */
} reading;

static int all_upper(const sg_folded *f, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (f->flags[k] & SG_F_LOWER)
            return 0;
    return 1;
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

/* Can a proper name alone start at i ("Sainte-Musse" for the hospital)? Not
 * after a capitalised word (part of a longer name) nor after a lower-case
 * noun or adjective ("groupe Sainte Marguerite", "centre diététique
 * Saint-Jean" are other bodies); after a preposition, an article, "et", a
 * punctuation mark or at the start, yes. */
static int proper_context(const sg_folded *f, size_t i)
{
    static const char *const small[] = {"a",     "au",   "aux",   "avec",  "chez", "dans",
                                        "entre", "en",   "et",    "ou",    "par",  "pour",
                                        "sur",   "vers", "selon", "contre"};
    size_t p = i;
    while (p > 0 && (f->text[p - 1] == ' ' || f->text[p - 1] == '\''))
        p--;
    if (p == 0 || !(f->flags[p - 1] & SG_F_ALNUM))
        return 1;
    size_t ps = p;
    while (ps > 0 && (f->flags[ps - 1] & SG_F_ALNUM))
        ps--;
    if (f->flags[ps] & SG_F_UPPER)
        return 0;
    if (sg_function_word(f->text + ps, p - ps))
        return 1;
    for (size_t k = 0; k < sizeof(small) / sizeof(*small); k++)
        if (word_is(f->text + ps, p - ps, small[k]))
            return 1;
    return 0;
}

uint32_t sg_skel_clean(const sg_matcher *m, const prefix_rec *r, const sg_folded *f, size_t i,
                       size_t j, int capitals, int *confirm)
{
    uint32_t best = SG_TRIE_NONE;
    for (uint32_t v = sg_prefix_skel(m, r); v != SG_TRIE_NONE; v = m->skels[v].next) {
        const skel_rec *sk = &m->skels[v];
        if (sk->len != j - i || memcmp(m->texts + sk->text_off, f->text + i, j - i) ||
            (sk->needs & SG_VARIANT_ALL & ~(unsigned)m->allowed[sk->entity]) ||
            ((sk->needs & SKEL_CAPITALS) && (!capitals || !proper_context(f, i))) ||
            (sk->needs & SKEL_DEAD) || ((sk->needs & SKEL_UPPER1) && !upper_word(f, i)))
            continue;
        if (best == SG_TRIE_NONE || m->rank[sk->entity] < m->rank[best]) {
            best = sk->entity;
            *confirm = (sk->needs & SKEL_CONFIRM) != 0;
        }
    }
    return best;
}

/* Walks the text from word start j on, in skeleton space, after the words of
 * `st`: the longest skeleton whose entity allows every variant the reading
 * needs (`used`: those of the caller). Returns 1 and fills *out when found. */
static int skel_walk(const sg_matcher *m, const sg_folded *f, size_t j, skel_state *sp,
                     unsigned used, reading *out)
{
    const char *t = f->text;
    const unsigned char *fl = f->flags;
    int found = 0, inserted = 0;
    size_t paren = 0;
    const skel_rec *best = NULL;
    unsigned first_head = 0;
    int capitals = 1; /* every content word so far starts with a capital */
    size_t start = j;
    while (j < f->len && (fl[j] & SG_F_ALNUM)) {
        size_t we = j;
        while (we < f->len && (fl[we] & SG_F_ALNUM))
            we++;
        size_t wl = we - j;
        const char *wt = t + j; /* the word, "st" read "saint" */
        sg_saint(&wt, &wl);
        if (sg_function_word(t + j, wl)) {
            if (!sp->words)
                return 0;
            used |= SG_VARIANT_FUNCTION_WORDS;
        } else {
            if (sp->len + 1 + wl > SKEL_MAX || (sg_head_acronym(wt, wl) && !all_upper(f, j, we)))
                break;
            uint64_t h = sp->h;
            if (sp->words)
                h = sg_prefix_step(h, ' ');
            h = hash_bytes(h, wt, wl);
            const prefix_rec *r = sg_prefix_lookup(m, h);
            if (!r) {
                /* one lower-case word after a generic head */
                if (sp->words == 1 && first_head && !inserted && wl >= 4 && !(fl[j] & SG_F_UPPER)) {
                    inserted = 1;
                    used |= SG_VARIANT_INSERTED;
                    goto separator;
                }
                break;
            }
            if (!sp->words)
                first_head = (unsigned)sg_generic_head(wt, wl);
            capitals &= (fl[j] & (SG_F_UPPER | SG_F_LOWER)) != SG_F_LOWER; /* (digits pass) */
            state_add(sp, wt, wl);
            for (uint32_t v = sg_prefix_skel(m, r); v != SG_TRIE_NONE; v = m->skels[v].next) {
                const skel_rec *sk = &m->skels[v];
                unsigned need = (sk->needs | used) & SG_VARIANT_ALL;
                if (sk->len != sp->len || memcmp(m->texts + sk->text_off, sp->buf, sp->len) ||
                    (need & ~(unsigned)m->allowed[sk->entity]) ||
                    ((sk->needs & SKEL_CAPITALS) && (!capitals || !proper_context(f, start))) ||
                    (sk->needs & SKEL_DEAD) || ((sk->needs & SKEL_UPPER1) && !upper_word(f, start)))
                    continue;
                if (!best || best->entity == sk->entity ||
                    m->rank[sk->entity] < m->rank[best->entity] || out->end != we) {
                    if (best && out->end == we && m->rank[sk->entity] > m->rank[best->entity])
                        continue;
                    best = sk;
                    out->end = we;
                    out->entity = sk->entity;
                    out->paren = paren;
                    out->confirm = (sk->needs & SKEL_CONFIRM) != 0;
                    found = 1;
                }
            }
        }
    separator:
        j = we;
        while (j < f->len && !(fl[j] & SG_F_ALNUM)) {
            if (t[j] == ' ' || t[j] == '\'') {
                j++;
            } else if (t[j] == '(' && sp->words && !paren && 1) {
                size_t e = paren_end(f, j);
                if (!e)
                    return found;
                paren = j;
                used |= SG_VARIANT_INTERRUPTED;
                j = e;
            } else {
                return found;
            }
        }
    }
    return found;
}

/* An acronym at word start i in another form than the gazetteer's: its
 * letters and digits, in capitals, parted by dots or hyphens ("A.P.-H.M.",
 * "APHM" for AP-HM). Returns the end of the form and its entity. */
static size_t form_at(const sg_matcher *m, const sg_folded *f, const char *s, size_t i,
                      uint32_t *entity, int *titled)
{
    const char *t = f->text;
    const unsigned char *fl = f->flags;
    char l[FORM_MAX];
    size_t ln = 0, k = i, end = i;
    int title = 0; /* "Chits", "Igas", "Inserm": an acronym of four letters or more in
                      title case, where no sentence starts */
    if (i + 1 < f->len && (fl[i + 1] & SG_F_LOWER)) {
        /* title case: most capitalised words; rule them out cheaply */
        size_t p = i, e = i;
        while (e < f->len && (fl[e] & SG_F_ALNUM) && e - i <= 8)
            e++;
        while (p > 0 && t[p - 1] == ' ')
            p--;
        if (e - i < 4 || e - i > 8 || (e < f->len && (fl[e] & SG_F_ALNUM)) || t[i] < 'a' ||
            t[i] > 'z' || !(m->title_letters[e - i] & (1u << (t[i] - 'a'))) || p == 0 ||
            t[p - 1] == '.' || t[p - 1] == '!' || t[p - 1] == '?' || t[p - 1] == '\n' ||
            t[p - 1] == ':' || t[p - 1] == '"')
            return 0;
    }
    for (;;) {
        while (k < f->len && (fl[k] & SG_F_ALNUM)) {
            if (((fl[k] & SG_F_LOWER) && (k == i || !(title = k == i + 1 || title))) ||
                ln == FORM_MAX)
                return 0;
            l[ln++] = t[k++];
        }
        if (title) {
            size_t p = i;
            while (p > 0 && t[p - 1] == ' ')
                p--;
            if (ln < 4 || ln > 8 || p == 0 || t[p - 1] == '.' || t[p - 1] == '!' ||
                t[p - 1] == '?' || t[p - 1] == '\n' || t[p - 1] == ':' || t[p - 1] == '"')
                return 0;
            end = k;
            break;
        }
        end = k;
        if (k + 1 >= f->len)
            break;
        if (t[k] == '.') {
            size_t n = k + 1;
            if (t[n] == ' ' && n + 1 < f->len)
                n++;
            if (!(fl[n] & SG_F_UPPER))
                break;
            k = n;
        } else if (t[k] == ' ' && (s[f->src[k]] == '-' || s[f->src[k]] == '&') &&
                   (fl[k + 1] & SG_F_UPPER)) {
            k++;
        } else if (t[k] == '&' && (fl[k + 1] & SG_F_UPPER)) {
            k++;
        } else {
            break;
        }
    }
    if (ln < 2 || !m->forms)
        return 0;
    uint64_t fp = hash_bytes(SG_PREFIX_SEED, l, ln) >> 33;
    const alias_rec *best = NULL;
    for (size_t j = (size_t)fp & m->forms_mask; m->forms[j]; j = (j + 1) & m->forms_mask) {
        if (((m->forms[j] >> 32) & 0x7FFFFFFF) != fp || (title && !(m->forms[j] >> 63)))
            continue;
        const alias_rec *a = &m->aliases[(uint32_t)(m->forms[j] & 0xFFFFFFFF) - 1];
        char al[FORM_MAX];
        size_t an = letters_of(m->texts + a->text_off, a->len, al);
        if (an == ln && !memcmp(al, l, ln) && (m->allowed[a->entity] & SG_VARIANT_ACRONYM_FORMS) &&
            (!best || m->rank[a->entity] < m->rank[best->entity]))
            best = a;
    }
    if (!best)
        return 0;
    *entity = best->entity;
    *titled = title;
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

/* A fuzzy reading at word start i of a long name whose first word is there. */
static int fuzzy_at(const sg_matcher *m, const sg_folded *f, size_t i, const prefix_rec *r,
                    sg_hits *hits)
{
    const char *t = f->text;
    const unsigned char *fl = f->flags;
    /* the text's second content word, once: most candidates differ there */
    size_t a = i, b;
    while (a < f->len && (fl[a] & SG_F_ALNUM))
        a++;
    for (;;) {
        while (a < f->len && (t[a] == ' ' || t[a] == '\''))
            a++;
        if (a >= f->len || !(fl[a] & SG_F_ALNUM))
            return 0;
        b = a;
        while (b < f->len && (fl[b] & SG_F_ALNUM))
            b++;
        if (!sg_function_word(t + a, b - a))
            break;
        a = b;
    }
    for (uint32_t v = sg_prefix_fuzzy(m, r); v != SG_TRIE_NONE; v = m->fuzzy_next[v]) {
        const skel_rec *sk = &m->skels[v];
        const char *k = m->texts + sk->text_off, *kend = k + sk->len;
        const char *k2 = memchr(k, ' ', sk->len);
        if (!k2 || k2[1] != t[a] || !(m->allowed[sk->entity] & SG_VARIANT_FUZZY))
            continue; /* (close words start alike) */
        const char *k3 = memchr(k2 + 1, ' ', (size_t)(kend - k2 - 1));
        size_t l2 = (size_t)((k3 ? k3 : kend) - k2 - 1);
        if (l2 + 3 < b - a || b - a + 3 < l2)
            continue; /* (nor differ much in length) */
        size_t j = i, end = i;
        unsigned diff = 0, words = 0;
        int ok = 1;
        while (k < kend) {
            const char *sp = memchr(k, ' ', (size_t)(kend - k));
            size_t kl = sp ? (size_t)(sp - k) : (size_t)(kend - k);
            size_t we;
            for (;;) { /* the next text word, function words skipped */
                if (j >= f->len || !(fl[j] & SG_F_ALNUM)) {
                    ok = 0;
                    break;
                }
                we = j;
                while (we < f->len && (fl[we] & SG_F_ALNUM))
                    we++;
                if (!words || !sg_function_word(t + j, we - j))
                    break;
                j = we;
                while (j < f->len && (t[j] == ' ' || t[j] == '\''))
                    j++;
            }
            if (!ok)
                break;
            if (we - j != kl || memcmp(t + j, k, kl)) {
                if (!close_words(t + j, we - j, k, kl)) {
                    ok = 0;
                    break;
                }
                diff++;
            }
            words++;
            end = we;
            j = we;
            while (j < f->len && (t[j] == ' ' || t[j] == '\''))
                j++;
            k += kl + (sp != NULL);
        }
        if (ok && diff >= 1 && diff * 3 <= words &&
            sg_hits_push(hits, i, end, sk->entity, SG_HIT_FUZZY))
            return SG_ERR_NOMEM;
    }
    return 0;
}

/* "les hôpitaux Font-Pré et Chalucet": the names after a plural head, each
 * read with the head in the singular. */
static int shared_at(const sg_matcher *m, const sg_folded *f, size_t i, sg_hits *hits)
{
    const char *t = f->text;
    size_t j = 0;
    const char *singular = NULL;
    for (size_t p = 0; p < NPLURALS && !singular; p++) {
        if (t[i] != plurals[p][0][0])
            continue;
        size_t pl = strlen(plurals[p][0]);
        if (i + pl < f->len && !memcmp(t + i, plurals[p][0], pl) && t[i + pl] == ' ') {
            singular = plurals[p][1];
            j = i + pl + 1;
        }
    }
    if (!singular)
        return 0;
    skel_state st = {SG_PREFIX_SEED, {0}, 0, 0};
    const char *w = singular;
    while (*w) {
        size_t n = strcspn(w, " ");
        state_add(&st, w, n);
        w += n + (w[n] == ' ');
    }
    for (unsigned c = 0; c < CONJUNCTS_MAX && j < f->len; c++) {
        /* function words before the name ("et de la Conception") */
        for (;;) {
            size_t we = j;
            while (we < f->len && (f->flags[we] & SG_F_ALNUM))
                we++;
            if (we == j || !sg_function_word(t + j, we - j) || we >= f->len ||
                (t[we] != ' ' && t[we] != '\''))
                break;
            j = we + 1;
        }
        if (j >= f->len || !(f->flags[j] & SG_F_UPPER))
            return 0;
        reading rd = {0, 0, 0, 0};
        skel_state walk = st;
        if (!skel_walk(m, f, j, &walk, SG_VARIANT_SHARED_HEADS, &rd))
            return 0;
        if (sg_hits_push(hits, j, rd.end, rd.entity, SG_HIT_SHARED))
            return SG_ERR_NOMEM;
        /* ", ", " et ", ", et " before the next name */
        j = rd.end;
        int comma = j + 1 < f->len && t[j] == ',' && t[j + 1] == ' ';
        j += comma ? 2 : 0;
        if (j + 3 < f->len && !memcmp(t + j, "et ", 3) && comma)
            j += 3;
        else if (j + 4 < f->len && !memcmp(t + j, " et ", 4) && !comma)
            j += 4;
        else if (!comma)
            return 0;
    }
    return 0;
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
                    (m->title_letters[wl] & (1u << (f->text[i] - 'a')))))) {
        uint32_t e;
        int titled = 0;
        size_t end = form_at(m, f, s, i, &e, &titled);
        if (end <= w->name_end)
            end = 0; /* a name as long starts there: it wins */
        if (end && sg_hits_push(hits, i, end, e, SG_HIT_FORM))
            return SG_ERR_NOMEM;
        /* in title case, only where the document names the entity otherwise
         * ("l'État" is no form of ÉTAT in a text that does not name it) */
        if (end && titled)
            hits->v[hits->n - 1].guard = SG_GUARD_CONFIRM;
    }
    if (sg_function_word(f->text + i, we - i))
        return 0;
    if (r && !w->dirty && w->skel_end > w->name_end) {
        /* read by the name's own walk (words one space apart) */
        if (sg_hits_push(hits, i, w->skel_end, w->skel_entity, SG_HIT_VARIANT))
            return SG_ERR_NOMEM;
        if (w->skel_confirm)
            hits->v[hits->n - 1].guard = SG_GUARD_CONFIRM;
        named = 1;
    } else if (r && w->dirty) {
        skel_state st;
        st.h = SG_PREFIX_SEED;
        st.len = 0;
        st.words = 0;
        reading rd = {0, 0, 0, 0};
        if (skel_walk(m, f, i, &st, 0, &rd) && rd.end > w->name_end) {
            if (sg_hits_push(hits, i, rd.end, rd.entity, SG_HIT_VARIANT))
                return SG_ERR_NOMEM;
            hits->v[hits->n - 1].paren = rd.paren;
            if (rd.confirm)
                hits->v[hits->n - 1].guard = SG_GUARD_CONFIRM;
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
    /* plural heads end in s or x */
    if ((m->variants & SG_VARIANT_SHARED_HEADS) && we - i >= 7 &&
        (f->text[we - 1] == 's' || f->text[we - 1] == 'x') && shared_at(m, f, i, hits))
        return SG_ERR_NOMEM;
    return 0;
}

/* Is the place at folded offset fs the town of a body the gazetteer does not
 * name, "l'hôpital de Draguignan", "la mairie de Marseille", "l'IHU de
 * Marseille": right after such a head and "de", "d'", "du"? */
static int town_of_body(const sg_folded *f, size_t fs)
{
    static const char *const bodies[] = {
        "hopital",   "hopitaux",     "hospitalier", "hospitaliers", "intercommunal", "clinique",
        "cliniques", "polyclinique", "mairie",      "prefecture",   "universite",    "faculte",
        "ihu",       "chu",          "ch",          "chi",          "chs",           "chr",
        "ehpad",     "cpam",         "tribunal",    "parquet",      "commissariat",  "gendarmerie"};
    size_t e = fs;
    while (e > 0 && (f->text[e - 1] == ' ' || f->text[e - 1] == '\''))
        e--;
    size_t b = e;
    while (b > 0 && (f->flags[b - 1] & SG_F_ALNUM))
        b--;
    if (e == fs || !(word_is(f->text + b, e - b, "de") || word_is(f->text + b, e - b, "d") ||
                     word_is(f->text + b, e - b, "du")))
        return 0;
    e = b;
    while (e > 0 && f->text[e - 1] == ' ')
        e--;
    b = e;
    while (b > 0 && (f->flags[b - 1] & SG_F_ALNUM))
        b--;
    int body = 0;
    for (size_t k = 0; k < sizeof(bodies) / sizeof(*bodies) && !body; k++)
        body = word_is(f->text + b, e - b, bodies[k]);
    if (!body)
        return 0;
    /* a named body has its article: "l'hôpital de Draguignan", "du centre
     * hospitalier de Gap"; "un directeur de clinique de Hyères" names a town */
    static const char *const articles[] = {"l",   "le",  "la",  "les", "du",  "au",
                                           "aux", "des", "son", "ses", "cet", "cette"};
    for (int back = 0; back < 3; back++) {
        e = b;
        while (e > 0 && (f->text[e - 1] == ' ' || f->text[e - 1] == '\''))
            e--;
        b = e;
        while (b > 0 && (f->flags[b - 1] & SG_F_ALNUM))
            b--;
        if (e == b)
            return 0;
        for (size_t k = 0; k < sizeof(articles) / sizeof(*articles); k++)
            if (word_is(f->text + b, e - b, articles[k]))
                return 1;
        /* "centre hospitalier (intercommunal)": the article is further back */
        if (!word_is(f->text + b, e - b, "centre") && !word_is(f->text + b, e - b, "centres") &&
            !word_is(f->text + b, e - b, "hospitalier") &&
            !word_is(f->text + b, e - b, "hospitaliers"))
            return 0;
    }
    return 0;
}

/* Is the original character at folded offset k (a ' ') a dash? */
static int dash_at(const sg_folded *f, const char *s, size_t k)
{
    const unsigned char *o = (const unsigned char *)s + f->src[k];
    size_t left = f->src[f->len] - f->src[k];
    return o[0] == '-' ||
           (left >= 3 && o[0] == 0xE2 && o[1] == 0x80 && (o[2] == 0x90 || o[2] == 0x91));
}

void sg_variants_after(const sg_matcher *m, const sg_folded *f, const char *s, size_t slen,
                       sg_hits *h)
{
    (void)slen;
    const char *t = f->text;
    const unsigned char *fl = f->flags;
    size_t out = 0;
    for (size_t i = 0; i < h->n; i++) {
        sg_hit x = h->v[i];
        if (m->is_place[x.entity] && (x.how == SG_HIT_NAME || x.how == SG_HIT_VARIANT)) {
            /* a place inside a hyphenated name: "Nice-Nord", "Aix-Marseille" */
            if (x.fe + 1 < f->len && t[x.fe] == ' ' && dash_at(f, s, x.fe) &&
                (fl[x.fe + 1] & SG_F_UPPER))
                continue;
            if (x.fs >= 2 && t[x.fs - 1] == ' ' && dash_at(f, s, x.fs - 1) &&
                (fl[x.fs - 2] & SG_F_ALNUM))
                continue;
            if (town_of_body(f, x.fs))
                continue;
        }
        if (out > 0 && m->is_place[x.entity]) {
            /* a region right after an organisation's acronym joins it: "FHF Paca" */
            sg_hit *p = &h->v[out - 1];
            int region = 0;
            for (size_t r = 0; r < sizeof(region_texts) / sizeof(*region_texts); r++)
                region |= word_is(t + x.fs, x.fe - x.fs, region_texts[r]);
            if (region && p->fe + 1 == x.fs && t[p->fe] == ' ' && !m->is_place[p->entity] &&
                !m->is_person[p->entity] && (m->allowed[p->entity] & SG_VARIANT_REGION) &&
                all_upper(f, p->fs, p->fe) && p->how <= SG_HIT_FORM) {
                p->fe = x.fe;
                p->how = p->how == SG_HIT_NAME ? SG_HIT_VARIANT : p->how;
                continue;
            }
        }
        h->v[out++] = x;
    }
    h->n = out;
}
