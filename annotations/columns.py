"""Each annotation row's columns, written once, and the SQL generated from them.

A ``RowColumns`` lists the columns a span, relation, stance or answer carries in JSON (the
API's responses and payloads, the native records of exports and imports) and the key each
goes by there. Every SQL fragment that names those columns is generated from it: the JSON
PostgreSQL builds for responses and exports, the ``jsonb_to_recordset`` lists of the bulk
writes, the ``COPY`` column lists of imports and the ``SELECT`` lists read back into named
records. Table and column names come from the models (``_meta``), never from literals.

Adding a column means adding the model field and one ``Column`` here;
``tests/annotations/test_row_round_trip.py`` fails until the new field travels through every
path (and until a test value for it is given there).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, TypedDict

import orjson
from django.db import connection
from django.db.models import Field, ForeignKey, JSONField, Model

from annotations.models import DocumentAnswer, Relation, Span, Stance
from annotations.provenance import Provenance

# Fields every row has that are not part of its content: where it lives and when it came.
BOOKKEEPING = ("id", "annotation_set", "created_at")

_PYTHON_TYPES: dict[str, Any] = {
    "ForeignKey": int,
    "PositiveIntegerField": int,
    "IntegerField": int,
    "CharField": str,
    "TextField": str,
}


def quoted(name: str) -> str:
    return connection.ops.quote_name(name)


@dataclass(frozen=True)
class Column:
    """One column of a row: ``key`` in JSON, ``field`` the model field's name (a foreign key
    by its name, ``source``, not its column, ``source_id``)."""

    key: str
    field: str
    blank_is_null: bool = False  # "" is stored, null is shown (``Stance.target``)
    json_type: Any = Any  # what a JSON column holds, for ``typed_dict``


class RowColumns:
    """The content columns of one model's rows (``BOOKKEEPING`` aside), in JSON order."""

    def __init__(self, model: type[Model], *columns: Column, order: Sequence[str] = ("id",)):
        self.model = model
        self.columns = columns
        self.table = quoted(model._meta.db_table)
        self.fields: dict[str, Field] = {c.field: model._meta.get_field(c.field) for c in columns}
        self.order = [quoted(model._meta.get_field(name).column) for name in order]
        self._reads = tuple(
            (c.field, isinstance(f, ForeignKey), isinstance(f, JSONField))
            for c, f in ((c, self.fields[c.field]) for c in columns)
        )
        self.set_column = quoted(model._meta.get_field("annotation_set").column)
        names = {f.name for f in model._meta.concrete_fields}
        self.created_column = (
            quoted(model._meta.get_field("created_at").column) if "created_at" in names else None
        )

    # --- names -------------------------------------------------------------------------

    def column_name(self, column: Column) -> str:
        return self.fields[column.field].column

    def keys(self) -> list[str]:
        return [c.key for c in self.columns]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    # --- reading: JSON built by PostgreSQL --------------------------------------------

    def json_sql(
        self, alias: str, *, with_id: bool = True, extra: Mapping[str, str] | None = None
    ) -> str:
        """``json_build_object(...)`` of one row under ``alias``; ``extra`` adds keys
        (key -> SQL expression) after the columns."""
        parts = [f"'id', {alias}.id"] if with_id else []
        for c in self.columns:
            value = f"{alias}.{quoted(self.column_name(c))}"
            if c.blank_is_null:
                value = f"nullif({value}, '')"
            parts.append(f"'{c.key}', {value}")
        parts += [f"'{key}', {sql}" for key, sql in (extra or {}).items()]
        return f"json_build_object({', '.join(parts)})"

    def list_sql(
        self,
        alias: str,
        set_id: str,
        *,
        with_id: bool = True,
        extra: Mapping[str, str] | None = None,
        joins: str = "",
    ) -> str:
        """A subquery giving the rows of the set ``set_id`` (an SQL expression) as one JSON
        array, sorted by ``order`` (``[]`` when there are none)."""
        order = ", ".join(f"{alias}.{name}" for name in self.order)
        return (
            f"(SELECT coalesce(json_agg({self.json_sql(alias, with_id=with_id, extra=extra)} "
            f"ORDER BY {order}), '[]'::json) FROM {self.table} {alias} {joins} "
            f"WHERE {alias}.{self.set_column} = {set_id})"
        )

    def select_sql(self, where: str) -> str:
        """The rows ``WHERE where`` (over alias ``r``) as named rows for ``instance``."""
        columns = columns_sql("r", self.model, ["id", "annotation_set", *self.fields], "row")
        return f"SELECT {columns} FROM {self.table} r WHERE {where}"

    def instance(self, row: Mapping[str, Any]) -> Model:
        """A model instance, as if loaded, from a named row of ``select_sql``."""
        return instance_from(self.model, row, "row")

    # --- writing: bulk statements and COPY --------------------------------------------

    def recordset_sql(self, *, with_id: bool = False) -> str:
        """``jsonb_to_recordset(%s::jsonb) AS t(<column> <type>, ...)``: the rows of
        ``rows_json`` unpacked by PostgreSQL."""
        names = [("id", "bigint")] if with_id else []
        names += [(quoted(self.column_name(c)), self._sql_type(c)) for c in self.columns]
        listed = ", ".join(f"{name} {kind}" for name, kind in names)
        return f"jsonb_to_recordset(%s::jsonb) AS t({listed})"

    def insert_sql(self, *, returning: bool = False) -> str:
        """Insert the rows of one set: parameters (set id, ``rows_json(rows)``)."""
        names = [quoted(self.column_name(c)) for c in self.columns]
        created = (f", {self.created_column}", ", now()") if self.created_column else ("", "")
        sql = (
            f"INSERT INTO {self.table} ({self.set_column}, {', '.join(names)}{created[0]}) "
            f"SELECT %s, {', '.join('t.' + n for n in names)}{created[1]} "
            f"FROM {self.recordset_sql()}"
        )
        return sql + " RETURNING id" if returning else sql

    def update_sql(self) -> str:
        """Update rows by id: parameter ``rows_json(rows, with_id=True)``."""
        names = [quoted(self.column_name(c)) for c in self.columns]
        assignments = ", ".join(f"{n} = t.{n}" for n in names)
        return (
            f"UPDATE {self.table} AS r SET {assignments} "
            f"FROM {self.recordset_sql(with_id=True)} WHERE r.id = t.id"
        )

    def values(self, row: Any, *, json_as_text: bool = False) -> list[Any]:
        """The row's column values in order, read by field name from a model instance, a
        dataclass or a dict; a foreign key gives its object's ``pk`` (or None); with
        ``json_as_text`` a JSON column gives its JSON text (for COPY). Imports call this for
        every row, so what each column needs is worked out once (``_reads``)."""
        get = row.get if isinstance(row, Mapping) else row.__getattribute__
        out = []
        for name, is_key, is_json in self._reads:
            value = get(name)
            if value is not None:
                if is_key and not isinstance(value, int):
                    value = value.pk
                elif is_json and json_as_text:
                    value = orjson.dumps(value).decode()
            out.append(value)
        return out

    def rows_json(self, rows: Iterable[Any], *, with_id: bool = False) -> str:
        """The rows as one JSON array keyed by column (one parameter for ``recordset_sql``)."""
        names = [self.column_name(c) for c in self.columns]
        records = []
        for row in rows:
            record = dict(zip(names, self.values(row), strict=True))
            records.append({"id": row.pk, **record} if with_id else record)
        return orjson.dumps(records).decode()

    def copy_columns(self, *, with_id: bool = True) -> list[str]:
        """The columns ``copy_row`` fills, for ``row_copy.rows_copy``; without ``id`` the
        table's sequence numbers the rows."""
        meta = self.model._meta
        names = [meta.get_field("annotation_set").column, *map(self.column_name, self.columns)]
        names = [meta.pk.column, *names] if with_id else names
        return [*names, meta.get_field("created_at").column] if self.created_column else names

    def copy_row(self, set_id: int, row: Any, now: Any, *, pk: int | None = None) -> tuple:
        """One row for text COPY (JSON columns as JSON text); ``pk`` when the columns have
        ``id``."""
        values = self.values(row, json_as_text=True)
        head = (set_id,) if pk is None else (pk, set_id)
        return (*head, *values, now) if self.created_column else (*head, *values)

    # --- plain dicts ------------------------------------------------------------------

    def as_dict(self, row: Model, *, with_id: bool = True) -> dict[str, Any]:
        """The row as the API shows it: ``id`` then every column by its key."""
        data: dict[str, Any] = {"id": row.pk} if with_id else {}
        for c in self.columns:
            value = getattr(row, self.fields[c.field].attname)
            data[c.key] = (value or None) if c.blank_is_null else value
        return data

    def typed_dict(self, name: str, *, with_id: bool = True) -> type:
        """A ``TypedDict`` of the row as JSON shows it (for type hints and the OpenAPI
        document), made from these columns, so it cannot drift from them."""
        types: dict[str, Any] = {"id": int} if with_id else {}
        for c in self.columns:
            field = self.fields[c.field]
            kind = _PYTHON_TYPES.get(field.get_internal_type(), c.json_type)
            types[c.key] = kind | None if field.null or c.blank_is_null else kind
        return TypedDict(name, types)  # type: ignore[operator]

    def _is_json(self, column: Column) -> bool:
        return isinstance(self.fields[column.field], JSONField)

    def _sql_type(self, column: Column) -> str:
        """The column's type as the database has it (a foreign key: its target's)."""
        return self.fields[column.field].db_type(connection)


def _json_text(value: Any) -> str | None:
    return None if value is None else orjson.dumps(value).decode()


SPAN = RowColumns(
    Span,
    Column("label", "label"),
    Column("start", "start"),
    Column("end", "end"),
    Column("fragments", "fragments", json_type=list[list[int]]),
    Column("text", "text"),
    Column("attributes", "attributes", json_type=dict[str, Any]),
    Column("provenance", "provenance", json_type=Provenance),
    order=("start", "end", "id"),
)
RELATION = RowColumns(
    Relation,
    Column("type", "type"),
    Column("source", "source"),
    Column("target", "target"),
    Column("attributes", "attributes", json_type=dict[str, Any]),
    Column("provenance", "provenance", json_type=Provenance),
)
STANCE = RowColumns(
    Stance,
    Column("holder", "holder"),
    Column("target", "target", blank_is_null=True),
    Column("object", "object_span"),
    Column("value", "value"),
    Column("provenance", "provenance", json_type=Provenance),
)
ANSWER = RowColumns(DocumentAnswer, Column("question", "question"), Column("value", "value"))
ROWS = (SPAN, RELATION, STANCE, ANSWER)


def answers_sql(alias: str, set_id: str) -> str:
    """A subquery giving the answers of the set ``set_id`` as one JSON object (question ->
    value); answers are a mapping, not a list, everywhere they travel."""
    question, value = (quoted(ANSWER.column_name(ANSWER.column(k))) for k in ("question", "value"))
    return (
        f"(SELECT coalesce(json_object_agg({alias}.{question}, {alias}.{value} "
        f"ORDER BY {alias}.id), '{{}}'::json) FROM {ANSWER.table} {alias} "
        f"WHERE {alias}.{ANSWER.set_column} = {set_id})"
    )


def rows_fetched(cursor: Any) -> list[dict[str, Any]]:
    """The rows a cursor holds as named rows, never by position. The names are read from
    the result itself: ``cursor.description`` builds a typed column object for each column,
    a tenth of a millisecond on the set lookup that every set request makes."""
    result = cursor.cursor.pgresult
    names = [result.fname(i).decode() for i in range(result.nfields)]
    assert len(set(names)) == len(names), f"a query names a column twice: {names}"
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def columns_sql(alias: str, model: type[Model], fields: Sequence[str], prefix: str) -> str:
    """``alias.<column> AS "prefix.<attname>"`` for each named field (JSON as text), so a
    query over several tables reads back into named rows (``instance_from``)."""
    parts = []
    for name in fields:
        field = model._meta.get_field(name)
        column = f"{alias}.{quoted(field.column)}"
        if isinstance(field, JSONField):
            column += "::text"
        parts.append(f'{column} AS "{prefix}.{field.attname}"')
    return ", ".join(parts)


def instance_from(model: type[Model], record: Mapping[str, Any], prefix: str) -> Model:
    """A model instance, as if loaded, from the ``prefix.`` columns of a named record."""
    columns, every_field = _columns_of(model, prefix, tuple(record))
    values = [
        orjson.loads(record[key]) if is_json and record[key] is not None else record[key]
        for key, _, is_json in columns
    ]
    if every_field:  # all fields, in the model's order: the faster positional init
        instance = model(*values)
    else:
        instance = model(**{attname: v for (_, attname, _), v in zip(columns, values, strict=True)})
    instance._state.adding = False
    instance._state.db = connection.alias
    return instance


@cache
def _columns_of(
    model: type[Model], prefix: str, keys: tuple[str, ...]
) -> tuple[tuple[tuple[str, str, bool], ...], bool]:
    """(key, attname, is JSON) of the ``prefix.`` keys, and whether they are every field of
    the model in its order: worked out once per query shape, since every set read and write
    makes instances this way."""
    fields = {field.attname: field for field in model._meta.concrete_fields}
    start = f"{prefix}."
    columns = tuple(
        (key, key[len(start) :], isinstance(fields[key[len(start) :]], JSONField))
        for key in keys
        if key.startswith(start)
    )
    return columns, [attname for _, attname, _ in columns] == list(fields)


def model_copy_columns(model: type[Model]) -> list[str]:
    """Every concrete column of a model, for a COPY of whole rows (``AnnotationSet``)."""
    return [field.column for field in model._meta.concrete_fields]


def model_copy_row(instance: Model) -> tuple[Any, ...]:
    return tuple(
        _json_text(getattr(instance, f.attname))
        if isinstance(f, JSONField)
        else getattr(instance, f.attname)
        for f in instance._meta.concrete_fields
    )


__all__ = [
    "ANSWER",
    "BOOKKEEPING",
    "RELATION",
    "ROWS",
    "SPAN",
    "STANCE",
    "Column",
    "RowColumns",
    "answers_sql",
    "columns_sql",
    "instance_from",
    "model_copy_columns",
    "model_copy_row",
    "rows_fetched",
]
