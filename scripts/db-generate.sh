#!/usr/bin/env bash
# Generates a Drizzle migration from the current schema. Serialized with flock because drizzle-kit
# numbers migrations from the journal, so two concurrent runs would both write the same number.
set -euo pipefail
name="${1:?usage: scripts/db-generate.sh <migration_name>}"
cd "$(dirname "$0")/../apps/server"
exec flock /tmp/guftagu-drizzle.lock npx drizzle-kit generate --name "$name"
