/* Work in a child process: how the library puts igraph on a second core.
 * Debian builds igraph without thread safety (IGRAPH_THREAD_SAFE 0: one
 * error stack and one random generator for the whole process), so two
 * threads may not both run it; a forked child has its own copy of all that.
 * The child computes its values, writes them to a pipe and leaves with
 * _exit (no atexit handler runs, no stdio buffer of the caller's is written
 * twice). Whatever goes wrong, the caller is told so and computes the values
 * itself: a result never depends on whether a child ran. */
#define _GNU_SOURCE /* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "child.h"

static int write_all(int fd, const char *p, size_t len)
{
    while (len) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

static void run_child(int fd, sg_child_fn fn, void *ctx, size_t n)
{
    double *v = malloc((n + 1) * sizeof(double));
    int rc = !v || fn(ctx, v, n) || write_all(fd, (const char *)v, n * sizeof(double));
    free(v);
    _exit(rc ? 1 : 0);
}

void sg_child_start(sg_child *c, unsigned jobs, sg_child_fn fn, void *ctx, size_t n)
{
    int p[2];
    c->pid = -1;
    c->fd = -1;
    if (jobs == 1 || (jobs == 0 && sysconf(_SC_NPROCESSORS_ONLN) < 2))
        return;
    if (pipe2(p, O_CLOEXEC)) /* (close-on-exec: no program the caller starts keeps it) */
        return;
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        run_child(p[1], fn, ctx, n);
    }
    close(p[1]);
    if (pid < 0) {
        close(p[0]);
        return;
    }
    c->pid = pid;
    c->fd = p[0];
}

/* Reaps the child; returns whether it exited with 0. A caller's
 * SIGCHLD set to SIG_IGN reaps children itself: ECHILD then says nothing of
 * the result, which is judged by its length alone. */
static int reap(sg_child *c)
{
    int status = 0;
    pid_t w;
    while ((w = waitpid(c->pid, &status, 0)) < 0 && errno == EINTR)
        ;
    c->pid = -1;
    if (w < 0)
        return errno == ECHILD;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int sg_child_finish(sg_child *c, double *out, size_t n)
{
    if (c->pid < 0)
        return -1;
    char *p = (char *)out;
    size_t want = n * sizeof(double), got = 0;
    while (got < want) {
        ssize_t r = read(c->fd, p + got, want - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(c->fd);
    c->fd = -1;
    int exited = reap(c);
    return got == want && exited ? 0 : -1;
}

void sg_child_cancel(sg_child *c)
{
    if (c->pid < 0)
        return;
    kill(c->pid, SIGKILL);
    close(c->fd);
    c->fd = -1;
    reap(c);
}
