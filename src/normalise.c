/* Folding text for matching while keeping, for every folded byte, the offset
 * of the original character it came from (SPEC §3, §4). Unicode data comes
 * from utf8proc; only the typographic classes of French text are listed here. */
#include <pthread.h>
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "decode.h"
#include "normalise.h"
#include "sg_internal.h"
#include "stakegraph/error.h"

int sg_is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        return 1;
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ZS;
}

int sg_is_alnum(uint32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) - 'a' < 26 || cp - '0' < 10;
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

int sg_is_upper(uint32_t cp)
{
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static int is_dash(uint32_t cp)
{
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 ||
           cp == 0xFE63 || cp == 0xFF0D;
}

static int is_apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0xFF07 ||
           cp == 0x2032;
}

/* Invisible characters that must not split a word (soft hyphen, zero widths). */
static int is_invisible(uint32_t cp)
{
    return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

/* A modifier letter that is a small letter raised ("4ᵉ", "1ᵉʳ", the
 * ordinals' superscripts): lower case, as the letter it stands for. */
static int raised_small(uint32_t cp)
{
    utf8proc_int32_t out[4];
    int bc = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, out, 4,
                                                 UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE, &bc);
    return n == 1 && utf8proc_category(out[0]) == UTF8PROC_CATEGORY_LL;
}

static unsigned char class_of(uint32_t cp)
{
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT: return SG_F_ALNUM | SG_F_UPPER;
    case UTF8PROC_CATEGORY_LL: return SG_F_ALNUM | SG_F_LOWER;
    case UTF8PROC_CATEGORY_LM: return SG_F_ALNUM | (raised_small(cp) ? SG_F_LOWER : 0);
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return SG_F_ALNUM;
    default: return 0;
    }
}

static int grow(sg_folded *f, size_t need)
{
    size_t cap = f->cap ? f->cap : 256;
    while (cap < need)
        cap *= 2;
    char *t = sg_realloc_array(f->text, cap, 1);
    if (!t)
        return SG_ERR_NOMEM;
    f->text = t;
    uint32_t *s = sg_realloc_array(f->src, cap, sizeof(uint32_t));
    if (!s)
        return SG_ERR_NOMEM;
    f->src = s;
    unsigned char *fl = sg_realloc_array(f->flags, cap, 1);
    if (!fl)
        return SG_ERR_NOMEM;
    f->flags = fl;
    f->cap = cap;
    return 0;
}

/* Room for `extra` more bytes (asked at each run of a text: grown seldom). */
static inline int reserve(sg_folded *f, size_t extra)
{
    size_t need = f->len + extra + 1; /* +1: src[len] sentinel */
    return need <= f->cap ? 0 : grow(f, need);
}

/* The folded byte of a printable ASCII mark: itself, but square brackets read
 * as round ones ("le centre hospitalier [CH] d'Avignon": an editor's insert is
 * an aside as a bracket is). */
static const unsigned char ascii_mark[128] = {
#define M(c) [c] = c
    M('!'), M('"'), M('#'), M('$'), M('%'), M('&'),      M('\''),    M('('),
    M(')'), M('*'), M('+'), M(','), M('.'), M('/'),      M(':'),     M(';'),
    M('<'), M('='), M('>'), M('?'), M('@'), M('\\'),     M('^'),     M('_'),
    M('`'), M('{'), M('|'), M('}'), M('~'), ['['] = '(', [']'] = ')'};
#undef M

/* SG_F_* of the printable ASCII characters. */
static const unsigned char ascii_class[128] = {
    ['0'] = SG_F_ALNUM,
    ['1'] = SG_F_ALNUM,
    ['2'] = SG_F_ALNUM,
    ['3'] = SG_F_ALNUM,
    ['4'] = SG_F_ALNUM,
    ['5'] = SG_F_ALNUM,
    ['6'] = SG_F_ALNUM,
    ['7'] = SG_F_ALNUM,
    ['8'] = SG_F_ALNUM,
    ['9'] = SG_F_ALNUM,
#define U(c) [c] = SG_F_ALNUM | SG_F_UPPER, [c + 32] = SG_F_ALNUM | SG_F_LOWER
    U('A'),
    U('B'),
    U('C'),
    U('D'),
    U('E'),
    U('F'),
    U('G'),
    U('H'),
    U('I'),
    U('J'),
    U('K'),
    U('L'),
    U('M'),
    U('N'),
    U('O'),
    U('P'),
    U('Q'),
    U('R'),
    U('S'),
    U('T'),
    U('U'),
    U('V'),
    U('W'),
    U('X'),
    U('Y'),
    U('Z'),
#undef U
};

static void put(sg_folded *f, const char *bytes, size_t n, size_t src, unsigned char cls)
{
    for (size_t k = 0; k < n; k++) {
        f->text[f->len] = bytes[k];
        f->src[f->len] = (uint32_t)src;
        f->flags[f->len] = cls;
        f->len++;
    }
}

/* State of a pending run of white space and dashes. */
typedef struct {
    int pending;
    int breaks;
    size_t src;
} ws_run;

static int put_ws(sg_folded *f, ws_run *ws)
{
    if (reserve(f, 1))
        return SG_ERR_NOMEM;
    put(f, ws->breaks >= 2 ? "\n" : " ", 1, ws->src, 0);
    ws->pending = 0;
    ws->breaks = 0;
    return 0;
}

/* Writes the pending run of white space, if any (asked before each word). */
static inline int flush_ws(sg_folded *f, ws_run *ws)
{
    return ws->pending ? put_ws(f, ws) : 0;
}

static void add_ws(ws_run *ws, size_t at, int breaks)
{
    if (!ws->pending) {
        ws->pending = 1;
        ws->src = at;
    }
    ws->breaks += breaks;
}

/* Folds one non-ASCII, non-space character. */
static int fold_other(sg_folded *f, ws_run *ws, uint32_t cp, size_t at)
{
    if (is_invisible(cp))
        return 0;
    if (flush_ws(f, ws))
        return SG_ERR_NOMEM;
    if (is_apostrophe(cp)) {
        if (reserve(f, 1))
            return SG_ERR_NOMEM;
        put(f, "'", 1, at, 0);
        return 0;
    }
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
    if (cat == UTF8PROC_CATEGORY_CC || cp == SG_REPLACEMENT) {
        if (reserve(f, 1))
            return SG_ERR_NOMEM;
        put(f, "\x1f", 1, at, 0);
        return 0;
    }
    utf8proc_int32_t out[32];
    int bc = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        (utf8proc_int32_t)cp, out, 32,
        UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, &bc);
    if (n < 0 || n > 32) {
        out[0] = (utf8proc_int32_t)cp;
        n = 1;
    }
    unsigned char cls = class_of(cp);
    if (reserve(f, (size_t)n * 4 + 2))
        return SG_ERR_NOMEM;
    for (utf8proc_ssize_t k = 0; k < n; k++) {
        char buf[4];
        uint32_t o = (uint32_t)out[k];
        if (o == 0x153) /* œ: "cœur" = "coeur" */
            put(f, "oe", 2, at, cls);
        else if (o == 0xE6)
            put(f, "ae", 2, at, cls);
        else
            put(f, buf, sg_utf8_encode(o, buf), at, cls);
    }
    return 0;
}

/* The folding of the two-byte code points (U+0080 to U+07FF: the accented
 * Latin letters of French text) worked out once, as fold_other does it: its
 * Unicode lookups were a fifth of the folding of French text. `n` 0: not in
 * the table (white space, dashes, apostrophes, invisible or control
 * characters, or a folding of more than 13 bytes): fold_other folds it. */
typedef struct {
    unsigned char n, cls;
    char b[14];
} fold2;

static fold2 fold2_table[0x800 - 0x80];

static void fold2_make(void)
{
    for (uint32_t cp = 0x80; cp < 0x800; cp++) {
        fold2 *e = &fold2_table[cp - 0x80];
        e->n = 0;
        if (is_invisible(cp) || is_apostrophe(cp) || sg_is_space(cp) || is_dash(cp) ||
            utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_CC)
            continue;
        sg_folded one;
        memset(&one, 0, sizeof(one));
        ws_run ws = {0, 0, 0};
        if (reserve(&one, 16) == 0 && fold_other(&one, &ws, cp, 0) == 0 && one.len > 0 &&
            one.len <= sizeof(e->b)) {
            memcpy(e->b, one.text, one.len);
            e->cls = one.flags[0];
            e->n = (unsigned char)one.len;
        }
        sg_folded_free(&one);
    }
}

/* Printable ASCII but the dash and the ampersand: folded byte for byte. */
static int plain_ascii(unsigned char c)
{
    return c > ' ' && c < 0x7F && c != '-' && c != '&';
}

/* For each byte: its folding if it is plain ASCII (lower case, '(' for '['
 * and ')' for ']'), else 0 (no plain byte folds to 0). */
static unsigned char plain_fold[256];

static void plain_make(void)
{
    for (unsigned b = 0; b < 128; b++)
        if (plain_ascii((unsigned char)b)) {
            unsigned char cls = ascii_class[b];
            plain_fold[b] = (unsigned char)(cls & SG_F_UPPER ? b + 32 : cls ? b : ascii_mark[b]);
        }
}

/* Both tables, made once (asked at every folding: once for both, where a
 * pthread_once each was 3M instructions of a 100,000-name gazetteer's). */
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void tables_make(void)
{
    fold2_make();
    plain_make();
}

/* The entry of fold2_table for the two-byte character at u[i], or NULL when
 * it is none or has no entry. */
static inline const fold2 *fold2_at(const unsigned char *u, size_t len, size_t i)
{
    if (u[i] < 0xC2 || u[i] >= 0xE0 || i + 1 >= len || (u[i + 1] & 0xC0) != 0x80)
        return NULL;
    const fold2 *e = &fold2_table[(((uint32_t)u[i] & 0x1F) << 6 | (u[i + 1] & 0x3F)) - 0x80];
    return e->n ? e : NULL;
}

#if defined(__SSE2__)
/* The bytes of `c` that are plain ASCII (plain_ascii), as 0xFF. */
static inline __m128i plain16(__m128i c)
{
    __m128i not_plain =
        _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('-')), _mm_cmpeq_epi8(c, _mm_set1_epi8('&')));
    return _mm_andnot_si128(not_plain, _mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8(' ')),
                                                     _mm_cmplt_epi8(c, _mm_set1_epi8(0x7F))));
}

/* The bytes of `c` in [lo, hi] (both below 0x80), as 0xFF. */
static inline __m128i in16(__m128i c, char lo, char hi)
{
    return _mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8((char)(lo - 1))),
                         _mm_cmplt_epi8(c, _mm_set1_epi8((char)(hi + 1))));
}

/* fold_ascii_run's work on the 16 bytes at u[i], all of them written at
 * text, src and flags + o; returns how many of them, from the first, it
 * folds as the byte loop would (a plain byte, or a space before a plain
 * one): those after are written again by the caller. Reads u[i + 16]. Half
 * of the bench corpus's blocks of 16 bytes are such a run, which the byte
 * loop folded at some ten instructions a byte. */
static inline unsigned fold_block16(const unsigned char *u, size_t i, char *text, uint32_t *src,
                                    unsigned char *flags, size_t o)
{
    __m128i c = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
    __m128i next = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 1));
    __m128i space = _mm_cmpeq_epi8(c, _mm_set1_epi8(' '));
    __m128i ok = _mm_or_si128(plain16(c), _mm_and_si128(space, plain16(next)));
    unsigned m = (unsigned)_mm_movemask_epi8(ok);
    __m128i upper = in16(c, 'A', 'Z'), lower = in16(c, 'a', 'z'), digit = in16(c, '0', '9');
    /* lower case; '[' -> '(' and ']' -> ')' (ascii_mark) */
    __m128i t = _mm_add_epi8(c, _mm_and_si128(upper, _mm_set1_epi8(32)));
    t = _mm_sub_epi8(
        t, _mm_and_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('[')), _mm_set1_epi8('[' - '(')));
    t = _mm_sub_epi8(
        t, _mm_and_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8(']')), _mm_set1_epi8(']' - ')')));
    __m128i fl =
        _mm_or_si128(_mm_or_si128(_mm_and_si128(upper, _mm_set1_epi8(SG_F_ALNUM | SG_F_UPPER)),
                                  _mm_and_si128(lower, _mm_set1_epi8(SG_F_ALNUM | SG_F_LOWER))),
                     _mm_and_si128(digit, _mm_set1_epi8(SG_F_ALNUM)));
    _mm_storeu_si128((__m128i *)(void *)(text + o), t);
    _mm_storeu_si128((__m128i *)(void *)(flags + o), fl);
    __m128i at = _mm_add_epi32(_mm_set1_epi32((int)i), _mm_set_epi32(3, 2, 1, 0));
    for (int k = 0; k < 4; k++) {
        _mm_storeu_si128((__m128i *)(void *)(src + o + 4 * k), at);
        at = _mm_add_epi32(at, _mm_set1_epi32(4));
    }
    return m == 0xFFFF ? 16 : (unsigned)__builtin_ctz(~m);
}
#endif

/* The fast path: folds the run of plain ASCII from u[i] (one) on in one
 * pass, across the single spaces between its words (a space between two
 * plain characters is a white-space run of its own: one ' ' from its
 * offset) and the accented letters in them that fold to two bytes or fewer
 * ("é": the output never outgrows the input); returns where the run ends.
 * The buffers have room for len - i more bytes. A word's bytes go through
 * one table each (plain_fold), where each byte was tested as plain after it
 * was folded: a tenth of a dense corpus's extraction went to folding. */
static size_t fold_ascii_run(sg_folded *f, const unsigned char *u, size_t len, size_t i)
{
    char *text = f->text;
    uint32_t *src = f->src;
    unsigned char *flags = f->flags;
    size_t o = f->len;
    for (;;) {
#if defined(__SSE2__)
        /* (the output is never longer than the input: the blocks' 16 bytes
           fit in the buffers while 17 bytes of the input are left) */
        while (i + 17 <= len) {
            unsigned n = fold_block16(u, i, text, src, flags, o);
            i += n;
            o += n;
            if (n < 16)
                break;
        }
#endif
        /* (unsigned: an unsigned char was widened once more at each byte) */
        unsigned b;
        while (i < len && plain_fold[b = u[i]]) { /* a word: plain bytes */
            text[o] = (char)plain_fold[b];
            src[o] = (uint32_t)i;
            flags[o++] = ascii_class[b];
            i++;
        }
        const fold2 *e = i < len ? fold2_at(u, len, i) : NULL;
        if (e && e->n <= 2) { /* (as sg_fold's loop would fold it) */
            for (size_t k = 0; k < e->n; k++) {
                text[o] = e->b[k];
                src[o] = (uint32_t)i;
                flags[o++] = e->cls;
            }
            i += 2;
            if (i < len && plain_fold[u[i]])
                continue;
        }
        if (i + 1 < len && u[i] == ' ' && plain_fold[u[i + 1]]) {
            text[o] = ' ';
            src[o] = (uint32_t)i;
            flags[o++] = 0;
            i++;
            continue;
        }
        break;
    }
    f->len = o;
    return i;
}

int sg_fold(sg_folded *f, const char *s, size_t len, size_t start)
{
    const unsigned char *u = (const unsigned char *)s;
    f->len = 0;
    f->invalid = 0;
    f->first_invalid = -1;
    if (len >= UINT32_MAX)
        return SG_ERR_LIMIT;
    if (reserve(f, len - (start < len ? start : len) + 16))
        return SG_ERR_NOMEM;
    ws_run ws = {0, 0, 0};
    size_t i = start;
    pthread_once(&tables_once, tables_make);
    while (i < len) {
        unsigned char c = u[i];
        if (plain_ascii(c)) {
            if (flush_ws(f, &ws) || reserve(f, len - i))
                return SG_ERR_NOMEM;
            i = fold_ascii_run(f, u, len, i);
            continue;
        }
        if (c < 0x80) {
            if (c == '\n' || c == ' ' || c == '\t' || c == '\v' || c == '\f') {
                add_ws(&ws, i, c == '\n');
            } else if (c == '\r') {
                add_ws(&ws, i, !(i + 1 < len && u[i + 1] == '\n'));
            } else if (c == '-') {
                add_ws(&ws, i, 0);
            } else if (c == '&') {
                /* a word of its own: "B&A" as "B & A", which the press writes
                   as often (issue 14) */
                add_ws(&ws, i, 0);
                if (flush_ws(f, &ws) || reserve(f, 1))
                    return SG_ERR_NOMEM;
                put(f, "&", 1, i, 0);
                add_ws(&ws, i, 0);
            } else {
                if (flush_ws(f, &ws) || reserve(f, 1))
                    return SG_ERR_NOMEM;
                char b = (char)c;
                unsigned char cls = 0;
                if (c >= 'A' && c <= 'Z') {
                    b = (char)(c + 32);
                    cls = SG_F_ALNUM | SG_F_UPPER;
                } else if (c >= 'a' && c <= 'z') {
                    cls = SG_F_ALNUM | SG_F_LOWER;
                } else if (c >= '0' && c <= '9') {
                    cls = SG_F_ALNUM;
                } else if (c < 0x20 || c == 0x7F) {
                    b = '\x1f';
                }
                put(f, &b, 1, i, cls);
            }
            i++;
            continue;
        }
        const fold2 *e = fold2_at(u, len, i);
        if (e) {
            if (flush_ws(f, &ws) || reserve(f, e->n))
                return SG_ERR_NOMEM;
            put(f, e->b, e->n, i, e->cls);
            i += 2;
            continue;
        }
        size_t at = i;
        int bad = 0;
        uint32_t cp = sg_utf8_next(u, len, &i, &bad);
        if (bad) {
            if (f->first_invalid < 0)
                f->first_invalid = (long long)at;
            f->invalid++;
        }
        int rc;
        if (!bad && sg_is_space(cp)) {
            add_ws(&ws, at, cp == 0x2029 ? 2 : (cp == 0x2028 || cp == 0x85));
            rc = 0;
        } else if (!bad && is_dash(cp)) {
            add_ws(&ws, at, 0);
            rc = 0;
        } else {
            rc = fold_other(f, &ws, bad ? SG_REPLACEMENT : cp, at);
        }
        if (rc)
            return rc;
    }
    if (flush_ws(f, &ws) || reserve(f, 0))
        return SG_ERR_NOMEM;
    f->src[f->len] = (uint32_t)len;
    f->text[f->len] = '\0';
    f->flags[f->len] = 0;
    return 0;
}

void sg_folded_free(sg_folded *f)
{
    if (!f)
        return;
    free(f->text);
    free(f->src);
    free(f->flags);
    memset(f, 0, sizeof(*f));
}

int sg_fold_name_in(sg_folded *scratch, const char *s, size_t n, const char **text,
                    const unsigned char **flags, size_t *len)
{
    int rc = sg_fold(scratch, s, n, 0);
    if (rc)
        return rc;
    size_t a = 0, b = scratch->len;
    while (a < b && (scratch->text[a] == ' ' || scratch->text[a] == '\n'))
        a++;
    while (b > a && (scratch->text[b - 1] == ' ' || scratch->text[b - 1] == '\n'))
        b--;
    *text = scratch->text + a;
    *flags = scratch->flags + a;
    *len = b - a;
    return 0;
}

int sg_fold_name(char **text, unsigned char **flags, size_t *len, const char *s, size_t n)
{
    sg_folded f;
    memset(&f, 0, sizeof(f));
    const char *t0;
    const unsigned char *fl0;
    size_t k = 0;
    int rc = sg_fold_name_in(&f, s, n, &t0, &fl0, &k);
    char *t = rc ? NULL : sg_strndup(t0, k);
    unsigned char *fl = rc ? NULL : sg_alloc_array(k + 1, 1);
    if (!rc && (!t || !fl))
        rc = SG_ERR_NOMEM;
    if (rc) {
        free(t);
        free(fl);
        sg_folded_free(&f);
        return rc;
    }
    memcpy(fl, fl0, k);
    fl[k] = 0;
    *text = t;
    *flags = fl;
    *len = k;
    sg_folded_free(&f);
    return 0;
}

size_t sg_folded_orig_end(const sg_folded *f, const char *s, size_t slen, size_t fend)
{
    const unsigned char *u = (const unsigned char *)s;
    if (fend == 0)
        return f->src[0];
    size_t q = f->src[fend - 1];
    if (q >= slen)
        return slen;
    sg_utf8_next(u, slen, &q, NULL);
    while (q < slen) {
        size_t r = q;
        uint32_t cp = sg_utf8_next(u, slen, &r, NULL);
        utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
        if (cp < 0x80 ||
            (c != UTF8PROC_CATEGORY_MN && c != UTF8PROC_CATEGORY_MC && c != UTF8PROC_CATEGORY_ME))
            break;
        q = r;
    }
    return q;
}

size_t sg_folded_from_orig(const sg_folded *f, size_t orig)
{
    size_t lo = 0, hi = f->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->src[mid] < orig)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
