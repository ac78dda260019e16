#!/bin/bash
# Runs once, when the PostgreSQL volume is new (the postgres image runs /docker-entrypoint-initdb.d/*):
# a role and a database per service, and one for Keycloak, each role owning its database and nothing else.
# The passwords come from the container's environment (docker-compose.yml, from .env).
set -euo pipefail

create_database() {
  local name="$1" password="$2"
  # format() quotes the name and the password; \gexec runs the statements it builds
  psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    -v name="$name" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'name', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8''', :'name', :'name') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'name') \gexec
SQL
  echo "created database and role $name"
}

create_database personnel "${PERSONNEL_DB_PASSWORD:?}"
create_database assignment "${ASSIGNMENT_DB_PASSWORD:?}"
create_database report "${REPORT_DB_PASSWORD:?}"
create_database notification "${NOTIFICATION_DB_PASSWORD:?}"
create_database keycloak "${KEYCLOAK_DB_PASSWORD:?}"
