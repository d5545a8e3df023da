/* Credits, bylines and page furniture (furniture.c): the lines and line ends
 * of a press page that are not sentences of the article ("Photo : X", "—
 * Crédit : X", "© X", "Par Jean Dupont", "Publié le ...", "Lire aussi : ...",
 * a newspaper's header). One rule for the extractor, which drops the
 * mentions that start inside them (sg_furniture_filter), and for the
 * suggester, which reads no name there (suggest_scan.c). */
#ifndef SG_FURNITURE_H
#define SG_FURNITURE_H

#include <stddef.h>

#include "match.h"

/* [s, e): original bytes of the document. */
typedef struct {
    size_t s, e;
} sg_furniture_span;

typedef struct {
    sg_furniture_span *v;
    size_t n, cap;
} sg_furniture;

/* The furniture of the text [s, s + len) in `out` (its previous spans
 * replaced; its buffer reused): sorted by start, disjoint. The text is read
 * line by line on its original bytes. 0 or SG_ERR_NOMEM (out->n is then 0).
 * Reentrant: `out` is the only state. */
int sg_furniture_spans(sg_furniture *out, const char *s, size_t len);

/* Frees the spans' buffer; NULL-safe. */
void sg_furniture_free(sg_furniture *f);

/* Drops the hits (of the folded text `f` of s[0, slen)) that start inside
 * the furniture. Returns 0 (the walk allocates nothing). */
int sg_furniture_filter(const sg_folded *f, const char *s, size_t slen, sg_hits *hits);

#endif
