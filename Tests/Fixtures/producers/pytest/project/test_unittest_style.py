"""unittest.TestCase versions of the same tests (the shape PyTorch's suites have).

pytest-flakefinder copies unittest items verbatim instead of parametrizing them, so their
repeats keep the same classname and name; this module shows that.
"""
import unittest

from _attempts import attempt


class TestUnittestStyle(unittest.TestCase):
    def test_pass_one(self):
        self.assertEqual(1 + 1, 2)

    def test_pass_two(self):
        self.assertEqual("oot".upper(), "OOT")

    def test_pass_three(self):
        self.assertEqual(sorted([3, 1, 2]), [1, 2, 3])

    def test_fails_first_attempt_only(self):
        n = attempt("unittest_fails_first_attempt_only")
        self.assertGreaterEqual(n, 2, f"attempt {n}: fails on attempt 1, passes from attempt 2")

    def test_fails_every_attempt(self):
        n = attempt("unittest_fails_every_attempt")
        self.assertLess(n, 0, f"attempt {n}: fails on every attempt")

    def test_fails_twice_then_passes(self):
        n = attempt("unittest_fails_twice_then_passes")
        self.assertGreaterEqual(n, 3, f"attempt {n}: fails on attempts 1 and 2, passes from attempt 3")

    def test_skipped(self):
        self.skipTest("skipped on purpose: no frobnicator attached")

    @unittest.expectedFailure
    def test_expected_failure_that_fails(self):
        self.assertEqual(2 + 2, 5)

    @unittest.expectedFailure
    def test_expected_failure_that_passes(self):
        self.assertEqual(2 + 2, 4)
