#!/usr/bin/env python3
"""Write the export data of every package in a gccgo libgo.a as .gox files.

usage: libgo-exports.py LIBGO.A DIR

gccgo installs .gox files only for libgo's public packages; the export
data of the others (internal/..., golang.org/x/..., vendored packages) is
only in the .go_export sections of libgo.a's members.  This writes each
member's export data to DIR/PKGPATH.gox, so that `gccgo -I DIR` can compile
any libgo package from its sources, outside libgo's own build (make sweep,
testsuite/sweep.sh).  Prints the number of packages written.
"""

import os
import subprocess
import sys
import tempfile


def members(data):
    """Yield the (name, bytes) of each member of the ar archive DATA."""
    if data[:8] != b"!<arch>\n":
        raise ValueError("not an ar archive")
    pos = 8
    while pos + 60 <= len(data):
        header = data[pos:pos + 60]
        name = header[:16].decode("ascii", "replace").strip()
        size = int(header[48:58])
        yield name, data[pos + 60:pos + 60 + size]
        pos += 60 + size + (size & 1)


def export_data(member, tmp):
    """Return the .go_export section of the object MEMBER (bytes), or
    None; TMP is a scratch directory."""
    obj = os.path.join(tmp, "m.o")
    out = os.path.join(tmp, "m.gox")
    with open(obj, "wb") as f:
        f.write(member)
    if os.path.exists(out):
        os.unlink(out)
    proc = subprocess.run(["objcopy", "-O", "binary",
                           "--only-section=.go_export",
                           "--set-section-flags", ".go_export=alloc",
                           obj, out], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    if proc.returncode != 0 or not os.path.exists(out):
        return None
    with open(out, "rb") as f:
        return f.read() or None


def pkgpath(export):
    """Return the package path named in the header of EXPORT, or None."""
    for line in export.split(b"\n")[:4]:
        if line.startswith(b"pkgpath "):
            return line[len(b"pkgpath "):].rstrip(b";").decode()
    return None


def main(argv):
    if argv and argv[0] in ("-h", "--help"):
        sys.stdout.write(__doc__.split("\n\n", 1)[1])
        return 0
    if len(argv) != 2:
        sys.stderr.write("usage: libgo-exports.py LIBGO.A DIR\n")
        return 2
    archive, outdir = argv
    try:
        with open(archive, "rb") as f:
            data = f.read()
        written = 0
        with tempfile.TemporaryDirectory(prefix="libgo-exports.") as tmp:
            for name, member in members(data):
                if name in ("/", "//"):
                    continue    # the symbol and long-name tables
                export = export_data(member, tmp)
                path = export and pkgpath(export)
                if not path:
                    continue
                dest = os.path.join(outdir, path + ".gox")
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                with open(dest, "wb") as f:
                    f.write(export)
                written += 1
    except (OSError, ValueError) as e:
        sys.stderr.write("libgo-exports.py: %s: %s\n" % (archive, e))
        return 2
    print(written)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
