/* stakegraph — errors shared by every module. */
#ifndef STAKEGRAPH_ERROR_H
#define STAKEGRAPH_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

/* Every fallible function returns SG_OK (0) or one of these negative codes. */
typedef enum {
    SG_OK = 0,
    SG_ERR_NOMEM = -1,   /* out of memory */
    SG_ERR_IO = -2,      /* a file could not be read or written */
    SG_ERR_PARSE = -3,   /* malformed gazetteer or input */
    SG_ERR_UTF8 = -4,    /* invalid UTF-8 where it is not allowed */
    SG_ERR_PATTERN = -5, /* a PCRE2 pattern does not compile */
    SG_ERR_LIMIT = -6,   /* a resource limit was hit (regex match limit, size) */
    SG_ERR_INVALID = -7, /* invalid argument */
    SG_ERR_GRAPH = -8    /* igraph reported an error */
} sg_status;

/* Details of the last failure of one call. The caller owns it; functions fill it
 * only when they fail (or, for warnings, pass it to a callback). `file` is the
 * file or document concerned ("" when none), `line` is 1-based (0 when not
 * relevant), `offset` a byte offset into the document (-1 when not relevant).
 * Every function taking an `sg_error *err` accepts NULL (no details); give
 * each thread its own. */
typedef struct {
    int code;
    long line;
    long long offset;
    char file[1024];
    char message[512];
} sg_error;

/* A warning told to the caller (documents skipped, a foreign graph's parts
 * left out...); `warning` is valid only during the callback. */
typedef void (*sg_warning_fn)(const sg_error *warning, void *ctx);

/* Resets `err` to "no error"; NULL-safe. */
void sg_error_clear(sg_error *err);

/* A short English name for a status code, e.g. "out of memory". Static storage. */
const char *sg_status_string(int status);

/* Formats `err` as "FILE:LINE: MESSAGE", "FILE: byte OFFSET: MESSAGE" or "MESSAGE"
 * into the caller's `buf` (always NUL-terminated when size > 0; untouched when
 * `buf` is NULL or size is 0). A NULL `err` formats as "success". Returns `buf`. */
char *sg_error_format(const sg_error *err, char *buf, unsigned long size);

#ifdef __cplusplus
}
#endif
#endif
