"""On PostgreSQL the database itself refuses to change or delete registered documents.

- registry_entry: the register fields never change; rows are never deleted.
- registry_document, registry_attachment: never updated; deleted only inside a gallring run,
  which sets `SET LOCAL registry.allow_disposal = 'on'` (registry.services.disposal_carry_out).
- registry_registryevent, registry_annotation: append-only.
"""

from django.db import migrations

FORWARD = r"""
CREATE OR REPLACE FUNCTION registry_entry_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'registry: a register entry is never deleted (ARK-1)';
  END IF;
  IF NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.sequence IS DISTINCT FROM OLD.sequence
     OR NEW.diary_number IS DISTINCT FROM OLD.diary_number
     OR NEW.direction IS DISTINCT FROM OLD.direction
     OR NEW.document_type IS DISTINCT FROM OLD.document_type
     OR NEW.received_at IS DISTINCT FROM OLD.received_at
     OR NEW.channel IS DISTINCT FROM OLD.channel
     OR NEW.sender_name IS DISTINCT FROM OLD.sender_name
     OR NEW.sender_is_organisation IS DISTINCT FROM OLD.sender_is_organisation
     OR NEW.subject IS DISTINCT FROM OLD.subject
     OR NEW.source_ref IS DISTINCT FROM OLD.source_ref THEN
    RAISE EXCEPTION USING MESSAGE = 'registry: the register fields cannot change: ' || OLD.diary_number;
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION registry_frozen_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('registry.allow_disposal', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION USING MESSAGE = 'registry: rows of ' || TG_TABLE_NAME || ' are never changed or deleted outside gallring';
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION registry_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = 'registry: ' || TG_TABLE_NAME || ' is append-only';
END $$ LANGUAGE plpgsql;

CREATE TRIGGER registry_entry_guard BEFORE UPDATE OR DELETE ON registry_entry
  FOR EACH ROW EXECUTE FUNCTION registry_entry_guard();
CREATE TRIGGER registry_document_guard BEFORE UPDATE OR DELETE ON registry_document
  FOR EACH ROW EXECUTE FUNCTION registry_frozen_guard();
CREATE TRIGGER registry_attachment_guard BEFORE UPDATE OR DELETE ON registry_attachment
  FOR EACH ROW EXECUTE FUNCTION registry_frozen_guard();
CREATE TRIGGER registry_event_guard BEFORE UPDATE OR DELETE ON registry_registryevent
  FOR EACH ROW EXECUTE FUNCTION registry_append_only();
CREATE TRIGGER registry_annotation_guard BEFORE UPDATE OR DELETE ON registry_annotation
  FOR EACH ROW EXECUTE FUNCTION registry_append_only();
"""

BACKWARD = r"""
DROP TRIGGER IF EXISTS registry_entry_guard ON registry_entry;
DROP TRIGGER IF EXISTS registry_document_guard ON registry_document;
DROP TRIGGER IF EXISTS registry_attachment_guard ON registry_attachment;
DROP TRIGGER IF EXISTS registry_event_guard ON registry_registryevent;
DROP TRIGGER IF EXISTS registry_annotation_guard ON registry_annotation;
DROP FUNCTION IF EXISTS registry_entry_guard();
DROP FUNCTION IF EXISTS registry_frozen_guard();
DROP FUNCTION IF EXISTS registry_append_only();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_seed_provisions_and_plan")]

    operations = [migrations.RunPython(forward, backward)]
