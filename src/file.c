/* Reading a whole file into memory, the one place it is done: gazetteers and
 * word lists (sg_read_file, a new buffer), and a corpus's documents and JSON
 * Lines files (sg_read_document, sg_read_fd: FIFOs, standard input, a buffer
 * kept from one document to the next). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus_int.h"
#include "sg_internal.h"

/* Makes room for `need` bytes in *buf. A first buffer of 1.5 MiB or more (a
 * large gazetteer, read at its size) is taken in huge pages: the bench's
 * 6.5 MB gazetteer faulted 1,650 times as the read wrote its 4 KiB pages,
 * at the start of the loading that the matcher's making waits for. */
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
    char *p = *buf ? sg_realloc_array(*buf, ncap, 1) : sg_alloc_array(ncap, 1);
    if (!p)
        return -1;
    *buf = p;
    *cap = ncap;
    return 0;
}

/* Opens a document for reading, its status in *st. The open itself never
 * blocks (O_NONBLOCK): a device such as a serial line may wait in open() for
 * something that never comes. Then the file decides: a regular file is read
 * at once (O_NONBLOCK does nothing to a regular file's reads: left set, two
 * fcntl calls a document fewer); a FIFO (only one named by the caller gets here, as `<(cmd)` or
 * mkfifo give: the directory walk lists regular files only) is waited for,
 * as the user asked, until its writer writes or closes (read at once, a FIFO
 * whose writer has not started yet would look empty); the rest (a terminal,
 * /dev/stdin) is read to its end in blocking mode. Returns the descriptor,
 * or -1 with the reason in msg. */
static int open_document(const char *path, struct stat *st, char *msg, size_t size)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC), flags;
    if (fd < 0 || fstat(fd, st) != 0)
        goto fail;
    if (S_ISDIR(st->st_mode)) {
        close(fd);
        snprintf(msg, size, "is a directory");
        return -1;
    }
    if (S_ISREG(st->st_mode))
        return fd;
    if (S_ISFIFO(st->st_mode)) {
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

static int read_fd(int fd, const struct stat *st, char **buf, size_t *cap, size_t *len, char *msg,
                   size_t size);

int sg_read_document(const char *path, char **buf, size_t *cap, size_t *len, char *msg, size_t size)
{
    int is_stdin = !strcmp(path, "-");
    struct stat st;
    int fd = is_stdin ? STDIN_FILENO : open_document(path, &st, msg, size);
    if (fd < 0)
        return -1;
    int rc = read_fd(fd, is_stdin ? NULL : &st, buf, cap, len, msg, size);
    if (!is_stdin)
        close(fd);
    return rc;
}

/* Reads fd to its end into *buf (grown as needed, kept), with room for a
 * NUL after the *len bytes; `known` is fd's status if the caller has it.
 * Returns 0, SG_ERR_IO (errno says why) or SG_ERR_NOMEM. */
static int read_all(int fd, const struct stat *known, char **buf, size_t *cap, size_t *len)
{
    struct stat own;
    const struct stat *st = known ? known : fstat(fd, &own) == 0 ? &own : NULL;
    size_t n = 0, want = 0;
    if (st && S_ISREG(st->st_mode) && st->st_size > 0)
        want = (size_t)st->st_size + 1; /* + 1: the end is seen without growing */
    for (;;) {
        if (reserve(buf, cap, n + (want > n ? want - n : 65536))) {
            *len = n;
            errno = ENOMEM;
            return SG_ERR_NOMEM;
        }
        ssize_t r = read(fd, *buf + n, *cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            *len = n;
            return SG_ERR_IO;
        }
        if (r == 0)
            break;
        size_t asked = *cap - n;
        n += (size_t)r;
        /* a regular file that gave fewer bytes than asked, its size as its
         * status said, has ended: no second read to be told so (one system
         * call a document fewer; an interrupted read stops short of the size) */
        if (want && n + 1 == want && (size_t)r < asked)
            break;
    }
    *len = n;
    return reserve(buf, cap, n + 1) ? (errno = ENOMEM, SG_ERR_NOMEM) : 0;
}

static int read_fd(int fd, const struct stat *st, char **buf, size_t *cap, size_t *len, char *msg,
                   size_t size)
{
    int rc = read_all(fd, st, buf, cap, len);
    if (rc == SG_ERR_NOMEM)
        snprintf(msg, size, "out of memory");
    else if (rc)
        snprintf(msg, size, "%s", errno == EISDIR ? "is a directory" : strerror(errno));
    return rc ? -1 : 0;
}

int sg_read_fd(int fd, char **buf, size_t *cap, size_t *len, char *msg, size_t size)
{
    return read_fd(fd, NULL, buf, cap, len, msg, size);
}
int sg_read_file(const char *path, char **out, size_t *len, const char **step)
{
    *out = NULL;
    *len = 0;
    *step = "open";
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return SG_ERR_IO;
    *step = "read";
    char *buf = NULL;
    size_t cap = 0, n = 0;
    int rc = read_all(fd, NULL, &buf, &cap, &n), e = errno;
    close(fd);
    if (rc) {
        free(buf);
        errno = e;
        return rc;
    }
    if (!buf && !(buf = malloc(1))) {
        errno = ENOMEM;
        return SG_ERR_NOMEM;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return 0;
}
