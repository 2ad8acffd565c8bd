"""The obligation evaluator scores gold files that cover part of an instrument (tiny fixtures, not real gold)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from benchmarks.evaluate_obligations import evaluate_v2, pooled

FIRST_HALF = """scope: [shenzhen:1-50]
obligations:
  - {ref: 'shenzhen:12.1', actor: 数据处理者, modality: must_not, penalties: [{ref: 'shenzhen:92.1', basis: scope}]}
liability: []
"""
SECOND_HALF = """scope: ['shenzhen:51-100']
obligations:
  - {ref: 'shenzhen:72.2', actor: 数据处理者, modality: must, regime: true,
     penalties: [{ref: 'shenzhen:96.1', basis: scope}]}
liability:
  - {ref: 'shenzhen:92.1', kind: [referral]}
  - {ref: 'shenzhen:96.1', kind: [referral]}
  - {ref: 'shenzhen:98.3', kind: []}
"""


def _store() -> SimpleNamespace:
    """A stand-in for the obligation store: rows in both halves of shenzhen and one in another instrument."""

    def row(ref: str, modality: str) -> SimpleNamespace:
        return SimpleNamespace(id=ref, actor="数据处理者", modality=modality)

    def link(duty: str, penalty: str) -> SimpleNamespace:
        return SimpleNamespace(duty=duty, actor="数据处理者", penalty=penalty)

    def kinds(*names: str) -> SimpleNamespace:
        return SimpleNamespace(kinds=names)

    return SimpleNamespace(
        obligations=[row("shenzhen:12.1", "must_not"), row("shenzhen:72.2", "must"), row("dsl:27.1", "must")],
        links=[
            link("shenzhen:12.1", "shenzhen:92.1"),
            link("shenzhen:72.2", "shenzhen:96.1"),
            link("dsl:27.1", "dsl:45.1"),
        ],
        penalties={"shenzhen:92.1": kinds("referral"), "shenzhen:96.1": kinds("fine"), "dsl:45.1": kinds("fine")},
        catch_all={"shenzhen": ("shenzhen:99.1",)},
    )


def _gold(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_and_links_outside_a_gold_files_scope_are_not_extras(tmp_path: Path) -> None:
    store = _store()
    first = evaluate_v2(_gold(tmp_path, "obligations_gold_v9_a.yaml", FIRST_HALF), store)
    second = evaluate_v2(_gold(tmp_path, "obligations_gold_v9_b.yaml", SECOND_HALF), store)
    for result in (first, second):
        assert (result["found"], result["precision"], result["recall"]) == (1, 1.0, 1.0)
        assert (result["links_found"], result["links_precision"], result["links_recall"]) == (1, 1.0, 1.0)


def test_a_file_with_no_liability_entries_has_no_kind_figure_and_pooling_counts_each_entry_once(
    tmp_path: Path,
) -> None:
    store = _store()
    first = evaluate_v2(_gold(tmp_path, "obligations_gold_v9_a.yaml", FIRST_HALF), store)
    second = evaluate_v2(_gold(tmp_path, "obligations_gold_v9_b.yaml", SECOND_HALF), store)
    assert (first["kinds_gold"], first["kinds_accuracy"]) == (0, None)
    # 96.1 is wrong (the stand-in says fine); 98.3 with no kind is right when the store has no penalty for it.
    assert (second["kinds_gold"], second["kinds_accuracy"]) == (3, pytest.approx(2 / 3))
    total = pooled([first, second])
    assert (total["gold"], total["found"], total["precision"], total["recall"]) == (2, 2, 1.0, 1.0)
    assert (total["links_precision"], total["links_recall"]) == (1.0, 1.0)
    assert (total["kinds_gold"], total["kinds_accuracy"]) == (3, pytest.approx(2 / 3))


def test_a_scope_may_be_written_without_brackets_and_penalties_as_bare_citations(tmp_path: Path) -> None:
    text = SECOND_HALF.replace("scope: ['shenzhen:51-100']", "scope: shenzhen:51-100").replace(
        "[{ref: 'shenzhen:96.1', basis: scope}]", "['shenzhen:96.1']"
    )
    result = evaluate_v2(_gold(tmp_path, "obligations_gold_v9_d.yaml", text), _store())
    assert (result["found"], result["precision"], result["links_precision"], result["links_recall"]) == (
        1,
        1.0,
        1.0,
        1.0,
    )


def test_a_scope_may_name_a_whole_instrument(tmp_path: Path) -> None:
    whole = FIRST_HALF.replace("scope: [shenzhen:1-50]", "scope: [shenzhen]")
    result = evaluate_v2(_gold(tmp_path, "obligations_gold_v9_c.yaml", whole), _store())
    # Both shenzhen rows are in scope now: the second half's row is an extra against this one-row gold.
    assert (result["found"], result["precision"], result["recall"]) == (2, 0.5, 1.0)
