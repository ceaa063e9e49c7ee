#!/usr/bin/env python3
"""Measures how often the signed final text of a run matches a settlement contour, point by
point and as a whole, over N runs, with 95% Wilson intervals; and, over the same runs, which
stated red lines were yielded (the `position_yielded` events: how often, in which month, at
which table) and how often each party can claim victory with the text it signed.

    scripts/contour.py [--parley build/parley] [--runs 1000] [--seed 1] [--variant ID]
                       [--design ID] [--central] [--jobs 2] [--point NAME=ISSUE:OPT|OPT ...]
                       [FILE]

Run k (k = 0..N-1) is `parley run [FILE] [--variant ID] [--design ID] --seed S --sweep-run k
--json -` (docs/cli.md): run k of `parley sweep --seed S -n N`, its uncertain numbers drawn
as the sweep draws them, so the shares are those of that sweep. With --central, run k is
`parley run ... --seed k+1` instead: the scenario's central numbers (the means of its
distributions), the runs differing by their seeds only. A run matches a point when its
outcome is a final agreement and the text's option on the point's issue is one of the
point's options. The default points are the essay's five-point contour on the built-in
scenario's issues (docs/ukraine-2025.md, "The essay's premises as a variant"); `--point`
replaces them for another scenario.

A variant can move the victory thresholds themselves (a threshold is set from the party's best
utility in the ZOPA, or over all packages when the ZOPA is empty: docs/model.md, "Victory
threshold"); --victory-as-written also counts the claims against the thresholds of the
scenario as written (`parley analyze [FILE] --json`), to compare like with like.
"""
import argparse
import collections
import concurrent.futures
import json
import math
import statistics
import subprocess
import sys

# The essay's contour [S1] as options of the built-in scenario (scenarios/ukraine-2025.yaml).
ESSAY_CONTOUR = [
    # 1. ceasefire along the current line of contact
    ("1 ceasefire on the line", "territory", ["loc_freeze"]),
    # 2. neither side formally recognises the other's control
    ("2 no formal recognition", "recognition", ["none"]),
    # 3. armed-neutral or able to defend itself: no cap, or the cap at the army's real
    #    strength that Kyiv accepted (S14); 600k (S2) and deep caps (S29) are below it
    ("3 able to defend itself", "army_cap", ["none", "cap_800k"]),
    # 4. EU yes, NATO no: both options that forgo NATO keep EU membership open
    ("4 EU yes, NATO no", "alignment", ["eu_not_nato", "neutral_constitution"]),
    # 5. no further NATO expansion into the former Soviet space (a pledge of no enlargement
    #    at all includes it)
    ("5 no NATO expansion east", "nato_enlargement", ["no_post_soviet", "no_enlargement"]),
]


def wilson(k, n, z=1.959963984540054):
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (max(0.0, c - h), min(1.0, c + h))


def share(k, n):
    lo, hi = wilson(k, n)
    return f"{k}/{n} = {k / n:.3f} [{lo:.3f}, {hi:.3f}]" if n else "0/0"


def point_of(text):
    name, _, rest = text.partition("=")
    issue, _, options = rest.partition(":")
    if not (name and issue and options):
        sys.exit(f"--point {text!r}: write NAME=ISSUE:OPTION|OPTION")
    return (name, issue, options.split("|"))


def one_run(a, k):
    cmd = [a.parley, "run"] + ([a.file] if a.file else [])
    cmd += ["--variant", a.variant] if a.variant else []
    cmd += ["--design", a.design] if a.design else []
    if a.central:
        cmd += ["--seed", str(k + 1)]
    else:
        cmd += ["--seed", str(a.seed), "--sweep-run", str(k)]
    cmd += ["--json", "-"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--parley", default="build/parley")
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--central", action="store_true")
    ap.add_argument("--variant", default="")
    ap.add_argument("--design", default="")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--point", action="append", default=[])
    ap.add_argument("--victory-as-written", action="store_true")
    ap.add_argument("file", nargs="?", default="")
    a = ap.parse_args()
    points = [point_of(p) for p in a.point] if a.point else ESSAY_CONTOUR

    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        runs = list(pool.map(lambda k: one_run(a, k), range(a.runs)))

    n = len(runs)
    outcomes = collections.Counter(r["outcome"]["type"] for r in runs)
    signed = [r for r in runs if r["outcome"]["type"] == "final_agreement"]
    hits = collections.Counter()
    all_five = 0
    matching = []
    for r in signed:
        text = r["outcome"]["package"]
        ok = [text[issue] in options for _, issue, options in points]
        for (name, _, _), good in zip(points, ok):
            hits[name] += good
        if all(ok):
            all_five += 1
            matching.append(r)

    head = (f"{n} runs at the central numbers (seeds 1-{n})" if a.central else
            f"{n} runs (runs 0-{n - 1} of parley sweep --seed {a.seed})")
    head += f", variant {a.variant}" if a.variant else ", no variant"
    head += f", design {a.design}" if a.design else ""
    print(f"# {head}; scenario {runs[0]['scenario'] if runs else '?'}")
    print("\nOutcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    print(f"Final agreement: {share(len(signed), n)}")

    print("\nThe signed final text matches the contour (share of all runs; among signed texts)")
    for name, issue, options in points:
        print(f"  {name:<28} {issue}={'|'.join(options)}: {share(hits[name], n)};"
              f" {share(hits[name], len(signed))}")
    print(f"  {'all points':<28} {share(all_five, n)}; {share(all_five, len(signed))}")

    print("\nStated positions yielded (position_yielded events: runs, median month, where)")
    yielded = collections.defaultdict(list)
    where = collections.defaultdict(collections.Counter)
    for r in runs:
        seen = set()
        for e in r["events"]:
            if e["type"] == "position_yielded":
                key = (e.get("party"), f"{e.get('issue')}={e.get('option')}")
                if key not in seen:
                    seen.add(key)
                    yielded[key].append(e["month"])
                    where[key][f"{e.get('group') or 'leader channel'} ({e.get('level')})"] += 1
    if not yielded:
        print("  none")
    for key, months in sorted(yielded.items(), key=lambda kv: -len(kv[1])):
        tables = ", ".join(f"{w} {c}" for w, c in where[key].most_common())
        print(f"  {key[0]}: {key[1]}: {share(len(months), n)}, median month "
              f"{statistics.median(months):g}; {tables}")

    print("\nCan claim victory with the signed final text (among signed texts; among texts "
          "matching every point)")
    parties = [p["party"] for p in runs[0]["parties"]] if runs else []
    for party in parties:
        def wins(rs):
            return sum(1 for r in rs for p in r["parties"]
                       if p["party"] == party and p["claims_victory"])
        print(f"  {party}: {share(wins(signed), len(signed))}; "
              f"{share(wins(matching), len(matching))}")
    every = sum(1 for r in signed if all(p["claims_victory"] for p in r["parties"]))
    print(f"  every party at once: {share(every, len(signed))}")
    if a.victory_as_written:
        cmd = [a.parley, "analyze"] + ([a.file] if a.file else []) + ["--json"]
        theta = json.loads(subprocess.run(cmd, check=True, capture_output=True,
                                          text=True).stdout)["victory"]
        print("\nAgainst the victory thresholds of the scenario as written ("
              + ", ".join(f"{k} {v:.4f}" for k, v in theta.items()) + ")")

        def claims(r, party):  # as docs/model.md: u >= threshold, with its 1e-9 slack
            return any(p["party"] == party and p["utility"] >= theta[party] - 1e-9
                       for p in r["parties"])
        for party in parties:
            print(f"  {party}: {share(sum(claims(r, party) for r in signed), len(signed))}; "
                  f"{share(sum(claims(r, party) for r in matching), len(matching))}")
        every = sum(1 for r in signed if all(claims(r, q) for q in parties))
        print(f"  every party at once: {share(every, len(signed))}")


if __name__ == "__main__":
    main()
