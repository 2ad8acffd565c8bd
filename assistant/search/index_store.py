"""The on-disk search index: schema, atomic builds, a manifest, staleness and corruption checks.

Layout under the index root: `CURRENT` names the live build folder (`search-<hash>`); a build is
written to a fresh folder, then `CURRENT` is replaced atomically, so readers never see half an
index. A lock file serialises builders; readers need no lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.atomic import write_text_atomic
from assistant.corpus.fingerprint import corpus_fingerprint
from assistant.errors import EXIT_PROBLEM, DlaError

SCHEMA_VERSION = 8
CURRENT_FILE = "CURRENT"
MANIFEST_FILE = "manifest.json"
QUERY_DATA_FILE = "query_data.json"
LOCK_FILE = ".build.lock"
OBLIGATIONS_FILE = "obligations.json"

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
    query_data: dict[str, Any]


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


def _documents(corpus: Any) -> Iterator[dict[str, Any]]:
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


def _query_data(corpus: Any) -> dict[str, Any]:
    """What answering a query needs besides the index, so search never parses the corpus YAML."""
    from dataclasses import asdict

    from assistant.corpus.glossary import load_glossary
    from assistant.corpus.outside import load_outside_instruments
    from assistant.obligations.penalties import build_penalty_links
    from assistant.search.query_cues import load_query_cues

    glossary = load_glossary(corpus.root)
    names = {law_id: [law.info.title_zh, law.info.title_en, *law.info.aliases] for law_id, law in corpus.laws.items()}
    return {
        "penalized_by": build_penalty_links(corpus).penalized_by,
        "cues": [cue.to_dict() for cue in load_query_cues(corpus.root)],
        "outside": [asdict(o) for o in load_outside_instruments(corpus.root, names)],
        "laws": {
            law_id: {
                "aliases": [law.info.title_zh, law.info.title_en, law.info.citation_title_zh, law.info.short_en,
                            *law.info.aliases],
                "citation_title_zh": law.info.citation_title_zh,
                "short_en": law.info.short_en,
                "structure": [[len(p.items) for p in a.paragraphs] for a in law.articles],
            }
            for law_id, law in corpus.laws.items()
        },
        "glossary": [
            {"zh": t.zh, "en": t.en, "en_forms": list(t.en_forms), "synonyms_zh": list(t.synonyms_zh),
             "synonyms_en": list(t.synonyms_en)}
            for t in glossary.terms
        ],
    }  # fmt: skip


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
    """Open the search artefact written by `write_search_files` (the Whoosh index and its query data);
    the score table loads on first use (`score_table.load_score_table`). OSError/ValueError when unreadable."""
    from whoosh import index as whoosh_index

    query_data = json.loads((folder / QUERY_DATA_FILE).read_text(encoding="utf-8"))
    return IndexHandle(folder, whoosh_index.open_dir(str(folder)), manifest, query_data)


def build_index(corpus: Any, index_root: Path) -> Path:
    """Build a complete index in a new folder and switch `CURRENT` to it; returns the folder."""
    index_root.mkdir(parents=True, exist_ok=True)
    fingerprint = corpus_fingerprint(corpus.root)
    folder = index_root / f"search-{fingerprint[:12]}-v{SCHEMA_VERSION}-{os.getpid()}-{int(time.time() * 1000)}"
    folder.mkdir()
    try:
        sizes = write_search_files(folder, _documents(corpus), _query_data(corpus))
        from assistant.obligations.store import write_obligations

        # Obligations are extracted once per build (spaCy loads here only) and stored with the index.
        write_obligations(corpus, folder)
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "corpus_hash": fingerprint,
            "articles": sum(len(law.articles) for law in corpus.laws.values()),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "file_sizes": sizes,
        }
        # The manifest is written last: a folder without one is an unfinished build.
        write_text_atomic(folder / MANIFEST_FILE, json.dumps(manifest, indent=2))
        write_text_atomic(index_root / CURRENT_FILE, folder.name + "\n")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    _remove_old_builds(index_root, keep=folder.name)
    return folder


def _remove_old_builds(index_root: Path, keep: str) -> None:
    for old in index_root.glob("search-*"):
        if old.name != keep and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def _build_lock(index_root: Path) -> Iterator[None]:
    index_root.mkdir(parents=True, exist_ok=True)
    with open(index_root / LOCK_FILE, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _try_open(index_root: Path, fingerprint: str) -> tuple[IndexHandle | None, str]:
    """Open the live index if it is complete and current; otherwise say why not."""
    from whoosh import index as whoosh_index

    current = index_root / CURRENT_FILE
    if not current.exists():
        return None, "missing"
    folder = index_root / current.read_text(encoding="utf-8").strip()
    try:
        manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
        query_data = json.loads((folder / QUERY_DATA_FILE).read_text(encoding="utf-8"))
        if not (folder / OBLIGATIONS_FILE).is_file():
            raise OSError("obligations missing")
        sizes = manifest.get("file_sizes")
        if not isinstance(sizes, dict) or not sizes:
            raise ValueError("manifest lists no file sizes")
        for name, size in sizes.items():
            if (folder / name).stat().st_size != size:
                raise OSError(f"{name} has the wrong size")
    except (OSError, ValueError):
        return None, "unreadable (incomplete or corrupt)"
    if manifest.get("schema_version") != SCHEMA_VERSION:
        return None, "stale (schema version changed)"
    if manifest.get("corpus_hash") != fingerprint:
        return None, "stale (corpus changed)"
    try:
        index = whoosh_index.open_dir(str(folder))
        with index.searcher() as searcher:
            if searcher.doc_count() != manifest.get("articles"):
                return None, "corrupt (document count differs from manifest)"
    except Exception:
        return None, "corrupt (cannot be opened)"
    return IndexHandle(folder, index, manifest, query_data), "ok"


def index_status(corpus_root: Path, index_root: Path) -> str:
    """'ok', or why the index would be rebuilt."""
    _, reason = _try_open(index_root, corpus_fingerprint(corpus_root))
    return reason


def ensure_index(
    corpus: Any,
    index_root: Path,
    notify: Notify | None = None,
    load_corpus: Callable[[], Any] | None = None,
    corpus_root: Path | None = None,
) -> IndexHandle:
    """Open the index, (re)building it first when missing, stale or corrupt.

    `corpus` may be None with `load_corpus` and `corpus_root` given: the corpus is then parsed
    only if a build is needed (the search path never pays for reading the YAML).
    """
    if corpus_root is None:
        corpus_root = corpus.root
    fingerprint = corpus_fingerprint(corpus_root)
    handle, reason = _try_open(index_root, fingerprint)
    if handle is not None:
        return handle
    with _build_lock(index_root):
        handle, reason = _try_open(index_root, fingerprint)  # another process may have built it meanwhile
        if handle is not None:
            return handle
        if notify:
            notify(f"search index {reason}: building it now")
        if corpus is None:
            assert load_corpus is not None
            corpus = load_corpus()
        build_index(corpus, index_root)
        handle, reason = _try_open(index_root, fingerprint)
    if handle is None:
        raise IndexBuildError(f"the index could not be built: {reason}")
    return handle
