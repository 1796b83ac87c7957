"""brat standoff: a ``.txt`` and an ``.ann`` per document, a folder per annotator.

**Import** (a zip of the project, or a folder with ``import_annotations``).

*Layout.* The *root* is the one folder every uploaded file sits in (the folder given to
``import_annotations``, or a zipped project folder), else the zip's top (the texts folder
aside; a single folder of ``.ann`` files named ``ann``, ``anns`` or ``annotations`` beside a
texts folder, ``corpus/ann`` beside ``corpus/text``, is the root itself). When every ``.ann``
sits directly in the root, the upload is **one folder**: each ``.ann`` is one set of the
importing person (``author`` is None; the import gives it to them, or to the ``author``
option). When every ``.ann`` sits in a folder below the root, the upload has **a folder per
annotator** (bratiaa's layout, and our export's): the annotator is the top-level folder under
the root (``root/anna/batch1/a.ann`` is anna's), one layer each (``gold`` is the gold layer,
``model-<name>`` a model's). A mix of the two is refused, naming a file. So a zip of a single
annotator's folder alone is read as one folder (the importer's); zipped with the project folder
around it, or given to the command as the project folder, it keeps the annotator's name, and a
stray file beside it changes nothing. With the option ``annotator_from`` = ``name:<regex with
(?P<annotator>...)>`` the annotator is the part of each ``.ann``'s stem the pattern matches
(``article_4b22.ann``), whatever the folders, and the stem without it is the document's name; a
bad pattern, one without the group, or an ``.ann`` it does not match is an error. (``placing``
holds these rules.)

*Documents.* A document is known by its name and the folders between the annotator's folder
and the file (``batch1/a``); the same in several layers is one document with a set per
layer, and the same name with a different text is an error. Two names in one layer with
the same text are one document too, whose set of that layer holds both files' spans and
relations (what both have, once; noted). The text of ``<name>.ann`` is
``<name>.txt`` in the folder given by the ``texts`` option, else the nearest found walking
up from the ``.ann``'s folder: beside it, or in a subfolder named ``text``, ``texts`` or
``txt`` of it or of a folder above (``corpus/text/a.txt`` for ``corpus/ann/a_4b22.ann``; one
``root/a.txt`` for every annotator's ``root/<annotator>/a.ann``). An ``.ann`` without its
``.txt`` is an error; a ``.txt`` without an ``.ann`` beside the ``.ann`` files is a document
without a set for that folder, one elsewhere is not imported (both noted). ``README.txt``
without an ``.ann`` is skipped. The title is the document's name.

*Lines.* Offsets are code points into the ``.txt``. brat counts a ``\\r\\n`` as one
character and a byte-order mark at the start as character 0; tools that write from the bytes
count ``\\r\\n`` as two and no mark. Each ``.ann`` is read the way under which most of its
span texts match (brat's among equals), and a note (at its first ``T`` line) says which, when
the text has a ``\\r\\n`` or a mark (``text_views``). The records' offsets are over the text
as decoded (mark removed, ``\\r\\n`` kept); the import service moves them onto the stored
text. A byte-order mark on an ``.ann`` is no character of any line.

- ``T`` lines are spans; ``;`` separates the pieces of a discontinuous span, listed in the
  order the annotator selected them (``954 1048;852 944``): the text column must equal what
  they select in that order, joined by a space; the span keeps them sorted. Pieces that touch
  (``4107 4154;4154 4193``), or are apart only by a line break and spaces (brat cuts a
  selection across lines so, as does our export), are joined into one (noted at the line);
  pieces that overlap are an error, as in brat. The text column may hold line breaks (brat
  writes the text as it is): the next lines of the ``.ann`` are then the rest of it, when
  with the line breaks they are what the offsets select; the line breaks may also be written
  as spaces (``text_bound``). A missing or empty text column is taken from the offsets
  (noted), as brat does. Span ids are integers, counted over the whole upload.
- ``A`` (and the older ``M``) lines are span attributes: a binary attribute is ``True``, a
  valued one its value. The same attribute again on a span is a note when the value is the
  same; with another value the span holds the list of its values, which a schema attribute that
  holds several (``multi_choice``, in a project keeping its schema) takes, and any other
  refuses at the second ``A`` line (``annotation.conf`` cannot declare several). ``R`` lines
  are relations (first argument the source, second the target). ``#`` ``AnnotatorNotes`` on a
  span become its ``note`` attribute (text; several notes on one span are kept, joined by a
  line break).
- ``E`` lines are events (``events``): the trigger is a span, each role argument a relation
  from it typed by the role; with the ``event_mapping`` option, relations between the
  arguments, labels renamed onto the project's, the trigger kept or dropped. ``A``, ``#``
  and ``R`` lines naming an event name its trigger span. A relation two events make is read
  once (noted).
- ``N`` (normalisations), ``*`` (equivalences), unknown line types, and attributes, notes or
  relations on a relation cannot be represented: each is listed in ``ReadResult.notes`` with
  its file and line, never dropped silently.
- Malformed lines, offsets outside the text, a text column that does not match, references
  to undefined ``T`` ids and an id defined twice (both lines named) are errors with file and
  line.

*Schema.* ``annotation.conf`` (the one nearest the root) gives it: entity types become span
labels (``!`` groups are not labels, but stand for the types indented under them), event types
too (the labels of their triggers) and the schema's ``events`` with their roles (relation types
from the trigger: ``event_schema``), ``<...>=...`` macros and ``<ENTITY>``, ``<EVENT>``,
``<ANY>`` are expanded in relation and attribute arguments, relations keep their argument types
(``<REL-TYPE>:symmetric`` is undirected), attributes become ``bool`` (binary) or ``choice``
(``Value:a|b``) attributes of the entity and event labels they apply to (attributes of
relations only are noted). Every label gets a text ``note`` attribute. Labels, relation types
and attributes the ``.ann`` files use but the ``annotation.conf`` lacks are added (noted).
Names are kept as written; those that are not schema keys get a key spelled from them in ASCII
(``my.type`` -> ``my_type``, ``Источник`` -> ``Istochnik``: ``schema_derive.as_key``), the same
way in the schema and the records; two names that would share a key are an error naming both,
at the file and line of the second. ``visual.conf`` gives display names and colours. Without
``annotation.conf`` the schema is made from what the files hold (``schema_derive``).

**Export** is a zip streamed as it is written: a folder per layer (``gold``, each annotator,
``model-<name>``) with ``<document>.txt`` and ``.ann`` (the stem is made from the title, made
unique with the document id), an ``annotation.conf`` and ``visual.conf`` at the top and in
every folder (so brat and bratiaa open the project or any folder), and ``README.txt``, written
last, listing what brat cannot hold: relations across documents, stances and answers, free-text
attributes (but ``note``, written as AnnotatorNotes), attributes with several values. Spaces in
attribute values become ``_``. When the schema declares events, a trigger span and its role
relations are written as its ``T`` line and an ``E`` line (``[events]`` in
``annotation.conf``); its attributes, notes and other relations name the event. A span running
over a line break is written as one piece per line, as brat writes a selection across lines
(brat cannot read a line break in the text column), and read back as one span; a span beginning
or ending with a line break is written without it; all are counted in the notes too.

**Modules.** ``read_project`` (the layout and the documents of an upload), ``read_ann`` (the
lines of one ``.ann``), ``confs`` (``annotation.conf`` and ``visual.conf``, read and written),
``text_bound`` (a ``T`` line's pieces and text column), ``events`` (``E`` lines read),
``event_writer`` (``E`` lines written), ``event_schema`` (event types in ``annotation.conf``
and the schema), ``text_views`` (the ways offsets count a CRLF text or a byte-order mark),
``export`` (the zip), ``layout`` (files and layer folders), ``placing`` (the layer, document
and text of each uploaded file), ``naming`` (brat names as keys).
"""

from __future__ import annotations

from annotations.formats.brat.confs import annotation_conf, visual_conf
from annotations.formats.brat.export import write
from annotations.formats.brat.read_project import read
from annotations.formats.records import ExportSpec, ImportSpec

__all__ = ["EXPORTS", "IMPORT", "annotation_conf", "read", "visual_conf", "write"]


EXPORTS = {
    "brat": ExportSpec(
        title="brat standoff (zip: one folder per annotator, and gold)",
        media_type="application/zip",
        extension="zip",
        write=write,
    )
}
IMPORT = ImportSpec(
    title="brat standoff (zip of the project folder)", names=("brat",), read=read, archive=True
)
