/* The readings of a gazetteer name with its words glued or parted, as text
 * extraction and hurried typing leave them (variant "fuzzy"), compiled with
 * the matcher (sg_variants_add, variants.c): a hyphen's two sides glued
 * ("SainteMusse"), a person's whole name ("@MicheleRubirola") or particle
 * and surname ("Yann Lebras" for Yann Le Bras), an organisation's two words
 * ("Promosoins" for Promo Soins), and a name of one word with a capital
 * inside parted there ("Atmo Sud" for AtmoSud). Each is read capitalised
 * only, and for no entity when another reads so. */
#include <string.h>

#include "sg_internal.h"
#include "variants_int.h"

/* The length of the separator at p (0: a letter or digit starts there);
 * *hyphen: it is a hyphen or a dash. */
static inline size_t separator_at(const char *p, int *hyphen)
{
    const unsigned char *u = (const unsigned char *)p;
    *hyphen = 0;
    if (u[0] < 0x80) { /* (most bytes: tested first, and letters before digits) */
        if (((u[0] | 0x20) >= 'a' && (u[0] | 0x20) <= 'z') || (u[0] >= '0' && u[0] <= '9'))
            return 0;
        *hyphen = u[0] == '-';
        return 1;
    }
    if (u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x90 && u[2] <= 0x99) {
        *hyphen = u[2] <= 0x95; /* dashes; then quotes and apostrophes */
        return 3;
    }
    return u[0] == 0xC2 && (u[1] == 0xA0 || u[1] == 0xAB || u[1] == 0xBB) ? 2 : 0;
}

/* A name with two of its words glued, as text extraction and hurried typing
 * leave them (variant "fuzzy"): "SainteMusse" for "Sainte-Musse", "la
 * CroixRouge française", "JeanLouis Masson" (a hyphen's two sides glued), and
 * a person's whole name, "@MicheleRubirola", "#FlorenceSIMON". One word left:
 * capitalised only. `words`: the skeleton k's words, those of `written` but
 * its function words. */
static int glued(sg_matcher *m, uint32_t entity, const char *written, const char *k, size_t kn,
                 unsigned words, uint32_t needs)
{
    /* (an organisation's name is read glued only at a hyphen or a dash, and
     * most have none: not looked at word by word) */
    if (!m->is_person[entity] && !strchr(written, '-') && !strstr(written, "\xe2\x80"))
        return 0;
    unsigned hyphens[8], nh = 0, content = 0;
    int prev_content = 0;
    for (const char *p = written; *p;) {
        int hyphen = 0, h;
        size_t l;
        while (*p && (l = separator_at(p, &h))) {
            hyphen |= h;
            p += l;
        }
        if (!*p)
            break;
        const char *ws = p;
        while (*p && !separator_at(p, &h))
            p++;
        char low[3];
        size_t wl = (size_t)(p - ws);
        for (size_t i = 0; wl <= sizeof(low) && i < wl; i++) /* (a function word's length) */
            low[i] = (char)(ws[i] | 0x20);
        if (wl <= sizeof(low) && sg_function_word(low, wl)) {
            prev_content = 0;
            continue;
        }
        if (prev_content && hyphen && nh < 8)
            hyphens[nh++] = content; /* the word glued to the one before */
        content++;
        prev_content = 1;
    }
    if (content != words)
        return 0; /* (not the skeleton's words: a "St", an odd letter) */
    char buf[SKEL_MAX];
    for (unsigned g = 0; g <= nh; g++) {
        /* each hyphen glued, then (people) every word */
        if (g == nh && !m->is_person[entity])
            break;
        size_t o = 0;
        unsigned w = 0;
        for (size_t i = 0; i < kn; i++) {
            if (k[i] == ' ') {
                w++;
                if (g == nh || w == hyphens[g])
                    continue;
            }
            buf[o++] = k[i];
        }
        unsigned left = g == nh ? 1 : words - 1;
        if (sg_skel_derived(m, entity, buf, o,
                            (uint32_t)(needs | SG_VARIANT_FUZZY | (left < 2 ? SKEL_CAPITALS : 0))))
            return SG_ERR_NOMEM;
    }
    return 0;
}

/* A person's particle glued to the word after it, as the press writes some
 * surnames: "Yann Lebras", "Yann LEBRAS" for Yann Le Bras, "Jean Dupont
 * Delafosse"... The name's folded words t[0, n), three or more, the particle
 * neither the first nor the last. */
static int particle_glued(sg_matcher *m, uint32_t entity, const char *t, const unsigned char *fl,
                          size_t n, uint32_t needs)
{
    /* (most names have no particle: a short word after a space, asked first) */
    int maybe = 0;
    for (const char *sp = memchr(t, ' ', n); sp && !maybe;
         sp = memchr(sp + 1, ' ', n - (size_t)(sp + 1 - t))) {
        const char *e = memchr(sp + 1, ' ', n - (size_t)(sp + 1 - t));
        maybe = e && e - sp - 1 >= 2 && e - sp - 1 <= 5;
    }
    if (!maybe)
        return 0;
    size_t ws[8], we[8], nw = 0;
    for (size_t i = 0; i < n;) {
        if (!(fl[i] & SG_F_ALNUM)) {
            i++;
            continue;
        }
        if (nw == 8)
            return 0;
        ws[nw] = i;
        while (i < n && (fl[i] & SG_F_ALNUM))
            i++;
        we[nw++] = i;
    }
    char buf[SKEL_MAX];
    for (size_t p = 1; p + 1 < nw; p++) {
        if (!sg_surname_particle(t + ws[p], we[p] - ws[p]))
            continue;
        size_t o = 0;
        for (size_t w = 0; w < nw; w++) {
            size_t l = we[w] - ws[w];
            if (o + l + 1 > sizeof(buf))
                return 0;
            if (w > 0 && w != p + 1)
                buf[o++] = ' ';
            memcpy(buf + o, t + ws[w], l);
            o += l;
        }
        if (!sg_skel_taken(m, buf, o) &&
            sg_skel_derived(m, entity, buf, o, needs | SG_VARIANT_FUZZY | SKEL_CAPITAL1))
            return SG_ERR_NOMEM;
    }
    return 0;
}

/* An organisation's name of two capitalised words glued ("Promosoins" for
 * Promo Soins, "InnatePharma" for Innate Pharma): eight letters or more. */
static int words_glued(sg_matcher *m, uint32_t entity, const char *written, const char *k,
                       size_t kn, uint32_t needs)
{
    const char *sp = strchr(written, ' ');
    const char *ks = memchr(k, ' ', kn);
    if (!sp || strchr(sp + 1, ' ') || strchr(written, '-') || !sg_capital_at(written) ||
        !sg_capital_at(sp + 1) || !ks || memchr(ks + 1, ' ', kn - (size_t)(ks + 1 - k)) ||
        kn - 1 < 8)
        return 0;
    char buf[SKEL_MAX];
    size_t a = (size_t)(ks - k);
    memcpy(buf, k, a);
    memcpy(buf + a, ks + 1, kn - a - 1);
    /* (not a commune's name: "Beausoleil" is no "Beau Soleil") */
    if (sg_skel_taken(m, buf, kn - 1) || sg_department_of(buf, kn - 1))
        return 0;
    return sg_skel_derived(m, entity, buf, kn - 1,
                           needs | SG_VARIANT_FUZZY | SKEL_CAPITAL1 | SKEL_GLUED);
}

/* An organisation's name of one word with a capital inside, parted there as
 * the press writes it: "Atmo Sud" for AtmoSud, "Bio Parc" for BioParc
 * (letters only, one capital inside after a lower-case letter, three letters
 * or more on each side: not "FiLNEMUS"). The reading asks a capital of its
 * first word only ("Atmo sud" reads it too). */
static int camel_parted(sg_matcher *m, uint32_t entity, const char *written, const char *k,
                        size_t kn, uint32_t needs)
{
    size_t wn = strlen(written), at = 0;
    if (wn != kn || wn < 6 || !(written[0] >= 'A' && written[0] <= 'Z'))
        return 0;
    for (size_t i = 1; i < wn; i++) {
        char c = written[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return 0;
        if (c >= 'A' && c <= 'Z') {
            if (at || !(written[i - 1] >= 'a' && written[i - 1] <= 'z'))
                return 0;
            at = i;
        }
    }
    char buf[SKEL_MAX];
    if (at < 3 || wn - at < 3 || kn + 1 > sizeof(buf))
        return 0;
    memcpy(buf, k, at);
    buf[at] = ' ';
    memcpy(buf + at + 1, k + at, kn - at);
    if (sg_skel_taken(m, buf, kn + 1))
        return 0;
    /* (a name of one word is read only capitalised, in a proper name's
       context, SKEL_CAPITALS: as two, each capitalised is enough) */
    return sg_skel_derived(m, entity, buf, kn + 1,
                           (needs & ~SKEL_CAPITALS) | SG_VARIANT_FUZZY | SKEL_CAPITAL1);
}

int sg_glued_readings(sg_matcher *m, uint32_t entity, const char *written, const char *t,
                      const unsigned char *fl, size_t n, const char *k, size_t kn, unsigned words,
                      uint32_t needs)
{
    if (!(m->allowed[entity] & SG_VARIANT_FUZZY))
        return 0;
    int rc = words >= 2 ? glued(m, entity, written, k, kn, words, needs) : 0;
    if (m->is_place[entity])
        return rc;
    if (!rc && m->is_person[entity])
        return particle_glued(m, entity, t, fl, n, needs);
    if (!rc && words == 2)
        rc = words_glued(m, entity, written, k, kn, needs);
    if (!rc && words == 1)
        rc = camel_parted(m, entity, written, k, kn, needs);
    return rc;
}
