/* Options: each command's table drives both its parsing (getopt_long) and
 * its --help; parsers for the values the commands share. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_parse_seed(const char *s, unsigned long *seed)
{
    char *end = NULL;
    if (!isdigit((unsigned char)*s))
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v > 4294967295ULL)
        return -1;
    *seed = (unsigned long)v;
    return 0;
}

/* ---- option tables: parsing and --help from one list ---- */

/* The long names of an option: "colour-by|color-by" -> calls fn on each. */
static size_t name_count(const char *names)
{
    size_t n = 1;
    for (const char *p = names; *p; p++)
        n += *p == '|';
    return n;
}

/* Makes getopt_long's tables from a command's options (those of the other
 * commands sharing the table included, so that they are refused by name). */
static int build_getopt(const cli_command *cmd, struct option **longs, char *shorts, size_t size)
{
    size_t n = 0, k = 0, s = 0;
    for (const cli_option *o = cmd->options; o->id; o++)
        n += name_count(o->names);
    if (!(*longs = calloc(n + 2, sizeof(struct option))))
        return -1;
    shorts[s++] = ':';
    for (const cli_option *o = cmd->options; o->id; o++) {
        for (const char *p = o->names; *p;) {
            size_t len = strcspn(p, "|");
            char *name = strndup(p, len);
            if (!name)
                return -1;
            (*longs)[k++] =
                (struct option){name, o->value ? required_argument : no_argument, NULL, o->id};
            p += len + (p[len] == '|');
        }
        if (o->id < 256 && s + 3 < size) {
            shorts[s++] = (char)o->id;
            if (o->value)
                shorts[s++] = ':';
        }
    }
    (*longs)[k] = (struct option){"help", no_argument, NULL, 'h'};
    shorts[s++] = 'h';
    shorts[s] = '\0';
    return 0;
}

static void free_getopt(struct option *longs)
{
    for (size_t k = 0; longs && longs[k].name; k++)
        if (longs[k].val != 'h' || strcmp(longs[k].name, "help"))
            free((char *)longs[k].name);
    free(longs);
}

static const cli_option *find_option(const cli_command *cmd, int id)
{
    for (const cli_option *o = cmd->options; o->id; o++)
        if (o->id == id)
            return o;
    return NULL;
}

int cli_parse_options(const cli_command *cmd, int argc, char **argv, cli_apply_fn apply, void *ctx)
{
    struct option *longs = NULL;
    char shorts[64], msg[600];
    if (build_getopt(cmd, &longs, shorts, sizeof(shorts))) {
        free_getopt(longs);
        return cli_usage_error(cmd->name, "out of memory");
    }
    int c, rc = 0, index = -1;
    opterr = 0;
    optind = 1;
    while (!rc && (c = getopt_long(argc, argv, shorts, longs, &index)) != -1) {
        const cli_option *o = find_option(cmd, c);
        char name[80]; /* the option as given, for the messages */
        if (index >= 0)
            snprintf(name, sizeof(name), "--%s", longs[index].name);
        else
            snprintf(name, sizeof(name), "-%c", o ? c : optopt ? optopt : '?');
        index = -1;
        if (c == 'h') {
            cli_print_help(cmd, stdout);
            rc = -1;
        } else if (c == ':') {
            snprintf(msg, sizeof(msg), "option '%.200s' needs a value", argv[optind - 1]);
            rc = cli_usage_error(cmd->name, msg);
        } else if (!o) {
            snprintf(msg, sizeof(msg), "unknown option '%.200s'", argv[optind - 1]);
            rc = cli_usage_error(cmd->name, msg);
        } else if (o->commands && !(o->commands & cmd->id)) {
            snprintf(msg, sizeof(msg), "'%s' does not apply to %s (%s)", name, cmd->name,
                     cmd->refusal ? cmd->refusal : "see its --help");
            rc = cli_usage_error(cmd->name, msg);
        } else {
            char first[64]; /* the long name (not an alias), as the library knows it */
            snprintf(first, sizeof(first), "%.*s", (int)strcspn(o->names, "|"), o->names);
            rc = apply(ctx, c, first, optarg);
        }
    }
    free_getopt(longs);
    return rc;
}

/* Writes `text` from column `col`, wrapped before column 80, each line after
 * the first indented to `indent`. */
static void wrap(FILE *f, const char *text, size_t col, size_t indent)
{
    while (*text) {
        size_t room = col < 79 ? 79 - col : 1, len = strlen(text), cut = len;
        if (len > room) {
            cut = room;
            while (cut > 0 && text[cut] != ' ')
                cut--;
            if (cut == 0) /* one word longer than the line */
                cut = strcspn(text, " ");
        }
        fprintf(f, "%.*s\n", (int)cut, text);
        text += cut;
        while (*text == ' ')
            text++;
        if (*text)
            fprintf(f, "%*s", (int)indent, "");
        col = indent;
    }
}

void cli_print_help(const cli_command *cmd, FILE *f)
{
    enum { HELP_COLUMN = 22 };
    fputs(cmd->usage, f);
    for (const cli_option *o = cmd->options; o->id; o++) {
        if (!o->help || (o->commands && !(o->commands & cmd->id)))
            continue;
        /* "  -g, --gazetteer PATH", or "  --unit UNIT" without a short option */
        char left[128], letter[8] = "";
        if (o->id < 256)
            snprintf(letter, sizeof(letter), "-%c, ", o->id);
        int n = snprintf(left, sizeof(left), "  %s--%.*s%s%s", letter, (int)strcspn(o->names, "|"),
                         o->names, o->value ? " " : "", o->value ? o->value : "");
        fputs(left, f);
        if (n + 1 >= HELP_COLUMN)
            fprintf(f, "\n%*s", HELP_COLUMN, "");
        else
            fprintf(f, "%*s", HELP_COLUMN - n, "");
        wrap(f, o->help, HELP_COLUMN, HELP_COLUMN);
    }
    fputs("  -h, --help          show this help\n", f);
    if (cmd->footer)
        fputs(cmd->footer, f);
}
