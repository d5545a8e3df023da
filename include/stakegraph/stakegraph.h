/* stakegraph — stakeholder networks from French text: the umbrella header.
 *
 * Typical use: load gazetteers (gazetteer.h), make an extractor and feed it
 * documents (extract.h), build the network (graph.h) and write it (export.h). */
#ifndef STAKEGRAPH_STAKEGRAPH_H
#define STAKEGRAPH_STAKEGRAPH_H

#include "analysis.h"
#include "error.h"
#include "export.h"
#include "extract.h"
#include "gazetteer.h"
#include "graph.h"
#include "render.h"
#include "suggest.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version, e.g. "0.1.0". */
const char *sg_version(void);

#ifdef __cplusplus
}
#endif
#endif
