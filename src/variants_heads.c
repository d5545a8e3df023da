/* The readings of a gazetteer name by its head in other words (README
 * "Variants", "heads"), compiled with the matcher (variants.c): a hospital's
 * head for another ("centre hospitalier", "CH", "hôpital"), by its town alone
 * or its proper name alone, an intercommunal hospital by its first town,
 * local authorities, orders and unions by the press's other words for them,
 * kindred heads ("polyclinique" / "clinique", "Ehpad" / "maison de
 * retraite"); and an organisation's readings by its head's words made from
 * its name as written (sg_variants_add): its first words as an acronym,
 * its part after a hyphen, without an inner head, without its adjectives,
 * without its towns. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "variants_int.h"

/* Does skeleton k[0, n) end with a point of the compass after "de", an area
 * and no town ("des Alpes du Sud": "Sud" is no town, nor "Alpes" one)? */
static int compass_end(const char *k, size_t n)
{
    size_t w = n;
    while (w > 0 && k[w - 1] != ' ')
        w--;
    return w > 0 && sg_compass_point(k + w, n - w);
}

/* Heads the press drops before a proper name ("Sainte-Musse" for "Hôpital
 * Sainte-Musse", "Paoli-Calmettes" for "Institut Paoli-Calmettes"). */
static const char *const droppable[] = {"centre hospitalier intercommunal ",
                                        "centre hospitalier ",
                                        "hopital prive ",
                                        "hopital ",
                                        "clinique privee ",
                                        "clinique ",
                                        "polyclinique ",
                                        "institut ",
                                        "fondation ",
                                        "ehpad "};

/* Is the skeleton k[0, n), of two words or more, towns joined ("Aix
 * Pertuis", "Toulon La Seyne", "Fréjus Saint Raphaël": an intercommunal
 * hospital's) rather than one town ("Aix en Provence")? No commune bears it,
 * and its first or its last word is a commune's name. */
static int towns_joined(const char *k, size_t n)
{
    const char *first = memchr(k, ' ', n), *last = k + n;
    while (last > k && last[-1] != ' ')
        last--;
    return first && !sg_department_of(k, n) &&
           (sg_department_of(k, (size_t)(first - k)) ||
            sg_department_of(last, (size_t)(k + n - last)));
}

/* Is `entity`'s label a hospital site's "Hôpital de la X" / "Hôpital de l'X"
 * ("Hôpital de la Timone", "Hôpital de l'Archet")? What follows the article is
 * the site's own name, not a town: the press says "la Timone", "l'Archet". */
static int article_site(const sg_matcher *m, uint32_t entity)
{
    static const char *const starts[] = {"de la ", "de l'", "de l\xe2\x80\x99"};
    const char *l = m->gaz->ents[entity].label;
    if ((l[0] != 'H' && l[0] != 'h') || strncmp(l + 1, "\xc3\xb4pital ", 8))
        return 0;
    for (size_t k = 0; k < sizeof(starts) / sizeof(*starts); k++)
        if (!strncmp(l + 9, starts[k], strlen(starts[k])))
            return 1;
    return 0;
}

/* A hospital's heads: the intercommunal ones first (indices 0 and 1). */
static const char *const hospital[] = {"centre hospitalier intercommunal ", "chi ",
                                       "centre hospitalier ", "ch ", "hopital "};
#define NHOSPITAL (sizeof(hospital) / sizeof(*hospital))

/* A hospital whose name puts its site's own name after its town, "Centre
 * hospitalier de Menton La Palmosa", "Centre hospitalier de Cannes
 * Simone-Veil": the press says "l'hôpital La Palmosa", "La Palmosa" (one word:
 * only where the document names it otherwise), and "l'hôpital de Menton".
 * `written`: the name as written, where the town is the word after the head's
 * "de" / "d'" and the site's name the capitalised words after it (not a
 * town's part: "d'Antibes Juan-les-Pins"). */
int sg_town_then_name(sg_matcher *m, uint32_t entity, const char *written, const char *k, size_t kn,
                      uint32_t needs)
{
    size_t hl = 0;
    for (size_t c = 0; c < NHOSPITAL && !hl; c++)
        hl = sg_starts_with(k, kn, hospital[c]);
    if (!hl)
        return 0;
    /* the head's words as written, then "de" or "d'" and the town */
    unsigned head_words = 0;
    for (size_t i = 0; i < hl; i++)
        head_words += k[i] == ' ';
    const char *p = written;
    for (unsigned w = 0; w < head_words; w++) {
        p = strchr(p, ' ');
        if (!p)
            return 0;
        p++;
    }
    if (!strncmp(p, "de ", 3))
        p += 3;
    else if (!strncmp(p, "d'", 2))
        p += 2;
    else if (!strncmp(p, "d\xe2\x80\x99", 4))
        p += 4;
    else
        return 0;
    const char *town_end = strchr(p, ' ');
    if (!town_end || !(p[0] >= 'A' && p[0] <= 'Z'))
        return 0;
    const char *rest = town_end + 1;
    static const char *const links[] = {"-sur-", "-sous-", "-les-", "-l\xc3\xa8s-", "-en-",
                                        "-de-",  "-du-",   "-la-",  "-le-"};
    for (size_t l = 0; l < sizeof(links) / sizeof(*links); l++)
        if (strstr(rest, links[l]))
            return 0;
    /* every word of the rest capitalised, but a leading article */
    unsigned rest_words = 0;
    for (const char *q = rest; *q;) {
        size_t n = strcspn(q, " -");
        int article = (n == 2 && (q[0] == 'L' || q[0] == 'l') && (q[1] == 'a' || q[1] == 'e')) ||
                      (n == 3 && (q[0] == 'L' || q[0] == 'l') && !strncmp(q + 1, "es", 2));
        if (!article && !((q[0] >= 'A' && q[0] <= 'Z') || (unsigned char)q[0] == 0xC3))
            return 0;
        rest_words += !article;
        q += n;
        while (*q == ' ' || *q == '-')
            q++;
    }
    if (!rest_words)
        return 0;
    size_t rs = kn; /* the rest's skeleton: the last rest_words words */
    for (unsigned w = 0; w < rest_words && rs > hl; rs--)
        w += k[rs - 1] == ' ';
    if (rs <= hl)
        return 0;
    rs++;
    char buf[SKEL_MAX];
    for (size_t c = 2; c < NHOSPITAL; c++) {
        size_t cl = strlen(hospital[c]);
        if (cl + kn - rs > SKEL_MAX)
            continue;
        memcpy(buf, hospital[c], cl);
        memcpy(buf + cl, k + rs, kn - rs);
        if (sg_skel_derived(m, entity, buf, cl + kn - rs, (uint32_t)(needs | SG_VARIANT_HEADS)))
            return SG_ERR_NOMEM;
        /* and by its town alone, "l'hôpital de Hyères", where no other
         * hospital is named so */
        size_t tl = rs - 1 - hl;
        memcpy(buf + cl, k + hl, tl);
        if (!sg_skel_taken(m, buf, cl + tl) &&
            sg_skel_derived(m, entity, buf, cl + tl, (uint32_t)(needs | SG_VARIANT_HEADS)))
            return SG_ERR_NOMEM;
    }
    uint32_t alone =
        (uint32_t)(needs | SG_VARIANT_HEADS | SKEL_CAPITALS | (rest_words < 2 ? SKEL_CONFIRM : 0));
    if ((rest_words >= 2 || kn - rs >= 5) && !sg_skel_taken(m, k + rs, kn - rs) &&
        sg_skel_derived(m, entity, k + rs, kn - rs, alone))
        return SG_ERR_NOMEM;
    return 0;
}

/* The readings of skeleton `sk` (its text `k`) by other words than its head's
 * own: a university hospital as a "centre hospitalier", local authorities as
 * the press calls them, an intercommunal hospital by its first town, a
 * university "X Université" as "université X". `hl`: the length of its
 * hospital head (0: none); `inter`: that head is intercommunal;
 * `head_words`: the head's words. */
static int other_names(sg_matcher *m, skel_rec sk, const char *k, size_t hl, int inter,
                       unsigned head_words, uint32_t needs)
{
    char buf[SKEL_MAX];
    /* a university hospital as a "centre hospitalier": "le centre hospitalier
     * de Nice" for the "Centre hospitalier universitaire de Nice" */
    static const char chu[] = "centre hospitalier universitaire ";
    if (sk.len > sizeof(chu) - 1 && !memcmp(k, chu, sizeof(chu) - 1)) {
        memcpy(buf, "centre hospitalier ", 19);
        memcpy(buf + 19, k + sizeof(chu) - 1, sk.len - (sizeof(chu) - 1));
        if (sg_skel_derived(m, sk.entity, buf, 19 + sk.len - (sizeof(chu) - 1), needs))
            return SG_ERR_NOMEM;
    }
    /* local authorities by the press's other words for them: "la ville de
     * Digne-les-Bains" for the "Commune de Digne-les-Bains", "la mairie de
     * Marseille", "la municipalité de Pertuis", "le conseil municipal de Nice", "le Département des
     * Bouches-du-Rhône", "la Région X" (capitalised: in lower case, the territory) */
    static const struct {
        const char *name, *other;
        unsigned char capital; /* only capitalised */
    } bodies[] = {{"commune ", "ville ", 0},
                  {"commune ", "mairie ", 0},
                  {"ville ", "mairie ", 0},
                  {"ville ", "municipalite ", 0},
                  {"ville ", "conseil municipal ", 0},
                  {"conseil departemental ", "departement ", 1},
                  {"conseil general ", "departement ", 1},
                  {"conseil regional ", "region ", 1}};
    for (size_t b = 0; !m->is_place[sk.entity] && b < sizeof(bodies) / sizeof(*bodies); b++) {
        size_t fl = sg_starts_with(k, sk.len, bodies[b].name);
        size_t tl = fl ? strlen(bodies[b].other) : 0;
        if (!fl || tl + sk.len - fl > SKEL_MAX)
            continue;
        memcpy(buf, bodies[b].other, tl);
        memcpy(buf + tl, k + fl, sk.len - fl);
        if (sg_skel_derived(m, sk.entity, buf, tl + sk.len - fl,
                            bodies[b].capital ? needs | SKEL_CAPITALS : needs & ~SKEL_CAPITALS))
            return SG_ERR_NOMEM;
    }
    /* an intercommunal hospital by its first town: "hôpital de Cavaillon" for
     * "Centre hospitalier intercommunal de Cavaillon-Lauris"; a hospital by its
     * town's first word when the town has several: "hôpital d'Antibes" for the
     * "Centre hospitalier d'Antibes Juan-les-Pins", "centre hospitalier de
     * Digne" for "... de Digne-les-Bains" */
    static const char *const not_alone[] = {"saint", "sainte", "port", "pont", "mont", "val"};
    if ((inter || (hl && sk.town && sk.town >= head_words && sk.words >= sk.town + 2)) &&
        !compass_end(k, sk.len)) {
        size_t ts = hl; /* the towns' first word */
        for (unsigned w = head_words; sk.town > head_words && w < sk.town; ts++)
            w += k[ts] == ' ';
        const char *sp = memchr(k + ts, ' ', sk.len - ts);
        size_t tl = sp ? (size_t)(sp - (k + ts)) : 0;
        for (size_t c = 2; tl >= 3 && !sg_word_in(k + ts, tl, not_alone, 6) &&
                           !sg_area_noun(k + ts, tl) && c < NHOSPITAL;
             c++) {
            size_t cl = strlen(hospital[c]);
            memcpy(buf, hospital[c], cl);
            memcpy(buf + cl, k + ts, tl);
            if (sg_skel_derived(m, sk.entity, buf, cl + tl, needs))
                return SG_ERR_NOMEM;
        }
    }
    /* the seats the press names national bodies by: "Matignon", "Bercy",
     * "l'Élysée", "Beauvau", "le Quai d'Orsay" (capitalised) */
    static const struct {
        const char *name, *seat;
        int end; /* the name ends the skeleton (three words at most), else starts it */
    } seats[] = {{"premier ministre", "matignon", 1},
                 {"ministere economie", "bercy", 0},
                 {"presidence republique", "elysee", 0},
                 {"ministere interieur", "beauvau", 0},
                 {"ministere affaires etrangeres", "quai orsay", 0},
                 {"ministere europe et affaires etrangeres", "quai orsay", 0}};
    for (size_t c = 0; !hl && !m->is_place[sk.entity] && !m->is_person[sk.entity] &&
                       c < sizeof(seats) / sizeof(*seats);
         c++) {
        size_t nl = strlen(seats[c].name);
        if (sk.len < nl ||
            (seats[c].end ? sk.words > 3 || memcmp(k + sk.len - nl, seats[c].name, nl)
                          : memcmp(k, seats[c].name, nl)) ||
            (sk.len > nl && (seats[c].end ? k[sk.len - nl - 1] : k[nl]) != ' '))
            continue;
        if (sg_skel_derived(m, sk.entity, seats[c].seat, strlen(seats[c].seat),
                            (uint32_t)(needs | SKEL_CAPITALS)))
            return SG_ERR_NOMEM;
    }
    /* "université Aix-Marseille", "université d'Aix-Marseille" for
     * "Aix-Marseille Université" */
    if (!hl && sk.words >= 3 && sk.len > 11 && !memcmp(k + sk.len - 11, " universite", 11) &&
        !m->is_place[sk.entity] && !m->is_person[sk.entity]) {
        memcpy(buf, "universite ", 11);
        memcpy(buf + 11, k, sk.len - 11);
        if (sg_skel_derived(m, sk.entity, buf, sk.len, needs))
            return SG_ERR_NOMEM;
    }
    return 0;
}

/* The trade unions whose health federations the press names by the union and
 * "Santé" ("Sud Santé", "la CFDT Santé" for "Fédération CFDT Santé-Sociaux"). */
static const char *const unions[] = {"cgt", "cfdt", "fo", "sud", "unsa", "cftc", "cfe cgc"};

int sg_union_acronym(const char *t, size_t n)
{
    return sg_word_in(t, n, unions, sizeof(unions) / sizeof(*unions));
}

/* The length of the union k[0, n) starts with, a word of its own; 0. */
static size_t union_at(const char *k, size_t n)
{
    for (size_t u = 0; u < sizeof(unions) / sizeof(*unions); u++) {
        size_t l = sg_starts_with(k, n, unions[u]);
        if (l && k[l] == ' ')
            return l;
    }
    return 0;
}

/* The department whose name or number ends skeleton k[0, n) ("... hautes
 * alpes", "... 13"), its index; 0 when none. */
static unsigned area_of(const char *k, size_t n)
{
    size_t sp[4], ns = 0; /* the spaces before the last four words */
    for (size_t i = n; i > 0 && ns < 4; i--)
        if (k[i - 1] == ' ')
            sp[ns++] = i - 1;
    for (size_t w = ns; w > 0; w--) { /* the longest tail first */
        unsigned d = sg_department_named(k + sp[w - 1] + 1, n - sp[w - 1] - 1);
        if (d)
            return d;
    }
    return 0;
}

/* Does skeleton k[0, n), whose areas at the end end at `an`
 * (areas_dropped), end with an area or a department's number, a union's
 * local branch ("sud sante sociaux 13", "cgt sante var")? Its union's names
 * are the federation's where the gazetteer has it (SKEL_BRANCH). */
static int local_branch(const char *k, size_t n, size_t an)
{
    const char *sp = k + n;
    while (sp > k && sp[-1] != ' ')
        sp--;
    return (sp < k + n && sp[0] >= '0' && sp[0] <= '9') || an < n;
}

/* A national order's council without its profession, capitalised: "le
 * Conseil national de l'Ordre" for the "Conseil national de l'Ordre des
 * médecins" (no one's where the gazetteer has two orders' councils). */
static int national_order(sg_matcher *m, skel_rec sk, const char *k, uint32_t needs)
{
    size_t l = sg_starts_with(k, sk.len, "conseil national ordre ");
    if (!l || m->is_person[sk.entity] || m->is_place[sk.entity])
        return 0;
    return sg_skel_derived(m, sk.entity, k, l - 1, needs | SKEL_CAPITAL1);
}

/* The readings of skeleton `sk` (its text `k`) by a kindred head the press
 * writes for it: a polyclinic as a clinic and back; "Maison de santé X",
 * "Centre de santé X", "Groupe X" with and without "de santé" ("la maison X",
 * "le groupe de santé X"); a cancer centre "Centre X" as "Centre de lutte
 * contre le cancer X"; an intercommunality by its kind's short name
 * ("l'Agglomération X", "l'Agglo X", capitalised; "la CC X", in capitals);
 * a metropolis by its territory's name, capitalised, two words or more
 * ("Nice Côte d'Azur" for the Métropole Nice Côte d'Azur);
 * a union's federation without "Fédération" and by the union and "Santé"
 * ("Sud Santé" for "Fédération Sud santé sociaux"); a private hospital as a
 * clinic and back ("l'hôpital privé Saint-Jean" for the Clinique Saint-Jean);
 * a care home as a "maison de retraite" ("la maison de retraite de
 * Barcelonnette" for the "Ehpad de Barcelonnette"); a hospitals' grouping
 * without "de territoire" ("le Groupement hospitalier des Alpes de
 * Haute-Provence"); a court's prosecutors, a court and a police station by
 * their town ("le parquet de Marseille" for the "Parquet du tribunal
 * judiciaire de Marseille", "le tribunal de Grasse" for the "Tribunal
 * judiciaire de Grasse", "le commissariat d'Hyères" for the "Commissariat de
 * police d'Hyères"). */
static int kin_heads(sg_matcher *m, skel_rec sk, const char *k, uint32_t needs)
{
    static const struct {
        const char *from, *to;
        uint32_t needs;
        unsigned rest; /* the words the rest must have */
    } kin[] = {{"polyclinique ", "clinique ", 0, 1},
               {"clinique ", "polyclinique ", 0, 1},
               {"maison sante ", "maison ", 0, 2},
               {"centre sante ", "centre ", 0, 2},
               {"groupe sante ", "groupe ", 0, 1},
               {"groupe ", "groupe sante ", 0, 1},
               {"centre ", "centre lutte contre cancer ", 0, 1},
               {"communaute agglomeration ", "agglomeration ", SKEL_CAPITALS, 1},
               {"communaute agglomeration ", "agglo ", SKEL_CAPITALS, 1},
               {"communaute communes ", "cc ", SKEL_UPPER1, 1},
               {"hopital prive ", "clinique privee ", 0, 1},
               {"hopital prive ", "clinique ", 0, 1},
               {"centre hospitalier universitaire ", "hopitaux ", 0, 1},
               {"federation ", "", 0, 2},
               {"metropole ", "", SKEL_CAPITALS, 2},
               {"clinique ", "hopital prive ", 0, 1},
               {"syndicat ", "", 0, 2},
               {"ehpad ", "maison retraite ", 0, 1},
               {"groupement hospitalier territoire ", "groupement hospitalier ", 0, 1},
               {"parquet tribunal judiciaire ", "parquet ", 0, 1},
               {"parquet pres tribunal judiciaire ", "parquet ", 0, 1},
               {"tribunal judiciaire ", "tribunal ", 0, 1},
               {"commissariat police ", "commissariat ", 0, 1},
               /* firefighters by their trade: "les pompiers de Paris", "les
                  sapeurs-pompiers du Var" */
               {"corps sapeurs pompiers ", "sapeurs pompiers ", 0, 1},
               {"corps sapeurs pompiers ", "pompiers ", 0, 1},
               {"brigade sapeurs pompiers ", "sapeurs pompiers ", 0, 1},
               {"brigade sapeurs pompiers ", "pompiers ", 0, 1},
               {"bataillon marins pompiers ", "marins pompiers ", 0, 1},
               {"bataillon marins pompiers ", "pompiers ", 0, 1},
               {"service departemental incendie et secours ", "sapeurs pompiers ", 0, 1},
               {"service departemental incendie et secours ", "pompiers ", 0, 1}};
    char buf[SKEL_MAX];
    if (m->is_person[sk.entity] || m->is_place[sk.entity])
        return 0;
    for (size_t c = 0; c < sizeof(kin) / sizeof(*kin); c++) {
        size_t fl = sg_starts_with(k, sk.len, kin[c].from);
        size_t tl = fl ? strlen(kin[c].to) : 0;
        if (!fl || tl + sk.len - fl > SKEL_MAX)
            continue;
        unsigned rest = 1;
        for (size_t i = fl; i < sk.len; i++)
            rest += k[i] == ' ';
        if (rest < kin[c].rest)
            continue;
        /* "Groupe X" is read "groupe de santé X" only for X no other head
         * starts ("Groupe hospitalier X" is not a "groupe de santé") */
        if (c == 5 && (!strncmp(k + fl, "sante ", 6) || !strncmp(k + fl, "hospitalier", 11)))
            continue;
        /* a cancer centre: "Centre X" where X is a proper name of one or two words */
        if (c == 6 && (rest > 2 || !strncmp(k + fl, "hospitalier", 11) ||
                       !strncmp(k + fl, "sante ", 6) || !strncmp(k + fl, "lutte ", 6)))
            continue;
        /* a federation of a union, "Fédération CFDT Santé-Sociaux", or its
           branch, "Syndicat CFDT Santé-Sociaux des Hautes-Alpes" */
        if ((c == 13 || c == 16) && !union_at(k + fl, sk.len - fl))
            continue;
        memcpy(buf, kin[c].to, tl);
        memcpy(buf + tl, k + fl, sk.len - fl);
        if (sg_skel_derived(m, sk.entity, buf, tl + sk.len - fl, (uint32_t)(needs | kin[c].needs)))
            return SG_ERR_NOMEM;
    }
    /* a union's federation by the union and "Santé": "Sud Santé", "la CFDT
     * Santé" for "(Fédération) CFDT Santé-Sociaux"; and by the union alone,
     * in capitals, when the gazetteer has no other entity of that name (the
     * confederation): "les syndicats CGT, FO et SUD" */
    size_t fs = sk.len > 11 && !memcmp(k, "federation ", 11) ? 11
                : sk.len > 9 && !memcmp(k, "syndicat ", 9)   ? 9
                                                             : 0;
    size_t ul = union_at(k + fs, sk.len - fs);
    size_t an = ul ? sg_areas_dropped(k, sk.len) : sk.len; /* "cfdt sante sociaux" */
    unsigned area = 0; /* a branch's department: its readings are LOCAL */
    if (ul && local_branch(k, sk.len, an)) {
        needs |= SKEL_BRANCH;
        area = area_of(k, sk.len);
    }
    if (ul && sk.len - fs > ul + 7 && !memcmp(k + fs + ul, " sante ", 7) &&
        (sg_skel_derived_in(m, sk.entity, k + fs, ul + 6, needs, area) ||
         (!memchr(k + fs, ' ', ul) &&
          sg_skel_derived(m, sk.entity, k + fs, ul, (uint32_t)(needs | SKEL_UPPER1))) ||
         (area && an > fs + ul + 6 &&
          sg_skel_derived_in(m, sk.entity, k + fs, an - fs, needs, area))))
        return SG_ERR_NOMEM;
    /* and a branch by the union, "Santé" and its area: "la CFDT Santé du
     * Vaucluse" for "CFDT Santé-Sociaux de Vaucluse" */
    if (ul && area && an > fs + ul + 6 && an < sk.len && !memcmp(k + fs + ul, " sante ", 7)) {
        memcpy(buf, k + fs, ul + 6);
        memcpy(buf + ul + 6, k + an, sk.len - an);
        if (sg_skel_derived_in(m, sk.entity, buf, ul + 6 + sk.len - an, needs, area))
            return SG_ERR_NOMEM;
    }
    /* a name with its kind at its end, "Estérel Côte d'Azur Agglomération",
     * without it, capitalised (two words or more left); a group "X Santé"
     * by X alone, capitalised, where the document names it in full */
    static const struct {
        const char *tail;
        unsigned left;
        uint32_t needs;
    } tails[] = {{" agglomeration", 2, SKEL_CAPITALS},
                 {" agglo", 2, SKEL_CAPITALS},
                 {" sante", 1, SKEL_CAPITALS | SKEL_CONFIRM}};
    for (size_t c = 0; c < sizeof(tails) / sizeof(*tails); c++) {
        size_t tl = strlen(tails[c].tail);
        if (sk.len <= tl || memcmp(k + sk.len - tl, tails[c].tail, tl))
            continue;
        size_t n = sk.len - tl;
        unsigned left = 1;
        for (size_t i = 0; i < n; i++)
            left += k[i] == ' ';
        if (left < tails[c].left || (tails[c].left == 1 && (left > 1 || n < 5)) ||
            sg_generic_head(k, n) || union_at(k, sk.len) || sg_skel_taken(m, k, n))
            continue;
        if (sg_skel_derived(m, sk.entity, k, n, (uint32_t)(needs | tails[c].needs)))
            return SG_ERR_NOMEM;
    }
    return 0;
}

/* Are the words k[0, n) all adjectives of a kind of hospital or a town's
 * ("intercommunal", "pédiatrique", "aubagnais")? After a head they say what the
 * hospital is, not which: "l'hôpital intercommunal", "l'hôpital pédiatrique",
 * and alone they are the people or the area ("les Aubagnais", "le
 * Briançonnais"), never the hospital's proper name. */
static int kind_words(const char *k, size_t n)
{
    static const char *const kinds[] = {
        "departemental", "general",    "geriatrique", "intercommunal", "local",
        "militaire",     "mutualiste", "pediatrique", "pediatriques",  "prive",
        "psychiatrique", "public",     "regional",    "specialise",    "universitaire"};
    /* a town's adjective: the endings of "aubagnais", "hyérois", "arlésien" */
    static const char *const endings[] = {"ais", "ois", "ien"};
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n;) {
        size_t e = i;
        while (e < n && k[e] != ' ')
            e++;
        int adjective = sg_word_in(k + i, e - i, kinds, sizeof(kinds) / sizeof(*kinds)) ||
                        sg_demonym(k + i, e - i);
        for (size_t x = 0; !adjective && x < 3 && e - i >= 6; x++)
            adjective = !memcmp(k + e - 3, endings[x], 3);
        if (!adjective)
            return 0;
        i = e + 1;
    }
    return 1;
}

/* A hospital named after two towns, its name ending with them ("Centre
 * hospitalier intercommunal de Fréjus-Saint-Raphaël", "Centre hospitalier
 * de Cavaillon-Lauris"): the press names it by the first town after the
 * intercommunal heads ("le centre hospitalier intercommunal de Fréjus", "le
 * CHI de Cavaillon"; the other heads' first town is other_names'). Both
 * parts are towns or departments sg_department_of knows. */
static int first_town_only(sg_matcher *m, skel_rec sk, const char *k, uint32_t needs)
{
    size_t ts = 0; /* where the towns' words start */
    for (unsigned w = 0; ts < sk.len && w < sk.town; ts++)
        w += k[ts] == ' ';
    const char *t = k + ts;
    size_t tn = sk.len - ts, first = 0;
    for (size_t i = 1; i + 1 < tn && !first; i++)
        if (t[i] == ' ' && sg_department_of(t, i) && sg_department_of(t + i + 1, tn - i - 1))
            first = i;
    char buf[SKEL_MAX];
    for (size_t c = 0; first && c < 2; c++) { /* (the intercommunal heads) */
        size_t cl = strlen(hospital[c]);
        if (cl + first > SKEL_MAX)
            continue;
        memcpy(buf, hospital[c], cl);
        memcpy(buf + cl, t, first);
        if (sg_skel_derived(m, sk.entity, buf, cl + first, needs))
            return SG_ERR_NOMEM;
    }
    return 0;
}

/* The readings of skeleton `sk` with its generic head in other words: "hopital
 * arles" for "centre hospitalier arles" (the press's usual name of a town's
 * hospital), and the proper name alone, in capitals, when it has two words or
 * more and no other entity reads so. */
int sg_head_readings(sg_matcher *m, skel_rec sk)
{
    if (!(m->allowed[sk.entity] & SG_VARIANT_HEADS) || (sk.needs & SKEL_DERIVED) ||
        (sk.needs & SG_VARIANT_HEADS))
        return 0;
    char k[SKEL_MAX], buf[SKEL_MAX]; /* (a copy: adding a skeleton may move m->texts) */
    memcpy(k, m->texts + sk.text_off, sk.len);
    uint32_t needs = (uint32_t)(sk.needs | SG_VARIANT_HEADS);
    /* a hospital's head in its other words: "hôpital de X", "centre hospitalier
     * de X", "CH de X" for one another, and for "centre hospitalier
     * intercommunal de X" / "CHI de X" */
    static const char *const longer[] = {"universitaire", "regional", "specialise", "prive"};
    size_t hl = 0;
    int inter = 0; /* an intercommunal hospital */
    for (size_t c = 0; c < NHOSPITAL && !hl; c++) {
        size_t cl = sg_starts_with(k, sk.len, hospital[c]);
        int plain = cl != 0;
        for (size_t l = 0; l < sizeof(longer) / sizeof(*longer) && plain; l++)
            plain = strncmp(k + cl, longer[l], strlen(longer[l])) != 0;
        if (plain) {
            hl = cl;
            inter = c < 2;
        }
    }
    unsigned head_words = 0;
    for (size_t i = 0; i < hl; i++)
        head_words += k[i] == ' ';
    for (size_t c = 2; hl && c < NHOSPITAL; c++) {
        size_t cl = strlen(hospital[c]);
        if (cl + sk.len - hl > SKEL_MAX || (cl == hl && !memcmp(k, hospital[c], cl)))
            continue;
        memcpy(buf, hospital[c], cl);
        memcpy(buf + cl, k + hl, sk.len - hl);
        if (sg_skel_derived(m, sk.entity, buf, cl + sk.len - hl, needs))
            return SG_ERR_NOMEM;
    }
    /* a name with a town at its end, "Centre hospitalier Joseph-Imbert d'Arles":
     * the press says "centre hospitalier d'Arles" and "hôpital Joseph-Imbert" */
    if (hl && sk.town > head_words && !compass_end(k, sk.len)) {
        size_t ts = 0; /* where the town's words start */
        for (unsigned w = 0; ts < sk.len && w < sk.town; ts++)
            w += k[ts] == ' ';
        for (size_t c = 2; c < NHOSPITAL; c++) {
            size_t cl = strlen(hospital[c]);
            if (cl + sk.len > SKEL_MAX)
                continue;
            memcpy(buf, hospital[c], cl); /* head + town */
            memcpy(buf + cl, k + ts, sk.len - ts);
            if (sg_skel_derived(m, sk.entity, buf, cl + sk.len - ts, needs))
                return SG_ERR_NOMEM;
            /* head + proper name, but for an area's noun, a part of the
               town's name ("Centre hospitalier du Pays d'Apt": "le centre
               hospitalier du Pays salonais" is not that one) */
            if (ts - 1 > hl && !sg_area_noun(k + hl, ts - 1 - hl) &&
                !kind_words(k + hl, ts - 1 - hl)) {
                memcpy(buf + cl, k + hl, ts - 1 - hl);
                if (sg_skel_derived(m, sk.entity, buf, cl + ts - 1 - hl, needs))
                    return SG_ERR_NOMEM;
            }
        }
        /* "le centre hospitalier intercommunal de Manosque": the press says so
         * of a hospital several towns run, whatever its name */
        for (size_t c = 0; c < 2 && !inter; c++) {
            size_t cl = strlen(hospital[c]);
            if (cl + sk.len - ts > SKEL_MAX)
                continue;
            memcpy(buf, hospital[c], cl);
            memcpy(buf + cl, k + ts, sk.len - ts);
            if (sg_skel_derived(m, sk.entity, buf, cl + sk.len - ts, needs))
                return SG_ERR_NOMEM;
        }
        /* and the proper name alone, capitalised, of two words or more:
         * "l'établissement Pierre-Grouès" (one word may be a place's part:
         * "des Alpes du Sud" is no proper name and town) */
        size_t pl = ts > hl ? ts - 1 - hl : 0;
        unsigned pw = 1;
        for (size_t i = hl; i < hl + pl; i++)
            pw += k[i] == ' ';
        if (pw >= 2 && !sg_skel_taken(m, k + hl, pl) &&
            sg_skel_derived(m, sk.entity, k + hl, pl, (uint32_t)(needs | SKEL_CAPITALS)))
            return SG_ERR_NOMEM;
    }
    if (hl && sk.town >= head_words && first_town_only(m, sk, k, needs))
        return SG_ERR_NOMEM;
    if (other_names(m, sk, k, hl, inter, head_words, needs) || kin_heads(m, sk, k, needs) ||
        national_order(m, sk, k, needs))
        return SG_ERR_NOMEM;
    for (size_t d = 0; d < sizeof(droppable) / sizeof(*droppable); d++) {
        size_t dl = sg_starts_with(k, sk.len, droppable[d]);
        if (!dl)
            continue;
        unsigned dw = 0;
        for (size_t i = 0; i < dl; i++)
            dw += k[i] == ' ';
        int site = !strcmp(droppable[d], "hopital ") && article_site(m, sk.entity);
        const char *rest = k + dl;
        size_t rl = sk.len - dl;
        /* what is left is a town ("Hôpital de Martigues"): the town; unless no
         * entity reads so, a one-word site of a town ("Hôpital de Cimiez"),
         * read only where the document names it otherwise or in a list */
        int townlike = sk.town && sk.town <= dw && !site;
        /* a point of the compass and a town ("Hôpital Nord de Marseille") is a
         * part of the town without its head: "les quartiers au Nord de
         * Marseille"; so is a "pays" and its town ("Centre hospitalier du Pays
         * d'Apt"): "les élus du Pays d'Apt" */
        const char *sp = memchr(rest, ' ', rl);
        int joined = sp && towns_joined(rest, rl);
        if (!strcmp(droppable[d], "centre hospitalier intercommunal ") && !joined)
            continue; /* an intercommunal hospital by its towns only */
        if (townlike && joined)
            townlike = 0; /* no town's name: the hospital's alone ("d'Aix-Pertuis") */
        if ((townlike && (sp || sg_skel_taken(m, rest, rl) || m->is_place[sk.entity])) ||
            kind_words(rest, rl) || (sp && sg_compass_point(rest, (size_t)(sp - rest))) ||
            (sp && sg_word_is(rest, (size_t)(sp - rest), "pays")))
            continue;
        unsigned words = 1;
        for (size_t i = 0; i < rl; i++)
            words += rest[i] == ' ';
        memcpy(buf, rest, rl);
        /* one word ("Beauregard" for "Hôpital privé Beauregard"): only where the
         * document names the hospital in full too */
        uint32_t dn = (uint32_t)(needs | SKEL_CAPITALS | (words < 2 && !site ? SKEL_CONFIRM : 0));
        size_t before = m->nskels;
        if ((words >= 2 || rl >= 5) && !sg_skel_taken(m, buf, rl) &&
            sg_skel_derived(m, sk.entity, buf, rl, dn))
            return SG_ERR_NOMEM;
        if (townlike && m->nskels > before)
            m->skels[m->nskels - 1].needs |= SKEL_TOWNLIKE;
    }
    return 0;
}

/* An organisation's name (skeleton k[0, kn) of `words` words, four or more)
 * with its first words as an acronym, in capitals: "IHU Méditerranée
 * Infection" for "Institut hospitalo-universitaire Méditerranée Infection"
 * (the acronym of three or four words, two words or more after it; one
 * after a kind's acronym: "HIA Laveran" for the Hôpital d'instruction des
 * armées Laveran). */
int sg_initials_readings(sg_matcher *m, uint32_t entity, const char *k, size_t kn, unsigned words,
                         uint32_t needs)
{
    char k2[SKEL_MAX];
    int rc = 0;
    /* (one word after the initials only after a kind's words spelt out, its
       head first and no acronym of the name's own: tested once, cheaply) */
    int kind_first = words <= 5 && !(needs & SKEL_ACRONYM1) && sg_generic_head(k, strcspn(k, " "));
    for (unsigned a = 3; a <= 4 && a + 1 + !kind_first <= words && !rc; a++) {
        size_t p = 0, q = 0, o = 0;
        unsigned w = 0;
        for (; p < kn && w < a; w++) { /* the initials */
            k2[o++] = k[p];
            while (p < kn && k[p] != ' ')
                p++;
            p++;
        }
        if (!o || (unsigned char)k2[0] >= 0x80)
            continue;
        for (q = 0; q < o; q++)
            if ((unsigned char)k2[q] >= 0x80 || !(k2[q] >= 'a' && k2[q] <= 'z'))
                break;
        /* (one word after: the kind's words spelt out, its head first; not
           an acronym's: "CRPV Marseille Provence Corse" is no "CMP Corse") */
        if (q < o || o + 1 + (kn - p) > SKEL_MAX || (a + 2 > words && !sg_kind_acronym(k2, o)))
            continue;
        k2[o++] = ' ';
        memcpy(k2 + o, k + p, kn - p);
        rc = sg_skel_derived(m, entity, k2, o + kn - p,
                             (uint32_t)(needs | SG_VARIANT_HEADS | SKEL_UPPER1));
        if (!rc)
            rc = sg_trie_insert(m->heads, k2, o - 1, entity);
    }
    return rc;
}

/* Is byte c of a word as written (an ASCII letter or digit, or UTF-8)?
 * (Letters, most bytes, tested first.) */
static int written_byte(unsigned char c)
{
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80 || (c >= '0' && c <= '9');
}

/* The end of the written word that starts at written[i] (before n); sets
 * *function when it is a function word (not one of the skeleton's). */
static size_t written_word_end(const char *written, size_t i, size_t n, int *function)
{
    size_t e = i;
    while (e < n && written_byte((unsigned char)written[e]))
        e++;
    char low[3];
    for (size_t c = 0; e - i <= sizeof(low) && c < e - i; c++) /* (a function word's length) */
        low[c] = (char)(written[i + c] | 0x20);
    *function = e - i <= sizeof(low) && sg_function_word(low, e - i);
    return e;
}

/* The start of content word `nth` (from 0) of written[0, n), or n when it
 * has fewer; *count: its content words up to there. */
static size_t content_word(const char *written, size_t n, unsigned nth, unsigned *count)
{
    unsigned w = 0;
    for (size_t i = 0; i < n;) {
        if (!written_byte((unsigned char)written[i])) {
            i++;
            continue;
        }
        int function;
        size_t e = written_word_end(written, i, n, &function);
        if (!function && w++ == nth) {
            *count = w;
            return i;
        }
        i = e;
    }
    *count = w;
    return n;
}

/* The content words of written[0, n) (the skeleton's words before there). */
static unsigned content_words(const char *written, size_t n)
{
    unsigned w;
    content_word(written, n, UINT_MAX, &w);
    return w;
}

/* A name whose part after a hyphen starts with a generic head, read by that
 * part: "les hôpitaux de Marseille" for "Assistance publique-Hôpitaux de
 * Marseille", "hôpitaux de Paris" for the AP-HP (two words or more). */
int sg_hyphen_tail(sg_matcher *m, uint32_t entity, const char *written, const char *k, size_t kn,
                   unsigned words, uint32_t needs)
{
    /* (the words before each hyphen counted on from the one before: a hyphen
     * ends a word) */
    unsigned w = 0;
    for (const char *h = strchr(written, '-'), *from = written; h; h = strchr(h + 1, '-')) {
        w += content_words(from, (size_t)(h - from));
        from = h;
        if (w + 2 > words)
            break; /* (and so after every hyphen further on) */
        if (w == 0)
            continue;
        size_t ks = 0;
        for (unsigned c = 0; c < w; ks++)
            c += k[ks] == ' ';
        size_t we = ks;
        while (we < kn && k[we] != ' ')
            we++;
        if (sg_generic_head(k + ks, we - ks) &&
            sg_skel_derived(m, entity, k + ks, kn - ks, (uint32_t)(needs | SG_VARIANT_HEADS)))
            return SG_ERR_NOMEM;
    }
    return 0;
}

/* A body named after its hospital, "Fondation Hôpital Saint-Joseph",
 * "Association hôpital Saint-Joseph", read without the hospital's head, as
 * the press writes it: "la Fondation Saint-Joseph" (a name left after it). */
int sg_inner_head_dropped(sg_matcher *m, uint32_t entity, const char *k, size_t kn, uint32_t needs)
{
    static const char *const bodies[] = {"fondation ", "association ", "groupe "};
    static const char *const inner[] = {"hopital prive ", "hopital ", "clinique "};
    char buf[SKEL_MAX];
    for (size_t b = 0; b < sizeof(bodies) / sizeof(*bodies); b++) {
        size_t bl = sg_starts_with(k, kn, bodies[b]);
        if (!bl)
            continue;
        for (size_t i = 0; i < sizeof(inner) / sizeof(*inner); i++) {
            size_t il = strlen(inner[i]);
            if (kn <= bl + il || memcmp(k + bl, inner[i], il))
                continue;
            memcpy(buf, k, bl);
            memcpy(buf + bl, k + bl + il, kn - bl - il);
            return sg_skel_derived(m, entity, buf, kn - il, (uint32_t)(needs | SG_VARIANT_HEADS));
        }
    }
    return 0;
}

/* A name of a generic head, lower-case adjectives and a proper name, read
 * without the adjectives, as the press writes it: "l'hôpital Lenval" for
 * "Hôpital pédiatrique universitaire Lenval", "la clinique Bonneveine" for
 * "Clinique mutualiste Bonneveine" (no function word in the name; one to
 * three adjectives, then capitalised words only). */
int sg_adjectives_dropped(sg_matcher *m, uint32_t entity, const char *written, const char *k,
                          size_t kn, unsigned words, uint32_t needs)
{
    static const char *const named_heads[] = {
        "hopital ", "clinique ",  "polyclinique ", "institut ", "fondation ",
        "maison ",  "residence ", "ehpad ",        "centre ",   "cabinet "};
    size_t hl = 0;
    for (size_t h = 0; h < sizeof(named_heads) / sizeof(*named_heads) && !hl; h++)
        hl = sg_starts_with(k, kn, named_heads[h]);
    if (!hl || words < 3)
        return 0;
    unsigned n = 0, lower = 0; /* the written words; the adjectives after the head */
    int proper = 0;
    for (size_t i = 0, len = strlen(written); i < len;) {
        if (!written_byte((unsigned char)written[i])) {
            i++;
            continue;
        }
        int function;
        size_t e = written_word_end(written, i, len, &function);
        if (function)
            return 0;
        if (n > 0 && !proper && !sg_capital_at(written + i))
            lower++;
        else if (n > 0 && !sg_capital_at(written + i))
            return 0; /* a lower-case word after the proper name */
        else if (n > 0)
            proper = 1;
        n++;
        i = e;
    }
    if (n != words || !proper || lower < 1 || lower > 3)
        return 0;
    size_t rs = hl; /* the proper name's skeleton: after the head and the adjectives */
    for (unsigned w = 0; w < lower && rs < kn; rs++)
        w += k[rs] == ' ';
    if (rs >= kn)
        return 0;
    /* (a centre by a town's name is any centre of the town: "le centre
       dentaire d'Avignon", "le centre-ville d'Avignon" for no "Centre
       hospitalier Avignon") */
    if (sg_starts_with(k, kn, "centre ") && sg_department_of(k + rs, kn - rs))
        return 0;
    char buf[SKEL_MAX];
    memcpy(buf, k, hl);
    memcpy(buf + hl, k + rs, kn - rs);
    return sg_skel_derived(m, entity, buf, hl + kn - rs, (uint32_t)(needs | SG_VARIANT_HEADS));
}

/* An army's hospital by its proper name after "hôpital" or "hôpital
 * militaire", as the press writes it: "l'hôpital Laveran", "l'hôpital
 * militaire Sainte-Anne" for the Hôpital d'instruction des armées Laveran,
 * Sainte-Anne (and "HIA Laveran": sg_initials_readings). */
int sg_military_hospital(sg_matcher *m, uint32_t entity, const char *k, size_t kn, uint32_t needs)
{
    static const char head[] = "hopital instruction armees ";
    static const char *const others[] = {"hopital ", "hopital militaire "};
    size_t hl = sg_starts_with(k, kn, head);
    if (!hl || hl >= kn)
        return 0;
    char buf[SKEL_MAX];
    for (size_t o = 0; o < sizeof(others) / sizeof(*others); o++) {
        size_t ol = strlen(others[o]);
        if (ol + kn - hl > sizeof(buf))
            return 0;
        memcpy(buf, others[o], ol);
        memcpy(buf + ol, k + hl, kn - hl);
        int rc = sg_skel_derived(m, entity, buf, ol + kn - hl, needs | SG_VARIANT_HEADS);
        if (rc)
            return rc;
    }
    return 0;
}

/* A clinic or a hospital named after a person, first name and surname
 * joined, by its head and the surname alone, as the press writes it: "la
 * polyclinique Malartic" for the Polyclinique Henri-Malartic (the head's
 * first word a generic head, two words at most between it and the first
 * name; the first name one of the list's). */
int sg_eponym_surname(sg_matcher *m, uint32_t entity, const char *written, const char *k, size_t kn,
                      unsigned words, uint32_t needs)
{
    const char *h = strrchr(written, '-'); /* (most names have none: asked first) */
    if (!h || words < 3 || words > 5 || !sg_generic_head(k, strcspn(k, " ")))
        return 0;
    size_t s2 = kn; /* the surname's start, then the first name's */
    while (s2 > 0 && k[s2 - 1] != ' ')
        s2--;
    if (s2 < 2)
        return 0;
    size_t s1 = s2 - 1;
    while (s1 > 0 && k[s1 - 1] != ' ')
        s1--;
    /* joined by a hyphen as written: "Henri-Malartic" */
    size_t fl = s2 - 1 - s1, sl = kn - s2;
    if (strlen(h + 1) != sl || h - written < (ptrdiff_t)fl || !sg_first_name_word(k + s1, fl) ||
        sl < 3 || s1 == 0)
        return 0;
    char buf[SKEL_MAX];
    memcpy(buf, k, s1);
    memcpy(buf + s1, k + s2, sl);
    if (sg_skel_taken(m, buf, s1 + sl))
        return 0;
    return sg_skel_derived(m, entity, buf, s1 + sl, needs | SG_VARIANT_HEADS);
}

/* Is the content word `nth` (from 0) of `written` capitalised? */
static int content_word_capitalised(const char *written, unsigned nth)
{
    size_t n = strlen(written);
    unsigned w;
    size_t i = content_word(written, n, nth, &w);
    return i < n && sg_capital_at(written + i);
}

/* A hospital's name of its head, a proper name and its towns, read without
 * the towns, as the press writes it: "le CHI Bonnet", "le centre hospitalier
 * intercommunal Bonnet" for the "Centre hospitalier intercommunal Bonnet
 * Fréjus-Saint-Raphaël" (no function word in the name; the words left after
 * the head end with a capitalised one; not when another name reads so). */
int sg_head_name_towns_dropped(sg_matcher *m, uint32_t entity, const char *written, const char *k,
                               size_t kn, uint32_t needs)
{
    /* (a hospital's: a clinic's name often goes on where the gazetteer's
       stops, "la clinique Synergia Ventoux" for another than the Clinique
       Synergia Carpentras) */
    const char *sp = memchr(k, ' ', kn);
    if ((needs & SG_VARIANT_FUNCTION_WORDS) || !sp ||
        !(sg_starts_with(k, kn, "centre hospitalier ") || sg_starts_with(k, kn, "hopital ")))
        return 0;
    size_t hn = sg_areas_dropped(k, kn);
    if (hn == kn || hn <= (size_t)(sp - k))
        return 0;
    unsigned left = 1;
    for (size_t i = 0; i < hn; i++)
        left += k[i] == ' ';
    if (!content_word_capitalised(written, left - 1))
        return 0;
    char k2[SKEL_MAX];
    int rc = sg_skel_derived(m, entity, k, hn, needs | SG_VARIANT_REGION);
    size_t n2 = rc ? 0 : sg_other_head(k, hn, k2);
    return n2 ? sg_skel_derived(m, entity, k2, n2, needs | SG_VARIANT_REGION | SG_VARIANT_HEADS)
              : rc;
}
