#!/usr/bin/env python3
"""Browser-grade check of sanitiser output, for SanitizerTests.

Reads a JSON list of sanitised HTML strings on stdin. Parses each one the way a browser parses
a body fragment (html5lib implements the WHATWG HTML parsing algorithm, including foreign
content, raw text elements and foster parenting) and walks every node of the resulting tree,
SVG and MathML included. Writes a JSON list with one list of violations per input.

The allow-list and the URL normalisation are written again here on purpose, independently of
the Swift code, so that a mistake in one is caught by the other. Keep them in step with
Sources/Sanitizer/AllowList.swift and URLPolicy.swift.

Needs html5lib (Debian: python3-html5lib).
"""

import html
import json
import re
import sys
import unicodedata
import xml.etree.ElementTree as ElementTree

import html5lib

ALLOWED_ELEMENTS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "a", "ul", "ol", "li", "h2", "h3", "h4",
    "blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr", "img",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "rel"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
LINK_REL = "nofollow noopener noreferrer"
LINK_SCHEMES = {"http", "https", "mailto"}
# Images: only the site's own uploads (the logo) or inline raster images (finding F6).
IMAGE_PATHS = {"/logo"}
IMAGE_DATA = re.compile(r"data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+", re.IGNORECASE)
NUMERIC_ATTRIBUTES = {"width", "height", "colspan", "rowspan"}

# Default_Ignorable_Code_Point ranges not already covered by categories Cc/Cf/Z*.
IGNORABLE_RANGES = [
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F),
    (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0xE0000, 0xE0FFF),
]


def invisible(char):
    code = ord(char)
    if code <= 0x20 or 0x7F <= code <= 0xA0 or char.isspace():
        return True
    if unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp"):
        return True
    return any(low <= code <= high for low, high in IGNORABLE_RANGES)


def normalise(url):
    """The URL with character references decoded (repeatedly) and invisible characters removed."""
    decoded = url
    for _ in range(4):
        again = html.unescape(decoded)
        if again == decoded:
            break
        decoded = again
    return "".join(c for c in decoded if not invisible(c))


def image_source_ok(url):
    normalised = normalise(url)
    if IMAGE_DATA.fullmatch(normalised):
        return True
    return re.split(r"[?#]", normalised, maxsplit=1)[0] in IMAGE_PATHS


def scheme_of(url):
    """None for relative URLs, "" for an empty one, else the text before the scheme colon."""
    normalised = normalise(url)
    if not normalised:
        return ""
    match = re.match(r"([^:/?#]*):", normalised)
    return match.group(1).lower() if match else None


def local_name(tag):
    """'{namespace}name' -> ('namespace', 'name'); plain names have namespace None."""
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return None, tag


def check(markup):
    violations = []
    fragment = html5lib.parseFragment(markup, treebuilder="etree", namespaceHTMLElements=False)
    for element in fragment.iter():
        if element is fragment:
            continue
        if element.tag is ElementTree.Comment:
            violations.append("comment: %r" % element.text)
            continue
        if not isinstance(element.tag, str):
            violations.append("unexpected node: %r" % (element.tag,))
            continue
        namespace, name = local_name(element.tag)
        if namespace is not None:
            violations.append("foreign element <%s> in %s" % (name, namespace))
        elif name not in ALLOWED_ELEMENTS:
            violations.append("element <%s> not allowed" % name)
        allowed = ALLOWED_ATTRIBUTES.get(name, set()) if namespace is None else set()
        for attribute, value in element.attrib.items():
            attribute_namespace, attribute_name = local_name(attribute)
            where = "<%s %s=%r>" % (name, attribute, value)
            if attribute_name.lower().startswith("on"):
                violations.append("event handler %s" % where)
            elif attribute_namespace is not None or attribute_name not in allowed:
                violations.append("attribute not allowed %s" % where)
            elif attribute_name == "src":
                if not image_source_ok(value):
                    violations.append("image not from our uploads nor inline %s" % where)
            elif attribute_name == "href":
                schemes = LINK_SCHEMES
                scheme = scheme_of(value)
                if scheme == "":
                    violations.append("empty URL %s" % where)
                elif scheme is not None and scheme not in schemes:
                    violations.append("URL scheme %r not allowed %s" % (scheme, where))
            elif attribute_name == "rel" and value != LINK_REL:
                violations.append("wrong rel %s" % where)
            elif attribute_name in NUMERIC_ATTRIBUTES and not re.fullmatch(r"[1-9][0-9]*", value):
                violations.append("not a positive integer %s" % where)
        if namespace is None and name == "a" and element.attrib.get("rel") != LINK_REL:
            violations.append("link without rel=%r" % LINK_REL)
    return violations


def main():
    outputs = json.load(sys.stdin)
    json.dump([check(markup) for markup in outputs], sys.stdout)


if __name__ == "__main__":
    main()
