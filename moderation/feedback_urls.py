"""Synpunkter: residents' feedback on topics, at /synpunkter/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.feedback_index, name="feedback"),
    path("<slug:slug>/", views.feedback_topic, name="feedback-topic"),
    path("<slug:slug>/bild/", views.feedback_photo, name="feedback-photo"),
]
