#!/usr/bin/env python3
"""Compare two object files gccgo made from the same sources.

usage: cmp-objects.py [--objcopy PROG] A.o B.o

Prints one line and exits with:

  0  identical      the two files are the same to the byte;
  3  export-order   they differ only in the order in which gccgo's export
                    data (the .go_export section) numbers its types: every
                    other section is the same to the byte, and the export
                    data is the same once each type index is replaced by
                    the type's name (named types) or its definition
                    (unnamed ones), the type definitions compared as a set,
                    and the lines derived from the numbering (the "types"
                    sizes line and the "checksum") left out, and a single
                    unnamed result spelled "<type N>" whether gccgo wrote
                    it so or as "(? <type N>)";
  1  different      anything else (the first differing export line is
                    shown).

gccgo numbers unnamed types that differ only by an alias ([]fs.DirEntry
and []os.DirEntry) in an order that depends on the compiler's heap layout
(patches/FINDINGS, finding 3): a different -o path, or any plugin loaded,
even one that does nothing, can swap two of them.  A sweep that requires
the same object with and without the escape plugin uses this tool to tell
that from a change the plugin made.  It is not a general object
comparison: it assumes the two files come from the same sources and
options.
"""

import os
import re
import subprocess
import sys
import tempfile

TYPE_REF = re.compile(r"<type (\d+)")
TYPE_DEF = re.compile(r"^type (\d+) ")
# A single result without a name, which gccgo spells either way for one
# and the same function type: "(? <type 5>)" or "<type 5>".
BLANK_RESULT = re.compile(r"\(\? (<type -?\d+>)\)")


def usage(status):
    """Print the usage (to stdout when asked for) and exit with STATUS."""
    out = sys.stdout if status == 0 else sys.stderr
    out.write(__doc__.split("\n\n", 1)[1] if status == 0
              else "usage: cmp-objects.py [--objcopy PROG] A.o B.o\n")
    sys.exit(status)


def run_objcopy(objcopy, args):
    """Run OBJCOPY with ARGS; exit 2 with its message if it fails."""
    proc = subprocess.run([objcopy] + args, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True)
    if proc.returncode != 0:
        sys.stderr.write("cmp-objects.py: %s %s: %s" % (
            objcopy, " ".join(args), proc.stderr or "failed\n"))
        sys.exit(2)


def split_object(objcopy, path, tmp, tag):
    """Return (bytes of PATH without .go_export, its export data text),
    made by OBJCOPY in the directory TMP under names starting with TAG."""
    rest = os.path.join(tmp, tag + ".o")
    export = os.path.join(tmp, tag + ".gox")
    run_objcopy(objcopy, ["--remove-section=.go_export", path, rest])
    run_objcopy(objcopy, ["-O", "binary", "--only-section=.go_export",
                          "--set-section-flags", ".go_export=alloc",
                          path, export])
    with open(rest, "rb") as f:
        body = f.read()
    with open(export, "rb") as f:
        text = f.read().decode("utf-8", "surrogateescape")
    return body, text


def canonical_export(text):
    """Return export data TEXT with its type indices replaced by names
    that do not depend on the numbering, as (list of ordinary lines,
    sorted list of type definitions).

    A named type (or alias) is named by its quoted name; an unnamed type
    by its definition, with the types it refers to named in turn (an
    unnamed type cannot refer to itself but through a named one).  A type
    definition is its "type N" line with the indented lines after it (a
    named type's methods)."""
    lines = [BLANK_RESULT.sub(r"\1", line) for line in text.split("\n")]
    defs = {}           # index -> (first line's text after "type N ", rest)
    order = []          # ("line", text) or ("type", index), in file order
    current = None
    for line in lines:
        if line.startswith("types ") or line.startswith("checksum "):
            current = None
            continue
        definition = TYPE_DEF.match(line)
        if definition:
            current = definition.group(1)
            defs[current] = (line[definition.end():], [])
            order.append(("type", current))
        elif current is not None and line.startswith(" "):
            defs[current][1].append(line)
        else:
            current = None
            order.append(("line", line))

    keys = {}

    def key(index, active=()):
        if index in keys:
            return keys[index]
        if index not in defs or index in active:
            return "?" + index          # no definition, or a cycle
        head = defs[index][0]
        if head.startswith('"'):
            k = head[:head.index('"', 1) + 1]
        else:
            k = "{" + refs(head, active + (index,)) + "}"
        keys[index] = k
        return k

    def refs(line, active=()):
        return TYPE_REF.sub(lambda m: "<type " + key(m.group(1), active), line)

    ordinary, types = [], []
    for kind, item in order:
        if kind == "line":
            ordinary.append(refs(item))
        else:
            head, rest = defs[item]
            types.append("\n".join(["type %s %s" % (key(item), refs(head))]
                                   + [refs(r) for r in rest]))
    return ordinary, sorted(types)


def main(argv):
    objcopy = "objcopy"
    args = list(argv)
    if args and args[0] in ("-h", "--help"):
        usage(0)
    if len(args) >= 2 and args[0] == "--objcopy":
        objcopy = args[1]
        args = args[2:]
    if len(args) != 2 or any(a.startswith("-") for a in args):
        usage(2)
    a, b = args
    for path in (a, b):
        if not os.path.isfile(path):
            sys.stderr.write("cmp-objects.py: %s: no such file\n" % path)
            sys.exit(2)
    with open(a, "rb") as f1, open(b, "rb") as f2:
        if f1.read() == f2.read():
            print("identical")
            return 0
    with tempfile.TemporaryDirectory(prefix="cmp-objects.") as tmp:
        body_a, export_a = split_object(objcopy, a, tmp, "a")
        body_b, export_b = split_object(objcopy, b, tmp, "b")
    if body_a != body_b:
        print("different: sections other than .go_export differ")
        return 1
    lines_a, types_a = canonical_export(export_a)
    lines_b, types_b = canonical_export(export_b)
    for la, lb in zip(lines_a + types_a, lines_b + types_b):
        if la != lb:
            print("different: export data: %s | %s" % (la[:200], lb[:200]))
            return 1
    if len(lines_a) != len(lines_b) or len(types_a) != len(types_b):
        print("different: export data lengths differ")
        return 1
    print("export-order: only gccgo's numbering or spelling of its export "
          "types differs")
    return 3


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
