/* Credits, bylines and page furniture: lines of a press page that are not
 * sentences of the article ("Photo : X", "— Crédit : X", "© X", "Par Jean
 * Dupont", "Publié le ...", "Lire aussi : ..."). An analyst does not want
 * the photographer, the journalist or the next article's actors in the
 * network: the matcher drops the mentions there, the suggester reads no name
 * there (furniture.h). Read on the original text, line by line (folding turns
 * single line breaks into spaces). */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "furniture.h"
#include "match_int.h"
#include "sg_internal.h"

/* Case-insensitive prefix test on ASCII and the few accented capitals of
 * the cue words (É, À in UTF-8). */
static size_t starts_with(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - p) < n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char a = (unsigned char)p[i], b = (unsigned char)word[i];
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a + 32);
        if (a == b)
            continue;
        /* "É" (C3 89) for "é" (C3 A9), "À" (C3 80) for "à" (C3 A0) */
        if (i > 0 && (unsigned char)word[i - 1] == 0xC3 && a + 0x20 == b)
            continue;
        return 0;
    }
    return n;
}

static int word_end(const char *p, const char *end)
{
    return p >= end ||
           !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (unsigned char)*p >= 0x80);
}

static const char *skip_blanks(const char *p, const char *end)
{
    while (p < end) {
        if (*p == ' ' || *p == '\t' || *p == '\r')
            p++;
        else if (end - p >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
            p += 2; /* no-break space */
        else if (end - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
                 ((unsigned char)p[2] == 0xAF || (unsigned char)p[2] == 0x89))
            p += 3; /* narrow no-break and thin spaces */
        else
            break;
    }
    return p;
}

/* Dashes, bullets and brackets a credit may start with. */
static const char *skip_leaders(const char *p, const char *end)
{
    for (;;) {
        p = skip_blanks(p, end);
        if (p < end && (*p == '-' || *p == '(' || *p == '[' || *p == '|' || *p == '*'))
            p++;
        else if (end - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
                 ((unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x95))
            p += 3; /* dashes */
        else if (end - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
                 (unsigned char)p[2] == 0xA2)
            p += 3; /* bullet */
        else
            return p;
    }
}

/* A credit cue at p: "photo", "crédit", "©", ... followed (within a few
 * words) by ':' or '/', or "©" alone. Returns 1 when it is one. */
/* Do capitalised words from p close a bracket within 40 bytes, letters,
 * spaces, hyphens and apostrophes only ("Jean Dupont)"), or, `dash` set, end
 * before a long dash ("Jean Dupont – Agence X", a picture's author and
 * agency)? */
static int names_close_bracket(const char *p, const char *end, int dash)
{
    if (p >= end || !((*p >= 'A' && *p <= 'Z') || (unsigned char)*p == 0xC3))
        return 0;
    for (const char *q = p; q < end && q - p < 40; q++) {
        if (*q == ')')
            return !dash && q - p >= 3;
        if (dash && *q == ' ' && end - q >= 4 && (unsigned char)q[1] == 0xE2 &&
            (unsigned char)q[2] == 0x80 &&
            ((unsigned char)q[3] == 0x93 || (unsigned char)q[3] == 0x94))
            return q - p >= 3; /* " – ", " — " */
        if (*q == '.' || *q == ',' || *q == ':' || *q == ';' || *q == '(' || *q == '\n' ||
            (*q >= '0' && *q <= '9'))
            return 0;
        if (*q == ' ' && q + 1 < end && (q[1] >= 'a' && q[1] <= 'z') &&
            !(q + 3 < end && (q[1] == 'd' || q[1] == 'l') &&
              (q[2] == 'e' || q[2] == 'a' || q[2] == '\'')))
            return 0; /* a lower-case word: a caption, no name ("photo Marseille la nuit") */
    }
    return 0;
}

static int credit_at(const char *p, const char *end, int line_start)
{
    static const char *const cues[] = {"photos",  "photo",        "images",      "image",
                                       "crédits", "crédit",       "credits",     "credit",
                                       "vidéo",   "illustration", "infographie", "légende"};
    if (end - p >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA9)
        return 1; /* © */
    if (end - p >= 3 && p[0] == '(' && (p[1] == 'c' || p[1] == 'C') && p[2] == ')')
        return 1;
    /* at a line's start only, right before ':': "Source : X", "Image : X" */
    static const char *const sources[] = {"sources", "source", "images", "image", "copyright"};
    for (size_t c = 0; line_start == 1 && c < sizeof(sources) / sizeof(*sources); c++) {
        size_t n = starts_with(p, end, sources[c]);
        if (!n || !word_end(p + n, end))
            continue;
        const char *q = skip_blanks(p + n, end);
        if (q < end && (*q == ':' || c == 4))
            return 1;
    }
    for (size_t c = 0; c < sizeof(cues) / sizeof(*cues); c++) {
        if ((*p | 0x20) != cues[c][0])
            continue;
        size_t n = starts_with(p, end, cues[c]);
        if (!n || !word_end(p + n, end))
            continue;
        if (!line_start && !(*p >= 'A' && *p <= 'Z') && (unsigned char)*p != 0xC3)
            return 0; /* inside a line, a credit is capitalised ("— Crédit : X"),
                         or in brackets ("(crédit : X)", line_start 2) */
        /* in brackets, a picture's cue and capitalised names closing them:
           "(photo Jean Dupont)", "(image AP-HM)" (not "(Crédit Agricole
           Alpes Provence)") */
        if (line_start == 2 && c < 4 && names_close_bracket(skip_blanks(p + n, end), end, 0))
            return 1;
        /* "Photo Jean Dupont – Agence X": a picture's cue, names and a long
           dash */
        if (c < 2 && names_close_bracket(skip_blanks(p + n, end), end, 1))
            return 1;
        /* ':' or '/' within the next 30 bytes, no sentence end before it */
        for (const char *q = p + n; q < end && q < p + n + 30; q++) {
            if (*q == ':' || *q == '/')
                return 1;
            if (*q == '.' || *q == '!' || *q == '?' || *q == '\n')
                return 0;
        }
        return 0;
    }
    return 0;
}

/* Does [p, end) hold a date: a month's name or a year (19xx, 20xx)? */
static int has_date(const char *p, const char *end)
{
    static const char *const months[] = {"janvier",   "février", "mars",     "avril",
                                         "mai",       "juin",    "juillet",  "août",
                                         "septembre", "octobre", "novembre", "décembre"};
    for (const char *r = p; r < end; r++) {
        if (r + 4 <= end && (r == p || !(r[-1] >= '0' && r[-1] <= '9')) &&
            ((r[0] == '1' && r[1] == '9') || (r[0] == '2' && r[1] == '0')) && r[2] >= '0' &&
            r[2] <= '9' && r[3] >= '0' && r[3] <= '9' &&
            (r + 4 == end || !(r[4] >= '0' && r[4] <= '9')))
            return 1;
        if (r > p && r[-1] != ' ')
            continue;
        for (size_t m = 0; m < sizeof(months) / sizeof(*months); m++) {
            size_t n = starts_with(r, end, months[m]);
            if (n && word_end(r + n, end))
                return 1;
        }
    }
    return 0;
}

static int names_only(const char *p, const char *end);

/* A report's credit, its authors after "de" ("Reportage à Nice de Jean
 * Dupont et Marie Durand :", "Un reportage de Jean Dupont") or right after
 * the cue, the line theirs ("Reportage Jean Dupont et Marie Durand"): where
 * the authors start, or NULL. */
static const char *report_authors(const char *p, const char *end)
{
    size_t n = starts_with(p, end, "reportage ");
    if (!n)
        n = starts_with(p, end, "un reportage ");
    if (n && names_only(p + n, end))
        return p + n;
    const char *q = p + n - (n > 0); /* (from the cue's space) */
    while (n && q + 4 < end && q - p < 40 && *q != ':' && memcmp(q, " de ", 4))
        q++;
    if (!n || q + 4 >= end || memcmp(q, " de ", 4))
        return NULL;
    /* then names only (names_only), a colon or a full stop at the end */
    const char *names = q + 4, *e = end;
    while (e > names && (e[-1] == ' ' || e[-1] == ':' || e[-1] == '.'))
        e--;
    return names_only(names, e) ? names : NULL;
}

/* Do [q, end) hold a signature's words only: capitalised words and the
 * function words of names ("de", "du", "des", "la", "le", "et", elided "d'"
 * and "l'"), then after a comma a role ("…, coordinateurs"), and no full
 * stop at the end? */
static int signature_only(const char *q, const char *end)
{
    static const char *const joins[] = {"de", "des", "du", "et", "la", "le", "les"};
    const char *e = end;
    while (e > q && (e[-1] == ' ' || e[-1] == '\r'))
        e--;
    if (e > q && e[-1] == '.')
        return 0;
    for (const char *w = q; w < e;) {
        while (w < e && *w == ' ')
            w++;
        if (w < e && *w == ',')
            return 1; /* (the role after it) */
        const char *we = w;
        while (we < e && *we != ' ' && *we != ',')
            we++;
        if (w == we)
            break;
        int ok = (*w >= 'A' && *w <= 'Z') || (unsigned char)*w == 0xC3 ||
                 (we - w > 2 && (*w == 'd' || *w == 'l') &&
                  (w[1] == '\'' || (unsigned char)w[1] == 0xE2)); /* d', d’ */
        for (size_t k = 0; !ok && k < sizeof(joins) / sizeof(*joins); k++)
            ok = (size_t)(we - w) == strlen(joins[k]) && !memcmp(w, joins[k], (size_t)(we - w));
        if (!ok)
            return 0;
        w = we;
    }
    return 1;
}

/* A whole line of furniture: a byline ("Par Jean Dupont", short, no
 * sentence; a little longer with its date: "Par Jean Dupont et Marie Durand,
 * France Bleu Vaucluse jeudi 10 novembre 2016 à 4:15"), a report's credit
 * (report_authors), a date line, a link to another article. */
static int furniture_line(const char *p, const char *end)
{
    static const char *const starts[] = {
        "publié le", "publié à", "publié :", "mis à jour", "modifié le", "lire aussi",
        "à lire aussi", "a lire aussi", "lire également", "voir aussi", "article réservé",
        "abonnez-vous", "partager", "newsletter", "temps de lecture", "lecture :",
        /* an interview's byline: "- Propos recueillis par X / SOPRESS" */
        "propos recueillis",
        /* a local site's choice of town: "Votre ville : GAP | Changer de ville" */
        "votre ville :",
        /* a newspapers' kiosk's footer: "Newspapers from France" */
        "newspapers in ", "newspapers from ",
        /* a local site's tagline: "L'actualité à Marseille, Aix-en-Provence,
           Aubagne… et dans toute la métropole" */
        "l'actualité à ", "l’actualité à "};
    p = skip_leaders(p, end);
    for (size_t c = 0; c < sizeof(starts) / sizeof(*starts); c++)
        if (starts_with(p, end, starts[c]))
            return 1;
    if (starts_with(p, end, "> ") && end - p <= 40 && !memchr(p, '.', (size_t)(end - p)))
        return 1; /* a site's one crumb on its line: "> Marseille" */

    /* a byline's cue: "Par", "Rédigé par", "Écrit par" */
    static const char *const by[] = {"par ", "rédigé par ", "rédigée par ", "écrit par ",
                                     "écrite par "};
    const char *q = report_authors(p, end);
    size_t n = 0, c = 0;
    for (; !q && !n && c < sizeof(by) / sizeof(*by); c++)
        n = starts_with(p, end, by[c]);
    if ((!n && !q) || end - p > 120)
        return 0;
    q = skip_blanks(q ? q : p + n, end);
    /* (a body signs after its article, on a short line without a comma:
       "Par la PASS de Ville Marseille") */
    size_t article = n ? starts_with(q, end, "la ") : 0;
    if (n && !article)
        article = starts_with(q, end, "le ");
    if (article && (end - q > 60 || memchr(q, ',', (size_t)(end - q))))
        return 0;
    q = skip_blanks(q + article, end);
    if (q >= end || !((*q >= 'A' && *q <= 'Z') || (unsigned char)*q == 0xC3))
        return 0;
    /* (a body's signature ends with no full stop: "Par la Préfecture des
       Bouches-du-Rhône on apprend la nouvelle." is a sentence; the longer
       cues sign with names only: "Écrit par X et Y en 2021" is one too) */
    const char *last = end;
    while (last > q && (last[-1] == ' ' || last[-1] == '\r'))
        last--;
    if ((article && last[-1] == '.') || (n && c > 1 && !signature_only(q, end)))
        return 0;
    /* no sentence in it: no '.' followed by a space and more words */
    unsigned words = 0;
    for (const char *r = q; r < end; r++) {
        if ((*r == '.' || *r == '!' || *r == '?') && r + 1 < end && r[1] == ' ' && r - q > 3 &&
            !(r[-1] >= 'A' && r[-1] <= 'Z' && (r - 1 == q || r[-2] == ' ' || r[-2] == '-')))
            return 0;
        words += *r == ' ';
    }
    return words <= 12 || (words <= 20 && has_date(q, end));
}

/* A line of a date and a signature between dashes, as local sites head an
 * article: "Hautes-Alpes le 10 avril 2017 - Madeleine FAUCHÂTRE - Chantiers":
 * short, no full stop; its first part a place and a date (capitalised words,
 * "le", "du", "à", numbers and the month, six words at most), the second a
 * signature (names only, the surname in capitals), the third, if any, a
 * rubric of three words at most. An aside between dashes in a sentence ("Le
 * 12 mars 2020, le ministre - Olivier Véran - a annoncé…") is none. */
static int signed_date_line(const char *p, const char *end)
{
    static const char *const small[] = {"le", "du", "à", "1er"};
    const char *e = end;
    while (e > p && (e[-1] == ' ' || e[-1] == '\r'))
        e--;
    if (e - p > 120 || e == p || e[-1] == '.')
        return 0;
    const char *d1 = p; /* the first " - " */
    while (d1 + 3 <= e && memcmp(d1, " - ", 3))
        d1++;
    if (d1 + 3 > e || !has_date(p, d1))
        return 0;
    unsigned words = 0;
    for (const char *w = p; w < d1; words++) {
        const char *we = w;
        while (we < d1 && *we != ' ')
            we++;
        int ok = (*w >= 'A' && *w <= 'Z') || (unsigned char)*w == 0xC3 ||
                 (*w >= '0' && *w <= '9') || has_date(w, we);
        for (size_t k = 0; !ok && k < sizeof(small) / sizeof(*small); k++)
            ok = (size_t)(we - w) == strlen(small[k]) && !memcmp(w, small[k], (size_t)(we - w));
        if (!ok || words >= 6)
            return 0;
        w = we < d1 ? we + 1 : we;
    }
    const char *s2 = d1 + 3, *d2 = s2; /* the signature, to the next " - " */
    while (d2 + 3 <= e && memcmp(d2, " - ", 3))
        d2++;
    if (d2 + 3 > e)
        d2 = e;
    int caps = 0; /* (a word in capitals: the surname) */
    for (const char *w = s2; w < d2; w++)
        if ((w == s2 || w[-1] == ' ') && w + 1 < d2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' &&
            w[1] <= 'Z')
            caps = 1;
    if (!caps || !names_only(s2, d2))
        return 0;
    unsigned rubric = 0;
    for (const char *w = d2 < e ? d2 + 3 : e; w < e; w++)
        rubric += w == d2 + 3 || w[-1] == ' ';
    return rubric <= 3;
}

/* A page's place tag on a line of its own, ending with the country:
 * "Nice, France", "Quartier X, Avignon, France", "date 2019-10 Var, France"
 * (the pages' location metadata, not a sentence: four parts at most, each
 * capitalised and short, no full stop). */
static int place_tag_line(const char *p, const char *end)
{
    static const char country[] = ", France";
    const size_t cn = sizeof(country) - 1;
    while (end > p && (end[-1] == ' ' || end[-1] == '\r' || end[-1] == '\t'))
        end--;
    if (end - p > 120 || (size_t)(end - p) <= cn || memcmp(end - cn, country, cn))
        return 0;
    if (end - p > 13 && !memcmp(p, "date ", 5) && p[5] >= '0' && p[5] <= '9' && p[9] == '-')
        p = skip_blanks(p + 12, end); /* "date 2019-10 " */
    unsigned parts = 0;
    for (const char *q = p; q < end - cn; parts++) {
        if (!((*q >= 'A' && *q <= 'Z') || (unsigned char)*q == 0xC3) || parts >= 4)
            return 0;
        const char *c = memchr(q, ',', (size_t)(end - q));
        if (!c || c - q > 40 || memchr(q, '.', (size_t)(c - q)))
            return 0;
        q = skip_blanks(c + 1, end);
    }
    return parts >= 1;
}

/* A short line that gives a source, then its date: "Orange avec
 * AFP-Services, publié le vendredi 16 août 2019 à 14h00" (no sentence
 * before the comma). */
static int source_line(const char *p, const char *end)
{
    static const char published[] = ", publi\xc3\xa9 le ";
    if (end - p > 160 || end - p < (ptrdiff_t)sizeof(published))
        return 0;
    const char *d = memmem(p, (size_t)(end - p), published, sizeof(published) - 1);
    return d && !memchr(p, '.', (size_t)(d - p)) && has_date(d, end);
}

/* A newsletter's notice: "France Télévisions utilise votre adresse e-mail
 * afin de vous envoyer la newsletter ... Notre politique de
 * confidentialité", the address named in its first words (only those are
 * read: a line costs one short search). */
static int notice_line(const char *p, const char *end)
{
    size_t n = end - p < 120 ? (size_t)(end - p) : 120;
    const char *a = memmem(p, n, "votre adresse e", 15);
    return a && (starts_with(a + 15, end, "-mail") || starts_with(a + 15, end, "mail"));
}

/* A news agency's dateline at the start of a line, up to its bracket: "MARSEILLE,
 * 1er juillet 2016 (APM) - L'agence ...", "Marseille (AFP) - ..." (the place
 * where the dispatch was written, and the agency); returns the bracket's end,
 * or NULL. A dash must follow the bracket; no full stop comes before it. */
static const char *wire_dateline(const char *p, const char *end)
{
    static const char *const agencies[] = {"(AFP)", "(APM)", "(AP)", "(Reuters)", "(ANSA)"};
    size_t n = end - p < 64 ? (size_t)(end - p) : 64;
    const char *b = memchr(p, '(', n);
    if (!b || b == p || memchr(p, '.', (size_t)(b - p)) || !(*p >= 'A' && *p <= 'Z'))
        return NULL;
    for (size_t k = 0; k < sizeof(agencies) / sizeof(*agencies); k++) {
        size_t l = strlen(agencies[k]);
        if ((size_t)(end - b) < l || memcmp(b, agencies[k], l))
            continue;
        const char *q = skip_blanks(b + l, end);
        if (q < end && (*q == '-' || (end - q >= 3 && (unsigned char)q[0] == 0xE2 &&
                                      (unsigned char)q[1] == 0x80 && (unsigned char)q[2] >= 0x93 &&
                                      (unsigned char)q[2] <= 0x94)))
            return b + l;
    }
    return NULL;
}

/* A line of a page's tags, two "# " at least: "Interview Alpes-Maritimes #
 * Santé # Réseaux d'accompagnement". */
static int tags_line(const char *p, const char *end)
{
    unsigned hashes = 0;
    for (const char *r = p; r + 1 < end && hashes < 2; r++) {
        if (!(r = memchr(r, '#', (size_t)(end - r))))
            break;
        hashes += r + 1 < end && r[1] == ' ' && (r == p || r[-1] == ' ');
    }
    return hashes >= 2;
}

/* Do [p, end) hold people's names only, as a byline does: two capitalised
 * words or more, joined by "avec", "et" or commas ("Laura Berlioz avec
 * Lilian Pouyaud"), eight words at most, no sentence's punctuation? */
static int names_only(const char *p, const char *end)
{
    unsigned capitalised = 0, words = 0;
    while ((p = skip_blanks(p, end)) < end) {
        if (*p == ',') {
            p++;
            continue;
        }
        const char *w = p;
        while (p < end && *p != ' ' && *p != ',')
            p++;
        if (++words > 8)
            return 0;
        if ((*w >= 'A' && *w <= 'Z') || (unsigned char)*w == 0xC3) {
            for (const char *c = w; c < p; c++)
                if (*c == '.' || *c == ':' || *c == '!' || *c == '?' || (*c >= '0' && *c <= '9'))
                    return 0;
            capitalised++;
        } else if (!(p - w == 4 && !memcmp(w, "avec", 4)) && !(p - w == 2 && !memcmp(w, "et", 2))) {
            return 0;
        }
    }
    return capitalised >= 2;
}

/* A site's breadcrumb at the line's start p, "Accueil > Parcours de soins >
 * Gestion de la data > Title", "Ouest Var > Actualité > Ollioules > Title",
 * "Accueil | Santé | Actualités | Title": two " > " or more (or " | " after
 * "Accueil"), each crumb short and no sentence. Returns the end of
 * the page's title that the last crumb is: the title's first copy when the
 * page repeats it as its heading ("… > Les 17 GRADeS créent une instance
 * Les 17 GRADeS créent une instance Par …"), else the line's end when the
 * line ends soon after, else the last " > "'s end; or NULL. */
static const char *breadcrumb(const char *p, const char *end)
{
    enum { CRUMB = 60, TITLE = 160 };
    const char *last = NULL, *from = p;
    int crumbs = 0;
    /* (bars only after a site's home: "Accueil | Santé | Actualités | Title") */
    char bar = starts_with(p, end, "accueil |") ? '|' : '>';
    for (const char *q = p; q + 3 <= end && q - from <= CRUMB; q++) {
        if (*q == '.' || *q == '!' || *q == '?')
            break;
        if (q[0] == ' ' && (q[1] == '>' || q[1] == bar) && q[2] == ' ') {
            crumbs++;
            last = from = q + 3;
        }
    }
    if (crumbs < 2)
        return NULL;
    /* the title, then its copy after a space */
    for (const char *k = last + 16; k < end && k - last <= TITLE; k++)
        if (*k == ' ' && end - (k + 1) >= k - last && !memcmp(last, k + 1, (size_t)(k - last)))
            return k;
    return end - last <= TITLE ? end : last;
}

/* A newspaper's header at p, "Var-Matin (Grand Toulon)", "Nice-Matin
 * (Cannes)", or the newspaper's name alone on its line, or followed by its
 * journalists' names ("BFM Var Laura Berlioz avec Lilian Pouyaud"): returns
 * its end (one past ')' or the line's end), or NULL. */
static const char *masthead(const char *p, const char *end)
{
    static const char *const titles[] = {
        "La Provence",         "La Marseillaise", "Le Dauphiné", "Midi Libre",
        "Le Parisien",         "Ouest-France",    "20 Minutes",  "Sud Ouest",
        "La Tribune",          "BFM Var",         "BFM DICI",    "BFM Marseille Provence",
        "BFM Nice Côte d'Azur"};
    const char *q = NULL;
    for (size_t t = 0; t < sizeof(titles) / sizeof(*titles) && !q; t++)
        if ((size_t)(end - p) >= strlen(titles[t]) && !memcmp(p, titles[t], strlen(titles[t])))
            q = p + strlen(titles[t]);
    if (!q) { /* "Nice-Matin", "Var-Matin", "Corse-Matin" */
        const char *w = p;
        while (w < end && *w != ' ' && *w != '(' && w - p < 30)
            w++;
        if (w - p > 6 && p[0] >= 'A' && p[0] <= 'Z' && !memcmp(w - 6, "-Matin", 6))
            q = w;
    }
    if (!q)
        return NULL;
    q = skip_blanks(q, end);
    if (q == end || names_only(q, end))
        return end;
    if (*q != '(')
        return NULL;
    const char *c = memchr(q, ')', (size_t)(end - q));
    return c && c - q < 60 ? c + 1 : NULL;
}

/* Calls emit(ctx, a, b) for every span [a, b) of furniture (original
 * offsets), in order, until it returns non-zero. */
typedef int (*emit_fn)(void *ctx, size_t a, size_t b);

/* The bytes a credit inside a line may start with: 1 always, 2 right after '('. */
static const unsigned char credit_start[256] = {
    ['P'] = 1, ['C'] = 1,  ['I'] = 1, ['V'] = 1, ['L'] = 1,
    ['('] = 1, [0xC2] = 1, ['p'] = 2, ['c'] = 2, ['i'] = 2};

/* A credit inside a line ends in one of these bytes within CUE_REACH bytes of
 * its start: the ':' or '/' after its cue (credit_at reads up to 30 bytes
 * after a cue of up to 12), the second byte of "©", the ')' of "(c)", the
 * last byte of a long dash after a picture's author ("Photo X – Agence"). */
static const char anchors[] = ":/\xa9)\x93";
#define NANCHORS (sizeof(anchors) - 1)
#define CUE_REACH 43

/* The next anchor anchors[k] in [from, lend), or NULL. 0xA9 is also the
 * second byte of "é" (one French word in three has one): only the "©"'s
 * counts, found by its first byte (C2 starts few characters: no-break space,
 * «, », °, ©). */
static const char *next_anchor(size_t k, const char *from, const char *lend)
{
    if (anchors[k] == '\x93') { /* "–" or "—": E2 80 93, E2 80 94 */
        for (const char *c = from; c + 2 < lend; c++)
            if (!(c = memchr(c, '\xe2', (size_t)(lend - 2 - c))) ||
                ((unsigned char)c[1] == 0x80 &&
                 ((unsigned char)c[2] == 0x93 || (unsigned char)c[2] == 0x94)))
                return c ? c + 2 : NULL;
        return NULL;
    }
    if (anchors[k] != '\xa9')
        return from < lend ? memchr(from, anchors[k], (size_t)(lend - from)) : NULL;
    for (const char *c = from - 1; c + 1 < lend; c++) /* (from > the line's start) */
        if (!(c = memchr(c, '\xc2', (size_t)(lend - 1 - c))) || (unsigned char)c[1] == 0xA9)
            return c ? c + 1 : NULL;
    return NULL;
}

/* The start of the first credit inside line [from - 1, lend) ("... — Crédit :
 * X"), or NULL. Only the bytes shortly before an anchor are read, so that a
 * line with none costs a few memchr. */
static const char *inline_credit(const char *from, const char *lend)
{
    const char *next[NANCHORS];
    for (size_t k = 0; k < NANCHORS; k++)
        next[k] = next_anchor(k, from, lend);
    for (;;) {
        size_t ka = NANCHORS;
        for (size_t k = 0; k < NANCHORS; k++)
            if (next[k] && (ka == NANCHORS || next[k] < next[ka]))
                ka = k;
        if (ka == NANCHORS)
            return NULL;
        const char *a = next[ka];
        for (const char *q = a - from > CUE_REACH ? a - CUE_REACH : from; q < a; q++) {
            /* a credit inside a line starts with a capital cue, '©' or "(c)";
             * most bytes start none (one table lookup a byte) */
            unsigned char c = (unsigned char)*q;
            if (!credit_start[c])
                continue;
            int bracket = q[-1] == '(';
            if ((credit_start[c] == 2 && !bracket) ||
                !(q[-1] == ' ' || bracket || (unsigned char)q[-1] == 0x94 ||
                  (unsigned char)q[-1] == 0xA0 || c == 0xC2 /* "2023©X": © glued too */))
                continue;
            if (credit_at(q, lend, bracket ? 2 : 0))
                return q;
        }
        if (a > from)
            from = a;
        next[ka] = next_anchor(ka, a + 1, lend);
    }
}

/* After a "©" glued to the word before ("… route 2023©Eurobiomed « Nous
 * … »", a caption's credit run into the text): the capitalised words of the
 * name, four at most; the end of the last. */
static const char *glued_credit_end(const char *q, const char *lend)
{
    const char *r = q + 2, *e = r; /* past "©" */
    for (int words = 0; words < 4; words++) {
        r = skip_blanks(r, lend);
        if (r >= lend || !((*r >= 'A' && *r <= 'Z') || (unsigned char)*r == 0xC3))
            break;
        while (r < lend && !word_end(r, lend))
            r++;
        while (r < lend && (*r == '-' || *r == '\'') && !word_end(r + 1, lend))
            for (r++; r < lend && !word_end(r, lend); r++) /* Var-Matin, L'Express */
                ;
        e = r;
    }
    return e;
}

/* Where a credit starting at q ends: at the ')' that closes its bracket
 * ("(© Var-Matin – X) La clinique ..."), or else at the line's end. */
/* "Photo DR : le CHU de Nice": the credit is the cue and one word in
 * capitals (DR, AFP, MAXPPP) or one capitalised word ("Photo WebTimeMedias :
 * une vue des labos"), and a caption follows the colon. Returns the colon's
 * end, or NULL. */
static const char *credit_before_caption(const char *q, const char *lend)
{
    size_t n = starts_with(q, lend, "photo");
    if (!n)
        return NULL;
    const char *w = q + n + (q + n < lend && q[n] == 's');
    if (w >= lend || *w != ' ')
        return NULL;
    const char *c = ++w;
    while (c < lend && *c >= 'A' && *c <= 'Z')
        c++;
    if (c - w == 1) /* one capitalised word, letters only */
        while (c < lend && ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z')))
            c++;
    if (c - w < 2 || c - w > 24 || (c < lend && *c != ' ' && *c != ':'))
        return NULL;
    while (c < lend && *c == ' ')
        c++;
    return c < lend && *c == ':' ? c + 1 : NULL;
}

/* After a "©" that runs into the article's text ("© Radio France - Emilie
 * Dupont À l'occasion de la journée ..."): the credit's words end before the
 * word that starts a sentence, a capitalised word followed by one in lower
 * case, within eight words. Returns that end, or lend when none is found. */
static const char *credit_before_sentence(const char *q, const char *lend)
{
    const char *r = q + 2, *prev_end = NULL, *last_end = NULL; /* past "©" */
    for (int words = 0; words < 8; words++) {
        r = skip_blanks(r, lend);
        while (r < lend && (*r == '-' || (unsigned char)*r == 0xE2)) /* dashes */
            r += *r == '-' ? 1 : (lend - r >= 3 ? 3 : lend - r);
        r = skip_blanks(r, lend);
        if (r >= lend)
            return lend;
        int lower = (*r >= 'a' && *r <= 'z') ||
                    ((unsigned char)*r == 0xC3 && r + 1 < lend && (unsigned char)r[1] >= 0xA0);
        if (lower)
            return words >= 2 && prev_end ? prev_end : lend;
        if (word_end(r, lend))
            return lend; /* a mark: no sentence of words */
        while (r < lend && !word_end(r, lend))
            r++;
        while (r < lend && (*r == '-' || *r == '\'') && !word_end(r + 1, lend))
            for (r++; r < lend && !word_end(r, lend); r++) /* Var-Matin, L'Express */
                ;
        prev_end = last_end;
        last_end = r;
    }
    return lend;
}

/* "Illustration : Avec la circulation et la chaleur, la pollution ...": a
 * picture's cue whose colon a caption follows, a sentence (five words or
 * more before any "©" or "/", three of them in lower case, no bracket
 * closed among the first five: "par X (à gauche)" is the caption's), not a
 * credit's names ("Photo : Jean Dupont / AFP", "(Photo : AFP) La clinique
 * ..."). Returns the colon's end: the cue
 * alone is furniture, the caption counts. Or NULL. */
static const char *cue_before_caption(const char *q, const char *lend)
{
    static const char *const cues[] = {"illustration", "légende", "photos",
                                       "photo",        "vidéo",   "infographie"};
    size_t n = 0;
    for (size_t c = 0; c < sizeof(cues) / sizeof(*cues) && !n; c++)
        n = starts_with(q, lend, cues[c]);
    if (!n || !word_end(q + n, lend))
        return NULL;
    const char *colon = skip_blanks(q + n, lend);
    if (colon >= lend || *colon != ':')
        return NULL;
    unsigned words = 0, lower = 0;
    for (const char *r = skip_blanks(colon + 1, lend); r < lend; r = skip_blanks(r, lend)) {
        if (*r == '/' || ((unsigned char)*r == 0xC2 && r + 1 < lend && (unsigned char)r[1] == 0xA9))
            break;
        words++;
        lower += *r >= 'a' && *r <= 'z';
        while (r < lend && *r != ' ' && *r != ')')
            r++;
        if (r < lend && *r == ')' && words < 5)
            return NULL; /* "(Photo : AFP) La clinique ...": a credit in brackets */
        r += r < lend && *r == ')';
    }
    return words >= 5 && lower >= 3 ? colon + 1 : NULL;
}

static const char *credit_end(const char *line, const char *q, const char *lend)
{
    const char *caption = credit_before_caption(q, lend);
    if (!caption)
        caption = cue_before_caption(q, lend);
    if (caption)
        return caption;
    if (q > line && (unsigned char)q[0] == 0xC2 && q[-1] != ' ' && q[-1] != '(' &&
        (unsigned char)q[-1] != 0xA0 && (unsigned char)q[-1] != 0x94)
        return glued_credit_end(q, lend);
    const char *b = q; /* back over blanks: "( © X)" */
    while (b > line && q - b < 3 &&
           (b[-1] == ' ' || (unsigned char)b[-1] == 0xA0 || (unsigned char)b[-1] == 0xC2))
        b--;
    if (b == line || b[-1] != '(')
        return (unsigned char)q[0] == 0xC2 ? credit_before_sentence(q, lend) : lend;
    size_t reach = (size_t)(lend - q) < 160 ? (size_t)(lend - q) : 160;
    const char *c = memchr(q, ')', reach);
    return c ? c + 1 : lend;
}

/* A credit at the end of a caption line, after its sentence and a dash: "Les
 * urgences de Manosque. - BFM DICI", "... à Toulon. — AFP". Returns where the
 * dash starts, or NULL: four words at most after it, capitalised, no sentence. */
static const char *trailing_credit(const char *line, const char *lend)
{
    const char *e = lend;
    while (e > line && (e[-1] == ' ' || e[-1] == '\r' || e[-1] == '\t'))
        e--;
    for (const char *q = e - 1; q > line + 2 && e - q < 60; q--) {
        if (*q == '.' || *q == '!' || *q == '?' || *q == '\n')
            return NULL; /* a sentence after the dash: no credit */
        size_t dl = q[0] == '-' ? 1
                    : (e - q >= 3 && (unsigned char)q[0] == 0xE2 && (unsigned char)q[1] == 0x80 &&
                       ((unsigned char)q[2] == 0x93 || (unsigned char)q[2] == 0x94))
                        ? 3
                        : 0;
        if (!dl || q[-1] != ' ' || q + dl >= e || q[dl] != ' ')
            continue;
        const char *b = q - 1; /* the sentence before ends with '.', '!', '?' or '»' */
        while (b > line && b[-1] == ' ')
            b--;
        if (b == line || !(b[-1] == '.' || b[-1] == '!' || b[-1] == '?'))
            return NULL;
        const char *w = q + dl + 1;
        unsigned words = 1;
        for (const char *r = w; r < e; r++)
            words += *r == ' ';
        return words <= 4 && ((*w >= 'A' && *w <= 'Z') || (unsigned char)*w == 0xC3) ? q : NULL;
    }
    return NULL;
}

/* A byline run into a line after its date, as text taken from a page
 * leaves it: "… à la tête de l'IHU 13/09/2021 Par Pauline Machard Le
 * microbiologiste …". Returns where "Par" starts, the name's end in *e, or
 * NULL: a date dd/mm/yyyy (or with dots), "Par", then one to three
 * capitalised words, up to two spaces. */
static const char *dated_byline(const char *from, const char *lend, const char **e)
{
    if (lend - from < 10)
        return NULL;
    /* a date has '/' or '.' at q[2]: the scan goes from one of those to the
     * next (memchr), where it went byte by byte, a thirtieth of a dense
     * corpus's extraction */
    const char *last = lend - 10, *dot = NULL, *slash = NULL;
    for (const char *d = from; d <= last; d++) {
        const char *m = d + 2;
        if (!dot || dot < m)
            dot = memchr(m, '.', (size_t)(lend - m));
        if (!slash || slash < m)
            slash = memchr(m, '/', (size_t)(lend - m));
        if (!dot)
            dot = lend;
        if (!slash)
            slash = lend;
        const char *mark = dot < slash ? dot : slash;
        if (mark - 2 > last)
            return NULL;
        d = mark - 2;
        const char *q = d;
        if (!(q[0] >= '0' && q[0] <= '9') || (q > from && q[-1] >= '0' && q[-1] <= '9'))
            continue;
        int ok = 1;
        for (int k = 0; k < 10 && ok; k++)
            ok = k == 2 || k == 5 ? (q[k] == '/' || q[k] == '.') : (q[k] >= '0' && q[k] <= '9');
        if (!ok || q[2] != q[5])
            continue;
        const char *p = skip_blanks(q + 10, lend);
        size_t n = starts_with(p, lend, "par ");
        if (!n || p[0] != 'P')
            continue;
        const char *w = skip_blanks(p + n, lend), *end = NULL;
        for (int words = 0; words < 3 && w < lend; words++) {
            if (!((*w >= 'A' && *w <= 'Z') || (unsigned char)*w == 0xC3))
                break;
            while (w < lend && *w != ' ' && *w != ',' && *w != '.')
                w++;
            end = w;
            if (w + 1 >= lend || *w != ' ' || w[1] == ' ')
                break; /* (two spaces: the article's text follows) */
            w++;
        }
        if (end) {
            *e = end;
            return p;
        }
    }
    return NULL;
}

/* A photo's credit as a sentence of its own after a caption, in lower case
 * as pages run it into the text: "L'hôpital Joseph-Imbert. photo Ville
 * d'Arles. Le 16 septembre ...", "... photo R. Boutillier/ville d'Arles.".
 * Returns where "photo" starts, the credit's end (its full stop's end) in
 * *e, or NULL: after a sentence's end, "photo", a capitalised word, and a
 * full stop within 60 bytes that ends a word of two letters or more (not an
 * initial's). */
static const char *photo_sentence(const char *from, const char *lend, const char **e)
{
    /* (from each full stop: they are fewer than the bytes memmem would read) */
    for (const char *d = from; lend - d > 10; d++) {
        if (!(d = memchr(d, '.', (size_t)(lend - d))) || lend - d <= 10)
            return NULL;
        const char *p = d + 2;
        if (d[1] != ' ' || memcmp(p, "photo ", 6) ||
            !((p[6] >= 'A' && p[6] <= 'Z') || (unsigned char)p[6] == 0xC3))
            continue;
        for (const char *q = p + 7; q < lend && q - p < 66; q++) {
            if (*q == '!' || *q == '?' || *q == ':' || *q == '"')
                break;
            if (*q != '.' || (q + 1 < lend && q[1] != ' '))
                continue;
            if (q - p > 8 && !word_end(q - 1, lend) && !word_end(q - 2, lend)) {
                *e = q + 1;
                return p;
            }
        }
    }
    return NULL;
}

/* An embedded post's signature, "— made in marseille (@MadeMarseille)
 * December 13, 2021": a dash, the account's name, its handle in brackets and
 * the date (a year within 30 bytes) at the line's end. Returns where the
 * dash starts, or NULL. */
static const char *post_signature(const char *from, const char *lend)
{
    if (lend - from > 32 && !memchr(lend - 32, ')', 32))
        return NULL; /* (most lines: no bracket closes near their end) */
    const char *h = from;
    while ((h = memchr(h, '@', (size_t)(lend - h))) && (h == from || h[-1] != '('))
        h++;
    if (!h)
        return NULL;
    h--; /* (the bracket) */
    const char *c = memchr(h, ')', (size_t)(lend - h));
    if (!c || c - h > 40 || lend - c > 32 || !has_date(c, lend))
        return NULL;
    for (const char *d = h; d - from >= 3 && h - d < 80; d--) /* back to the "—" */
        if ((unsigned char)d[-3] == 0xE2 && (unsigned char)d[-2] == 0x80 &&
            (unsigned char)d[-1] == 0x94)
            return d - 3;
    return NULL;
}

/* Is [b, w) a word in capitals: a capital, no lower-case ASCII letter, no
 * digit ("SOUVANT", "LE-FLOCH", "DÉLÉGUÉ" as far as ASCII tells)? */
static int capitals_word(const char *b, const char *w)
{
    int capital = 0;
    for (const char *c = b; c < w; c++) {
        if ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9'))
            return 0;
        capital |= *c >= 'A' && *c <= 'Z';
    }
    return capital && w - b >= 2;
}

/* The start of a photographer's name in title case, two or three words,
 * ending at p and right after a dash: "(photo d'illustration) - Patrick
 * Hertzog / AFP", "— Jean Dupont / AFP"; p when there is none. */
static const char *titled_credit(const char *from, const char *p)
{
    const char *start = p;
    for (unsigned words = 0; words < 3 && start > from; words++) {
        const char *w = start - (start[-1] == ' ');
        const char *b = w;
        while (b > from && b[-1] != ' ')
            b--;
        int capital = (*b >= 'A' && *b <= 'Z') ||
                      (w - b >= 2 && (unsigned char)b[0] == 0xC3 && (unsigned char)b[1] >= 0x80 &&
                       (unsigned char)b[1] <= 0x9E); /* (À to Þ) */
        if (b == w || !capital)
            break;
        start = b;
        if (words == 0 || b - from < 4)
            continue; /* (a first name and a surname at least) */
        /* a dash before the name ends it: " - ", " – ", " — " */
        if (b[-1] == ' ' && b[-2] == '-' && b[-3] == ' ')
            return start;
        if (b - from >= 6 && b[-1] == ' ' && (unsigned char)b[-2] >= 0x93 &&
            (unsigned char)b[-2] <= 0x94 && (unsigned char)b[-3] == 0x80 &&
            (unsigned char)b[-4] == 0xE2 && b[-5] == ' ')
            return start;
    }
    return p;
}

/* A photo's credit as agencies sign it, a photographer's name in capitals,
 * a slash and the agency: "... (illustration) - GUILLAUME SOUVANT / AFP
 * Téléchargez ...". Returns where the name starts, the agency's end in *e,
 * or NULL: one to four words in capitals (two letters or more) before " / ",
 * or one to three in title case after a dash (titled_credit), and one of
 * the agencies after it. */
static const char *agency_credit(const char *from, const char *lend, const char **e)
{
    static const char *const agencies[] = {"AFP",   "MAXPPP", "REUTERS",  "Reuters", "SIPA",
                                           "BELGA", "EPA",    "PHOTOPQR", "AP"};
    for (const char *p = from; lend - p > 4; p += 3) {
        const char *slash = memchr(p + 1, '/', (size_t)(lend - p - 1));
        if (!slash || lend - slash < 3)
            return NULL;
        p = slash - 1;
        if (p[0] != ' ' || slash[1] != ' ')
            continue;
        const char *a = p + 3, *ae = NULL;
        for (size_t k = 0; k < sizeof(agencies) / sizeof(*agencies) && !ae; k++) {
            size_t n = strlen(agencies[k]);
            if ((size_t)(lend - a) >= n && !memcmp(a, agencies[k], n) && word_end(a + n, lend))
                ae = a + n;
        }
        const char *start = p; /* back over the words in capitals, four at most */
        for (unsigned words = 0; ae && words < 4 && start > from; words++) {
            const char *b = start - (start[-1] == ' ');
            const char *w = b;
            while (b > from && b[-1] != ' ')
                b--;
            if (!capitals_word(b, w))
                break;
            start = b;
        }
        if (ae && start == p)
            start = titled_credit(from, p);
        if (ae && start < p) {
            *e = ae;
            return start;
        }
    }
    return NULL;
}

static void walk(const char *s, size_t slen, emit_fn emit, void *ctx)
{
    const char *end = s + slen;
    for (const char *line = s; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *lend = nl ? nl : end;
        const char *p = skip_leaders(line, lend);
        /* the cues start with one of these bytes, in either case */
        static const char first[] = "PCIVLAMNTSRUpcivlamntsru(>\xc2\xc3";
        int cue = p < lend && *p && memchr(first, *p, sizeof(first) - 1);
        const char *head = p < lend && *p >= 'A' && *p <= 'Z' ? masthead(p, lend) : NULL;
        if (head) {
            if (emit(ctx, (size_t)(line - s), (size_t)(head - s)))
                return;
            p = head;
        }
        const char *crumbs = !head && p < lend ? breadcrumb(p, lend) : NULL;
        if (crumbs) {
            if (emit(ctx, (size_t)(line - s), (size_t)(crumbs - s)))
                return;
            p = crumbs;
        }
        const char *wire = p < lend && *p >= 'A' && *p <= 'Z' ? wire_dateline(p, lend) : NULL;
        if (wire && emit(ctx, (size_t)(line - s), (size_t)(wire - s)))
            return;
        if ((cue && !head && furniture_line(line, lend)) || tags_line(line, lend) ||
            source_line(line, lend) || notice_line(line, lend) || place_tag_line(p, lend) ||
            signed_date_line(p, lend)) {
            if (emit(ctx, (size_t)(line - s), (size_t)(lend - s)))
                return;
        } else {
            /* a credit runs to the line's end, or to its bracket's: "(Photo :
             * X) Le maire ...", and the line goes on */
            const char *q = cue && !head && credit_at(p, lend, 1) ? p
                            : p < lend                            ? inline_credit(p + 1, lend)
                                                                  : NULL;
            int had = q != NULL;
            while (q) {
                const char *e = credit_end(line, q, lend);
                if (emit(ctx, (size_t)((q == p ? line : q) - s), (size_t)(e - s)))
                    return;
                q = e + 1 < lend ? inline_credit(e + 1, lend) : NULL;
            }
            /* (a line with a credit already has its end in it) */
            const char *t = !had && lend - line > 8 ? trailing_credit(line, lend) : NULL;
            if (!t && !had)
                t = post_signature(line, lend); /* (to the line's end too) */
            if (t && emit(ctx, (size_t)(t - s), (size_t)(lend - s)))
                return;
            /* bylines after a date, photos' credit sentences and agencies'
             * credits, in order */
            const char *be = NULL, *pe = NULL, *ae = NULL;
            const char *b = dated_byline(line, lend, &be), *ph = photo_sentence(line, lend, &pe),
                       *ag = agency_credit(line, lend, &ae);
            while (b || ph || ag) {
                /* (the first of the three, in order) */
                const char *next = b, **fe = &be;
                if (ph && (!next || ph < next)) {
                    next = ph;
                    fe = &pe;
                }
                if (ag && (!next || ag < next)) {
                    next = ag;
                    fe = &ae;
                }
                if (emit(ctx, (size_t)(next - s), (size_t)(*fe - s)))
                    return;
                if (next == b)
                    b = dated_byline(be, lend, &be);
                else if (next == ph)
                    ph = photo_sentence(pe, lend, &pe);
                else
                    ag = agency_credit(ae, lend, &ae);
            }
        }
        line = nl ? nl + 1 : end;
    }
}

typedef struct {
    const sg_folded *f;
    sg_hits *h;
} filter_ctx;

/* Drops the hits that start in [a, b) (original offsets); stops the walk
 * once none is left. */
static int drop_span(void *ctx, size_t a, size_t b)
{
    filter_ctx *fc = ctx;
    sg_hits *h = fc->h;
    size_t out = 0;
    for (size_t i = 0; i < h->n; i++) {
        size_t start = fc->f->src[h->v[i].fs];
        if (start >= a && start < b)
            continue;
        h->v[out++] = h->v[i];
    }
    h->n = out;
    return h->n == 0;
}

int sg_furniture_filter(const sg_folded *f, const char *s, size_t slen, sg_hits *h)
{
    if (h->n == 0)
        return 0;
    filter_ctx fc = {f, h};
    walk(s, slen, drop_span, &fc);
    return 0;
}

typedef struct {
    sg_furniture *out;
    int nomem;
} collect_ctx;

static int collect(void *ctx, size_t a, size_t b)
{
    collect_ctx *cc = ctx;
    sg_furniture *out = cc->out;
    if (sg_grow((void **)&out->v, &out->cap, out->n + 1, sizeof(*out->v))) {
        cc->nomem = 1;
        return 1;
    }
    out->v[out->n].s = a;
    out->v[out->n].e = b;
    out->n++;
    return 0;
}

int sg_furniture_spans(sg_furniture *out, const char *s, size_t len)
{
    collect_ctx cc = {out, 0};
    out->n = 0;
    walk(s, len, collect, &cc);
    if (cc.nomem) {
        out->n = 0;
        return SG_ERR_NOMEM;
    }
    return 0;
}

void sg_furniture_free(sg_furniture *f)
{
    if (!f)
        return;
    free(f->v);
    memset(f, 0, sizeof(*f));
}
