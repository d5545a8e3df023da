/* Running a corpus: documents read and matched by N threads, results given
 * to the caller in document order (corpus.h).
 *
 * Each worker has its own fork of the extractor (sharing the compiled
 * gazetteer) and takes the next batch of documents; what a batch finds for
 * the caller (mentions, co-occurrences, warnings, an error) is logged in a
 * slot until the calling thread replays it, batch after batch, through the
 * caller's callbacks: so every callback runs in the calling thread, in
 * document order, and what the caller writes is the same whatever the number
 * of threads. Workers run at most `window` batches ahead of the replay, so
 * memory does not grow with the corpus (a batch's log holds its mentions and
 * pairs, and its documents' text only when co-occurrences are wanted with
 * their text, since they point into it). Batches keep the threads from waking each other for
 * every small document. At the end the forks' counts are added into the
 * caller's extractor: counts are sums, so the network is the same as with
 * one thread. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus_int.h"
#include "sg_internal.h"

enum { SLOT_FREE = 0, SLOT_TAKEN, SLOT_DONE };
enum { REC_DOC, REC_MENTION, REC_COOC, REC_WARNING };
#define NO_TEXT SIZE_MAX

/* One thing found, for the replay. Strings are offsets into the slot's
 * arena (which moves as it grows), or the gazetteer's (ids, types) and
 * static strings (how a mention matched), which outlive the run. */
typedef struct {
    int kind;
    const char *id, *type, *match; /* a co-occurrence: source and target in id, type */
    size_t v[7];
} rec;

typedef struct {
    int state;
    size_t doc, ndocs, bytes; /* the batch: documents [doc, doc + ndocs) */
    rec *recs;
    size_t nrecs, reccap;
    char *arena;
    size_t used, cap;
    sg_error *warns;
    size_t nwarns, warncap;
    int failed; /* the batch's first error (it ends the batch) is in err */
    sg_error err;
    size_t skipped, undated;
} slot;

typedef struct {
    sg_extractor *ex;
    sg_corpus *c;
    const sg_run_options *opt;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    slot *slots;
    size_t window;
    size_t batch;   /* documents a batch */
    size_t next;    /* the next batch to take */
    size_t written; /* batches replayed by the calling thread */
    size_t nbatches, ndocs;
    int stop;
} shared;

typedef struct {
    char *label;      /* "2024", "2024-03" */
    sg_extractor *ex; /* the counts of its documents */
} period;

typedef struct {
    shared *sh;
    sg_extractor *fork;
    period *periods; /* by_period: this worker's forks, one a period */
    size_t nperiods;
    slot *cur;
    size_t doc_text; /* the current document's text in the arena, or NO_TEXT */
    sg_doc_reader rd;
    pthread_t thread;
    int started;
} worker;

static rec *new_rec(slot *s, int kind)
{
    if (s->failed || sg_grow((void **)&s->recs, &s->reccap, s->nrecs + 1, sizeof(rec))) {
        if (!s->failed)
            sg_error_set(&s->err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
        s->failed = 1;
        return NULL;
    }
    rec *r = &s->recs[s->nrecs++];
    memset(r, 0, sizeof(*r));
    r->kind = kind;
    return r;
}

/* Copies n bytes (and a NUL) into the arena; NO_TEXT when out of memory. */
static size_t keep(slot *s, const char *p, size_t n)
{
    if (n == SIZE_MAX || sg_grow((void **)&s->arena, &s->cap, s->used + n + 1, 1)) {
        if (!s->failed)
            sg_error_set(&s->err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
        s->failed = 1;
        return NO_TEXT;
    }
    size_t at = s->used;
    if (n)
        memcpy(s->arena + at, p, n);
    s->arena[at + n] = '\0';
    s->used += n + 1;
    return at;
}

static int log_mention(const sg_mention *m, void *ctx)
{
    worker *w = ctx;
    rec *r = new_rec(w->cur, REC_MENTION);
    if (!r)
        return 0; /* the batch has failed: the replay reports it */
    r->id = m->id;
    r->type = m->type;
    r->match = m->match;
    r->v[0] = m->start;
    r->v[1] = m->end;
    r->v[2] = w->doc_text != NO_TEXT ? NO_TEXT : keep(w->cur, m->text, m->end - m->start);
    return 0;
}

static int log_cooccurrence(const sg_cooccurrence *c, void *ctx)
{
    worker *w = ctx;
    rec *r = new_rec(w->cur, REC_COOC);
    if (!r)
        return 0;
    r->id = c->source;
    r->type = c->target;
    size_t v[7] = {c->start,        c->end,        c->source_start, c->source_end,
                   c->target_start, c->target_end, c->line};
    memcpy(r->v, v, sizeof(v));
    return 0;
}

static void log_warning(const sg_error *e, void *ctx)
{
    slot *s = ((worker *)ctx)->cur;
    if (s->failed || sg_grow((void **)&s->warns, &s->warncap, s->nwarns + 1, sizeof(sg_error)))
        return; /* (a warning lost to a lack of memory) */
    rec *r = new_rec(s, REC_WARNING);
    if (!r)
        return;
    s->warns[s->nwarns] = *e;
    r->v[0] = s->nwarns++;
}

static void set_callbacks(worker *w, sg_extractor *ex)
{
    const sg_run_options *o = w->sh->opt;
    if (o->on_mention)
        sg_extractor_on_mention(ex, log_mention, w);
    if (o->on_warning)
        sg_extractor_on_warning(ex, log_warning, w);
    if (o->on_cooccurrence)
        sg_extractor_on_cooccurrence(ex, log_cooccurrence, w);
}

/* The fork that counts documents of `label` (made on first use). */
static sg_extractor *period_fork(worker *w, const char *label, sg_error *err)
{
    for (size_t i = 0; i < w->nperiods; i++)
        if (!strcmp(w->periods[i].label, label))
            return w->periods[i].ex;
    period *np = realloc(w->periods, (w->nperiods + 1) * sizeof(period));
    if (!np)
        return NULL;
    w->periods = np;
    period *pc = &w->periods[w->nperiods];
    if (!(pc->label = strdup(label)))
        return NULL;
    if (sg_extractor_fork(&pc->ex, w->fork, err)) {
        free(pc->label);
        return NULL;
    }
    set_callbacks(w, pc->ex);
    w->nperiods++;
    return pc->ex;
}

static void warn(worker *w, int code, const char *file, size_t line, const char *msg)
{
    if (!w->sh->opt->on_warning)
        return;
    sg_error e;
    sg_error_set(&e, code, file, (long)line, -1, "%s", msg);
    log_warning(&e, w);
}

/* The extractor that counts the document just read (its period's, or the
 * worker's own); NULL on failure (the slot says why). */
static sg_extractor *counter(worker *w, slot *s)
{
    const sg_run_options *o = w->sh->opt;
    const sg_doc_reader *rd = &w->rd;
    if (o->by_period == SG_PERIOD_NONE)
        return w->fork;
    if (o->by_period == SG_PERIOD_MONTH && rd->has_date && !rd->period[0]) {
        char msg[300];
        snprintf(msg, sizeof(msg),
                 "document '%.200s': its date has no month: only in the "
                 "whole network",
                 rd->doc.name);
        warn(w, SG_OK, rd->file, rd->line, msg);
    }
    if (!rd->period[0]) {
        s->undated++;
        return w->fork;
    }
    sg_error err;
    sg_error_clear(&err);
    sg_extractor *ex = period_fork(w, rd->period, &err);
    if (!ex) {
        if (!err.message[0])
            sg_error_set(&err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
        s->err = err;
        s->failed = 1;
    }
    return ex;
}

static void process_doc(worker *w, slot *s, size_t doc)
{
    const sg_run_options *o = w->sh->opt;
    sg_error err;
    sg_error_clear(&err);
    int rc = sg_doc_read(&w->rd, doc, &err);
    if (rc == SG_ERR_PARSE) { /* a JSON Lines line that is no document: skipped */
        char msg[sizeof(err.message) + 20];
        snprintf(msg, sizeof(msg), "%s; line skipped", err.message);
        warn(w, SG_ERR_PARSE, err.file, (size_t)err.line, msg);
        s->skipped++;
        return;
    }
    if (rc) {
        s->err = err;
        s->failed = 1;
        return;
    }
    const sg_document *d = &w->rd.doc;
    s->bytes += d->len;
    sg_extractor *ex = counter(w, s);
    if (!ex)
        return;
    w->doc_text = NO_TEXT;
    if (o->on_document || o->on_mention || o->on_cooccurrence) {
        rec *r = new_rec(s, REC_DOC);
        if (r) {
            r->v[3] = doc;
            r->v[0] =
                keep(s, d->name ? d->name : "<document>", strlen(d->name ? d->name : "<document>"));
            r->v[1] = o->on_cooccurrence && !o->offsets_only ? keep(s, d->text, d->len) : NO_TEXT;
            r->v[2] = d->len;
            w->doc_text = r->v[1];
        }
        if (s->failed)
            return;
    }
    if (sg_extractor_add_document(ex, d, &err)) {
        if (w->rd.line) { /* the document's name is its id: say where it is */
            char buf[600];
            sg_error_format(&err, buf, sizeof(buf));
            sg_error_set(&err, err.code, w->rd.file, (long)w->rd.line, -1, "%s", buf);
        }
        s->err = err;
        s->failed = 1;
    }
}

static void *work(void *arg)
{
    worker *w = arg;
    shared *sh = w->sh;
    pthread_mutex_lock(&sh->lock);
    while (!sh->stop && sh->next < sh->nbatches) {
        if (sh->next >= sh->written + sh->window) { /* too far ahead of the replay */
            pthread_cond_wait(&sh->cond, &sh->lock);
            continue;
        }
        slot *s = &sh->slots[sh->next % sh->window];
        s->doc = sh->next++ * sh->batch;
        s->ndocs = sh->ndocs - s->doc < sh->batch ? sh->ndocs - s->doc : sh->batch;
        s->state = SLOT_TAKEN;
        pthread_mutex_unlock(&sh->lock);
        w->cur = s;
        for (size_t d = s->doc; d < s->doc + s->ndocs && !s->failed; d++)
            process_doc(w, s, d);
        pthread_mutex_lock(&sh->lock);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&sh->cond);
    }
    pthread_mutex_unlock(&sh->lock);
    return NULL;
}

/* Replays one batch's log through the caller's callbacks. */
static int replay(shared *sh, slot *s, sg_run_result *res, sg_error *err)
{
    const sg_run_options *o = sh->opt;
    const char *name = "", *text = NULL;
    size_t len = 0;
    res->skipped += s->skipped;
    res->undated += s->undated;
    res->bytes += s->bytes;
    for (size_t i = 0; i < s->nrecs; i++) {
        const rec *r = &s->recs[i];
        if (r->kind == REC_DOC) {
            name = s->arena + r->v[0];
            text = r->v[1] == NO_TEXT ? NULL : s->arena + r->v[1];
            len = r->v[2];
            sg_document d = {name, text, len, NULL, 0};
            if (o->on_document && o->on_document(&d, r->v[3], o->ctx))
                return sg_error_set(err, SG_ERR_IO, name, 0, -1,
                                    "stopped by the document callback");
        } else if (r->kind == REC_WARNING) {
            o->on_warning(&s->warns[r->v[0]], o->ctx);
        } else if (r->kind == REC_MENTION) {
            sg_mention m = {name, r->v[0], r->v[1], r->id, r->type, NULL, r->match};
            m.text = r->v[2] == NO_TEXT ? text + m.start : s->arena + r->v[2];
            if (o->on_mention(&m, o->ctx))
                return sg_error_set(err, SG_ERR_IO, name, 0, (long long)m.start,
                                    "stopped by the mention callback");
        } else {
            sg_cooccurrence c = {name,    r->v[0], r->v[1], r->id, r->type, r->v[2],
                                 r->v[3], r->v[4], r->v[5], text,  len,     r->v[6]};
            if (o->on_cooccurrence(&c, o->ctx))
                return sg_error_set(err, SG_ERR_IO, name, 0, (long long)c.start,
                                    "stopped by the co-occurrence callback");
        }
    }
    if (s->failed) {
        if (err)
            *err = s->err;
        return s->err.code ? s->err.code : SG_ERR_IO;
    }
    res->documents += s->ndocs - s->skipped;
    return 0;
}

static void slot_clear(slot *s)
{
    free(s->recs);
    free(s->arena);
    free(s->warns);
    memset(s, 0, sizeof(*s));
}

/* The calling thread: replays each batch in turn. */
static int replay_all(shared *sh, sg_run_result *res, sg_error *err)
{
    const sg_run_options *o = sh->opt;
    int rc = 0;
    for (size_t k = 0; k < sh->nbatches && !rc; k++) {
        slot *s = &sh->slots[k % sh->window];
        pthread_mutex_lock(&sh->lock);
        while (!(s->state == SLOT_DONE && s->doc == k * sh->batch))
            pthread_cond_wait(&sh->cond, &sh->lock);
        pthread_mutex_unlock(&sh->lock);
        rc = replay(sh, s, res, err);
        size_t done = s->doc + s->ndocs;
        pthread_mutex_lock(&sh->lock);
        slot_clear(s);
        sh->written++;
        if (rc)
            sh->stop = 1;
        pthread_cond_broadcast(&sh->cond);
        pthread_mutex_unlock(&sh->lock);
        if (!rc && o->on_progress) {
            sg_progress p = {done, sh->ndocs, res->bytes};
            o->on_progress(&p, o->ctx);
        }
    }
    return rc;
}

void sg_run_options_init(sg_run_options *opt)
{
    memset(opt, 0, sizeof(*opt));
    opt->min_weight = 1;
}

static unsigned default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > SG_MAX_JOBS ? SG_MAX_JOBS : (unsigned)n;
}

static int cmp_period(const void *a, const void *b)
{
    return strcmp(((const period *)a)->label, ((const period *)b)->label);
}

void sg_run_result_free(sg_run_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nperiods; i++) {
        free(r->labels ? r->labels[i] : NULL);
        sg_graph_free(r->graphs ? r->graphs[i] : NULL);
    }
    free(r->labels);
    free(r->graphs);
    memset(r, 0, sizeof(*r));
}

/* Each period's counts, in the order of their labels (the workers' forks of
 * one period merged), each made a network when asked, then added to `ex`. */
static int finish_periods(shared *sh, worker *ws, size_t jobs, sg_run_result *res, sg_error *err)
{
    size_t total = 0, n = 0, k = 0;
    for (size_t i = 0; i < jobs; i++)
        total += ws[i].nperiods;
    period *all = sg_alloc_array(total + 1, sizeof(period));
    res->labels = sg_alloc_array(total + 1, sizeof(char *));
    res->graphs = sg_alloc_array(total + 1, sizeof(sg_graph *));
    if (!all || !res->labels || !res->graphs) {
        free(all);
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    for (size_t i = 0; i < jobs; i++) {
        if (ws[i].nperiods) /* a worker that saw no dated document has no array */
            memcpy(all + n, ws[i].periods, ws[i].nperiods * sizeof(period));
        n += ws[i].nperiods;
        ws[i].nperiods = 0;
    }
    qsort(all, n, sizeof(period), cmp_period); /* equal labels: any order (sums) */
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (!rc && k && !strcmp(all[k - 1].label, all[i].label)) {
            rc = sg_extractor_merge(all[k - 1].ex, all[i].ex, err);
            free(all[i].label);
            sg_extractor_free(all[i].ex);
        } else if (!rc) {
            all[k++] = all[i];
        } else {
            free(all[i].label);
            sg_extractor_free(all[i].ex);
        }
    }
    for (size_t i = 0; i < k; i++) {
        res->labels[i] = all[i].label;
        res->graphs[i] = NULL;
        res->nperiods++;
        if (!rc && sh->opt->period_graphs)
            rc = sg_extractor_graph(&res->graphs[i], all[i].ex, sh->opt->min_weight, err);
        if (!rc)
            rc = sg_extractor_merge(sh->ex, all[i].ex, err);
        sg_extractor_free(all[i].ex);
    }
    free(all);
    res->timeline.n = res->nperiods;
    res->timeline.labels = (const char *const *)res->labels;
    res->timeline.graphs = (const sg_graph *const *)res->graphs;
    return rc;
}

static void stop_workers(shared *sh)
{
    pthread_mutex_lock(&sh->lock);
    sh->stop = 1;
    pthread_cond_broadcast(&sh->cond);
    pthread_mutex_unlock(&sh->lock);
}

/* Starts the workers, replays their batches, joins them. */
static int run_workers(shared *sh, worker *ws, size_t jobs, sg_run_result *res, sg_error *err)
{
    int rc = 0;
    size_t started = 0;
    for (; started < jobs && !rc; started++) {
        worker *w = &ws[started];
        w->sh = sh;
        sg_doc_reader_init(&w->rd, sh->c, sh->opt->by_period);
        if ((rc = sg_extractor_fork(&w->fork, sh->ex, err)))
            break;
        set_callbacks(w, w->fork);
        if (pthread_create(&w->thread, NULL, work, w)) {
            rc = sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "cannot start a thread");
            break;
        }
        w->started = 1;
    }
    if (!rc)
        rc = replay_all(sh, res, err);
    else
        stop_workers(sh);
    for (size_t i = 0; i < jobs; i++)
        if (ws[i].started)
            pthread_join(ws[i].thread, NULL);
    /* the forks' counts, in a fixed order (sums: any order gives the same) */
    for (size_t i = 0; i < jobs && !rc; i++)
        rc = sg_extractor_merge(sh->ex, ws[i].fork, err);
    return rc;
}

int sg_corpus_run(sg_extractor *ex, sg_corpus *c, const sg_run_options *opt, sg_run_result *result,
                  sg_error *err)
{
    sg_run_options defaults;
    sg_run_result mine;
    if (!opt) {
        sg_run_options_init(&defaults);
        opt = &defaults;
    }
    if (!result)
        result = &mine;
    memset(result, 0, sizeof(*result));
    if (!ex || !c)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    int rc = sg_corpus_seal(c, err);
    if (rc)
        return rc;
    shared sh;
    memset(&sh, 0, sizeof(sh));
    sh.ex = ex;
    sh.c = c;
    sh.opt = opt;
    sh.ndocs = sg_corpus_count(c);
    size_t jobs = opt->jobs ? (opt->jobs > SG_MAX_JOBS ? SG_MAX_JOBS : opt->jobs) : default_jobs();
    if (jobs > sh.ndocs)
        jobs = sh.ndocs ? sh.ndocs : 1;
    sh.window = 4 * jobs;
    /* small batches when there are few documents, so that all threads work */
    sh.batch = sh.ndocs / (jobs * 16);
    sh.batch = sh.batch < 1 ? 1 : sh.batch > 32 ? 32 : sh.batch;
    sh.nbatches = (sh.ndocs + sh.batch - 1) / sh.batch;
    worker *ws = calloc(jobs, sizeof(worker));
    sh.slots = calloc(sh.window, sizeof(slot));
    if (!ws || !sh.slots) {
        free(ws);
        free(sh.slots);
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    pthread_mutex_init(&sh.lock, NULL);
    pthread_cond_init(&sh.cond, NULL);
    rc = run_workers(&sh, ws, jobs, result, err);
    if (!rc)
        rc = finish_periods(&sh, ws, jobs, result, err);
    for (size_t i = 0; i < jobs; i++) {
        for (size_t k = 0; k < ws[i].nperiods; k++) {
            free(ws[i].periods[k].label);
            sg_extractor_free(ws[i].periods[k].ex);
        }
        free(ws[i].periods);
        sg_extractor_free(ws[i].fork);
        sg_doc_reader_free(&ws[i].rd);
    }
    for (size_t i = 0; i < sh.window; i++)
        slot_clear(&sh.slots[i]);
    pthread_mutex_destroy(&sh.lock);
    pthread_cond_destroy(&sh.cond);
    free(sh.slots);
    free(ws);
    if (result == &mine)
        sg_run_result_free(&mine);
    return rc;
}
