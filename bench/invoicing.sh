#!/usr/bin/env bash
# Invoicing benchmark: the invoice list (all, and filtered to overdue), one invoice's page, the
# revenue report with its SVG chart and the receivables report, signed in as the demo manager,
# rendered by the responder against nginx serving a byte-identical static copy in the same run.
# Start the product first (scripts/run), then:
#   bench/invoicing.sh
# It uses its own database (eg_bench, in the product's PostgreSQL cluster, with the demo data) and
# its own responder, and drops them afterwards. Numbers only: nothing here gates CI.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

bench_demo_session eg_bench

invoice=$(psql_bench -d eg_bench -Atc "SELECT min(id) FROM invoices WHERE state = 'issued' AND kind = 'invoice'")
bench_compare invoices /admin/invoices "$cookie"
bench_compare invoices-overdue "/admin/invoices?status=overdue" "$cookie"
bench_compare invoice "/admin/invoices/$invoice" "$cookie"
bench_compare report-revenue /admin/reports/revenue "$cookie"
bench_compare report-receivables /admin/reports/receivables "$cookie"
