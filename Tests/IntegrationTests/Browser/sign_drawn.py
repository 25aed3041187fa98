"""A person on a 360x640 phone opens a signing link, draws a signature, ticks consent and signs.

Run by SigningInBrowserTests with Debian's chromium and chromium-driver through Selenium.
Usage: sign_drawn.py URL. Prints one line per check; exits non-zero on the first failure.
"""
import sys
import time

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

url = sys.argv[1]
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--ignore-certificate-errors",
             "--window-size=360,640", "--lang=sv-SE"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 360, "height": 640, "deviceScaleFactor": 2, "mobile": True})
    driver.get(url)
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways: {width} px wide"
    print("no horizontal scrolling")

    canvas = driver.find_element(By.CSS_SELECTOR, "canvas.signature-canvas")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", canvas)
    time.sleep(0.2)
    size = canvas.size
    actions = ActionChains(driver)
    actions.move_to_element_with_offset(canvas, -size["width"] // 3, 0).click_and_hold()
    # A person's signature: a few loops, many pointer moves.
    for dx, dy in ((8, -12), (8, -10), (6, 14), (6, 18), (8, 10), (8, -16), (8, -18), (6, 12), (8, 16),
                   (8, -10), (10, -14), (8, 12), (10, 8), (10, -6)):
        actions.move_by_offset(dx, dy)
    actions.release().perform()
    method = driver.find_element(By.NAME, "method").get_attribute("value")
    strokes = driver.find_element(By.NAME, "strokes").get_attribute("value")
    assert method == "drawn" and strokes.startswith("[["), f"no strokes recorded: {method} {strokes[:40]}"
    print("signature drawn")

    consent = driver.find_element(By.ID, "consent")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", consent)
    consent.click()
    driver.find_element(By.CSS_SELECTOR, "button.sign-button").click()
    try:
        WebDriverWait(driver, 15).until(lambda d: d.current_url.endswith("/done"))
    except Exception:
        print("stayed on", driver.current_url, driver.find_element(By.TAG_NAME, "main").text[:600])
        raise
    body = driver.find_element(By.TAG_NAME, "body").text
    assert "EG-" in body, body[:300]
    print("signed: done page with booking number")
finally:
    driver.quit()
