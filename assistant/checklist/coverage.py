"""Coverage of a checklist: every duty-bearing article addressed to a regulated party is cited by a finding or excluded with a reason."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.checklist.model import Checklist
from assistant.datafile import DataFileError, check_keys, load_yaml, require_mapping
from assistant.models import ArticleRef, CitationError, within

if TYPE_CHECKING:
    from assistant.obligations.records import Obligation

EXCLUSIONS_FILE = Path("checklists") / "coverage" / "exclusions.yaml"
DUTY_MODALITIES = ("must", "must_not")


@dataclass(frozen=True)
class Exclusion:
    """An article the checklist deliberately does not turn into a finding, and why."""

    article: str
    reason_en: str
    reason_zh: str


@dataclass(frozen=True)
class Exclusions:
    """Actors that are not regulated parties (e.g. regulators), and excluded articles."""

    not_regulated: dict[str, str]  # actor (zh, as the obligation model names it) -> reason
    articles: dict[str, Exclusion]


@dataclass(frozen=True)
class ArticleCoverage:
    """One duty-bearing article: its duty clauses, the findings citing it, and the clauses no finding cites."""

    article: str
    actors: tuple[str, ...]
    clauses: tuple[str, ...]
    findings: tuple[str, ...]
    uncited_clauses: tuple[str, ...]
    exclusion: Exclusion | None

    @property
    def state(self) -> str:
        """covered | partly covered | excluded | missing."""
        if self.findings:
            return "partly covered" if self.uncited_clauses else "covered"
        return "excluded" if self.exclusion else "missing"


def load_exclusions(corpus_root: Path) -> Exclusions:
    """Read `corpus/checklists/coverage/exclusions.yaml` (missing file: nothing excluded)."""
    path = corpus_root / EXCLUSIONS_FILE
    if not path.exists():
        return Exclusions({}, {})
    data = require_mapping(load_yaml(path), path, "coverage exclusions")
    check_keys(data, path, {"not_regulated_parties", "articles"}, {"articles"}, "coverage exclusions")
    actors: dict[str, str] = {}
    for entry in data.get("not_regulated_parties") or []:
        entry = require_mapping(entry, path, "actor entry")
        check_keys(entry, path, {"actor", "reason_en", "reason_zh"}, {"actor", "reason_en"}, "actor entry")
        actors[str(entry["actor"])] = str(entry["reason_en"])
    articles: dict[str, Exclusion] = {}
    for entry in data["articles"] or []:
        entry = require_mapping(entry, path, "excluded article")
        check_keys(
            entry,
            path,
            {"article", "reason_en", "reason_zh"},
            {"article", "reason_en", "reason_zh"},
            "excluded article",
        )
        try:
            ref = ArticleRef.parse(str(entry["article"]))
        except CitationError as exc:
            raise DataFileError(path, entry.line_of("article"), str(exc)) from exc
        if ref.article_id in articles:
            raise DataFileError(path, entry.line_of("article"), f"{ref.article_id} is excluded twice")
        articles[ref.article_id] = Exclusion(ref.article_id, str(entry["reason_en"]), str(entry["reason_zh"]))
    return Exclusions(actors, articles)


def _covers(citation: str, clause: str) -> bool:
    """A citation covers a clause when it names the clause or a provision containing it (or inside it)."""
    return within(clause, citation) or within(citation, clause)


def checklist_coverage(
    checklist: Checklist, obligations: Iterable[Obligation], exclusions: Exclusions
) -> list[ArticleCoverage]:
    """Each duty-bearing article addressed to a regulated party, in corpus order, with what covers it."""
    by_article: dict[str, list[Obligation]] = {}
    for obligation in obligations:
        if obligation.modality not in DUTY_MODALITIES or obligation.actor in exclusions.not_regulated:
            continue
        by_article.setdefault(obligation.article_id, []).append(obligation)
    rows = []
    for article, duties in by_article.items():
        citing = [f for f in checklist.findings if any(ArticleRef.parse(c).article_id == article for c in f.citations)]
        cited = [c for f in citing for c in f.citations if ArticleRef.parse(c).article_id == article]
        clauses = tuple(dict.fromkeys(d.id for d in duties))
        uncited = tuple(c for c in clauses if not any(_covers(citation, c) for citation in cited)) if citing else ()
        rows.append(
            ArticleCoverage(
                article=article,
                actors=tuple(dict.fromkeys(d.actor for d in duties)),
                clauses=clauses,
                findings=tuple(f.id for f in citing),
                uncited_clauses=uncited,
                exclusion=exclusions.articles.get(article),
            )
        )
    return rows


def coverage_summary(rows: list[ArticleCoverage]) -> dict[str, Any]:
    """Counts per state and the share of articles accounted for (covered, partly covered or excluded)."""
    counts = {
        state: sum(r.state == state for r in rows) for state in ("covered", "partly covered", "excluded", "missing")
    }
    total = len(rows)
    accounted = total - counts["missing"]
    return {"articles": total, **counts, "accounted_percent": round(100 * accounted / total, 1) if total else 100.0}


def coverage_to_dict(rows: list[ArticleCoverage]) -> dict[str, Any]:
    """The `dla checklist coverage --json` contract."""
    return {
        "summary": coverage_summary(rows),
        "articles": [
            {
                "article": r.article,
                "state": r.state,
                "actors": list(r.actors),
                "clauses": list(r.clauses),
                "findings": list(r.findings),
                "uncited_clauses": list(r.uncited_clauses),
                "exclusion": {"reason_en": r.exclusion.reason_en, "reason_zh": r.exclusion.reason_zh}
                if r.exclusion
                else None,
            }
            for r in rows
        ],
    }
