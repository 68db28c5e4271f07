#!/usr/bin/env python3
"""Check the escape plugin's inventory against two independent oracles.

usage: check-probes.py RECORDS.jsonl SSA-DUMP NOTES

RECORDS.jsonl  the plugin's records for one Go file
SSA-DUMP       the file's -fdump-tree-ssa-lineno dump, compiled WITHOUT
               the plugin
NOTES          gccgo's own -fgo-debug-escape1 notes for the file
               (-fdiagnostics-plain-output -fdiagnostics-column-unit=byte)

1. Heap: every call of an allocating runtime function in the dump (and every
   string-runtime call with a nil buffer) is a heap site at the call's
   position, and there is no other heap site.  Stack buffers of the string
   runtime and deferprocStack calls are stack sites.
2. gccgo's notes: every note of gccgo about an allocation ("new() does not
   escape", "func literal escapes to heap", "makeslice(...) ...", "&(x)
   escapes to heap" ...) is matched by a site at its position (or, for
   variables, by a site for that variable), and the site's decision agrees
   with the note: "escapes to heap" means heap (or static data for boxed
   constants); "does not escape" means stack, unless gccgo allocates the
   kind on the heap anyway (maps, channels, non-constant or too large
   makes, too large variables).

Prints one PASS/FAIL line per check and the mismatches; exits 1 on failure.
"""

import collections
import json
import re
import sys

ALLOC = {"runtime.newobject", "runtime.makeslice", "runtime.makeslice64",
         "runtime.growslice", "runtime.makemap", "runtime.makemap64",
         "runtime.makemap__small", "__go_construct_map", "runtime.makechan",
         "runtime.makechan64"}
BUFFERED = {"runtime.concatstrings", "runtime.slicebytetostring",
            "runtime.stringtoslicebyte", "runtime.stringtoslicerune",
            "runtime.slicerunetostring", "runtime.intstring"}
CALL = re.compile(r"^\s*\[([^\]:]+):(\d+):(\d+)\] (?:[^=]* = )?"
                  r"([\w.]+) \((.*)$")
NOTE = re.compile(r"^([^:]+):(\d+):(\d+): note: (.*)$")

failed = False


def report(ok, msg, details=()):
    global failed
    print(("PASS: " if ok else "FAIL: ") + msg)
    for d in details:
        print("    " + d)
    if not ok:
        failed = True


def dump_calls(path):
    """Return (heap, stack) multisets of (line, col, callee) from the dump."""
    heap, stack = collections.Counter(), collections.Counter()
    for text in open(path, encoding="utf-8", errors="replace"):
        m = CALL.match(text)
        if not m:
            continue
        line, col, callee, args = int(m.group(2)), int(m.group(3)), \
            m.group(4), m.group(5)
        if callee in ALLOC:
            heap[(line, col, callee)] += 1
        elif callee in BUFFERED:
            # The first argument may carry its own [file:line:col] prefix.
            first = re.sub(r"^\[[^\]]*\] ", "", args)
            (heap if first.startswith("0B") else stack)[
                (line, col, callee)] += 1
        elif callee == "runtime.deferprocStack":
            stack[(line, col, callee)] += 1
    return heap, stack


def strip_function(text):
    """Drop gccgo's function-name prefix of "F x does not escape"."""
    if text.endswith(" does not escape"):
        head, _, rest = text.partition(" ")
        return rest
    return text


def allocation_note(obj):
    """Return True if a note about OBJ is unambiguously about an allocation.

    Notes on conversions, "(x) escapes to heap", are left out: gccgo writes
    them for conversions that allocate nothing as well (pointers, interface
    to interface, makeslice's size arguments); boxes are checked against the
    dump by part 1 and by the escape.dg tests."""
    return (obj.startswith(("new()", "func literal", "makeslice(", "[]{",
                            "concat(", "makemap(", "makechan(", "{"))
            or re.match(r"^&\((\w+)\)$", obj) is not None
            or re.match(r"^&\(\{.*\}\)$", obj) is not None
            or re.match(r"^&\(\[.*\]\)$", obj) is not None)


def main():
    records = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
    sites = [r for r in records if r["record"] == "site"]

    # 1. Heap and buffer sites against the dump.
    heap, stack = dump_calls(sys.argv[2])
    got_heap = collections.Counter((s["line"], s["col"], s["runtime"])
                                   for s in sites if s["gccgo"] == "heap")
    got_stack = collections.Counter(
        (s["line"], s["col"], s["runtime"]) for s in sites
        if s["gccgo"] == "stack" and s["runtime"])
    missing = heap - got_heap
    extra = got_heap - heap
    report(not missing and not extra,
           "%d heap sites are exactly the dump's %d allocating calls"
           % (sum(got_heap.values()), sum(heap.values())),
           ["missing %s:%s %s" % k for k in missing] +
           ["extra %s:%s %s" % k for k in extra])
    missing = stack - got_stack
    extra = got_stack - stack
    report(not missing and not extra,
           "%d stack buffers and defer records are exactly the dump's"
           % sum(got_stack.values()),
           ["missing %s:%s %s" % k for k in missing] +
           ["extra %s:%s %s" % k for k in extra])

    # 2. gccgo's notes.
    at = collections.defaultdict(list)
    by_name = collections.defaultdict(list)
    for s in sites:
        at[(s["line"], s["col"])].append(s)
        if s["name"]:
            by_name[s["name"]].append(s)
    unmatched, disagree, checked = [], [], 0
    for text in open(sys.argv[3], encoding="utf-8", errors="replace"):
        m = NOTE.match(text.rstrip("\n"))
        if not m:
            continue
        line, col, note = int(m.group(2)), int(m.group(3)), m.group(4)
        var = None
        if note.startswith("moved to heap: "):
            name, escapes = note[len("moved to heap: "):], True
            candidates = [s for s in by_name.get(name, [])
                          if (s["line"], s["col"]) == (line, col)]
        else:
            obj = strip_function(note)
            if obj.endswith(" escapes to heap"):
                obj, escapes = obj[:-len(" escapes to heap")], True
            elif obj.endswith(" does not escape"):
                obj, escapes = obj[:-len(" does not escape")], False
            else:
                continue
            if not allocation_note(obj):
                continue
            var = re.match(r"^&\((\w+)\)$", obj)
            if var:
                candidates = by_name.get(var.group(1), [])
            else:
                candidates = at.get((line, col), [])
        checked += 1
        if not candidates:
            unmatched.append("%d:%d %s" % (line, col, note))
            continue
        ok = False
        for s in candidates:
            if escapes:
                ok |= s["gccgo"] in ("heap", "static")
            else:
                ok |= (s["gccgo"] == "stack"
                       or (s["gccgo"] == "heap" and s["gccgo_reason"] in (
                           "map", "channel", "non-constant-size",
                           "too-large")))
            # A variable noted at one &x may be moved at another: gccgo
            # notes each address-of separately.
            if var and not ok and s["gccgo"] == "heap" and not escapes:
                ok = True
        if not ok:
            disagree.append("%d:%d %s: %s" % (
                line, col, note, ", ".join("%s %s" % (s["kind"], s["gccgo"])
                                           for s in candidates)))
    report(not unmatched, "%d of gccgo's allocation notes have a site"
           % (checked - len(unmatched)), unmatched)
    report(not disagree, "sites agree with gccgo's notes", disagree)


if __name__ == "__main__":
    main()
    # probes.exp requires this line: a checker that stopped early (a
    # crash) has left sites unchecked.
    print("DONE")
    sys.exit(1 if failed else 0)
