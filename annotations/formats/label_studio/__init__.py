"""Label Studio JSON: a list of tasks, one per document, with its sets as annotations.

Offsets. Label Studio counts offsets in UTF-16 code units (JavaScript string indices); they
are converted from and to code points with ``annotations.spans`` (``Utf16Offsets``), the one
place that does it. The two counts differ after a character beyond the Basic Multilingual
Plane (an emoji, some CJK): each such character is two units.

How a set is written, and read back:

- a set of kind ``annotator`` or ``gold`` is an *annotation*: ``ground_truth`` true for gold,
  ``completed_by`` ``{"email": <author>}``, ``lead_time`` the seconds spent, a skipped set
  ``was_cancelled``, ``created_at``/``updated_at`` the set's start and submission (either
  for the other when one is missing, the export's time when both are, as for an imported
  set: Label Studio's converter sorts a task's annotations by ``created_at`` and stops when
  one has none); a ``model`` set is a *prediction*
  (``model_version``: its ``model_name``);
- a span is a ``labels`` region (``from_name`` ``label``, ``to_name`` ``text``) with
  ``value.start``/``value.end`` in UTF-16 units and ``value.text`` the text they select;
- Label Studio has no discontinuous regions: such a span is one region per fragment, each
  carrying ``"claimlens_span": <span id>``; the reader joins regions sharing that key into
  one span again. The export notes how many spans were split;
- span attributes are per-region results with the region's ``id`` (on the first region of a
  split span): ``choices`` named after the attribute, ``textarea`` for text attributes. A
  yes/no attribute is the choice ``"true"`` or ``"false"``, marked ``"claimlens_value":
  "bool"``; a multiple choice is marked ``"claimlens_value": "list"``. Unmarked choices (a
  file from Label Studio itself) read as a string when one is chosen, else a list;
- relations are ``relation`` results (``labels``: the type, ``direction`` ``right``); a
  relation to another document cannot be written (noted);
- stances: a span toward a span is a ``relation`` labelled ``stance:<value>``; a span toward
  a stance target a per-region choice ``stance:<target>``; the document toward a target a
  document-level choice ``stance_of_document:<target>``; the document toward a span a
  per-region choice ``stance_of_document``;
- answers are document-level choices ``answer:<question>`` (``answer:<question>:<target>``
  for a question answered per target), with the id ``d-<name>``. Reading, a document-level
  choice of any other name (a Label Studio classification) is the answer to the question of
  that name. A result is per-region when its value holds a position or its id is a region's.

What does not come back: relations across documents, the sets' times and statuses (beyond
"cancelled"), comments and relations' attributes (not written; counted in the export notes);
fragments only through ``claimlens_span``, which Label Studio's own tools ignore.
``labeling_config(schema)`` gives the labeling configuration (XML) for a schema, so a Label
Studio project can open the export (the export itself has no place for it).

Reading takes Label Studio's JSON export (a JSON array of tasks; a single task object; or
JSONL, a task per line); the text is ``data.text``, or ``data.<text_key>`` with the option
``text_key``. Every annotation becomes a set: kind ``gold`` when ``ground_truth``, else
``annotator``, its ``author`` the ``completed_by`` email (or username) made a valid username
(characters other than letters, digits and ``.@+-_`` become ``_``), or
``label-studio-user-<id>`` when only a user id is given, or none (the import then gives it
to the importing person). Every prediction becomes a ``model`` set, its ``model_name`` the
``model_version`` (or ``label-studio``). Cancelled annotations, drafts, results of other
kinds (rectangles, ratings, free text at document level, HyperText regions, ...) and what
refers to them are listed in the notes, never dropped silently. A relation drawn ``left``
is read reversed; one without a label is of type ``related``.

Errors name the file and the task by its position: ``line`` is the 1-based task number (in a
JSONL file too; only a line that is not JSON is named by its line), and the message says
``task 3, annotation 2: region ...``. They are: offsets that are not whole numbers, fall
outside the text or inside a surrogate pair; a ``value.text`` that is not what the offsets
select; a region with other than one label; split regions of different labels; links to
regions that do not exist. With the option ``derive_schema`` the labels, attributes,
relation types, stances and questions seen make a schema (in the result's header), names
rewritten into schema keys where needed (attribute keys here, the rest by ``schema_derive``).

Modules: ``write_tasks`` (records to tasks), ``config_xml`` (the labeling configuration),
``read_tasks`` (files and tasks to records), ``read_results`` (one annotation's results to a
set), ``names`` (the names both sides use).
"""

from __future__ import annotations

from annotations.formats.label_studio.config_xml import labeling_config
from annotations.formats.label_studio.read_tasks import read
from annotations.formats.label_studio.write_tasks import task, write
from annotations.formats.records import ExportSpec, ImportSpec

__all__ = ["EXPORTS", "IMPORT", "labeling_config", "read", "task", "write"]


EXPORTS = {
    "label-studio": ExportSpec(
        title="Label Studio JSON (tasks with annotations and predictions)",
        media_type="application/json",
        extension="json",
        write=write,
    )
}
IMPORT = ImportSpec(title="Label Studio JSON export", names=("label-studio",), read=read)
