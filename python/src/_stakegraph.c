/* stakegraph._stakegraph: the CPython extension under the `stakegraph`
 * package (python/stakegraph/__init__.py). A thin layer over the public
 * API: gazetteers, a run of a corpus kept with what it found (mentions and
 * co-occurrences as compact records, offsets in bytes), its networks, and
 * suggestions. The Python side turns these into pandas frames and
 * networkx / igraph graphs.
 *
 * The GIL is released around every call into the library that reads files
 * or does work in proportion to the corpus; the library's callbacks then
 * run in this thread without the GIL and touch no Python object (they
 * append to C arrays). One run object is used under its own lock, so
 * Python threads may share a Result. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pythread.h>
#include <structmember.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <stakegraph/stakegraph.h>

static PyObject *Error;       /* stakegraph.Error */
static PyObject *OptionError; /* stakegraph.OptionError(Error, ValueError) */

/* ---- errors ------------------------------------------------------------ */

static PyObject *text_of(const char *s, size_t len)
{
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "replace");
}

static PyObject *str_of(const char *s)
{
    return text_of(s ? s : "", s ? strlen(s) : 0);
}

/* A file or document name: os.fsdecode's reading of the bytes. */
static PyObject *name_of(const char *s)
{
    return PyUnicode_DecodeFSDefault(s ? s : "");
}

/* err's file, line and offset as Python values (None when absent). */
static PyObject *where_of(const sg_error *err)
{
    PyObject *file = err->file[0] ? name_of(err->file) : Py_NewRef(Py_None);
    PyObject *line = err->line > 0 ? PyLong_FromLong(err->line) : Py_NewRef(Py_None);
    PyObject *off = err->offset >= 0 ? PyLong_FromLongLong(err->offset) : Py_NewRef(Py_None);
    PyObject *t = NULL;
    if (file && line && off)
        t = PyTuple_Pack(3, file, line, off);
    Py_XDECREF(file);
    Py_XDECREF(line);
    Py_XDECREF(off);
    return t;
}

/* Raises `type` for a library failure: str() is the command line's message
 * ("FILE:LINE: what"); attributes code, file, line, offset, message. */
static PyObject *raise_sg(PyObject *type, const sg_error *err, int rc)
{
    if (PyErr_Occurred()) /* a KeyboardInterrupt that stopped the work: it stands */
        return NULL;
    char buf[2048];
    sg_error e = *err;
    if (!e.code)
        e.code = rc;
    if (!e.message[0])
        snprintf(e.message, sizeof(e.message), "%s", sg_status_string(rc));
    if (e.code == SG_ERR_NOMEM && !e.file[0])
        return PyErr_NoMemory();
    sg_error_format(&e, buf, sizeof(buf));
    PyObject *msg = str_of(buf), *where = where_of(&e), *exc = NULL;
    PyObject *code = PyLong_FromLong(e.code), *what = str_of(e.message);
    if (msg && where && code && what)
        exc = PyObject_CallOneArg(type, msg);
    if (exc && (PyObject_SetAttrString(exc, "code", code) ||
                PyObject_SetAttrString(exc, "file", PyTuple_GET_ITEM(where, 0)) ||
                PyObject_SetAttrString(exc, "line", PyTuple_GET_ITEM(where, 1)) ||
                PyObject_SetAttrString(exc, "offset", PyTuple_GET_ITEM(where, 2)) ||
                PyObject_SetAttrString(exc, "message", what)))
        Py_CLEAR(exc);
    Py_XDECREF(code);
    Py_XDECREF(what);
    if (exc)
        PyErr_SetObject(type, exc);
    Py_XDECREF(exc);
    Py_XDECREF(msg);
    Py_XDECREF(where);
    return NULL;
}

static PyObject *raise_msg(PyObject *type, int code, const char *what)
{
    sg_error e;
    sg_error_clear(&e);
    e.code = code;
    snprintf(e.message, sizeof(e.message), "%.500s", what);
    return raise_sg(type, &e, code);
}

/* ---- growable arrays, filled by callbacks without the GIL -------------- */

/* Makes room for one more element of `size` bytes; 0 or -1 (out of memory). */
static int grow(void **v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 256;
    if (c > SIZE_MAX / size)
        return -1;
    void *p = realloc(*v, c * size);
    if (!p)
        return -1;
    *v = p;
    *cap = c;
    return 0;
}

/* Warnings gathered during a call, given to Python afterwards as tuples
 * (message, code, file, line, offset). */
typedef struct {
    sg_error *v;
    size_t n, cap;
    int nomem;
} warn_list;

static void warn_add(warn_list *w, const sg_error *e)
{
    if (grow((void **)&w->v, &w->cap, w->n, sizeof(*w->v)))
        w->nomem = 1;
    else
        w->v[w->n++] = *e;
}

static void on_warning(const sg_error *e, void *ctx)
{
    warn_add(ctx, e);
}

/* A warning about the file `path` as a whole (no line, no offset). */
static void warn_file(void *ctx, const char *path, const char *message)
{
    sg_error e;
    sg_error_clear(&e);
    snprintf(e.file, sizeof(e.file), "%s", path);
    snprintf(e.message, sizeof(e.message), "%s", message);
    warn_add(ctx, &e);
}

static void on_skip(const char *path, const char *why, void *ctx)
{
    warn_file(ctx, path, why);
}

/* The warnings as a list of (message, code, file, line, offset); emptied. */
static PyObject *warn_take(warn_list *w)
{
    PyObject *list = PyList_New(0);
    for (size_t i = 0; list && i < w->n; i++) {
        char buf[2048];
        PyObject *where = where_of(&w->v[i]);
        PyObject *t =
            where ? Py_BuildValue("(NiOOOs)", str_of(sg_error_format(&w->v[i], buf, sizeof(buf))),
                                  w->v[i].code, PyTuple_GET_ITEM(where, 0),
                                  PyTuple_GET_ITEM(where, 1), PyTuple_GET_ITEM(where, 2), "")
                  : NULL;
        Py_XDECREF(where);
        if (!t || PyList_Append(list, t))
            Py_CLEAR(list);
        Py_XDECREF(t);
    }
    free(w->v);
    w->v = NULL;
    w->n = w->cap = 0;
    return list;
}

/* ---- code points ------------------------------------------------------- */

/* The length in bytes of the sequence at s[0, n) that Python reads as one
 * code point: in `replace` mode (bytes.decode("utf-8", "replace")) an invalid
 * sequence's maximal subpart is one U+FFFD, as Unicode recommends and
 * CPython does; in `escape` mode (a str encoded with "surrogateescape") each
 * invalid byte is one code point. */
static size_t step(const unsigned char *s, size_t n, int escape)
{
    unsigned char b = s[0];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b < 0x80)
        return 1;
    if (b >= 0xC2 && b <= 0xDF)
        need = 2;
    else if (b >= 0xE0 && b <= 0xEF) {
        need = 3;
        lo = b == 0xE0 ? 0xA0 : 0x80;
        hi = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 4;
        lo = b == 0xF0 ? 0x90 : 0x80;
        hi = b == 0xF4 ? 0x8F : 0xBF;
    } else
        return 1;
    size_t k = 1;
    while (k < need && k < n && s[k] >= (k == 1 ? lo : 0x80) && s[k] <= (k == 1 ? hi : 0xBF))
        k++;
    return k == need || !escape ? k : 1;
}

/* Code points in the valid UTF-8 s[from, to): the bytes but the
 * continuation bytes (10xxxxxx), counted eight at a time. */
static size_t count_valid(const unsigned char *s, size_t from, size_t to)
{
    size_t cont = 0, i = from;
    for (; to - i >= 8; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        cont += (size_t)__builtin_popcountll(w & ~(w << 1) & 0x8080808080808080ull);
    }
    for (; i < to; i++)
        cont += (s[i] & 0xC0) == 0x80;
    return to - from - cont;
}

/* Code points in s[from, to), from a code point's start. `escape`: 0 for
 * the "replace" reading, 1 for "surrogateescape", VALID for a text known to
 * be valid UTF-8 (either reading). */
enum { VALID = 2 };
static size_t count_cp(const unsigned char *s, size_t len, size_t from, size_t to, int escape)
{
    size_t n = 0;
    if (to > len)
        to = len;
    if (escape == VALID)
        return from < to ? count_valid(s, from, to) : 0;
    while (from < to) {
        uint64_t w;
        if (to - from >= 8 && (memcpy(&w, s + from, 8), !(w & 0x8080808080808080ull))) {
            from += 8; /* eight ASCII characters */
            n += 8;
            continue;
        }
        from += step(s + from, len - from, escape);
        n++;
    }
    return n;
}

/* The code points of the n byte offsets at[] (each at or after `from`,
 * whose code point is `base`) into cp[], in one walk from `from`. */
static void cps_at(const unsigned char *s, size_t len, size_t from, size_t base, const size_t *at,
                   int64_t *cp, int n, int escape)
{
    int order[8];
    for (int i = 0; i < n; i++) { /* the offsets in increasing order (n is small) */
        int j = i;
        for (; j > 0 && at[order[j - 1]] > at[i]; j--)
            order[j] = order[j - 1];
        order[j] = i;
    }
    for (int i = 0; i < n; i++) {
        size_t to = at[order[i]];
        base += count_cp(s, len, from, to, escape);
        if (to > from)
            from = to > len ? len : to;
        cp[order[i]] = (int64_t)base;
    }
}

/* Moves a cursor (byte, code point) along one document's text. */
typedef struct {
    const unsigned char *s;
    size_t len, byte, cp;
    int escape;
} cursor;

static size_t cursor_to(cursor *c, size_t byte)
{
    if (byte < c->byte)
        c->byte = c->cp = 0;
    c->cp += count_cp(c->s, c->len, c->byte, byte, c->escape);
    c->byte = byte > c->len ? c->len : byte;
    return c->cp;
}

/* ---- gazetteer --------------------------------------------------------- */

typedef struct {
    PyObject_HEAD sg_gazetteer *gaz;
    PyObject *paths;    /* tuple of bytes */
    sg_extractor *made; /* made while loading for extract()'s run (taken by it), or NULL */
    sg_extract_options made_opt;
} GazObject;

static int apply_options(PyObject *opts, sg_extract_options *eo, sg_run_options *ro,
                         sg_write_options *wo, PyObject *keep);

static int same_options(const sg_extract_options *a, const sg_extract_options *b)
{
    return a->unit == b->unit && a->window == b->window && a->strict == b->strict &&
           a->max_unit_actors == b->max_unit_actors && a->record_documents == b->record_documents &&
           a->variants == b->variants && a->keep_furniture == b->keep_furniture;
}

/* The extract options of a run's option list, as _run makes them; 0 when the
 * list is not valid (the run says why). */
static int run_extract_options(PyObject *opts, sg_extract_options *eo)
{
    sg_run_options ro;
    sg_write_options wo;
    PyObject *keep = PyList_New(0);
    sg_extract_options_init(eo);
    sg_run_options_init(&ro);
    sg_write_options_init(&wo);
    int ok = keep && PyList_Check(opts) && apply_options(opts, eo, &ro, &wo, keep) == 0;
    if (!ok)
        PyErr_Clear();
    Py_XDECREF(keep);
    eo->record_documents = 1; /* (as _run's extractor) */
    return ok;
}

static void gaz_dealloc(GazObject *self)
{
    sg_extractor_free(self->made);
    sg_gazetteer_free(self->gaz);
    Py_XDECREF(self->paths);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int gaz_init(GazObject *self, PyObject *args, PyObject *kw)
{
    PyObject *paths, *options = Py_None;
    static char *names[] = {"paths", "options", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O!|O", names, &PyTuple_Type, &paths, &options))
        return -1;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(paths); i++)
        if (!PyBytes_Check(PyTuple_GET_ITEM(paths, i))) {
            PyErr_SetString(PyExc_TypeError, "paths: a tuple of bytes (os.fsencode)");
            return -1;
        }
    sg_error err;
    sg_error_clear(&err);
    sg_gazetteer *g = NULL;
    int rc = sg_gazetteer_new(&g, &err);
    /* options: extract() loading its gazetteer for one run, whose extractor
     * is then made while the gazetteer loads (sg_extractor_begin), as the
     * command line makes it */
    sg_extract_options eo;
    sg_extract_options_init(&eo);
    int make = options != Py_None && run_extract_options(options, &eo);
    sg_extractor_maker *mk = NULL;
    sg_extractor *made = NULL;
    Py_BEGIN_ALLOW_THREADS;
    if (!rc && make && sg_extractor_begin(&mk, g, &eo, NULL))
        mk = NULL;
    for (Py_ssize_t i = 0; !rc && i < PyTuple_GET_SIZE(paths); i++)
        rc = sg_gazetteer_load_path(g, PyBytes_AS_STRING(PyTuple_GET_ITEM(paths, i)), &err);
    if (mk) {
        sg_extractor_loaded(mk, rc == 0);
        if (sg_extractor_end(mk, rc ? NULL : &made, NULL))
            made = NULL; /* (the run makes its own, and says what fails) */
    }
    Py_END_ALLOW_THREADS;
    if (rc) {
        sg_gazetteer_free(g);
        raise_sg(Error, &err, rc);
        return -1;
    }
    sg_extractor_free(self->made);
    self->made = made;
    self->made_opt = eo;
    sg_gazetteer_free(self->gaz);
    Py_XSETREF(self->paths, Py_NewRef(paths));
    self->gaz = g;
    return 0;
}

static Py_ssize_t gaz_len(GazObject *self)
{
    return (Py_ssize_t)sg_gazetteer_count(self->gaz);
}

/* (ids, labels, types): three lists in the gazetteers' order. */
static PyObject *gaz_entities(GazObject *self, PyObject *unused)
{
    (void)unused;
    size_t n = sg_gazetteer_count(self->gaz);
    PyObject *cols[3] = {PyList_New((Py_ssize_t)n), PyList_New((Py_ssize_t)n),
                         PyList_New((Py_ssize_t)n)};
    for (size_t i = 0; cols[0] && cols[1] && cols[2] && i < n; i++) {
        const char *v[3] = {sg_gazetteer_id(self->gaz, i), sg_gazetteer_label(self->gaz, i),
                            sg_gazetteer_type(self->gaz, i)};
        for (int k = 0; k < 3; k++) {
            PyObject *s = str_of(v[k]);
            if (!s)
                goto fail;
            PyList_SET_ITEM(cols[k], (Py_ssize_t)i, s);
        }
    }
    if (cols[0] && cols[1] && cols[2])
        return Py_BuildValue("(NNN)", cols[0], cols[1], cols[2]);
fail:
    for (int k = 0; k < 3; k++)
        Py_XDECREF(cols[k]);
    return NULL;
}

/* Findings of a check, copied out of the callback. */
typedef struct {
    int error;
    long line;
    char *kind, *file, *message;
} finding;

typedef struct {
    finding *v;
    size_t n, cap;
    int nomem;
} finding_list;

static void on_finding(const sg_finding *f, void *ctx)
{
    finding_list *l = ctx;
    if (grow((void **)&l->v, &l->cap, l->n, sizeof(*l->v))) {
        l->nomem = 1;
        return;
    }
    finding *x = &l->v[l->n++];
    x->error = f->error;
    x->line = f->line;
    x->kind = strdup(f->kind);
    x->file = strdup(f->file);
    x->message = strdup(f->message);
    if (!x->kind || !x->file || !x->message)
        l->nomem = 1;
}

/* _check(words: bytes | None) -> list of (error, kind, file, line, message),
 * the findings of `stakegraph gazetteer check` on the gazetteer's paths. */
static PyObject *gaz_check(GazObject *self, PyObject *args)
{
    const char *words = NULL;
    if (!PyArg_ParseTuple(args, "z", &words))
        return NULL;
    Py_ssize_t np = PyTuple_GET_SIZE(self->paths);
    const char **paths = calloc((size_t)np + 1, sizeof(char *));
    if (!paths)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < np; i++)
        paths[i] = PyBytes_AS_STRING(PyTuple_GET_ITEM(self->paths, i));
    finding_list l = {0};
    sg_error err;
    sg_error_clear(&err);
    int rc;
    Py_BEGIN_ALLOW_THREADS;
    rc = sg_gazetteer_check_paths(paths, (size_t)np, words, on_finding, &l, NULL, &err);
    Py_END_ALLOW_THREADS;
    PyObject *out = NULL;
    if (rc)
        raise_sg(Error, &err, rc);
    else if (l.nomem)
        PyErr_NoMemory();
    else if ((out = PyList_New((Py_ssize_t)l.n)))
        for (size_t i = 0; i < l.n; i++) {
            finding *f = &l.v[i];
            PyObject *t = Py_BuildValue("(ONNlN)", f->error ? Py_True : Py_False, str_of(f->kind),
                                        name_of(f->file), f->line, str_of(f->message));
            if (!t) {
                Py_CLEAR(out);
                break;
            }
            PyList_SET_ITEM(out, (Py_ssize_t)i, t);
        }
    for (size_t i = 0; i < l.n; i++) {
        free(l.v[i].kind);
        free(l.v[i].file);
        free(l.v[i].message);
    }
    free(l.v);
    free(paths);
    return out;
}

static PyMethodDef gaz_methods[] = {
    {"_entities", (PyCFunction)gaz_entities, METH_NOARGS, "(ids, labels, types)"},
    {"_check", (PyCFunction)gaz_check, METH_VARARGS, "findings of the check"},
    {NULL, NULL, 0, NULL}};

static PyMemberDef gaz_members[] = {
    {"_paths", T_OBJECT, offsetof(GazObject, paths), READONLY, "the paths loaded (bytes)"},
    {NULL, 0, 0, 0, NULL}};

static PySequenceMethods gaz_as_sequence = {.sq_length = (lenfunc)gaz_len};

static PyTypeObject GazType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "stakegraph._stakegraph.Gazetteer",
    .tp_basicsize = sizeof(GazObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Gazetteers loaded from TSV files (the C core of stakegraph.Gazetteer).",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)gaz_init,
    .tp_dealloc = (destructor)gaz_dealloc,
    .tp_methods = gaz_methods,
    .tp_members = gaz_members,
    .tp_as_sequence = &gaz_as_sequence,
};

/* ---- corpus ------------------------------------------------------------ */

/* A corpus of the paths (bytes) and the documents (name, text, meta), each
 * a tuple (bytes, bytes, tuple of (bytes, bytes)), in memory. */
static sg_corpus *corpus_make(PyObject *paths, PyObject *docs, int jsonl, warn_list *w)
{
    sg_error err;
    sg_error_clear(&err);
    sg_corpus *c = NULL;
    sg_meta *meta = NULL;
    int rc = sg_corpus_new(&c, jsonl ? SG_CORPUS_JSONL : SG_CORPUS_TEXT, NULL, &err);
    for (Py_ssize_t i = 0; !rc && i < PyTuple_GET_SIZE(paths); i++)
        rc = sg_corpus_add_path(c, PyBytes_AS_STRING(PyTuple_GET_ITEM(paths, i)), on_skip, w, &err);
    for (Py_ssize_t i = 0; !rc && i < PyTuple_GET_SIZE(docs); i++) {
        PyObject *d = PyTuple_GET_ITEM(docs, i), *m = PyTuple_GET_ITEM(d, 2);
        Py_ssize_t nm = PyTuple_GET_SIZE(m);
        free(meta);
        if (!(meta = calloc((size_t)nm + 1, sizeof(*meta)))) {
            rc = SG_ERR_NOMEM;
            break;
        }
        for (Py_ssize_t k = 0; k < nm; k++) {
            meta[k].key = PyBytes_AS_STRING(PyTuple_GET_ITEM(PyTuple_GET_ITEM(m, k), 0));
            meta[k].value = PyBytes_AS_STRING(PyTuple_GET_ITEM(PyTuple_GET_ITEM(m, k), 1));
        }
        sg_document doc = {PyBytes_AS_STRING(PyTuple_GET_ITEM(d, 0)),
                           PyBytes_AS_STRING(PyTuple_GET_ITEM(d, 1)),
                           (size_t)PyBytes_GET_SIZE(PyTuple_GET_ITEM(d, 1)), meta, (size_t)nm};
        rc = sg_corpus_add_document(c, &doc, &err);
    }
    free(meta);
    if (!rc) {
        Py_BEGIN_ALLOW_THREADS;
        rc = sg_corpus_seal(c, &err);
        Py_END_ALLOW_THREADS;
    }
    if (rc) {
        sg_corpus_free(c);
        raise_sg(Error, &err, rc);
        return NULL;
    }
    return c;
}

/* Checks the shape corpus_make reads; -1 with TypeError. */
static int corpus_args_ok(PyObject *paths, PyObject *docs)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(paths); i++)
        if (!PyBytes_Check(PyTuple_GET_ITEM(paths, i)))
            goto bad;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(docs); i++) {
        PyObject *d = PyTuple_GET_ITEM(docs, i);
        if (!PyTuple_Check(d) || PyTuple_GET_SIZE(d) < 3 ||
            !PyBytes_Check(PyTuple_GET_ITEM(d, 0)) || !PyBytes_Check(PyTuple_GET_ITEM(d, 1)) ||
            !PyTuple_Check(PyTuple_GET_ITEM(d, 2)))
            goto bad;
        PyObject *m = PyTuple_GET_ITEM(d, 2);
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(m); k++) {
            PyObject *kv = PyTuple_GET_ITEM(m, k);
            if (!PyTuple_Check(kv) || PyTuple_GET_SIZE(kv) != 2 ||
                !PyBytes_Check(PyTuple_GET_ITEM(kv, 0)) || !PyBytes_Check(PyTuple_GET_ITEM(kv, 1)))
                goto bad;
        }
    }
    return 0;
bad:
    PyErr_SetString(PyExc_TypeError, "corpus: paths as bytes, documents as (bytes, bytes, "
                                     "((bytes, bytes), ...))");
    return -1;
}

/* ---- a run ------------------------------------------------------------- */

typedef struct {
    uint32_t doc, entity, hash;
    uint8_t match;
    size_t start, end;
} mention_rec;

typedef struct {
    uint32_t doc, source, target;
    size_t start, end, ss, se, ts, te, line;
} cooc_rec;

static const char *const match_names[] = {"exact",   "folded", "variant", "acronym",
                                          "surname", "fuzzy",  "pattern", "known",
                                          "found",   "short",  NULL};

typedef struct {
    const char *id;
    size_t index;
} id_slot;

/* Evidence rows as columns: doc (codes into the document names), the unit's
 * line, start and end (code points), byte_start, byte_end, the two actors
 * (gazetteer indices), the first mention of each (code points); and each
 * row's snippet and unit text as spans of `buf`. A row whose snippet (or
 * unit) has the bytes of the row before's shares its span, and its str. */
enum {
    EV_DOC,
    EV_LINE,
    EV_START,
    EV_END,
    EV_BSTART,
    EV_BEND,
    EV_SOURCE,
    EV_TARGET,
    EV_SS,
    EV_SE,
    EV_TS,
    EV_TE,
    EV_NCOLS
};

typedef struct {
    int64_t *col[EV_NCOLS];
    size_t *span; /* row i: snippet at span[4i], length span[4i + 1]; unit at span[4i + 2],
                     length span[4i + 3] */
    size_t n, cap;
    char *buf;
    size_t len, bufcap;
    cursor cur; /* along the text of document `doc` */
    size_t doc;
} evidence_table;

typedef struct {
    PyObject_HEAD GazObject *gaz;
    PyThread_type_lock lock;
    sg_extractor *ex;
    sg_corpus *corpus;
    sg_run_result res;
    sg_write_options wopt;
    PyObject *keep;        /* the option values the options point to */
    unsigned char *escape; /* per document: a str, encoded with surrogateescape */
    char **names;          /* per document, from the run */
    size_t *lens;          /* per document: its length in bytes */
    size_t ndocs, cur;     /* documents; the current one during the run */
    mention_rec *m;
    size_t nm, capm;
    cooc_rec *c;
    size_t nc, capc;
    int nomem;
    int interrupted;    /* a signal's handler raised (Ctrl-C): the run stops */
    unsigned char *bad; /* per document: the run warned of invalid UTF-8 (or NUL bytes) */
    int bad_other;      /* such a warning not of the current document (never seen) */
    warn_list warnings;
    sg_graph *whole;       /* the network, once asked for */
    sg_extract_options eo; /* the run's, for the evidence's pass */
    unsigned jobs;
    int have_mentions, have_coocs; /* recorded by the run, or gathered since */
    int rows;                      /* evidence=True: the evidence rows made during the run */
    int runs;                      /* runs of the corpus made: the run, and gather's */
    evidence_table ev;             /* those rows, one a co-occurrence record */
    id_slot *ids;                  /* entities by the address of their id (entity_of) */
    size_t idmask;
} RunObject;

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static size_t slot_of(const char *id, size_t mask)
{
    uint64_t h = (uint64_t)(uintptr_t)id * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 32) & mask;
}

/* Every entity by the address of its id (linear probing), so that the
 * callbacks, which give the gazetteer's own strings, find an entity
 * without hashing its text. NULL when out of memory (then entity_of looks
 * ids up by their text). */
static void ids_index(RunObject *r)
{
    size_t n = sg_gazetteer_count(r->gaz->gaz);
    for (r->idmask = 255; r->idmask < 2 * n;)
        r->idmask = 2 * r->idmask + 1;
    if (!(r->ids = calloc(r->idmask + 1, sizeof(*r->ids))))
        return;
    for (size_t i = 0; i < n; i++) {
        const char *id = sg_gazetteer_id(r->gaz->gaz, i);
        size_t k = slot_of(id, r->idmask);
        while (r->ids[k].id)
            k = (k + 1) & r->idmask;
        r->ids[k].id = id;
        r->ids[k].index = i;
    }
}

/* The gazetteer index of the entity whose id a callback gives: by its
 * address when it is the gazetteer's string, else by its text. */
static size_t entity_of(RunObject *r, const char *id)
{
    for (size_t k = r->ids ? slot_of(id, r->idmask) : 0; r->ids && r->ids[k].id;
         k = (k + 1) & r->idmask)
        if (r->ids[k].id == id)
            return r->ids[k].index;
    long e = sg_gazetteer_find(r->gaz->gaz, id);
    return e < 0 ? 0 : (size_t)e; /* (every id the extractor gives is the gazetteer's) */
}

static int run_on_document(const sg_document *d, size_t index, void *ctx)
{
    RunObject *r = ctx;
    r->cur = index;
    if (index < r->ndocs && !r->names[index]) {
        r->lens[index] = d->len;
        if (!(r->names[index] = strdup(d->name ? d->name : "<document>")))
            r->nomem = 1;
    }
    return r->nomem || r->interrupted;
}

/* After each batch of documents, in the calling thread (which released the
 * GIL): Python's signal handlers run, so that Ctrl-C stops a long run at
 * the next document (its KeyboardInterrupt then raised) as it stops Python
 * code. */
static void run_on_progress(const sg_progress *p, void *ctx)
{
    (void)p;
    RunObject *r = ctx;
    PyGILState_STATE g = PyGILState_Ensure();
    if (PyErr_CheckSignals())
        r->interrupted = 1; /* the exception stays set until the call returns */
    PyGILState_Release(g);
}

static int run_on_mention(const sg_mention *m, void *ctx)
{
    RunObject *r = ctx;
    if (grow((void **)&r->m, &r->capm, r->nm, sizeof(*r->m)))
        return r->nomem = 1;
    mention_rec *x = &r->m[r->nm++];
    x->doc = (uint32_t)r->cur;
    x->entity = (uint32_t)entity_of(r, m->id);
    x->start = m->start;
    x->end = m->end;
    x->hash = hash_bytes(m->text, m->end - m->start);
    x->match = 0;
    for (uint8_t k = 0; match_names[k]; k++)
        if (!strcmp(m->match, match_names[k]))
            x->match = k;
    return 0;
}

static int evidence_add(RunObject *r, evidence_table *t, const sg_cooccurrence *c, size_t k,
                        uint32_t source, uint32_t target);

/* A co-occurrence's offsets, kept; with `rows`, its evidence row made now,
 * while its document's text is at hand. */
static int run_on_cooccurrence(const sg_cooccurrence *c, void *ctx)
{
    RunObject *r = ctx;
    if (grow((void **)&r->c, &r->capc, r->nc, sizeof(*r->c)))
        return r->nomem = 1;
    cooc_rec *x = &r->c[r->nc++];
    x->doc = (uint32_t)r->cur;
    x->source = (uint32_t)entity_of(r, c->source);
    x->target = (uint32_t)entity_of(r, c->target);
    if (r->rows && evidence_add(r, &r->ev, c, r->cur, x->source, x->target))
        return r->nomem = 1;
    x->start = c->start;
    x->end = c->end;
    x->ss = c->source_start;
    x->se = c->source_end;
    x->ts = c->target_start;
    x->te = c->target_end;
    x->line = c->line;
    return 0;
}

static void evidence_table_free(evidence_table *t)
{
    for (int k = 0; k < EV_NCOLS; k++)
        free(t->col[k]);
    free(t->span);
    free(t->buf);
    memset(t, 0, sizeof(*t));
    t->doc = SIZE_MAX;
}

static void run_dealloc(RunObject *self)
{
    sg_graph_free(self->whole);
    sg_run_result_free(&self->res);
    sg_extractor_free(self->ex);
    sg_corpus_free(self->corpus);
    for (size_t i = 0; self->names && i < self->ndocs; i++)
        free(self->names[i]);
    free(self->names);
    free(self->lens);
    free(self->escape);
    free(self->bad);
    evidence_table_free(&self->ev);
    free(self->m);
    free(self->c);
    free(self->warnings.v);
    free(self->ids);
    if (self->lock)
        PyThread_free_lock(self->lock);
    Py_XDECREF(self->keep);
    Py_XDECREF(self->gaz);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* The run's lock, taken without the GIL (another thread may hold the lock
 * and wait for the GIL). */
static void run_lock(RunObject *r)
{
    Py_BEGIN_ALLOW_THREADS;
    PyThread_acquire_lock(r->lock, WAIT_LOCK);
    Py_END_ALLOW_THREADS;
}

static void run_unlock(RunObject *r)
{
    PyThread_release_lock(r->lock);
}

static int is_extract_option(const char *name)
{
    static const char *const names[] = {"unit",   "variants",     "max-unit-actors",
                                        "strict", "keep-credits", NULL};
    for (int i = 0; names[i]; i++)
        if (!strcmp(name, names[i]))
            return 1;
    return 0;
}

/* Applies the (name, value: bytes | None) pairs of `opts` as the command
 * line does (network_args.c): each option to the struct that takes it. */
static int apply_options(PyObject *opts, sg_extract_options *eo, sg_run_options *ro,
                         sg_write_options *wo, PyObject *keep)
{
    sg_error err;
    sg_error_clear(&err);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(opts); i++) {
        const char *name, *value = NULL;
        PyObject *v = NULL;
        if (!PyArg_ParseTuple(PyList_GET_ITEM(opts, i), "sO", &name, &v))
            return -1;
        if (v != Py_None) {
            if (!PyBytes_Check(v) || PyList_Append(keep, v)) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_TypeError, "option values: bytes or None");
                return -1;
            }
            value = PyBytes_AS_STRING(v);
        }
        int rc;
        if (eo && is_extract_option(name))
            rc = sg_extract_options_set(eo, name, value, &err);
        else if (ro && !strcmp(name, "by-period"))
            rc = sg_run_options_set(ro, name, value, &err);
        else if ((!strcmp(name, "min-weight") || !strcmp(name, "jobs")) && ro &&
                 (rc = sg_run_options_set(ro, name, value, &err)))
            ; /* else the write options' too: the analysis's processes (jobs) */
        else
            rc = sg_write_options_set(wo, name, value, &err);
        if (rc) {
            raise_sg(OptionError, &err, rc);
            return -1;
        }
    }
    return 0;
}

static PyTypeObject RunType;

/* A warning, kept for Python; one of invalid UTF-8 (or NUL bytes) comes
 * after its document's on_document and before its co-occurrences (the
 * library warns as it reads a document), and marks the document. */
static void run_on_warning(const sg_error *e, void *ctx)
{
    RunObject *r = ctx;
    if (e->code == SG_ERR_UTF8) {
        if (r->cur < r->ndocs && r->names[r->cur] && !strcmp(e->file, r->names[r->cur]))
            r->bad[r->cur] = 1;
        else
            r->bad_other = 1;
    }
    warn_add(&r->warnings, e);
}

/* How to count document k's code points (count_cp): a document the run
 * did not warn about is valid UTF-8. */
static int reading_of(const RunObject *r, size_t k)
{
    return r->bad[k] || r->bad_other ? r->escape[k] : VALID;
}

/* Counts the corpus: the GIL released meanwhile, the callbacks filling the
 * run's arrays in this thread. The mentions are recorded unless the
 * caller said not to (they cost the run a tenth more: the library logs
 * each mention for its replay). The co-occurrences are recorded unless
 * the caller said not to: their offsets alone (the library then keeps no
 * copy of the documents for the replay), so that the evidence asked for
 * later only reads the documents again; or with `rows`, the evidence rows
 * made during the run (the library gives each document's text). */
static int run_count(RunObject *r, sg_run_options *ro, sg_error *err)
{
    int rc;
    ro->on_document = run_on_document;
    ro->on_mention = r->have_mentions ? run_on_mention : NULL;
    ro->on_cooccurrence = r->have_coocs ? run_on_cooccurrence : NULL;
    ro->offsets_only = !r->rows;
    ro->on_warning = run_on_warning;
    ro->on_progress = run_on_progress;
    ro->ctx = r;
    ro->period_graphs = ro->by_period != SG_PERIOD_NONE;
    r->runs++;
    Py_BEGIN_ALLOW_THREADS;
    rc = sg_corpus_run(r->ex, r->corpus, ro, &r->res, err);
    Py_END_ALLOW_THREADS;
    if (r->nomem || r->warnings.nomem) {
        sg_error_clear(err);
        rc = err->code = SG_ERR_NOMEM;
    }
    return r->interrupted ? SG_ERR_IO : rc;
}

/* _run(gazetteer, paths, documents, jsonl, options, mentions, evidence) ->
 * Run: paths as bytes, documents as (name, text, meta, is_str)
 * (corpus_make), options as (name, value) pairs (apply_options); mentions:
 * record them during the run; evidence: 0, record no co-occurrence; 1,
 * their offsets; 2, the evidence rows. */
static PyObject *mod_run(PyObject *mod, PyObject *args)
{
    (void)mod;
    GazObject *gaz;
    PyObject *paths, *docs, *opts;
    int jsonl, mentions, evidence;
    if (!PyArg_ParseTuple(args, "O!O!O!pO!pi", &GazType, &gaz, &PyTuple_Type, &paths, &PyTuple_Type,
                          &docs, &jsonl, &PyList_Type, &opts, &mentions, &evidence) ||
        corpus_args_ok(paths, docs))
        return NULL;
    RunObject *r = PyObject_New(RunObject, &RunType);
    if (!r)
        return NULL;
    memset((char *)r + sizeof(PyObject), 0, sizeof(*r) - sizeof(PyObject));
    r->ev.doc = SIZE_MAX;
    r->gaz = (GazObject *)Py_NewRef(gaz);
    sg_extract_options eo;
    sg_run_options ro;
    sg_extract_options_init(&eo);
    sg_run_options_init(&ro);
    sg_write_options_init(&r->wopt);
    sg_error err;
    sg_error_clear(&err);
    int rc;
    if (!(r->keep = PyList_New(0)) || !(r->lock = PyThread_allocate_lock()) ||
        apply_options(opts, &eo, &ro, &r->wopt, r->keep) ||
        !(r->corpus = corpus_make(paths, docs, jsonl, &r->warnings)))
        goto fail;
    r->ndocs = sg_corpus_count(r->corpus);
    size_t nmem = (size_t)PyTuple_GET_SIZE(docs);
    if (!(r->names = calloc(r->ndocs + 1, sizeof(char *))) ||
        !(r->lens = calloc(r->ndocs + 1, sizeof(size_t))) ||
        !(r->escape = calloc(r->ndocs + 1, 1)) || !(r->bad = calloc(r->ndocs + 1, 1))) {
        PyErr_NoMemory();
        goto fail;
    }
    for (size_t i = 0; i < nmem && nmem <= r->ndocs; i++)
        r->escape[r->ndocs - nmem + i] =
            (unsigned char)PyObject_IsTrue(PyTuple_GET_ITEM(PyTuple_GET_ITEM(docs, i), 3));
    r->eo = eo;
    r->jobs = ro.jobs;
    r->have_mentions = mentions;
    r->have_coocs = evidence > 0;
    r->rows = evidence > 1;
    ids_index(r);
    /* each actor's documents, which the HTML view lists, as the command
     * line records them for a view (1-2% of a run; gather's runs need not) */
    eo.record_documents = 1;
    if (gaz->made && same_options(&gaz->made_opt, &eo)) { /* made while loading */
        r->ex = gaz->made;
        gaz->made = NULL;
    }
    if ((!r->ex && (rc = sg_extractor_new(&r->ex, gaz->gaz, &eo, &err))) ||
        (rc = run_count(r, &ro, &err))) {
        raise_sg(Error, &err, rc);
        goto fail;
    }
    return (PyObject *)r;
fail:
    Py_DECREF(r);
    return NULL;
}

/* A document read again that is not the one the run read. */
static int changed(sg_error *err, const char *name)
{
    sg_error_clear(err);
    err->code = SG_ERR_IO;
    snprintf(err->file, sizeof(err->file), "%s", name ? name : "");
    snprintf(err->message, sizeof(err->message),
             "changed since it was extracted: its offsets no longer apply (extract again)");
    return SG_ERR_IO;
}

/* The text of document k, read again (files) or as kept (in memory), into
 * *doc; checked against the length the run read. */
static int doc_read(RunObject *r, sg_corpus_reader *rd, size_t k, sg_document *doc, sg_error *err)
{
    int rc = sg_corpus_read(rd, k, doc, err);
    if (!rc && doc->len != r->lens[k])
        rc = changed(err, r->names[k]);
    return rc;
}

/* Appends n bytes to a growable buffer; -1 when out of memory. */
static int buf_add(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t c = *cap ? *cap : 4096;
        while (c < *len + n + 1)
            c *= 2;
        char *p = realloc(*buf, c);
        if (!p)
            return -1;
        *buf = p;
        *cap = c;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    return 0;
}

/* The mentions' offsets in code points and their texts, worked out from
 * the documents (read again) without the GIL. */
typedef struct {
    int64_t *cols[7]; /* doc, start, end, byte start, byte end, entity, match */
    size_t *text_at;  /* each text's start in `texts`; n + 1 of them */
    char *texts;
    size_t len, cap;
} mention_table;

static int gather(RunObject *r, int what, sg_error *err);

static int mentions_compute(RunObject *r, mention_table *t, sg_error *err)
{
    sg_corpus_reader *rd = NULL;
    sg_document doc;
    cursor cur = {0};
    size_t k = SIZE_MAX;
    int rc = sg_corpus_reader_new(&rd, r->corpus, err);
    for (size_t i = 0; !rc && i < r->nm; i++) {
        const mention_rec *m = &r->m[i];
        if (m->doc != k && !(rc = doc_read(r, rd, (k = m->doc), &doc, err)))
            cur = (cursor){(const unsigned char *)doc.text, doc.len, 0, 0, reading_of(r, k)};
        if (rc)
            break;
        if (m->end > doc.len || hash_bytes(doc.text + m->start, m->end - m->start) != m->hash) {
            rc = changed(err, r->names[k]);
            break;
        }
        size_t cs = cursor_to(&cur, m->start);
        int64_t v[7] = {m->doc,
                        (int64_t)cs,
                        (int64_t)(cs + count_cp(cur.s, cur.len, m->start, m->end, cur.escape)),
                        (int64_t)m->start,
                        (int64_t)m->end,
                        m->entity,
                        m->match};
        for (int c = 0; c < 7; c++)
            t->cols[c][i] = v[c];
        t->text_at[i] = t->len;
        if (buf_add(&t->texts, &t->len, &t->cap, doc.text + m->start, m->end - m->start)) {
            sg_error_clear(err);
            rc = err->code = SG_ERR_NOMEM;
        }
    }
    t->text_at[r->nm] = t->len;
    sg_corpus_reader_free(rd);
    return rc;
}

static void mention_table_free(mention_table *t)
{
    for (int c = 0; c < 7; c++)
        free(t->cols[c]);
    free(t->text_at);
    free(t->texts);
}

/* A list of the document names, by index. */
static PyObject *doc_names(RunObject *r)
{
    PyObject *l = PyList_New((Py_ssize_t)r->ndocs);
    for (size_t i = 0; l && i < r->ndocs; i++) {
        PyObject *s = name_of(r->names[i] ? r->names[i] : "");
        if (!s)
            Py_CLEAR(l);
        else
            PyList_SET_ITEM(l, (Py_ssize_t)i, s);
    }
    return l;
}

/* The ids and types of the entities of the n codes in `entity` (gazetteer
 * indices), in order of first use, as two lists (into *types); each code
 * replaced by its place in them. NULL with an error set. */
static PyObject *used_entities(RunObject *r, int64_t *entity, size_t n, PyObject **types)
{
    size_t ne = sg_gazetteer_count(r->gaz->gaz);
    int64_t *code = malloc((ne + 1) * sizeof(int64_t)), next = 0;
    PyObject *ids = PyList_New(0);
    *types = PyList_New(0);
    if (!code || !ids || !*types)
        goto fail;
    for (size_t i = 0; i < ne; i++)
        code[i] = -1;
    for (size_t i = 0; i < n; i++) {
        size_t e = (size_t)entity[i];
        if (code[e] < 0) {
            PyObject *id = str_of(sg_gazetteer_id(r->gaz->gaz, e));
            PyObject *type = str_of(sg_gazetteer_type(r->gaz->gaz, e));
            int bad = !id || !type || PyList_Append(ids, id) || PyList_Append(*types, type);
            Py_XDECREF(id);
            Py_XDECREF(type);
            if (bad)
                goto fail;
            code[e] = next++;
        }
        entity[i] = code[e];
    }
    free(code);
    return ids;
fail:
    if (!PyErr_Occurred())
        PyErr_NoMemory();
    free(code);
    Py_XDECREF(ids);
    Py_CLEAR(*types);
    return NULL;
}

/* The mentions' texts into the list `texts` (of r->nm items), as str: one
 * str for the mentions of the same bytes read the same way (an actor's
 * names come back again and again), found by the hash the run took of
 * them. Returns the table of first mentions used (the caller frees it),
 * or NULL with an error set. */
static size_t *mention_texts(RunObject *r, const mention_table *t, PyObject *texts)
{
    size_t mask = 255;
    while (mask < 2 * r->nm)
        mask = 2 * mask + 1;
    size_t *first = malloc((mask + 1) * sizeof(size_t));
    if (!first)
        return (size_t *)PyErr_NoMemory();
    for (size_t k = 0; k <= mask; k++)
        first[k] = SIZE_MAX;
    for (size_t i = 0; i < r->nm; i++) {
        const char *b = t->texts + t->text_at[i];
        size_t len = t->text_at[i + 1] - t->text_at[i], k = r->m[i].hash & mask, j;
        int esc = r->escape[r->m[i].doc];
        while ((j = first[k]) != SIZE_MAX &&
               (r->m[j].hash != r->m[i].hash || t->text_at[j + 1] - t->text_at[j] != len ||
                r->escape[r->m[j].doc] != esc || memcmp(t->texts + t->text_at[j], b, len)))
            k = (k + 1) & mask;
        PyObject *s = j != SIZE_MAX ? Py_NewRef(PyList_GET_ITEM(texts, (Py_ssize_t)j))
                                    : PyUnicode_DecodeUTF8(b, (Py_ssize_t)len,
                                                           esc ? "surrogateescape" : "replace");
        if (!s) {
            free(first);
            return NULL;
        }
        if (j == SIZE_MAX)
            first[k] = i;
        PyList_SET_ITEM(texts, (Py_ssize_t)i, s);
    }
    return first;
}

/* _mentions() -> (doc names, columns as int64 bytes (doc, start, end,
 * byte_start, byte_end, entity, match), texts, match names, entity ids,
 * entity types): the codes index the lists of names. */
static PyObject *run_mentions(RunObject *r, PyObject *unused)
{
    (void)unused;
    mention_table t = {0};
    sg_error err;
    sg_error_clear(&err);
    PyObject *out = NULL, *texts = NULL, *cols = NULL, *matches = NULL, *ids = NULL, *types = NULL;
    size_t *seen = NULL;
    int rc;
    run_lock(r);
    Py_BEGIN_ALLOW_THREADS;
    rc = gather(r, 0, &err);
    for (int c = 0; !rc && c < 7; c++)
        if (!(t.cols[c] = malloc((r->nm + 1) * sizeof(int64_t))))
            rc = SG_ERR_NOMEM;
    if (!rc && !(t.text_at = malloc((r->nm + 1) * sizeof(size_t))))
        rc = SG_ERR_NOMEM;
    if (!rc)
        rc = mentions_compute(r, &t, &err);
    Py_END_ALLOW_THREADS;
    run_unlock(r);
    if (rc) {
        raise_sg(Error, &err, rc);
        goto cleanup;
    }
    if (!(texts = PyList_New((Py_ssize_t)r->nm)) || !(cols = PyTuple_New(7)) ||
        !(ids = used_entities(r, t.cols[5], r->nm, &types)))
        goto cleanup;
    if (!(seen = mention_texts(r, &t, texts)))
        goto cleanup;
    for (int c = 0; c < 7; c++) {
        PyObject *b = PyBytes_FromStringAndSize((const char *)t.cols[c],
                                                (Py_ssize_t)(r->nm * sizeof(int64_t)));
        if (!b)
            goto cleanup;
        PyTuple_SET_ITEM(cols, c, b);
    }
    if (!(matches = PyList_New(0)))
        goto cleanup;
    for (int k = 0; match_names[k]; k++) {
        PyObject *name = PyUnicode_FromString(match_names[k]);
        int bad = !name || PyList_Append(matches, name);
        Py_XDECREF(name);
        if (bad)
            goto cleanup;
    }
    out = Py_BuildValue("(NOOOOO)", doc_names(r), cols, texts, matches, ids, types);
cleanup:
    Py_XDECREF(texts);
    Py_XDECREF(cols);
    Py_XDECREF(matches);
    Py_XDECREF(ids);
    Py_XDECREF(types);
    free(seen);
    mention_table_free(&t);
    return out;
}

/* The mentions (what = 0) or the co-occurrences (what = 1) of every
 * document, gathered by running the corpus again through a new extractor
 * of the run's gazetteer and options (its counts thrown away), as
 * `stakegraph explain` does: once, on the first call that needs them.
 * Under the run's lock, without the GIL. */
static int gather(RunObject *r, int what, sg_error *err)
{
    if (what ? r->have_coocs : r->have_mentions)
        return 0;
    if (!r->corpus) { /* merge's counts */
        sg_error_clear(err);
        snprintf(err->message, sizeof(err->message),
                 "a network merged from counts files has no text: %s come from extract",
                 what ? "the evidence and the HTML view's units" : "the mentions");
        return err->code = SG_ERR_INVALID;
    }
    sg_extractor *ex = NULL;
    sg_run_options ro;
    sg_run_options_init(&ro);
    ro.jobs = r->jobs;
    ro.on_document = run_on_document;
    ro.on_mention = what ? NULL : run_on_mention;
    ro.on_cooccurrence = what ? run_on_cooccurrence : NULL;
    ro.offsets_only = 1;
    ro.on_progress = run_on_progress;
    ro.ctx = r;
    r->interrupted = 0;
    *(what ? &r->nc : &r->nm) = 0;
    int rc = sg_extractor_new(&ex, r->gaz->gaz, &r->eo, err);
    r->runs++;
    if (!rc)
        rc = sg_corpus_run(ex, r->corpus, &ro, NULL, err);
    sg_extractor_free(ex);
    if (!rc && r->nomem) {
        sg_error_clear(err);
        rc = err->code = SG_ERR_NOMEM;
    }
    *(what ? &r->have_coocs : &r->have_mentions) = !rc;
    return r->interrupted ? SG_ERR_IO : rc;
}

/* An actor by id or name, as explain finds it; -1 with Error raised. */
static long find_actor(RunObject *r, const char *name)
{
    long i = sg_extractor_find_actor(r->ex, name);
    if (i < 0) {
        char what[600];
        snprintf(what, sizeof(what),
                 "unknown actor '%.400s' (an id or a name the gazetteers "
                 "match)",
                 name);
        raise_msg(Error, SG_ERR_INVALID, what);
    }
    return i;
}

static int pair_wanted(const cooc_rec *c, long a, long b)
{
    if (a < 0)
        return 1;
    if (b < 0)
        return c->source == (uint32_t)a || c->target == (uint32_t)a;
    return (c->source == (uint32_t)a && c->target == (uint32_t)b) ||
           (c->source == (uint32_t)b && c->target == (uint32_t)a);
}

/* Room for one more row; -1 when out of memory. */
static int evidence_reserve(evidence_table *t)
{
    if (t->n < t->cap)
        return 0;
    size_t c = t->cap ? 2 * t->cap : 1024;
    if (c > SIZE_MAX / (4 * sizeof(size_t)))
        return -1;
    for (int k = 0; k < EV_NCOLS; k++) {
        int64_t *p = realloc(t->col[k], c * sizeof(int64_t));
        if (!p)
            return -1;
        t->col[k] = p;
    }
    size_t *sp = realloc(t->span, 4 * c * sizeof(size_t));
    if (!sp)
        return -1;
    t->span = sp;
    t->cap = c;
    return 0;
}

/* Row i's span `which` (0: the snippet, 1: the unit): the n bytes at s
 * appended, or the row before's span when it holds the same bytes (the
 * pairs of one unit follow each other). -1 when out of memory. */
static int evidence_span(evidence_table *t, size_t i, int which, const char *s, size_t n)
{
    size_t *sp = t->span + 4 * i + 2 * which;
    if (i > 0 && sp[-3] == n && !memcmp(t->buf + sp[-4], s, n)) {
        sp[0] = sp[-4];
        sp[1] = n;
        return 0;
    }
    sp[0] = t->len;
    sp[1] = n;
    return buf_add(&t->buf, &t->len, &t->bufcap, s, n);
}

/* Appends the row of c, a co-occurrence in document k with its text (the
 * actors as gazetteer indices), to t: during the run (rows) or from the
 * document read again (replay). SG_OK or SG_ERR_NOMEM. */
static int evidence_add(RunObject *r, evidence_table *t, const sg_cooccurrence *c, size_t k,
                        uint32_t source, uint32_t target)
{
    if (evidence_reserve(t))
        return SG_ERR_NOMEM;
    const unsigned char *s = (const unsigned char *)c->text;
    if (t->doc != k || t->cur.s != s) {
        t->cur = (cursor){s, c->len, 0, 0, reading_of(r, k)};
        t->doc = k;
    }
    size_t i = t->n, u = cursor_to(&t->cur, c->start);
    size_t at[5] = {c->end, c->source_start, c->source_end, c->target_start, c->target_end};
    int64_t cp[5];
    cps_at(s, c->len, c->start, u, at, cp, 5, t->cur.escape);
    int64_t v[EV_NCOLS] = {(int64_t)k,
                           (int64_t)c->line,
                           (int64_t)u,
                           cp[0],
                           (int64_t)c->start,
                           (int64_t)c->end,
                           source,
                           target,
                           cp[1],
                           cp[2],
                           cp[3],
                           cp[4]};
    for (int j = 0; j < EV_NCOLS; j++)
        t->col[j][i] = v[j];
    char *snippet = sg_evidence_snippet(c, SG_EVIDENCE_SNIPPET_MAX);
    int bad = !snippet || evidence_span(t, i, 0, snippet, strlen(snippet)) ||
              evidence_span(t, i, 1, c->text + c->start, c->end - c->start);
    free(snippet);
    if (bad)
        return SG_ERR_NOMEM;
    t->n++;
    return SG_OK;
}

/* What replay calls for each co-occurrence: SG_OK or an error code. */
typedef int (*cooc_fn)(RunObject *r, const sg_cooccurrence *c, const cooc_rec *x, void *ctx);

/* Calls fn for the records which[0, n) (which NULL: the first n), in
 * order, each with its document's text, read again (files) or as kept (in
 * memory). Under the run's lock, without the GIL. */
static int replay(RunObject *r, const size_t *which, size_t n, cooc_fn fn, void *ctx, sg_error *err)
{
    sg_corpus_reader *rd = NULL;
    sg_document doc;
    size_t k = SIZE_MAX;
    const sg_gazetteer *g = r->gaz->gaz;
    int rc = sg_corpus_reader_new(&rd, r->corpus, err);
    for (size_t i = 0; !rc && i < n; i++) {
        const cooc_rec *x = &r->c[which ? which[i] : i];
        if (x->doc != k && (rc = doc_read(r, rd, (k = x->doc), &doc, err)))
            break;
        if (x->end > doc.len) {
            rc = changed(err, r->names[k]);
            break;
        }
        sg_cooccurrence c = {r->names[k],
                             x->start,
                             x->end,
                             sg_gazetteer_id(g, x->source),
                             sg_gazetteer_id(g, x->target),
                             x->ss,
                             x->se,
                             x->ts,
                             x->te,
                             doc.text,
                             doc.len,
                             x->line};
        if ((rc = fn(r, &c, x, ctx))) {
            sg_error_clear(err);
            err->code = rc;
        }
    }
    sg_corpus_reader_free(rd);
    return rc;
}

static int add_row(RunObject *r, const sg_cooccurrence *c, const cooc_rec *x, void *ctx)
{
    return evidence_add(r, ctx, c, x->doc, x->source, x->target);
}

static int add_unit(RunObject *r, const sg_cooccurrence *c, const cooc_rec *x, void *ctx)
{
    (void)r, (void)x;
    return sg_unit_store_add(ctx, c) ? SG_ERR_NOMEM : SG_OK;
}

/* The snippets (which == 0) or the units' texts (1) of the n rows rows[]
 * of t (rows NULL: the first n) as a list of str; a row sharing the span
 * of the row before shares its str. */
static PyObject *evidence_texts(RunObject *r, const evidence_table *t, const size_t *rows, size_t n,
                                int which)
{
    PyObject *l = PyList_New((Py_ssize_t)n), *prev = NULL;
    size_t pat = SIZE_MAX, plen = 0;
    int pesc = 0;
    for (size_t i = 0; l && i < n; i++) {
        const size_t *sp = t->span + 4 * (rows ? rows[i] : i) + 2 * which;
        int esc = which && r->escape[t->col[EV_DOC][rows ? rows[i] : i]];
        PyObject *s = prev && sp[0] == pat && sp[1] == plen && esc == pesc
                          ? Py_NewRef(prev)
                          : PyUnicode_DecodeUTF8(t->buf + sp[0], (Py_ssize_t)sp[1],
                                                 esc ? "surrogateescape" : "replace");
        if (!s) {
            Py_CLEAR(l);
            break;
        }
        PyList_SET_ITEM(l, (Py_ssize_t)i, s);
        prev = s;
        pat = sp[0];
        plen = sp[1];
        pesc = esc;
    }
    return l;
}

/* The rows of the records which[0, n) (all found by pair_wanted): those
 * made during the run (rows), else made now into *tmp from the documents
 * read again; *from is the table, *pick the rows in it (NULL: the first
 * n). Under the run's lock, without the GIL. */
static int evidence_rows(RunObject *r, const size_t *which, size_t n, evidence_table *tmp,
                         const evidence_table **from, const size_t **pick, sg_error *err)
{
    if (r->rows) {
        *from = &r->ev;
        *pick = which;
        return 0;
    }
    *from = tmp;
    *pick = NULL;
    return replay(r, which, n, add_row, tmp, err);
}

/* _evidence(a, b) -> (doc names, int64 columns as bytes (evidence_table's
 * order, source and target coded into ids), ids, snippets, texts): the units
 * naming both a and b (ids or names; b None: every unit of a; both None:
 * every unit). */
static PyObject *run_evidence(RunObject *r, PyObject *args)
{
    const char *an = NULL, *bn = NULL;
    if (!PyArg_ParseTuple(args, "zz", &an, &bn))
        return NULL;
    long a = -1, b = -1;
    if ((an && (a = find_actor(r, an)) < 0) || (bn && (b = find_actor(r, bn)) < 0))
        return NULL;
    if (a < 0)
        a = b, b = -1;
    sg_error err;
    sg_error_clear(&err);
    evidence_table tmp = {.doc = SIZE_MAX};
    const evidence_table *t = NULL;
    const size_t *pick = NULL;
    PyObject *out = NULL, *cols = NULL, *ids = NULL, *types = NULL, *snippets = NULL, *texts = NULL;
    size_t *at = NULL, n = 0;
    int64_t *col[EV_NCOLS] = {NULL}, *actors = NULL;
    int rc;
    run_lock(r);
    Py_BEGIN_ALLOW_THREADS;
    rc = gather(r, 1, &err);
    if (!rc && !(at = malloc((r->nc + 1) * sizeof(size_t))))
        rc = SG_ERR_NOMEM;
    for (size_t i = 0; !rc && i < r->nc; i++)
        if (pair_wanted(&r->c[i], a, b))
            at[n++] = i;
    if (!rc)
        rc = evidence_rows(r, at, n, &tmp, &t, &pick, &err);
    for (int k = 0; !rc && k < EV_NCOLS; k++)
        if (!(col[k] = malloc((n + 1) * sizeof(int64_t))))
            rc = SG_ERR_NOMEM;
    if (!rc && !(actors = malloc((2 * n + 1) * sizeof(int64_t))))
        rc = SG_ERR_NOMEM;
    for (int k = 0; !rc && k < EV_NCOLS; k++)
        for (size_t i = 0; i < n; i++)
            col[k][i] = t->col[k][pick ? pick[i] : i];
    Py_END_ALLOW_THREADS;
    if (rc) {
        raise_sg(Error, &err, rc);
        goto cleanup;
    }
    if (!(snippets = evidence_texts(r, t, pick, n, 0)) ||
        !(texts = evidence_texts(r, t, pick, n, 1)))
        goto cleanup;
    for (size_t i = 0; i < n; i++) {
        actors[i] = col[EV_SOURCE][i];
        actors[n + i] = col[EV_TARGET][i];
    }
    if (!(ids = used_entities(r, actors, 2 * n, &types)) || !(cols = PyTuple_New(EV_NCOLS)))
        goto cleanup;
    for (size_t i = 0; i < n; i++) {
        col[EV_SOURCE][i] = actors[i];
        col[EV_TARGET][i] = actors[n + i];
    }
    for (int k = 0; k < EV_NCOLS; k++) {
        PyObject *c =
            PyBytes_FromStringAndSize((const char *)col[k], (Py_ssize_t)(n * sizeof(int64_t)));
        if (!c)
            goto cleanup;
        PyTuple_SET_ITEM(cols, k, c);
    }
    out = Py_BuildValue("(NOOOO)", doc_names(r), cols, ids, snippets, texts);
cleanup:
    run_unlock(r);
    for (int k = 0; k < EV_NCOLS; k++)
        free(col[k]);
    free(at);
    free(actors);
    evidence_table_free(&tmp);
    Py_XDECREF(snippets);
    Py_XDECREF(texts);
    Py_XDECREF(cols);
    Py_XDECREF(ids);
    Py_XDECREF(types);
    return out;
}

/* ---- networks ---------------------------------------------------------- */

/* Analysis and layout as the command line's sg_run_write does them
 * (write_run.c's prepare): the layout when a picture is wanted (`picture`:
 * 2 for one Graphviz draws, 1 for the HTML view), or by default up to
 * SG_AUTO_LAYOUT_MAX actors; of every actor unless Graphviz draws it (the
 * actors a picture leaves out are left out of its layout only). */
static int prepare(RunObject *r, sg_graph *g, int picture, const sg_write_options *o, sg_error *err)
{
    sg_write_options whole;
    if (picture != 2) {
        whole = *o;
        whole.render.picture_actors = 0;
        o = &whole;
    }
    int want = picture != 0;
    if (o->analyse && o->layout != 0 && !picture) {
        want = o->layout == 1 || sg_graph_node_count(g) <= SG_AUTO_LAYOUT_MAX;
        if (!want) {
            sg_error w;
            sg_error_clear(&w);
            w.code = SG_ERR_LIMIT;
            snprintf(w.message, sizeof(w.message),
                     "%zu actors: no layout written (use layout=True to force it)",
                     sg_graph_node_count(g));
            warn_add(&r->warnings, &w);
        }
    }
    return sg_network_prepare(g, o, want, err);
}

/* The network of period k (-1: the whole one), analysed and laid out as
 * the run's options say, made the first time. Under the run's lock,
 * without the GIL. */
static int network(RunObject *r, long k, sg_graph **out, sg_error *err)
{
    int rc = 0;
    if (k >= 0) {
        *out = r->res.graphs[k];
        return prepare(r, *out, 0, &r->wopt, err);
    }
    if (!r->whole) {
        sg_graph *g = NULL;
        rc = sg_extractor_graph(&g, r->ex, r->wopt.min_weight, err);
        if (!rc && (rc = prepare(r, g, 0, &r->wopt, err)))
            sg_graph_free(g);
        if (!rc)
            r->whole = g;
    }
    *out = r->whole;
    return rc;
}

static int period_ok(RunObject *r, long k)
{
    if (k < -1 || (k >= 0 && (size_t)k >= r->res.nperiods)) {
        PyErr_SetString(PyExc_IndexError, "no such period");
        return 0;
    }
    return 1;
}

/* _graphml(k) -> bytes: the GraphML the command line writes for the
 * network (k = -1) or period k's, written to memory. */
static PyObject *run_graphml(RunObject *r, PyObject *args)
{
    long k;
    if (!PyArg_ParseTuple(args, "l", &k) || !period_ok(r, k))
        return NULL;
    char *buf = NULL;
    size_t len = 0;
    sg_graph *g = NULL;
    sg_error err;
    sg_error_clear(&err);
    int rc;
    run_lock(r);
    Py_BEGIN_ALLOW_THREADS;
    rc = network(r, k, &g, &err);
    FILE *f = rc ? NULL : open_memstream(&buf, &len);
    if (!rc && !f) {
        sg_error_clear(&err);
        rc = err.code = SG_ERR_NOMEM;
    }
    if (f) {
        rc = sg_export_graphml(g, f, &err);
        if (fclose(f) && !rc) {
            sg_error_clear(&err);
            rc = err.code = SG_ERR_NOMEM;
        }
    }
    Py_END_ALLOW_THREADS;
    run_unlock(r);
    PyObject *out =
        rc ? raise_sg(Error, &err, rc) : PyBytes_FromStringAndSize(buf, (Py_ssize_t)len);
    free(buf);
    return out;
}

/* Targets for the paths (bytes) in `format` (bytes or None); NULL with
 * OptionError raised. */
static sg_target **targets_make(PyObject *paths, const char *format, size_t *n)
{
    sg_error err;
    sg_error_clear(&err);
    *n = (size_t)PyTuple_GET_SIZE(paths);
    sg_target **t = calloc(*n + 1, sizeof(*t));
    if (!t)
        return (sg_target **)PyErr_NoMemory();
    for (size_t i = 0; i < *n; i++) {
        PyObject *p = PyTuple_GET_ITEM(paths, (Py_ssize_t)i);
        int rc = PyBytes_Check(p) ? sg_target_new(&t[i], PyBytes_AS_STRING(p), format, &err)
                                  : SG_ERR_INVALID;
        if (rc) {
            if (!PyBytes_Check(p))
                PyErr_SetString(PyExc_TypeError, "paths: bytes");
            else
                raise_sg(OptionError, &err, rc);
            sg_targets_free(t, *n);
            free(t);
            return NULL;
        }
    }
    return t;
}

/* The units behind the edges of the HTML views among the n targets, as the
 * command line keeps them during its run (sg_targets_view_units): the
 * co-occurrences (gathered when the run did not record them) with their
 * documents read again. *units stays NULL without a view. Under the run's
 * lock, without the GIL. */
static int view_units(RunObject *r, sg_target **t, size_t n, size_t per_edge, sg_unit_store **units,
                      sg_error *err)
{
    if (sg_targets_view_units(t, n, per_edge, units)) {
        sg_error_clear(err);
        return err->code = SG_ERR_NOMEM;
    }
    int rc = *units && r->corpus ? gather(r, 1, err) : 0; /* (merge: no text, no units) */
    return rc || !*units || !r->corpus ? rc : replay(r, NULL, r->nc, add_unit, *units, err);
}

/* _write(paths, format, options): the outputs the command line's `-o`
 * writes (with periods: each period's beside them, or as spells in a
 * GEXF; an HTML view with the units behind its edges), committed together
 * (sg_run_write). `options` override the run's analysis and picture
 * options for these outputs. */
static PyObject *run_write(RunObject *r, PyObject *args)
{
    PyObject *paths, *opts;
    const char *format = NULL;
    if (!PyArg_ParseTuple(args, "O!zO!", &PyTuple_Type, &paths, &format, &PyList_Type, &opts))
        return NULL;
    sg_write_options wo = r->wopt;
    PyObject *keep = PyList_New(0);
    size_t n = 0;
    sg_target **t = NULL;
    sg_unit_store *units = NULL;
    sg_error err;
    sg_error_clear(&err);
    int rc = 0;
    if (!keep || apply_options(opts, NULL, NULL, &wo, keep) ||
        !(t = targets_make(paths, format, &n)))
        goto cleanup;
    if ((rc = sg_targets_view_check(t, n, &err))) {
        raise_sg(Error, &err, rc);
        goto cleanup;
    }
    if (!wo.analyse && (wo.layout == 1 || sg_targets_need_layout(t, n))) {
        raise_msg(OptionError, SG_ERR_INVALID,
                  "pictures and layout need the analysis: drop analyse=False");
        goto cleanup;
    }
    for (size_t i = 0; r->res.nperiods && i < n; i++)
        if ((rc = sg_target_check_periods(t[i], &err))) {
            raise_sg(OptionError, &err, rc);
            goto cleanup;
        }
    wo.on_warning = run_on_warning;
    wo.warning_ctx = r;
    run_lock(r);
    Py_BEGIN_ALLOW_THREADS;
    rc = view_units(r, t, n, (size_t)wo.render.view_evidence, &units, &err);
    if (!rc)
        rc = sg_targets_open(t, n, &err);
    if (!rc)
        rc = sg_run_write(t, n, NULL, NULL, 0, r->ex, &r->res, &wo, &err);
    Py_END_ALLOW_THREADS;
    run_unlock(r);
    if (rc)
        raise_sg(Error, &err, rc);
cleanup:
    if (t)
        sg_targets_free(t, n);
    free(t);
    sg_unit_store_free(units);
    Py_XDECREF(keep);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

/* _write_period(k, path, format, options): period k's network alone. */
static PyObject *run_write_period(RunObject *r, PyObject *args)
{
    long k;
    const char *path, *format = NULL;
    PyObject *opts;
    if (!PyArg_ParseTuple(args, "lyzO!", &k, &path, &format, &PyList_Type, &opts) ||
        !period_ok(r, k) || k < 0)
        return k < 0 && !PyErr_Occurred()
                   ? (PyErr_SetString(PyExc_IndexError, "no such period"), NULL)
                   : NULL;
    sg_write_options wo = r->wopt;
    PyObject *keep = PyList_New(0);
    if (!keep || apply_options(opts, NULL, NULL, &wo, keep)) {
        Py_XDECREF(keep);
        return NULL;
    }
    sg_target *t = NULL;
    sg_error err;
    sg_error_clear(&err);
    int rc = sg_target_new(&t, path, format, &err);
    if (rc) {
        Py_DECREF(keep);
        return raise_sg(OptionError, &err, rc);
    }
    int picture = sg_target_kind_of(t) == SG_TARGET_PICTURE ? 2 - !!sg_target_is_view(t) : 0;
    sg_target_free(t);
    run_lock(r);
    Py_BEGIN_ALLOW_THREADS;
    rc = prepare(r, r->res.graphs[k], picture, &wo, &err);
    if (!rc)
        rc = sg_graph_write(r->res.graphs[k], path, format, &wo.render, NULL, &err);
    Py_END_ALLOW_THREADS;
    run_unlock(r);
    Py_DECREF(keep);
    if (rc)
        return raise_sg(Error, &err, rc);
    Py_RETURN_NONE;
}

/* ---- merge ------------------------------------------------------------- */

static void on_same_file(const char *path, const char *first, void *ctx)
{
    char message[sizeof(((sg_error *)0)->message)];
    snprintf(message, sizeof(message), "same file as %.400s; read once", first);
    warn_file(ctx, path, message);
}

/* The counts files `paths` (every *.pairs of directories) added up into
 * r->ex, as `stakegraph merge` does. Without the GIL. */
static int merge_counts(RunObject *r, char *const *paths, size_t n, sg_error *err)
{
    char **files = NULL;
    size_t nfiles = 0;
    sg_extract_options eo;
    sg_extract_options_init(&eo);
    int rc = sg_paths_expand(&files, &nfiles, ".pairs", paths, n, on_skip, &r->warnings, err);
    if (!rc && nfiles == 0) {
        sg_error_clear(err);
        snprintf(err->message, sizeof(err->message),
                 "no counts files (directories are searched for *.pairs files)");
        rc = err->code = SG_ERR_INVALID;
    }
    if (!rc)
        rc = sg_extractor_new(&r->ex, r->gaz->gaz, &eo, err);
    if (!rc)
        rc = sg_extractor_read_counts_paths(r->ex, (const char *const *)files, nfiles, on_same_file,
                                            &r->warnings, err);
    if (!rc && r->warnings.nomem) {
        sg_error_clear(err);
        rc = err->code = SG_ERR_NOMEM;
    }
    sg_path_list_free(files, nfiles);
    return rc;
}

/* _merge(gazetteer, paths, options) -> Run: the counts files at `paths`
 * (bytes) added up, with the analysis and picture options (apply_options):
 * a run without a corpus, whose network and outputs are those of `stakegraph
 * merge` (no mentions, no evidence). */
static PyObject *mod_merge(PyObject *mod, PyObject *args)
{
    (void)mod;
    GazObject *gaz;
    PyObject *paths, *opts;
    if (!PyArg_ParseTuple(args, "O!O!O!", &GazType, &gaz, &PyTuple_Type, &paths, &PyList_Type,
                          &opts))
        return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(paths); i++)
        if (!PyBytes_Check(PyTuple_GET_ITEM(paths, i))) {
            PyErr_SetString(PyExc_TypeError, "paths: a tuple of bytes (os.fsencode)");
            return NULL;
        }
    size_t n = (size_t)PyTuple_GET_SIZE(paths);
    char **list = calloc(n + 1, sizeof(char *));
    RunObject *r = list ? PyObject_New(RunObject, &RunType) : NULL;
    if (!r) {
        free(list);
        return list ? NULL : PyErr_NoMemory();
    }
    memset((char *)r + sizeof(PyObject), 0, sizeof(*r) - sizeof(PyObject));
    r->ev.doc = SIZE_MAX;
    r->gaz = (GazObject *)Py_NewRef(gaz);
    sg_write_options_init(&r->wopt);
    for (size_t i = 0; i < n; i++)
        list[i] = PyBytes_AS_STRING(PyTuple_GET_ITEM(paths, (Py_ssize_t)i));
    sg_error err;
    sg_error_clear(&err);
    int rc = 0;
    if (!(r->keep = PyList_New(0)) || !(r->lock = PyThread_allocate_lock()) ||
        apply_options(opts, NULL, NULL, &r->wopt, r->keep))
        goto fail;
    Py_BEGIN_ALLOW_THREADS;
    rc = merge_counts(r, list, n, &err);
    Py_END_ALLOW_THREADS;
    if (rc) {
        raise_sg(Error, &err, rc);
        goto fail;
    }
    r->res.documents = sg_extractor_documents(r->ex);
    free(list);
    return (PyObject *)r;
fail:
    free(list);
    Py_DECREF(r);
    return NULL;
}

/* _info() -> dict: documents, bytes, skipped, undated, periods (labels),
 * mentions (recorded), runs (of the corpus, gather's included). */
static PyObject *run_info(RunObject *r, PyObject *unused)
{
    (void)unused;
    PyObject *labels = PyList_New(0);
    for (size_t k = 0; labels && k < r->res.nperiods; k++) {
        PyObject *label = str_of(r->res.labels[k]);
        if (!label || PyList_Append(labels, label))
            Py_CLEAR(labels);
        Py_XDECREF(label);
    }
    if (!labels)
        return NULL;
    return Py_BuildValue("{snsnsnsnsNsnsi}", "documents", (Py_ssize_t)r->res.documents, "bytes",
                         (Py_ssize_t)r->res.bytes, "skipped", (Py_ssize_t)r->res.skipped, "undated",
                         (Py_ssize_t)r->res.undated, "periods", labels, "mentions",
                         (Py_ssize_t)(r->have_mentions ? r->nm : 0), "runs", r->runs);
}

/* _warnings() -> the warnings since the last call (warn_take). */
static PyObject *run_warnings(RunObject *r, PyObject *unused)
{
    (void)unused;
    return warn_take(&r->warnings);
}

static PyMethodDef run_methods[] = {
    {"_mentions", (PyCFunction)run_mentions, METH_NOARGS, "mention columns"},
    {"_evidence", (PyCFunction)run_evidence, METH_VARARGS, "evidence rows"},
    {"_graphml", (PyCFunction)run_graphml, METH_VARARGS, "the network as GraphML bytes"},
    {"_write", (PyCFunction)run_write, METH_VARARGS, "write outputs as the command line does"},
    {"_write_period", (PyCFunction)run_write_period, METH_VARARGS, "write a period's network"},
    {"_info", (PyCFunction)run_info, METH_NOARGS, "counts and periods"},
    {"_warnings", (PyCFunction)run_warnings, METH_NOARGS, "warnings gathered"},
    {NULL, NULL, 0, NULL}};

static PyTypeObject RunType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "stakegraph._stakegraph.Run",
    .tp_basicsize = sizeof(RunObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "What a run of a corpus found (the C core of stakegraph.Result).",
    .tp_dealloc = (destructor)run_dealloc,
    .tp_methods = run_methods,
};

/* ---- suggest ----------------------------------------------------------- */

/* _suggest(gazetteer, paths, documents, jsonl, options) -> (rows,
 * warnings): rows as tuples (id, label, type, aliases, surname, kind,
 * count, example). */
static PyObject *mod_suggest(PyObject *mod, PyObject *args)
{
    (void)mod;
    GazObject *gaz;
    PyObject *paths, *docs, *opts;
    int jsonl;
    if (!PyArg_ParseTuple(args, "O!O!O!pO!", &GazType, &gaz, &PyTuple_Type, &paths, &PyTuple_Type,
                          &docs, &jsonl, &PyList_Type, &opts) ||
        corpus_args_ok(paths, docs))
        return NULL;
    sg_suggest_options so;
    sg_suggest_options_init(&so);
    sg_error err;
    sg_error_clear(&err);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(opts); i++) {
        const char *name, *value;
        if (!PyArg_ParseTuple(PyList_GET_ITEM(opts, i), "sz", &name, &value))
            return NULL;
        int rc = sg_suggest_options_set(&so, name, value, &err);
        if (rc)
            return raise_sg(OptionError, &err, rc);
    }
    warn_list w = {0};
    sg_suggestion_list *l = NULL;
    PyObject *rows = NULL;
    sg_corpus *c = corpus_make(paths, docs, jsonl, &w);
    int rc = 0;
    if (c) {
        Py_BEGIN_ALLOW_THREADS;
        rc = sg_suggest_corpus(&l, gaz->gaz, c, &so, on_warning, &w, NULL, &err);
        Py_END_ALLOW_THREADS;
        if (rc)
            raise_sg(Error, &err, rc);
        else
            rows = PyList_New(0);
    }
    for (size_t i = 0; rows && i < sg_suggestion_list_count(l); i++) {
        const sg_suggestion *s = sg_suggestion_list_get(l, i);
        PyObject *t = Py_BuildValue("(NNNNNNnN)", str_of(s->id), str_of(s->label), str_of(s->type),
                                    str_of(s->aliases), str_of(s->surname), str_of(s->kind),
                                    (Py_ssize_t)s->count, str_of(s->example));
        if (!t || PyList_Append(rows, t))
            Py_CLEAR(rows);
        Py_XDECREF(t);
    }
    sg_suggestion_list_free(l);
    sg_corpus_free(c);
    PyObject *warnings = warn_take(&w);
    if (!rows || !warnings) {
        Py_XDECREF(rows);
        Py_XDECREF(warnings);
        return NULL;
    }
    return Py_BuildValue("(NN)", rows, warnings);
}

/* Every 64 documents of the reading for names: Python's signal handlers run,
 * so that Ctrl-C stops it as it stops a run (run_on_progress). */
static int discover_stop(size_t done, size_t total, void *ctx)
{
    (void)total;
    if (done % 64)
        return 0;
    PyGILState_STATE g = PyGILState_Ensure();
    int stop = PyErr_CheckSignals() != 0;
    PyGILState_Release(g);
    return *(int *)ctx = stop;
}

/* Adds to `gaz` (a gazetteer of extract()'s own, not yet used by a run) the
 * names found in the corpus (sg_gazetteer_find_in_corpus), as the command
 * line does without -g. Warnings about the inputs are the run's to give. */
static PyObject *mod_discover(PyObject *mod, PyObject *args)
{
    (void)mod;
    GazObject *gaz;
    PyObject *paths, *docs;
    int jsonl;
    if (!PyArg_ParseTuple(args, "O!O!O!p", &GazType, &gaz, &PyTuple_Type, &paths, &PyTuple_Type,
                          &docs, &jsonl) ||
        corpus_args_ok(paths, docs))
        return NULL;
    warn_list w = {0};
    sg_corpus *c = corpus_make(paths, docs, jsonl, &w);
    free(w.v);
    if (!c)
        return NULL;
    sg_error err;
    sg_error_clear(&err);
    int rc, interrupted = 0;
    sg_extractor_free(gaz->made); /* made for the gazetteer without them */
    gaz->made = NULL;
    Py_BEGIN_ALLOW_THREADS;
    rc = sg_gazetteer_find_in_corpus(gaz->gaz, c, SG_FOUND_DEFAULT, discover_stop, &interrupted,
                                     &err);
    Py_END_ALLOW_THREADS;
    sg_corpus_free(c);
    if (interrupted)
        return NULL; /* (the KeyboardInterrupt is set) */
    if (rc)
        return raise_sg(Error, &err, rc);
    Py_RETURN_NONE;
}

/* ---- the module -------------------------------------------------------- */

static PyObject *mod_version(PyObject *mod, PyObject *unused)
{
    (void)mod, (void)unused;
    return PyUnicode_FromString(sg_version());
}

/* Outputs synced to disk before they replace the previous files (the
 * library's sg_outputs_set_sync); the setting when called without. */
static PyObject *mod_sync(PyObject *mod, PyObject *args)
{
    (void)mod;
    int on = -1;
    if (!PyArg_ParseTuple(args, "|p", &on))
        return NULL;
    if (on >= 0)
        sg_outputs_set_sync(on);
    return PyBool_FromLong(sg_outputs_sync());
}

static PyMethodDef mod_methods[] = {
    {"_run", mod_run, METH_VARARGS, "run a corpus"},
    {"_suggest", mod_suggest, METH_VARARGS, "suggest gazetteer rows"},
    {"_discover", mod_discover, METH_VARARGS, "add the names found in a corpus"},
    {"_merge", mod_merge, METH_VARARGS, "add up counts files"},
    {"version", mod_version, METH_NOARGS, "the library's version"},
    {"sync", mod_sync, METH_VARARGS, "outputs synced to disk (set, or asked)"},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, .m_name = "_stakegraph",
                                    .m_doc = "The C core of the stakegraph package.", .m_size = -1,
                                    .m_methods = mod_methods};

#ifndef SG_DEFAULT_GAZETTEERS
#define SG_DEFAULT_GAZETTEERS ""
#endif

PyMODINIT_FUNC PyInit__stakegraph(void);
PyMODINIT_FUNC PyInit__stakegraph(void)
{
    PyObject *m = PyModule_Create(&module);
    if (!m || PyType_Ready(&GazType) || PyType_Ready(&RunType))
        goto fail;
    sg_outputs_sync_from_env(); /* STAKEGRAPH_SYNC, as the command line */
    Error = PyErr_NewExceptionWithDoc(
        "stakegraph.Error",
        "A failure of the library: str() is the command line's message; attributes code, "
        "file, line and offset (None when not relevant) and message.",
        NULL, NULL);
    PyObject *bases = Error ? PyTuple_Pack(2, Error, PyExc_ValueError) : NULL;
    OptionError =
        bases
            ? PyErr_NewExceptionWithDoc("stakegraph.OptionError",
                                        "An invalid option value, with the command line's message.",
                                        bases, NULL)
            : NULL;
    Py_XDECREF(bases);
    if (!OptionError || PyModule_AddObjectRef(m, "Error", Error) ||
        PyModule_AddObjectRef(m, "OptionError", OptionError) ||
        PyModule_AddObjectRef(m, "Gazetteer", (PyObject *)&GazType) ||
        PyModule_AddObjectRef(m, "Run", (PyObject *)&RunType) ||
        PyModule_AddStringConstant(m, "DEFAULT_GAZETTEERS", SG_DEFAULT_GAZETTEERS) ||
        PyModule_AddIntConstant(m, "AUTO_LAYOUT_MAX", SG_AUTO_LAYOUT_MAX) ||
        PyModule_AddIntConstant(m, "ERR_UTF8", SG_ERR_UTF8))
        goto fail;
    return m;
fail:
    Py_XDECREF(m);
    return NULL;
}
