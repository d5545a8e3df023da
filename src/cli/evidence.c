/* Evidence (SPEC §11): for every unit of an edge's weight, the document, the
 * unit's bytes and a snippet with both mentions, as TSV or JSON Lines rows;
 * and explain's readable lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

void buf_add(text_buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

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

/* Appends s[0, n) on one line: invalid UTF-8 becomes U+FFFD, control
 * characters and runs of white space one space. */
static void add_clean(text_buf *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    int space = 0;
    size_t i = 0, len0 = b->len;
    while (i < n) {
        size_t k = utf8_len(u + i, n - i);
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
            buf_add(b, " ", 1);
        space = 0;
        if (k == 0) {
            buf_add(b, "\xEF\xBF\xBD", 3);
            i++;
        } else {
            buf_add(b, s + i, k);
            i += k;
        }
    }
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
static void add_piece(text_buf *b, const sg_cooccurrence *c, size_t from, size_t to)
{
    if (from > c->start)
        buf_add(b, "\xE2\x80\xA6 ", 4);
    add_clean(b, c->text + from, to - from);
    if (to < c->end)
        buf_add(b, " \xE2\x80\xA6", 4);
}

void evidence_snippet(text_buf *b, const sg_cooccurrence *c, size_t max)
{
    size_t lo = c->source_start < c->target_start ? c->source_start : c->target_start;
    size_t hi = c->source_end > c->target_end ? c->source_end : c->target_end;
    if (c->end - c->start <= max) {
        add_clean(b, c->text + c->start, c->end - c->start);
        return;
    }
    if (hi - lo + 40 <= max) {
        /* one window around both mentions */
        size_t ctx = (max - (hi - lo)) / 2;
        size_t from = lo - c->start > ctx ? cut_before(c->text, c->start, lo - ctx) : c->start;
        size_t to = c->end - hi > ctx ? cut_after(c->text, c->end, hi + ctx) : c->end;
        add_piece(b, c, from, to);
        return;
    }
    /* the mentions are far apart: a window around each (a mention inside
     * the other is one span) */
    size_t ctx = max / 4;
    size_t fs = lo, fe = lo == c->source_start ? c->source_end : c->target_end;
    size_t ss = lo == c->source_start ? c->target_start : c->source_start, se = hi;
    if (ss < fe) {
        fe = hi;
        ss = se = hi;
    }
    size_t from1 = fs - c->start > ctx ? cut_before(c->text, c->start, fs - ctx) : c->start;
    size_t to1 = ss - fe > ctx ? cut_after(c->text, ss, fe + ctx) : ss;
    size_t from2 = ss - to1 > ctx ? cut_before(c->text, to1, ss - ctx) : to1;
    size_t to2 = c->end - se > ctx ? cut_after(c->text, c->end, se + ctx) : c->end;
    if (from2 <= to1) {
        add_piece(b, c, from1, to2);
        return;
    }
    sg_cooccurrence first = *c, second = *c;
    first.end = to2; /* "…" after the first piece: the second follows */
    add_piece(b, &first, from1, to1);
    second.start = from2; /* no "…" before the second: the first ends with one */
    buf_add(b, " ", 1);
    add_piece(b, &second, from2, to2);
}

/* A TSV field: tabs and line breaks become spaces. */
static void add_field(text_buf *b, const char *s)
{
    add_clean(b, s, strlen(s));
}

static void add_num(text_buf *b, size_t v)
{
    char num[32];
    int n = snprintf(num, sizeof(num), "\t%zu", v);
    buf_add(b, num, (size_t)n);
}

/* The line number of byte `pos`, counted on from the cursor's last position
 * when it is in the same document and not past `pos` (units come in order),
 * so that a document's rows cost one pass over it. */
static size_t line_of(line_cursor *lc, const char *text, size_t pos)
{
    if (lc->text != text || lc->pos > pos) {
        lc->text = text;
        lc->pos = 0;
        lc->line = 1;
    }
    for (const char *p = text + lc->pos; (p = memchr(p, '\n', pos - (size_t)(p - text))); p++)
        lc->line++;
    lc->pos = pos;
    return lc->line;
}

static char *clean_copy(const char *s, size_t n)
{
    text_buf t = {0};
    add_clean(&t, s, n);
    if (t.failed) {
        free(t.s);
        return NULL;
    }
    return t.s ? t.s : strdup("");
}

enum { SNIPPET_MAX = 300 };

void evidence_row(text_buf *b, evidence_kind kind, const sg_cooccurrence *c, line_cursor *lc)
{
    if (kind == EVIDENCE_TSV) {
        add_field(b, c->source);
        buf_add(b, "\t", 1);
        add_field(b, c->target);
        buf_add(b, "\t", 1);
        add_field(b, c->doc);
        add_num(b, c->start);
        add_num(b, c->end);
        add_num(b, c->source_start);
        add_num(b, c->source_end);
        add_num(b, c->target_start);
        add_num(b, c->target_end);
        buf_add(b, "\t", 1);
        evidence_snippet(b, c, SNIPPET_MAX);
        buf_add(b, "\n", 1);
    } else if (kind == EVIDENCE_JSONL) {
        text_buf snip = {0};
        evidence_snippet(&snip, c, SNIPPET_MAX);
        char *doc = clean_copy(c->doc, strlen(c->doc));
        json_t *o =
            snip.failed || !doc
                ? NULL
                : json_pack("{s:s, s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:s}", "source",
                            c->source, "target", c->target, "doc", doc, "start",
                            (json_int_t)c->start, "end", (json_int_t)c->end, "source_start",
                            (json_int_t)c->source_start, "source_end", (json_int_t)c->source_end,
                            "target_start", (json_int_t)c->target_start, "target_end",
                            (json_int_t)c->target_end, "snippet", snip.s ? snip.s : "");
        char *line = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
        if (line) {
            buf_add(b, line, strlen(line));
            buf_add(b, "\n", 1);
        } else {
            b->failed = 1;
        }
        free(line);
        json_decref(o);
        free(doc);
        free(snip.s);
    } else {
        /* explain: "doc:line: the unit" */
        char num[32];
        add_field(b, c->doc);
        int n = snprintf(num, sizeof(num), ":%zu: ", line_of(lc, c->text, c->start));
        buf_add(b, num, (size_t)n);
        add_clean(b, c->text + c->start, c->end - c->start);
        buf_add(b, "\n", 1);
    }
}
