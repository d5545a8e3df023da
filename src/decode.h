/* UTF-8 decoding with replacement (SPEC §4). */
#ifndef SG_DECODE_H
#define SG_DECODE_H

#include <stddef.h>
#include <stdint.h>

#define SG_REPLACEMENT 0xFFFDu

/* Decodes the code point at s[*i] and advances *i. An invalid sequence
 * (overlong, surrogate, out of range, truncated, stray continuation byte)
 * yields U+FFFD, advances past its maximal subpart (at least one byte) and
 * sets *bad to 1 when `bad` is not NULL. Requires *i < len. */
uint32_t sg_utf8_next(const unsigned char *s, size_t len, size_t *i, int *bad);

/* Byte offset of the first invalid sequence, or -1 when `s` is valid UTF-8. */
long long sg_utf8_check(const char *s, size_t len);

/* Length of the byte-order mark at the start of `s` (3 or 0). */
size_t sg_utf8_bom(const char *s, size_t len);

/* Non-zero when `s` starts with a UTF-16 byte-order mark. */
int sg_utf16_bom(const char *s, size_t len);

/* Appends the UTF-8 encoding of `cp` to `out` (4 bytes free); returns bytes. */
size_t sg_utf8_encode(uint32_t cp, char *out);

#endif
