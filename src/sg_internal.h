/* Private declarations shared by the library's modules. Never installed. */
#ifndef SG_INTERNAL_H
#define SG_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "stakegraph/error.h"
#include "stakegraph/extract.h"

#if defined(__GNUC__)
#define SG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define SG_PRINTF(a, b)
/* One evidence row as compact JSON (export_json.c, jansson's adapter), with
 * `doc` and `snippet` already made valid UTF-8; malloc'd, NULL when out of
 * memory. */
char *sg_json_evidence_line(const sg_cooccurrence *c, const char *doc, const char *snippet);

/* A snippet of c's unit as sg_evidence_snippet makes it, with where its two
 * mentions fall in it: spans[0, 2) the first in the text, spans[2, 4) the
 * second (empty when it is inside the first), byte offsets in the snippet
 * (evidence.c). NULL when out of memory. */
char *sg_evidence_snippet_marked(const sg_cooccurrence *c, size_t max, size_t spans[4]);

#endif

/* FNV-1a, the hash of every table keyed by text: h (SG_FNV_SEED to start)
 * extended by n bytes. */
#define SG_FNV_SEED 0xCBF29CE484222325ULL
static inline uint64_t sg_fnv1a(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001B3ULL;
    return h;
}

/* Fills `err` (if not NULL) and returns `code`. `file` may be NULL; `line` 0 and
 * `offset` -1 mean "not relevant". */
int sg_error_set(sg_error *err, int code, const char *file, long line, long long offset,
                 const char *fmt, ...) SG_PRINTF(6, 7);

/* Overflow-checked allocation helpers: NULL on overflow or exhaustion. A
 * block of 1.5 MiB or more from sg_alloc_array and sg_calloc_array (zeroed)
 * is in transparent huge pages where the kernel gives them, its size
 * rounded up to whole ones; sg_realloc_array and sg_grow ask for the huge
 * pages inside their blocks (error.c). All are freed with free. */
void *sg_alloc_array(size_t n, size_t size);
void *sg_calloc_array(size_t n, size_t size);
/* Asks for the whole 2 MiB pages inside [p, p + bytes) as huge pages. */
void sg_huge_advise(void *p, size_t bytes);
void *sg_realloc_array(void *p, size_t n, size_t size);
/* Grows *p (an array of *cap elements of `size` bytes) to hold at least `need`. */
int sg_grow_to(void **p, size_t *cap, size_t need, size_t size);

/* The same, with the test that there is room already inline: most calls
 * find room (about a million while a 100,000-entry gazetteer's matcher is
 * made: 19M instructions when each was a call). */
static inline int sg_grow(void **p, size_t *cap, size_t need, size_t size)
{
    return need <= *cap ? 0 : sg_grow_to(p, cap, need, size);
}

/* Reads the file at `path` whole into *out (malloc'd, NUL-terminated, caller
 * frees), its length in *len. Returns 0, SG_ERR_IO (errno says why, *step
 * "open" or "read" says where) or SG_ERR_NOMEM (file.c). */
int sg_read_file(const char *path, char **out, size_t *len, const char **step);
/* A growing NUL-terminated string; `failed` once an allocation failed (then
 * adding does nothing). Start from {0}; the owner frees s. */
typedef struct {
    char *s;
    size_t len, cap;
    int failed;
} sg_strbuf;
void sg_strbuf_add(sg_strbuf *b, const char *s, size_t n);

char *sg_strndup(const char *s, size_t n);
char *sg_strdup(const char *s);
/* Fills order[0, n) with 0..n-1 sorted by the byte order of strs[i] (stable
 * for equal strings). Returns 0 or SG_ERR_NOMEM. */
int sg_order_strings(size_t *order, const char *const *strs, size_t n);

/* The colour pictures give nodes of `type` when colouring by type (render.c),
 * for the formats that carry a colour (GEXF). */
void sg_type_colour(const char *type, unsigned char rgb[3]);

/* A copy of `s` (caller frees) with every invalid UTF-8 sequence replaced by
 * U+FFFD, for the text formats whose readers refuse invalid UTF-8 (JSON, CSV);
 * NULL on exhaustion. */
char *sg_utf8_clean(const char *s);

/* One evidence row as compact JSON (export_json.c, jansson's adapter), with
 * `doc` and `snippet` already made valid UTF-8; malloc'd, NULL when out of
 * memory. */
char *sg_json_evidence_line(const sg_cooccurrence *c, const char *doc, const char *snippet);

/* A snippet of c's unit as sg_evidence_snippet makes it, with where its two
 * mentions fall in it: spans[0, 2) the first in the text, spans[2, 4) the
 * second (empty when it is inside the first), byte offsets in the snippet
 * (evidence.c). NULL when out of memory. */
char *sg_evidence_snippet_marked(const sg_cooccurrence *c, size_t max, size_t spans[4]);

/* A kind of body's acronym, folded, a hospital's head or another kind
 * ("msp", "cpts", "ifsi", "ehpad", "ght"...): its long form in brackets
 * defines the kind, not the one organisation whose name starts with it; the
 * name after it is one body's ("la MSP Centifolia"). (variants.c) */
int sg_kind_acronym(const char *t, size_t n);

/* Is folded acronym acr[0, an) a kind's whose long forms all start with
 * another word than the folded long form lf[0, ln), in the singular or the
 * plural ("MSP" is a maison de santé pluriprofessionnelle's: "Mutuelle des
 * services publics (MSP)" names a body; "CHU de Nice" starts with the
 * acronym, the kind's)? 0 for an acronym of no known kind. (variants.c) */
int sg_kind_acronym_other(const char *acr, size_t an, const char *lf, size_t ln);

/* A trade union of the health sector by its short name, folded ("cgt",
 * "cfdt", "fo", "sud", "unsa", "cftc", "cfe cgc"). (variants_heads.c) */
int sg_union_acronym(const char *t, size_t n);

/* A point of the compass, folded ("nord", "est"; "centre"), as the last word
 * of an area's or a site's name: "la CPTS Var Ouest", "l'hôpital Nord".
 * (variants.c) */
int sg_compass_point(const char *t, size_t n);

/* Whether `w` (folded) is a common French first name; a compound ("jean
 * paul", from Jean-Paul) is one when each part is. sg_first_name_word asks
 * it of one word w[0, n), not NUL-terminated. (firstnames.c) */
int sg_first_name(const char *w);
int sg_first_name_word(const char *w, size_t n);

/* Whether the folded word w[0, n) is a particle of surnames ("le", "da",
 * "van", "ben"...): the one list the suggester and the glued readings ask.
 * (firstnames.c) */
int sg_surname_particle(const char *w, size_t n);

/* The kind of way the folded word t[0, n) names, 0 for none: a street's
 * noun ("rue", "avenue", "bd", "quai"...), one that is a common word too
 * ("cours", "traverse": "le cours de Jean Dupont" is a lecture), a road's
 * ("route", "chemin": the way to a town as much as a street's name), a
 * square's ("place", "square") or a walk's ("promenade": "la promenade de
 * Menton à Sospel"). The one list the rules and the suggester ask; each
 * takes the kinds it means. (ways.c) */
enum { SG_WAY_STREET = 1, SG_WAY_WORD = 2, SG_WAY_ROAD = 4, SG_WAY_SQUARE = 8, SG_WAY_WALK = 16 };
unsigned sg_way_noun(const char *t, size_t n);

/* The length of the blank that ends at byte k of the text s (as written): a
 * space, a no-break space (U+00A0) or a narrow one (U+202F, French
 * typography's before » and : ); 0 for none. */
static inline size_t sg_blank_before(const char *s, size_t k)
{
    const unsigned char *u = (const unsigned char *)s;
    if (k >= 1 && u[k - 1] == ' ')
        return 1;
    if (k >= 2 && u[k - 2] == 0xC2 && u[k - 1] == 0xA0)
        return 2;
    return k >= 3 && u[k - 3] == 0xE2 && u[k - 2] == 0x80 && u[k - 1] == 0xAF ? 3 : 0;
}

/* Is the folded word t[0, n) one that links a name to its complement or its
 * seat: "de", "d" (elided), "du", "des"? (The one list the rules and the
 * suggester ask.) */
static inline int sg_of_word(const char *t, size_t n)
{
    return n >= 1 && n <= 3 && t[0] == 'd' &&
           (n == 1 || (n == 2 && (t[1] == 'e' || t[1] == 'u')) || (t[1] == 'e' && t[2] == 's'));
}

#endif
