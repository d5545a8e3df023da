/* Output files written completely or not at all (SPEC §6, README "Robustness").
 *
 * The rules, in one place:
 * - "-" is standard output; "/dev/stdout", "/dev/stderr", "/dev/fd/N" and
 *   "/proc/self/fd/N" are the descriptor itself (written where it stands,
 *   never reopened or truncated).
 * - A character device, a FIFO or a socket is written in place, when it is at
 *   the name itself or behind a symbolic link that is the runner's own or
 *   root's (/dev's links). Nothing else is ever written in place.
 * - Anything else (a regular file, nothing, or a symbolic link to a regular
 *   file or to nothing) is written to a temporary file in the directory of the
 *   name, checked (and synced, sg_outputs_set_sync), and renamed over the
 *   name: the name is replaced, never followed, so a link that another user
 *   placed at the name is replaced by the new file and what it pointed to is
 *   untouched.
 * - A new file gets 0666 less the umask; a file of the runner's that is
 *   replaced keeps its permission bits (no set-id bits); another user's file
 *   is replaced by a file with the umask's mode.
 * - Refused when the output is opened, before any work: a directory, a block
 *   device, a write-protected file (no write permission for the runner; for
 *   root, no write bit at all), another user's file in a sticky directory
 *   that is not the runner's (the kernel would refuse the rename at the end),
 *   the name of another output still open in this process.
 * - A set of outputs is committed together (sg_outputs_commit): each is
 *   exchanged with its previous file; if one fails, those already exchanged
 *   are exchanged back, so the set is all new or all old.
 * - Temporary names are kept in a list that sg_output_remove_temporaries()
 *   (async-signal-safe) empties from a signal handler. */
#define _GNU_SOURCE /* renameat2 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sg_internal.h"
#include "stakegraph/export.h"

/* One temporary file name, listed for the signal handler. Slots are never
 * freed (a handler may be reading one), only marked free and reused. */
typedef struct tmp_slot {
    struct tmp_slot *next;
    volatile sig_atomic_t used;
    size_t cap;
    char path[];
} tmp_slot;

struct sg_output {
    FILE *f;
    char *path;    /* the name given (for messages, and the rename) */
    tmp_slot *tmp; /* temporary file; NULL when written in place */
    int is_stdout;
    int in_place;
    /* identity of the name, to refuse two outputs of one name */
    dev_t dir_dev;
    ino_t dir_ino;
    char *base;
    struct sg_output *next_open;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static tmp_slot *slots;             /* read by the handler without the lock */
static struct sg_output *open_list; /* outputs open now (for same-name checks) */

static tmp_slot *slot_take(const char *path)
{
    size_t n = strlen(path) + 1;
    pthread_mutex_lock(&lock);
    tmp_slot *s = slots;
    while (s && (s->used || s->cap < n))
        s = s->next;
    if (!s && (s = malloc(sizeof(*s) + n))) {
        s->cap = n;
        s->used = 0;
        s->next = slots;
        __atomic_store_n(&slots, s, __ATOMIC_RELEASE);
    }
    if (s) {
        memcpy(s->path, path, n);
        __atomic_store_n(&s->used, 1, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&lock);
    return s;
}

static void slot_release(tmp_slot *s)
{
    if (s)
        __atomic_store_n(&s->used, 0, __ATOMIC_RELEASE);
}

void sg_output_remove_temporaries(void)
{
    int e = errno;
    for (tmp_slot *s = __atomic_load_n(&slots, __ATOMIC_ACQUIRE); s; s = s->next)
        if (__atomic_load_n(&s->used, __ATOMIC_ACQUIRE))
            unlink(s->path);
    errno = e;
}

/* The umask now, read without changing it (umask() would race with other
 * threads creating files): /proc/self/status has it since Linux 4.7. */
static mode_t current_umask(void)
{
    FILE *f = fopen("/proc/self/status", "re");
    char line[128];
    unsigned long v;
    mode_t mask = 0;
    int found = 0;
    while (f && !found && fgets(line, sizeof(line), f))
        if (sscanf(line, "Umask: %lo", &v) == 1) {
            mask = (mode_t)(v & 0777);
            found = 1;
        }
    if (f)
        fclose(f);
    if (!found) { /* older kernels: the classic set-and-restore */
        mask = umask(022);
        umask(mask);
    }
    return mask;
}

/* The descriptor a name stands for ("/dev/stdout", "/dev/fd/3"...), or -1. */
static int descriptor_name(const char *path)
{
    if (!strcmp(path, "/dev/stdout"))
        return 1;
    if (!strcmp(path, "/dev/stderr"))
        return 2;
    const char *p = !strncmp(path, "/dev/fd/", 8)          ? path + 8
                    : !strncmp(path, "/proc/self/fd/", 14) ? path + 14
                                                           : NULL;
    if (!p || *p < '0' || *p > '9')
        return -1;
    char *end;
    long fd = strtol(p, &end, 10);
    return *end || fd > INT_MAX ? -1 : (int)fd;
}

static int is_special(mode_t m)
{
    return S_ISCHR(m) || S_ISFIFO(m) || S_ISSOCK(m);
}

/* Splits `path` into its directory (caller frees) and its last component. */
static char *directory_of(const char *path, const char **base)
{
    const char *slash = strrchr(path, '/');
    *base = slash ? slash + 1 : path;
    if (!slash)
        return sg_strdup(".");
    return slash == path ? sg_strdup("/") : sg_strndup(path, (size_t)(slash - path));
}

/* "DIR/BASE.tmpXXXXXX", BASE cut (at a character boundary) so that the name
 * fits in NAME_MAX bytes. */
static char *temporary_template(const char *dir, const char *base)
{
    static const char suffix[] = ".tmpXXXXXX";
    size_t keep = strlen(base), max = NAME_MAX - (sizeof(suffix) - 1);
    if (keep > max) {
        keep = max;
        while (keep > 0 && ((unsigned char)base[keep] & 0xC0) == 0x80)
            keep--;
    }
    size_t n = strlen(dir) + 1 + keep + sizeof(suffix);
    char *t = malloc(n);
    if (t)
        snprintf(t, n, "%s/%.*s%s", dir, (int)keep, base, suffix);
    return t;
}

/* Why the file (or link) `st` at `path`, in the directory `dir`, must not be
 * replaced; NULL when it may. */
static const char *refusal(const char *path, const struct stat *st, const struct stat *dir)
{
    uid_t me = geteuid();
    if ((dir->st_mode & S_ISVTX) && me != 0 && st->st_uid != me && dir->st_uid != me)
        return "belongs to another user in a sticky directory: not replaced";
    if (!S_ISREG(st->st_mode))
        return NULL;
    if (me == 0 ? (st->st_mode & 0222) == 0
                : faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0 && errno == EACCES)
        return "is write-protected: not replaced (make it writable, or remove it, to replace "
               "it)";
    return NULL;
}

/* Opens the file's temporary beside the name. */
static int open_temporary(sg_output *o, const char *dir, const char *base, const struct stat *st,
                          int keep_mode)
{
    char *t = temporary_template(dir, base);
    if (!t)
        return SG_ERR_NOMEM;
    int fd = mkstemp(t);
    if (fd < 0) {
        int e = errno;
        free(t);
        errno = e;
        return SG_ERR_IO;
    }
    o->tmp = slot_take(t);
    if (!o->tmp) {
        unlink(t);
        free(t);
        close(fd);
        return SG_ERR_NOMEM;
    }
    free(t);
    /* mkstemp makes 0600 */
    mode_t mode = keep_mode ? (st->st_mode & 0777) : (0666 & ~current_umask());
    if (fchmod(fd, mode) != 0 || !(o->f = fdopen(fd, "wb"))) {
        int e = errno;
        close(fd);
        errno = e;
        return SG_ERR_IO;
    }
    return 0;
}

/* Writes in place: a descriptor name, a device, a FIFO or a socket. */
static int open_in_place(sg_output *o, int fd)
{
    int nfd =
        fd >= 0 ? fcntl(fd, F_DUPFD_CLOEXEC, 3) : open(o->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (nfd < 0)
        return SG_ERR_IO;
    if (!(o->f = fdopen(nfd, "wb"))) {
        int e = errno;
        close(nfd);
        errno = e;
        return SG_ERR_IO;
    }
    o->in_place = 1;
    return 0;
}

/* Refuses a second open output of the same name (the same directory and last
 * component, however spelt); else lists `o` as open. */
static int list_open(sg_output *o)
{
    int clash = 0;
    pthread_mutex_lock(&lock);
    for (sg_output *p = open_list; p && !clash; p = p->next_open)
        clash = p->base && p->dir_dev == o->dir_dev && p->dir_ino == o->dir_ino &&
                !strcmp(p->base, o->base);
    if (!clash) {
        o->next_open = open_list;
        open_list = o;
    }
    pthread_mutex_unlock(&lock);
    return clash ? -1 : 0;
}

static void unlist_open(sg_output *o)
{
    pthread_mutex_lock(&lock);
    for (sg_output **p = &open_list; *p; p = &(*p)->next_open)
        if (*p == o) {
            *p = o->next_open;
            break;
        }
    pthread_mutex_unlock(&lock);
}

static void release(sg_output *o)
{
    unlist_open(o);
    slot_release(o->tmp);
    free(o->path);
    free(o->base);
    free(o);
}

/* What to do with an existing name: 1 write in place, 0 replace it, or an
 * error (message in `err`). */
static int classify(const char *path, const struct stat *lst, sg_error *err)
{
    struct stat st;
    const struct stat *s = lst;
    /* a link is followed only when it is the runner's own or root's */
    if (S_ISLNK(lst->st_mode)) {
        if ((lst->st_uid != geteuid() && lst->st_uid != 0) || stat(path, &st) != 0)
            return 0;
        s = &st;
    }
    if (S_ISDIR(s->st_mode))
        return sg_error_set(err, SG_ERR_IO, path, 0, -1, "is a directory");
    if (S_ISBLK(s->st_mode))
        return sg_error_set(err, SG_ERR_IO, path, 0, -1, "is a block device: not written");
    return is_special(s->st_mode) ? 1 : 0;
}

/* Opens the temporary file that will replace the name `o->path`. */
static int open_replacement(sg_output *o, const struct stat *lst, int exists, sg_error *err)
{
    const char *base, *why;
    char *dir = directory_of(o->path, &base);
    struct stat dst;
    int rc = 0;
    if (!dir || !(o->base = sg_strdup(base))) {
        rc = sg_error_set(err, SG_ERR_NOMEM, o->path, 0, -1, "out of memory");
    } else if (stat(dir, &dst) != 0) {
        rc = sg_error_set(err, SG_ERR_IO, o->path, 0, -1, "cannot write: %s", strerror(errno));
    } else if (exists && (why = refusal(o->path, lst, &dst))) {
        rc = sg_error_set(err, SG_ERR_IO, o->path, 0, -1, "%s", why);
    } else {
        o->dir_dev = dst.st_dev;
        o->dir_ino = dst.st_ino;
        if (list_open(o)) {
            free(o->base);
            o->base = NULL;
            rc = sg_error_set(err, SG_ERR_INVALID, o->path, 0, -1,
                              "is already another output of this run");
        } else {
            int keep = exists && S_ISREG(lst->st_mode) && lst->st_uid == geteuid();
            rc = open_temporary(o, dir, base, lst, keep);
            if (rc)
                rc = sg_error_set(err, rc, o->path, 0, -1, "cannot write: %s",
                                  rc == SG_ERR_NOMEM ? "out of memory" : strerror(errno));
        }
    }
    free(dir);
    return rc;
}

int sg_output_open(sg_output **out, const char *path, sg_error *err)
{
    sg_output *o = calloc(1, sizeof(*o));
    if (!o || !(o->path = sg_strdup(path))) {
        free(o);
        return sg_error_set(err, SG_ERR_NOMEM, path, 0, -1, "out of memory");
    }
    struct stat lst;
    int rc = 0, fd = descriptor_name(path), exists = 0;
    if (!strcmp(path, "-")) {
        o->f = stdout;
        o->is_stdout = 1;
    } else if (fd >= 0) {
        if ((rc = open_in_place(o, fd)))
            sg_error_set(err, rc, path, 0, -1, "cannot write: %s", strerror(errno));
    } else if (!(exists = lstat(path, &lst) == 0) && errno != ENOENT) {
        rc = sg_error_set(err, SG_ERR_IO, path, 0, -1, "cannot write: %s", strerror(errno));
    } else if (exists && (rc = classify(path, &lst, err)) == 1) {
        if ((rc = open_in_place(o, -1)))
            sg_error_set(err, rc, path, 0, -1, "cannot write: %s", strerror(errno));
    } else if (!rc) {
        rc = open_replacement(o, &lst, exists, err);
    }
    if (rc) {
        sg_output_abort(o);
        return rc;
    }
    *out = o;
    return 0;
}

FILE *sg_output_stream(sg_output *o)
{
    return o->f;
}

static atomic_int sync_outputs;

void sg_outputs_set_sync(int on)
{
    atomic_store(&sync_outputs, on != 0);
}

int sg_outputs_sync(void)
{
    return atomic_load(&sync_outputs);
}

int sg_outputs_sync_from_env(void)
{
    static const char *const yes[] = {"1", "yes", "true", "on"};
    const char *v = getenv("STAKEGRAPH_SYNC");
    int on = 0;
    for (size_t i = 0; v && i < sizeof(yes) / sizeof(*yes) && !on; i++)
        on = strcasecmp(v, yes[i]) == 0;
    sg_outputs_set_sync(on);
    return on;
}

/* Flushes and checks the writes; `sync`, when outputs are synced, also puts
 * a temporary file on disk. */
static int check_writes(sg_output *o, int sync, sg_error *err)
{
    int failed = ferror(o->f) || fflush(o->f) != 0;
    int e = failed ? errno : 0;
    if (!failed && sync && o->tmp && sg_outputs_sync() && fsync(fileno(o->f)) != 0 &&
        errno != EINVAL) {
        failed = 1;
        e = errno;
    }
    if (failed)
        return sg_error_set(err, SG_ERR_IO, o->path, 0, -1, "cannot write: %s",
                            e ? strerror(e) : "write error");
    return 0;
}

int sg_output_flush(sg_output *o, sg_error *err)
{
    return check_writes(o, 1, err);
}

/* Checks, syncs and closes the file (standard output stays open). */
static int finish_writes(sg_output *o, sg_error *err)
{
    int rc = check_writes(o, 1, err);
    if (!o->is_stdout) {
        int closed = fclose(o->f);
        if (closed != 0 && !rc)
            rc = sg_error_set(err, SG_ERR_IO, o->path, 0, -1, "cannot write: %s", strerror(errno));
    }
    o->f = NULL;
    return rc;
}

enum { PLACED_NOT, PLACED_NEW, PLACED_EXCHANGED, PLACED_FOR_GOOD };

/* Puts the temporary file at the name: a new name is taken without
 * replacing anything that appeared meanwhile, an existing one is exchanged
 * with it (undoable); a file system without exchange gets a plain rename. */
static int put_in_place(sg_output *o, int *placed)
{
    const char *tmp = o->tmp->path;
    if (renameat2(AT_FDCWD, tmp, AT_FDCWD, o->path, RENAME_NOREPLACE) == 0) {
        *placed = PLACED_NEW;
        return 0;
    }
    if (errno == EEXIST) {
        if (renameat2(AT_FDCWD, tmp, AT_FDCWD, o->path, RENAME_EXCHANGE) == 0) {
            *placed = PLACED_EXCHANGED;
            return 0;
        }
    }
    if (errno != EINVAL && errno != ENOSYS)
        return -1;
    if (rename(tmp, o->path) != 0)
        return -1;
    *placed = PLACED_FOR_GOOD;
    return 0;
}

static void undo(sg_output *o, int placed)
{
    if (placed == PLACED_EXCHANGED)
        renameat2(AT_FDCWD, o->tmp->path, AT_FDCWD, o->path, RENAME_EXCHANGE);
    else if (placed == PLACED_NEW)
        rename(o->path, o->tmp->path);
}

/* Renames every temporary file into place, or none (as far as the file
 * system allows); signals are held meanwhile so that a handler cannot remove
 * a temporary name that holds a previous file. */
static int place_all(sg_output **outs, size_t n, sg_error *err)
{
    sigset_t hold, old;
    sigemptyset(&hold);
    sigaddset(&hold, SIGINT);
    sigaddset(&hold, SIGTERM);
    sigaddset(&hold, SIGHUP);
    sigaddset(&hold, SIGQUIT);
    pthread_sigmask(SIG_BLOCK, &hold, &old);
    int placed[64], *how = n <= 64 ? placed : sg_alloc_array(n, sizeof(int)), rc = 0;
    if (!how) {
        rc = sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
        n = 0;
    }
    size_t i = 0;
    for (; i < n && !rc; i++) {
        how[i] = PLACED_NOT;
        if (outs[i] && outs[i]->tmp && put_in_place(outs[i], &how[i]))
            rc = sg_error_set(err, SG_ERR_IO, outs[i]->path, 0, -1,
                              "cannot replace the previous file: %s", strerror(errno));
    }
    if (rc)
        while (i-- > 0)
            undo(outs[i], how[i]);
    /* a temporary name now holds the previous file, or nothing */
    for (size_t j = 0; j < n; j++)
        if (outs[j] && outs[j]->tmp)
            unlink(outs[j]->tmp->path);
    if (how != placed)
        free(how);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return rc;
}

int sg_outputs_commit(sg_output **outs, size_t n, sg_error *err)
{
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++)
        if (outs[i])
            rc = finish_writes(outs[i], err);
    if (!rc)
        rc = place_all(outs, n, err);
    for (size_t i = 0; i < n; i++) {
        if (!outs[i])
            continue;
        if (rc)
            sg_output_abort(outs[i]);
        else
            release(outs[i]);
        outs[i] = NULL;
    }
    return rc;
}

int sg_output_commit(sg_output *o, sg_error *err)
{
    return sg_outputs_commit(&o, 1, err);
}

void sg_output_abort(sg_output *o)
{
    if (!o)
        return;
    if (o->f && !o->is_stdout)
        fclose(o->f);
    if (o->tmp)
        unlink(o->tmp->path);
    release(o);
}
