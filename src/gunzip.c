/* gzip-compressed GraphML (.graphml.gz, as networkx and graph-tool write it
 * when the name ends in .gz) decompressed in memory: the one file that
 * includes zlib.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "graph_int.h"
#include "sg_internal.h"

int sg_is_gzip(const char *s, size_t n)
{
    return n >= 2 && (unsigned char)s[0] == 0x1f && (unsigned char)s[1] == 0x8b;
}

/* Makes room for `more` bytes after *len in *buf. */
static int reserve(char **buf, size_t *cap, size_t len, size_t more)
{
    if (len + more + 1 <= *cap)
        return 0;
    if (len > SIZE_MAX / 2 - more)
        return SG_ERR_NOMEM;
    size_t ncap = *cap ? *cap : 65536;
    while (ncap < len + more + 1)
        ncap *= 2;
    char *p = realloc(*buf, ncap);
    if (!p)
        return SG_ERR_NOMEM;
    *buf = p;
    *cap = ncap;
    return 0;
}

int sg_gunzip(char **out, size_t *len, const char *path, const char *s, size_t n, sg_error *err)
{
    z_stream z;
    memset(&z, 0, sizeof(z));
    if (inflateInit2(&z, 15 + 16) != Z_OK) /* (15 + 16: a gzip header) */
        return sg_error_set(err, SG_ERR_NOMEM, path, 0, -1, "out of memory");
    char *buf = NULL;
    size_t cap = 0, used = 0;
    const char *why = NULL;
    int rc = Z_OK, status = 0;
    z.next_in = (unsigned char *)(uintptr_t)s; /* (zlib does not write it) */
    size_t left = n;
    while (!why && !status) {
        if (!z.avail_in) {
            z.avail_in = left > UINT32_MAX ? UINT32_MAX : (unsigned)left;
            left -= z.avail_in;
        }
        if (reserve(&buf, &cap, used, 1 << 20)) {
            status = SG_ERR_NOMEM;
            break;
        }
        z.next_out = (unsigned char *)buf + used;
        z.avail_out = (unsigned)(cap - used - 1 > UINT32_MAX ? UINT32_MAX : cap - used - 1);
        size_t before = z.avail_out;
        rc = inflate(&z, Z_NO_FLUSH);
        used += before - z.avail_out;
        if (rc == Z_STREAM_END) {
            if (!z.avail_in && !left)
                break;
            if (z.avail_in && *z.next_in == 0) /* (zeros after the data, as tar pads) */
                break;
            rc = inflateReset(&z); /* another member follows */
        }
        if (rc == Z_NEED_DICT || rc == Z_DATA_ERROR)
            why = z.msg ? z.msg : "bad data";
        else if (rc == Z_MEM_ERROR)
            status = SG_ERR_NOMEM;
        else if (rc == Z_BUF_ERROR && !z.avail_in && !left)
            why = "truncated: the file ends inside the compressed data";
    }
    inflateEnd(&z);
    if (why || status) {
        free(buf);
        return status ? sg_error_set(err, status, path, 0, -1, "out of memory")
                      : sg_error_set(err, SG_ERR_PARSE, path, 0, -1,
                                     "a corrupt gzip file (%s): gunzip -t %s says more", why, path);
    }
    buf[used] = '\0';
    *out = buf;
    *len = used;
    return 0;
}
