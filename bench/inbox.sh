#!/usr/bin/env bash
# Inbox benchmark: the inbox list (open conversations) and one conversation's page with the email
# beside its proposed quotation (lines, stock per line, the catalogue's choices), signed in as the
# demo manager, rendered by the responder against nginx serving a byte-identical static copy in the
# same run. Start the product first (scripts/run), then:
#   bench/inbox.sh
# It uses its own database (eg_bench, in the product's PostgreSQL cluster, with the demo data) and
# its own responder, and drops them afterwards. Numbers only: nothing here gates CI.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

bench_demo_session eg_bench

conversation=$(psql_bench -d eg_bench -Atc "SELECT id FROM conversations WHERE party_address = 'johanna.berg@example.net'")
bench_compare inbox /admin/inbox "$cookie"
bench_compare conversation "/admin/inbox/$conversation" "$cookie"
