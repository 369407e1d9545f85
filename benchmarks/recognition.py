"""National-scale benchmark of recognition counts and rates (issue 14), on PostgreSQL.

Builds, in its own database (`lifelong_bench_recognition`, dropped and recreated), the real 34 provinces and
3,321 communes, synthetic schools and villages under each commune (BENCH_UNITS_PER_COMMUNE, 44 by default: a
third schools, the rest villages), 10 households per village, and a year of self-assessments: every commune
(CĐHT cấp xã), 60% of villages, half of the schools (ĐVHT) and 70% of households, in every state. The counts
are then made by the project's own `tally_rebuild`. It times, through `rates.unit_rates`, the counts and rates
of the Ministry, a province, a commune and a village, and one dossier's submission with the upkeep of every
ancestor's counts; then checks the Ministry's counts against a hand-written COUNT.

    .venv/bin/python benchmarks/recognition.py      # part of `make bench`
    BENCH_REUSE=1 .venv/bin/python benchmarks/recognition.py   # measure again without rebuilding
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import add_synthetic_units, recreate_database, step, timed  # noqa: E402

BENCH_URL = os.environ.get("BENCH_RECOGNITION_DATABASE_URL",
                           "postgres://postgres@127.0.0.1:5432/lifelong_bench_recognition")
UNITS_PER_COMMUNE = int(os.environ.get("BENCH_UNITS_PER_COMMUNE", "44"))
HOUSEHOLDS_PER_VILLAGE = int(os.environ.get("BENCH_HOUSEHOLDS_PER_VILLAGE", "10"))
SAMPLES = int(os.environ.get("BENCH_SAMPLES", "30"))
SUBMITS = int(os.environ.get("BENCH_SUBMITS", "40"))
YEAR = 2025

os.environ["DATABASE_URL"] = BENCH_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

# status by a hash of the id: (share in per mille, status, level granted)
_STATES = "CASE WHEN {h} < 550 THEN 'recognised' WHEN {h} < 700 THEN 'accepted' WHEN {h} < 850 THEN 'submitted' " \
          "WHEN {h} < 920 THEN 'refused' ELSE 'draft' END"


def build() -> dict:
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    from lifelong.recognition import tally
    from lifelong.recognition.models import Scheme

    t0 = t = time.perf_counter()
    print("Building the national recognition dataset:")
    call_command("migrate", verbosity=0)
    t = step("migrate (with the shipped schemes)", t)
    call_command("load_units", verbosity=0)
    t = step("load_units (Ministry, 34 provinces, 3,321 communes)", t)
    schemes = {s.target: s for s in Scheme.objects.filter(code__in=[
        "cdht-xa-tt25-2023", "cdht-thon-khvn", "dvht-co-so-tt24-2023", "gia-dinh-hoc-tap-khvn"])}
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
        cursor.execute("SET work_mem = '256MB'")
        add_synthetic_units(cursor, UNITS_PER_COMMUNE)
        t = step(f"synthetic units ({UNITS_PER_COMMUNE} per commune)", t)
        cursor.execute("""
            INSERT INTO recognition_household (commune_id, unit_id, kind, name, members, created_at)
            SELECT v.parent_id, v.id, CASE WHEN g = 0 THEN 'clan' ELSE 'family' END, 'Hộ số ' || g, 4, now()
            FROM orgs_orgunit v CROSS JOIN generate_series(0, %s - 1) AS g WHERE v.kind = 'village'""",
                       [HOUSEHOLDS_PER_VILLAGE])
        t = step(f"households ({HOUSEHOLDS_PER_VILLAGE} per village, one a clan)", t)
        hashed = "((u.id * 7919) %% 1000)"
        for target, kind, share in (("commune", "commune", 1000), ("village", "village", 600),
                                    ("unit", "school", 500)):
            cursor.execute(f"""
                INSERT INTO recognition_assessment (scheme_id, year, unit_id, home_id, status, level_applied,
                    level_granted, summary, review_comment, version, created_at, updated_at)
                SELECT %s, %s, u.id, u.id, {_STATES.format(h=hashed)}, 1,
                       CASE WHEN {hashed} < 550 THEN 1 + (u.id %% 2) ELSE NULL END, '', '', 1, now(), now()
                FROM orgs_orgunit u WHERE u.kind = %s AND {hashed} < %s""",
                           [schemes[target].pk, YEAR, kind, share])
        h_hashed = "((h.id * 7919) %% 1000)"
        cursor.execute(f"""
            INSERT INTO recognition_assessment (scheme_id, year, household_id, home_id, status, level_applied,
                level_granted, summary, review_comment, version, created_at, updated_at)
            SELECT %s, %s, h.id, h.unit_id, {_STATES.format(h=h_hashed)}, 1,
                   CASE WHEN {h_hashed} < 550 THEN 1 ELSE NULL END, '', '', 1, now(), now()
            FROM recognition_household h WHERE h.kind = 'family' AND {h_hashed} < 700""",
                       [schemes["family"].pk, YEAR])
        t = step("self-assessments (communes, 60% of villages, half the schools, 70% of households)", t)
        cursor.execute("VACUUM ANALYZE")
    rows = tally.tally_rebuild()
    t = step(f"tally_rebuild ({rows:,} tally rows)", t)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("SELECT (SELECT count(*) FROM orgs_orgunit), (SELECT count(*) FROM recognition_household), "
                       "(SELECT count(*) FROM recognition_assessment)")
        units, households, assessments = cursor.fetchone()
    build_seconds = time.perf_counter() - t0
    print(f"  built {units:,} units, {households:,} households, {assessments:,} assessments in "
          f"{build_seconds:.0f} s\n")
    return {"build_seconds": build_seconds, "units": units, "households": households, "assessments": assessments,
            "schemes": schemes}



def measure(built: dict) -> list[tuple[str, float, float, str]]:
    from django.db import connection, transaction

    from lifelong.orgs.models import OrgUnit
    from lifelong.recognition import rates, tally
    from lifelong.recognition.models import Assessment

    ministry = OrgUnit.objects.get(code="BGDDT")
    province = OrgUnit.objects.get(code="01")
    commune = OrgUnit.objects.get(code="00634")
    village = OrgUnit.objects.filter(parent=commune, kind="village").first()
    results = []

    def add(label, function, target="<= 100 ms"):
        median, p95 = timed(function, SAMPLES)
        results.append((label, median, p95, target))
        print(f"  {label:<60} median {median:8.1f} ms   p95 {p95:8.1f} ms", flush=True)

    print("Measuring (warm, through rates.unit_rates):")
    for label, unit in (("the Ministry", ministry), ("a province (Hà Nội)", province),
                        ("a commune (Tây Mỗ)", commune), ("a village", village)):
        add(f"counts and rates of {label}, every scheme", lambda unit=unit: rates.unit_rates(unit, YEAR))

    # A draft moving to submitted, with the counts of its unit and every ancestor kept (as the service does).
    drafts = list(Assessment.objects.filter(status="draft").select_related("home", "scheme")
                  .order_by("-home__depth", "pk")[:SUBMITS])
    durations = []
    for assessment in drafts:
        started = time.perf_counter()
        with transaction.atomic():
            Assessment.objects.filter(pk=assessment.pk).update(status="submitted")
            tally.assessment_changed(assessment, ("draft", None), ("submitted", None))
        durations.append((time.perf_counter() - started) * 1000)
    durations.sort()
    median, p95 = statistics.median(durations), durations[round(0.95 * (len(durations) - 1))]
    results.append(("one submission, counts of every ancestor updated", median, p95, "<= 100 ms"))
    print(f"  {'one submission, counts of every ancestor updated':<60} median {median:8.1f} ms   p95 {p95:8.1f} ms")

    with connection.cursor() as cursor:
        cursor.execute("SELECT s.code, count(*) FILTER (WHERE a.status = 'recognised'), "
                       "count(*) FILTER (WHERE a.status <> 'draft') FROM recognition_assessment a "
                       "JOIN recognition_scheme s ON s.id = a.scheme_id WHERE a.year = %s GROUP BY s.code", [YEAR])
        expected = {code: (recognised, applied) for code, recognised, applied in cursor.fetchall()}
    actual = {row.scheme.code: (row.recognised, row.applied) for row in rates.unit_rates(ministry, YEAR)
              if row.scheme.code in expected}
    agree = sum(1 for code in expected if actual.get(code) == expected[code])
    print(f"\n  the Ministry's counts equal a hand-written COUNT for {agree}/{len(expected)} schemes")
    for row in rates.unit_rates(ministry, YEAR):
        if row.eligible:
            print(f"    {row.scheme.title}: {row.recognised:,} of {row.eligible:,} recognised ({row.rate}%)"
                  + (f", target {row.scheme.target_percent}%" if row.scheme.target_percent else ""))
    return results


def main() -> None:
    if os.environ.get("BENCH_REUSE"):  # measure again on the database a previous run built
        import django

        django.setup()
        from lifelong.orgs.models import OrgUnit
        from lifelong.recognition.models import Assessment, Household

        built = {"build_seconds": 0, "units": OrgUnit.objects.count(), "households": Household.objects.count(),
                 "assessments": Assessment.objects.count()}
    else:
        recreate_database(BENCH_URL)
        built = build()
    results = measure(built)
    print("\n| measurement | median (ms) | p95 (ms) | target | within |")
    print("|---|---:|---:|---|---|")
    for label, median, p95, target in results:
        print(f"| {label} | {median:.1f} | {p95:.1f} | {target} | {'yes' if p95 <= 100 else 'NO'} |")
    print(f"| building the dataset ({built['units']:,} units, {built['households']:,} households, "
          f"{built['assessments']:,} assessments) | {built['build_seconds']:.0f} s | | | |")


if __name__ == "__main__":
    main()
