"""The artefacts one build writes, each into its own folder, each with its own writer and reader."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.corpus.store import Corpus
    from assistant.obligations.store import ObligationStore

SEARCH = "search"
OBLIGATIONS = "obligations"
ARTEFACTS = (SEARCH, OBLIGATIONS)


def write_search(
    corpus: Corpus, folder: Path, penalized_by: dict[str, list[str]], related: dict[str, list[str]]
) -> None:
    """The Whoosh index, score table and query data."""
    from assistant.search.index_store import query_data_for, search_documents, write_search_files

    write_search_files(folder, search_documents(corpus), query_data_for(corpus, penalized_by, related))


def write_obligations(corpus: Corpus, folder: Path) -> None:
    """Obligations and duty-penalty links (spaCy loads here only)."""
    from assistant.obligations.store import write_obligation_store

    write_obligation_store(corpus, folder)


def check_obligation_quotes(corpus: Corpus, folder: Path) -> None:
    """Every obligation's Chinese text is a verbatim part of the provision it cites; IndexBuildError otherwise.

    Checked once at build time against the corpus; the manifest's checksums (and corpus hash) then
    guarantee that what is shown later is exactly what was checked here.
    """
    from assistant.search.index_store import IndexBuildError

    for obligation in read_obligations(folder).obligations:
        citation, quoted = obligation.id, obligation.text_zh
        if not quoted:
            continue
        if quoted not in corpus.article(citation).text_zh:
            raise IndexBuildError(f"obligation {citation}: its text is not the provision's wording; the build stops")


def read_obligations(folder: Path) -> ObligationStore:
    """The obligation store's reader, over a folder whose checksums were just verified."""
    from assistant.obligations.store import read_obligation_store

    return read_obligation_store(folder)


def penalty_links(obligations_folder: Path) -> dict[str, list[str]]:
    """Duty article -> the liability articles that cite its clauses by number, read from the obligation store
    just written, so search and every reader share one penalty model.

    Scope links stay out of search's penalty order for now: a general clause (often a bare referral, such
    as ndsr:58) would come before the specific fine of another instrument (measured on the dev sets).
    """
    from assistant.models import ArticleRef

    store = read_obligations(obligations_folder)
    by_duty: dict[str, list[str]] = {}
    for link in store.links:
        if link.basis != "number":
            continue
        duty, penalty = (ArticleRef.parse(ref).article_id for ref in (link.duty, link.penalty))
        penalties = by_duty.setdefault(duty, [])
        if penalty != duty and penalty not in penalties:
            penalties.append(penalty)
    return by_duty


def related_articles(corpus: Corpus) -> dict[str, list[str]]:
    """Article -> the articles of other instruments that the reviewed related provisions pair it with (both
    directions, article level), given to search for its "see also" step."""
    from assistant.models import ArticleRef
    from assistant.obligations.link_data import load_relations

    pairs: dict[str, set[str]] = {}
    for relation in load_relations(corpus.root):
        source, target = (ArticleRef.parse(ref) for ref in (relation.source, relation.target))
        if source.law == target.law:
            continue
        for one, other in ((source, target), (target, source)):
            pairs.setdefault(one.article_id, set()).add(other.article_id)
    return {article: sorted(others) for article, others in sorted(pairs.items())}
