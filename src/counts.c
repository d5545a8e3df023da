/* Partial counts of one shard of a corpus, written and added back (SPEC §13).
 *
 *   #stakegraph-counts  1  unit=sentence  max-unit-actors=50  gazetteer=<16 hex>
 *   documents  <n>
 *   units      <n>
 *   node  <id>  <mentions>  <documents>  <units>
 *   pair  <id>  <id>  <weight>  <documents>  [<document name>...]
 *
 * A pair line ends with its first documents' names (at most
 * SG_FIRST_DOCUMENTS, the smallest in byte order; \\ \t \n \r escaped).
 * Every count is a sum over documents, so shards add up line by line, in any
 * order: files can be concatenated, or sorted by a map-reduce engine. */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "sg_internal.h"

#define COUNTS_MAGIC "#stakegraph-counts"
#define COUNTS_VERSION 2
/* Counts are 64-bit integers, exact in a counts file up to LONG_MAX; a
 * network holds a weight as a double, exact up to 2^53 (checked apart). */
#if LONG_MAX == 9223372036854775807L
#define COUNT_MAX_TEXT "2^63-1 = 9223372036854775807"
#else
#define COUNT_MAX_TEXT "2^31-1 = 2147483647"
#endif
#define TOO_LARGE "too large (over " COUNT_MAX_TEXT ")"

/* A document name as a field: a tab, then the name with \\, tab, line
 * breaks escaped. */
static void write_name(FILE *f, const char *s)
{
    putc('\t', f);
    for (; *s; s++) {
        const char *esc = *s == '\\'   ? "\\\\"
                          : *s == '\t' ? "\\t"
                          : *s == '\n' ? "\\n"
                          : *s == '\r' ? "\\r"
                                       : NULL;
        if (esc)
            fputs(esc, f);
        else
            putc(*s, f);
    }
}

/* Undoes write_name in place; -1 on an unknown escape or an empty name. */
static int unescape_name(char *s)
{
    char *w = s;
    if (!*s)
        return -1;
    for (const char *r = s; *r; r++) {
        if (*r != '\\') {
            *w++ = *r;
            continue;
        }
        r++;
        if (*r == '\\')
            *w++ = '\\';
        else if (*r == 't')
            *w++ = '\t';
        else if (*r == 'n')
            *w++ = '\n';
        else if (*r == 'r')
            *w++ = '\r';
        else
            return -1;
    }
    *w = '\0';
    return 0;
}

/* The header line for these options, without its line break. */
static void header(uint64_t fingerprint, const sg_extract_options *opt, char *buf, size_t size)
{
    char unit[40];
    sg_extract_options_unit(opt, unit, sizeof(unit));
    snprintf(buf, size, "%s\t%d\tunit=%s\tmax-unit-actors=%u\tgazetteer=%016" PRIx64, COUNTS_MAGIC,
             COUNTS_VERSION, unit, opt->max_unit_actors, fingerprint);
}

typedef struct {
    uint32_t a, b; /* ranks, a < b */
    const sg_pair_count *p;
} pair_ref;

static int cmp_pair_ref(const void *x, const void *y)
{
    const pair_ref *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

int sg_extractor_write_counts(const sg_extractor *ex, FILE *f, sg_error *err)
{
    if (!ex || !f)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    const sg_cooc *c = &ex->counts;
    size_t n = c->nentities;
    uint32_t *by_rank = sg_alloc_array(n + 1, sizeof(uint32_t));
    pair_ref *pairs = sg_alloc_array(c->used + 1, sizeof(pair_ref));
    if (!by_rank || !pairs) {
        free(by_rank);
        free(pairs);
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    char head[256];
    header(sg_gazetteer_fingerprint(ex->gaz), &ex->opt, head, sizeof(head));
    fprintf(f, "%s\ndocuments\t%ld\nunits\t%ld\n", head, ex->ndocs, c->units);
    for (size_t i = 0; i < n; i++)
        by_rank[sg_matcher_rank(ex->matcher, (uint32_t)i)] = (uint32_t)i;
    for (size_t r = 0; r < n; r++) {
        const sg_node_count *x = &c->nodes[by_rank[r]];
        if (x->mentions || x->units)
            fprintf(f, "node\t%s\t%ld\t%ld\t%ld\n", sg_gazetteer_id(ex->gaz, by_rank[r]),
                    x->mentions, x->documents, x->units);
    }
    size_t np = 0;
    for (size_t s = 0; s <= c->mask; s++) {
        const sg_pair_count *p = &c->pairs[s];
        if (!p->key)
            continue;
        uint32_t ra = sg_matcher_rank(ex->matcher, (uint32_t)((p->key - 1) >> 32));
        uint32_t rb = sg_matcher_rank(ex->matcher, (uint32_t)((p->key - 1) & 0xFFFFFFFFu));
        pairs[np++] = (pair_ref){ra < rb ? ra : rb, ra < rb ? rb : ra, p};
    }
    qsort(pairs, np, sizeof(pair_ref), cmp_pair_ref);
    for (size_t k = 0; k < np; k++) {
        fprintf(f, "pair\t%s\t%s\t%ld\t%ld", sg_gazetteer_id(ex->gaz, by_rank[pairs[k].a]),
                sg_gazetteer_id(ex->gaz, by_rank[pairs[k].b]), pairs[k].p->weight,
                pairs[k].p->documents);
        for (size_t d = 0; d < SG_FIRST_DOCUMENTS && pairs[k].p->first[d]; d++)
            write_name(f, pairs[k].p->first[d]);
        putc('\n', f);
    }
    free(by_rank);
    free(pairs);
    if (ferror(f))
        return sg_error_set(err, SG_ERR_IO, NULL, 0, -1, "cannot write the counts: %s",
                            strerror(errno ? errno : EIO));
    return 0;
}

/* Splits a line at tabs in place into `fields`, which has max + 1 entries;
 * returns the number of fields, or max + 1 when there are more than max (the
 * last one then runs to the end of the line). Every entry is set, those past
 * the fields to the empty string at the end of the line: a caller may read
 * any of them as a string whatever the line held. */
static size_t split(char *line, char **fields, size_t max)
{
    size_t n = 1;
    fields[0] = line;
    for (char *p = strchr(line, '\t'); p; p = strchr(p + 1, '\t')) {
        if (n == max) {
            n = max + 1;
            break;
        }
        *p = '\0';
        fields[n++] = p + 1;
    }
    size_t last = n > max ? max - 1 : n - 1;
    char *end = fields[last] + strlen(fields[last]);
    for (size_t i = last + 1; i <= max; i++)
        fields[i] = end;
    return n;
}

/* A count: decimal digits only (no sign, space or base prefix: strtol's
 * "+1", " 1" and "0x10" are refused; leading zeros are only decimal), at
 * most LONG_MAX. Returns 0, -1 when malformed, SG_ERR_LIMIT when too large. */
static int parse_count(const char *s, long *out)
{
    if (*s < '0' || *s > '9')
        return -1;
    long v = 0;
    int big = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        big = big || __builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, *s - '0', &v);
    }
    if (big)
        return SG_ERR_LIMIT;
    *out = v;
    return 0;
}

typedef struct {
    sg_extractor *ex;
    sg_extract_options opt; /* the counts' options */
    int adopt;              /* take them from the first header */
    int from_counts;        /* they came from counts read before */
    uint64_t fingerprint;   /* of the extractor's gazetteer */
    sg_cooc add;
    long docs;
    long headers, docs_lines, units_lines; /* one of each per shard */
    char want[256];
} reader;

/* Takes the unit and the crowded-unit limit from a header. */
static void adopt_options(reader *r, const char *line)
{
    char copy[256], *h[6];
    snprintf(copy, sizeof(copy), "%s", line);
    if (split(copy, h, 5) != 5 || strncmp(h[2], "unit=", 5) ||
        strncmp(h[3], "max-unit-actors=", 16))
        return; /* the comparison will say what is wrong */
    sg_extract_options opt = r->opt;
    long max = 0;
    if (sg_extract_options_set_unit(&opt, h[2] + 5) || parse_count(h[3] + 16, &max) != 0 ||
        max > 4294967295L)
        return;
    opt.max_unit_actors = (unsigned)max;
    r->opt = opt;
    header(r->fingerprint, &r->opt, r->want, sizeof(r->want));
}

/* A shard's header must be this run's: says which setting differs. */
static int check_header(reader *r, const char *line, char *what, size_t size)
{
    if (r->adopt) {
        adopt_options(r, line);
        r->adopt = 0;
        r->from_counts = 1;
    }
    if (!strcmp(line, r->want))
        return 0;
    char have[256], want[256], *h[6], *w[6];
    snprintf(have, sizeof(have), "%s", line);
    snprintf(want, sizeof(want), "%s", r->want);
    size_t nh = split(have, h, 5), nw = split(want, w, 5);
    for (size_t i = 1; i < nw; i++)
        if (i >= nh || strcmp(h[i], w[i])) {
            const char *got = i < nh ? h[i] : "?";
            if (i == 1)
                snprintf(what, size, "counts file format %.20s, this program reads %s", got, w[1]);
            else if (i == 4)
                snprintf(what, size,
                         "made with another gazetteer (%.60s, expected %s): give merge the same "
                         "gazetteers (-g) as extract",
                         got, w[4]);
            else
                snprintf(what, size,
                         "made with %.100s, expected %s (%s): extract every shard with the same "
                         "--unit and --max-unit-actors",
                         got, w[i], r->from_counts ? "as the counts read before" : "the options");
            return SG_ERR_PARSE;
        }
    snprintf(what, size, "malformed header");
    return SG_ERR_PARSE;
}

static int read_line(reader *r, char *line, char *what, size_t size)
{
    if (!strncmp(line, COUNTS_MAGIC, sizeof(COUNTS_MAGIC) - 1)) {
        int rc = check_header(r, line, what, size);
        r->headers += !rc;
        return rc;
    }
    char *f[5 + SG_FIRST_DOCUMENTS + 1];
    size_t n = split(line, f, 5 + SG_FIRST_DOCUMENTS);
    long v[3] = {0, 0, 0};
    if (!strcmp(f[0], "documents") || !strcmp(f[0], "units")) {
        int bad = n != 2 ? -1 : parse_count(f[1], &v[0]);
        if (bad) {
            if (bad == SG_ERR_LIMIT)
                snprintf(what, size, "%s: count %.40s " TOO_LARGE, f[0], f[1]);
            else
                snprintf(what, size, "expected: %s, a count", f[0]);
            return bad == SG_ERR_LIMIT ? SG_ERR_LIMIT : SG_ERR_PARSE;
        }
        int docs = f[0][0] == 'd';
        long *sum = docs ? &r->docs : &r->add.units;
        if (__builtin_add_overflow(*sum, v[0], sum)) {
            snprintf(what, size, "%s: sum " TOO_LARGE, f[0]);
            return SG_ERR_LIMIT;
        }
        (*(docs ? &r->docs_lines : &r->units_lines))++;
        return 0;
    }
    int node = !strcmp(f[0], "node"), pair = !strcmp(f[0], "pair");
    if (!node && !pair) {
        snprintf(what, size, "not a line of a counts file (made by 'stakegraph extract -f pairs')");
        return SG_ERR_PARSE;
    }
    /* node id mentions documents units | pair id id weight documents names... */
    int bad = node ? n != 5 : n < 5 || n > 5 + SG_FIRST_DOCUMENTS;
    for (size_t i = 5; !bad && i < n; i++)
        bad = unescape_name(f[i]) != 0;
    for (size_t i = 0; !bad && i < (node ? 3u : 2u); i++)
        bad = parse_count(f[node ? 2 + i : 3 + i], &v[i]);
    if (bad == SG_ERR_LIMIT) {
        snprintf(what, size, "%s '%.200s'%s%.200s%s: a count " TOO_LARGE, f[0], f[1],
                 pair ? " '" : "", pair ? f[2] : "", pair ? "'" : "");
        return SG_ERR_LIMIT;
    }
    if (bad) {
        snprintf(what, size, "%s",
                 node ? "expected: node, id, mentions, documents, units"
                      : "expected: pair, id, id, weight, documents, up to 3 document names");
        return SG_ERR_PARSE;
    }
    long a = sg_gazetteer_find(r->ex->gaz, f[1]),
         b = pair ? sg_gazetteer_find(r->ex->gaz, f[2]) : 0;
    if (a < 0 || b < 0) {
        snprintf(what, size, "'%.200s' is not in the gazetteers", a < 0 ? f[1] : f[2]);
        return SG_ERR_PARSE;
    }
    if (pair && a == b) {
        snprintf(what, size, "a pair of '%.200s' with itself", f[1]);
        return SG_ERR_PARSE;
    }
    /* what a real extraction gives: documents <= units <= mentions, at least 1 */
    if (node ? !(v[0] >= v[2] && v[2] >= v[1] && v[1] >= 1) : !(v[0] >= v[1] && v[1] >= 1)) {
        snprintf(what, size, "%s",
                 node ? "counts out of order (1 <= documents <= units <= mentions)"
                      : "counts out of order (1 <= documents <= weight)");
        return SG_ERR_PARSE;
    }
    if (pair && (long)(n - 5) > v[1]) {
        snprintf(what, size, "more document names than documents");
        return SG_ERR_PARSE;
    }
    int rc = node ? sg_cooc_add_node(&r->add, (uint32_t)a, v[0], v[1], v[2])
                  : sg_cooc_add_pair(&r->add, (uint32_t)a, (uint32_t)b, v[0], v[1]);
    for (size_t i = 5; !rc && i < n; i++)
        rc = sg_cooc_offer_name(&r->add, (uint32_t)a, (uint32_t)b, f[i]);
    if (rc == SG_ERR_LIMIT)
        snprintf(what, size, "%s '%.200s'%s%.200s%s: sum " TOO_LARGE, f[0], f[1], pair ? " '" : "",
                 pair ? f[2] : "", pair ? "'" : "");
    else if (rc)
        snprintf(what, size, "out of memory");
    return rc;
}

/* Every pair's actors must be mentioned (in these counts or those before). */
static int check_pairs(const sg_extractor *ex, const sg_cooc *add, char *what, size_t size)
{
    for (size_t s = 0; s <= add->mask; s++) {
        uint64_t key = add->pairs[s].key;
        if (!key)
            continue;
        uint32_t e[2] = {(uint32_t)((key - 1) >> 32), (uint32_t)((key - 1) & 0xFFFFFFFFu)};
        for (int k = 0; k < 2; k++)
            if (!ex->counts.nodes[e[k]].mentions && !add->nodes[e[k]].mentions) {
                snprintf(what, size, "a pair names '%.200s', which has no node line",
                         sg_gazetteer_id(ex->gaz, e[k]));
                return SG_ERR_PARSE;
            }
    }
    return 0;
}

/* A pair's ids in the order the counts file writes them (byte order). */
static void pair_ids(const sg_extractor *ex, uint64_t key, const char **a, const char **b)
{
    uint32_t x = (uint32_t)((key - 1) >> 32), y = (uint32_t)((key - 1) & 0xFFFFFFFFu);
    int swap = sg_matcher_rank(ex->matcher, x) > sg_matcher_rank(ex->matcher, y);
    *a = sg_gazetteer_id(ex->gaz, swap ? y : x);
    *b = sg_gazetteer_id(ex->gaz, swap ? x : y);
}

/* Every shard has one header, one documents line and one units line: a
 * shard cut short after its header (or its documents line) lacks the rest. */
static int check_shards(const reader *r, char *what, size_t size)
{
    if (r->docs_lines == r->headers && r->units_lines == r->headers)
        return 0;
    snprintf(what, size,
             "%ld header%s but %ld 'documents' and %ld 'units' line%s: every shard has one of "
             "each (a shard cut short?)",
             r->headers, r->headers == 1 ? "" : "s", r->docs_lines, r->units_lines,
             r->units_lines == 1 ? "" : "s");
    return SG_ERR_PARSE;
}

/* After sg_cooc_merge failed with SG_ERR_LIMIT: the sum that overflowed was
 * stored wrapped (__builtin_add_overflow), the only negative count. */
static void name_overflow(const sg_extractor *ex, char *what, size_t size)
{
    const sg_cooc *c = &ex->counts;
    for (size_t s = 0; s <= c->mask; s++) {
        const sg_pair_count *p = &c->pairs[s];
        if (p->key && (p->weight < 0 || p->documents < 0)) {
            const char *a, *b;
            pair_ids(ex, p->key, &a, &b);
            snprintf(what, size, "pair '%.200s' '%.200s': sum " TOO_LARGE, a, b);
            return;
        }
    }
    for (size_t i = 0; i < c->nentities; i++)
        if (c->nodes[i].mentions < 0 || c->nodes[i].documents < 0 || c->nodes[i].units < 0) {
            snprintf(what, size, "node '%.200s': sum " TOO_LARGE, sg_gazetteer_id(ex->gaz, i));
            return;
        }
    snprintf(what, size, "units: sum " TOO_LARGE);
}

/* Reads every line into r->add; 0 or an error, with its line in *lineno. */
static int read_lines(reader *r, FILE *f, long *lineno, char *what, size_t size)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int rc = 0;
    while (!rc && (len = getline(&line, &cap, f)) >= 0) {
        ++*lineno;
        if (len == 0 || line[len - 1] != '\n') {
            /* a shard cut while copied: a count cut short would be read as
             * a smaller one */
            snprintf(what, size,
                     "truncated line (no newline at the end of the file): the file was cut "
                     "short; copy it again or extract the shard again");
            rc = SG_ERR_PARSE;
            break;
        }
        line[--len] = '\0';
        if (len > 0 && line[len - 1] == '\r')
            line[--len] = '\0';
        if (len == 0)
            continue;
        if ((size_t)len != strlen(line)) {
            snprintf(what, size, "a NUL byte: not a counts file");
            rc = SG_ERR_PARSE;
        } else {
            rc = read_line(r, line, what, size);
        }
    }
    free(line);
    return rc;
}

/* Adds the counts read into the extractor's. */
static int add_counts(reader *r, char *what, size_t size)
{
    sg_extractor *ex = r->ex;
    long docs = ex->ndocs;
    int rc = 0;
    if (__builtin_add_overflow(docs, r->docs, &docs)) {
        snprintf(what, size, "documents: sum " TOO_LARGE " with the counts read before");
        rc = SG_ERR_LIMIT;
    } else if ((rc = sg_cooc_merge(&ex->counts, &r->add))) {
        if (rc == SG_ERR_LIMIT) {
            name_overflow(ex, what, size);
            size_t n = strlen(what);
            snprintf(what + n, size - n, " with the counts read before");
        } else {
            snprintf(what, size, "out of memory");
        }
    } else {
        ex->ndocs = docs;
    }
    ex->opt = r->opt;
    ex->read_counts = 1;
    return rc;
}

int sg_extractor_read_counts(sg_extractor *ex, const char *name, FILE *f, sg_error *err)
{
    if (!ex || !f)
        return sg_error_set(err, SG_ERR_INVALID, name, 0, -1, "invalid argument");
    if (!name)
        name = "<counts>";
    reader r;
    memset(&r, 0, sizeof(r));
    r.ex = ex;
    r.opt = ex->opt;
    r.adopt = ex->ndocs == 0 && !ex->read_counts;
    r.from_counts = ex->read_counts;
    r.fingerprint = sg_gazetteer_fingerprint(ex->gaz); /* once: it hashes every entity */
    header(r.fingerprint, &r.opt, r.want, sizeof(r.want));
    if (sg_cooc_init(&r.add, ex->counts.nentities))
        return sg_error_set(err, SG_ERR_NOMEM, name, 0, -1, "out of memory");
    long lineno = 0;
    char what[800] = "";
    int rc = read_lines(&r, f, &lineno, what, sizeof(what));
    if (!rc && ferror(f)) {
        rc = sg_error_set(err, SG_ERR_IO, name, 0, -1, "cannot read: %s",
                          strerror(errno ? errno : EIO));
    } else if (rc) {
        sg_error_set(err, rc, name, lineno, -1, "%s", what);
    } else if (!r.headers) {
        rc = sg_error_set(err, SG_ERR_PARSE, name, 0, -1,
                          lineno ? "no '" COUNTS_MAGIC "' header: not a counts file (made by "
                                   "'stakegraph extract -f pairs')"
                                 : "empty: not a counts file (made by 'stakegraph extract "
                                   "-f pairs')");
    } else if ((rc = check_shards(&r, what, sizeof(what))) ||
               (rc = check_pairs(ex, &r.add, what, sizeof(what))) ||
               (rc = add_counts(&r, what, sizeof(what)))) {
        sg_error_set(err, rc, name, 0, -1, "%s", what);
    }
    sg_cooc_free(&r.add);
    return rc;
}

int sg_extractor_check_network(const sg_extractor *ex, sg_error *err)
{
    if (!ex)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    const sg_cooc *c = &ex->counts;
    const char *a = NULL, *b = NULL, *what = NULL;
    long v = 0;
    for (size_t s = 0; !a && s <= c->mask; s++) {
        const sg_pair_count *p = &c->pairs[s];
        if (p->key && p->weight > SG_NETWORK_COUNT_MAX) {
            pair_ids(ex, p->key, &a, &b);
            what = "weight";
            v = p->weight;
        }
    }
    for (size_t i = 0; !a && i < c->nentities; i++)
        if (c->nodes[i].units > SG_NETWORK_COUNT_MAX) {
            a = sg_gazetteer_id(ex->gaz, i);
            what = "units";
            v = c->nodes[i].units;
        }
    if (!a)
        return 0;
    return sg_error_set(
        err, SG_ERR_LIMIT, NULL, 0, -1,
        "%s '%.200s'%s%.200s%s: %s %ld: networks hold %s exactly only up to 2^53 "
        "= 9007199254740992; keep writing .pairs counts (-f pairs), exact up to " COUNT_MAX_TEXT,
        b ? "pair" : "node", a, b ? " '" : "", b ? b : "", b ? "'" : "", what, v,
        b ? "weights" : "units");
}

/* ---- counts files by path (merge) ---- */

/* The files read so far, by device and inode (regular files only: a pipe or
 * terminal read twice would just be empty), in a hash set. */
typedef struct {
    dev_t dev;
    ino_t ino;
    const char *path; /* NULL: empty slot */
} file_id;

static const char *seen_before(file_id *set, size_t mask, const struct stat *st, const char *path)
{
    size_t h = ((size_t)st->st_ino * 2654435761u ^ (size_t)st->st_dev) & mask;
    for (; set[h].path; h = (h + 1) & mask)
        if (set[h].dev == st->st_dev && set[h].ino == st->st_ino)
            return set[h].path;
    set[h] = (file_id){st->st_dev, st->st_ino, path};
    return NULL;
}

/* After a sum overflowed with the counts read before: names their files. */
static void name_earlier(sg_error *err, const char *const *done, size_t n)
{
    if (!err)
        return;
    size_t len = strlen(err->message);
    for (size_t k = 0; k < n && k < 3 && len < sizeof(err->message); k++)
        len += (size_t)snprintf(err->message + len, sizeof(err->message) - len, "%s%s",
                                k ? ", " : " (", done[k]);
    if (n > 3 && len < sizeof(err->message))
        len += (size_t)snprintf(err->message + len, sizeof(err->message) - len, " and %zu more",
                                n - 3);
    if (len < sizeof(err->message))
        snprintf(err->message + len, sizeof(err->message) - len, ")");
}

/* Opens one counts file; *same is set when it was read before. */
static FILE *open_counts(const char *path, file_id *set, size_t mask, int *stdin_read,
                         const char **same, sg_error *err)
{
    int is_stdin = !strcmp(path, "-");
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    struct stat st;
    *same = NULL;
    if (!f) {
        sg_error_set(err, SG_ERR_IO, path, 0, -1, "%s", strerror(errno));
        return NULL;
    }
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode))
        *same = seen_before(set, mask, &st, path);
    else if (is_stdin && *stdin_read)
        *same = path;
    *stdin_read |= is_stdin;
    return f;
}

int sg_extractor_read_counts_paths(sg_extractor *ex, const char *const *paths, size_t n,
                                   sg_same_file_fn on_same, void *ctx, sg_error *err)
{
    size_t mask = 15;
    while (mask < 2 * n)
        mask = mask * 2 + 1;
    file_id *set = calloc(mask + 1, sizeof(file_id));
    const char **done = calloc(n + 1, sizeof(char *));
    size_t ndone = 0;
    int rc = 0, stdin_read = 0;
    if (!set || !done)
        rc = sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    for (size_t i = 0; !rc && i < n; i++) {
        const char *same;
        FILE *f = open_counts(paths[i], set, mask, &stdin_read, &same, err);
        if (!f) {
            rc = SG_ERR_IO;
            break;
        }
        int is_stdin = f == stdin;
        if (!same)
            rc = sg_extractor_read_counts(ex, is_stdin ? "<stdin>" : paths[i], f, err);
        else if (on_same)
            on_same(paths[i], same, ctx);
        if (!is_stdin)
            fclose(f);
        if (rc == SG_ERR_LIMIT && err && err->line == 0)
            name_earlier(err, done, ndone);
        if (!same)
            done[ndone++] = paths[i];
    }
    free(set);
    free(done);
    return rc;
}
