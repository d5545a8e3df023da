/* Errors and small allocation helpers. */
#define _GNU_SOURCE /* MADV_HUGEPAGE */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "sg_internal.h"
#include "stakegraph/stakegraph.h"

void sg_error_clear(sg_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof(*err));
    err->offset = -1;
}

int sg_error_set(sg_error *err, int code, const char *file, long line, long long offset,
                 const char *fmt, ...)
{
    if (!err)
        return code;
    sg_error_clear(err);
    err->code = code;
    err->line = line;
    err->offset = offset;
    if (file)
        snprintf(err->file, sizeof(err->file), "%s", file);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
    va_end(ap);
    return code;
}

const char *sg_status_string(int status)
{
    switch (status) {
    case SG_OK: return "success";
    case SG_ERR_NOMEM: return "out of memory";
    case SG_ERR_IO: return "input/output error";
    case SG_ERR_PARSE: return "parse error";
    case SG_ERR_UTF8: return "invalid UTF-8";
    case SG_ERR_PATTERN: return "invalid pattern";
    case SG_ERR_LIMIT: return "limit exceeded";
    case SG_ERR_INVALID: return "invalid argument";
    case SG_ERR_GRAPH: return "graph error";
    default: return "unknown error";
    }
}

char *sg_error_format(const sg_error *err, char *buf, unsigned long size)
{
    if (!buf || size == 0)
        return buf;
    const char *msg = err && err->message[0] ? err->message : sg_status_string(err ? err->code : 0);
    if (!err || !err->file[0])
        snprintf(buf, size, "%s", msg);
    else if (err->line > 0)
        snprintf(buf, size, "%s:%ld: %s", err->file, err->line, msg);
    else if (err->offset >= 0)
        snprintf(buf, size, "%s: byte %lld: %s", err->file, err->offset, msg);
    else
        snprintf(buf, size, "%s: %s", err->file, msg);
    return buf;
}

const char *sg_version(void)
{
    return "0.1.0";
}

/* Large arrays in transparent huge pages, which the kernel's "madvise" mode
 * gives only to those who ask: one page fault for 2 MiB instead of 512. On
 * the development VM a fault cost 20-30 us (14.7 MB written afresh: 70-116 ms
 * in 4 KiB pages, 1.6-1.9 ms in huge pages), and the dense corpus's run
 * faulted 34,000 times, a third of them in the co-occurrence tables, another
 * third making the matcher; the random probes into those tables also miss the
 * TLB less. Only a hint: whatever the kernel does, the memory is the same. */
#define HUGE_PAGE ((size_t)2 << 20)

/* Asks for the whole huge pages inside [p, p + bytes). */
void sg_huge_advise(void *p, size_t bytes)
{
#ifdef MADV_HUGEPAGE
    if (!p || bytes < HUGE_PAGE)
        return;
    uintptr_t a = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    uintptr_t b = ((uintptr_t)p + bytes) & ~(uintptr_t)(HUGE_PAGE - 1);
    if (b > a)
        (void)madvise((void *)a, b - a, MADV_HUGEPAGE);
#else
    (void)p;
    (void)bytes;
#endif
}

/* A block of `bytes` (1.5 MiB or more) on huge page boundaries, its size
 * rounded up to whole huge pages (a table of exactly 2 MiB would otherwise
 * hold none): the memory of such a block is used whole, or nearly so, the
 * tables sized to their contents. NULL when aligned_alloc fails. (From
 * 1 MiB, the dense run's peak RSS grew by 10 MB for 400 faults fewer.) */
static void *huge_alloc(size_t bytes)
{
    if (bytes > SIZE_MAX - HUGE_PAGE)
        return NULL;
    size_t n = (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    void *p = aligned_alloc(HUGE_PAGE, n);
    sg_huge_advise(p, n);
    return p;
}

static int is_large(size_t bytes)
{
    return bytes >= HUGE_PAGE - HUGE_PAGE / 4;
}

void *sg_alloc_array(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    size_t bytes = n * size;
    return is_large(bytes) ? huge_alloc(bytes) : malloc(bytes > 0 ? bytes : 1);
}

void *sg_calloc_array(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    size_t bytes = n * size;
    if (!is_large(bytes))
        return calloc(n ? n : 1, size ? size : 1);
    void *p = huge_alloc(bytes);
    if (p)
        memset(p, 0, bytes); /* (written, not read first: one fault a page) */
    return p;
}

void *sg_realloc_array(void *p, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *np = realloc(p, n * size > 0 ? n * size : 1);
    sg_huge_advise(np, n * size); /* (the whole huge pages inside) */
    return np;
}

int sg_grow_to(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return SG_ERR_NOMEM;
        ncap *= 2;
    }
    /* (a first block of 1.5 MiB or more on huge page boundaries, whole: the
       matcher's names and skeletons, sized at once, faulted some 800 times
       in the 4 KiB pages outside the huge pages of unaligned blocks) */
    void *np = *p ? sg_realloc_array(*p, ncap, size) : sg_alloc_array(ncap, size);
    if (!np)
        return SG_ERR_NOMEM;
    *p = np;
    *cap = ncap;
    return 0;
}

void sg_strbuf_add(sg_strbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (sg_grow((void **)&b->s, &b->cap, b->len + n + 1, 1)) {
        b->failed = 1;
        return;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

char *sg_strndup(const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    /* (from 1.5 MiB on huge page boundaries, whole: a gazetteer's copy,
       6.5 MB in the bench, had 600 of its 4 KiB pages outside the huge
       pages of an unaligned block, each faulted as it was written) */
    char *d = sg_alloc_array(n + 1, 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *sg_strdup(const char *s)
{
    return sg_strndup(s, strlen(s));
}

typedef struct {
    const char *str;
    size_t index;
} named_index;

static int cmp_named(const void *a, const void *b)
{
    const named_index *x = a, *y = b;
    int c = strcmp(x->str, y->str);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

int sg_order_strings(size_t *order, const char *const *strs, size_t n)
{
    named_index *tmp = sg_alloc_array(n + 1, sizeof(named_index));
    if (!tmp)
        return SG_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        tmp[i] = (named_index){strs[i], i};
    if (n > 1)
        qsort(tmp, n, sizeof(named_index), cmp_named);
    for (size_t i = 0; i < n; i++)
        order[i] = tmp[i].index;
    free(tmp);
    return 0;
}
