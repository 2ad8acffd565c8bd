"""Extraction quality against the hand-checked gold file: precision and recall of (citation, actor, modality)."""

from __future__ import annotations

import sys
from typing import Any

import yaml

from assistant.corpus.store import load_corpus
from assistant.obligations.extractor import ObligationExtractor
from assistant.paths import PROJECT_ROOT

GOLD = PROJECT_ROOT / "tests" / "eval" / "obligations_gold.yaml"


def _in_scope(ref: str, scope: list[str]) -> bool:
    law, rest = ref.split(":")
    article = int(rest.split(".")[0])
    for entry in scope:
        scope_law, numbers = entry.split(":")
        first, _, last = numbers.partition("-")
        if law == scope_law and int(first) <= article <= int(last or first):
            return True
    return False


def evaluate_extraction(verbose: bool = False) -> dict[str, Any]:
    """Precision, recall and F1 of extraction, plus the duty-penalty links, against the gold file."""
    gold_data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    scope = gold_data["scope"]
    gold = {(o["ref"], o["actor"], o["modality"]) for o in gold_data["obligations"]}
    extractor = ObligationExtractor(load_corpus(PROJECT_ROOT / "corpus"))
    found = {(o.id, o.actor, o.modality) for o in extractor.extract_all() if _in_scope(o.id, scope)}
    true_positive = gold & found
    precision = len(true_positive) / len(found) if found else 0.0
    recall = len(true_positive) / len(gold) if gold else 0.0
    gold_links = {(p["penalty"], d) for p in gold_data["penalty_links"] for d in p["enforces"]}
    found_links = {
        (p, d) for p, duties in extractor.penalty_links.enforces.items() for d in duties if _in_scope(p, scope)
    }
    if verbose:
        for item in sorted(found - gold):
            print("  extra:  ", item)
        for item in sorted(gold - found):
            print("  missed: ", item)
    return {
        "gold": len(gold), "found": len(found), "precision": precision, "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "links_precision": len(gold_links & found_links) / len(found_links) if found_links else 0.0,
        "links_recall": len(gold_links & found_links) / len(gold_links) if gold_links else 0.0,
    }  # fmt: skip


def evaluate_ask() -> tuple[int, int]:
    """How often a gold article is among the first three obligations `dla ask` gives."""
    import tempfile
    from pathlib import Path

    from assistant.service import AssistantService

    questions = yaml.safe_load((PROJECT_ROOT / "tests" / "eval" / "ask_questions.yaml").read_text(encoding="utf-8"))[
        "questions"
    ]
    with tempfile.TemporaryDirectory() as index_dir:
        service = AssistantService(PROJECT_ROOT / "corpus", Path(index_dir))
        hits = sum(
            any(o["article_id"] in q["gold"] for o in service.ask(q["question"]).obligations[:3]) for q in questions
        )
    return hits, len(questions)


def main() -> int:
    """Print the figures."""
    result = evaluate_extraction(verbose="-v" in sys.argv)
    print(
        f"obligation extraction vs {GOLD.relative_to(PROJECT_ROOT)}: gold {result['gold']}, extracted {result['found']}"
    )
    print(f"  precision {result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.3f}")
    print(f"  duty-penalty links: precision {result['links_precision']:.3f}  recall {result['links_recall']:.3f}")
    hits, total = evaluate_ask()
    print(f"dla ask: gold article among the first three obligations for {hits}/{total} = {hits / total:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
