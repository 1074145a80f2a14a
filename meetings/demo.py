"""Demo data of the meetings app: the villages of Vansbro kommun."""

from .models import Village

VILLAGES = (
    ("Vansbro", "vansbro", "Centralorten vid Vanån och Västerdalälven.", "60.51230", "14.22470"),
    (
        "Dala-Järna",
        "dala-jarna",
        "Tätort vid Västerdalälven med skola och vårdcentral.",
        "60.54880",
        "14.36570",
    ),
    (
        "Äppelbo",
        "appelbo",
        "By i norra delen av kommunen, känd för Äppelbo gästgivargård.",
        "60.49770",
        "14.00020",
    ),
    ("Nås", "nas", "Kyrkby vid Västerdalälven med lång historia.", "60.45600", "14.48640"),
    ("Järna", "jarna", "Järna socken kring Dala-Järna.", "60.54000", "14.34000"),
    ("Saltvik", "saltvik", "Liten by väster om Vansbro.", "60.50500", "14.10000"),
)


def load(*, stdout) -> None:
    for name, slug, description, lat, lon in VILLAGES:
        Village.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "latitude": lat, "longitude": lon},
        )
    stdout.write(f"Villages: {Village.objects.count()}")
