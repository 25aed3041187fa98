"""What the browser scripts share: Debian's chromium through chromium-driver, headless, and the
staff sign-in."""
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait


def chromium(language="en-GB"):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--ignore-certificate-errors",
                 "--lang=" + language):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def sign_in(driver, base, email, password):
    driver.get(base + "/admin/login")
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    # The sign-in's redirect lands before the caller opens its own page: otherwise a slow answer
    # can replace the caller's page with the dashboard.
    WebDriverWait(driver, 15).until(lambda d: "/admin/login" not in d.current_url)
