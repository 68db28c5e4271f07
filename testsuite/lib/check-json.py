#!/usr/bin/env python3
"""Check the escape plugin's JSON Lines output against a Go source.

usage: check-json.py SOURCE.go RECORDS.jsonl

Expectations live in SOURCE.go as comments on the line of the site:

    return new(S) // JSON: kind=new gccgo=heap type=S col=9

Each "JSON:" comment expects one site record on that line whose fields have
the given values (the value "null" means JSON null, "true" and "false" the
booleans); each "PARAM:" comment one parameter record.  Several records on one
line need several comments: put "JSON@LINE:" on a later line.  The checker
also validates every record against the schema (README, JSON LINES) and the order
of the records, and reports any site record no comment expects.  Records of
other files (bodies gccgo inlines from other packages' export data) are
validated but not matched.

Prints one "PASS: ..." or "FAIL: ..." line per check; exits 1 if any failed.
"""

import json
import os
import re
import sys

SCHEMA_VERSION = 2
SITE_FIELDS = {
    "record": str, "file": str, "line": int, "col": int, "function": str,
    "function_line": int, "kind": str, "type": (str, type(None)), "size": (str, type(None)),
    "length": (int, type(None)), "capacity": (int, type(None)),
    "bytes": (int, type(None)), "elem_bytes": (int, type(None)), "name": (str, type(None)), "gccgo": str, "gccgo_reason": str,
    "gccgo_note": (str, type(None)), "runtime": (str, type(None)),
    "verdict": (str, type(None)), "verdict_reason": (str, type(None)),
    "escapes": (bool, type(None)), "conservative": (bool, type(None)),
    "class": (str, type(None)), "path": (list, type(None)),
}
PARAM_FIELDS = {
    "record": str, "file": str, "line": int, "col": int, "function": str,
    "name": str, "index": int, "leak_heap": (int, type(None)),
    "leak_result": (int, type(None)), "leak_results": list,
}
CLASSES = {"both-heap", "both-stack", "gccgo-heap-no-escape",
           "gccgo-stack-escapes", "gccgo-stack-too-large", "static"}
VERDICT_REASONS = {"escapes", "returned", "loop", "too-large",
                   "non-constant-size", "channel", "append-growth",
                   "go-statement", "does-not-escape", "static"}
UNIT_FIELDS = {
    "record": str, "schema": int, "compiler": str, "compiler_version": str,
    "unit": str, "optimize": int, "sites": int, "params": int,
}
KINDS = {"var", "param", "new", "composite-literal", "closure", "method-value",
         "box", "make-slice", "slice-literal", "append", "make-map",
         "map-literal", "make-chan", "string-conv", "concat", "go-args",
         "defer-args"}
DECISIONS = {"heap", "stack", "static"}
REASONS = {"escapes", "moved-to-heap", "non-constant-size", "too-large",
           "zero-size", "heap-without-escape", "map",
           "channel", "append-growth", "go-statement", "defer-in-loop",
           "analysis-disabled", "no-note", "does-not-escape", "constant",
           "no-captures"}

failed = False


def report(ok, msg):
    global failed
    print(("PASS: " if ok else "FAIL: ") + msg)
    if not ok:
        failed = True


def check_fields(rec, fields, what):
    for key, typ in fields.items():
        if key not in rec:
            report(False, "%s lacks field %s" % (what, key))
            return False
        if not isinstance(rec[key], typ) or (
                isinstance(rec[key], bool) and bool not in (
                    typ if isinstance(typ, tuple) else (typ,))):
            report(False, "%s field %s has type %s" % (what, key,
                                                      type(rec[key]).__name__))
            return False
    extra = set(rec) - set(fields)
    if extra:
        report(False, "%s has unknown fields %s" % (what, sorted(extra)))
        return False
    return True


# Fields whose expected value is written as JSON (a list); any other
# value is a string (a type such as []int is not JSON).
JSON_VALUED = ("leak_results",)


def expectations(source):
    """Return a list of (line, {field: value}) from SOURCE's comments."""
    result = []
    pat = re.compile(r"//.*?\b(JSON|PARAM)(?:@(\d+))?:\s*(.*)$")
    with open(source, encoding="utf-8") as f:
        for lineno, text in enumerate(f, 1):
            m = pat.search(text)
            if not m:
                continue
            line = int(m.group(2)) if m.group(2) else lineno
            fields = {"record": "site" if m.group(1) == "JSON" else "param"}
            for item in m.group(3).split():
                key, _, value = item.partition("=")
                value = value.replace("\\s", " ")
                if value == "null":
                    fields[key] = None
                elif value in ("true", "false"):
                    fields[key] = value == "true"
                elif key in JSON_VALUED:
                    fields[key] = json.loads(value)
                elif re.fullmatch(r"-?\d+", value) and key in ("col", "line",
                                                                "function_line",
                                                                "length",
                                                                "capacity",
                                                                "bytes",
                                                                "elem_bytes",
                                                                "index",
                                                                "leak_heap",
                                                                "leak_result"):
                    fields[key] = int(value)
                else:
                    fields[key] = value
            result.append((line, fields))
    return result


def main():
    source, records_path = sys.argv[1], sys.argv[2]
    with open(records_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    else:
        report(False, "output does not end with a newline")
    records = []
    for i, text in enumerate(lines, 1):
        try:
            records.append(json.loads(text))
        except ValueError as e:
            report(False, "line %d is not JSON: %s" % (i, e))
            return
    report(bool(records) and records[0].get("record") == "unit",
           "first record is the unit record")
    if not records:
        return
    unit = records[0]
    if check_fields(unit, UNIT_FIELDS, "unit record"):
        report(unit["schema"] == SCHEMA_VERSION, "schema version")
        report(unit["sites"] == sum(r.get("record") == "site"
                                    for r in records), "unit site count")
        report(unit["params"] == sum(r.get("record") == "param"
                                     for r in records), "unit param count")
    sites = [r for r in records[1:] if r.get("record") == "site"]
    params = [r for r in records[1:] if r.get("record") == "param"]
    kinds = [r.get("record") for r in records[1:]]
    report(kinds == sorted(kinds, key=lambda k: k != "site"),
           "site records come before parameter records")
    valid = True
    for rec in params:
        if not check_fields(rec, PARAM_FIELDS, "param %s" % rec.get("name")):
            valid = False
    for rec in sites:
        what = "record at line %s" % rec.get("line")
        if not check_fields(rec, SITE_FIELDS, what):
            valid = False
            continue
        if rec["kind"] not in KINDS or rec["gccgo"] not in DECISIONS \
                or rec["gccgo_reason"] not in REASONS:
            report(False, "%s has a bad kind, decision or reason" % what)
            valid = False
        if rec["verdict"] is not None and (
                rec["verdict"] not in DECISIONS
                or rec["class"] not in CLASSES
                or rec["verdict_reason"] not in VERDICT_REASONS):
            report(False, "%s has a bad verdict, class or reason" % what)
            valid = False
        if (rec["path"] is not None) != bool(rec["escapes"]):
            report(False, "%s: a path is given iff it escapes" % what)
            valid = False
        if (rec["size"] is not None) != (rec["kind"] == "make-slice"):
            report(False, "%s: size is set iff kind is make-slice" % what)
            valid = False
    report(valid, "every site record matches the schema")
    keys = [(r.get("file"), r.get("line"), r.get("col")) for r in sites]
    report(keys == sorted(keys), "records are sorted by position")
    keys = [(r.get("file"), r.get("line"), r.get("col")) for r in params]
    report(keys == sorted(keys), "parameter records are sorted by position")

    expected = expectations(source)
    # Records of other files (the bodies gccgo inlines from other
    # packages' export data) cannot be anchored to lines of SOURCE.
    base = os.path.basename(source)
    unmatched = [r for r in sites + params
                 if os.path.basename((r.get("file") or "").strip()) == base]
    for line, fields in expected:
        desc = "line %d: %s" % (line, " ".join(
            "%s=%s" % kv for kv in sorted(fields.items(), key=str)))
        match = None
        for rec in unmatched:
            if rec.get("line") == line and all(
                    rec.get(k) == v for k, v in fields.items()):
                match = rec
                break
        if match is None:
            got = [r for r in unmatched if r.get("line") == line]
            report(False, "%s (got %s)" % (desc, json.dumps(got)))
        else:
            unmatched.remove(match)
            report(True, desc)
    for rec in unmatched:
        report(False, "unexpected record %s" % json.dumps(rec))


if __name__ == "__main__":
    main()
    # The .exp files require this line: a checker that stopped early (a
    # crash) has left expectations unchecked.
    print("DONE")
    sys.exit(1 if failed else 0)
