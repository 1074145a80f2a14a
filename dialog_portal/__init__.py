"""Medborgardialog: the project package and the shared core (pages, roles, health)."""

from .celery import app as celery_app

__all__ = ("celery_app",)
