"""Staff pages for moderators under /personal/moderering/."""

urlpatterns: list = []
