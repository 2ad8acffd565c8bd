"""YAML data files read with line numbers, so every data error names its file and line.

Every file is read with a size limit; user-supplied YAML (answers files) is first scanned as an
event stream for nesting depth and alias expansion, so a deeply nested file or an alias bomb is
refused in milliseconds with its line, before PyYAML builds (or recurses into) anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import DlaError

try:  # The C loader is ~10x faster; fall back where libyaml is missing.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class DataFileError(DlaError, ValueError):
    """A data file that cannot be used: says which file, which line and what was expected."""

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


MAX_DATA_FILE_BYTES = 16 << 20  # any YAML the program reads (corpus files are well under 1 MiB)
MAX_USER_FILE_BYTES = 1 << 20  # answers, sessions, bookmarks: far beyond any real one
MAX_DEPTH = 40  # nesting of mappings and sequences in a user file
MAX_NODES = 100_000  # nodes after expanding aliases: an alias bomb's billions stop here


def read_bounded(path: str | Path, limit: int = MAX_USER_FILE_BYTES, what: str = "file") -> str:
    """A file's UTF-8 text, read at most `limit` bytes (so `/dev/zero` or a 50 MB file stops at once)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise DataFileError(path, None, f"cannot read {what}: {exc.strerror or exc}") from exc
    return decode_bounded(data, path, limit, what)


def decode_bounded(data: bytes, path: str | Path, limit: int = MAX_USER_FILE_BYTES, what: str = "file") -> str:
    """Bytes already read (at most `limit` + 1) as UTF-8; DataFileError when too large or not UTF-8."""
    if len(data) > limit:
        raise DataFileError(path, None, f"{what} is larger than {limit // 1024} KiB; refusing to read it")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataFileError(path, line, f"{what} is not UTF-8 text") from exc


def check_yaml_shape(text: str, path: str | Path, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES) -> None:
    """Refuse YAML nested deeper than `max_depth` or expanding (through aliases) to more than `max_nodes` nodes."""
    depth, nodes = 0, 0
    anchored: dict[str, int] = {}  # anchor -> nodes in the anchored value
    open_anchors: list[tuple[str | None, int]] = []
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, yaml.AliasEvent):
                nodes += anchored.get(event.anchor or "", 1)
            elif isinstance(event, yaml.ScalarEvent):
                nodes += 1
                if event.anchor:
                    anchored[event.anchor] = 1
            elif isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                nodes += 1
                open_anchors.append((event.anchor, nodes))
                if depth > max_depth:
                    line = event.start_mark.line + 1 if event.start_mark else None
                    raise DataFileError(path, line, f"nested deeper than {max_depth} levels")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                anchor, start = open_anchors.pop()
                if anchor:
                    anchored[anchor] = nodes - start + 1
            if nodes > max_nodes:
                line = event.start_mark.line + 1 if event.start_mark else None
                raise DataFileError(path, line, f"expands to more than {max_nodes} values (aliases?); refusing it")
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise DataFileError(path, mark.line + 1 if mark else None, f"not valid YAML: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(path, None, f"not valid YAML: {exc}") from exc


class LineDict(dict[Any, Any]):
    """A mapping that remembers the line of itself and of each of its keys (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        """The line a key stands on, or the mapping's own line."""
        return self.key_lines.get(key, self.line)


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader whose mappings are LineDicts."""


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError as exc:
            raise yaml.constructor.ConstructorError(None, None, "unhashable key", key_node.start_mark) from exc
        if key in mapping:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_yaml(text: str, path: str | Path) -> Any:
    """Parse YAML text; a syntax error becomes a DataFileError with its line."""
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise DataFileError(path, line, f"not valid YAML: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(path, None, f"not valid YAML: {exc}") from exc


def load_yaml(path: str | Path) -> Any:
    """Read and parse a YAML file; unreadable, oversized or undecodable files are DataFileErrors."""
    return parse_yaml(read_bounded(path, MAX_DATA_FILE_BYTES, "data file"), path)


def parse_user_yaml(text: str, path: str | Path) -> Any:
    """Parse YAML a user supplied: depth and alias expansion are checked first."""
    check_yaml_shape(text, path)
    return parse_yaml(text, path)


def load_user_yaml(path: str | Path, what: str = "file") -> Any:
    """Read (at most MAX_USER_FILE_BYTES) and parse a YAML file a user supplied."""
    return parse_user_yaml(read_bounded(path, MAX_USER_FILE_BYTES, what), path)


def require_mapping(value: Any, path: str | Path, what: str, line: int | None = None) -> LineDict:
    """Check a value is a mapping; return it."""
    if not isinstance(value, LineDict):
        raise DataFileError(path, line or getattr(value, "line", None), f"{what} must be a mapping")
    return value


def check_keys(
    mapping: LineDict, path: str | Path, allowed: Iterable[str], required: Iterable[str] = (), what: str = "entry"
) -> None:
    """Reject unknown keys and missing required keys, naming file and line."""
    allowed_set = set(allowed)
    for key in mapping:
        if key not in allowed_set:
            raise DataFileError(
                path, mapping.line_of(key), f"unknown key {key!r} in {what} (allowed: {', '.join(sorted(allowed_set))})"
            )
    for key in required:
        if key not in mapping:
            raise DataFileError(path, mapping.line, f"{what} lacks required key {key!r}")


def data_entries(
    path: Path, key: str, what: str, entry_what: str, allowed: Iterable[str], required: Iterable[str]
) -> list[LineDict]:
    """The entries listed under `key`, the only top-level key of a reviewed data file, each a mapping with
    `allowed` keys and every `required` one; none when the file is absent (the data is optional)."""
    if not path.is_file():
        return []
    data = require_mapping(load_yaml(path), path, what)
    check_keys(data, path, {key}, {key}, what)
    listed = data[key]
    if not isinstance(listed, list):
        raise DataFileError(path, data.line_of(key), f"{key} must be a list")
    entries = [require_mapping(entry, path, entry_what) for entry in listed]
    for entry in entries:
        check_keys(entry, path, allowed, required, entry_what)
    return entries
