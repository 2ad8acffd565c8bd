"""Checklist quality on company cases: the provisions a lawyer expects are cited, those that plainly do not apply are not."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assistant.paths import PROJECT_ROOT
from assistant.service import AssistantService

CASES = sorted((PROJECT_ROOT / "tests" / "eval").glob("checklist_heldout_*.yaml"))


def covers(expected: str, cited: set[str]) -> bool:
    """An item cites the provision, a part of it, or the whole it is part of (a lead-in cited for its items)."""
    return any(c == expected or c.startswith(expected + ".") or expected.startswith(c + ".") for c in cited)


def cites_within(excluded: str, cited: set[str]) -> bool:
    """An item cites the provision or a part of it (a lead-in cited as a whole does not cite each of its items)."""
    return any(c == excluded or c.startswith(excluded + ".") for c in cited)


@dataclass(frozen=True)
class CaseResult:
    """One company: what it expected and missed, what it excluded and got."""

    name: str
    expected: int
    missed: tuple[str, ...]
    excluded: int
    wrongly_cited: tuple[str, ...]


def evaluate_case(service: AssistantService, case: dict[str, Any]) -> CaseResult:
    """Run the checklist on the case's answers and compare its items' citations with the case's lists."""
    checklist = service.checklist(case.get("checklist", "data-compliance"))
    result = service.run_checklist(checklist, case["answers"])
    cited = {c for item in result.items for c in item.finding.citations}
    return CaseResult(
        name=case["name"],
        expected=len(case["expected"]),
        missed=tuple(c for c in case["expected"] if not covers(c, cited)),
        excluded=len(case["excluded"]),
        wrongly_cited=tuple(c for c in case["excluded"] if cites_within(c, cited)),
    )


def evaluate_file(path: Path, service: AssistantService | None = None) -> list[CaseResult]:
    """Every case of one file."""
    service = service or AssistantService()
    return [evaluate_case(service, case) for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


def main() -> int:
    """One line per case, then the pooled expected recall and the excluded provisions cited."""
    verbose = "-v" in sys.argv
    service = AssistantService()
    for path in CASES:
        results = evaluate_file(path, service)
        expected = sum(r.expected for r in results)
        hit = expected - sum(len(r.missed) for r in results)
        excluded = sum(r.excluded for r in results)
        wrong = sum(len(r.wrongly_cited) for r in results)
        print(
            f"checklist vs {path.relative_to(PROJECT_ROOT)}: {len(results)} companies; expected provisions cited "
            f"{hit}/{expected} = {hit / expected:.3f}; excluded provisions cited {wrong}/{excluded}"
        )
        for result in results if verbose else []:
            print(f"  {result.name[:80]}: missed {list(result.missed)}, wrongly cited {list(result.wrongly_cited)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
