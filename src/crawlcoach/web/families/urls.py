from django.contrib.auth import views as auth_views
from django.urls import path

from crawlcoach.web.api import family_page
from crawlcoach.web.families import account_views, admin_views, views

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
    path("account/", account_views.account, name="account"),
    path("account/leave/", account_views.leave_family, name="leave_family"),
    path("account/delete/", account_views.delete_account, name="delete_account"),
    path("password/forgot/", account_views.forgot_password, name="forgot_password"),
    path(
        "reset/<uidb64>/<token>/",
        account_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("family/rename/", admin_views.rename_family, name="family_rename"),
    path(
        "family/caregivers/<int:caregiver_id>/remove/",
        admin_views.remove_caregiver,
        name="caregiver_remove",
    ),
    path(
        "family/caregivers/<int:caregiver_id>/admin/",
        admin_views.make_admin,
        name="caregiver_admin",
    ),
    path(
        "family/caregivers/<int:caregiver_id>/reset-link/",
        admin_views.make_reset_link,
        name="caregiver_reset_link",
    ),
    path("family/tokens/", family_page.create_token, name="api_token_create"),
    path("family/tokens/<int:token_id>/revoke/", family_page.revoke_token, name="api_token_revoke"),
]
