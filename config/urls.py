"""Every URL of the service. Follow a name from here to find a feature."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

handler400 = "config.errors.json_error_400"
handler404 = "config.errors.json_error_404"
handler500 = "config.errors.json_error_500"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/v1/", include("annotations.api.urls")),
    path("api/v1/", include("corpus.api.urls")),
    path("", include("frontend.urls")),
]
