"""What a reader produces: the blocks of one file, each with a source anchor.

A reader turns bytes into a :class:`Document` — paragraphs and table grids in body
order — and never interprets them. The interpreter (:mod:`linter.interpret`) turns a
Document into the intermediate form (:mod:`linter.model`).

Table grids: readers that know the real geometry (HTML, DOCX) expand row and column
spans into a full grid and flag the copies (``hmerge``: continues the cell to the left,
``vmerge``: continues the cell above) so the interpreter can tell a merged label from an
empty cell. Readers that cannot know it (a Tika-style text dump, a markdown pipe table)
emit one cell per printed cell and leave both flags false.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from operator import attrgetter
from typing import Any


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where something is in the source.

    ``line``/``column`` are 1-based and count Unicode code points. For text and HTML they
    point into the file itself; for DOCX they point into the extracted text that the
    reader builds (``Document.extracted_text``), which SARIF embeds as the artifact's
    contents. DOCX anchors also carry ``table``/``row``/``cell`` (0-based, body order, grid
    columns) or ``paragraph`` (0-based body paragraph index). PDF anchors add ``page``
    (1-based) and ``bbox``: the box on that page in points, origin top left, as displayed
    (x0, y0, x1, y1).
    """

    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    paragraph: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None

    def to_json(self) -> dict:
        out = {k: getattr(self, k) for k in ANCHOR_FIELDS if getattr(self, k) is not None}
        if self.bbox is not None:
            out["bbox"] = list(self.bbox)
        return out

    @classmethod
    def from_json(cls, data: dict | None) -> Anchor:
        data = dict(data or {})
        if data.get("bbox") is not None:
            data["bbox"] = tuple(data["bbox"])
        return cls(**data)


def pickle_by_fields(cls: type) -> type:
    """Pickle a frozen dataclass as its constructor's arguments, read in one C call,
    instead of the dataclass's field-by-field state (a loop in Python): a result crossing
    from a worker holds hundreds of anchors and locations."""
    state = attrgetter(*(f.name for f in fields(cls)))

    def __reduce__(self):
        return (cls, state(self))

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


def fast_init(cls: type) -> type:
    """Give a frozen, slotted dataclass an ``__init__`` that stores each field through its
    slot's own descriptor: the generated one goes through ``object.__setattr__`` once per
    field (to get past the frozen ``__setattr__``), which made an :class:`Anchor` cost about
    twice as much to build — and readers build one for every table cell. Same signature,
    defaults, equality, hashing and immutability."""
    params: list[str] = []
    lines: list[str] = []
    namespace: dict[str, object] = {}
    for f in fields(cls):
        if f.default_factory is not MISSING or not f.init:
            raise TypeError(f"{cls.__name__}.{f.name}: only plain fields and defaults")
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        namespace[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        lines.append(f"    _set_{f.name}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(lines) + "\n"
    exec(source, namespace)  # as dataclasses itself builds __init__
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    cls.__init__ = init  # type: ignore[misc]
    return cls


fast_init(Anchor)
pickle_by_fields(Anchor)
NO_ANCHOR = Anchor()

# A web page saved as one file (MHTML); its reader is the HTML reader.
MHTML_MEDIA_TYPE = "multipart/related"
# Forms whose paragraph anchors point at markup (a start tag), not at the paragraph's
# first character: a column within a paragraph's text cannot be worked out from them.
MARKUP_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml", MHTML_MEDIA_TYPE})
ANCHOR_FIELDS = tuple(f.name for f in fields(Anchor))
_anchor_values = attrgetter(*ANCHOR_FIELDS)


class LazyAnchor(Anchor):
    """An anchor worked out when something first reads one of its fields.

    A reader that must scan the source to place an element (HTML: which start tag of the
    file a parsed element came from, and where its end tag is) gives every cell and
    paragraph one of these; only the few that a finding, a statement or the IR output
    reads are ever placed. The fields are the slots of :class:`Anchor`, left unset until
    then: reading one finds it unset, which calls :meth:`__getattr__`, which asks
    ``locate(key)`` for the real anchor and fills every slot. It compares, hashes,
    pickles and copies as the plain :class:`Anchor` it stands for.
    """

    __slots__ = ("_locate", "_key")

    def __new__(cls, *args, **kwargs):  # dataclasses.replace and copies: a plain Anchor
        return Anchor(*args, **kwargs)

    @classmethod
    def maker(cls, locate: Callable[[Any], Anchor]) -> Callable[[Any], LazyAnchor]:
        """``make(key)``: a lazy anchor placed by ``locate(key)`` (a reader makes one per
        cell: this skips the class-method call and attribute lookups each time)."""
        # (each slot set through its own descriptor: cheaper than object.__setattr__)
        new, put_locate, put_key = object.__new__, _put_locate, _put_key

        def make(key: Any) -> LazyAnchor:
            anchor = new(cls)
            put_locate(anchor, locate)
            put_key(anchor, key)
            return anchor

        return make

    def __getattr__(self, name: str) -> Any:
        if name not in _FIELD_SET:
            raise AttributeError(name)
        locate = object.__getattribute__(self, "_locate")
        placed = locate(object.__getattribute__(self, "_key"))
        # (each slot set through its own descriptor: cheaper than object.__setattr__)
        for put, value in zip(_PUT_FIELDS, _anchor_values(placed), strict=True):
            put(self, value)
        # the source and element are no longer needed: let them go
        _put_locate(self, None)
        _put_key(self, None)
        return object.__getattribute__(self, name)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Anchor):
            return _anchor_values(self) == _anchor_values(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(_anchor_values(self))


_FIELD_SET = frozenset(ANCHOR_FIELDS)
_PUT_FIELDS = tuple(Anchor.__dict__[name].__set__ for name in ANCHOR_FIELDS)
_put_locate = LazyAnchor.__dict__["_locate"].__set__
_put_key = LazyAnchor.__dict__["_key"].__set__


@fast_init
@dataclass(frozen=True, slots=True)
class Paragraph:
    """A run of body text (a paragraph, a heading, or one line of a text file)."""

    text: str
    anchor: Anchor


@fast_init
@dataclass(frozen=True, slots=True)
class TableCell:
    """One grid cell as printed. ``text`` keeps line breaks inside the cell as ``\\n``."""

    text: str
    anchor: Anchor
    hmerge: bool = False
    vmerge: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A table as a list of rows of cells; rows may differ in length."""

    rows: tuple[tuple[TableCell, ...], ...]
    anchor: Anchor
    # True when the reader knows the real grid (spans expanded, merges flagged).
    grid: bool = False


Block = Paragraph | Table


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem found while reading or interpreting; becomes an XT finding.

    ``args`` fill the rule's message templates; ``detail_zh``/``detail_en`` say what was
    wrong in this file and what to do about it.
    """

    code: str
    detail_zh: str
    detail_en: str
    anchor: Anchor = NO_ANCHOR
    args: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class Document:
    """Everything a reader found in one file."""

    path: str
    media_type: str
    blocks: list[Block] = field(default_factory=list)
    encoding: str | None = None
    # Page or archive metadata: title, published (YYYY-MM-DD), written, agency, url.
    metadata: dict[str, str] = field(default_factory=dict)
    # Text that anchors point into when it is not the file itself (DOCX).
    extracted_text: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Pictures in the body: (index of the block they come before, the picture's file name);
    # a table published as a picture is one of them.
    images: list[tuple[int, str]] = field(default_factory=list)
    # True: the reader left no Kangxi radical in the text (it read them as the ideographs
    # they look like, or there were none), so the engine's pass over every block and cell
    # (linter.readers.unify_radicals_in) is skipped: 2% of a page's CPU.
    radicals_read: bool = False


class ReadError(Exception):
    """The file cannot be read at all; becomes XT001 (or the subclass's ``code``) with
    this message. ``cause`` is a short key (``encrypted``, ``damaged``, ``old-format``,
    ``image``, ``too-large``, …) that summaries count unreadable files by."""

    code = "XT001"

    def __init__(self, detail_zh: str, detail_en: str, cause: str = "unreadable") -> None:
        super().__init__(detail_en)
        self.detail_zh = detail_zh
        self.detail_en = detail_en
        self.cause = cause
