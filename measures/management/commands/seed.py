"""`manage.py seed`: load fixtures/ in one transaction, leaving curators' edits alone."""

from django.core.management.base import BaseCommand, CommandError

from measures.seed.files import FixtureError
from measures.seed.loader import SKIPPED, seed_database


class Command(BaseCommand):
    help = "Load the seed in fixtures/ (sources, parks, measures, targets). Safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument("--fixtures", help="Directory of fixtures (default: the project's fixtures/).")

    def handle(self, *args, **options):
        try:
            loader = seed_database(options["fixtures"])
        except FixtureError as error:
            raise CommandError(f"Seed aborted, nothing was changed: {error}") from error
        report = loader.report
        self.stdout.write(
            "Seed loaded: "
            + ", ".join(f"{report[kind]} {kind}" for kind in ("created", "updated", "unchanged"))
            + "; left alone: "
            + ", ".join(f"{report[kind]} {kind}" for kind in SKIPPED)
        )
        for line in loader.left_alone:
            self.stdout.write(f"  {line}")
