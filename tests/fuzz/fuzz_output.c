/* Fuzz target: the output layer (src/output.c; README "Robustness"), driven
 * by the input as a program of operations on a scratch directory, checked
 * against a model of what every name must hold.
 *
 * The directory has six names: "a", "b", a 250-byte name (the temporary name
 * must still fit), "link" (a symbolic link to a file outside, "victim"),
 * "dev" (a link to /dev/null) and "dir" (a directory). Byte 0 sets which of
 * "a", "b" and the long name exist beforehand (with known content). Then each
 * byte is an operation (low 3 bits) on a name or an open output (high bits):
 *   0 open   1 write the next k bytes   2 flush   3 abort   4 commit one
 *   5 commit every open output together  6 open "./name" (another spelling)
 *   7 open a second time the name of an open output (must be refused)
 * Invariants: a name holds its previous content until its output is
 * committed, then exactly the bytes written, as a regular file (a link at the
 * name is replaced, never followed: "victim" never changes); opening a
 * directory, or a name another open output has, fails with a message; writes
 * to "dev" go to /dev/null in place (the link stays); and after every input,
 * once the rest is aborted, no temporary file is left in the directory. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "stakegraph/stakegraph.h"

enum { NNAMES = 6, MAX_OPEN = 8, MAX_CONTENT = 4096 };

typedef struct {
    char content[MAX_CONTENT];
    size_t len;
    int exists;
} model;

static char dir[64];
static char names[NNAMES][300];
static const char *const short_names[NNAMES] = {"a", "b", NULL, "link", "dev", "dir"};

static void path_of(char *buf, size_t size, int i, int dotted)
{
    snprintf(buf, size, "%s/%s%.255s", dir, dotted ? "./" : "", names[i]);
}

static void write_file(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f && fwrite(text, 1, len, f) == len && fclose(f) == 0);
}

static void expect_content(int i, const model *m)
{
    char path[400], buf[MAX_CONTENT + 1];
    struct stat st;
    path_of(path, sizeof(path), i, 0);
    if (!m->exists) {
        FUZZ_CHECK(lstat(path, &st) != 0);
        return;
    }
    FUZZ_CHECK(lstat(path, &st) == 0 && S_ISREG(st.st_mode));
    FILE *f = fopen(path, "rb");
    FUZZ_CHECK(f);
    size_t n = fread(buf, 1, sizeof(buf), f);
    fclose(f);
    FUZZ_CHECK(n == m->len && !memcmp(buf, m->content, n));
}

/* A fresh directory for each input. */
static void reset(unsigned char setup, model *m)
{
    char path[400];
    static const char victim[] = "victim\n";
    if (!dir[0]) {
        snprintf(dir, sizeof(dir), "/tmp/fuzz_output.XXXXXX");
        FUZZ_CHECK(mkdtemp(dir));
        for (int i = 0; i < NNAMES; i++)
            if (short_names[i])
                snprintf(names[i], sizeof(names[i]), "%s", short_names[i]);
        memset(names[2], 'n', 250);
        names[2][250] = '\0';
    }
    DIR *d = opendir(dir);
    FUZZ_CHECK(d);
    for (struct dirent *e; (e = readdir(d));) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        snprintf(path, sizeof(path), "%s/%.255s", dir, e->d_name);
        FUZZ_CHECK(unlink(path) == 0 || rmdir(path) == 0);
    }
    closedir(d);
    memset(m, 0, sizeof(model) * NNAMES);
    for (int i = 0; i < 3; i++)
        if (setup & (1u << i)) {
            path_of(path, sizeof(path), i, 0);
            m[i].len = (size_t)snprintf(m[i].content, MAX_CONTENT, "previous %d\n", i);
            m[i].exists = 1;
            write_file(path, m[i].content, m[i].len);
        }
    snprintf(path, sizeof(path), "%s/victim", dir);
    write_file(path, victim, sizeof(victim) - 1);
    path_of(path, sizeof(path), 3, 0);
    FUZZ_CHECK(symlink("victim", path) == 0);
    path_of(path, sizeof(path), 4, 0);
    FUZZ_CHECK(symlink("/dev/null", path) == 0);
    path_of(path, sizeof(path), 5, 0);
    FUZZ_CHECK(mkdir(path, 0700) == 0);
}

typedef struct {
    sg_output *o;
    int name;
    char written[MAX_CONTENT];
    size_t len;
} open_output;

/* After a commit of output `k`: its name holds what was written. */
static void committed(open_output *op, model *m)
{
    if (op->name == 4) /* /dev/null, in place: the link stays */
        return;
    model *x = &m[op->name];
    x->exists = 1;
    x->len = op->len;
    memcpy(x->content, op->written, op->len);
}

static void check_all(const model *m)
{
    char path[400], buf[16];
    for (int i = 0; i < 4; i++)
        if (i != 3 || m[3].exists)
            expect_content(i, &m[i]);
    snprintf(path, sizeof(path), "%s/victim", dir);
    FILE *f = fopen(path, "rb");
    FUZZ_CHECK(f);
    size_t n = fread(buf, 1, sizeof(buf), f);
    fclose(f);
    FUZZ_CHECK(n == 7 && !memcmp(buf, "victim\n", 7));
    struct stat st;
    path_of(path, sizeof(path), 4, 0);
    FUZZ_CHECK(lstat(path, &st) == 0 && S_ISLNK(st.st_mode));
}

static void remove_at(open_output *ops, size_t *n, size_t k)
{
    ops[k] = ops[--*n];
}

static int name_open(const open_output *ops, size_t n, int name)
{
    for (size_t k = 0; k < n; k++)
        if (ops[k].name == name)
            return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static model m[NNAMES];
    static open_output ops[MAX_OPEN];
    size_t nops = 0;
    reset(size ? data[0] : 0, m);
    for (size_t i = 1; i < size; i++) {
        unsigned op = data[i] & 7, arg = data[i] >> 3;
        char path[400];
        sg_error err;
        sg_error_clear(&err);
        if (op == 0 || op == 6 || op == 7) { /* open */
            int name = (int)(arg % NNAMES);
            if (op == 7 && nops)
                name = ops[arg % nops].name;
            path_of(path, sizeof(path), name, op == 6);
            int clash = name != 4 && name_open(ops, nops, name);
            sg_output *o = NULL;
            int rc = nops < MAX_OPEN ? sg_output_open(&o, path, &err) : -1;
            if (nops >= MAX_OPEN)
                continue;
            if (name == 5 || clash) {
                FUZZ_CHECK(rc != 0 && err.message[0]);
                continue;
            }
            FUZZ_CHECK(rc == 0);
            memset(&ops[nops], 0, sizeof(ops[nops]));
            ops[nops].o = o;
            ops[nops].name = name;
            nops++;
        } else if (!nops) {
            continue;
        } else if (op == 1) { /* write the next k bytes */
            open_output *x = &ops[arg % nops];
            size_t k = i + 1 < size ? data[++i] % 64 : 0;
            if (k > size - i - 1)
                k = size - i - 1;
            if (k > MAX_CONTENT - x->len)
                k = MAX_CONTENT - x->len;
            FILE *f = sg_output_stream(x->o);
            FUZZ_CHECK(fwrite(data + i + 1, 1, k, f) == k);
            memcpy(x->written + x->len, data + i + 1, k);
            x->len += k;
            i += k;
        } else if (op == 2) {
            FUZZ_CHECK(sg_output_flush(ops[arg % nops].o, &err) == 0);
        } else if (op == 3) {
            size_t k = arg % nops;
            sg_output_abort(ops[k].o);
            remove_at(ops, &nops, k);
        } else if (op == 4) {
            size_t k = arg % nops;
            FUZZ_CHECK(sg_output_commit(ops[k].o, &err) == 0);
            committed(&ops[k], m);
            remove_at(ops, &nops, k);
        } else if (op == 5) {
            sg_output *all[MAX_OPEN];
            for (size_t k = 0; k < nops; k++)
                all[k] = ops[k].o;
            FUZZ_CHECK(sg_outputs_commit(all, nops, &err) == 0);
            for (size_t k = 0; k < nops; k++) {
                FUZZ_CHECK(all[k] == NULL);
                committed(&ops[k], m);
            }
            nops = 0;
        }
        if (!nops || op >= 3)
            check_all(m);
    }
    while (nops)
        sg_output_abort(ops[--nops].o);
    check_all(m);
    /* no temporary file is left */
    DIR *d = opendir(dir);
    FUZZ_CHECK(d);
    for (struct dirent *e; (e = readdir(d));)
        FUZZ_CHECK(!strstr(e->d_name, ".tmp"));
    closedir(d);
    return 0;
}
