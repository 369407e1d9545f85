from django.urls import path

from lifelong.activities import views

urlpatterns = [
    path("activities/", views.activity_list, name="activity_list"),
    path("activities/calendar/", views.activity_calendar, name="activity_calendar"),
    path("activities/<id:pk>/", views.activity_detail, name="activity_detail"),
    path("activities/<id:pk>.ics", views.activity_ics, name="activity_ics"),
    path("activities/<id:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("activities/<id:pk>/state/", views.activity_state, name="activity_state"),
    path("activities/feeds/unit/<id:pk>.ics", views.feed_unit, name="feed_unit"),
    path("activities/feeds/province/<str:code>.ics", views.feed_province, name="feed_province"),
    path("units/<id:pk>/activities/", views.unit_activities, name="unit_activities"),
    path("units/<id:pk>/activities/import/", views.activity_import, name="activity_import"),
    path("units/<id:pk>/activities/import/sample.xlsx", views.activity_import_template,
         name="activity_import_template"),
    path("units/<id:pk>/activities/new/", views.activity_create, name="activity_create"),
    path("sessions/<id:session_id>/register/", views.register, name="register"),
    path("sessions/<id:session_id>/checkin/", views.check_in, name="check_in"),
    path("sessions/<id:session_id>/registrations/", views.session_registrations, name="session_registrations"),
    path("registrations/<id:pk>/erase/", views.registration_erase, name="registration_erase"),
    path("tickets/<str:code>/", views.ticket, name="ticket"),
    path("tickets/<str:code>/cancel/", views.ticket_cancel, name="ticket_cancel"),
    path("tickets/<str:code>/erase/", views.ticket_erase, name="ticket_erase"),
]
