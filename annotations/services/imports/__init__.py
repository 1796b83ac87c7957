"""Importing annotated data into a project: every format's records, checked, then written whole.

``annotations_import`` unpacks uploads (zips, safely), hands the files to the format's reader
(``annotations/formats/``) and passes the records it gives to ``records_import``, which

1. takes the file's schema when the project has no annotation sets yet (the file's labels are
   then the project's), else checks every label against the project's schema;
2. normalises each text as the corpus stores it (NFC, ``\\n``) and moves the offsets along;
3. checks every document, set, span, relation, stance and answer with the same checks a save
   from the browser gets (``set_validation``), collecting every problem with its place
   (``check_documents``, ``check_sets``);
4. writes nothing if there is any problem; otherwise writes everything in one transaction:
   documents (``documents``: a text already in the corpus is reused), the project's queue,
   users named in the file that this server lacks (no password: they cannot log in until
   given one), their memberships, then sets, spans, relations, stances and answers with one
   ``COPY`` each (``write``).
"""

from annotations.services.imports.outcome import ImportOutcome
from annotations.services.imports.service import annotations_import, records_import

__all__ = ["ImportOutcome", "annotations_import", "records_import"]
