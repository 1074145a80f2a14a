"""Staff pages for registrars under /personal/diarium/."""

urlpatterns: list = []
