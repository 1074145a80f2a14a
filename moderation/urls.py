"""Public moderation actions on contributions (report, photo takedown) under /bidrag/."""

from django.urls import path

from . import views

urlpatterns = [
    path("mina/", views.my_contributions, name="moderation-mine"),
    path("<int:pk>/anmal/", views.contribution_report, name="moderation-report"),
    path("<int:pk>/bild/", views.contribution_photo, name="moderation-photo"),
    path("<int:pk>/ta-bort-bild/", views.photo_takedown, name="moderation-takedown"),
]
