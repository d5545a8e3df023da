/* Evidence (SPEC §11): for every unit of an edge's weight, the document, the
 * unit's bytes and a snippet with both mentions, as TSV or JSON Lines rows;
 * and explain's readable lines. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "stakegraph/evidence.h"

/* The length of the valid UTF-8 sequence at s[0, n), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t k;
    unsigned min;
    unsigned cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        k = 2, min = 0x80, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        k = 3, min = 0x800, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        k = 4, min = 0x10000, cp = c & 0x07;
    else
        return 0;
    if (k > n)
        return 0;
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return k;
}

/* Where the two mentions of a unit fall in its snippet: their bytes in the
 * document (at) and, once written, in the snippet (out; SIZE_MAX until). */
typedef struct {
    size_t at[4]; /* first's start and end, second's start and end */
    size_t out[4];
} marks;

/* Notes in m the snippet's length b->len for the boundaries at document byte
 * `pos` (starts once a pending space is written: `start` says which). */
static void mark(marks *m, size_t pos, const sg_strbuf *b, int start)
{
    for (int k = start ? 0 : 1; m && k < 4; k += 2)
        if (m->at[k] == pos && m->out[k] == SIZE_MAX)
            m->out[k] = b->len;
}

/* Appends text[from, to) on one line: invalid UTF-8 becomes U+FFFD, control
 * characters and runs of white space one space; with m, notes where the
 * mentions' boundaries fall. */
static void add_clean(sg_strbuf *b, const char *text, size_t from, size_t to, marks *m)
{
    const unsigned char *u = (const unsigned char *)text;
    int space = 0;
    size_t i = from, len0 = b->len;
    while (i < to) {
        mark(m, i, b, 0);
        size_t k = utf8_len(u + i, to - i);
        int ws = k == 1 && (u[i] < 0x20 || u[i] == 0x7F || u[i] == ' ');
        /* U+00A0 and U+202F (no-break spaces) are spaces too */
        if (k == 2 && u[i] == 0xC2 && u[i + 1] == 0xA0)
            ws = 1;
        if (k == 3 && u[i] == 0xE2 && u[i + 1] == 0x80 && u[i + 2] == 0xAF)
            ws = 1;
        if (ws) {
            space = 1;
            i += k;
            continue;
        }
        if (space && b->len > len0)
            sg_strbuf_add(b, " ", 1);
        space = 0;
        mark(m, i, b, 1);
        if (k == 0) {
            sg_strbuf_add(b, "\xEF\xBF\xBD", 3);
            i++;
        } else {
            sg_strbuf_add(b, text + i, k);
            i += k;
        }
    }
    mark(m, to, b, 0);
}

/* A cut at a character boundary: moves `pos` back to the start of its character. */
static size_t char_start(const char *text, size_t lo, size_t pos)
{
    while (pos > lo && ((unsigned char)text[pos] & 0xC0) == 0x80)
        pos--;
    return pos;
}

/* A cut at a word boundary when one is near (within 20 bytes), else at a character. */
static size_t cut_before(const char *text, size_t lo, size_t pos)
{
    for (size_t k = 0; k < 20 && pos - k > lo; k++)
        if (text[pos - k - 1] == ' ' || text[pos - k - 1] == '\n')
            return pos - k;
    return char_start(text, lo, pos);
}

static size_t cut_after(const char *text, size_t hi, size_t pos)
{
    for (size_t k = 0; k < 20 && pos + k < hi; k++)
        if (text[pos + k] == ' ' || text[pos + k] == '\n')
            return pos + k;
    return char_start(text, 0, pos);
}

/* text[from, to) with "… " before and " …" after when it is cut from its unit. */
static void add_piece(sg_strbuf *b, const sg_cooccurrence *c, size_t from, size_t to, marks *m)
{
    if (from > c->start)
        sg_strbuf_add(b, "\xE2\x80\xA6 ", 4);
    add_clean(b, c->text, from, to, m);
    if (to < c->end)
        sg_strbuf_add(b, " \xE2\x80\xA6", 4);
}

/* The two mentions of c, in the order of the text (a mention inside the
 * other, or overlapping it, one span: the second then empty, at its end). */
static void spans(const sg_cooccurrence *c, size_t at[4])
{
    size_t lo = c->source_start < c->target_start ? c->source_start : c->target_start;
    size_t hi = c->source_end > c->target_end ? c->source_end : c->target_end;
    at[0] = lo;
    at[1] = lo == c->source_start ? c->source_end : c->target_end;
    at[2] = lo == c->source_start ? c->target_start : c->source_start;
    at[3] = hi;
    if (at[2] < at[1]) {
        at[1] = hi;
        at[2] = at[3] = hi;
    }
}

static void snippet(sg_strbuf *b, const sg_cooccurrence *c, size_t max, marks *m)
{
    size_t lo = c->source_start < c->target_start ? c->source_start : c->target_start;
    size_t hi = c->source_end > c->target_end ? c->source_end : c->target_end;
    if (c->end - c->start <= max) {
        add_clean(b, c->text, c->start, c->end, m);
        return;
    }
    if (hi - lo + 40 <= max) {
        /* one window around both mentions */
        size_t ctx = (max - (hi - lo)) / 2;
        size_t from = lo - c->start > ctx ? cut_before(c->text, c->start, lo - ctx) : c->start;
        size_t to = c->end - hi > ctx ? cut_after(c->text, c->end, hi + ctx) : c->end;
        add_piece(b, c, from, to, m);
        return;
    }
    /* the mentions are far apart: a window around each (a mention inside
     * the other is one span) */
    size_t ctx = max / 4, at[4];
    spans(c, at);
    size_t fs = at[0], fe = at[1], ss = at[2], se = at[3];
    size_t from1 = fs - c->start > ctx ? cut_before(c->text, c->start, fs - ctx) : c->start;
    size_t to1 = ss - fe > ctx ? cut_after(c->text, ss, fe + ctx) : ss;
    size_t from2 = ss - to1 > ctx ? cut_before(c->text, to1, ss - ctx) : to1;
    size_t to2 = c->end - se > ctx ? cut_after(c->text, c->end, se + ctx) : c->end;
    if (from2 <= to1) {
        add_piece(b, c, from1, to2, m);
        return;
    }
    sg_cooccurrence first = *c, second = *c;
    first.end = to2; /* "…" after the first piece: the second follows */
    add_piece(b, &first, from1, to1, m);
    second.start = from2; /* no "…" before the second: the first ends with one */
    sg_strbuf_add(b, " ", 1);
    add_piece(b, &second, from2, to2, m);
}

/* A TSV field: tabs and line breaks become spaces. */
static void add_field(sg_strbuf *b, const char *s)
{
    add_clean(b, s, 0, strlen(s), NULL);
}

static void add_num(sg_strbuf *b, size_t v)
{
    char num[32];
    int n = snprintf(num, sizeof(num), "\t%zu", v);
    sg_strbuf_add(b, num, (size_t)n);
}

static char *clean_copy(const char *s, size_t n)
{
    sg_strbuf t = {0};
    add_clean(&t, s, 0, n, NULL);
    if (t.failed) {
        free(t.s);
        return NULL;
    }
    return t.s ? t.s : strdup("");
}

const char *sg_evidence_header(sg_evidence_format f)
{
    return f == SG_EVIDENCE_TSV ? "source\ttarget\tdoc\tstart\tend\tsource_start\tsource_end\t"
                                  "target_start\ttarget_end\tsnippet\n"
                                : "";
}

char *sg_evidence_snippet(const sg_cooccurrence *c, size_t max)
{
    sg_strbuf b = {0};
    snippet(&b, c, max, NULL);
    if (b.failed) {
        free(b.s);
        return NULL;
    }
    return b.s ? b.s : sg_strdup("");
}

char *sg_evidence_snippet_marked(const sg_cooccurrence *c, size_t max, size_t out[4])
{
    marks m;
    spans(c, m.at);
    for (int k = 0; k < 4; k++)
        m.out[k] = SIZE_MAX;
    sg_strbuf b = {0};
    snippet(&b, c, max, &m);
    if (b.failed) {
        free(b.s);
        return NULL;
    }
    for (int k = 0; k < 4; k++) /* a boundary never reached: kept at the end */
        out[k] = m.out[k] == SIZE_MAX ? b.len : m.out[k];
    for (int k = 1; k < 4; k++)
        out[k] = out[k] < out[k - 1] ? out[k - 1] : out[k];
    return b.s ? b.s : sg_strdup("");
}

static void tsv_row(sg_strbuf *b, const sg_cooccurrence *c)
{
    add_field(b, c->source);
    sg_strbuf_add(b, "\t", 1);
    add_field(b, c->target);
    sg_strbuf_add(b, "\t", 1);
    add_field(b, c->doc);
    add_num(b, c->start);
    add_num(b, c->end);
    add_num(b, c->source_start);
    add_num(b, c->source_end);
    add_num(b, c->target_start);
    add_num(b, c->target_end);
    sg_strbuf_add(b, "\t", 1);
    snippet(b, c, SG_EVIDENCE_SNIPPET_MAX, NULL);
    sg_strbuf_add(b, "\n", 1);
}

static void jsonl_row(sg_strbuf *b, const sg_cooccurrence *c)
{
    char *snip = sg_evidence_snippet(c, SG_EVIDENCE_SNIPPET_MAX);
    char *doc = clean_copy(c->doc, strlen(c->doc));
    char *line = snip && doc ? sg_json_evidence_line(c, doc, snip) : NULL;
    if (line) {
        sg_strbuf_add(b, line, strlen(line));
        sg_strbuf_add(b, "\n", 1);
    } else {
        b->failed = 1;
    }
    free(line);
    free(doc);
    free(snip);
}

int sg_evidence_row(char **buf, size_t *len, size_t *cap, sg_evidence_format f,
                    const sg_cooccurrence *c)
{
    sg_strbuf b = {*buf, *len, *cap, 0};
    if (f == SG_EVIDENCE_TSV) {
        tsv_row(&b, c);
    } else if (f == SG_EVIDENCE_JSONL) {
        jsonl_row(&b, c);
    } else {
        /* "doc:line: the unit" */
        char num[32];
        add_field(&b, c->doc);
        int n = snprintf(num, sizeof(num), ":%zu: ", c->line);
        sg_strbuf_add(&b, num, (size_t)n);
        add_clean(&b, c->text, c->start, c->end, NULL);
        sg_strbuf_add(&b, "\n", 1);
    }
    *buf = b.s;
    *cap = b.cap;
    if (b.failed) {
        if (b.s)
            b.s[*len] = '\0';
        return SG_ERR_NOMEM;
    }
    *len = b.len;
    return 0;
}

sg_evidence_format sg_evidence_format_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot && (!strcmp(dot, ".jsonl") || !strcmp(dot, ".json")) ? SG_EVIDENCE_JSONL
                                                                    : SG_EVIDENCE_TSV;
}

/* Opens a row output and writes its header. */
static int open_rows(sg_output **out, const char *path, const char *header, sg_error *err)
{
    sg_output *o = NULL;
    int rc = sg_output_open(&o, path, err);
    if (rc)
        return rc;
    FILE *f = sg_output_stream(o);
    fputs(header, f);
    if (ferror(f)) {
        rc = sg_error_set(err, SG_ERR_IO, path, 0, -1, "%s", strerror(errno ? errno : EIO));
        sg_output_abort(o);
        return rc;
    }
    *out = o;
    return 0;
}

int sg_evidence_open(sg_output **out, sg_evidence_format *format, const char *path, sg_error *err)
{
    sg_evidence_format f = sg_evidence_format_of(path);
    int rc = open_rows(out, path, sg_evidence_header(f), err);
    if (!rc)
        *format = f;
    return rc;
}

int sg_mentions_open(sg_output **out, const char *path, sg_error *err)
{
    return open_rows(out, path, "doc\tstart\tend\tid\ttype\ttext\tmatch\n", err);
}

/* A TSV field as it is, but tabs and line breaks made spaces. */
static void add_raw_field(sg_strbuf *b, const char *s, size_t n, const char *after)
{
    size_t from = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
            sg_strbuf_add(b, s + from, i - from);
            sg_strbuf_add(b, " ", 1);
            from = i + 1;
        }
    sg_strbuf_add(b, s + from, n - from);
    sg_strbuf_add(b, after, strlen(after));
}

int sg_mention_row(char **buf, size_t *len, size_t *cap, const sg_mention *m)
{
    sg_strbuf b = {*buf, *len, *cap, 0};
    char num[64];
    snprintf(num, sizeof(num), "\t%zu\t%zu\t", m->start, m->end);
    add_raw_field(&b, m->doc, strlen(m->doc), num);
    add_raw_field(&b, m->id, strlen(m->id), "\t");
    add_raw_field(&b, m->type, strlen(m->type), "\t");
    add_raw_field(&b, m->text, m->end - m->start, "\t");
    add_raw_field(&b, m->match, strlen(m->match), "\n");
    *buf = b.s;
    *cap = b.cap;
    if (b.failed) {
        if (b.s)
            b.s[*len] = '\0';
        return SG_ERR_NOMEM;
    }
    *len = b.len;
    return 0;
}
