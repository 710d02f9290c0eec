"""Six tests: three always pass, three fail on fixed attempts (see _attempts.py)."""
from _attempts import attempt


def test_pass_one():
    assert 1 + 1 == 2


def test_pass_two():
    assert "oot".upper() == "OOT"


def test_pass_three():
    assert sorted([3, 1, 2]) == [1, 2, 3]


def test_fails_first_attempt_only():
    n = attempt("fails_first_attempt_only")
    assert n >= 2, f"attempt {n}: fails on attempt 1, passes from attempt 2"


def test_fails_every_attempt():
    n = attempt("fails_every_attempt")
    assert n < 0, f"attempt {n}: fails on every attempt"


def test_fails_twice_then_passes():
    n = attempt("fails_twice_then_passes")
    assert n >= 3, f"attempt {n}: fails on attempts 1 and 2, passes from attempt 3"
