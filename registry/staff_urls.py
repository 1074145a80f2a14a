"""Staff pages for registrars under /personal/diarium/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.staff_index, name="registry-staff"),
    path("registrera/", views.staff_register, name="registry-staff-register"),
    path("handling/<int:pk>/", views.staff_entry, name="registry-staff-entry"),
    path(
        "handling/<int:pk>/bilaga/<int:attachment_pk>/",
        views.staff_attachment,
        name="registry-staff-attachment",
    ),
    path("begaran/", views.staff_requests, name="registry-staff-requests"),
    path("begaran/ny/", views.staff_request_create, name="registry-staff-request-create"),
    path("begaran/<int:pk>/", views.staff_request, name="registry-staff-request"),
    path("begaran/rapport/", views.staff_report, name="registry-staff-report"),
    path("uppgifter/", views.staff_information_log, name="registry-staff-information-log"),
    path("gallring/", views.staff_disposals, name="registry-staff-disposals"),
    path(
        "gallring/<int:pk>/verkstall/",
        views.staff_disposal_carry_out,
        name="registry-staff-disposal-carry-out",
    ),
]
