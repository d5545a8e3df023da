/* The candidates of one document (SPEC §15). The document is read as the
 * extractor reads it: folded by sg_fold (so a word's form is the matcher's)
 * and cut into sentences by sg_segment. Words are runs of letters and digits
 * of the folded text, joined by a dash (AP-HM, Jean-Paul: one word). The
 * gazetteers' mentions mark the words they cover; page furniture (credits,
 * bylines, headings in capitals) is marked too and never read as a name.
 * This file reads the words and marks them; the scanners that then look at
 * them are in files of their own, run in this order: acronym definitions
 * (suggest_acronyms.c), people (suggest_people.c), names after a media cue
 * (suggest_cues.c), organisations' names in quotation marks, after a seat's
 * head or with a place (suggest_orgs.c), and capitalised sequences
 * (suggest_sequences.c). The tests on words they share are in suggest_int.h. */
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "sg_internal.h"
#include "suggest_int.h"

enum { MAX_WORD = 200 };

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
            size_t ws = i;
            while (i < f->len && (f->flags[i] & SG_F_ALNUM))
                i++;
            if (i + 1 < f->len && f->text[i] == ' ' && (f->flags[i + 1] & SG_F_ALNUM) &&
                dash_at(sc, i)) {
                i++;
                continue;
            }
            /* an ampersand between two capitalised words of two letters or
               more ("Transport & Environment"; folded " & "; not "R&D") */
            if (i + 4 < f->len && !memcmp(f->text + i, " & ", 3) && i - ws >= 2 &&
                (f->flags[i + 3] & SG_F_UPPER) && (f->flags[i + 4] & SG_F_ALNUM) &&
                (f->flags[ws] & SG_F_UPPER)) {
                i += 3;
                continue;
            }
            /* an apostrophe inside a word, no elision's ("Ronarc'h",
               "InnovʼinMed"): two letters or more before it, not "qu" */
            if (i + 1 < f->len && f->text[i] == '\'' && (f->flags[i + 1] & SG_F_ALNUM) &&
                i - ws >= 2 && !(f->text[i - 2] == 'q' && f->text[i - 1] == 'u')) {
                i++;
                continue;
            }
            break;
        }
        /* a plus glued to a name's end: "Greffes+", "Canal+" */
        if (i < f->len && f->text[i] == '+' && (f->flags[i - 1] & SG_F_ALNUM) &&
            (i + 1 == f->len || !(f->flags[i + 1] & SG_F_ALNUM)))
            i++;
        if (add_token(sc, a, i))
            return SG_ERR_NOMEM;
    }
    return 0;
}

/* ---- marks ---- */

/* The words inside the extractor's mentions. A well-known place in
 * capitals that the extractor read as the first word of a longer name
 * ("France Séquençage", "Marseille Aménagement": no mention) is marked as a
 * place too, as names made of a place and a word are found from there. */
static void mark_covered(sg_scan *sc)
{
    size_t k = 0;
    for (size_t i = 0; i < sc->ntok; i++) {
        sg_stok *t = &sc->tok[i];
        while (k < sc->nspans && sc->spans[k].e <= t->s)
            k++;
        for (size_t j = k; j < sc->nspans && sc->spans[j].s < t->e; j++)
            if (sc->spans[j].e > t->s) {
                t->flags |=
                    T_COVERED | (sc->spans[j].place ? T_PLACE : 0) | (sc->spans[j].org ? T_ORG : 0);
                break;
            }
        if (!(t->flags & T_COVERED) && (t->flags & T_CAP) && i + 1 < sc->ntok &&
            (sc->tok[i + 1].flags & T_CAP) && sep_blank(sc, i + 1) && in(sc, i, SG_WL_PLACE))
            t->flags |= T_COVERED | T_PLACE;
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

/* A heading in capitals (three words in capitals in a row, numbers and
 * elided articles among them: "UN BASSIN DE 230 000 HABITANTS", "SON PÔLE
 * D’EXCELLENCE") names nothing: its words are not taken as capitalised. A
 * comma ends the row: "ENIPSE, AVASTOFA TOTEM et TABOU" lists acronyms. */
static void unmark_shouted(sg_scan *sc)
{
    size_t a = 0; /* the run of words in capitals is [a, i) */
    for (size_t i = 0; i <= sc->ntok; i++) {
        const sg_stok *t = i < sc->ntok ? &sc->tok[i] : NULL;
        int upper = t && ((t->flags & T_UPPER) || ((t->flags & T_NUM) && i > a) ||
                          ((t->flags & T_CAP) && t->e - t->s == 1 && i > a && i + 1 < sc->ntok &&
                           sep_elision(sc, i + 1)));
        if (upper && i > a && !(sc->tok[i].flags & T_LINE) && !sep_has(sc, i, ",;"))
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

/* Word i may stand between a byline's verb and "par": a date's word ("le",
 * "Mardi", "3", "Mai", "2025", "à", "10h"). */
static int dated_word(const sg_scan *sc, size_t i)
{
    return (sc->tok[i].flags & T_NUM) || is(sc, i, "le") || is(sc, i, "a") || is(sc, i, "h") ||
           is(sc, i, "il") || is(sc, i, "y") || is(sc, i, "jour") || is(sc, i, "jours") ||
           ((sc->tok[i].flags & T_CAP) && in(sc, i, SG_WL_GENERIC) && !in(sc, i, SG_WL_ORG_HEAD));
}

/* Line from word a is a page's dates: "Publié le 3 mai", "Publié il y a 2
 * jours", "Mis à jour le …". */
static int dates_line(const sg_scan *sc, size_t a)
{
    if (is(sc, a, "mis") || is(sc, a, "mise"))
        return a + 2 < sc->ntok && is(sc, a + 1, "a") && is(sc, a + 2, "jour");
    return byline_verb(fw(sc, a)) && a + 1 < sc->ntok &&
           (is(sc, a + 1, "le") || is(sc, a + 1, "il"));
}

static const uint32_t dashes[] = {'-', '|', 0x2013, 0x2014};

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
        /* "Publié par Jean Dupont le 3 mai", "Écrit par X": the author; also
           after a date ("Rédigé le Mardi 3 Mai 2025 par X") */
        for (size_t k = a; k + 2 < b; k++) {
            if (!(sc->tok[k].flags & T_START) || !byline_verb(fw(sc, k)))
                continue;
            size_t p = k + 1;
            while (p < b && p < k + 8 && !is(sc, p, "par") && dated_word(sc, p))
                p++;
            if (p + 1 >= b || !is(sc, p, "par"))
                continue;
            size_t e = p + 1;
            while (e < b && e < p + 5 && (sc->tok[e].flags & T_CAP))
                e++;
            furnish(sc, p + 1, e);
        }
        /* "Publié le 3 mai - Mis à jour le 4 mai - Jean Dupont - 3 min": on a
           line of dates, a name between dashes is the author */
        if (b - a > 2 && (sc->tok[a].flags & T_LINE) && dates_line(sc, a))
            for (size_t k = a + 1; k < b; k++)
                if (sep_has_cp(sc, k, dashes, sizeof(dashes) / sizeof(*dashes)) &&
                    sg_first_name(fw(sc, k)) && (sc->tok[k].flags & T_CAP)) {
                    size_t e = k + 1;
                    while (e < b && e < k + 4 && sep_blank(sc, e) && (sc->tok[e].flags & T_CAP))
                        e++;
                    if (e > k + 1 &&
                        (e == b || sep_has_cp(sc, e, dashes, sizeof(dashes) / sizeof(*dashes))))
                        furnish(sc, k, e);
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
/* A minister's portfolios: the capitalised words after "ministre" or
 * "chargé(e)" and "de", "du", "des", "de la", "de l'", and the list's next
 * items ("Ministre du Travail, de la Santé et des Solidarités", "chargée de
 * la Citoyenneté et de la Ville"), up to a first name (the person's name
 * that may follow): no body's names. ("le ministère de la Santé" names the
 * ministry: its head is no cue here.) */
static void mark_portfolios(sg_scan *sc)
{
    static const char *const cues[] = {"ministre", "ministres", "charge", "chargee"};
    static const char *const of[] = {"de", "du", "des", "la", "l", "d"};
    for (size_t i = 0; i + 2 < sc->ntok; i++) {
        int cue = 0;
        for (size_t c = 0; c < sizeof(cues) / sizeof(*cues) && !cue; c++)
            cue = !strcmp(fw(sc, i), cues[c]);
        for (size_t k = i + 1; cue;) {
            size_t p = k;
            for (int any = 1; any && p < sc->ntok && (sc->tok[p].flags & T_LOWER);) {
                any = 0;
                for (size_t o = 0; o < sizeof(of) / sizeof(*of) && !any; o++)
                    any = !strcmp(fw(sc, p), of[o]);
                p += any;
            }
            if (p == k || p >= sc->ntok || !(sc->tok[p].flags & T_CAP))
                break;
            size_t q = p;
            while (q < sc->ntok && (sc->tok[q].flags & T_CAP) && (q == p || sep_blank(sc, q)) &&
                   !sg_first_name(fw(sc, q)))
                sc->tok[q++].flags |= T_TAKEN;
            if (q < sc->ntok && sep_has(sc, q, ",") && !sep_has(sc, q, ".;:()"))
                k = q; /* ", de la Santé" */
            else if (q + 1 < sc->ntok && sep_blank(sc, q) && is(sc, q, "et"))
                k = q + 1; /* "et des Solidarités" */
            else
                break;
        }
    }
}

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
        /* "Reportage Odile Dumas" ending its line: a cue in capitals, then a
           name of one to three capitalised words, no colon */
        if (in(sc, i, SG_WL_CREDIT) && (sc->tok[i].flags & T_CAP) &&
            !(sc->tok[i].flags & (T_FURNITURE | T_UPPER)) && i + 1 < sc->ntok &&
            sep_blank(sc, i + 1) && !(sc->tok[i + 1].flags & T_LINE) &&
            (sc->tok[i + 1].flags & T_CAP)) {
            size_t b = i + 1;
            while (b + 1 < sc->ntok && b - i < 3 && sep_blank(sc, b + 1) &&
                   !(sc->tok[b + 1].flags & T_LINE) && (sc->tok[b + 1].flags & T_CAP))
                b++;
            if (b + 1 >= sc->ntok || (sc->tok[b + 1].flags & T_LINE)) {
                furnish(sc, i, b + 1);
                i = b;
                continue;
            }
        }
        /* "JEAN DUPONT / Agence Nord": a name in capitals, a slash, an agency
           ending the line */
        if (i > 1 && sep_has(sc, i, "/") && !sep_has(sc, i, ".,;:()") &&
            (sc->tok[i - 1].flags & T_UPPER) && (sc->tok[i - 2].flags & T_UPPER) &&
            sep_blank(sc, i - 1) && (sc->tok[i].flags & T_CAP) &&
            !(sc->tok[i].flags & (T_FURNITURE | T_UPPER))) {
            size_t e = line_end(sc, i), a = i - 2;
            int caps = e - i <= 3;
            for (size_t k = i; caps && k < e; k++)
                caps = (sc->tok[k].flags & T_CAP) && (k == i || sep_blank(sc, k));
            while (a > 0 && sep_blank(sc, a) && (sc->tok[a - 1].flags & T_UPPER) &&
                   !(sc->tok[a].flags & T_LINE))
                a--;
            if (caps) {
                furnish(sc, a, e);
                i = e - 1;
                continue;
            }
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

/* ---- the scanners ---- */

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
    mark_portfolios(sc);
    unmark_shouted(sc);
    if ((rc = sg_suggest_find_definitions(sc)) || (rc = sg_suggest_find_people(sc)) ||
        (rc = sg_suggest_find_media(sc)) || (rc = sg_suggest_find_quoted(sc)) ||
        (rc = sg_suggest_find_seats(sc)) || (rc = sg_suggest_find_placed_names(sc)) ||
        (rc = sg_suggest_find_named_after(sc)) || (rc = sg_suggest_find_branches(sc)) ||
        (rc = sg_suggest_find_sequences(sc)))
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
