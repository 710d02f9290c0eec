#!/usr/bin/env python3
"""Writes a PyTorch/pytest-style JUnit report of at least MB megabytes to PATH, deterministically:
nested test classes, ~4% failures with long tracebacks, ~1% errors, ~8% skips, ~2% flaky tests
with <rerun> elements (PyTorch's LogXMLReruns), captured stdout on some tests, and a few
repeated testcases (rerun-disabled-tests mode). Usage: gen_pytest_report.py PATH [MB]"""
import random, sys
from xml.sax.saxutils import escape, quoteattr

path, target = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 110
rng = random.Random(20261129)
frames = [f'  File "/var/lib/jenkins/pytorch/torch/testing/_internal/common_utils.py", line {n}, in wrapper\n    method(*args, **kwargs)\n' for n in range(3000, 3040)]

def traceback(test):
    body = "Traceback (most recent call last):\n" + "".join(rng.sample(frames, 12))
    body += f'  File "/var/lib/jenkins/pytorch/test/{test}.py", line {rng.randint(100, 9000)}, in test\n    self.assertEqual(actual, expected)\n'
    body += "AssertionError: Tensor-likes are not close!\n\nMismatched elements: 3 / 1024 (0.3%)\nGreatest absolute difference: 0.0013 at index (7, 2) (up to 1e-05 allowed)\n" * 3
    return escape(body)

with open(path, "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n')
    written, n, suite = 0, 0, 0
    while written < target * 1_000_000:
        suite += 1
        module = f"test_ops_{suite % 97}"
        out.write(f'<testsuite name="pytest" errors="0" failures="0" skipped="0" tests="0" time="1.0" hostname="linux-rocm-{suite % 8}">\n')
        chunk = []
        for _ in range(200):
            n += 1
            cls = f"{module}.TestCommon{rng.choice(['CPU', 'CUDA', 'PrivateUse1'])}"
            name = f"test_{rng.choice(['noncontiguous', 'out', 'variant_consistency', 'dtypes', 'compare_cpu'])}_{n}_{rng.choice(['float32', 'float16', 'bfloat16', 'complex64'])}"
            attrs = f'classname={quoteattr(cls)} name={quoteattr(name)} file="test/{module}.py" time="{rng.random() * 3:.3f}"'
            r = rng.random()
            if r < 0.04:
                chunk.append(f'<testcase {attrs}><failure message={quoteattr("AssertionError: Tensor-likes are not close!")}>{traceback(module)}</failure></testcase>')
            elif r < 0.05:
                chunk.append(f'<testcase {attrs}><error message="RuntimeError: device-side assert triggered">{traceback(module)}</error></testcase>')
            elif r < 0.13:
                chunk.append(f'<testcase {attrs}><skipped type="pytest.skip" message="Skipped: test requires a newer driver">/var/lib/jenkins/pytorch/test/{module}.py:77: Skipped</skipped></testcase>')
            elif r < 0.15:
                reruns = "".join(f'<rerun message="AssertionError: flaky">{traceback(module)}</rerun>' for _ in range(rng.randint(1, 2)))
                chunk.append(f'<testcase {attrs}>{reruns}</testcase>')
            elif r < 0.16:
                chunk.append(f'<testcase {attrs} /><testcase {attrs}><failure message="failed on repeat">{traceback(module)}</failure></testcase>')
            elif r < 0.25:
                chunk.append(f'<testcase {attrs}><system-out>{escape("stdout line " * 40)}</system-out></testcase>')
            else:
                chunk.append(f'<testcase {attrs} />')
        text = "\n".join(chunk) + "\n</testsuite>\n"
        out.write(text)
        written += len(text)
    out.write("</testsuites>\n")
print(f"{path}: {written / 1e6:.0f} MB, {n} testcases")
