from django.urls import path

from . import views

urlpatterns = [
    path("", views.request_create, name="registry-request"),
    path("arende/<str:key>/", views.request_status, name="registry-request-status"),
    path("hamta/<str:token>/", views.download, name="registry-download"),
    path("beslut/<str:token>/", views.decision_download, name="registry-decision"),
]
