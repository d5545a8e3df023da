/* The departments of the region's communes, from the bundled
 * gazetteers/places.tsv and communes.tsv built into the library: which
 * department a commune is in, and which department a name is (bodies.c).
 * "le Département" in an article that names Arles is the council of the
 * Bouches-du-Rhône, though the gazetteers in use say nothing of Arles but its
 * name. Read once a process, on first use. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "variants_int.h"

extern const char sg_bundled_places[];
extern const size_t sg_bundled_places_len;
extern const char sg_bundled_communes[];
extern const size_t sg_bundled_communes_len;

#define MAX_DEPARTMENTS 255

typedef struct {
    uint64_t h; /* the folded name's hash; 0: an empty slot */
    unsigned char dept;
    unsigned char named; /* the department's own name, not a commune's */
} town_slot;

static struct {
    town_slot *towns;
    size_t mask;
    char codes[MAX_DEPARTMENTS + 1][4];  /* index -> INSEE code ("13", "2A") */
    unsigned char code_first[256];       /* 1: a code starts with that byte (digits) */
    uint64_t names[MAX_DEPARTMENTS + 1]; /* index -> the folded name's hash */
    unsigned n;
} D;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static uint64_t hash_of(const char *t, size_t n)
{
    uint64_t h = sg_fnv1a(SG_FNV_SEED, t, n);
    return h ? h : 1;
}

/* The index of department code `code`, added when new; 0 when there is no
 * room or no code. */
static unsigned dept_index(const char *code)
{
    if (!code || !*code || strlen(code) > 3)
        return 0;
    for (unsigned d = 1; d <= D.n; d++)
        if (!strcmp(D.codes[d], code))
            return d;
    if (D.n == MAX_DEPARTMENTS)
        return 0;
    strcpy(D.codes[++D.n], code);
    D.code_first[(unsigned char)code[0]] = 1;
    return D.n;
}

static town_slot *slot_of(uint64_t h)
{
    size_t i = (size_t)h & D.mask;
    while (D.towns[i].h && D.towns[i].h != h)
        i = (i + 1) & D.mask;
    return &D.towns[i];
}

static size_t attr_index(const sg_gazetteer *g, const char *name)
{
    for (size_t a = 0; a < g->nattr; a++)
        if (!strcmp(g->attr_names[a], name))
            return a;
    return SIZE_MAX;
}

static const char *attr_of(const sg_entity *e, size_t a)
{
    return a < e->nattrs ? e->attrs[a] : NULL;
}

/* Records folded name t[0, n) as in department d (its name, if named). */
static void put(const char *t, size_t n, unsigned d, int named)
{
    town_slot *s = slot_of(hash_of(t, n));
    if (named || !s->named) {
        /* (a name of two communes of two departments: neither) */
        s->dept = s->h && !named && s->dept != d ? 0 : (unsigned char)d;
        s->h = hash_of(t, n);
        s->named = (unsigned char)named;
    }
}

static void load(void)
{
    sg_gazetteer *g = NULL;
    sg_error err;
    if (sg_gazetteer_new(&g, &err) ||
        sg_gazetteer_load_buffer(g, "places.tsv (built in)", sg_bundled_places,
                                 sg_bundled_places_len, &err) ||
        sg_gazetteer_load_buffer(g, "communes.tsv (built in)", sg_bundled_communes,
                                 sg_bundled_communes_len, &err)) {
        sg_gazetteer_free(g);
        return; /* (no departments known: the bodies are read as before) */
    }
    size_t kind = attr_index(g, "kind"), dept = attr_index(g, "department"),
           insee = attr_index(g, "insee");
    D.mask = 63;
    while (D.mask + 1 < 2 * g->n + 2)
        D.mask = D.mask * 2 + 1;
    if (!(D.towns = calloc(D.mask + 1, sizeof(town_slot)))) {
        sg_gazetteer_free(g);
        return;
    }
    for (size_t i = 0; i < g->n; i++) {
        const sg_entity *e = &g->ents[i];
        const char *k = attr_of(e, kind), *label = e->label + (e->label[0] == '=');
        char *t = NULL;
        unsigned char *fl = NULL;
        size_t n = 0;
        if (!k || (strcmp(k, "commune") && strcmp(k, "department")) ||
            sg_fold_name(&t, &fl, &n, label, strlen(label)))
            continue;
        int named = !strcmp(k, "department");
        unsigned d = dept_index(attr_of(e, named ? insee : dept));
        put(t, n, d, named);
        if (named) { /* and as a name's skeleton ends with it: "bouches rhone" */
            char skel[SKEL_MAX];
            size_t sn = sg_skeleton_of(t, fl, n, skel);
            if (sn && sn < n)
                put(skel, sn, d, named);
        }
        free(t);
        free(fl);
    }
    sg_gazetteer_free(g);
}

/* The slot of the folded name t[0, n), or NULL. */
static const town_slot *lookup(const char *t, size_t n)
{
    pthread_once(&once, load);
    if (!D.towns || !n)
        return NULL;
    const town_slot *s = slot_of(hash_of(t, n));
    return s->h ? s : NULL;
}

/* A department's INSEE code t[0, n) ("13"), or 0. */
static unsigned code_of(const char *t, size_t n)
{
    if (n == 0 || n > 3 || !D.code_first[(unsigned char)t[0]])
        return 0; /* (a word: asked of every tail of a name) */
    for (unsigned d = 1; d <= D.n; d++)
        if (strlen(D.codes[d]) == n && !memcmp(D.codes[d], t, n))
            return d;
    return 0;
}

unsigned sg_department_of(const char *t, size_t n)
{
    const town_slot *s = lookup(t, n);
    return s ? s->dept : code_of(t, n);
}

unsigned sg_department_code(const char *t, size_t n)
{
    pthread_once(&once, load);
    return code_of(t, n);
}

unsigned sg_department_named(const char *t, size_t n)
{
    const town_slot *s = lookup(t, n);
    return s ? (s->named ? s->dept : 0) : code_of(t, n);
}
