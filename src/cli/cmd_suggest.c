/* stakegraph suggest: the names a corpus has and the gazetteers miss, written
 * as gazetteer rows to review (SPEC §15).
 *
 * Pass 1 reads every document once, paragraph by paragraph: the gazetteers'
 * own mentions (from the extractor) mark the words already covered, and three
 * scanners look at the words of the paragraph: acronym definitions, people
 * introduced by a title, a role or a verb of saying, and capitalised
 * sequences. The candidates are merged (a definition or a person wins over
 * the same name seen as a sequence) and given ids. Pass 2 runs the extractor
 * again with the gazetteers plus the candidates, so that each row's count is
 * what `extract` would find once the row is pasted, and its example is the
 * sentence of its first mention. Both passes are linear in the corpus. */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include <stakegraph/stakegraph.h>

#include "cli.h"

static void help(FILE *f)
{
    fputs("usage: stakegraph suggest [-g PATH]... [--min-count N] [--jsonl] [-o FILE] CORPUS...\n"
          "\n"
          "Proposes the entities that the gazetteers miss, as gazetteer rows to review and\n"
          "paste: acronym definitions ('Long Form (ACR)', 'ACR (Long Form)'), acronyms in\n"
          "capitals, people introduced by a title (M., Mme, Dr, Pr), a role ('X Y, directrice\n"
          "de', 'le président de ..., X Y') or a verb of saying ('explique X Y'), and\n"
          "capitalised sequences not at the start of a sentence. Names the gazetteers\n"
          "already match are left out.\n"
          "\n"
          "The output is TSV with a header: id, label, type, aliases, count (mentions in\n"
          "the corpus once the row is added) and example (the sentence of the first one),\n"
          "sorted by count, then label. It loads as a gazetteer as it is (count and\n"
          "example become attributes). Types are guesses: check them.\n"
          "\n"
          "  CORPUS              text files, directories (every *.txt inside) or -\n"
          "  --jsonl             the CORPUS files are JSON Lines (directories: *.jsonl)\n"
          "  -g, --gazetteer PATH  the gazetteers to complete (repeatable; default: the\n"
          "                      bundled ones)\n"
          "  --min-count N       capitalised sequences seen fewer than N times are left\n"
          "                      out (default 2); definitions, acronyms in capitals and\n"
          "                      introduced people count from 1\n"
          "  -o, --output FILE   write there (completely or not at all), not to standard\n"
          "                      output\n"
          "  -q, --quiet         no warnings\n"
          "  -h, --help          show this help\n"
          "\n"
          "Exit status: 0 success, 1 failure, 2 usage error.\n",
          f);
}

/* ---- words and sets of words ---- */

/* Folded words: lower case, no accents, "'" for every apostrophe, a space for
 * every dash. Sorted once at start-up, then searched. */
static const char *stop_words[] = {"a",         "afin",      "ainsi",      "alors",
                                   "apres",     "au",        "aucun",      "aucune",
                                   "aujourd",   "aupres",    "aussi",      "autre",
                                   "autres",    "aux",       "avant",      "avec",
                                   "avril",     "bien",      "c",          "ca",
                                   "car",       "ce",        "ceci",       "cela",
                                   "celle",     "celui",     "cependant",  "certains",
                                   "ces",       "cet",       "cette",      "chaque",
                                   "chez",      "comme",     "comment",    "contre",
                                   "d",         "dans",      "de",         "decembre",
                                   "demain",    "depuis",    "des",        "desormais",
                                   "deux",      "dimanche",  "docteur",    "donc",
                                   "dont",      "dr",        "du",         "elle",
                                   "elles",     "en",        "encore",     "enfin",
                                   "ensuite",   "entre",     "et",         "etc",
                                   "eux",       "fevrier",   "hier",       "ici",
                                   "il",        "ils",       "j",          "janvier",
                                   "je",        "jeudi",     "juillet",    "juin",
                                   "jusqu",     "l",         "la",         "le",
                                   "les",       "leur",      "leurs",      "lors",
                                   "lorsqu",    "lorsque",   "lui",        "lundi",
                                   "m",         "ma",        "madame",     "mademoiselle",
                                   "mai",       "mais",      "mardi",      "mars",
                                   "me",        "meme",      "mercredi",   "mes",
                                   "mlle",      "mm",        "mme",        "moi",
                                   "mon",       "monsieur",  "n",          "ne",
                                   "ni",        "non",       "nos",        "notre",
                                   "nous",      "novembre",  "octobre",    "on",
                                   "or",        "ou",        "oui",        "par",
                                   "parce",     "pas",       "pendant",    "photo",
                                   "plus",      "plusieurs", "pour",       "pourquoi",
                                   "pourtant",  "pr",        "professeur", "puis",
                                   "puisqu",    "qu",        "quand",      "que",
                                   "quel",      "quelle",    "quelles",    "quels",
                                   "qui",       "quoi",      "s",          "sa",
                                   "samedi",    "sans",      "se",         "selon",
                                   "septembre", "ses",       "si",         "sinon",
                                   "soit",      "son",       "sont",       "source",
                                   "sous",      "sur",       "t",          "ta",
                                   "tant",      "tel",       "telle",      "tes",
                                   "toi",       "ton",       "tous",       "tout",
                                   "toute",     "toutes",    "tres",       "trop",
                                   "tu",        "un",        "une",        "vendredi",
                                   "voici",     "voila",     "vos",        "votre",
                                   "vous",      "y"};
/* Lower-case words that may join two capitalised words of one name. */
static const char *particles[] = {"d", "de", "des", "du", "et", "l", "la", "le"};
/* Words that name a person's role (before or after the name). */
static const char *roles[] = {"adjoint",
                              "adjointe",
                              "administrateur",
                              "administratrice",
                              "animateur",
                              "animatrice",
                              "ceo",
                              "charge",
                              "chargee",
                              "chef",
                              "cheffe",
                              "chirurgien",
                              "chirurgienne",
                              "co fondateur",
                              "co fondatrice",
                              "cofondateur",
                              "cofondatrice",
                              "conseiller",
                              "conseillere",
                              "coordinateur",
                              "coordinatrice",
                              "depute",
                              "deputee",
                              "dg",
                              "directeur",
                              "directrice",
                              "dirigeant",
                              "dirigeante",
                              "doyen",
                              "doyenne",
                              "elu",
                              "elue",
                              "fondateur",
                              "fondatrice",
                              "gerant",
                              "gerante",
                              "maire",
                              "medecin",
                              "ministre",
                              "pdg",
                              "porte parole",
                              "prefet",
                              "prefete",
                              "president",
                              "presidente",
                              "representant",
                              "representante",
                              "responsable",
                              "secretaire",
                              "senateur",
                              "senatrice",
                              "tresorier",
                              "tresoriere",
                              "vice president",
                              "vice presidente"};
/* Verbs of saying after which a quoted person's name comes ("explique X Y"). */
static const char *verbs[] = {
    "admet",    "affirme",  "ajoute",   "analyse",  "annonce",  "anticipe",  "assure",
    "avance",   "commente", "concede",  "conclut",  "confie",   "constate",  "declare",
    "deplore",  "detaille", "estime",   "explique", "felicite", "glisse",    "indique",
    "insiste",  "juge",     "lance",    "martele",  "note",     "observe",   "plaide",
    "poursuit", "precise",  "previent", "raconte",  "rappelle", "reconnait", "regrette",
    "releve",   "repond",   "resume",   "salue",    "souligne", "temoigne",  "tempere"};
/* First words of organisations' names (a type guess for sequences). */
static const char *org_words[] = {
    "academie",   "agence",    "assemblee",    "assistance", "association", "autorite",
    "banque",     "cabinet",   "caisse",       "centre",     "chambre",     "clinique",
    "cluster",    "collectif", "comite",       "commission", "compagnie",   "confederation",
    "conseil",    "direction", "ecole",        "federation", "fondation",   "groupe",
    "groupement", "hopital",   "hopitaux",     "institut",   "laboratoire", "maison",
    "ministere",  "mutuelle",  "observatoire", "office",     "ordre",       "pole",
    "reseau",     "societe",   "syndicat",     "union",      "universite"};
/* Titles before a name. */
static const char *titles[] = {"docteur", "dr",       "m",  "madame",    "mlle",
                               "mme",     "monsieur", "pr", "professeur"};

typedef struct {
    const char **v;
    size_t n;
} word_set;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

#define SET(a)                                                                                     \
    {                                                                                              \
        a, sizeof(a) / sizeof(*a)                                                                  \
    }
static word_set set_stop = SET(stop_words), set_particles = SET(particles), set_roles = SET(roles),
                set_verbs = SET(verbs), set_orgs = SET(org_words), set_titles = SET(titles);

static void sets_init(void)
{
    word_set *all[] = {&set_stop, &set_particles, &set_roles, &set_verbs, &set_orgs, &set_titles};
    for (size_t i = 0; i < sizeof(all) / sizeof(*all); i++)
        qsort(all[i]->v, all[i]->n, sizeof(char *), cmp_str);
}

static int in_set(const word_set *s, const char *w)
{
    return bsearch(&w, s->v, s->n, sizeof(char *), cmp_str) != NULL;
}

/* ---- text ---- */

/* The next code point of [p, end) in *c, and its length; an invalid byte is
 * one code point -1. */
static size_t next_cp(const char *p, const char *end, int32_t *c)
{
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)p, end - p, c);
    if (n <= 0) {
        *c = -1;
        return 1;
    }
    return (size_t)n;
}

static int is_apostrophe(int32_t c);

static int is_word_cp(int32_t c)
{
    if (c < 0 || is_apostrophe(c))
        return 0;
    utf8proc_category_t k = utf8proc_category(c);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_ME) || k == UTF8PROC_CATEGORY_ND;
}

static int is_dash(int32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014;
}

static int is_apostrophe(int32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static int is_space(int32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F ||
           c == 0x2009 || c == 0x2007;
}

/* A line break at t[i] that ends a paragraph: a blank line (or the end) follows. */
static int paragraph_end(const char *t, size_t len, size_t i)
{
    if (t[i] != '\n' && t[i] != '\r')
        return 0;
    size_t k = i + 1;
    if (t[i] == '\r' && k < len && t[k] == '\n')
        k++;
    while (k < len && (t[k] == ' ' || t[k] == '\t'))
        k++;
    return k >= len || t[k] == '\n' || t[k] == '\r';
}

/* The folded form of [s, s + n) (valid or not): the key names are merged by
 * (case, accents, apostrophes, dashes and spaces folded as the matcher does).
 * NULL when out of memory. */
static char *fold(const char *s, size_t n)
{
    char *tmp = malloc(n + 1), *out = NULL;
    if (!tmp)
        return NULL;
    size_t k = 0;
    for (const char *p = s, *end = s + n; p < end;) {
        int32_t c;
        size_t l = next_cp(p, end, &c);
        if (c < 0) {
            /* an invalid byte is dropped */
        } else if (is_apostrophe(c)) {
            tmp[k++] = '\'';
        } else if (is_dash(c) || is_space(c) || c == '\n' || c == '\r') {
            if (k > 0 && tmp[k - 1] != ' ')
                tmp[k++] = ' ';
        } else if (c == 0x153 || c == 0x152 || c == 0xE6 || c == 0xC6) { /* oe, ae: 2 bytes */
            tmp[k++] = (c == 0x153 || c == 0x152) ? 'o' : 'a';
            tmp[k++] = 'e';
        } else {
            memcpy(tmp + k, p, l);
            k += l;
        }
        p += l;
    }
    while (k > 0 && tmp[k - 1] == ' ')
        k--;
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)tmp, (utf8proc_ssize_t)k, &m,
                                      UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK);
    if (r >= 0)
        out = (char *)m;
    else if ((out = malloc(1)))
        out[0] = '\0';
    free(tmp);
    return out;
}

/* [s, s + n) with every run of white space one space, trimmed. */
static char *collapse(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    for (const char *p = s, *end = s + n; p < end;) {
        int32_t c;
        size_t l = next_cp(p, end, &c);
        if (is_space(c) || c == '\n' || c == '\r') {
            if (k > 0 && out[k - 1] != ' ')
                out[k++] = ' ';
        } else if (c >= 0x20 && c != 0x7F) {
            memcpy(out + k, p, l);
            k += l;
        }
        p += l;
    }
    while (k > 0 && out[k - 1] == ' ')
        k--;
    out[k] = '\0';
    return out;
}

/* ---- a string -> index map ---- */

typedef struct {
    char **keys;
    size_t *vals;
    size_t cap, n;
} str_map;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* The value of k, NULL when absent. */
static size_t *map_ref(const str_map *m, const char *k)
{
    if (!m->cap)
        return NULL;
    for (size_t i = hash_str(k) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->keys[i])
            return NULL;
        if (!strcmp(m->keys[i], k))
            return &m->vals[i];
    }
}

static long map_get(const str_map *m, const char *k)
{
    const size_t *v = map_ref(m, k);
    return v ? (long)*v : -1;
}

static int map_grow(str_map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 256;
    char **keys = calloc(cap, sizeof(char *));
    size_t *vals = calloc(cap, sizeof(size_t));
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = hash_str(m->keys[i]) & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    return 0;
}

/* Adds k -> v (k copied) unless k is there. Returns -1 when out of memory. */
static int map_put(str_map *m, const char *k, size_t v)
{
    if ((m->n + 1) * 2 > m->cap && map_grow(m))
        return -1;
    size_t i = hash_str(k) & (m->cap - 1);
    for (; m->keys[i]; i = (i + 1) & (m->cap - 1))
        if (!strcmp(m->keys[i], k))
            return 0;
    if (!(m->keys[i] = strdup(k)))
        return -1;
    m->vals[i] = v;
    m->n++;
    return 0;
}

static void map_free(str_map *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof(*m));
}

/* ---- candidates ---- */

typedef struct {
    char *label; /* its first surface form */
    char *key;   /* folded */
    char *alias; /* a definition's acronym; a person's surname */
    char **more; /* a definition: other long forms of the same acronym */
    size_t nmore;
    size_t mid, start, place; /* a sequence: occurrences inside / at the start of a
                                 sentence, after a place cue (à, en, dans le) */
    size_t elided;            /* a sequence: one word after l’ or d’ inside a sentence */
    int upper;                /* a sequence: an acronym in capitals */
    int full;                 /* a person: first name and surname */
} cand;

typedef struct {
    cand *v;
    size_t n, cap;
    str_map index; /* key (a definition: its acronym's key) -> index */
} cand_list;

/* The candidate of `key`, made with `label` when new; NULL when out of memory. */
static cand *cand_get(cand_list *l, const char *key, const char *label, size_t len)
{
    long at = map_get(&l->index, key);
    if (at >= 0)
        return &l->v[at];
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        cand *v = realloc(l->v, cap * sizeof(cand));
        if (!v)
            return NULL;
        l->v = v;
        l->cap = cap;
    }
    cand *c = &l->v[l->n];
    memset(c, 0, sizeof(*c));
    if (!(c->key = strdup(key)) || !(c->label = collapse(label, len)) ||
        map_put(&l->index, key, l->n)) {
        free(c->key);
        free(c->label);
        return NULL;
    }
    l->n++;
    return c;
}

static void cand_list_free(cand_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].label);
        free(l->v[i].key);
        free(l->v[i].alias);
        for (size_t k = 0; k < l->v[i].nmore; k++)
            free(l->v[i].more[k]);
        free(l->v[i].more);
    }
    free(l->v);
    map_free(&l->index);
}

/* ---- pass 1: the words of a paragraph ---- */

enum {
    T_CAP = 1,      /* starts with a capital */
    T_UPPER = 2,    /* every letter a capital, at least two letters */
    T_LOWER = 4,    /* starts with a lower-case letter */
    T_NUM = 8,      /* digits only */
    T_START = 16,   /* starts a sentence (or a paragraph) */
    T_COVERED = 32, /* inside a gazetteer's mention */
    T_DOT = 64      /* a '.' right after it */
};

typedef struct {
    size_t s, e; /* the word's bytes */
    size_t sep;  /* where the text between the previous word and this one starts */
    size_t fold; /* its folded form, at pool + fold */
    unsigned flags;
} token;

typedef struct {
    size_t s, e;
} span;

/* A paragraph longer than this many words is scanned in pieces. */
enum { MAX_TOKENS = 1 << 20, MAX_NAME_WORDS = 8 };

typedef struct {
    cand_list defs, people, seqs;
    const char *text; /* the current document */
    size_t len;
    span *spans; /* its gazetteer mentions, in document order */
    size_t nspans, spans_cap, next_span;
    token *tok;
    size_t ntok, tok_cap;
    char *pool;
    size_t pool_len, pool_cap;
    int nomem;
} scan;

static const char *fw(const scan *sc, size_t i)
{
    return sc->pool + sc->tok[i].fold;
}

/* The bytes between word i - 1 (or the paragraph's start) and word i. */
static int sep_has(const scan *sc, size_t i, const char *chars)
{
    for (size_t p = sc->tok[i].sep; p < sc->tok[i].s; p++)
        if (strchr(chars, sc->text[p]))
            return 1;
    return 0;
}

/* Only white space between word i - 1 and word i (and some). */
static int sep_blank(const scan *sc, size_t i)
{
    const char *p = sc->text + sc->tok[i].sep, *end = sc->text + sc->tok[i].s;
    if (p == end)
        return 0;
    while (p < end) {
        int32_t c;
        p += next_cp(p, end, &c);
        if (!is_space(c))
            return 0;
    }
    return 1;
}

/* Only an apostrophe between word i - 1 and word i: an elision (l’AP-HM). */
static int sep_elision(const scan *sc, size_t i)
{
    const char *p = sc->text + sc->tok[i].sep, *end = sc->text + sc->tok[i].s;
    int32_t c;
    return p < end && p + next_cp(p, end, &c) == end && is_apostrophe(c);
}

/* The first character that is not white space after word i, 0 at the paragraph's end. */
static int char_after(const scan *sc, size_t i, size_t par_end)
{
    const char *p = sc->text + sc->tok[i].e, *end = sc->text + par_end;
    while (p < end) {
        int32_t c;
        size_t l = next_cp(p, end, &c);
        if (!is_space(c))
            return c;
        p += l;
    }
    return 0;
}

static int pool_add(scan *sc, const char *s)
{
    size_t n = strlen(s) + 1;
    if (sc->pool_len + n > sc->pool_cap) {
        size_t cap = sc->pool_cap ? sc->pool_cap : 4096;
        while (cap < sc->pool_len + n)
            cap *= 2;
        char *p = realloc(sc->pool, cap);
        if (!p)
            return -1;
        sc->pool = p;
        sc->pool_cap = cap;
    }
    memcpy(sc->pool + sc->pool_len, s, n);
    sc->pool_len += n;
    return 0;
}

/* Appends the word [s, e) (valid UTF-8) preceded by text from `sep`. */
static int add_token(scan *sc, size_t sep, size_t s, size_t e)
{
    if (sc->ntok == sc->tok_cap) {
        size_t cap = sc->tok_cap ? sc->tok_cap * 2 : 256;
        token *t = realloc(sc->tok, cap * sizeof(token));
        if (!t)
            return -1;
        sc->tok = t;
        sc->tok_cap = cap;
    }
    token *t = &sc->tok[sc->ntok];
    memset(t, 0, sizeof(*t));
    t->s = s;
    t->e = e;
    t->sep = sep;
    size_t letters = 0, upper = 0, digits = 0, other = 0, first = 1;
    for (const char *p = sc->text + s, *end = sc->text + e; p < end;) {
        int32_t c;
        p += next_cp(p, end, &c);
        utf8proc_category_t k = utf8proc_category(c);
        if (k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT) {
            letters++, upper++;
            t->flags |= first ? T_CAP : 0;
        } else if (k == UTF8PROC_CATEGORY_LL || k == UTF8PROC_CATEGORY_LM ||
                   k == UTF8PROC_CATEGORY_LO) {
            letters++;
            t->flags |= first ? T_LOWER : 0;
        } else if (k == UTF8PROC_CATEGORY_ND) {
            digits++;
        } else if (!is_dash(c) && k != UTF8PROC_CATEGORY_MN) {
            other++;
        }
        first = 0;
    }
    if (letters >= 2 && upper == letters)
        t->flags |= T_UPPER;
    if (digits && !letters && !other && digits == e - s)
        t->flags |= T_NUM;
    if (e < sc->len && sc->text[e] == '.')
        t->flags |= T_DOT;
    char *f = fold(sc->text + s, e - s);
    t->fold = sc->pool_len;
    int rc = !f || pool_add(sc, f);
    free(f);
    if (rc)
        return -1;
    sc->ntok++;
    return 0;
}

/* Marks the words inside a gazetteer mention. */
static void mark_covered(scan *sc)
{
    size_t k = sc->next_span;
    for (size_t i = 0; i < sc->ntok; i++) {
        token *t = &sc->tok[i];
        while (k < sc->nspans && sc->spans[k].e <= t->s)
            k++;
        for (size_t j = k; j < sc->nspans && sc->spans[j].s < t->e; j++)
            if (sc->spans[j].e > t->s) {
                t->flags |= T_COVERED;
                break;
            }
    }
    sc->next_span = k;
}

/* "M", "Dr", or a capital alone (an initial): a dot after it ends no sentence. */
static int abbreviation(const scan *sc, size_t i)
{
    const token *t = &sc->tok[i];
    int32_t c;
    return in_set(&set_titles, fw(sc, i)) ||
           ((t->flags & T_CAP) && next_cp(sc->text + t->s, sc->text + t->e, &c) == t->e - t->s);
}

/* Words that start a sentence: the first of a paragraph, after . ! ? … « “ # and
 * bullets, but not after "M." or an initial ("J.-P."). */
static void mark_starts(scan *sc)
{
    for (size_t i = 0; i < sc->ntok; i++) {
        token *t = &sc->tok[i];
        if (i == 0 || sep_has(sc, i, "\n\r")) { /* a paragraph's or a line's first word */
            t->flags |= T_START;
            continue;
        }
        int start = 0;
        for (const char *p = sc->text + t->sep, *end = sc->text + t->s; p < end;) {
            int32_t c;
            p += next_cp(p, end, &c);
            if (c == '!' || c == '?' || c == 0x2026 || c == 0xAB || c == 0x201C || c == '#' ||
                c == 0x2022 || c == '*' || c == '|')
                start = 1;
            else if (c == '.')
                start |= !abbreviation(sc, i - 1);
        }
        if (start)
            t->flags |= T_START;
    }
}

/* A title in capitals (three words in capitals in a row) names nothing:
 * its words are not taken as capitalised. */
static void unmark_shouted(scan *sc)
{
    size_t a = 0; /* the run of words in capitals is [a, i) */
    for (size_t i = 0; i <= sc->ntok; i++) {
        int upper = i < sc->ntok && (sc->tok[i].flags & T_UPPER);
        if (upper && i > a && !sep_has(sc, i, "\n\r"))
            continue;
        for (size_t k = a; i >= a + 3 && k < i; k++)
            sc->tok[k].flags &= ~(unsigned)(T_CAP | T_UPPER);
        a = upper ? i : i + 1;
    }
}

static int any_covered(const scan *sc, size_t a, size_t b)
{
    for (size_t i = a; i <= b; i++)
        if (sc->tok[i].flags & T_COVERED)
            return 1;
    return 0;
}

/* A capitalised word that may be part of a name. */
static int name_word(const scan *sc, size_t i)
{
    return (sc->tok[i].flags & T_CAP) && !(sc->tok[i].flags & T_COVERED) &&
           !in_set(&set_stop, fw(sc, i)) && !in_set(&set_titles, fw(sc, i));
}

/* ---- acronym definitions ---- */

/* Whether the acronym's letters (folded, letters only) fit the words of a
 * long form: in order, the first on the first word's initial; a letter may
 * also be taken inside the word of the previous one (Synerpa: SYNdicat) when
 * the next word's initial is not that letter; at least half the letters are
 * initials, and at most two significant words are left without a letter. */
static int acronym_fits(const char *acr, char **words, size_t nw)
{
    size_t n = strlen(acr), p = 0, initials = 0, unmatched = 0;
    if (n < 2 || nw == 0 || words[0][0] != acr[0])
        return 0;
    for (size_t k = 0; k < nw; k++) {
        const char *w = words[k];
        int stop = in_set(&set_stop, w) || in_set(&set_particles, w);
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
    return p == n && initials * 2 >= n && unmatched <= 2;
}

/* The folded letters of an acronym ("UPE 13" -> "upe"). */
static void acronym_letters(const char *folded, char *out, size_t size)
{
    size_t k = 0;
    for (const char *q = folded; *q && k + 1 < size; q++)
        if ((*q >= 'a' && *q <= 'z') || (unsigned char)*q >= 0x80)
            out[k++] = *q;
    out[k] = '\0';
}

/* Tries the long form words [a, b] for the acronym words [x, y]. */
static int try_definition(scan *sc, size_t a, size_t b, size_t x, size_t y)
{
    char letters[64];
    char *acr_key = fold(sc->text + sc->tok[x].s, sc->tok[y].e - sc->tok[x].s);
    if (!acr_key)
        return -1;
    acronym_letters(acr_key, letters, sizeof(letters));
    char *words[64];
    size_t nw = 0;
    char *buf = fold(sc->text + sc->tok[a].s, sc->tok[b].e - sc->tok[a].s);
    int fits = 0, rc = 0;
    if (buf) {
        char *save = NULL;
        for (char *w = strtok_r(buf, " '", &save); w && nw < 64; w = strtok_r(NULL, " '", &save))
            words[nw++] = w;
        fits = nw >= 2 && acronym_fits(letters, words, nw);
    }
    free(buf);
    if (fits) {
        cand *c =
            cand_get(&sc->defs, acr_key, sc->text + sc->tok[a].s, sc->tok[b].e - sc->tok[a].s);
        char *lf = c ? fold(c->label, strlen(c->label)) : NULL;
        char *this_lf = collapse(sc->text + sc->tok[a].s, sc->tok[b].e - sc->tok[a].s);
        char *this_key = this_lf ? fold(this_lf, strlen(this_lf)) : NULL;
        if (!c || !lf || !this_lf || !this_key) {
            rc = -1;
        } else {
            if (!c->alias &&
                !(c->alias = collapse(sc->text + sc->tok[x].s, sc->tok[y].e - sc->tok[x].s)))
                rc = -1;
            int known = !strcmp(lf, this_key);
            for (size_t k = 0; !known && k < c->nmore; k++) {
                char *mk = fold(c->more[k], strlen(c->more[k]));
                known = !mk || !strcmp(mk, this_key);
                free(mk);
            }
            if (!rc && !known && c->nmore < 8) {
                char **m = realloc(c->more, (c->nmore + 1) * sizeof(char *));
                if (!m) {
                    rc = -1;
                } else {
                    c->more = m;
                    c->more[c->nmore++] = this_lf;
                    this_lf = NULL;
                }
            }
        }
        free(lf);
        free(this_lf);
        free(this_key);
    }
    free(acr_key);
    return rc ? -1 : fits;
}

/* An acronym's words starting at i: one capitalised word of 2 to 12
 * characters with 2 letters or more, maybe followed by a number (UPE 13). */
static int acronym_at(const scan *sc, size_t i, size_t *last)
{
    const token *t = &sc->tok[i];
    if (!(t->flags & T_CAP) || t->e - t->s > 24 || strlen(fw(sc, i)) < 2 ||
        in_set(&set_stop, fw(sc, i)))
        return 0;
    *last = i;
    if (i + 1 < sc->ntok && (sc->tok[i + 1].flags & T_NUM) && sep_blank(sc, i + 1) &&
        sc->tok[i + 1].e - sc->tok[i + 1].s <= 4)
        *last = i + 1;
    return 1;
}

/* "Long Form (ACR)" and "ACR (Long Form)". */
static int find_definitions(scan *sc, size_t par_end)
{
    for (size_t i = 0; i < sc->ntok; i++) {
        size_t last;
        if (!acronym_at(sc, i, &last) || any_covered(sc, i, last))
            continue;
        /* Long Form (ACR): the acronym alone in the parentheses */
        if (i > 0 && sc->text[sc->tok[i].s - 1] == '(' && char_after(sc, last, par_end) == ')') {
            for (size_t a = i; a-- > 0 && i - a <= 16;) {
                if (a + 1 < i && !sep_blank(sc, a + 1) && !sep_elision(sc, a + 1))
                    break;
                if (sc->tok[a].flags & T_COVERED)
                    break;
                if (!(sc->tok[a].flags & T_CAP) || in_set(&set_stop, fw(sc, a)))
                    continue;
                int rc = try_definition(sc, a, i - 1, i, last);
                if (rc < 0)
                    return -1;
                if (rc)
                    break;
            }
        }
        /* ACR (Long Form): the acronym in capitals, the long form alone in the parentheses */
        if ((sc->tok[i].flags & T_UPPER) && last + 1 < sc->ntok &&
            sc->text[sc->tok[last + 1].s - 1] == '(' && (sc->tok[last + 1].flags & T_CAP)) {
            size_t b = last + 1;
            while (b + 1 < sc->ntok && b - last < 16 &&
                   (sep_blank(sc, b + 1) || sep_elision(sc, b + 1)))
                b++;
            if (char_after(sc, b, par_end) == ')' && !any_covered(sc, last + 1, b) &&
                try_definition(sc, last + 1, b, i, last) < 0)
                return -1;
        }
    }
    return 0;
}

/* ---- people ---- */

static int add_person(scan *sc, size_t a, size_t b)
{
    if (any_covered(sc, a, b))
        return 0;
    for (size_t i = a; i <= b; i++)
        if (!name_word(sc, i) || in_set(&set_orgs, fw(sc, i)) || in_set(&set_roles, fw(sc, i)))
            return 0;
    char *key = fold(sc->text + sc->tok[a].s, sc->tok[b].e - sc->tok[a].s);
    cand *c = key ? cand_get(&sc->people, key, sc->text + sc->tok[a].s, sc->tok[b].e - sc->tok[a].s)
                  : NULL;
    free(key);
    if (!c)
        return -1;
    c->full = b > a;
    if (!c->alias && !(c->alias = collapse(sc->text + sc->tok[b].s, sc->tok[b].e - sc->tok[b].s)))
        return -1;
    return 0;
}

/* The length of the run of name words ending at word b (at most 4). */
static size_t run_back(const scan *sc, size_t b)
{
    size_t n = 0;
    for (;;) {
        size_t i = b - n;
        if (!name_word(sc, i) || (sc->tok[i].flags & T_UPPER))
            break;
        n++;
        if (n == 4 || i == 0 || !sep_blank(sc, i))
            break;
    }
    return n;
}

/* The length of the run of name words starting at word a (at most 4). */
static size_t run_forward(const scan *sc, size_t a)
{
    size_t n = 0;
    while (a + n < sc->ntok && n < 4 && name_word(sc, a + n) && (n == 0 || sep_blank(sc, a + n)))
        n++;
    return n;
}

static int is_article(const char *w)
{
    return !strcmp(w, "le") || !strcmp(w, "la") || !strcmp(w, "l");
}

/* "Thierry Schifano (FNTS), président de", "Émilie Royère, directrice du". */
static int role_after(scan *sc, size_t r)
{
    size_t c = r; /* the word after the comma */
    if (r > 0 && is_article(fw(sc, r - 1)) && (sep_blank(sc, r) || sep_elision(sc, r)))
        c = r - 1;
    if (c == 0 || !sep_has(sc, c, ","))
        return 0;
    size_t end = c - 1; /* the name's last word */
    if (sep_has(sc, c, ")")) {
        while (end > 0 && c - end < 8 && !sep_has(sc, end, "("))
            end--;
        if (end == 0 || !sep_has(sc, end, "("))
            return 0;
        end--;
    } else if (sep_has(sc, c, ".;:!?\"")) {
        return 0;
    }
    return run_back(sc, end) == 2 ? add_person(sc, end - 1, end) : 0;
}

/* "le directeur général de l’AP-HM, Jean-Olivier Arnaud", "le président de la
 * République Emmanuel Macron". */
static int role_before(scan *sc, size_t r)
{
    for (size_t k = r + 1; k < sc->ntok && k <= r + 10;) {
        if (sep_has(sc, k, ".;:!?\"()"))
            return 0;
        if (!name_word(sc, k)) {
            k++;
            continue;
        }
        size_t n = 1;
        while (k + n < sc->ntok && n < 6 && name_word(sc, k + n) && sep_blank(sc, k + n))
            n++;
        if (n == 2 && (k == r + 1 || sep_has(sc, k, ",")))
            return add_person(sc, k, k + 1);
        if (n >= 3)
            return add_person(sc, k + n - 2, k + n - 1);
        k += n;
    }
    return 0;
}

static int find_people(scan *sc)
{
    for (size_t i = 0; i < sc->ntok; i++) {
        const char *w = fw(sc, i);
        int rc = 0;
        if ((sc->tok[i].flags & T_CAP) && in_set(&set_titles, w) &&
            (strcmp(w, "m") || (sc->tok[i].flags & T_DOT)) && i + 1 < sc->ntok &&
            !sep_has(sc, i + 1, ",;:!?()\"")) {
            size_t n = run_forward(sc, i + 1);
            if (n >= 1 && n <= 3)
                rc = add_person(sc, i + 1, i + n);
        } else if (in_set(&set_roles, w)) {
            rc = role_after(sc, i);
            if (!rc)
                rc = role_before(sc, i);
        } else if ((sc->tok[i].flags & T_LOWER) && in_set(&set_verbs, w) && i + 1 < sc->ntok &&
                   sep_blank(sc, i + 1) && run_forward(sc, i + 1) == 2) {
            rc = add_person(sc, i + 1, i + 2);
        }
        if (rc)
            return -1;
    }
    return 0;
}

/* ---- capitalised sequences ---- */

static int place_cue(const scan *sc, size_t i)
{
    if (i == 0)
        return 0;
    const char *p = fw(sc, i - 1);
    if (sep_blank(sc, i) && (!strcmp(p, "a") || !strcmp(p, "en")))
        return 1;
    return i >= 2 && (sep_blank(sc, i) || sep_elision(sc, i)) && is_article(p) &&
           !strcmp(fw(sc, i - 2), "dans");
}

/* A particle at word k, joined to the next word by a space (an apostrophe
 * after d, l). */
static int particle_at(const scan *sc, size_t k)
{
    return (sc->tok[k].flags & T_LOWER) && in_set(&set_particles, fw(sc, k)) && k + 1 < sc->ntok &&
           (strlen(fw(sc, k)) == 1 ? sep_elision(sc, k + 1) : sep_blank(sc, k + 1));
}

/* The end of the sequence starting at i: capitalised words joined by spaces
 * or by the particles de, du, des, la, le, et, d’, l’. */
static size_t sequence_end(const scan *sc, size_t i)
{
    size_t j = i;
    while (j + 1 < sc->ntok && j - i < MAX_NAME_WORDS) {
        size_t k = j + 1;
        if (!sep_blank(sc, k) || sep_has(sc, k, "\n\r")) /* not across a line (a title) */
            break;
        if (name_word(sc, k)) {
            j = k;
        } else if (j == i && (sc->tok[j].flags & T_UPPER) && (sc->tok[k].flags & T_NUM) &&
                   sc->tok[k].e - sc->tok[k].s <= 4) {
            j = k;
            break;
        } else if (particle_at(sc, k) && k + 1 < sc->ntok && name_word(sc, k + 1)) {
            j = k + 1;
        } else if (particle_at(sc, k) && k + 2 < sc->ntok && particle_at(sc, k + 1) &&
                   name_word(sc, k + 2)) { /* de la, de l’ */
            j = k + 2;
        } else {
            break;
        }
    }
    return j;
}

static int find_sequences(scan *sc)
{
    for (size_t i = 0; i < sc->ntok; i++) {
        if (!name_word(sc, i) || strlen(fw(sc, i)) < 2)
            continue;
        size_t j = sequence_end(sc, i);
        int beside_covered =
            (i > 0 && sep_blank(sc, i) &&
             (sc->tok[i - 1].flags & (T_COVERED | T_CAP)) == (T_COVERED | T_CAP)) ||
            (j + 1 < sc->ntok && sep_blank(sc, j + 1) &&
             (sc->tok[j + 1].flags & (T_COVERED | T_CAP)) == (T_COVERED | T_CAP));
        if (!beside_covered && j - i < MAX_NAME_WORDS) {
            char *key = fold(sc->text + sc->tok[i].s, sc->tok[j].e - sc->tok[i].s);
            cand *c =
                key ? cand_get(&sc->seqs, key, sc->text + sc->tok[i].s, sc->tok[j].e - sc->tok[i].s)
                    : NULL;
            free(key);
            if (!c)
                return -1;
            if (sc->tok[i].flags & T_START)
                c->start++;
            else
                c->mid++;
            c->place += place_cue(sc, i);
            c->elided += j == i && !(sc->tok[i].flags & T_START) && sep_elision(sc, i) &&
                         (!strcmp(fw(sc, i - 1), "l") || !strcmp(fw(sc, i - 1), "d"));
            c->upper = (sc->tok[i].flags & T_UPPER) && (j == i || sc->tok[j].flags & T_NUM);
        }
        i = j;
    }
    return 0;
}

static int scan_paragraph(scan *sc, size_t par_end)
{
    if (!sc->ntok)
        return 0;
    mark_covered(sc);
    mark_starts(sc);
    unmark_shouted(sc);
    int rc = find_definitions(sc, par_end) || find_people(sc) || find_sequences(sc);
    sc->ntok = 0;
    sc->pool_len = 0;
    return rc ? -1 : 0;
}

/* Splits the document into paragraphs and words and scans each paragraph. */
static int scan_document(scan *sc)
{
    const char *text = sc->text, *end = text + sc->len;
    size_t sep = 0;
    sc->ntok = sc->pool_len = 0;
    sc->next_span = 0;
    for (const char *p = text; p < end;) {
        int32_t c;
        size_t l = next_cp(p, end, &c);
        if (paragraph_end(text, sc->len, (size_t)(p - text))) {
            if (scan_paragraph(sc, (size_t)(p - text)))
                return -1;
            p += l;
            sep = (size_t)(p - text);
            continue;
        }
        utf8proc_category_t cat = c < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(c);
        if (!is_word_cp(c) || (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME)) {
            p += l; /* a word starts with a letter or a digit */
            continue;
        }
        const char *w = p;
        p += l;
        while (p < end) {
            int32_t d, e2 = -1;
            size_t m = next_cp(p, end, &d);
            if (is_word_cp(d)) {
                p += m;
            } else if (is_dash(d) && p + m < end && (next_cp(p + m, end, &e2), is_word_cp(e2))) {
                p += m;
            } else {
                break;
            }
        }
        if (add_token(sc, sep, (size_t)(w - text), (size_t)(p - text)))
            return -1;
        sep = (size_t)(p - text);
        if (sc->ntok >= MAX_TOKENS && scan_paragraph(sc, sep))
            return -1;
    }
    return scan_paragraph(sc, sc->len);
}

static int on_covered(const sg_mention *m, void *ctx)
{
    scan *sc = ctx;
    if (sc->nspans == sc->spans_cap) {
        size_t cap = sc->spans_cap ? sc->spans_cap * 2 : 256;
        span *s = realloc(sc->spans, cap * sizeof(span));
        if (!s) {
            sc->nomem = 1;
            return 1;
        }
        sc->spans = s;
        sc->spans_cap = cap;
    }
    sc->spans[sc->nspans].s = m->start;
    sc->spans[sc->nspans].e = m->end;
    sc->nspans++;
    return 0;
}

/* ---- the rows ---- */

typedef enum { K_DEFINITION, K_PERSON, K_MARKED, K_SEQUENCE } row_kind;

typedef struct {
    char *id, *label, *aliases, *example;
    const char *type;
    row_kind kind;
    size_t count;
    size_t seen; /* a sequence: its capitalised occurrences in pass 1 */
} row;

typedef struct {
    row *v;
    size_t n, cap;
    str_map names; /* the folded names of the rows so far */
    str_map ids;
} row_list;

static void slugify(const char *folded, char *out, size_t size)
{
    size_t k = 0;
    for (const char *q = folded; *q && k + 1 < size; q++) {
        char c = *q;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out[k++] = c;
        else if (k > 0 && out[k - 1] != '-')
            out[k++] = '-';
    }
    while (k > 0 && out[k - 1] == '-')
        k--;
    out[k] = '\0';
}

/* A new row; its id from its type and label, unique among the gazetteers'
 * and the other rows'. Takes `aliases`. */
static int row_add(row_list *rl, const sg_gazetteer *gaz, row_kind kind, const char *type,
                   const char *label, char *aliases)
{
    if (rl->n == rl->cap) {
        size_t cap = rl->cap ? rl->cap * 2 : 64;
        row *v = realloc(rl->v, cap * sizeof(row));
        if (!v) {
            free(aliases);
            return -1;
        }
        rl->v = v;
        rl->cap = cap;
    }
    char *key = fold(label, strlen(label));
    char slug[96], id[160];
    slugify(key ? key : "", slug, 80);
    free(key);
    const char *prefix = !strcmp(type, "person")  ? "person"
                         : !strcmp(type, "place") ? "place"
                                                  : "org";
    snprintf(id, sizeof(id), "%s:%s", prefix, slug[0] ? slug : "x");
    for (unsigned n = 2; map_get(&rl->ids, id) >= 0 || sg_gazetteer_find(gaz, id) >= 0; n++)
        snprintf(id, sizeof(id), "%s:%s-%u", prefix, slug[0] ? slug : "x", n);
    row *r = &rl->v[rl->n];
    memset(r, 0, sizeof(*r));
    r->kind = kind;
    r->type = type;
    r->aliases = aliases;
    if (!(r->id = strdup(id)) || !(r->label = strdup(label)) || map_put(&rl->ids, id, rl->n)) {
        free(r->id);
        free(r->label);
        free(aliases);
        return -1;
    }
    rl->n++;
    return 0;
}

static int name_taken(const row_list *rl, const char *key)
{
    return map_get(&rl->names, key) >= 0;
}

static int take_name(row_list *rl, const char *s)
{
    char *key = fold(s, strlen(s));
    int rc = !key || map_put(&rl->names, key, rl->n - 1);
    free(key);
    return rc ? -1 : 0;
}

static int rows_from_definitions(row_list *rl, const scan *sc, const sg_gazetteer *gaz)
{
    for (size_t i = 0; i < sc->defs.n; i++) {
        const cand *c = &sc->defs.v[i];
        char *lf = fold(c->label, strlen(c->label));
        if (!lf)
            return -1;
        int taken = name_taken(rl, lf) || name_taken(rl, c->key);
        free(lf);
        if (taken)
            continue;
        size_t len = strlen(c->alias) + 1;
        for (size_t k = 0; k < c->nmore; k++)
            len += strlen(c->more[k]) + 1;
        char *aliases = malloc(len);
        if (!aliases)
            return -1;
        strcpy(aliases, c->alias);
        for (size_t k = 0; k < c->nmore; k++)
            strcat(strcat(aliases, "|"), c->more[k]);
        if (row_add(rl, gaz, K_DEFINITION, "organisation", c->label, aliases) ||
            take_name(rl, c->label) || take_name(rl, c->alias))
            return -1;
        for (size_t k = 0; k < c->nmore; k++)
            if (take_name(rl, c->more[k]))
                return -1;
    }
    return 0;
}

static int rows_from_people(row_list *rl, const scan *sc, const sg_gazetteer *gaz)
{
    /* surname -> 1 when one full name has it, 2 when several (then it is no alias) */
    str_map fulls = {0};
    int rc = 0;
    for (size_t i = 0; !rc && i < sc->people.n; i++) {
        const cand *c = &sc->people.v[i];
        char *sk = c->full ? fold(c->alias, strlen(c->alias)) : NULL;
        size_t *n = sk ? map_ref(&fulls, sk) : NULL;
        if (c->full && !sk)
            rc = -1;
        else if (n)
            *n = 2;
        else if (sk)
            rc = map_put(&fulls, sk, 1);
        free(sk);
    }
    /* full names first; a surname alone (M. Segade) joins its full name */
    for (int pass = 0; !rc && pass < 2; pass++) {
        for (size_t i = 0; !rc && i < sc->people.n; i++) {
            const cand *c = &sc->people.v[i];
            if (c->full != !pass)
                continue;
            char *sk = fold(c->alias, strlen(c->alias));
            if (!sk) {
                rc = -1;
                break;
            }
            size_t *n = map_ref(&fulls, sk);
            int taken = name_taken(rl, c->key) || (!c->full && n);
            int alias = c->full && n && *n == 1 && !name_taken(rl, sk) && strcmp(sk, c->key);
            free(sk);
            if (taken)
                continue;
            char *aliases = strdup(alias ? c->alias : "");
            rc = !aliases || row_add(rl, gaz, K_PERSON, "person", c->label, aliases) ||
                 take_name(rl, c->label) || (alias && take_name(rl, c->alias));
        }
    }
    map_free(&fulls);
    return rc ? -1 : 0;
}

/* "République Emmanuel Macron": a sequence ending with a person's name. */
static int ends_with_person(const row_list *rl, const char *key)
{
    for (const char *q = strchr(key, ' '); q; q = strchr(q + 1, ' ')) {
        long r = map_get(&rl->names, q + 1);
        if (r >= 0 && rl->v[r].kind == K_PERSON)
            return 1;
    }
    return 0;
}

static int rows_from_sequences(row_list *rl, const scan *sc, const sg_gazetteer *gaz,
                               size_t min_count)
{
    for (size_t i = 0; i < sc->seqs.n; i++) {
        const cand *c = &sc->seqs.v[i];
        size_t total = c->mid + c->start;
        if (!c->mid || name_taken(rl, c->key) || in_set(&set_roles, c->key) ||
            ends_with_person(rl, c->key) || total < (c->upper || c->elided ? 1 : min_count))
            continue;
        char first[64];
        size_t k = 0;
        while (c->key[k] && c->key[k] != ' ' && k + 1 < sizeof(first))
            first[k] = c->key[k], k++;
        first[k] = '\0';
        const char *type = c->upper || in_set(&set_orgs, first) ? "organisation"
                           : c->place * 2 >= total              ? "place"
                                                                : "organisation";
        char *aliases = strdup("");
        if (!aliases ||
            row_add(rl, gaz, c->upper || c->elided ? K_MARKED : K_SEQUENCE, type, c->label,
                    aliases) ||
            take_name(rl, c->label))
            return -1;
        rl->v[rl->n - 1].seen = total;
    }
    return 0;
}

static void rows_free(row_list *rl)
{
    for (size_t i = 0; i < rl->n; i++) {
        free(rl->v[i].id);
        free(rl->v[i].label);
        free(rl->v[i].aliases);
        free(rl->v[i].example);
    }
    free(rl->v);
    map_free(&rl->names);
    map_free(&rl->ids);
}

/* ---- pass 2: counts and examples ---- */

typedef struct {
    row_list *rows;
    const sg_gazetteer *gaz;
    long *row_of; /* gazetteer entity -> row, -1 for the gazetteers' own */
    const char *text;
    size_t len;
    int nomem;
} counter;

static int sentence_end(const char *t, size_t len, size_t i)
{
    if (t[i] == '\n' || t[i] == '\r')
        return paragraph_end(t, len, i);
    if (t[i] != '.' && t[i] != '!' && t[i] != '?')
        return 0;
    if (i + 1 < len && t[i + 1] != ' ' && t[i + 1] != '\n')
        return 0;
    /* "M. Segade", "J.-P.": a capital alone before the dot */
    return !(t[i] == '.' && i >= 1 && t[i - 1] >= 'A' && t[i - 1] <= 'Z' &&
             (i < 2 || t[i - 2] == ' ' || t[i - 2] == '.' || t[i - 2] == '-'));
}

/* The sentence around [s, e) as one line of at most about 200 bytes of valid
 * UTF-8. */
static char *example(const char *t, size_t len, size_t s, size_t e)
{
    enum { BEFORE = 120, MAX = 200 };
    size_t a = s, b = e;
    while (a > 0 && s - a < BEFORE && !sentence_end(t, len, a - 1))
        a--;
    int cut_a = a > 0 && !sentence_end(t, len, a - 1), cut_b = 0;
    while (cut_a && a < s && t[a - 1] != ' ') /* a long sentence: from a word */
        a++;
    while (b < len && b - a < MAX && !sentence_end(t, len, b))
        b++;
    if (b < len && !paragraph_end(t, len, b) && b - a < MAX)
        b++;
    else if (b < len && b - a >= MAX) {
        cut_b = 1;
        while (b > e && t[b] != ' ')
            b--;
    }
    char *raw = malloc(b - a + 1), *out = NULL;
    if (!raw)
        return NULL;
    size_t k = 0;
    for (const char *p = t + a, *end = t + b; p < end;) {
        int32_t c;
        size_t l = next_cp(p, end, &c);
        if (c >= 0) {
            memcpy(raw + k, p, l);
            k += l;
        }
        p += l;
    }
    char *body = collapse(raw, k);
    free(raw);
    if (body && (out = malloc(strlen(body) + 8)))
        sprintf(out, "%s%s%s", cut_a ? "\u2026" : "", body, cut_b ? "\u2026" : "");
    free(body);
    return out;
}

static int on_count(const sg_mention *m, void *ctx)
{
    counter *c = ctx;
    long e = sg_gazetteer_find(c->gaz, m->id);
    long r = e >= 0 ? c->row_of[e] : -1;
    if (r < 0)
        return 0;
    row *w = &c->rows->v[r];
    if (!w->count++ && !(w->example = example(c->text, c->len, m->start, m->end))) {
        c->nomem = 1;
        return 1;
    }
    return 0;
}

/* ---- reading the corpus ---- */

typedef int (*doc_fn)(void *ctx, const char *name, const char *text, size_t len);

/* Calls fn on every document; a bad JSON Lines line is reported (unless
 * quiet) and counted in *bad. */
static int each_document(const doc_list *docs, int quiet, size_t *bad, doc_fn fn, void *ctx)
{
    char *buf = NULL;
    size_t cap = 0;
    int rc = 0;
    for (size_t k = 0; !rc && k < docs_count(docs); k++) {
        size_t line;
        const char *path = docs_file(docs, k, &line);
        char msg[600];
        if (!docs->jsonl) {
            size_t len = 0;
            if (inputs_read(path, &buf, &cap, &len, msg, sizeof(msg))) {
                cli_error(path, msg);
                rc = -1;
            } else {
                rc = fn(ctx, path, buf, len);
            }
            continue;
        }
        jsonl_doc d;
        if (jsonl_parse(docs, k, PERIOD_NONE, &d, msg, sizeof(msg))) {
            if (bad) {
                (*bad)++;
                if (!quiet)
                    fprintf(stderr, "stakegraph: %s:%zu: %s; line skipped\n",
                            strcmp(path, "-") ? path : "<stdin>", line, msg);
            }
        } else {
            rc = fn(ctx, d.name, d.text, d.len);
        }
        jsonl_doc_free(&d);
    }
    free(buf);
    return rc;
}

typedef struct {
    scan *sc;
    sg_extractor *ex;
    counter *cnt;
} doc_ctx;

static void print_error(const sg_error *err)
{
    char buf[2048];
    cli_error(NULL, sg_error_format(err, buf, sizeof(buf)));
}

static void ignore_warning(const sg_error *w, void *ctx)
{
    (void)w, (void)ctx;
}

static int pass1_doc(void *ctx, const char *name, const char *text, size_t len)
{
    doc_ctx *d = ctx;
    scan *sc = d->sc;
    sg_error err;
    sg_error_clear(&err);
    sc->nspans = 0;
    sc->text = text;
    sc->len = len;
    if (sg_extractor_add(d->ex, name, text, len, &err)) {
        if (sc->nomem)
            cli_error(NULL, "out of memory");
        else
            print_error(&err);
        return -1;
    }
    if (scan_document(sc)) {
        cli_error(NULL, "out of memory");
        return -1;
    }
    return 0;
}

static int pass2_doc(void *ctx, const char *name, const char *text, size_t len)
{
    doc_ctx *d = ctx;
    sg_error err;
    sg_error_clear(&err);
    d->cnt->text = text;
    d->cnt->len = len;
    if (sg_extractor_add(d->ex, name, text, len, &err)) {
        if (d->cnt->nomem)
            cli_error(NULL, "out of memory");
        else
            print_error(&err);
        return -1;
    }
    return 0;
}

/* ---- the command ---- */

typedef struct {
    const char **gazetteers;
    int ngazetteers;
    unsigned long min_count;
    int jsonl, quiet;
    const char *output;
} suggest_args;

/* The gazetteers, and `extra` (the rows) when not NULL. On failure prints
 * the error, except a row the loader refuses: its 0-based index goes to
 * *bad_row (-2 is returned). */
static int load_gazetteers(sg_gazetteer **out, const suggest_args *a, const char *extra,
                           size_t extra_len, long *bad_row)
{
    sg_error err;
    sg_error_clear(&err);
    sg_gazetteer *gaz = NULL;
    int rc = cli_gazetteers_load(&gaz, a->gazetteers, a->ngazetteers, &err);
    if (rc) {
        print_error(&err);
        return -1;
    }
    if (extra && (rc = sg_gazetteer_load_buffer(gaz, "<suggestions>", extra, extra_len, &err)) &&
        rc != SG_ERR_NOMEM && err.line >= 2 && bad_row) {
        *bad_row = err.line - 2;
        sg_gazetteer_free(gaz);
        return -2;
    }
    if (rc) {
        print_error(&err);
        sg_gazetteer_free(gaz);
        return -1;
    }
    *out = gaz;
    return 0;
}

static int parse_args(suggest_args *a, int argc, char **argv)
{
    enum { OPT_MIN_COUNT = 256, OPT_JSONL };
    static const struct option longs[] = {{"gazetteer", required_argument, NULL, 'g'},
                                          {"min-count", required_argument, NULL, OPT_MIN_COUNT},
                                          {"jsonl", no_argument, NULL, OPT_JSONL},
                                          {"output", required_argument, NULL, 'o'},
                                          {"quiet", no_argument, NULL, 'q'},
                                          {"help", no_argument, NULL, 'h'},
                                          {NULL, 0, NULL, 0}};
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":g:o:qh", longs, NULL)) != -1) {
        char msg[300];
        switch (c) {
        case 'g': a->gazetteers[a->ngazetteers++] = optarg; break;
        case OPT_MIN_COUNT:
            if (cli_parse_seed(optarg, &a->min_count) || a->min_count == 0)
                return cli_usage_error("suggest", "invalid --min-count (a positive integer)");
            break;
        case OPT_JSONL: a->jsonl = 1; break;
        case 'o': a->output = optarg; break;
        case 'q': a->quiet = 1; break;
        case 'h': help(stdout); return -1;
        case ':':
            snprintf(msg, sizeof(msg), "option '%.200s' needs a value", argv[optind - 1]);
            return cli_usage_error("suggest", msg);
        default:
            snprintf(msg, sizeof(msg), "unknown option '%.200s'", argv[optind - 1]);
            return cli_usage_error("suggest", msg);
        }
    }
    if (optind >= argc)
        return cli_usage_error("suggest",
                               "no input (give files, directories or - for standard input)");
    return 0;
}

/* The rows as a gazetteer (id, label, type, aliases), for pass 2. */
static char *rows_tsv(const row_list *rl, size_t *len)
{
    text_buf b = {0};
    buf_add(&b, "id\tlabel\ttype\taliases\n", 22);
    for (size_t i = 0; i < rl->n; i++) {
        const row *r = &rl->v[i];
        const char *f[4] = {r->id, r->label, r->type, r->aliases};
        for (int k = 0; k < 4; k++) {
            buf_add(&b, f[k], strlen(f[k]));
            buf_add(&b, k < 3 ? "\t" : "\n", 1);
        }
    }
    if (b.failed) {
        free(b.s);
        return NULL;
    }
    *len = b.len;
    return b.s;
}

static void row_drop(row_list *rl, size_t i)
{
    free(rl->v[i].id);
    free(rl->v[i].label);
    free(rl->v[i].aliases);
    free(rl->v[i].example);
    memmove(rl->v + i, rl->v + i + 1, (rl->n - i - 1) * sizeof(row));
    rl->n--;
}

/* The gazetteers plus the rows; a row the loader refuses (an odd name in
 * odd text) is dropped. */
static int load_with_rows(sg_gazetteer **gaz, row_list *rl, const suggest_args *a)
{
    for (;;) {
        size_t len = 0;
        long bad = -1;
        char *tsv = rows_tsv(rl, &len);
        if (!tsv) {
            cli_error(NULL, "out of memory");
            return -1;
        }
        int rc = load_gazetteers(gaz, a, tsv, len, &bad);
        free(tsv);
        if (rc != -2)
            return rc;
        if (bad < 0 || (size_t)bad >= rl->n) {
            cli_error(NULL, "internal error: a suggested row does not load");
            return -1;
        }
        row_drop(rl, (size_t)bad);
    }
}

static int count_rows(row_list *rl, const suggest_args *a, const doc_list *docs)
{
    sg_gazetteer *gaz = NULL;
    sg_extractor *ex = NULL;
    counter cnt = {rl, NULL, NULL, NULL, 0, 0};
    doc_ctx d = {NULL, NULL, NULL};
    if (load_with_rows(&gaz, rl, a))
        return -1;
    int rc = 0;
    sg_extract_options opt;
    sg_extract_options_init(&opt);
    sg_error err;
    sg_error_clear(&err);
    size_t n = sg_gazetteer_count(gaz);
    if (!(cnt.row_of = malloc((n + 1) * sizeof(long)))) {
        cli_error(NULL, "out of memory");
        rc = -1;
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++)
        cnt.row_of[i] = -1;
    for (size_t i = 0; i < rl->n; i++) {
        long e = sg_gazetteer_find(gaz, rl->v[i].id);
        if (e >= 0)
            cnt.row_of[e] = (long)i;
    }
    cnt.gaz = gaz;
    if ((rc = sg_extractor_new(&ex, gaz, &opt, &err))) {
        print_error(&err);
        goto cleanup;
    }
    sg_extractor_on_mention(ex, on_count, &cnt);
    sg_extractor_on_warning(ex, ignore_warning, NULL);
    d.ex = ex;
    d.cnt = &cnt;
    rc = each_document(docs, 1, NULL, pass2_doc, &d);
cleanup:
    sg_extractor_free(ex);
    sg_gazetteer_free(gaz);
    free(cnt.row_of);
    return rc;
}

static int cmp_rows(const void *pa, const void *pb)
{
    const row *a = pa, *b = pb;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    int c = strcmp(a->label, b->label);
    return c ? c : strcmp(a->id, b->id);
}

static int write_rows(row_list *rl, const suggest_args *a)
{
    /* rows not found again (inside a longer name) and thin sequences go */
    size_t k = 0;
    for (size_t i = 0; i < rl->n; i++) {
        row *r = &rl->v[i];
        size_t min = r->kind == K_SEQUENCE ? a->min_count : 1;
        /* a sequence found mostly in lower case is a common word ("Santé") */
        int common = r->seen && r->count > 2 * r->seen;
        if (r->count >= min && r->example && !common) {
            rl->v[k++] = *r;
        } else {
            free(r->id);
            free(r->label);
            free(r->aliases);
            free(r->example);
        }
    }
    rl->n = k;
    if (rl->n > 1)
        qsort(rl->v, rl->n, sizeof(row), cmp_rows);
    sg_error err;
    sg_error_clear(&err);
    sg_output *o = NULL;
    if (sg_output_open(&o, a->output ? a->output : "-", &err)) {
        print_error(&err);
        return -1;
    }
    FILE *f = sg_output_stream(o);
    fputs("id\tlabel\ttype\taliases\tcount\texample\n", f);
    for (size_t i = 0; i < rl->n; i++) {
        const row *r = &rl->v[i];
        fprintf(f, "%s\t%s\t%s\t%s\t%zu\t%s\n", r->id, r->label, r->type, r->aliases, r->count,
                r->example);
    }
    if (sg_output_commit(o, &err)) {
        print_error(&err);
        return -1;
    }
    return 0;
}

static int suggest(const suggest_args *a, doc_list *docs)
{
    scan sc;
    memset(&sc, 0, sizeof(sc));
    row_list rl;
    memset(&rl, 0, sizeof(rl));
    sg_gazetteer *gaz = NULL;
    sg_extractor *ex = NULL;
    doc_ctx d = {&sc, NULL, NULL};
    size_t bad = 0;
    int rc = load_gazetteers(&gaz, a, NULL, 0, NULL);
    if (rc)
        return EXIT_FAIL;
    sg_extract_options opt;
    sg_extract_options_init(&opt);
    sg_error err;
    sg_error_clear(&err);
    if ((rc = sg_extractor_new(&ex, gaz, &opt, &err))) {
        print_error(&err);
        goto cleanup;
    }
    sg_extractor_on_mention(ex, on_covered, &sc);
    sg_extractor_on_warning(ex, ignore_warning, NULL);
    d.ex = ex;
    if ((rc = each_document(docs, a->quiet, &bad, pass1_doc, &d)))
        goto cleanup;
    if (rows_from_definitions(&rl, &sc, gaz) || rows_from_people(&rl, &sc, gaz) ||
        rows_from_sequences(&rl, &sc, gaz, a->min_count)) {
        cli_error(NULL, "out of memory");
        rc = -1;
        goto cleanup;
    }
    sg_extractor_free(ex);
    ex = NULL;
    if ((rc = count_rows(&rl, a, docs)) || (rc = write_rows(&rl, a)))
        goto cleanup;
cleanup:
    sg_extractor_free(ex);
    sg_gazetteer_free(gaz);
    cand_list_free(&sc.defs);
    cand_list_free(&sc.people);
    cand_list_free(&sc.seqs);
    free(sc.spans);
    free(sc.tok);
    free(sc.pool);
    rows_free(&rl);
    return rc ? EXIT_FAIL : bad ? EXIT_FAIL : EXIT_OK;
}

int cmd_suggest(int argc, char **argv)
{
    suggest_args a = {0};
    a.min_count = 2;
    doc_list docs = {0};
    int status = EXIT_FAIL;
    if (!(a.gazetteers = calloc((size_t)argc + 1, sizeof(char *)))) {
        cli_error(NULL, "out of memory");
        return EXIT_FAIL;
    }
    int rc = parse_args(&a, argc, argv);
    if (rc) {
        status = rc < 0 ? EXIT_OK : rc;
        goto cleanup;
    }
    sets_init();
    if (inputs_collect(&docs, argv + optind, argc - optind, a.jsonl ? ".jsonl" : ".txt") ||
        (a.jsonl && jsonl_open(&docs)))
        goto cleanup;
    status = suggest(&a, &docs);
cleanup:
    if (docs.jsonl)
        jsonl_close(docs.jsonl);
    inputs_free(&docs);
    free(a.gazetteers);
    return status;
}
