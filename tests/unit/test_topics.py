"""Search topics: strict data files that cover every article, and that bring everyday words to the right article."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus.store import Corpus, load_corpus
from assistant.corpus.topics import TOPICS_FILE, load_topics
from assistant.corpus.verify import verify_corpus
from assistant.datafile import DataFileError
from assistant.indexing import ensure_index
from assistant.service import AssistantService
from tests.conftest import CORPUS


@pytest.mark.parametrize("law_id", ["dsl", "blockchain", "shenzhen"])
def test_every_article_has_topics_in_both_languages(corpus: Corpus, law_id: str) -> None:
    law = corpus.laws[law_id]
    topics = load_topics(CORPUS / "laws" / law_id, law_id, len(law.articles))
    assert sorted(topics) == [article.number for article in law.articles]
    for number, entry in topics.items():
        assert entry.zh and entry.en, f"{law_id}:{number}"
        # Topics are the project's everyday words, not a copy of the statute's own sentences.
        text = law.articles[number - 1].text_zh
        assert not any(len(keyword) > 10 and keyword in text for keyword in entry.zh), f"{law_id}:{number}"


BAD_FILES = [
    ("law: dsl\narticles:\n  56: {zh: [某某], en: [x]}\n", 3, "articles 1-55"),
    ("law: dsl\narticles:\n  0: {zh: [某某], en: [x]}\n", 3, "articles 1-55"),
    ("law: blockchain\narticles:\n  1: {zh: [某某], en: [x]}\n", 1, "expected 'dsl'"),
    ("law: dsl\narticles:\n  1: {zh: [某某], en: [x], fr: [y]}\n", 3, "unknown key 'fr'"),
    ("law: dsl\narticles:\n  1: {zh: [], en: [x]}\n", 3, "non-empty list"),
    ("law: dsl\narticles:\n  1: {zh: [某某, 某某], en: [x]}\n", 3, "twice"),
    ("law: dsl\narticles:\n  1: {zh: [某某], en: x}\n", 3, "non-empty list"),
    ("law: dsl\narticles: [1, 2]\n", 2, "mapping"),
    ("law: dsl\narticles:\n  1: {zh: [某某\n", None, "not valid YAML"),
]


@pytest.mark.parametrize(("text", "line", "message"), BAD_FILES)
def test_a_malformed_topics_file_names_its_line(tmp_path: Path, text: str, line: int | None, message: str) -> None:
    (tmp_path / TOPICS_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_topics(tmp_path, "dsl", 55)
    assert message in str(error.value)
    if line is not None:
        assert error.value.line == line


def test_a_law_without_a_topics_file_has_none(tmp_path: Path) -> None:
    assert load_topics(tmp_path, "dsl", 55) == {}


def test_verify_reports_an_article_without_topics(corpus_copy: Path) -> None:
    path = corpus_copy / "laws" / "blockchain" / TOPICS_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("  24:")
    path.write_text("\n".join(lines[:start]) + "\n", encoding="utf-8")
    report = verify_corpus(load_corpus(corpus_copy), None)
    assert "blockchain: no search topics for blockchain:24" in report.problems


def test_a_topic_keyword_brings_its_article_forward(
    mini_corpus_copy: Path, tmp_path: Path, built_index_dir: Path
) -> None:
    # A made-up word found in no article text: only the topics file can lead the search to beta:3.
    corpus_copy = mini_corpus_copy
    path = corpus_copy / "laws" / "beta" / TOPICS_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  3:\n    zh: [", "  3:\n    zh: [喵呜链, ", 1), encoding="utf-8")
    ensure_index(load_corpus(corpus_copy), tmp_path)
    assert AssistantService(corpus_copy, tmp_path).search("喵呜链").hits[0].id == "beta:3"
    assert AssistantService(CORPUS, built_index_dir).search("喵呜链").hits == ()
