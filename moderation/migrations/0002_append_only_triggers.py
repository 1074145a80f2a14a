"""On PostgreSQL, refuse UPDATE and DELETE of the append-only records in the database itself.

The application already refuses (model save/delete, queryset update/delete, read-only admin);
the trigger also stops a raw SQL statement or a bug. Other databases (SQLite for the demo)
rely on the application guards only. TRUNCATE (a table owner's act, used by the test runner
to flush the database) is deliberately not trapped.
"""

from django.db import migrations

TABLES = (
    "moderation_auditlogentry",
    "moderation_evidencerecord",
    "moderation_policereportdecision",
)

FUNCTION = """
CREATE OR REPLACE FUNCTION moderation_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION moderation_refuse_change();",
            params=None,
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")
    schema_editor.execute("DROP FUNCTION IF EXISTS moderation_refuse_change();")


class Migration(migrations.Migration):
    dependencies = [("moderation", "0001_initial_contributions")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
