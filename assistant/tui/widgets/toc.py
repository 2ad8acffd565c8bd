"""The table of contents: each instrument's chapters, sections and articles as a tree, built when first shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from assistant.numerals import int_to_chinese
from assistant.tui.cells import fit_cells
from assistant.tui.styles import status_badge
from assistant.tui.type_ahead import HoldsKeysTypedAhead

if TYPE_CHECKING:  # the corpus model arrives with the loaded corpus, after the first frame
    from assistant.corpus.store import Corpus
    from assistant.models import Article, Heading

PREVIEW_CELLS = 24  # a glimpse of each article's opening words


def _heading_label(heading: Heading) -> Text:
    english = f"  {heading.title_en}" if heading.title_en else ""
    return Text.assemble((heading.label_zh, "bold"), (english, "dim"))


def _article_label(article: Article) -> Text:
    label = Text.assemble((f"第{int_to_chinese(article.number)}条", "bold"), f" Art. {article.number} ")
    label.append_text(fit_cells(Text(article.paragraphs[0].zh, style="dim"), PREVIEW_CELLS))
    badge = status_badge(article.text_status)
    if badge.plain:
        label.append(" ")
        label.append_text(badge)
    return label


class ContentsTree(HoldsKeysTypedAhead, Tree[str]):
    """Laws, then chapters and sections, then articles; an article node's data is its id."""

    DEFAULT_CSS = """
    ContentsTree {
        height: 1fr;
        overflow-x: hidden;  /* long English headings are cut at the edge, not scrolled sideways */
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Contents", id=id)
        # Set without running their watchers: nothing is drawn yet, and the tree is built when first shown.
        self.set_reactive(Tree.show_root, False)
        self.set_reactive(Tree.guide_depth, 2)
        self._article_nodes: dict[str, TreeNode[str]] = {}
        self._law_nodes: dict[str, TreeNode[str]] = {}
        self._corpus: Corpus | None = None
        self._pending_laws: list[str | None] = []  # expand_law calls made before the tree was built
        self._pending_reveal: str | None = None  # the article to show once the tree is built

    def set_corpus(self, corpus: Corpus) -> None:
        """Hold the corpus; the tree (some 300 labels) is built when it is first shown, not on the first screen."""
        self._corpus = corpus

    @property
    def populated(self) -> bool:
        """True once the tree has been built."""
        return bool(self._law_nodes)

    def ensure_populated(self) -> None:
        """Build the tree now if the corpus is in and it was not built yet, then apply what was asked meanwhile."""
        if self._corpus is None or self.populated:
            return
        self.populate(self._corpus)
        for law_id in self._pending_laws:
            self.expand_law(law_id)
        self._pending_laws.clear()
        if self._pending_reveal is not None:
            self.reveal(self._pending_reveal)
            self._pending_reveal = None

    def on_show(self) -> None:
        """Shown for the first time (the Contents tab): build the tree."""
        self.ensure_populated()

    def populate(self, corpus: Corpus) -> None:
        """Build the tree once from the corpus (laws collapsed, so it opens short)."""
        self.clear()
        self._article_nodes.clear()
        self._law_nodes.clear()
        for law in corpus.laws.values():
            law_node = self.root.add(Text.assemble((law.info.title_zh, "bold"), "  ", (law.info.short_en, "italic")))
            self._law_nodes[law.id] = law_node
            parents: dict[tuple[int, int | None], TreeNode[str]] = {}  # (chapter, section or None)
            for article in law.articles:
                parent = law_node
                if article.chapter is not None:
                    chapter_key: tuple[int, int | None] = (article.chapter.number, None)
                    if chapter_key not in parents:
                        parents[chapter_key] = law_node.add(_heading_label(article.chapter))
                    parent = parents[chapter_key]
                    if article.section is not None:
                        section_key: tuple[int, int | None] = (article.chapter.number, article.section.number)
                        if section_key not in parents:
                            parents[section_key] = parent.add(_heading_label(article.section))
                        parent = parents[section_key]
                self._article_nodes[article.id] = parent.add_leaf(_article_label(article), data=article.id)
        self.cursor_line = 0  # clear() leaves no cursor; start on the first law so Enter works at once

    def expand_law(self, law_id: str | None) -> None:
        """Open one law's branch (or every law's, for None)."""
        if self._corpus is not None and not self.populated:
            self._pending_laws.append(law_id)
            return
        for node_law, node in self._law_nodes.items():
            if law_id is None or node_law == law_id:
                node.expand()

    def reveal(self, article_id: str) -> None:
        """Move the cursor to an article, opening its branches (without opening the article again)."""
        if not self.populated:
            self._pending_reveal = article_id
            return
        node = self._article_nodes.get(article_id)
        if node is None:
            return
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        self.call_after_refresh(self._move_to, node)

    def _move_to(self, node: TreeNode[str]) -> None:
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)

    def is_article(self, node: TreeNode[str]) -> bool:
        """True for an article leaf (law, chapter and section nodes only open and close)."""
        return node.data is not None and node.data in self._article_nodes
