/* PCRE2 adapter: compile once, JIT when available, bounded matching.
 *
 * PCRE2's match limit counts the work of one match attempt (one start
 * position) only, so a pattern whose every attempt is cheap enough but scans
 * to the end of the subject, such as (?=[^.]*\d)\w+, does quadratic work over
 * a paragraph without ever reaching it. PCRE2 has no counter of the work of
 * a whole call, so patterns are compiled with automatic callouts (one before
 * each item) and each callout is charged one step plus the distance the
 * matcher moved since the previous one: a greedy run over n bytes costs n, a
 * backtrack one byte at a time one step a byte. The charge is drawn from a
 * budget that the caller sets per subject and that runs across calls; when
 * it is spent the callout stops the match. The count depends only on the
 * pattern, the subject and the engine (JIT or interpreter), never on time. */
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
};

struct sg_regex_md {
    pcre2_match_data *data;
    pcre2_match_context *mctx; /* limits, and the callout charging this md */
    uint64_t left;             /* steps of the budget left */
    size_t last;               /* where the matcher was at the previous callout */
};

static int charge(pcre2_callout_block *cb, void *arg)
{
    sg_regex_md *md = arg;
    size_t pos = cb->current_position;
    uint64_t cost = 1 + (uint64_t)(pos > md->last ? pos - md->last : md->last - pos);
    md->last = pos;
    if (cost > md->left) {
        md->left = 0;
        return PCRE2_ERROR_CALLOUT;
    }
    md->left -= cost;
    return 0;
}

/* Only the whole match is read: one ovector pair serves every pattern (a
 * pattern with groups then returns 0, "ovector too small", with the pair set). */
sg_regex_md *sg_regex_md_new(void)
{
    sg_regex_md *md = calloc(1, sizeof(*md));
    if (!md)
        return NULL;
    md->data = pcre2_match_data_create(1, NULL);
    md->mctx = pcre2_match_context_create(NULL);
    if (!md->data || !md->mctx) {
        sg_regex_md_free(md);
        return NULL;
    }
    pcre2_set_match_limit(md->mctx, SG_MATCH_LIMIT);
    pcre2_set_depth_limit(md->mctx, SG_DEPTH_LIMIT);
    pcre2_set_heap_limit(md->mctx, SG_HEAP_LIMIT);
    pcre2_set_callout(md->mctx, charge, md);
    md->left = UINT64_MAX;
    return md;
}

void sg_regex_md_free(sg_regex_md *md)
{
    if (!md)
        return;
    pcre2_match_context_free(md->mctx);
    pcre2_match_data_free(md->data);
    free(md);
}

uint64_t sg_regex_budget(size_t len)
{
    uint64_t per = SG_REGEX_BUDGET_PER_BYTE;
    if ((uint64_t)len > (UINT64_MAX - SG_REGEX_BUDGET_BASE) / per)
        return UINT64_MAX;
    return SG_REGEX_BUDGET_BASE + per * (uint64_t)len;
}

void sg_regex_md_budget(sg_regex_md *md, uint64_t steps)
{
    md->left = steps;
}

uint64_t sg_regex_md_left(const sg_regex_md *md)
{
    return md->left;
}

void sg_regex_free(sg_regex *re)
{
    if (!re)
        return;
    pcre2_code_free(re->code);
    free(re);
}

/* PCRE2's compiled `pattern`, or NULL with PCRE2's message and offset. */
static pcre2_code *compile(const char *pattern, char *msg, size_t msgsize, size_t *erroffset)
{
    int errcode = 0;
    PCRE2_SIZE erroff = 0;
    pcre2_code *code =
        pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                      PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_AUTO_CALLOUT,
                      &errcode, &erroff, NULL);
    if (!code) {
        if (msg && msgsize)
            pcre2_get_error_message(errcode, (PCRE2_UCHAR *)msg, msgsize);
        if (erroffset)
            *erroffset = erroff;
    }
    return code;
}

int sg_regex_compile(sg_regex **out, const char *pattern, char *msg, size_t msgsize,
                     size_t *erroffset)
{
    sg_regex *re = calloc(1, sizeof(*re));
    if (!re)
        return SG_ERR_NOMEM;
    if (!(re->code = compile(pattern, msg, msgsize, erroffset))) {
        sg_regex_free(re);
        return SG_ERR_PATTERN;
    }
    (void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE); /* the interpreter is the fallback */
    *out = re;
    return 0;
}

int sg_regex_check(const char *pattern, char *msg, size_t msgsize, size_t *erroffset)
{
    pcre2_code *code = compile(pattern, msg, msgsize, erroffset);
    if (!code)
        return SG_ERR_PATTERN;
    pcre2_code_free(code);
    return 0;
}

int sg_regex_next(const sg_regex *re, sg_regex_md *md, const char *subject, size_t len,
                  size_t start, size_t *ms, size_t *me)
{
    while (start <= len) {
        md->last = start;
        int rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, start, 0, md->data, md->mctx);
        if (rc == PCRE2_ERROR_NOMATCH)
            return 0;
        if (rc == PCRE2_ERROR_NOMEMORY)
            return SG_ERR_NOMEM;
        if (rc < 0) /* a limit, the budget (PCRE2_ERROR_CALLOUT), or worse */
            return SG_ERR_LIMIT;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md->data);
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
