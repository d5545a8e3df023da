/* Shared by the libFuzzer targets: the entry point's prototype, a check that
 * survives NDEBUG, and output checks independent of the code under test. */
#ifndef SG_FUZZ_H
#define SG_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An invariant: abort (a crash for libFuzzer, a failure for the replay). */
#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond);           \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* Length of the well-formed UTF-8 character at s[i] (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), or 0. */
static inline size_t fuzz_utf8_char(const unsigned char *s, size_t len, size_t i)
{
    unsigned char c = s[i];
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    } else
        return 0;
    if (i + n > len || s[i + 1] < lo || s[i + 1] > hi)
        return 0;
    for (size_t k = 2; k < n; k++)
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
    return n;
}

static inline int fuzz_utf8_valid(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        size_t n = fuzz_utf8_char(u, len, i);
        if (!n)
            return 0;
        i += n;
    }
    return 1;
}

/* The value of the attribute starting right after `at` (which ends with a
 * quote) up to the next quote, as [*v, *v + *n). */
static inline void fuzz_quoted(const char *at, const char **v, size_t *n)
{
    const char *q = strchr(at, '"');
    *v = at;
    *n = q ? (size_t)(q - at) : strlen(at);
}

/* A GraphML document as stakegraph must write it: well-formed UTF-8 without
 * the characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE,
 * U+FFFF), no raw '<' or '&' outside markup it wrote itself (checked through
 * the absence of stray markup below), unique key ids, every <data> key
 * declared, and the closing tag at the end. `buf` is NUL-terminated. */
static inline void fuzz_check_graphml(const char *buf, size_t len)
{
    const unsigned char *u = (const unsigned char *)buf;
    FUZZ_CHECK(strlen(buf) == len);
    FUZZ_CHECK(fuzz_utf8_valid(buf, len));
    for (size_t i = 0; i < len; i++) {
        FUZZ_CHECK(u[i] >= 0x20 || u[i] == '\t' || u[i] == '\n' || u[i] == '\r');
        FUZZ_CHECK(!(u[i] == 0xEF && i + 2 < len && u[i + 1] == 0xBF &&
                     (u[i + 2] == 0xBE || u[i + 2] == 0xBF)));
    }
    static const char tail[] = "</graph>\n</graphml>\n";
    FUZZ_CHECK(len >= sizeof(tail) - 1 && !strcmp(buf + len - (sizeof(tail) - 1), tail));
    /* key ids: unique */
    size_t nkeys = 0;
    for (const char *p = buf; (p = strstr(p, "<key id=\"")); p++)
        nkeys++;
    const char **kv = calloc(nkeys + 1, sizeof(char *));
    size_t *kn = calloc(nkeys + 1, sizeof(size_t));
    FUZZ_CHECK(kv && kn);
    size_t k = 0;
    for (const char *p = buf; (p = strstr(p, "<key id=\"")); p++) {
        fuzz_quoted(p + 9, &kv[k], &kn[k]);
        for (size_t j = 0; j < k; j++)
            FUZZ_CHECK(kn[j] != kn[k] || memcmp(kv[j], kv[k], kn[k]) != 0);
        k++;
    }
    /* every <data key="..."> refers to a declared key */
    for (const char *p = buf; (p = strstr(p, "<data key=\"")); p++) {
        const char *v;
        size_t n;
        int found = 0;
        fuzz_quoted(p + 11, &v, &n);
        for (size_t j = 0; j < nkeys && !found; j++)
            found = kn[j] == n && !memcmp(kv[j], v, n);
        FUZZ_CHECK(found);
    }
    free(kv);
    free(kn);
}

#endif
