/* Work done in a child process beside the caller's own (src/child.c). */
#ifndef SG_CHILD_H
#define SG_CHILD_H

#include <stddef.h>
#include <sys/types.h>

/* Computes n values into out (room for n); returns 0, non-zero on failure. */
typedef int (*sg_child_fn)(void *ctx, double *out, size_t n);

typedef struct {
    pid_t pid;  /* -1: no child (the caller computes the values itself) */
    int fd;     /* the pipe's end the values come from */
    int helper; /* the helper process computes them (sg_child_send) */
} sg_child;

/* Starts fn(ctx, ..., n) in a child process (fork) when jobs allows a second
 * process: jobs 1 never, 0 when the machine has more than one core, else
 * always. The child sees a copy of the caller's memory as it is now and
 * must use nothing another thread may hold (the caller holds the locks fn
 * needs). Never fails: without a child, c->pid is -1. */
void sg_child_start(sg_child *c, unsigned jobs, sg_child_fn fn, void *ctx, size_t n);

/* Whether jobs allows a second process (the rule of sg_child_start). */
int sg_child_second(unsigned jobs);

/* The helper (sg_analysis_helper_start): a process forked early, while the
 * caller was small and had one thread, that waits for jobs. A job sent to
 * it copies no page table of a large process and leaves the caller's
 * memory writable: a fork at the analysis write-protects every page of the
 * caller, whose writes afterwards fault (copy-on-write) until its end: the
 * dense benchmark's run with the SVG, 55,000 page faults with the fork,
 * 49,000 with the helper. */
typedef int (*sg_helper_fn)(const void *in, size_t len, double *out, size_t n);

/* Whether a helper runs and is free. */
int sg_child_helper_free(void);

/* Sends fn on the concatenation of the npieces pieces (len[i] bytes at
 * piece[i]) to the helper, which runs fn(copy, total, out, n) and sends
 * out back; fn must be a function of this program (the helper is a fork
 * of it). Returns 0 (c then gives the values by sg_child_finish, as a
 * child's, and sg_child_cancel stops the helper), or -1: no helper took
 * it (none free, or it died: it is then reaped). */
int sg_child_send(sg_child *c, sg_helper_fn fn, const void *const *piece, const size_t *len,
                  size_t npieces, size_t n);

/* Waits for the child's n values into out. Returns 0, or -1 when there is
 * no child or it gave no complete result (killed, out of memory, fn failed):
 * the caller then computes them itself, so that a result never depends on
 * whether a child ran. Always reaps the child. */
int sg_child_finish(sg_child *c, double *out, size_t n);

/* Stops a child whose result is no longer wanted, and reaps it. */
void sg_child_cancel(sg_child *c);

#endif
