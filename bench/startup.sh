#!/usr/bin/env bash
# Start-up time and memory of the packaged Jujia jar (demo profile, embedded PostgreSQL, fresh data directory).
#
#   bash bench/startup.sh            # build the jar if needed, measure a first start and a restart
#   RESTART=0 bash bench/startup.sh  # first start only
#   JAVA_OPTS="-Xmx512m" bash bench/startup.sh
#   MVN_ARGS="-o" bash bench/startup.sh   # pass options to the Maven build (e.g. offline)
#
# Prints a results block and appends it to target/bench-results.txt; the application logs are kept as
# target/bench-startup-app-*.log. Everything it starts (the JVM and the
# embedded PostgreSQL it launches) is stopped on exit, and the temporary data directory is removed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

RESTART="${RESTART:-1}"
REQUESTS="${REQUESTS:-60}"
TIMEOUT_S="${TIMEOUT_S:-300}"
JAVA_OPTS="${JAVA_OPTS:-}"
MVN_ARGS="${MVN_ARGS:-}"
RESULTS="${RESULTS:-$ROOT/target/bench-results.txt}"

# ---------------------------------------------------------------- java and the jar
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
java_major="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [[ -z "$java_major" || "$java_major" -lt 21 ]]; then
  echo "startup.sh: needs Java 21 or later (found '${java_major:-none}' at $JAVA); set JAVA_HOME" >&2
  exit 1
fi

find_jar() { ls -1 target/jujia-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -n 1 || true; }
JAR="$(find_jar)"
if [[ -z "$JAR" ]] || [[ -n "$(find src/main pom.xml -newer "$JAR" -type f -print -quit)" ]]; then
  echo "startup.sh: building the jar (./mvnw -q -DskipTests package $MVN_ARGS) ..."
  # shellcheck disable=SC2086
  ./mvnw -q -DskipTests $MVN_ARGS package
  JAR="$(find_jar)"
fi
[[ -n "$JAR" ]] || { echo "startup.sh: no jar in target/" >&2; exit 1; }

command -v curl >/dev/null || { echo "startup.sh: needs curl" >&2; exit 1; }

# ---------------------------------------------------------------- state and cleanup
WORK="$(mktemp -d "${TMPDIR:-/tmp}/jujia-startup.XXXXXX")"
APP_PID=""

postmaster_pid() {
  local f="$WORK/pg/postmaster.pid"
  [[ -f "$f" ]] && head -n 1 "$f" | tr -d '[:space:]' || true
}

stop_app() {
  local pid="$APP_PID" pg
  pg="$(postmaster_pid)"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  APP_PID=""
  # The JVM stops its embedded PostgreSQL on a clean shutdown; if it did not, stop that postmaster (its pid is in
  # our own data directory) with a fast shutdown, then for good.
  if [[ -n "$pg" ]] && kill -0 "$pg" 2>/dev/null && grep -qs -- "$WORK" "/proc/$pg/cmdline"; then
    kill -INT "$pg" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pg" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pg" 2>/dev/null && kill -KILL "$pg" 2>/dev/null || true
  fi
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_app
  # keep the application logs for a look at where start-up time went
  local f
  for f in "$WORK"/app-*.log; do
    [[ -f "$f" ]] && mkdir -p "$ROOT/target" && cp "$f" "$ROOT/target/bench-startup-$(basename "$f")"
  done
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
  else
    local p
    for _ in $(seq 1 50); do
      p=$((20000 + RANDOM % 40000))
      (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
    done
    echo "startup.sh: no free port found" >&2; return 1
  fi
}

# ---------------------------------------------------------------- measuring
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

kib() { local v; v="$(awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || true)"; echo "${v:-0}"; }
# PSS (proportional set size) shares PostgreSQL's shared buffers fairly between its processes; RSS counts them in each.
pss() { local v; v="$(awk '/^Pss:/ { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null || true)"; echo "${v:-0}"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }

# The postmaster and its children (backends, checkpointer, walwriter, ...).
pg_pids() {
  local pg
  pg="$(postmaster_pid)"
  [[ -n "$pg" ]] && kill -0 "$pg" 2>/dev/null || return 0
  echo "$pg"
  if command -v ps >/dev/null; then
    ps -o pid= --ppid "$pg" 2>/dev/null || true
  else
    local stat
    for stat in /proc/[0-9]*/stat; do
      # field 4 of /proc/<pid>/stat is the parent pid (postgres command names have no spaces)
      awk -v pg="$pg" '$4 == pg { print $1 }' "$stat" 2>/dev/null || true
    done
  fi
}

memory_line() {
  local label="$1" jvm_rss jvm_pss pg_rss=0 pg_pss=0 n=0 p
  jvm_rss="$(kib "$APP_PID")"
  jvm_pss="$(pss "$APP_PID")"
  for p in $(pg_pids); do
    pg_rss=$((pg_rss + $(kib "$p")))
    pg_pss=$((pg_pss + $(pss "$p")))
    n=$((n + 1))
  done
  printf '  %-24s JVM VmRSS %s (PSS %s) | PostgreSQL %d processes: VmRSS sum %s (PSS sum %s) | total PSS %s\n' "$label" \
    "$(mib "$jvm_rss")" "$(mib "$jvm_pss")" "$n" "$(mib "$pg_rss")" "$(mib "$pg_pss")" "$(mib $((jvm_pss + pg_pss)))"
}

# Starts the jar on a free port and waits for /actuator/health UP; prints the timing lines.
start_app() {
  local label="$1" log="$2" port t0 t_health="" t_ready="" body
  port="$(free_port)"
  PORT="$port"
  t0="$(now)"
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS -jar "$JAR" --spring.profiles.active=demo --server.port="$port" \
    --jujia.embedded-db.data-directory="$WORK/pg" --jujia.privacy.keystore-path="$WORK/keys/jujia-demo-keys.p12" \
    >"$log" 2>&1 &
  APP_PID=$!
  local deadline=$(( $(date +%s) + TIMEOUT_S ))
  while :; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "startup.sh: the application exited during start-up; last log lines:" >&2
      tail -n 40 "$log" >&2
      return 1
    fi
    if [[ -z "$t_health" ]]; then
      body="$(curl -s --max-time 2 "http://127.0.0.1:$port/actuator/health" || true)"
      [[ "$body" == *'"status":"UP"'* ]] && t_health="$(now)"
    fi
    if [[ -n "$t_health" && -z "$t_ready" ]]; then
      body="$(curl -s --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness" || true)"
      [[ "$body" == *'"status":"UP"'* ]] && t_ready="$(now)"
    fi
    [[ -n "$t_ready" ]] && break
    if (( $(date +%s) > deadline )); then
      echo "startup.sh: not UP after ${TIMEOUT_S}s; last log lines:" >&2
      tail -n 40 "$log" >&2
      return 1
    fi
    sleep 0.1
  done
  local started demo
  started="$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*)' "$log" | tail -n 1 || true)"
  demo="$(grep -o 'Demo city generated in [0-9]* ms[^"]*' "$log" | tail -n 1 || true)"
  printf '  %-24s /actuator/health UP after %s s, readiness UP after %s s (port %s)\n' "$label" "$(secs "$t0" "$t_health")" \
    "$(secs "$t0" "$t_ready")" "$port"
  [[ -n "$started" ]] && printf '  %-24s Spring: %s\n' "" "$started"
  [[ -n "$demo" ]] && printf '  %-24s %s\n' "" "$demo"
  return 0
}

# A few real requests: log in as admin, search, read, list.
exercise() {
  local port="$1" token ok=0 fail=0 id code path
  token="$(curl -s -H 'Content-Type: application/json' -d '{"username":"admin","password":"demo123"}' \
    "http://127.0.0.1:$port/api/v1/auth/token" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')"
  [[ -n "$token" ]] || { echo "  ! login failed" ; return 0; }
  id="$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/elders?size=1&sort=id" \
    | sed -n 's/.*"content":\[{"id":\([0-9]*\).*/\1/p')"
  local paths=("/api/v1/elders?q=%E7%8E%8B" "/api/v1/elders?size=50" "/api/v1/elders?communityCode=320508001001&size=100"
    "/api/v1/elders/${id:-1}" "/api/v1/regions" "/api/v1/auth/me" "/api/v1/elders/imports/template")
  for i in $(seq 1 "$REQUESTS"); do
    path="${paths[$((i % ${#paths[@]}))]}"
    code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path" || echo 000)"
    if [[ "$code" == 200 ]]; then ok=$((ok + 1)); else fail=$((fail + 1)); fi
  done
  printf '  %-24s %d requests (elder search, page, detail, regions, template): %d OK, %d not 200\n' "" "$REQUESTS" "$ok" "$fail"
}

# ---------------------------------------------------------------- run
REPORT="$WORK/report.txt"
{
  echo "==== Jujia start-up bench (bench/startup.sh) — $(date -u +%Y-%m-%dT%H:%M:%SZ) ===="
  echo "machine: $(nproc) cpus, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg);" \
    "java $java_major ($JAVA); JAVA_OPTS='${JAVA_OPTS}'"
  echo "jar: $JAR ($(du -h "$JAR" | cut -f1)); demo profile; data in a fresh temporary directory"
} >"$REPORT"

run_once() {
  local label="$1" log="$2"
  start_app "$label" "$log" >>"$REPORT" || return 1
  memory_line "after start-up" >>"$REPORT"
  exercise "$PORT" >>"$REPORT"
  memory_line "after requests" >>"$REPORT"
  stop_app
}

run_once "first start (initdb)" "$WORK/app-first.log" || exit 1
if [[ "$RESTART" == 1 ]]; then
  run_once "restart (existing data)" "$WORK/app-restart.log" || exit 1
fi
echo "====================================================================" >>"$REPORT"

cat "$REPORT"
mkdir -p "$(dirname "$RESULTS")"
{ cat "$REPORT"; echo; } >>"$RESULTS"
echo "(appended to $RESULTS)"
