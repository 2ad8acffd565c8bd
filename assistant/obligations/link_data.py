"""Reviewed link data under `corpus/links/`: penalty scope rules, related provisions, defined terms."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.datafile import DataFileError, check_keys, data_entries, load_yaml, require_mapping
from assistant.modality import MODALITIES
from assistant.models import within
from assistant.obligations.liability_data import CATCH_ALL_FILE, KINDS_FILE, load_catch_all, load_liability_review
from assistant.obligations.records import RELATION_TYPES, Relation

LINKS_DIR = Path("links")
SCOPE_FILE = LINKS_DIR / "penalty_scope.yaml"
RELATED_FILE = LINKS_DIR / "related.yaml"
DEFINITIONS_FILE = LINKS_DIR / "definitions.yaml"
# Actors named by these words are public authorities: a liability clause aimed at the regulated party never
# punishes them, unless a rule names them.
AUTHORITY_WORDS = ("部门", "机关", "人民政府", "委员会", "办公室", "人民检察院", "领导机构", "各地区、各部门")


STAFF_SUFFIXES = ("及其工作人员", "工作人员")


def is_authority(actor: str) -> bool:
    """True for a public authority (a department, organ, government, committee or office, or its staff).

    The head of the phrase decides: 处理个人信息达到国家网信部门规定数量的个人信息处理者 names a processor.
    """
    for suffix in STAFF_SUFFIXES:
        actor = actor.removesuffix(suffix)
    return any(actor.endswith(word) for word in AUTHORITY_WORDS)


@dataclass(frozen=True)
class ScopeRule:
    """A general liability clause and the duties it covers, by actor and by article, chapter or subject."""

    penalty: str  # liability paragraph
    law: str  # the instrument whose duties it covers
    reason: str
    actors: tuple[str, ...] = ()  # canonical or text actors; empty = any actor
    authorities: bool = False  # with no actors listed: cover public authorities instead of regulated parties
    chapters: tuple[int, ...] = ()  # empty = the whole instrument
    provisions: tuple[str, ...] = ()  # citation ids (article, paragraph or item); empty = no restriction
    modalities: tuple[str, ...] = ("must", "must_not")
    mentions: tuple[str, ...] = ()  # the duty's own clause names one of these subjects (个人数据); empty = any
    residual: bool = False  # 违反本条例其他有关规定: every duty (any actor) no liability clause cites by number
    bodies_only: bool = False  # reaches authorities as bodies, not their staff (公共管理和服务机构违反…, shenzhen:93)
    regime_only: bool = False  # reaches the regime rows of its provisions only (…按照…的有关规定执行, shenzhen:20(1))
    except_actors: tuple[str, ...] = ()  # actors its words do not reach although its other limits fit (议事协调 bodies)

    def covers(
        self, duty: str, article_chapter: int | None, actor: str, modality: str, clause: str = "", regime: bool = False
    ) -> bool:
        """True when a duty of this actor, at this provision, with this clause (a regime row or not), falls under the rule.

        A residual rule is decided by the linker (it needs the provisions cited by number); here it covers
        every duty of its instrument.
        """
        if not duty.startswith(f"{self.law}:") or modality not in self.modalities:
            return False
        if self.chapters and article_chapter not in self.chapters:
            return False
        if self.provisions and not any(within(duty, p) for p in self.provisions):
            return False
        if self.mentions and not any(word in clause for word in self.mentions):
            return False
        if self.regime_only and not regime:
            return False
        if self.residual:
            return True
        if self.bodies_only and actor.endswith(STAFF_SUFFIXES):
            return False
        if actor in self.except_actors:
            return False
        if self.actors:
            return actor in self.actors
        return is_authority(actor) == self.authorities


@dataclass(frozen=True)
class DefinitionEntry:
    """A defined term and the provision that defines it (the text is read from the corpus)."""

    term: str
    citation: str
    term_en: str | None = None


def _strings(value: object, path: Path, line: int | None, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise DataFileError(path, line, f"{what} must be a list")
    return tuple(str(v) for v in value)


def load_scope_rules(corpus_root: Path) -> list[ScopeRule]:
    """Scope rules from `corpus/links/penalty_scope.yaml` (none when the file is absent)."""
    path = corpus_root / SCOPE_FILE
    if not path.is_file():
        return []
    data = require_mapping(load_yaml(path), path, "penalty scope")
    check_keys(data, path, {"rules", "number_limits"}, {"rules"}, "penalty scope")
    rules = []
    keys = {
        "penalty",
        "law",
        "reason",
        "actors",
        "authorities",
        "chapters",
        "provisions",
        "modalities",
        "mentions",
        "residual",
        "bodies_only",
        "regime_only",
        "except_actors",
    }
    for entry in data["rules"]:
        entry = require_mapping(entry, path, "rule")
        check_keys(entry, path, keys, {"penalty", "law", "reason"}, "rule")
        modalities = _strings(entry.get("modalities"), path, entry.line, "modalities") or ("must", "must_not")
        if any(m not in MODALITIES for m in modalities):
            raise DataFileError(path, entry.line, f"modalities must be among {', '.join(MODALITIES)}")
        rules.append(
            ScopeRule(
                penalty=str(entry["penalty"]),
                law=str(entry["law"]),
                reason=str(entry["reason"]),
                actors=_strings(entry.get("actors"), path, entry.line, "actors"),
                authorities=bool(entry.get("authorities", False)),
                chapters=tuple(int(c) for c in _strings(entry.get("chapters"), path, entry.line, "chapters")),
                provisions=_strings(entry.get("provisions"), path, entry.line, "provisions"),
                modalities=modalities,
                mentions=_strings(entry.get("mentions"), path, entry.line, "mentions"),
                residual=bool(entry.get("residual", False)),
                bodies_only=bool(entry.get("bodies_only", False)),
                regime_only=bool(entry.get("regime_only", False)),
                except_actors=_strings(entry.get("except_actors"), path, entry.line, "except_actors"),
            )
        )
    return rules


@dataclass(frozen=True)
class NumberLimit:
    """A liability paragraph that cites an article by number but names the conduct it punishes: it reaches only
    the clauses of that article about that conduct (blockchain:21 punishes content, not activities, of art. 10)."""

    penalty: str
    mentions: tuple[str, ...]
    reason: str

    def reaches(self, clause: str) -> bool:
        """True when the duty's clause is about the conduct the liability paragraph names."""
        return any(word in clause for word in self.mentions)


def load_number_limits(corpus_root: Path) -> dict[str, NumberLimit]:
    """`number_limits` of `corpus/links/penalty_scope.yaml`, by liability paragraph (none when absent)."""
    path = corpus_root / SCOPE_FILE
    if not path.is_file():
        return {}
    data = require_mapping(load_yaml(path), path, "penalty scope")
    limits = {}
    for entry in data.get("number_limits") or []:
        entry = require_mapping(entry, path, "number limit")
        check_keys(entry, path, {"penalty", "mentions", "reason"}, {"penalty", "mentions", "reason"}, "number limit")
        mentions = _strings(entry["mentions"], path, entry.line, "mentions")
        limits[str(entry["penalty"])] = NumberLimit(str(entry["penalty"]), mentions, str(entry["reason"]))
    return limits


def load_relations(corpus_root: Path) -> list[Relation]:
    """Related provisions from `corpus/links/related.yaml` (none when the file is absent)."""
    path = corpus_root / RELATED_FILE
    relations = []
    keys = {"source", "targets", "type"}
    for entry in data_entries(path, "relations", "related provisions", "relation", keys | {"note"}, keys):
        if entry["type"] not in RELATION_TYPES:
            raise DataFileError(path, entry.line, f"type must be one of: {', '.join(RELATION_TYPES)}")
        for target in _strings(entry["targets"], path, entry.line, "targets"):
            relations.append(Relation(str(entry["source"]), target, str(entry["type"]), str(entry.get("note", ""))))
    return relations


def load_definitions(corpus_root: Path) -> list[DefinitionEntry]:
    """Defined terms from `corpus/links/definitions.yaml` (none when the file is absent)."""
    path = corpus_root / DEFINITIONS_FILE
    entries = []
    keys = {"term", "citation"}
    for entry in data_entries(path, "definitions", "definitions", "definition", keys | {"term_en"}, keys):
        term_en = entry.get("term_en")
        entries.append(DefinitionEntry(str(entry["term"]), str(entry["citation"]), str(term_en) if term_en else None))
    return entries


def cited_provisions(corpus_root: Path) -> list[tuple[Path, str]]:
    """Every citation the link data writes, with its file, for `dla corpus verify`."""
    cited: list[tuple[Path, str]] = []
    for rule in load_scope_rules(corpus_root):
        cited += [(SCOPE_FILE, rule.penalty), *((SCOPE_FILE, p) for p in rule.provisions)]
    cited += [(SCOPE_FILE, penalty) for penalty in load_number_limits(corpus_root)]
    for relation in load_relations(corpus_root):
        cited += [(RELATED_FILE, relation.source), (RELATED_FILE, relation.target)]
    cited += [(DEFINITIONS_FILE, d.citation) for d in load_definitions(corpus_root)]
    cited += [(KINDS_FILE, ref) for ref in load_liability_review(corpus_root).penalties]
    cited += [(CATCH_ALL_FILE, ref) for entry in load_catch_all(corpus_root) for ref in entry.provisions]
    return cited
