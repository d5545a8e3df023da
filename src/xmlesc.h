/* Writing text safely into XML and DOT. */
#ifndef SG_XMLESC_H
#define SG_XMLESC_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "sg_internal.h"
#include "stakegraph/graph.h"

/* Writes `s` escaped for XML text and attribute values: & < > " ' as
 * entities; characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE,
 * U+FFFF) and invalid UTF-8 become U+FFFD. */
void sg_xml_write(FILE *f, const char *s);

/* A buffer in front of a FILE for the writers of large files: a GraphML's
 * fields gathered and written a buffer at a time, where a stdio call a field
 * (a lock taken and released each, once the run has had threads) was a
 * third of the writing. `mem` (cap bytes, at least 64) is the caller's.
 * With `f` NULL the bytes stay in memory: `mem` (NULL, or cap bytes from
 * malloc) is grown to hold them all, and p, n and cap are then the block,
 * its length and its size, the caller's to keep or free; `failed` says that
 * memory ran out (bytes were lost). */
typedef struct {
    FILE *f;
    char *p;
    size_t n, cap;
    int failed;
} sg_wbuf;

void sg_wbuf_init(sg_wbuf *w, FILE *f, char *mem, size_t cap);
void sg_wbuf_write(sg_wbuf *w, const char *s, size_t n);
void sg_wbuf_flush(sg_wbuf *w);

static inline void sg_wbuf_puts(sg_wbuf *w, const char *s)
{
    sg_wbuf_write(w, s, strlen(s));
}

/* sg_xml_write into a buffer. */
void sg_xml_put(sg_wbuf *w, const char *s);

/* Returns a copy of `s` (caller frees) made safe for a Graphviz string:
 * invalid UTF-8 and control characters replaced by U+FFFD (line breaks by a
 * space), and every '\' doubled, because cgraph escapes only '"'. */
char *sg_dot_clean(const char *s);

/* The same for a node id, which must stay apart from every other: tabs and
 * line breaks are kept (inside a quoted DOT string they are read back as
 * they are), so that "a<TAB>b" and "a b" remain two nodes. */
char *sg_dot_clean_id(const char *s);

/* Formats a finite double in the C locale whatever the process locale
 * ("3", "0.25", "1e-05"); non-finite and subnormal values become "0". */
void sg_format_double(char *buf, size_t size, double v);

/* Numbers in the C locale whatever the embedding program set (a Python
 * notebook's setlocale(LC_ALL, "fr_FR.UTF-8") makes printf write "0,25" and
 * Graphviz read "232,82,63,16!" as a place): the writers' only rule for it.
 *
 * sg_snprintf_c formats like snprintf with the C locale for this call only
 * (for numbers: the other categories are C too). */
int sg_snprintf_c(char *buf, size_t size, const char *fmt, ...) SG_PRINTF(3, 4);
int sg_vsnprintf_c(char *buf, size_t size, const char *fmt, va_list ap);

/* Graphviz reads and writes the attributes' numbers in the locale of the
 * calling thread: sg_c_numeric_enter makes this thread's LC_NUMERIC "C"
 * (its other categories unchanged) until sg_c_numeric_leave, given what
 * enter returned. Both are no-ops when the locale cannot be made. */
typedef struct {
    void *previous, *made; /* locale_t */
} sg_c_numeric;
sg_c_numeric sg_c_numeric_enter(void);
void sg_c_numeric_leave(sg_c_numeric saved);

/* 2^63: integer columns with a value of this size or more are written as
 * doubles, as no 64-bit integer holds them. */
#define SG_INT64_LIMIT 9223372036854775808.0

/* Formats a column value: an integer ("%lld") for an integer column whose
 * value fits in 64 bits, else as sg_format_double. */
void sg_format_column_value(char *buf, size_t size, double v, int is_int);

/* Shared by the writers (GraphML, GEXF, JSON, CSV), each with its own list of
 * the names every node or edge already has. */

/* Whether `name` is in the NULL-terminated `list`. */
int sg_name_listed(const char *const *list, const char *name);

/* Gazetteer attribute `a` is written unless its name is one of `fixed` or a
 * numeric node column is written under it (fresher: computed by this run). */
int sg_attr_written(const sg_graph *g, size_t a, const char *const *fixed);

/* The integer width a column needs: 32 when every value fits in 32 bits, 64
 * when they fit in 64; 0 for a column of doubles, or an integer column with
 * a value past 64 bits (a foreign file's community 1e300), written as doubles. */
int sg_column_bits(const sg_graph *g, sg_domain d, size_t c);

#endif
