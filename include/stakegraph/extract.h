/* stakegraph — from documents to mentions and co-occurrence counts (SPEC §4, §5). */
#ifndef STAKEGRAPH_EXTRACT_H
#define STAKEGRAPH_EXTRACT_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "gazetteer.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The text unit inside which two mentions count as co-occurring. */
typedef enum {
    SG_UNIT_SENTENCE = 0,
    SG_UNIT_PARAGRAPH,
    SG_UNIT_DOCUMENT,
    SG_UNIT_WINDOW /* consecutive blocks of `window` word tokens inside a paragraph */
} sg_unit;

/* The ways a name in the text may differ from the gazetteer's spelling and
 * still match it (README "How names are matched"). Each can be turned off
 * for the whole run (sg_extract_options.variants) or for one entry (its
 * `variants` column). */
enum {
    SG_VARIANT_FUNCTION_WORDS = 1u << 0, /* de, des, du, d', la, le, les, l' exchanged, dropped
                                            or added ("Assistance publique des hôpitaux de
                                            Marseille"); the variants below but acronym-forms,
                                            defined and fuzzy are read through it */
    SG_VARIANT_HEADS = 1u << 1,          /* "centre hospitalier (universitaire, intercommunal,
                                            régional)" for "CH", "CHU", "CHI", "CHR" and back */
    SG_VARIANT_INSERTED = 1u << 2,       /* one lower-case word after a generic head ("clinique
                                            marseillaise Bouchard" for "Clinique Bouchard") */
    SG_VARIANT_REGION = 1u << 3,         /* the region dropped ("Agence régionale de santé")
                                            or added after an acronym ("FHF Paca") */
    SG_VARIANT_ACRONYM_FORMS = 1u << 4,  /* AP-HM, APHM, A.P.-H.M., A.P.H.M. */
    SG_VARIANT_DEFINED = 1u << 5,        /* an acronym defined in mixed case ("(Chits)"), then
                                            "le Chits" */
    SG_VARIANT_INTERRUPTED = 1u << 6,    /* a name interrupted by its acronym ("Agence
                                            régionale de santé (ARS) Provence-Alpes-Côte
                                            d'Azur") */
    SG_VARIANT_SHARED_HEADS = 1u << 7,   /* "les hôpitaux Font-Pré et Chalucet" */
    SG_VARIANT_FUZZY = 1u << 8,          /* small misspellings of long names (three words or
                                            more, 15 letters or more); a person's first name
                                            or surname with one slip ("Renaud Muslier");
                                            names with two words glued ("SainteMusse",
                                            "@MicheleRubirola") */
    SG_VARIANT_KNOWN = 1u << 9,          /* an organisation the bundled gazetteer knows
                                            (gazetteers/organisations.tsv, built into the
                                            library) by one of the entry's names: that entry's
                                            other names too ("l'hôpital de Briançon" for the
                                            "Centre hospitalier des Escartons"), as written or
                                            folded only, and never over the entries' own names */
    SG_VARIANT_SHORT_NAMES = 1u << 10,   /* an organisation named in full, then in the same
                                            document by one word of its name that names
                                            nothing else ("Innate" after "Innate Pharma") */
    SG_VARIANT_INITIALS = 1u << 11,      /* a person by the initials of their first names and
                                            their surname ("J.-P. Leleux"): the one person of
                                            the gazetteers they fit */
    SG_VARIANT_PERIPHRASES = 1u << 12,   /* a place by the periphrasis the press writes for it
                                            as a proper noun ("l'Hexagone" for France, "la
                                            Principauté" for Monaco) */
    SG_VARIANT_QUALIFIERS = 1u << 13,    /* a name's qualifier in brackets dropped ("Ehpad La
                                            Pinède" for "Ehpad La Pinède (Sanary-sur-Mer)"),
                                            unless another entry is named or reads so */
    SG_VARIANT_ALL = (1u << 14) - 1
};

/* Parses a list of variant names (above, lower case with '-' for '_':
 * "function-words", "acronym-forms", ...), "all" or "none", separated by
 * commas: a name adds that variant, "-name" removes it; a list that starts
 * with a removal starts from all of them ("-fuzzy" = all but fuzzy).
 * Returns SG_OK or SG_ERR_INVALID (then *mask is unchanged; also for a NULL
 * `mask` or `spec`). */
int sg_variants_parse(unsigned *mask, const char *spec);

/* The name of one variant bit ("fuzzy"), or NULL. Static storage. */
const char *sg_variant_name(unsigned bit);

typedef struct {
    sg_unit unit;
    unsigned window;          /* tokens per window when unit == SG_UNIT_WINDOW (>= 1) */
    int strict;               /* non-zero: invalid UTF-8 in a document is an error, not a warning */
    unsigned max_unit_actors; /* a unit naming more distinct actors than this (a list,
                                 a table) pairs each only with the next ones, in order of
                                 first mention, up to this many in all; 0 = no limit */
    int record_documents;     /* non-zero: keep each document's actors (and metadata)
                                 for sg_extractor_bipartite */
    unsigned variants;        /* SG_VARIANT_* allowed (default SG_VARIANT_ALL) */
    int keep_furniture;       /* non-zero: also match inside credits, bylines and page
                                 furniture ("Photo : X", "Par X Y", "Lire aussi"), which
                                 are left out by default */
} sg_extract_options;

/* Fills `opt` with the defaults: sentence unit, window 20, not strict, at
 * most 50 actors paired together, documents not recorded, every variant,
 * furniture left out. */
void sg_extract_options_init(sg_extract_options *opt);

/* Parses "sentence", "paragraph", "document" or "window:N" into `opt`.
 * Returns SG_OK or SG_ERR_INVALID. */
int sg_extract_options_set_unit(sg_extract_options *opt, const char *spec);

/* Sets one option by its name and its value as text, as the command line
 * and configuration files give them: "unit" (sentence, paragraph, document
 * or window:N), "variants" (sg_variants_parse), "max-unit-actors" (0, or 2
 * and more), and the flags "strict" and "keep-credits" (value ignored).
 * Returns SG_OK, or SG_ERR_INVALID
 * with a message naming the option as the command line does ("invalid
 * --unit 'x' (sentence, paragraph, document or window:N)"; "unknown option
 * '--x'"). String values are kept by pointer: they must outlive `opt`. Uses
 * `opt` alone. */
int sg_extract_options_set(sg_extract_options *opt, const char *name, const char *value,
                           sg_error *err);

/* The unit of `opt` as sg_extract_options_set_unit reads it ("sentence",
 * "window:20"), into buf (NUL-terminated, cut to `size`). */
void sg_extract_options_unit(const sg_extract_options *opt, char *buf, size_t size);

/* The name of a unit, in the singular or (plural != 0) the plural:
 * "sentence", "windows"; "?" for a value out of the enum. Static storage. */
const char *sg_unit_name(sg_unit unit, int plural);

/* One entity mention. Pointers are valid only during the callback. */
typedef struct {
    const char *doc;   /* document name */
    size_t start, end; /* byte offsets into the document as given (end exclusive) */
    const char *id;    /* entity id */
    const char *type;  /* entity type */
    const char *text;  /* the document's bytes [start, end) (not NUL-terminated) */
    const char *match; /* how it matched: "exact" (as a name is written in the
                          gazetteer), "folded" (in other case, accents or
                          typography), "variant" (a SG_VARIANT_* other than the
                          ones below), "acronym" (an acronym form, or one defined
                          in the text), "surname", "fuzzy", "pattern", "known" (a
                          name lent by the bundled gazetteer, SG_VARIANT_KNOWN)
                          or "found" (any reading of an entity found in the
                          corpus, suggest.h's sg_gazetteer_add_found) */
} sg_mention;

/* Non-zero stops the document, of which nothing is counted: the add call
 * returns SG_ERR_IO. */
typedef int (*sg_mention_fn)(const sg_mention *m, void *ctx);

/* The evidence for one unit of an edge's weight: two actors named in one unit
 * of text. Pointers are valid only during the callback. */
typedef struct {
    const char *doc;                 /* document name */
    size_t start, end;               /* the unit's bytes in the document as given (end
                                        exclusive), without its surrounding white space */
    const char *source, *target;     /* the two ids, source < target in byte order (as edges) */
    size_t source_start, source_end; /* the first mention of each in the unit */
    size_t target_start, target_end;
    const char *text; /* the whole document as given, `len` bytes */
    size_t len;
    size_t line; /* the line of the unit's first byte in the document (1-based) */
} sg_cooccurrence;

typedef int (*sg_cooccurrence_fn)(const sg_cooccurrence *c, void *ctx); /* non-zero stops */

/* A document with metadata (from a JSON Lines corpus: date, source, url, ...):
 * the metadata becomes attributes of the document's node in the bipartite
 * graph. Keys are unique; pointers need only be valid during the call. */
typedef struct {
    const char *key, *value;
} sg_meta;

typedef struct {
    const char *name; /* unique in the corpus; NULL = "<document>" */
    const char *text; /* need not be NUL-terminated nor valid UTF-8 */
    size_t len;
    const sg_meta *meta;
    size_t nmeta;
} sg_document;

/* Accumulates mentions and co-occurrences over documents. The caller frees
 * it with sg_extractor_free. It keeps a pointer to `gaz`, which must outlive
 * it and must not be changed while it exists; the options are copied.
 * Threads: one extractor is used by one thread at a time, and its callbacks
 * run in that thread, inside the call that finds what they report. Several
 * threads count with one fork each (sg_extractor_fork), merged at the end. */
typedef struct sg_extractor sg_extractor;

/* Compiles the gazetteer's names and patterns into a matcher. `opt` NULL:
 * the defaults. *out is set only on success. */
int sg_extractor_new(sg_extractor **out, const sg_gazetteer *gaz, const sg_extract_options *opt,
                     sg_error *err);
/* What sg_extractor_new makes, made while the gazetteer loads (sooner: the
 * names are compiled in a second thread as the loading reads them). Begin
 * with the gazetteer `gaz` (empty, or with what it already holds), load it
 * (sg_gazetteer_load_path, sg_gazetteer_load_buffer) in the calling thread,
 * say whether the loading succeeded (sg_extractor_loaded), then end: with
 * `out`, the extractor (what sg_extractor_new would return or report); with
 * `out` NULL, the work is discarded. Between begin and end, `gaz` is only
 * loaded into, by the calling thread; every begin is ended. */
typedef struct sg_extractor_maker sg_extractor_maker;
int sg_extractor_begin(sg_extractor_maker **out, sg_gazetteer *gaz, const sg_extract_options *opt,
                       sg_error *err);
void sg_extractor_loaded(sg_extractor_maker *mk, int ok);
int sg_extractor_end(sg_extractor_maker *mk, sg_extractor **out, sg_error *err);

/* Frees the extractor, its counts and its matcher; NULL-safe. Its forks
 * share that matcher: free them first. */
void sg_extractor_free(sg_extractor *ex);

/* Several threads: a fork shares the compiled matcher of `parent` (which must
 * outlive it and is not changed by it) and has counts of its own, so that
 * each thread adds its documents to its own fork; the forks are then merged
 * into one extractor. The matcher is only read while counting: the parent
 * and its forks may count at the same time, each in its own thread. The
 * caller frees the fork (sg_extractor_free) before the parent. Callbacks are
 * not inherited. */
int sg_extractor_fork(sg_extractor **out, const sg_extractor *parent, sg_error *err);

/* Moves everything `from` has counted into `into`: both were made for the
 * same gazetteer and options and saw different documents. The result is the
 * same as if `into` had seen all the documents; `from` is left with no counts
 * (and can go on counting other documents); its recorded documents move to
 * `into`. After a failure (out of memory, sums over 2^63) free both. */
int sg_extractor_merge(sg_extractor *into, sg_extractor *from, sg_error *err);

/* Partial counts for one shard of a corpus (SPEC §13): a text file (UTF-8,
 * tab-separated lines, in any order) holding the documents and units seen,
 * every mentioned entity's mentions, documents and units, and every pair's
 * weight and documents, under a header naming the options and a fingerprint
 * of the gazetteer. Written sorted, so the same shard gives the same bytes.
 * Only reads `ex`; `f` stays open. */
int sg_extractor_write_counts(const sg_extractor *ex, FILE *f, sg_error *err);

/* Adds a counts file (or several concatenated, or their lines in any order,
 * as a sort step leaves them) to `ex`. `name` names the input in errors.
 * Every header must name `ex`'s gazetteer and options; an extractor that has
 * counted nothing yet takes the unit and --max-unit-actors of the first
 * header. Counts are decimal integers up to 2^63-1; every line ends with a
 * line break (a last line without one is a file cut short: refused); each
 * shard has one header, one documents and one units line. A malformed line is
 * an error naming its line number. On error `ex` is unchanged (unless sums
 * overflow 2^63-1 when added to the counts read before: SG_ERR_LIMIT, free
 * it). The caller closes `f`. */
int sg_extractor_read_counts(sg_extractor *ex, const char *name, FILE *f, sg_error *err);

/* Adds the counts files at paths[0, n) ("-": standard input) with
 * sg_extractor_read_counts, each file once: a file named twice (under one
 * name or two: the same device and inode), or standard input twice, is read
 * the first time and reported to `on_same` (when not NULL) with the path it
 * was first read as. A file that cannot be opened is an error naming it; an
 * overflow of the sums (SG_ERR_LIMIT) names the files read before. */
typedef void (*sg_same_file_fn)(const char *path, const char *first, void *ctx);
int sg_extractor_read_counts_paths(sg_extractor *ex, const char *const *paths, size_t n,
                                   sg_same_file_fn on_same, void *ctx, sg_error *err);

/* Networks hold an edge's weight and an actor's units as doubles, exact up
 * to 2^53; counts (and counts files) hold 64-bit integers. Returns 0 when
 * every weight and units count of `ex` is at most SG_NETWORK_COUNT_MAX, else
 * SG_ERR_LIMIT naming a pair or actor over it (its network would be rounded:
 * write the counts instead). Only reads `ex`. */
#define SG_NETWORK_COUNT_MAX 9007199254740992LL /* 2^53 */
int sg_extractor_check_network(const sg_extractor *ex, sg_error *err);

/* Optional callbacks: every mention found (in document order), and warnings
 * (invalid UTF-8 replaced, empty document). The extractor keeps `fn` and
 * `ctx` (still the caller's) until they are set again; a NULL `fn` turns the
 * callback off. */
void sg_extractor_on_mention(sg_extractor *ex, sg_mention_fn fn, void *ctx);
void sg_extractor_on_warning(sg_extractor *ex, sg_warning_fn fn, void *ctx);
/* Every pair counted, unit by unit (in document order; in a unit, in the
 * order the pairs are counted). A failing callback stops the document with
 * SG_ERR_IO; the counts may then hold part of it. */
void sg_extractor_on_cooccurrence(sg_extractor *ex, sg_cooccurrence_fn fn, void *ctx);

/* Processes one document: `text` need not be NUL-terminated nor valid UTF-8.
 * `name` (NULL: "<document>") and `text` are only read during the call (the
 * name is copied when documents are recorded). On a decoding, pattern or
 * callback failure nothing of the document is counted; after SG_ERR_NOMEM
 * the counts may hold part of it (free the extractor). */
int sg_extractor_add(sg_extractor *ex, const char *name, const char *text, size_t len,
                     sg_error *err);

/* The entity `name` names, as its index in the extractor's gazetteer: an
 * id, else a name the extractor matches as a whole ("AP-HM", "Thierry
 * Schifano"); -1 when it names none (or memory runs out). Only reads `ex`
 * (a fork does the matching; its callbacks are not called). */
long sg_extractor_find_actor(const sg_extractor *ex, const char *name);

/* The same, with metadata (copied when documents are recorded). */
int sg_extractor_add_document(sg_extractor *ex, const sg_document *doc, sg_error *err);

/* Number of documents added so far. */
size_t sg_extractor_documents(const sg_extractor *ex);

/* Builds the co-occurrence network of everything added so far, keeping edges
 * whose weight is >= min_weight (nodes are kept even when isolated). The
 * graph owns copies of everything it needs (it does not depend on `ex` or
 * the gazetteer); the caller frees it with sg_graph_free. Counts past
 * SG_NETWORK_COUNT_MAX are refused (sg_extractor_check_network). Only reads
 * `ex`. */
int sg_extractor_graph(sg_graph **out, const sg_extractor *ex, double min_weight, sg_error *err);

/* The actor-document graph (SPEC §11) of everything added so far; needs
 * `record_documents` in the options (else SG_ERR_INVALID). Nodes: the actors
 * mentioned (as in sg_extractor_graph, type from the gazetteer) and one node
 * per document, id "doc:NAME", type "document", label its "title" metadata
 * or else its name, its metadata as attributes; a numeric column `bipartite`
 * is 0 for actors and 1 for documents (networkx's convention). An edge joins
 * an actor and a document that mentions it, weight = mentions in that
 * document. Documents of the same name are one node. Ownership, threads: as
 * sg_extractor_graph. */
int sg_extractor_bipartite(sg_graph **out, const sg_extractor *ex, sg_error *err);

#ifdef __cplusplus
}
#endif
#endif
