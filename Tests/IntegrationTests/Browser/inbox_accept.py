"""A manager works an emailed inquiry in a real browser: the inbox lists it as unread, its page
shows the email beside the proposed quotation (lines mapped to products, stock per line), the
manager corrects a quantity and creates the draft, then answers the customer with the offer's
thread kept (the worker sends it).

Run by InboxTests with Debian's chromium and chromium-driver through Selenium.
Usage: inbox_accept.py BASE_URL EMAIL PASSWORD SUBJECT
Prints one line per check; exits non-zero on the first failure.
"""
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from common import chromium, sign_in

base, email, password, subject = sys.argv[1:5]
driver = chromium()
try:
    sign_in(driver, base, email, password)
    driver.get(base + "/admin/inbox?view=unread")
    link = WebDriverWait(driver, 10).until(lambda d: d.find_element(By.LINK_TEXT, subject))
    row = link.find_element(By.XPATH, "./ancestor::tr")
    assert "unread" in row.get_attribute("class"), row.get_attribute("class")
    print("the inquiry is listed as unread")
    link.click()
    conversation = driver.current_url

    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "proposal"))
    text = driver.find_element(By.CSS_SELECTOR, "article.message.received .message-text").text
    assert "tält" in text, text
    print("the email's text is shown")
    start = driver.find_element(By.NAME, "start").get_attribute("value")
    end = driver.find_element(By.NAME, "end").get_attribute("value")
    assert start and end and start <= end, (start, end)
    print("the period is proposed:", start, end)
    selects = driver.find_elements(By.CSS_SELECTOR, "#proposal select[name$=_item]")
    chosen = [Select(s).first_selected_option.text for s in selects if Select(s).first_selected_option.get_attribute("value")]
    assert any("TALT-" in c for c in chosen), chosen
    print("the lines are mapped:", "; ".join(chosen))
    stock = driver.find_elements(By.CSS_SELECTOR, "#proposal .proposal-lines .badge")
    assert stock, "no stock shown per line"
    print("stock is shown per line")

    # Correct the first line's quantity, then create the draft.
    quantity = driver.find_element(By.NAME, "line_0_quantity")
    quantity.clear()
    quantity.send_keys("2")
    button = driver.find_element(By.CSS_SELECTOR, "#proposal button[type=submit]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    WebDriverWait(driver, 10).until(lambda d: "/admin/quotations/" in d.current_url)
    print("the draft quotation opened:", driver.current_url.split("/admin/")[1])

    # Back to the conversation: it links the draft; reply to the customer.
    driver.get(conversation)
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "reply"))
    assert "Became the draft" in driver.find_element(By.ID, "proposal").text
    print("the conversation links the draft")
    driver.find_element(By.NAME, "text").send_keys("Thank you! Our quotation follows shortly.")
    send = driver.find_element(By.CSS_SELECTOR, "#reply button[type=submit]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", send)
    send.click()
    WebDriverWait(driver, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "article.message.written"))
    print("the reply is in the thread")
finally:
    driver.quit()
