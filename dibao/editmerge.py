"""Keep editors' hand edits when content/ is regenerated.

A field-level three-way merge: *base* is what dibao generated last time
(remembered as hashes in the build state), *current* is the file on disk,
*new* is what dibao generates now.  A front-matter key or the body that the
editor left as generated takes the new value; one the editor changed keeps
the editor's value.  When the editor and the source both changed the same
part, the editor's value wins and the build reports a conflict.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import yaml

from .contentio import FAST_LOADER, FRONT_MATTER, dump_yaml, parse_front_matter
from .state import FileRecord, digest

MISSING = "\x00missing"


@dataclass
class MergeResult:
    text: str  #: what to write
    kept: list[str] = field(default_factory=list)  #: parts where the editor's version was kept
    conflicts: list[str] = field(default_factory=list)  #: parts the source changed in a file with edits


def split(text: str) -> tuple[dict, str]:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        data = yaml.load(match.group(1), Loader=FAST_LOADER) or {}
    except yaml.YAMLError:
        data = {}
    return (data if isinstance(data, dict) else {}), match.group(2)


def value_hash(value) -> str:
    return digest(MISSING if value is MISSING else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str))


def record_for(path: str, text: str) -> FileRecord:
    front, body = split(text)
    return record_from(path, front, body, text)


def record_from(path: str, front: dict, body: str, text: str = "") -> FileRecord:
    """The record of a file from the values it was written from (no YAML parsing needed);
    ``text``: the whole file, when it is written as generated."""
    return FileRecord(path, {k: value_hash(v) for k, v in front.items()}, digest(body.strip()),
                      digest(text) if text else "")


def edited_parts(current: str, base: FileRecord) -> list[str]:
    """Front-matter keys (and ``body``) where the file differs from what dibao generated."""
    front, body = split(current)
    keys = sorted(set(front) | set(base.fields))
    parts = [k for k in keys if value_hash(front.get(k, MISSING)) != base.fields.get(k, value_hash(MISSING))]
    return parts + (["body"] if digest(body.strip()) != base.body else [])


def is_edited(current: str, base: FileRecord) -> bool:
    if base.text and digest(current) == base.text:
        return False
    return bool(edited_parts(current, base))


def merge(new: str, current: str | None, base: FileRecord | None, where: str = "article file") -> MergeResult:
    """The text to write for one article file (see the module docstring).  An edited file whose
    front matter does not parse raises :class:`.contentio.ContentError` naming ``where`` and the
    line: merging it would take every key as deleted by the editor and drop them all."""
    if current is None or base is None or current == new or not is_edited(current, base):
        return MergeResult(new)
    new_front, new_body = split(new)
    cur_front, cur_body = parse_front_matter(current, where)
    result = MergeResult("")
    new_record = record_for("", new)
    changed_by_source = [k for k in sorted(set(new_record.fields) | set(base.fields))
                         if new_record.fields.get(k) != base.fields.get(k)]
    changed_by_source += ["body"] if new_record.body != base.body else []
    merged: dict = {}
    for key in list(new_front) + [k for k in cur_front if k not in new_front]:
        base_hash = base.fields.get(key, value_hash(MISSING))
        cur_value, new_value = cur_front.get(key, MISSING), new_front.get(key, MISSING)
        chosen = new_value
        if value_hash(cur_value) != base_hash:
            chosen = cur_value
            result.kept.append(key)
        if chosen is not MISSING:
            merged[key] = chosen
    body = new_body
    if digest(cur_body.strip()) != base.body:
        body = cur_body
        result.kept.append("body")
    if result.kept and changed_by_source:
        result.conflicts = changed_by_source
    result.text = f"---\n{dump_yaml(merged)}---\n{body if body.startswith(chr(10)) else chr(10) + body}"
    return result
