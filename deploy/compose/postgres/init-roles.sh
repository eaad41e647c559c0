#!/usr/bin/env bash
# Runs once, when the compose PostgreSQL starts on an empty data volume: the databases and the
# owner and runtime logins of README "Database roles" (no superuser for any service). The services'
# Flyway runs (as the owners) grant the runtime roles exactly what they need. Passwords come from
# the environment (deploy/compose/.env).
set -euo pipefail

: "${GATEWAY_DB_OWNER_PASSWORD:?}" "${GATEWAY_DB_PASSWORD:?}" "${RELAY_DB_PASSWORD:?}"
: "${LEDGER_DB_OWNER_PASSWORD:?}" "${LEDGER_DB_PASSWORD:?}"
: "${RECON_DB_OWNER_PASSWORD:?}" "${RECON_DB_PASSWORD:?}"

role() {
  psql -v ON_ERROR_STOP=1 --username postgres --dbname postgres \
    -v name="$1" -v password="$2" <<'SQL'
create role :"name" login nosuperuser nocreatedb nocreaterole noreplication nobypassrls
  password :'password';
SQL
}

database() {
  psql -v ON_ERROR_STOP=1 --username postgres --dbname postgres -v name="$1" -v owner="$2" <<'SQL'
create database :"name" owner :"owner";
revoke temporary on database :"name" from public;
SQL
}

role gateway_owner "$GATEWAY_DB_OWNER_PASSWORD"
role gateway_runtime "$GATEWAY_DB_PASSWORD"
role gateway_relay "$RELAY_DB_PASSWORD"
database gateway gateway_owner

role ledger_owner "$LEDGER_DB_OWNER_PASSWORD"
role ledger_runtime "$LEDGER_DB_PASSWORD"
database ledger ledger_owner

role reconciliation_owner "$RECON_DB_OWNER_PASSWORD"
role reconciliation_runtime "$RECON_DB_PASSWORD"
database reconciliation reconciliation_owner
