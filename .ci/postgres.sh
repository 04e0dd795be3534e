# Source this file: start a throwaway PostgreSQL server for the tests and export its DSN as
# SIGNALWATCH_TEST_POSTGRES. In CI (CI=true) the server is installed from the Debian
# packages when missing. Locally, without PostgreSQL, the PostgreSQL tests skip.
sw_pg_bin() {
    local found
    found="$(command -v pg_ctl 2>/dev/null || true)"
    if [ -z "$found" ]; then
        found="$(ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -1 || true)"
    fi
    [ -n "$found" ] && dirname "$(readlink -f "$found")"
}

sw_pg_start() {
    local bin port data run_as
    bin="$(sw_pg_bin || true)"
    if [ -z "$bin" ] && [ "${CI:-}" = "true" ] && [ "$(id -u)" = "0" ]; then
        echo "postgres: installing the Debian packages" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        bin="$(sw_pg_bin || true)"
    fi
    if [ -z "$bin" ]; then
        echo "postgres: not installed; the PostgreSQL tests will be skipped" >&2
        return 0
    fi
    port="${SIGNALWATCH_TEST_PG_PORT:-55432}"
    data="$(mktemp -d "${TMPDIR:-/tmp}/signalwatch-pg.XXXXXX")"
    run_as=()
    if [ "$(id -u)" = "0" ]; then  # PostgreSQL refuses to run as root
        chown postgres "$data" 2>/dev/null || { echo "postgres: no 'postgres' user to run as" >&2; return 0; }
        run_as=(runuser -u postgres --)
    fi
    "${run_as[@]}" "$bin/initdb" -D "$data/db" -U postgres --auth=trust -E UTF8 >/dev/null
    "${run_as[@]}" "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c max_connections=200" start >/dev/null
    export SIGNALWATCH_TEST_POSTGRES="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
    SW_PG_STOP=("${run_as[@]}" "$bin/pg_ctl" -D "$data/db" -m fast stop)
    echo "postgres: test server on 127.0.0.1:$port ($data)" >&2
}

sw_pg_stop() {
    if [ -n "${SW_PG_STOP+x}" ]; then "${SW_PG_STOP[@]}" >/dev/null || true; fi
}
