"""`dla corpus verify`: numbering, structure, source wording and hashes, text status, translations."""

from __future__ import annotations

import datetime
import hashlib
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.corpus.provenance import ProvenanceError, read_statuses
from assistant.corpus.reconstruct import rebuilt_sha256
from assistant.corpus.seal import statuses_sha256
from assistant.corpus.statute_parser import StatuteFormatError, parse_statute
from assistant.corpus.store import TEXT_FILE, Corpus
from assistant.corpus.topics import MIN_QUESTIONS, QUESTIONS_FILE, TOPICS_FILE, ArticleTopics, load_topics
from assistant.datafile import DataFileError, load_yaml
from assistant.models import Law
from assistant.numerals import NUMBER, chinese_to_int

_WHITESPACE = re.compile(r"[\s\u3000]+")
_ZH_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_ZH_ARTICLE_REF = re.compile(rf"第({NUMBER})条")
_EN_ARTICLE_REF = re.compile(r"\bArticles?\s+((?:\d+(?:\s*(?:,|and|or|to|through)\s*)?)+)")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _squash(text: str) -> str:
    """Compare statute wording with whitespace aside, as SOURCES.md specifies."""
    return _WHITESPACE.sub("", text)


@dataclass
class VerifyReport:
    """What verification found: problems fail it; checks count what was looked at."""

    problems: list[str] = field(default_factory=list)
    checks: dict[str, int] = field(default_factory=dict)
    compared_with_sources: bool = False

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems

    def count(self, name: str, amount: int = 1) -> None:
        """Count one more check of a kind."""
        self.checks[name] = self.checks.get(name, 0) + amount

    def summary(self, corpus: Corpus) -> str:
        """The one-line summary printed by the command."""
        articles = sum(len(law.articles) for law in corpus.laws.values())
        per_law = ", ".join(f"{law_id} {len(law.articles)}" for law_id, law in corpus.laws.items())
        wording = (
            "wording equal to sources" if self.compared_with_sources else "source hashes as recorded (sources absent)"
        )
        verdict = "OK" if self.ok else f"FAILED with {len(self.problems)} problem(s)"
        return f"corpus verify {verdict}: {articles} articles ({per_law}); {wording}; " + ", ".join(
            f"{name} {n}" for name, n in sorted(self.checks.items())
        )


def verify_corpus(corpus: Corpus, sources: Path | None) -> VerifyReport:
    """Run every check; compare wording with the official files when `sources` is given."""
    report = VerifyReport()
    for law_id, law in corpus.laws.items():
        _check_structure(law_id, corpus, report)
        _check_english(law_id, corpus, report)
        text_data = load_yaml(corpus.root / "laws" / law_id / TEXT_FILE)
        recorded = text_data.get("source", {}).get("sha256")
        if recorded != law.info.source_sha256:
            report.problems.append(
                f"{law_id}: text generated from a source with sha256 {recorded}, law.yaml records {law.info.source_sha256}"
            )
        elif rebuilt_sha256(text_data) != recorded:
            report.problems.append(f"{law_id}: corpus text no longer rebuilds the source file with sha256 {recorded}")
        report.count("source hashes")
        _check_status_seal(law_id, text_data, report)
        _check_dates(law_id, corpus, report)
        _check_english_content(law_id, corpus, report)
        if sources is not None:
            _check_against_source(law_id, corpus, sources, report)
        _check_topics(law_id, corpus, report)
        _check_questions(law_id, corpus, report)
    for issue in corpus.translation_issues:
        report.problems.append(f"{issue.article_id}: {issue.message}")
    _check_link_data(corpus, report)
    report.compared_with_sources = sources is not None
    return report


def _check_structure(law_id: str, corpus: Corpus, report: VerifyReport) -> None:
    law = corpus.laws[law_id]
    for index, article in enumerate(law.articles, start=1):
        if article.number != index:
            report.problems.append(f"{law_id}: article {article.number} where {index} was expected")
        if law.headings and article.chapter is None:
            report.problems.append(f"{article.id}: not under any chapter")
        for paragraph in article.paragraphs:
            if not paragraph.zh.strip():
                report.problems.append(f"{article.id}.{paragraph.number}: empty paragraph")
            for item_index, item in enumerate(paragraph.items, start=1):
                if not item.zh.startswith("（"):
                    report.problems.append(f"{article.id}.{paragraph.number}.{item_index}: item without its number")
        report.count("articles")


def _check_english(law_id: str, corpus: Corpus, report: VerifyReport) -> None:
    for article in corpus.all_articles(law_id):
        for paragraph in article.paragraphs:
            if paragraph.en is None:
                report.problems.append(f"{article.id}.{paragraph.number}: no English")
            for item in paragraph.items:
                if item.en is None:
                    report.problems.append(f"{article.id}.{paragraph.number}.{item.number}: no English")
                elif not item.en.startswith(f"({item.number}) "):
                    report.problems.append(
                        f"{article.id}.{paragraph.number}.{item.number}: English item number differs"
                    )
        report.count("translations")
    law = corpus.laws[law_id]
    for heading in law.headings:
        if heading.title_en is None:
            report.problems.append(f"{law_id}: heading {heading.label_zh} has no English")


def _check_status_seal(law_id: str, text_data: Any, report: VerifyReport) -> None:
    """Statuses as generated: an upgrade typed into text.zh.yaml (without the sources to prove it) breaks the seal."""
    sealed = (text_data.get("source") or {}).get("statuses_sha256")
    if sealed is None:
        report.count("text statuses not sealed (regenerate to seal)")
        return
    statuses = {int(a["number"]): str(a.get("text_status")) for a in text_data.get("articles") or []}
    if statuses_sha256(statuses) != sealed:
        report.problems.append(
            f"{law_id}: text statuses differ from those the text was generated with (changed by hand?); "
            "regenerate with `dla corpus add FILE --id ID --replace --provenance provenance.json`"
        )
    report.count("text status seals")


def _iso_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value and value != "unknown" else None
    except ValueError:
        return None


def _check_dates(law_id: str, corpus: Corpus, report: VerifyReport) -> None:
    """law.yaml dates are real dates, in order, and agree with what the official text itself says."""
    law = corpus.laws[law_id]
    info = law.info
    dates: dict[str, datetime.date | None] = {}
    for name in ("adopted", "promulgated", "effective"):
        value = getattr(info, name)
        dates[name] = _iso_date(value)
        if value not in (None, "unknown") and dates[name] is None:
            report.problems.append(f"{law_id}: law.yaml {name} {value!r} is not a YYYY-MM-DD date")
    known = [(name, day) for name, day in dates.items() if day is not None]
    for (first, early), (second, late) in itertools.pairwise(known):
        if early > late:
            report.problems.append(f"{law_id}: law.yaml {first} {early} is after {second} {late}")
    said = _dates_in_text(law)
    for name, expected in said.items():
        if dates.get(name) is not None and expected and dates[name] not in expected:
            shown = ", ".join(str(day) for day in sorted(expected))
            report.problems.append(f"{law_id}: law.yaml {name} {dates[name]} but the official text says {shown}")
    report.count("law dates")


def _dates_in_text(law: Law) -> dict[str, set[datetime.date]]:
    """Adoption dates (…通过) in the preamble and commencement dates (自…起施行) anywhere in the text."""
    said: dict[str, set[datetime.date]] = {"adopted": set(), "effective": set()}
    lines = [*law.info.preamble_zh, *(p.zh for a in law.articles for p in a.paragraphs)]
    for line in lines:
        for match in _ZH_DATE.finditer(line):
            with_day = _iso_date(f"{int(match[1]):04d}-{int(match[2]):02d}-{int(match[3]):02d}")
            rest = line[match.end() :]
            if with_day and line in law.info.preamble_zh and "通过" in rest and "施行" not in rest[:8]:
                said["adopted"].add(with_day)
            if with_day and line[: match.start()].endswith("自") and rest.startswith("起施行"):
                said["effective"].add(with_day)
    return said


def _check_english_content(law_id: str, corpus: Corpus, report: VerifyReport) -> None:
    """Edited English that changes what the law says: article numbers it cites differ, or Chinese left in it."""
    for article in corpus.all_articles(law_id):
        for paragraph in article.paragraphs:
            pairs = [(f"{article.id}.{paragraph.number}", paragraph.zh, paragraph.en)]
            pairs += [(f"{article.id}.{paragraph.number}.{i.number}", i.zh, i.en) for i in paragraph.items]
            for where, zh, en in pairs:
                if en is None:
                    continue
                cited_zh = {chinese_to_int(m) for m in _ZH_ARTICLE_REF.findall(zh)}
                cited_en = {int(n) for group in _EN_ARTICLE_REF.findall(en) for n in re.findall(r"\d+", group)}
                if cited_zh != cited_en:
                    report.problems.append(
                        f"{where}: English cites article(s) {sorted(cited_en)}, the Chinese {sorted(cited_zh)}"
                    )
                if _CJK.search(en):
                    report.problems.append(f"{where}: Chinese characters in the English")
                report.count("English lines checked")


def _official(law: Law) -> bool:
    """An instrument the project checked (any article above `unverified`), as opposed to one a user added."""
    return any(article.text_status != "unverified" for article in law.articles)


def _check_against_source(law_id: str, corpus: Corpus, sources: Path, report: VerifyReport) -> None:
    law = corpus.laws[law_id]
    source_path = sources / law.info.source_file
    if not source_path.exists() and not _official(law):
        # A user's own instrument is not among the official sources: its recorded hash is all there is to check.
        report.count("user instruments (not among the sources)")
        return
    try:
        raw = source_path.read_bytes()
    except OSError as exc:
        report.problems.append(f"{law_id}: cannot read source {source_path}: {exc}")
        return
    actual_sha = hashlib.sha256(raw).hexdigest()
    if actual_sha != law.info.source_sha256:
        report.problems.append(
            f"{law_id}: {source_path.name} has sha256 {actual_sha}, corpus records {law.info.source_sha256}"
        )
    try:
        parsed = parse_statute(raw.decode("utf-8"), str(source_path))
    except (StatuteFormatError, UnicodeDecodeError) as exc:
        report.problems.append(f"{law_id}: source does not parse: {exc}")
        return
    if len(parsed.articles) != len(law.articles):
        report.problems.append(f"{law_id}: source has {len(parsed.articles)} articles, corpus {len(law.articles)}")
    for source_article, article in zip(parsed.articles, law.articles, strict=False):
        source_lines = [line for p in source_article.paragraphs for line in [p.text, *(i.text for i in p.items)]]
        corpus_lines = [line for p in article.paragraphs for line in [p.zh, *(i.zh for i in p.items)]]
        if [_squash(x) for x in source_lines] != [_squash(x) for x in corpus_lines]:
            report.problems.append(f"{article.id}: wording or paragraph split differs from {source_path.name}")
        chapter_number = article.chapter.number if article.chapter else None
        section_number = article.section.number if article.section else None
        if (source_article.chapter, source_article.section) != (chapter_number, section_number):
            report.problems.append(f"{article.id}: chapter/section differs from {source_path.name}")
        report.count("wording compared")
    provenance = sources / "provenance.json"
    if provenance.exists():
        try:
            statuses = read_statuses(provenance, law.info.source_file, [a.number for a in law.articles])
        except ProvenanceError as exc:
            report.problems.append(str(exc))
            return
        for article in law.articles:
            if statuses[article.number].status != article.text_status:
                report.problems.append(
                    f"{article.id}: text status {article.text_status}, provenance.json says {statuses[article.number].status}"
                )
            report.count("statuses compared")


def _per_article_file(law_id: str, corpus: Corpus, report: VerifyReport, file: str) -> dict[int, ArticleTopics]:
    """A law's topics or bank questions by article ({} when it has none); a file that cannot be read is reported."""
    try:
        return load_topics(corpus.root / "laws" / law_id, law_id, len(corpus.laws[law_id].articles), file)
    except DataFileError as exc:
        report.problems.append(str(exc))
        return {}


def _check_topics(law_id: str, corpus: Corpus, report: VerifyReport) -> None:
    """Search topics load, name only existing articles, and (where a law has them) cover every article."""
    law = corpus.laws[law_id]
    topics = _per_article_file(law_id, corpus, report, TOPICS_FILE)
    if topics:
        missing = [article.id for article in law.articles if article.number not in topics]
        if missing:
            report.problems.append(f"{law_id}: no search topics for {', '.join(missing)}")
        report.count("articles with search topics", len(law.articles) - len(missing))


def _check_link_data(corpus: Corpus, report: VerifyReport) -> None:
    """Every provision cited by the reviewed link data (penalty scope, related provisions, definitions) exists."""
    from assistant.models import CitationError
    from assistant.obligations.liability import is_sanction_text
    from assistant.obligations.link_data import SCOPE_FILE, cited_provisions, load_definitions, load_scope_rules

    for path, citation in cited_provisions(corpus.root):
        try:
            exists = corpus.exists(citation)
        except CitationError:
            exists = False
        if not exists:
            report.problems.append(f"corpus/{path}: cites {citation}, which does not exist")
        report.count("link citations")
    for rule in load_scope_rules(corpus.root):
        if rule.law not in corpus.laws:
            report.problems.append(f"corpus/{SCOPE_FILE}: rule for {rule.penalty} covers an unknown law {rule.law}")
            continue
        chapters = {a.chapter.number for a in corpus.all_articles(rule.law) if a.chapter}
        if set(rule.chapters) - chapters:
            report.problems.append(f"corpus/{SCOPE_FILE}: rule for {rule.penalty} names a chapter {rule.law} lacks")
        # An excepted actor the instrument never names would except nothing: a misspelt name fails loudly here.
        law_text = "".join(article.text_zh for article in corpus.all_articles(rule.law))
        for actor in rule.except_actors:
            if actor not in law_text:
                report.problems.append(
                    f"corpus/{SCOPE_FILE}: rule for {rule.penalty} excepts {actor}, whom {rule.law} never names"
                )
        text = corpus.text_of(rule.penalty) if corpus.exists(rule.penalty) else None
        if text is not None and not is_sanction_text(text):
            report.problems.append(f"corpus/{SCOPE_FILE}: {rule.penalty} sets no sanction")
    from assistant.obligations.liability_data import liability_data_problems

    report.problems.extend(liability_data_problems(corpus))
    for entry in load_definitions(corpus.root):
        text = corpus.text_of(entry.citation) if corpus.exists(entry.citation) else None
        if text is not None and entry.term not in text:
            report.problems.append(
                f"corpus/links/definitions.yaml: {entry.citation} does not contain the term {entry.term}"
            )


def _check_questions(law_id: str, corpus: Corpus, report: VerifyReport) -> None:
    """The question bank loads, names only existing articles and (where a law has one) gives every article
    at least MIN_QUESTIONS everyday questions in each language."""
    law = corpus.laws[law_id]
    questions = _per_article_file(law_id, corpus, report, QUESTIONS_FILE)
    if not questions:
        return
    short = [
        article.id
        for article in law.articles
        if min(
            len(questions.get(article.number, ArticleTopics()).zh),
            len(questions.get(article.number, ArticleTopics()).en),
        )
        < MIN_QUESTIONS
    ]
    if short:
        report.problems.append(
            f"{law_id}: fewer than {MIN_QUESTIONS} bank questions in Chinese and in English for {', '.join(short)}"
        )
    report.count("articles with bank questions", len(law.articles) - len(short))
