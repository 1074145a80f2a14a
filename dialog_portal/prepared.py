"""Querysets compiled to SQL once per process, then run with new parameter values.

Turning a queryset into SQL (`Query` → `SQLCompiler.as_sql`) costs 0.3–1 ms of CPU, often
more than PostgreSQL needs to answer it. A page that runs the same few queries on every
request with only an id changing pays that each time. `Prepared` builds the queryset once
with *sentinel* values in place of the changing parameters, keeps the SQL, the parameter
positions and the compiler (for its result converters and `select_related` populators),
and afterwards only substitutes the values and executes. Rows become model instances the way
Django's own `ModelIterable` builds them (`Model.from_db`, related populators, annotations),
so the objects are the same as the queryset's.

The query is still written with the ORM, in the selector, and reads like any other; only
its execution is cached. Limits, checked when the SQL is compiled: every sentinel must
appear exactly once among the parameters (so no variable-length `__in` lists), and the
queryset must not use `prefetch_related` (add it with `prefetch_related_objects`).
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable
from typing import Any

from django.db import connections
from django.db.models import DateTimeField, QuerySet
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesListIterable,
    get_related_populators,
)


class PreparedError(ValueError):
    pass


class _Compiled:
    __slots__ = (
        "sql",
        "params",
        "slots",
        "adapted",
        "compiler",
        "converters",
        "model_rows",
        "flat",
        "init",
    )

    def __init__(self, qs: QuerySet, sentinels: dict[str, Any], using: str):
        if qs._prefetch_related_lookups:
            raise PreparedError("prefetch_related cannot be prepared")
        if not issubclass(
            qs._iterable_class, (ModelIterable, ValuesListIterable, FlatValuesListIterable)
        ):
            raise PreparedError("only model rows and values_list() can be prepared")
        compiler = qs.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        params = list(params)
        slots, adapted = {}, set()
        for name, sentinel in sentinels.items():
            if isinstance(sentinel, datetime.datetime):
                # the backend's form of a datetime parameter (SQLite: a string)
                sentinel = _adapt_datetime(sentinel, using)
                adapted.add(name)
            found = [i for i, p in enumerate(params) if type(p) is type(sentinel) and p == sentinel]
            if len(found) != 1:
                raise PreparedError(f"parameter {name!r} appears {len(found)} times, not once")
            slots[name] = found[0]
        self.sql, self.params, self.slots, self.compiler = sql, params, slots, compiler
        self.adapted = adapted
        # what results_iter() works out per call: the backend's value converters per column
        self.converters = compiler.get_converters(
            [s[0] for s in compiler.select[0 : compiler.col_count]]
        )
        self.model_rows = issubclass(qs._iterable_class, ModelIterable)
        self.flat = issubclass(qs._iterable_class, FlatValuesListIterable)
        self.init = None
        if self.model_rows:
            klass_info, select = compiler.klass_info, compiler.select
            fields = klass_info["select_fields"]
            start, end = fields[0], fields[-1] + 1
            self.init = (
                klass_info["model"],
                start,
                end,
                [f[0].target.attname for f in select[start:end]],
                get_related_populators(klass_info, select, using),
                compiler.annotation_col_map,
            )


_DATETIME_FIELD = DateTimeField()


def _adapt_datetime(value: datetime.datetime, using: str):
    """A datetime as a DateTimeField lookup passes it to this database."""
    return _DATETIME_FIELD.get_db_prep_value(value, connections[using])


class Prepared:
    """``Prepared(lambda pk: Meeting.objects.filter(pk=pk), pk=-7_000_001)``; then
    ``prepared.all(pk=5)`` gives the list the queryset would give, ``prepared.first(pk=5)``
    the first or None. Sentinels must be values no real call passes, of the parameter's
    type (an int for an id, a str for a text column, an aware datetime for a time)."""

    def __init__(self, build: Callable[..., QuerySet], **sentinels: Any):
        self._build = build
        self._sentinels = sentinels
        # compilers hold their thread's connection: kept per thread, and gone with the thread
        self._local = threading.local()

    def _get(self, using: str) -> _Compiled:
        by_alias = getattr(self._local, "by_alias", None)
        if by_alias is None:
            by_alias = self._local.by_alias = {}
        compiled = by_alias.get(using)
        if compiled is None:
            compiled = _Compiled(self._build(**self._sentinels), self._sentinels, using)
            by_alias[using] = compiled
        return compiled

    def all(self, using: str = "default", **values: Any) -> list:
        if values.keys() != self._sentinels.keys():
            raise PreparedError(f"expected the values {sorted(self._sentinels)}")
        c = self._get(using)
        params = list(c.params)
        for name, value in values.items():
            params[c.slots[name]] = _adapt_datetime(value, using) if name in c.adapted else value
        with connections[using].cursor() as cursor:
            cursor.execute(c.sql, params)
            rows = cursor.fetchall()
        if c.converters:
            rows = c.compiler.apply_converters(rows, c.converters)
        if c.flat:
            return [row[0] for row in rows]
        if not c.model_rows:
            return [tuple(row) for row in rows]
        model, start, end, names, populators, annotations = c.init
        objects = []
        for row in rows:
            obj = model.from_db(using, names, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            for attr, position in annotations.items():
                setattr(obj, attr, row[position])
            objects.append(obj)
        return objects

    def first(self, using: str = "default", **values: Any):
        found = self.all(using, **values)
        return found[0] if found else None
