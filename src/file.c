/* Reading a whole file into memory: the one function the gazetteer loader and
 * the gazetteer checker share (the command line reads corpora its own way:
 * FIFOs, standard input, a reused buffer). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "sg_internal.h"

int sg_read_file(const char *path, char **out, size_t *len, const char **step)
{
    *out = NULL;
    *len = 0;
    *step = "open";
    FILE *f = fopen(path, "rb");
    if (!f)
        return SG_ERR_IO;
    *step = "read";
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (sg_grow((void **)&buf, &cap, n + 65536, 1)) {
            fclose(f);
            free(buf);
            errno = ENOMEM;
            return SG_ERR_NOMEM;
        }
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0)
            break;
    }
    int failed = ferror(f), e = errno;
    fclose(f);
    if (failed) {
        free(buf);
        errno = e ? e : EIO;
        return SG_ERR_IO;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return 0;
}
