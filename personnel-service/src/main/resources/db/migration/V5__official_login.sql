-- An official's Keycloak login, given by an admin (POST /officials/{id}/login): Keycloak's id of the user is what
-- disables it later. login_disable_pending marks a login whose official was deactivated while Keycloak could not be
-- reached: LoginService tries again until Keycloak has disabled it.
ALTER TABLE official
    ADD COLUMN keycloak_user_id      varchar(64),
    ADD COLUMN login_username        varchar(254),
    ADD COLUMN login_role            varchar(32),
    ADD COLUMN login_enabled         boolean,
    ADD COLUMN login_created_at      timestamptz,
    ADD COLUMN login_created_by      varchar(255),
    ADD COLUMN login_disable_pending boolean NOT NULL DEFAULT false;

CREATE UNIQUE INDEX official_keycloak_user_id ON official (keycloak_user_id) WHERE keycloak_user_id IS NOT NULL;
CREATE INDEX official_login_disable_pending ON official (id) WHERE login_disable_pending;
