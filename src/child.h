/* Work done in a child process beside the caller's own (src/child.c). */
#ifndef SG_CHILD_H
#define SG_CHILD_H

#include <stddef.h>
#include <sys/types.h>

/* Computes n values into out (room for n); returns 0, non-zero on failure. */
typedef int (*sg_child_fn)(void *ctx, double *out, size_t n);

typedef struct {
    pid_t pid; /* -1: no child (the caller computes the values itself) */
    int fd;    /* the pipe's end the values come from */
} sg_child;

/* Starts fn(ctx, ..., n) in a child process (fork) when jobs allows a second
 * process: jobs 1 never, 0 when the machine has more than one core, else
 * always. The child sees a copy of the caller's memory as it is now and
 * must use nothing another thread may hold (the caller holds the locks fn
 * needs). Never fails: without a child, c->pid is -1. */
void sg_child_start(sg_child *c, unsigned jobs, sg_child_fn fn, void *ctx, size_t n);

/* Waits for the child's n values into out. Returns 0, or -1 when there is
 * no child or it gave no complete result (killed, out of memory, fn failed):
 * the caller then computes them itself, so that a result never depends on
 * whether a child ran. Always reaps the child. */
int sg_child_finish(sg_child *c, double *out, size_t n);

/* Stops a child whose result is no longer wanted, and reaps it. */
void sg_child_cancel(sg_child *c);

#endif
