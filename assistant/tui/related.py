"""What the reader's side panel lists beside the text: provisions the article names, its penalties or duties,
and (when the core offers them) related provisions and defined terms, each with its first words."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from assistant.tui.reading import ReadingData
from assistant.tui.render_article import ArticleDisplay

FIRST_WORDS = 18  # characters of the target's Chinese text shown after its citation

GROUP_IN_TEXT = "Named in the text"
GROUP_PENALTIES = "Penalties"
GROUP_ENFORCES = "Enforces"
GROUP_RELATED = "Related provisions"
GROUP_DEFINED = "Defined terms"


@dataclass(frozen=True)
class RelatedEntry:
    """One line of the panel: its group, the citation id it opens, the short citation and the first words."""

    group: str
    target: str
    citation: str
    first_words: str


def first_words(reading: ReadingData, target: str) -> str:
    """The opening of a provision's Chinese text, cut with an ellipsis."""
    text = reading.corpus.text_of(target, "zh") or ""
    return text if len(text) <= FIRST_WORDS else text[:FIRST_WORDS] + "…"


def related_entries(
    reading: ReadingData,
    display: ArticleDisplay,
    related: Callable[[str], Iterable[Any]] | None = None,
    defined: Callable[[str, str | None], Iterable[tuple[int, int, Any]]] | None = None,
) -> list[RelatedEntry]:
    """Every entry for the open article, grouped, without duplicates inside a group.

    `related` is the core's `AssistantService.related(article_id)` where it exists (provisions linked by
    the legal-links data); its items may be citation ids or mappings with an `id`/`target`. `defined` is
    the core's `AssistantService.defined_terms_in(text, law)`: each term of the article defined elsewhere is
    listed with the provision that defines it.
    """
    entries: list[RelatedEntry] = []
    seen: set[tuple[str, str]] = set()

    def add(group: str, target: str) -> None:
        if (group, target) in seen or not reading.corpus.exists(target) or target == display.article.id:
            return
        seen.add((group, target))
        citation = reading.corpus.cite_en(target)
        entries.append(RelatedEntry(group, target, citation, first_words(reading, target)))

    for reference in display.references:
        for target in reference.targets:
            add(GROUP_IN_TEXT, target)
    for link in display.penalties:
        add(GROUP_PENALTIES, link.targets[0])
    for link in display.enforces:
        add(GROUP_ENFORCES, link.targets[0])
    if related is not None:
        for item in related(display.article.id):
            found = item if isinstance(item, str) else _target_of(item)
            if found:
                add(GROUP_RELATED, found)
    if defined is not None:
        text = reading.corpus.text_of(display.article.id, "zh") or ""
        for _, _, definition in defined(text, display.article.law):
            defining, term = getattr(definition, "citation", None), getattr(definition, "term", None)
            if not isinstance(defining, str) or not isinstance(term, str):
                continue
            if (GROUP_DEFINED, defining) in seen or not reading.corpus.exists(defining):
                continue
            if defining.split(".")[0] == display.article.id:
                continue  # the article defines the term itself
            seen.add((GROUP_DEFINED, defining))
            english = getattr(definition, "term_en", None)
            label = f"{term} ({english})" if english else term
            entries.append(
                RelatedEntry(
                    GROUP_DEFINED,
                    defining,
                    f"{label} · {reading.corpus.cite_en(defining)}",
                    first_words(reading, defining),
                )
            )
    return entries


def _target_of(item: Any) -> str | None:
    if isinstance(item, dict):
        value = item.get("target") or item.get("id")
    else:
        value = getattr(item, "target", None) or getattr(item, "id", None)
    return value if isinstance(value, str) else None
