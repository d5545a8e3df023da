/* Escaping for XML and DOT, independent of the process locale. */
#include <float.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "graph_int.h"
#include "sg_internal.h"
#include "xmlesc.h"

static int xml_forbidden(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF;
}

void sg_wbuf_init(sg_wbuf *w, FILE *f, char *mem, size_t cap)
{
    w->f = f;
    w->p = mem;
    w->n = 0;
    w->cap = cap;
    w->failed = 0;
}

void sg_wbuf_flush(sg_wbuf *w)
{
    if (!w->f) /* (in memory: the bytes stay) */
        return;
    if (w->n)
        fwrite(w->p, 1, w->n, w->f);
    w->n = 0;
}

void sg_wbuf_write(sg_wbuf *w, const char *s, size_t n)
{
    if (w->n + n > w->cap && !w->f) {
        if (w->failed || sg_grow_to((void **)&w->p, &w->cap, w->n + n, 1)) {
            w->failed = 1;
            return;
        }
    } else if (w->n + n > w->cap) {
        sg_wbuf_flush(w);
        if (n > w->cap) {
            fwrite(s, 1, n, w->f);
            return;
        }
    }
    memcpy(w->p + w->n, s, n);
    w->n += n;
}

/* ASCII written as it is (not a control character, nor & < > " '), one
 * bit a byte below 64 (0x20 to 0x3F but " & ' < >); from 64 to 127 all are.
 * The NUL at a string's end is not: the runs stop there. */
#define XML_PLAIN_LOW 0xAFFFFF3B00000000ULL

static int xml_plain(unsigned char c)
{
    return c < 64 ? (int)((XML_PLAIN_LOW >> c) & 1) : c < 128;
}

void sg_xml_put(sg_wbuf *w, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, len = SIZE_MAX; /* (measured at the first byte that is not ASCII) */
    for (;;) {
        /* a run of ASCII that needs no escape, written at once: one pass over
         * most strings (ids, document names), no strlen first */
        size_t run = i;
        while (xml_plain(u[run]))
            run++;
        if (run > i) {
            sg_wbuf_write(w, s + i, run - i);
            i = run;
        }
        unsigned char c = u[i];
        if (!c)
            return;
        if (c >= 0x20 && c < 0x80) {
            switch (c) {
            case '&': sg_wbuf_puts(w, "&amp;"); break;
            case '<': sg_wbuf_puts(w, "&lt;"); break;
            case '>': sg_wbuf_puts(w, "&gt;"); break;
            case '"': sg_wbuf_puts(w, "&quot;"); break;
            case '\'': sg_wbuf_puts(w, "&apos;"); break;
            default: sg_wbuf_write(w, (const char *)&u[i], 1);
            }
            i++;
            continue;
        }
        if (len == SIZE_MAX)
            len = i + strlen(s + i);
        size_t at = i;
        int bad = 0;
        uint32_t cp = sg_utf8_next(u, len, &i, &bad);
        if (bad || xml_forbidden(cp))
            sg_wbuf_puts(w, "\xEF\xBF\xBD");
        else if (cp == '\t')
            sg_wbuf_puts(w, "&#9;"); /* survive attribute normalisation */
        else if (cp == '\n')
            sg_wbuf_puts(w, "&#10;");
        else if (cp == '\r')
            sg_wbuf_puts(w, "&#13;");
        else
            sg_wbuf_write(w, s + at, i - at);
    }
}

void sg_xml_write(FILE *f, const char *s)
{
    char mem[256];
    sg_wbuf w;
    sg_wbuf_init(&w, f, mem, sizeof(mem));
    sg_xml_put(&w, s);
    sg_wbuf_flush(&w);
}

static char *dot_clean(const char *s, int keep_breaks)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = strlen(s), i = 0, n = 0;
    if (len > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = malloc(len * 3 + 1); /* worst case: every byte -> U+FFFD */
    if (!out)
        return NULL;
    while (i < len) {
        size_t at = i;
        int bad = 0;
        uint32_t cp = sg_utf8_next(u, len, &i, &bad);
        if (cp == '\\') {
            out[n++] = '\\';
            out[n++] = '\\';
        } else if (cp == '\n' || cp == '\r' || cp == '\t') {
            out[n++] = keep_breaks ? (char)cp : ' ';
        } else if (cp == 0xFEFF && !bad) {
            /* dropped: Graphviz's scanner skips a byte-order mark where a
             * token starts, so a value made of one (written unquoted by
             * cgraph) would vanish and leave "type=," a syntax error */
        } else if (bad || cp < 0x20 || cp == 0x7F || cp == 0xFFFE || cp == 0xFFFF) {
            memcpy(out + n, "\xEF\xBF\xBD", 3);
            n += 3;
        } else {
            memcpy(out + n, s + at, i - at);
            n += i - at;
        }
    }
    out[n] = '\0';
    return out;
}

char *sg_dot_clean(const char *s)
{
    return dot_clean(s, 0);
}

char *sg_dot_clean_id(const char *s)
{
    return dot_clean(s, 1);
}

/* The last doubles formatted by format_shortest in this thread, by their
 * bits: a network's edge columns repeat their values (a dense corpus's
 * 1,040,000 values are 118,000 distinct ones), and each costs up to three
 * printf and three strtod calls. A direct-mapped table; 0 bits (the integer
 * path) mark an empty slot. */
enum { FORMAT_CACHE = 2048 }; /* 80 KB a thread */
static _Thread_local struct {
    uint64_t bits;
    char text[32];
} format_cache[FORMAT_CACHE];

static void format_shortest(char *buf, size_t size, double v);

/* format_shortest's string for the doubles most columns hold, between
 * 1e-4 and 1e15 (printf's %g writes them without an exponent), worked out
 * exactly in 128-bit integers instead of up to three printf and three
 * strtod. With v = m 2^e2 and T = m 5^k for the k that puts v 10^k in
 * [10^16, 10^17), v 10^k = T / 2^s (s = -(k + e2)): the P-digit rounding
 * (half to even, as printf) is T / (10^(17-P) 2^s) rounded, and its
 * decimal reads back as v (strtod, correctly rounded) when it lies within
 * half an ulp, 5^k / 2^(s+1), of v 10^k (on the bound: when m is even).
 * Returns the length written to buf (32 bytes at least), or 0 to leave the
 * value to format_shortest: outside that range, a power of two (the ulp
 * below is smaller), a rounding that carries into one more digit. */
__extension__ typedef unsigned __int128 u128;

static size_t format_fixed(char *buf, double v)
{
    static const uint64_t pow10[] = {1, 10, 100};
    double a = fabs(v);
    if (!(a >= 1e-4 && a < 1e15))
        return 0;
    uint64_t bits;
    memcpy(&bits, &v, sizeof(bits));
    uint64_t m = (bits & 0xFFFFFFFFFFFFFu) | (1ull << 52);
    int e2 = (int)((bits >> 52) & 0x7FF) - 1075;
    if (m == 1ull << 52)
        return 0;
    int x = (int)floor((e2 + 52) * 0.30102999566398120); /* decimal exponent, +-1 */
    u128 t = 0, p5 = 1;
    int s = 0;
    for (int tries = 0;; tries++) {
        int k = 16 - x;
        s = -(k + e2);
        if (tries == 3 || k < 0 || k > 24 || s < 1 || s > 64)
            return 0;
        p5 = 1;
        for (int i = 0; i < k; i++)
            p5 *= 5;
        t = (u128)m * p5;
        u128 n = t >> s;
        if (n < (u128)10000000000000000u)
            x--;
        else if (n >= (u128)100000000000000000u)
            x++;
        else
            break;
    }
    uint64_t q = 0;
    int prec;
    for (prec = 15; prec <= 17; prec++) {
        u128 unit = (u128)pow10[17 - prec] << s, half = unit >> 1;
        u128 r = t % unit;
        q = (uint64_t)(t / unit);
        if (r > half || (r == half && (q & 1)))
            q++;
        u128 c = ((u128)q * pow10[17 - prec]) << (s + 1), twice = t << 1;
        u128 dist = c > twice ? c - twice : twice - c;
        if (dist < p5 || (dist == p5 && !(m & 1)) || prec == 17)
            break;
    }
    char digits[24];
    int nd = prec;
    for (int i = prec - 1; i >= 0; i--, q /= 10)
        digits[i] = (char)('0' + q % 10);
    if (q)
        return 0; /* carried into one more digit */
    while (nd > 1 && digits[nd - 1] == '0' && nd > x + 1)
        nd--; /* %g drops the fraction's trailing zeros */
    char *p = buf;
    if (v < 0)
        *p++ = '-';
    if (x < 0) {
        *p++ = '0';
        *p++ = '.';
        for (int i = 0; i < -x - 1; i++)
            *p++ = '0';
        memcpy(p, digits, (size_t)nd);
        p += nd;
    } else {
        int whole = x + 1 < nd ? x + 1 : nd;
        memcpy(p, digits, (size_t)whole);
        p += whole;
        for (int i = whole; i < x + 1; i++)
            *p++ = '0';
        if (nd > x + 1) {
            *p++ = '.';
            memcpy(p, digits + x + 1, (size_t)(nd - x - 1));
            p += nd - x - 1;
        }
    }
    *p = '\0';
    return (size_t)(p - buf);
}

void sg_format_double(char *buf, size_t size, double v)
{
    if (!isfinite(v) || fabs(v) < DBL_MIN || (v == floor(v) && fabs(v) < 1e15)) {
        format_shortest(buf, size, v); /* 0 or an integer: no printf of a double */
        return;
    }
    char fast[40];
    size_t len = format_fixed(fast, v);
    if (len && len < size) {
        memcpy(buf, fast, len + 1);
        return;
    }
    uint64_t bits;
    memcpy(&bits, &v, sizeof(bits));
    size_t slot = (size_t)((bits * 0x9E3779B97F4A7C15u) >> 52) & (FORMAT_CACHE - 1);
    if (format_cache[slot].bits != bits) {
        format_shortest(format_cache[slot].text, sizeof(format_cache[slot].text), v);
        format_cache[slot].bits = bits;
    }
    snprintf(buf, size, "%s", format_cache[slot].text);
}

/* An integer in decimal, as snprintf's "%lld" writes it (truncated to
 * size - 1 bytes), without a printf: a dense network's GraphML has a weight
 * an edge, and the printf was a fifth of its writing. */
static void format_integer(char *buf, size_t size, long long v)
{
    char digits[24], *p = digits + sizeof(digits);
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    *--p = '\0';
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--p = '-';
    size_t n = (size_t)(digits + sizeof(digits) - 1 - p);
    if (!size)
        return;
    if (n >= size)
        n = size - 1;
    memcpy(buf, p, n);
    buf[n] = '\0';
}

static void format_shortest(char *buf, size_t size, double v)
{
    /* -0 is written 0; so are subnormal numbers (below DBL_MIN), which
     * strtod-based readers, igraph's GraphML reader among them, refuse */
    if (!isfinite(v) || fabs(v) < DBL_MIN)
        v = 0;
    if (v == floor(v) && fabs(v) < 1e15) {
        format_integer(buf, size, (long long)v);
        return;
    }
    /* The shortest form that reads back identically. Any decimal of at most
     * 15 significant digits (DBL_DIG) reads back as the same digits, so when
     * 15 digits (%g drops trailing zeros) do not give v back, no fewer do,
     * and 16 or 17 are needed: three tries instead of up to seventeen. */
    for (int prec = 15; prec <= 17; prec++) {
        char tmp[64];
        snprintf(tmp, sizeof(tmp), "%.*g", prec, v);
        /* read back in the locale it was written in, then the C decimal mark
         * instead of a locale's set by the embedding program */
        if (strtod(tmp, NULL) == v || prec == 17) {
            for (char *p = tmp; *p; p++)
                if (*p == ',')
                    *p = '.';
            snprintf(buf, size, "%s", tmp);
            return;
        }
    }
}

static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void c_locale_make(void)
{
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

int sg_vsnprintf_c(char *buf, size_t size, const char *fmt, va_list ap)
{
    pthread_once(&c_locale_once, c_locale_make);
    locale_t previous = c_locale ? uselocale(c_locale) : (locale_t)0;
    int n = vsnprintf(buf, size, fmt, ap);
    if (previous)
        uselocale(previous);
    return n;
}

int sg_snprintf_c(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = sg_vsnprintf_c(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

sg_c_numeric sg_c_numeric_enter(void)
{
    sg_c_numeric saved = {NULL, NULL};
    locale_t base = duplocale(uselocale((locale_t)0));
    locale_t made = base ? newlocale(LC_NUMERIC_MASK, "C", base) : (locale_t)0;
    if (!made) {
        if (base)
            freelocale(base);
        return saved;
    }
    saved.previous = uselocale(made);
    saved.made = made;
    return saved;
}

void sg_c_numeric_leave(sg_c_numeric saved)
{
    if (!saved.made)
        return;
    uselocale((locale_t)saved.previous);
    freelocale((locale_t)saved.made);
}

void sg_format_column_value(char *buf, size_t size, double v, int is_int)
{
    if (is_int && fabs(v) < SG_INT64_LIMIT)
        snprintf(buf, size, "%lld", (long long)v);
    else
        sg_format_double(buf, size, v);
}

char *sg_utf8_clean(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = strlen(s), i = 0, n = 0;
    if (len > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = malloc(len * 3 + 1); /* worst case: every byte -> U+FFFD */
    if (!out)
        return NULL;
    while (i < len) {
        size_t at = i;
        int bad = 0;
        sg_utf8_next(u, len, &i, &bad);
        if (bad) {
            memcpy(out + n, "\xEF\xBF\xBD", 3);
            n += 3;
        } else {
            memcpy(out + n, s + at, i - at);
            n += i - at;
        }
    }
    out[n] = '\0';
    return out;
}

int sg_name_listed(const char *const *list, const char *name)
{
    for (; *list; list++)
        if (!strcmp(*list, name))
            return 1;
    return 0;
}

int sg_attr_written(const sg_graph *g, size_t a, const char *const *fixed)
{
    const char *name = sg_graph_attr_name(g, a);
    return !sg_name_listed(fixed, name) && sg_graph_column_written(g, SG_NODES, name) < 0;
}

int sg_column_bits(const sg_graph *g, sg_domain d, size_t c)
{
    if (!sg_graph_column_is_int(g, d, c))
        return 0;
    size_t n = d == SG_NODES ? sg_graph_node_count(g) : sg_graph_edge_count(g);
    int bits = 32;
    for (size_t i = 0; i < n; i++) {
        double v = sg_graph_column_value(g, d, c, i);
        if (!(fabs(v) < SG_INT64_LIMIT))
            return 0;
        if (v > 2147483647.0 || v < -2147483648.0)
            bits = 64;
    }
    return bits;
}
