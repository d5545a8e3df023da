/* The only door to PCRE2: compiled patterns with JIT, match limits and a
 * work budget. */
#ifndef SG_REGEXP_H
#define SG_REGEXP_H

#include <stddef.h>
#include <stdint.h>

typedef struct sg_regex sg_regex;

/* Where one thread's matches are written, and the work budget its searches
 * draw from: a compiled pattern is shared by every thread, each brings its
 * own match data. */
typedef struct sg_regex_md sg_regex_md;

sg_regex_md *sg_regex_md_new(void);
void sg_regex_md_free(sg_regex_md *md);

/* The work a pattern may do over a subject of `len` bytes, in steps (one
 * step per pattern item tried, plus one per byte the matcher moves between
 * two items): SG_REGEX_BUDGET_BASE + SG_REGEX_BUDGET_PER_BYTE * len. Linear
 * in the subject, so that a pattern that rescans the rest of a paragraph at
 * every word (quadratic) is stopped, whatever PCRE2's per-attempt limits. */
#define SG_REGEX_BUDGET_BASE ((uint64_t)1 << 20)
#define SG_REGEX_BUDGET_PER_BYTE 1024u
uint64_t sg_regex_budget(size_t len);

/* Gives the next searches with `md` `steps` steps of work, all together
 * (the budget is carried from one sg_regex_next to the next). */
void sg_regex_md_budget(sg_regex_md *md, uint64_t steps);
/* The steps left. */
uint64_t sg_regex_md_left(const sg_regex_md *md);

/* Compiles `pattern` (UTF-8, Unicode properties, matching invalid UTF-8
 * subjects). On failure returns SG_ERR_PATTERN and writes PCRE2's message and
 * the offending offset. */
int sg_regex_compile(sg_regex **out, const char *pattern, char *msg, size_t msgsize,
                     size_t *erroffset);
void sg_regex_free(sg_regex *re);

/* Whether sg_regex_compile would compile `pattern`, with the same message and
 * offset on failure: the pattern compiled and freed, without the JIT (nine
 * tenths of a compilation's instructions), for a reader that only checks. */
int sg_regex_check(const char *pattern, char *msg, size_t msgsize, size_t *erroffset);

/* Finds the first non-empty match in subject[start, len). Returns 1 and sets
 * *ms, *me; 0 when there is none; SG_ERR_LIMIT when the match or depth limit
 * of one attempt is hit (catastrophic backtracking) or md's budget runs out;
 * SG_ERR_NOMEM. The result depends only on the pattern, the subject and the
 * budget (not on time or threads). Threads may share `re`, not `md`. */
int sg_regex_next(const sg_regex *re, sg_regex_md *md, const char *subject, size_t len,
                  size_t start, size_t *ms, size_t *me);

#endif
