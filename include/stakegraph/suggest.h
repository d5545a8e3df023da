/* stakegraph — proposing gazetteer rows for the names a corpus has and the
 * gazetteers miss (SPEC §15, README "Suggesting what the gazetteers miss").
 *
 * Typical use: make a suggester for the gazetteers to complete, add every
 * document, then run it to get the rows, best first:
 *
 *     sg_suggester *s;  sg_suggestion_list *rows;
 *     sg_suggester_new(&s, gaz, NULL, &err);
 *     for each document: sg_suggester_add(s, name, text, len, &err);
 *     sg_suggester_run(s, &rows, &err);
 *     ... sg_suggestion_list_get(rows, i) ...
 *     sg_suggestion_list_free(rows);  sg_suggester_free(s);
 *
 * The documents are read with the folding and sentence rules of the
 * extractor (extract.h), and each row's count is the number of mentions an
 * extractor finds once the row is added to the gazetteers. */
#ifndef STAKEGRAPH_SUGGEST_H
#define STAKEGRAPH_SUGGEST_H

#include <stddef.h>

#include "corpus.h"
#include "error.h"
#include "extract.h"
#include "gazetteer.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    unsigned min_count;         /* capitalised sequences found fewer times than this are
                                   left out (>= 1); acronym definitions, acronyms in
                                   capitals and people are kept from 1 */
    int keep_documents;         /* non-zero: the suggester keeps a copy of each document
                                   added, and sg_suggester_run counts the rows on them; 0:
                                   the caller gives every document again with
                                   sg_suggester_recount before the run (less memory) */
    const sg_gazetteer *places; /* places of reference (the communes, departments and
                                   regions of France, say), or NULL: those the
                                   documents name where the gazetteers name nothing
                                   are proposed as "place" rows, with the reference's
                                   label, and its id when no other entity has it;
                                   entries with a guard are left out, and names
                                   that read as something else (a first name, a
                                   part of a person's name). Kept as a pointer: it
                                   must outlive the suggester. */
} sg_suggest_options;

/* Fills `opt` with the defaults: min_count 2, documents kept, no places of
 * reference. */
void sg_suggest_options_init(sg_suggest_options *opt);

/* Sets one option by name, from text (as sg_extract_options_set):
 * "min-count" (1 to 1e9).
 * Returns SG_OK or SG_ERR_INVALID, as that function does. */
int sg_suggest_options_set(sg_suggest_options *opt, const char *name, const char *value,
                           sg_error *err);

/* One proposed gazetteer row. Strings are UTF-8, owned by the list, never
 * NULL ("" when empty), without tab or line break. */
typedef struct {
    const char *id;      /* unique among the rows and the gazetteers' ids:
                            "org:…", "person:…", "place:…" */
    const char *label;   /* the name as the corpus writes it */
    const char *type;    /* "organisation", "person" or "place": a guess */
    const char *aliases; /* other names separated by '|': an acronym and its other
                            long forms; never a person's surname alone */
    const char *surname; /* people: the surname later mentions use ("" otherwise) */
    const char *kind;    /* why it is proposed: "definition", "acronym", "person",
                            "named" (a body named by its head: "la clinique
                            Rosemond"), "sequence", "place" (a place of
                            reference, sg_suggest_options.places) */
    size_t count;        /* mentions an extractor finds with the row added */
    const char *example; /* the sentence of the first of them, on one line, at most
                            about 200 bytes */
} sg_suggestion;

/* The rows of a run, sorted by count (descending), then label, then id. The
 * caller frees it with sg_suggestion_list_free; it depends on neither the
 * suggester nor the gazetteer (either may be freed first). Read-only: any
 * number of threads may read one list at once. */
typedef struct sg_suggestion_list sg_suggestion_list;

/* Number of rows (0 for NULL). */
size_t sg_suggestion_list_count(const sg_suggestion_list *l);
/* Row i (0 <= i < count), owned by the list, valid until it is freed; NULL
 * when i is out of range. */
const sg_suggestion *sg_suggestion_list_get(const sg_suggestion_list *l, size_t i);
/* Frees the list and its rows; NULL-safe. */
void sg_suggestion_list_free(sg_suggestion_list *l);

/* Collects candidates over documents. The caller frees it with
 * sg_suggester_free. One suggester is used by one thread at a time. It keeps
 * a pointer to `gaz`, which must outlive it and must not be changed while it
 * exists; several suggesters may share one gazetteer. The options are
 * copied. */
typedef struct sg_suggester sg_suggester;

/* Makes a suggester for the gazetteers `gaz` (opt NULL: the defaults). *out
 * is set only on success. SG_ERR_INVALID for a min_count of 0. */
int sg_suggester_new(sg_suggester **out, const sg_gazetteer *gaz, const sg_suggest_options *opt,
                     sg_error *err);
/* Frees the suggester; NULL-safe. Lists it returned stay valid. */
void sg_suggester_free(sg_suggester *s);

/* Reads one document for candidates. `text` need not be NUL-terminated nor
 * valid UTF-8 (invalid bytes are read as U+FFFD, as extract does); it is
 * copied when the options keep documents, else only read during the call.
 * SG_ERR_INVALID after the first sg_suggester_recount or the run; SG_ERR_UTF8
 * for UTF-16 text; SG_ERR_NOMEM. */
int sg_suggester_add(sg_suggester *s, const char *name, const char *text, size_t len,
                     sg_error *err);
/* The same for a document with metadata (the metadata is not used). */
int sg_suggester_add_document(sg_suggester *s, const sg_document *doc, sg_error *err);

/* Without kept documents: after the last sg_suggester_add, give every
 * document again (same texts, any order) so that the rows are counted; the
 * first call fixes the rows. SG_ERR_INVALID when documents are kept or after
 * the run. `name` and `text` are only read during the call. */
int sg_suggester_recount(sg_suggester *s, const char *name, const char *text, size_t len,
                         sg_error *err);

/* Fixes and counts the rows (on the kept documents, or on those given to
 * sg_suggester_recount) and returns them in *out (the caller frees it);
 * rows found too few times are left out. Once only: a second call is
 * SG_ERR_INVALID. */
int sg_suggester_run(sg_suggester *s, sg_suggestion_list **out, sg_error *err);

/* The rows for the documents of the corpus `c` (sealed; read twice when
 * opt->keep_documents is 0, for the candidates and then the counts, rather
 * than kept in memory), as sg_suggester_run gives them, into *out (the
 * caller frees it). A JSON Lines line that is not a document is skipped:
 * reported to on_skip (may be NULL; code SG_ERR_PARSE, its file and line)
 * and counted in *skipped (may be NULL) the first time it is read. On
 * failure fills err and returns its code (*out not set). */
int sg_suggest_corpus(sg_suggestion_list **out, const sg_gazetteer *gaz, sg_corpus *c,
                      const sg_suggest_options *opt, sg_warning_fn on_skip, void *ctx,
                      size_t *skipped, sg_error *err);

/* Writes the rows as TSV to `path` ("-" or NULL: standard output),
 * completely or not at all (export.h's sg_output): a header, then id,
 * label, type, aliases, surname, count and example, a row a line. It loads
 * as a gazetteer as it is. Only reads the list. */
int sg_suggestion_list_write(const sg_suggestion_list *l, const char *path, sg_error *err);

/* Kinds of rows that sg_gazetteer_add_found takes (a mask): "person" rows
 * with a first name and a surname (a surname alone is never taken),
 * "definition" rows (a long form with its acronym), "acronym" rows,
 * "sequence" rows and "named" rows (a body named by an establishment's head:
 * clinique, hôpital, mutuelle, association…). */
#define SG_FOUND_PEOPLE 1u
#define SG_FOUND_DEFINITIONS 2u
#define SG_FOUND_ACRONYMS 4u
#define SG_FOUND_SEQUENCES 8u
#define SG_FOUND_NAMED 16u
#define SG_FOUND_DEFAULT (SG_FOUND_PEOPLE | SG_FOUND_DEFINITIONS | SG_FOUND_NAMED)

/* Adds to `gaz` the rows of `rows` whose kind is in the mask `kinds`, as
 * entities (id, label, type, aliases and surname of the row) marked as found
 * in the corpus: their mentions match "found" (extract.h, sg_mention), and
 * they have the attribute "found" = the row's kind ("person", "definition"…),
 * a column of the network's nodes. The gazetteer must not be in use by an
 * extractor being built. Returns SG_OK (also when no row is taken),
 * SG_ERR_NOMEM, or what loading the rows as a gazetteer returns. */
int sg_gazetteer_add_found(sg_gazetteer *gaz, const sg_suggestion_list *rows, unsigned kinds,
                           sg_error *err);

/* Told before each document is read: `done` of `total` readings so far.
 * Non-zero stops the work. */
typedef int (*sg_stop_fn)(size_t done, size_t total, void *ctx);

/* Finds in the corpus `c` (sealed here if it is not) the names the
 * gazetteers `gaz` miss, with the default suggest options, and adds the rows
 * of `kinds` to `gaz` (sg_gazetteer_add_found). The corpus is read twice
 * (total = 2 × its documents) and not kept in memory. `stop` (may be NULL)
 * is called before each document: non-zero stops with SG_ERR_IO ("stopped"),
 * `gaz` unchanged. A JSON Lines line that is not a document is skipped
 * silently (the run that follows reports it). Returns what those calls
 * return. */
int sg_gazetteer_find_in_corpus(sg_gazetteer *gaz, sg_corpus *c, unsigned kinds, sg_stop_fn stop,
                                void *ctx, sg_error *err);

#ifdef __cplusplus
}
#endif
#endif
