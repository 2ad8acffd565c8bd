"""Citation resolution: which provisions a query cites, checked against each law's shape, with notes.

A citation of an instrument outside the corpus (个人信息保护法第三十八条) is said to be outside and
resolves to nothing: never to another law's article with the same number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.corpus.outside import OutsideInstrument
from assistant.models import ArticleRef
from assistant.search.citation_query import CitationMatch, CitationRecognizer
from assistant.search.instrument_names import (
    NamedCitation,
    instrument_name,
    named_citations,
    same_law,
    spans_overlap,
)
from assistant.search.query_data import LawFacts
from assistant.wording import contains_words, word_pattern


@dataclass(frozen=True)
class Citations:
    """The provisions a query cites, the query without them, and notes for the user."""

    refs: tuple[ArticleRef, ...] = ()
    remainder: str = ""
    messages: tuple[str, ...] = ()
    outside: tuple[str, ...] = ()  # ids of cited instruments that are not in the corpus


def _article_label(query: str, match: CitationMatch) -> str:
    """The cited article's number as the query gives it: 253, or 253之一 for an article inserted after 253."""
    inserted = re.search(r"条(之[一二三四五六七八九十])", query[match.span[0] : match.span[1]])
    decimal = re.match(r"\.\d+", query[match.span[1] :])  # § 1798.105: a section numbered with a point
    return f"{match.article}{inserted.group(1) if inserted else ''}{decimal.group(0) if decimal else ''}"


def _outside_message(instrument: str, article: str) -> str:
    """What a citation of an instrument outside the corpus is told: it is outside, and nothing stands in for it."""
    return (
        f"{instrument} is not in the corpus: its article {article} cannot be shown, "
        "and no other law's article stands in for it"
    )


def _ambiguous_message(name: str, laws: list[str]) -> str:
    """What a citation under a name several corpus laws answer to is told ("Data Regulations art 21")."""
    return f"{name} may be any of {', '.join(laws)}: no article is shown for it; cite the law by its name or id"


def _say_once(messages: list[str], message: str) -> None:
    if message not in messages:
        messages.append(message)


NEAR_CHARS = 16  # how far before an instrument's name a corpus law's short name still qualifies it


def _is_title(alias: str) -> bool:
    """A law's title or abbreviation (数据安全法, "Data Security Law", DSL), not a short name like 深圳 or 区块链."""
    if alias.isascii():
        return alias.isupper() or " " in alias.strip()
    return len(alias) >= 4


class CitationResolver:
    """Finds citations in a query and resolves them against the corpus laws and the outside list."""

    def __init__(self, laws: dict[str, LawFacts], outside: tuple[OutsideInstrument, ...]) -> None:
        self.laws = laws
        self.outside = {o.id: o for o in outside if o.id not in laws}
        names = {law: list(facts.aliases) for law, facts in laws.items()}
        names.update({o.id: list(o.names) for o in self.outside.values()})
        self.recognizer = CitationRecognizer(names)
        self._mentions = {
            law: sorted({a.lower() for a in [law, *facts.aliases] if len(a) >= 2}, key=len, reverse=True)
            for law, facts in laws.items()
        }
        self._titles = sorted(
            {alias for facts in laws.values() for alias in facts.aliases if _is_title(alias)}, key=len, reverse=True
        )
        # One-word English names (blockchain, Shenzhen, and the ids): never search words, see `name_words`.
        self.name_words = frozenset(
            name.lower()
            for law, facts in laws.items()
            for name in (law, *facts.aliases)
            if name.isascii() and " " not in name
        )

    def mentioned_laws(self, text: str) -> list[str]:
        """Corpus laws the query names anywhere (by id or alias): soft boosts, never filters."""
        lowered = text.lower()
        found = []
        for law, names in self._mentions.items():
            latin = [name for name in names if name.isascii()]
            if any(name in lowered for name in names if not name.isascii()) or contains_words(lowered, latin):
                found.append(law)
        return found

    def without_titles(self, text: str) -> str:
        """The text with law titles taken out (数据安全法, "Data Security Law", DSL): naming a law boosts
        it; its title's words (数据, 安全) say nothing about the question. Short names (深圳, 区块链,
        blockchain) stay for the glossary ("blockchain platform"); the one-word English ones are then no
        search words of their own (`name_words`)."""
        for title in self._titles:
            if title.isascii():
                text = word_pattern((title,)).sub(" ", text.lower()) if contains_words(text, (title,)) else text
            else:
                text = text.replace(title, " ")
        return text

    def find(self, query: str, named: list[NamedCitation] | None = None) -> list[CitationMatch]:
        """The citations the recognizer reads, and those of a corpus law named in words it does not know, in a form
        it reads only beside such a name ("s. 69 Shenzhen SEZ Data Regs", "section 69 of the Shenzhen Data
        Regulations"); left to right. `named`: the query's `named_citations`, when the caller has them."""
        matches = self.recognizer.find(query)
        for cited in named_citations(query) if named is None else named:
            if not cited.number.isdigit() or any(spans_overlap(cited.span, match.span) for match in matches):
                continue
            law = self._corpus_law_named(cited.name, query)
            if law:
                bracketed = cited.paragraph is not None and cited.item is None  # "s. 21(3)": see `_nearest`
                matches.append(
                    CitationMatch(law, int(cited.number), cited.paragraph, cited.item, cited.span, bracketed)
                )
        return sorted(matches, key=lambda match: match.span)

    def remainder(self, query: str) -> str:
        """The query with its citations cut out."""
        matches = self.find(query)
        return self.recognizer.remainder(query, matches) if matches else query

    def resolve(self, query: str, law_filter: str | None) -> Citations:
        """The cited provisions that exist (nearest existing provision where a part is missing)."""
        named = named_citations(query)  # read once: for corpus laws under other names, and instruments on no list
        matches = self.find(query, named)
        refs: list[ArticleRef] = []
        messages: list[str] = []
        outside: list[str] = []
        self._unrecognised(query, named, messages, outside)
        if not matches:
            return Citations(remainder=query, messages=tuple(messages), outside=tuple(outside))
        mentioned = self.mentioned_laws(query)
        for match in matches:
            if match.law is None:
                law, unknown = self._named_instrument(query, match)
                if law == "":
                    _say_once(messages, _ambiguous_message(unknown or "", self._laws_named(unknown or "", query)))
                    continue  # a name several corpus laws answer to: no law's article stands in for the one meant
                match = replace(match, law=law) if law else match
            else:
                unknown = None
            if unknown in outside:
                continue  # said already
            if unknown:
                outside.append(unknown)
                messages.append(_outside_message(unknown, _article_label(query, match)))
                continue
            if match.law in self.outside:
                instrument = self.outside[match.law]
                outside.append(instrument.id)
                title = f"{instrument.title_zh} ({instrument.title_en})"
                messages.append(_outside_message(title, _article_label(query, match)))
                continue
            for ref in self._candidates(match, mentioned, law_filter, messages):
                if ref not in refs:
                    refs.append(ref)
        return Citations(tuple(refs), self.recognizer.remainder(query, matches), tuple(messages), tuple(outside))

    def _unrecognised(self, query: str, named: list[NamedCitation], messages: list[str], outside: list[str]) -> None:
        """Citations of instruments on no list, in forms read only after a name (PIPEDA s. 7(3), 反恐法18条):
        said to be outside the corpus, so that no result reads as the cited article."""
        known_names = {name.lower() for o in self.outside.values() for name in o.names}
        for cited in named:
            name = cited.name
            if name.lower() in known_names or name in outside:
                continue
            law = self._corpus_law_named(name, query)
            if law == "":
                _say_once(messages, _ambiguous_message(name, self._laws_named(name, query)))
            elif law is None:
                outside.append(name)
                messages.append(_outside_message(name, cited.number))

    def _corpus_law_named(self, name: str, query: str) -> str | None:
        """The corpus law `name` (or a short name just before it) is; "" when it may be several, None if none."""
        named = self._laws_named(name, query)
        return named[0] if len(named) == 1 else ("" if named else None)

    def _laws_named(self, name: str, query: str) -> list[str]:
        """The corpus laws `name` (or a short name just before it) may be."""
        start = max(query.find(name), 0)
        named = self.mentioned_laws(query[max(0, start - NEAR_CHARS) : start + len(name)]) or self.mentioned_laws(name)
        return named or [law for law, facts in self.laws.items() if same_law(name, [law, *facts.aliases])]

    def _named_instrument(self, query: str, match: CitationMatch) -> tuple[str | None, str | None]:
        """(corpus law, unknown instrument) a citation with no recognised law is tied to by name: a corpus law
        under another wording ("Network Data Regulations Article 46"), or an instrument on neither list
        (未成年人保护法第72条, GDPR Art. 17), whose article another law's must never stand in for."""
        name = instrument_name(query[: match.span[0]], query[match.span[1] :])
        if name is None:
            return None, None
        # The words just before the name too: "(Shenzhen) Data Regulations Art 67" is the Shenzhen Regulations.
        law = self._corpus_law_named(name, query)
        if law is None:
            return None, name
        return law, (name if law == "" else None)

    def _candidates(
        self, match: CitationMatch, mentioned: list[str], law_filter: str | None, messages: list[str]
    ) -> list[ArticleRef]:
        law = match.law or (mentioned[0] if len(mentioned) == 1 else None) or law_filter
        laws = [law] if law else list(self.laws)
        valid: list[ArticleRef] = []
        for name in laws:
            ref = ArticleRef(name, match.article, match.paragraph, match.item)
            if law_filter and ref.law != law_filter:
                continue
            problem = self.laws[name].shape.problem(ref)
            if problem is None:
                valid.append(ref)
            elif law:
                valid.extend(self._nearest(ref, problem, match.bracketed, messages))
        return valid

    def _nearest(self, ref: ArticleRef, problem: str, bracketed: bool, messages: list[str]) -> list[ArticleRef]:
        """For a cited paragraph or item that does not exist in an existing article: what the user most likely meant.

        "Art. 21(3)" of an article with one paragraph and items means its item 3 (the usual English
        rendering of 第二十一条第（三）项); anything else falls back to the article itself, never to
        another article. Nothing when the article itself does not exist.
        """
        articles = self.laws[ref.law].shape.items_per_paragraph
        if ref.paragraph is None or ref.article > len(articles):
            messages.append(f"no such provision {ref.id}: {problem}")
            return []
        paragraphs = articles[ref.article - 1]
        if bracketed and ref.item is None and len(paragraphs) == 1 and ref.paragraph <= paragraphs[0]:
            nearest = ArticleRef(ref.law, ref.article, 1, ref.paragraph)
            messages.append(f"{ref.id} does not exist ({problem}): read as item {nearest.item}, {nearest.id}")
            return [nearest]
        nearest = ArticleRef(ref.law, ref.article)
        messages.append(f"no such provision {ref.id}: {problem}; showing {nearest.id}")
        return [nearest]
