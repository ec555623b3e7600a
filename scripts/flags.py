#!/usr/bin/env python3
"""How well the doubtful flag points at wrong units, against the dev set's gold.

usage (from the project root): scripts/flags.py [BINARY] [THRESHOLD ...]

For each dev-set document and seed 000 (tests/gold/seed000.tsv), exports by unit, places each unit's lines with the dev set's own
score.py, and calls a unit wrong when any line link it makes is not in the gold (a one-sided
unit: when the gold does not link each of its lines to nothing, as it does a line holding a
passage the other side left out). Prints, per threshold, the share of wrong units
flagged (recall) and of flagged units that are wrong (precision), over all documents, then per
document at the first threshold.
"""
import json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
devset = os.path.join(here, "..", "..", "shared", "devset")
sys.path.insert(0, devset)
import score  # noqa: E402

binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/stenogram"
thresholds = [float(t) for t in sys.argv[2:]] or [0.5]
units = []  # (confidence, wrong, document)
unplaced = 0
details = []  # (confidence, wrong, one-sided)
documents = [(os.path.join(devset, f"{n}.en.txt"), os.path.join(devset, f"{n}.ru.txt"),
              os.path.join(devset, f"{n}.gold.tsv"))
             for n in sorted(f[: -len(".gold.tsv")] for f in os.listdir(devset) if f.endswith(".gold.tsv"))]
seed = os.path.join(here, "..", "tests", "data", "000_press_conference.txt")
documents.append((seed, seed, os.path.join(here, "..", "tests", "gold", "seed000.tsv")))
for en, ru, gold_path in documents:
    args = ["--en", en, "--ru", ru] if en != ru else [en]
    out = subprocess.run([binary, "export", "--format", "jsonl", *args],
                         capture_output=True, text=True, check=True).stdout
    en_text = open(en, encoding="utf-8").read().split("\n")
    ru_text = open(ru, encoding="utf-8").read().split("\n")
    normed = {"en": [score.norm(l) for l in en_text], "ru": [score.norm(l) for l in ru_text]}
    beads = score.load_gold(gold_path)
    gold = set().union(*(score.links_of(e, r) for e, r in beads))
    pools = {"en": sorted({e for e, _ in beads for e in e}), "ru": sorted({r for _, r in beads for r in r})}
    for raw in out.splitlines():
        u = json.loads(raw)
        lines = {}
        for side in ("en", "ru"):
            found = set()
            for p, _ in score.pieces(score.as_text(u.get(side))):
                hits = [n for n in pools[side] if score.holds(normed[side][n - 1], p)]
                if len(hits) == 1:
                    found.add(hits[0])
            lines[side] = sorted(found)
        if not lines["en"] and not lines["ru"] and "confidence" not in u:
            continue
        if any(score.as_text(u.get(side)).strip() and not lines[side] for side in ("en", "ru")):
            # A side whose text no gold line holds uniquely (a short line said several times,
            # like "Thank you."): the unit cannot be judged, and would look one-sided.
            unplaced += 1
            continue
        wrong = not score.links_of(lines["en"], lines["ru"]) <= gold
        units.append((u["confidence"], wrong, os.path.basename(gold_path).split(".")[0]))
        details.append((u["confidence"], wrong, not u.get("en") or not u.get("ru")))

def report(what, units, t):
    wrong = sum(w for _, w, _ in units)
    flagged = [w for c, w, _ in units if c < t]
    caught = sum(flagged)
    print(f"{what} {t:.2f}: flagged {len(flagged)}, "
          f"wrong units flagged {caught}/{wrong} ({caught / max(wrong, 1):.2f}), "
          f"flagged units wrong {caught}/{len(flagged)} ({caught / max(len(flagged), 1):.2f})")


print(f"{len(units)} units placed ({unplaced} not), {sum(w for _, w, _ in units)} wrong")
for t in thresholds:
    report("threshold", units, t)
for doc in sorted({d for _, _, d in units}):
    report(f"  {doc}, threshold", [u for u in units if u[2] == doc], thresholds[0])
if os.environ.get("FLAGS_DETAIL"):
    for kind in ("one-sided", "paired"):
        sel = [(c, w) for c, w, o in details if o == (kind == "one-sided")]
        print(kind, len(sel), "wrong", sum(w for _, w in sel), "conf of wrong", sorted(round(c, 2) for c, w in sel if w)[:40])
