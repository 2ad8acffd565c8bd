"""What the reader's side panel lists beside the text: provisions the article names, its penalties or duties,
and (when the core offers them) related provisions and defined terms, each with its first words."""

from __future__ import annotations

from dataclasses import dataclass

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


def related_entries(reading: ReadingData, display: ArticleDisplay, *, with_links: bool = True) -> list[RelatedEntry]:
    """Every entry for the open article, grouped, without duplicates inside a group.

    With `with_links`, the core's reviewed related provisions (`AssistantService.related`) and the terms of the
    article defined elsewhere (`AssistantService.defined_terms_in`, each with the provision that defines it)
    join the provisions the text names and its penalties or duties.
    """
    entries: list[RelatedEntry] = []
    seen: set[tuple[str, str]] = set()
    article = display.article

    def add(group: str, target: str, citation: str | None = None) -> None:
        if (group, target) in seen or not reading.corpus.exists(target) or target == article.id:
            return
        seen.add((group, target))
        citation = citation or reading.corpus.cite_en(target)
        entries.append(RelatedEntry(group, target, citation, first_words(reading, target)))

    for reference in display.references:
        for target in reference.targets:
            add(GROUP_IN_TEXT, target)
    for link in display.penalties:
        add(GROUP_PENALTIES, link.targets[0])
    for link in display.enforces:
        add(GROUP_ENFORCES, link.targets[0])
    if not with_links:
        return entries
    for relation in reading.service.related(article.id):
        add(GROUP_RELATED, relation.target)
    text = reading.corpus.text_of(article.id, "zh") or ""
    for _, _, definition in reading.service.defined_terms_in(text, article.law):
        if definition.citation.split(".")[0] == article.id:
            continue  # the article defines the term itself
        label = f"{definition.term} ({definition.term_en})" if definition.term_en else definition.term
        add(GROUP_DEFINED, definition.citation, f"{label} · {reading.corpus.cite_en(definition.citation)}")
    return entries
