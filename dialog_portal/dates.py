"""Date formats of the public lists, formatted directly.

The `date` filter parses its format string and looks up translated names on every call;
a list of 20–50 rows paid that two or three times a row. These give exactly the filter's
output for the formats the lists use (tests compare them for every month and weekday in
both languages), with the month and weekday names translated once per list.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.dates import MONTHS, WEEKDAYS


class ListDates:
    """One per rendered list (names are looked up in the language active when used)."""

    __slots__ = ("_months", "_weekdays")

    def __init__(self) -> None:
        self._months: dict[int, str] = {}
        self._weekdays: dict[int, str] = {}

    def month(self, number: int) -> str:
        name = self._months.get(number)
        if name is None:
            name = self._months[number] = str(MONTHS[number])
        return name

    def weekday(self, number: int) -> str:
        name = self._weekdays.get(number)
        if name is None:
            name = self._weekdays[number] = str(WEEKDAYS[number])
        return name

    @staticmethod
    def local(value: datetime.datetime) -> datetime.datetime:
        """As the template engine shows an aware datetime: in the current time zone."""
        return timezone.localtime(value)

    def day_month_year(self, local: datetime.datetime) -> str:
        """`date:"j F Y"`"""
        return f"{local.day} {self.month(local.month)} {local.year}"

    def day_month_year_time(self, local: datetime.datetime) -> str:
        """`date:"j F Y H:i"`"""
        return f"{local.day} {self.month(local.month)} {local.year} {local:%H:%M}"

    def weekday_day_month_year_time(self, local: datetime.datetime) -> str:
        """`date:"l j F Y, H:i"`"""
        return (
            f"{self.weekday(local.weekday())} {local.day} {self.month(local.month)} "
            f"{local.year}, {local:%H:%M}"
        )
