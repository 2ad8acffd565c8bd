"""The corpus reproduces the official texts exactly and carries each article's text status."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from assistant.corpus.reconstruct import rebuilt_sha256
from assistant.corpus.statute_parser import parse_statute
from assistant.corpus.store import Corpus
from assistant.corpus.verify import verify_corpus
from assistant.datafile import load_yaml
from tests.conftest import CORPUS, SOURCES, sources_available

# Recorded in ../shared/sources/SOURCES.md: used when the sources are not beside the project.
RECORDED_SHA256 = {
    "dsl": "c1fbf5fe6e224aa136f7882110ba15a3ba4fff8b96f0f94ed5b2698143371c6c",
    "blockchain": "63469d27699ed9c3cd5cdb665af580e857b2e72e4bb5a811ec27c61870e66a24",
    "shenzhen": "71b791c350c7c837c4638f666b310cfb7222dc32ddf32691dfecb680b84c4fb3",
    "pipl": "0f3c2245b01473e30d36d321ec7e72b98c3df12a72d3003c8e83fb7e3bdc0b0c",
    "ndsr": "b15999cb26e77355ad2258d34c1df66c4b6e707c563be82887e5ca38c3265613",
}
SQUASH = re.compile(r"[\s\u3000]+")


def test_five_instruments_with_their_article_counts(corpus: Corpus) -> None:
    assert {law_id: len(law.articles) for law_id, law in corpus.laws.items()} == {
        "dsl": 55,
        "blockchain": 24,
        "shenzhen": 100,
        "pipl": 74,
        "ndsr": 64,
    }


def test_corpus_text_rebuilds_the_recorded_source_files_byte_for_byte(corpus: Corpus) -> None:
    # Works without ../shared: the rebuilt layout must hash to the sha256 in SOURCES.md.
    for law_id, sha in RECORDED_SHA256.items():
        assert corpus.laws[law_id].info.source_sha256 == sha
        text_data = load_yaml(CORPUS / "laws" / law_id / "text.zh.yaml")
        assert text_data["source"]["sha256"] == sha
        assert rebuilt_sha256(text_data) == sha


def test_a_one_character_change_breaks_the_hash() -> None:
    text_data = load_yaml(CORPUS / "laws" / "dsl" / "text.zh.yaml")
    text_data["articles"][26]["paragraphs"][0]["text"] = text_data["articles"][26]["paragraphs"][0]["text"].replace(
        "应当", "可以", 1
    )
    assert rebuilt_sha256(text_data) != RECORDED_SHA256["dsl"]


@pytest.mark.parametrize("law_id", sorted(RECORDED_SHA256))
def test_wording_and_structure_equal_the_sources(corpus: Corpus, law_id: str) -> None:
    if not sources_available():
        # Sources absent: the recorded sha256 is the proof (the rebuilt text must hash to it).
        assert rebuilt_sha256(load_yaml(CORPUS / "laws" / law_id / "text.zh.yaml")) == RECORDED_SHA256[law_id]
        return
    raw = (SOURCES / f"{law_id}.zh.txt").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == RECORDED_SHA256[law_id]
    parsed = parse_statute(raw.decode("utf-8"))
    articles = corpus.laws[law_id].articles
    assert len(parsed.articles) == len(articles)
    for source, article in zip(parsed.articles, articles, strict=True):
        assert [SQUASH.sub("", p.text) for p in source.paragraphs] == [SQUASH.sub("", p.zh) for p in article.paragraphs]
        assert [[i.text for i in p.items] for p in source.paragraphs] == [
            [i.zh for i in p.items] for p in article.paragraphs
        ]
        assert source.chapter == (article.chapter.number if article.chapter else None)
        assert source.section == (article.section.number if article.section else None)


def test_text_status_follows_provenance(corpus: Corpus) -> None:
    blockchain = {a.number: a.text_status for a in corpus.laws["blockchain"].articles}
    assert sorted(n for n, s in blockchain.items() if s == "unverified") == [6, 7, 8, 17, 18, 19, 20, 21, 23, 24]
    assert blockchain[1] == blockchain[9] == "cross-checked"
    assert all(a.text_status == "cross-checked" for law in ("dsl", "shenzhen") for a in corpus.laws[law].articles)
    if sources_available():
        provenance = json.loads((SOURCES / "provenance.json").read_text(encoding="utf-8"))
        for number, status in provenance["blockchain.zh.txt"]["articles"].items():
            assert blockchain[int(number)] == status


def test_corpus_verify_passes(corpus: Corpus) -> None:
    report = verify_corpus(corpus, SOURCES if sources_available() else None)
    assert report.problems == []
    assert report.ok
