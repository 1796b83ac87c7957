"""``manage.py evaluate_layer --project ID --layer model:NAME --against gold``: precision,
recall and F1 of one layer against another (gold, usually), measure by measure and label by
label; ``--format csv`` or ``json`` prints the agreement report itself instead."""

from __future__ import annotations

import sys
from typing import Any

import orjson
from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotations.agreement.inputs import MEASURES, Options, expand_measures
from annotations.agreement.table import report_csv
from annotations.models import Project
from annotations.selectors.agreement import LayerFilters
from annotations.services.agreement import agreement_report_for
from annotations.services.errors import DomainError

DEFAULT_MEASURES = ("spans", "relations", "attribution", "stances.cohen", "answers.cohen")


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


class Command(BaseCommand):
    help = "Precision, recall and F1 of a layer (a model's, an annotator's) against another."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--project", type=int, required=True, help="the project's id")
        parser.add_argument(
            "--layer", required=True, help="the layer evaluated: model:<name>, annotator:<user>"
        )
        parser.add_argument("--against", default="gold", help="the reference layer (gold)")
        parser.add_argument(
            "--measures",
            default=",".join(DEFAULT_MEASURES),
            help="measures or families, comma-separated: " + ", ".join(MEASURES),
        )
        parser.add_argument("--story", type=int, default=None, help="only this story")
        parser.add_argument("--min-iou", type=float, default=0.0, help="overlap threshold")
        parser.add_argument("--format", choices=["table", "csv", "json"], default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        project = Project.objects.select_related("schema").filter(pk=options["project"]).first()
        if project is None:
            raise CommandError(f"no project with id {options['project']}")
        try:
            measures = expand_measures([m for m in options["measures"].split(",") if m])
            report = agreement_report_for(
                project,
                LayerFilters(layers=(options["layer"], options["against"]), story=options["story"]),
                Options(measures=measures, against=options["against"], min_iou=options["min_iou"]),
            )
        except (ValueError, DomainError) as exc:
            details = getattr(exc, "details", {})
            raise CommandError("; ".join([str(exc), *map(str, details.values())])) from exc
        if options["format"] == "json":
            sys.stdout.write(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode() + "\n")
        elif options["format"] == "csv":
            sys.stdout.write(report_csv(report))
        else:
            self._table(report)

    def _table(self, report: dict[str, Any]) -> None:
        write = self.stdout.write
        layer, against = report["parameters"]["layers"]
        write(f"{layer} against {against}, {report['documents']} documents compared\n")
        write(f"{'measure':<22} {'label':<16} {'precision':>9} {'recall':>9} {'F1':>9}")
        for measure in report["measures"]:
            for pair in measure["pairs"]:
                write(
                    f"{measure['measure']:<22} {'(all)':<16} {_figure(pair['precision']):>9} "
                    f"{_figure(pair['recall']):>9} {_figure(pair['value']):>9}"
                )
            for label in measure["labels"]:
                write(
                    f"{'':<22} {label['label']:<16} {_figure(label['precision']):>9} "
                    f"{_figure(label['recall']):>9} {_figure(label['value']):>9}"
                )
