"""The search artefact: its Whoosh schema, its writer (index, score table, query data) and its reader.

Building, locking, the manifest and "corrupt means rebuild" live in `assistant.indexing`, which
calls `write_search_files` into a fresh folder and `open_search_files` once the folder's
checksums have been verified.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import EXIT_PROBLEM, DlaError
from assistant.search.query_data import QueryData

QUERY_DATA_FILE = "query_data.json"

Notify = Callable[[str], None]


class IndexBuildError(DlaError, RuntimeError):
    """An index that cannot be opened or built."""

    exit_code = EXIT_PROBLEM


@dataclass(frozen=True)
class IndexHandle:
    """An opened index: the Whoosh index, its folder, manifest and the data queries need."""

    folder: Path
    whoosh_index: Any
    manifest: dict[str, Any]
    query_data: QueryData  # read from its JSON once, when the index is opened


def build_schema() -> Any:
    """The Whoosh schema: ids and filters, both languages' text, headings and law names."""
    from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

    from assistant.search.analysis import chinese_analyzer, english_analyzer

    zh, en = chinese_analyzer(), english_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        law=ID(stored=True),
        article=NUMERIC(stored=True, sortable=True),
        chapter=ID(stored=True),
        section=ID(stored=True),  # the section's number within its chapter: filtered with `chapter`
        status=ID(stored=True),
        text_zh=TEXT(analyzer=zh, stored=True, phrase=True),
        text_en=TEXT(analyzer=en, stored=True, phrase=True),
        heading_zh=TEXT(analyzer=zh, phrase=True),
        heading_en=TEXT(analyzer=en),
        topics_zh=TEXT(analyzer=zh, phrase=True),
        topics_en=TEXT(analyzer=en, phrase=True),
        questions_zh=TEXT(analyzer=zh, phrase=True),
        questions_en=TEXT(analyzer=en, phrase=True),
        law_names=TEXT(analyzer=zh),
        citation_zh=STORED,
        citation_en=STORED,
        chapter_label=STORED,
    )


# Between topic keywords: neither a CJK character nor a word, so no bigram spans two keywords.
TOPIC_SEPARATOR = " ; "


def search_documents(corpus: Any) -> Iterator[dict[str, Any]]:
    """One Whoosh document per article, in corpus order: texts, headings, search topics and bank questions."""
    from assistant.corpus.topics import ArticleTopics, load_questions, load_topics

    topics = {
        law_id: load_topics(corpus.root / "laws" / law_id, law_id, len(law.articles))
        for law_id, law in corpus.laws.items()
    }
    questions = {
        law_id: load_questions(corpus.root / "laws" / law_id, law_id, len(law.articles))
        for law_id, law in corpus.laws.items()
    }
    for article in corpus.all_articles():
        info = corpus.law(article.law).info
        headings = [h for h in (article.chapter, article.section) if h]
        keywords = topics[article.law].get(article.number, ArticleTopics())
        bank = questions[article.law].get(article.number, ArticleTopics())
        yield {
            "id": article.id,
            "law": article.law,
            "article": article.number,
            "chapter": str(article.chapter.number) if article.chapter else "",
            "section": str(article.section.number) if article.section else "",
            "status": article.text_status,
            "text_zh": article.text_zh,
            "text_en": article.text_en or "",
            "heading_zh": " ".join(h.title_zh for h in headings),
            "heading_en": " ".join(h.title_en or "" for h in headings),
            "topics_zh": TOPIC_SEPARATOR.join(keywords.zh),
            "topics_en": TOPIC_SEPARATOR.join(keywords.en),
            "questions_zh": TOPIC_SEPARATOR.join(bank.zh),
            "questions_en": TOPIC_SEPARATOR.join(bank.en),
            "law_names": " ".join([info.title_zh, info.title_en, *info.aliases]),
            "citation_zh": corpus.cite_zh(article.ref),
            "citation_en": corpus.cite_en(article.ref),
            "chapter_label": article.chapter.label_zh if article.chapter else "",
        }


def query_data_for(corpus: Any, penalized_by: dict[str, list[str]], related: dict[str, list[str]]) -> dict[str, Any]:
    """What answering a query needs besides the index, so search never parses the corpus YAML.

    `penalized_by` (duty article -> penalty articles) and `related` (article -> its reviewed related provisions
    in other instruments) are computed by the build, so search never imports obligations.
    """
    from dataclasses import asdict

    from assistant.corpus.glossary import load_glossary
    from assistant.corpus.outside import load_outside_instruments
    from assistant.search.query_cues import load_query_cues

    glossary = load_glossary(corpus.root)
    names = {law_id: [law.info.title_zh, law.info.title_en, *law.info.aliases] for law_id, law in corpus.laws.items()}
    return {
        "penalized_by": penalized_by,
        "related": related,
        "cues": [cue.to_dict() for cue in load_query_cues(corpus.root)],
        "outside": [asdict(o) for o in load_outside_instruments(corpus.root, names)],
        "laws": {
            law_id: {
                "aliases": [
                    law.info.title_zh,
                    law.info.title_en,
                    law.info.citation_title_zh,
                    law.info.short_en,
                    *law.info.aliases,
                ],
                "citation_title_zh": law.info.citation_title_zh,
                "short_en": law.info.short_en,
                "structure": [[len(p.items) for p in a.paragraphs] for a in law.articles],
            }
            for law_id, law in corpus.laws.items()
        },
        "glossary": [
            {
                "zh": t.zh,
                "en": t.en,
                "en_forms": list(t.en_forms),
                "synonyms_zh": list(t.synonyms_zh),
                "synonyms_en": list(t.synonyms_en),
            }
            for t in glossary.terms
        ],
    }


def write_search_files(folder: Path, documents: Iterable[dict[str, Any]], query_data: dict[str, Any]) -> dict[str, int]:
    """Write the Whoosh index, its score table and the query data into `folder`; returns the table's file sizes."""
    from whoosh import index as whoosh_index

    from assistant.search.score_table import build_score_table, phrases_for, write_score_table

    documents = list(documents)
    index = whoosh_index.create_in(str(folder), build_schema())
    # One writer, one process, one commit: document i becomes Whoosh docnum i, which the score table relies on.
    writer = index.writer(procs=1, limitmb=256)
    for document in documents:
        writer.add_document(**document)
    writer.commit()
    with index.searcher() as searcher:
        stored_ids = [fields["id"] for fields in searcher.reader().all_stored_fields()]
        if stored_ids != [document["id"] for document in documents]:
            raise IndexBuildError("the Whoosh index did not keep the documents in order")
        meta, arrays = build_score_table(searcher, documents, phrases_for(query_data, index.schema))
    sizes = write_score_table(folder, meta, arrays)
    (folder / QUERY_DATA_FILE).write_text(json.dumps(query_data, ensure_ascii=False), encoding="utf-8")
    return sizes


def open_search_files(folder: Path, manifest: dict[str, Any]) -> IndexHandle:
    """Open a search artefact whose files were verified; IndexBuildError when Whoosh disagrees with the manifest."""
    from whoosh import index as whoosh_index

    try:
        query_data = QueryData.from_dict(json.loads((folder / QUERY_DATA_FILE).read_text(encoding="utf-8")))
        index = whoosh_index.open_dir(str(folder))
        with index.searcher() as searcher:
            count = searcher.doc_count()
    except Exception as exc:  # Whoosh raises many kinds for damaged files: every one means "rebuild"
        raise IndexBuildError(f"search index cannot be opened ({type(exc).__name__})") from exc
    if count != manifest.get("articles"):
        raise IndexBuildError("search index document count differs from the manifest")
    return IndexHandle(folder, index, manifest, query_data)
