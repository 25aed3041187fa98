"""A warehouse planner on a tablet (768x1024) and on a phone (360x640) opens the booking pages.

Run by BookingPagesInBrowserTests with Debian's chromium and chromium-driver through Selenium.
Usage: booking_pages.py BASE_URL EMAIL PASSWORD BOOKING_PATH BOOKING_START [SCREENSHOT_DIR]
Prints one line per check; exits non-zero on the first failure.
"""
import os
import sys

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.chrome.service import Service

base, email, password, booking, start = sys.argv[1:6]
shots = sys.argv[6] if len(sys.argv) > 6 else None
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--ignore-certificate-errors", "--lang=en-GB"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def screen(width, height, mobile):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def visit(path, name, width):
    driver.get(base + path)
    scroll = driver.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= width, f"{name} scrolls sideways at {width} px: {scroll} px wide"
    if shots:
        total = driver.execute_script("return document.documentElement.scrollHeight")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": min(total, 4000), "deviceScaleFactor": 1, "mobile": width < 500})
        driver.save_screenshot(os.path.join(shots, f"{name}-{width}.png"))
    print(f"{name} fits {width} px")


try:
    screen(768, 1024, True)
    driver.get(base + "/admin/login")
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    assert "/admin" in driver.current_url, driver.current_url
    print("signed in")

    for width, height in ((768, 1024), (360, 640)):
        screen(width, height, True)
        for path, name in (("/admin", "dashboard"), ("/admin/bookings", "bookings"), (booking, "booking"),
                           (booking + "/packing-list", "packing-list"), (f"/admin/calendar?date={start}", "calendar-month"),
                           (f"/admin/calendar?view=week&date={start}", "calendar-week")):
            visit(path, name, width)
        screen(width, height, True)

    # On a tablet the month is a seven-column grid; on a phone a list of days.
    screen(768, 1024, True)
    driver.get(base + f"/admin/calendar?date={start}")
    entries = driver.execute_script(f"return document.querySelectorAll('li[data-date=\"{start}\"] .entry').length")
    assert entries == 1, f"the booking's first day shows {entries} entries"
    columns = driver.execute_script(
        "return getComputedStyle(document.querySelector('ol.month-grid')).gridTemplateColumns.split(' ').length")
    assert columns == 7, f"the tablet month has {columns} columns"
    print("tablet month grid has 7 columns")

    # Printing the packing list leaves out the menus and buttons.
    driver.get(base + booking + "/packing-list")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    hidden = driver.execute_script(
        "return [...document.querySelectorAll('.admin-nav, .actions, .no-print')].every(e => getComputedStyle(e).display === 'none')")
    assert hidden, "menus and buttons are printed"
    rows = driver.execute_script("return document.querySelectorAll('table.packing tbody tr').length")
    assert rows > 0, "no items to pack"
    print(f"packing list prints {rows} items without the menus")
    if shots:
        pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})
        import base64
        with open(os.path.join(shots, "packing-list.pdf"), "wb") as f:
            f.write(base64.b64decode(pdf["data"]))
finally:
    driver.quit()
