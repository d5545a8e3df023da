/* Lists of paths (corpus.h): the inputs listed in a file, and arguments
 * expanded each on its own (merge's counts files). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "stakegraph/corpus.h"

void sg_path_list_free(char **paths, size_t n)
{
    for (size_t i = 0; paths && i < n; i++)
        free(paths[i]);
    free(paths);
}

/* Adds a copy of `s` to the list v of *k (capacity *cap). */
static int push(char ***v, size_t *k, size_t *cap, const char *s)
{
    if (sg_grow((void **)v, cap, *k + 1, sizeof(char *)) || !((*v)[*k] = sg_strdup(s)))
        return SG_ERR_NOMEM;
    (*k)++;
    return 0;
}

/* One line of a list (its line break removed): refused, or added. */
static int list_line(char ***v, size_t *k, size_t *cap, char *line, ssize_t len, int is_stdin,
                     const char *path, long lineno, sg_error *err)
{
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
    if (len == 0)
        return 0;
    if ((size_t)len != strlen(line) || (is_stdin && !strcmp(line, "-")))
        return sg_error_set(err, SG_ERR_INVALID, is_stdin ? "<stdin>" : path, lineno, -1, "%s",
                            strlen(line) != (size_t)len ? "a NUL byte in a file name"
                                                        : "'-' in a list read from standard input");
    return push(v, k, cap, line) ? sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory")
                                 : 0;
}

int sg_path_list_read(char ***lines, size_t *n, const char *path, sg_error *err)
{
    int is_stdin = !strcmp(path, "-");
    FILE *f = is_stdin ? stdin : fopen(path, "r");
    if (!f)
        return sg_error_set(err, SG_ERR_IO, path, 0, -1, "%s", strerror(errno));
    char *line = NULL, **v = NULL;
    size_t cap = 0, vcap = 0, k = 0;
    ssize_t len;
    int rc = 0;
    long lineno = 0;
    while (!rc && (len = getline(&line, &cap, f)) >= 0)
        rc = list_line(&v, &k, &vcap, line, len, is_stdin, path, ++lineno, err);
    if (!rc && ferror(f))
        rc = sg_error_set(err, SG_ERR_IO, path, 0, -1, "%s", strerror(errno));
    free(line);
    if (!is_stdin)
        fclose(f);
    if (rc) {
        sg_path_list_free(v, k);
        return rc;
    }
    *lines = v;
    *n = k;
    return 0;
}

static int cmp_path(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

int sg_paths_expand(char ***paths, size_t *n, const char *suffix, char *const *args, size_t nargs,
                    sg_skip_fn on_skip, void *ctx, sg_error *err)
{
    char **v = NULL;
    size_t k = 0, cap = 0;
    int rc = 0;
    for (size_t i = 0; !rc && i < nargs; i++) {
        sg_corpus *one = NULL;
        rc = sg_corpus_new(&one, SG_CORPUS_TEXT, suffix, err);
        if (!rc)
            rc = sg_corpus_add_path(one, args[i], on_skip, ctx, err);
        if (!rc)
            sg_corpus_seal(one, NULL); /* (text files: sorting only) */
        for (size_t f = 0; !rc && f < sg_corpus_files(one); f++)
            if (push(&v, &k, &cap, sg_corpus_file(one, f)))
                rc = sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
        sg_corpus_free(one);
    }
    if (rc) {
        sg_path_list_free(v, k);
        return rc;
    }
    if (k > 1)
        qsort(v, k, sizeof(char *), cmp_path);
    *paths = v;
    *n = k;
    return 0;
}
