"""stakegraph: the actors French press text names, and their co-occurrence network.

A Python front end to libstakegraph (the library under the ``stakegraph``
command line): the same gazetteer matching, the same network, analysis and
outputs, with the mentions, the evidence and the errors as Python objects.

>>> import stakegraph
>>> res = stakegraph.extract("examples/corpus")          # files, directories
>>> res.mentions.head()                                  # a pandas DataFrame
>>> res.evidence("org:synerpa", "Mutualité française Paca")
>>> G = res.to_networkx()                                # = the command line's GraphML
>>> res.write("network.graphml", "network.svg")          # any output, by extension

Documents may also be given in memory: ``(name, text)`` pairs, dicts with
``id``, ``text`` and optional ``date`` and metadata, or a pandas DataFrame
with such columns. Texts are ``str`` or ``bytes`` (bytes are read as the
library reads files: invalid UTF-8 as U+FFFD, with a warning). A ``str`` is
encoded with ``surrogateescape`` (U+DC80..U+DCFF are bytes again); another
lone surrogate, which is not text, raises :class:`Error`.

Offsets: ``start``/``end`` index the Python string of the document (code
points): the ``str`` given, or for bytes and files the text
``data.decode("utf-8", "replace")``; ``byte_start``/``byte_end`` are the
library's byte offsets into the document as given.

Failures raise :class:`Error` (``file``, ``line``, ``offset``); invalid
option values :class:`OptionError` (also a ``ValueError``); warnings go
through Python's :mod:`warnings` as :class:`StakegraphWarning`. The library
works with the GIL released, in ``jobs`` threads of its own.
"""
from __future__ import annotations

import io
import os
import tempfile
import threading
import warnings
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _stakegraph as _c
from ._stakegraph import Error, OptionError

__all__ = [
    "Error",
    "OptionError",
    "StakegraphWarning",
    "Gazetteer",
    "Result",
    "Network",
    "extract",
    "merge",
    "suggest",
    "default_gazetteers",
    "sync_outputs",
]
__version__: str = _c.version()

PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]
Text = Union[str, bytes]
Document = Union[Tuple[str, Text], Mapping[str, Any]]
#: What :func:`extract` and :func:`suggest` read: a path (file or directory),
#: a DataFrame, or an iterable of paths, ``(name, text)`` pairs and dicts.
Inputs = Union[PathLike, Document, Iterable[Union[PathLike, Document]], Any]

Error.__module__ = OptionError.__module__ = __name__


class StakegraphWarning(UserWarning):
    """A warning of the library (invalid UTF-8 replaced, a JSON Lines line
    skipped, a list-like unit, a network too large to lay out...).

    ``str()`` is the command line's message; ``code``, ``file``, ``line``
    and ``offset`` say where (None when not relevant)."""

    def __init__(self, message: str, code: int = 0, file: Optional[str] = None,
                 line: Optional[int] = None, offset: Optional[int] = None):
        super().__init__(message)
        self.code, self.file, self.line, self.offset = code, file, line, offset


def _emit(found: List[tuple], stacklevel: int) -> None:
    for message, code, file, line, offset, _ in found:
        warnings.warn(StakegraphWarning(message, code, file, line, offset), stacklevel=stacklevel + 1)


def default_gazetteers() -> str:
    """The bundled gazetteers, found as the command line finds them:
    ``STAKEGRAPH_GAZETTEERS`` when set, else those of the tree (or the
    installation) the package was built from."""
    env = os.environ.get("STAKEGRAPH_GAZETTEERS")
    return env if env else _c.DEFAULT_GAZETTEERS


def sync_outputs(on: Optional[bool] = None) -> bool:
    """Whether the files ``write`` makes are synced to disk (``fsync``)
    before they replace the previous ones; sets it when ``on`` is given.
    Off unless ``STAKEGRAPH_SYNC`` is 1, yes, true or on at import, as for
    the command line: the rename alone makes a file complete or absent
    whatever the program does, the sync keeps it so through a crash of the
    machine. Returns the setting."""
    return _c.sync() if on is None else _c.sync(bool(on))


DEBIAN_WORDS = "/usr/share/dict/french"


class Gazetteer(_c.Gazetteer):
    """Gazetteers: the actors to find, with their names (TSV files).

    ``Gazetteer()`` loads the bundled gazetteers (:func:`default_gazetteers`);
    ``Gazetteer("my-actors.tsv")`` or ``Gazetteer(["a.tsv", "gazetteers/"])``
    loads files, and every ``*.tsv`` of directories, as ``-g`` does. A
    malformed file raises :class:`Error` naming the file and line. A
    gazetteer is read-only once loaded: one may serve many calls and threads.
    """

    def __init__(self, paths: Union[None, PathLike, Sequence[PathLike]] = None, *,
                 _options: Optional[list] = None):
        if paths is None:
            paths = [default_gazetteers()]
        elif isinstance(paths, (str, bytes, os.PathLike)):
            paths = [paths]
        # _options (extract's own, for one run): that run's extractor is made
        # while the files load, in a second thread, as the command line does
        super().__init__(tuple(os.fsencode(p) for p in paths), _options)

    @property
    def paths(self) -> List[str]:
        """The files and directories loaded."""
        return [os.fsdecode(p) for p in self._paths]

    @property
    def entities(self):
        """The actors as a DataFrame: id, label, type."""
        import pandas as pd

        ids, labels, types = self._entities()
        return pd.DataFrame({"id": ids, "label": labels, "type": types})

    def check(self, words: Union[bool, None, PathLike] = True):
        """The findings of ``stakegraph gazetteer check`` on these files, as a
        DataFrame: error (bool), kind, file, line, message.

        ``words``: a word list for the common-word check (one word a line);
        True (default): Debian's ``/usr/share/dict/french`` when installed
        (package wfrench; else a warning and no such check); False or None:
        no common-word check."""
        import pandas as pd

        if words is True:
            if os.access(DEBIAN_WORDS, os.R_OK):
                words = DEBIAN_WORDS
            else:
                warnings.warn(StakegraphWarning(
                    f"{DEBIAN_WORDS}: cannot read the word list (install Debian's wfrench): "
                    "common words not checked"), stacklevel=2)
                words = None
        rows = self._check(os.fsencode(words) if words else None)
        return pd.DataFrame(rows, columns=["error", "kind", "file", "line", "message"])

    def __repr__(self) -> str:
        return f"<stakegraph.Gazetteer: {len(self)} actors from {', '.join(self.paths)}>"


_default_lock = threading.Lock()
_default: Dict[str, Gazetteer] = {}


def _gazetteer(g: Union[None, Gazetteer, PathLike, Sequence[PathLike]],
               options: Optional[list] = None) -> Gazetteer:
    if isinstance(g, Gazetteer):
        return g
    if g is not None:
        return Gazetteer(g, _options=options)
    path = default_gazetteers()
    with _default_lock:  # the bundled ones, loaded once
        if path not in _default:
            _default[path] = Gazetteer(path)
        return _default[path]


def _encode(s: str, what: str, name: Optional[str], cls: type = Error) -> bytes:
    """``s`` as UTF-8 for the library: its bytes again for U+DC80..U+DCFF (what
    ``bytes.decode("utf-8", "surrogateescape")`` and ``os.fsdecode`` make of
    bytes that are not UTF-8). Another lone surrogate, which no bytes stand
    for, raises ``cls`` (an :class:`Error`, code ``ERR_UTF8``, from the
    UnicodeEncodeError) naming the document (``file``) and, in a text, the
    byte offset the character would have (``offset``); the message gives
    its index in ``s``."""
    try:
        return s.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError as e:
        at = len(s[:e.start].encode("utf-8", "surrogateescape")) if what == "text" else None
        message = (f"{what}: lone surrogate U+{ord(s[e.start]):04X} at index {e.start}: not "
                   "Unicode text (only U+DC80..U+DCFF, from bytes decoded with "
                   "surrogateescape, stand for bytes)")
        where = "" if name is None else f"{name}: " if at is None else f"{name}: byte {at}: "
        err = cls(where + message)
        err.code, err.file, err.line, err.offset, err.message = _c.ERR_UTF8, name, None, at, message
        raise err from e


def _text(name: str, text: Any) -> Tuple[bytes, bool]:
    if isinstance(text, str):
        return _encode(text, "text", name), True
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text), False
    raise TypeError(f"document {name!r}: text must be str or bytes, not {type(text).__name__}")


def _missing(v: Any) -> bool:
    if v is None:
        return True
    try:
        return v != v  # NaN, NaT
    except (TypeError, ValueError):
        return False


def _scalar(v: Any) -> str:
    if hasattr(v, "isoformat"):  # datetime, date, pandas.Timestamp
        return v.isoformat()
    return str(v)


def _document(d: Mapping[str, Any]) -> tuple:
    if "id" not in d or "text" not in d:
        raise TypeError("a document as a dict needs 'id' and 'text' (and may have 'date' and "
                        f"metadata): got keys {sorted(map(str, d))}")
    name = _scalar(d["id"])
    encoded = _encode(name, f"document id {name!r}", None)
    text, is_str = _text(name, d["text"])
    meta = tuple((_encode(str(k), "metadata key", name),
                  _encode(_scalar(v), f"metadata {str(k)!r}", name))
                 for k, v in d.items() if k not in ("id", "text") and not _missing(v))
    return (encoded, text, meta, is_str)


def _corpus(inputs: Inputs, jsonl: Optional[bool]) -> Tuple[tuple, tuple, bool]:
    """(paths, documents, jsonl) for the C side."""
    paths: List[bytes] = []
    docs: List[tuple] = []
    if hasattr(inputs, "columns") and hasattr(inputs, "to_dict"):  # a pandas DataFrame
        inputs = inputs.to_dict("records")
    elif isinstance(inputs, (str, bytes, os.PathLike, Mapping)):
        inputs = [inputs]
    for item in inputs:
        if isinstance(item, (str, bytes, os.PathLike)):
            paths.append(os.fsencode(item))
        elif isinstance(item, Mapping):
            docs.append(_document(item))
        elif isinstance(item, tuple) and len(item) == 2:
            docs.append(_document({"id": item[0], "text": item[1]}))
        else:
            raise TypeError("inputs: paths, (name, text) pairs, dicts with 'id' and 'text', or "
                            f"a DataFrame; got {type(item).__name__}")
    if jsonl is None:
        jsonl = bool(paths) and all(p.endswith(b".jsonl") and os.path.isfile(p) for p in paths)
    return tuple(paths), tuple(docs), bool(jsonl)


def _options(named: Mapping[str, Any], options: Mapping[str, Any]) -> List[Tuple[str, Optional[bytes]]]:
    """Keyword arguments as the command line's options: name_with_underscores
    -> --name-with-underscores; True: a flag; False/None: left out."""
    out: List[Tuple[str, Optional[bytes]]] = []
    for key, value in list(named.items()) + list(options.items()):
        name = key.replace("_", "-")
        if value is None or value is False:
            continue
        if value is True:
            out.append((name, None))
        else:
            out.append((name, _encode(str(value), f"option {key}", None, OptionError)))
    return out


def _strings(values: list, codes: Any = None):
    """An object column: the strings, or values[codes]."""
    import numpy as np

    table = np.empty(len(values), dtype=object)
    table[:] = values
    return table if codes is None else table[codes]


class Network:
    """A network of a :class:`Result`: the whole corpus's, or one period's.

    It is the network the command line writes with the same options, its
    analysis (centralities, communities, edge measures) and layout included.
    """

    def __init__(self, run: Any, index: int, label: Optional[str]):
        self._run, self._index = run, index
        #: the period ("2024", "2024-03"), or None for the whole corpus
        self.label = label
        self._discovered = False  # its actors include names found in the corpus

    def graphml(self) -> bytes:
        """The GraphML the command line writes for this network."""
        data = self._run._graphml(self._index)
        _emit(self._run._warnings(), 2)
        return data

    def to_networkx(self):
        """The network as a ``networkx.Graph``: the command line's GraphML read
        by ``networkx.read_graphml`` (node ids are the actors' ids; label, type,
        mentions, documents, the gazetteer columns and the measures as node
        attributes; weight, documents, first_documents and the measures on
        edges)."""
        import networkx as nx

        return nx.read_graphml(io.BytesIO(self.graphml()))

    def to_igraph(self):
        """The network as a python-igraph ``Graph``: the command line's
        GraphML read by ``igraph.Graph.Read_GraphML`` (actor ids in
        ``g.vs["id"]``; igraph reads every number as a float)."""
        import igraph

        data = self.graphml()
        with tempfile.NamedTemporaryFile(suffix=".graphml") as f:
            f.write(data)
            f.flush()
            return igraph.Graph.Read_GraphML(f.name)

    def write(self, path: PathLike, *more: PathLike, format: Optional[str] = None,
              **options: Any) -> None:
        """Writes the network to each path, in the format its extension names
        as ``-o`` does (.graphml, .dot, .gexf, .json, .svg, .png, .pdf, .html:
        the interactive view, with the units of text behind its links, as
        ``--html-evidence`` says; .pairs; ``format="csv"`` for a directory
        of nodes.csv and edges.csv), all committed together or not at all.
        The whole network of a run by periods also writes each period's
        beside each output (net.2024.graphml), or, for GEXF and the HTML
        view, the periods inside (one period's network written alone makes
        a view without units of text). ``options`` override the run's
        picture and analysis options here: ``title``, ``colour_by``,
        ``size_by``, ``labels``, ``engine``, ``seed``..."""
        opts = _options({}, options)
        if self._discovered and any(format == "pairs" or str(p).endswith(".pairs")
                                    for p in (path,) + more):
            raise OptionError("partial counts (.pairs) need the same gazetteers in every shard: "
                              "extract with discover=False (actors found in the corpus differ "
                              "from shard to shard)")
        if self._index < 0:
            paths = tuple(os.fsencode(p) for p in (path,) + more)
            self._run._write(paths, format, opts)
        else:
            for p in (path,) + more:
                self._run._write_period(self._index, os.fsencode(p), format, opts)
        _emit(self._run._warnings(), 2)

    def __repr__(self) -> str:
        return f"<stakegraph.Network {self.label or 'of the whole corpus'}>"


class Result:
    """What :func:`extract` found: the mentions, the evidence of every edge,
    the network (and each period's). Safe to share between threads."""

    def __init__(self, run: Any, gazetteer: Gazetteer):
        self._run = run
        self.gazetteer = gazetteer
        info = run._info()
        #: documents read, bytes of text, JSON Lines lines skipped, and
        #: (periods) documents without a date, counted in the whole network only
        self.documents: int = info["documents"]
        self.bytes: int = info["bytes"]
        self.skipped: int = info["skipped"]
        self.undated: int = info["undated"]
        self._labels: List[str] = info["periods"]
        self._mentions = None
        self._lock = threading.Lock()
        #: the network of the whole corpus
        self.network = Network(run, -1, None)

    @property
    def mentions(self):
        """Every mention, in document order, as a pandas DataFrame: doc, start,
        end (code points of the document's Python string, end exclusive), id,
        type, text (the document's text there), match (exact, folded, variant,
        acronym, surname, fuzzy, pattern, known, short or found), byte_start, byte_end (the
        library's byte offsets, as ``--mentions`` writes them). Documents
        read from files are read again the first time (an Error if one has
        changed since); after ``extract(..., mentions=False)``, the corpus
        is run again for them."""
        with self._lock:
            if self._mentions is None:
                self._mentions = self._make_mentions()
            return self._mentions

    def _make_mentions(self):
        import numpy as np
        import pandas as pd

        names, cols, texts, matches, ids, types = self._run._mentions()
        doc, start, end, bstart, bend, entity, match = (
            np.frombuffer(c, dtype=np.int64).copy() for c in cols)
        return pd.DataFrame({
            "doc": _strings(names, doc), "start": start, "end": end,
            "id": _strings(ids, entity), "type": _strings(types, entity),
            "text": _strings(texts), "match": _strings(matches, match),
            "byte_start": bstart, "byte_end": bend,
        }, copy=False)  # columns made here: not copied again into 2-D blocks

    def evidence(self, a: Optional[str] = None, b: Optional[str] = None):
        """The units of text (sentences, paragraphs... as ``unit`` said) that
        link actors ``a`` and ``b`` (ids or names the gazetteers match, as
        ``stakegraph explain`` takes them), in document order, as a DataFrame:
        doc, line, start, end (the unit, in code points), byte_start, byte_end,
        source, target (ids, source < target as the edges), source_start,
        source_end, target_start, target_end (the first mention of each in the
        unit, code points), snippet (as ``--evidence`` writes it) and text (the
        whole unit). Only ``a``: every unit naming a with another actor; none:
        every unit. An unknown actor raises :class:`Error`. Rows are kept for
        every pair counted, also pairs that ``min_weight`` drops.

        The documents concerned are read again for the units' text (an
        Error if one has changed since), unless ``extract(..., evidence=True)``
        made the rows during the run; after ``extract(..., evidence=False)``
        the first call runs the corpus again (as ``stakegraph explain``
        does)."""
        import pandas as pd

        import numpy as np

        names, cols, ids, snippets, texts = self._run._evidence(
            None if a is None else str(a), None if b is None else str(b))
        (doc, line, start, end, bstart, bend, source, target, ss, se, ts, te) = (
            np.frombuffer(c, dtype=np.int64).copy() for c in cols)
        return pd.DataFrame({
            "doc": _strings(names, doc), "line": line, "start": start, "end": end,
            "byte_start": bstart, "byte_end": bend,
            "source": _strings(ids, source), "target": _strings(ids, target),
            "source_start": ss, "source_end": se, "target_start": ts, "target_end": te,
            "snippet": _strings(snippets), "text": _strings(texts)}, copy=False)

    @property
    def periods(self) -> Dict[str, Network]:
        """With ``by_period``: each period's network by its label ("2024",
        "2024-03"), in order: the network of that period's documents alone,
        analysed on its own. Empty without periods."""
        return {label: Network(self._run, k, label) for k, label in enumerate(self._labels)}

    def to_networkx(self):
        """The whole network as a ``networkx.Graph`` (:meth:`Network.to_networkx`)."""
        return self.network.to_networkx()

    def to_igraph(self):
        """The whole network as a python-igraph ``Graph`` (:meth:`Network.to_igraph`)."""
        return self.network.to_igraph()

    def graphml(self) -> bytes:
        """The whole network's GraphML, as the command line writes it."""
        return self.network.graphml()

    def write(self, path: PathLike, *more: PathLike, format: Optional[str] = None,
              **options: Any) -> None:
        """Writes the outputs ``-o`` writes: see :meth:`Network.write`."""
        self.network.write(path, *more, format=format, **options)

    def __repr__(self) -> str:
        info = self._run._info()
        return (f"<stakegraph.Result: {self.documents} documents"
                + (f", {info['mentions']} mentions" if info["mentions"] else "")
                + (f", periods {', '.join(self._labels)}" if self._labels else "") + ">")


def extract(inputs: Inputs, gazetteer: Union[None, Gazetteer, PathLike, Sequence[PathLike]] = None,
            unit: str = "sentence", jobs: Optional[int] = None, min_weight: float = 1, *,
            by_period: Optional[str] = None, jsonl: Optional[bool] = None, strict: bool = False,
            variants: str = "all", keep_credits: bool = False, max_unit_actors: int = 50,
            analyse: bool = True, seed: int = 1, backbone: Optional[float] = None,
            exact: bool = False, layout: Optional[bool] = None, mentions: bool = True,
            evidence: Optional[bool] = None, discover: Optional[bool] = None,
            **options: Any) -> Result:
    """Finds the gazetteers' actors in the documents and counts who is named
    with whom: ``stakegraph extract`` as a function.

    inputs
        A path (a text file, or a directory: every ``*.txt`` inside, in sorted
        order; with ``jsonl``, JSON Lines files), an iterable of paths,
        ``(name, text)`` pairs and dicts ``{"id", "text", "date", ...}`` (other
        keys are metadata), or a pandas DataFrame with such columns. Texts are
        ``str`` or ``bytes``.
    gazetteer
        A :class:`Gazetteer`, or paths to load; None: the bundled gazetteers.
    unit
        ``"sentence"``, ``"paragraph"``, ``"document"`` or ``"window:N"``.
    jobs
        Threads (None: one a core). The result is the same whatever the number.
    min_weight
        Edges lighter than this are left out of the network (nodes stay).
    by_period
        ``"year"`` or ``"month"``: also each period's network (:attr:`Result.periods`),
        by the documents' ``date``.
    jsonl
        The paths are JSON Lines corpora (None: when every path is a ``.jsonl`` file).
    strict, variants, keep_credits, max_unit_actors
        As ``--strict`` (invalid UTF-8 is an Error), ``--variants``,
        ``--keep-credits``, ``--max-unit-actors``.
    analyse, seed, backbone, exact, layout
        The analysis and layout: ``analyse=False`` is ``--no-analyse``;
        ``layout=True``/``False`` forces or skips the layout (default: up to
        5,000 actors).
    options
        Any other option of ``stakegraph extract`` by its long name, ``-``
        as ``_``: ``colour_by="type"``, ``size_by``, ``labels``, ``title``,
        ``engine``, ``no_betweenness=True``...
    mentions
        Record the mentions during the run (default), for :attr:`Result.mentions`.
        False runs as the command line without ``--mentions`` (a tenth faster
        on a large corpus, for a script that wants the network only); the
        mentions are then gathered by running the corpus again if asked for.
    discover
        Also add the people named in full and the bodies defined with their
        acronym that the gazetteers miss, as actors found in the corpus
        (``--discover``: mentions matched ``"found"``, node column ``found``).
        None (default): with the bundled gazetteers only (``gazetteer`` None),
        as the command line without ``-g``. The gazetteer is then one of the
        run's own (a :class:`Gazetteer` given is never changed).
    evidence
        What the run keeps for :meth:`Result.evidence` and the HTML view's
        units. None (default): where each unit's pairs are (offsets: a few
        percent of a run, and 72 bytes a pair, 100 MB for a dense corpus's
        1.4 million pairs), and ``evidence()`` reads the documents again for
        their text. True: the evidence rows themselves, made during the run
        as ``--evidence`` makes them (snippets, code points; the memory of
        their text), so that ``evidence()`` reads nothing again. False:
        nothing (the least memory): the first ``evidence()`` call runs the
        corpus again.

    Returns a :class:`Result`. Raises :class:`Error` (a file that cannot be
    read, invalid UTF-8 with ``strict``...) and :class:`OptionError` (an
    invalid option, with the command line's message). Warnings (invalid
    UTF-8 replaced, JSON Lines lines skipped...) are :class:`StakegraphWarning`.
    The work runs with the GIL released.
    """
    named = {"unit": unit, "jobs": jobs, "min-weight": min_weight, "by-period": by_period,
             "strict": strict, "variants": None if variants == "all" else variants,
             "keep-credits": keep_credits,
             "max-unit-actors": None if max_unit_actors == 50 else max_unit_actors,
             "no-analyse": not analyse, "seed": seed, "backbone": backbone, "exact": exact,
             "layout": layout is True, "no-layout": layout is False}
    try:  # (an invalid option is reported below, after the gazetteer, as before)
        early = _options(named, options)
    except Exception:
        early = None
    if discover is None:
        discover = gazetteer is None
    if discover:  # a gazetteer of the run's own, which the corpus completes
        gaz = Gazetteer(gazetteer.paths if isinstance(gazetteer, Gazetteer) else gazetteer)
    else:
        gaz = _gazetteer(gazetteer, early)
    paths, docs, jsonl = _corpus(inputs, jsonl)
    if discover:
        _c._discover(gaz, paths, docs, jsonl)
    keep = 0 if evidence is False else 2 if evidence else 1
    run = _c._run(gaz, paths, docs, jsonl, _options(named, options), bool(mentions), keep)
    _emit(run._warnings(), 2)
    res = Result(run, gaz)
    res.network._discovered = bool(discover)
    if by_period and res.undated:
        n = res.undated
        _emit([(f"{n} document{'' if n == 1 else 's'} without a date (or without a month): "
                "only in the whole network", 0, None, None, None, "")], 2)
    return res


def merge(counts: Union[PathLike, Sequence[PathLike]],
          gazetteer: Union[None, Gazetteer, PathLike, Sequence[PathLike]] = None,
          min_weight: float = 1, *, analyse: bool = True, seed: int = 1,
          backbone: Optional[float] = None, exact: bool = False, layout: Optional[bool] = None,
          **options: Any) -> Result:
    """Adds up the partial counts of corpus shards into the network one
    ``extract`` of the whole corpus makes: ``stakegraph merge`` as a
    function.

    counts
        Counts files written by ``extract(...).write("shard.pairs")`` (or
        ``stakegraph extract -f pairs``), or directories (every ``*.pairs``
        inside, in sorted order); a file named twice is read once, with a
        warning.
    gazetteer
        The gazetteers the shards were extracted with (None: the bundled
        ones); a counts file of other gazetteers or other text options
        (``unit``, ``max_unit_actors``) raises :class:`Error`.
    min_weight, analyse, seed, backbone, exact, layout, options
        As for :func:`extract`: the network's and the pictures' options.

    Returns a :class:`Result` whose network, outputs (:meth:`Result.write`,
    HTML views without units of text) and graphs are those of ``stakegraph
    merge``; it has no text, so no mentions, evidence nor periods (those
    raise :class:`Error`). ``Result.documents`` is the shards' documents.
    The files are read with the GIL released."""
    gaz = _gazetteer(gazetteer)
    if isinstance(counts, (str, bytes, os.PathLike)):
        counts = [counts]
    named = {"min-weight": min_weight, "no-analyse": not analyse, "seed": seed,
             "backbone": backbone, "exact": exact, "layout": layout is True,
             "no-layout": layout is False}
    run = _c._merge(gaz, tuple(os.fsencode(p) for p in counts), _options(named, options))
    _emit(run._warnings(), 2)
    return Result(run, gaz)


def suggest(inputs: Inputs, gazetteer: Union[None, Gazetteer, PathLike, Sequence[PathLike]] = None,
            min_count: int = 2, *, jsonl: Optional[bool] = None):
    """The gazetteer rows the corpus suggests (``stakegraph suggest``): names
    the gazetteers miss, best first, as a DataFrame: id, label, type, aliases,
    surname, kind (definition, acronym, person, named, sequence), count (mentions an
    extractor finds with the row added) and example (a sentence). ``inputs``
    and ``gazetteer`` as for :func:`extract`; ``min_count`` as
    ``--min-count``. The rows (without count, kind and example) load as a
    gazetteer."""
    import pandas as pd

    gaz = _gazetteer(gazetteer)
    paths, docs, jsonl = _corpus(inputs, jsonl)
    rows, found = _c._suggest(gaz, paths, docs, jsonl, [("min-count", str(min_count))])
    _emit(found, 2)
    return pd.DataFrame(rows, columns=["id", "label", "type", "aliases", "surname", "kind", "count",
                                       "example"])
