/* Segmentation of a folded document into units (SPEC §5). Working on folded
 * text means white space is already one ' ', paragraph breaks are '\n' and
 * '…' is "...", so the rules below only see a few shapes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "segment.h"
#include "sg_internal.h"

static int push(sg_units *u, size_t at)
{
    if (sg_grow((void **)&u->starts, &u->cap, u->count + 1, sizeof(size_t)))
        return SG_ERR_NOMEM;
    u->starts[u->count++] = at;
    return 0;
}

/* Titles and abbreviations after which a '.' does not end a sentence. The
 * first group is only an abbreviation in capitals ("M. Segade", not "10 m.").
 * Their lengths are written out: a strlen each at every full stop was a fifth
 * of the segmentation's instructions. */
typedef struct {
    unsigned char n;
    char w[6];
} abbreviation;

static int is_abbreviation(const sg_folded *f, size_t k, size_t n)
{
    static const abbreviation caps_only[] = {{1, "m"}, {2, "mm"}};
    static const abbreviation any_case[] = {
        {3, "mme"}, {4, "mmes"}, {4, "mlle"}, {5, "mlles"}, {2, "dr"},  {3, "drs"},
        {2, "pr"},  {2, "st"},   {3, "ste"},  {2, "cf"},    {2, "me"},  {3, "mgr"},
        {3, "vol"}, {4, "ibid"}, {2, "av"},   {2, "bd"},    {3, "art"}, {4, "chap"}};
    if (n > 5)
        return 0;
    const char *w = f->text + k;
    for (size_t a = 0; a < sizeof(caps_only) / sizeof(*caps_only); a++)
        if (caps_only[a].n == n && !memcmp(w, caps_only[a].w, n) && (f->flags[k] & SG_F_UPPER))
            return 1;
    for (size_t a = 0; a < sizeof(any_case) / sizeof(*any_case); a++)
        if (any_case[a].n == n && !memcmp(w, any_case[a].w, n))
            return 1;
    return 0;
}

/* Length of a closing quote or bracket at text[j], or 0. */
static size_t closer_len(const sg_folded *f, size_t j)
{
    const unsigned char *t = (const unsigned char *)f->text;
    size_t left = f->len - j;
    if (t[j] == '"' || t[j] == ')' || t[j] == ']' || t[j] == '\'')
        return 1;
    if (left >= 2 && t[j] == 0xC2 && t[j + 1] == 0xBB) /* » */
        return 2;
    if (left >= 3 && t[j] == 0xE2 && t[j + 1] == 0x80 && (t[j + 2] == 0x9D || t[j + 2] == 0xBA))
        return 3; /* ” › */
    return 0;
}

static int is_terminator(char c)
{
    return c == '.' || c == '!' || c == '?';
}

/* Decides whether the terminator run starting at i and ending (with its
 * closing quotes) at j ends a sentence. */
static int ends_sentence(const sg_folded *f, size_t i, size_t run, size_t j)
{
    if (j < f->len && f->text[j] != ' ')
        return 0; /* "3.2", "www.x.fr", "?!»," */
    if (j + 1 < f->len && (f->flags[j + 1] & SG_F_LOWER))
        return 0; /* "etc. et", "… et", "? » demande-t-il" */
    if (run == 1 && f->text[i] == '.') {
        size_t k = i;
        while (k > 0 && (f->flags[k - 1] & SG_F_ALNUM))
            k--;
        size_t n = i - k;
        if (n == 1 && (f->flags[k] & SG_F_UPPER))
            return 0; /* initials: "J.-P. Segade" */
        if (n > 0 && is_abbreviation(f, k, n))
            return 0;
    }
    return 1;
}

/* The first byte from i on that is a line break or a terminator, or len:
 * sixteen bytes at a time with SSE2 (the bytes equal to one of the four
 * characters as a mask: half the segmentation's instructions of eight at a
 * time), else eight at a time, most bytes being neither (a word of eight has
 * one of them when one of its bytes xor'ed with the character is zero). */
static size_t next_stop(const char *t, size_t i, size_t len)
{
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n'), dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'),
                  ask = _mm_set1_epi8('?');
    for (; i + 16 <= len; i += 16) {
        __m128i c = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(c, nl), _mm_cmpeq_epi8(c, dot)),
                                   _mm_or_si128(_mm_cmpeq_epi8(c, bang), _mm_cmpeq_epi8(c, ask)));
        unsigned m = (unsigned)_mm_movemask_epi8(hit);
        if (m)
            return i + (unsigned)__builtin_ctz(m);
    }
#endif
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, t + i, 8);
        uint64_t a = w ^ (ones * '\n'), b = w ^ (ones * '.'), c = w ^ (ones * '!'),
                 d = w ^ (ones * '?');
        if ((((a - ones) & ~a) | ((b - ones) & ~b) | ((c - ones) & ~c) | ((d - ones) & ~d)) & highs)
            break;
    }
    while (i < len && t[i] != '\n' && !is_terminator(t[i]))
        i++;
    return i;
}

static int split_sentences(sg_units *u, const sg_folded *f)
{
    for (size_t i = 0; (i = next_stop(f->text, i, f->len)) < f->len; i++) {
        if (f->text[i] == '\n') {
            if (push(u, i + 1))
                return SG_ERR_NOMEM;
            continue;
        }
        size_t j = i;
        while (j < f->len && is_terminator(f->text[j]))
            j++;
        size_t run = j - i;
        size_t c;
        for (;;) {
            if (j < f->len && (c = closer_len(f, j)) > 0)
                j += c;
            else if (j + 1 < f->len && f->text[j] == ' ' && closer_len(f, j + 1) > 1)
                j += 1; /* French spacing before a closing guillemet: "? »" */
            else
                break;
        }
        if (j < f->len && f->text[j] != '\n' && ends_sentence(f, i, run, j))
            if (push(u, j))
                return SG_ERR_NOMEM;
        i = j - 1;
    }
    return 0;
}

static int split_windows(sg_units *u, const sg_folded *f, unsigned window)
{
    size_t tokens = 0;
    for (size_t i = 0; i < f->len; i++) {
        if (f->text[i] == '\n') {
            if (push(u, i + 1))
                return SG_ERR_NOMEM;
            tokens = 0;
            continue;
        }
        if ((f->flags[i] & SG_F_ALNUM) && (i == 0 || !(f->flags[i - 1] & SG_F_ALNUM))) {
            if (tokens > 0 && tokens % window == 0 && push(u, i))
                return SG_ERR_NOMEM;
            tokens++;
        }
    }
    return 0;
}

int sg_segment(sg_units *u, const sg_folded *f, sg_unit unit, unsigned window)
{
    u->count = 0;
    if (push(u, 0))
        return SG_ERR_NOMEM;
    switch (unit) {
    case SG_UNIT_DOCUMENT: return 0;
    case SG_UNIT_PARAGRAPH:
        for (const char *p = f->text, *end = f->text + f->len;
             p < end && (p = memchr(p, '\n', (size_t)(end - p))); p++)
            if (push(u, (size_t)(p - f->text) + 1))
                return SG_ERR_NOMEM;
        return 0;
    case SG_UNIT_WINDOW: return split_windows(u, f, window ? window : 1);
    case SG_UNIT_SENTENCE:
    default: return split_sentences(u, f);
    }
}

void sg_units_free(sg_units *u)
{
    if (!u)
        return;
    free(u->starts);
    memset(u, 0, sizeof(*u));
}

size_t sg_units_find(const sg_units *u, size_t pos)
{
    size_t lo = 0, hi = u->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (u->starts[mid] <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? lo - 1 : 0;
}
