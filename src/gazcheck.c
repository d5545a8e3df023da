/* Checking gazetteers (SPEC §15, README "Checking a gazetteer"): what the
 * loader refuses, line by line and file by file, and names that will not do
 * what their author expects.
 *
 * A name competes with another only when both are spelled the same once
 * folded: a longer name needs more text than the shorter one, so
 * leftmost-longest never hides a name everywhere ("Nice" still matches alone
 * when "CHU de Nice" exists). Between names of the same folded spelling, the
 * case decides which texts each matches: a plain name matches every case,
 * an acronym (all capitals) and an exact name written in capitals match text
 * without lower case, any other exact name its own capitals only. On the
 * same span the matcher prefers exact, then acronym, then plain, then the id
 * that sorts first: so a name matching the same texts as another entity's
 * is dead or kills it ("shared"), and a plain name loses its spelling in
 * capitals or its exact spelling to another entity's acronym or exact name
 * ("shadowed"). */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gazetteer_int.h"
#include "match.h"
#include "normalise.h"
#include "sg_internal.h"

/* The loader stops at the first error of a file: the check blanks the line
 * and loads again, at most this many times a file. */
#define MAX_ERRORS_PER_FILE 50

/* ---- findings, collected then sorted ---- */

typedef struct {
    const char *file;
    long line;
    int error;
    const char *kind;
    char *message;
} finding_rec;

typedef struct {
    finding_rec *v;
    size_t n, cap, nerrors;
    int failed;
} findings;

static void add_finding(findings *f, const char *file, long line, int error, const char *kind,
                        const char *fmt, ...)
{
    char buf[1600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    char *msg = sg_strdup(buf);
    if (!msg || sg_grow((void **)&f->v, &f->cap, f->n + 1, sizeof(finding_rec))) {
        free(msg);
        f->failed = 1;
        return;
    }
    f->v[f->n++] = (finding_rec){file ? file : "", line, error, kind, msg};
    f->nerrors += error != 0;
}

static int cmp_finding(const void *a, const void *b)
{
    const finding_rec *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->error != y->error)
        return x->error ? -1 : 1;
    return strcmp(x->message, y->message);
}

static void emit(findings *f, sg_finding_fn fn, void *ctx)
{
    if (f->n > 1)
        qsort(f->v, f->n, sizeof(finding_rec), cmp_finding);
    for (size_t i = 0; fn && i < f->n; i++) {
        sg_finding out = {f->v[i].error, f->v[i].kind, f->v[i].file, f->v[i].line, f->v[i].message};
        fn(&out, ctx);
    }
}

static void findings_free(findings *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->v[i].message);
    free(f->v);
}

/* ---- the names the matcher builds from each entity (match.c's add_alias) ---- */

/* Which texts a name matches, for names of one folded spelling. */
enum { CLS_ANY = 0, CLS_CAPS = 1, CLS_CASE = 2 };

typedef struct {
    uint32_t ent;        /* index into the entity list */
    uint32_t seq;        /* order of the name within all names */
    const char *written; /* as in the file */
    size_t text;         /* offset of the folded name (NUL-terminated) in the pool */
    size_t flags;        /* offset of its case flags (SG_F_UPPER | SG_F_LOWER only) */
    const char *t;       /* the folded name, once every name is in the pool */
    uint32_t len;
    unsigned char mode, cls, guarded;
    unsigned char soft; /* guard confirm or cue: the matcher drops some of its matches */
} name_rec;

typedef struct {
    const sg_entity **ents;
    size_t nents;
    name_rec *names;
    size_t n, cap;
    char *pool;
    size_t pool_len, pool_cap;
    sg_folded scratch;
    findings *out;
} checker;

static int add_name(checker *c, uint32_t ent, const char *written, unsigned char guard)
{
    sg_name_reading nr;
    int rc = sg_name_read(&c->scratch, written, guard, &nr);
    if (rc || nr.n == 0)
        return rc; /* never matched: nothing to compete with */
    size_t n = nr.n;
    if (n >= UINT32_MAX || c->n >= UINT32_MAX ||
        sg_grow((void **)&c->pool, &c->pool_cap, c->pool_len + 2 * n + 1, 1) ||
        sg_grow((void **)&c->names, &c->cap, c->n + 1, sizeof(name_rec)))
        return SG_ERR_NOMEM;
    int lower = 0;
    for (size_t i = 0; i < n; i++)
        lower |= (nr.fl[i] & SG_F_LOWER) != 0;
    name_rec r = {ent,  (uint32_t)c->n, written, c->pool_len, c->pool_len + n + 1,
                  NULL, (uint32_t)n,    nr.mode, CLS_ANY,     nr.guard != SG_GUARD_NONE,
                  0};
    memcpy(c->pool + r.text, nr.t, n);
    c->pool[r.text + n] = '\0';
    for (size_t i = 0; i < n; i++)
        c->pool[r.flags + i] = (char)(nr.fl[i] & (SG_F_UPPER | SG_F_LOWER));
    c->pool_len += 2 * n + 1;
    if (nr.mode == MODE_EXACT)
        r.cls = lower ? CLS_CASE : CLS_CAPS;
    else if (nr.mode == MODE_ACRONYM)
        r.cls = CLS_CAPS;
    r.soft = nr.guard == SG_GUARD_CONFIRM || nr.guard == SG_GUARD_CUE;
    r.guarded |= r.mode != MODE_PLAIN; /* the case already guards it */
    c->names[c->n++] = r;
    return 0;
}

static int collect_names(checker *c)
{
    for (size_t i = 0; i < c->nents; i++) {
        const sg_entity *e = c->ents[i];
        int rc = sg_label_is_exact(e) ? 0 : add_name(c, (uint32_t)i, e->label, e->guard);
        for (size_t a = 0; !rc && a < e->naliases; a++)
            rc = add_name(c, (uint32_t)i, e->aliases[a], e->guard);
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- names of one folded spelling ---- */

static const char *text_of(const checker *c, const name_rec *r)
{
    return c->pool + r->text;
}

/* Does `y` match every text that `x` matches? (Same folded spelling.) */
static int covers(const checker *c, const name_rec *y, const name_rec *x)
{
    if (y->cls == CLS_ANY)
        return 1;
    if (y->cls == CLS_CAPS)
        return x->cls == CLS_CAPS;
    return x->cls == CLS_CASE && !memcmp(c->pool + y->flags, c->pool + x->flags, x->len);
}

/* The matcher's choice between two names on the same span. */
static int preferred(const checker *c, const name_rec *a, const name_rec *b)
{
    if (a->mode != b->mode)
        return a->mode > b->mode;
    int k = strcmp(c->ents[a->ent]->id, c->ents[b->ent]->id);
    return k ? k < 0 : a->seq < b->seq;
}

/* The name as written in the file, with its '!' and '=' prefixes. */
static const char *shown(const name_rec *r)
{
    return r->written;
}

static void check_one(checker *c, name_rec *const *g, size_t k, const name_rec *x)
{
    const sg_entity *e = c->ents[x->ent];
    const name_rec *same = NULL, *winner = x, *narrow = NULL;
    for (size_t j = 0; j < k; j++) {
        const name_rec *y = g[j];
        if (y == x)
            continue;
        int over = covers(c, y, x), under = covers(c, x, y);
        /* within an entity, a name whose matches a guard drops covers no unguarded one */
        int same_over = over && !(y->soft && !x->soft),
            same_under = under && !(x->soft && !y->soft);
        if (y->ent == x->ent && same_over && (!same_under || y->seq < x->seq) &&
            (!same || y->cls < same->cls || (y->cls == same->cls && y->seq < same->seq)))
            same = y; /* the broadest, then the first: one that is not redundant itself */
        if (over && under && preferred(c, y, winner))
            winner = y;
        if (y->ent != x->ent && under && !over && (!narrow || preferred(c, y, narrow)))
            narrow = y;
    }
    if (same) {
        add_finding(c->out, e->file, e->line, 0, "redundant",
                    "name '%s' of %s adds nothing: its name '%s' already matches every text it "
                    "matches",
                    shown(x), e->id, shown(same));
    } else if (winner->ent != x->ent) {
        const sg_entity *w = c->ents[winner->ent];
        add_finding(c->out, e->file, e->line, 0, "shared",
                    "name '%s' of %s is also '%s' of %s (%s:%ld), which matches the same texts "
                    "and is always chosen: %s is never found by this name",
                    shown(x), e->id, shown(winner), w->id, w->file, w->line, e->id);
    } else if (narrow) {
        const sg_entity *w = c->ents[narrow->ent];
        add_finding(c->out, e->file, e->line, 0, "shadowed",
                    "name '%s' of %s is also '%s' of %s (%s:%ld): written %s, the text always "
                    "goes to %s",
                    shown(x), e->id, shown(narrow), w->id, w->file, w->line,
                    narrow->cls == CLS_CAPS ? "in capitals" : "in that exact case", w->id);
    }
}

/* ---- common words and very short names ---- */

static uint64_t hash_text(const char *s, size_t n)
{
    uint64_t h = sg_fnv1a(SG_FNV_SEED, s, n);
    return h ^ (h >> 29);
}

/* Characters (code points) of a folded name. */
static size_t chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* 1 or 2 characters, or 3 letters written in lower case ("ars"). */
static int is_short(const checker *c, const name_rec *r)
{
    size_t k = chars(text_of(c, r), r->len);
    if (k <= 2)
        return 1;
    if (k != 3)
        return 0;
    const char *s = shown(r);
    s += s[0] == '!';
    s += s[0] == '=';
    for (; *s; s++)
        if (!(*s >= 'a' && *s <= 'z') && !((unsigned char)*s >= 0x80))
            return 0;
    return 1;
}

/* An open-addressing set of the folded spellings that a word would flag:
 * slot -> sorted position of the first name of that spelling + 1. */
typedef struct {
    size_t *slot;
    size_t mask;
} spell_set;

static long spell_find(const checker *c, const spell_set *s, name_rec *const *sorted, const char *t,
                       size_t n)
{
    for (size_t h = (size_t)hash_text(t, n) & s->mask; s->slot[h]; h = (h + 1) & s->mask) {
        const name_rec *r = sorted[s->slot[h] - 1];
        if (r->len == n && !memcmp(text_of(c, r), t, n))
            return (long)(s->slot[h] - 1);
    }
    return -1;
}

/* Marks in `hit` (by sorted position of a spelling's first name) the
 * spellings of the set that are words of the list. */
static int scan_words(checker *c, const spell_set *s, name_rec *const *sorted, const char *words,
                      unsigned char *hit, sg_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    const char *step;
    int rd = sg_read_file(words, &buf, &len, &step);
    if (rd)
        return sg_error_set(err, rd, words, 0, -1, "cannot %s the word list: %s", step,
                            rd == SG_ERR_NOMEM ? "out of memory" : strerror(errno));
    int rc = 0;
    for (char *line = buf; !rc && line < buf + len;) {
        char *nl = memchr(line, '\n', (size_t)(buf + len - line));
        size_t n = nl ? (size_t)(nl - line) : (size_t)(buf + len - line);
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
            n--;
        const char *t = NULL;
        const unsigned char *fl = NULL;
        size_t tn = 0;
        if (n && !(rc = sg_fold_name_in(&c->scratch, line, n, &t, &fl, &tn)) && tn) {
            long p = spell_find(c, s, sorted, t, tn);
            if (p >= 0)
                hit[p] = 1;
        }
        line = nl ? nl + 1 : buf + len;
    }
    free(buf);
    if (rc)
        return sg_error_set(err, rc, words, 0, -1, "%s", sg_status_string(rc));
    return 0;
}

/* Plain names of entries without a guard: a common word or a very short
 * name would match in running text. */
static int check_words(checker *c, name_rec *const *sorted, const size_t *first, const char *words,
                       sg_error *err)
{
    size_t size = 64;
    while (size < c->n * 2 + 2)
        size *= 2;
    spell_set s = {calloc(size, sizeof(size_t)), size - 1};
    unsigned char *hit = calloc(c->n + 1, 1);
    int rc = s.slot && hit ? 0 : sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    for (size_t p = 0; !rc && words && p < c->n; p++) {
        const name_rec *r = sorted[p];
        if (r->guarded || is_short(c, r) || hit[first[p]])
            continue;
        hit[first[p]] = 1; /* queued once a spelling; cleared below */
        size_t h = (size_t)hash_text(text_of(c, r), r->len) & s.mask;
        while (s.slot[h])
            h = (h + 1) & s.mask;
        s.slot[h] = first[p] + 1;
    }
    if (!rc)
        memset(hit, 0, c->n + 1);
    if (!rc && words)
        rc = scan_words(c, &s, sorted, words, hit, err);
    for (size_t p = 0; !rc && p < c->n; p++) {
        const name_rec *r = sorted[p];
        const sg_entity *e = c->ents[r->ent];
        if (r->guarded)
            continue;
        if (is_short(c, r))
            add_finding(c->out, e->file, e->line, 0, "short",
                        "name '%s' of %s is very short and matches in any case, without a guard "
                        "(guard column: exact, confirm, cue or never)",
                        shown(r), e->id);
        else if (hit[first[p]])
            add_finding(c->out, e->file, e->line, 0, "common-word",
                        "name '%s' of %s is the common French word '%s' and matches in any "
                        "case, without a guard (guard column: exact, confirm, cue or never)",
                        shown(r), e->id, text_of(c, r));
    }
    free(s.slot);
    free(hit);
    return rc;
}

/* ---- the whole check over a list of entities ---- */

static int cmp_name(const void *a, const void *b)
{
    const name_rec *x = *(name_rec *const *)a, *y = *(name_rec *const *)b;
    int k = strcmp(x->t, y->t);
    return k ? k : (x->seq > y->seq) - (x->seq < y->seq);
}

/* Sorting by folded spelling puts each spelling's names together (a few
 * comparisons a name, never all pairs). */
static int sort_names(checker *c, name_rec ***sorted_out, size_t **first_out)
{
    name_rec **sorted = sg_alloc_array(c->n + 1, sizeof(name_rec *));
    size_t *first = sg_alloc_array(c->n + 1, sizeof(size_t));
    if (!sorted || !first) {
        free(sorted);
        free(first);
        return SG_ERR_NOMEM;
    }
    for (size_t i = 0; i < c->n; i++) {
        c->names[i].t = c->pool + c->names[i].text; /* the pool is complete now */
        sorted[i] = &c->names[i];
    }
    if (c->n > 1)
        qsort(sorted, c->n, sizeof(name_rec *), cmp_name);
    for (size_t p = 0; p < c->n; p++)
        first[p] =
            p > 0 && !strcmp(text_of(c, sorted[p]), text_of(c, sorted[p - 1])) ? first[p - 1] : p;
    *sorted_out = sorted;
    *first_out = first;
    return 0;
}

static int check_entities(const sg_entity **ents, size_t nents, const char *words, findings *out,
                          sg_error *err)
{
    checker c;
    memset(&c, 0, sizeof(c));
    c.ents = ents;
    c.nents = nents;
    c.out = out;
    name_rec **sorted = NULL;
    size_t *first = NULL;
    int rc = collect_names(&c);
    if (!rc)
        rc = sort_names(&c, &sorted, &first);
    if (rc) {
        rc = sg_error_set(err, rc, NULL, 0, -1, "%s", sg_status_string(rc));
        goto cleanup;
    }
    for (size_t p = 0; p < c.n;) {
        size_t q = p + 1;
        while (q < c.n && first[q] == p)
            q++;
        for (size_t j = p; q - p > 1 && j < q; j++)
            check_one(&c, sorted + p, q - p, sorted[j]);
        p = q;
    }
    rc = check_words(&c, sorted, first, words, err);
    if (!rc && out->failed)
        rc = sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
cleanup:
    free(sorted);
    free(first);
    free(c.names);
    free(c.pool);
    sg_folded_free(&c.scratch);
    return rc;
}

int sg_gazetteer_check(const sg_gazetteer *gaz, const char *words, sg_finding_fn fn, void *ctx,
                       sg_error *err)
{
    if (!gaz)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    findings out;
    memset(&out, 0, sizeof(out));
    const sg_entity **ents = sg_alloc_array(gaz->n + 1, sizeof(sg_entity *));
    int rc = ents ? 0 : sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    for (size_t i = 0; !rc && i < gaz->n; i++)
        ents[i] = &gaz->ents[i];
    if (!rc)
        rc = check_entities(ents, gaz->n, words, &out, err);
    if (!rc)
        emit(&out, fn, ctx);
    free(ents);
    findings_free(&out);
    return rc;
}

/* ---- files ---- */

typedef struct {
    char **paths; /* the files to check, in order */
    size_t n, cap;
    sg_gazetteer **gaz; /* per file: what loaded (NULL: nothing) */
} file_list;

static int add_path(file_list *l, const char *path)
{
    char real[PATH_MAX], other[PATH_MAX];
    if (realpath(path, real))
        for (size_t i = 0; i < l->n; i++)
            if (realpath(l->paths[i], other) && !strcmp(real, other))
                return 0; /* named twice: checked once */
    char *p = sg_strdup(path);
    if (!p || sg_grow((void **)&l->paths, &l->cap, l->n + 1, sizeof(char *))) {
        free(p);
        return SG_ERR_NOMEM;
    }
    l->paths[l->n++] = p;
    return 0;
}

/* Every *.tsv of a directory, in sorted order (as sg_gazetteer_load_path). */
static int add_dir(file_list *l, const char *dir, findings *out)
{
    char **names = NULL;
    size_t n = 0;
    int rc = sg_gazetteer_dir_files(dir, &names, &n);
    if (rc == SG_ERR_IO) {
        add_finding(out, dir, 0, 1, "load", "cannot open directory: %s", strerror(errno));
        return 0;
    }
    if (rc)
        return rc;
    if (n == 0)
        add_finding(out, dir, 0, 1, "load", "no *.tsv gazetteer in this directory");
    for (size_t i = 0; i < n; i++) {
        if (!rc)
            rc = add_path(l, names[i]);
        free(names[i]);
    }
    free(names);
    return rc;
}

/* Line number of the header (the first line neither blank nor a comment);
 * 0 when there is none. */
static long header_line(const char *buf, size_t len)
{
    long line = 1;
    size_t i = len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < len) {
        size_t j = i;
        int blank = 1;
        while (j < len && buf[j] != '\n') {
            blank &= buf[j] == ' ' || buf[j] == '\t' || buf[j] == '\r';
            j++;
        }
        if (buf[i] != '#' && !blank)
            return line;
        i = j + 1;
        line++;
    }
    return 0;
}

/* Turns line `line` into spaces, keeping the numbers of the others. */
static void blank_line(char *buf, size_t len, long line)
{
    size_t i = 0;
    for (long k = 1; k < line && i < len; i++)
        k += buf[i] == '\n';
    for (; i < len && buf[i] != '\n'; i++)
        buf[i] = ' ';
}

/* Loads one file, reporting each line the loader refuses; *out gets what
 * loads once those lines are left out (NULL when the file cannot be read or
 * its header is wrong). */
static int load_one(const char *path, findings *out, sg_gazetteer **gaz_out, sg_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    const char *step;
    *gaz_out = NULL;
    int rd = sg_read_file(path, &buf, &len, &step);
    if (rd == SG_ERR_NOMEM)
        return sg_error_set(err, rd, path, 0, -1, "out of memory");
    if (rd) {
        add_finding(out, path, 0, 1, "load", "cannot %s: %s", step, strerror(errno));
        return 0;
    }
    long header = header_line(buf, len);
    int rc = 0;
    for (int tries = 0;; tries++) {
        sg_gazetteer *g = NULL;
        sg_error e;
        sg_error_clear(&e);
        if ((rc = sg_gazetteer_new(&g, err)))
            break;
        int lrc = sg_gazetteer_load_buffer(g, path, buf, len, &e);
        if (!lrc) {
            *gaz_out = g;
            break;
        }
        sg_gazetteer_free(g);
        if (lrc == SG_ERR_NOMEM) {
            rc = sg_error_set(err, lrc, path, e.line, -1, "out of memory");
            break;
        }
        add_finding(out, path, e.line, 1,
                    strncmp(e.message, "duplicate id", 12) ? "load" : "duplicate-id", "%s",
                    e.message);
        if (e.line <= 0 || e.line <= header) {
            add_finding(out, path, 0, 1, "load", "nothing of this file is checked further");
            break;
        }
        if (tries + 1 == MAX_ERRORS_PER_FILE) {
            add_finding(out, path, 0, 1, "load",
                        "more than %d errors: the rest of the file is not checked",
                        MAX_ERRORS_PER_FILE);
            break;
        }
        blank_line(buf, len, e.line);
    }
    free(buf);
    return rc;
}

/* Entities of every file in order; an id already defined in an earlier file
 * is an error and its entity is left out. */
static int gather(const file_list *l, findings *out, const sg_entity ***ents_out, size_t *n_out)
{
    size_t total = 0;
    for (size_t k = 0; k < l->n; k++)
        total += sg_gazetteer_count(l->gaz[k]);
    const sg_entity **ents = sg_alloc_array(total + 1, sizeof(sg_entity *));
    if (!ents)
        return SG_ERR_NOMEM;
    size_t n = 0;
    for (size_t k = 0; k < l->n; k++)
        for (size_t i = 0; i < sg_gazetteer_count(l->gaz[k]); i++) {
            const sg_entity *e = sg_gazetteer_entity(l->gaz[k], i);
            const sg_entity *prev = NULL;
            for (size_t j = 0; j < k && !prev; j++) {
                long p = sg_gazetteer_find(l->gaz[j], e->id);
                prev = p >= 0 ? sg_gazetteer_entity(l->gaz[j], (size_t)p) : NULL;
            }
            if (prev)
                add_finding(out, e->file, e->line, 1, "duplicate-id",
                            "duplicate id '%s' (first defined at %s:%ld)", e->id, prev->file,
                            prev->line);
            else
                ents[n++] = e;
        }
    *ents_out = ents;
    *n_out = n;
    return 0;
}

int sg_gazetteer_check_paths(const char *const *paths, size_t npaths, const char *words,
                             sg_finding_fn fn, void *ctx, size_t *nerrors, sg_error *err)
{
    findings out;
    memset(&out, 0, sizeof(out));
    file_list l;
    memset(&l, 0, sizeof(l));
    const sg_entity **ents = NULL;
    size_t nents = 0;
    int rc = 0;
    for (size_t i = 0; !rc && i < npaths; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0)
            add_finding(&out, paths[i], 0, 1, "load", "cannot open: %s", strerror(errno));
        else if (S_ISDIR(st.st_mode))
            rc = add_dir(&l, paths[i], &out);
        else
            rc = add_path(&l, paths[i]);
    }
    if (!rc && !(l.gaz = calloc(l.n + 1, sizeof(sg_gazetteer *))))
        rc = SG_ERR_NOMEM;
    if (rc) {
        rc = sg_error_set(err, rc, NULL, 0, -1, "out of memory");
        goto cleanup;
    }
    for (size_t k = 0; !rc && k < l.n; k++)
        rc = load_one(l.paths[k], &out, &l.gaz[k], err);
    if (!rc && (rc = gather(&l, &out, &ents, &nents)))
        rc = sg_error_set(err, rc, NULL, 0, -1, "out of memory");
    if (!rc)
        rc = check_entities(ents, nents, words, &out, err);
    if (!rc && out.failed)
        rc = sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    if (!rc) {
        emit(&out, fn, ctx);
        if (nerrors)
            *nerrors = out.nerrors;
    }
cleanup:
    free(ents);
    for (size_t k = 0; k < l.n; k++) {
        if (l.gaz)
            sg_gazetteer_free(l.gaz[k]);
        free(l.paths[k]);
    }
    free(l.gaz);
    free(l.paths);
    findings_free(&out);
    return rc;
}
