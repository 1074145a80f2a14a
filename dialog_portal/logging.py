"""A logging filter that keeps personal data out of the logs.

Comment text is never logged on purpose; this filter is the safety net for what slips
through (an exception message quoting a form value, say): e-mail addresses, personnummer-like
digit runs and phone-like numbers are replaced before any handler sees the record.
"""

import logging
import re

_PATTERNS = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[e-post]"),
    (re.compile(r"\b(?:\d{2})?\d{6}[-+ ]?\d{4}\b"), "[nummer]"),
    # Not after a digit, dot or comma: "0.0234567s" is a duration, not a phone number.
    (re.compile(r"(?<![\d.,])(?:\+46|0046|0)[\s-]?\d[\d\s-]{5,13}\d(?![\d.,])"), "[telefon]"),
)


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactPersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not stop logging
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
