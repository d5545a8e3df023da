/* Fuzz target: JSON Lines records (SPEC §11), as the library reads them
 * (src/jsonl.c, compiled in here to reach its static functions).
 *
 * Input: a whole JSON Lines file. Checks: the line index covers exactly the
 * non-blank lines, in order, with their numbers; each record parses the same
 * way whatever the period unit (only the period label differs); a parsed
 * record has a non-empty id without NUL, its text inside the parsed line,
 * metadata keys that are clean attribute names and unique, a date label of
 * the unit's form. Then each record is parsed again with jansson's Nth
 * allocation failing, for every N: the parse reports "out of memory" and
 * leaks nothing (LeakSanitizer), or succeeds when it needed fewer than N. */
#include <stddef.h>
#include <stdint.h>

/* jansson's allocations go through fail_malloc, which fails the Nth. */
static void *fail_malloc(size_t n);
#define JSONL_MALLOC fail_malloc

#include "jsonl.c"

#include "fuzz.h"

static long fail_at = -1; /* allocations left before the failing one; -1: none fails */
static long allocations;

static void *fail_malloc(size_t n)
{
    allocations++;
    if (fail_at >= 0 && fail_at-- == 0)
        return NULL;
    return malloc(n);
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

static void check_index(const sg_jsonl *c, const char *s, size_t size)
{
    size_t k = 0, line = 0;
    for (size_t pos = 0; pos < size;) {
        const char *nl = memchr(s + pos, '\n', size - pos);
        size_t end = nl ? (size_t)(nl - s) : size;
        line++;
        if (!is_blank(s + pos, end - pos)) {
            FUZZ_CHECK(k < c->ndocs);
            FUZZ_CHECK(c->file[k] == 0 && c->off[k] == pos && c->len[k] == end - pos);
            FUZZ_CHECK(c->lineno[k] == line);
            k++;
        }
        pos = end + 1;
    }
    FUZZ_CHECK(k == c->ndocs);
}

static int is_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

static void check_doc(const sg_jsonl_doc *d, sg_period_unit unit)
{
    FUZZ_CHECK(d->name && d->name[0]);
    FUZZ_CHECK(d->text && strlen(d->text) <= d->len);
    FUZZ_CHECK(d->nmeta <= json_object_size(d->json));
    for (size_t i = 0; i < d->nmeta; i++) {
        const char *key = d->meta[i].key;
        FUZZ_CHECK(key[0] && d->meta[i].value);
        FUZZ_CHECK(
            strspn(key, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.") ==
            strlen(key));
        FUZZ_CHECK(strcasecmp(key, "id") && strcasecmp(key, "label") && strcasecmp(key, "weight"));
        for (size_t j = 0; j < i; j++)
            FUZZ_CHECK(strcmp(key, d->meta[j].key));
    }
    size_t n = strlen(d->period);
    if (!d->has_date)
        FUZZ_CHECK(n == 0);
    else if (unit == SG_PERIOD_MONTH)
        FUZZ_CHECK(n == 0 || (n == 7 && is_digits(d->period, 4) && d->period[4] == '-' &&
                              is_digits(d->period + 5, 2)));
    else
        FUZZ_CHECK(n == 4 && is_digits(d->period, 4));
}

/* The record parsed with the Nth allocation under jansson failing, for each
 * N until one parse needs fewer: each must fail cleanly or give the same. */
static void check_out_of_memory(const char *line, size_t len, int ok)
{
    char msg[600];
    for (long n = 0;; n++) {
        sg_jsonl_doc d;
        fail_at = n;
        allocations = 0;
        int rc = parse_line(line, len, SG_PERIOD_YEAR, &d, msg, sizeof(msg));
        int failed = fail_at < 0; /* the Nth allocation was reached */
        fail_at = -1;
        if (failed)
            FUZZ_CHECK(rc == -1 && !strncmp(msg, "out of memory", 13));
        else
            FUZZ_CHECK((rc == 0) == ok);
        sg_jsonl_doc_free(&d);
        if (!failed || n >= 64) /* enough for small records */
            break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int installed;
    if (!installed) {
        jsonl_guard_install();
        installed = 1;
    }
    const char *s = (const char *)data;
    sg_jsonl c;
    memset(&c, 0, sizeof(c));
    const char *files[1] = {s};
    size_t sizes[1] = {size};
    int mapped[1] = {2};
    c.nfiles = 1;
    c.data = files;
    c.size = sizes;
    c.mapped = mapped;
    FUZZ_CHECK(index_lines(&c, 0) == 0);
    check_index(&c, s, size);

    for (size_t k = 0; k < c.ndocs && k < 16; k++) {
        const char *line = s + c.off[k];
        char msg[3][600];
        sg_jsonl_doc d[3];
        int rc[3];
        for (int u = 0; u < 3; u++) {
            rc[u] = parse_line(line, c.len[k], (sg_period_unit)u, &d[u], msg[u], sizeof(msg[u]));
            if (rc[u] == 0)
                check_doc(&d[u], (sg_period_unit)u);
            else
                FUZZ_CHECK(msg[u][0] && strlen(msg[u]) < sizeof(msg[u]) - 1);
        }
        /* the unit changes the label only */
        FUZZ_CHECK(rc[0] == rc[1] && rc[1] == rc[2]);
        if (!rc[0]) {
            for (int u = 1; u < 3; u++) {
                FUZZ_CHECK(!strcmp(d[0].name, d[u].name) && d[0].len == d[u].len &&
                           !memcmp(d[0].text, d[u].text, d[0].len));
                FUZZ_CHECK(d[0].has_date == d[u].has_date && d[0].nmeta == d[u].nmeta);
            }
            FUZZ_CHECK(!strcmp(d[0].period, d[2].period)); /* "none" labels years */
        } else {
            FUZZ_CHECK(!strcmp(msg[0], msg[1]) && !strcmp(msg[1], msg[2]));
        }
        for (int u = 0; u < 3; u++)
            sg_jsonl_doc_free(&d[u]);
        if (k < 2) /* (each costs a parse per allocation) */
            check_out_of_memory(line, c.len[k], rc[0] == 0);
    }
    free(c.file);
    free(c.off);
    free(c.len);
    free(c.lineno);
    return 0;
}
