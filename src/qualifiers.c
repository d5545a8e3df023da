/* A name's qualifier in brackets (variant "qualifiers"): an analyst tells
 * apart two entries of one name by a town or a kind in brackets at the end
 * of the label, "Ehpad La Pinède (Sanary-sur-Mer)", "Le Merlan (Marseille)",
 * and the press writes the name without it, "l'Ehpad La Pinède". The name
 * without its qualifier is read as the entry's, derived (its other variants
 * read through it), unless another entry is named so or reads so without its
 * own: "Château-Chinon (Ville)" and "Château-Chinon (Campagne)" are two
 * communes, and "Château-Chinon" names neither. An entry read only after a
 * cue (guard "cue": "Saint-Charles (Marseille)", also a station) is read so
 * without its qualifier too; other guards keep their names as written. */
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "variants_int.h"

typedef struct {
    uint32_t entity;
    char *bare; /* the name as written, before " (" */
    char *key;  /* its folded reading */
    size_t kn;
} bare_name;

static int cmp_bare(const void *a, const void *b)
{
    const bare_name *x = a, *y = b;
    size_t n = x->kn < y->kn ? x->kn : y->kn;
    int c = memcmp(x->key, y->key, n);
    if (c || x->kn != y->kn)
        return c ? c : (x->kn < y->kn ? -1 : 1);
    return (x->entity > y->entity) - (x->entity < y->entity);
}

size_t sg_before_qualifier(const char *name)
{
    size_t n = strlen(name);
    if (n < 4 || name[n - 1] != ')')
        return 0;
    const char *open = NULL;
    for (const char *p = name; p < name + n - 1; p++)
        if (*p == '(')
            open = p;
        else if (*p == ')')
            open = NULL;
    if (!open || open == name || open[-1] != ' ')
        return 0;
    size_t k = (size_t)(open - name);
    while (k > 0 && name[k - 1] == ' ')
        k--;
    return k;
}

static int note(sg_folded *scratch, uint32_t e, const char *written, bare_name **v, size_t *nv,
                size_t *cap)
{
    size_t len = sg_before_qualifier(written);
    if (!len)
        return 0;
    char *bare = malloc(len + 1);
    if (!bare)
        return SG_ERR_NOMEM;
    memcpy(bare, written, len);
    bare[len] = '\0';
    sg_name_reading nr;
    int rc = sg_name_read(scratch, bare, SG_GUARD_NONE, &nr);
    char *key = rc || nr.n == 0 ? NULL : malloc(nr.n);
    if (rc || nr.n == 0 || !key || sg_grow((void **)v, cap, *nv + 1, sizeof(bare_name))) {
        free(bare);
        free(key);
        return rc ? rc : nr.n == 0 ? 0 : SG_ERR_NOMEM;
    }
    memcpy(key, nr.t, nr.n);
    (*v)[(*nv)++] = (bare_name){e, bare, key, nr.n};
    return 0;
}

int sg_qualified_names_add(sg_matcher *m, sg_folded *scratch)
{
    bare_name *v = NULL;
    size_t nv = 0, cap = 0;
    int rc = 0;
    for (size_t e = 0; !rc && e < m->gaz->n; e++) {
        const sg_entity *ent = &m->gaz->ents[e];
        if (!sg_label_is_exact(ent))
            rc = note(scratch, (uint32_t)e, ent->label, &v, &nv, &cap);
        for (size_t a = 0; !rc && a < ent->naliases; a++)
            rc = note(scratch, (uint32_t)e, ent->aliases[a], &v, &nv, &cap);
    }
    if (!rc && nv)
        qsort(v, nv, sizeof(*v), cmp_bare);
    for (size_t i = 0, j; !rc && i < nv; i = j) {
        int shared = 0;
        for (j = i + 1; j < nv && v[j].kn == v[i].kn && !memcmp(v[j].key, v[i].key, v[i].kn); j++)
            shared |= v[j].entity != v[i].entity;
        const sg_entity *ent = &m->gaz->ents[v[i].entity];
        if (shared || sg_alias_named(m, v[i].key, v[i].kn, 0) != SG_TRIE_NONE ||
            !(m->allowed[v[i].entity] & SG_VARIANT_QUALIFIERS) ||
            (ent->guard && ent->guard != SG_GUARD_CUE))
            continue; /* (read for no one; a name of the gazetteers already; an entry
                         without the variant, or guarded otherwise than by a cue, which
                         a name read after a cue only is without its qualifier too:
                         every entry's names count for the sharing) */
        rc = sg_derived_alias(m, scratch, v[i].entity, v[i].bare, ent->guard);
    }
    for (size_t i = 0; i < nv; i++) {
        free(v[i].bare);
        free(v[i].key);
    }
    free(v);
    return rc;
}
