"""The unsharded lunr index the sharded one must rank like (tests and bench only).

``python -m dibao.search.reference OUT COUNT`` builds a synthetic archive of
COUNT articles into ``OUT/search`` (sharded) and writes ``OUT/reference.json``
(one lunr index over every article, loadable by lunr.js 2.3.9) and
``OUT/docs.json`` (ids and field texts, for recall checks).
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Callable, Sequence

import lunr.builder
from lunr.field_ref import FieldRef

from dibao.search.build import build_search, month_part, ordered_parts
from dibao.search.docs import FIELDS, SearchDoc, field_texts
from dibao.search.tokens import tokenize, utf16_key


class TokenBuilder(lunr.builder.Builder):
    """lunr's builder fed with our own tokens (lunr.py hard-wires its tokenizer)."""

    def __init__(self) -> None:
        super().__init__()
        for name, boost in FIELDS:
            self.field(name, boost)
        self.metadata_whitelist = ["position"]

    def add_doc(self, ref: str, doc: SearchDoc) -> None:
        """Mirror of ``Builder.add`` (lunr.py 0.8) with ``tokenize`` for every field."""
        self._documents[ref] = {}
        self.document_count += 1
        for (name, _boost), text in zip(FIELDS, field_texts(doc)):
            tokens = tokenize(text)
            field_ref = str(FieldRef(ref, name))
            field_terms: dict[str, int] = defaultdict(int)
            self.field_term_frequencies[field_ref] = field_terms
            self.field_lengths[field_ref] = len(tokens)
            for term, start in tokens:
                field_terms[term] += 1
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {f: {} for f in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                posting[name].setdefault(ref, {"position": []})["position"].append(start)


def reference_index(docs: Sequence[SearchDoc], part_key: Callable[[SearchDoc], str] = month_part) -> dict:
    """One lunr index over all docs in the sharded index's global order, refs = doc ids."""
    builder = TokenBuilder()
    for _key, part_docs in ordered_parts(docs, part_key):
        for doc in part_docs:
            builder.add_doc(doc.id, doc)
    serialized = builder.build().serialize()
    # lunr.py sorts terms by code point; lunr.js needs UTF-16 order.
    serialized["invertedIndex"].sort(key=lambda pair: utf16_key(pair[0]))
    return serialized


def write_fixture(out: Path, docs: Sequence[SearchDoc]) -> None:
    """Sharded index, reference index and doc texts side by side."""
    out.mkdir(parents=True, exist_ok=True)
    build_search(docs, out / "search")
    (out / "reference.json").write_text(json.dumps(reference_index(docs), ensure_ascii=False), encoding="utf-8")
    texts = [{"id": d.id, "fields": list(field_texts(d))} for _k, ds in ordered_parts(docs, month_part) for d in ds]
    (out / "docs.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")


def main(argv: list[str]) -> None:
    from dibao.search.synthetic import make_docs

    from dibao.search import entries

    out, count = Path(argv[0]), int(argv[1])
    # a small archive has few entries as big as a real one's: lower thresholds make the tests read
    # k/ files and several shards too
    entries.BIG = min(entries.BIG, 60)
    entries.SHARD_TARGET = min(entries.SHARD_TARGET, 4000)
    entries.BIG_TARGET = min(entries.BIG_TARGET, 8000)
    write_fixture(out, make_docs(count, seed=7) + odd_docs())


def odd_docs() -> list[SearchDoc]:
    """Articles with full-width, supplementary-plane and ASCII-punctuation text."""
    return [
        SearchDoc(ref="articles/odd/1.html", id="odd/1", title="𠮷野家门店ＡＢＣ规范经营", year=2020, date="2020-05-01",
                  body="𠮷野家在Ｃ区开店。ＡＢＣ公司:食品安全*检查+通过。𠮷𠮷"),
        SearchDoc(ref="articles/odd/2.html", id="odd/2", title="ｆｕｌｌ宽字符与𩸽鱼", year=2021, date="2021-01-02",
                  body="餐馆出售𩸽鱼,ＡＢＣ标签。C++ 与 a:b 写法"),
        SearchDoc(ref="articles/odd/3.html", id="odd/3", title="鄂州警方破获一起电信诈骗案", year=2022, date="2022-03-04",
                  regions=("湖北",), themes=("电信网络诈骗",), people=("韩宇",),
                  body="鄂州市公安局反诈中心民警韩宇介绍,这起电信诈骗案涉案金额较大。"),
    ]


if __name__ == "__main__":
    main(sys.argv[1:])
