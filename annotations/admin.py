from django.contrib import admin

from annotations.models import (
    AnnotationSet,
    DocumentAnswer,
    LabelSchema,
    Membership,
    Project,
    ProjectDocument,
    Relation,
    Span,
    Stance,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "blind", "annotators_per_document", "created_at"]
    search_fields = ["name"]
    inlines = [MembershipInline]


@admin.register(LabelSchema)
class LabelSchemaAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "updated_at"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["project", "user", "role"]
    list_filter = ["role", "project"]
    raw_id_fields = ["user"]


@admin.register(ProjectDocument)
class ProjectDocumentAdmin(admin.ModelAdmin):
    list_display = ["project", "document", "position", "assigned_count"]
    list_filter = ["project"]
    raw_id_fields = ["document"]


@admin.register(AnnotationSet)
class AnnotationSetAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "project",
        "document",
        "kind",
        "author",
        "model_name",
        "status",
        "version",
    ]
    list_filter = ["kind", "status", "project"]
    raw_id_fields = ["document", "author"]


@admin.register(Span)
class SpanAdmin(admin.ModelAdmin):
    list_display = ["id", "annotation_set", "label", "start", "end", "text"]
    list_filter = ["label"]
    raw_id_fields = ["annotation_set"]


@admin.register(Relation)
class RelationAdmin(admin.ModelAdmin):
    list_display = ["id", "annotation_set", "type", "source", "target"]
    list_filter = ["type"]
    raw_id_fields = ["annotation_set", "source", "target"]


@admin.register(Stance)
class StanceAdmin(admin.ModelAdmin):
    list_display = ["id", "annotation_set", "holder", "target", "object_span", "value"]
    raw_id_fields = ["annotation_set", "holder", "object_span"]


@admin.register(DocumentAnswer)
class DocumentAnswerAdmin(admin.ModelAdmin):
    list_display = ["id", "annotation_set", "question", "value"]
    raw_id_fields = ["annotation_set"]
