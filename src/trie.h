/* A byte trie over folded names: a hash table of edges while it is built,
 * two flat arrays once frozen. */
#ifndef SG_TRIE_H
#define SG_TRIE_H

#include <stddef.h>
#include <stdint.h>

#define SG_TRIE_NONE UINT32_MAX

typedef struct sg_trie sg_trie;

int sg_trie_new(sg_trie **out);
void sg_trie_free(sg_trie *t);

/* Adds `value` to the values of key[0, len). Returns 0 or SG_ERR_NOMEM. */
int sg_trie_insert(sg_trie *t, const char *key, size_t len, uint32_t value);

/* Renumbers the finished trie for fast lookups (breadth first, children
 * contiguous) and frees its building table; no insertion afterwards
 * (SG_ERR_INVALID). Values and lookups are unchanged. It also indexes the
 * values by number for sg_trie_node_of: an array as long as the largest
 * value, so values should be dense ids (entity numbers). Returns 0 or
 * SG_ERR_NOMEM (the trie is then left as it was). */
int sg_trie_freeze(sg_trie *t);

/* The root node, the child of `node` by byte `b` (SG_TRIE_NONE if none). */
uint32_t sg_trie_root(const sg_trie *t);
uint32_t sg_trie_child(const sg_trie *t, uint32_t node, unsigned char b);

/* Frozen trie: the children of `node` (not the root) are the nodes [*lo,
 * *hi), in the order of the bytes leading to them (sg_trie_label). Returns 0,
 * or SG_ERR_INVALID when the trie is not frozen or node is the root. */
int sg_trie_children(const sg_trie *t, uint32_t node, uint32_t *lo, uint32_t *hi);
unsigned char sg_trie_label(const sg_trie *t, uint32_t child);

/* Iterates the values of a node: first, then next until SG_TRIE_NONE. The
 * returned handle `h` is passed back to sg_trie_next. */
uint32_t sg_trie_first(const sg_trie *t, uint32_t node, uint32_t *h);
uint32_t sg_trie_next(const sg_trie *t, uint32_t *h);

/* Frozen trie: the node holding `value` (when several do, the last in node
 * order), or SG_TRIE_NONE when no node does or the trie is not frozen. O(1). */
uint32_t sg_trie_node_of(const sg_trie *t, uint32_t value);

#endif
