"""The one place a checklist looks up penalties: the project's penalty model, narrowed by each finding's review."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from assistant.checklist.model import Finding
from assistant.models import ArticleRef


class PenaltySource(Protocol):
    """Anything that names the liability provisions for one duty citation."""

    def penalties_for(self, citation: str) -> list[str]:
        """Liability citations that punish a breach of the duty at `citation` (may be empty)."""
        ...


class ModelPenalties:
    """Penalties from the one penalty model (clause-level duty -> penalty links built with the index).

    A finding's reviewed `penalties` (article or paragraph ids) choose which of the model's links fit
    its addressee: a duty clause punished for personal data by one article and for data security by
    another, or an article binding both a state organ and its contractor. A reviewed penalty the
    model does not have for the finding's citations is never shown; the one exception is a
    provision in which the extraction found no duty-bearer at all (`unmodelled`), where the reviewed
    penalty stands and `dla checklist findings` says so.
    """

    def __init__(self, links_for: Callable[[str], Iterable[str]]) -> None:
        self._links_for = links_for

    def penalties_for(self, citation: str) -> list[str]:
        """Liability paragraphs the model links to the duties at `citation`, in order, once each."""
        found: list[str] = []
        for penalty in self._links_for(citation):
            if penalty not in found:
                found.append(penalty)
        return found

    def unmodelled(self, finding: Finding) -> bool:
        """True when the model has no link for any citation of the finding (no duty-bearer was extracted)."""
        return not any(self.penalties_for(citation) for citation in finding.citations)

    def penalties_for_finding(self, finding: Finding) -> list[str]:
        """The model's penalties for a finding's citations, narrowed to the articles its review names."""
        model = [p for citation in finding.citations for p in self.penalties_for(citation)]
        model = list(dict.fromkeys(model))
        if not model:
            return list(finding.penalties)
        wanted = {ArticleRef.parse(p).article_id for p in finding.penalties}
        exact = set(finding.penalties)
        return [p for p in model if p in exact or ArticleRef.parse(p).article_id in wanted]


class ReviewedPenalties:
    """The reviewed `penalties` each finding carries in `corpus/checklists/`, for use without an index."""

    def __init__(self, findings: tuple[Finding, ...]) -> None:
        self._by_citation: dict[str, list[str]] = {}
        for finding in findings:
            for citation in finding.citations:
                known = self._by_citation.setdefault(citation, [])
                known.extend(p for p in finding.penalties if p not in known)
        self._by_finding = {f.id: list(f.penalties) for f in findings}

    def penalties_for(self, citation: str) -> list[str]:
        """Penalties linked to a duty citation."""
        return list(self._by_citation.get(citation, []))

    def penalties_for_finding(self, finding: Finding) -> list[str]:
        """A finding's own reviewed penalties (a duty cited by two findings may be punished in two ways)."""
        return list(self._by_finding.get(finding.id, []))


def finding_penalties(finding: Finding, source: PenaltySource) -> list[str]:
    """Penalties for one finding: every lookup the checklist makes goes through here."""
    own = getattr(source, "penalties_for_finding", None)
    if callable(own):
        return list(own(finding))
    found: list[str] = []
    for citation in finding.citations:
        found.extend(p for p in source.penalties_for(citation) if p not in found)
    return found
