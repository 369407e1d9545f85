from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator

from lifelong.library.harvest import HarvestFailed, harvest
from lifelong.orgs.models import OrgUnit


def _day(text: str) -> datetime:
    for pattern in ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
    raise CommandError(f"--from must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, not {text!r}.")


class Command(BaseCommand):
    help = ("Harvest another OAI-PMH repository's oai_dc records into a shared collection of the library, "
            "incrementally (only what changed since the last run) and idempotently. Run it daily per source.")

    def add_arguments(self, parser):
        parser.add_argument("base_url", help="the repository's OAI-PMH base URL")
        parser.add_argument("--set", dest="set_spec", default="", help="harvest only this set (setSpec)")
        parser.add_argument("--from", dest="from_", default="", help="only records changed from this UTC date")
        parser.add_argument("--unit", type=int, default=None,
                            help="id of the unit that runs the shared collection (default: the top of the tree)")
        parser.add_argument("--collection", default="", help="name of the shared collection (first harvest only)")

    def handle(self, *args, base_url, set_spec, from_, unit, collection, **options):
        try:
            URLValidator(schemes=["http", "https"])(base_url)
        except ValidationError as exc:
            raise CommandError(f"{base_url!r} is not an http(s) address.") from exc
        owner = OrgUnit.objects.filter(pk=unit).first() if unit else \
            OrgUnit.objects.filter(parent__isnull=True).order_by("pk").first()
        if owner is None:
            raise CommandError("No such unit: load the unit tree first, or give --unit.")
        try:
            source, result = harvest(base_url=base_url, set_spec=set_spec, from_=_day(from_) if from_ else None,
                                     unit=owner, collection_name=collection)
        except HarvestFailed as exc:
            raise CommandError(str(exc)) from exc
        for problem in result.problems[:50]:
            self.stderr.write(f"skipped {problem}")
        self.stdout.write(f"harvest_oai {source.base_url} → {source.collection.name}: {result.created} new, "
                          f"{result.updated} updated, {result.unchanged} unchanged, {result.withdrawn} withdrawn, "
                          f"{result.skipped} skipped.")
