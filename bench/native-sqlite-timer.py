"""Times statements with native SQLite (python3's sqlite3 module) on a dataset file, for bench/native-sqlite.ts.

Reads JSON from stdin: {"db": path, "repeats": n, "warm_up": bool, "items": [{"id": ..., "statements": [{"sql": ..., "params": [...]}]}]}.
Opens the file read-only, runs each item's statements once to warm the page cache (unless warm_up is false), then `repeats` times, and
prints one JSON line per item: {"id": ..., "ms": median of the repeats (all statements, every row fetched),
"first_ms": the warm-up run (the statements prepared for the first time; absent without warm-up),
"rows": rows of the last statement} or {"id": ..., "error": message}. sqlite3 keeps prepared statements by text,
so the timed repeats leave out preparing; first_ms includes it.
"""
import json
import sqlite3
import statistics
import sys
import time


def run_item(connection, statements):
    rows = 0
    for statement in statements:
        cursor = connection.execute(statement["sql"], statement["params"])
        rows = len(cursor.fetchall())
    return rows


def main():
    request = json.load(sys.stdin)
    connection = sqlite3.connect("file:" + request["db"] + "?mode=ro", uri=True)
    repeats = max(1, int(request.get("repeats", 3)))
    warm_up = bool(request.get("warm_up", True))
    for item in request["items"]:
        try:
            first_ms = None
            rows = 0
            if warm_up:
                started = time.perf_counter()
                rows = run_item(connection, item["statements"])
                first_ms = (time.perf_counter() - started) * 1000
            samples = []
            for _ in range(repeats):
                started = time.perf_counter()
                rows = run_item(connection, item["statements"])
                samples.append((time.perf_counter() - started) * 1000)
            timing = {"id": item["id"], "ms": statistics.median(samples), "rows": rows}
            if first_ms is not None:
                timing["first_ms"] = first_ms
            print(json.dumps(timing), flush=True)
        except Exception as error:  # one bad statement must not stop the others
            print(json.dumps({"id": item["id"], "error": str(error)}), flush=True)


main()
