"""`manage.py ingest_source PATH --title ...`: store a new document and propose draft records from it."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from measures.choices import SourceKind
from measures.ingest.documents import Document, IngestError, ingest


class Command(BaseCommand):
    help = "Ingest a policy document: store it cleaned, its measures, targets and park links as proposals to review."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--title", required=True)
        parser.add_argument("--publisher", default="")
        parser.add_argument("--date", default="", help="YYYY, YYYY-MM or YYYY-MM-DD")
        parser.add_argument("--url", default="")
        parser.add_argument("--kind", default=SourceKind.OTHER, choices=SourceKind.values)
        parser.add_argument("--dry-run", action="store_true", help="Write nothing; say what would be created.")
        parser.add_argument("--json", action="store_true", help="Print the proposal as JSON.")

    @translation.override("en")  # the command speaks English, as its own messages do
    def handle(self, *args, **options):
        try:
            raw_bytes = options["path"].read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {options['path']}: {error.strerror}") from error
        document = Document(
            raw_bytes=raw_bytes,
            title=options["title"],
            kind=options["kind"],
            publisher=options["publisher"],
            date=options["date"],
            url=options["url"],
        )
        try:
            result = ingest(document, dry_run=options["dry_run"])
        except IngestError as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False, indent=2, default=str))
            return
        proposal = result.proposal
        verb = "Would create" if options["dry_run"] else "Created"
        flagged = sum(correction.flagged for correction in result.corrections)
        self.stdout.write(
            f"{verb} source {result.source.slug} with {len(result.corrections)} text corrections ({flagged} flagged), "
            f"{len(proposal['measures'])} measure proposals, {len(proposal['targets'])} target proposals, "
            f"{len(proposal['parks'])} park mentions; {len(result.withheld)} findings rejected before withheld."
        )
