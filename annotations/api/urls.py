from django.urls import path

from annotations.api import (
    auth,
    comments,
    curation,
    exports,
    history,
    imports,
    people,
    projects,
    recommenders,
    rows,
    sets,
    sources,
    suggestion_decisions,
)
from annotations.api.agreement import ProjectAgreementApi
from annotations.api.progress import ProgressApi
from annotations.api.project_documents import ProjectDocumentApi, QueueOrderApi
from annotations.api.project_lifecycle import (
    GuidelinesPreviewApi,
    ProjectArchiveApi,
    ProjectDuplicateApi,
    ProjectUnarchiveApi,
)
from annotations.api.rewrites import StoryRewriteApi, StoryRewritesApi
from annotations.api.schema_changes import ProjectSchemaRenameApi
from annotations.api.story_claims import StoryClaimsApi
from annotations.api.suggester_runs import SuggesterRunDetailApi, SuggesterRunsApi
from annotations.api.suggestion_quality import ProjectSuggestionQualityApi
from annotations.api.time_on_task import SetTimeApi

urlpatterns = [
    path("auth/token/", auth.AuthTokenApi.as_view(), name="auth-token"),
    path("auth/tokens/", auth.ApiTokenListApi.as_view(), name="auth-token-list"),
    path("auth/tokens/<str:token_id>/", auth.ApiTokenDetailApi.as_view(), name="auth-token-detail"),
    path("projects/", projects.ProjectListApi.as_view(), name="project-list"),
    path("projects/<int:project_id>/", projects.ProjectDetailApi.as_view(), name="project-detail"),
    path(
        "projects/<int:project_id>/duplicate/",
        ProjectDuplicateApi.as_view(),
        name="project-duplicate",
    ),
    path("projects/<int:project_id>/archive/", ProjectArchiveApi.as_view(), name="project-archive"),
    path(
        "projects/<int:project_id>/unarchive/",
        ProjectUnarchiveApi.as_view(),
        name="project-unarchive",
    ),
    path("guidelines/preview/", GuidelinesPreviewApi.as_view(), name="guidelines-preview"),
    path(
        "projects/<int:project_id>/schema/",
        projects.ProjectSchemaApi.as_view(),
        name="project-schema",
    ),
    path(
        "projects/<int:project_id>/schema/rename/",
        ProjectSchemaRenameApi.as_view(),
        name="project-schema-rename",
    ),
    path(
        "projects/<int:project_id>/members/",
        projects.ProjectMembersApi.as_view(),
        name="project-members",
    ),
    path(
        "projects/<int:project_id>/members/<str:username>/",
        projects.ProjectMemberDetailApi.as_view(),
        name="project-member-detail",
    ),
    path(
        "projects/<int:project_id>/people/",
        people.ProjectPeopleApi.as_view(),
        name="project-people",
    ),
    path(
        "projects/<int:project_id>/invitations/",
        people.ProjectInvitationsApi.as_view(),
        name="project-invitations",
    ),
    path(
        "projects/<int:project_id>/documents/",
        projects.ProjectDocumentsApi.as_view(),
        name="project-documents",
    ),
    path(
        "projects/<int:project_id>/documents/import/",
        imports.ProjectDocumentImportApi.as_view(),
        name="project-documents-import",
    ),
    path(
        "projects/<int:project_id>/import/",
        imports.ProjectAnnotationImportApi.as_view(),
        name="project-import",
    ),
    path(
        "projects/<int:project_id>/export/",
        exports.ProjectExportApi.as_view(),
        name="project-export",
    ),
    path(
        "projects/<int:project_id>/exports/",
        exports.ProjectExportJobsApi.as_view(),
        name="project-export-jobs",
    ),
    path("exports/<int:job_id>/", exports.ExportJobDetailApi.as_view(), name="export-job"),
    path(
        "exports/<int:job_id>/download/",
        exports.ExportJobDownloadApi.as_view(),
        name="export-job-download",
    ),
    path("formats/", exports.FormatListApi.as_view(), name="format-list"),
    path(
        "projects/<int:project_id>/documents/order/",
        QueueOrderApi.as_view(),
        name="project-documents-order",
    ),
    path(
        "projects/<int:project_id>/documents/<int:document_id>/",
        ProjectDocumentApi.as_view(),
        name="project-document-detail",
    ),
    path(
        "projects/<int:project_id>/queue/next/",
        projects.QueueNextApi.as_view(),
        name="project-queue-next",
    ),
    path(
        "projects/<int:project_id>/agreement/",
        ProjectAgreementApi.as_view(),
        name="project-agreement",
    ),
    path(
        "stories/<int:story_id>/rewrites/", StoryRewritesApi.as_view(), name="story-rewrite-pairs"
    ),
    path(
        "stories/<int:story_id>/rewrites/<int:original_id>/<int:rewrite_id>/",
        StoryRewriteApi.as_view(),
        name="story-rewrite-alignment",
    ),
    path(
        "projects/<int:project_id>/curation/",
        curation.CurateQueueApi.as_view(),
        name="curate-queue",
    ),
    path(
        "projects/<int:project_id>/curation/summary/",
        curation.CurateSummaryApi.as_view(),
        name="curate-summary",
    ),
    path(
        "projects/<int:project_id>/curation/<int:document_id>/",
        curation.CurationDocumentApi.as_view(),
        name="curate-document",
    ),
    path(
        "projects/<int:project_id>/curation/<int:document_id>/accept/",
        curation.CurationAcceptApi.as_view(),
        name="curate-accept",
    ),
    path(
        "projects/<int:project_id>/curation/<int:document_id>/reject/",
        curation.CurationRejectApi.as_view(),
        name="curate-reject",
    ),
    path(
        "projects/<int:project_id>/curation/<int:document_id>/merge/",
        curation.CurationMergeApi.as_view(),
        name="curate-merge",
    ),
    path(
        "projects/<int:project_id>/curation/<int:document_id>/state/",
        curation.CurationStateApi.as_view(),
        name="curate-state",
    ),
    path(
        "projects/<int:project_id>/curation/<int:document_id>/return/",
        curation.CurationReturnApi.as_view(),
        name="curate-return",
    ),
    path(
        "projects/<int:project_id>/merge-jobs/",
        curation.MergeJobsApi.as_view(),
        name="merge-jobs",
    ),
    path("merge-jobs/<int:job_id>/", curation.MergeJobDetailApi.as_view(), name="merge-job"),
    path(
        "projects/<int:project_id>/suggester-runs/",
        SuggesterRunsApi.as_view(),
        name="project-suggester-runs",
    ),
    path(
        "projects/<int:project_id>/suggester-runs/<int:run_id>/",
        SuggesterRunDetailApi.as_view(),
        name="project-suggester-run",
    ),
    path(
        "projects/<int:project_id>/returned/",
        curation.ReturnedSetsApi.as_view(),
        name="returned-sets",
    ),
    path("sets/", sets.AnnotationSetListApi.as_view(), name="set-list"),
    path("sets/<int:set_id>/", sets.AnnotationSetDetailApi.as_view(), name="set-detail"),
    path("sets/<int:set_id>/submit/", sets.AnnotationSetSubmitApi.as_view(), name="set-submit"),
    path("sets/<int:set_id>/skip/", sets.AnnotationSetSkipApi.as_view(), name="set-skip"),
    path("sets/<int:set_id>/time/", SetTimeApi.as_view(), name="set-time"),
    path("projects/<int:project_id>/progress/", ProgressApi.as_view(), name="project-progress"),
    path("sets/<int:set_id>/history/", history.SetHistoryApi.as_view(), name="set-history"),
    path(
        "sets/<int:set_id>/history/<int:version>/",
        history.SetRevisionApi.as_view(),
        name="set-revision",
    ),
    path(
        "sets/<int:set_id>/history/<int:version>/restore/",
        history.SetRevisionRestoreApi.as_view(),
        name="set-revision-restore",
    ),
    path(
        "sets/<int:set_id>/decisions/",
        suggestion_decisions.SetDecisionsApi.as_view(),
        name="set-decisions",
    ),
    path(
        "sets/<int:set_id>/decisions/<int:suggestion_id>/",
        suggestion_decisions.SetDecisionDetailApi.as_view(),
        name="set-decision-detail",
    ),
    path(
        "projects/<int:project_id>/suggestions/rates/",
        suggestion_decisions.ProjectSuggestionRatesApi.as_view(),
        name="project-suggestion-rates",
    ),
    path(
        "projects/<int:project_id>/suggestions/quality/",
        ProjectSuggestionQualityApi.as_view(),
        name="project-suggestion-quality",
    ),
    path(
        "projects/<int:project_id>/documents/<int:document_id>/comments/",
        comments.DocumentCommentsApi.as_view(),
        name="project-document-comments",
    ),
    path(
        "projects/<int:project_id>/documents/<int:document_id>/comments/read/",
        comments.DocumentCommentsReadApi.as_view(),
        name="project-document-comments-read",
    ),
    path(
        "projects/<int:project_id>/comments/unread/",
        comments.ProjectUnreadCommentsApi.as_view(),
        name="project-comments-unread",
    ),
    path("comments/<int:comment_id>/", comments.CommentDetailApi.as_view(), name="comment-detail"),
    path(
        "projects/<int:project_id>/sources/",
        sources.ProjectSourcesApi.as_view(),
        name="project-sources",
    ),
    path(
        "projects/<int:project_id>/sources/suggest/",
        sources.SourceSuggestApi.as_view(),
        name="project-sources-suggest",
    ),
    path(
        "projects/<int:project_id>/sources/<int:entry_id>/",
        sources.SourceDetailApi.as_view(),
        name="project-source-detail",
    ),
    path(
        "projects/<int:project_id>/sources/<int:entry_id>/aliases/",
        sources.SourceAliasesApi.as_view(),
        name="project-source-aliases",
    ),
    path(
        "projects/<int:project_id>/sources/<int:entry_id>/claims/",
        sources.SourceClaimsApi.as_view(),
        name="project-source-claims",
    ),
    path("stories/<int:story_id>/claims/", StoryClaimsApi.as_view(), name="story-claims"),
    path("sets/<int:set_id>/spans/", rows.SpanListApi.as_view(), name="span-list"),
    path("spans/<int:span_id>/", rows.SpanDetailApi.as_view(), name="span-detail"),
    path("sets/<int:set_id>/relations/", rows.RelationListApi.as_view(), name="relation-list"),
    path("relations/<int:relation_id>/", rows.RelationDetailApi.as_view(), name="relation-detail"),
    path("sets/<int:set_id>/stances/", rows.StanceListApi.as_view(), name="stance-list"),
    path("stances/<int:stance_id>/", rows.StanceDetailApi.as_view(), name="stance-detail"),
    path(
        "projects/<int:project_id>/recommenders/",
        recommenders.RecommenderListApi.as_view(),
        name="project-recommenders",
    ),
    path(
        "projects/<int:project_id>/recommenders/<int:recommender_id>/",
        recommenders.RecommenderDetailApi.as_view(),
        name="project-recommender-detail",
    ),
    path(
        "projects/<int:project_id>/recommenders/<int:recommender_id>/check/",
        recommenders.RecommenderCheckApi.as_view(),
        name="project-recommender-check",
    ),
]
