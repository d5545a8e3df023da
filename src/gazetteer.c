/* Loading gazetteer TSV files (SPEC §3): all or nothing, errors name the file
 * and line. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "decode.h"
#include "gazetteer_int.h"
#include "normalise.h"
#include "regexp.h"
#include "sg_internal.h"
#include "stakegraph/extract.h"

/* Columns with a meaning of their own, and names that Gephi, igraph or our
 * own output already use: a gazetteer column with one of them would be
 * silently misread downstream, so it is refused at load time. */
static const char *const reserved[] = {
    "name",        "mentions", "documents",   "weight",    "x",         "y",
    "z",           "size",     "r",           "g",         "b",         "color",
    "colour",      "source",   "target",      "degree",    "units",     "strength",
    "betweenness", "pagerank", "eigenvector", "community", "component", "pos"};

enum {
    COL_ID,
    COL_LABEL,
    COL_TYPE,
    COL_ALIASES,
    COL_PATTERN,
    COL_SURNAME,
    COL_GUARD,
    COL_VARIANTS,
    NFIXED
};
static const char *const fixed_names[NFIXED] = {"id",      "label",   "type",  "aliases",
                                                "pattern", "surname", "guard", "variants"};
static const char *const guard_names[] = {"", "exact", "confirm", "cue", "never"};

static uint64_t hash_str(const char *s)
{
    uint64_t h = sg_fnv1a(SG_FNV_SEED, s, strlen(s));
    h ^= h >> 32; /* FNV's low bits alone cluster on ids that differ at the end */
    h *= 0xD6E8FEB86659FD93ULL;
    return h ^ (h >> 32);
}

/* An index entry: the id's hash in the high half, index + 1 in the low. */
static uint64_t index_entry(uint64_t hash, size_t i)
{
    return (hash & 0xFFFFFFFF00000000ULL) | (uint64_t)(i + 1);
}

int sg_gazetteer_new(sg_gazetteer **out, sg_error *err)
{
    sg_gazetteer *g = calloc(1, sizeof(*g));
    if (!g)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    *out = g;
    return 0;
}

void sg_gazetteer_free(sg_gazetteer *g)
{
    if (!g)
        return;
    /* (an entity's strings are in its file's text, its arrays in the slot blocks) */
    free(g->ents);
    for (size_t i = 0; i < g->nattr; i++)
        free(g->attr_names[i]);
    free(g->attr_names);
    for (size_t i = 0; i < g->nfiles; i++) {
        free(g->files[i]);
        free(g->texts[i]);
    }
    free(g->files);
    free(g->texts);
    free(g->index);
    for (size_t i = 0; i < g->nslot_blocks; i++)
        free(g->slot_blocks[i]);
    free(g->slot_blocks);
    free(g);
}

size_t sg_gazetteer_count(const sg_gazetteer *g)
{
    return g ? g->n : 0;
}

const sg_entity *sg_gazetteer_entity(const sg_gazetteer *g, size_t i)
{
    return &g->ents[i];
}

const char *sg_gazetteer_id(const sg_gazetteer *g, size_t i)
{
    return g->ents[i].id;
}

const char *sg_gazetteer_label(const sg_gazetteer *g, size_t i)
{
    return g->ents[i].label;
}

const char *sg_gazetteer_type(const sg_gazetteer *g, size_t i)
{
    return g->ents[i].type;
}

/* Looks an id up in the hash index. */
long sg_gazetteer_find(const sg_gazetteer *g, const char *id)
{
    if (!g || !g->index)
        return -1;
    uint64_t hash = hash_str(id);
    size_t h = (size_t)hash & g->index_mask;
    while (g->index[h]) {
        size_t i = (size_t)(g->index[h] & 0xFFFFFFFFu) - 1;
        if ((g->index[h] >> 32) == (hash >> 32) && i < g->n &&
            !strcmp(g->ents[i].id, id)) /* i < n: a failed rebuild may lag */
            return (long)i;
        h = (h + 1) & g->index_mask;
    }
    return -1;
}

/* Rebuilds the index of the first n entities with room for `room`. */
static int index_rebuild(sg_gazetteer *g, size_t n, size_t room)
{
    size_t size = 64;
    while (size < room * 2 + 2)
        size *= 2;
    /* (huge pages from 1.5 MiB: the bench's 100,000 ids, hashed at random
       into 2 MiB, faulted some 975 times in 4 KiB pages) */
    uint64_t *idx = sg_calloc_array(size, sizeof(uint64_t));
    if (!idx)
        return SG_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        uint64_t hash = hash_str(g->ents[i].id);
        size_t h = (size_t)hash & (size - 1);
        while (idx[h])
            h = (h + 1) & (size - 1);
        idx[h] = index_entry(hash, i);
    }
    free(g->index);
    g->index = idx;
    g->index_mask = size - 1;
    return 0;
}

/* ---- parsing ---- */

typedef struct {
    const char *name;
    sg_error *err;
    long line;
    int col_of[NFIXED]; /* header position of each fixed column, -1 if absent */
    size_t *attr_of;    /* header position -> attribute index, or SIZE_MAX */
    size_t ncols;
    sg_folded scratch; /* folding buffer, reused from one name to the next */
    int controls;      /* the text may hold control characters (text_has_control) */
} parser;

static int perr(parser *p, int code, const char *fmt, const char *arg)
{
    char msg[400];
    snprintf(msg, sizeof(msg), fmt, arg);
    return sg_error_set(p->err, code, p->name, p->line, -1, "%s", msg);
}

/* The text [s, end) without its spaces at either end (cut in place). */
static char *trim_span(char *s, char *end)
{
    while (s < end && *s == ' ')
        s++;
    while (end > s && end[-1] == ' ')
        *--end = '\0';
    return s;
}

static char *trim(char *s)
{
    return trim_span(s, s + strlen(s));
}

/* Splits `line` of `len` bytes (modified in place) at tabs into *cells, each
 * trimmed of its spaces, grown as needed; returns the number of cells, 0
 * when out of memory. */
static size_t split_cells(char *line, size_t len, char ***cells, size_t *cap)
{
    size_t n = 0;
    char *line_end = line + len;
    for (char *s = line;;) {
        if (n == *cap && sg_grow((void **)cells, cap, n + 1, sizeof(char *)))
            return 0;
        char *t = memchr(s, '\t', (size_t)(line_end - s));
        (*cells)[n++] = trim_span(s, t ? t : line_end);
        if (!t)
            return n;
        *t = '\0';
        s = t + 1;
    }
}

static int find_attr(sg_gazetteer *g, const char *name, size_t *out)
{
    for (size_t a = 0; a < g->nattr; a++)
        if (!strcmp(g->attr_names[a], name)) {
            *out = a;
            return 0;
        }
    if (sg_grow((void **)&g->attr_names, &g->attr_cap, g->nattr + 1, sizeof(char *)))
        return SG_ERR_NOMEM;
    if (!(g->attr_names[g->nattr] = sg_strdup(name)))
        return SG_ERR_NOMEM;
    *out = g->nattr++;
    return 0;
}

/* Every entity keeps one cell per attribute column, so a header of a million
 * tabs over a thousand short rows would take gigabytes: no real gazetteer
 * comes near this many columns. */
#define SG_MAX_COLUMNS 1000

static int parse_header(parser *p, sg_gazetteer *g, char **cells, size_t n)
{
    for (int c = 0; c < NFIXED; c++)
        p->col_of[c] = -1;
    if (g->nattr + n > SG_MAX_COLUMNS) {
        char what[160];
        if (g->nattr)
            snprintf(what, sizeof(what),
                     "too many columns: %zu in the header and %zu from the gazetteers before "
                     "(at most %d in all)",
                     n, g->nattr, SG_MAX_COLUMNS);
        else
            snprintf(what, sizeof(what), "too many columns: %zu in the header (at most %d)", n,
                     SG_MAX_COLUMNS);
        return perr(p, SG_ERR_LIMIT, "%s", what);
    }
    p->attr_of = sg_alloc_array(n, sizeof(size_t));
    if (!p->attr_of)
        return sg_error_set(p->err, SG_ERR_NOMEM, p->name, p->line, -1, "out of memory");
    p->ncols = n;
    for (size_t i = 0; i < n; i++) {
        char *name = cells[i];
        p->attr_of[i] = SIZE_MAX;
        if (!*name)
            return perr(p, SG_ERR_PARSE, "empty column name in the header%s", "");
        for (size_t j = 0; j < i; j++)
            if (!strcmp(cells[j], name))
                return perr(p, SG_ERR_PARSE, "column '%s' appears twice in the header", name);
        int fixed = -1;
        for (int c = 0; c < NFIXED; c++)
            if (!strcmp(name, fixed_names[c]))
                fixed = c;
        if (fixed >= 0) {
            p->col_of[fixed] = (int)i;
            continue;
        }
        for (size_t r = 0; r < sizeof(reserved) / sizeof(*reserved); r++)
            if (!strcmp(name, reserved[r]))
                return perr(p, SG_ERR_PARSE,
                            "column name '%s' is reserved (Gephi, igraph or stakegraph give it "
                            "a meaning of its own); rename it",
                            name);
        if (find_attr(g, name, &p->attr_of[i]))
            return sg_error_set(p->err, SG_ERR_NOMEM, p->name, p->line, -1, "out of memory");
    }
    for (int c = 0; c < COL_ALIASES; c++)
        if (p->col_of[c] < 0)
            return perr(p, SG_ERR_PARSE, "the header has no '%s' column", fixed_names[c]);
    return 0;
}

/* Whether a name has a letter or digit (1 or 0), as folding it would tell,
 * when that needs no folding: 1 for a name with a letter or digit in ASCII
 * (nine in ten), 0 for a name in ASCII without one; -1 for any other name,
 * or one with what may fold to a paragraph break (U+0085, U+2028, U+2029;
 * control characters are refused before, parse_row). Folding every name
 * not in ASCII was a sixth of the bench gazetteer's reading. */
/* May the character at u fold to a paragraph break (U+0085, U+2028, U+2029)? */
static int break_at(const unsigned char *u)
{
    return (u[0] == 0xC2 && u[1] == 0x85) ||
           (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9));
}

static int plain_letters(const char *s)
{
    int letters = 0, ascii = 1;
    const unsigned char *u = (const unsigned char *)s;
    for (; *u && !letters; u++) {
        if (*u >= 0x80) {
            ascii = 0;
            if (break_at(u))
                return -1;
        } else {
            letters = (unsigned)((*u | 0x20) - 'a') < 26 || (unsigned)(*u - '0') < 10;
        }
    }
    for (; *u; u++) /* (a letter found: the rest only needs no break) */
        if (*u >= 0x80 && break_at(u))
            return -1;
    return letters ? 1 : ascii ? 0 : -1;
}

static int check_name(parser *p, const char *alias)
{
    const char *s = alias[0] == '!' ? alias + 1 : alias;
    s = s[0] == '=' ? s + 1 : s;
    int letters = plain_letters(s), breaks = 0;
    if (letters < 0) {
        const char *t = NULL;
        const unsigned char *fl = NULL;
        size_t n = 0;
        if (sg_fold_name_in(&p->scratch, s, strlen(s), &t, &fl, &n))
            return sg_error_set(p->err, SG_ERR_NOMEM, p->name, p->line, -1, "out of memory");
        letters = 0;
        for (size_t i = 0; i < n; i++)
            letters |= fl[i] & SG_F_ALNUM;
        breaks = memchr(t, '\n', n) != NULL;
    }
    /* the boundary rule applies to the name's letters: "C.H.U.", "Château-Chinon
     * (Ville)" and names in quotes match where their first and last letters do */
    if (!letters)
        return perr(p, SG_ERR_PARSE, "name '%s' has no letter or digit", alias);
    if (breaks)
        return perr(p, SG_ERR_PARSE, "name '%s' spans a paragraph break", alias);
    return 0;
}

#define SLOT_BLOCK 4096

/* n zeroed slots (at least one) for an entity's aliases or attributes, NULL
 * when out of memory: from blocks kept until the gazetteer is freed (a
 * calloc a row, and a free, were a tenth of the bench gazetteer's reading).
 * A load rolled back leaves its slots unused. */
static char **slots_take(sg_gazetteer *g, size_t n)
{
    n += n == 0;
    if (n > g->slots_left) {
        size_t size = n > SLOT_BLOCK ? n : SLOT_BLOCK;
        char **b = calloc(size, sizeof(char *));
        if (!b || sg_grow((void **)&g->slot_blocks, &g->slot_blocks_cap, g->nslot_blocks + 1,
                          sizeof(char **))) {
            free(b);
            return NULL;
        }
        g->slot_blocks[g->nslot_blocks++] = b;
        g->slots_next = b;
        g->slots_left = size;
    }
    char **s = g->slots_next;
    g->slots_next += n;
    g->slots_left -= n;
    return s;
}

static int split_aliases(parser *p, sg_gazetteer *g, sg_entity *e, char *cell)
{
    if (!*cell)
        return 0;
    size_t n = 1;
    for (char *c = cell; *c; c++)
        n += *c == '|';
    e->aliases = slots_take(g, n);
    if (!e->aliases)
        return sg_error_set(p->err, SG_ERR_NOMEM, p->name, p->line, -1, "out of memory");
    char *s = cell;
    for (size_t k = 0; k < n; k++) {
        char *bar = strchr(s, '|');
        if (bar)
            *bar = '\0';
        char *a = trim(s);
        if (!*a || !strcmp(a, "=") || !strcmp(a, "!") || !strcmp(a, "!="))
            return perr(p, SG_ERR_PARSE, "empty alias in '%s'", "aliases");
        int rc = check_name(p, a);
        if (rc)
            return rc;
        e->aliases[e->naliases++] = a;
        s = bar ? bar + 1 : s;
    }
    return 0;
}

static int check_pattern(parser *p, const char *pattern)
{
    char msg[256];
    size_t off = 0;
    int rc = sg_regex_check(pattern, msg, sizeof(msg), &off);
    if (rc == SG_ERR_PATTERN)
        return sg_error_set(p->err, SG_ERR_PATTERN, p->name, p->line, -1,
                            "invalid pattern at character %zu: %s", off, msg);
    if (rc)
        return sg_error_set(p->err, rc, p->name, p->line, -1, "out of memory");
    return 0;
}

/* Control characters, and the noncharacters U+FFFE and U+FFFF, which XML
 * forbids: written as U+FFFD, two ids differing only there would become one. */
static int has_control(const char *s)
{
    for (const unsigned char *u = (const unsigned char *)s;; u++) {
        if (*u - 0x20u < 0x5Fu) /* printable ASCII, most bytes: one test */
            continue;
        if (*u < 0x20 || *u == 0x7F)
            return *u != 0;
        if (u[0] == 0xEF && u[1] == 0xBF && (u[2] == 0xBE || u[2] == 0xBF))
            return 1;
    }
}

/* What has_control refuses, by byte: 1 a control character (but a line's
 * tab and line feed, which no cell holds), 2 the first byte of U+FFFE and
 * U+FFFF. */
static const unsigned char control_class[256] = {
    0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, /* (0x00: refused before) */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, [0x7F] = 1, [0xEF] = 2};

/* May a cell of the file's text s[0, len) hold what has_control refuses? No
 * when the text has no control character but tabs and line feeds, nor
 * U+FFFE, U+FFFF: then no cell is checked (cell by cell, the check was a
 * seventh of the bench gazetteer's reading). Eight bytes a step. */
static int text_has_control(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    const unsigned char *cls = control_class;
    unsigned seen = 0;
    size_t i = 0;
    for (; i + 8 <= len; i += 8)
        seen |= cls[u[i]] | cls[u[i + 1]] | cls[u[i + 2]] | cls[u[i + 3]] | cls[u[i + 4]] |
                cls[u[i + 5]] | cls[u[i + 6]] | cls[u[i + 7]];
    for (; i < len; i++)
        seen |= cls[u[i]];
    if (seen & 1)
        return 1;
    for (i = 0; (seen & 2) && i + 2 < len; i++)
        if (u[i] == 0xEF && u[i + 1] == 0xBF && (u[i + 2] == 0xBE || u[i + 2] == 0xBF))
            return 1;
    return 0;
}

/* A cell of the file's text (cut and trimmed in place, kept with the
 * gazetteer: one allocation a file rather than one a string). */
static int set_cell(parser *p, char **dst, char *cell)
{
    (void)p;
    if (*cell)
        *dst = cell;
    return 0;
}

static int parse_row(parser *p, sg_gazetteer *gaz, sg_entity *e, char **cells, size_t n)
{
    if (n > p->ncols) {
        char what[96];
        snprintf(what, sizeof(what), "%zu fields but the header has %zu", n, p->ncols);
        return perr(p, SG_ERR_PARSE, "%s", what);
    }
    char *fixed[NFIXED];
    for (int c = 0; c < NFIXED; c++) {
        int col = p->col_of[c];
        fixed[c] = col >= 0 && (size_t)col < n ? cells[col] : NULL;
        if (c < COL_ALIASES && !fixed[c])
            return perr(p, SG_ERR_PARSE, "missing column '%s'", fixed_names[c]);
        if (c < COL_ALIASES && !*fixed[c])
            return perr(p, SG_ERR_PARSE, "empty '%s'", fixed_names[c]);
    }
    for (size_t i = 0; p->controls && i < n; i++)
        if (has_control(cells[i]))
            return sg_error_set(p->err, SG_ERR_PARSE, p->name, p->line, -1,
                                "control character (or U+FFFE, U+FFFF) in field %zu", i + 1);
    if (strchr(fixed[COL_ID], ' ') || strstr(fixed[COL_ID], "\xc2\xa0"))
        return perr(p, SG_ERR_PARSE, "id '%s' contains white space", fixed[COL_ID]);
    int rc = check_name(p, fixed[COL_LABEL][0] == '=' ? fixed[COL_LABEL] + 1 : fixed[COL_LABEL]);
    if (!rc)
        rc = set_cell(p, &e->id, fixed[COL_ID]);
    if (!rc)
        rc = set_cell(p, &e->label, fixed[COL_LABEL]);
    if (!rc)
        rc = set_cell(p, &e->type, fixed[COL_TYPE]);
    if (!rc && fixed[COL_ALIASES])
        rc = split_aliases(p, gaz, e, fixed[COL_ALIASES]);
    if (!rc && fixed[COL_PATTERN] && *fixed[COL_PATTERN]) {
        rc = check_pattern(p, fixed[COL_PATTERN]);
        if (!rc)
            rc = set_cell(p, &e->pattern, fixed[COL_PATTERN]);
    }
    if (!rc && fixed[COL_GUARD] && *fixed[COL_GUARD]) {
        size_t g = 1;
        while (g < sizeof(guard_names) / sizeof(*guard_names) &&
               strcmp(fixed[COL_GUARD], guard_names[g]))
            g++;
        if (g == sizeof(guard_names) / sizeof(*guard_names))
            return perr(p, SG_ERR_PARSE,
                        "unknown guard '%s' (exact, confirm, cue or never; empty: none)",
                        fixed[COL_GUARD]);
        e->guard = (unsigned char)g;
    }
    if (!rc && fixed[COL_VARIANTS] && *fixed[COL_VARIANTS]) {
        unsigned allowed = 0;
        if (sg_variants_parse(&allowed, fixed[COL_VARIANTS]))
            return perr(p, SG_ERR_PARSE,
                        "unknown variants '%s' (all, none, or names such as function-words, "
                        "fuzzy; '-name' removes one; see the README)",
                        fixed[COL_VARIANTS]);
        e->variants_off = (uint16_t)(SG_VARIANT_ALL & ~allowed);
    }
    if (!rc && fixed[COL_SURNAME] && *fixed[COL_SURNAME]) {
        rc = check_name(p, fixed[COL_SURNAME]);
        if (!rc)
            rc = set_cell(p, &e->surname, fixed[COL_SURNAME]);
    }
    if (rc)
        return rc;
    /* cells up to the last non-empty one only: memory follows the row's length,
     * not the number of attribute columns of every file loaded */
    e->nattrs = 0;
    for (size_t i = 0; i < n; i++)
        if (p->attr_of[i] != SIZE_MAX && *cells[i] && p->attr_of[i] >= e->nattrs)
            e->nattrs = p->attr_of[i] + 1;
    e->attrs = slots_take(gaz, e->nattrs);
    if (!e->attrs)
        return sg_error_set(p->err, SG_ERR_NOMEM, p->name, p->line, -1, "out of memory");
    for (size_t i = 0; i < n; i++)
        if (p->attr_of[i] != SIZE_MAX && (rc = set_cell(p, &e->attrs[p->attr_of[i]], cells[i])))
            return rc;
    return 0;
}

/* Line of byte offset `off` in `data` (1-based). */
static long line_of(const char *data, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++)
        line += data[i] == '\n';
    return line;
}

static int is_blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\r')
            return 0;
    return 1;
}

/* Rolls back entities and attributes added by a failed load. */
static void rollback(sg_gazetteer *g, size_t n0, size_t nattr0)
{
    g->n = n0;
    for (size_t a = nattr0; a < g->nattr; a++)
        free(g->attr_names[a]);
    g->nattr = nattr0;
    index_rebuild(g, n0, n0); /* shrinking cannot need more memory than before */
}

/* The entities added so far, for the feed's reader. */
static void feed_publish(sg_gazetteer *g)
{
    sg_gaz_feed *f = g->feed;
    pthread_mutex_lock(&f->lock);
    f->published = g->n;
    pthread_cond_broadcast(&f->cond);
    pthread_mutex_unlock(&f->lock);
}

/* A load failed: the feed's reader stops, and is no longer reading the
 * entities when this returns (they may then be freed). */
static void feed_halt(sg_gazetteer *g)
{
    sg_gaz_feed *f = g->feed;
    if (!f)
        return;
    pthread_mutex_lock(&f->lock);
    f->halted = 1;
    pthread_cond_broadcast(&f->cond);
    while (f->reading)
        pthread_cond_wait(&f->cond, &f->lock);
    pthread_mutex_unlock(&f->lock);
}

void sg_gaz_feed_close(sg_gazetteer *g, int ok)
{
    sg_gaz_feed *f = g->feed;
    if (!ok) {
        feed_halt(g);
        return;
    }
    pthread_mutex_lock(&f->lock);
    f->published = g->n;
    f->done = 1;
    pthread_cond_broadcast(&f->cond);
    pthread_mutex_unlock(&f->lock);
}

size_t sg_gaz_feed_take(sg_gaz_feed *f, size_t from)
{
    pthread_mutex_lock(&f->lock);
    while (!f->halted && !f->done && f->published <= from)
        pthread_cond_wait(&f->cond, &f->lock);
    size_t end = f->halted ? from : f->published;
    f->reading = end > from;
    pthread_mutex_unlock(&f->lock);
    return end;
}

void sg_gaz_feed_release(sg_gaz_feed *f)
{
    pthread_mutex_lock(&f->lock);
    f->reading = 0;
    pthread_cond_broadcast(&f->cond);
    pthread_mutex_unlock(&f->lock);
}

/* Room for `need` entities. With a feed, the array moves only while its
 * reader is not reading it. */
static int ents_room(sg_gazetteer *g, size_t need)
{
    sg_gaz_feed *f = g->feed;
    if (need <= g->cap || !f)
        return sg_grow((void **)&g->ents, &g->cap, need, sizeof(sg_entity));
    pthread_mutex_lock(&f->lock);
    while (f->reading)
        pthread_cond_wait(&f->cond, &f->lock);
    int rc = sg_grow((void **)&g->ents, &g->cap, need, sizeof(sg_entity));
    pthread_mutex_unlock(&f->lock);
    return rc;
}

static int add_entity_checked(parser *p, sg_gazetteer *g, sg_entity *e)
{
    long prev = sg_gazetteer_find(g, e->id);
    if (prev >= 0) {
        char msg[1400];
        snprintf(msg, sizeof(msg), "duplicate id '%s' (first defined at %s:%ld)", e->id,
                 g->ents[prev].file, g->ents[prev].line);
        return sg_error_set(p->err, SG_ERR_PARSE, p->name, p->line, -1, "%s", msg);
    }
    if (g->n >= UINT32_MAX - 1)
        return sg_error_set(p->err, SG_ERR_LIMIT, p->name, p->line, -1, "too many entities");
    if (ents_room(g, g->n + 1))
        return sg_error_set(p->err, SG_ERR_NOMEM, p->name, p->line, -1, "out of memory");
    g->ents[g->n++] = *e;
    if ((g->n * 2 + 2 > g->index_mask + 1 || !g->index) ? index_rebuild(g, g->n, g->n) : 0)
        return sg_error_set(p->err, SG_ERR_NOMEM, p->name, p->line, -1, "out of memory");
    /* insert the new one into the existing index */
    uint64_t hash = hash_str(e->id);
    size_t h = (size_t)hash & g->index_mask;
    while (g->index[h] && (g->index[h] & 0xFFFFFFFFu) != g->n)
        h = (h + 1) & g->index_mask;
    g->index[h] = index_entry(hash, g->n - 1);
    if (g->feed && (g->n & 255) == 0)
        feed_publish(g);
    return 0;
}

static int parse_lines(parser *p, sg_gazetteer *g, char *buf, const char *file)
{
    int have_header = 0, rc = 0;
    char **cells = NULL;
    size_t cells_cap = 0;
    char *line = buf;
    while (line && !rc) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        p->line++;
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        if (len && line[len - 1] == '\r')
            line[--len] = '\0';
        if (line[0] != '#' && !is_blank(line)) {
            size_t n = split_cells(line, len, &cells, &cells_cap);
            if (!n) {
                rc = sg_error_set(p->err, SG_ERR_NOMEM, p->name, p->line, -1, "out of memory");
                break;
            }
            if (!have_header) {
                rc = parse_header(p, g, cells, n);
                have_header = 1;
            } else {
                sg_entity e;
                memset(&e, 0, sizeof(e));
                e.file = file;
                e.line = p->line;
                rc = parse_row(p, g, &e, cells, n);
                if (!rc)
                    rc = add_entity_checked(p, g, &e);
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    if (!rc && !have_header)
        rc = sg_error_set(p->err, SG_ERR_PARSE, p->name, 0, -1,
                          "no header line (expected 'id<TAB>label<TAB>type...')");
    free(cells);
    return rc;
}

int sg_gazetteer_load_buffer(sg_gazetteer *g, const char *name, const char *data, size_t len,
                             sg_error *err)
{
    if (!g || (!data && len))
        return sg_error_set(err, SG_ERR_INVALID, name, 0, -1, "invalid argument");
    if (!name)
        name = "<gazetteer>";
    size_t bom = sg_utf8_bom(data, len);
    long long bad = sg_utf8_check(data, len);
    if (bad >= 0)
        return sg_error_set(err, SG_ERR_UTF8, name, line_of(data, (size_t)bad), -1,
                            "invalid UTF-8 (byte %lld of the file)", bad);
    if (memchr(data, '\0', len))
        return sg_error_set(err, SG_ERR_PARSE, name,
                            line_of(data, (size_t)((const char *)memchr(data, '\0', len) - data)),
                            -1, "NUL byte in a gazetteer");
    char *buf = sg_strndup(data + bom, len - bom);
    char *fname = sg_strdup(name);
    if (!buf || !fname ||
        sg_grow((void **)&g->files, &g->files_cap, g->nfiles + 1, sizeof(char *)) ||
        sg_grow((void **)&g->texts, &g->texts_cap, g->nfiles + 1, sizeof(char *))) {
        free(buf);
        free(fname);
        return sg_error_set(err, SG_ERR_NOMEM, name, 0, -1, "out of memory");
    }
    parser p;
    memset(&p, 0, sizeof(p));
    p.name = name;
    p.err = err;
    p.controls = text_has_control(data + bom, len - bom);
    size_t n0 = g->n, nattr0 = g->nattr;
    /* the id index sized for every line at once rather than grown */
    size_t lines = 1;
    for (const char *q = memchr(data, '\n', len); q;
         q = memchr(q + 1, '\n', len - (size_t)(q + 1 - data)))
        lines++;
    int rc = (g->n + lines) * 2 + 2 > g->index_mask + 1 ? index_rebuild(g, g->n, g->n + lines) : 0;
    if (!rc && g->feed) { /* the array moved once, and the reader told how many to expect */
        rc = ents_room(g, g->n + lines);
        pthread_mutex_lock(&g->feed->lock);
        g->feed->expected = g->n + lines;
        pthread_mutex_unlock(&g->feed->lock);
    }
    if (rc)
        rc = sg_error_set(err, rc, name, 0, -1, "out of memory");
    else
        rc = parse_lines(&p, g, buf, fname);
    if (!rc && g->feed)
        feed_publish(g);
    free(p.attr_of);
    sg_folded_free(&p.scratch);
    if (rc) {
        feed_halt(g);
        rollback(g, n0, nattr0);
        free(buf);
        free(fname);
        return rc;
    }
    g->texts[g->nfiles] = buf;
    g->files[g->nfiles++] = fname;
    return 0;
}

static int read_file(const char *path, char **out, size_t *len, sg_error *err)
{
    const char *step;
    int rc = sg_read_file(path, out, len, &step);
    if (rc == SG_ERR_NOMEM)
        return sg_error_set(err, rc, path, 0, -1, "out of memory");
    if (rc)
        return sg_error_set(err, rc, path, 0, -1, "cannot %s: %s", step, strerror(errno));
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_file(sg_gazetteer *g, const char *path, sg_error *err)
{
    char *data = NULL;
    size_t len = 0;
    int rc = read_file(path, &data, &len, err);
    if (!rc)
        rc = sg_gazetteer_load_buffer(g, path, data, len, err);
    free(data);
    return rc;
}

int sg_gazetteer_dir_files(const char *dir, char ***out, size_t *count)
{
    DIR *d = opendir(dir);
    if (!d)
        return SG_ERR_IO;
    char **names = NULL;
    size_t n = 0, cap = 0, dl = strlen(dir);
    int rc = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".tsv") || de->d_name[0] == '.')
            continue;
        char *full = malloc(dl + l + 2);
        if (!full || sg_grow((void **)&names, &cap, n + 1, sizeof(char *))) {
            free(full);
            rc = SG_ERR_NOMEM;
            break;
        }
        snprintf(full, dl + l + 2, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", de->d_name);
        names[n++] = full;
    }
    closedir(d);
    if (rc) {
        for (size_t i = 0; i < n; i++)
            free(names[i]);
        free(names);
        return rc;
    }
    if (n > 1)
        qsort(names, n, sizeof(char *), cmp_str);
    *out = names;
    *count = n;
    return 0;
}

static int load_dir(sg_gazetteer *g, const char *path, sg_error *err)
{
    char **names = NULL;
    size_t n = 0;
    int rc = sg_gazetteer_dir_files(path, &names, &n);
    if (rc == SG_ERR_IO)
        return sg_error_set(err, SG_ERR_IO, path, 0, -1, "cannot open directory: %s",
                            strerror(errno));
    if (rc)
        return sg_error_set(err, SG_ERR_NOMEM, path, 0, -1, "out of memory");
    if (n == 0)
        rc = sg_error_set(err, SG_ERR_IO, path, 0, -1, "no *.tsv gazetteer in this directory");
    size_t n0 = g->n, nattr0 = g->nattr, nfiles0 = g->nfiles;
    for (size_t i = 0; !rc && i < n; i++)
        rc = load_file(g, names[i], err);
    if (rc) {
        feed_halt(g);
        rollback(g, n0, nattr0);
        for (size_t i = nfiles0; i < g->nfiles; i++) {
            free(g->files[i]);
            free(g->texts[i]);
        }
        g->nfiles = nfiles0;
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

int sg_gazetteer_load_path(sg_gazetteer *g, const char *path, sg_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return sg_error_set(err, SG_ERR_IO, path, 0, -1, "cannot open: %s", strerror(errno));
    if (S_ISDIR(st.st_mode))
        return load_dir(g, path, err);
    return load_file(g, path, err);
}

/* FNV-1a over a string and its terminator, then a final mix. */
static uint64_t fp_str(uint64_t h, const char *s)
{
    if (!s)
        return (h ^ 0xFFu) * 0x100000001B3ULL; /* absent differs from empty */
    for (;; s++) {
        h = (h ^ (unsigned char)*s) * 0x100000001B3ULL;
        if (!*s)
            return h;
    }
}

static uint64_t mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

uint64_t sg_gazetteer_fingerprint(const sg_gazetteer *gaz)
{
    uint64_t sum = 0;
    for (size_t i = 0; i < gaz->n; i++) {
        const sg_entity *e = &gaz->ents[i];
        uint64_t h = 0xCBF29CE484222325ULL;
        h = fp_str(fp_str(fp_str(h, e->id), e->label), e->type);
        for (size_t a = 0; a < e->naliases; a++)
            h = fp_str(h, e->aliases[a]);
        h = fp_str(fp_str(h, e->pattern), e->surname);
        if (e->guard) /* (unguarded entries keep the fingerprints of earlier versions) */
            h = fp_str(h, guard_names[e->guard]);
        if (e->variants_off) { /* (so do entries with every variant) */
            char v[16];
            snprintf(v, sizeof(v), "v%u", (unsigned)e->variants_off);
            h = fp_str(h, v);
        }
        uint64_t attrs = 0; /* columns in any order */
        for (size_t a = 0; a < e->nattrs; a++)
            if (e->attrs[a])
                attrs +=
                    mix(fp_str(fp_str(0xCBF29CE484222325ULL, gaz->attr_names[a]), e->attrs[a]));
        sum += mix(h ^ mix(attrs)); /* entities in any order */
    }
    return mix(sum + gaz->n);
}
