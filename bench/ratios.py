#!/usr/bin/env python3
"""Issue 4's ratios from a run_anchors.sh results.tsv: for every tool, the median over rounds of
(tool / DuckDB in the same round) for wall time and for CPU time (user + sys), and the peak RSS.
Round 0 (validation and warm-up) is left out, as in run_anchors.sh's own summary.

    bench/ratios.py OUTDIR/results.tsv
"""
import csv
import statistics
import sys


def main():
    rows = [r for r in csv.DictReader(open(sys.argv[1]), delimiter="\t") if r["round"] != "0" and r["rc"] == "0"]
    duck = {r["round"]: r for r in rows if r["tool"] == "duckdb"}
    tools = []
    for r in rows:
        if r["tool"] not in tools:
            tools.append(r["tool"])
    print("| tool | rounds | wall s (median) | CPU s (median) | peak RSS MB | × DuckDB wall | × DuckDB CPU |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for tool in tools:
        mine = [r for r in rows if r["tool"] == tool]
        wall = [float(r["wall_s"]) for r in mine]
        cpu = [float(r["user_s"]) + float(r["sys_s"]) for r in mine]
        rss = max(int(r["maxrss_kb"]) for r in mine) / 1024
        wall_ratio = [float(r["wall_s"]) / float(duck[r["round"]]["wall_s"]) for r in mine if r["round"] in duck]
        cpu_ratio = [(float(r["user_s"]) + float(r["sys_s"])) /
                     (float(duck[r["round"]]["user_s"]) + float(duck[r["round"]]["sys_s"]))
                     for r in mine if r["round"] in duck]
        fmt = lambda xs: "%.2f" % statistics.median(xs) if xs else "n/a"
        print("| %s | %d | %.2f | %.2f | %.0f | %s | %s |" % (
            tool, len(mine), statistics.median(wall), statistics.median(cpu), rss, fmt(wall_ratio), fmt(cpu_ratio)))


if __name__ == "__main__":
    main()
