/* CSV tables for pandas and R (SPEC §11): RFC 4180 (comma separated, a field
 * quoted when it holds a comma, a quote, CR or LF, quotes doubled), UTF-8
 * without a byte-order mark, a header line, "\n" line ends. An empty cell is
 * an absent value (a gazetteer column left empty for that actor).
 *
 * Header names never repeat (pandas would read a second "type" as "type.1",
 * R as "type.1" too): a gazetteer column or a numeric column named like one
 * of the fixed columns (nodes: id, label, type, mentions, documents; edges:
 * source, target, weight, documents, first_documents) is left out, and so is
 * a gazetteer column that a numeric column of the same name replaces. These
 * are the GraphML writer's rules, so that both files carry the same values.
 *
 * Formula injection (OWASP): a spreadsheet opening the file runs a text cell
 * that starts with '=', '+', '-', '@', a tab or a CR (`=HYPERLINK(...)` in a
 * label or a document name). Such a cell is written quoted with a leading
 * single quote, "'=HYPERLINK(...)", which the spreadsheet shows as text. The
 * numbers the writer formats itself (counts, weights, numeric columns) are
 * left alone, and so is a text cell that is a plain negative number ("-12.5":
 * a spreadsheet reads a number, pandas a float). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "sg_internal.h"
#include "stakegraph/export.h"
#include "xmlesc.h"

static const char *const node_fixed[] = {"id", "label", "type", "mentions", "documents", NULL};
static const char *const edge_fixed[] = {"source",    "target",          "weight",
                                         "documents", "first_documents", NULL};

static int is_fixed(sg_domain d, const char *name)
{
    return sg_name_listed(d == SG_NODES ? node_fixed : edge_fixed, name);
}

static int attr_written(const sg_graph *g, size_t a)
{
    return sg_attr_written(g, a, node_fixed);
}

/* A field holding `s` must be quoted. A multi-byte UTF-8 sequence holds no
 * ASCII byte, so the test can look at bytes. */
static int needs_quotes(const char *s)
{
    return strpbrk(s, ",\"\r\n") != NULL;
}

/* Is `s` "-" digits, maybe "." digits: a number, not a formula? */
static int plain_negative(const char *s)
{
    size_t i = 1, digits = strspn(s + i, "0123456789");
    if (!digits)
        return 0;
    i += digits;
    if (s[i] == '.') {
        digits = strspn(s + i + 1, "0123456789");
        if (!digits)
            return 0;
        i += 1 + digits;
    }
    return s[i] == '\0';
}

/* Would a spreadsheet take a cell starting so for a formula? */
static int formula_like(const char *s)
{
    return s[0] && strchr("=+-@\t\r", s[0]) && !(s[0] == '-' && plain_negative(s));
}

/* The inside of a field: quotes doubled (harmless outside quotes: a field
 * with a quote is always quoted); invalid UTF-8, which pandas refuses to
 * decode, becomes U+FFFD. */
static void text_body(FILE *f, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = strlen(s), i = 0;
    while (i < len) {
        size_t run = i;
        while (run < len && u[run] < 0x80 && u[run] != '"')
            run++;
        fwrite(s + i, 1, run - i, f);
        i = run;
        if (i >= len)
            break;
        if (u[i] == '"') {
            fputs("\"\"", f);
            i++;
            continue;
        }
        size_t at = i;
        int bad = 0;
        sg_utf8_next(u, len, &i, &bad);
        if (bad)
            fputs("\xEF\xBF\xBD", f);
        else
            fwrite(s + at, 1, i - at, f);
    }
}

static void text(FILE *f, const char *s)
{
    int formula = formula_like(s), quoted = formula || needs_quotes(s);
    if (quoted)
        fputc('"', f);
    if (formula)
        fputc('\'', f);
    text_body(f, s);
    if (quoted)
        fputc('"', f);
}

/* The first documents of edge `e` as one field, the names joined by " | ". */
static void first_documents(const sg_graph *g, size_t e, FILE *f)
{
    const char *const *names;
    size_t k = sg_graph_edge_first_documents(g, e, &names);
    int formula = k > 0 && formula_like(names[0]), quoted = formula;
    for (size_t j = 0; j < k; j++)
        quoted |= needs_quotes(names[j]);
    if (quoted)
        fputc('"', f);
    if (formula) /* only the start of the cell matters */
        fputc('\'', f);
    for (size_t j = 0; j < k; j++) {
        if (j)
            fputs(SG_FIRST_DOCUMENTS_SEP, f);
        text_body(f, names[j]);
    }
    if (quoted)
        fputc('"', f);
}

static void number(FILE *f, double v, int is_int)
{
    char num[64];
    sg_format_column_value(num, sizeof(num), v, is_int);
    fputs(num, f);
}

static void columns_header(const sg_graph *g, sg_domain d, FILE *f)
{
    for (size_t c = 0; c < sg_graph_column_count(g, d); c++) {
        const char *name = sg_graph_column_name(g, d, c);
        if (is_fixed(d, name))
            continue;
        fputc(',', f);
        text(f, name);
    }
}

static void columns_row(const sg_graph *g, sg_domain d, size_t i, FILE *f)
{
    for (size_t c = 0; c < sg_graph_column_count(g, d); c++) {
        if (is_fixed(d, sg_graph_column_name(g, d, c)))
            continue;
        fputc(',', f);
        number(f, sg_graph_column_value(g, d, c, i), sg_graph_column_is_int(g, d, c));
    }
}

static int finish(FILE *f, sg_error *err)
{
    if (ferror(f) || fflush(f) != 0)
        return sg_error_set(err, SG_ERR_IO, NULL, 0, -1, "cannot write: %s",
                            strerror(errno ? errno : EIO));
    return 0;
}

int sg_export_csv_nodes(const sg_graph *g, FILE *f, sg_error *err)
{
    size_t nattr = sg_graph_attr_count(g);
    unsigned char *written = calloc(nattr + 1, 1);
    if (!written)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    for (size_t a = 0; a < nattr; a++)
        written[a] = (unsigned char)attr_written(g, a);
    fputs("id,label,type,mentions,documents", f);
    for (size_t a = 0; a < nattr; a++)
        if (written[a]) {
            fputc(',', f);
            text(f, sg_graph_attr_name(g, a));
        }
    columns_header(g, SG_NODES, f);
    fputc('\n', f);
    for (size_t i = 0; i < sg_graph_node_count(g) && !ferror(f); i++) {
        text(f, sg_graph_node_id(g, i));
        fputc(',', f);
        text(f, sg_graph_node_label(g, i));
        fputc(',', f);
        text(f, sg_graph_node_type(g, i));
        fprintf(f, ",%ld,%ld", sg_graph_node_mentions(g, i), sg_graph_node_documents(g, i));
        for (size_t a = 0; a < nattr; a++) {
            if (!written[a])
                continue;
            const char *v = sg_graph_node_attr(g, i, a);
            fputc(',', f);
            if (v)
                text(f, v);
        }
        columns_row(g, SG_NODES, i, f);
        fputc('\n', f);
    }
    free(written);
    return finish(f, err);
}

int sg_export_csv_edges(const sg_graph *g, FILE *f, sg_error *err)
{
    fputs("source,target,weight,documents,first_documents", f);
    columns_header(g, SG_EDGES, f);
    fputc('\n', f);
    for (size_t e = 0; e < sg_graph_edge_count(g) && !ferror(f); e++) {
        size_t s, t;
        double w;
        long docs;
        char num[64];
        sg_graph_edge(g, e, &s, &t, &w, &docs);
        text(f, sg_graph_node_id(g, s));
        fputc(',', f);
        text(f, sg_graph_node_id(g, t));
        sg_format_double(num, sizeof(num), w);
        fprintf(f, ",%s,%ld,", num, docs);
        first_documents(g, e, f);
        columns_row(g, SG_EDGES, e, f);
        fputc('\n', f);
    }
    return finish(f, err);
}
