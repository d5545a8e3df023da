/* Reversible folding of text for matching (SPEC §3, §4). */
#ifndef SG_NORMALISE_H
#define SG_NORMALISE_H

#include <stddef.h>
#include <stdint.h>

/* Per folded byte: the character it came from was a letter or digit, an
 * upper-case letter, a lower-case letter. */
enum { SG_F_ALNUM = 1, SG_F_UPPER = 2, SG_F_LOWER = 4 };

/* Folded text: lower case, no diacritics, one apostrophe, dashes and white
 * space runs as one ' ', a paragraph break (a run of white space holding two
 * or more line breaks) as '\n', control characters as '\x1f'. For each folded
 * byte, `src` is the byte offset of the original character it came from and
 * `flags` its SG_F_* class. `src[len]` is the original length. */
typedef struct {
    char *text;
    uint32_t *src;
    unsigned char *flags;
    size_t len, cap;
    size_t invalid;          /* number of invalid UTF-8 sequences seen */
    long long first_invalid; /* offset of the first one, or -1 */
} sg_folded;

/* Is the word at folded offset p right after the noun of a natural area or
 * a territory and "de" ("la plaine du Var", "le golfe de Saint-Tropez", "le
 * pays d'Arles", "la vallée de la Roya")? A place there is part of the
 * area's name: the matcher drops it, suggest proposes no name there.
 * (dropped.c) */
int sg_area_before(const sg_folded *f, size_t p);

/* Is the folded word t[0, n) such a noun ("pays", "golfe", "vallee")? */
int sg_area_noun(const char *t, size_t n);

/* Folds s[start, len) (start skips a BOM). Reuses the buffers of `f`; past
 * the folded text, text[len] is '\0' and flags[len] 0 (a word's letters end
 * there). Returns 0 or SG_ERR_NOMEM / SG_ERR_LIMIT (input over 4 GiB). */
int sg_fold(sg_folded *f, const char *s, size_t len, size_t start);
void sg_folded_free(sg_folded *f);

/* Folds a name (alias, surname) into a NUL-terminated string with its flags.
 * Caller frees *text and *flags. */
int sg_fold_name(char **text, unsigned char **flags, size_t *len, const char *s, size_t n);

/* The same without allocating: the result points into `scratch` (reused from
 * one name to the next; free it with sg_folded_free) and is valid until its
 * next use. */
int sg_fold_name_in(sg_folded *scratch, const char *s, size_t n, const char **text,
                    const unsigned char **flags, size_t *len);

/* Original byte offset where the character of the last folded byte before
 * `fend` ends, extended over trailing combining marks. */
size_t sg_folded_orig_end(const sg_folded *f, const char *s, size_t slen, size_t fend);

/* Index of the first folded byte whose source offset is >= `orig`. */
size_t sg_folded_from_orig(const sg_folded *f, size_t orig);

/* Unicode classes used by several modules (no tables of our own: utf8proc). */
int sg_is_space(uint32_t cp);
int sg_is_alnum(uint32_t cp);
int sg_is_upper(uint32_t cp);

#endif
