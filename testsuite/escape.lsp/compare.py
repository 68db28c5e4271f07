#!/usr/bin/env python3
"""Compare escape-lsp's directory with gc's -json=0 directory for the same
sources; print one "PASS: test" or "FAIL: test: why" line per check.

usage: compare.py GC-DIR PLUGIN-DIR GCCGO-DIR SOURCE.go...

PLUGIN-DIR and GCCGO-DIR are escape-lsp's output with --decision=plugin and
--decision=gccgo.  The sources' "// lsp: WORDS" comments say what each line
expects (lsp-1.go explains them).
"""

import collections
import json
import os
import re
import sys

ESCAPE = ("escape", "escapes")
MARK = re.compile(r"//\s*lsp:\s*(.*)$")
FLOW, FROM = "escflow:    flow: ", "escflow:      from "


def check(name, ok, why=""):
    print("PASS: %s" % name if ok else "FAIL: %s: %s" % (name, why))


def files(root):
    """Return {relative path: [records]} of the files under ROOT."""
    out = {}
    for d, _, names in os.walk(root):
        for n in names:
            path = os.path.join(d, n)
            with open(path, encoding="utf-8") as f:
                out[os.path.relpath(path, root)] = f.read().splitlines()
    return out


def go_encoded(line):
    """Return True if LINE is JSON as Go's encoding/json writes it."""
    text = json.dumps(json.loads(line), separators=(",", ":"),
                      ensure_ascii=False)
    for c in "<>&":
        text = text.replace(c, "\\u%04x" % ord(c))
    return text == line


def by_line(lines):
    """Return {(base, line): {"escape": [diags], "leak": [diags]}}."""
    out = collections.defaultdict(lambda: {"escape": [], "leak": []})
    for rel, text in lines.items():
        base = os.path.basename(rel)[:-len(".json")] + ".go"
        for d in map(json.loads, text[1:]):
            cat = "escape" if d["code"] in ESCAPE else d["code"]
            if cat in ("escape", "leak"):
                out[(base, d["range"]["start"]["line"])][cat].append(d)
    return out


def codes(diags):
    return sorted((d["code"], d["message"] == "") for d in diags)


def first_flow(diags):
    return [[r["message"] for r in d.get("relatedInformation", [])][:1]
            for d in diags]


def main(gc_dir, plugin_dir, gccgo_dir, sources):
    gc, ours, gccgo = files(gc_dir), files(plugin_dir), files(gccgo_dir)
    check("layout: the same package directory and file names",
          sorted(gc) == sorted(ours) == sorted(gccgo) and gc,
          "gc %s, escape-lsp %s, --decision=gccgo %s"
          % (sorted(gc), sorted(ours), sorted(gccgo)))
    common = sorted(set(gc) & set(ours))
    bad = []
    for rel in common:
        g, o = json.loads(gc[rel][0]), json.loads(ours[rel][0])
        if list(g) != list(o) or any(g[k] != o[k] for k in (
                "version", "package", "goos", "goarch", "file")) \
                or not o["gc_version"].startswith("gccgo "):
            bad.append("%s: gc %s, escape-lsp %s" % (rel, g, o))
    check("header: the same keys and values", common and not bad, bad)
    bad = [l for rel in common for l in gc[rel] + ours[rel]
           if not go_encoded(l)]
    check("encoding: gc's and escape-lsp's lines are Go's compact JSON",
          not bad, bad[:3])

    # The keys and structure of every diagnostic, against gc's.
    gc_diags = [json.loads(l) for rel in common for l in gc[rel][1:]]
    our_diags = [json.loads(l) for rel in common for l in ours[rel][1:]]
    gc_keys = {tuple(d) for d in gc_diags if d["code"] in ESCAPE + ("leak",)}
    gc_related = {(tuple(r), tuple(r["location"]))
                  for d in gc_diags for r in d.get("relatedInformation", [])}
    gc_uris = {r["location"]["uri"] for d in gc_diags
               for r in d.get("relatedInformation", [])}
    bad = []
    for d in our_diags:
        rel = d.get("relatedInformation", [])
        r = d["range"]
        if tuple(d) not in gc_keys \
                or r != {"start": r["start"], "end": r["start"]} \
                or list(r["start"]) != ["line", "character"] \
                or d["severity"] != 3 or d["source"] != "go compiler" \
                or d["code"] not in ESCAPE + ("leak",) \
                or any((tuple(x), tuple(x["location"])) not in gc_related
                       or x["location"]["uri"] not in gc_uris
                       or not x["message"].startswith((FLOW, FROM))
                       for x in rel):
            bad.append(d)
    check("diagnostics: gc's keys, structure, severity, source and URIs",
          our_diags and len(gc_keys) >= 2 and not bad, bad[:2])
    check("codes: escape-lsp writes gc's codes escape, escapes and leak",
          {d["code"] for d in our_diags} == {"escape", "escapes", "leak"}
          and {d["code"] for d in our_diags} <= {d["code"] for d in gc_diags},
          sorted({d["code"] for d in our_diags}))

    # Line by line, as the sources' comments say.
    g, o, gg = by_line(gc), by_line(ours), by_line(gccgo)
    agreed, bad = collections.Counter(), []
    for src in sources:
        base = os.path.basename(src)
        with open(src, encoding="utf-8") as f:
            lines = f.read().splitlines()
        for n, text in enumerate(lines, 1):
            m = MARK.search(text)
            words = set(m.group(1).split()) if m else set()
            ge, oe = g[(base, n)]["escape"], o[(base, n)]["escape"]
            gl, ol = g[(base, n)]["leak"], o[(base, n)]["leak"]
            want_gc = bool(words & {"same", "escape", "gc"})
            want_ours = bool(words & {"same", "escape"})
            ok = (bool(ge) == want_gc and bool(oe) == want_ours
                  and bool(gl) == bool(words & {"leak", "gc-leak"})
                  and bool(ol) == ("leak" in words)
                  and bool(gg[(base, n)]["escape"]) ==
                  (want_ours or "gccgo" in words))
            if ok and want_ours:
                ok = codes(ge) == codes(oe)
                if "same" in words:
                    ok = ok and sorted(d["message"] for d in ge) == \
                        sorted(d["message"] for d in oe) and \
                        first_flow(ge) == first_flow(oe)
                agreed["escape"] += ok
            if ok and "leak" in words:
                ok = sorted((d["message"], d["range"]["start"]["character"])
                            for d in gl) == sorted(
                    (d["message"], d["range"]["start"]["character"])
                    for d in ol)
                agreed["leak"] += ok
            if not ok:
                bad.append("%s:%d (%s): gc %s | escape-lsp %s" % (
                    base, n, " ".join(sorted(words)) or "nothing",
                    [(d["code"], d["message"]) for d in ge + gl],
                    [(d["code"], d["message"]) for d in oe + ol]))
    check("lines: %d escape and %d leak lines agree with gc, the rest as "
          "marked" % (agreed["escape"], agreed["leak"]), not bad, bad)


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
