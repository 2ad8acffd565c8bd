"""spaCy blank pipelines with rule components: statute clauses, actors, modal markers, limits and amounts.

Loaded only at index-build time: spaCy and jieba cost seconds to load, and nothing on the search
or TUI start-up path may pay for them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.datafile import DataFileError, check_keys, data_entries, load_yaml, require_mapping

ACTORS_FILE = Path("patterns") / "actors.yaml"
IMPLICIT_SUBJECTS_FILE = Path("patterns") / "implicit_subjects.yaml"
ASSIGNED_DUTIES_FILE = Path("patterns") / "assigned_duties.yaml"
ZH_MODALS = {
    "应当": "must",
    "必须": "must",
    "须": "must",
    "不得": "must_not",
    "禁止": "must_not",
    "严禁": "must_not",
    "可以": "may",
    "有权": "may",
    "应": "must",
    "负责": "must",
}
# Markers matched only where the segmenter already makes them a word (forcing 应 or 负责 apart would split
# 应急, 相应 or 负责人).
_UNFORCED_MODALS = {"应", "负责"}
EN_MODALS = {
    "shall not": "must_not",
    "must not": "must_not",
    "may not": "must_not",
    "shall": "must",
    "must": "must",
    "may": "may",
}


@dataclass(frozen=True)
class ActorSpec:
    """A duty-bearer and how texts name it."""

    canonical: str
    en: str
    forms: tuple[str, ...]
    implicit: tuple[str, ...]
    includes: tuple[str, ...] = ()
    synonyms_zh: tuple[str, ...] = ()
    synonyms_en: tuple[str, ...] = ()
    kind_of: tuple[str, ...] = ()  # broader actors this one is a kind of (重要数据的处理者 → 数据处理者)


def load_actors(corpus_root: Path) -> list[ActorSpec]:
    """Actors from `corpus/patterns/actors.yaml`."""
    path = corpus_root / ACTORS_FILE
    data = require_mapping(load_yaml(path), path, "actors")
    check_keys(data, path, {"actors", "names_en", "right_holders"}, {"actors"}, "actors")
    actors = []
    for entry in data["actors"]:
        entry = require_mapping(entry, path, "actor")
        check_keys(
            entry,
            path,
            {"canonical", "en", "forms", "implicit", "includes", "synonyms_zh", "synonyms_en", "kind_of"},
            {"canonical", "en", "forms"},
            "actor",
        )
        actors.append(
            ActorSpec(
                str(entry["canonical"]),
                str(entry["en"]),
                tuple(entry["forms"]),
                tuple(entry.get("implicit") or ()),
                tuple(entry.get("includes") or ()),
                tuple(entry.get("synonyms_zh") or ()),
                tuple(entry.get("synonyms_en") or ()),
                tuple(entry.get("kind_of") or ()),
            )
        )
    return actors


def load_actor_names(corpus_root: Path) -> dict[str, str]:
    """English for actors the extractor takes from the text (`names_en` in actors.yaml), by their Chinese phrase."""
    path = corpus_root / ACTORS_FILE
    data = require_mapping(load_yaml(path), path, "actors")
    names = data.get("names_en") or {}
    if not isinstance(names, dict):
        raise DataFileError(path, data.line_of("names_en"), "names_en must map Chinese to English")
    return {str(zh): str(en) for zh, en in names.items()}


def load_right_holders(corpus_root: Path) -> tuple[str, ...]:
    """Who holds rights, not duties (`right_holders` in actors.yaml): their 有权 / 可以 is no entry (个人有权…)."""
    path = corpus_root / ACTORS_FILE
    data = require_mapping(load_yaml(path), path, "actors")
    holders = data.get("right_holders") or []
    if not isinstance(holders, list):
        raise DataFileError(path, data.line_of("right_holders"), "right_holders must be a list")
    return tuple(sorted((str(h) for h in holders), key=len, reverse=True))


@dataclass(frozen=True)
class ImplicitSubject:
    """The bearer of a duty clause whose text names none, taken from the article's scope (reviewed)."""

    provision: str
    actor: str
    en: str = ""
    regime: bool = False


def load_implicit_subjects(corpus_root: Path) -> tuple[dict[str, ImplicitSubject], set[str]]:
    """`corpus/patterns/implicit_subjects.yaml`: bearers by provision, and the clauses reviewed as no duty."""
    path = corpus_root / IMPLICIT_SUBJECTS_FILE
    if not path.is_file():
        return {}, set()
    data = require_mapping(load_yaml(path), path, "implicit subjects")
    check_keys(data, path, {"subjects", "not_duties"}, {"subjects"}, "implicit subjects")
    subjects: dict[str, ImplicitSubject] = {}
    for entry in data["subjects"]:
        entry = require_mapping(entry, path, "subject")
        check_keys(entry, path, {"provision", "actor", "en", "regime", "reason"}, {"provision", "actor", "reason"})
        provision = str(entry["provision"])
        subjects[provision] = ImplicitSubject(
            provision, str(entry["actor"]), str(entry.get("en") or ""), bool(entry.get("regime", False))
        )
    not_duties = set()
    for entry in data.get("not_duties") or []:
        entry = require_mapping(entry, path, "not-duty entry")
        check_keys(entry, path, {"provision", "reason"}, {"provision", "reason"}, "not-duty entry")
        not_duties.add(str(entry["provision"]))
    return subjects, not_duties


@dataclass(frozen=True)
class AssignedDuty:
    """A wording that gives a party a duty without a modal marker (由X继续落实…责任); `actor` is a group of `pattern`."""

    pattern: re.Pattern[str]
    reason: str


def load_assigned_duties(corpus_root: Path) -> list[AssignedDuty]:
    """`corpus/patterns/assigned_duties.yaml` (none when absent); every pattern must compile and name its actor."""
    path = corpus_root / ASSIGNED_DUTIES_FILE
    found = []
    keys = {"pattern", "reason"}
    for entry in data_entries(path, "assignments", "assigned duties", "assignment", keys, keys):
        try:
            pattern = re.compile(str(entry["pattern"]))
        except re.error as error:
            raise DataFileError(path, entry.line, f"pattern does not compile: {error}") from error
        if "actor" not in pattern.groupindex:
            raise DataFileError(path, entry.line, "pattern must name its bearer with a group (?P<actor>…)")
        found.append(AssignedDuty(pattern, str(entry["reason"])))
    return found


def build_zh_pipeline(actors: list[ActorSpec], extra_words: list[str]) -> Any:
    """`zh` blank pipeline with the jieba segmenter, actor and modal entity rules, and clause boundaries."""
    return _zh_pipeline(tuple(actors), tuple(extra_words))


# The pipeline's components keep no state between documents, so one process (a test run, a build after a
# corpus edit) builds it once per lexicon: it costs a second or more, most of it in jieba and spaCy set-up.
@functools.lru_cache(maxsize=4)
def _zh_pipeline(actors: tuple[ActorSpec, ...], extra_words: tuple[str, ...]) -> Any:
    import spacy
    from spacy.language import Language

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    # Keep statutory terms whole, so the entity rules see them as tokens in every context.
    jieba = nlp.tokenizer.jieba_seg  # type: ignore[union-attr]
    words = {form for actor in actors for form in (*actor.forms, *actor.implicit)}
    # Joint names such as 公安机关、国家安全机关 are matched as a token sequence: keep each part whole.
    words |= {part for word in list(words) for part in word.split("、") if part}
    for word in words | (set(ZH_MODALS) - _UNFORCED_MODALS) | set(extra_words):
        jieba.add_word(word, freq=2_000_000)

    if not Language.has_factory("statute_clauses"):

        @Language.component("statute_clauses")
        def statute_clauses(doc: Any) -> Any:
            """Sentences end at 。；： (statute punctuation); the first token always starts one."""
            for index, token in enumerate(doc):
                token.is_sent_start = index == 0 or doc[index - 1].text in ("。", "；", "：", ";")
            return doc

    nlp.add_pipe("statute_clauses")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    patterns = [{"label": "ACTOR", "pattern": form, "id": actor.canonical} for actor in actors for form in actor.forms]
    patterns += [
        {"label": "IMPLICIT", "pattern": cue, "id": actor.canonical} for actor in actors for cue in actor.implicit
    ]
    patterns += [{"label": "MODAL", "pattern": word, "id": modality} for word, modality in ZH_MODALS.items()]
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


@functools.lru_cache(maxsize=1)
def build_en_pipeline() -> Any:
    """`en` blank pipeline: sentences and the modal verbs of statute English (shall / shall not / may)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(  # type: ignore[attr-defined]
        [{"label": "MODAL", "pattern": phrase, "id": modality} for phrase, modality in EN_MODALS.items()]
    )
    return nlp
