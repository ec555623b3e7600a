#!/usr/bin/env python3
"""The dev set hard-wrapped, as Project Gutenberg, fmt and fold wrap text, scored against its gold.

usage (from the project root): scripts/wrapped.py [BINARY] [--bytes] [--indent] [export flags, e.g. --by sentence]

Each side of each dev-set document is wrapped greedily at 72 characters (with --bytes: at 70 bytes,
as `fold -s -w 70` does, so Cyrillic lines hold about 37 letters), never at a no-break space;
blank lines stay (with --indent, paragraphs are set apart as lib.ru sets them: no blank lines, the
first line of each indented by four spaces). The export of the wrapped pair is scored with the dev set's own score.py against
the unwrapped files and their gold: a wrapped document should score as its unwrapped self.
"""
import os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
devset = os.path.join(here, "..", "..", "shared", "devset")
args = sys.argv[1:]
binary = args.pop(0) if args and not args[0].startswith("--") else "target/release/stenogram"
measure = len
if "--bytes" in args:
    args.remove("--bytes")
    measure = lambda s: len(s.encode("utf-8"))
width = 70 if measure is not len else 72
indent = "--indent" in args
if indent:
    args.remove("--indent")


def layout(lines):
    if not indent:
        return [w for l in lines for w in (wrap(l.strip()) or [""])]
    out = []
    for l in lines:
        wrapped = wrap(l.strip())
        out.extend(("    " if k == 0 else "") + w for k, w in enumerate(wrapped))
    return out


def wrap(line):
    out, current = [], ""
    for word in line.split(" "):
        if not word:
            continue
        if current and measure(current) + 1 + measure(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return out + [current] if current else out


names = sorted(f[: -len(".gold.tsv")] for f in os.listdir(devset) if f.endswith(".gold.tsv"))
scores = []
with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, XDG_CACHE_HOME=tmp)
    for name in names:
        paths = {}
        for side in ("en", "ru"):
            source = os.path.join(devset, f"{name}.{side}.txt")
            lines = open(source, encoding="utf-8").read().split("\n")
            paths[side] = os.path.join(tmp, f"{name}.{side}.txt")
            with open(paths[side], "w", encoding="utf-8") as f:
                f.write("\n".join(layout(lines)))
        out = subprocess.run([binary, "export", "--format", "jsonl", *args, "--en", paths["en"], "--ru", paths["ru"]],
                             capture_output=True, text=True, check=True, env=env).stdout
        exported = os.path.join(tmp, "x.jsonl")
        open(exported, "w", encoding="utf-8").write(out)
        originals = ",".join(os.path.join(devset, f"{name}.{s}.txt") for s in ("en", "ru"))
        report = subprocess.run([sys.executable, os.path.join(devset, "score.py"), originals,
                                 os.path.join(devset, f"{name}.gold.tsv"), exported],
                                capture_output=True, text=True, check=True).stdout
        for line in report.splitlines():
            if line.startswith("link precision"):
                p, r, f1 = line.split()[2], line.split()[4], line.split()[6]
                print(name, p, r, f1)
                scores.append(float(f1))
print(f"lowest F1 {min(scores):.3f}, mean F1 {sum(scores) / len(scores):.3f} over {len(scores)} documents")
