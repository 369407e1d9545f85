"""Benchmark of the plan reader on texts that are not the signed document itself (issue 19).

Reads every text of a labelled corpus with the entry point the upload uses (`lifelong.plans.reading.read_file`),
compares the fields with the labels, and prints per field the share read exactly and the number of fields
invented (a value where the label is empty). Then scores the five seed documents the same way, against the
values written by hand in lifelong/plans/tests/test_reading_seeds.py (every field of the reader there).

A corpus is a directory of .txt files and a `labels.json`: {"file.txt": {"field": label, ...}, ...}.
- a label of null means the text does not state the field: any value read is counted as invented;
- "?" means the text states it inconsistently: exact only when the reader leaves it empty and uncertain;
- any other label is the value: text is compared with spaces and line breaks squashed and case folded
  (an upper-case header "SỞ Y TẾ" and "Sở Y tế" are the same body), dates as YYYY-MM-DD, the year as a number.

    .venv/bin/python benchmarks/reading.py                 # the corpus of benchmarks/reading_corpus, and the seeds
    .venv/bin/python benchmarks/reading.py DIR [DIR ...]   # other corpora (for example one kept out of the repo)
    .venv/bin/python benchmarks/reading.py -v              # also list every field that was missed or invented

Needs no database. Part of `make bench`; exits 1 when a target is missed (>= 90% exact, 0 invented, seeds 100%).
"""

import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "benchmarks" / "reading_corpus"
TARGET_EXACT = 0.90


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
    import django

    django.setup()


def _empty(value) -> bool:
    return value in (None, "", [], {})


def _same(got, label) -> bool:
    if isinstance(label, str) and isinstance(got, str):
        return re.sub(r"\s+", " ", got).strip().casefold() == re.sub(r"\s+", " ", label).strip().casefold()
    return got == label


def score_corpus(directory: Path, verbose: bool) -> tuple[float, int]:
    from lifelong.plans.reading import read_file

    labels = json.loads((directory / "labels.json").read_text(encoding="utf-8"))
    exact, labelled, invented = Counter(), Counter(), Counter()
    misses = []
    started = time.perf_counter()
    for name, expected in sorted(labels.items()):
        fields = read_file((directory / name).read_bytes(), name)["fields"]
        for field, label in expected.items():
            found = fields[field]
            got = found["value"]
            if label is None:
                if not _empty(got):
                    invented[field] += 1
                    misses.append(f"{name}: {field} invented {got!r}")
                continue
            labelled[field] += 1
            ok = (_empty(got) and found["uncertain"]) if label == "?" else _same(got, label)
            if ok:
                exact[field] += 1
            else:
                misses.append(f"{name}: {field} {got!r} (label {label!r})")
    elapsed = time.perf_counter() - started
    total_exact, total_labelled, total_invented = sum(exact.values()), sum(labelled.values()), sum(invented.values())
    share = total_exact / total_labelled if total_labelled else 1.0
    print(f"\nCorpus {directory.relative_to(ROOT) if directory.is_relative_to(ROOT) else directory}: "
          f"{len(labels)} texts, read in {elapsed:.2f} s")
    print(f"  {'field':<14} {'exact':>12} {'%':>7} {'invented':>9}")
    for field in sorted(set(labelled) | set(invented), key=lambda f: list(next(iter(labels.values()))).index(f)):
        n = labelled[field]
        pct = f"{100 * exact[field] / n:6.1f}%" if n else "     -"
        print(f"  {field:<14} {exact[field]:>5} / {n:<4} {pct:>7} {invented[field]:>9}")
    print(f"  {'all':<14} {total_exact:>5} / {total_labelled:<4} {100 * share:6.1f}% {total_invented:>9}"
          f"   (targets >= {100 * TARGET_EXACT:.0f}%, 0 invented)")
    if verbose:
        for miss in misses:
            print(f"    - {miss}")
    return share, total_invented


def score_seeds(verbose: bool) -> tuple[float, int]:
    from lifelong.plans.reading import FIELD_ORDER
    from lifelong.plans.tests import test_reading_seeds as seeds

    exact = labelled = invented = 0
    misses = []
    for key, expected in sorted(seeds.EXPECTED.items()):
        reading = seeds._read(key)
        for name in FIELD_ORDER:
            got = seeds._simple(name, reading["fields"][name])
            if name in expected:
                labelled += 1
                if got == expected[name]:
                    exact += 1
                else:
                    misses.append(f"{key}: {name}")
            elif not _empty(got):
                invented += 1
                misses.append(f"{key}: {name} invented")
    share = exact / labelled
    print(f"\nSeeds (5 documents, every field of the reader): {exact} / {labelled} exact ({100 * share:.1f}%), "
          f"{invented} invented   (target 100%, 0)")
    if verbose:
        for miss in misses:
            print(f"    - {miss}")
    return share, invented


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    directories = [Path(a).resolve() for a in argv if not a.startswith("-")] or [CORPUS]
    _setup()
    ok = True
    for directory in directories:
        share, invented = score_corpus(directory, verbose)
        ok = ok and share >= TARGET_EXACT and invented == 0
    share, invented = score_seeds(verbose)
    ok = ok and share == 1.0 and invented == 0
    if not ok:
        print("  BELOW TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
