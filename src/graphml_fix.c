/* A foreign GraphML's keys rewritten so that igraph's reader reads what the
 * file holds: igraph ignores keys declared for="all" (and those without
 * `for`, which GraphML reads as "all"), makes two keys of one attr.name one
 * attribute whose values are partly lost (networkx writes `weight` as an int
 * key for some edges and a double key for others), takes a node key named
 * "id" for the node ids, and refuses types it does not know (graph-tool's
 * vector_float, short, python_object). Here each domain (graph, node, edge)
 * gets one key per name, its type the widest of the keys of that name; each
 * <data> is given the key of its name in the domain of its element; a node
 * "id" becomes "id_"; keys of no type igraph reads, yEd's graphics and data
 * of undeclared keys are left out. What changes is noted, with the key's
 * line. Every newline stays where it was, so lines keep their numbers.
 * Not a parser: it reads tags (skipping comments, CDATA and processing
 * instructions), and leaves the rest to igraph. */
#include <ctype.h>
#include <limits.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_int.h"
#include "sg_internal.h"

enum { D_GRAPH, D_NODE, D_EDGE, D_COUNT };
static const char *const domain_names[D_COUNT] = {"graph", "node", "edge"};

/* What igraph reads a key's values as; K_NONE: nothing (the key is left out). */
enum { K_NONE, K_BOOL, K_INT, K_REAL, K_STRING };

typedef struct {
    const char *s;
    size_t n;
} span;

typedef struct {
    span id, name, type, dflt, dom;
    span yfiles; /* yEd's yfiles.type: drawing, no data */
    int has_dflt;
    int domains;       /* bits 1 << D_*; 0: ports, hyperedges, endpoints, the root */
    int kind;          /* K_* */
    int col[D_COUNT];  /* its column in each domain, or -1 */
    size_t dropped;    /* values left out */
    int slot;          /* (make_columns' scratch) */
    const char *start; /* the <key> element [start, end) */
    const char *end;
} fkey;

typedef struct {
    span name;
    const char *rename; /* instead of the name ("id_"...), static, or NULL */
    int kind;
    size_t first;      /* the first key of the column (the line said in notes) */
    size_t other_kind; /* a key of another kind (string with numbers) + 1, or 0 */
    size_t dflt;       /* the first key of the column with a default + 1, or 0 */
} fcol;

typedef struct {
    span id;
    size_t key;
} key_ref;

typedef struct {
    const char *path, *s, *end;
    fkey *keys;
    size_t nkeys, cap;
    key_ref *ids; /* the keys' ids, sorted */
    size_t nids;
    fcol *cols[D_COUNT];
    size_t ncols[D_COUNT];
    size_t undeclared, elsewhere; /* <data> of no declared key; of no graph, node or edge */
    sg_strbuf out;
    sg_graphml_fixed *res;
} fixer;

/* One tag: [start, end) with `name` its element's name (for an end tag,
 * after "</"); kind '<' start tag, '/' end tag, '!' anything else. */
typedef struct {
    const char *start, *end;
    span name;
    int kind, empty;
} tag;

static int span_is(span a, const char *w)
{
    return a.s && strlen(w) == a.n && !memcmp(a.s, w, a.n);
}

static int span_eq(span a, span b)
{
    return a.n == b.n && (!a.n || !memcmp(a.s, b.s, a.n)); /* (a.s NULL when empty) */
}

/* The first w in [p, end), or NULL. */
static const char *find(const char *p, const char *end, const char *w)
{
    size_t n = strlen(w);
    for (; p && end - p >= (ptrdiff_t)n; p++) {
        p = memchr(p, w[0], (size_t)(end - p));
        if (!p || end - p < (ptrdiff_t)n)
            return NULL;
        if (!memcmp(p, w, n))
            return p;
    }
    return NULL;
}

static long line_at(const fixer *f, const char *p)
{
    long line = 1;
    for (const char *q = f->s; q < p; q++)
        line += *q == '\n';
    return line;
}

/* The next tag from p, or 0 at the end of the text. */
static int next_tag(const char *p, const char *end, tag *t)
{
    p = memchr(p, '<', (size_t)(end - p));
    if (!p)
        return 0;
    static const char *const skips[][2] = {{"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"<?", "?>"}};
    memset(t, 0, sizeof(*t));
    t->start = p;
    t->kind = '!';
    for (size_t i = 0; i < sizeof(skips) / sizeof(*skips); i++) {
        size_t ln = strlen(skips[i][0]);
        if ((size_t)(end - p) >= ln && !memcmp(p, skips[i][0], ln)) {
            const char *c = find(p + ln, end, skips[i][1]);
            t->end = c ? c + strlen(skips[i][1]) : end;
            return 1;
        }
    }
    const char *q = p + 1;
    if (q < end && *q == '/')
        t->kind = '/', q++;
    else if (q < end && *q != '!')
        t->kind = '<';
    t->name.s = q;
    while (q < end && !isspace((unsigned char)*q) && *q != '>' && *q != '/')
        q++;
    t->name.n = (size_t)(q - t->name.s);
    for (char quote = 0; q < end; q++) { /* (a '>' may stand in a quoted value) */
        if (quote)
            quote = *q == quote ? 0 : quote;
        else if (*q == '"' || *q == '\'')
            quote = *q;
        else if (*q == '>')
            break;
    }
    t->end = q < end ? q + 1 : end;
    t->empty = t->kind == '<' && t->end - t->start >= 2 && t->end[-2] == '/';
    return 1;
}

/* The value of attribute `name` in the tag t (raw, entities kept). */
static span attr(const tag *t, const char *name)
{
    span v = {NULL, 0};
    size_t nl = strlen(name);
    for (const char *p = t->name.s + t->name.n; p + nl + 2 < t->end; p++) {
        if (memcmp(p, name, nl) || !isspace((unsigned char)p[-1]))
            continue;
        const char *q = p + nl;
        while (q < t->end && isspace((unsigned char)*q))
            q++;
        if (q >= t->end || *q++ != '=')
            continue;
        while (q < t->end && isspace((unsigned char)*q))
            q++;
        if (q >= t->end || (*q != '"' && *q != '\''))
            continue;
        const char *ve = memchr(q + 1, *q, (size_t)(t->end - q - 1));
        if (ve) {
            v.s = q + 1;
            v.n = (size_t)(ve - v.s);
        }
        return v;
    }
    return v;
}

/* The end of the element opened by t: after its end tag (t->end when
 * empty), found among tags, so not in a comment or CDATA; *close (may be
 * NULL) is where the end tag starts. The end of the text when there is none. */
static const char *element_end(const tag *t, const char *end, const char **close)
{
    if (close)
        *close = t->empty ? t->end : end;
    if (t->empty)
        return t->end;
    tag c;
    size_t depth = 0;
    for (const char *p = t->end; next_tag(p, end, &c); p = c.end) {
        if (c.kind == '!' || !span_eq(c.name, t->name))
            continue;
        if (c.kind == '<' && !c.empty)
            depth++;
        else if (c.kind == '/' && depth-- == 0) {
            if (close)
                *close = c.start;
            return c.end;
        }
    }
    return end;
}

static int kind_of(span type)
{
    if (!type.s || span_is(type, "string"))
        return K_STRING; /* (GraphML's default type) */
    if (span_is(type, "boolean"))
        return K_BOOL;
    if (span_is(type, "int") || span_is(type, "long") || span_is(type, "short"))
        return K_INT;
    if (span_is(type, "float") || span_is(type, "double"))
        return K_REAL;
    return K_NONE; /* vector_float, python_object... */
}

static int domains_of(span dom)
{
    if (!dom.s || span_is(dom, "all"))
        return 1 << D_GRAPH | 1 << D_NODE | 1 << D_EDGE;
    for (int d = 0; d < D_COUNT; d++)
        if (span_is(dom, domain_names[d]))
            return 1 << d;
    return 0;
}

/* Reads the <key> opened by t. */
static int add_key(fixer *f, const tag *t)
{
    if (sg_grow((void **)&f->keys, &f->cap, f->nkeys + 1, sizeof(fkey)))
        return SG_ERR_NOMEM;
    fkey *k = &f->keys[f->nkeys++];
    memset(k, 0, sizeof(*k));
    k->start = t->start;
    k->end = element_end(t, f->end, NULL);
    k->id = attr(t, "id");
    k->name = attr(t, "attr.name");
    if (!k->name.s)
        k->name = k->id; /* (as igraph and networkx name it) */
    k->type = attr(t, "attr.type");
    k->dom = attr(t, "for");
    k->yfiles = attr(t, "yfiles.type");
    k->kind = k->yfiles.s || !k->name.s ? K_NONE : kind_of(k->type);
    if (!k->type.s)
        k->type = (span){"string", 6}; /* (GraphML's default, for the notes) */
    k->domains = domains_of(k->dom);
    tag d;
    for (const char *p = t->end; p < k->end && next_tag(p, k->end, &d); p = d.end)
        if (d.kind == '<' && span_is(d.name, "default") && !d.empty) {
            const char *c;
            element_end(&d, k->end, &c);
            k->has_dflt = 1;
            k->dflt.s = d.end;
            k->dflt.n = (size_t)(c - d.end);
            break;
        }
    return 0;
}

/* Key i joins column col (its first key's kind, then the widest). */
static void join_column(fixer *f, fcol *col, size_t i)
{
    const fkey *k = &f->keys[i];
    if (!col->dflt && k->has_dflt)
        col->dflt = i + 1;
    if (col->kind == K_STRING || k->kind == K_STRING) {
        if (col->kind != k->kind && !col->other_kind)
            col->other_kind = i + 1;
        col->kind = K_STRING;
    } else if (col->kind != k->kind) {
        col->kind = K_REAL; /* int and double, or a boolean and a number */
    }
}

static int cmp_first(const void *a, const void *b)
{
    const fcol *x = a, *y = b;
    return x->first < y->first ? -1 : x->first > y->first;
}

static int cmp_key_id(const void *a, const void *b)
{
    const key_ref *x = a, *y = b;
    size_t n = x->id.n < y->id.n ? x->id.n : y->id.n;
    int c = n ? memcmp(x->id.s, y->id.s, n) : 0;
    if (c)
        return c;
    if (x->id.n != y->id.n)
        return x->id.n < y->id.n ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key; /* the first of one id wins */
}

/* The columns of domain d, one per name of the keys read there, in the order
 * of their first keys; each key's column in k->col[d]. Sorted by name, not
 * compared pairwise: a file may declare many keys. */
static int make_columns(fixer *f, int d, key_ref *refs)
{
    size_t n = 0;
    for (size_t i = 0; i < f->nkeys; i++) {
        f->keys[i].col[d] = -1;
        if (f->keys[i].kind != K_NONE && f->keys[i].domains & 1 << d)
            refs[n++] = (key_ref){f->keys[i].name, i};
    }
    if (n > 1) /* (qsort's array may not be NULL, even empty) */
        qsort(refs, n, sizeof(key_ref), cmp_key_id); /* by name, then file order */
    if (n && !(f->cols[d] = sg_alloc_array(n, sizeof(fcol))))
        return SG_ERR_NOMEM;
    for (size_t r = 0; r < n; r++) {
        if (!r || !span_eq(refs[r].id, refs[r - 1].id)) {
            fcol *col = &f->cols[d][f->ncols[d]++];
            memset(col, 0, sizeof(*col));
            col->name = refs[r].id;
            col->kind = f->keys[refs[r].key].kind;
            col->first = refs[r].key;
        }
        join_column(f, &f->cols[d][f->ncols[d] - 1], refs[r].key);
        f->keys[refs[r].key].col[d] = (int)(f->ncols[d] - 1); /* (by name, for now) */
    }
    /* in file order; a key's column found through its column's first key */
    for (size_t c = 0; c < f->ncols[d]; c++)
        refs[c].key = f->cols[d][c].first;
    if (f->ncols[d] > 1)
        qsort(f->cols[d], f->ncols[d], sizeof(fcol), cmp_first);
    for (size_t c = 0; c < f->ncols[d]; c++)
        f->keys[f->cols[d][c].first].slot = (int)c;
    for (size_t i = 0; i < f->nkeys; i++)
        if (f->keys[i].col[d] >= 0)
            f->keys[i].col[d] = f->keys[refs[f->keys[i].col[d]].key].slot;
    return 0;
}

/* A node column named "id" gets the first of id_, id__... no other node
 * column has. */
static void rename_node_id(fixer *f)
{
    static const char *const names[] = {"id_", "id__", "id___", "node_id", "id_attribute"};
    for (size_t c = 0; c < f->ncols[D_NODE]; c++) {
        fcol *col = &f->cols[D_NODE][c];
        if (!span_is(col->name, "id"))
            continue;
        for (size_t j = 0; j < sizeof(names) / sizeof(*names) && !col->rename; j++) {
            int taken = 0;
            for (size_t o = 0; o < f->ncols[D_NODE] && !taken; o++)
                taken = span_is(f->cols[D_NODE][o].name, names[j]);
            if (!taken)
                col->rename = names[j];
        }
    }
}

/* The key whose id is v, or NULL. */
static fkey *key_of(fixer *f, span v)
{
    size_t lo = 0, hi = f->nids;
    while (v.s && lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        span id = f->ids[mid].id;
        size_t n = id.n < v.n ? id.n : v.n;
        int c = n ? memcmp(id.s, v.s, n) : 0;
        if (!c)
            c = id.n < v.n ? -1 : id.n > v.n;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (v.s && lo < f->nids && span_eq(f->ids[lo].id, v))
        return &f->keys[f->ids[lo].key];
    return NULL;
}

/* The keys, their columns in each domain and the index by id. */
static int plan(fixer *f)
{
    tag t;
    for (const char *p = f->s; next_tag(p, f->end, &t); p = t.end)
        if (t.kind == '<' && span_is(t.name, "key")) {
            if (add_key(f, &t))
                return SG_ERR_NOMEM;
            t.end = f->keys[f->nkeys - 1].end;
        }
    if (f->nkeys > INT_MAX / 2 || !(f->ids = sg_alloc_array(f->nkeys + 1, sizeof(key_ref))))
        return SG_ERR_NOMEM;
    for (int d = 0; d < D_COUNT; d++)
        if (make_columns(f, d, f->ids))
            return SG_ERR_NOMEM;
    rename_node_id(f);
    for (size_t i = 0; i < f->nkeys; i++)
        if (f->keys[i].id.s) /* (a key without an id is no data's) */
            f->ids[f->nids++] = (key_ref){f->keys[i].id, i};
    if (f->nids > 1)
        qsort(f->ids, f->nids, sizeof(key_ref), cmp_key_id);
    return 0;
}

static void add(fixer *f, const char *s, size_t n)
{
    sg_strbuf_add(&f->out, s, n);
}

/* The text [p, q) left out, but its newlines, so that lines keep their numbers. */
static void keep_lines(fixer *f, const char *p, const char *q)
{
    for (; p < q; p++)
        if (*p == '\n')
            add(f, "\n", 1);
}

/* A raw attribute value between double quotes (it may have been between single ones). */
static void add_quoted(fixer *f, span v)
{
    add(f, "\"", 1);
    for (size_t i = 0; i < v.n; i++)
        if (v.s[i] == '"')
            add(f, "&quot;", 6);
        else
            add(f, v.s + i, 1);
    add(f, "\"", 1);
}

/* A boolean value in a column of numbers: "true" 1, "false" 0 (networkx's
 * words); anything else as it is, for igraph to refuse. */
static void add_value(fixer *f, span v, int boolean_to_number)
{
    const char *s = v.s, *e = v.s + v.n;
    while (boolean_to_number && s < e && isspace((unsigned char)*s))
        s++;
    while (boolean_to_number && e > s && isspace((unsigned char)e[-1]))
        e--;
    span t = {s, (size_t)(e - s)};
    int one = span_is(t, "true") || span_is(t, "True") || span_is(t, "1");
    int zero = span_is(t, "false") || span_is(t, "False") || span_is(t, "0");
    if (boolean_to_number && (one || zero)) {
        add(f, one ? "1" : "0", 1);
        keep_lines(f, v.s, v.s + v.n);
    } else {
        add(f, v.s, v.n);
    }
}

static const char *const type_names[] = {"", "boolean", "long", "double", "string"};

/* One key a column of each domain, all on the line of the file's first key. */
static void write_keys(fixer *f)
{
    for (int d = 0; d < D_COUNT; d++)
        for (size_t c = 0; c < f->ncols[d]; c++) {
            const fcol *col = &f->cols[d][c];
            char head[64];
            snprintf(head, sizeof(head), "<key id=\"sg_%c%zu\" for=\"%s\" attr.name=", "gne"[d], c,
                     domain_names[d]);
            add(f, head, strlen(head));
            span name = col->name;
            if (col->rename)
                name = (span){col->rename, strlen(col->rename)};
            add_quoted(f, name);
            snprintf(head, sizeof(head), " attr.type=\"%s\"", type_names[col->kind]);
            add(f, head, strlen(head));
            const fkey *k = col->dflt ? &f->keys[col->dflt - 1] : NULL;
            if (!k) {
                add(f, "/>", 2);
                continue;
            }
            add(f, "><default>", 10);
            add_value(f, k->dflt, col->kind != K_BOOL && k->kind == K_BOOL);
            add(f, "</default></key>", 16);
        }
}

/* The <data> opened by t, in an element of domain d (-1: none read), given
 * its column's key or left out. Returns the end of the element. */
static const char *write_data(fixer *f, const tag *t, int d)
{
    const char *close, *end = element_end(t, f->end, &close);
    fkey *k = key_of(f, attr(t, "key"));
    int c = k && d >= 0 ? k->col[d] : -1;
    if (c < 0) {
        if (!k)
            f->undeclared++;
        else if (k->kind == K_NONE || !k->domains)
            k->dropped++;
        else
            f->elsewhere++;
        keep_lines(f, t->start, end);
        return end;
    }
    char head[48];
    snprintf(head, sizeof(head), "<data key=\"sg_%c%d\">", "gne"[d], c);
    add(f, head, strlen(head));
    if (t->empty) {
        add(f, "</data>", 7);
        return end;
    }
    add_value(f, (span){t->end, (size_t)(close - t->end)},
              f->cols[d][c].kind != K_BOOL && k->kind == K_BOOL);
    add(f, close, (size_t)(end - close));
    return end;
}

/* What a data element inside element `name` belongs to: D_*, -1 for the
 * root, hyperedges, ports and endpoints, -2 for elements not followed. */
static int element_domain(span name)
{
    for (int d = 0; d < D_COUNT; d++)
        if (span_is(name, domain_names[d]))
            return d;
    static const char *const others[] = {"graphml", "hyperedge", "port", "endpoint"};
    for (size_t i = 0; i < sizeof(others) / sizeof(*others); i++)
        if (span_is(name, others[i]))
            return -1;
    return -2;
}

enum { MAX_DEPTH = 64 };

static void rewrite(fixer *f)
{
    const char *copied = f->s;
    int stack[MAX_DEPTH], wrote_keys = 0;
    size_t depth = 0;
    tag t;
    for (const char *p = f->s; next_tag(p, f->end, &t); p = t.end) {
        int code = t.kind == '!' ? -2 : element_domain(t.name);
        if (t.kind == '/') {
            depth -= code != -2 && depth;
        } else if (t.kind == '<' && (span_is(t.name, "key") || span_is(t.name, "data"))) {
            add(f, copied, (size_t)(t.start - copied));
            if (t.name.s[0] == 'd') {
                copied = write_data(f, &t, depth && depth <= MAX_DEPTH ? stack[depth - 1] : -1);
            } else {
                if (!wrote_keys++)
                    write_keys(f);
                copied = element_end(&t, f->end, NULL);
                keep_lines(f, t.start, copied);
            }
            t.end = copied;
        } else if (t.kind == '<' && code != -2 && !t.empty) {
            if (depth < MAX_DEPTH)
                stack[depth] = code;
            depth++;
        }
    }
    add(f, copied, (size_t)(f->end - copied));
}

static int note(fixer *f, long line, const char *fmt, ...) SG_PRINTF(3, 4);
static int note(fixer *f, long line, const char *fmt, ...)
{
    sg_graphml_fixed *r = f->res;
    size_t cap = r->nnotes; /* (grown one at a time: a few notes) */
    if (sg_grow((void **)&r->notes, &cap, r->nnotes + 1, sizeof(sg_error)))
        return SG_ERR_NOMEM;
    sg_error *w = &r->notes[r->nnotes++];
    memset(w, 0, sizeof(*w));
    snprintf(w->file, sizeof(w->file), "%s", f->path);
    w->line = line;
    w->offset = -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->message, sizeof(w->message), fmt, ap);
    va_end(ap);
    return 0;
}

static int len60(span s)
{
    return (int)(s.n < 60 ? s.n : 60);
}

/* What the rewriting changed or left out, each with its key's line. */
static int notes(fixer *f)
{
    int rc = 0;
    for (int d = 0; d < D_COUNT && !rc; d++)
        for (size_t c = 0; c < f->ncols[d] && !rc; c++) {
            const fcol *col = &f->cols[d][c];
            const fkey *k = &f->keys[col->first];
            if (col->other_kind)
                rc = note(f, line_at(f, f->keys[col->other_kind - 1].start),
                          "keys named '%.*s' for %ss hold strings and numbers: read as one "
                          "column of strings",
                          len60(col->name), col->name.s, domain_names[d]);
            if (!rc && col->rename)
                rc = note(f, line_at(f, k->start),
                          "a node attribute named 'id': read as the column '%s' (the node ids "
                          "are those of <node id=...>)",
                          col->rename);
        }
    for (size_t i = 0; i < f->nkeys && !rc; i++) {
        const fkey *k = &f->keys[i];
        if (!k->dropped)
            continue;
        const char *why = k->yfiles.s   ? "yEd's drawing, not data"
                          : !k->domains ? "stakegraph reads the values of graphs, nodes and edges"
                                        : "stakegraph reads numbers, booleans and strings";
        span type = k->yfiles.s ? k->yfiles : k->type;
        rc = note(f, line_at(f, k->start),
                  "the key '%.*s' (%s %.*s, for %.*s) left out, and its %zu value%s: %s",
                  len60(k->name), k->name.s ? k->name.s : "",
                  k->yfiles.s ? "yfiles.type" : "attr.type", len60(type), type.s, len60(k->dom),
                  k->dom.s ? k->dom.s : "all", k->dropped, k->dropped == 1 ? "" : "s", why);
    }
    if (!rc && f->undeclared)
        rc = note(f, 0, "%zu <data> element%s of a key no <key> declares left out", f->undeclared,
                  f->undeclared == 1 ? "" : "s");
    if (!rc && f->elsewhere)
        rc = note(f, 0,
                  "%zu value%s of hyperedges, ports, endpoints or the <graphml> root, or of keys "
                  "declared for other elements, left out",
                  f->elsewhere, f->elsewhere == 1 ? "" : "s");
    return rc;
}

int sg_graphml_fix(sg_graphml_fixed *out, const char *path, const char *s, size_t n, sg_error *err)
{
    fixer f;
    memset(&f, 0, sizeof(f));
    memset(out, 0, sizeof(*out));
    f.path = path;
    f.s = s;
    f.end = s + n;
    f.res = out;
    int rc = plan(&f);
    if (!rc) {
        rewrite(&f);
        add(&f, "", 0);
        rc = f.out.failed || !f.out.s ? SG_ERR_NOMEM : notes(&f);
    }
    free(f.keys);
    free(f.ids);
    for (int d = 0; d < D_COUNT; d++)
        free(f.cols[d]);
    if (rc) {
        free(f.out.s);
        sg_graphml_fixed_free(out);
        return sg_error_set(err, SG_ERR_NOMEM, path, 0, -1, "out of memory");
    }
    out->text = f.out.s;
    out->len = f.out.len;
    return 0;
}

void sg_graphml_fixed_free(sg_graphml_fixed *fixed)
{
    if (!fixed)
        return;
    free(fixed->text);
    free(fixed->notes);
    memset(fixed, 0, sizeof(*fixed));
}
