"""Seed the OSL reason codes (OSL-12) and the dokumenthanteringsplan rows (ARK-3).

Retention times here are a starting configuration for the nämnd to adopt or change in the
admin; they are not law (ARK-3, ARK-4).
"""

from django.db import migrations

PROVISIONS = [
    ("21:1", "Hälsa och sexualliv", 10),
    ("21:3", "Kontaktuppgifter för förföljda personer", 20),
    ("21:7", "Utlämnande skulle leda till behandling i strid med dataskyddsregleringen", 30),
    ("26:1", "Socialtjänst", 40),
    ("25 kap", "Hälso- och sjukvård", 50),
    ("23 kap", "Utbildningsverksamhet (skola)", 60),
    ("31:16", "Kommunal affärsverksamhet", 70),
]

# document_type, handling, storage, disposition, retention_years
PLAN = [
    ("comment", "registered", "Medborgardialog (portalens diarium)", "keep", None),
    ("question", "registered", "Medborgardialog (portalens diarium)", "keep", None),
    ("need", "registered", "Medborgardialog (portalens diarium)", "keep", None),
    ("youth_proposal", "registered", "Medborgardialog (portalens diarium)", "keep", None),
    ("visit_note", "registered", "Medborgardialog (portalens diarium)", "keep", None),
    ("request", "registered", "Medborgardialog (portalens diarium)", "dispose", 2),
    ("decision", "registered", "Medborgardialog (portalens diarium)", "keep", None),
    ("appeal", "registered", "Medborgardialog (portalens diarium)", "keep", None),
    ("moderation_record", "kept_in_order", "Medborgardialog (moderering)", "dispose", 2),
    ("police_report_record", "registered", "Medborgardialog (moderering)", "keep", None),
    ("accessibility_feedback", "registered", "Medborgardialog (portalens diarium)", "dispose", 5),
    ("letter", "registered", "Medborgardialog (portalens diarium)", "keep", None),
    ("telephone_note", "registered", "Medborgardialog (portalens diarium)", "dispose", 2),
]


def seed(apps, schema_editor):
    SecrecyProvision = apps.get_model("registry", "SecrecyProvision")
    RetentionPlanRow = apps.get_model("registry", "RetentionPlanRow")
    for code, label, position in PROVISIONS:
        SecrecyProvision.objects.get_or_create(
            code=code, defaults={"label": label, "position": position}
        )
    for document_type, handling, storage, disposition, years in PLAN:
        RetentionPlanRow.objects.get_or_create(
            document_type=document_type,
            defaults={
                "handling": handling,
                "storage": storage,
                "disposition": disposition,
                "retention_years": years,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_register_and_requests")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
