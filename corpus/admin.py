from django.contrib import admin

from corpus.models import Document, Outlet, Story


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain"]
    search_fields = ["name", "domain"]


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]
    search_fields = ["name"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["id", "title", "outlet", "story", "language", "created_at"]
    list_filter = ["outlet", "story", "language"]
    search_fields = ["title", "url"]
    readonly_fields = ["sha256", "created_at"]
