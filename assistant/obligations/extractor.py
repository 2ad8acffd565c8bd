"""Extract obligations from the statute text: who must / must not / may do what, with the exact source span.

Extractive only: every obligation quotes a verbatim span of one paragraph or item, located by
character offsets; nothing is paraphrased. Runs at index-build time (spaCy and jieba load here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, NamedTuple

from assistant.corpus.glossary import load_glossary
from assistant.corpus.store import Corpus
from assistant.models import Article
from assistant.obligations.amounts import AMOUNTS, TIME_LIMITS
from assistant.obligations.crossrefs import CrossReference, find_references
from assistant.obligations.liability import is_liability_article, is_liability_paragraph, is_sanction_text
from assistant.obligations.pipeline import (
    ZH_MODALS,
    ActorSpec,
    build_en_pipeline,
    build_zh_pipeline,
    load_actor_names,
    load_actors,
    load_assigned_duties,
    load_implicit_subjects,
    load_right_holders,
)
from assistant.obligations.records import Obligation

# Tokens that make the next noun phrase an object, not the subject (对/向 X …).
OBJECT_MARKERS = {
    "对",
    "向",
    "与",
    "要求",
    "为",
    "督促",
    "指导",
    "约谈",
    "对于",
    "未经",
    "经",
    "征得",
    "告知",
    "委托",
    "在",
}
MODIFIED_NOUNS = {"信息", "名称", "身份", "管理层"}
RESPONSIBLE_NOT_DUTY = {"直接", "其他直接"}
# A body the lexicon does not know, opening the clause: 市统计部门应当…, 人民检察院可以…
TEXT_ACTOR = re.compile(
    r"^([^，。；：、“”（）]{0,24}?[^，。；：“”（）]{0,12}?"
    r"(?:部门|机构|机关|委员会|人民政府|人民检察院|组织|个人|中心|平台|单位|主体|协会|办公室|受托方|中华人民共和国))"
    r"(?:依照|依据|按照|根据|在|对|应当|应|必须|须|负责|可以|有权|不得|禁止|严禁|会同|通过|都|也|还|承担|发现|认为|，|$)"
)
# Verbs that show the opening words are not one noun phrase (市数据工作委员会设立…委员会, …遵循…原则).
NOT_A_NOUN_PHRASE = re.compile(r"设立|建立|制定|遵循|坚持|推动|组织")
# 市人民政府设立市数据工作委员会，负责… : the body set up is the subject of what follows.
# (…设立专门机构或者指定代表的，应当… is a condition: the body set up is not the subject.)
ESTABLISHED = re.compile(r"(?:设立|指定)([^，。；]{1,19}[^，。；的])，(?:并)?$")
# Characters of qualifier allowed before an actor that still opens its sentence (两个以上的).
OPENING_QUALIFIER = 6
# A clause that carries on the subject of the one before (…，并有权拒绝…).
CONTINUES = re.compile(r"^(?:并且|并|且|也|还|或者)")
# A clause that subjects an actor to a regime: 关键信息基础设施的运营者…，适用《…》的规定; 其他数据处理者…的
# …管理办法，由…制定
REGIME = re.compile(r"适用[^。；]*规定|管理办法，由")
# A condition that states a fact about a body (主管部门不明确的，) does not make it the actor of what follows.
NO_AGENT_CONDITION = re.compile(r"(?:不明确|不确定|无法确定)的[，,]?$")
# …获得的数据 / …的信息: a clause that ends in a noun qualified by 的.
RELATIVE_END = re.compile(r"的(?:数据|信息|个人信息|事项|材料)$")
# 按照…规定执行 / 适用《…》…的规定 / 适用本章规定 / 适用前款规定 / 适用本法关于…的规定 : a named body of rules.
REGIME_CLAUSE = re.compile(
    r"(?:按照|依照)[^，。；]*规定执行|适用(?:《[^》]+》|本章|本节|前款|本法关于|本条例关于)[^，。；]*规定"
)
# 法律、行政法规规定…应当…的，从其规定 (a duty set elsewhere), unlike …另有规定的 or …可以不…的 (a priority rule or an
# exemption, no entry).
SPECIFIC_DEFERRAL = re.compile(r"[^。；，]*规定[^。；]*?应当[^。；]*的，从其规定")
# 但是，有下列情形之一的除外 : the exceptions to a permission.
EXCEPTED = re.compile(r"但是，[^。；]*除外[：:。]?")
CLAUSE_BREAK = re.compile(r"[，,；;：:。]")
# The sentence after a clause, up to its end: an exception that qualifies the clause (…不得…。但是，…的除外。).
NEXT_SENTENCE = re.compile(r"[^。；;：:]*[。；;：:]?")


class _Clause(NamedTuple):
    """The paragraph or item being read: its article, its citation, its two texts and the references it makes."""

    article: Article
    ref: str
    text_zh: str
    text_en: str | None
    references: list[CrossReference]


@dataclass
class _Context:
    actor: ActorSpec | None = None
    previous_article: ActorSpec | None = None  # the last actor of the article before, for an implicit subject


class ObligationExtractor:
    """Holds the pipelines; extracts obligations article by article."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.actors = load_actors(corpus.root)
        self.actor_by_name = {a.canonical: a for a in self.actors}
        self.names_en = load_actor_names(corpus.root)
        self.implicit_subjects, self.not_duties = load_implicit_subjects(corpus.root)
        self.right_holders = load_right_holders(corpus.root)
        self.assigned_duties = load_assigned_duties(corpus.root)
        glossary_terms = [t.zh for t in load_glossary(corpus.root).terms]
        self.zh = build_zh_pipeline(self.actors, glossary_terms)
        self.en = build_en_pipeline()
        self.punished = self._cited_by_liability()
        self.unassigned: list[tuple[str, str, str]] = []  # (provision, marker, sentence) of modals with no bearer

    def _cited_by_liability(self) -> set[str]:
        """Paragraphs (and whole articles, as their first paragraph) that a liability article cites by number."""
        cited: set[str] = set()
        for article in self.corpus.all_articles():
            if not is_liability_article(article):
                continue
            for reference in find_references(article):
                for target in reference.targets if reference.kind == "article" else ():
                    cited.add(target)
                    if "." not in target.split(":")[1]:
                        cited |= {f"{target}.{p.number}" for p in self._paragraphs(target)}
        return cited

    def _paragraphs(self, article_id: str) -> list[Any]:
        return list(self.corpus.article(article_id).paragraphs) if self.corpus.exists(article_id) else []

    def extract_all(self) -> list[Obligation]:
        """Obligations of every article, in corpus order."""
        found: list[Obligation] = []
        for law in self.corpus.laws.values():
            previous: ActorSpec | None = None
            for article in law.articles:
                context = _Context(previous_article=previous)
                found.extend(self.extract_article(article, context))
                previous = context.actor if article.chapter is not None or context.actor else None
        return found

    def extract_article(self, article: Article, context: _Context | None = None) -> list[Obligation]:
        """Obligations of one article; an actor named in one paragraph carries to later ones that name none."""
        context = context or _Context()
        results: list[Obligation] = []
        if is_liability_article(article) and all(is_sanction_text(p.zh) for p in article.paragraphs):
            return results  # a liability provision sets sanctions; it is never a duty
        chapter_articles = None
        if article.chapter is not None:
            law = self.corpus.law(article.law)
            chapter_articles = [a.number for a in law.articles if a.chapter == article.chapter]
        references = find_references(article, chapter_articles)
        for paragraph in article.paragraphs:
            if is_liability_paragraph(article, paragraph.zh):
                continue  # a liability paragraph is never a duty, whatever its markers
            pieces = [(f"{article.id}.{paragraph.number}", paragraph.zh, paragraph.en)]
            pieces += [(f"{article.id}.{paragraph.number}.{i.number}", i.zh, i.en) for i in paragraph.items]
            for ref, text_zh, text_en in pieces:
                clause = _Clause(article, ref, text_zh, text_en, [r for r in references if r.source == ref])
                rows = self._extract_text(clause, context)
                rows += self._deferral_duties(clause, context)
                if not rows and ref in self.punished:
                    rows = self._regime_duties(clause)
                if not any(r.regime for r in rows):
                    rows += self._regime_clauses(clause, context)
                rows += self._assigned(clause)
                if ref in self.punished and rows and all(r.modality == "may" for r in rows):
                    rows += self._excepted_duties(clause, rows[-1])
                implicit = self.implicit_subjects.get(ref)
                if not rows and implicit is not None and implicit.regime:
                    bearer = self._implicit_subject(ref) or self._named(implicit.actor)
                    rows = [self._regime(clause, bearer, 0, 0, len(text_zh))]
                results.extend(rows)
        return results

    def _actor_before(self, doc: Any, sentence: Any, modal: Any) -> tuple[ActorSpec, bool] | None:
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
            if ent.end < len(doc) and doc[ent.end].text in MODIFIED_NOUNS:
                continue  # 网络数据接收方信息 : the actor's name qualifies a noun
            rest = doc.text[ent.end_char : modal.start_char]
            if NO_AGENT_CONDITION.search(CLAUSE_BREAK.split(rest)[0]):
                continue  # 主管部门不明确的，应当… : a fact about the body, not its act
            opens_clause = ent.start == sentence.start or previous in ("，", ",", "由", "；", "）")
            # 两个以上的个人信息处理者共同决定…的，应当… : a short qualifier before the actor that opens the sentence.
            opens_clause = opens_clause or (
                previous == "的"
                and ent.start_char - sentence.start_char <= OPENING_QUALIFIER
                and not any(t.text in ("，", ",") for t in doc[sentence.start : ent.start])
            )
            near_modal = modal.start - ent.end <= 3
            if (
                ent.label_ == "IMPLICIT"
                and any(t.text in ("，", ",") for t in doc[sentence.start : ent.start])
                and any(e.label_ == "ACTOR" and sentence.start <= e.start < modal.start for e in doc.ents)
            ):
                continue  # beside a named actor, an activity implies its actor only in the opening clause
            if opens_clause or near_modal:
                candidates.append((ent, previous))
        if not candidates:
            return None
        named = [pair for pair in candidates if pair[0].label_ == "ACTOR"]
        candidates = named or candidates  # a named actor beats an activity that implies one (受托方完成处理任务后)
        chosen, previous = candidates[-1]
        if previous == "由" and modal.ent_id_ == "must" and candidates[0][0].start == sentence.start:
            chosen = candidates[0][0]
        spec = self.actor_by_name.get(chosen.ent_id_)
        return (spec, chosen.label_ == "IMPLICIT") if spec is not None else None

    def _extract_text(self, clause: _Clause, context: _Context) -> list[Obligation]:
        ref, text_zh = clause.ref, clause.text_zh
        doc = self.zh(text_zh)
        found: list[Obligation] = []
        for sentence in doc.sents:
            modals = [e for e in doc.ents if e.label_ == "MODAL" and sentence.start <= e.start < sentence.end]
            kept: list[tuple[Any, ActorSpec]] = []
            for ent in modals:
                if ent.text == "禁止" and ent.end < len(doc) and doc[ent.end].text == "的":
                    continue  # "…禁止的信息内容" describes other laws' bans; it imposes nothing here
                if ent.text == "禁止" and text_zh[: ent.start_char].endswith("限制或者"):
                    continue  # "限制或者禁止…" names a measure an authority may take, not a ban on anyone
                if ent.text == "负责" and not self._responsibility_is_duty(doc, ent, modals, text_zh):
                    continue
                if ent.ent_id_ == "may" and self._held_as_right(text_zh[sentence.start_char : ent.start_char]):
                    continue  # 个人有权… / 近亲属可以…: a right of individuals or of anyone is not an entry
                if self._in_title(text_zh, ent.start_char) or (ent.text == "应" and self._opens(doc, sentence, ent)):
                    continue  # a word inside a cited title, or 应…要求 ("at the request of"), is no marker
                clause_start, clause_end = self._clause_bounds(text_zh, ent.start_char)
                if self._ends_condition(text_zh[clause_start:clause_end]) and clause_end > ent.end_char:
                    continue  # a modal inside a condition ("…应当取得许可的，") is not itself a duty
                if text_zh[clause_start : ent.start_char].startswith("对于"):
                    continue  # 对于可以…的事项: the modal describes the matter
                if self._attribute(text_zh, ent.start_char, ent.end_char, clause_end):
                    continue  # 法律、法规规定应当告知的其他事项: the modal describes a thing, it binds no one here
                if ent.ent_id_ == "may" and self._relative_clause(text_zh[ent.end_char : clause_end], ent, modals):
                    continue  # 可以通过共享方式获得的数据，不得… : the 可以 qualifies a noun the later marker governs
                before = self._actor_before(doc, sentence, ent)
                if before is not None and before[1]:
                    # An activity that implies an actor (处理…, 收集个人信息) yields to the reviewed bearer of the
                    # clause and to the actor named earlier in the article (OBLIGATION_SPEC: nearest antecedent).
                    before = (self._implicit_subject(ref) or context.actor or before[0], False)
                actor = (
                    self._agent_after(doc, ent)
                    or self._established_body(text_zh[sentence.start_char : ent.start_char])
                    or (before[0] if before else None)
                    or self._text_actor(text_zh[sentence.start_char : ent.start_char])
                    or self._text_actor(text_zh[clause_start : ent.start_char], whole=True)
                    or self._condition_subject(text_zh, clause_start, ent.start_char)
                    or self._implicit_subject(ref)  # reviewed: wins over a bearer carried from an earlier clause
                    or context.actor
                    or self._text_actor(text_zh)
                    or (
                        context.previous_article
                        if self._ends_condition(text_zh[sentence.start_char : ent.start_char])
                        else None
                    )
                )
                if actor is None:
                    self.unassigned.append((ref, ent.text, text_zh[sentence.start_char : sentence.end_char]))
                    continue
                context.actor = actor
                kept.append((ent, actor))
            spans = self._clause_spans(text_zh, sentence.start_char, sentence.end_char, [e.start_char for e, _ in kept])
            for (ent, actor), (start, end) in zip(kept, spans, strict=True):
                for bearer in self._bearers(actor):
                    found.append(self._obligation(clause, bearer, ent.ent_id_, ent.text, ent.start_char, start, end))
        return found

    def _clause_spans(self, text: str, start: int, end: int, markers: list[int]) -> list[tuple[int, int]]:
        """Each duty's own clause where one sentence holds several: from the clause of its marker (with any
        condition or topic clauses just before it, 发现…时，/ 对于…，) to the next duty's; the first keeps the sentence's opening,
        and duties in one clause share it."""
        if not markers:
            return []
        starts = [start]
        for previous, marker in pairwise(markers):
            cut, _ = self._clause_bounds(text, marker)
            while cut > previous:
                before, _ = self._clause_bounds(text, cut - 1)
                clause = text[before:cut].rstrip("，,")
                leads_in = self._ends_condition(clause) or clause.endswith("时") or clause.startswith("对于")
                if before <= previous or not leads_in:
                    break
                cut = before
            starts.append(cut if cut > previous else starts[-1])
        return [(own, next((s for s in starts[index:] if s > own), end)) for index, own in enumerate(starts)]

    def _agent_after(self, doc: Any, modal: Any) -> ActorSpec | None:
        """可以由市人民政府统一对外采购 : the actor named by 由 right after the marker does what it allows or requires."""
        if modal.end + 1 >= len(doc) or doc[modal.end].text != "由":
            return None
        agent = next((e for e in doc.ents if e.start == modal.end + 1 and e.label_ == "ACTOR"), None)
        return self.actor_by_name.get(agent.ent_id_) if agent is not None else None

    @staticmethod
    def _relative_clause(after_marker: str, modal: Any, modals: list[Any]) -> bool:
        """True when a 可以 opens a clause that ends in a noun it qualifies (…获得的数据，) and a later marker follows."""
        clause = after_marker.rstrip("，,")
        return bool(RELATIVE_END.search(clause)) and any(m.start > modal.start for m in modals)

    @staticmethod
    def _attribute(text: str, modal_start: int, modal_end: int, clause_end: int) -> bool:
        return text[:modal_start].endswith("规定") and "的" in text[modal_end:clause_end]

    def _established_body(self, before_modal: str) -> ActorSpec | None:
        """设立X，负责… : the body set up holds the duty that follows, not the one that sets it up."""
        match = ESTABLISHED.search(before_modal)
        if not match:
            return None
        return self._named(match.group(1))

    @staticmethod
    def _ends_condition(clause: str) -> bool:
        """True when a clause is a condition ("…的，"), not a noun ending in 的 (目的)."""
        clause = clause.rstrip("，,")
        return clause.endswith("的") and not clause.endswith("目的")

    @staticmethod
    def _in_title(text: str, position: int) -> bool:
        return text.rfind("《", 0, position) > text.rfind("》", 0, position)

    @staticmethod
    def _opens(doc: Any, sentence: Any, ent: Any) -> bool:
        return ent.start == sentence.start or doc[ent.start - 1].text in ("）", ")")

    def _held_as_right(self, before_marker: str) -> bool:
        """True when the subject of a 有权 / 可以 is a holder of rights: the words just before it (和个人可以), or the
        clause that names the subject (个人信息处理者未删除的，个人有权…; 个人有权要求…，并有权拒绝…)."""
        if any(before_marker.endswith(holder) for holder in self.right_holders):
            return True
        for clause in reversed(CLAUSE_BREAK.split(before_marker)):
            if not clause or CONTINUES.match(clause):
                continue
            return any(
                re.match(rf"(?:其|[^，的]{{0,6}}的)?{re.escape(holder)}(?!信息|数据)", clause)
                for holder in self.right_holders
            )
        return False

    @staticmethod
    def _responsibility_is_duty(doc: Any, ent: Any, modals: list[Any], text: str = "") -> bool:
        """负责 imposes a duty unless it names a person (直接负责的主管人员) or an earlier modal already does
        (应当…负责 is one duty); a body set up or appointed by that modal (应当指定X，负责…) holds its own."""
        if ent.start > 0 and doc[ent.start - 1].text in RESPONSIBLE_NOT_DUTY:
            return False
        if ent.end < len(doc) and doc[ent.end].text in ("的", "人"):
            return False
        if ESTABLISHED.search(text[: ent.start_char]):
            return True
        return not any(m.start < ent.start and m.text != "负责" for m in modals)

    def _condition_subject(self, text: str, clause_start: int, modal_start: int) -> ActorSpec | None:
        """人民检察院认为有必要的，可以… : a modal opening its clause takes the subject of the condition before it."""
        if text[clause_start:modal_start].strip() or clause_start == 0:
            return None
        previous_start, _ = self._clause_bounds(text, clause_start - 1)
        condition = text[previous_start:clause_start]
        if NO_AGENT_CONDITION.search(condition):
            return None  # 主管部门不明确的，应当… : the condition is about the body, not done by it
        return self._text_actor(condition) if self._ends_condition(condition) else None

    def _bearers(self, actor: ActorSpec) -> list[ActorSpec]:
        return [self.actor_by_name[name] for name in actor.includes] or [actor]

    def _text_actor(self, before_modal: str, whole: bool = False) -> ActorSpec | None:
        """An actor the lexicon does not know: the noun phrase that opens the clause, when it names a body or person.

        With `whole`, the phrase must be everything before the modal (…的，法律、法规规定的组织可以…).
        """
        match = TEXT_ACTOR.match(before_modal)
        if not match or (whole and len(match.group(1)) != len(before_modal)):
            return None
        phrase = match.group(1)
        if NOT_A_NOUN_PHRASE.search(phrase[:-2]):
            return None
        return self._named(phrase)

    def _named(self, phrase: str) -> ActorSpec:
        """The lexicon's actor of that name, else an actor taken from the text with the project's English name."""
        return self.actor_by_name.get(phrase) or ActorSpec(phrase, self.names_en.get(phrase, ""), (phrase,), ())

    def _implicit_subject(self, ref: str) -> ActorSpec | None:
        """The reviewed bearer of a clause whose text names none (corpus/patterns/implicit_subjects.yaml)."""
        subject = self.implicit_subjects.get(ref)
        if subject is None:
            return None
        named = self._named(subject.actor)
        return named if named.en or not subject.en else ActorSpec(subject.actor, subject.en, (subject.actor,), ())

    def _regime_clauses(self, clause: _Clause, context: _Context) -> list[Obligation]:
        """A clause with no marker that subjects its actor to a named body of rules (按照处理敏感个人数据的有关规定执行,
        适用《…》的规定, 适用本章规定): a regime row for the actor that opens the sentence, else the reviewed or the
        article's actor. 适用本法 (the instrument's own scope) and 适用其规定 (a priority rule) are no entries."""
        ref, text_zh = clause.ref, clause.text_zh
        found: list[Obligation] = []
        doc = None
        for match in REGIME_CLAUSE.finditer(text_zh):
            clause_start, clause_end = self._clause_bounds(text_zh, match.start())
            if any(word in text_zh[clause_start:clause_end] for word in ZH_MODALS):
                continue  # the clause has its own marker
            doc = doc or self.zh(text_zh)
            sentence = next(s for s in doc.sents if s.start_char <= match.start() < s.end_char)
            opening = next((e for e in doc.ents if e.start == sentence.start and e.label_ == "ACTOR"), None)
            actor = (
                (self.actor_by_name.get(opening.ent_id_) if opening is not None else None)
                or self._implicit_subject(ref)
                or context.actor
            )
            if actor is None:
                continue
            found.append(self._regime(clause, actor, match.start(), match.start(), match.end()))
        return found

    def _assigned(self, clause: _Clause) -> list[Obligation]:
        """由变更后的数据处理者继续落实数据安全管理责任 : a responsibility assigned with no marker
        (corpus/patterns/assigned_duties.yaml) is a regime row of the party named, where its clause has no marker."""
        text_zh = clause.text_zh
        found: list[Obligation] = []
        for assignment in self.assigned_duties:
            for match in assignment.pattern.finditer(text_zh):
                # From the clause the match starts in to the one it ends in: "X依照…的规定，在…承担…职责" is one row.
                clause_start, _ = self._clause_bounds(text_zh, match.start())
                _, clause_end = self._clause_bounds(text_zh, match.end() - 1)
                if any(word in text_zh[clause_start:clause_end] for word in ZH_MODALS if word != "负责"):
                    continue  # the clause has its own marker
                # The row quotes its sentence, so a condition before it (…因合并、分立、收购等变更的，) stays with it.
                sentence_start = max(text_zh.rfind(stop, 0, match.start()) for stop in "。；") + 1
                bearer = self._ending_actor(match.group("actor"))
                found.append(self._regime(clause, bearer, match.start(), sentence_start, clause_end))
        return found

    def _ending_actor(self, phrase: str) -> ActorSpec:
        """The lexicon's actor a phrase ends with (变更后的数据处理者 → 数据处理者), else the phrase as its own actor."""
        endings = [(len(form), actor) for actor in self.actors for form in actor.forms if phrase.endswith(form)]
        return max(endings, key=lambda pair: pair[0])[1] if endings else self._named(phrase)

    def _regime(
        self, clause: _Clause, actor: ActorSpec, at: int, start: int, end: int, modality: str = "must"
    ) -> Obligation:
        """A regime row (no marker: the clause puts `actor` under a body of rules, or a duty is assigned to it)."""
        return self._obligation(clause, actor, modality, "", at, start, end, regime=True)

    def _deferral_duties(self, clause: _Clause, context: _Context) -> list[Obligation]:
        """法律、行政法规规定处理敏感个人信息应当取得书面同意的，从其规定 : not the general priority rule but a duty
        other laws set for this actor, kept as a regime row of the article's actor (the 应当 inside is no marker)."""
        ref, text_zh = clause.ref, clause.text_zh
        found = []
        for match in SPECIFIC_DEFERRAL.finditer(text_zh):
            actor = self._implicit_subject(ref) or context.actor
            if actor is None:
                self.unassigned.append((ref, "从其规定", match.group(0)))
                continue
            found.append(self._regime(clause, actor, match.start(), match.start(), match.end()))
        return found

    def _excepted_duties(self, clause: _Clause, permission: Obligation) -> list[Obligation]:
        """可以依法交易。但是，有下列情形之一的除外 : where a liability clause cites a permission with exceptions, the
        exceptions are what it punishes: a regime must_not row for the permission's actor (permissions carry no
        penalty)."""
        text_zh = clause.text_zh
        match = EXCEPTED.search(text_zh)
        if match is None:
            return []
        actor = self._named(permission.actor)
        actor = ActorSpec(actor.canonical, actor.en or permission.actor_en, actor.forms, actor.implicit)
        return [self._regime(clause, actor, match.start(), match.start(), match.end(), "must_not")]

    def _regime_duties(self, clause: _Clause) -> list[Obligation]:
        """Clauses with no modal that subject an actor to a regime (…适用…的规定) a liability article punishes."""
        text_zh = clause.text_zh
        found: list[Obligation] = []
        doc = self.zh(text_zh)
        for sentence in doc.sents:
            match = REGIME.search(sentence.text)
            if not match:
                continue
            actors = [e for e in doc.ents if e.label_ == "ACTOR" and e.start == sentence.start]
            if not actors:
                continue
            actor = self.actor_by_name[actors[0].ent_id_]
            at = sentence.start_char + match.start()
            for bearer in self._bearers(actor):
                found.append(self._regime(clause, bearer, at, sentence.start_char, sentence.end_char))
        return found

    def _obligation(
        self,
        clause: _Clause,
        actor: ActorSpec,
        modality: Any,
        marker: str,
        marker_at: int,
        start: int,
        end: int,
        regime: bool = False,
    ) -> Obligation:
        """The row for one marker (or regime clause) of `clause`, quoting text_zh[start:end]."""
        article, ref, text_zh, text_en, references = clause
        end = self._with_exception(text_zh, end)
        span_text = text_zh[start:end]
        return Obligation(
            id=ref,
            article_id=article.id,
            law=article.law,
            actor=actor.canonical,
            actor_en=actor.en,
            modality=modality,
            marker=marker,
            text_zh=span_text,
            span=(start, end),
            text_en=self._english_for(text_en, modality, actor),
            condition=self._condition(text_zh, start, marker_at),
            time_limits=tuple(m.group(0) for pattern in TIME_LIMITS for m in pattern.finditer(span_text)),
            amounts=tuple(m.group(0) for pattern in AMOUNTS for m in pattern.finditer(span_text)),
            references=tuple(
                sorted(
                    {t for r in references if start <= r.start < end for t in r.targets}
                    | {f"other:{r.other_law}" for r in references if start <= r.start < end and r.other_law}
                )
            ),
            text_status=article.text_status,
            regime=regime,
        )

    @staticmethod
    def _with_exception(text: str, end: int) -> int:
        """The end of the quote, past an exception that follows the clause and qualifies it (…的除外): quoted
        without it, a prohibition or a duty reads wider than the law (shenzhen:30(1), pipl:16).

        A sentence with a duty marker of its own (…，应当…，…的除外) is another row's clause and its exception.
        """
        following = NEXT_SENTENCE.match(text, end)
        sentence = following.group(0) if following else ""
        if not sentence.rstrip("。；;：:").endswith("除外"):
            return end
        if any(word in sentence for word, modality in ZH_MODALS.items() if modality != "may"):
            return end
        return end + len(sentence)

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
        with_actor = [s for s in with_modal if actor.en and actor.en.split()[0].lower() in s.text.lower()]
        chosen = with_actor or with_modal
        return " ".join(s.text for s in chosen) if chosen else text_en
