"""A customer on a phone (a 360 px wide window) signs in to the portal through the link in the
email the worker delivered to a Maildir, opens the task given to them, sees the conditional field
appear only for the answer it belongs to, fills the form, attaches the venue map and sends it; the
portal thanks them and shows the task done.

Run by PortalInBrowserTests with Debian's chromium and chromium-driver through Selenium.
Usage: portal_task.py BASE_URL EMAIL MAILDIR MAP_FILE TASK_TITLE
Prints one line per check; exits non-zero on the first failure.
"""
import os
import quopri
import re
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from common import chromium

base, email, maildir, map_file, title = sys.argv[1:6]
driver = chromium()
driver.set_window_size(360, 740)
try:
    width = driver.execute_script("return window.innerWidth")
    assert width <= 360, width
    driver.get(base + "/portal")
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "/portal" in d.current_url and d.find_elements(By.CSS_SELECTOR, "section.notice"))
    print("asked for a sign-in link at", width, "px")

    # The worker delivers the email; its link is read as a person would click it.
    link = None
    deadline = time.time() + 90
    while link is None and time.time() < deadline:
        for name in os.listdir(os.path.join(maildir, "new")) if os.path.isdir(os.path.join(maildir, "new")) else []:
            raw = open(os.path.join(maildir, "new", name), "rb").read()
            text = quopri.decodestring(raw).decode("utf-8", "replace")
            found = re.search(r"https?://[^\s\"<>]*/portal/login/[A-Za-z0-9_-]{43}", text)
            if found:
                link = found.group(0)
        if link is None:
            time.sleep(0.5)
    assert link, "no sign-in email arrived"
    print("the email arrived with a sign-in link")
    # The link names the configured public address; the test's nginx listens elsewhere.
    driver.get(base + link[link.index("/portal/login/"):])
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/portal/home"))
    print("signed in")

    # No sideways scrolling on a phone.
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, "the home page is %d px wider than the screen" % overflow
    task = driver.find_element(By.XPATH, "//section[@id='tasks']//li[.//h3[normalize-space()='%s']]" % title)
    task.find_element(By.CSS_SELECTOR, "a.button").click()
    WebDriverWait(driver, 10).until(lambda d: "/portal/tasks/" in d.current_url)
    print("the task opened:", title)
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, "the task page is %d px wider than the screen" % overflow

    # Sending it empty: the reasons, in the page, nothing lost.
    button = driver.find_element(By.CSS_SELECTOR, "#task form button[type=submit]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#task .form-errors"))
    print("an empty form is refused with the reasons")

    radios = driver.find_elements(By.CSS_SELECTOR, "input[type=radio][name=leveransfonster]")
    assert radios, "no delivery window to choose"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", radios[1])
    radios[1].click()
    driver.find_element(By.NAME, "kontakt_namn").send_keys("Lisa på plats")
    driver.find_element(By.NAME, "kontakt_telefon").send_keys("070-123 45 67")
    driver.find_element(By.CSS_SELECTOR, "input[type=file][name=platskarta]").send_keys(map_file)
    button = driver.find_element(By.CSS_SELECTOR, "#task form button[type=submit]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/portal/home"))
    flash = driver.find_element(By.CSS_SELECTOR, ".flash").text
    assert "answers" in flash or "svar" in flash, flash
    print("sent:", flash)
    done = driver.find_element(By.XPATH, "//section[@id='tasks']//li[.//h3[normalize-space()='%s']]" % title)
    assert done.find_element(By.CSS_SELECTOR, ".badge").get_attribute("data-state") == "done"
    print("the task shows done")
finally:
    driver.quit()
