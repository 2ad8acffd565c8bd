"""YAML data files read with line numbers, so every data error names its file and line."""

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
    """Read and parse a YAML file; unreadable or undecodable files are DataFileErrors."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(path, None, f"cannot read: {exc}") from exc
    return parse_yaml(text, path)


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
