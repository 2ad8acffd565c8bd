"""Search keywords route questions to articles but never assert law the article does not contain."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from assistant.corpus.store import Corpus
from tests.conftest import CORPUS

QUESTION = re.compile(
    r"[？?]$|吗$|谁|什么|多久|是否|能否|怎么|哪|如何|^(who|what|how|when|which|whether|is|are|can|do|does|must)\b",
    re.IGNORECASE,
)


def _claims() -> list[dict[str, list[str]]]:
    data = yaml.safe_load((CORPUS / "patterns" / "claim_terms.yaml").read_text(encoding="utf-8"))
    return list(data["claims"])


def _names(term: str, keyword: str) -> bool:
    """Chinese terms match anywhere; English ones as whole words ("owns" is not in "downstream")."""
    if term.isascii():
        return re.search(rf"\b{re.escape(term.lower())}\b", keyword.lower()) is not None
    return term in keyword


def _article_text(corpus: Corpus, citation: str) -> str:
    article = corpus.article(citation)
    lines = [p.full_zh for p in article.paragraphs] + [p.full_en or "" for p in article.paragraphs]
    return "\n".join(lines).lower()


def unsupported_claims(corpus: Corpus, laws_dir: Path) -> list[str]:
    """Every keyword that names a listed claim, is not a question, and whose article lacks the claim's evidence."""
    claims = _claims()
    found = []
    for topics_file in sorted(laws_dir.glob("*/topics.yaml")):
        data = yaml.safe_load(topics_file.read_text(encoding="utf-8"))
        for number, entry in data["articles"].items():
            citation = f"{data['law']}:{number}"
            text = _article_text(corpus, citation)
            for keyword in [*entry["zh"], *entry["en"]]:
                if QUESTION.search(keyword.strip()):
                    continue
                for claim in claims:
                    named = any(_names(term, keyword) for term in claim["terms"])
                    if named and not any(word.lower() in text for word in claim["evidence"]):
                        found.append(f"{citation}: {keyword!r} asserts {claim['name']}")
    return found


def test_no_keyword_asserts_a_claim_its_article_does_not_make(corpus: Corpus) -> None:
    assert unsupported_claims(corpus, CORPUS / "laws") == []


def test_the_check_catches_an_asserting_keyword(corpus: Corpus, tmp_path: Path) -> None:
    (tmp_path / "shenzhen").mkdir()
    (tmp_path / "shenzhen" / "topics.yaml").write_text(
        "law: shenzhen\narticles:\n  98:\n    zh: [集体诉讼, 谁能提起集体诉讼？]\n    en: [data ownership]\n",
        encoding="utf-8",
    )
    # The label asserts; the question form of the same words does not; a claim absent from the text is caught.
    assert unsupported_claims(corpus, tmp_path) == [
        "shenzhen:98: '集体诉讼' asserts class or collective actions",
        "shenzhen:98: 'data ownership' asserts ownership of data",
    ]


def test_old_regulator_name_still_finds_the_regulator(corpus: Corpus) -> None:
    from assistant.corpus.glossary import load_glossary

    term = load_glossary(CORPUS).by_zh("国家互联网信息办公室")
    assert term is not None and term.en == "Cyberspace Administration of China"
    assert "state internet information office" in [s.lower() for s in term.synonyms_en]
    assert "Cyberspace Administration of China" in (corpus.article("blockchain:3").paragraphs[0].en or "")
