from django.urls import path

from corpus.api import views

urlpatterns = [
    path("stories/", views.StoryListApi.as_view(), name="story-list"),
    path("stories/<int:story_id>/", views.StoryDetailApi.as_view(), name="story-detail"),
    path("documents/", views.DocumentListApi.as_view(), name="document-list"),
    path("documents/<int:document_id>/", views.DocumentDetailApi.as_view(), name="document-detail"),
    path("outlets/", views.OutletListApi.as_view(), name="outlet-list"),
]
