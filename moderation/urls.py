"""Public moderation actions on contributions (report, photo takedown)."""

urlpatterns: list = []
