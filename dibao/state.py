"""Build state: what dibao last generated, so rebuilds can skip work and keep hand edits.

The state lives in ``content/.dibao/state.json`` and travels with content/ in
version control, so a fresh clone still knows which files an editor changed.
For every issue it records the key its content was generated from (source
hash + parser version + config); for every article file, the hashes of the
front-matter values and the body as generated.
"""
from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .durable import write_atomically

STATE_PATH = Path(".dibao") / "state.json"
PARSER_SOURCES = ("ingest.py", "normalize.py", "reflow.py", "layout.py", "model.py", "contentio.py", "slugs.py",
                  "textseg.py", "segment", "roles", "edition", "enrich", "data")


def _records(data: dict) -> dict[str, IssueRecord]:
    issues = {}
    for issue_id, rec in data.get("issues", {}).items():
        articles = {str(aid): FileRecord(str(a["path"]), dict(a["fields"]), str(a["body"]), str(a.get("text", "")))
                    for aid, a in rec.get("articles", {}).items()}
        pages = {str(file_id): str(key) for file_id, key in (rec.get("pages") or {}).items()}
        issues[str(issue_id)] = IssueRecord(str(rec["source"]), str(rec["key"]), articles, pages)
    return issues


def digest(data: bytes | str) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()[:32]


@functools.lru_cache(maxsize=1)
def parser_version() -> str:
    """A hash of the code and data that turn an issue file into content: any change re-parses."""
    package = Path(__file__).parent
    files = []
    for name in PARSER_SOURCES:
        path = package / name
        files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix != ".pyc") if path.is_dir() else [path]
    hasher = hashlib.sha256()
    for path in files:
        hasher.update(path.relative_to(package).as_posix().encode())
        hasher.update(path.read_bytes())
    return hasher.hexdigest()[:16]


@dataclass
class FileRecord:
    """One generated article file: where it is and the hashes of what dibao wrote."""

    path: str  #: relative to content/
    fields: dict[str, str]  #: front-matter key → hash of its generated value
    body: str  #: hash of the generated body
    #: hash of the whole file as dibao last wrote it without edits ("" when unknown): a file
    #: with this hash is unedited, which spares parsing its YAML to compare field by field
    text: str = ""

    def to_json(self) -> dict:
        data = {"path": self.path, "fields": dict(sorted(self.fields.items())), "body": self.body}
        return {**data, "text": self.text} if self.text else data


@dataclass
class IssueRecord:
    source: str  #: the seeds/ file (an edition's: its first page's)
    key: str  #: hash of source bytes, parser version and parse config (an edition's: of its pages' keys)
    articles: dict[str, FileRecord] = field(default_factory=dict)  #: article id → record
    #: an edition's page files: issue id of the file (:func:`.ingest.issue_id_for`) → its key;
    #: empty for an issue that is one file (its id is the file's)
    pages: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict:
        data = {"source": self.source, "key": self.key}
        if self.pages:
            data["pages"] = dict(sorted(self.pages.items()))
        return {**data, "articles": {k: v.to_json() for k, v in sorted(self.articles.items())}}

    def files(self, issue_id: str) -> dict[str, str]:
        """File id → key of every file this issue (``issue_id``) was made from."""
        return self.pages or {issue_id: self.key}


@dataclass
class BuildState:
    issues: dict[str, IssueRecord] = field(default_factory=dict)  #: issue id → record
    #: why the state could not be read ("" when it was, or when content/ holds no issue yet): the
    #: content writer then keeps every article file that differs from what the parser makes
    damaged: str = ""

    @classmethod
    def load(cls, content_dir: Path) -> "BuildState":
        path = content_dir / STATE_PATH
        if not path.exists():
            return cls(damaged="missing" if any(content_dir.glob("*/_index.md")) else "")
        try:
            return cls(_records(json.loads(path.read_text(encoding="utf-8"))))
        except (ValueError, UnicodeDecodeError, KeyError, TypeError, AttributeError, IndexError) as exc:
            return cls(damaged=f"unreadable ({type(exc).__name__})")  # costs a full rebuild; no edit is lost

    def owners(self) -> dict[str, tuple[str, str]]:
        """File id → (id of the issue or edition made from it, the file's key when it was)."""
        return {file_id: (issue_id, key) for issue_id, record in self.issues.items()
                for file_id, key in record.files(issue_id).items()}

    def save(self, content_dir: Path) -> None:
        path = content_dir / STATE_PATH
        path.parent.mkdir(parents=True, exist_ok=True)
        text = self.to_text()
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_atomically(path, text, point="state-json")

    def to_text(self) -> str:
        """JSON with one line per article record: diffs in version control stay readable, and
        the compact encoder (which ``indent`` would turn off) writes ten thousand records fast."""
        def dumped(value) -> str:
            return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

        issues = []
        for issue_id, record in sorted(self.issues.items()):
            articles = ",\n".join(f"  {dumped(aid)}: {dumped(a.to_json())}" for aid, a in sorted(record.articles.items()))
            pages = f"\"pages\": {dumped(dict(sorted(record.pages.items())))}, " if record.pages else ""
            issues.append(f" {dumped(issue_id)}: {{\"source\": {dumped(record.source)}, \"key\": {dumped(record.key)}, "
                          f"{pages}\"articles\": {{\n{articles}\n }}}}")
        return '{"version": 1, "issues": {\n' + ",\n".join(issues) + "\n}}\n"
