/* A local authority named in lower case by its kind alone ("le
 * département", "la région", "la métropole") is the territory as often as
 * the body; it is the body where it acts: the subject of a verb only a body's
 * acts take ("le département nous a apporté une palette", "la métropole
 * finance"; "le département compte un million d'habitants" is the
 * territory), or the agent after "par" ("financé par le département"). The
 * annotators of development sets 152, 154 and 170 read such words as the
 * body. */
#include <string.h>

#include "match_int.h"

/* The verbs of a body's acts, in the present's third person and as past
 * participles (folded, sorted). */
static const char *const acts[] = {
    "accompagne", "accorde",  "alloue",    "annonce",  "apporte",      "attribue", "cofinance",
    "construit",  "cree",     "debloque",  "decide",   "deploie",      "engage",   "finance",
    "gere",       "investi",  "investit",  "lance",    "met",          "mis",      "mobilise",
    "octroie",    "organise", "participe", "prend",    "pris",         "propose",  "recrute",
    "revendique", "signe",    "soutenu",   "soutient", "subventionne", "verse",    "vote"};

/* Words that may come between the body and its verb: pronouns and
 * auxiliaries ("le département nous a apporté"; "la région va financer" is
 * no act yet: neither "va" nor an infinitive is listed). */
static const char *const between[] = {"a",   "aussi", "avait", "en", "l",    "leur",
                                      "lui", "les",   "nous",  "s",  "vous", "y"};

static size_t word_at(const sg_folded *f, size_t p, size_t *we)
{
    while (p < f->len && f->text[p] == ' ')
        p++;
    size_t e = p;
    while (e < f->len && (f->flags[e] & SG_F_ALNUM))
        e++;
    *we = e;
    return p;
}

int sg_body_acts(const sg_folded *f, size_t ws, size_t end)
{
    /* the agent: "par le département", "par la région" */
    static const char *const by[] = {"par"};
    static const char *const the[] = {"l", "la", "le"};
    size_t b, e;
    sg_word_before(f, ws, 1, &b, &e);
    if (e > b && sg_word_in(f->text + b, e - b, the, 3) && sg_word_before_in(f, b, by, 1))
        return 1;
    /* the subject: the verb after at most three words between */
    size_t p = end;
    if (p < f->len && f->text[p] == ',')
        return 0; /* (an apposition or a list: beside_org's) */
    for (int n = 0; n < 4; n++) {
        size_t we, w = word_at(f, p, &we);
        if (we == w)
            return 0;
        if (sg_word_in(f->text + w, we - w, acts, sizeof(acts) / sizeof(*acts)))
            return 1;
        if (!sg_word_in(f->text + w, we - w, between, sizeof(between) / sizeof(*between)))
            return 0;
        p = we;
        if (p < f->len && f->text[p] == '\'')
            p++; /* "l'", "s'" */
    }
    return 0;
}
