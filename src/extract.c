/* The pipeline for one document: decode and fold, match and resolve,
 * segment, count (SPEC §2). */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "extract_int.h"
#include "furniture.h"
#include "sg_internal.h"

void sg_extract_options_init(sg_extract_options *opt)
{
    opt->unit = SG_UNIT_SENTENCE;
    opt->window = 20;
    opt->strict = 0;
    opt->max_unit_actors = 50;
    opt->record_documents = 0;
    opt->variants = SG_VARIANT_ALL;
    opt->keep_furniture = 0;
}

/* The units' names, in the order of sg_unit: singular, plural. */
static const char *const unit_names[][2] = {{"sentence", "sentences"},
                                            {"paragraph", "paragraphs"},
                                            {"document", "documents"},
                                            {"window", "windows"}};

const char *sg_unit_name(sg_unit unit, int plural)
{
    if ((unsigned)unit >= sizeof(unit_names) / sizeof(*unit_names))
        return "?";
    return unit_names[unit][plural != 0];
}

void sg_extract_options_unit(const sg_extract_options *opt, char *buf, size_t size)
{
    if (opt->unit == SG_UNIT_WINDOW)
        snprintf(buf, size, "%s:%u", sg_unit_name(SG_UNIT_WINDOW, 0), opt->window);
    else
        snprintf(buf, size, "%s", sg_unit_name(opt->unit, 0));
}

int sg_extract_options_set_unit(sg_extract_options *opt, const char *spec)
{
    for (sg_unit u = SG_UNIT_SENTENCE; u < SG_UNIT_WINDOW; u++)
        if (!strcmp(spec, sg_unit_name(u, 0))) {
            opt->unit = u;
            return 0;
        }
    size_t wl = strlen(sg_unit_name(SG_UNIT_WINDOW, 0));
    if (!strncmp(spec, sg_unit_name(SG_UNIT_WINDOW, 0), wl) && spec[wl] == ':') {
        char *end = NULL;
        const char *num = spec + wl + 1;
        if (*num < '1' || *num > '9')
            return SG_ERR_INVALID;
        unsigned long n = strtoul(num, &end, 10);
        if (*end || n < 1 || n > 1000000)
            return SG_ERR_INVALID;
        opt->unit = SG_UNIT_WINDOW;
        opt->window = (unsigned)n;
    } else {
        return SG_ERR_INVALID;
    }
    return 0;
}

/* An extractor with its counts, its matcher not yet given. */
static int extractor_alloc(sg_extractor **out, const sg_gazetteer *gaz,
                           const sg_extract_options *opt, sg_error *err)
{
    sg_extractor *ex = calloc(1, sizeof(*ex));
    if (!ex)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    ex->gaz = gaz;
    if (opt)
        ex->opt = *opt;
    else
        sg_extract_options_init(&ex->opt);
    if (sg_cooc_init(&ex->counts, sg_gazetteer_count(gaz)) || !(ex->md = sg_regex_md_new())) {
        sg_extractor_free(ex);
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    *out = ex;
    return 0;
}

/* An extractor of the matcher `m` (freed on failure). */
static int extractor_of(sg_extractor **out, const sg_gazetteer *gaz, const sg_extract_options *opt,
                        sg_matcher *m, sg_error *err)
{
    int rc = extractor_alloc(out, gaz, opt, err);
    if (rc) {
        sg_matcher_free(m);
        return rc;
    }
    (*out)->matcher = m;
    (*out)->owns_matcher = 1;
    return 0;
}

int sg_extractor_new(sg_extractor **out, const sg_gazetteer *gaz, const sg_extract_options *opt,
                     sg_error *err)
{
    if (!out || !gaz)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    sg_extract_options o;
    if (opt)
        o = *opt;
    else
        sg_extract_options_init(&o);
    sg_matcher *m = NULL;
    int rc = sg_matcher_new(&m, gaz, o.variants, err);
    return rc ? rc : extractor_of(out, gaz, &o, m, err);
}

/* An extractor made while its gazetteer loads: a thread compiles the
 * entities as the loading publishes them (gazetteer_int.h, sg_gaz_feed). */
struct sg_extractor_maker {
    sg_gazetteer *gaz;
    sg_extract_options opt;
    sg_gaz_feed feed;
    pthread_t thread;
    int started, loaded;
    sg_matcher *m; /* the thread's result */
    int rc;
    sg_error err;
};

static void *make(void *arg)
{
    sg_extractor_maker *mk = arg;
    sg_matcher *m = NULL;
    sg_folded scratch; /* one folding buffer for every name */
    memset(&scratch, 0, sizeof(scratch));
    size_t done = 0;
    int rc = 0;
    for (;;) {
        size_t end = sg_gaz_feed_take(&mk->feed, done);
        if (end == done)
            break;
        if (!m) { /* sized for the rows of the first file */
            pthread_mutex_lock(&mk->feed.lock);
            size_t expected = mk->feed.expected > end ? mk->feed.expected : end;
            pthread_mutex_unlock(&mk->feed.lock);
            rc = sg_matcher_begin(&m, mk->gaz, mk->opt.variants, expected, 2 * expected, &mk->err);
        }
        for (; !rc && done < end; done++)
            rc = sg_matcher_add_entity(m, &scratch, done, &mk->err);
        sg_gaz_feed_release(&mk->feed);
        if (rc)
            break;
    }
    pthread_mutex_lock(&mk->feed.lock);
    int loaded = mk->feed.done && !mk->feed.halted;
    pthread_mutex_unlock(&mk->feed.lock);
    if (!rc && loaded && !m)
        rc = sg_matcher_begin(&m, mk->gaz, mk->opt.variants, 0, 0, &mk->err);
    if (!rc && loaded && !(rc = sg_matcher_finish(m, &scratch, &mk->err))) {
        mk->m = m;
        m = NULL;
    }
    sg_matcher_free(m);
    sg_folded_free(&scratch);
    mk->rc = rc;
    return NULL;
}

int sg_extractor_begin(sg_extractor_maker **out, sg_gazetteer *gaz, const sg_extract_options *opt,
                       sg_error *err)
{
    if (!out || !gaz || gaz->feed)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    sg_extractor_maker *mk = calloc(1, sizeof(*mk));
    if (!mk)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    mk->gaz = gaz;
    if (opt)
        mk->opt = *opt;
    else
        sg_extract_options_init(&mk->opt);
    pthread_mutex_init(&mk->feed.lock, NULL);
    pthread_cond_init(&mk->feed.cond, NULL);
    mk->feed.published = mk->feed.expected = gaz->n; /* those already loaded first */
    gaz->feed = &mk->feed;
    if (pthread_create(&mk->thread, NULL, make, mk)) {
        gaz->feed = NULL;
        pthread_mutex_destroy(&mk->feed.lock);
        pthread_cond_destroy(&mk->feed.cond);
        free(mk);
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "cannot start a thread");
    }
    mk->started = 1;
    *out = mk;
    return 0;
}

void sg_extractor_loaded(sg_extractor_maker *mk, int ok)
{
    if (!mk || mk->loaded)
        return;
    sg_gaz_feed_close(mk->gaz, ok);
    mk->loaded = 1;
}

int sg_extractor_end(sg_extractor_maker *mk, sg_extractor **out, sg_error *err)
{
    if (!mk)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    sg_extractor_loaded(mk, out != NULL);
    /* the counts, sized by the entities now loaded, are made here while the
     * thread finishes the matcher (the bench's 100,000 entries: 4 MB, some
     * 460 page faults, off the making's critical path) */
    sg_extractor *ex = NULL;
    sg_error mine;
    sg_error_clear(&mine);
    int rc = out ? extractor_alloc(&ex, mk->gaz, &mk->opt, &mine) : 0;
    pthread_join(mk->thread, NULL);
    mk->gaz->feed = NULL;
    if (mk->rc) { /* (the making's error first: it names the gazetteer's row) */
        rc = mk->rc;
        mine = mk->err;
    } else if (!rc && out && !mk->m) { /* the loading had failed */
        rc = sg_error_set(&mine, SG_ERR_INVALID, NULL, 0, -1, "the gazetteer did not load");
    }
    if (rc && err)
        *err = mine;
    if (!rc && out) {
        ex->matcher = mk->m;
        ex->owns_matcher = 1;
        mk->m = NULL;
        *out = ex;
        ex = NULL;
    }
    sg_extractor_free(ex);
    sg_matcher_free(mk->m);
    pthread_mutex_destroy(&mk->feed.lock);
    pthread_cond_destroy(&mk->feed.cond);
    free(mk);
    return rc;
}

void sg_extractor_free(sg_extractor *ex)
{
    if (!ex)
        return;
    if (ex->owns_matcher)
        sg_matcher_free(ex->matcher);
    sg_regex_md_free(ex->md);
    sg_folded_free(&ex->folded);
    sg_units_free(&ex->units);
    sg_hits_free(&ex->hits);
    sg_short_cache_free(ex->shorts);
    sg_cooc_free(&ex->counts);
    free(ex->unit_entities);
    free(ex->first_hit);
    free(ex->hit_stamp);
    for (size_t i = 0; i < ex->ndocrec; i++)
        sg_docrec_free(&ex->docs[i]);
    free(ex->docs);
    free(ex);
}

int sg_extractor_fork(sg_extractor **out, const sg_extractor *parent, sg_error *err)
{
    if (!out || !parent)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    sg_extractor *ex = calloc(1, sizeof(*ex));
    if (!ex)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    ex->gaz = parent->gaz;
    ex->opt = parent->opt;
    ex->matcher = parent->matcher;
    if (sg_cooc_init(&ex->counts, sg_gazetteer_count(ex->gaz)) || !(ex->md = sg_regex_md_new())) {
        sg_extractor_free(ex);
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    *out = ex;
    return 0;
}

int sg_extractor_merge(sg_extractor *into, sg_extractor *from, sg_error *err)
{
    if (!into || !from || into->gaz != from->gaz || into->opt.unit != from->opt.unit ||
        into->opt.window != from->opt.window ||
        into->opt.max_unit_actors != from->opt.max_unit_actors)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                            "cannot merge extractors of different gazetteers or options");
    int rc = sg_cooc_merge(&into->counts, &from->counts);
    if (rc)
        return sg_error_set(err, rc, NULL, 0, -1, "%s",
                            rc == SG_ERR_NOMEM ? "out of memory" : "counts too large");
    into->ndocs += from->ndocs;
    from->ndocs = 0;
    if (from->ndocrec) {
        if (sg_grow((void **)&into->docs, &into->doccap, into->ndocrec + from->ndocrec,
                    sizeof(sg_docrec)))
            return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
        memcpy(into->docs + into->ndocrec, from->docs, from->ndocrec * sizeof(sg_docrec));
        into->ndocrec += from->ndocrec;
        from->ndocrec = 0;
    }
    return 0;
}

void sg_docrec_free(sg_docrec *d)
{
    free(d->name);
    for (size_t i = 0; i < 2 * d->nmeta; i++)
        free(d->meta[i]);
    free(d->meta);
    free(d->ents);
    free(d->counts);
    memset(d, 0, sizeof(*d));
}

void sg_extractor_on_cooccurrence(sg_extractor *ex, sg_cooccurrence_fn fn, void *ctx)
{
    ex->on_cooc = fn;
    ex->cooc_ctx = ctx;
    ex->counts.keep_pairs = fn != NULL;
}

void sg_extractor_on_mention(sg_extractor *ex, sg_mention_fn fn, void *ctx)
{
    ex->on_mention = fn;
    ex->mention_ctx = ctx;
}

void sg_extractor_on_warning(sg_extractor *ex, sg_warning_fn fn, void *ctx)
{
    ex->on_warning = fn;
    ex->warning_ctx = ctx;
}

size_t sg_extractor_documents(const sg_extractor *ex)
{
    return (size_t)ex->ndocs;
}

static void warn(sg_extractor *ex, int code, const char *doc, long long offset, const char *msg)
{
    if (!ex->on_warning)
        return;
    sg_error w;
    sg_error_set(&w, code, doc, 0, offset, "%s", msg);
    ex->on_warning(&w, ex->warning_ctx);
}

/* Checks the encoding; warns about (or, strict, refuses) invalid UTF-8. */
static int check_text(sg_extractor *ex, const char *name, const char *text, size_t len, size_t bom,
                      sg_error *err)
{
    const sg_folded *f = &ex->folded;
    if (f->invalid) {
        char msg[160];
        snprintf(msg, sizeof(msg), "invalid UTF-8 (%zu bad sequence%s%s)", f->invalid,
                 f->invalid > 1 ? "s, the first here" : "",
                 ex->opt.strict ? "" : "; replaced by U+FFFD");
        if (ex->opt.strict)
            return sg_error_set(err, SG_ERR_UTF8, name, 0, f->first_invalid, "%s", msg);
        warn(ex, SG_ERR_UTF8, name, f->first_invalid, msg);
    }
    /* NUL is valid UTF-8 but no text has it: binary data, or UTF-16 without
     * a byte-order mark (every other byte NUL) */
    const char *nul = len ? memchr(text, 0, len) : NULL;
    if (nul) {
        const char *msg = "NUL bytes (the first here): binary data, or UTF-16 without a "
                          "byte-order mark (iconv -f UTF-16LE -t UTF-8)?";
        if (ex->opt.strict)
            return sg_error_set(err, SG_ERR_UTF8, name, 0, nul - text, "%s", msg);
        warn(ex, SG_ERR_UTF8, name, nul - text, msg);
    }
    size_t i = bom;
    while (i < len && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t'))
        i++;
    if (i == len)
        warn(ex, SG_OK, name, -1, "empty document");
    return 0;
}

/* Units with some text in them: a document's final line break (or blank
 * lines) must not count as one more, empty sentence or paragraph. */
static long text_units(const sg_units *u, const sg_folded *f)
{
    long n = 0;
    for (size_t k = 0; k < u->count; k++) {
        size_t end = k + 1 < u->count ? u->starts[k + 1] : f->len;
        for (size_t i = u->starts[k]; i < end; i++)
            if (f->text[i] != ' ' && f->text[i] != '\n') {
                n++;
                break;
            }
    }
    return n;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Calls the evidence callback for every pair the unit [first, last) of the
 * hits just counted. */
static int report_pairs(sg_extractor *ex, const char *name, const char *text, size_t len,
                        size_t unit, size_t first, size_t last)
{
    size_t np;
    const uint32_t *pairs = sg_cooc_last_pairs(&ex->counts, &np);
    if (np == 0)
        return 0;
    const sg_folded *f = &ex->folded;
    const sg_hits *h = &ex->hits;
    long stamp = ++ex->stamp;
    for (size_t k = first; k < last; k++) {
        uint32_t e = h->v[k].entity;
        if (ex->hit_stamp[e] != stamp) {
            ex->hit_stamp[e] = stamp;
            ex->first_hit[e] = k;
        }
    }
    size_t ustart = f->src[ex->units.starts[unit]];
    size_t uend = unit + 1 < ex->units.count ? f->src[ex->units.starts[unit + 1]] : len;
    while (ustart < uend && is_space((unsigned char)text[ustart]))
        ustart++;
    while (uend > ustart && is_space((unsigned char)text[uend - 1]))
        uend--;
    if (ex->line_pos > ustart) { /* a new document (units come in order) */
        ex->line_pos = 0;
        ex->line = 1;
    }
    for (const char *q = text + ex->line_pos; (q = memchr(q, '\n', ustart - (size_t)(q - text)));
         q++)
        ex->line++;
    ex->line_pos = ustart;
    for (size_t p = 0; p < np; p++) {
        uint32_t a = pairs[2 * p], b = pairs[2 * p + 1];
        if (sg_matcher_rank(ex->matcher, a) > sg_matcher_rank(ex->matcher, b)) {
            uint32_t t = a;
            a = b;
            b = t;
        }
        const sg_hit *ha = &h->v[ex->first_hit[a]], *hb = &h->v[ex->first_hit[b]];
        sg_cooccurrence c = {name,
                             ustart,
                             uend,
                             sg_gazetteer_entity(ex->gaz, a)->id,
                             sg_gazetteer_entity(ex->gaz, b)->id,
                             f->src[ha->fs],
                             sg_folded_orig_end(f, text, len, ha->fe),
                             f->src[hb->fs],
                             sg_folded_orig_end(f, text, len, hb->fe),
                             text,
                             len,
                             ex->line};
        if (ex->on_cooc(&c, ex->cooc_ctx))
            return SG_ERR_IO;
    }
    return 0;
}

static int count_units_named(sg_extractor *ex, long doc, const char *name, char *shared,
                             const char *text, size_t len);

/* Counts the document's units; its name is shared by the pairs that keep it
 * among their first documents (one copy a document). */
static int count_units(sg_extractor *ex, long doc, const char *name, const char *text, size_t len)
{
    char *shared = NULL;
    if (ex->hits.n >= 2 && !(shared = sg_docname_new(name)))
        return SG_ERR_NOMEM;
    int rc = count_units_named(ex, doc, name, shared, text, len);
    sg_docname_release(shared);
    return rc;
}

static int count_units_named(sg_extractor *ex, long doc, const char *name, char *shared,
                             const char *text, size_t len)
{
    int capped = 0;
    size_t capped_at = 0;
    const sg_hits *h = &ex->hits;
    size_t i = 0;
    if (sg_grow((void **)&ex->unit_entities, &ex->unit_cap, h->n, sizeof(uint32_t)))
        return SG_ERR_NOMEM;
    if (ex->on_cooc && !ex->first_hit) {
        size_t ne = sg_gazetteer_count(ex->gaz) + 1;
        ex->first_hit = calloc(ne, sizeof(size_t));
        ex->hit_stamp = calloc(ne, sizeof(long));
        if (!ex->first_hit || !ex->hit_stamp)
            return SG_ERR_NOMEM;
    }
    while (i < h->n) {
        /* hits are sorted: the unit's mentions run until the next unit starts */
        size_t unit = sg_units_find(&ex->units, h->v[i].fs), n = 0, first = i;
        size_t end = unit + 1 < ex->units.count ? ex->units.starts[unit + 1] : SIZE_MAX;
        while (i < h->n && h->v[i].fs < end) {
            sg_cooc_mention(&ex->counts, doc, h->v[i].entity);
            ex->unit_entities[n++] = h->v[i].entity;
            i++;
        }
        int was = capped, rc;
        if (sg_cooc_unit(&ex->counts, doc, shared, ex->unit_entities, n, ex->opt.max_unit_actors,
                         &capped))
            return SG_ERR_NOMEM;
        if (ex->on_cooc && (rc = report_pairs(ex, name, text, len, unit, first, i)))
            return rc;
        if (capped && !was)
            capped_at = ex->folded.src[h->v[first].fs];
    }
    if (capped) {
        char msg[200];
        snprintf(msg, sizeof(msg),
                 "a unit names more than %u actors: each is paired only with the next %u "
                 "(--max-unit-actors)",
                 ex->opt.max_unit_actors, ex->opt.max_unit_actors - 1);
        warn(ex, SG_OK, name, (long long)capped_at, msg);
    }
    ex->counts.units += text_units(&ex->units, &ex->folded);
    return 0;
}

static int report_mentions(sg_extractor *ex, const char *name, const char *text, size_t len,
                           sg_error *err)
{
    const sg_folded *f = &ex->folded;
    for (size_t i = 0; i < ex->hits.n; i++) {
        const sg_hit *x = &ex->hits.v[i];
        const sg_entity *e = sg_gazetteer_entity(ex->gaz, x->entity);
        sg_mention m = {name,  f->src[x->fs], sg_folded_orig_end(f, text, len, x->fe),
                        e->id, e->type,       NULL,
                        NULL};
        m.text = text + m.start;
        m.match = sg_matcher_how(ex->matcher, x, text, m.start, m.end);
        if (ex->on_mention(&m, ex->mention_ctx))
            return sg_error_set(err, SG_ERR_IO, name, 0, (long long)m.start,
                                "writing the mentions failed");
    }
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static char *dup_str(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* Keeps the document's actors and metadata for the bipartite graph. */
static int record_document(sg_extractor *ex, const sg_document *d, const char *name)
{
    const sg_hits *h = &ex->hits;
    if (sg_grow((void **)&ex->docs, &ex->doccap, ex->ndocrec + 1, sizeof(sg_docrec)))
        return SG_ERR_NOMEM;
    sg_docrec *r = &ex->docs[ex->ndocrec];
    memset(r, 0, sizeof(*r));
    int rc = SG_ERR_NOMEM;
    if (!(r->name = strdup(name)) || !(r->ents = sg_alloc_array(h->n + 1, sizeof(uint32_t))) ||
        !(r->counts = sg_alloc_array(h->n + 1, sizeof(long))) ||
        !(r->meta = sg_alloc_array(2 * d->nmeta + 1, sizeof(char *))))
        goto fail;
    for (size_t i = 0; i < d->nmeta; i++) {
        r->nmeta++;
        r->meta[2 * i] = dup_str(d->meta[i].key);
        r->meta[2 * i + 1] = dup_str(d->meta[i].value);
        if (!r->meta[2 * i] || !r->meta[2 * i + 1])
            goto fail;
    }
    for (size_t i = 0; i < h->n; i++)
        r->ents[i] = h->v[i].entity;
    qsort(r->ents, h->n, sizeof(uint32_t), cmp_u32);
    for (size_t i = 0; i < h->n; i++) {
        if (r->n && r->ents[r->n - 1] == r->ents[i]) {
            r->counts[r->n - 1]++;
            continue;
        }
        r->ents[r->n] = r->ents[i];
        r->counts[r->n++] = 1;
    }
    ex->ndocrec++;
    return 0;
fail:
    sg_docrec_free(r);
    return rc;
}

int sg_extractor_add_document(sg_extractor *ex, const sg_document *d, sg_error *err)
{
    const char *name = d ? d->name : NULL;
    if (!ex || !d || (!d->text && d->len) || (d->nmeta && !d->meta))
        return sg_error_set(err, SG_ERR_INVALID, name, 0, -1, "invalid argument");
    if (!name)
        name = "<document>";
    const char *text = d->text ? d->text : "";
    size_t len = d->len;
    if (sg_utf16_bom(text, len))
        return sg_error_set(err, SG_ERR_UTF8, name, 0, 0,
                            "UTF-16 text is not supported: convert it to UTF-8 "
                            "(iconv -f UTF-16 -t UTF-8)");
    size_t bom = sg_utf8_bom(text, len);
    int rc = sg_fold(&ex->folded, text, len, bom);
    if (rc)
        return sg_error_set(err, rc, name, 0, -1, "%s",
                            rc == SG_ERR_LIMIT ? "document larger than 4 GiB" : "out of memory");
    if ((rc = check_text(ex, name, text, len, bom, err)))
        return rc;
    /* match, resolve the document's references, leave out the credits */
    if ((rc = sg_matcher_run(ex->matcher, ex->md, &ex->folded, text, len, name, &ex->hits, err)))
        return rc;
    if ((rc = sg_resolve(ex->matcher, &ex->folded, text, &ex->hits, &ex->shorts)) ||
        (!ex->opt.keep_furniture && (rc = sg_furniture_filter(&ex->folded, text, len, &ex->hits))))
        return sg_error_set(err, rc, name, 0, -1, "out of memory");
    /* Mentions first: a failing callback then leaves the counts untouched. */
    if (ex->on_mention && (rc = report_mentions(ex, name, text, len, err)))
        return rc;
    if (sg_segment(&ex->units, &ex->folded, ex->opt.unit, ex->opt.window))
        return sg_error_set(err, SG_ERR_NOMEM, name, 0, -1, "out of memory");
    ex->line_pos = 0; /* the evidence's line numbers start again */
    ex->line = 1;
    if ((rc = count_units(ex, ex->ndocs, name, text, len)))
        return rc == SG_ERR_IO ? sg_error_set(err, rc, name, 0, -1, "writing the evidence failed")
                               : sg_error_set(err, rc, name, 0, -1, "out of memory");
    if (ex->opt.record_documents && record_document(ex, d, name))
        return sg_error_set(err, SG_ERR_NOMEM, name, 0, -1, "out of memory");
    ex->ndocs++;
    return 0;
}

int sg_extractor_add(sg_extractor *ex, const char *name, const char *text, size_t len,
                     sg_error *err)
{
    sg_document d = {name, text, len, NULL, 0};
    return sg_extractor_add_document(ex, &d, err);
}

int sg_extractor_bipartite(sg_graph **out, const sg_extractor *ex, sg_error *err)
{
    if (!out || !ex)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    if (!ex->opt.record_documents)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                            "the bipartite graph needs record_documents in the options");
    return sg_bipartite_build(out, ex, err);
}

int sg_extractor_graph(sg_graph **out, const sg_extractor *ex, double min_weight, sg_error *err)
{
    if (!out || !ex)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    int rc = sg_extractor_check_network(ex, err); /* counts a double holds exactly */
    if (rc)
        return rc;
    return sg_graph_build(out, ex->gaz, ex->matcher, &ex->counts, min_weight, err);
}

/* An actor named by a mention covering the whole name. */
typedef struct {
    const char *id;
    size_t len;
} whole_name;

static int on_whole(const sg_mention *m, void *ctx)
{
    whole_name *w = ctx;
    if (m->start == 0 && m->end == w->len)
        w->id = m->id; /* the gazetteer's string: outlives the callback */
    return 0;
}

long sg_extractor_find_actor(const sg_extractor *ex, const char *name)
{
    long i = sg_gazetteer_find(ex->gaz, name);
    if (i >= 0)
        return i;
    sg_extractor *f = NULL;
    whole_name w = {NULL, strlen(name)};
    if (sg_extractor_fork(&f, ex, NULL))
        return -1;
    sg_extractor_on_mention(f, on_whole, &w);
    if (sg_extractor_add(f, "<argument>", name, w.len, NULL) == 0 && w.id)
        i = sg_gazetteer_find(ex->gaz, w.id);
    sg_extractor_free(f);
    return i;
}
