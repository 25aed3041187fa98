"""An admin builds a saved report in a real browser, without any script of ours: "+ Filter" brings a
filter row (the page posts itself, nothing saved), the row and the grouping are filled in, "Preview"
shows the table under the form, and Enter in the name field saves (never a builder button). The
saved report's page then shows the chart and the table, whose rows are printed for the test to
compare with its own SQL.

Run by SavedReportsInBrowserTests with Debian's chromium and chromium-driver through Selenium.
Usage: report_builder.py BASE_URL EMAIL PASSWORD [SCREENSHOT_PREFIX]
Prints one line per check and `row: month|count|sum` per table row; exits non-zero on a failure.
"""
import sys

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from common import chromium, sign_in

base, email, password = sys.argv[1:4]
shots = sys.argv[4] if len(sys.argv) > 4 else None
driver = chromium()
driver.set_window_size(1280, 1800)
wait = lambda check: WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,)).until(check)
try:
    sign_in(driver, base, email, password)
    driver.get(base + "/admin/reports/saved/new?entity=quotations")
    driver.find_element(By.NAME, "name").send_keys("Offerter per månad utan makulerade")

    add = driver.find_element(By.CSS_SELECTOR, "button[name=builder][value=add]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", add)
    add.click()
    wait(lambda d: len(d.find_elements(By.NAME, "f_column_0")) == 1)
    print("a filter row appeared")
    assert driver.find_element(By.NAME, "name").get_attribute("value") == "Offerter per månad utan makulerade"
    print("what was typed is kept")
    Select(driver.find_element(By.NAME, "f_column_0")).select_by_value("state")
    Select(driver.find_element(By.NAME, "f_op_0")).select_by_value("differs")
    driver.find_element(By.NAME, "f_value_0").send_keys("void")
    Select(driver.find_element(By.NAME, "g_column_0")).select_by_value("period_start")
    Select(driver.find_element(By.NAME, "g_by_0")).select_by_value("month")
    for value in ("count", "sum:total"):
        box = driver.find_element(By.CSS_SELECTOR, "input[name=measures][value='%s']" % value)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        if not box.is_selected():
            box.click()
    Select(driver.find_element(By.NAME, "chart")).select_by_value("bar")

    preview = driver.find_element(By.CSS_SELECTOR, "button[name=builder][value=preview]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", preview)
    preview.click()
    wait(lambda d: d.find_elements(By.ID, "preview-table"))
    print("the preview shows the table")
    if shots:
        driver.save_screenshot(shots + "-builder.png")

    driver.find_element(By.NAME, "name").send_keys(Keys.ENTER)
    wait(lambda d: d.find_elements(By.ID, "report-table"))
    print("saved with Enter")
    assert driver.find_elements(By.CSS_SELECTOR, "svg.chart-svg rect"), "no bars"
    print("the chart has bars")
    if shots:
        driver.save_screenshot(shots + "-report.png")
    for row in driver.find_elements(By.CSS_SELECTOR, "#report-table tbody tr"):
        cells = row.find_elements(By.TAG_NAME, "td")
        print("row: " + "|".join([cells[0].text] + [c.get_attribute("data-value") for c in cells[1:]]))
finally:
    driver.quit()
