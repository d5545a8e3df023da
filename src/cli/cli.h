/* The command line's own helpers (it uses only the public headers). */
#ifndef SG_CLI_H
#define SG_CLI_H

#include <stddef.h>

/* Exit statuses (SPEC §7). */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Input documents in sorted order, without repeats. */
typedef struct {
    char **paths;
    size_t n, cap;
} doc_list;

/* Expands files, directories (every *.txt, recursively) and "-" (stdin).
 * On failure prints "stakegraph: PATH: reason" and returns -1. */
int inputs_collect(doc_list *docs, char *const *args, int nargs);
void inputs_free(doc_list *docs);

/* Reads a whole document ("-" is stdin). On failure prints the reason and
 * returns -1. */
int inputs_read(const char *path, char **data, size_t *len);

/* Prints "stakegraph: <where>: <what>" on stderr. */
void cli_error(const char *where, const char *what);

/* Option values: 0 on success, -1 when `s` is not valid. */
int cli_parse_seed(const char *s, unsigned long *seed);
int cli_parse_alpha(const char *s, double *alpha);

int cmd_extract(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_render(int argc, char **argv);

#endif
