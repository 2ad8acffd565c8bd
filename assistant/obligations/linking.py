"""Duty-to-penalty links at clause and actor level: by number (the liability clause cites the duty) or by scope."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.corpus.store import Corpus
from assistant.models import ArticleRef, within
from assistant.obligations.crossrefs import find_references
from assistant.obligations.liability import classify_penalty, is_liability_paragraph, states_liability
from assistant.obligations.liability_data import LiabilityReview
from assistant.obligations.link_data import NumberLimit, ScopeRule, is_authority
from assistant.obligations.pipeline import ActorSpec
from assistant.obligations.records import Obligation, Penalty, PenaltyLink

PUNISHABLE = ("must", "must_not")
# 违反本条例第十二条、第十六条至第二十条…规定的，由… : the citation is the whole description of the breach.
PLAIN_CITATION = re.compile(r"^(?:第[^条]{1,6}条\s*)?违反(?:本法|本规定|本条例|本办法)[^，。；]*规定的，")


def liability_paragraphs(corpus: Corpus, review: LiabilityReview | None = None) -> dict[str, Penalty]:
    """Every liability paragraph (in a liability article, one that sets a sanction; elsewhere, one that only makes a
    conduct answerable), classified, in corpus order.

    The rule classifies; a reviewed entry that says `override` replaces the rule's kinds and referrals, and
    the reviewed English names of the laws referred to are attached.
    """
    review = review or LiabilityReview({}, {})
    penalties: dict[str, Penalty] = {}
    for article in corpus.all_articles():
        for paragraph in article.paragraphs:
            if is_liability_paragraph(article, paragraph.zh):
                ref = f"{article.id}.{paragraph.number}"
                penalty = classify_penalty(ref, paragraph.zh)
                reviewed = review.penalties.get(ref)
                if reviewed is not None and reviewed.override:
                    penalty = replace(penalty, kinds=reviewed.kinds, refers_to=reviewed.refers_to)
                penalties[ref] = replace(
                    penalty,
                    refers_to_en=tuple(review.referrals_en.get(r, "") for r in penalty.refers_to),
                    note=reviewed.note if reviewed else "",
                )
    return penalties


def _named_actor(text: str, actors: list[ActorSpec]) -> ActorSpec | None:
    """The actor a liability paragraph opens with (区块链信息服务提供者违反…), if it names one."""
    opening = text.split("违反")[0].split("不履行")[0].split("未履行")[0]
    named = [(len(form), actor) for actor in actors for form in actor.forms if opening.startswith(form)]
    return max(named, key=lambda pair: pair[0])[1] if named else None


def _kind_of(actor: str, named: ActorSpec, by_name: dict[str, ActorSpec]) -> bool:
    """True when a duty's actor is the named actor or a kind of it (重要数据的处理者 is a 数据处理者)."""
    if actor == named.canonical:
        return True
    spec = by_name.get(actor)
    return spec is not None and named.canonical in spec.kind_of


def cited_by_number(corpus: Corpus) -> dict[str, list[str]]:
    """Each liability paragraph and the provisions (articles or paragraphs) it cites by number, in text order."""
    cited: dict[str, list[str]] = {}
    for article in corpus.all_articles():
        paragraphs = [p for p in article.paragraphs if is_liability_paragraph(article, p.zh)]
        references = find_references(article) if paragraphs else []
        for paragraph in paragraphs:
            penalty = f"{article.id}.{paragraph.number}"
            cited[penalty] = [
                t
                for r in references
                if r.kind == "article" and within(r.source, penalty)
                for t in r.targets
                if corpus.exists(t) and ArticleRef.parse(t).article != article.number
            ]
    return cited


def _cites_only(text: str) -> bool:
    """True when a liability paragraph punishes the breach of the provisions it cites and says no more about the
    conduct (违反本条例第十二条…规定的，由…): it reaches every duty there, an authority's too. Where it names the
    conduct (违反本法第三十五条规定，拒不配合数据调取的), a duty of the authority the provision empowers is not it."""
    return PLAIN_CITATION.search(text) is not None


def number_links(
    corpus: Corpus,
    obligations: list[Obligation],
    actors: list[ActorSpec],
    limits: dict[str, NumberLimit] | None = None,
) -> list[tuple[int, PenaltyLink]]:
    """Links where a liability paragraph cites the duty's provision by number, each with its row's index; a reviewed
    limit keeps only the clauses about the conduct the paragraph names."""
    by_name = {a.canonical: a for a in actors}
    limits = limits or {}
    links: list[tuple[int, PenaltyLink]] = []
    for penalty, targets in cited_by_number(corpus).items():
        if not targets:
            continue
        text = corpus.text_of(penalty) or ""
        named = _named_actor(text, actors)
        plain = _cites_only(text)
        reached = []
        for index, obligation in enumerate(obligations):
            cited = next((t for t in targets if within(obligation.id, t)), None)
            if cited is None:
                continue
            if named is not None and not _kind_of(obligation.actor, named, by_name):
                continue
            if named is None and not plain and is_authority(obligation.actor):
                continue  # a sanction on "whoever breaches art. X by doing Y" does not reach the authority X empowers
            if penalty in limits and not limits[penalty].reaches(obligation.text_zh):
                continue
            reached.append((index, obligation, cited))
        for index, obligation, cited in reached:
            if obligation.modality in PUNISHABLE:
                links.append((index, PenaltyLink(obligation.id, obligation.actor, penalty, "number", cited=cited)))
    return links


def subject_matter(corpus: Corpus, obligation: Obligation) -> str:
    """The words a scope rule's `mentions` are looked for in: the row's own clause, and where that clause is a lead-in
    (…应当符合下列要求： / 但是，有下列情形之一的除外：) the items it governs, which are no rows of their own."""
    ref = ArticleRef.parse(obligation.id)
    if ref.item is not None or ref.paragraph is None or not obligation.text_zh.rstrip().endswith(("：", ":")):
        return obligation.text_zh
    paragraph = next((p for p in corpus.article(obligation.article_id).paragraphs if p.number == ref.paragraph), None)
    items = paragraph.items if paragraph is not None else ()
    return "\n".join([obligation.text_zh, *(item.zh for item in items)])


def scope_links(corpus: Corpus, obligations: list[Obligation], rules: list[ScopeRule]) -> list[tuple[int, PenaltyLink]]:
    """Links from reviewed scope rules, each with its row's index: general liability clauses that cover duties by
    actor and subject matter (a rule may reach one clause of a paragraph and not another of the same actor).

    A residual rule (违反本条例其他有关规定的) covers the duties of its instrument at provisions that no liability
    paragraph cites by number (a paragraph citation leaves the article's other paragraphs to it).
    """
    cited = [target for targets in cited_by_number(corpus).values() for target in targets]
    clauses = [subject_matter(corpus, obligation) for obligation in obligations]
    links: list[tuple[int, PenaltyLink]] = []
    for rule in rules:
        for index, obligation in enumerate(obligations):
            article = corpus.article(obligation.article_id)
            chapter = article.chapter.number if article.chapter else None
            if not rule.covers(
                obligation.id, chapter, obligation.actor, obligation.modality, clauses[index], obligation.regime
            ):
                continue
            if rule.residual and any(within(obligation.id, target) for target in cited):
                continue
            if rule.residual and states_liability(obligation.text_zh):
                continue  # 应当依法承担相应责任 is itself a liability rule: no sanction punishes its breach
            links.append((index, PenaltyLink(obligation.id, obligation.actor, rule.penalty, "scope", rule.reason)))
    return links


def link_obligations(
    corpus: Corpus,
    obligations: list[Obligation],
    actors: list[ActorSpec],
    rules: list[ScopeRule],
    limits: dict[str, NumberLimit] | None = None,
) -> tuple[list[Obligation], list[PenaltyLink]]:
    """Every link once (a number link wins over a scope link to the same paragraph), and each row's own penalties.

    Permissions never carry a penalty (OBLIGATION_SPEC). A row's penalties are those that reach that row: two
    clauses of one actor in one paragraph may differ (不得损害… is punished by dsl:51, 遵守法律… is not).
    """
    links: dict[tuple[str, str, str], PenaltyLink] = {}
    by_row: dict[int, set[str]] = {}
    for index, link in [*number_links(corpus, obligations, actors, limits), *scope_links(corpus, obligations, rules)]:
        links.setdefault((link.duty, link.actor, link.penalty), link)
        by_row.setdefault(index, set()).add(link.penalty)
    order = {ref: index for index, ref in enumerate(corpus.all_ids())}
    linked = [
        replace(o, penalties=tuple(sorted(by_row.get(index, ()), key=lambda p: order.get(p, 0))))
        for index, o in enumerate(obligations)
    ]
    return linked, list(links.values())
