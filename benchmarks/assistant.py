"""Benchmark of the learning assistant (issue 17): how well it answers, and how fast at national scale.

1. Quality, on the demo: a database of its own (`lifelong_bench_assistant`, dropped and recreated) with the real
   unit tree and the demo (`load_units`, `load_demo`, as `make run` has them), then every question of the evaluation
   set (lifelong/assistant/evaluation_set.py: 340 questions, half without tone marks, typos and chat forms, 80
   written blind, 57 with no answer) asked on the day the demo was loaded. Reports Recall@5, MRR@10 and the share
   of no-answer questions answered "chưa tìm thấy", against the targets 0.9 and 0.95, and lists what was missed.
2. Speed, on the national dataset of benchmarks/activities.py (`lifelong_bench_activities`: the whole tree and
   500,000 published activities, built by that script when it is missing or BENCH_ASSISTANT_REBUILD=1): the same
   questions, each asked BENCH_ASSISTANT_ROUNDS times after one warm-up round, timed inside the process
   (parsing, the database and the ranking: what the page and the API add is a template or a JSON dump). Reports
   the median, p95 and the slowest, against the target p95 <= 150 ms.

    .venv/bin/python benchmarks/assistant.py          # part of `make bench`, after benchmarks/activities.py
"""

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUALITY_URL = os.environ.get("BENCH_ASSISTANT_DATABASE_URL",
                             "postgres://postgres@127.0.0.1:5432/lifelong_bench_assistant")
NATIONAL_URL = os.environ.get("BENCH_ACTIVITIES_DATABASE_URL",
                              "postgres://postgres@127.0.0.1:5432/lifelong_bench_activities")
ROUNDS = int(os.environ.get("BENCH_ASSISTANT_ROUNDS", "3"))
TARGETS = {"recall_at_5": 0.9, "no_answer": 0.95, "p95_ms": 150}


def _django(url: str, *, debug: str = "1") -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["DEBUG"] = debug  # 0 for timing: as deployed, no query log
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
    import django

    django.setup()
    from django.utils import translation

    translation.activate("vi")


def quality() -> None:
    from benchmarks.common import recreate_database, step

    recreate_database(QUALITY_URL)
    _django(QUALITY_URL)
    from django.core.management import call_command

    from lifelong.assistant.evaluation import evaluate

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_units", verbosity=0)
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):  # and the demo's e-mails
        call_command("load_demo", stdout=quiet)
    step("migrate, load_units, load_demo", started)
    score = evaluate()
    print(f"\nEvaluation set: {score.questions} questions ({score.answerable} with an answer, {score.no_answer} "
          "without), over the demo")
    print(f"  Recall@5                     {score.recall_at_5:.3f}   (target >= {TARGETS['recall_at_5']})")
    print(f"  MRR@10                       {score.mrr_at_10:.3f}")
    print(f"  no answer said 'chưa tìm thấy' {score.no_answer_right:.3f}   (target >= {TARGETS['no_answer']})")
    for miss in score.misses:
        print(f"  - {miss}")
    if score.recall_at_5 < TARGETS["recall_at_5"] or score.no_answer_right < TARGETS["no_answer"]:
        print("  BELOW TARGET")


def national() -> None:
    import psycopg

    try:
        with psycopg.connect(NATIONAL_URL) as conn:
            activities = conn.execute("SELECT count(*) FROM activities_activity WHERE published").fetchone()[0]
    except psycopg.Error:
        activities = 0
    if activities < 100_000 or os.environ.get("BENCH_ASSISTANT_REBUILD") == "1":
        from benchmarks.common import recreate_database

        recreate_database(NATIONAL_URL)
        subprocess.run([sys.executable, "-c", "import benchmarks.activities as a; a.build()"], cwd=ROOT, check=True,
                       env={**os.environ, "BENCH_ACTIVITIES_DATABASE_URL": NATIONAL_URL})
    _django(NATIONAL_URL, debug="0")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)  # a dataset built by an earlier version gets this one's indexes
    from lifelong.activities.models import Activity
    from lifelong.assistant.answer import answer
    from lifelong.assistant.evaluation_set import evaluation_set

    questions = [question for question, _expected in evaluation_set()]
    count = Activity.objects.filter(published=True).count()
    for question in questions:  # warm-up: the place index, the lexicon, the database's caches
        answer(question)
    durations, found = [], 0
    for _ in range(ROUNDS):
        for question in questions:
            started = time.perf_counter()
            result = answer(question)
            durations.append((time.perf_counter() - started) * 1000)
            found += result.found
    durations.sort()
    p95 = durations[min(len(durations) - 1, round(0.95 * (len(durations) - 1)))]
    print(f"\nAnswer time on the national dataset ({count:,} published activities, PostgreSQL), "
          f"{len(questions)} questions x {ROUNDS}:")
    print(f"  median {durations[len(durations) // 2]:.1f} ms, p95 {p95:.1f} ms (target <= {TARGETS['p95_ms']}), "
          f"slowest {durations[-1]:.1f} ms; {found / ROUNDS:.0f} questions answered")
    if p95 > TARGETS["p95_ms"]:
        print("  BELOW TARGET")


def main() -> None:
    if len(sys.argv) > 1:
        {"quality": quality, "national": national}[sys.argv[1]]()
        return
    print("Learning assistant (issue 17)")
    for phase in ("quality", "national"):  # one process each: Django binds one database per process
        subprocess.run([sys.executable, __file__, phase], cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
