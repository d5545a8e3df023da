/* The corpus's private parts: JSON Lines files (jsonl.c) and reading one
 * document (corpus.c), shared with the run (run.c). */
#ifndef SG_CORPUS_INT_H
#define SG_CORPUS_INT_H

#include <stddef.h>
#include <stdint.h>

#include "stakegraph/corpus.h"

/* JSON Lines files, mapped (standard input read) and their non-blank lines
 * indexed: document k is bytes [off, off + len) of file[k], line lineno[k]. */
typedef struct {
    size_t nfiles;
    const char **data; /* each file's bytes */
    size_t *size;
    int *mapped; /* 1: munmap, 0: free, 2: nothing to release */
    size_t ndocs, cap;
    uint32_t *file;
    size_t *off, *len, *lineno;
} sg_jsonl;

/* Maps and indexes the files (paths[0, n)). On failure fills err (the file)
 * and returns its code; *out is set only on success. */
int sg_jsonl_open(sg_jsonl **out, char *const *paths, size_t n, sg_error *err);
void sg_jsonl_close(sg_jsonl *c);

/* One parsed line. */
typedef struct {
    char *name;       /* its "id" */
    const char *text; /* its "text" (inside json), len bytes */
    size_t len;
    sg_meta *meta; /* every other scalar field, "date" included */
    size_t nmeta;
    int has_date;
    char period[16]; /* the period of its date ("2024", "2024-03"), "" if none */
    void *json;      /* the parsed line (jansson) */
} sg_jsonl_doc;

/* Parses line k; on failure writes why to msg and returns -1 (free the
 * document either way). */
int sg_jsonl_parse(const sg_jsonl *c, size_t k, sg_period_unit unit, sg_jsonl_doc *out, char *msg,
                   size_t size);
void sg_jsonl_doc_free(sg_jsonl_doc *d);

/* Reading documents one at a time (one reader a thread). */
typedef struct {
    const sg_corpus *c;
    sg_period_unit unit;
    char *buf; /* a text file's bytes, the buffer kept for the next one */
    size_t cap;
    sg_jsonl_doc jd;
    /* the document read */
    sg_document doc;
    const char *file; /* where it is: its file ("<stdin>" for "-") and line (0: a
                         whole file; a document given in memory: "", 0) */
    size_t line;
    int has_date;    /* a date was given */
    char period[16]; /* its period, "" when none (or a year alone by month) */
} sg_doc_reader;

void sg_doc_reader_init(sg_doc_reader *r, const sg_corpus *c, sg_period_unit unit);
/* Reads document k. Returns SG_OK; SG_ERR_PARSE for a JSON Lines line that is
 * not a document (err: its file, line and why; the run skips it); or another
 * code (a file that cannot be read). */
int sg_doc_read(sg_doc_reader *r, size_t k, sg_error *err);
void sg_doc_reader_free(sg_doc_reader *r);

/* (file.c) Reads a whole file ("-": standard input) into *buf (of *cap bytes, grown
 * as needed and kept for the next one): FIFOs waited for, devices never
 * block the open. On failure writes the reason to msg and returns -1. */
int sg_read_document(const char *path, char **buf, size_t *cap, size_t *len, char *msg,
                     size_t size);
/* The same from an open descriptor (left open). */
int sg_read_fd(int fd, char **buf, size_t *cap, size_t *len, char *msg, size_t size);

#endif
