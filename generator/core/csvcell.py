"""Text cells of the published CSVs, made safe to open in a spreadsheet (CSV or formula
injection; OWASP "CSV Injection", ASVS 1.2.10).

A spreadsheet opening a CSV takes a cell that begins with =, +, - or @ as a formula:
``=HYPERLINK("http://evil.example/","Klik")`` in an indicator name would become a live
link. Every text cell of every CSV the site publishes goes through ``safe_text``, which
puts one single quote (') in front of a text that

- begins with =, +, -, @, tab, carriage return or NUL (OWASP's list and ASVS's), or with
  the full-width forms of the four signs (＝ ＋ － ＠, which input methods and some
  spreadsheets fold to the ASCII sign);
- begins with blanks followed by one of them (the "trim spaces" import option would bring
  the sign to the front);
- already begins with a single quote, so that the rule can be undone exactly: drop one
  leading ' from a text cell that has one, and the exact text is back.

The quote is the mark spreadsheets read as "this cell is text"; the rest of the text is
unchanged. Only text columns go through here: numbers (negative ones too), dates and
true/false stay what they are. JSON and the API keep the exact text.
"""

from __future__ import annotations

QUOTE = "'"
SIGNS = "=+-@＝＋－＠"
TRIGGERS = frozenset(SIGNS + "\t\r\0" + QUOTE)  # as the first character
AFTER_BLANKS = frozenset(SIGNS)  # as the first character after leading blanks


def needs_quote(text: str) -> bool:
    """True when a spreadsheet could take ``text`` as a formula (see the module's rule)."""
    if not text:
        return False
    return text[0] in TRIGGERS or text.lstrip()[:1] in AFTER_BLANKS


def safe_text(text: str) -> str:
    """``text`` as a CSV text cell: with one leading ' when ``needs_quote``, else as is."""
    return QUOTE + text if needs_quote(text) else text
