/* Documents read and matched by N threads, written in document order.
 *
 * Each worker has its own fork of the extractor (sharing the compiled
 * gazetteer) and takes the next batch of documents; what a batch produces for
 * the user (mention rows, warnings, an error) is kept in a slot until the main
 * thread writes it, in document order, so that every byte of output and of
 * stderr is the same whatever the number of threads. Workers run at most
 * `window` batches ahead of the writer, so memory does not grow with the
 * corpus. Batches keep the threads from waking each other for every small
 * document. At the end the forks' counts are added into the main extractor:
 * counts are sums, so the network is the same as with one thread. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

enum { SLOT_FREE = 0, SLOT_TAKEN, SLOT_DONE };

typedef struct {
    int state;
    size_t doc, ndocs, bytes; /* the batch: documents [doc, doc + ndocs) */
    text_buf mentions, warnings, evidence;
    char *error;      /* the batch's first error (it ends the batch), or NULL */
    size_t bad_lines; /* --jsonl lines skipped (reported in warnings) */
    size_t undated;   /* --by-period: documents without a date */
    size_t explain_units, explain_docs;
} slot;

typedef struct {
    run_plan *plan;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    slot *slots;
    size_t window;
    size_t batch;   /* documents a batch */
    size_t next;    /* the next batch to take */
    size_t written; /* batches written by the main thread */
    size_t nbatches;
    int stop;
} shared;

typedef struct {
    shared *sh;
    sg_extractor *fork;
    period_counts *periods; /* by_period: this worker's forks, one a period */
    size_t nperiods;
    slot *cur;
    const char *explain_doc; /* explain: the last document counted in explain_docs */
    line_cursor lines;       /* explain: line numbers of the current document */
    char *data;              /* the reading buffer, kept from one document to the next */
    size_t cap;
    pthread_t thread;
    int started;
} worker;

/* A TSV field: tabs and line breaks become spaces. */
static void buf_field(text_buf *b, const char *s, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
            buf_add(b, s + start, i - start);
            buf_add(b, " ", 1);
            start = i + 1;
        }
    buf_add(b, s + start, n - start);
}

static int on_mention(const sg_mention *m, void *ctx)
{
    text_buf *b = &((worker *)ctx)->cur->mentions;
    char num[64];
    buf_field(b, m->doc, strlen(m->doc));
    int n = snprintf(num, sizeof(num), "\t%zu\t%zu\t", m->start, m->end);
    buf_add(b, num, (size_t)n);
    buf_field(b, m->id, strlen(m->id));
    buf_add(b, "\t", 1);
    buf_field(b, m->type, strlen(m->type));
    buf_add(b, "\t", 1);
    buf_field(b, m->text, m->end - m->start);
    buf_add(b, "\t", 1);
    buf_field(b, m->match, strlen(m->match));
    buf_add(b, "\n", 1);
    return 0;
}

static void on_warning(const sg_error *w, void *ctx)
{
    worker *wk = ctx;
    if (wk->sh->plan->quiet)
        return;
    char msg[2048], line[2200];
    int n = snprintf(line, sizeof(line), "stakegraph: warning: %s\n",
                     sg_error_format(w, msg, sizeof(msg)));
    buf_add(&wk->cur->warnings, line, n < (int)sizeof(line) ? (size_t)n : sizeof(line) - 1);
}

static char *error_text(const sg_error *err)
{
    char buf[2048];
    return strdup(sg_error_format(err, buf, sizeof(buf)));
}

static int on_cooccurrence(const sg_cooccurrence *c, void *ctx)
{
    worker *w = ctx;
    const run_plan *p = w->sh->plan;
    if (p->evidence == EVIDENCE_EXPLAIN) {
        if (strcmp(c->source, p->explain_a) || strcmp(c->target, p->explain_b))
            return 0;
        w->cur->explain_units++;
        if (w->explain_doc != c->doc) {
            w->explain_doc = c->doc;
            w->cur->explain_docs++;
        }
    }
    evidence_row(&w->cur->evidence, p->evidence, c, &w->lines);
    return 0;
}

/* The fork that counts documents of `label` (made on first use). */
static sg_extractor *period_fork(worker *w, const char *label, sg_error *err)
{
    for (size_t i = 0; i < w->nperiods; i++)
        if (!strcmp(w->periods[i].label, label))
            return w->periods[i].ex;
    period_counts *np = realloc(w->periods, (w->nperiods + 1) * sizeof(period_counts));
    if (!np)
        return NULL;
    w->periods = np;
    period_counts *pc = &w->periods[w->nperiods];
    if (!(pc->label = strdup(label)))
        return NULL;
    if (sg_extractor_fork(&pc->ex, w->fork, err)) {
        free(pc->label);
        return NULL;
    }
    if (w->sh->plan->mentions)
        sg_extractor_on_mention(pc->ex, on_mention, w);
    sg_extractor_on_warning(pc->ex, on_warning, w);
    if (w->sh->plan->evidence)
        sg_extractor_on_cooccurrence(pc->ex, on_cooccurrence, w);
    w->nperiods++;
    return pc->ex;
}

/* A JSON Lines document that cannot be read is reported with its line and
 * skipped; the others go on (the run then ends with status 1). */
static void skip_line(slot *s, const char *file, size_t line, const char *why)
{
    char msg[900];
    int n = snprintf(msg, sizeof(msg), "stakegraph: %s:%zu: %s; line skipped\n",
                     strcmp(file, "-") ? file : "<stdin>", line, why);
    buf_add(&s->warnings, msg, n < (int)sizeof(msg) ? (size_t)n : sizeof(msg) - 1);
    s->bad_lines++;
}

static void process_doc(worker *w, slot *s, size_t doc)
{
    const run_plan *p = w->sh->plan;
    size_t line;
    const char *path = docs_file(p->docs, doc, &line);
    char msg[600];
    sg_error err;
    sg_error_clear(&err);
    w->explain_doc = NULL;
    memset(&w->lines, 0, sizeof(w->lines)); /* a new document, maybe in the same buffer */
    if (!p->docs->jsonl) {
        size_t len = 0;
        if (inputs_read(path, &w->data, &w->cap, &len, msg, sizeof(msg))) {
            char where[800];
            snprintf(where, sizeof(where), "%s: %s", path, msg);
            s->error = strdup(where);
            return;
        }
        s->bytes += len;
        sg_extractor *ex = w->fork;
        if (p->by_period)
            s->undated++;
        if (sg_extractor_add(ex, path, w->data, len, &err))
            s->error = error_text(&err);
    } else {
        jsonl_doc d;
        int rc = jsonl_parse(p->docs, doc, p->by_period, &d, msg, sizeof(msg));
        sg_extractor *ex = w->fork;
        if (!rc && p->by_period == PERIOD_MONTH && d.has_date && !d.period[0]) {
            snprintf(msg, sizeof(msg),
                     "document '%.200s': its date has no month: only in the "
                     "whole network",
                     d.name);
            char line_msg[900];
            int n = snprintf(line_msg, sizeof(line_msg), "stakegraph: warning: %s:%zu: %s\n", path,
                             line, msg);
            if (!p->quiet)
                buf_add(&s->warnings, line_msg,
                        n < (int)sizeof(line_msg) ? (size_t)n : sizeof(line_msg) - 1);
        }
        if (rc) {
            skip_line(s, path, line, msg);
        } else {
            s->bytes += d.len;
            if (p->by_period && d.period[0]) {
                if (!(ex = period_fork(w, d.period, &err)))
                    s->error = err.message[0] ? error_text(&err) : strdup("out of memory");
            } else if (p->by_period) {
                s->undated++;
            }
            sg_document sd = {d.name, d.text, d.len, d.meta, d.nmeta};
            if (ex && sg_extractor_add_document(ex, &sd, &err)) {
                /* the document's name is its id: say where it is */
                char where[900];
                char buf[600];
                snprintf(where, sizeof(where), "%s:%zu: %s", strcmp(path, "-") ? path : "<stdin>",
                         line, sg_error_format(&err, buf, sizeof(buf)));
                s->error = strdup(where);
            }
        }
        jsonl_doc_free(&d);
    }
    if (!s->error && (s->mentions.failed || s->warnings.failed || s->evidence.failed))
        s->error = strdup("out of memory");
}

static void process(worker *w, slot *s)
{
    w->cur = s;
    for (size_t d = s->doc; d < s->doc + s->ndocs && !s->error; d++)
        process_doc(w, s, d);
}

static void *work(void *arg)
{
    worker *w = arg;
    shared *sh = w->sh;
    size_t n = docs_count(sh->plan->docs);
    pthread_mutex_lock(&sh->lock);
    while (!sh->stop && sh->next < sh->nbatches) {
        if (sh->next >= sh->written + sh->window) { /* too far ahead of the writer */
            pthread_cond_wait(&sh->cond, &sh->lock);
            continue;
        }
        slot *s = &sh->slots[sh->next % sh->window];
        s->doc = sh->next++ * sh->batch;
        s->ndocs = n - s->doc < sh->batch ? n - s->doc : sh->batch;
        s->state = SLOT_TAKEN;
        pthread_mutex_unlock(&sh->lock);
        process(w, s);
        pthread_mutex_lock(&sh->lock);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&sh->cond);
    }
    pthread_mutex_unlock(&sh->lock);
    return NULL;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Writes one finished document: warnings to stderr, mentions to their file.
 * Returns -1 (after printing why) when the run must stop. */
/* Writes a block of rows to an output; -1 (after saying why) on failure. */
static int write_rows(sg_output *o, const char *path, const text_buf *b, int progress_on)
{
    FILE *f = sg_output_stream(o);
    if (fwrite(b->s, 1, b->len, f) != b->len || ferror(f)) {
        char what[300];
        snprintf(what, sizeof(what), "cannot write: %s", strerror(errno ? errno : EIO));
        if (progress_on)
            fputc('\n', stderr);
        cli_error(path, what);
        return -1;
    }
    return 0;
}

static int write_slot(run_plan *p, slot *s, int progress_on)
{
    p->bad_lines += s->bad_lines;
    p->undated += s->undated;
    if (s->warnings.len) {
        if (progress_on)
            fputc('\n', stderr);
        fputs(s->warnings.s, stderr);
    }
    if (s->error) {
        if (progress_on)
            fputc('\n', stderr);
        cli_error(NULL, s->error);
        return -1;
    }
    if (p->mentions && s->mentions.len &&
        write_rows(p->mentions, p->mentions_path, &s->mentions, progress_on))
        return -1;
    if (p->evidence_out && s->evidence.len &&
        write_rows(p->evidence_out, p->evidence_path, &s->evidence, progress_on))
        return -1;
    if (p->evidence == EVIDENCE_EXPLAIN && s->evidence.len) {
        text_buf t = {p->explain_text, p->explain_len, p->explain_cap, 0};
        buf_add(&t, s->evidence.s, s->evidence.len);
        p->explain_text = t.s;
        p->explain_len = t.len;
        p->explain_cap = t.cap;
        if (t.failed) {
            cli_error(NULL, "out of memory");
            return -1;
        }
    }
    p->explain_units += s->explain_units;
    p->explain_docs += s->explain_docs;
    return 0;
}

static void slot_clear(slot *s)
{
    free(s->mentions.s);
    free(s->warnings.s);
    free(s->evidence.s);
    free(s->error);
    memset(s, 0, sizeof(*s));
}

static void progress(const run_plan *p, int on, double start, double *last, size_t done,
                     size_t bytes, int final)
{
    if (!on)
        return;
    double t = now();
    if (!final && t - *last < 0.5)
        return;
    *last = t;
    double mb = (double)bytes / 1e6, dt = t - start;
    fprintf(stderr, "\r%zu/%zu documents, %.1f MB, %.1f MB/s%s", done, docs_count(p->docs), mb,
            dt > 0 ? mb / dt : 0.0, final ? "\n" : "");
}

/* The writer: waits for each document in turn. */
static int write_all(shared *sh)
{
    run_plan *p = sh->plan;
    int on = isatty(2) && !p->quiet;
    double start = now(), last = start;
    size_t bytes = 0;
    int rc = 0;
    for (size_t k = 0; k < sh->nbatches && !rc; k++) {
        slot *s = &sh->slots[k % sh->window];
        pthread_mutex_lock(&sh->lock);
        while (!(s->state == SLOT_DONE && s->doc == k * sh->batch))
            pthread_cond_wait(&sh->cond, &sh->lock);
        pthread_mutex_unlock(&sh->lock);
        rc = write_slot(p, s, on);
        bytes += s->bytes;
        size_t done = s->doc + s->ndocs;
        pthread_mutex_lock(&sh->lock);
        slot_clear(s);
        sh->written++;
        if (rc)
            sh->stop = 1;
        pthread_cond_broadcast(&sh->cond);
        pthread_mutex_unlock(&sh->lock);
        if (!rc)
            progress(p, on, start, &last, done, bytes, 0);
    }
    if (!rc)
        progress(p, on, start, &last, docs_count(p->docs), bytes, 1);
    return rc;
}

unsigned workers_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

static int cmp_period(const void *a, const void *b)
{
    return strcmp(((const period_counts *)a)->label, ((const period_counts *)b)->label);
}

void workers_free_periods(run_plan *p)
{
    for (size_t i = 0; i < p->nperiods; i++) {
        free(p->periods[i].label);
        sg_extractor_free(p->periods[i].ex);
    }
    free(p->periods);
    p->periods = NULL;
    p->nperiods = 0;
}

/* Gathers the workers' period forks into the plan, one per label in order:
 * forks of the same period are merged. */
static int gather_periods(run_plan *p, worker *ws, size_t jobs)
{
    size_t total = 0;
    for (size_t i = 0; i < jobs; i++)
        total += ws[i].nperiods;
    if (total == 0)
        return 0;
    period_counts *all = calloc(total, sizeof(period_counts));
    if (!all) {
        cli_error(NULL, "out of memory");
        return -1;
    }
    size_t n = 0;
    for (size_t i = 0; i < jobs; i++) {
        if (ws[i].nperiods) /* a worker that saw no dated document has no array */
            memcpy(all + n, ws[i].periods, ws[i].nperiods * sizeof(period_counts));
        n += ws[i].nperiods;
        ws[i].nperiods = 0;
    }
    qsort(all, n, sizeof(period_counts), cmp_period); /* equal labels: any order (sums) */
    size_t k = 0;
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        sg_extractor_on_mention(all[i].ex, NULL, NULL);
        sg_extractor_on_warning(all[i].ex, NULL, NULL);
        sg_extractor_on_cooccurrence(all[i].ex, NULL, NULL);
        if (k && !strcmp(all[k - 1].label, all[i].label)) {
            sg_error err;
            sg_error_clear(&err);
            if (!rc && sg_extractor_merge(all[k - 1].ex, all[i].ex, &err)) {
                char buf[2048];
                cli_error(NULL, sg_error_format(&err, buf, sizeof(buf)));
                rc = -1;
            }
            free(all[i].label);
            sg_extractor_free(all[i].ex);
        } else {
            all[k++] = all[i];
        }
    }
    p->periods = all;
    p->nperiods = k;
    return rc;
}

int workers_run(run_plan *p)
{
    size_t ndocs = docs_count(p->docs);
    size_t jobs = p->jobs ? p->jobs : 1;
    if (jobs > ndocs)
        jobs = ndocs ? ndocs : 1;
    shared sh;
    memset(&sh, 0, sizeof(sh));
    sh.plan = p;
    sh.window = 4 * jobs;
    /* small batches when there are few documents, so that all threads work */
    sh.batch = ndocs / (jobs * 16);
    sh.batch = sh.batch < 1 ? 1 : sh.batch > 32 ? 32 : sh.batch;
    sh.nbatches = (ndocs + sh.batch - 1) / sh.batch;
    worker *ws = calloc(jobs, sizeof(worker));
    sh.slots = calloc(sh.window, sizeof(slot));
    int rc = -1;
    sg_error err;
    sg_error_clear(&err);
    if (!ws || !sh.slots) {
        cli_error(NULL, "out of memory");
        free(ws);
        free(sh.slots);
        return -1;
    }
    pthread_mutex_init(&sh.lock, NULL);
    pthread_cond_init(&sh.cond, NULL);
    size_t started = 0;
    for (; started < jobs; started++) {
        worker *w = &ws[started];
        w->sh = &sh;
        if (sg_extractor_fork(&w->fork, p->ex, &err)) {
            char buf[2048];
            cli_error(NULL, sg_error_format(&err, buf, sizeof(buf)));
            break;
        }
        if (p->mentions)
            sg_extractor_on_mention(w->fork, on_mention, w);
        sg_extractor_on_warning(w->fork, on_warning, w);
        if (p->evidence)
            sg_extractor_on_cooccurrence(w->fork, on_cooccurrence, w);
        if (pthread_create(&w->thread, NULL, work, w)) {
            cli_error(NULL, "cannot start a thread");
            break;
        }
        w->started = 1;
    }
    if (started == jobs) {
        rc = write_all(&sh);
    } else {
        pthread_mutex_lock(&sh.lock);
        sh.stop = 1;
        pthread_cond_broadcast(&sh.cond);
        pthread_mutex_unlock(&sh.lock);
    }
    for (size_t i = 0; i < jobs; i++)
        if (ws[i].started)
            pthread_join(ws[i].thread, NULL);
    /* the forks' counts, in a fixed order (sums: any order gives the same) */
    for (size_t i = 0; i < jobs && !rc; i++)
        if (sg_extractor_merge(p->ex, ws[i].fork, &err)) {
            char buf[2048];
            cli_error(NULL, sg_error_format(&err, buf, sizeof(buf)));
            rc = -1;
        }
    if (!rc)
        rc = gather_periods(p, ws, jobs);
    for (size_t i = 0; i < jobs; i++) {
        for (size_t k = 0; k < ws[i].nperiods; k++) {
            free(ws[i].periods[k].label);
            sg_extractor_free(ws[i].periods[k].ex);
        }
        free(ws[i].periods);
        sg_extractor_free(ws[i].fork);
        free(ws[i].data);
    }
    for (size_t i = 0; i < sh.window; i++)
        slot_clear(&sh.slots[i]);
    pthread_mutex_destroy(&sh.lock);
    pthread_cond_destroy(&sh.cond);
    free(sh.slots);
    free(ws);
    return rc;
}
