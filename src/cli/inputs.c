/* Finding and reading input documents. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int cli_usage_error(const char *command, const char *what)
{
    fprintf(stderr, "stakegraph: %s: %s\nTry 'stakegraph %s --help'.\n", command, what, command);
    return EXIT_USAGE;
}

void cli_error(const char *where, const char *what)
{
    if (where && *where)
        fprintf(stderr, "stakegraph: %s: %s\n", where, what);
    else
        fprintf(stderr, "stakegraph: %s\n", what);
}

static int add(doc_list *d, const char *path)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 64;
        char **p = realloc(d->paths, cap * sizeof(char *));
        if (!p)
            return -1;
        d->paths = p;
        d->cap = cap;
    }
    if (!(d->paths[d->n] = strdup(path)))
        return -1;
    d->n++;
    return 0;
}

static int has_suffix(const char *name, const char *suffix)
{
    size_t l = strlen(name), k = strlen(suffix);
    return l > k && !strcmp(name + l - k, suffix);
}

static int walk(doc_list *d, const char *dir, int depth, const char *suffix)
{
    if (depth > 64) {
        cli_error(dir, "directories nested too deeply");
        return -1;
    }
    DIR *dh = opendir(dir);
    if (!dh) {
        cli_error(dir, strerror(errno));
        return -1;
    }
    int rc = 0;
    struct dirent *de;
    while (!rc && (de = readdir(dh))) {
        if (de->d_name[0] == '.')
            continue;
        size_t n = strlen(dir) + strlen(de->d_name) + 2;
        char *path = malloc(n);
        if (!path) {
            rc = -1;
            break;
        }
        snprintf(path, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
        struct stat st;
        if (stat(path, &st) != 0) {
            cli_error(path, strerror(errno));
            rc = -1;
        } else if (S_ISDIR(st.st_mode)) {
            rc = walk(d, path, depth + 1, suffix);
        } else if (has_suffix(de->d_name, suffix)) {
            if (S_ISREG(st.st_mode))
                rc = add(d, path);
            else /* a FIFO would block the run until someone writes to it; a
                    device or a socket is no document either */
                fprintf(stderr, "stakegraph: warning: %s: not a regular file; skipped\n", path);
        }
        free(path);
    }
    closedir(dh);
    return rc;
}

static int cmp_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int inputs_collect(doc_list *d, char *const *args, int nargs, const char *suffix)
{
    for (int i = 0; i < nargs; i++) {
        struct stat st;
        if (!strcmp(args[i], "-")) {
            if (add(d, "-"))
                return -1;
        } else if (stat(args[i], &st) != 0) {
            cli_error(args[i], strerror(errno));
            return -1;
        } else if (S_ISDIR(st.st_mode)) {
            if (walk(d, args[i], 0, suffix))
                return -1;
        } else if (add(d, args[i])) {
            return -1;
        }
    }
    if (d->n > 1)
        qsort(d->paths, d->n, sizeof(char *), cmp_path);
    size_t k = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (k > 0 && !strcmp(d->paths[k - 1], d->paths[i]))
            free(d->paths[i]);
        else
            d->paths[k++] = d->paths[i];
    }
    d->n = k;
    return 0;
}

void inputs_free(doc_list *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->paths[i]);
    free(d->paths);
    memset(d, 0, sizeof(*d));
}

/* Makes room for `need` bytes in *buf. */
static int reserve(char **buf, size_t *cap, size_t need)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 65536;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return -1;
        ncap *= 2;
    }
    char *p = realloc(*buf, ncap);
    if (!p)
        return -1;
    *buf = p;
    *cap = ncap;
    return 0;
}

/* Opens a document for reading. The open itself never blocks
 * (O_NONBLOCK): a device such as a serial line may wait in open() for
 * something that never comes. Then the file decides: a regular file is read
 * at once; a FIFO (only one named on the command line gets here, as `<(cmd)`
 * or mkfifo give: the directory walk lists regular files only) is waited
 * for, as the user asked, until its writer writes or closes (read at once, a
 * FIFO whose writer has not started yet would look empty); the rest (a
 * terminal, /dev/stdin) is read to its end in blocking mode. Returns the
 * descriptor, or -1 with the reason in msg. */
static int open_document(const char *path, char *msg, size_t size)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC), flags;
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0)
        goto fail;
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        snprintf(msg, size, "is a directory");
        return -1;
    }
    if (S_ISFIFO(st.st_mode)) {
        /* POLLHUP comes only once a writer has come and gone (Linux): until
         * then, poll waits, as a blocking open would have */
        struct pollfd p = {fd, POLLIN, 0};
        while (poll(&p, 1, -1) < 0)
            if (errno != EINTR)
                goto fail;
    }
    if ((flags = fcntl(fd, F_GETFL)) < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0)
        goto fail;
    return fd;
fail:
    snprintf(msg, size, "%s", strerror(errno));
    if (fd >= 0)
        close(fd);
    return -1;
}

int inputs_read(const char *path, char **buf, size_t *cap, size_t *len, char *msg, size_t size)
{
    int is_stdin = !strcmp(path, "-");
    int fd = is_stdin ? STDIN_FILENO : open_document(path, msg, size);
    if (fd < 0)
        return -1;
    int rc = inputs_read_fd(fd, buf, cap, len, msg, size);
    if (!is_stdin)
        close(fd);
    return rc;
}

int inputs_read_fd(int fd, char **buf, size_t *cap, size_t *len, char *msg, size_t size)
{
    struct stat st;
    size_t n = 0, want = 0;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        want = (size_t)st.st_size + 1; /* + 1: the end is seen without growing */
    int rc = 0;
    for (;;) {
        if (reserve(buf, cap, n + (want > n ? want - n : 65536))) {
            snprintf(msg, size, "out of memory");
            rc = -1;
            break;
        }
        ssize_t r = read(fd, *buf + n, *cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            snprintf(msg, size, "%s", errno == EISDIR ? "is a directory" : strerror(errno));
            rc = -1;
            break;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    *len = n;
    return rc;
}

int inputs_read_list(const char *path, char ***lines, size_t *n)
{
    int is_stdin = !strcmp(path, "-");
    FILE *f = is_stdin ? stdin : fopen(path, "r");
    if (!f) {
        cli_error(path, strerror(errno));
        return -1;
    }
    char *line = NULL, **v = NULL;
    size_t cap = 0, vcap = 0, k = 0;
    ssize_t len;
    int rc = 0;
    long lineno = 0;
    while (!rc && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0)
            continue;
        if ((size_t)len != strlen(line) || (is_stdin && !strcmp(line, "-"))) {
            char where[600];
            snprintf(where, sizeof(where), "%s:%ld", is_stdin ? "<stdin>" : path, lineno);
            cli_error(where, strlen(line) != (size_t)len
                                 ? "a NUL byte in a file name"
                                 : "'-' in a list read from standard input");
            rc = -1;
            break;
        }
        if (k == vcap) {
            size_t ncap = vcap ? vcap * 2 : 64;
            char **p = realloc(v, ncap * sizeof(char *));
            if (!p) {
                rc = -1;
                break;
            }
            v = p;
            vcap = ncap;
        }
        if (!(v[k] = strdup(line))) {
            rc = -1;
            break;
        }
        k++;
    }
    if (!rc && ferror(f)) {
        cli_error(path, strerror(errno));
        rc = -1;
    }
    free(line);
    if (!is_stdin)
        fclose(f);
    if (rc) {
        for (size_t i = 0; i < k; i++)
            free(v[i]);
        free(v);
        return -1;
    }
    *lines = v;
    *n = k;
    return 0;
}
