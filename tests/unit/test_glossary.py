"""The glossary is well-formed, its citations resolve, and the translation uses its renderings."""

from __future__ import annotations

from assistant.corpus.glossary import Glossary, load_glossary
from assistant.corpus.store import Corpus
from tests.conftest import CORPUS


def glossary() -> Glossary:
    return load_glossary(CORPUS)


def test_required_terms_are_present() -> None:
    required = ["数据处理者", "重要数据", "国家核心数据", "区块链信息服务提供者", "区块链信息服务使用者",
                "数据交易中介服务", "公共管理和服务机构", "去标识化", "匿名化", "用户画像", "敏感个人数据",
                "生物识别数据", "网信部门", "备案"]  # fmt: skip
    assert all(glossary().by_zh(term) for term in required)


def test_layperson_synonyms_map_to_statutory_terms() -> None:
    g = glossary()
    assert "实名" in g.by_zh("真实身份信息").synonyms_zh  # type: ignore[union-attr]
    assert "face" in g.by_zh("生物识别数据").synonyms_en  # type: ignore[union-attr]
    assert "杀熟" in g.by_zh("差别待遇").synonyms_zh  # type: ignore[union-attr]
    assert "外包" in g.by_zh("委托").synonyms_zh  # type: ignore[union-attr]
    assert "data broker" in g.by_zh("数据交易中介服务").synonyms_en  # type: ignore[union-attr]


def test_defining_citations_resolve(corpus: Corpus) -> None:
    for term in glossary().terms:
        for citation in term.defined_in:
            assert corpus.exists(citation), f"{term.zh}: {citation}"
            assert term.zh in (corpus.text_of(citation, "zh") or ""), f"{citation} does not define {term.zh}"


def test_nested_terms_count_only_once() -> None:
    found = [t.zh for t in glossary().terms_in("数据处理者应当对敏感个人数据进行去标识化")]
    assert "数据处理者" in found and "数据处理" not in found
    assert "敏感个人数据" in found and "个人数据" not in found


def test_translation_uses_the_glossary_renderings(corpus: Corpus) -> None:
    g = glossary()
    uses, misses = 0, []
    for article in corpus.all_articles():
        for paragraph in article.paragraphs:
            for zh, en in [(paragraph.zh, paragraph.en), *((i.zh, i.en) for i in paragraph.items)]:
                for term in g.terms_in(zh):
                    uses += 1
                    if not term.english_matches(en or ""):
                        misses.append(f"{article.id}: {term.zh} -> {term.en}")
    print(f"glossary consistency: {uses - len(misses)}/{uses} = {(uses - len(misses)) / uses:.3f}")
    assert uses > 500
    assert misses == []


def test_the_consistency_check_detects_a_wrong_rendering() -> None:
    term = glossary().by_zh("重要数据")
    assert term is not None
    assert term.english_matches("Processors of important data shall ...")
    assert not term.english_matches("Processors of key data shall ...")
