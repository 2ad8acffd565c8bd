"""Search aids per article, indexed beside the text and never shown as law: topics and the question bank.

Users ask in words the statute does not use (赔钱 for 赔偿, "army" for 军事, "when does it start"
for 施行). Like a legal publisher's headnote keywords, `corpus/laws/<law>/topics.yaml` lists for
each article the words people type for what it governs, so those questions reach it. The question
bank, `corpus/laws/<law>/questions.yaml` (same shape), lists everyday questions each article
answers, in the words of a product manager, shop owner or citizen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.datafile import DataFileError, check_keys, load_yaml, require_mapping

TOPICS_FILE = "topics.yaml"
QUESTIONS_FILE = "questions.yaml"
MIN_QUESTIONS = 6  # per article and language, checked by `dla corpus verify`


@dataclass(frozen=True)
class ArticleTopics:
    """The everyday keywords of one article, in each language."""

    zh: tuple[str, ...] = ()
    en: tuple[str, ...] = ()


def _keywords(value: object, path: Path, line: int, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(path, line, f"{where} must be a non-empty list of keywords")
    if len(set(value)) != len(value):
        raise DataFileError(path, line, f"{where} lists a keyword twice")
    return tuple(v.strip() for v in value)


def load_topics(law_dir: Path, law_id: str, article_count: int, file: str = TOPICS_FILE) -> dict[int, ArticleTopics]:
    """The topics (or, with `file=QUESTIONS_FILE`, the bank questions) of a law's articles by number;
    {} when the law has no such file (they are optional)."""
    path = law_dir / file
    if not path.exists():
        return {}
    data = require_mapping(load_yaml(path), path, f"{file} file")
    check_keys(data, path, {"law", "articles"}, {"law", "articles"}, f"{file} file")
    if data["law"] != law_id:
        raise DataFileError(path, data.line_of("law"), f"law is {data['law']!r}, expected {law_id!r}")
    articles = require_mapping(data["articles"], path, "articles", data.line_of("articles"))
    topics: dict[int, ArticleTopics] = {}
    for number, entry in articles.items():
        line = articles.line_of(number)
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= article_count:
            # A topic on a missing article would lead searches to an article that does not exist.
            raise DataFileError(path, line, f"{law_id} has articles 1-{article_count}, not {number!r}")
        entry = require_mapping(entry, path, f"article {number}", line)
        check_keys(entry, path, {"zh", "en"}, {"zh", "en"}, f"article {number}")
        topics[number] = ArticleTopics(
            zh=_keywords(entry["zh"], path, entry.line_of("zh"), f"article {number} zh"),
            en=_keywords(entry["en"], path, entry.line_of("en"), f"article {number} en"),
        )
    return topics


def load_questions(law_dir: Path, law_id: str, article_count: int) -> dict[int, ArticleTopics]:
    """The question bank of a law's articles by number; {} when the law has none yet."""
    return load_topics(law_dir, law_id, article_count, QUESTIONS_FILE)
