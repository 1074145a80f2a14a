"""Public addresses under /kommundelstraffar/ (Swedish, stable)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.meeting_list, name="meetings-index"),
    path("tidigare/", views.meeting_past, name="meetings-past"),
    path("kalender.ics", views.feed_all, name="meetings-feed"),
    path("<int:pk>/", views.meeting_detail, name="meetings-detail"),
    path("<int:pk>/kalender.ics", views.meeting_ics, name="meetings-meeting-ics"),
    path("<int:pk>/skicka/", views.meeting_contribute, name="meetings-contribute"),
    path("<int:pk>/anmalan/", views.meeting_register, name="meetings-register"),
    path(
        "anmalan/avboka/<str:token>/",
        views.registration_cancel,
        name="meetings-registration-cancel",
    ),
    path("byar/<slug:slug>/", views.village_detail, name="meetings-village"),
    path("byar/<slug:slug>/kalender.ics", views.feed_village, name="meetings-village-feed"),
    path("bevaka/", views.subscribe, name="meetings-subscribe"),
    path(
        "bevaka/bekrafta/<str:token>/",
        views.subscription_confirm,
        name="meetings-subscription-confirm",
    ),
    path("bevaka/avsluta/<str:token>/", views.unsubscribe, name="meetings-unsubscribe"),
]
