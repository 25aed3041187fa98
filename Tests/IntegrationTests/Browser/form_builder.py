"""An admin builds a form with a conditional field in a real browser, publishes it, gives a task
from it on a booking, and fills it: the conditional field is hidden until its condition is met,
then shown, filled and stored.

Run by TasksInBrowserTests with Debian's chromium and chromium-driver through Selenium.
Usage: form_builder.py BASE_URL BOOKING_PATH EMAIL PASSWORD
Prints one line per check; exits non-zero on the first failure.
"""
import sys

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from common import chromium, sign_in

base, booking, email, password = sys.argv[1:5]
STALE = (StaleElementReferenceException,)
driver = chromium()


def click(element):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def wait_for(name):
    return WebDriverWait(driver, 10, ignored_exceptions=STALE).until(
        lambda d: d.find_elements(By.NAME, name) and d.find_element(By.NAME, name))


try:
    sign_in(driver, base, email, password)
    driver.get(base + "/admin/forms/new")
    driver.find_element(By.NAME, "name").send_keys("Browser survey")
    click(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    wait_for("op")
    print("the builder opened")

    # Two fields, each added by posting the builder (no script needed for it).
    click(driver.find_element(By.CSS_SELECTOR, "button[name=op][value='add:0']"))
    wait_for("f0_label").send_keys("Truck access")
    Select(driver.find_element(By.NAME, "f0_kind")).select_by_value("yes_no")
    click(driver.find_element(By.ID, "f-f0_required"))
    click(driver.find_element(By.CSS_SELECTOR, "button[name=op][value='add:0']"))
    wait_for("f1_label").send_keys("Describe the access")
    Select(driver.find_element(By.NAME, "f1_kind")).select_by_value("long_text")
    click(driver.find_element(By.ID, "f-f1_required"))
    first_key = driver.find_element(By.NAME, "f0_key").get_attribute("value")
    Select(driver.find_element(By.NAME, "f1_when_field")).select_by_value(first_key)
    driver.find_element(By.NAME, "f1_when_value").send_keys("no")
    print("two fields, the second shown only when the first is no")

    # The preview follows what is typed: the conditional field is there, hidden until "No".
    preview_field = "#preview-%s-field" % driver.find_element(By.NAME, "f1_key").get_attribute("value")
    WebDriverWait(driver, 10, ignored_exceptions=STALE).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, preview_field)
        and not d.find_element(By.CSS_SELECTOR, preview_field).is_displayed())
    print("the preview hides the conditional field")

    click(driver.find_element(By.CSS_SELECTOR, "button[name=op][value=publish]"))
    WebDriverWait(driver, 10, ignored_exceptions=STALE).until(
        lambda d: "version 1" in d.find_element(By.ID, "form-version").text)
    print("published version 1")

    # A task from it on the booking, for the signed-in member.
    driver.get(base + booking)
    click(driver.find_element(By.CSS_SELECTOR, "#tasks details summary"))
    Select(driver.find_element(By.NAME, "form")).select_by_visible_text("Browser survey")
    driver.find_element(By.NAME, "title").send_keys("Browser task")
    Select(driver.find_element(By.NAME, "assignee")).select_by_visible_text("Karin Admin Lindqvist")
    click(driver.find_element(By.CSS_SELECTOR, "#tasks form button[type=submit]"))
    link = WebDriverWait(driver, 10, ignored_exceptions=STALE).until(
        lambda d: d.find_elements(By.LINK_TEXT, "Browser task") and d.find_element(By.LINK_TEXT, "Browser task"))
    click(link)
    print("the task is on the booking")

    # Filling: hidden until "No", then shown, filled and completed.
    wrapper = WebDriverWait(driver, 10, ignored_exceptions=STALE).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "#task-form [data-when-field]"))
    assert not wrapper.is_displayed(), "the conditional field shows before its condition is met"
    print("the conditional field is hidden")
    click(driver.find_element(By.CSS_SELECTOR, "#task-form input[type=radio][value=no]"))
    assert wrapper.is_displayed(), "the conditional field stays hidden after No"
    wrapper.find_element(By.TAG_NAME, "textarea").send_keys("Narrow gate, 2.8 m")
    print("shown after No, and filled")
    click(driver.find_element(By.CSS_SELECTOR, "#task-form button[type=submit]"))
    WebDriverWait(driver, 10, ignored_exceptions=STALE).until(
        lambda d: "Narrow gate, 2.8 m" in d.find_element(By.ID, "task-form").text
        and d.find_element(By.ID, "task-state").text == "Done")
    print("completed with the answer")
finally:
    driver.quit()
