"""Links the reader can follow: cross-references split into one link per target, and duty/penalty links."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.numerals import NUMBER
from assistant.obligations.crossrefs import CrossReference

# One 第X条[第X款][第X项] inside a listed reference, so 本法第二十七条、第二十九条 gives two links.
_ONE_PROVISION = re.compile(rf"第{NUMBER}条(?:第{NUMBER}款)?(?:第{NUMBER}项)?")


@dataclass(frozen=True)
class Link:
    """Something to follow: the citation ids it leads to (more than one asks which) and its words."""

    targets: tuple[str, ...]
    label: str
    kind: str = "reference"  # "reference" | "penalty" | "enforces"


@dataclass(frozen=True)
class LinkSpan:
    """Where a link sits: the paragraph or item id and character offsets in its own Chinese text."""

    source: str
    start: int
    end: int
    link: Link


def reference_spans(references: list[CrossReference]) -> list[LinkSpan]:
    """One span per followable target where the wording allows it, else one span for all its targets."""
    spans: list[LinkSpan] = []
    for reference in references:
        if not reference.targets:  # another law (《网络安全法》): not in the corpus, nothing to follow
            continue
        parts = list(_ONE_PROVISION.finditer(reference.text))
        if reference.kind == "article" and len(reference.targets) > 1 and len(parts) == len(reference.targets):
            for position, (part, target) in enumerate(zip(parts, reference.targets, strict=True)):
                # The first link takes the leading 本法 too, so the whole reference reads as links.
                start = reference.start + (0 if position == 0 else part.start())
                end = reference.start + part.end()
                spans.append(
                    LinkSpan(
                        reference.source,
                        start,
                        end,
                        Link((target,), reference.text[start - reference.start : part.end()]),
                    )
                )
        else:
            spans.append(
                LinkSpan(reference.source, reference.start, reference.end, Link(reference.targets, reference.text))
            )
    return spans
