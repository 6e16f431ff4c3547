"""Shared helpers for the tracuu sample-data generators (stdlib only)."""
import html
import re
import unicodedata

PHRASE = "chính quyền điện tử"


def nfc(s):
    return unicodedata.normalize("NFC", s)


def norm_ws(s):
    return re.sub(r"\s+", " ", nfc(s)).strip()


def mentions(text):
    """True if text contains the phrase 'chính quyền điện tử' (case-insensitive,
    whitespace-insensitive, NFC)."""
    return PHRASE in norm_ws(text).casefold()


def yesno(b):
    return "yes" if b else "no"


def html_to_text(markup):
    """Very small visible-text extractor: drops <head>, <script>, <style>, tags."""
    markup = re.sub(r"(?is)<(head|script|style)\b.*?</\1>", " ", markup)
    markup = re.sub(r"(?s)<!--.*?-->", " ", markup)
    markup = re.sub(r"(?i)<br\s*/?>", "\n", markup)
    markup = re.sub(r"(?s)<[^>]+>", " ", markup)
    return html.unescape(markup)


def assert_nfc(s, where):
    if unicodedata.normalize("NFC", s) != s:
        raise SystemExit(f"not NFC: {where}")
