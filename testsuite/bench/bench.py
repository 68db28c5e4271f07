#!/usr/bin/env python3
"""bench.py: the plugin's compile-time and memory overhead, and its scaling.

usage: bench.py --gccgo GCCGO --plugin ESCAPE.SO --libgo DIR --out DIR
                [--parts overhead,scaling,instructions] [--commit REV]

(bench.sh extracts the sources and runs it; see there.)

Part 1, overhead: compiles libgo packages (DIR/PKG, the file selection of
libgo's own match.sh) as a package, at -O2 and at -O0, without and with the
plugin (full analysis: JSON output on, notes off, stats on), alternately,
BENCH_RUNS times each, and compares median wall time, CPU time (user + sys)
and peak RSS (of the driver and its children: go1, as).
Part 2, scaling: compiles generated programs (gen.py) of growing size at
-O0 with the plugin, BENCH_SCALE_RUNS times each, in rounds over all the
sizes (so that a slow spell of a shared machine falls on every size
alike), and compares the pass's own CPU time per GIMPLE statement (from
the plugin's stats line) across sizes, in all and per phase.  The first
round compiles whole (gccgo's own time and memory are reported from it);
the later ones are stopped at the stats line, which the pass prints last.
Part 3, instructions (only when asked for: it needs valgrind and takes
five to ten minutes): the pass's instructions per statement on the
programs of both shapes, counted by callgrind, each compilation
stopped at the stats line once callgrind has written its counts; exact,
so a check of linearity that the machine's noise does not touch.

Progress goes to stderr, the tables to stdout, all figures to
OUT/results.json.  The exit status is 0 even if a target is missed (it is
a benchmark), 1 if a compilation fails, 2 on bad usage.

Environment:
  BENCH_RUNS        runs per package, level and configuration (default 7)
  BENCH_PKGS        packages for part 1 (default: see PKGS)
  BENCH_LEVELS      optimisation levels for part 1 (default "-O2 -O0")
  BENCH_GOFLAGS     extra flags for every compilation (default none)
  BENCH_SIZES       statement counts for part 2, many functions
                    (default "1000 10000 100000 1000000")
  BENCH_FEW_SIZES   statement counts for part 2, four large functions
                    (default "10000 30000 100000 300000": at 1,000,000
                    gccgo -O0 alone takes 70 s or more per compilation,
                    its front end being super-linear in a function's size)
  BENCH_SCALE_RUNS  runs per size (default 9)
  BENCH_TIMEOUT     seconds a compilation may take (default 600); in part 2
                    a size that takes longer ends its shape's series
  BENCH_INSN_SIZES  statement counts for part 3, four large functions
                    (default "10000 30000 100000 300000")
  BENCH_INSN_MANY_SIZES  the same, many functions (default "10000 100000")
  BENCH_CACHE_SIM   if 1 (or l2), part 3 also simulates the caches
                    (callgrind --cache-sim; about twice as slow) and gives
                    the pass's data misses per statement: in the first
                    level, and in the machine's L2 (from sysfs), simulated
                    as the last level; if l3, in the machine's L3 instead
                    (misses there go to memory)
"""

import argparse
import json
import os
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

PKGS = ("encoding/json regexp/syntax compress/flate text/template/parse "
        "math/big regexp go/scanner")

# The targets: extra compile time at -O2 and at -O0, extra peak memory, and
# the spread of the pass's time per statement across program sizes.
TARGET_TIME = {"-O2": 1.0, "-O0": 3.0}
TARGET_MEM = 5.0
TARGET_SPREAD = 1.25
# Sizes below this many statements (nominal: gen.py's argument) are left
# out of the spread: there the pass takes about a millisecond or less and
# the timer's noise dominates.
SPREAD_MIN_STMTS = 10000

TIMEOUT = "timeout"
STOPPED = "stopped"

STATS_LINE_RE = re.compile(r"^escape: stats: ")
STATS_RE = re.compile(r"^escape: stats: .*: functions=(\d+) statements=(\d+) "
                      r"sites=(\d+) analyses=(\d+) pass_usec=(\d+) "
                      r"\(sites (\d+), analysis (\d+), report (\d+)\)", re.M)


def progress(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def env_list(name, default):
    return os.environ.get(name, default).split()


def run(cmd, cwd, errfile, timeout=None, stop_at=None, on_stop=None):
    """Run CMD in CWD, stderr and stdout to ERRFILE; return (status, wall
    seconds, cpu seconds, peak RSS in KiB); status is TIMEOUT if it ran
    past TIMEOUT seconds.  The rusage of wait4 covers the driver and the
    children it waited for (go1, as); ru_maxrss is the largest of them.
    With STOP_AT (a compiled regexp), the compilation is killed as soon as
    a line of its output matches, and the status is STOPPED: the scaling
    part needs the plugin's stats line, not the code generated after it
    (three quarters of gccgo's time at -O0).  ON_STOP, if given, is
    called first, and may wait; if it returns false, the compilation is
    left to finish.  A stopped compilation's temporary files go to CWD."""
    with open(errfile, "wb") as err:
        start = time.perf_counter()
        env = None
        if stop_at is not None:
            env = dict(os.environ, TMPDIR=cwd)
        p = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL,
                             stdout=err if stop_at is None else subprocess.PIPE,
                             stderr=subprocess.STDOUT,
                             start_new_session=True, env=env)
        expired = []
        stopped = []
        if stop_at is not None:
            def watch():
                for line in p.stdout:
                    err.write(line)
                    if (not stopped and stop_at.search(line.decode(errors="replace"))
                            and (on_stop is None or on_stop())):
                        stopped.append(True)
                        err.flush()
                        try:
                            os.killpg(p.pid, signal.SIGKILL)
                        except ProcessLookupError:
                            pass
            watcher = threading.Thread(target=watch)
            watcher.start()

        def kill():
            expired.append(True)
            try:
                os.killpg(p.pid, signal.SIGKILL)   # the driver and go1
            except ProcessLookupError:
                pass
        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        try:
            _, status, ru = os.wait4(p.pid, 0)
        finally:
            if timer:
                timer.cancel()
        wall = time.perf_counter() - start
        if stop_at is not None:
            watcher.join()
            p.stdout.close()
    p.returncode = os.waitstatus_to_exitcode(status)
    if expired:
        return TIMEOUT, wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss
    if stopped:
        return STOPPED, wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss
    return p.returncode, wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def read(path):
    with open(path, errors="replace") as f:
        return f.read()


def parse_stats(text):
    m = STATS_RE.findall(text)
    if len(m) != 1:
        return None
    return dict(zip(("functions", "statements", "sites", "analyses",
                     "pass_usec", "sites_usec", "analysis_usec",
                     "report_usec"),
                    map(int, m[0])))


def mad(xs):
    """The median absolute deviation from the median."""
    m = statistics.median(xs)
    return statistics.median(abs(x - m) for x in xs)


def pct(new, old):
    return 100.0 * (new - old) / old if old else 0.0


def verdict(ok):
    return "met" if ok else "MISSED"


def fresh_json(tmp):
    """The plugin appends to its JSON file: start each compilation afresh."""
    try:
        os.unlink(os.path.join(tmp, "sites.jsonl"))
    except FileNotFoundError:
        pass


def plugin_flags(plugin, tmp, stats=True):
    flags = ["-fplugin=" + plugin,
             "-fplugin-arg-escape-json=" + os.path.join(tmp, "sites.jsonl"),
             "-fplugin-arg-escape-notes=none"]
    if stats:
        flags.append("-fplugin-arg-escape-stats")
    return flags


def match_files(libgo, pkg):
    """The files libgo's build compiles for PKG on linux/amd64: libgo's
    match.sh (it needs bash), which implements the build constraints with
    the tags gccgo, linux, amd64, cgo and the release tags; libgo's copies
    of the sources put "ignore" on the files gc alone compiles (math/big's
    arith_decl.go, which declares the assembly functions)."""
    srcdir = os.path.join(libgo, "go", pkg)
    out = subprocess.run(["bash", os.path.join(libgo, "match.sh"),
                          "--goarch=amd64", "--goos=linux", "--srcdir=" + srcdir],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return None
    return [os.path.basename(f) for f in out.stdout.split()]


def overhead(args, tmp, failures):
    runs = int(os.environ.get("BENCH_RUNS", "7"))
    pkgs = env_list("BENCH_PKGS", PKGS)
    levels = env_list("BENCH_LEVELS", "-O2 -O0")
    extra = shlex.split(os.environ.get("BENCH_GOFLAGS", ""))
    obj = os.path.join(tmp, "x.o")
    errf = os.path.join(tmp, "err")
    timeout = int(os.environ.get("BENCH_TIMEOUT", "600"))

    plan = []
    for pkg in pkgs:
        files = match_files(args.libgo, pkg)
        if not files:
            progress("%s: no files (not extracted, or match.sh failed): skipped" % pkg)
            failures.append("%s: no files" % pkg)
            continue
        plan.append((pkg, files))
    total = len(plan) * len(levels) * (2 * runs + 1)
    done = 0
    results = []
    for pkg, files in plan:
        cwd = os.path.join(args.libgo, "go", pkg)
        for level in levels:
            base = [args.gccgo, "-c", "-fgo-pkgpath=" + pkg, level] + extra + \
                ["-o", obj] + files
            # First a plain compilation: the package must compile alone
            # (its imports resolve against the installed .gox files).  It
            # also warms the caches; its figures are not used.
            done += 1
            st, wall, _, _ = run(base, cwd, errf, timeout)
            if st != 0:
                progress("%s %s: gccgo cannot compile it alone: skipped\n%s"
                         % (pkg, level, read(errf)[:2000]))
                failures.append("%s %s: does not compile" % (pkg, level))
                break
            progress("[%d/%d] %s %s: %d files, warm-up %.2f s"
                     % (done, total, pkg, level, len(files), wall))
            without, with_, stats = [], [], []
            ok = True
            for i in range(runs):
                # Alternate, and alternate which goes first.
                order = (False, True) if i % 2 == 0 else (True, False)
                for plug in order:
                    cmd = base + (plugin_flags(args.plugin, tmp) if plug else [])
                    fresh_json(tmp)
                    st, wall, cpu, rss = run(cmd, cwd, errf, timeout)
                    done += 1
                    if st != 0:
                        progress("%s %s %s the plugin: exit status %s\n%s"
                                 % (pkg, level, "with" if plug else "without",
                                    st, read(errf)[:2000]))
                        failures.append("%s %s: compilation failed" % (pkg, level))
                        ok = False
                        break
                    (with_ if plug else without).append((wall, cpu, rss))
                    if plug:
                        s = parse_stats(read(errf))
                        if s is None:
                            progress("%s %s: no stats line from the plugin" % (pkg, level))
                            failures.append("%s %s: no stats line" % (pkg, level))
                            ok = False
                            break
                        stats.append(s)
                if not ok:
                    break
                progress("[%d/%d] %s %s run %d/%d: cpu %.2f s without, %.2f s with"
                         % (done, total, pkg, level, i + 1, runs,
                            without[-1][1], with_[-1][1]))
            if not ok:
                break
            med = lambda xs, k: statistics.median(x[k] for x in xs)
            r = {
                "package": pkg, "level": level, "files": len(files), "runs": runs,
                "wall_without": med(without, 0), "wall_with": med(with_, 0),
                "cpu_without": med(without, 1), "cpu_with": med(with_, 1),
                "rss_without_kib": med(without, 2), "rss_with_kib": med(with_, 2),
                "cpu_ratio": statistics.median(w[1] / o[1] for o, w in zip(without, with_)),
                "cpu_ratio_mad": mad([w[1] / o[1] for o, w in zip(without, with_)]),
                "wall_ratio": statistics.median(w[0] / o[0] for o, w in zip(without, with_)),
                "functions": stats[0]["functions"],
                "statements": stats[0]["statements"],
                "sites": stats[0]["sites"],
                "pass_usec": statistics.median(s["pass_usec"] for s in stats),
                "samples": {"without": without, "with": with_,
                            "pass_usec": [s["pass_usec"] for s in stats]},
            }
            results.append(r)
    return results


def overhead_report(results, runs):
    out = []
    w = out.append
    w("Compile-time and memory overhead: libgo packages compiled as packages,")
    w("without (-) and with (+) the plugin (JSON on, notes off, stats on);")
    w("medians of %d alternated runs each; cpu = user + sys of gccgo and its" % runs)
    w("children; cpu ratio = median of the per-pair ratios + / -, and mad its")
    w("median absolute deviation (the noise); rss = peak RSS of gccgo and its")
    w("children; pass = the pass's own time (stats line), and % of wall+.")
    w("")
    hdr = ("%-20s %-4s %6s %6s %6s %6s %6s %5s %8s %8s %6s %5s %6s %5s"
           % ("package", "lvl", "wall-", "wall+", "cpu-", "cpu+", "ratio", "mad",
              "rss- KiB", "rss+ KiB", "+KiB", "+rss", "pass", "pass"))
    w(hdr)
    w("-" * len(hdr))
    for r in results:
        w("%-20s %-4s %6.2f %6.2f %6.2f %6.2f %6.3f %4.1f%% %8d %8d %6d %4.1f%% %4.1fms %4.2f%%"
          % (r["package"], r["level"], r["wall_without"], r["wall_with"],
             r["cpu_without"], r["cpu_with"], r["cpu_ratio"], 100 * r["cpu_ratio_mad"],
             r["rss_without_kib"], r["rss_with_kib"],
             r["rss_with_kib"] - r["rss_without_kib"],
             pct(r["rss_with_kib"], r["rss_without_kib"]),
             r["pass_usec"] / 1000.0,
             100.0 * r["pass_usec"] / 1e6 / r["wall_with"]))
    w("")
    totals = {}
    levels = []
    for r in results:
        if r["level"] not in levels:
            levels.append(r["level"])
    for level in levels:
        rs = [r for r in results if r["level"] == level]
        s = lambda k: sum(r[k] for r in rs)
        worst = max(rs, key=lambda r: pct(r["rss_with_kib"], r["rss_without_kib"]))
        t = {
            "packages": len(rs),
            "wall_without": s("wall_without"), "wall_with": s("wall_with"),
            "cpu_without": s("cpu_without"), "cpu_with": s("cpu_with"),
            "rss_without_kib": s("rss_without_kib"), "rss_with_kib": s("rss_with_kib"),
            "pass_usec": s("pass_usec"),
            "worst_rss_package": worst["package"],
            "worst_rss_pct": pct(worst["rss_with_kib"], worst["rss_without_kib"]),
        }
        t["cpu_pct"] = pct(t["cpu_with"], t["cpu_without"])
        t["wall_pct"] = pct(t["wall_with"], t["wall_without"])
        t["rss_pct"] = pct(t["rss_with_kib"], t["rss_without_kib"])
        t["pass_pct"] = 100.0 * t["pass_usec"] / 1e6 / t["wall_with"]
        tt = TARGET_TIME.get(level)
        t["target_time_pct"] = tt
        t["target_mem_pct"] = TARGET_MEM
        t["time_met"] = None if tt is None else t["cpu_pct"] < tt
        t["mem_met"] = t["rss_pct"] < TARGET_MEM
        totals[level] = t
        w("Total %s, %d packages (ratio of the summed medians):" % (level, len(rs)))
        w("  extra compile time:  cpu %+.2f%% (%.2f s -> %.2f s), wall %+.2f%%"
          % (t["cpu_pct"], t["cpu_without"], t["cpu_with"], t["wall_pct"]))
        if tt is not None:
            w("                       target: under %g%% extra (cpu): %s"
              % (tt, verdict(t["time_met"])))
        w("  extra peak memory:   %+.2f%% (%+d KiB summed); largest: %+.2f%% (%s)"
          % (t["rss_pct"], t["rss_with_kib"] - t["rss_without_kib"],
             t["worst_rss_pct"], t["worst_rss_package"]))
        w("                       target: under %g%% extra: %s (total), %s (largest)"
          % (TARGET_MEM, verdict(t["mem_met"]),
             verdict(t["worst_rss_pct"] < TARGET_MEM)))
        w("  the pass itself:     %.1f ms, %.2f%% of the compile time (wall, with)"
          % (t["pass_usec"] / 1000.0, t["pass_pct"]))
        t["noise_pct"] = 100 * statistics.median(r["cpu_ratio_mad"] for r in rs)
        w("  noise:               %.1f%% (median of the packages' mad)%s"
          % (t["noise_pct"], "; larger than the time target: the verdict is unreliable"
             if tt is not None and t["noise_pct"] > tt else ""))
    w("")
    w("The pass's time (pass_usec) covers the plugin's two passes (the early")
    w("one and the IPA one); the rest of the plugin's cost (loading it,")
    w("capturing gccgo's escape notes in the front end) shows only in the")
    w("difference of the compile times.")
    return "\n".join(out), totals


def scaling(args, tmp, failures):
    runs = int(os.environ.get("BENCH_SCALE_RUNS", "9"))
    extra = shlex.split(os.environ.get("BENCH_GOFLAGS", ""))
    gen = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen.py")
    shapes = [("many", env_list("BENCH_SIZES", "1000 10000 100000 1000000")),
              ("few", env_list("BENCH_FEW_SIZES", "10000 30000 100000 300000"))]
    total = sum(len(s) for _, s in shapes) * runs
    done = 0
    results = []
    obj = os.path.join(tmp, "gen.o")
    errf = os.path.join(tmp, "err")
    timeout = int(os.environ.get("BENCH_TIMEOUT", "600"))
    skipped = []
    # Every program first, then the runs in rounds over all of them, so
    # that a slow spell of the machine falls on every size alike.
    progs = []
    for shape, sizes in shapes:
        for size in map(int, sizes):
            src = os.path.join(tmp, "gen-%s-%d.go" % (shape, size))
            subprocess.run([sys.executable, gen, "--shape", shape, str(size), src],
                           check=True)
            progs.append({"shape": shape, "size": size, "src": src,
                          "samples": [], "dead": None})
    for i in range(runs):
        for p in progs:
            shape, size = p["shape"], p["size"]
            done += 1
            if p["dead"]:
                continue
            cmd = [args.gccgo, "-c", "-O0", "-fgo-pkgpath=bench"] + extra + \
                ["-o", obj, p["src"]] + plugin_flags(args.plugin, tmp)
            fresh_json(tmp)
            # The first round compiles whole, for gccgo's own time; the
            # others stop at the stats line (the pass's time is all they
            # measure), which makes more rounds affordable.
            st, wall, cpu, rss = run(cmd, tmp, errf, timeout,
                                     stop_at=None if i == 0 else STATS_LINE_RE)
            full = st != STOPPED
            if st == STOPPED:
                st = 0
            if st == TIMEOUT:
                progress("scaling %s %d: over %d s: killed; larger sizes skipped"
                         % (shape, size, timeout))
                for q in progs:
                    if q["shape"] == shape and q["size"] >= size and not q["dead"]:
                        q["dead"] = ("over %d s" % timeout if q is p
                                     else "skipped")
                continue
            s = parse_stats(read(errf)) if st == 0 else None
            if s is None:
                progress("scaling %s %d: exit status %s, no stats line\n%s"
                         % (shape, size, st, read(errf)[:2000]))
                failures.append("scaling %s %d: compilation failed" % (shape, size))
                p["dead"] = "failed"
                continue
            s.update(wall=wall, cpu=cpu, rss_kib=rss, whole=full)
            p["samples"].append(s)
            progress("[%d/%d] scaling %s %d: %d statements, pass %.1f ms, %s %.1f s"
                     % (done, total, shape, size, s["statements"],
                        s["pass_usec"] / 1000.0,
                        "compile" if full else "up to the stats line", wall))
    for p in progs:
        samples = p["samples"]
        if p["dead"] in ("over %d s" % timeout, "skipped"):
            skipped.append({"shape": p["shape"], "target_statements": p["size"],
                            "reason": p["dead"]})
        if p["dead"] or len(samples) != runs:
            continue
        med = lambda k: statistics.median(x[k] for x in samples)
        whole = [x for x in samples if x["whole"]]
        med_whole = lambda k: statistics.median(x[k] for x in whole)
        r = {
            "shape": p["shape"], "target_statements": p["size"], "runs": runs,
            "functions": samples[0]["functions"],
            "statements": samples[0]["statements"],
            "sites": samples[0]["sites"],
            "analyses": samples[0]["analyses"],
            "pass_usec": med("pass_usec"),
            # gccgo's own time and memory: the runs compiled whole.
            "compile_wall": med_whole("wall"), "compile_cpu": med_whole("cpu"),
            "rss_kib": med_whole("rss_kib"), "whole_runs": len(whole),
            "samples": samples,
        }
        r["ns_per_stmt"] = 1000.0 * r["pass_usec"] / r["statements"]
        r["fastest_ns_per_stmt"] = (1000.0 * min(x["pass_usec"] for x in samples)
                                    / r["statements"])
        # The machine's own noise at this size: slowest run / fastest run.
        r["noise"] = (max(x["pass_usec"] for x in samples)
                      / max(1, min(x["pass_usec"] for x in samples)))
        for phase in ("sites", "analysis", "report"):
            r[phase + "_ns_per_stmt"] = (1000.0 * med(phase + "_usec")
                                         / r["statements"])
        results.append(r)
    return results, skipped


def scaling_report(results, skipped, runs):
    out = []
    w = out.append
    w("Scaling: generated programs (gen.py) at -O0 with the plugin; the pass's own")
    w("CPU time per GIMPLE statement, from its stats line; medians of %d runs" % runs)
    w("(fastest: the fastest run).  Shapes: many = many functions of moderate size;")
    w("few = 4 very large functions.")
    w("")
    hdr = ("%-5s %10s %9s %7s %8s %8s %8s %6s %8s %9s %9s"
           % ("shape", "statements", "functions", "sites", "pass ms",
              "ns/stmt", "fastest", "noise", "compile", "pass", "rss MiB"))
    w(hdr)
    w("-" * len(hdr))
    for r in results:
        w("%-5s %10d %9d %7d %8.1f %8.0f %8.0f %6.2f %7.1fs %8.2f%% %9.0f"
          % (r["shape"], r["statements"], r["functions"], r["sites"],
             r["pass_usec"] / 1000.0, r["ns_per_stmt"],
             r["fastest_ns_per_stmt"], r["noise"], r["compile_wall"],
             100.0 * r["pass_usec"] / 1e6 / r["compile_wall"], r["rss_kib"] / 1024.0))
    w("")
    w("The pass's phases, ns per statement (medians): sites reads every statement")
    w("and its operands once; analysis builds and solves the graphs; report")
    w("writes the records.")
    hdr = "%-5s %10s %8s %9s %8s" % ("shape", "statements", "sites", "analysis",
                                       "report")
    w(hdr)
    w("-" * len(hdr))
    for r in results:
        w("%-5s %10d %8.0f %9.0f %8.0f"
          % (r["shape"], r["statements"], r["sites_ns_per_stmt"],
             r["analysis_ns_per_stmt"], r["report_ns_per_stmt"]))
    w("")
    spread = {}
    groups = [(shape, [r for r in results if r["shape"] == shape])
              for shape in ("many", "few")] + [("all", results)]
    for name, rs in groups:
        rs = [r for r in rs if r["target_statements"] >= SPREAD_MIN_STMTS]
        if len(rs) < 2:
            continue
        v = [r["ns_per_stmt"] for r in rs]
        sp = max(v) / min(v)
        ratio = lambda k: (max(r[k] for r in rs) / min(r[k] for r in rs)
                           if min(r[k] for r in rs) > 0 else float("nan"))
        spread[name] = {"sizes": len(rs), "min_ns": min(v), "max_ns": max(v),
                        "spread": sp, "met": sp <= TARGET_SPREAD,
                        "fastest_spread": ratio("fastest_ns_per_stmt"),
                        "sites_spread": ratio("sites_ns_per_stmt"),
                        "analysis_spread": ratio("analysis_ns_per_stmt")}
        w("Spread of ns/stmt (max/min) over the %d sizes of %s from ~%d statements: %.2f"
          % (len(rs), "both shapes" if name == "all" else "shape " + name,
             SPREAD_MIN_STMTS, sp))
        w("  target: within %d%% across the range (max/min <= %.2f): %s"
          % (round((TARGET_SPREAD - 1) * 100), TARGET_SPREAD, verdict(sp <= TARGET_SPREAD)))
        w("  fastest runs %.2f; phases: sites %.2f, analysis %.2f"
          % (spread[name]["fastest_spread"], spread[name]["sites_spread"],
             spread[name]["analysis_spread"]))
    measured = [r for r in results if r["target_statements"] >= SPREAD_MIN_STMTS]
    if measured:
        worst = max(measured, key=lambda r: r["noise"])
        w("noise: the slowest of a size's runs over its fastest, up to %.2f"
          % worst["noise"])
        w("  (%s, %d statements): a spread within that is not told from the"
          % (worst["shape"], worst["statements"]))
        w("  machine's own variation.")
    w("Sizes under ~%d statements are left out of the spread: the pass takes"
      % SPREAD_MIN_STMTS)
    w("about a millisecond or less there, and the timer's noise dominates.")
    for k in skipped:
        w("Shape %s, ~%d statements: not measured (%s)."
          % (k["shape"], k["target_statements"], k["reason"]))
    if results:
        big = max(results, key=lambda r: r["statements"])
        w("Largest program: %d statements (%s), gccgo -O0 compiles it in %.1f s."
          % (big["statements"], big["shape"], big["compile_wall"]))
    return "\n".join(out), spread


CACHE_SIM_LEVELS = {"1": 2, "l2": 2, "l3": 3}


def cache_level(level):
    """The machine's cache of level LEVEL (2 or 3) as valgrind's --LL value
    (size, associativity, line size in bytes), from sysfs, or None."""
    base = "/sys/devices/system/cpu/cpu0/cache"
    try:
        for idx in sorted(os.listdir(base)):
            d = os.path.join(base, idx)
            if (not idx.startswith("index")
                    or read(os.path.join(d, "level")).strip() != str(level)):
                continue
            size = read(os.path.join(d, "size")).strip()
            mult = {"K": 1024, "M": 1024 * 1024}.get(size[-1:], 1)
            size = int(size.rstrip("KM")) * mult
            ways = int(read(os.path.join(d, "ways_of_associativity")))
            line = int(read(os.path.join(d, "coherency_line_size")))
            return "%d,%d,%d" % (size, ways, line)
    except (OSError, ValueError):
        pass
    return None


def dumped(outs):
    """True once a callgrind profile in OUTS is complete (its totals line
    is written last)."""
    for f in os.listdir(outs):
        path = os.path.join(outs, f)
        try:
            if os.path.getsize(path) > 0 and re.search(r"^totals: ", read(path), re.M):
                return True
        except OSError:
            pass
    return False


def dump_profile(outs, tmpdir, timeout=600):
    """Have the callgrind running in OUTS (its profile file PID.out) write
    what it has counted (callgrind_control --dump), and wait until it has.
    Called at the stats line: the pass is over, its counts are final (the
    collection is toggled off outside it).  TMPDIR is the callgrind's, where
    it keeps the pipes callgrind_control talks through.  Return false if
    it could not be asked, or did not write in TIMEOUT seconds: the
    compilation then runs to its end, where callgrind writes anyway."""
    pids = [f.split(".")[0] for f in os.listdir(outs) if f.endswith(".out")]
    if not pids:
        return False
    try:
        asked = subprocess.run(["callgrind_control", "--dump", pids[0]],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=dict(os.environ, TMPDIR=tmpdir)).returncode == 0
    except OSError:
        asked = False
    deadline = time.time() + timeout
    while asked and not dumped(outs) and time.time() < deadline:
        time.sleep(0.5)
    return asked and dumped(outs)


def instructions(args, tmp, failures):
    """Part 3, optional: the pass's instructions per statement, counted by
    callgrind (valgrind) on the programs of both shapes.  An exact count,
    which the machine's noise does not touch: it shows whether the work is
    linear, apart from the memory hierarchy."""
    series = [(shape, int(size)) for shape, sizes in
              (("many", env_list("BENCH_INSN_MANY_SIZES", "10000 100000")),
               ("few", env_list("BENCH_INSN_SIZES",
                                "10000 30000 100000 300000")))
              for size in sizes]
    gen = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen.py")
    if not shutil.which("valgrind"):
        failures.append("instructions: valgrind not found (apt-get install valgrind)")
        return []
    results = []
    for n, (shape, size) in enumerate(series):
        src = os.path.join(tmp, "insn-%s-%d.go" % (shape, size))
        subprocess.run([sys.executable, gen, "--shape", shape, str(size), src],
                       check=True)
        outs = os.path.join(tmp, "callgrind")
        shutil.rmtree(outs, ignore_errors=True)
        os.mkdir(outs)
        level = CACHE_SIM_LEVELS.get(os.environ.get("BENCH_CACHE_SIM", ""))
        cache_sim = level is not None
        sim = []
        if cache_sim:
            # The last level simulated is the machine's L2 (the level a
            # large function's graph and IL outgrow first), or its L3.
            sim = ["--cache-sim=yes"]
            ll = cache_level(level)
            if ll:
                sim.append("--LL=" + ll)
        # A script, not -wrapper's comma-separated list: --LL's value has
        # commas of its own.
        wrapper = os.path.join(tmp, "callgrind.sh")
        with open(wrapper, "w") as f:
            f.write("#!/bin/sh\nexec %s \"$@\"\n" % " ".join(
                shlex.quote(a) for a in
                ["valgrind", "--tool=callgrind",
                 # Both passes: the early one analyses most functions.
                 "--toggle-collect=pass_escape::execute*",
                 "--toggle-collect=pass_escape_early::execute*",
                 "--callgrind-out-file=" + os.path.join(outs, "%p.out")] + sim))
        os.chmod(wrapper, 0o755)
        cmd = [args.gccgo, "-c", "-O0", "-fgo-pkgpath=bench", "-o",
               os.path.join(tmp, "insn.o"), src, "-wrapper", wrapper] + \
            plugin_flags(args.plugin, tmp)
        fresh_json(tmp)
        errf = os.path.join(tmp, "err")
        # Stopped at the stats line, once callgrind has written the pass's
        # counts: the code generation after it, under valgrind, would take
        # most of the time.
        st, wall, cpu, rss = run(cmd, tmp, errf, 3600, stop_at=STATS_LINE_RE,
                                 on_stop=lambda: dump_profile(outs, tmp))
        stopped = st == STOPPED
        if stopped:
            st = 0
        stats = parse_stats(read(errf)) if st == 0 else None
        counts = {}
        for f in os.listdir(outs):
            text = read(os.path.join(outs, f))
            ll = re.search(r"^desc: LL cache: (\d+) B", text, re.M)
            if ll:
                counts["ll_bytes"] = int(ll.group(1))
            ev = re.search(r"^events: (.*)$", text, re.M)
            m = re.search(r"^summary: (.*)$", text, re.M)
            if ev and m:
                for name, v in zip(ev.group(1).split(), m.group(1).split()):
                    counts[name] = counts.get(name, 0) + int(v)
        insn = counts.get("Ir", 0)
        if stats is None or insn == 0:
            failures.append("instructions %s %d: no count (status %s)"
                            % (shape, size, st))
            continue
        n_stmt = float(stats["statements"])
        r = {"shape": shape, "target_statements": size,
             "statements": stats["statements"],
             "instructions": insn, "insn_per_stmt": insn / n_stmt}
        if cache_sim:
            r["d1_misses_per_stmt"] = (counts.get("D1mr", 0)
                                       + counts.get("D1mw", 0)) / n_stmt
            r["ll_misses_per_stmt"] = (counts.get("DLmr", 0)
                                       + counts.get("DLmw", 0)) / n_stmt
            r["ll_bytes"] = counts.get("ll_bytes", 0)
        results.append(r)
        progress("[%d/%d] instructions %s %d: %d statements, %.0f per statement "
                 "(%.0f s%s)" % (n + 1, len(series), shape, size, r["statements"],
                                 r["insn_per_stmt"], wall,
                                 ", stopped after the pass" if stopped else ""))
    return results


def instructions_report(results):
    out = []
    w = out.append
    w("Instructions: the pass's own instructions per GIMPLE statement (callgrind,")
    w("-O0): exact, whatever the machine's load.")
    w("")
    sim = any("ll_misses_per_stmt" in r for r in results)
    w("%-5s %10s %14s %12s" % ("shape", "statements", "instructions", "per stmt")
      + ("  %12s %12s" % ("D1 miss/stmt", "LL miss/stmt") if sim else ""))
    for r in results:
        w("%-5s %10d %14d %12.0f" % (r["shape"], r["statements"], r["instructions"],
                                    r["insn_per_stmt"])
          + ("  %12.2f %12.2f" % (r["d1_misses_per_stmt"], r["ll_misses_per_stmt"])
             if "ll_misses_per_stmt" in r else ""))
    if sim:
        w("Data misses per statement, simulated by callgrind: D1 the first level,")
        w("LL the last: %d KiB, the machine's %s when sysfs tells it."
          % (max(r.get("ll_bytes", 0) for r in results) // 1024,
             "L%d" % CACHE_SIM_LEVELS.get(os.environ.get("BENCH_CACHE_SIM", ""), 2)))
    spread = {}
    for shape in ("many", "few"):
        v = [r["insn_per_stmt"] for r in results if r["shape"] == shape]
        if len(v) >= 2:
            spread[shape] = max(v) / min(v)
            w("Spread (max/min), shape %s: %.2f" % (shape, spread[shape]))
    return "\n".join(out), spread


def git_describe(top):
    try:
        rev = subprocess.run(["git", "-C", top, "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", top, "status", "--porcelain",
                                "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        return rev + ("-dirty" if dirty else "") if rev else None
    except OSError:
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gccgo", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--libgo", required=True, help="extracted libgo directory")
    ap.add_argument("--out", required=True, help="directory for results.json")
    ap.add_argument("--parts", default="overhead,scaling")
    ap.add_argument("--commit", help="the plugin's source version, for the record")
    args = ap.parse_args()
    parts = args.parts.split(",")
    sim = os.environ.get("BENCH_CACHE_SIM", "")
    if sim not in ("", "0") and sim not in CACHE_SIM_LEVELS:
        ap.error("BENCH_CACHE_SIM=%s: must be 1, l2 or l3 (or unset)" % sim)

    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    version = subprocess.run([args.gccgo, "-dumpfullversion"], capture_output=True,
                             text=True).stdout.strip()
    load = os.getloadavg()[0]
    progress("%s %s, plugin %s (%s), %d CPUs, load average %.2f"
             % (args.gccgo, version, args.plugin, args.commit or git_describe(top),
                os.cpu_count(), load))
    if load > 0.5:
        progress("warning: the machine is busy (load %.2f): times will be noisy" % load)

    failures = []
    # Schema 2: "instructions" covers both shapes (each size has a
    # "shape"; "spread" is per shape).
    doc = {
        "schema": 2,
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "gccgo": args.gccgo, "gccgo_version": version,
        "plugin_commit": args.commit or git_describe(top),
        "cpus": os.cpu_count(), "load_average_start": load,
        "goflags": os.environ.get("BENCH_GOFLAGS", ""),
    }
    start = time.time()
    with tempfile.TemporaryDirectory(dir=args.out) as tmp:
        if "overhead" in parts:
            runs = int(os.environ.get("BENCH_RUNS", "7"))
            res = overhead(args, tmp, failures)
            text, totals = overhead_report(res, runs)
            print(text, flush=True)
            print(flush=True)
            doc["overhead"] = {"runs": runs, "packages": res, "totals": totals,
                               "targets": {"time_pct": TARGET_TIME,
                                           "mem_pct": TARGET_MEM}}
        if "scaling" in parts:
            runs = int(os.environ.get("BENCH_SCALE_RUNS", "9"))
            res, skipped = scaling(args, tmp, failures)
            text, spread = scaling_report(res, skipped, runs)
            print(text, flush=True)
            print(flush=True)
            doc["scaling"] = {"runs": runs, "sizes": res, "skipped": skipped,
                              "spread": spread,
                              "spread_min_statements": SPREAD_MIN_STMTS,
                              "target_spread": TARGET_SPREAD}
        if "instructions" in parts:
            res = instructions(args, tmp, failures)
            text, spread = instructions_report(res)
            print(text, flush=True)
            print(flush=True)
            doc["instructions"] = {"sizes": res, "spread": spread}
    doc["seconds"] = round(time.time() - start, 1)
    doc["load_average_end"] = os.getloadavg()[0]
    print("Load average (1 min) at the start %.2f, at the end %.2f on %d CPUs%s"
          % (load, doc["load_average_end"], os.cpu_count(),
             ": other work ran meanwhile, the times are noisy"
             if max(load, doc["load_average_end"]) > 0.5 else ""))
    doc["failures"] = failures
    path = os.path.join(args.out, "results.json")
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    if failures:
        print("FAILED compilations: " + "; ".join(failures))
    print("Benchmark took %d s; figures in %s" % (doc["seconds"], path))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
