from django.urls import path

from lifelong.activities import views

urlpatterns = [
    path("activities/", views.activity_list, name="activity_list"),
    path("activities/calendar/", views.activity_calendar, name="activity_calendar"),
    path("activities/<int:pk>/", views.activity_detail, name="activity_detail"),
    path("activities/<int:pk>.ics", views.activity_ics, name="activity_ics"),
    path("activities/<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/state/", views.activity_state, name="activity_state"),
    path("activities/feeds/unit/<int:pk>.ics", views.feed_unit, name="feed_unit"),
    path("activities/feeds/province/<str:code>.ics", views.feed_province, name="feed_province"),
    path("units/<int:pk>/activities/", views.unit_activities, name="unit_activities"),
    path("units/<int:pk>/activities/import/", views.activity_import, name="activity_import"),
    path("units/<int:pk>/activities/import/sample.xlsx", views.activity_import_template,
         name="activity_import_template"),
    path("units/<int:pk>/activities/new/", views.activity_create, name="activity_create"),
    path("sessions/<int:session_id>/register/", views.register, name="register"),
    path("sessions/<int:session_id>/checkin/", views.check_in, name="check_in"),
    path("sessions/<int:session_id>/registrations/", views.session_registrations, name="session_registrations"),
    path("registrations/<int:pk>/erase/", views.registration_erase, name="registration_erase"),
    path("tickets/<str:code>/", views.ticket, name="ticket"),
    path("tickets/<str:code>/cancel/", views.ticket_cancel, name="ticket_cancel"),
]
