"""The one place a checklist looks up penalties: a small protocol, so the penalty model can be swapped in at merge."""

from __future__ import annotations

from typing import Protocol

from assistant.checklist.model import Finding


class PenaltySource(Protocol):
    """Anything that names the liability provisions for one duty citation."""

    def penalties_for(self, citation: str) -> list[str]:
        """Liability citations that punish a breach of the duty at `citation` (may be empty)."""
        ...


class ReviewedPenalties:
    """Today's backing: the reviewed `penalties` each finding carries in `corpus/checklists/`.

    A citation maps to the penalties of the findings that cite it. Replace this class with the
    penalty model (clause-level duty -> penalty links) by passing another `PenaltySource`.
    """

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
