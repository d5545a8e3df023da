/* Fuzz target: the UTF-8 decoder and the folding normaliser (SPEC §3, §4).
 * Any bytes; checks that decoding covers the input exactly, that folding
 * keeps offsets monotonic and inside the input, and that folded text is
 * clean (valid UTF-8, no NUL, no ASCII capitals, no tab or CR). */
#include <string.h>

#include "decode.h"
#include "fuzz.h"
#include "normalise.h"

static void check_decoder(const unsigned char *s, size_t len)
{
    size_t i = 0;
    long long first_bad = -1;
    while (i < len) {
        size_t at = i;
        int bad = 0;
        uint32_t cp = sg_utf8_next(s, len, &i, &bad);
        FUZZ_CHECK(i > at && i - at <= 4 && i <= len);
        if (bad) {
            FUZZ_CHECK(cp == SG_REPLACEMENT);
            FUZZ_CHECK(fuzz_utf8_char(s, len, at) == 0);
            if (first_bad < 0)
                first_bad = (long long)at;
        } else {
            char enc[4];
            FUZZ_CHECK(cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF));
            FUZZ_CHECK(fuzz_utf8_char(s, len, at) == i - at);
            FUZZ_CHECK(sg_utf8_encode(cp, enc) == i - at && !memcmp(enc, s + at, i - at));
        }
    }
    FUZZ_CHECK(sg_utf8_check((const char *)s, len) == first_bad);
    FUZZ_CHECK((first_bad < 0) == fuzz_utf8_valid((const char *)s, len));
}

static void check_folded(const sg_folded *f, const char *s, size_t len, size_t start)
{
    FUZZ_CHECK(f->src[f->len] == len);
    FUZZ_CHECK(f->text[f->len] == '\0');
    FUZZ_CHECK(strlen(f->text) == f->len);
    FUZZ_CHECK(fuzz_utf8_valid(f->text, f->len));
    FUZZ_CHECK((f->invalid == 0) == (f->first_invalid < 0));
    if (f->first_invalid >= 0)
        FUZZ_CHECK(f->first_invalid >= (long long)start && f->first_invalid < (long long)len);
    long long bad = sg_utf8_check(s + start, len - start);
    FUZZ_CHECK(bad < 0 ? f->first_invalid < 0 : f->first_invalid == bad + (long long)start);
    for (size_t i = 0; i < f->len; i++) {
        unsigned char c = (unsigned char)f->text[i];
        FUZZ_CHECK(f->src[i] >= start && f->src[i] < len);
        FUZZ_CHECK(i == 0 || f->src[i - 1] <= f->src[i]);
        FUZZ_CHECK(!(c >= 'A' && c <= 'Z') && c != '\t' && c != '\r' && c != '-');
        FUZZ_CHECK(!(f->flags[i] & ~(SG_F_ALNUM | SG_F_UPPER | SG_F_LOWER)));
        if (f->flags[i] & (SG_F_UPPER | SG_F_LOWER))
            FUZZ_CHECK(f->flags[i] & SG_F_ALNUM);
        if (c == '\n')
            FUZZ_CHECK(f->flags[i] == 0); /* (a compatibility form may fold to spaces) */
        /* the original character a folded byte came from starts there */
        FUZZ_CHECK(sg_folded_from_orig(f, f->src[i]) <= i);
        size_t end = sg_folded_orig_end(f, s, len, i + 1);
        FUZZ_CHECK(end > f->src[i] && end <= len);
    }
    FUZZ_CHECK(sg_folded_from_orig(f, len) <= f->len);
    FUZZ_CHECK(sg_folded_from_orig(f, 0) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sg_folded reused; /* buffers reused across documents, as the extractor does */
    const char *s = (const char *)data;
    check_decoder(data, size);
    size_t bom = sg_utf8_bom(s, size);
    FUZZ_CHECK(bom == 0 || bom == 3);
    (void)sg_utf16_bom(s, size);
    FUZZ_CHECK(sg_fold(&reused, s, size, bom) == 0);
    check_folded(&reused, s, size, bom);

    /* a fresh fold from byte 0 gives the same text as the reused buffers did
     * when there was no BOM */
    sg_folded fresh;
    memset(&fresh, 0, sizeof(fresh));
    FUZZ_CHECK(sg_fold(&fresh, s, size, 0) == 0);
    check_folded(&fresh, s, size, 0);
    if (!bom)
        FUZZ_CHECK(fresh.len == reused.len && !memcmp(fresh.text, reused.text, fresh.len) &&
                   !memcmp(fresh.src, reused.src, (fresh.len + 1) * sizeof(uint32_t)));
    sg_folded_free(&fresh);

    /* names: trimmed, no leading or trailing space */
    char *t = NULL;
    unsigned char *fl = NULL;
    size_t n = 0;
    FUZZ_CHECK(sg_fold_name(&t, &fl, &n, s, size) == 0);
    FUZZ_CHECK(strlen(t) == n);
    if (n)
        FUZZ_CHECK(t[0] != ' ' && t[0] != '\n' && t[n - 1] != ' ' && t[n - 1] != '\n');
    free(t);
    free(fl);

    /* a prefix folds to a prefix of the offsets: the folding is local */
    if (size > 1) {
        sg_folded half;
        memset(&half, 0, sizeof(half));
        FUZZ_CHECK(sg_fold(&half, s, size / 2, 0) == 0);
        check_folded(&half, s, size / 2, 0);
        sg_folded_free(&half);
    }
    return 0;
}
