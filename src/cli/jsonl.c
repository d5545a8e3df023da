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

#include "cli.h"

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

struct jsonl_corpus {
    size_t nfiles;
    const char **data; /* each file's bytes */
    size_t *size;
    int *mapped; /* 1: munmap, 0: free */
    size_t ndocs, cap;
    uint32_t *file; /* document k is bytes [off, off + len) of file[k], line lineno[k] */
    size_t *off, *len, *lineno;
};

/* Maps (or reads) file k of the corpus. */
static int load_file(jsonl_corpus *c, size_t k, const char *path)
{
    int is_stdin = !strcmp(path, "-");
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        cli_error(path, strerror(errno));
        return -1;
    }
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
                cli_error(path, strerror(errno));
                rc = -1;
            } else {
                c->data[k] = p;
                c->mapped[k] = 1;
            }
        }
    } else {
        char *buf = NULL, msg[300];
        size_t cap = 0;
        if (inputs_read_fd(fd, &buf, &cap, &c->size[k], msg, sizeof(msg))) {
            cli_error(is_stdin ? "<stdin>" : path, msg);
            free(buf);
            rc = -1;
        } else {
            c->data[k] = buf ? buf : "";
            c->mapped[k] = buf ? 0 : 2;
        }
    }
    if (!is_stdin)
        close(fd);
    return rc;
}

static int add_doc(jsonl_corpus *c, uint32_t file, size_t off, size_t len, size_t line)
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
static int index_lines(jsonl_corpus *c, size_t k)
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

int jsonl_open(doc_list *docs)
{
    jsonl_corpus *c = calloc(1, sizeof(*c));
    if (!c || docs->n > UINT32_MAX) {
        free(c);
        cli_error(NULL, "out of memory");
        return -1;
    }
    docs->jsonl = c;
    c->nfiles = docs->n;
    c->data = calloc(docs->n + 1, sizeof(char *));
    c->size = calloc(docs->n + 1, sizeof(size_t));
    c->mapped = calloc(docs->n + 1, sizeof(int));
    if (!c->data || !c->size || !c->mapped) {
        cli_error(NULL, "out of memory");
        return -1;
    }
    jsonl_guard_install();
    for (size_t k = 0; k < docs->n; k++) {
        if (load_file(c, k, docs->paths[k]))
            return -1;
        if (index_lines(c, k)) {
            cli_error(NULL, "out of memory");
            return -1;
        }
    }
    return 0;
}

void jsonl_close(jsonl_corpus *c)
{
    if (!c)
        return;
    for (size_t k = 0; k < c->nfiles && c->data; k++) {
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

size_t docs_count(const doc_list *docs)
{
    return docs->jsonl ? docs->jsonl->ndocs : docs->n;
}

const char *docs_file(const doc_list *docs, size_t k, size_t *line)
{
    if (!docs->jsonl) {
        *line = 0;
        return docs->paths[k];
    }
    *line = docs->jsonl->lineno[k];
    return docs->paths[docs->jsonl->file[k]];
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" at the start of the value (a time may
 * follow: "2024-03-05T10:00:00+01:00"); fills the period's label. */
static int parse_date(const char *s, period_unit unit, char *label, size_t size)
{
    int y = 0, m = 0, d = 0;
    size_t i = 0;
    for (; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        y = y * 10 + (s[i] - '0');
    }
    if (s[i] == '-') {
        if (s[i + 1] < '0' || s[i + 1] > '9' || s[i + 2] < '0' || s[i + 2] > '9')
            return -1;
        m = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
        i += 3;
        if (m < 1 || m > 12)
            return -1;
        if (s[i] == '-') {
            if (s[i + 1] < '0' || s[i + 1] > '9' || s[i + 2] < '0' || s[i + 2] > '9')
                return -1;
            d = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
            i += 3;
            static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            if (d < 1 || d > days[m - 1] + (m == 2 && leap))
                return -1;
        }
    }
    if (s[i] && s[i] != 'T' && s[i] != ' ')
        return -1;
    if (y < 1)
        return -1;
    if (unit == PERIOD_MONTH && m == 0)
        return -2; /* a year alone has no month */
    if (unit == PERIOD_MONTH)
        snprintf(label, size, "%04d-%02d", y, m);
    else
        snprintf(label, size, "%04d", y);
    return 0;
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

static int has_key(const jsonl_doc *d, const char *key)
{
    for (size_t i = 0; i < d->nmeta; i++)
        if (!strcmp(d->meta[i].key, key))
            return 1;
    return 0;
}

void jsonl_doc_free(jsonl_doc *d)
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
static int parse_line(const char *line, size_t len, period_unit unit, jsonl_doc *out, char *msg,
                      size_t size)
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
                int r = parse_date(s, unit, out->period, sizeof(out->period));
                if (r == -1) {
                    snprintf(msg, size,
                             "\"date\" '%.40s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", s);
                    return -1;
                }
                if (r == -2)
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

int jsonl_parse(const doc_list *docs, size_t k, period_unit unit, jsonl_doc *out, char *msg,
                size_t size)
{
    const jsonl_corpus *c = docs->jsonl;
    return parse_line(c->data[c->file[k]] + c->off[k], c->len[k], unit, out, msg, size);
}
