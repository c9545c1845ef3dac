"""Numbers kept per word form, in one array, for the NER models' per-form caches.

Both models spend most of a token's cost on what depends on its form alone: the CRF on
the weight sums of its features, the network on its input products. Each keeps them
per form in a `FormTable`, whose rows for a whole article come out in one gather rather
than one small array per token.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np


class FormTable:
    """Rows of `shape` numbers per form, for at most `limit` forms.

    The first forms a process meets include the frequent ones, which are most of running
    text; once the table is full, the rows of a call's new forms are kept for that call
    only (`add` then `gather`). The array is allocated whole at once: the system gives a
    page memory only when a row is first written to it, and the table is never copied.
    """

    def __init__(self, shape: tuple[int, ...], limit: int):
        self.limit = limit
        self._index: dict[str, int] = {}
        self._rows = np.empty((max(limit, 1), *shape), dtype=np.float32)
        self._extra_index: dict[str, int] = {}
        self._extra = self._rows[:0]

    def __len__(self) -> int:
        return len(self._index)

    def missing(self, forms: Sequence[str]) -> list[str]:
        """The forms that have no row yet, each once, in order of first occurrence."""
        index = self._index
        return list(dict.fromkeys(form for form in forms if form not in index))

    def add(self, forms: Sequence[str], rows: np.ndarray) -> None:
        """Keeps `rows` (one per form of `forms`, new forms only)."""
        count = len(self._index)
        if count + len(forms) > self.limit:
            self._extra_index = {form: position for position, form in enumerate(forms)}
            self._extra = rows
            return
        self._rows[count : count + len(forms)] = rows
        self._index.update(zip(forms, range(count, count + len(forms)), strict=True))

    def gather(self, forms: Sequence[str]) -> np.ndarray:
        """The rows of `forms`, each of which has been added (in this call, once full)."""
        positions = np.fromiter(
            map(self._index.get, forms, itertools.repeat(-1)), dtype=np.int64, count=len(forms)
        )
        rows = self._rows[positions]
        outside = np.flatnonzero(positions < 0)
        if len(outside):
            rows[outside] = self._extra[[self._extra_index[forms[i]] for i in outside.tolist()]]
        return rows
