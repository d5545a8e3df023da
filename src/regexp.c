/* PCRE2 adapter: compile once, JIT when available, bounded matching. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>

#include "regexp.h"
#include "sg_internal.h"

#define SG_MATCH_LIMIT 1000000u
#define SG_DEPTH_LIMIT 10000u
#define SG_HEAP_LIMIT 65536u /* KiB */

struct sg_regex {
    pcre2_code *code;
    pcre2_match_context *mctx; /* limits only: read, never written, by matches */
};

/* Only the whole match is read: one ovector pair serves every pattern (a
 * pattern with groups then returns 0, "ovector too small", with the pair set). */
sg_regex_md *sg_regex_md_new(void)
{
    return (sg_regex_md *)pcre2_match_data_create(1, NULL);
}

void sg_regex_md_free(sg_regex_md *md)
{
    pcre2_match_data_free((pcre2_match_data *)md);
}

void sg_regex_free(sg_regex *re)
{
    if (!re)
        return;
    pcre2_match_context_free(re->mctx);
    pcre2_code_free(re->code);
    free(re);
}

int sg_regex_compile(sg_regex **out, const char *pattern, char *msg, size_t msgsize,
                     size_t *erroffset)
{
    int errcode = 0;
    PCRE2_SIZE erroff = 0;
    sg_regex *re = calloc(1, sizeof(*re));
    if (!re)
        return SG_ERR_NOMEM;
    re->code =
        pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                      PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &errcode, &erroff, NULL);
    if (!re->code) {
        if (msg && msgsize)
            pcre2_get_error_message(errcode, (PCRE2_UCHAR *)msg, msgsize);
        if (erroffset)
            *erroffset = erroff;
        sg_regex_free(re);
        return SG_ERR_PATTERN;
    }
    (void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE); /* the interpreter is the fallback */
    re->mctx = pcre2_match_context_create(NULL);
    if (!re->mctx) {
        sg_regex_free(re);
        return SG_ERR_NOMEM;
    }
    pcre2_set_match_limit(re->mctx, SG_MATCH_LIMIT);
    pcre2_set_depth_limit(re->mctx, SG_DEPTH_LIMIT);
    pcre2_set_heap_limit(re->mctx, SG_HEAP_LIMIT);
    *out = re;
    return 0;
}

int sg_regex_next(const sg_regex *re, sg_regex_md *md, const char *subject, size_t len,
                  size_t start, size_t *ms, size_t *me)
{
    pcre2_match_data *data = (pcre2_match_data *)md;
    while (start <= len) {
        int rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, start, 0, data, re->mctx);
        if (rc == PCRE2_ERROR_NOMATCH)
            return 0;
        if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
            rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
            return SG_ERR_LIMIT;
        if (rc == PCRE2_ERROR_NOMEMORY)
            return SG_ERR_NOMEM;
        if (rc < 0)
            return SG_ERR_LIMIT;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(data);
        if (ov[1] > ov[0]) {
            *ms = ov[0];
            *me = ov[1];
            return 1;
        }
        start = ov[0] + 1; /* empty match: move on */
        while (start < len && ((unsigned char)subject[start] & 0xC0) == 0x80)
            start++;
    }
    return 0;
}
