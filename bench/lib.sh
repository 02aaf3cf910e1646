# Shared by the bench scripts: a throwaway PostgreSQL 15 cluster on 127.0.0.1, stopped and removed on exit.
# Sets PORT and BASE_URL; call start_postgres once.
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d /tmp/auditeng-bench.XXXXXX)
chmod 755 "$WORK"
AS_PG=()
[ "$(id -u)" -eq 0 ] && AS_PG=(runuser -u postgres --)   # PostgreSQL refuses to run as root
PG_PID=

stop_postgres() {
    if [ -n "$PG_PID" ]; then
        "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null 2>&1 || kill "$PG_PID" 2>/dev/null || true
        wait "$PG_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap stop_postgres EXIT
trap 'exit 130' INT TERM

start_postgres() {
    mkdir -p "$WORK/pg"
    [ ${#AS_PG[@]} -eq 0 ] || chown postgres "$WORK/pg"
    PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
    "${AS_PG[@]}" "$PGBIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust >"$WORK/initdb.log" 2>&1 \
        || { cat "$WORK/initdb.log"; exit 1; }
    "${AS_PG[@]}" "$PGBIN/postgres" -D "$WORK/pg/data" -p "$PORT" -k "$WORK/pg" -c listen_addresses=127.0.0.1 \
        -c fsync=off "$@" >"$WORK/pg.log" 2>&1 &
    PG_PID=$!
    for _ in $(seq 100); do
        "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" && break
        sleep 0.1
    done
    BASE_URL="postgresql://postgres@127.0.0.1:$PORT"
}

create_database() {
    psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "CREATE DATABASE $1"
}

# prints the wall time of a command in milliseconds; fails when the command fails
time_ms() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>>"$WORK/errors.log" || { echo "failed: $*" >&2; tail -n 5 "$WORK/errors.log" >&2; return 1; }
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}

median() {
    sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'
}
