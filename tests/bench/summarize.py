#!/usr/bin/env python3
"""summarize.py RUNS_TSV [REFERENCE] -> a markdown table on stdout (paired.sh calls it).

Per endpoint, mode and client: the median calls/s over the repetitions (min-max), errors,
the paired ratio to the reference (each repetition's run divided by the reference's run in the
same repetition, median over repetitions; higher is better), the CPU the server and the client
used per second of the run (2 cores = 200%), and the client's CPU time per call.
"""
import csv
import statistics
import sys
from collections import defaultdict


def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def main():
    path = sys.argv[1]
    ref = sys.argv[2] if len(sys.argv) > 2 else "reference"
    with open(path) as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    groups = defaultdict(list)
    order = []
    for r in rows:
        k = (r["endpoint"], r["mode"], r["driver"])
        if k not in groups:
            order.append(k)
        groups[k].append(r)

    out = [
        "| endpoint | mode | client | C | N | median calls/s | min–max | paired ratio to %s | errors | server CPU | client CPU | client CPU µs/call |" % ref,
        "|---|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    endpoints = []
    for k in order:
        if k[0] not in endpoints:
            endpoints.append(k[0])
    for ep in endpoints:
        for mode in ("seq", "conc"):
            drivers = sorted({k[2] for k in order if k[0] == ep and k[1] == mode}, key=lambda d: d != ref)
            ref_by_rep = {r["rep"]: num(r["rps"]) for r in groups.get((ep, mode, ref), [])}
            for d in drivers:
                rs = groups[(ep, mode, d)]
                rps = [num(r["rps"]) or 0.0 for r in rs]
                paired = [(num(r["rps"]) or 0.0) / ref_by_rep[r["rep"]] for r in rs if ref_by_rep.get(r["rep"])]
                errs = sum(int(r["errors"]) for r in rs if r["errors"].isdigit())
                scpu = [num(r["server_cpu_s"]) / num(r["secs"]) for r in rs if num(r["server_cpu_s"]) is not None and num(r["secs"])]
                ccpu = [num(r["client_cpu_s"]) / num(r["secs"]) for r in rs if num(r["client_cpu_s"]) is not None and num(r["secs"])]
                cpr = [num(r["client_cpu_s"]) / int(r["n"]) * 1e6 for r in rs if num(r["client_cpu_s"]) is not None and int(r["n"])]
                out.append("| %s | %s | %s | %s | %s | %.0f | %.0f–%.0f | %s | %d | %s | %s | %s |" % (
                    ep, mode, d, rs[0]["c"], "/".join(sorted({r["n"] for r in rs})),
                    statistics.median(rps), min(rps), max(rps),
                    ("%.3f" % statistics.median(paired)) if paired else "-",
                    errs,
                    ("%.0f%%" % (100 * statistics.median(scpu))) if scpu else "-",
                    ("%.0f%%" % (100 * statistics.median(ccpu))) if ccpu else "-",
                    ("%.1f" % statistics.median(cpr)) if cpr else "-",
                ))
    print("\n".join(out))
    print()
    print("CPU = CPU seconds used during the run / seconds timed (the client's includes its start-up")
    print("and warm-up); client CPU per call does not depend on how the cores were shared with the")
    print("server, so beside the paired ratio it is the better number for comparing two clients.")


if __name__ == "__main__":
    main()
