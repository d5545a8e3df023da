/* JSON Lines corpora (SPEC §11): one document a line, {"id", "text", and
 * optional "date", "source", "url", ...}, the usual export of scrapers.
 *
 * The files are mapped (standard input is read) and their lines indexed
 * once; the workers parse each line with jansson when they take it, so that
 * lines are parsed in parallel and memory holds only the index.
 *
 * Lines over JSONL_LINE_MAX bytes are refused (reported and skipped) before
 * jansson sees them, and jansson's allocations while it parses a line are
 * guarded: jansson 2.14 (Debian 12) writes past its buffers when an
 * allocation fails inside its lexer, so a failed allocation there never
 * returns to jansson; the parse is abandoned, what it allocated freed, and
 * the line reported as out of memory. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "corpus_int.h"
#include "sg_internal.h"

/* The longest line read as a document: 16 MiB, a thousand long press
 * articles or a few whole books. Parsing a line takes up to about four times
 * its size (jansson's growing buffer, then the decoded string) and matching
 * the text about six times more, in each worker: 16 MiB keeps one worker's
 * peak near 150 MB. */
#define JSONL_LINE_MAX ((size_t)16 << 20)

/* The allocator under jansson's; a test may put a failing one in its place. */
#ifndef JSONL_MALLOC
#define JSONL_MALLOC malloc
#endif

/* Maps (or reads) file k of the corpus. */
static int load_file(sg_jsonl *c, size_t k, const char *path, sg_error *err)
{
    int is_stdin = !strcmp(path, "-");
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return sg_error_set(err, SG_ERR_IO, path, 0, -1, "%s", strerror(errno));
    struct stat st;
    int rc = 0;
    if (!is_stdin && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        c->size[k] = (size_t)st.st_size;
        if (st.st_size == 0) {
            c->data[k] = "";
            c->mapped[k] = 2; /* nothing to release */
        } else {
            void *p = mmap(NULL, c->size[k], PROT_READ, MAP_PRIVATE, fd, 0);
            if (p == MAP_FAILED) {
                rc = sg_error_set(err, SG_ERR_IO, path, 0, -1, "%s", strerror(errno));
            } else {
                c->data[k] = p;
                c->mapped[k] = 1;
            }
        }
    } else {
        char *buf = NULL, msg[300];
        size_t cap = 0;
        if (sg_read_fd(fd, &buf, &cap, &c->size[k], msg, sizeof(msg))) {
            rc = sg_error_set(err, SG_ERR_IO, is_stdin ? "<stdin>" : path, 0, -1, "%s", msg);
            free(buf);
        } else {
            c->data[k] = buf ? buf : "";
            c->mapped[k] = buf ? 0 : 2;
        }
    }
    if (!is_stdin)
        close(fd);
    return rc;
}

static int add_doc(sg_jsonl *c, uint32_t file, size_t off, size_t len, size_t line)
{
    if (c->ndocs == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 256;
        uint32_t *f = realloc(c->file, cap * sizeof(uint32_t));
        if (f)
            c->file = f;
        size_t *o = f ? realloc(c->off, cap * sizeof(size_t)) : NULL;
        if (o)
            c->off = o;
        size_t *l = o ? realloc(c->len, cap * sizeof(size_t)) : NULL;
        if (l)
            c->len = l;
        size_t *n = l ? realloc(c->lineno, cap * sizeof(size_t)) : NULL;
        if (!n)
            return -1;
        c->lineno = n;
        c->cap = cap;
    }
    c->file[c->ndocs] = file;
    c->off[c->ndocs] = off;
    c->len[c->ndocs] = len;
    c->lineno[c->ndocs] = line;
    c->ndocs++;
    return 0;
}

/* Indexes the non-blank lines of file k (blank lines are not documents, but
 * keep their number). */
static int index_lines(sg_jsonl *c, size_t k)
{
    const char *d = c->data[k];
    size_t size = c->size[k], line = 0;
    for (size_t pos = 0; pos < size;) {
        const char *nl = memchr(d + pos, '\n', size - pos);
        size_t end = nl ? (size_t)(nl - d) : size;
        line++;
        size_t a = pos, b = end;
        while (a < b && (d[a] == ' ' || d[a] == '\t' || d[a] == '\r'))
            a++;
        if (a < b && add_doc(c, (uint32_t)k, pos, end - pos, line))
            return -1;
        pos = end + 1;
    }
    return 0;
}

/* ---- jansson's allocations, guarded while a line is parsed ----
 *
 * Outside a parse the functions below are malloc and free. During one, each
 * block jansson takes is recorded in a set (open addressing, pointers as
 * keys), and a failed allocation jumps back to guarded_load, which frees the
 * blocks still recorded. Blocks carry no header: what jansson returns (a
 * json_dumps string) may still be released with free(). */

#define GUARD_EMPTY NULL
static const char guard_gone;
#define GUARD_GONE ((void *)&guard_gone) /* a removed entry */

static _Thread_local struct {
    int active;
    jmp_buf on_fail;
    void **set;       /* cap slots, a power of two, or NULL */
    size_t cap, used; /* used: live entries and removed ones */
} guard;

static size_t guard_slot(const void *p, size_t cap)
{
    return (size_t)(((uintptr_t)p >> 4) * (uintptr_t)0x9E3779B97F4A7C15u) & (cap - 1);
}

static int guard_grow(void)
{
    size_t cap = guard.cap ? guard.cap * 2 : 256;
    void **set = calloc(cap, sizeof(void *));
    if (!set)
        return -1;
    size_t used = 0;
    for (size_t i = 0; i < guard.cap; i++) {
        void *p = guard.set[i];
        if (p == GUARD_EMPTY || p == GUARD_GONE)
            continue;
        size_t j = guard_slot(p, cap);
        while (set[j] != GUARD_EMPTY)
            j = (j + 1) & (cap - 1);
        set[j] = p;
        used++;
    }
    free(guard.set);
    guard.set = set;
    guard.cap = cap;
    guard.used = used;
    return 0;
}

static void *guarded_malloc(size_t n)
{
    void *p = JSONL_MALLOC(n ? n : 1);
    if (!guard.active)
        return p;
    if (p && (guard.used + 1) * 2 > guard.cap && guard_grow()) {
        free(p);
        p = NULL;
    }
    if (!p)
        longjmp(guard.on_fail, 1);
    size_t j = guard_slot(p, guard.cap);
    while (guard.set[j] != GUARD_EMPTY && guard.set[j] != GUARD_GONE)
        j = (j + 1) & (guard.cap - 1);
    if (guard.set[j] == GUARD_EMPTY)
        guard.used++;
    guard.set[j] = p;
    return p;
}

static void guarded_free(void *p)
{
    if (p && guard.active && guard.cap) {
        for (size_t j = guard_slot(p, guard.cap); guard.set[j] != GUARD_EMPTY;
             j = (j + 1) & (guard.cap - 1))
            if (guard.set[j] == p) {
                guard.set[j] = GUARD_GONE;
                break;
            }
    }
    free(p);
}

/* Once, before the workers start: jansson's allocator is process-wide. The
 * functions pass through to malloc and free outside a parse, so blocks made
 * before or after are interchangeable with them. */
static void jsonl_guard_install(void)
{
    json_set_alloc_funcs(guarded_malloc, guarded_free);
}

/* json_loadb, but an allocation failure inside it gives *oom = 1 and NULL
 * instead of whatever jansson would do next. */
static json_t *guarded_load(const char *line, size_t len, json_error_t *je, int *oom)
{
    json_t *root = NULL;
    *oom = 0;
    guard.cap = guard.used = 0;
    guard.set = NULL;
    if (setjmp(guard.on_fail)) {
        guard.active = 0;
        for (size_t i = 0; i < guard.cap; i++)
            if (guard.set[i] != GUARD_EMPTY && guard.set[i] != GUARD_GONE)
                free(guard.set[i]);
        free(guard.set);
        guard.set = NULL;
        guard.cap = 0;
        *oom = 1;
        return NULL;
    }
    guard.active = 1;
    root = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, je);
    guard.active = 0;
    free(guard.set); /* the blocks now belong to root */
    guard.set = NULL;
    guard.cap = 0;
    return root;
}

int sg_jsonl_open(sg_jsonl **out, char *const *paths, size_t n, sg_error *err)
{
    sg_jsonl *c = calloc(1, sizeof(*c));
    if (!c || n > UINT32_MAX) {
        free(c);
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    c->nfiles = n;
    c->data = calloc(n + 1, sizeof(char *));
    c->size = calloc(n + 1, sizeof(size_t));
    c->mapped = calloc(n + 1, sizeof(int));
    int rc = 0;
    if (!c->data || !c->size || !c->mapped)
        rc = sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    else
        jsonl_guard_install();
    for (size_t k = 0; !rc && k < n; k++) {
        c->mapped[k] = 2;
        if (!(rc = load_file(c, k, paths[k], err)) && index_lines(c, k))
            rc = sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    if (rc) {
        sg_jsonl_close(c);
        return rc;
    }
    *out = c;
    return 0;
}

void sg_jsonl_close(sg_jsonl *c)
{
    if (!c)
        return;
    for (size_t k = 0; k < c->nfiles && c->data && c->mapped; k++) {
        if (c->mapped[k] == 1)
            munmap((void *)c->data[k], c->size[k]);
        else if (c->mapped[k] == 0)
            free((void *)c->data[k]);
    }
    free(c->data);
    free(c->size);
    free(c->mapped);
    free(c->file);
    free(c->off);
    free(c->len);
    free(c->lineno);
    free(c);
}

/* A metadata value as text: strings as they are, numbers and booleans
 * written out; null, arrays and objects are left out. */
static char *scalar_text(json_t *v)
{
    char buf[64];
    switch (json_typeof(v)) {
    case JSON_STRING: return strdup(json_string_value(v));
    case JSON_INTEGER:
        snprintf(buf, sizeof(buf), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        break;
    case JSON_REAL: snprintf(buf, sizeof(buf), "%.17g", json_real_value(v)); break;
    case JSON_TRUE: return strdup("true");
    case JSON_FALSE: return strdup("false");
    default: return NULL;
    }
    return strdup(buf);
}

/* Metadata keys become attribute names in every format: GraphML wants an
 * NMTOKEN and Gephi reads some names as visual properties (SPEC §6). Other
 * characters than ASCII letters, digits, '_', '-' and '.' become '_'; names
 * that the node already has or that Gephi reserves get "meta_" in front. */
static char *attribute_name(const char *key)
{
    static const char *const reserved[] = {"id",
                                           "label",
                                           "name",
                                           "type",
                                           "mentions",
                                           "documents",
                                           "bipartite",
                                           "document",
                                           "weight",
                                           "x",
                                           "y",
                                           "z",
                                           "size",
                                           "r",
                                           "g",
                                           "b",
                                           "color",
                                           "units",
                                           "first_documents"};
    size_t n = strlen(key);
    char *s = malloc(n + 6);
    if (!s)
        return NULL;
    int prefix = n == 0;
    for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++)
        if (!strcasecmp(key, reserved[i]))
            prefix = 1;
    size_t k = 0;
    if (prefix) {
        memcpy(s, "meta_", 5);
        k = 5;
    }
    for (size_t i = 0; i < n; i++) {
        char c = key[i];
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '_' || c == '-' || c == '.';
        s[k++] = ok ? c : '_';
    }
    s[k] = '\0';
    return s;
}

static int has_key(const sg_jsonl_doc *d, const char *key)
{
    for (size_t i = 0; i < d->nmeta; i++)
        if (!strcmp(d->meta[i].key, key))
            return 1;
    return 0;
}

void sg_jsonl_doc_free(sg_jsonl_doc *d)
{
    free(d->name);
    for (size_t i = 0; i < d->nmeta; i++) {
        free((char *)d->meta[i].key);
        free((char *)d->meta[i].value);
    }
    free(d->meta);
    if (d->json)
        json_decref(d->json);
    memset(d, 0, sizeof(*d));
}

/* Parses one line (len bytes, no newline) into *out. */
static int parse_line(const char *line, size_t len, sg_period_unit unit, sg_jsonl_doc *out,
                      char *msg, size_t size)
{
    memset(out, 0, sizeof(*out));
    if (len > JSONL_LINE_MAX) {
        snprintf(msg, size, "line of %zu bytes is over the limit of %zu bytes", len,
                 JSONL_LINE_MAX);
        return -1;
    }
    json_error_t je;
    int oom;
    json_t *root = guarded_load(line, len, &je, &oom);
    if (oom) {
        snprintf(msg, size, "out of memory while parsing a line of %zu bytes", len);
        return -1;
    }
    if (!root) {
        snprintf(msg, size, "invalid JSON at column %d: %s", je.column, je.text);
        return -1;
    }
    out->json = root;
    if (!json_is_object(root)) {
        snprintf(msg, size,
                 "not a JSON object (one document a line: {\"id\": ..., \"text\": ...})");
        return -1;
    }
    json_t *id = json_object_get(root, "id"), *text = json_object_get(root, "text");
    if (!id || !(json_is_string(id) || json_is_integer(id)) ||
        (json_is_string(id) && !json_string_length(id))) {
        snprintf(msg, size, "no \"id\" (a non-empty string or an integer)");
        return -1;
    }
    if (json_is_string(id) && strlen(json_string_value(id)) != json_string_length(id)) {
        snprintf(msg, size, "\"id\" contains a NUL character");
        return -1;
    }
    if (!text || !json_is_string(text)) {
        snprintf(msg, size, "no \"text\" (a string)");
        return -1;
    }
    if (!(out->name = scalar_text(id)) ||
        !(out->meta = calloc(json_object_size(root) + 1, sizeof(sg_meta)))) {
        snprintf(msg, size, "out of memory");
        return -1;
    }
    out->text = json_string_value(text);
    out->len = json_string_length(text);
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v)
    {
        if (!strcmp(key, "id") || !strcmp(key, "text"))
            continue;
        if (!strcmp(key, "date")) {
            if (!json_is_string(v) && !json_is_null(v)) {
                snprintf(msg, size, "\"date\" is not a string (YYYY-MM-DD)");
                return -1;
            }
            const char *s = json_is_string(v) ? json_string_value(v) : NULL;
            if (s && *s) {
                int r = sg_period_of(s, unit, out->period, sizeof(out->period));
                if (r == SG_ERR_PARSE) {
                    snprintf(msg, size,
                             "\"date\" '%.40s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", s);
                    return -1;
                }
                if (r == SG_ERR_LIMIT)
                    out->period[0] = '\0'; /* a year alone: no month (reported by the caller) */
                out->has_date = 1;
            }
        }
        char *val = scalar_text(v);
        if (!val)
            continue;
        char *kcopy = attribute_name(key);
        if (kcopy && has_key(out, kcopy)) { /* "a b" and "a_b": the first one */
            free(kcopy);
            free(val);
            continue;
        }
        if (!kcopy) {
            free(val);
            snprintf(msg, size, "out of memory");
            return -1;
        }
        out->meta[out->nmeta].key = kcopy;
        out->meta[out->nmeta].value = val;
        out->nmeta++;
    }
    return 0;
}

int sg_jsonl_parse(const sg_jsonl *c, size_t k, sg_period_unit unit, sg_jsonl_doc *out, char *msg,
                   size_t size)
{
    return parse_line(c->data[c->file[k]] + c->off[k], c->len[k], unit, out, msg, size);
}
