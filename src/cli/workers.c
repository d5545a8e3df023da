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

typedef struct {
    char *s;
    size_t len, cap;
    int failed; /* out of memory */
} text_buf;

enum { SLOT_FREE = 0, SLOT_TAKEN, SLOT_DONE };

typedef struct {
    int state;
    size_t doc, ndocs, bytes; /* the batch: documents [doc, doc + ndocs) */
    text_buf mentions, warnings;
    char *error; /* the batch's first error (it ends the batch), or NULL */
} slot;

typedef struct {
    const run_plan *plan;
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
    slot *cur;
    char *data; /* the reading buffer, kept from one document to the next */
    size_t cap;
    pthread_t thread;
    int started;
} worker;

static void buf_add(text_buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

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

static void process_doc(worker *w, slot *s, size_t doc)
{
    const char *path = w->sh->plan->docs->paths[doc];
    char msg[600];
    size_t len = 0;
    if (inputs_read(path, &w->data, &w->cap, &len, msg, sizeof(msg))) {
        char where[800];
        snprintf(where, sizeof(where), "%s: %s", path, msg);
        s->error = strdup(where);
        return;
    }
    s->bytes += len;
    sg_error err;
    sg_error_clear(&err);
    if (sg_extractor_add(w->fork, path, w->data, len, &err))
        s->error = error_text(&err);
    else if (s->mentions.failed || s->warnings.failed)
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
    size_t n = sh->plan->docs->n;
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
static int write_slot(const run_plan *p, slot *s, int progress_on)
{
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
    if (p->mentions && s->mentions.len) {
        FILE *f = sg_output_stream(p->mentions);
        if (fwrite(s->mentions.s, 1, s->mentions.len, f) != s->mentions.len || ferror(f)) {
            char what[300];
            snprintf(what, sizeof(what), "cannot write: %s", strerror(errno ? errno : EIO));
            if (progress_on)
                fputc('\n', stderr);
            cli_error(p->mentions_path, what);
            return -1;
        }
    }
    return 0;
}

static void slot_clear(slot *s)
{
    free(s->mentions.s);
    free(s->warnings.s);
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
    fprintf(stderr, "\r%zu/%zu documents, %.1f MB, %.1f MB/s%s", done, p->docs->n, mb,
            dt > 0 ? mb / dt : 0.0, final ? "\n" : "");
}

/* The writer: waits for each document in turn. */
static int write_all(shared *sh)
{
    const run_plan *p = sh->plan;
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
        progress(p, on, start, &last, p->docs->n, bytes, 1);
    return rc;
}

unsigned workers_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

int workers_run(const run_plan *p)
{
    size_t jobs = p->jobs ? p->jobs : 1;
    if (jobs > p->docs->n)
        jobs = p->docs->n ? p->docs->n : 1;
    shared sh;
    memset(&sh, 0, sizeof(sh));
    sh.plan = p;
    sh.window = 4 * jobs;
    /* small batches when there are few documents, so that all threads work */
    sh.batch = p->docs->n / (jobs * 16);
    sh.batch = sh.batch < 1 ? 1 : sh.batch > 32 ? 32 : sh.batch;
    sh.nbatches = (p->docs->n + sh.batch - 1) / sh.batch;
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
    for (size_t i = 0; i < jobs; i++) {
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
