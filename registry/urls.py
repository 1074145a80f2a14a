from django.urls import path

from . import views

urlpatterns = [
    path("", views.diary_index, name="registry-index"),
    path("export.csv", views.diary_export_csv, name="registry-export-csv"),
    path("export.json", views.diary_export_json, name="registry-export-json"),
    path("<int:pk>/", views.diary_entry, name="registry-entry"),
]
