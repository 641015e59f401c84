"""The data model every stage passes along: frozen dataclasses, no behaviour.

A stage is a function from model to model.  Stages never mutate a value; they
build a new one with :func:`dataclasses.replace`.  Every piece of text keeps a
:class:`SourceSpan` so errors and tests can point at ``seeds/<file>:<line>``.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceSpan:
    """A run of lines in one input file (1-based, inclusive)."""

    file: str  #: path as shown to users, e.g. ``seeds/003_x.txt``
    first: int  #: first line number
    last: int  #: last line number

    def __str__(self) -> str:
        return f"{self.file}:{self.first}" if self.first == self.last else f"{self.file}:{self.first}-{self.last}"


@dataclass(frozen=True)
class Line:
    """One normalised, non-blank input line.

    Layout marks that carry no words are lifted off the text into fields, so
    ``text`` holds only what a reader sees.
    """

    number: int  #: 1-based line number in the source file
    text: str  #: NFC, punctuation widths fixed, emphasis and heading marks removed
    heading: int = 0  #: number of leading ``#`` the input used (0: none); a hint only
    bullet: bool = False  #: the input marked it as a list item (``-``, ``*``, ``+``)
    blank_before: bool = True  #: a blank line (or file start) precedes it: a block boundary
    last: int = 0  #: the last source line it was joined from (:mod:`.reflow`); 0 when it is one line


@dataclass(frozen=True)
class Figure:
    """A photo caption with its credit; the photo itself is not in the text."""

    caption: str  #: caption text, label removed (``图为民警……``)
    credit: str = ""  #: the credit line as printed (``本报记者 张冲 本报通讯员 崔佳男 摄``)
    label: str = ""  #: ``图①`` … when the issue numbers its photos
    photographers: tuple[str, ...] = ()  #: names taken from the credit
    source: SourceSpan | None = None


@dataclass(frozen=True)
class Block:
    """One element of an article body, in reading order."""

    kind: str  #: ``paragraph`` | ``section`` | ``item`` (list item) | ``figure``
    text: str = ""  #: paragraph, section heading or list item text; empty for figures
    figure: Figure | None = None  #: set when ``kind == "figure"``
    source: SourceSpan | None = None


@dataclass(frozen=True)
class Place:
    """A prefecture- or county-level place an article names."""

    name: str  #: full official name, e.g. ``鄂州市``
    code: str  #: GB/T 2260 six-digit code
    province: str  #: province-level short name, e.g. ``湖北``


@dataclass(frozen=True)
class Article:
    """One article of an issue, after segmentation (and later enrichment)."""

    issue: str  #: id of the issue it belongs to
    order: int  #: reading order in the issue, from 1
    kind: str  #: ``report`` | ``brief`` | ``photo`` | ``continuation`` | ``commentary``
    title: str
    sources: tuple[SourceSpan, ...]  #: every input span it was built from, in reading order
    body: tuple[Block, ...] = ()
    kicker: str = ""  #: 引题
    subtitle: str = ""  #: 副题
    column: str = ""  #: 栏目
    title_generated: bool = False  #: the headline was missing and ``title`` was made up
    review: str = ""  #: why the parser is unsure of this article (``; ``-separated reasons), for editors
    byline: str = ""  #: the byline as printed (``□ 本报记者 刘志月 □ 本报通讯员 余情愫``)
    dateline: str = ""  #: the dateline as printed (``本报讯 记者韩宇``)
    reporters: tuple[str, ...] = ()  #: 本报记者 / 记者 / 见习记者
    correspondents: tuple[str, ...] = ()  #: 通讯员
    authors: tuple[str, ...] = ()  #: bylined writers without a staff role
    photographers: tuple[str, ...] = ()  #: from figure credits
    author_title: str = ""  #: a column author's position (``山东省滨州市人民政府副秘书长``)
    continued_from: str = ""  #: page it continues from (``第一版``)
    continues_to: str = ""  #: page it continues on (``第7版``)
    slug: str = ""  #: ASCII file/URL slug, set by the writer stage
    # Enrichment (the enrich stage fills these)
    regions: tuple[str, ...] = ()  #: province short names, primary first, or ``("全国",)``
    places: tuple[Place, ...] = ()
    mentions: tuple[str, ...] = ()  #: other provinces a national article names
    themes: tuple[str, ...] = ()  #: 1–3 theme names, primary first
    keywords: tuple[str, ...] = ()
    summary: str = ""
    length: int = 0  #: characters of body text
    related: tuple[str, ...] = ()  #: ids (``issue/NN``) of similar articles, see dibao.enrich.article_id
    markers: tuple[str, ...] = ()  #: continuation markers as printed (``上接第一版``, ``（下转第7版）``)
    page: int = 0  #: the page (版) of its edition it starts on; 0 when the issue has no pages
    page_name: str = ""  #: that page's name (``要闻``), when known

    @property
    def text(self) -> str:
        """Plain body text: paragraphs, sections, items and captions joined by newlines."""
        parts = []
        for block in self.body:
            parts.append(block.figure.caption if block.figure else block.text)
        return "\n".join(p for p in parts if p)


@dataclass(frozen=True)
class Masthead:
    """Facts printed around the articles: masthead, folio and footers."""

    paper: str = ""  #: 报名, e.g. ``河北法治报``
    issue_no: int | None = None  #: 第853期
    pages: int | None = None  #: 本刊今日4版
    section: str = ""  #: 公安周刊
    cn: str = ""  #: ``CN 13-0079``
    postal_code: str = ""  #: 邮发代号
    weekday: str = ""  #: 星期二
    slogans: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()  #: editor/contact footer lines as printed


@dataclass(frozen=True)
class EditionPage:
    """One page (版) of an edition: its number and name, and the file it was read from."""

    number: int  #: 版次 (1 for the front page)
    source: str  #: the seeds/ file, e.g. ``seeds/rmrb-20200115-04.txt``
    lines: int = 0  #: the file's last line
    name: str = ""  #: 版名 (``要闻``, ``法治``, ``公安周刊``), when known
    label: str = ""  #: the number as printed (``A3``, ``03``), when it differs from ``number``
    furniture: tuple[str, ...] = ()  #: the page's furniture lines, as printed


@dataclass(frozen=True)
class Issue:
    """One issue: a raw issue file and everything parsed out of it, or an edition assembled
    from the page files of one paper and date (:mod:`dibao.edition`)."""

    id: str  #: stable ASCII id, the folder name under ``content/``
    source: str  #: the seeds/ file, e.g. ``seeds/003_x.txt``
    lines: tuple[Line, ...] = ()  #: the normalised input lines
    front_matter: dict = field(default_factory=dict, hash=False, compare=False)
    paper: str = ""
    date: str = ""  #: ISO date, or empty when only the year is known
    year: int | None = None
    date_estimated: bool = False  #: the year was inferred from the text
    masthead: Masthead = Masthead()
    furniture: tuple[str, ...] = ()  #: every line kept as issue metadata, as printed
    home_province: str = ""  #: the paper's province, for 我省/全省
    articles: tuple[Article, ...] = ()
    warnings: tuple[str, ...] = ()  #: ``file:line: message`` notes for the user
    #: an edition's pages in order, when it was assembled from page files (empty for a file that
    #: is a whole issue); ``source`` and ``furniture`` are then the first page's
    pages: tuple[EditionPage, ...] = ()
    #: the file's decoded lines as read, front matter blanked: what the conservation check counts
    raw_lines: tuple[str, ...] = field(default=(), compare=False, repr=False)
