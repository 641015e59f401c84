"""Ingest: raw issue files → normalised lines plus optional YAML front matter.

Real users' files come as UTF-8 (with or without BOM), GB18030/GBK or UTF-16,
with any line ends.  Anything that is not text is refused with a message that
names the file; nothing is guessed silently.
"""
from __future__ import annotations

import codecs
import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import Issue
from .normalize import normalise_lines
from .reflow import reflowed

FRONT_MATTER_KEYS = ("paper", "date", "page", "section", "title")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # a form feed (\x0c, pdftotext's page end) is text
LINE_END = re.compile(rb"\r\n?|\n")
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


class InputError(ValueError):
    """Bad input: the message starts with ``file:line:`` so editors can jump to it."""

    def __init__(self, file: str, line: int, message: str):
        super().__init__(f"{file}:{line}: {message}")
        self.file, self.line, self.reason = file, line, message


@dataclass(frozen=True)
class RawIssue:
    """A decoded issue file before segmentation."""

    source: str  #: display path, e.g. ``seeds/x.txt``
    text: str  #: decoded text with ``\n`` line ends
    encoding: str  #: the encoding it was read with


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Bytes → (text, encoding name); raises InputError for binary input."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], name, source), name
    if b"\x00" in data:
        name = _utf16_without_bom(data)
        if not name:
            raise InputError(source, _line_of(data, data.index(b"\x00")), "binary data (NUL bytes): not a text file")
        return _strict(data, name, source), name
    errors = []
    for name in ("utf-8", "gb18030"):
        try:
            return _checked_text(data.decode(name), source), name
        except UnicodeDecodeError as exc:
            errors.append((exc.start, name))
    start, name = max(errors)  # the encoding that read furthest is the one the file was meant to be in
    raise InputError(source, _line_of(data, start), f"{_bad_bytes(data, start, name)}; "
                                                    "not UTF-8, GB18030/GBK or UTF-16: not a text file")


def _bad_bytes(data: bytes, start: int, name: str) -> str:
    """Where a byte sequence is invalid: byte of its line (from 1) and of the file, and the bytes."""
    column = start - (data.rfind(b"\n", 0, start) + 1) + 1
    shown = " ".join(f"{b:02x}" for b in data[start:start + 2])
    return f"invalid {name.upper()} at byte {column} of the line (byte {start} of the file): {shown}"


def _utf16_without_bom(data: bytes) -> str:
    """The UTF-16 byte order under which the bytes read as plausible text, or ''."""
    if len(data) % 2:
        return ""
    best, best_share = "", 0.0
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if not any(c in text for c in "\n\r \u3000"):
            continue  # real text has line breaks or spaces; random bytes rarely decode to them
        plausible = sum(1 for c in text if c in "\n\r\t " or "\u3000" <= c <= "\u9fff" or " " <= c <= "~")
        share = plausible / max(1, len(text))
        if share > best_share and not CONTROL.search(text):
            best, best_share = name, share
    return best if best_share >= 0.9 else ""


def _strict(data: bytes, name: str, source: str) -> str:
    try:
        return _checked_text(data.decode(name), source)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].decode(name, errors="replace").count("\n") + 1
        raise InputError(source, line, f"invalid {name} byte sequence at byte {exc.start} of the file") from None


def _checked_text(text: str, source: str) -> str:
    match = CONTROL.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise InputError(source, line, f"control character U+{ord(match.group()):04X}: binary data, not a text file")
    return text


def _line_of(data: bytes, offset: int) -> int:
    """The line ``offset`` is on, counting line ends as :func:`read_issue_file` does (``\r\n``, ``\r``, ``\n``)."""
    return len(LINE_END.findall(data, 0, offset)) + 1


def read_issue_file(path: Path, display: str | None = None) -> RawIssue:
    source = display or path.as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(source, 1, f"cannot read the file: {exc.strerror or exc}") from None
    text, encoding = decode(data, source)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return RawIssue(source, text, encoding)


def split_front_matter(raw: RawIssue) -> tuple[dict, list[str], int]:
    """(front matter, body lines, number of the first body line)."""
    lines = raw.text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, lines, 1
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise InputError(raw.source, 1, "front matter opened with '---' is never closed")
    text = "\n".join(lines[1:end])
    try:
        data = yaml.load(text, Loader=FrontMatterLoader) or {}
        node = yaml.compose(text, Loader=FrontMatterLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark else 2
        raise InputError(raw.source, line, f"front matter is not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        raise InputError(raw.source, 2, "front matter must be a mapping of keys to values")
    key_lines = {str(key.value): key.start_mark.line + 2 for key, _ in node.value}
    return checked_front_matter(data, key_lines, raw.source), lines[end + 1:], end + 2


class FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as written: PyYAML's own timestamps fail inside the loader on an
    impossible date (2025-13-45), where no line can be given."""


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def checked_front_matter(data: dict, key_lines: dict[str, int], source: str) -> dict:
    """Every value of the right type, dates as ``YYYY-MM-DD``; a bad one is an error at its line."""
    checked = {}
    for key, value in data.items():
        line = key_lines.get(str(key), 2)
        if str(key) not in FRONT_MATTER_KEYS:
            raise InputError(source, line, f"unknown front matter key: {key} (allowed: {', '.join(FRONT_MATTER_KEYS)})")
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise InputError(source, line, f"front matter {key}: expected text, got {type(value).__name__} {value!r}")
        checked[str(key)] = iso_date(str(value), source, line) if key == "date" else str(value)
    return checked


def iso_date(text: str, source: str, line: int) -> str:
    match = DATE.fullmatch(text.strip())
    if match:
        try:
            return datetime.date(*map(int, match.groups())).isoformat()
        except ValueError:
            pass  # 2025-13-45: shaped like a date, but no such day
    raise InputError(source, line, f"front matter date: {text!r} is not a date (write it as 2025-04-15)")


def issue_id_for(path: Path) -> str:
    """A stable ASCII folder name from the file name: the id never depends on other issues.

    Chinese is spelled in pinyin run by run (法治日报 → fazhiribao); no word segmenter is
    needed, so planning a build never loads jieba."""
    from .slugs import word_pinyin

    runs = re.findall(r"[\u3400-\u9fff]+|[A-Za-z0-9_]+", path.stem)
    issue_id = "-".join(filter(None, (word_pinyin(run) if not run.isascii() else run.lower() for run in runs)))
    return issue_id[:80] or "issue"


def ingest(path: Path, display: str | None = None) -> Issue:
    """Read one issue file into an Issue holding its normalised lines (no articles yet)."""
    return issue_from_raw(read_issue_file(path, display), issue_id_for(path))


def issue_from_raw(raw: RawIssue, issue_id: str) -> Issue:
    front_matter, body, first = split_front_matter(raw)
    lines = reflowed(normalise_lines(body, first))
    warnings = () if lines else (f"{raw.source}:1: warning: empty issue file, no articles",)
    return Issue(id=issue_id, source=raw.source, lines=lines, front_matter=front_matter,
                 warnings=warnings, raw_lines=("",) * (first - 1) + tuple(body))


def discover(seeds_dir: Path) -> list[Path]:
    """Issue files in a folder, sorted (what :func:`.seedfolder.scan_seeds` reads)."""
    from .seedfolder import scan_seeds

    if not seeds_dir.is_dir():
        raise InputError(seeds_dir.as_posix(), 0, "seeds folder does not exist")
    return scan_seeds(seeds_dir).files
