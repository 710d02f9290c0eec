#!/usr/bin/env python3
"""Types a query into the search box of a built site opened from file:// in headless chromium
(Selenium, Debian's chromium-driver) and checks that a test result with the expected name shows.

  scripts/search-check.py SITE_DIR QUERY EXPECTED [--page oot/index.html] [--screenshot PNG]
                          [--width 1400] [--height 900] [--dark]

Types QUERY one key at a time, as a person does, and after each key waits until the results are
settled; the box records how long each search took (data-ms: the matching and drawing of the
last run) and how long from the keystroke to settled results, index scripts loaded on the way
included (data-latency), both in milliseconds measured in the page with performance.now().
Prints the first hit's link, whether its target file exists, and the per-keystroke times (max and
median), and exits 0 when a test hit named EXPECTED links to an existing page; 1 otherwise.
"""
import argparse, os, statistics, sys, time, urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

parser = argparse.ArgumentParser()
parser.add_argument("site")
parser.add_argument("query")
parser.add_argument("expected")
parser.add_argument("--page", default="oot/index.html")
parser.add_argument("--screenshot")
parser.add_argument("--width", type=int, default=1400)
parser.add_argument("--height", type=int, default=900)
parser.add_argument("--dark", action="store_true")
args = parser.parse_args()

site = os.path.realpath(args.site)
options = webdriver.ChromeOptions()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
             f"--window-size={args.width},{args.height}"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": args.width, "height": args.height, "deviceScaleFactor": 1, "mobile": False})
    if args.dark:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    driver.get("file://" + os.path.join(site, args.page))
    box = driver.find_element(By.ID, "search-input")
    box.click()
    timings, latencies = [], []

    def settled():
        results = driver.find_element(By.ID, "search-results")
        return results.get_attribute("data-latency") is not None, results

    for key in args.query:
        box.send_keys(key)
        deadline = time.time() + 10
        while True:
            done, results = settled()
            if done or time.time() > deadline:
                break
            time.sleep(0.01)
        ms, latency = results.get_attribute("data-ms"), results.get_attribute("data-latency")
        if ms is not None:
            timings.append(float(ms))
        if latency is not None:
            latencies.append(float(latency))
    # The names show first; each test's outcomes and link once its detail bucket has loaded.
    deadline = time.time() + 10
    while time.time() < deadline and not [
            h for h in driver.find_elements(By.CSS_SELECTOR, "#search-results a.search-hit[href]")
            if h.text == args.expected]:
        time.sleep(0.02)
    hits = driver.find_elements(By.CSS_SELECTOR, "#search-results a.search-hit[href]")
    found = [h for h in hits if h.text == args.expected]
    if timings:
        print(f"per-keystroke search time: max {max(timings):.2f} ms, median {statistics.median(timings):.2f} ms "
              f"over {len(timings)} keys")
    if latencies:
        print(f"keystroke to results (index scripts loaded on the way included): max {max(latencies):.2f} ms, "
              f"median {statistics.median(latencies):.2f} ms, per key: {' '.join(f'{x:.1f}' for x in latencies)}")
    if args.screenshot:
        driver.save_screenshot(args.screenshot)
    if not found:
        print(f"no test hit named {args.expected!r}; results: {driver.find_element(By.ID, 'search-results').text!r}")
        sys.exit(1)
    href = found[0].get_attribute("href")
    path = urllib.parse.unquote(urllib.parse.urlparse(href).path)
    print(f"found {args.expected!r} -> {os.path.relpath(path, site)} (exists: {os.path.exists(path)})")
    sys.exit(0 if os.path.exists(path) else 1)
finally:
    driver.quit()
