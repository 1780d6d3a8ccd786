from django.contrib.auth import views as auth_views
from django.urls import path

from crawlcoach.web.api import family_page
from crawlcoach.web.families import views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("family/", views.family_page, name="family"),
    path("family/invite/", views.invite, name="invite"),
    path(
        "family/invite/<int:invitation_id>/revoke/", views.revoke_invitation, name="invite_revoke"
    ),
    path("join/<str:token>/", views.join, name="join"),
    path("family/tokens/", family_page.create_token, name="api_token_create"),
    path("family/tokens/<int:token_id>/revoke/", family_page.revoke_token, name="api_token_revoke"),
]
