#!/usr/bin/env python3
"""Checks the trunk grid's "Show log ›" in a real browser (issue 18): hovers a cell whose link is
its drill-down, reads the tooltip `assets/hud.js` shows, moves the pointer into it and checks it
stays open with its log link, then hovers a cell that links the log itself.

  scripts/log-tooltip-check.py SITE_DIR [--page oot/trunk/l2/index.html] [--screenshot PNG]

Needs Debian's chromium, chromium-driver and python3-selenium (scripts/setup installs them).
Prints what it saw and exits 1 when a check fails.
"""
import argparse, os, sys, time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

parser = argparse.ArgumentParser()
parser.add_argument("site")
parser.add_argument("--page", default="oot/trunk/l2/index.html")
parser.add_argument("--screenshot")
args = parser.parse_args()

options = webdriver.ChromeOptions()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
failures = []
try:
    driver.get("file://" + os.path.join(os.path.realpath(args.site), args.page))
    cell = driver.find_element(By.CSS_SELECTOR, "table.matrix [data-log]")
    log = cell.get_attribute("data-log")
    ActionChains(driver).move_to_element(cell).perform()
    tip = driver.find_element(By.CSS_SELECTOR, "div.tip")
    link = tip.find_elements(By.TAG_NAME, "a")
    print("tooltip:", tip.text.replace("\n", " | "))
    if not tip.is_displayed():
        failures.append("no tooltip on hover")
    if not link or link[0].text != "Show log \u203a" or link[0].get_attribute("href") != log:
        failures.append(f"tooltip has no Show log link to {log}")
    # The pointer crosses into the tooltip: it stays open and its link can be clicked.
    if link:
        ActionChains(driver).move_to_element(link[0]).perform()
        time.sleep(0.5)
        if not tip.is_displayed():
            failures.append("the tooltip closed when the pointer moved into it")
        if args.screenshot:
            driver.save_screenshot(args.screenshot)
    # Leaving both closes it.
    ActionChains(driver).move_to_element(driver.find_element(By.TAG_NAME, "h1")).perform()
    time.sleep(0.6)
    if tip.is_displayed():
        failures.append("the tooltip stayed open after the pointer left")
    # A cell without a drill-down is the log link itself, and its tooltip has no second link.
    direct = [a for a in driver.find_elements(By.CSS_SELECTOR, "table.matrix td > a[aria-label]")
              if "/job/" in (a.get_attribute("href") or "") and a.get_attribute("href").startswith("https://github.com/")]
    if not direct:
        failures.append("no cell links a log directly")
    else:
        ActionChains(driver).move_to_element(direct[0]).perform()
        if tip.find_elements(By.TAG_NAME, "a"):
            failures.append("a cell that is the log link offered a second one")
        print("direct log link:", direct[0].get_attribute("href"))
finally:
    driver.quit()
for failure in failures:
    print("FAIL:", failure)
print("log tooltip: ok" if not failures else f"log tooltip: {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
