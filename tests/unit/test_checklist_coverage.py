"""Every duty-bearing article addressed to a regulated party is cited by a finding or excluded with a reason."""

from __future__ import annotations

import json

import pytest

from assistant.checklist.coverage import load_exclusions
from assistant.cli import main
from assistant.models import ArticleRef
from assistant.service import AssistantService
from tests.conftest import CORPUS


def test_coverage_is_complete(service: AssistantService) -> None:
    coverage = service.checklist_coverage(service.checklist())
    missing = [row["article"] for row in coverage["articles"] if row["state"] == "missing"]
    assert not missing, f"duty articles with no finding and no reasoned exclusion: {missing}"
    assert coverage["summary"]["accounted_percent"] == 100.0
    assert coverage["summary"]["articles"] >= 75


def test_exclusions_are_reasoned_and_not_stale(service: AssistantService) -> None:
    exclusions = load_exclusions(CORPUS)
    cited = {ArticleRef.parse(c).article_id for f in service.checklist().findings for c in f.citations}
    for article, exclusion in exclusions.articles.items():
        assert service.corpus.exists(article)
        assert len(exclusion.reason_en) > 40 and exclusion.reason_zh
        assert article not in cited, f"{article} is cited by a finding, so it should not be excluded"
    assert all(reason for reason in exclusions.not_regulated.values())


def test_coverage_command_lists_articles_with_their_findings(
    service: AssistantService,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    built_index_dir: object,
) -> None:
    monkeypatch.setenv("DLA_INDEX_DIR", str(built_index_dir))
    assert main(["checklist", "coverage", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    row = next(r for r in data["articles"] if r["article"] == "shenzhen:82")
    assert "sz-outbound-security-assessment" in row["findings"]
    assert main(["checklist", "coverage"]) == 0
    assert "100.0% accounted for" in capsys.readouterr().out
