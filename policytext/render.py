"""The one place that turns results into output: rich tables, JSON, JSONL, CSV or plain text.

Records are plain dicts (what `policytext.batch` produces for each input); commands never print.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import IO, Any

# which list of a record a CSV holds, and its columns
_CSV_ROWS = {
    "clean": ("repairs", ["kind", "start", "end", "before", "after", "confidence"]),
    "segment": ("tokens", ["token", "start", "end", "pos"]),
    "keywords": ("keywords", ["term", "count", "weight"]),
    "extract": (
        "indicators",
        ["subject", "metric", "value", "unit", "qualifier", "period", "region", "base_value", "base_unit",
         "quantity", "span", "evidence"],
    ),
}


def to_json(value: Any) -> str:
    """Compact JSON with Chinese kept readable."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def payload(command: str, record: dict[str, Any]) -> Any:
    """What a single-input JSON output prints for a record (the contract of each command)."""
    if "error" in record:
        return record
    if command == "keywords":
        return record["keywords"]
    if command == "segment":
        return record["tokens"]
    return {k: v for k, v in record.items() if k != "path"}


def csv_text(command: str, records: Iterable[dict[str, Any]], header: bool = True) -> str:
    """CSV rows of the records' main list (repairs, tokens, keywords or indicators), with a path column."""
    key, columns = _CSV_ROWS[command]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header:
        writer.writerow(["path", *columns])
    for record in records:
        for row in record.get(key) or []:
            writer.writerow([record.get("path") or "-", *(_cell(row.get(c)) for c in columns)])
    return buffer.getvalue()


def _cell(value: Any, human: bool = False) -> str:
    """A CSV cell (lists as JSON), or with `human` a table cell (137 not 137.0, a range as 3–5)."""
    if value is None:
        return ""
    if human and isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if human and isinstance(value, list | tuple) and all(isinstance(v, int | float) for v in value):
        return "–".join(_cell(v, human) for v in value)
    if isinstance(value, list | tuple | dict):
        return to_json(value)
    return str(value)


def plain_text(command: str, record: dict[str, Any]) -> str:
    """The text form: the clean body, or tokens joined by spaces one paragraph per line."""
    if command == "segment":
        lines, current = [], []
        for token in record["tokens"]:
            if token["token"] == "\n":
                lines.append(" ".join(current))
                current = []
            elif token["token"].strip():
                current.append(token["token"])
        lines.append(" ".join(current))
        return "\n".join(lines) + "\n"
    return record["text"] + "\n"


def print_table(command: str, record: dict[str, Any], stream: IO[str]) -> None:
    """A rich rendering of one record for a person at a terminal."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream)
    if "error" in record:
        console.print(f"[red]{record['path']}: {record['error']}[/red]")
        return
    if record.get("path"):
        console.rule(str(record["path"]))
    if command == "keywords":
        table = Table("term", "count", "weight", title="keywords")
        for row in record["keywords"]:
            table.add_row(row["term"], str(row["count"]), f"{row['weight']:.4f}")
        console.print(table)
        return
    if command in ("clean", "extract"):
        meta = record["meta"]
        fields = ", ".join(f"{k}: {meta[k]}" for k in ("title", "published", "source", "publisher") if meta.get(k))
        console.print(f"[bold]{fields}[/bold]")
        repairs = record.get("repairs") or []
        kinds: dict[str, int] = {}
        for repair in repairs:
            kinds[repair["kind"]] = kinds.get(repair["kind"], 0) + 1
        console.print("repairs: " + (", ".join(f"{k} {n}" for k, n in kinds.items()) or "none"))
    if command == "clean":
        console.print(record["text"], highlight=False)
        return
    if command == "segment":
        console.print(plain_text(command, record), highlight=False)
        return
    _extract_tables(record, console)


def _extract_tables(record: dict[str, Any], console) -> None:
    from rich.table import Table

    table = Table("subject", "metric", "value", "unit", "qualifier", "period", "region", title="indicators")
    for row in record["indicators"]:
        table.add_row(*(_cell(row.get(c), human=True) for c in ("subject", "metric", "value", "unit", "qualifier", "period", "region")))
    console.print(table)
    table = Table("head", "items", title="enumerations")
    for row in record["enumerations"]:
        table.add_row(row.get("head") or "", "、".join(row["items"]))
    console.print(table)
    table = Table("name", "kind", "verb", title="programmes")
    for row in record["programs"]:
        table.add_row(row["name"], row.get("kind") or "", row.get("verb") or "")
    console.print(table)
    table = Table("name", "category", "members", "count", title="industries")
    for row in record["industries"]:
        table.add_row(row["name"], row["category"], "、".join(row.get("members") or []), str(row["count"]))
    console.print(table)
    people = "; ".join(f"{p['name']} ({'、'.join(p['titles'])})" for p in record["people"])
    console.print(f"people: {people or '—'}", highlight=False)
    console.print(f"key terms: {'、'.join(record['key_terms']) or '—'}", highlight=False)
