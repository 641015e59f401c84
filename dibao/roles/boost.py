"""Boosted trees over the role features: a first opinion that the CRF weighs.

A linear-chain CRF adds up its features; whether a short line opens a story depends on
how they combine (a question mark ends a sentence, unless a dateline follows; a line
after a credit is often a title, unless a caption follows it).  Gradient-boosted trees
(LightGBM) learn such combinations.  Two of them give each line the probability that it
opens an article and that it starts a displaced piece of an earlier one; the CRF reads
those probabilities as features of the line and its neighbours (stacking), so the
sequence decides in the end.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

OPENING = ("kicker", "title", "lead")
TARGETS = {"opens": lambda role, previous: role in ("kicker", "lead") or (role == "title" and previous != "kicker"),
           "displaced": lambda role, previous: role == "fragment"}
PARAMS = {"objective": "binary", "learning_rate": 0.05, "num_leaves": 31, "min_data_in_leaf": 20,
          "feature_fraction": 0.5, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0,
          "deterministic": True, "force_row_wise": True, "num_threads": 2, "seed": 7, "verbose": -1}
ROUNDS = 300


def feature_key(name: str, value) -> tuple[str, float]:
    """A string feature is an indicator ``name=value``; a number is a value of its own column."""
    return (f"{name}={value}", 1.0) if isinstance(value, str) else (name, float(value))


def vocabulary(rows: list[dict]) -> dict[str, int]:
    keys = sorted({feature_key(name, value)[0] for row in rows for name, value in row.items()})
    return {key: column for column, key in enumerate(keys)}


def matrix(rows: list[dict], vocab: dict[str, int]) -> csr_matrix:
    """Rows as a sparse matrix; features the vocabulary has not seen are left out."""
    data, indices, indptr = [], [], [0]
    for row in rows:
        cells = sorted((vocab[key], value) for key, value in (feature_key(n, v) for n, v in row.items())
                       if key in vocab)
        indices += [c for c, _ in cells]
        data += [v for _, v in cells]
        indptr.append(len(indices))
    return csr_matrix((np.array(data, dtype=np.float32), np.array(indices, dtype=np.int32), np.array(indptr)),
                      shape=(len(rows), len(vocab)))


def targets(roles: list[str], name: str) -> list[int]:
    out, previous = [], ""
    for role in roles:
        out.append(int(TARGETS[name](role, previous)))
        previous = role if role != "furniture" else previous
    return out


def fit(x: csr_matrix, labelled: tuple[list[int], list[float]], rounds: int = ROUNDS) -> str:
    import lightgbm

    y, weight = labelled
    data = lightgbm.Dataset(x, label=np.array(y), weight=np.array(weight), params={"verbose": -1})
    return lightgbm.train(PARAMS, data, rounds).model_to_string()


def lightgbm_booster(text: str):
    import lightgbm

    return lightgbm.Booster(model_str=text)


def boost_path(model: Path) -> Path:
    """The boosters ship beside the CRF model: ``roles.crfsuite`` → ``roles.boost.json``."""
    return model.with_suffix(".boost.json")


@dataclass
class Boosters:
    """The shipped boosters: the vocabulary and one model text per target."""

    vocab: dict[str, int]
    models: dict[str, str]
    _loaded: dict = field(default_factory=dict, repr=False, compare=False)

    def predict(self, rows: list[dict]) -> dict[str, np.ndarray]:
        x = matrix(rows, self.vocab)
        for name, text in self.models.items():
            if name not in self._loaded:
                self._loaded[name] = lightgbm_booster(text)
        return {name: self._loaded[name].predict(x, num_threads=1) for name in self.models}

    def dumps(self) -> str:
        return json.dumps({"vocab": sorted(self.vocab, key=self.vocab.get), "models": self.models},
                          ensure_ascii=False, sort_keys=True)

    @classmethod
    def loads(cls, text: str) -> "Boosters":
        data = json.loads(text)
        return cls({key: column for column, key in enumerate(data["vocab"])}, data["models"])


def stacked(rows: list[dict], opinions: dict[str, np.ndarray]) -> list[dict]:
    """Each row with the boosters' probabilities for the line and its neighbours, as values and steps."""
    out = []
    for i, row in enumerate(rows):
        row = dict(row)
        for name, values in opinions.items():
            for offset in (-1, 0, 1):
                j = i + offset
                if 0 <= j < len(values):
                    p = float(values[j])
                    row[f"{name}{offset}"] = p
                    for step in (0.1, 0.3, 0.5, 0.7, 0.9):
                        if p >= step:
                            row[f"{name}{offset}>={step}"] = 1.0
        out.append(row)
    return out
