/* Errors and small allocation helpers. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void *sg_alloc_array(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    return malloc(n * size > 0 ? n * size : 1);
}

void *sg_realloc_array(void *p, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    return realloc(p, n * size > 0 ? n * size : 1);
}

int sg_grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return SG_ERR_NOMEM;
        ncap *= 2;
    }
    void *np = sg_realloc_array(*p, ncap, size);
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
    char *d = malloc(n + 1);
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
