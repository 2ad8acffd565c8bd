"""Extraction quality against the hand-checked gold file: precision and recall of (citation, actor, modality)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from assistant.corpus.store import load_corpus
from assistant.paths import PROJECT_ROOT

GOLD = PROJECT_ROOT / "tests" / "eval" / "obligations_gold.yaml"


def _in_scope(ref: str, scope: list[str]) -> bool:
    """True when a citation lies in a gold file's scope: `law` (the whole instrument), `law:N` or `law:N-M`
    (articles N to M). A gold file may cover part of an instrument; nothing outside its scope is scored."""
    law, rest = ref.split(":")
    article = int(rest.split(".")[0])
    for entry in scope:
        scope_law, _, numbers = str(entry).partition(":")
        if law != scope_law.strip():
            continue
        if not numbers.strip():
            return True
        first, _, last = numbers.partition("-")
        if int(first) <= article <= int(last or first):
            return True
    return False


def _scope_list(scope: Any) -> list[str]:
    """A gold file's scope as a list (one entry may be written without brackets: `scope: shenzhen:1-50`)."""
    return [scope] if isinstance(scope, str) else [str(entry) for entry in scope]


def _store() -> Any:
    from assistant.obligations.store import build_obligation_store

    return build_obligation_store(load_corpus(PROJECT_ROOT / "corpus"))


def evaluate_extraction(verbose: bool = False, store: Any = None) -> dict[str, Any]:
    """Precision, recall and F1 of extraction, plus the duty-penalty links, against the (v1) gold file."""
    gold_data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    scope = gold_data["scope"]
    gold = {(o["ref"], o["actor"], o["modality"]) for o in gold_data["obligations"]}
    store = store or _store()
    found = {(o.id, o.actor, o.modality) for o in store.obligations if _in_scope(o.id, scope)}
    true_positive = gold & found
    precision = len(true_positive) / len(found) if found else 0.0
    recall = len(true_positive) / len(gold) if gold else 0.0
    gold_links = {(p["penalty"], d) for p in gold_data["penalty_links"] for d in p["enforces"]}
    # v1 gold links an article-level penalty to a duty article (or paragraph where the penalty cites one).
    cited_paragraph = {d for p in gold_data["penalty_links"] for d in p["enforces"] if "." in d}
    found_links = set()
    for link in store.links:
        if not _in_scope(link.penalty, scope):
            continue
        paragraph = ".".join(link.duty.split(".")[:2])
        duty = paragraph if paragraph in cited_paragraph else link.duty.split(".")[0]
        found_links.add((link.penalty.split(".")[0], duty))
    if verbose:
        for item in sorted(found - gold):
            print("  extra:  ", item)
        for item in sorted(gold - found):
            print("  missed: ", item)
        for item in sorted(found_links - gold_links):
            print("  extra link:  ", item)
        for item in sorted(gold_links - found_links):
            print("  missed link: ", item)
    return {
        "gold": len(gold),
        "found": len(found),
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "links_precision": len(gold_links & found_links) / len(found_links) if found_links else 0.0,
        "links_recall": len(gold_links & found_links) / len(gold_links) if gold_links else 0.0,
    }


def _actor_matcher() -> Any:
    """Whether a gold actor phrase names a found actor: same phrase, a lexicon form or synonym, or a form it ends with."""
    from assistant.obligations.pipeline import load_actors

    actors = load_actors(PROJECT_ROOT / "corpus")
    names = {a.canonical: {a.canonical, *a.forms, *a.synonyms_zh} for a in actors}
    # A joint subject the lexicon splits (区块链信息服务提供者和使用者 → provider, user) names each part.
    parts = {form: set(a.includes) for a in actors if a.includes for form in (a.canonical, *a.forms)}

    def matches(gold_actor: str, found_actor: str) -> bool:
        if gold_actor == found_actor or found_actor in parts.get(gold_actor, ()):
            return True
        forms = names.get(found_actor, {found_actor})
        if gold_actor in forms:
            return True
        # A longer or shorter phrase of the same actor: 市各行业主管部门 / 主管部门, 服务提供者 / 区块链信息服务提供者.
        # A coordinated phrase that opens with the actor also names it (市网信部门以及其他…的部门 / 市网信部门).
        return any(
            (
                gold_actor.endswith(form)
                or form.endswith(gold_actor)
                or gold_actor.startswith(form)
                or form.startswith(gold_actor)
            )
            and min(len(form), len(gold_actor)) >= 3
            for form in forms
        )

    return matches


def _match_multiset(gold: list[tuple[str, str, str]], found: list[tuple[str, str, str]], same_actor: Any) -> int:
    """Matched pairs, each gold and found row used once (ref and last field exact, actor by phrase)."""
    remaining = list(found)
    hits = 0
    for ref, actor, last in gold:
        for index, (f_ref, f_actor, f_last) in enumerate(remaining):
            if f_ref == ref and f_last == last and same_actor(actor, f_actor):
                hits += 1
                del remaining[index]
                break
    return hits


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


# The project's penalty kinds. A gold file may name finer sanctions (warning, confiscation, order to correct…);
# for the kinds figure those are left out, and a public-security penalty is a referral (to the Public Security
# Administration Punishments Law), as the v2 gold and the model have it. A paragraph whose gold kinds are all
# left out (e.g. a mitigation clause) is right when the model gives it no kind.
KINDS = {"fine", "referral", "disciplinary", "civil", "criminal"}
KIND_ALIASES = {"public_security_penalty": "referral"}


def _project_kinds(kinds: list[str]) -> set[str]:
    """Gold kinds in the project's vocabulary."""
    return {KIND_ALIASES.get(kind, kind) for kind in kinds} & KINDS


def _kinds_right(entry: dict[str, Any], store: Any) -> bool:
    got = store.penalties.get(entry["ref"])
    return set(got.kinds if got else ()) == _project_kinds(entry.get("kind") or [])


def _ratio_or_none(part: int, whole: int) -> float | None:
    """A share, or None when there is nothing to score (a gold file with no liability entries has no kind figure)."""
    return part / whole if whole else None


def evaluate_v2(path: Path, store: Any = None, verbose: bool = False) -> dict[str, Any]:
    """Figures against a v2 gold file: obligations with multiplicity, clause/actor penalty links, penalty kinds."""
    gold_data = yaml.safe_load(path.read_text(encoding="utf-8"))
    scope = _scope_list(gold_data["scope"])
    store = store or _store()
    same_actor = _actor_matcher()
    gold_rows = [(o["ref"], o["actor"], o["modality"]) for o in gold_data.get("obligations") or []]
    found_rows = [(o.id, o.actor, o.modality) for o in store.obligations if _in_scope(o.id, scope)]
    hits = _match_multiset(gold_rows, found_rows, same_actor)
    gold_links = list(
        dict.fromkeys(
            (o["ref"], o["actor"], p["ref"] if isinstance(p, dict) else str(p))
            for o in gold_data.get("obligations") or []
            for p in o.get("penalties") or []
        )
    )
    found_links = list(
        dict.fromkeys((link.duty, link.actor, link.penalty) for link in store.links if _in_scope(link.duty, scope))
    )
    link_hits = _match_multiset(gold_links, found_links, same_actor)
    # OBLIGATION_SPEC never attaches a catch-all clause (civil, public-security, criminal liability for any breach);
    # an older gold that attaches one is also scored without those links.
    catch_all = {ref for refs in store.catch_all.values() for ref in refs}
    gold_specific = [link for link in gold_links if link[2] not in catch_all]
    found_specific = [link for link in found_links if link[2] not in catch_all]
    specific_hits = _match_multiset(gold_specific, found_specific, same_actor)
    liability = [entry for entry in gold_data.get("liability") or [] if _in_scope(entry["ref"], scope)]
    kinds_right = sum(1 for entry in liability if _kinds_right(entry, store))
    if verbose:
        for row in gold_rows:
            if _match_multiset([row], found_rows, same_actor) == 0:
                print("  missed: ", row)
        for row in found_rows:
            if _match_multiset(gold_rows, [row], same_actor) == 0:
                print("  extra:  ", row)
        for link in gold_links:
            if _match_multiset([link], found_links, same_actor) == 0:
                print("  missed link: ", link)
        for link in found_links:
            if _match_multiset(gold_links, [link], same_actor) == 0:
                print("  extra link:  ", link)
        for entry in liability:
            if not _kinds_right(entry, store):
                got = store.penalties.get(entry["ref"])
                print("  wrong kind: ", entry["ref"], entry["kind"], got.kinds if got else None)
    precision, recall = _ratio(hits, len(found_rows)), _ratio(hits, len(gold_rows))
    return {
        "gold": len(gold_rows),
        "found": len(found_rows),
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "links_gold": len(gold_links),
        "links_found": len(found_links),
        "links_precision": _ratio(link_hits, len(found_links)),
        "links_recall": _ratio(link_hits, len(gold_links)),
        "links_gold_specific": len(gold_specific),
        "links_precision_specific": _ratio(specific_hits, len(found_specific)),
        "links_recall_specific": _ratio(specific_hits, len(gold_specific)),
        "kinds_gold": len(liability),
        "kinds_accuracy": _ratio_or_none(kinds_right, len(liability)),
        # Raw counts, so files that split one instrument (scope [shenzhen:1-50], [shenzhen:51-100]) can be pooled.
        "counts": {
            "hits": hits,
            "found": len(found_rows),
            "gold": len(gold_rows),
            "link_hits": link_hits,
            "links_found": len(found_links),
            "links_gold": len(gold_links),
            "kinds_right": kinds_right,
            "kinds_gold": len(liability),
        },
    }


def pooled(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Rows, links and kinds pooled over several gold files (each row, link and liability entry counted once)."""
    total = {key: sum(r["counts"][key] for r in results) for key in results[0]["counts"]} if results else {}
    if not total:
        return {}
    precision, recall = _ratio(total["hits"], total["found"]), _ratio(total["hits"], total["gold"])
    return {
        "gold": total["gold"],
        "found": total["found"],
        "precision": precision,
        "recall": recall,
        "links_gold": total["links_gold"],
        "links_found": total["links_found"],
        "links_precision": _ratio(total["link_hits"], total["links_found"]),
        "links_recall": _ratio(total["link_hits"], total["links_gold"]),
        "kinds_gold": total["kinds_gold"],
        "kinds_accuracy": _ratio_or_none(total["kinds_right"], total["kinds_gold"]),
    }


def _kinds_line(result: dict[str, Any]) -> str:
    if result["kinds_accuracy"] is None:
        return "  penalty kinds: no liability entries in this file's scope"
    return f"  penalty kinds: accuracy {result['kinds_accuracy']:.3f} over {result['kinds_gold']}"


ASK_FILES = ("ask_questions.yaml", "ask_heldout_1.yaml", "ask_heldout_2.yaml")


def evaluate_ask(names: tuple[str, ...] = ASK_FILES) -> list[tuple[str, int, int]]:
    """For each question file: how often a gold article is among the first three obligations `dla ask` gives.

    One service over one temporary index answers every file (the build is the slow part)."""
    import tempfile
    from pathlib import Path

    from assistant.service import AssistantService

    results = []
    with tempfile.TemporaryDirectory() as index_dir:
        service = AssistantService(PROJECT_ROOT / "corpus", Path(index_dir))
        for name in names:
            path = PROJECT_ROOT / "tests" / "eval" / name
            questions = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
            hits = sum(
                any(o["article_id"] in q["gold"] for o in service.ask(q["question"]).obligations[:3]) for q in questions
            )
            results.append((name, hits, len(questions)))
    return results


def _gold_order(path: Path) -> tuple[int, str]:
    """Gold files in version order (v2 … v9, v10), then by name."""
    return int(path.name.split("_")[2].removeprefix("v")), path.name


def main() -> int:
    """Print the figures."""
    store = _store()
    result = evaluate_extraction(verbose="-v" in sys.argv, store=store)
    print(
        f"obligation extraction vs {GOLD.relative_to(PROJECT_ROOT)}: gold {result['gold']}, extracted {result['found']}"
    )
    print(f"  precision {result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.3f}")
    print(f"  duty-penalty links: precision {result['links_precision']:.3f}  recall {result['links_recall']:.3f}")
    by_version: dict[str, list[dict[str, Any]]] = {}
    for path in sorted((PROJECT_ROOT / "tests" / "eval").glob("obligations_gold_v*_*.yaml"), key=_gold_order):
        v2 = evaluate_v2(path, store, verbose="-v" in sys.argv)
        by_version.setdefault(path.name.split("_")[2], []).append(v2)
        print(f"obligations vs {path.relative_to(PROJECT_ROOT)}: gold {v2['gold']}, extracted {v2['found']}")
        print(f"  precision {v2['precision']:.3f}  recall {v2['recall']:.3f}  F1 {v2['f1']:.3f}")
        print(
            f"  penalty links (duty, actor, paragraph): precision {v2['links_precision']:.3f}  "
            f"recall {v2['links_recall']:.3f}  (gold {v2['links_gold']}, found {v2['links_found']})"
        )
        if v2["links_gold_specific"] != v2["links_gold"]:
            print(
                f"  penalty links without catch-all clauses (never attached by the spec): precision "
                f"{v2['links_precision_specific']:.3f}  recall {v2['links_recall_specific']:.3f}  "
                f"(gold {v2['links_gold_specific']})"
            )
        print(_kinds_line(v2))
    for version, results in by_version.items():
        if len(results) > 1:
            total = pooled(results)
            print(
                f"gold {version}, {len(results)} files pooled: rows precision {total['precision']:.3f}  recall "
                f"{total['recall']:.3f}; links precision {total['links_precision']:.3f}  recall "
                f"{total['links_recall']:.3f} (gold {total['links_gold']})"
            )
            print(_kinds_line(total))
    for name, hits, total in evaluate_ask():
        print(
            f"dla ask ({name}): gold article among the first three obligations for {hits}/{total} = {hits / total:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
