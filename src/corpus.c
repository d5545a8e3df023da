/* A corpus: the documents of a run, from files, directories, JSON Lines and
 * memory, and reading them one at a time (corpus.h). */
#define _DEFAULT_SOURCE /* DT_REG, DT_DIR: an entry's type from its directory */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus_int.h"
#include "sg_internal.h"

struct sg_corpus {
    sg_corpus_format format;
    char *suffix;
    char **paths; /* files, sorted and without repeats once sealed */
    size_t npaths, pathcap;
    int sealed;
    sg_jsonl *jsonl;  /* JSON Lines: the files' lines */
    sg_document *mem; /* documents given in memory (copies) */
    size_t nmem, memcap;
    /* standard input's text ("-"), read the first time the document is: a
       run that reads its corpus twice (--discover) sees it twice */
    pthread_mutex_t in_lock;
    int in_read, in_rc;
    char *in, in_msg[200];
    size_t in_len, in_cap;
};

int sg_corpus_new(sg_corpus **out, sg_corpus_format format, const char *suffix, sg_error *err)
{
    if (!out || (format != SG_CORPUS_TEXT && format != SG_CORPUS_JSONL))
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    sg_corpus *c = calloc(1, sizeof(*c));
    if (!c || !(c->suffix = sg_strdup(suffix                      ? suffix
                                      : format == SG_CORPUS_JSONL ? ".jsonl"
                                                                  : ".txt"))) {
        free(c);
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    c->format = format;
    pthread_mutex_init(&c->in_lock, NULL);
    *out = c;
    return 0;
}

static void free_document(sg_document *d)
{
    free((char *)d->name);
    free((char *)d->text);
    for (size_t i = 0; i < d->nmeta; i++) {
        free((char *)d->meta[i].key);
        free((char *)d->meta[i].value);
    }
    free((sg_meta *)d->meta);
}

void sg_corpus_free(sg_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->npaths; i++)
        free(c->paths[i]);
    free(c->paths);
    for (size_t i = 0; i < c->nmem; i++)
        free_document(&c->mem[i]);
    free(c->mem);
    sg_jsonl_close(c->jsonl);
    free(c->in);
    pthread_mutex_destroy(&c->in_lock);
    free(c->suffix);
    free(c);
}

static int add(sg_corpus *c, const char *path, sg_error *err)
{
    if (sg_grow((void **)&c->paths, &c->pathcap, c->npaths + 1, sizeof(char *)) ||
        !(c->paths[c->npaths] = sg_strdup(path)))
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    c->npaths++;
    c->sealed = 0;
    return 0;
}

static int has_suffix(const char *name, const char *suffix)
{
    size_t l = strlen(name), k = strlen(suffix);
    return l > k && !strcmp(name + l - k, suffix);
}

typedef struct {
    sg_corpus *c;
    sg_skip_fn on_skip;
    void *ctx;
    sg_error *err;
} walker;

enum { ENTRY_OTHER, ENTRY_FILE, ENTRY_DIR };

/* What a directory's entry is, symbolic links followed (as stat does): the
 * directory says when its file system keeps the type, else stat (a stat an
 * entry made the walk of 10,471 files 50 ms of CPU before the first document
 * could be read; 15 ms without). -1 when stat fails (errno says why). */
static int entry_kind(const struct dirent *de, const char *path)
{
#ifdef DT_UNKNOWN
    if (de->d_type == DT_REG)
        return ENTRY_FILE;
    if (de->d_type == DT_DIR)
        return ENTRY_DIR;
    if (de->d_type != DT_UNKNOWN && de->d_type != DT_LNK)
        return ENTRY_OTHER;
#else
    (void)de;
#endif
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    return S_ISDIR(st.st_mode) ? ENTRY_DIR : S_ISREG(st.st_mode) ? ENTRY_FILE : ENTRY_OTHER;
}

static int walk(walker *w, const char *dir, int depth)
{
    if (depth > 64)
        return sg_error_set(w->err, SG_ERR_LIMIT, dir, 0, -1, "directories nested too deeply");
    DIR *dh = opendir(dir);
    if (!dh)
        return sg_error_set(w->err, SG_ERR_IO, dir, 0, -1, "%s", strerror(errno));
    int rc = 0;
    size_t dl = strlen(dir);
    const char *sep = dl && dir[dl - 1] == '/' ? "" : "/";
    struct dirent *de;
    while (!rc && (de = readdir(dh))) {
        if (de->d_name[0] == '.')
            continue;
        size_t n = dl + strlen(de->d_name) + 2;
        char *path = malloc(n);
        if (!path) {
            rc = sg_error_set(w->err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
            break;
        }
        snprintf(path, n, "%s%s%s", dir, sep, de->d_name);
        int kind = entry_kind(de, path);
        if (kind < 0) {
            rc = sg_error_set(w->err, SG_ERR_IO, path, 0, -1, "%s", strerror(errno));
        } else if (kind == ENTRY_DIR) {
            rc = walk(w, path, depth + 1);
        } else if (has_suffix(de->d_name, w->c->suffix)) {
            if (kind == ENTRY_FILE)
                rc = add(w->c, path, w->err);
            else if (w->on_skip) /* a FIFO would block the run until someone writes to it;
                                    a device or a socket is no document either */
                w->on_skip(path, "not a regular file; skipped", w->ctx);
        }
        free(path);
    }
    closedir(dh);
    return rc;
}

int sg_corpus_add_path(sg_corpus *c, const char *path, sg_skip_fn on_skip, void *ctx, sg_error *err)
{
    if (!c || !path || c->jsonl)
        return sg_error_set(err, SG_ERR_INVALID, path, 0, -1, "invalid argument");
    struct stat st;
    if (!strcmp(path, "-"))
        return add(c, "-", err);
    if (stat(path, &st) != 0)
        return sg_error_set(err, SG_ERR_IO, path, 0, -1, "%s", strerror(errno));
    if (S_ISDIR(st.st_mode)) {
        walker w = {c, on_skip, ctx, err};
        return walk(&w, path, 0);
    }
    return add(c, path, err);
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD", then the end, 'T' or ' '. */
int sg_period_of(const char *s, sg_period_unit unit, char *label, size_t size)
{
    int y = 0, m = 0, d = 0;
    size_t i = 0;
    if (label && size)
        label[0] = '\0';
    if (!s)
        return SG_ERR_PARSE;
    for (; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9')
            return SG_ERR_PARSE;
        y = y * 10 + (s[i] - '0');
    }
    if (s[i] == '-') {
        if (s[i + 1] < '0' || s[i + 1] > '9' || s[i + 2] < '0' || s[i + 2] > '9')
            return SG_ERR_PARSE;
        m = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
        i += 3;
        if (m < 1 || m > 12)
            return SG_ERR_PARSE;
        if (s[i] == '-') {
            if (s[i + 1] < '0' || s[i + 1] > '9' || s[i + 2] < '0' || s[i + 2] > '9')
                return SG_ERR_PARSE;
            d = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
            i += 3;
            static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            if (d < 1 || d > days[m - 1] + (m == 2 && leap))
                return SG_ERR_PARSE;
        }
    }
    if ((s[i] && s[i] != 'T' && s[i] != ' ') || y < 1)
        return SG_ERR_PARSE;
    if (unit == SG_PERIOD_MONTH && m == 0)
        return SG_ERR_LIMIT; /* a year alone has no month */
    if (label && unit == SG_PERIOD_MONTH)
        snprintf(label, size, "%04d-%02d", y, m);
    else if (label)
        snprintf(label, size, "%04d", y);
    return 0;
}

/* The value of `key` in a document's metadata, or NULL. */
static const char *meta_value(const sg_document *d, const char *key)
{
    for (size_t i = 0; i < d->nmeta; i++)
        if (d->meta[i].key && !strcmp(d->meta[i].key, key))
            return d->meta[i].value;
    return NULL;
}

int sg_corpus_add_document(sg_corpus *c, const sg_document *doc, sg_error *err)
{
    if (!c || !doc || (!doc->text && doc->len) || (doc->nmeta && !doc->meta))
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    const char *name = doc->name ? doc->name : "<document>";
    const char *date = meta_value(doc, "date");
    if (date && *date && sg_period_of(date, SG_PERIOD_NONE, NULL, 0) == SG_ERR_PARSE)
        return sg_error_set(err, SG_ERR_PARSE, name, 0, -1,
                            "\"date\" '%.40s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", date);
    if (sg_grow((void **)&c->mem, &c->memcap, c->nmem + 1, sizeof(sg_document)))
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    sg_document *d = &c->mem[c->nmem];
    memset(d, 0, sizeof(*d));
    char *text = malloc(doc->len + 1);
    sg_meta *meta = sg_alloc_array(doc->nmeta + 1, sizeof(sg_meta));
    d->name = sg_strdup(name);
    d->text = text;
    d->meta = meta;
    int failed = !text || !meta || !d->name;
    for (size_t i = 0; !failed && i < doc->nmeta; i++) {
        meta[i].key = sg_strdup(doc->meta[i].key ? doc->meta[i].key : "");
        meta[i].value = sg_strdup(doc->meta[i].value ? doc->meta[i].value : "");
        d->nmeta++;
        failed = !meta[i].key || !meta[i].value;
    }
    if (failed) {
        free_document(d);
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    if (doc->len)
        memcpy(text, doc->text, doc->len);
    text[doc->len] = '\0';
    d->len = doc->len;
    c->nmem++;
    return 0;
}

static int cmp_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int sg_corpus_seal(sg_corpus *c, sg_error *err)
{
    if (!c)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    if (c->sealed)
        return 0;
    if (c->npaths > 1)
        qsort(c->paths, c->npaths, sizeof(char *), cmp_path);
    size_t k = 0;
    for (size_t i = 0; i < c->npaths; i++) {
        if (k > 0 && !strcmp(c->paths[k - 1], c->paths[i]))
            free(c->paths[i]);
        else
            c->paths[k++] = c->paths[i];
    }
    c->npaths = k;
    if (c->format == SG_CORPUS_JSONL && !c->jsonl) {
        int rc = sg_jsonl_open(&c->jsonl, c->paths, c->npaths, err);
        if (rc)
            return rc;
    }
    c->sealed = 1;
    return 0;
}

size_t sg_corpus_count(const sg_corpus *c)
{
    if (!c || !c->sealed)
        return 0;
    return (c->jsonl ? c->jsonl->ndocs : c->npaths) + c->nmem;
}

size_t sg_corpus_files(const sg_corpus *c)
{
    return c ? c->npaths : 0;
}

const char *sg_corpus_file(const sg_corpus *c, size_t k)
{
    return c && k < c->npaths ? c->paths[k] : NULL;
}

void sg_doc_reader_init(sg_doc_reader *r, const sg_corpus *c, sg_period_unit unit)
{
    memset(r, 0, sizeof(*r));
    r->c = c;
    r->unit = unit;
}

void sg_doc_reader_free(sg_doc_reader *r)
{
    sg_jsonl_doc_free(&r->jd);
    free(r->buf);
    memset(r, 0, sizeof(*r));
}

static int read_text_file(sg_doc_reader *r, const char *path, sg_error *err)
{
    char msg[600];
    size_t len = 0;
    if (!strcmp(path, "-")) {
        /* (the corpus keeps it: a cache, behind its lock, in a corpus the
           readers otherwise only read) */
        sg_corpus *c = (sg_corpus *)r->c;
        pthread_mutex_lock(&c->in_lock);
        if (!c->in_read) {
            c->in_rc = sg_read_fd(0, &c->in, &c->in_cap, &c->in_len, c->in_msg, sizeof(c->in_msg));
            c->in_read = 1;
        }
        pthread_mutex_unlock(&c->in_lock);
        if (c->in_rc)
            return sg_error_set(err, SG_ERR_IO, "<stdin>", 0, -1, "%s", c->in_msg);
        r->doc = (sg_document){path, c->in ? c->in : "", c->in_len, NULL, 0};
        r->file = path;
        return 0;
    }
    if (sg_read_document(path, &r->buf, &r->cap, &len, msg, sizeof(msg)))
        return sg_error_set(err, SG_ERR_IO, path, 0, -1, "%s", msg);
    r->doc = (sg_document){path, r->buf ? r->buf : "", len, NULL, 0};
    r->file = path;
    return 0;
}

static int read_line(sg_doc_reader *r, size_t k, sg_error *err)
{
    const sg_jsonl *j = r->c->jsonl;
    const char *path = r->c->paths[j->file[k]];
    char msg[600];
    r->file = strcmp(path, "-") ? path : "<stdin>";
    r->line = j->lineno[k];
    if (sg_jsonl_parse(j, k, r->unit, &r->jd, msg, sizeof(msg)))
        return sg_error_set(err, SG_ERR_PARSE, r->file, (long)r->line, -1, "%s", msg);
    const sg_jsonl_doc *d = &r->jd;
    r->doc = (sg_document){d->name, d->text, d->len, d->meta, d->nmeta};
    r->has_date = d->has_date;
    memcpy(r->period, d->period, sizeof(r->period));
    return 0;
}

static void read_memory(sg_doc_reader *r, const sg_document *d)
{
    r->doc = *d;
    r->file = "";
    const char *date = meta_value(d, "date");
    if (date && *date) {
        r->has_date = 1;
        if (sg_period_of(date, r->unit, r->period, sizeof(r->period)))
            r->period[0] = '\0'; /* a year alone, by month (checked when added) */
    }
}

int sg_doc_read(sg_doc_reader *r, size_t k, sg_error *err)
{
    const sg_corpus *c = r->c;
    sg_jsonl_doc_free(&r->jd);
    memset(&r->doc, 0, sizeof(r->doc));
    r->file = "";
    r->line = 0;
    r->has_date = 0;
    r->period[0] = '\0';
    size_t nfiles = c->jsonl ? c->jsonl->ndocs : c->npaths;
    if (k >= nfiles) {
        read_memory(r, &c->mem[k - nfiles]);
        return 0;
    }
    return c->jsonl ? read_line(r, k, err) : read_text_file(r, c->paths[k], err);
}

struct sg_corpus_reader {
    sg_doc_reader rd;
};

int sg_corpus_reader_new(sg_corpus_reader **out, sg_corpus *c, sg_error *err)
{
    if (!out || !c)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    int rc = sg_corpus_seal(c, err);
    if (rc)
        return rc;
    sg_corpus_reader *r = malloc(sizeof(*r));
    if (!r)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    sg_doc_reader_init(&r->rd, c, SG_PERIOD_NONE);
    *out = r;
    return 0;
}

int sg_corpus_read(sg_corpus_reader *r, size_t k, sg_document *doc, sg_error *err)
{
    if (!r || !doc || k >= sg_corpus_count(r->rd.c))
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    int rc = sg_doc_read(&r->rd, k, err);
    if (!rc)
        *doc = r->rd.doc;
    return rc;
}

void sg_corpus_reader_free(sg_corpus_reader *r)
{
    if (!r)
        return;
    sg_doc_reader_free(&r->rd);
    free(r);
}
