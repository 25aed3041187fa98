"""A manager on a tablet builds a quotation in the editor: signs in, finds and picks a customer,
sets the period, adds a line, adds delivery, saves, and reads the total.

Run by QuotationEditorInBrowserTests with Debian's chromium and chromium-driver through Selenium.
Usage: build_quotation.py BASE_URL EMAIL PASSWORD START END [SCREENSHOT_DIR].
Prints one line per step and `total: …` at the end; exits non-zero on the first failure.
"""
import sys

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import Select, WebDriverWait

base, email, password, start, end = sys.argv[1:6]
shots = sys.argv[6] if len(sys.argv) > 6 else None
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--ignore-certificate-errors",
             "--window-size=1024,768", "--lang=en-US"):
    options.add_argument(flag)
options.add_experimental_option("prefs", {"intl.accept_languages": "en-US,en"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(driver, 15)


def shot(name):
    if shots:
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1024, max(768, height))
        driver.save_screenshot(f"{shots}/{name}.png")
        driver.set_window_size(1024, 768)


def no_sideways_scrolling(page):
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 1024, f"{page} scrolls sideways on a tablet: {width} px wide"


def click(css):
    element = driver.find_element(By.CSS_SELECTOR, css)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def replaced(element):
    """Like expected_conditions.staleness_of, but mid-navigation chromedriver may also answer for the
    old page's node with "Node with given id does not belong to the document": that is gone too."""
    def check(_):
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True
    return check


def submit(css):
    """Presses a submit button and waits until the next page has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    click(css)
    wait.until(replaced(page))


try:
    driver.get(base + "/admin/login")
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(password)
    submit("form button[type=submit]")
    wait.until(lambda d: d.current_url.rstrip("/").endswith("/admin"))
    print("signed in")

    driver.get(base + "/admin/quotations/new")
    # Enter in the search field searches.
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.NAME, "customer_q").send_keys("Öberg\n")
    wait.until(replaced(page))
    wait.until(lambda d: "Åsa Öberg" in d.find_element(By.CSS_SELECTOR, ".choices").text)
    choice = next(label for label in driver.find_elements(By.CSS_SELECTOR, "label.choice") if "Åsa Öberg" in label.text)
    choice.click()
    assert choice.find_element(By.TAG_NAME, "input").is_selected(), "the customer is picked"
    print("customer picked")
    # Date inputs take their value in ISO form from script regardless of the display locale.
    for name, value in (("period_start", start), ("period_end", end)):
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.NAME, name), value)
    driver.find_element(By.NAME, "title").send_keys("Trädgårdsfest i webbläsaren")
    no_sideways_scrolling("the new-quotation page")
    shot("1-new")
    submit("form.admin-form > button.button[value=create]")
    wait.until(lambda d: d.find_elements(By.NAME, "line_count"))
    assert "Åsa Öberg" in driver.find_element(By.TAG_NAME, "main").text
    print("draft created:", driver.current_url.split("/")[-1])

    Select(driver.find_element(By.NAME, "new_item")).select_by_visible_text(
        next(o.text for o in Select(driver.find_element(By.NAME, "new_item")).options if o.text.startswith("Partytält 3×3 m")))
    quantity = driver.find_element(By.NAME, "new_quantity")
    quantity.clear()
    quantity.send_keys("2")
    submit("button[value=add_line]")
    wait.until(lambda d: d.find_elements(By.NAME, "line_0_quantity"))
    print("line added:", driver.find_element(By.NAME, "line_0_description").get_attribute("value"))

    shipping = driver.find_element(By.NAME, "shipping")
    shipping.clear()
    shipping.send_keys("500")
    submit(".actions button[value=save]")
    wait.until(lambda d: "Changes saved." in d.find_element(By.CSS_SELECTOR, "main").text)
    no_sideways_scrolling("the editor")
    shot("2-editor")
    total = driver.find_element(By.CSS_SELECTOR, "#quotation-totals [data-total=total]").text
    line = driver.find_element(By.CSS_SELECTOR, "[data-line-total='0']").text
    print("saved")
    print("line:", line)
    print("total:", total)

    # With JavaScript the totals follow the typing, without saving.
    quantity = driver.find_element(By.NAME, "line_0_quantity")
    quantity.clear()
    quantity.send_keys("3")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#quotation-totals [data-total=total]").text != total)
    assert driver.current_url.endswith(driver.current_url.split("/")[-1]) and "Changes saved." in driver.find_element(By.TAG_NAME, "main").text, "still the same page"
    print("live line:", driver.find_element(By.CSS_SELECTOR, "[data-line-total='0']").text)
    print("live total:", driver.find_element(By.CSS_SELECTOR, "#quotation-totals [data-total=total]").text)
except Exception:
    try:
        for entry in driver.get_log("browser"):
            print("console:", entry.get("level"), entry.get("message"))
    except Exception:
        pass
    print("stopped at", driver.current_url, driver.find_element(By.TAG_NAME, "body").text[:1500])
    shot("failure")
    raise
finally:
    driver.quit()
