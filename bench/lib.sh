# Shared by the bench scripts: throwaway PostgreSQL 15 clusters on 127.0.0.1, stopped and removed on exit.
# start_postgres starts one (call it again for more: bench/fleet spreads tenants over several); each call sets
# PORT and BASE_URL to the cluster it started, and PORTS lists them all.
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d /tmp/auditeng-bench.XXXXXX)
chmod 755 "$WORK"
AS_PG=()
[ "$(id -u)" -eq 0 ] && AS_PG=(runuser -u postgres --)   # PostgreSQL refuses to run as root
PG_PIDS=()
PG_DIRS=()
PORTS=()

stop_postgres() {
    local i
    for i in "${!PG_PIDS[@]}"; do
        "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "${PG_DIRS[$i]}/data" -m fast -w stop >/dev/null 2>&1 \
            || kill "${PG_PIDS[$i]}" 2>/dev/null || true
        wait "${PG_PIDS[$i]}" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap stop_postgres EXIT
trap 'exit 130' INT TERM

start_postgres() {
    local name=pg
    [ ${#PG_PIDS[@]} -eq 0 ] || name=pg$(( ${#PG_PIDS[@]} + 1 ))
    local dir="$WORK/$name"
    mkdir -p "$dir"
    [ ${#AS_PG[@]} -eq 0 ] || chown postgres "$dir"
    PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
    "${AS_PG[@]}" "$PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust >"$WORK/initdb.log" 2>&1 \
        || { cat "$WORK/initdb.log"; exit 1; }
    "${AS_PG[@]}" "$PGBIN/postgres" -D "$dir/data" -p "$PORT" -k "$dir" -c listen_addresses=127.0.0.1 \
        -c fsync=off "$@" >"$WORK/$name.log" 2>&1 &
    PG_PIDS+=($!)
    PG_DIRS+=("$dir")
    PORTS+=("$PORT")
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
