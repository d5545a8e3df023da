/* The only door to PCRE2: compiled patterns with JIT and match limits. */
#ifndef SG_REGEXP_H
#define SG_REGEXP_H

#include <stddef.h>

typedef struct sg_regex sg_regex;

/* Where one thread's matches are written: a compiled pattern is shared by
 * every thread, each brings its own match data. */
typedef struct sg_regex_md sg_regex_md;

sg_regex_md *sg_regex_md_new(void);
void sg_regex_md_free(sg_regex_md *md);

/* Compiles `pattern` (UTF-8, Unicode properties, matching invalid UTF-8
 * subjects). On failure returns SG_ERR_PATTERN and writes PCRE2's message and
 * the offending offset. */
int sg_regex_compile(sg_regex **out, const char *pattern, char *msg, size_t msgsize,
                     size_t *erroffset);
void sg_regex_free(sg_regex *re);

/* Finds the first non-empty match in subject[start, len). Returns 1 and sets
 * *ms, *me; 0 when there is none; SG_ERR_LIMIT when the match or depth limit is
 * hit (catastrophic backtracking); SG_ERR_NOMEM. Threads may share `re`, not
 * `md`. */
int sg_regex_next(const sg_regex *re, sg_regex_md *md, const char *subject, size_t len,
                  size_t start, size_t *ms, size_t *me);

#endif
