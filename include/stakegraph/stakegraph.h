/* stakegraph — stakeholder networks from French text: the umbrella header.
 *
 * Typical use: load gazetteers (gazetteer.h), make an extractor and feed it
 * documents (extract.h), build the network (graph.h) and write it (export.h).
 *
 * Ownership, for every function unless its comment says otherwise:
 * - an object a function makes (`*out` of a _new, _fork, _open or _run, a
 *   graph) belongs to the caller, who frees it with the type's _free
 *   function (NULL-safe); `*out` is set only on success;
 * - a returned string is either "static storage" or belongs to the object
 *   it was read from, valid until that object is freed;
 * - pointers passed in are only read during the call; the few kept after it
 *   are named (an extractor's or suggester's gazetteer, a fork's parent,
 *   callback contexts);
 * - every `sg_error *err` may be NULL.
 *
 * Threads: the library's only process-wide state is the igraph lock
 * (analysis, GraphML reading), the Graphviz lock
 * (layout, drawing, DOT export) and the list of open outputs (export.h), each
 * behind its own mutex; no callback is called with a lock held. So functions
 * that take no object (parsers, _options_init, names of codes) may be called
 * from any thread, and different objects may be used by different threads at
 * once; one object is used by one thread at a time unless its type says more
 * (gazetteers, graphs and suggestion lists may be read by many threads;
 * extractors have forks). */
#ifndef STAKEGRAPH_STAKEGRAPH_H
#define STAKEGRAPH_STAKEGRAPH_H

#include "analysis.h"
#include "corpus.h"
#include "error.h"
#include "evidence.h"
#include "export.h"
#include "extract.h"
#include "gazetteer.h"
#include "graph.h"
#include "render.h"
#include "suggest.h"
#include "view.h"
#include "write.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version, e.g. "0.1.0". Static storage. */
const char *sg_version(void);

#ifdef __cplusplus
}
#endif
#endif
