"""Pure: agreement between layers (an annotator's sets, a model's, gold). No ORM, no DRF.

- ``units``: what a unit is (span, relation, stance, answer) and when two layers' units match
  (exact, overlap, IoU), one to one; what several layers of a document agree on (``consensus``).
"""
