/* Work in a child process: how the library puts igraph on a second core.
 * Debian builds igraph without thread safety (IGRAPH_THREAD_SAFE 0: one
 * error stack and one random generator for the whole process), so two
 * threads may not both run it; a forked child has its own copy of all that.
 * The child computes its values, writes them to a pipe and leaves with
 * _exit (no atexit handler runs, no stdio buffer of the caller's is written
 * twice). Whatever goes wrong, the caller is told so and computes the values
 * itself: a result never depends on whether a child ran.
 * A program may instead fork a helper early (sg_analysis_helper_start),
 * while it is small: the jobs then go to it through a socket, their data
 * copied (sg_child_send), and the caller's memory stays as it is. */
#define _GNU_SOURCE /* pipe2, close_range */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "child.h"
#include "graph_int.h" /* sg_ig_enter */
#include "stakegraph/analysis.h"

/* Writes len bytes to a pipe, or to a socket (`sock`: sent with
 * MSG_NOSIGNAL, so that a helper gone is an error, not a SIGPIPE). */
static int write_all(int fd, const void *from, size_t len, int sock)
{
    const char *p = from;
    while (len) {
        ssize_t w = sock ? send(fd, p, len, MSG_NOSIGNAL) : write(fd, p, len);
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
    int rc = !v || fn(ctx, v, n) || write_all(fd, v, n * sizeof(double), 0);
    free(v);
    _exit(rc ? 1 : 0);
}

int sg_child_second(unsigned jobs)
{
    return !(jobs == 1 || (jobs == 0 && sysconf(_SC_NPROCESSORS_ONLN) < 2));
}

void sg_child_start(sg_child *c, unsigned jobs, sg_child_fn fn, void *ctx, size_t n)
{
    int p[2];
    c->pid = -1;
    c->fd = -1;
    c->helper = 0;
    if (!sg_child_second(jobs))
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

static int read_all(int fd, void *to, size_t want)
{
    char *p = to;
    size_t got = 0;
    while (got < want) {
        ssize_t r = read(fd, p + got, want - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    return got == want ? 0 : -1;
}

/* ---- the helper: one process a program, forked by sg_analysis_helper_start;
 * used under the igraph lock (by one analysis at a time), started and
 * stopped by the program while no analysis runs. */
static pid_t helper_pid = -1, helper_owner = -1; /* (a fork of the owner has no helper) */
static int helper_fd = -1, helper_busy;

typedef struct {
    sg_helper_fn fn;
    uint64_t len, n;
} job_head;

/* The helper's life: a job, its values (an int32 status, then the n values
 * when it is 0), until the caller's end of the socket closes. */
static void helper_main(int fd)
{
    job_head h;
    while (!read_all(fd, &h, sizeof(h))) {
        char *in = malloc(h.len + 1);
        double *out = malloc((h.n + 1) * sizeof(double));
        if (!in || !out || read_all(fd, in, h.len))
            _exit(1);
        int32_t rc = h.fn(in, h.len, out, h.n) ? 1 : 0;
        if (write_all(fd, &rc, sizeof(rc), 1) ||
            (!rc && write_all(fd, out, h.n * sizeof(double), 1)))
            _exit(1);
        free(in);
        free(out);
    }
    _exit(0);
}

static void helper_reap(void)
{
    while (waitpid(helper_pid, NULL, 0) < 0 && errno == EINTR)
        ;
    helper_pid = -1;
    helper_busy = 0;
}

/* The helper's side of the fork: the socket alone kept (no descriptor of
 * the caller's held open: a pipe's reader waits for every writer's end),
 * the standard streams /dev/null. */
static void helper_forked(int sock)
{
    sg_ig_forked();
    int fd = fcntl(sock, F_DUPFD_CLOEXEC, 3), null = open("/dev/null", O_RDWR);
    if (fd < 0 || null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0)
        _exit(1);
    if (fd > 3)
        close_range(3, (unsigned)fd - 1, 0);
    close_range((unsigned)fd + 1, ~0u, 0);
    helper_main(fd);
}

int sg_analysis_helper_start(void)
{
    int sv[2], rc = -1;
    /* under the igraph lock: no analysis meanwhile, and the helper's copy of
       igraph's state is whole (no other thread inside igraph) */
    sg_ig_enter();
    if (helper_pid > 0 && getpid() == helper_owner) {
        rc = 0;
    } else if (helper_pid > 0) { /* (a fork's copy of its parent's socket) */
        close(helper_fd);
        helper_pid = -1;
    }
    /* (jobs 0 would not use a helper on a machine of one core) */
    if (rc && sysconf(_SC_NPROCESSORS_ONLN) >= 2 &&
        !socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv)) {
        pid_t pid = fork();
        if (pid == 0)
            helper_forked(sv[1]);
        close(sv[1]);
        if (pid < 0) {
            close(sv[0]);
        } else {
            helper_pid = pid;
            helper_owner = getpid();
            helper_fd = sv[0];
            helper_busy = 0;
            rc = 0;
        }
    }
    sg_ig_leave();
    return rc;
}

void sg_analysis_helper_stop(void)
{
    sg_ig_enter();
    if (helper_pid > 0 && getpid() == helper_owner) {
        close(helper_fd); /* the helper reads the end and leaves */
        helper_fd = -1;
        helper_reap();
    }
    sg_ig_leave();
}

int sg_child_helper_free(void)
{
    return helper_pid > 0 && !helper_busy && getpid() == helper_owner;
}

/* The helper is no longer usable (it died, or a job's values will not be
 * read): stopped and reaped. */
static void helper_kill(void)
{
    kill(helper_pid, SIGKILL);
    close(helper_fd);
    helper_fd = -1;
    helper_reap();
}

int sg_child_send(sg_child *c, sg_helper_fn fn, const void *const *piece, const size_t *len,
                  size_t npieces, size_t n)
{
    c->pid = -1;
    c->fd = -1;
    c->helper = 0;
    if (!sg_child_helper_free())
        return -1;
    job_head h = {fn, 0, n};
    for (size_t i = 0; i < npieces; i++)
        h.len += len[i];
    int rc = write_all(helper_fd, &h, sizeof(h), 1);
    for (size_t i = 0; !rc && i < npieces; i++)
        rc = write_all(helper_fd, piece[i], len[i], 1);
    if (rc) {
        helper_kill();
        return -1;
    }
    helper_busy = 1;
    c->pid = helper_pid;
    c->fd = helper_fd;
    c->helper = 1;
    return 0;
}

/* The helper's values of c's job. */
static int helper_finish(sg_child *c, double *out, size_t n)
{
    int32_t status = 1;
    c->pid = -1;
    c->fd = -1;
    c->helper = 0;
    if (read_all(helper_fd, &status, sizeof(status)) ||
        (!status && read_all(helper_fd, out, n * sizeof(double)))) {
        helper_kill();
        return -1;
    }
    helper_busy = 0;
    return status ? -1 : 0;
}

int sg_child_finish(sg_child *c, double *out, size_t n)
{
    if (c->pid < 0)
        return -1;
    if (c->helper)
        return helper_finish(c, out, n);
    size_t want = n * sizeof(double), got = want;
    if (read_all(c->fd, out, want))
        got = 0;
    close(c->fd);
    c->fd = -1;
    int exited = reap(c);
    return got == want && exited ? 0 : -1;
}

void sg_child_cancel(sg_child *c)
{
    if (c->pid < 0)
        return;
    if (c->helper) { /* mid-job: its values will not be read */
        helper_kill();
        c->pid = -1;
        c->fd = -1;
        c->helper = 0;
        return;
    }
    kill(c->pid, SIGKILL);
    close(c->fd);
    c->fd = -1;
    reap(c);
}
