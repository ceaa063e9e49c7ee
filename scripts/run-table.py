#!/usr/bin/env python3
"""Runs every design of a scenario over seeds 1..N and prints the markdown table
used in docs/ukraine-2025.md: outcome types, months, and per run the proposals and
adopted changes (ranges), and over all seeds the leader-channel trades, merges,
leaks, leverage instruments fired and ceasefire collapses.

    scripts/run-table.py [--parley build/parley] [--seeds 10] [FILE]
"""
import argparse, collections, json, os, subprocess, sys, tempfile


def span(values):
    if not values:
        return "—"
    lo, hi = min(values), max(values)
    return str(lo) if lo == hi else f"{lo}–{hi}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parley", default="build/parley")
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--designs", default="multitrack,leader_only,all_party")
    ap.add_argument("file", nargs="?", default="")
    a = ap.parse_args()
    print("| design | final | framework only | collapsed | walkout | none | framework month |"
          " final month | proposals | adopted | trades | merges | leaks | leverage | collapses |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "run.json")
        for d in a.designs.split(","):
            kinds = collections.Counter()
            fw, fin, props, adopted = [], [], [], []
            trades = merges = leaks = leverage = collapses = 0
            for s in range(1, a.seeds + 1):
                cmd = [a.parley, "run"] + ([a.file] if a.file else []) + [
                    "--design", d, "--seed", str(s), "-q", "--json", out]
                subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
                r = json.load(open(out))
                o = r["outcome"]
                kinds[o["type"]] += 1
                if o.get("framework_month") is not None:
                    fw.append(o["framework_month"])
                if o.get("final_month") is not None:
                    fin.append(o["final_month"])
                c = collections.Counter(e["type"] for e in r["events"])
                props.append(c["proposal"])
                adopted.append(c["adopted"] + c["package_trade"])
                trades += c["package_trade"]
                merges += c["merge"]
                leaks += c["leak"]
                leverage += c["leverage"]
                collapses += c["ceasefire_collapsed"]
            print(f"| `{d}` | {kinds['final_agreement']} | {kinds['framework_only']} | "
                  f"{kinds['ceasefire_collapsed']} | {kinds['walkout']} | {kinds['no_agreement']} | "
                  f"{span(fw)} | {span(fin)} | {span(props)} | {span(adopted)} | {trades} | "
                  f"{merges} | {leaks} | {leverage} | {collapses} |")


if __name__ == "__main__":
    sys.exit(main())
