/* What igraph's GraphML reader would say badly or not at all, said first and
 * with the line: an empty file, one compressed twice, GEXF or other XML given for
 * GraphML, and numbers that are no numbers ("2,5", "NaN", "0x10": igraph reads
 * the last two as 1 and 16). Not a parser: it reads the <key> and <data>
 * tags' text, and leaves anything else to igraph. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph_int.h"
#include "sg_internal.h"

typedef struct {
    const char *id;
    size_t idn;
    const char *name; /* attr.name, or the id */
    size_t namen;
    const char *type; /* attr.type */
    size_t typen;
    int numeric; /* 0: no number; NUM_DECIMAL (double, float) or NUM_INTEGER (int, long, short) */
} gml_key;

enum { NUM_DECIMAL = 1, NUM_INTEGER };

static size_t line_of(const char *s, const char *p)
{
    size_t line = 1;
    for (const char *q = s; q < p; q++)
        line += *q == '\n';
    return line;
}

/* The value of attribute `name` in the tag [t, end), or NULL. */
static const char *attr(const char *t, const char *end, const char *name, size_t *n)
{
    size_t nl = strlen(name);
    for (const char *p = t; p + nl + 2 < end; p++) {
        if (memcmp(p, name, nl) || !isspace((unsigned char)p[-1]))
            continue;
        const char *q = p + nl;
        while (q < end && isspace((unsigned char)*q))
            q++;
        if (q >= end || *q != '=')
            continue;
        q++;
        while (q < end && isspace((unsigned char)*q))
            q++;
        if (q >= end || (*q != '"' && *q != '\''))
            continue;
        const char *v = q + 1, *ve = memchr(v, *q, (size_t)(end - v));
        if (!ve)
            return NULL;
        *n = (size_t)(ve - v);
        return v;
    }
    return NULL;
}

static int is_type(const char *t, size_t n, const char *w)
{
    return strlen(w) == n && !memcmp(t, w, n);
}

/* The kind of number of GraphML type t[0, n), or 0. */
static int numeric_type(const char *t, size_t n)
{
    if (!t)
        return 0;
    if (is_type(t, n, "int") || is_type(t, n, "long") || is_type(t, n, "short"))
        return NUM_INTEGER;
    return is_type(t, n, "double") || is_type(t, n, "float") ? NUM_DECIMAL : 0;
}

/* Is v[0, n) a number of the kind `numeric`: decimal digits, finite? */
static int number_ok(const char *v, size_t n, int numeric)
{
    char buf[64];
    while (n && isspace((unsigned char)*v))
        v++, n--;
    while (n && isspace((unsigned char)v[n - 1]))
        n--;
    if (n == 0 || n >= sizeof(buf))
        return n == 0; /* (an empty value is a missing one) */
    memcpy(buf, v, n);
    buf[n] = '\0';
    int integer = numeric == NUM_INTEGER;
    for (size_t i = 0; i < n; i++) {
        char c = buf[i];
        if (!(isdigit((unsigned char)c) || c == '+' || c == '-' ||
              (!integer && (c == '.' || c == 'e' || c == 'E'))))
            return 0; /* a comma, a letter: "2,5", "NaN", "inf", "0x10" */
    }
    char *end;
    double d = strtod(buf, &end);
    return *end == '\0' && isfinite(d);
}

/* The root element: GraphML, or what else. */
static int check_root(const char *path, const char *s, size_t n, sg_error *err)
{
    const char *p = s, *end = s + n;
    if (n >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
        p += 3;
    for (;;) {
        while (p < end && isspace((unsigned char)*p))
            p++;
        const char *close = NULL;
        if (end - p >= 2 && !memcmp(p, "<?", 2))
            close = "?>";
        else if (end - p >= 4 && !memcmp(p, "<!--", 4))
            close = "-->";
        else if (end - p >= 2 && !memcmp(p, "<!", 2))
            close = ">";
        if (!close)
            break;
        const char *c = strstr(p, close);
        if (!c)
            break;
        p = c + strlen(close);
    }
    if (p >= end || *p != '<') {
        char shown[24];
        size_t k = 0;
        for (const char *q = p; q < end && k < 16 && *q != '\n'; q++)
            shown[k++] = isprint((unsigned char)*q) ? *q : '?';
        shown[k] = '\0';
        return sg_error_set(err, SG_ERR_PARSE, path, line_of(s, p), -1,
                            p >= end ? "no GraphML in the file (only an XML declaration)"
                                     : "not GraphML (GraphML is XML): the file starts with '%s'",
                            shown);
    }
    const char *name = ++p;
    while (p < end &&
           (isalnum((unsigned char)*p) || *p == '_' || *p == '-' || *p == '.' || *p == ':'))
        p++;
    const char *colon = memchr(name, ':', (size_t)(p - name));
    if (colon)
        name = colon + 1;
    size_t nn = (size_t)(p - name);
    if (nn == 4 && !memcmp(name, "gexf", 4))
        return sg_error_set(err, SG_ERR_PARSE, path, line_of(s, name), -1,
                            "a GEXF file, not GraphML: stats and render read GraphML "
                            "(Gephi: File > Export > Graph file, GraphML)");
    if (nn != 7 || memcmp(name, "graphml", 7))
        return sg_error_set(err, SG_ERR_PARSE, path, line_of(s, name), -1,
                            "not GraphML: the root element is <%.*s>, not <graphml>",
                            (int)(nn > 40 ? 40 : nn), name);
    return 0;
}

/* The key read before with k's id, or NULL: the values of one id are
 * numbers of the widest kind of its keys, or no numbers if one is none. */
static gml_key *same_id(gml_key *keys, size_t nkeys, const gml_key *k)
{
    for (size_t i = 0; k->id && i < nkeys; i++)
        if (keys[i].id && keys[i].idn == k->idn && !memcmp(keys[i].id, k->id, k->idn))
            return &keys[i];
    return NULL;
}

int sg_graphml_check(const char *path, const char *s, size_t n, sg_graphml_info *info,
                     sg_error *err)
{
    memset(info, 0, sizeof(*info));
    if (n == 0)
        return sg_error_set(err, SG_ERR_PARSE, path, 0, -1, "empty file: no GraphML in it");
    if (sg_is_gzip(s, n)) /* (graphml_read.c decompresses it once) */
        return sg_error_set(err, SG_ERR_PARSE, path, 0, -1,
                            "gzip-compressed twice: decompress it first (gunzip -k %s)", path);
    int rc = check_root(path, s, n, err);
    if (rc)
        return rc;
    gml_key *keys = NULL;
    size_t nkeys = 0, cap = 0;
    const char *end = s + n;
    for (const char *p = s; (p = memchr(p, '<', (size_t)(end - p))) && !rc; p++) {
        const char *tag_end = memchr(p, '>', (size_t)(end - p));
        if (!tag_end)
            break;
        if (end - p > 5 && !memcmp(p, "<key", 4) && isspace((unsigned char)p[4])) {
            gml_key k = {0};
            k.id = attr(p, tag_end, "id", &k.idn);
            k.type = attr(p, tag_end, "attr.type", &k.typen);
            k.name = attr(p, tag_end, "attr.name", &k.namen);
            k.numeric = numeric_type(k.type, k.typen);
            if (!k.name) {
                k.name = k.id;
                k.namen = k.idn;
            }
            gml_key *same = same_id(keys, nkeys, &k);
            if (same) /* (networkx's named_key_ids: an int and a double key "weight") */
                same->numeric = !same->numeric || !k.numeric ? 0
                                : same->numeric == NUM_INTEGER && k.numeric == NUM_INTEGER
                                    ? NUM_INTEGER
                                    : NUM_DECIMAL;
            else if (sg_grow((void **)&keys, &cap, nkeys + 1, sizeof(gml_key)))
                rc = SG_ERR_NOMEM;
            else
                keys[nkeys++] = k;
        } else if (end - p > 6 && !memcmp(p, "<graph", 6) &&
                   (isspace((unsigned char)p[6]) || p[6] == '>' || p[6] == '/')) {
            info->graphs++;
        } else if (end - p > 10 && !memcmp(p, "<hyperedge", 10)) {
            info->hyperedges++;
        } else if (end - p > 6 && !memcmp(p, "<edge", 5) && isspace((unsigned char)p[5])) {
            size_t dn = 0;
            const char *d = attr(p, tag_end, "directed", &dn);
            info->directed_edges += d && is_type(d, dn, "true");
        } else if (nkeys && end - p > 6 && !memcmp(p, "<data", 5) && isspace((unsigned char)p[5]) &&
                   tag_end[-1] != '/') {
            size_t kn = 0;
            const char *kid = attr(p, tag_end, "key", &kn);
            const gml_key *k = NULL;
            for (size_t i = 0; kid && i < nkeys && !k; i++)
                if (keys[i].numeric && keys[i].id && keys[i].idn == kn &&
                    !memcmp(keys[i].id, kid, kn))
                    k = &keys[i];
            const char *v = tag_end + 1, *ve = k ? memchr(v, '<', (size_t)(end - v)) : NULL;
            if (k && ve && !number_ok(v, (size_t)(ve - v), k->numeric)) {
                size_t vn = (size_t)(ve - v);
                rc = sg_error_set(
                    err, SG_ERR_PARSE, path, line_of(s, v), -1,
                    "the value '%.*s' of '%.*s' (attr.type %.*s) is not a %s%s",
                    (int)(vn > 40 ? 40 : vn), v, (int)k->namen, k->name, (int)k->typen, k->type,
                    k->numeric == NUM_INTEGER ? "whole number" : "finite decimal number",
                    memchr(v, ',', vn) ? " (write a decimal point: 2.5, not 2,5)" : "");
            }
        }
        p = tag_end;
    }
    free(keys);
    if (rc == SG_ERR_NOMEM)
        return sg_error_set(err, rc, path, 0, -1, "out of memory");
    return rc;
}
