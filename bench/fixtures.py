#!/usr/bin/env python3
"""Data for the write benchmarks, made through the product's own pages (as staff would).

    bench/fixtures.py BASE_URL EMAIL PASSWORD OUT_DIR COUNT

Signs in, takes the demo's first draft quotation, adds catalogue lines in the editor until it has
ten (each addition is saved), then duplicates it COUNT times and sends half of the copies, each
for a period of its own (each send freezes a version and issues a signing link). Writes to OUT_DIR:
  cookie       the session cookie header
  editor       the editor's path of the ten-line draft
  save.tsv     path, version and form body of each unsent copy (url-encoded; %VERSION% and
               %TITLE% to fill in: a save that changes nothing writes nothing)
  sent.txt     the ids of the sent copies (bench/writes.sh gives their links known tokens)
Standard library only; the certificate is the product's self-signed one, so it is not verified.
"""

import concurrent.futures
import datetime
import html.parser
import http.cookiejar
import re
import ssl
import sys
import urllib.error
import urllib.parse
import urllib.request

base, email, password, out, count = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE
jar = http.cookiejar.CookieJar()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(
    urllib.request.HTTPSHandler(context=context), urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def fetch(path, form=None):
    """(status, location, body) of a GET, or of a POST of the (name, value) pairs in form."""
    data = urllib.parse.urlencode([tuple(f) for f in form]).encode() if form is not None else None
    request = urllib.request.Request(base + path, data=data, headers={"Origin": base})
    try:
        with opener.open(request) as response:
            return response.status, response.headers.get("Location"), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location"), error.read().decode()


class FormReader(html.parser.HTMLParser):
    """The fields a browser would submit from the form posting to `action` (buttons left out)."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.fields = action, False, []
        self.select = None
        self.select_value = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("action") == self.action and a.get("method") == "post"
        if not self.inside:
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append([a["name"], a.get("value") or ""])
        elif tag == "select":
            self.select, self.select_value = a.get("name"), None
        elif tag == "option" and self.select is not None:
            if self.select_value is None or "selected" in a:
                self.select_value = a.get("value") or ""
        elif tag == "textarea":
            self.textarea = [a.get("name"), ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select is not None:
            self.fields.append([self.select, self.select_value or ""])
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append(self.textarea)
            self.textarea = None


def form_fields(page, action):
    reader = FormReader(action)
    reader.feed(page)
    return reader.fields


def set_field(fields, name, value):
    fields[:] = [f for f in fields if f[0] != name] + [[name, value]]


def csrf(page):
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


# Sign in through the real form.
_, _, page = fetch("/admin/login")
login = re.search(r'name="_login" value="([^"]+)"', page).group(1)
status, _, _ = fetch("/admin/login", [("_login", login), ("email", email), ("password", password)])
session = next((c.value for c in jar if c.name == "__Host-eg_session"), None)
if not session:
    sys.exit("could not sign in")
with open(f"{out}/cookie", "w") as f:
    f.write(f"Cookie: __Host-eg_session={session}\n")

# The first draft, filled to ten catalogue lines and saved.
_, _, page = fetch("/admin/quotations?state=draft")
draft = re.search(r'href="(/admin/quotations/\d+)"', page).group(1)
_, _, page = fetch(draft)
choices = re.findall(r'<option value="(product:\d+)"', page)
fields = form_fields(page, draft)
line_count = int(dict(fields).get("line_count", "0"))
while line_count < 10:
    # Adding a line saves the draft (303 back to the editor), with everything else as it was.
    set_field(fields, "new_item", choices[line_count % len(choices)])
    set_field(fields, "new_quantity", "1")
    status, _, _ = fetch(draft, fields + [["action", "add_line"]])
    if status != 303:
        sys.exit(f"adding a line answered {status}")
    _, _, page = fetch(draft)
    fields = form_fields(page, draft)
    line_count = int(dict(fields).get("line_count", "0"))
with open(f"{out}/editor", "w") as f:
    f.write(draft + "\n")
_, _, page = fetch(draft)
token = csrf(page)


def duplicate(index):
    status, location, _ = fetch(f"{draft}/duplicate", [("_csrf", token)])
    if status != 303 or not location:
        raise RuntimeError(f"duplicate answered {status}")
    path = urllib.parse.urlparse(location).path
    _, _, copy = fetch(path)
    fields = form_fields(copy, path)
    if index < count // 2:
        # Copies to be signed get periods of their own (two days each, spread over the coming
        # years), as real bookings have: all on the same days, each signature would re-check
        # every earlier one.
        start = datetime.date.today() + datetime.timedelta(days=30 + 3 * index)
        set_field(fields, "period_start", start.isoformat())
        set_field(fields, "period_end", (start + datetime.timedelta(days=1)).isoformat())
        status, _, _ = fetch(path, fields + [["action", "save"]])
        if status != 303:
            raise RuntimeError(f"saving a copy's period answered {status}")
        _, _, copy = fetch(path)
        fields = form_fields(copy, path)
    return path, fields


def send(item):
    path, fields = item
    version = dict(fields)["version"]
    status, _, _ = fetch(f"{path}/send", [("_csrf", token), ("version", version), ("shortage_reason", "benchmark")])
    if status != 303:
        raise RuntimeError(f"send answered {status}")
    return path.rsplit("/", 1)[1]


with concurrent.futures.ThreadPoolExecutor(4) as pool:
    copies = list(pool.map(duplicate, range(count)))
    sent = list(pool.map(send, copies[: count // 2]))
with open(f"{out}/sent.txt", "w") as f:
    f.write("\n".join(sent) + "\n")
with open(f"{out}/save.tsv", "w") as f:
    for path, fields in copies[count // 2:]:
        version = dict(fields)["version"]
        kept = [(n, v) for n, v in fields if n not in ("version", "title")]
        body = urllib.parse.urlencode(kept + [("action", "save")])
        f.write(f"{path}\t{version}\t{body}&version=%VERSION%&title=%TITLE%\n")
print(f"ten-line draft {draft}; {len(sent)} sent copies; {count - len(sent)} drafts to save")
