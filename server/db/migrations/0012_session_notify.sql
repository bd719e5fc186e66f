-- Each app instance may keep the sessions the SCORM player's requests use (server/modules/auth/
-- sessionCache.ts, issue #8). Whatever ends a session or changes what it shows notifies channel
-- tutora_sessions when it commits, with the user's id (`*` for an organisation renamed), whichever
-- instance or script made the change; every instance drops its copies on the notification.
-- An expired session needs none: the copies know their expiry.
CREATE FUNCTION "notify_session_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tutora_sessions', OLD.user_id::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "auth_sessions_notify_delete" AFTER DELETE ON "auth_sessions"
  FOR EACH ROW WHEN (OLD.expires_at > now()) EXECUTE FUNCTION "notify_session_deleted"();
--> statement-breakpoint
CREATE FUNCTION "notify_session_user_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tutora_sessions', NEW.id::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "users_notify_session_change" AFTER UPDATE ON "users"
  FOR EACH ROW WHEN (
    (OLD.email, OLD.first_name, OLD.last_name, OLD.organisation_id, OLD.roles, OLD.locale, OLD.time_zone, OLD.active)
    IS DISTINCT FROM
    (NEW.email, NEW.first_name, NEW.last_name, NEW.organisation_id, NEW.roles, NEW.locale, NEW.time_zone, NEW.active)
  ) EXECUTE FUNCTION "notify_session_user_changed"();
--> statement-breakpoint
CREATE FUNCTION "notify_session_organisation_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tutora_sessions', '*');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "organisations_notify_session_change" AFTER UPDATE OF "name" ON "organisations"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION "notify_session_organisation_changed"();
