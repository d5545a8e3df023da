/* Writing text safely into XML and DOT. */
#ifndef SG_XMLESC_H
#define SG_XMLESC_H

#include <stddef.h>
#include <stdio.h>

/* Writes `s` escaped for XML text and attribute values: & < > " ' as
 * entities; characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE,
 * U+FFFF) and invalid UTF-8 become U+FFFD. */
void sg_xml_write(FILE *f, const char *s);

/* Returns a copy of `s` (caller frees) made safe for a Graphviz string:
 * invalid UTF-8 and control characters replaced by U+FFFD (line breaks by a
 * space), and every '\' doubled, because cgraph escapes only '"'. */
char *sg_dot_clean(const char *s);

/* Formats a finite double in the C locale whatever the process locale
 * ("3", "0.25", "1e-05"); non-finite values become "0". */
void sg_format_double(char *buf, size_t size, double v);

#endif
