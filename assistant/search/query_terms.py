"""Turn a plain question into weighted search terms: filler dropped, glossary synonyms expanded both ways."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.search.analysis import CJK_RUN, english_stems
from assistant.search.glossary_index import GlossaryIndex
from assistant.wording import ENGLISH_WORD, first_words

if TYPE_CHECKING:
    from assistant.search.query_cues import Cue
    from assistant.search.query_data import GlossaryEntry

MAX_QUERY_CHARS = 500

# Question filler: words that say "this is a question", not what it is about.
ZH_FILLER = sorted(
    ["什么", "怎么", "怎样", "如何", "哪些", "哪个", "是否", "需不需要", "需要", "要不要", "能不能", "可不可以",
     "会不会", "是不是", "有没有", "我们", "我的", "我", "你们", "请问", "一下", "多少钱", "多少", "多久", "吗", "呢",
     "吧", "啊", "么", "怎么办", "怎么做", "该怎么", "还能", "能否", "可以吗", "应该", "的话", "以后", "之后", "直接", "公司", "这个", "那个"],
    key=len, reverse=True,
)  # fmt: skip
EN_FILLER = {
    "what", "whats", "what's", "which", "who", "whom", "how", "when", "where", "why", "do", "does", "did", "doing",
    "is", "are", "was", "were", "be", "been", "being", "the", "a", "an", "of", "to", "in", "on", "for", "with",
    "about", "i", "we", "our", "my", "me", "us", "you", "your", "it", "its", "they", "them", "their", "this", "that",
    "these", "those", "there", "need", "needs", "must", "should", "can", "could", "would", "will", "have", "has",
    "had", "any", "if", "or", "and", "but", "please", "tell", "under", "happens", "happen", "get", "got", "anything",
    "all", "after", "before", "s", "so", "than", "then", "by", "from", "at", "as", "into", "still", "ever", "never",
    "chinese", "china", "china's", "law", "laws", "rule", "rules", "regulation", "regulations", "also", "just",
    "really", "actually", "want", "wants", "wanted",
}  # fmt: skip
TERM_WEIGHT = 2.0  # a glossary term the question types itself (the statutory term or its English rendering)
SYNONYM_WEIGHT = 1.6  # a layperson synonym brings the statutory term in a little lower
CROSS_LANGUAGE_SHARE = 0.6  # an English question reaches the authoritative Chinese term at this share of its weight
BROADER_SHARE = 0.5  # a term that is itself a synonym of a broader term brings that one in at this share of its weight
_CONTROL = re.compile(r"[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")


_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
# Contractions: "we're", "they've", "we'd", "I'm", "we'll" lose the ending (no stray "re", "ve" or "d" is searched);
# a negation keeps its "not" ("don't" -> "do not": the stop list keeps modal and negating words).
_CONTRACTION = re.compile(r"['’](?:re|ve|ll|d|m)$", re.IGNORECASE)
_NEGATION = re.compile(r"n['’]t$", re.IGNORECASE)
_IRREGULAR_NEGATION = {"won't": "will", "can't": "can", "shan't": "shall"}


def _plain_word(word: str) -> list[str]:
    """One Latin word with its possessive or contraction undone."""
    folded = word.lower().replace("’", "'")
    if folded in _IRREGULAR_NEGATION:
        return [_IRREGULAR_NEGATION[folded], "not"]
    if _NEGATION.search(word):
        return [_NEGATION.sub("", word), "not"]
    return [_CONTRACTION.sub("", _POSSESSIVE.sub("", word))]


def _plain_words(text: str) -> list[str]:
    """The Latin words of a text, possessives and contractions undone ("subsidiary's" -> "subsidiary", "we're" ->
    "we", "don't" -> "do not"): no stray "s", "re" or "t" is searched."""
    return [plain for word in _LATIN_WORD.findall(text) for plain in _plain_word(word)]


def clean_query(text: str) -> tuple[str, str | None]:
    """Normalise width, drop control characters, cap the length; returns (query, note or None)."""
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    note = None
    if len(text) > MAX_QUERY_CHARS:
        text, note = text[:MAX_QUERY_CHARS], f"query shortened to its first {MAX_QUERY_CHARS} characters"
    return text, note


@dataclass
class QueryTerms:
    """What to look for: Chinese chunks, English stems, and glossary phrases in each language (built once per query)."""

    zh_chunks: list[str] = field(default_factory=list)
    en_stems: list[str] = field(default_factory=list)
    zh_phrases: dict[str, float] = field(default_factory=dict)
    en_phrases: dict[str, float] = field(default_factory=dict)
    heading_zh: dict[str, float] = field(default_factory=dict)
    heading_en: dict[str, float] = field(default_factory=dict)
    expanded: list[str] = field(default_factory=list)
    expansions: set[str] = field(default_factory=set)  # phrases the question reached, not its own words
    cues: list[str] = field(default_factory=list)
    skipped_cues: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """True when nothing searchable is left."""
        return not (
            self.zh_chunks or self.en_stems or self.zh_phrases or self.en_phrases or self.heading_zh or self.heading_en
        )

    @property
    def is_chinese(self) -> bool:
        """True when the question is written (mainly) in Chinese."""
        return bool(self.zh_chunks) or (not self.en_stems and bool(self.zh_phrases))


def _add(target: dict[str, float], phrase: str, weight: float) -> None:
    target[phrase] = max(target.get(phrase, 0.0), weight)


def _apply_cues(terms: QueryTerms, lowered: str, chinese_part: str, cues: Sequence[Cue], words: frozenset[str]) -> None:
    for cue in cues:
        if cue.id in terms.skipped_cues:
            continue
        zh_cue = next((w for w in cue.when_zh if w in chinese_part), None)
        en_cue = first_words(lowered, cue.when_en) or cue.inflected_when_en.first_in(lowered, words)
        if not (zh_cue or en_cue):
            continue
        terms.expanded.append(f"{zh_cue or en_cue} → {cue.id}")
        terms.cues.append(cue.id)
        for target, weights in (
            (terms.zh_phrases, cue.zh),
            (terms.en_phrases, cue.en),
            (terms.heading_zh, cue.heading_zh),
            (terms.heading_en, cue.heading_en),
        ):
            for phrase, weight in weights:
                _add(target, phrase, weight)
                terms.expansions.add(phrase)


def _inside_longer(phrase: str | None, matched: set[str]) -> bool:
    """True when a longer matched phrase contains this one ("government" inside "government data")."""
    return phrase is not None and any(phrase != other and phrase in other for other in matched)


def _apply_glossary(
    terms: QueryTerms,
    lowered: str,
    chinese_part: str,
    glossary: GlossaryIndex,
    words: frozenset[str],
) -> None:
    found = []
    # Only the entries whose first character or word the question has are read (the same result, much less work).
    for entry in glossary.candidates(chinese_part, words):
        zh_hit = entry.zh in chinese_part
        synonym_zh = next((s for s in entry.synonyms_zh if s in chinese_part), None)
        english = synonym_en = None
        if entry.may_match_english(words):
            english = first_words(lowered, entry.english_names)
            synonym_en = first_words(lowered, entry.synonyms_en)
        # Another inflection of a listed phrase is the same phrase ("shutting down the company", "refused to").
        english = english or entry.inflected_names.first_in(lowered, words)
        synonym_en = synonym_en or entry.inflected_synonyms.first_in(lowered, words)
        if zh_hit or synonym_zh or english or synonym_en:
            found.append((entry, zh_hit, synonym_zh, english, synonym_en))
    # A synonym or rendering inside a longer phrase the question matched is that phrase's word, not its own
    # term ("files" in "customer files" is no filing, "government" in "government agency").
    matched_zh = {p for e, zh_hit, syn, _, _ in found for p in ([e.zh] if zh_hit else []) + ([syn] if syn else [])}
    matched_en = {p.lower() for _, _, _, english, syn in found for p in (english, syn) if p}
    for entry, zh_hit, synonym_zh, english, synonym_en in found:
        synonym_zh = None if _inside_longer(synonym_zh, matched_zh) else synonym_zh
        synonym_en = None if _inside_longer(synonym_en and synonym_en.lower(), matched_en) else synonym_en
        en_hit = bool(english) and not _inside_longer(english and english.lower(), matched_en)
        if zh_hit or synonym_zh:
            # The statutory term itself weighs most; a layperson synonym brings it in a little lower.
            _add(terms.zh_phrases, entry.zh, TERM_WEIGHT if zh_hit else SYNONYM_WEIGHT)
            if not zh_hit:
                terms.expansions.add(entry.zh)
                terms.expanded.append(f"{synonym_zh} → {entry.zh}")
        if en_hit or synonym_en:
            weight = TERM_WEIGHT if en_hit else SYNONYM_WEIGHT
            _add(terms.en_phrases, entry.en, weight)
            # English questions reach the authoritative Chinese through the glossary.
            _add(terms.zh_phrases, entry.zh, weight * CROSS_LANGUAGE_SHARE)
            if not zh_hit:
                terms.expansions.add(entry.zh)
            if not en_hit:
                terms.expansions.add(entry.en)
                terms.expanded.append(f"{synonym_en} → {entry.en} / {entry.zh}")
    _apply_broader_terms(terms, [entry for entry, *_ in found], glossary)


def _apply_broader_terms(terms: QueryTerms, reached: list[GlossaryEntry], glossary: GlossaryIndex) -> None:
    """A reached term the glossary lists as an everyday word of a broader term brings the broader one in, lower:
    病历 -> 医疗健康 -> 敏感个人信息 (health records are sensitive personal information, with its own duties)."""
    for entry in reached:
        weight_zh = terms.zh_phrases.get(entry.zh, 0.0)
        weight_en = terms.en_phrases.get(entry.en, 0.0)
        if not weight_zh:
            continue  # matched only inside a longer phrase of the question: not a term of its own
        for broader in glossary.broader_terms(entry.zh):
            if broader.zh in terms.zh_phrases:
                continue
            _add(terms.zh_phrases, broader.zh, weight_zh * BROADER_SHARE)
            terms.expansions.add(broader.zh)
            if weight_en:
                _add(terms.en_phrases, broader.en, weight_en * BROADER_SHARE)
                terms.expansions.add(broader.en)
            terms.expanded.append(f"{entry.zh} → {broader.zh}")


def extract_terms(
    query: str,
    glossary: GlossaryIndex | Sequence[GlossaryEntry],
    cues: Sequence[Cue] = (),
    skip_cues: tuple[str, ...] = (),
    skip_words: frozenset[str] = frozenset(),
) -> QueryTerms:
    """The search terms of a cleaned query (question scaffolding dropped), using the glossary and cues.

    An engine passes its glossary's index (`QueryData.glossary_index`), made once; a bare sequence is indexed here.
    """
    if not isinstance(glossary, GlossaryIndex):
        glossary = GlossaryIndex.of(glossary)
    terms = QueryTerms(skipped_cues=skip_cues)
    lowered = query.lower()
    chinese_part = " ".join(CJK_RUN.findall(query))
    word_set = frozenset(ENGLISH_WORD.findall(lowered))
    _apply_cues(terms, lowered, chinese_part, cues, word_set)
    _apply_glossary(terms, lowered, chinese_part, glossary, word_set)
    for run in CJK_RUN.findall(query):
        for filler in ZH_FILLER:
            run = run.replace(filler, " ")
        terms.zh_chunks.extend(chunk for chunk in run.split() if chunk)
    words = [w for w in _plain_words(query) if w.lower() not in EN_FILLER and w.lower() not in skip_words]
    if words:
        terms.en_stems = list(dict.fromkeys(english_stems(" ".join(words))))
    return terms
