#!/usr/bin/env bash
# A production install of the build in a clean folder, started once: `npm ci --omit=dev` of
# build/ + package.json + package-lock.json + drizzle/ (+ static assets the server reads), then
# `node build/server.js` on a free port with an empty DATA_DIR, until `/healthz` (or `/login`) answers 200.
# Fails when a runtime package is only a devDependency (e.g. "Cannot find package ...").
# Bounded: 120 s for the install is npm's business, 60 s for the start.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f build/server.js ] || { echo "production-smoke: build/server.js missing: run npm run build" >&2; exit 1; }

work="$(mktemp -d -t tavolo-prod-XXXXXX)"
pid=""
cleanup() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid" 2>/dev/null || true
		for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
		kill -KILL "$pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

cp -R build package.json package-lock.json drizzle "$work/"
[ -d messages ] && cp -R messages "$work/"
mkdir -p "$work/data"

(cd "$work" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)

port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
(
	cd "$work"
	exec env -i PATH="$PATH" HOME="$work" NODE_ENV=production PORT="$port" HOST=127.0.0.1 \
		DATA_DIR="$work/data" SEED_DEMO=false ORIGIN="http://127.0.0.1:$port" \
		node build/server.js
) >"$work/server.log" 2>&1 &
pid=$!

for _ in $(seq 1 120); do
	if ! kill -0 "$pid" 2>/dev/null; then
		echo "production-smoke: the server exited:" >&2
		cat "$work/server.log" >&2
		exit 1
	fi
	for path in /healthz /login; do
		status="$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$port$path" || true)"
		if [ "$status" = 200 ]; then
			echo "production-smoke: node build/server.js answered 200 on $path after npm ci --omit=dev"
			exit 0
		fi
	done
	sleep 0.5
done
echo "production-smoke: no 200 from /healthz or /login within 60 s:" >&2
cat "$work/server.log" >&2
exit 1
