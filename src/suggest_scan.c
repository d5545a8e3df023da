/* The candidates of one document (SPEC §15). The document is read as the
 * extractor reads it: folded by sg_fold (so a word's form is the matcher's)
 * and cut into sentences by sg_segment. Words are runs of letters and digits
 * of the folded text, joined by a dash (AP-HM, Jean-Paul: one word). The
 * gazetteers' mentions mark the words they cover; page furniture (credits,
 * bylines, headings in capitals) is marked too and never read as a name.
 * Three scanners then look at the words: acronym definitions, people (a
 * first name, a title, a role, a verb of saying) and capitalised sequences. */
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "sg_internal.h"
#include "suggest_int.h"

enum {
    T_CAP = 1,         /* starts with a capital */
    T_UPPER = 2,       /* every letter a capital, at least two letters */
    T_LOWER = 4,       /* starts with a lower-case letter */
    T_NUM = 8,         /* digits only */
    T_START = 16,      /* starts a sentence, a line or a quotation */
    T_COVERED = 32,    /* inside a gazetteer's mention */
    T_DOT = 64,        /* a '.' right after it */
    T_FURNITURE = 128, /* a credit, a byline, a heading: not text of the article */
    T_LINE = 256,      /* the first word of a line */
    T_COMMON = 512,    /* an acronym in brackets after common nouns ("les urgences (UGO)") */
    T_PLACE = 1024,    /* inside a gazetteer's mention of a place */
    T_TAKEN = 2048     /* already read as a name after a media cue */
};

enum { MAX_NAME_WORDS = 8, MAX_WORD = 200 };

static int add_sequence(sg_scan *sc, size_t i, size_t j, int cued, int lower_end);
static int ordinal(const sg_scan *sc, size_t i);
static int roman(const sg_scan *sc, size_t i);
static int ends_with(const char *w, const char *const *endings, size_t n);
static int person_at(const sg_scan *sc, size_t i);
static int cap_article(const sg_scan *sc, size_t i);

static const char *fw(const sg_scan *sc, size_t i)
{
    return sc->pool + sc->tok[i].word;
}

static int in(const sg_scan *sc, size_t i, sg_wordlist l)
{
    return sg_suggest_word(l, fw(sc, i));
}

static int is(const sg_scan *sc, size_t i, const char *w)
{
    return !strcmp(fw(sc, i), w);
}

/* ---- separators: the original bytes between word i - 1 and word i ---- */

static size_t sep_from(const sg_scan *sc, size_t i)
{
    return i ? sc->tok[i - 1].e : 0;
}

static int sep_has(const sg_scan *sc, size_t i, const char *chars)
{
    for (size_t p = sep_from(sc, i); p < sc->tok[i].s; p++)
        if (strchr(chars, sc->text[p]))
            return 1;
    return 0;
}

/* Whether one of the code points `cps` is between word i - 1 and word i. */
static int sep_has_cp(const sg_scan *sc, size_t i, const uint32_t *cps, size_t n)
{
    const unsigned char *u = (const unsigned char *)sc->text;
    for (size_t p = sep_from(sc, i); p < sc->tok[i].s;) {
        uint32_t c = sg_utf8_next(u, sc->tok[i].s, &p, NULL);
        for (size_t k = 0; k < n; k++)
            if (c == cps[k])
                return 1;
    }
    return 0;
}

/* Only white space (and some) between word i - 1 and word i. */
static int sep_blank(const sg_scan *sc, size_t i)
{
    if (i == 0 || sc->tok[i - 1].e == sc->tok[i].s)
        return 0;
    const unsigned char *u = (const unsigned char *)sc->text;
    for (size_t p = sc->tok[i - 1].e; p < sc->tok[i].s;)
        if (!sg_is_space(sg_utf8_next(u, sc->tok[i].s, &p, NULL)))
            return 0;
    return 1;
}

/* Only an apostrophe between word i - 1 and word i: an elision (l’AP-HM). */
static int sep_elision(const sg_scan *sc, size_t i)
{
    return i > 0 && sc->tok[i].fs == sc->tok[i - 1].fe + 1 &&
           sc->f->text[sc->tok[i - 1].fe] == '\'';
}

/* The first character after word i that is not white space (before the next
 * word), 0 when none. */
static uint32_t char_after(const sg_scan *sc, size_t i)
{
    const unsigned char *u = (const unsigned char *)sc->text;
    size_t end = i + 1 < sc->ntok ? sc->tok[i + 1].s : sc->len;
    for (size_t p = sc->tok[i].e; p < end;) {
        uint32_t c = sg_utf8_next(u, end, &p, NULL);
        if (!sg_is_space(c))
            return c;
    }
    return 0;
}

static int open_paren_before(const sg_scan *sc, size_t i)
{
    return sc->tok[i].s > 0 && sc->text[sc->tok[i].s - 1] == '(';
}

/* ---- words ---- */

/* Whether the folded ' ' at k stands for one dash (not for white space). */
static int dash_at(const sg_scan *sc, size_t k)
{
    const sg_folded *f = sc->f;
    size_t a = f->src[k], b = f->src[k + 1], q = a;
    if (a >= b || b > sc->len)
        return 0;
    int bad = 0;
    uint32_t c = sg_utf8_next((const unsigned char *)sc->text, sc->len, &q, &bad);
    return !bad && q == b && !sg_is_space(c);
}

static int pool_add(sg_scan *sc, const char *s, size_t n)
{
    if (sg_grow((void **)&sc->pool, &sc->pool_cap, sc->pool_len + n + 1, 1))
        return SG_ERR_NOMEM;
    memcpy(sc->pool + sc->pool_len, s, n);
    sc->pool[sc->pool_len + n] = '\0';
    sc->pool_len += n + 1;
    return 0;
}

static int add_token(sg_scan *sc, size_t fs, size_t fe)
{
    const sg_folded *f = sc->f;
    if (sg_grow((void **)&sc->tok, &sc->tok_cap, sc->ntok + 1, sizeof(sg_stok)))
        return SG_ERR_NOMEM;
    sg_stok *t = &sc->tok[sc->ntok];
    memset(t, 0, sizeof(*t));
    t->fs = fs;
    t->fe = fe;
    t->s = f->src[fs];
    t->e = sg_folded_orig_end(f, sc->text, sc->len, fe);
    size_t letters = 0, upper = 0, digits = 0;
    for (size_t k = fs; k < fe; k++) {
        unsigned char c = f->flags[k];
        if (c & (SG_F_UPPER | SG_F_LOWER)) {
            letters++;
            upper += (c & SG_F_UPPER) != 0;
        } else if (f->text[k] >= '0' && f->text[k] <= '9') {
            digits++;
        }
    }
    t->flags |= (f->flags[fs] & SG_F_UPPER) ? T_CAP : (f->flags[fs] & SG_F_LOWER) ? T_LOWER : 0;
    if (letters >= 2 && upper == letters)
        t->flags |= T_UPPER;
    if (!letters && digits == fe - fs)
        t->flags |= T_NUM;
    if (t->e < sc->len && sc->text[t->e] == '.')
        t->flags |= T_DOT;
    t->word = sc->pool_len;
    if (pool_add(sc, f->text + fs, fe - fs > MAX_WORD ? MAX_WORD : fe - fs))
        return SG_ERR_NOMEM;
    sc->ntok++;
    return 0;
}

static int tokenise(sg_scan *sc)
{
    const sg_folded *f = sc->f;
    sc->ntok = sc->pool_len = 0;
    for (size_t i = 0; i < f->len;) {
        if (!(f->flags[i] & SG_F_ALNUM)) {
            i++;
            continue;
        }
        size_t a = i;
        /* "ex-Université de X": the former name starts after the dash */
        if (i + 3 < f->len && !strncmp(f->text + i, "ex ", 3) && (f->flags[i + 3] & SG_F_UPPER) &&
            (i == 0 || !(f->flags[i - 1] & SG_F_ALNUM)) && dash_at(sc, i + 2)) {
            if (add_token(sc, i, i + 2))
                return SG_ERR_NOMEM;
            i = a = i + 3;
        }
        for (;;) {
            while (i < f->len && (f->flags[i] & SG_F_ALNUM))
                i++;
            if (i + 1 < f->len && f->text[i] == ' ' && (f->flags[i + 1] & SG_F_ALNUM) &&
                dash_at(sc, i)) {
                i++;
                continue;
            }
            break;
        }
        if (add_token(sc, a, i))
            return SG_ERR_NOMEM;
    }
    return 0;
}

/* ---- marks ---- */

static void mark_covered(sg_scan *sc)
{
    size_t k = 0;
    for (size_t i = 0; i < sc->ntok; i++) {
        sg_stok *t = &sc->tok[i];
        while (k < sc->nspans && sc->spans[k].e <= t->s)
            k++;
        for (size_t j = k; j < sc->nspans && sc->spans[j].s < t->e; j++)
            if (sc->spans[j].e > t->s) {
                t->flags |= T_COVERED | (sc->spans[j].place ? T_PLACE : 0);
                break;
            }
    }
}

/* The line breaks between word i - 1 and word i. */
static size_t newlines_before(const sg_scan *sc, size_t i)
{
    size_t n = 0;
    for (size_t p = sep_from(sc, i); p < (i < sc->ntok ? sc->tok[i].s : sc->len); p++)
        n += sc->text[p] == '\n';
    return n;
}

/* A heading: a short line alone in its paragraph, without a sentence's
 * final punctuation ("Autonomie financière préservée", "Les Raisons du
 * Départ"). Its capitals are a title's, so its words count as sentence
 * starts. */
static void mark_headings(sg_scan *sc)
{
    for (size_t a = 0; a < sc->ntok;) {
        size_t b = a + 1;
        while (b < sc->ntok && !newlines_before(sc, b))
            b++;
        int alone = (a == 0 || newlines_before(sc, a) >= 2) &&
                    (b == sc->ntok || newlines_before(sc, b) >= 2);
        size_t end = b < sc->ntok ? sc->tok[b].s : sc->len, p = sc->tok[b - 1].e;
        while (p < end && strchr(" \t\r\n", sc->text[p]))
            p++;
        int stop = p < end && sc->text[p] && strchr(".!?:;,\"", sc->text[p]);
        for (size_t k = a; alone && !stop && b - a <= 8 && k < b; k++)
            sc->tok[k].flags |= T_START;
        a = b;
    }
}

/* Sentence starts are the extractor's (sg_segment); the first word of a
 * line, and a word after an opening quote, a bullet or a hash, start too. */
static void mark_starts(sg_scan *sc)
{
    static const uint32_t openers[] = {0xAB, 0x201C, '#', 0x2022, '*', '|', '!', '?', 0x2026};
    size_t u = 0;
    for (size_t i = 0; i < sc->ntok; i++) {
        sg_stok *t = &sc->tok[i];
        int start = i == 0 || sep_has(sc, i, "\n\r");
        if (start)
            t->flags |= T_LINE;
        while (u < sc->units.count && sc->units.starts[u] <= t->fs) {
            if (i == 0 || sc->units.starts[u] > sc->tok[i - 1].fs)
                start = 1;
            u++;
        }
        if (start || sep_has_cp(sc, i, openers, sizeof(openers) / sizeof(*openers)))
            t->flags |= T_START;
    }
    mark_headings(sc);
}

/* A heading in capitals (three words in capitals in a row, numbers among
 * them: "UN BASSIN DE 230 000 HABITANTS") names nothing: its words are not
 * taken as capitalised. */
static void unmark_shouted(sg_scan *sc)
{
    size_t a = 0; /* the run of words in capitals is [a, i) */
    for (size_t i = 0; i <= sc->ntok; i++) {
        int upper =
            i < sc->ntok && ((sc->tok[i].flags & T_UPPER) || ((sc->tok[i].flags & T_NUM) && i > a));
        if (upper && i > a && !(sc->tok[i].flags & T_LINE))
            continue;
        for (size_t k = a; i >= a + 3 && k < i; k++)
            sc->tok[k].flags &= ~(unsigned)(T_CAP | T_UPPER);
        a = upper ? i : i + 1;
    }
}

static size_t line_end(const sg_scan *sc, size_t i)
{
    size_t j = i + 1;
    while (j < sc->ntok && !(sc->tok[j].flags & T_LINE))
        j++;
    return j;
}

/* The end of a credit starting at word i: the closing bracket when it is
 * inside brackets, else the end of its line. */
static size_t credit_end(const sg_scan *sc, size_t i)
{
    int bracket = sep_has(sc, i, "(");
    size_t j = i + 1;
    while (j < sc->ntok && !(sc->tok[j].flags & T_LINE) && !(bracket && sep_has(sc, j, ")")))
        j++;
    return j;
}

static void furnish(sg_scan *sc, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        sc->tok[k].flags |= T_FURNITURE;
}

/* Words [a, b) are a name alone: a first name and one or two capitalised
 * words, nothing else (a journalist's signature on its own line). */
static int signature(const sg_scan *sc, size_t a, size_t b)
{
    if (b - a < 2 || b - a > 3 || !(sc->tok[a].flags & T_CAP) || !sg_first_name(fw(sc, a)))
        return 0;
    for (size_t k = a + 1; k < b; k++)
        if (!(sc->tok[k].flags & T_CAP) || !sep_blank(sc, k))
            return 0;
    return b == sc->ntok || sc->tok[b - 1].e == sc->len || sep_has(sc, b, "\n\r");
}

/* Page furniture (furniture.c, the matcher's rule): credits, bylines,
 * newspaper headers. A word is in it when it starts in it, as a mention. */
static int mark_furniture(sg_scan *sc)
{
    if (sg_furniture_spans(&sc->furniture, sc->text, sc->len))
        return SG_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < sc->ntok; i++) {
        while (k < sc->furniture.n && sc->furniture.v[k].e <= sc->tok[i].s)
            k++;
        if (k < sc->furniture.n && sc->furniture.v[k].s <= sc->tok[i].s)
            sc->tok[i].flags |= T_FURNITURE;
    }
    return 0;
}

static int byline_verb(const char *w)
{
    static const char *const verbs[] = {"ecrit",  "ecrite",  "poste",  "postee",
                                        "publie", "publiee", "redige", "redigee"};
    for (size_t k = 0; k < sizeof(verbs) / sizeof(*verbs); k++)
        if (!strcmp(w, verbs[k]))
            return 1;
    return 0;
}

/* Bylines furniture.c leaves to the names: a short line of names in
 * capitals or with an e-mail address ("- F. DUMAS"), a name alone on its
 * line or after a bullet (a signature). */
static void mark_bylines(sg_scan *sc)
{
    static const uint32_t bullet[] = {0x2022};
    for (size_t a = 0; a < sc->ntok;) {
        size_t b = line_end(sc, a), n = b - a, caps = 0;
        int mail = 0;
        for (size_t k = a; k < b; k++) {
            const sg_stok *t = &sc->tok[k];
            caps += (t->flags & T_UPPER) || ((t->flags & T_CAP) && t->fe - t->fs == 1);
            mail |= k > a && sep_has(sc, k, "@");
        }
        if ((n <= 8 && mail) || (n <= 4 && caps == n) || signature(sc, a, b))
            furnish(sc, a, b);
        /* "… d'Arles. • Louise Gal": a signature after a bullet ends the line;
           "Le chantier avance. Louise Gal": a caption's credit after its
           sentence (not after "M.", "Dr.": a title) */
        /* "Publié par Jean Dupont le 3 mai", "Écrit par X": the author */
        for (size_t k = a; k + 2 < b; k++)
            if ((sc->tok[k].flags & T_START) && byline_verb(fw(sc, k)) && is(sc, k + 1, "par")) {
                size_t e = k + 2;
                while (e < b && e < k + 6 && (sc->tok[e].flags & T_CAP))
                    e++;
                furnish(sc, k + 2, e);
            }
        for (size_t k = a + 1; k < b; k++)
            if ((sep_has_cp(sc, k, bullet, 1) ||
                 (sep_has(sc, k, ".") && strlen(fw(sc, k - 1)) > 2 && !in(sc, k - 1, SG_WL_TITLE) &&
                  !char_after(sc, b - 1))) &&
                signature(sc, k, b))
                furnish(sc, k, b);
        a = b;
    }
}

/* A credit cue furniture.c reads on a line's start or, capitalised, inside
 * a line. */
static int furniture_cue(const char *w)
{
    static const char *const cues[] = {"credit",  "credits", "illustration", "infographie",
                                       "legende", "photo",   "photos",       "video"};
    for (size_t k = 0; k < sizeof(cues) / sizeof(*cues); k++)
        if (!strcmp(w, cues[k]))
            return 1;
    return 0;
}

/* Credits furniture.c leaves to the names: a cue it does not read ("Source
 * : X", "Image : X", "Copyright X"), a cue in lower case in brackets
 * ("(crédit : X)", up to the closing bracket), and "Jacques Witt/AGENCY" (a
 * name, a slash, an agency in capitals). */
static void mark_credits(sg_scan *sc)
{
    for (size_t i = 0; i < sc->ntok; i++) {
        if (in(sc, i, SG_WL_CREDIT) && (!furniture_cue(fw(sc, i)) || sep_has(sc, i, "(")) &&
            !(sc->tok[i].flags & T_FURNITURE) && i + 1 < sc->ntok &&
            (sep_has(sc, i + 1, ":/") || in(sc, i + 1, SG_WL_CREDIT))) {
            size_t b = credit_end(sc, i);
            furnish(sc, i, b);
            i = b - 1;
            continue;
        }
        /* a slash right between a name and an agency in capitals */
        if (i > 0 && sc->tok[i - 1].e + 1 == sc->tok[i].s && sc->text[sc->tok[i].s - 1] == '/' &&
            (sc->tok[i].flags & T_UPPER) && (sc->tok[i - 1].flags & T_CAP) &&
            !(sc->tok[i - 1].flags & T_UPPER)) {
            size_t a = i - 1;
            while (a > 0 && sep_blank(sc, a) && (sc->tok[a - 1].flags & T_CAP))
                a--;
            furnish(sc, a, credit_end(sc, i));
        }
    }
}

/* ---- tests on words ---- */

static int any_flag(const sg_scan *sc, size_t a, size_t b, unsigned flag)
{
    for (size_t i = a; i <= b; i++)
        if (sc->tok[i].flags & flag)
            return 1;
    return 0;
}

static int any_covered(const sg_scan *sc, size_t a, size_t b)
{
    return any_flag(sc, a, b, T_COVERED | T_FURNITURE);
}

/* A capitalised word that may be part of a name. */
static int name_word(const sg_scan *sc, size_t i)
{
    return (sc->tok[i].flags & T_CAP) && !(sc->tok[i].flags & (T_COVERED | T_FURNITURE)) &&
           !in(sc, i, SG_WL_STOP) && !in(sc, i, SG_WL_TITLE);
}

/* A word that can be a surname: a name word that is no generic noun, role
 * or organisation's head. */
static int surname_word(const sg_scan *sc, size_t i)
{
    return name_word(sc, i) && !in(sc, i, SG_WL_GENERIC) && !in(sc, i, SG_WL_ROLE) &&
           !in(sc, i, SG_WL_ORG_HEAD) && !in(sc, i, SG_WL_PLACE) && !in(sc, i, SG_WL_NAMED) &&
           !(sc->tok[i].flags & T_NUM);
}

static int is_article(const char *w)
{
    return !strcmp(w, "le") || !strcmp(w, "la") || !strcmp(w, "l");
}

/* ---- acronym definitions ---- */

/* A short capitalised word of letters in mixed case ("Cref", "Chits"): it
 * may be an acronym written as a word. */
static int mixed_word(const sg_scan *sc, size_t i)
{
    const sg_stok *t = &sc->tok[i];
    if (!(t->flags & T_CAP) || (t->flags & T_UPPER) || t->e - t->s < 2 || t->e - t->s > 6)
        return 0;
    for (size_t p = t->s; p < t->e; p++)
        if (!((sc->text[p] >= 'a' && sc->text[p] <= 'z') ||
              (sc->text[p] >= 'A' && sc->text[p] <= 'Z')))
            return 0;
    return 1;
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

/* The folded text of words [a, b] as a new string. */
static char *fold_words(sg_scan *sc, size_t a, size_t b)
{
    return sg_suggest_fold(&sc->scratch, sc->text + sc->tok[a].s, sc->tok[b].e - sc->tok[a].s);
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

static size_t place_run(const sg_scan *sc, size_t k);
static size_t sequence_end(const sg_scan *sc, size_t i);
static int particle_at(const sg_scan *sc, size_t k);
static int party(const sg_scan *sc, size_t i);

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
        end = sequence_end(sc, n);
    else
        return 0;
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
    int fits = 0, rc = buf ? 0 : SG_ERR_NOMEM;
    if (buf) {
        char *save = NULL;
        for (char *w = strtok_r(buf, " '", &save); w && nw < 64; w = strtok_r(NULL, " '", &save))
            words[nw++] = w;
        /* a generic acronym's long form names which one in more words
           ("… départemental des hôpitaux de Vaucluse") */
        fits = nw >= 2 &&
               acronym_fits(letters, words, nw, sg_suggest_word(SG_WL_GENERIC, acr_key) ? 4 : 2);
    }
    free(buf);
    /* a generic acronym (GHT, CHU): no alias, but a long form that names one
       ("GHT (Groupement hospitalier de territoire des hôpitaux de Vaucluse)")
       is a name */
    if (fits && sg_suggest_word(SG_WL_GENERIC, acr_key)) {
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
            rc = add_sequence(sc, a, b, 1, 0);
            for (size_t k = a; k <= b; k++)
                sc->tok[k].flags |= T_TAKEN;
        } else if (!named && !rc && x == b + 1) {
            rc = interrupted_name(sc, a, b, y);
            named = rc > 0;
            rc = rc < 0 ? rc : 0;
        }
        free(acr_key);
        return rc ? rc : named;
    }
    if (fits) {
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
    /* a plan, a contract or a law is no actor, however it is written ("Contrat
       de plan", "Projet régional de santé") */
    static const char *const measures[] = {"contrat", "dispositif", "loi", "pacte", "plan",
                                           "programme", "projet", "schema", "strategie",
                                           /* a qualification: "Capacité en médecine
                                              d’urgence", "Diplôme d’État de…" */
                                           "capacite", "certificat", "diplome"};
    for (size_t k = 0; k < sizeof(measures) / sizeof(*measures); k++)
        if (is(sc, a, measures[k]))
            return 1;
    int kind = 0;
    for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++)
        kind |= is(sc, a, kinds[k]);
    if (!kind || a >= b)
        return 0;
    for (size_t k = a + 1; k <= b; k++)
        if (!(sc->tok[k].flags & T_LOWER))
            return 0;
    return 1;
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
static int find_definitions(sg_scan *sc)
{
    for (size_t i = 0; i < sc->ntok; i++) {
        size_t last;
        if (!acronym_at(sc, i, &last) || any_covered(sc, i, last))
            continue;
        /* Long Form (ACR): the acronym alone in the brackets */
        if (i > 0 && open_paren_before(sc, i) && char_after(sc, last) == ')') {
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
                if (unit_form(sc, a, i - 1)) {
                    sc->tok[i].flags |= T_COMMON;
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
            if ((sc->tok[i - 1].flags & T_LOWER) && !party(sc, i))
                sc->tok[i].flags |= T_COMMON;
        }
        /* ACR (Long Form): the acronym in capitals, the long form alone in the brackets */
        if ((sc->tok[i].flags & T_UPPER) && last + 1 < sc->ntok &&
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

/* ---- people ---- */

/* A capitalised particle of a surname: Le Toulec, La Fontaine, Ben Brahim,
 * Van Damme, Da Silva, Di Meglio, Dos Santos, El Khomri. */
static int name_particle(const sg_scan *sc, size_t i)
{
    static const char *const particles[] = {"al",  "ben", "da", "del", "della", "des", "di",
                                            "dos", "du",  "el", "la",  "le",    "van", "von"};
    if (!(sc->tok[i].flags & T_CAP) || (sc->tok[i].flags & (T_COVERED | T_FURNITURE)))
        return 0;
    for (size_t k = 0; k < sizeof(particles) / sizeof(*particles); k++)
        if (is(sc, i, particles[k]))
            return 1;
    return 0;
}

/* First names left out of the list because they are places or words more
 * often (Florence, Nancy): a first name only inside a sentence, before a
 * surname. */
static int ambiguous_first_name(const sg_scan *sc, size_t i)
{
    static const char *const names[] = {"florence", "lorraine", "marine", "nancy", "rose"};
    if (sc->tok[i].flags & T_START)
        return 0;
    for (size_t k = 0; k < sizeof(names) / sizeof(*names); k++)
        if (is(sc, i, names[k]))
            return 1;
    return 0;
}

/* Words [a, b] name a person whose surname starts at word `sur` (sur == a:
 * the surname alone). */
static int add_person(sg_scan *sc, size_t a, size_t b, size_t sur)
{
    if (any_covered(sc, a, b))
        return 0;
    for (size_t i = a; i <= b; i++)
        if (i >= sur ? !surname_word(sc, i) &&
                           !(i < b && (in(sc, i, SG_WL_PARTICLE) || name_particle(sc, i)))
                     : !name_word(sc, i) || in(sc, i, SG_WL_ORG_HEAD) || in(sc, i, SG_WL_ROLE))
            return 0;
    char *key = fold_words(sc, a, b);
    sg_cand *c =
        key ? sg_cand_get(&sc->people, key, sc->text + sc->tok[a].s, sc->tok[b].e - sc->tok[a].s)
            : NULL;
    free(key);
    if (!c)
        return SG_ERR_NOMEM;
    c->full |= sur > a;
    if (!c->surname && !(c->surname = sg_suggest_collapse(sc->text + sc->tok[sur].s,
                                                          sc->tok[b].e - sc->tok[sur].s)))
        return SG_ERR_NOMEM;
    return 0;
}

/* Words a.. as a person's name: first names, then a surname (maybe "de X");
 * returns the surname's first word in *sur and the last word, or 0. */
static size_t name_after(const sg_scan *sc, size_t a, size_t *sur)
{
    size_t j = a;
    while (j + 1 < sc->ntok && j - a < 2 && sep_blank(sc, j + 1) && name_word(sc, j + 1) &&
           sg_first_name(fw(sc, j + 1)) && j + 2 < sc->ntok && sep_blank(sc, j + 2) &&
           surname_word(sc, j + 2))
        j++; /* Jean Pierre Dupont */
    size_t k = j + 1;
    if (k >= sc->ntok || !sep_blank(sc, k))
        return 0;
    /* Le Toulec, Ben Brahim, Van Damme: a capitalised particle, then the surname */
    /* (BEN BRAHIM, LE HIR: both in capitals) */
    if (name_particle(sc, k) && k + 1 < sc->ntok && sep_blank(sc, k + 1) &&
        surname_word(sc, k + 1) &&
        (!(sc->tok[k + 1].flags & T_UPPER) || (sc->tok[k].flags & T_UPPER))) {
        *sur = k;
        return k + 1;
    }
    if (surname_word(sc, k)) {
        *sur = k;
        /* "Léon Wladyslas de Lenval": a second first name, then the surname
           with its particle (not a town the gazetteers know: those are
           covered) */
        if (k + 2 < sc->ntok && (sc->tok[k + 1].flags & T_LOWER) &&
            (is(sc, k + 1, "de") || is(sc, k + 1, "d")) &&
            (sep_blank(sc, k + 2) || sep_elision(sc, k + 2)) && sep_blank(sc, k + 1) &&
            surname_word(sc, k + 2) && !(sc->tok[k + 2].flags & T_UPPER) &&
            !(k + 3 < sc->ntok && sep_blank(sc, k + 3) && (sc->tok[k + 3].flags & T_CAP))) {
            *sur = k + 1;
            return k + 2;
        }
        return k;
    }
    /* de Villepin, d’Estaing, du Bellay */
    if ((sc->tok[k].flags & T_LOWER) && (is(sc, k, "de") || is(sc, k, "du") || is(sc, k, "d")) &&
        k + 1 < sc->ntok && (sep_blank(sc, k + 1) || sep_elision(sc, k + 1)) &&
        surname_word(sc, k + 1) && !(sc->tok[k + 1].flags & T_UPPER)) {
        *sur = k;
        return k + 1;
    }
    return 0;
}

/* "Prénom Nom": a first name of the list, then a surname, not inside the
 * name of a street, a clinic or a saint ("rue Jean Jaurès", "Saint Joseph"). */
static int find_first_names(sg_scan *sc)
{
    for (size_t i = 0; i < sc->ntok; i++) {
        if (!name_word(sc, i) || (sc->tok[i].flags & T_UPPER) ||
            !(sg_first_name(fw(sc, i)) || ambiguous_first_name(sc, i)))
            continue;
        if (i > 0 && (sep_blank(sc, i) || sep_elision(sc, i)) && in(sc, i - 1, SG_WL_NAMED))
            continue;
        size_t sur = 0, last = name_after(sc, i, &sur);
        if (!last)
            continue;
        /* a surname followed by another capitalised word is some longer name */
        if (last + 1 < sc->ntok && sep_blank(sc, last + 1) && name_word(sc, last + 1) &&
            !in(sc, last + 1, SG_WL_ROLE))
            continue;
        int rc = add_person(sc, i, last, sur);
        if (rc)
            return rc;
        i = last;
    }
    return 0;
}

/* The length of the run of name words ending at word b (at most 4). */
static size_t run_back(const sg_scan *sc, size_t b)
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
static size_t run_forward(const sg_scan *sc, size_t a)
{
    size_t n = 0;
    while (a + n < sc->ntok && n < 4 && name_word(sc, a + n) && (n == 0 || sep_blank(sc, a + n)))
        n++;
    return n;
}

/* A person of two words [a, a + 1], or of first names and a surname. */
static int add_pair(sg_scan *sc, size_t a)
{
    size_t sur = 0, last = name_after(sc, a, &sur);
    if (last && sg_first_name(fw(sc, a)))
        return add_person(sc, a, last, sur);
    return add_person(sc, a, a + 1, a + 1);
}

/* "Thierry Schifano (FNTS), président de", "Émilie Royère, directrice du". */
static int role_after(sg_scan *sc, size_t r)
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
    return run_back(sc, end) == 2 ? add_person(sc, end - 1, end, end) : 0;
}

/* "le directeur général de l’AP-HM, Jean-Olivier Arnaud", "le président de la
 * République Emmanuel Macron". */
static int role_before(sg_scan *sc, size_t r)
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
            return add_pair(sc, k);
        if (n >= 3)
            return add_person(sc, k + n - 2, k + n - 1, k + n - 1);
        /* "le président Barrand": a surname alone after the role */
        if (n == 1 && k == r + 1 && r > 0 && sep_blank(sc, r) && is_article(fw(sc, r - 1)) &&
            surname_word(sc, k) && !(sc->tok[k].flags & T_UPPER) && !sg_first_name(fw(sc, k)))
            return add_person(sc, k, k, k);
        k += n;
    }
    return 0;
}

/* A title in lower case after an article: "le docteur Belnet", "le
 * professeur Rouvière", "du général de Gaulle", "le baron X". */
static int lower_title(const sg_scan *sc, size_t i)
{
    static const char *const titles[] = {
        "amiral",     "baron",   "baronne", "capitaine", "colonel",  "comte",   "comtesse",
        "commandant", "docteur", "general", "generale",  "marechal", "marquis", "professeur"};
    if (!(sc->tok[i].flags & T_LOWER) || i == 0 || !sep_blank(sc, i) || i + 1 >= sc->ntok ||
        !sep_blank(sc, i + 1) ||
        !(is_article(fw(sc, i - 1)) || is(sc, i - 1, "du") || is(sc, i - 1, "au")))
        return 0;
    for (size_t k = 0; k < sizeof(titles) / sizeof(*titles); k++)
        if (is(sc, i, titles[k]))
            return 1;
    return 0;
}

static int find_people(sg_scan *sc)
{
    for (size_t i = 0; i < sc->ntok; i++) {
        if (sc->tok[i].flags & T_FURNITURE)
            continue;
        int rc = 0;
        if ((sc->tok[i].flags & T_CAP) && in(sc, i, SG_WL_TITLE) &&
            (!is(sc, i, "m") || (sc->tok[i].flags & T_DOT)) && i + 1 < sc->ntok &&
            !sep_has(sc, i + 1, ",;:!?()\"")) {
            size_t n = run_forward(sc, i + 1);
            if (n >= 1 && n <= 3) {
                size_t sur = i + 1;
                while (sur < i + n && sg_first_name(fw(sc, sur)))
                    sur++;
                rc = add_person(sc, i + 1, i + n, sur);
            }
        } else if (lower_title(sc, i)) {
            size_t n = run_forward(sc, i + 1);
            if (n >= 1 && n <= 3) {
                size_t sur = i + 1;
                while (sur < i + n && sg_first_name(fw(sc, sur)))
                    sur++;
                rc = add_person(sc, i + 1, i + n, sur);
            } else if (n == 0 && i + 2 < sc->ntok && sep_blank(sc, i + 1) &&
                       (is(sc, i + 1, "de") || is(sc, i + 1, "d") || is(sc, i + 1, "du")) &&
                       (sep_blank(sc, i + 2) || sep_elision(sc, i + 2)) &&
                       !(sc->tok[i + 2].flags & T_UPPER)) {
                rc = add_person(sc, i + 1, i + 2, i + 1); /* "le général de Gaulle" */
            }
        } else if (in(sc, i, SG_WL_ROLE)) {
            rc = role_after(sc, i);
            if (!rc)
                rc = role_before(sc, i);
        } else if ((sc->tok[i].flags & T_LOWER) && in(sc, i, SG_WL_VERB) && i + 1 < sc->ntok &&
                   sep_blank(sc, i + 1) && run_forward(sc, i + 1) == 2) {
            rc = add_pair(sc, i + 1);
        }
        if (rc)
            return rc;
    }
    return find_first_names(sc);
}

/* ---- capitalised sequences ---- */

/* A list's separator before word k: a comma alone, or "et". The word after
 * it in *next (k itself after a comma, k + 1 after "et"). */
static int list_sep(const sg_scan *sc, size_t k, size_t *next)
{
    if (k >= sc->ntok)
        return 0;
    if (sep_has(sc, k, ",") && !sep_has(sc, k, ".;:()\"") && !(sc->tok[k].flags & T_LINE)) {
        *next = k;
        return 1;
    }
    if (sep_blank(sc, k) && is(sc, k, "et") && (sc->tok[k].flags & T_LOWER) && k + 1 < sc->ntok &&
        sep_blank(sc, k + 1)) {
        *next = k + 1;
        return 1;
    }
    return 0;
}

/* The places the gazetteers know among the other items of a list of names
 * around [i, j] ("Colmars-les-Alpes, Forcalquier, Digne-les-Bains,
 * Gréoux-les-Bains, La Motte-du-Caire, Mane et Manosque"): items of one to
 * three capitalised words (or a capitalised article and a word); 0 when one
 * of them is a known name of another type. */
static size_t places_in_list(const sg_scan *sc, size_t i, size_t j)
{
    size_t places = 0, next;
    /* forward */
    for (size_t k = j + 1, items = 0; items < 8 && list_sep(sc, k, &next); items++) {
        size_t a = next, b = a;
        while (b + 1 < sc->ntok && b - a < 2 && sep_blank(sc, b + 1) &&
               (sc->tok[b + 1].flags & T_CAP))
            b++;
        if (!(sc->tok[a].flags & T_CAP))
            break;
        if ((sc->tok[a].flags & T_COVERED) && !(sc->tok[a].flags & T_PLACE))
            return 0;
        places += (sc->tok[a].flags & T_PLACE) != 0 ||
                  (a < b && is_article(fw(sc, a)) && (sc->tok[a + 1].flags & T_PLACE));
        k = b + 1;
    }
    /* backward */
    for (size_t k = i, items = 0; items < 8 && k > 0; items++) {
        size_t b = k - 1; /* the last word of the item before */
        if (sep_has(sc, k, ",") && !sep_has(sc, k, ".;:()\"") && !(sc->tok[k].flags & T_LINE)) {
        } else if (k >= 2 && sep_blank(sc, k) && is(sc, k - 1, "et") &&
                   (sc->tok[k - 1].flags & T_LOWER) && sep_blank(sc, k - 1)) {
            b = k - 2;
        } else {
            break;
        }
        size_t a = b;
        while (a > 0 && b - a < 2 && sep_blank(sc, a) && (sc->tok[a - 1].flags & T_CAP) &&
               !(sc->tok[a].flags & T_LINE))
            a--;
        if (!(sc->tok[b].flags & T_CAP))
            break;
        if ((sc->tok[b].flags & T_COVERED) && !(sc->tok[b].flags & T_PLACE))
            return 0;
        places += (sc->tok[b].flags & T_PLACE) != 0;
        k = a;
    }
    return places;
}

/* A place cue before word i: "à X", "en X", "dans le X", "maire de X",
 * "ville de X", "commune de X"; or "X (Vaucluse)" after it (word j the last).
 * 2 for a cue strong enough to count from one mention (a department in
 * brackets, "maire de", "mairie de", "commune de", "ville de", "habitants de"),
 * 1 for another, 0 for none. */
/* A name in a list of places the gazetteers know, a comma or "et" between:
 * "Digne-les-Bains, Gréoux-les-Bains, La Motte-du-Caire, Mane et Manosque"
 * (Gréoux-les-Bains after a known place and before the list goes on; Mane
 * after a comma and before "et Manosque"; "à Colmars-les-Alpes, Forcalquier"). */
static int listed_place(const sg_scan *sc, size_t i, size_t j)
{
    int comma_before = i > 0 && sep_has(sc, i, ",") && !sep_has(sc, i, ".;:()");
    int after_comma = j + 1 < sc->ntok && sep_has(sc, j + 1, ",") && !sep_has(sc, j + 1, ".;:()");
    int after_et =
        j + 2 < sc->ntok && sep_blank(sc, j + 1) && is(sc, j + 1, "et") && sep_blank(sc, j + 2);
    size_t nx = after_et ? j + 2 : j + 1;
    int prev_place =
        comma_before && (sc->tok[i - 1].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP);
    int next_place = (after_comma || after_et) && nx < sc->ntok &&
                     (sc->tok[nx].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP);
    int after_a = i > 0 && sep_blank(sc, i) && (is(sc, i - 1, "a") || is(sc, i - 1, "en"));
    if ((prev_place && (after_comma || after_et)) || (next_place && (comma_before || after_a)))
        return 1;
    /* inside a list with two places the gazetteers know or more */
    return (comma_before || after_comma) && !person_at(sc, i) && places_in_list(sc, i, j) >= 2;
}

static int place_cue(const sg_scan *sc, size_t i, size_t j)
{
    if (listed_place(sc, i, j))
        return 2;
    static const char *const strong[] = {"commune",  "habitants", "maire", "mairie",
                                         "province", "region",    "ville"};
    if (j + 1 < sc->ntok && open_paren_before(sc, j + 1) && in(sc, j + 1, SG_WL_PLACE))
        return 2;
    if (i == 0 || (!sep_blank(sc, i) && !sep_elision(sc, i)))
        return 0;
    const char *p = fw(sc, i - 1);
    /* "à La Crau", "à La Tronche": a town whose name starts with its article */
    if (sep_blank(sc, i) && !strcmp(p, "a") && j > i && cap_article(sc, i))
        return 2;
    if (sep_blank(sc, i) && (!strcmp(p, "a") || !strcmp(p, "en")))
        return 1;
    /* "d’Hyelmont et Carvanne": one word after a place the gazetteers know */
    if (i >= 2 && j == i && sep_blank(sc, i) && !strcmp(p, "et") && sep_blank(sc, i - 1) &&
        (sc->tok[i - 2].flags & T_PLACE) &&
        !(j + 1 < sc->ntok && sep_blank(sc, j + 1) && (sc->tok[j + 1].flags & T_CAP)))
        return 2;
    if (i < 2)
        return 0;
    const char *pp = fw(sc, i - 2);
    /* "dans le X", "dans les Alpes du Sud", "près de X" */
    if ((is_article(p) || !strcmp(p, "les")) && !strcmp(pp, "dans"))
        return 1;
    if ((!strcmp(p, "de") || !strcmp(p, "d")) && !strcmp(pp, "pres"))
        return 1;
    /* "maire du Tignet", "maire de la Roquette", "la région des Pouilles" */
    const char *ppp = i >= 3 && sep_blank(sc, i - 2) ? fw(sc, i - 3) : "";
    const char *before = !strcmp(p, "du") || !strcmp(p, "des")                        ? pp
                         : (!strcmp(p, "la") || !strcmp(p, "l")) && !strcmp(pp, "de") ? ppp
                                                                                      : NULL;
    for (size_t k = 0; before && k < sizeof(strong) / sizeof(*strong); k++)
        if (!strcmp(before, strong[k]))
            return 2;
    if (strcmp(p, "de") && strcmp(p, "d"))
        return 0;
    for (size_t k = 0; k < sizeof(strong) / sizeof(*strong); k++)
        if (!strcmp(pp, strong[k]))
            return 2;
    /* "CH de X", "les urgences de X", "hôpital d’X"; "d’un Ehpad de X" names
       no body but one in the town X */
    if (!strcmp(pp, "departement") || in(sc, i - 2, SG_WL_ORG_HEAD) ||
        in(sc, i - 2, SG_WL_ORG_PLURAL) || in(sc, i - 2, SG_WL_GENERIC))
        return (i >= 3 && sep_blank(sc, i - 2) && (!strcmp(ppp, "un") || !strcmp(ppp, "une"))) ? 2
                                                                                               : 1;
    return 0;
}

/* A particle at word k, joined to the next word by a space (an apostrophe
 * after d, l). */
static int particle_at(const sg_scan *sc, size_t k)
{
    return (sc->tok[k].flags & T_LOWER) && in(sc, k, SG_WL_PARTICLE) && k + 1 < sc->ntok &&
           (strlen(fw(sc, k)) == 1 ? sep_elision(sc, k + 1) : sep_blank(sc, k + 1));
}

/* Word i starts a person's name: a first name, then a surname. */
static int person_at(const sg_scan *sc, size_t i)
{
    size_t sur;
    return name_word(sc, i) && sg_first_name(fw(sc, i)) && name_after(sc, i, &sur);
}

/* The end of the sequence starting at i: capitalised words joined by spaces
 * or by the particles de, du, des, la, le, d’, l’ (not by "et": "les
 * cliniques X et Y" are two names); not across an acronym followed by a
 * person ("à LCI Patrick Bourdillon"). */
static size_t sequence_end(const sg_scan *sc, size_t i)
{
    size_t j = i;
    while (j + 1 < sc->ntok && j - i < MAX_NAME_WORDS) {
        size_t k = j + 1;
        if (!sep_blank(sc, k) || (sc->tok[k].flags & T_LINE)) /* not across a line */
            break;
        if ((sc->tok[j].flags & T_UPPER) && person_at(sc, k))
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

/* A lower-case word that reads as an adjective of a name ("Union
 * collégiale", "Service local", "Conseil départemental", "Centre
 * hospitalier"), by its ending. */
static int lower_adjective(const sg_scan *sc, size_t k)
{
    static const char *const endings[] = {"aire", "ais",  "aise", "al",  "ale", "ales",  "aux",
                                          "el",   "elle", "eur",  "eux", "ien", "ienne", "ier",
                                          "iere", "if",   "ique", "ive", "ois", "oise"};
    const sg_stok *t = &sc->tok[k];
    if (!(t->flags & T_LOWER) || (t->flags & (T_COVERED | T_FURNITURE)) || in(sc, k, SG_WL_STOP) ||
        in(sc, k, SG_WL_VERB) || in(sc, k, SG_WL_PARTICLE))
        return 0;
    const char *w = fw(sc, k);
    size_t n = strlen(w);
    for (size_t e = 0; e < sizeof(endings) / sizeof(*endings); e++) {
        size_t m = strlen(endings[e]);
        if (n > m + 2 && !strcmp(w + n - m, endings[e]))
            return 1;
    }
    return 0;
}

/* An adjective after a lower-case noun of a name: as lower_adjective, or
 * ending in -iste ("d’action mutualiste"). */
static int complement_adjective(const sg_scan *sc, size_t k)
{
    static const char *const endings[] = {"iste", "istes"};
    return lower_adjective(sc, k) ||
           ((sc->tok[k].flags & T_LOWER) && !(sc->tok[k].flags & (T_COVERED | T_FURNITURE)) &&
            ends_with(fw(sc, k), endings, 2));
}

/* A lower-case noun inside a name after a particle ("de police", "des
 * médecins", "d’assurance"). */
static int lower_noun(const sg_scan *sc, size_t k)
{
    const sg_stok *t = &sc->tok[k];
    return (t->flags & T_LOWER) && !(t->flags & (T_COVERED | T_FURNITURE | T_NUM)) &&
           !in(sc, k, SG_WL_STOP) && !in(sc, k, SG_WL_VERB) && !in(sc, k, SG_WL_PARTICLE) &&
           strlen(fw(sc, k)) > 2;
}

/* Words of a place the gazetteers know, from k on: the last one. */
static size_t place_run(const sg_scan *sc, size_t k)
{
    while (k + 1 < sc->ntok && (sc->tok[k + 1].flags & T_PLACE) &&
           (sep_blank(sc, k + 1) || sep_elision(sc, k + 1)))
        k++;
    return k;
}

/* An organisation's name that goes on in lower case or over a place the
 * gazetteers know: "Service local de police judiciaire de Nice", "Ordre des
 * médecins", "Union collégiale", "Syndicat des Vins Côtes de Provence",
 * "Conseil territorial de santé pour les Hautes-Vallées". The
 * sequence [i, j] starts with an organisation's head; returns the name's
 * last word and sets *lower when it is a lower-case one (2 when the name
 * says what the body is for: "Collectif pour le soin"). */
static size_t extend_name(const sg_scan *sc, size_t i, size_t j, int *lower)
{
    size_t end = j, k = j + 1;
    *lower = 0;
    /* a local authority named by its territory, a place the gazetteers know
       among its words: "l’Agglomération Provence Verte", "la Métropole Nice
       Côte d’Azur" */
    if (j == i && (is(sc, i, "agglomeration") || is(sc, i, "metropole")) && k < sc->ntok &&
        sep_blank(sc, k) && (sc->tok[k].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP)) {
        end = place_run(sc, k);
        if (end + 1 < sc->ntok && sep_blank(sc, end + 1) && name_word(sc, end + 1))
            end = sequence_end(sc, end + 1);
        return end - i < MAX_NAME_WORDS ? end : j;
    }
    while (k < sc->ntok && k - i < MAX_NAME_WORDS && sep_blank(sc, k) && lower_adjective(sc, k))
        end = k++, *lower = 1;
    /* (not across a comma: "le Conseil départemental, l’Agglomération X" are two) */
    int noun = 0, joined = 0; /* the last word a lower-case noun; an "et" taken */
    while (k < sc->ntok && k - i < MAX_NAME_WORDS && !(sc->tok[k].flags & T_LINE) &&
           sep_blank(sc, k)) {
        /* a lower-case complement goes on over one "et" after a noun: "Fonds
           national de solidarité et d’action mutualiste", "Collège national des
           gynécologues et obstétriciens français" (not after an adjective:
           "… français et premier établissement") */
        if (noun && !joined && is(sc, k, "et") && (sc->tok[k].flags & T_LOWER)) {
            size_t q = k + 1;
            if (q + 1 < sc->ntok && particle_at(sc, q) && !is(sc, q, "la") && !is(sc, q, "le") &&
                !is(sc, q, "l"))
                q++; /* "et d’action", "et de gestion" */
            if (q >= sc->ntok || !(sep_blank(sc, q) || sep_elision(sc, q)) || !lower_noun(sc, q) ||
                in(sc, q, SG_WL_ORG_HEAD) || in(sc, q, SG_WL_ROLE))
                break;
            end = q, noun = 1, joined = 1;
            if (q + 1 < sc->ntok && sep_blank(sc, q + 1) && complement_adjective(sc, q + 1))
                end = q + 1, noun = 0;
            k = end + 1;
            if (k < sc->ntok && !sep_blank(sc, k))
                break;
            continue;
        }
        /* what a body is for: "Collectif pour le soin", "Association pour la
           recherche sur…" (a lower-case noun after "pour" and an article) */
        if (is(sc, k, "pour") && (sc->tok[k].flags & T_LOWER) && k + 2 < sc->ntok &&
            (is(sc, k + 1, "le") || is(sc, k + 1, "la") || is(sc, k + 1, "les") ||
             is(sc, k + 1, "l")) &&
            (sep_blank(sc, k + 2) || sep_elision(sc, k + 2)) && sep_blank(sc, k + 1) &&
            lower_noun(sc, k + 2) && !in(sc, k + 2, SG_WL_ORG_HEAD)) {
            end = k + 2, noun = 1, *lower = 2;
            if (end + 1 < sc->ntok && sep_blank(sc, end + 1) && complement_adjective(sc, end + 1))
                end++, noun = 0;
            k = end + 1;
            if (k < sc->ntok && !sep_blank(sc, k))
                break;
            continue;
        }
        if (!particle_at(sc, k))
            break;
        size_t q = k + 1;
        if (q < sc->ntok && particle_at(sc, q)) /* de la, de l’ */
            q++;
        if (q >= sc->ntok || (sc->tok[q].flags & T_LINE))
            break;
        if ((sc->tok[q].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP)) {
            end = place_run(sc, q);
            *lower = 0;
            break;
        }
        if (name_word(sc, q)) {
            end = sequence_end(sc, q);
            *lower = 0, noun = 0;
        } else if (lower_noun(sc, q)) {
            end = q, noun = 1;
            if (q + 1 < sc->ntok && sep_blank(sc, q + 1) && complement_adjective(sc, q + 1))
                end = q + 1, noun = 0;
            *lower = *lower == 2 ? 2 : 1;
        } else {
            break;
        }
        k = end + 1;
        if (k < sc->ntok && !sep_blank(sc, k))
            break;
    }
    /* "… de santé pour les Hautes-Vallées": the territory it is for */
    k = end + 1;
    if (k + 2 < sc->ntok && sep_blank(sc, k) && is(sc, k, "pour") && sep_blank(sc, k + 1) &&
        (is(sc, k + 1, "les") || is(sc, k + 1, "la") || is(sc, k + 1, "le")) &&
        sep_blank(sc, k + 2) && (sc->tok[k + 2].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP)) {
        end = place_run(sc, k + 2);
        *lower = 0;
    }
    return end - i < MAX_NAME_WORDS ? end : j;
}

/* A lower-case adjective of nationality: "américain", "allemande",
 * "suédois", "coréen", "néerlandais". */
static int nationality(const sg_scan *sc, size_t k)
{
    static const char *const endings[] = {"ain",  "aine", "and",  "ande", "ais",
                                          "aise", "ois",  "oise", "en",   "enne"};
    if (!(sc->tok[k].flags & T_LOWER) || in(sc, k, SG_WL_STOP) || in(sc, k, SG_WL_PARTICLE))
        return 0;
    const char *w = fw(sc, k);
    size_t n = strlen(w);
    for (size_t e = 0; e < sizeof(endings) / sizeof(*endings); e++) {
        size_t m = strlen(endings[e]);
        if (n > m + 3 && !strcmp(w + n - m, endings[e]))
            return 1;
    }
    return 0;
}

/* A hospital's unit (unité, service, pôle, maternité): what follows names a
 * unit. */
static int unit_head(const sg_scan *sc, size_t k)
{
    return is(sc, k, "unite") || is(sc, k, "service") || is(sc, k, "pole") ||
           is(sc, k, "maternite");
}

/* Words [i, j] name a hospital's unit, not a body: after a unit's head in
 * lower case ("le pôle Digestif", "la maternité Saint-Michel"), or headed by
 * one in capitals ("l’Unité Kangourou", "Service du Département de
 * Cardiologie"); not a public service ("Service départemental d’incendie",
 * "Service local de police"). */
static int unit_name(const sg_scan *sc, size_t i, size_t j)
{
    static const char *const territorial[] = {"departemental", "intercommunal", "municipal",
                                              "national",      "public",        "regional"};
    if (i > 0 && sep_blank(sc, i) && (sc->tok[i - 1].flags & T_LOWER) && unit_head(sc, i - 1))
        return 1;
    if (j == i || (sc->tok[i].flags & T_UPPER) || !unit_head(sc, i))
        return 0;
    /* (a name going on in lower case: "Service local de police judiciaire") */
    if ((sc->tok[i + 1].flags & T_LOWER) && !in(sc, i + 1, SG_WL_PARTICLE))
        return 0;
    for (size_t k = 0; k < sizeof(territorial) / sizeof(*territorial); k++)
        if (!strncmp(fw(sc, i + 1), territorial[k], strlen(territorial[k])))
            return 0; /* (départementale, nationale, publique too) */
    return 1;
}

/* A lower-case head before word i ("la clinique Bouchard"): 1 for a head
 * that becomes part of the name (its first word in *from), 2 for one that
 * stays apart (a plural: "les cliniques X et Y" are two names, each alone),
 * 0 for none. */
static int head_before(const sg_scan *sc, size_t i, size_t *from)
{
    *from = i;
    /* heads that name a kind of body rather than start its name ("le groupe
       Elsan", "l'association Vaincre le Diabète", "le syndicat Union des
       Soignants": the name is what follows) */
    static const char *const apart[] = {
        "assemblee",  "association", "bureau",    "cabinet",    "collectif",     "comite",
        "commission", "conseil",     "direction", "entreprise", "etablissement", "fonds",
        "groupe",     "laboratoire", "mouvement", "office",     "ordre",         "parti",
        "pole",       "service",     "societe",   "syndicat",   "unite"};
    /* adjectives of a kind of body: "la clinique privée Santa Maria", "l’Ehpad
       associatif Les Restanques": the name is the capitalised words */
    static const char *const kinds[] = {
        "associatif",      "associative", "chirurgical",   "chirurgicale", "confessionnel",
        "confessionnelle", "medicalise",  "medicalisee",   "mutualiste",   "pediatrique",
        "privee",          "prive",       "psychiatrique", "specialise",   "specialisee"};
    if (i >= 2 && sep_blank(sc, i) && sep_blank(sc, i - 1) && (sc->tok[i - 1].flags & T_LOWER) &&
        !(sc->tok[i - 2].flags & (T_COVERED | T_FURNITURE)) &&
        (in(sc, i - 2, SG_WL_ORG_HEAD) || in(sc, i - 2, SG_WL_ORG_PLURAL)) &&
        !unit_head(sc, i - 2)) {
        /* (not a hospital's unit: "l’unité psychiatrique Gérardin") */
        if (nationality(sc, i - 1)) /* "le fonds norvégien X", "le groupe suédois X" */
            return 2;
        for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++)
            if (is(sc, i - 1, kinds[k]))
                return 2;
        /* another adjective is part of the name: "le centre nutritionnel X",
           "l’institut hospitalo-universitaire X" */
        int apart_head = in(sc, i - 2, SG_WL_ORG_PLURAL);
        for (size_t k = 0; k < sizeof(apart) / sizeof(*apart); k++)
            apart_head |= is(sc, i - 2, apart[k]);
        if (!apart_head && lower_adjective(sc, i - 1) && !(sc->tok[i].flags & T_START)) {
            *from = i - 2;
            return 1;
        }
    }
    /* a head and its field: the name after a kind of body ("le cabinet
       d’architecture X", "le groupe de cliniques X"), else the name with them
       ("la communauté d’agglomération X") */
    if (i >= 3 && sep_blank(sc, i) && lower_noun(sc, i - 1) && particle_at(sc, i - 2) &&
        (is(sc, i - 2, "de") || is(sc, i - 2, "d")) && sep_blank(sc, i - 2) &&
        (sc->tok[i - 3].flags & T_LOWER) && !(sc->tok[i - 3].flags & (T_COVERED | T_FURNITURE)) &&
        (in(sc, i - 3, SG_WL_ORG_HEAD) || in(sc, i - 3, SG_WL_ORG_PLURAL)) &&
        !unit_head(sc, i - 3)) {
        for (size_t k = 0; k < sizeof(apart) / sizeof(*apart); k++)
            if (is(sc, i - 3, apart[k]))
                return 2;
        if (in(sc, i - 3, SG_WL_ORG_PLURAL))
            return 2;
        *from = i - 3;
        return 1;
    }
    /* a trade before a company's name, maybe with adjectives: "le bailleur
       social Adoma", "le géant pharmaceutique américain Merck" */
    static const char *const trades[] = {
        "assureur",    "bailleur",      "constructeur", "distributeur", "editeur",
        "exploitant",  "fabricant",     "geant",        "gestionnaire", "industriel",
        "laboratoire", "leader",        "numero",       "operateur",    "prestataire",
        "promoteur",   "sous traitant", "specialiste",  "transporteur"};
    if (i >= 2 && sep_blank(sc, i) && !(sc->tok[i].flags & T_START)) {
        for (size_t k = i - 1, adjectives = 0; k > 0 && sep_blank(sc, k + 1); k--, adjectives++) {
            for (size_t t = 0; t < sizeof(trades) / sizeof(*trades); t++)
                if ((sc->tok[k].flags & T_LOWER) && is(sc, k, trades[t]))
                    return 2;
            if (adjectives == 2 || !(lower_adjective(sc, k) || nationality(sc, k)))
                break;
        }
    }
    if (i == 0 || !sep_blank(sc, i) || !(sc->tok[i - 1].flags & T_LOWER))
        return 0;
    if (in(sc, i - 1, SG_WL_ORG_PLURAL))
        return 2;
    if (!in(sc, i - 1, SG_WL_ORG_HEAD))
        return 0;
    for (size_t k = 0; k < sizeof(apart) / sizeof(*apart); k++)
        if (is(sc, i - 1, apart[k]))
            return 2;
    *from = i - 1;
    return 1;
}

/* "les cliniques X et Y": Y shares the plural head of X. */
static int shared_head(const sg_scan *sc, size_t i)
{
    if (i < 2 || !sep_blank(sc, i) || !is(sc, i - 1, "et") || !sep_blank(sc, i - 1))
        return 0;
    size_t k = i - 2; /* back to the first word of X */
    while (k > 0 && k + MAX_NAME_WORDS > i && sep_blank(sc, k) &&
           (name_word(sc, k - 1) || particle_at(sc, k - 1)))
        k--;
    size_t from;
    return name_word(sc, k) && head_before(sc, k, &from) == 2;
}

static int beside_covered(const sg_scan *sc, size_t i, size_t j)
{
    return (i > 0 && sep_blank(sc, i) &&
            (sc->tok[i - 1].flags & (T_COVERED | T_CAP)) == (T_COVERED | T_CAP)) ||
           (j + 1 < sc->ntok && sep_blank(sc, j + 1) &&
            (sc->tok[j + 1].flags & (T_COVERED | T_CAP)) == (T_COVERED | T_CAP));
}

static int ends_with(const char *w, const char *const *endings, size_t n)
{
    size_t len = strlen(w);
    for (size_t e = 0; e < n; e++) {
        size_t m = strlen(endings[e]);
        if (len > m + 2 && !strcmp(w + len - m, endings[e]))
            return 1;
    }
    return 0;
}

/* Whether the occurrence [i, j] names no actor: a demonym ("les Cannois"),
 * a building or a street ("l’hôtel Riviera", "place Jean-Aude"), a
 * title-case common noun ("l’Accompagnement du vieillissement", "d’Améliorer
 * la coopération"), a name cut short by "et de" ("Pôle d’Activités et de
 * Soins Adaptés"). */
static int loose(const sg_scan *sc, size_t i, size_t j, int head)
{
    static const char *const demonyms[] = {"ais",  "aises",  "ains", "aux",  "ens",
                                           "iens", "iennes", "ois",  "oises"};
    const char *prev = i > 0 && sep_blank(sc, i) ? fw(sc, i - 1) : "";
    if (unit_name(sc, i, j))
        return 1;
    static const char *const demonym[] = {"ain", "aine",  "ais", "aise",
                                          "ien", "ienne", "ois", "oise"};
    if (j == i && (sc->tok[i - (i > 0)].flags & T_LOWER) &&
        (!strcmp(prev, "les") || !strcmp(prev, "des") || !strcmp(prev, "aux")) &&
        ends_with(fw(sc, i), demonyms, sizeof(demonyms) / sizeof(*demonyms)))
        return 1;
    /* "le Vençois de 57 ans", "la Dracénoise": one inhabitant */
    if (j == i && !head && i > 0 && (sc->tok[i - 1].flags & (T_LOWER | T_START)) &&
        (!strcmp(prev, "le") || !strcmp(prev, "la") || !strcmp(prev, "un") ||
         !strcmp(prev, "une")) &&
        !(sc->tok[i].flags & T_UPPER) && !in(sc, i, SG_WL_ORG_HEAD) &&
        ends_with(fw(sc, i), demonym, sizeof(demonym) / sizeof(*demonym)))
        return 1;
    /* "situé au Mourillon": a district */
    static const char *const sited[] = {"base",     "basee",     "implante", "implantee",
                                        "installe", "installee", "situe",    "situee"};
    if (j == i && !head && i >= 2 && !strcmp(prev, "au") && sep_blank(sc, i - 1))
        for (size_t k = 0; k < sizeof(sited) / sizeof(*sited); k++)
            if (is(sc, i - 2, sited[k]))
                return 1;
    /* "le site de Luminy", "le campus de Luminy", "l’impasse du Mourillon": a
       place inside a name of a site, not an actor */
    if (!head && i >= 2 && *prev && (sc->tok[i - 1].flags & T_LOWER) &&
        (!strcmp(prev, "de") || !strcmp(prev, "du") || !strcmp(prev, "d")) &&
        (sep_blank(sc, i - 1)) && (sc->tok[i - 2].flags & T_LOWER) &&
        sg_suggest_word(SG_WL_NAMED, fw(sc, i - 2)) && !in(sc, i - 2, SG_WL_ORG_HEAD))
        return 1;
    const char *last = strrchr(prev, ' '); /* "ex-hôtel": its last word */
    if (!head && *prev && (sc->tok[i - 1].flags & T_LOWER) &&
        sg_suggest_word(SG_WL_NAMED, last ? last + 1 : prev))
        return 1;
    size_t k = j + 1;
    /* (not a place of the list in an enumeration: "de l'Ile-de-France et de…") */
    /* (cut short when a name goes on after "et de": not "la CC de Ventoux Sud et
       des élus") */
    if (k + 2 < sc->ntok && sep_blank(sc, k) && is(sc, k, "et") && particle_at(sc, k + 1) &&
        !(j == i && in(sc, i, SG_WL_PLACE)) &&
        (is(sc, k + 1, "de") || is(sc, k + 1, "des") || is(sc, k + 1, "du") ||
         is(sc, k + 1, "d")) &&
        !(sc->tok[k + 2].flags & T_LOWER))
        return 1;
    if (j != i || head || (sc->tok[i].flags & T_UPPER) || in(sc, i, SG_WL_ORG_HEAD))
        return 0;
    /* one capitalised word, then a particle and a lower-case word */
    if (k >= sc->ntok || !sep_blank(sc, k))
        return 0;
    while (k < sc->ntok && k <= j + 2 && particle_at(sc, k))
        k++;
    return k > j + 1 && k < sc->ntok && lower_noun(sc, k);
}

/* A media cue before word i: "selon X", "d’après X", "a indiqué à X",
 * "confie à X", "interrogé par X", "révélé par X", "dans les colonnes de X",
 * "au micro de X", "à l’antenne de X"; the name after it is an actor (a
 * newspaper, a radio, an agency) even when its words are generic ("BFM TV"). */
static int media_cue(const sg_scan *sc, size_t i)
{
    static const char *const said[] = {"affirme",   "ajoute",  "annonce",  "assure",   "confie",
                                       "confirme",  "declare", "detaille", "explique", "glisse",
                                       "indique",   "precise", "raconte",  "rappelle", "rapporte",
                                       "reconnait", "repond",  "souligne", "temoigne"};
    static const char *const by[] = {"contacte", "contactee", "interroge", "interrogee",
                                     "revele",   "revelee",   "reveles",   "revelees"};
    static const char *const of[] = {"antenne",      "article",   "colonnes", "confrere",
                                     "confreres",    "consoeurs", "enquete",  "information",
                                     "informations", "invite",    "invitee",  "journaliste",
                                     "journalistes", "micro",     "plateau"};
    static const char *const on[] = {"invite", "invitee", "journaliste", "journalistes"};
    size_t k = i; /* the cue's last word is k - 1; an article is skipped */
    if (k >= 2 && ((sep_elision(sc, k) && is(sc, k - 1, "l")) ||
                   (sep_blank(sc, k) && (is(sc, k - 1, "la") || is(sc, k - 1, "le")) &&
                    (sc->tok[k - 1].flags & T_LOWER) && !in(sc, i, SG_WL_GENERIC))))
        k--; /* (not "selon le CHU": a generic word with its article) */
    if (k == 0 || !(sep_blank(sc, k) || sep_elision(sc, k)))
        return 0;
    const char *p = fw(sc, k - 1), *pp = k >= 2 && sep_blank(sc, k - 1) ? fw(sc, k - 2) : "";
    if (!(sc->tok[k - 1].flags & T_LOWER) && strcmp(p, "selon")) /* "Selon X, ..." */
        return 0;
    if (!strcmp(p, "selon") || (!strcmp(p, "apres") && !strcmp(pp, "d")))
        return 1;
    /* "comme l’indiquait X", "comme le rapporte X", "comme l’a révélé X" */
    static const char *const reported[] = {"annoncait", "annonce", "ecrit",      "ecrivait",
                                           "indiquait", "indique", "rapportait", "rapporte",
                                           "revelait",  "revele",  "signalait",  "signale"};
    size_t r = k - 1; /* the verb; before it "l’", "le" or "l’a", then "comme" */
    for (size_t w = 0; w < sizeof(reported) / sizeof(*reported); w++) {
        if (strcmp(p, reported[w]) || r < 2)
            continue;
        size_t q = r - 1;
        if (is(sc, q, "a") && q >= 2 && sep_blank(sc, q + 1))
            q--; /* l’a révélé */
        if ((is(sc, q, "l") || is(sc, q, "le")) && q >= 1 && is(sc, q - 1, "comme"))
            return 1;
    }
    int at = !strcmp(p, "a") || !strcmp(p, "au"), onto = at || !strcmp(p, "sur");
    int from = !strcmp(p, "de") || !strcmp(p, "du") || !strcmp(p, "d") || !strcmp(p, "des");
    for (size_t w = 0; at && w < sizeof(said) / sizeof(*said); w++)
        if (!strcmp(pp, said[w]))
            return 1;
    for (size_t w = 0; !strcmp(p, "par") && w < sizeof(by) / sizeof(*by); w++)
        if (!strcmp(pp, by[w]))
            return 1;
    for (size_t w = 0; from && w < sizeof(of) / sizeof(*of); w++)
        if (!strcmp(pp, of[w]))
            return 1;
    for (size_t w = 0; onto && w < sizeof(on) / sizeof(*on); w++)
        if (!strcmp(pp, on[w]))
            return 1;
    return 0;
}

/* A capitalised article inside a sentence starts a name: "à La Crau", "dans
 * les colonnes de La Provence", "l’Ehpad Les Oliviers". */
static int cap_article(const sg_scan *sc, size_t i)
{
    const sg_stok *t = &sc->tok[i];
    return (t->flags & T_CAP) && !(t->flags & (T_START | T_COVERED | T_FURNITURE)) &&
           (is_article(fw(sc, i)) || is(sc, i, "les")) && i + 1 < sc->ntok &&
           sep_blank(sc, i + 1) && !(sc->tok[i + 1].flags & T_FURNITURE) &&
           (name_word(sc, i + 1) ||
            (sc->tok[i + 1].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP));
}

/* A word in mixed case with two capitals in a row and no dash: "DLVAgglo",
 * "CCIAix"; read as an acronym (not "SainteMusse", two words glued). */
static int mixed_case(const sg_scan *sc, size_t i)
{
    const sg_stok *t = &sc->tok[i];
    if (!(t->flags & T_CAP) || (t->flags & T_UPPER))
        return 0;
    size_t upper = 0, lower = 0, run = 0;
    for (size_t p = t->s; p < t->e; p++) {
        unsigned char c = (unsigned char)sc->text[p];
        if (c >= 'A' && c <= 'Z')
            upper = ++run > upper ? run : upper;
        else if ((run = 0), c >= 'a' && c <= 'z')
            lower++;
        else if (c == '-' || c == '\'' || c >= 0x80)
            return 0;
    }
    return upper >= 2 && lower > 0;
}

/* A word glued to an initial ("A.DEQUIDT"): a credit's signature. */
static int glued_initial(const sg_scan *sc, size_t i)
{
    return i > 0 && sc->tok[i - 1].e - sc->tok[i - 1].s == 1 && (sc->tok[i - 1].flags & T_CAP) &&
           sc->tok[i].s == sc->tok[i - 1].e + 1 && sc->text[sc->tok[i - 1].e] == '.';
}

/* An acronym that counts beds or places: "60 lits d’USLD". */
static int counted_unit(const sg_scan *sc, size_t i)
{
    return i >= 2 && (sep_blank(sc, i) || sep_elision(sc, i)) &&
           (is(sc, i - 1, "d") || is(sc, i - 1, "de")) &&
           (is(sc, i - 2, "lits") || is(sc, i - 2, "places"));
}

/* "d'une ZAPR", "une Halle immense", "son SRSM": a capitalised word
 * after an indefinite article or a possessive is a common noun (a kind of
 * place, body or plan), not a name. */
static int determined_common(const sg_scan *sc, size_t i)
{
    /* (a demonstrative too: "cette Maison des internes", "ce Cref") */
    static const char *const dets[] = {"ce", "ces", "cet", "cette", "leur", "mon", "notre",
                                       "sa", "ses", "son", "un",    "une",  "vos", "votre"};
    if (i == 0 || !sep_blank(sc, i) || !(sc->tok[i - 1].flags & T_LOWER))
        return 0;
    for (size_t k = 0; k < sizeof(dets) / sizeof(*dets); k++)
        if (is(sc, i - 1, dets[k]))
            return 1;
    return 0;
}

/* A role of a body before word i: "président de X", "directrice du X",
 * "secrétaire générale de la X" (not a territory's: maire, député, préfet,
 * conseiller... are place cues or name a constituency). */
static int role_of_body(const sg_scan *sc, size_t i)
{
    static const char *const territorial[] = {
        "conseiller", "conseillere", "depute",   "deputee",   "elu",         "elue",        "maire",
        "prefet",     "prefete",     "senateur", "senatrice", "sous prefet", "sous prefete"};
    if (i < 2 || !(sep_blank(sc, i) || sep_elision(sc, i)) || !(sc->tok[i - 1].flags & T_LOWER))
        return 0;
    size_t k = i - 1;
    if ((is(sc, k, "la") || is(sc, k, "l")) && k >= 2 && is(sc, k - 1, "de") && sep_blank(sc, k))
        k--;
    else if (sep_elision(sc, i) && !is(sc, k, "d")) /* "président d’Estérel" */
        return 0;
    if (!(is(sc, k, "de") || is(sc, k, "du") || is(sc, k, "d")) || !sep_blank(sc, k) ||
        !in(sc, k - 1, SG_WL_ROLE))
        return 0;
    for (size_t t = 0; t < sizeof(territorial) / sizeof(*territorial); t++)
        if (is(sc, k - 1, territorial[t]))
            return 0;
    return 1;
}

/* A dateline: a name at the start of a line, then ", le 1 septembre": a
 * medium ("RCF Méditerranée, le 1 septembre 2025"). */
static int dateline(const sg_scan *sc, size_t i, size_t j)
{
    return (sc->tok[i].flags & T_LINE) && j + 2 < sc->ntok && sep_has(sc, j + 1, ",") &&
           is(sc, j + 1, "le") && (sc->tok[j + 2].flags & T_NUM) &&
           !(sc->tok[j + 1].flags & T_LINE);
}

/* A party's acronym after an elected person's role: "maire LR de X", "la
 * présidente PS du département", "conseiller départemental RN", "députée
 * (LFI)". */
static int party(const sg_scan *sc, size_t i)
{
    static const char *const elected[] = {"candidat",   "candidate",   "conseiller", "conseillere",
                                          "depute",     "deputee",     "elu",        "elue",
                                          "eurodepute", "eurodeputee", "maire",      "president",
                                          "presidente", "senateur",    "senatrice"};
    const sg_stok *t = &sc->tok[i];
    if (!(t->flags & T_UPPER) || i < 1 || t->e - t->s > 5)
        return 0;
    int bracket = open_paren_before(sc, i) && char_after(sc, i) == ')';
    if (!sep_blank(sc, i) && !bracket)
        return 0;
    size_t k = i - 1;
    if (k > 0 && sep_blank(sc, k) && lower_adjective(sc, k)) /* conseiller départemental */
        k--;
    if (!(sc->tok[k].flags & T_LOWER))
        return 0;
    for (size_t e = 0; e < sizeof(elected) / sizeof(*elected); e++)
        if (is(sc, k, elected[e]))
            return 1;
    return 0;
}

/* A brand: a trademark sign after the name or before it ("le Proteus® One"),
 * a product, not an actor. */
static int trademark(const sg_scan *sc, size_t i, size_t j)
{
    static const uint32_t marks[] = {0xAE, 0x2122};
    uint32_t c = char_after(sc, j);
    return c == marks[0] || c == marks[1] || (i > 0 && sep_has_cp(sc, i, marks, 2));
}

/* A deal before word i: "le rachat d’X", "l’acquisition de X", "filiale du
 * groupe"… names a company. */
static int deal(const sg_scan *sc, size_t i)
{
    static const char *const deals[] = {"acquisition", "actionnaire", "cession",
                                        "filiale",     "rachat",      "reprise"};
    if (i < 2 || !(sep_blank(sc, i) || sep_elision(sc, i)) ||
        !(is(sc, i - 1, "d") || is(sc, i - 1, "de") || is(sc, i - 1, "du")) ||
        !(sc->tok[i - 1].flags & T_LOWER) || !sep_blank(sc, i - 1))
        return 0;
    for (size_t k = 0; k < sizeof(deals) / sizeof(*deals); k++)
        if (is(sc, i - 2, deals[k]) && (sc->tok[i - 2].flags & T_LOWER))
            return 1;
    return 0;
}

static int add_sequence(sg_scan *sc, size_t i, size_t j, int cued, int lower_end)
{
    if (j == i && (ordinal(sc, i) || roman(sc, i)))
        return 0; /* "le XXe siècle", "le IIIe arrondissement", "(I et II)": no name */
    cued |= dateline(sc, i, j) || (j == i && party(sc, i));
    size_t a = i; /* the label's first word */
    int head = cued ? 0 : head_before(sc, i, &a);
    if (!head && !cued && shared_head(sc, i))
        head = 2;
    char *key = fold_words(sc, a, j);
    sg_cand *c =
        key ? sg_cand_get(&sc->seqs, key, sc->text + sc->tok[a].s, sc->tok[j].e - sc->tok[a].s)
            : NULL;
    free(key);
    if (!c)
        return SG_ERR_NOMEM;
    int start = (sc->tok[i].flags & T_START) && !head && !cued;
    if (start) {
        c->start++;
    } else {
        c->mid++;
        if (!c->label_mid) { /* the label as written inside a sentence */
            char *l = sg_suggest_collapse(sc->text + sc->tok[a].s, sc->tok[j].e - sc->tok[a].s);
            if (!l)
                return SG_ERR_NOMEM;
            free(c->label);
            c->label = l;
            c->label_mid = 1;
        }
    }
    int place = cued ? 0 : place_cue(sc, i, j);
    c->place += place != 0;
    c->cued += cued || place == 2;
    c->org += head != 0 || cued || role_of_body(sc, i) || deal(sc, i);
    c->loose += !start && !cued && loose(sc, i, j, head);
    c->lower_end |= lower_end;
    c->long_lower |=
        (lower_end && j >= i + 4 && sep_blank(sc, i + 1) && lower_adjective(sc, i + 1)) ||
        lower_end == 2;
    c->elided +=
        j == i && !start && sep_elision(sc, i) && (is(sc, i - 1, "l") || is(sc, i - 1, "d"));
    c->upper = ((sc->tok[i].flags & T_UPPER) && (j == i || (sc->tok[j].flags & T_NUM))) ||
               (j == i && mixed_case(sc, i));
    c->common += (sc->tok[i].flags & T_COMMON) != 0 || (j == i && counted_unit(sc, i)) ||
                 (!cued && !head && determined_common(sc, i));
    c->loose += (j == i && glued_initial(sc, i)) || trademark(sc, i, j);
    /* "l’Inspection générale des…", "l’Enseignement supérieur": the name goes on
       in lower case, so this is only its start */
    c->common += j + 1 < sc->ntok && sep_blank(sc, j + 1) && (sc->tok[j + 1].flags & T_LOWER) &&
                 in(sc, j + 1, SG_WL_GENERIC) && !is(sc, j + 1, "est") && !lower_end;
    return 0;
}

/* The name after a media cue at word i: capitalised words, a place the
 * gazetteers know among them ("France Bleu Azur", "La Provence"), a number
 * ("France 3"); not a person nor a name the gazetteers know. */
static int find_media(sg_scan *sc)
{
    for (size_t i = 0; i < sc->ntok; i++) {
        unsigned f = sc->tok[i].flags;
        if (!(f & T_CAP) || (f & (T_FURNITURE | T_TAKEN)) || ((f & T_COVERED) && !(f & T_PLACE)) ||
            !media_cue(sc, i) || person_at(sc, i))
            continue;
        size_t j = i, known = (f & T_COVERED) != 0, words = 1;
        if (!cap_article(sc, i) && (in(sc, i, SG_WL_STOP) || in(sc, i, SG_WL_TITLE)))
            continue;
        while (j + 1 < sc->ntok && words < 5 && sep_blank(sc, j + 1) &&
               !(sc->tok[j + 1].flags & (T_LINE | T_FURNITURE)) && !person_at(sc, j + 1)) {
            unsigned g = sc->tok[j + 1].flags;
            if (particle_at(sc, j + 1) && j + 2 < sc->ntok && name_word(sc, j + 2)) {
                j++; /* "Le Courrier de Lure" */
                continue;
            }
            if ((g & T_COVERED) && !(g & T_PLACE))
                break;
            if (!(g & T_NUM) && !((g & T_CAP) && !in(sc, j + 1, SG_WL_STOP)))
                break;
            known += (g & T_COVERED) != 0;
            j++, words++;
        }
        if (known >= words || (words == 1 && sg_first_name(fw(sc, i))))
            continue; /* all the gazetteers' already, or a first name alone */
        int rc = add_sequence(sc, i, j, 1, 0);
        if (rc)
            return rc;
        if (cap_article(sc, i) && (sc->tok[i + 1].flags & T_PLACE)) {
            char *key = fold_words(sc, i, j);
            sg_cand *c = key ? sg_cand_get(&sc->seqs, key, "", 0) : NULL;
            free(key);
            if (!c)
                return SG_ERR_NOMEM;
            c->exact = 1;
        }
        for (size_t k = i; k <= j; k++)
            sc->tok[k].flags |= T_TAKEN;
        i = j;
    }
    return 0;
}

/* A head that, with "de" and a place or a name, names one body: "le parquet
 * de Grasse", "le tribunal de commerce d’Avignon", "la cour d’appel d’Aix",
 * "le CHU de Lille", "la clinique chirurgicale des Alpes du Sud", "la
 * communauté de communes du Pays de Lure", "le groupement hospitalier de
 * territoire des Alpes", "l’URPS de Bretagne" (a generic acronym of bodies
 * that exist once per territory). */
static int seat_head(const sg_scan *sc, size_t i)
{
    static const char *const heads[] = {
        "ars",      "ch",           "chi",        "chr",        "chu",
        "clinique", "communaute",   "cour",       "cpam",       "cpts",
        "ehpad",    "faculte",      "ght",        "groupement", "hopital",
        "parquet",  "polyclinique", "prefecture", "sdis",       "sous prefecture",
        "tribunal", "urps"};
    const sg_stok *t = &sc->tok[i];
    if ((t->flags & (T_COVERED | T_FURNITURE | T_TAKEN)) ||
        ((t->flags & T_CAP) && !(t->flags & T_UPPER) && !(t->flags & T_START)))
        return 0; /* a capitalised head starts a sequence of its own */
    /* a definite article before it: one body ("un directeur de clinique de
       Hyères" names none) */
    if (i == 0 || !(sep_blank(sc, i) || sep_elision(sc, i)))
        return 0;
    /* "les hôpitaux de Saint-Étienne": the hospitals of one town, one body (not
       "les hôpitaux d’Avignon, Cavaillon et Carpentras": seat_end) */
    if (is(sc, i, "hopitaux") && (sc->tok[i].flags & T_LOWER))
        return is(sc, i - 1, "les") || is(sc, i - 1, "des") || is(sc, i - 1, "aux");
    if (!(is_article(fw(sc, i - 1)) || is(sc, i - 1, "du") || is(sc, i - 1, "au")))
        return 0;
    for (size_t k = 0; k < sizeof(heads) / sizeof(*heads); k++)
        if (is(sc, i, heads[k]))
            return 1;
    return 0;
}

/* A number in Roman numerals alone ("Pasteur (I et II)", "Louis XIV"
 * aside): I, V and X only, four letters at most. */
static int roman(const sg_scan *sc, size_t i)
{
    const char *w = sc->text + sc->tok[i].s;
    size_t len = sc->tok[i].e - sc->tok[i].s, n = 0;
    while (n < len && strchr("IVX", w[n]))
        n++;
    return n == len && len <= 4;
}

/* A century or an ordinal in Roman numerals: "XXIe", "XXIè", "IIIe". */
static int ordinal(const sg_scan *sc, size_t i)
{
    const char *w = sc->text + sc->tok[i].s;
    size_t len = sc->tok[i].e - sc->tok[i].s, n = 0;
    while (n < len && strchr("IVXLC", w[n]))
        n++;
    static const char *const ends[] = {"e", "er", "\xc3\xa8", "\xc3\xa8me", "eme"};
    for (size_t k = 0; n && k < sizeof(ends) / sizeof(*ends); k++)
        if (len - n == strlen(ends[k]) && !memcmp(w + n, ends[k], len - n))
            return 1;
    return 0;
}

/* The name after "de" / "du" / "des" / "d’" at word k: capitalised words or
 * a place the gazetteers know. Its last word, or 0. */
static size_t seat_name_end(const sg_scan *sc, size_t k)
{
    if (k + 1 >= sc->ntok || !particle_at(sc, k) || is(sc, k, "la") || is(sc, k, "le") ||
        is(sc, k, "l"))
        return 0;
    size_t q = k + 1;
    if (q + 1 < sc->ntok && particle_at(sc, q)) /* de la, de l’ */
        q++;
    if (sc->tok[q].flags & T_LINE)
        return 0;
    if ((sc->tok[q].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP))
        return place_run(sc, q);
    if (!name_word(sc, q) || (sc->tok[q].flags & T_TAKEN) || person_at(sc, q) || ordinal(sc, q))
        return 0;
    size_t e = sequence_end(sc, q);
    /* "du Pays de Forcalquier": a place the gazetteers know ends it */
    if (e + 2 < sc->ntok && sep_blank(sc, e + 1) && particle_at(sc, e + 1) &&
        !is(sc, e + 1, "la") && !is(sc, e + 1, "le") && !is(sc, e + 1, "l") &&
        (sc->tok[e + 2].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP))
        e = place_run(sc, e + 2);
    return e;
}

/* The name after a seat's head at word h: an adjective or a "de" + noun
 * complement ("de commerce", "d’appel"), then de / du / des / d’, then
 * capitalised words or a place the gazetteers know. Its last word, or 0. */
static size_t seat_end(const sg_scan *sc, size_t h)
{
    size_t k = h + 1;
    if (k < sc->ntok && sep_blank(sc, k) && lower_adjective(sc, k))
        k++;
    /* (an adjective, then "de" + noun: "hospitalier de territoire") */
    if (k + 2 < sc->ntok && particle_at(sc, k) && !is(sc, k, "la") && !is(sc, k, "le") &&
        lower_noun(sc, k + 1) && !in(sc, k + 1, SG_WL_ORG_HEAD) && particle_at(sc, k + 2))
        k += 2; /* "de commerce", "d’appel", then "d’Avignon" */
    size_t e = seat_name_end(sc, k);
    /* (hospitals of several towns are several bodies) */
    if (e && is(sc, h, "hopitaux") && e + 1 < sc->ntok &&
        ((sep_has(sc, e + 1, ",") && (sc->tok[e + 1].flags & T_PLACE)) ||
         (is(sc, e + 1, "et") && sep_blank(sc, e + 1))))
        return 0;
    /* a community of communes named by two areas: "la communauté de communes
       de l’Enclave des Papes et du Pays de Grignan" */
    if (e && is(sc, h, "communaute") && e + 2 < sc->ntok && is(sc, e + 1, "et") &&
        sep_blank(sc, e + 1) && sep_blank(sc, e + 2)) {
        size_t f = seat_name_end(sc, e + 2);
        e = f ? f : e;
    }
    return e;
}

/* A name in quotation marks after an organisation's head, maybe with its
 * complement in lower case: "le collectif « Une réa pour Manosque »", "la
 * clinique « Synergia Luberon »", "l’établissement d’hébergement pour
 * personnes âgées dépendantes "Résidence Les Pins"". */
static int find_quoted(sg_scan *sc)
{
    static const uint32_t open[] = {0xAB, 0x201C, '"'};
    for (size_t i = 0; i + 1 < sc->ntok; i++) {
        const sg_stok *t = &sc->tok[i];
        if ((t->flags & (T_COVERED | T_FURNITURE)) || !in(sc, i, SG_WL_ORG_HEAD))
            continue;
        size_t h = i; /* the word before the quote */
        while (h + 1 < sc->ntok && h - i < 6 && !sep_has_cp(sc, h + 1, open, 3) &&
               (sep_blank(sc, h + 1) || sep_elision(sc, h + 1)) &&
               (sc->tok[h + 1].flags & T_LOWER) && !(sc->tok[h + 1].flags & T_COVERED))
            h++;
        i = h;
        if (i + 1 >= sc->ntok || !sep_has_cp(sc, i + 1, open, 3) ||
            !(sc->tok[i + 1].flags & T_CAP) ||
            (sc->tok[i + 1].flags & (T_COVERED | T_FURNITURE | T_LINE)))
            continue;
        size_t b = i + 1;
        while (b + 1 < sc->ntok && b - i < MAX_NAME_WORDS && !(sc->tok[b + 1].flags & T_LINE) &&
               (sep_blank(sc, b + 1) || sep_elision(sc, b + 1)))
            b++;
        if (b - i >= MAX_NAME_WORDS)
            continue;
        uint32_t c = char_after(sc, b);
        if (c != 0xBB && c != 0x201D && c != '"')
            continue;
        int known = 0; /* places the gazetteers know may be inside the name */
        for (size_t k = i + 1; k <= b; k++)
            known |= (sc->tok[k].flags & (T_FURNITURE | T_TAKEN)) ||
                     (sc->tok[k].flags & (T_COVERED | T_PLACE)) == T_COVERED;
        if (known)
            continue;
        int rc = add_sequence(sc, i + 1, b, 1, 0);
        if (rc)
            return rc;
        for (size_t k = i + 1; k <= b; k++)
            sc->tok[k].flags |= T_TAKEN;
        i = b;
    }
    return 0;
}

/* A place the gazetteers know, then a capitalised word that is not one, after
 * a lower-case word: one body's name ("l’infrastructure nationale France
 * Génomique", "le fonds Provence Avenir"); not the place itself after a
 * preposition of place ("en France Lundi", "à Nice Matin" stays a place). */
static int find_placed_names(sg_scan *sc)
{
    static const char *const at[] = {"a", "au", "aux", "dans", "en", "sur", "vers"};
    for (size_t i = 1; i + 1 < sc->ntok; i++) {
        const sg_stok *t = &sc->tok[i];
        if ((t->flags & (T_PLACE | T_CAP | T_COVERED)) != (T_PLACE | T_CAP | T_COVERED) ||
            (t->flags & (T_START | T_FURNITURE | T_TAKEN)) ||
            !(sep_blank(sc, i) || sep_elision(sc, i)) || !(sc->tok[i - 1].flags & T_LOWER) ||
            (sc->tok[i - 1].flags & T_COVERED))
            continue;
        int located = 0;
        for (size_t k = 0; k < sizeof(at) / sizeof(*at); k++)
            located |= is(sc, i - 1, at[k]);
        /* (nor after "de": a site of the place, "le parc scientifique de
           Marseille Luminy", or inside a longer name) */
        located |= particle_at(sc, i - 1);
        size_t k = place_run(sc, i);
        if (located || k + 1 >= sc->ntok || !sep_blank(sc, k + 1) ||
            (sc->tok[k + 1].flags & (T_LINE | T_TAKEN | T_NUM)) || !name_word(sc, k + 1) ||
            person_at(sc, k + 1) || in(sc, k + 1, SG_WL_PLACE) || in(sc, k + 1, SG_WL_ROLE)) {
            i = k;
            continue;
        }
        size_t j = sequence_end(sc, k + 1);
        if (j - i >= MAX_NAME_WORDS || any_flag(sc, k + 1, j, T_TAKEN)) {
            i = j;
            continue;
        }
        int rc = add_sequence(sc, i, j, 1, 0);
        if (rc)
            return rc;
        for (size_t q = i; q <= j; q++)
            sc->tok[q].flags |= T_TAKEN;
        i = j;
    }
    return 0;
}

static int find_seats(sg_scan *sc)
{
    for (size_t i = 0; i + 2 < sc->ntok; i++) {
        if (!seat_head(sc, i))
            continue;
        size_t j = seat_end(sc, i);
        if (!j || j - i >= 2 * MAX_NAME_WORDS || any_flag(sc, i + 1, j, T_TAKEN | T_FURNITURE) ||
            (any_covered(sc, i + 1, j) && !((sc->tok[j].flags & T_PLACE))))
            continue;
        int rc = add_sequence(sc, i, j, 1, 0);
        if (rc)
            return rc;
        for (size_t k = i; k <= j; k++)
            sc->tok[k].flags |= T_TAKEN;
        i = j;
    }
    return 0;
}

static int find_sequences(sg_scan *sc)
{
    for (size_t i = 0; i < sc->ntok; i++) {
        if (sc->tok[i].flags & T_TAKEN)
            continue;
        int article = cap_article(sc, i);
        size_t first = i + (size_t)article; /* the first word after a capitalised article */
        if (!name_word(sc, first) || (sc->tok[first].flags & T_TAKEN) ||
            strlen(fw(sc, first)) < 2) {
            i += (size_t)article;
            continue;
        }
        size_t j = sequence_end(sc, first);
        /* "en Saône et Loire": a department of the list written without its
           dashes is one name, not two joined by "et" */
        if (j == first && j + 2 < sc->ntok && sep_blank(sc, j + 1) && is(sc, j + 1, "et") &&
            (sc->tok[j + 1].flags & T_LOWER) && sep_blank(sc, j + 2) && name_word(sc, j + 2)) {
            char *key = fold_words(sc, first, j + 2);
            if (!key)
                return SG_ERR_NOMEM;
            if (sg_suggest_word(SG_WL_PLACE, key))
                j += 2;
            free(key);
        }
        /* "la Présidente du Conseil départemental de X": the name starts after
           the role */
        if (!article && in(sc, first, SG_WL_ROLE) && j > first) {
            size_t k = first + 1;
            while (k < j && (!name_word(sc, k) || in(sc, k, SG_WL_ROLE)))
                k++; /* "Vice Président de la CAPG" */
            /* the role is no part of the name: a body's head, an acronym or a
               commune ("Maire de la Brillanne") follows */
            if (k <= j && name_word(sc, k))
                i = first = k;
        }
        /* "d’un Ehpad de Roquebelle": a kind of body, then the name of its town */
        if (!article && j > first && determined_common(sc, first) &&
            (in(sc, first, SG_WL_ORG_HEAD) || in(sc, first, SG_WL_GENERIC)) &&
            particle_at(sc, first + 1)) {
            size_t k = first + 1;
            while (k < j && particle_at(sc, k))
                k++;
            i = first = k;
        }
        int lower = 0;
        if (in(sc, first, SG_WL_ORG_HEAD) && !(sc->tok[first].flags & T_START))
            j = extend_name(sc, first, j, &lower);
        else if (role_of_body(sc, i) && j + 2 < sc->ntok && particle_at(sc, j + 1) &&
                 (sc->tok[j + 2].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP))
            j = place_run(sc, j + 2); /* "président de Régions de France" */
        else if (role_of_body(sc, i) && j + 1 < sc->ntok && sep_blank(sc, j + 1) &&
                 (sc->tok[j + 1].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP)) {
            j = place_run(sc, j + 1); /* "président d’Estérel Côte d’Azur" */
            if (j + 1 < sc->ntok && sep_blank(sc, j + 1) && (sc->tok[j + 1].flags & T_LOWER) &&
                is(sc, j + 1, "agglomeration")) /* "… agglomération": its kind, in the name */
                j++;
        }
        /* "président de la DLVAgglo Camille Galtier": an acronym before a
           known name (not a place) stands alone */
        int alone = j == i && ((sc->tok[i].flags & T_UPPER) || mixed_case(sc, i)) &&
                    !(i > 0 && sep_blank(sc, i) && (sc->tok[i - 1].flags & T_COVERED)) &&
                    !(j + 1 < sc->ntok && (sc->tok[j + 1].flags & T_PLACE));
        if ((alone || !beside_covered(sc, i, j)) && j - i < MAX_NAME_WORDS) {
            int rc = add_sequence(sc, i, j, 0, lower);
            if (rc)
                return rc;
        }
        i = j;
    }
    return 0;
}

int sg_scan_document(sg_scan *sc, const char *text, size_t len, const sg_folded *f,
                     const sg_span *spans, size_t nspans)
{
    sc->text = text;
    sc->len = len;
    sc->f = f;
    sc->spans = spans;
    sc->nspans = nspans;
    int rc = sg_segment(&sc->units, f, SG_UNIT_SENTENCE, 0);
    if (!rc)
        rc = tokenise(sc);
    if (rc)
        return SG_ERR_NOMEM;
    if (!sc->ntok)
        return 0;
    mark_covered(sc);
    if ((rc = mark_furniture(sc)))
        return rc;
    mark_starts(sc);
    mark_bylines(sc);
    mark_credits(sc);
    unmark_shouted(sc);
    if ((rc = find_definitions(sc)) || (rc = find_people(sc)) || (rc = find_media(sc)) ||
        (rc = find_quoted(sc)) || (rc = find_seats(sc)) || (rc = find_placed_names(sc)) ||
        (rc = find_sequences(sc)))
        return rc;
    return 0;
}

void sg_scan_free(sg_scan *sc)
{
    if (!sc)
        return;
    sg_cand_list_free(&sc->defs);
    sg_cand_list_free(&sc->people);
    sg_cand_list_free(&sc->seqs);
    sg_units_free(&sc->units);
    sg_folded_free(&sc->scratch);
    sg_furniture_free(&sc->furniture);
    free(sc->tok);
    free(sc->pool);
    memset(sc, 0, sizeof(*sc));
}
