"""Pure: curation, the making of a document's gold set from its layers. No ORM, no DRF.

- ``groups``: what the curation view shows, unit by unit: the layers' units grouped (by the
  agreement package's matching, never a second one), who made each, whether every layer
  agrees, whether it is in gold or was rejected; which groups auto-merge takes at k of n.
- ``gold_draft``: the gold set's contents as a whole-set write, changed unit by unit
  (accept, edit, reject), so every gold write goes through the one set writer.
"""
