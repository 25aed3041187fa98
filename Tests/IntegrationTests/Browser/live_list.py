"""Two windows of one browser: a manager watches the signed quotations while a customer signs in
the other; the manager's list shows the new signature without a reload.

Run by LivePagesTests with Debian's chromium and chromium-driver through Selenium.
Usage: live_list.py BASE_URL SIGNING_PATH EMAIL PASSWORD TITLE
Prints one line per check; exits non-zero on the first failure.
"""
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from common import chromium, sign_in

base, signing, email, password, title = sys.argv[1:6]
driver = chromium()
try:
    sign_in(driver, base, email, password)
    driver.get(base + "/admin/quotations?state=signed")
    manager = driver.current_window_handle
    assert title not in driver.find_element(By.TAG_NAME, "main").text, "already signed"
    # The page's stream is open before anything happens.
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "return document.body.getAttribute('data-live-open') === '1'"))
    print("manager watching the signed quotations")

    driver.switch_to.new_window("window")
    driver.get(base + signing)
    for name, value in (("signer_name", "Sara Lind"), ("signer_email", "sara@example.se"),
                        ("typed_signature", "Sara Lind")):
        field = driver.find_element(By.NAME, name)
        field.clear()  # the page fills in what it knows of the customer
        field.send_keys(value)
    consent = driver.find_element(By.ID, "consent")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", consent)
    consent.click()
    driver.find_element(By.CSS_SELECTOR, "button.sign-button").click()
    try:
        WebDriverWait(driver, 15).until(lambda d: d.current_url.endswith("/done"))
    except Exception:
        print("stayed on", driver.current_url, driver.find_element(By.TAG_NAME, "main").text[:600])
        raise
    signed_at = time.time()
    print("customer signed in the other window")

    driver.switch_to.window(manager)
    WebDriverWait(driver, 10, poll_frequency=0.1).until(
        lambda d: title in d.find_element(By.TAG_NAME, "main").text)
    seconds = time.time() - signed_at
    assert driver.execute_script("return document.body.hasAttribute('data-live-updated')"), "not a live update"
    print(f"manager's list shows it after {seconds:.1f} s without a reload")
    assert seconds < 2.0, f"took {seconds:.1f} s"
    print("within two seconds")
finally:
    driver.quit()
