"""The annotation work: projects, schemas, annotation sets and the rows hanging off them,
reviews (comments, suggestion decisions, set history) and background jobs.

Domain rules live in the services and the pure modules; invariants that the database can
hold are constraints here too. A module per subject; everything is importable from here.
"""

from annotations.models.curation import GoldRejection
from annotations.models.jobs import ExportJob, ExportJobStatus, MergeJob
from annotations.models.projects import (
    LabelSchema,
    Membership,
    Project,
    ProjectDocument,
    ReviewStatus,
    Role,
)
from annotations.models.recommenders import Recommender
from annotations.models.review import (
    AgreementCache,
    Comment,
    CommentRead,
    Decision,
    SetRevision,
    SuggestionDecision,
)
from annotations.models.sets import (
    AnnotationSet,
    DocumentAnswer,
    Relation,
    SetKind,
    SetStatus,
    Span,
    Stance,
)
from annotations.models.sources import SourceAlias, SourceEntry, SourceKind
from annotations.models.suggesters import SuggesterName, SuggesterRun

__all__ = [
    "AgreementCache",
    "AnnotationSet",
    "Comment",
    "CommentRead",
    "Decision",
    "DocumentAnswer",
    "ExportJob",
    "ExportJobStatus",
    "GoldRejection",
    "LabelSchema",
    "Membership",
    "MergeJob",
    "Project",
    "ProjectDocument",
    "Recommender",
    "Relation",
    "ReviewStatus",
    "Role",
    "SetKind",
    "SetRevision",
    "SetStatus",
    "SourceAlias",
    "SourceEntry",
    "SourceKind",
    "Span",
    "Stance",
    "SuggesterName",
    "SuggesterRun",
    "SuggestionDecision",
]
