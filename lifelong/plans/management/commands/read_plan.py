"""manage.py read_plan FILE: print what the plan reader finds in a .docx, .pdf or .txt file, as JSON."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lifelong.plans.reading import UnreadableDocument, read_file
from lifelong.plans.reading.files import MAX_BYTES


class Command(BaseCommand):
    help = "Read a plan or official letter from its file and print its fields as JSON (value, confidence, span)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--without-text", action="store_true", help="Leave out the normalised text.")

    def handle(self, *args, file: Path, without_text: bool, **options):
        try:
            with file.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise CommandError(f"{file}: {exc.strerror or exc}") from exc
        try:
            reading = read_file(data, file.name)
        except UnreadableDocument as exc:
            raise CommandError(f"{file}: {exc.message}") from exc
        if without_text:
            reading.pop("text")
        self.stdout.write(json.dumps(reading, ensure_ascii=False, indent=2))
