#!/usr/bin/env python3
"""Python baseline for scripts/bench-junit.sh: stream a JUnit file with xml.etree.iterparse,
count testcases by outcome (error > failure > skipped > passed) and free elements as it goes."""
import sys
import xml.etree.ElementTree as ET

counts = {"tests": 0, "passed": 0, "failure": 0, "error": 0, "skipped": 0}
for _, elem in ET.iterparse(sys.argv[1], events=("end",)):
    if elem.tag == "testcase":
        tags = {child.tag for child in elem}
        outcome = "error" if "error" in tags else "failure" if "failure" in tags else "skipped" if "skipped" in tags else "passed"
        counts["tests"] += 1
        counts[outcome] += 1
        elem.clear()
    elif elem.tag == "testsuite":
        elem.clear()
print(counts)
