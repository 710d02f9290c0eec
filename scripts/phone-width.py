#!/usr/bin/env python3
"""Opens every page of a built site in headless chromium at a phone's width (390 px by default)
and lists the pages wider than the viewport: no page may need sideways scrolling (tables scroll
inside their own container, boxes stack).

  scripts/phone-width.py SITE_DIR [--width 390] [--limit-per-kind N]

Needs Debian's chromium, chromium-driver and python3-selenium (scripts/setup installs them).
Prints one line per page that is too wide (path, page width, the widest element) and exits 1 if
there is any; exits 0 and prints the count of pages checked otherwise.
"""
import argparse, collections, os, sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

parser = argparse.ArgumentParser()
parser.add_argument("site")
parser.add_argument("--width", type=int, default=390)
parser.add_argument("--limit-per-kind", type=int, default=0, help="check at most N pages of each kind (0: all)")
args = parser.parse_args()

site = os.path.realpath(args.site)
pages = []
for root, _dirs, files in os.walk(site):
    for name in files:
        if name.endswith(".html"):
            pages.append(os.path.join(root, name))
pages.sort()


def kind(path):
    parts = os.path.relpath(path, site).split(os.sep)
    for marker in ("job", "tests", "page", "flaky", "trunk", "nightly", "periodic"):
        if marker in parts[:-1]:
            return marker + ("" if parts[0] != "tests" else "-across")
    return parts[0] if len(parts) > 1 else "root"


if args.limit_per_kind:
    seen = collections.Counter()
    kept = []
    for path in pages:
        k = kind(path)
        if seen[k] < args.limit_per_kind:
            kept.append(path)
            seen[k] += 1
    pages = kept

options = webdriver.ChromeOptions()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
             f"--window-size={args.width},900"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
# Headless chromium keeps windows at least 500 px wide; the device metrics set the real viewport.
driver.execute_cdp_cmd(
    "Emulation.setDeviceMetricsOverride", {"width": args.width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
# The widest element that sticks out of the viewport, to say what to fix.
WIDEST = """
const w = window.innerWidth; let worst = null, right = w;
for (const el of document.querySelectorAll('body *')) {
  const r = el.getBoundingClientRect();
  if (r.right > right + 1 && getComputedStyle(el).position !== 'absolute') {
    let inScroller = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if ((s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') && p.getBoundingClientRect().right <= w + 1) { inScroller = true; break; }
    }
    if (!inScroller) { right = r.right; worst = el; }
  }
}
return worst ? worst.tagName.toLowerCase() + (worst.className ? '.' + String(worst.className).split(' ').join('.') : '') + ' to ' + Math.round(right) + 'px' : '';
"""
bad = 0
try:
    inner = None
    for path in pages:
        driver.get("file://" + path)
        inner = driver.execute_script("return window.innerWidth")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        if width > inner:
            bad += 1
            print(f"{os.path.relpath(path, site)}: {width}px wide at {inner}px ({driver.execute_script(WIDEST)})")
finally:
    driver.quit()
if bad:
    sys.exit(1)
print(f"{len(pages)} pages checked at {inner}px: none wider than the viewport")
