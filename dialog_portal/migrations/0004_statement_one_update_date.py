"""The accessibility statement carried its last-update date twice: written into the text at
first publication, and shown by the page from its own record. Only the second moves when the
statement is edited (DOS-6), so the written one is removed where it is still the original."""

from django.db import migrations

OLD = {
    "body_sv": " Redogörelsen uppdaterades senast den 25 november 2026.",
    "body_en": " The statement was last updated on 25 November 2026.",
}


def drop_fixed_date(apps, schema_editor):
    Page = apps.get_model("dialog_portal", "Page")
    for page in Page.objects.filter(slug="tillganglighet"):
        changed = [f for f, text in OLD.items() if text in getattr(page, f)]
        for field in changed:
            setattr(page, field, getattr(page, field).replace(OLD[field], ""))
        if changed:
            page.save(update_fields=changed)  # updated_at stays: the text's meaning did not change


class Migration(migrations.Migration):
    dependencies = [("dialog_portal", "0003_default_pages")]
    operations = [migrations.RunPython(drop_fixed_date, migrations.RunPython.noop)]
