"""A manager builds a trigger's conditions in a real browser: "+ Condition" brings a new row
(the page posts itself, nothing is saved yet), the row is filled in, and pressing Enter in the
name field saves the trigger (never a builder button).

Run by AutomationInBrowserTests with Debian's chromium and chromium-driver through Selenium.
Usage: condition_builder.py BASE_URL TRIGGER_PATH EMAIL PASSWORD
Prints one line per check; exits non-zero on the first failure.
"""
import sys

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from common import chromium, sign_in

base, path, email, password = sys.argv[1:5]
driver = chromium()
try:
    sign_in(driver, base, email, password)
    driver.get(base + path)
    rows = len(driver.find_elements(By.CSS_SELECTOR, ".builder-row.compare"))
    print("rows before:", rows)

    # "+ Condition" at the end of the top group: the page comes back with one more row.
    buttons = driver.find_elements(By.CSS_SELECTOR, "button[name=builder][value='add:top']")
    assert buttons, "no '+ Condition' button"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", buttons[-1])
    buttons[-1].click()
    WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, ".builder-row.compare")) == rows + 1)
    print("a new row appeared")
    field = driver.find_element(By.NAME, "c_field_%d" % rows)
    field.send_keys("object.customer.kind")
    Select(driver.find_element(By.NAME, "c_op_%d" % rows)).select_by_value("equals")
    driver.find_element(By.NAME, "c_value_%d" % rows).send_keys("company")

    # Enter in the name field saves the whole form.
    driver.find_element(By.NAME, "name").send_keys(Keys.ENTER)
    # The page is replaced while we look: an element of the old page is stale, so look again.
    WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: "Changes saved." in d.find_element(By.TAG_NAME, "main").text)
    print("saved with Enter")
    assert driver.find_element(By.NAME, "c_field_%d" % rows).get_attribute("value") == "object.customer.kind"
    print("the new condition is stored")
finally:
    driver.quit()
