"""Extract obligations from the statute text: who must / must not / may do what, with the exact source span.

Extractive only: every obligation quotes a verbatim span of one paragraph or item, located by
character offsets; nothing is paraphrased. Runs at index-build time (spaCy and jieba load here).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.corpus.glossary import load_glossary
from assistant.corpus.store import Corpus
from assistant.models import Article
from assistant.obligations.crossrefs import find_references
from assistant.obligations.penalties import PenaltyLinks, build_penalty_links
from assistant.obligations.pipeline import LIMIT_PATTERNS, ActorSpec, build_en_pipeline, build_zh_pipeline, load_actors

# Tokens that make the next noun phrase an object, not the subject (对/向 X …).
OBJECT_MARKERS = {"对", "向", "与", "要求", "为", "督促", "指导", "约谈", "对于"}
CLAUSE_BREAK = re.compile(r"[，,；;：:。]")


@dataclass
class Obligation:
    """One duty (or permission or prohibition) as the text states it."""

    id: str  # citation of the paragraph or item holding it
    article_id: str
    law: str
    actor: str
    actor_en: str
    modality: str  # must | must_not | may
    marker: str  # the modal word as written
    text_zh: str  # verbatim span
    span: tuple[int, int]  # offsets in the paragraph's (or item's) own text
    text_en: str | None
    condition: str | None = None
    time_limits: list[str] = field(default_factory=list)
    amounts: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    penalties: list[str] = field(default_factory=list)
    text_status: str = "cross-checked"

    def to_dict(self) -> dict[str, Any]:
        """Plain data, for obligations.json and `--json` output."""
        data = asdict(self)
        data["span"] = list(self.span)
        return data


@dataclass
class _Context:
    actor: ActorSpec | None = None


class ObligationExtractor:
    """Holds the pipelines; extracts obligations article by article."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.actors = load_actors(corpus.root)
        self.actor_by_name = {a.canonical: a for a in self.actors}
        glossary_terms = [t.zh for t in load_glossary(corpus.root).terms]
        self.zh = build_zh_pipeline(self.actors, glossary_terms)
        self.en = build_en_pipeline()
        self.penalty_links: PenaltyLinks = build_penalty_links(corpus)

    def extract_all(self) -> list[Obligation]:
        """Obligations of every article, in corpus order."""
        found: list[Obligation] = []
        for law in self.corpus.laws.values():
            for article in law.articles:
                found.extend(self.extract_article(article))
        return found

    def extract_article(self, article: Article) -> list[Obligation]:
        """Obligations of one article; an actor named in one paragraph carries to later ones that name none."""
        context = _Context()
        results: list[Obligation] = []
        chapter_articles = None
        if article.chapter is not None:
            law = self.corpus.law(article.law)
            chapter_articles = [a.number for a in law.articles if a.chapter == article.chapter]
        references = find_references(article, chapter_articles)
        for paragraph in article.paragraphs:
            pieces = [(f"{article.id}.{paragraph.number}", paragraph.zh, paragraph.en)]
            pieces += [(f"{article.id}.{paragraph.number}.{i.number}", i.zh, i.en) for i in paragraph.items]
            for ref, text_zh, text_en in pieces:
                refs_here = [r for r in references if r.source == ref]
                results.extend(self._extract_text(article, ref, text_zh, text_en, context, refs_here))
        return results

    def _actor_before(self, doc: Any, sentence: Any, modal: Any) -> ActorSpec | None:
        """The subject of the modal: an actor that opens a clause or stands right before the modal word.

        An actor after a verb or a preposition (对 X, 记录 X) is an object, not the duty-bearer. In
        liability clauses "由 X 责令改正…" X holds the powers (可以), while a duty (应当) such as
        "改正前应当暂停相关业务" stays with the violator named at the start of the sentence.
        """
        candidates = []
        for ent in doc.ents:
            if ent.label_ not in ("ACTOR", "IMPLICIT") or not (sentence.start <= ent.start and ent.end <= modal.start):
                continue
            previous = doc[ent.start - 1].text if ent.start > sentence.start else ""
            if previous in OBJECT_MARKERS:
                continue
            opens_clause = ent.start == sentence.start or previous in ("，", ",", "由", "；")
            near_modal = modal.start - ent.end <= 3
            if ent.label_ == "IMPLICIT" and any(t.text in ("，", ",") for t in doc[sentence.start : ent.start]):
                continue  # an activity implies its actor only in the sentence's opening clause (处理…的，应当…)
            if opens_clause or near_modal:
                candidates.append((ent, previous))
        if not candidates:
            return None
        chosen, previous = candidates[-1]
        if previous == "由" and modal.ent_id_ == "must" and candidates[0][0].start == sentence.start:
            chosen = candidates[0][0]
        return self.actor_by_name.get(chosen.ent_id_)

    def _extract_text(
        self, article: Article, ref: str, text_zh: str, text_en: str | None, context: _Context, references: list[Any]
    ) -> list[Obligation]:
        doc = self.zh(text_zh)
        found: list[Obligation] = []
        for sentence in doc.sents:
            for ent in (e for e in doc.ents if e.label_ == "MODAL" and sentence.start <= e.start < sentence.end):
                if ent.text == "禁止" and ent.end < len(doc) and doc[ent.end].text == "的":
                    continue  # "…禁止的信息内容" describes other laws' bans; it imposes nothing here
                clause_start, clause_end = self._clause_bounds(text_zh, ent.start_char)
                if text_zh[clause_start:clause_end].rstrip("，,").endswith("的") and clause_end > ent.end_char:
                    continue  # a modal inside a condition ("…应当取得许可的，") is not itself a duty
                actor = self._actor_before(doc, sentence, ent) or context.actor
                if actor is None:
                    continue
                context.actor = actor
                start = sentence.start_char
                end = sentence.end_char
                for bearer in [self.actor_by_name[name] for name in actor.includes] or [actor]:
                    found.append(self._obligation(article, ref, bearer, ent, text_zh, text_en, start, end, references))
        return found

    def _obligation(
        self, article: Article, ref: str, actor: ActorSpec, ent: Any, text_zh: str, text_en: str | None,
        start: int, end: int, references: list[Any],
    ) -> Obligation:  # fmt: skip
        span_text = text_zh[start:end]
        return Obligation(
            id=ref,
            article_id=article.id,
            law=article.law,
            actor=actor.canonical,
            actor_en=actor.en,
            modality=ent.ent_id_,
            marker=ent.text,
            text_zh=span_text,
            span=(start, end),
            text_en=self._english_for(text_en, ent.ent_id_, actor),
            condition=self._condition(text_zh, start, ent.start_char),
            time_limits=[
                m.group(0) for kind, p in LIMIT_PATTERNS if kind == "time_limit" for m in p.finditer(span_text)
            ],
            amounts=[m.group(0) for kind, p in LIMIT_PATTERNS if kind == "amount" for m in p.finditer(span_text)],
            references=sorted(
                {t for r in references if start <= r.start < end for t in r.targets}
                | {f"other:{r.other_law}" for r in references if start <= r.start < end and r.other_law}
            ),
            penalties=list(self.penalty_links.penalties_for(ref)),
            text_status=article.text_status,
        )

    @staticmethod
    def _clause_bounds(text: str, position: int) -> tuple[int, int]:
        start = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, position)), default=0)
        after = CLAUSE_BREAK.search(text, position)
        return start, after.end() if after else len(text)

    @staticmethod
    def _condition(text: str, sentence_start: int, modal_at: int) -> str | None:
        """A leading "…的，" or "发生…时，" clause that conditions the duty."""
        before = text[sentence_start:modal_at]
        clauses = [c for c in re.split(r"[，,]", before)[:-1] if c]
        conditions = [c for c in clauses if c.endswith("的") or c.endswith("时") or c.startswith("发生")]
        return "，".join(conditions) if conditions else None

    def _english_for(self, text_en: str | None, modality: str, actor: ActorSpec) -> str | None:
        """The English sentence that states the same duty (same modal, and the actor where named), else all of it."""
        if not text_en:
            return None
        doc = self.en(text_en)
        sentences = list(doc.sents)
        if len(sentences) == 1:
            return text_en
        with_modal = [s for s in sentences if any(e.label_ == "MODAL" and e.ent_id_ == modality for e in s.ents)]
        with_actor = [s for s in with_modal if actor.en.split()[0].lower() in s.text.lower()]
        chosen = with_actor or with_modal
        return " ".join(s.text for s in chosen) if chosen else text_en
