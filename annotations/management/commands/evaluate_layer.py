"""``manage.py evaluate_layer --project ID --layer model:NAME --against gold``: precision,
recall and F1 of one layer against another (gold, usually), measure by measure and label by
label, then each span label and relation type exact and overlapping side by side and, for a
model's layer, the acceptance and rejection rates of its suggestions
(``selectors/layer_quality.py``); ``--format csv`` or ``json`` prints the agreement report
itself instead."""

from __future__ import annotations

import sys
from typing import Any

import orjson
from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotations.agreement.inputs import MEASURES, Options, expand_measures
from annotations.agreement.table import report_csv
from annotations.contracts_quality import LayerQuality
from annotations.models import Project
from annotations.selectors.agreement import LayerFilters
from annotations.selectors.layer_quality import layer_quality
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
            quality = layer_quality(
                project, options["layer"], against=options["against"], story=options["story"]
            )
            self._quality(quality)

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

    def _quality(self, quality: LayerQuality) -> None:
        write = self.stdout.write
        write(f"\nBy label, exact offsets and overlapping spans ({quality['documents']} documents)")
        write(
            f"{'kind':<9} {'label':<16} {'P exact':>8} {'R exact':>8} {'F1 exact':>8} "
            f"{'P overlap':>9} {'R overlap':>9} {'F1 overlap':>10}"
        )
        for row in [*quality["overall"], *quality["labels"]]:
            exact, overlap = row["exact"], row["overlap"]
            write(
                f"{row['kind']:<9} {row['label']:<16} {_figure(exact['precision']):>8} "
                f"{_figure(exact['recall']):>8} {_figure(exact['f1']):>8} "
                f"{_figure(overlap['precision']):>9} {_figure(overlap['recall']):>9} "
                f"{_figure(overlap['f1']):>10}"
            )
        if quality["unproposed"]:
            write(f"never proposed (recall 0): {', '.join(quality['unproposed'])}")
        rates = quality["rates"]
        if rates is None:
            write("Acceptance and rejection rates: only a model's layer has suggestions.")
            return
        write(
            f"Suggestions: {rates['suggestions']} spans, {rates['decided']} decided in the "
            f"workspace: {rates['accepted']} accepted (rate {_figure(rates['acceptance_rate'])}), "
            f"{rates['rejected']} rejected (rate {_figure(rates['rejection_rate'])})"
        )
