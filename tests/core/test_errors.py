"""An error keeps its file, problem and fix when a worker process sends it back."""

from __future__ import annotations

import pickle

from anonymiser.config.keep_list import KeepListError
from anonymiser.core.errors import InputError, RegisterError


def test_an_error_survives_the_trip_from_a_worker() -> None:
    for error in (InputError("drafts/review.pdf", "is a scanned PDF with no text", "Run it through OCR first."),
                  RegisterError(None, "the register has no people"),
                  KeepListError("keep.txt", "is empty", "Add one term a line.")):
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error)
        assert (back.path, back.problem, back.fix, back.line()) == (error.path, error.problem, error.fix, error.line())
