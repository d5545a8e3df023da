/* UTF-8 decoding with replacement of invalid sequences (maximal subparts, as
 * Unicode §3.9 recommends), so that byte offsets stay those of the input. */
#include <string.h>

#include "decode.h"

static int is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

uint32_t sg_utf8_next(const unsigned char *s, size_t len, size_t *i, int *bad)
{
    size_t p = *i;
    unsigned char c = s[p];
    if (c < 0x80) {
        *i = p + 1;
        return c;
    }
    uint32_t cp;
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0; /* overlong */
        else if (c == 0xED)
            hi = 0x9F; /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = c & 0x07;
        if (c == 0xF0)
            lo = 0x90; /* overlong */
        else if (c == 0xF4)
            hi = 0x8F; /* above U+10FFFF */
    } else {
        *i = p + 1;
        if (bad)
            *bad = 1;
        return 0xFFFDu;
    }
    size_t k = 1;
    for (; k <= need; k++) {
        if (p + k >= len)
            break;
        unsigned char b = s[p + k];
        if (k == 1 ? (b < lo || b > hi) : !is_cont(b))
            break;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (k <= need) {
        *i = p + k;
        if (bad)
            *bad = 1;
        return 0xFFFDu;
    }
    *i = p + need + 1;
    return cp;
}

/* Do the 8 bytes at u hold ASCII only? (Most of a gazetteer does: read a byte
 * at a time, its check was a tenth of the gazetteer's reading.) */
static int ascii8(const unsigned char *u)
{
    uint64_t w;
    memcpy(&w, u, sizeof(w));
    return !(w & 0x8080808080808080ULL);
}

long long sg_utf8_check(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (i + 8 <= len && ascii8(u + i)) {
            i += 8;
            continue;
        }
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        size_t at = i;
        int bad = 0;
        sg_utf8_next(u, len, &i, &bad);
        if (bad)
            return (long long)at;
    }
    return -1;
}

size_t sg_utf8_bom(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    return len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF ? 3 : 0;
}

int sg_utf16_bom(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    return len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF));
}

size_t sg_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}
