/* A preloaded fsync that notes each call in $FSYNC_LOG, then syncs: the
 * sync test (sync_test.sh) counts what the command line asked of the disk. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int fsync(int fd)
{
    static int (*real)(int);
    if (!real)
        real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    const char *log = getenv("FSYNC_LOG");
    int l = log ? open(log, O_WRONLY | O_APPEND | O_CREAT, 0644) : -1;
    if (l >= 0) {
        (void)!write(l, "fsync\n", 6);
        close(l);
    }
    return real ? real(fd) : 0;
}
