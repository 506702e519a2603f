#!/usr/bin/env bash
# Dev/CI Elasticsearch 8.x node (single node, plain http on 127.0.0.1). See es/README.md.
#
#   es/run.sh start    build if needed, start in the background, wait for health >= yellow,
#                      print http://127.0.0.1:PORT as the last line (idempotent)
#   es/run.sh stop     SIGTERM (clean shutdown), wait for exit
#   es/run.sh status   print state; exit 0 if running and healthy, 3 if stopped, 1 if unhealthy
#   es/run.sh restart
#
# Environment:
#   ES_PORT           HTTP port (default 9200); 0 = let the node pick a free port
#   ES_BASE           data/log/pid directory (default <repo>/.es)
#   ES_HEAP           heap size for -Xms/-Xmx (default: -Xms512m -Xmx1g)
#   ES_JAVA_OPTS      extra JVM options
#   ES_START_TIMEOUT  seconds to wait for health (default 180)
#   ES_JAVA           java binary (default: $JAVA_HOME/bin/java, else java on PATH; needs 17+)
set -euo pipefail

ES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$ES_DIR/.." && pwd)"
BASE="${ES_BASE:-$REPO/.es}"
PIDFILE="$BASE/es.pid"
PORTFILE="$BASE/es.port"
LOG="$BASE/es.log"
HOME_DIR="$ES_DIR/target/es-home"
NODE_JAR="$ES_DIR/target/monitor-es-0.1.0-node.jar"
STAMP="$ES_DIR/target/.built"
TIMEOUT="${ES_START_TIMEOUT:-180}"

say() { echo "es/run.sh: $*" >&2; }
die() { say "$*"; exit 1; }

java_bin() {
    if [ -n "${ES_JAVA:-}" ]; then echo "$ES_JAVA"
    elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"
    else command -v java || die "no java found (need Java 17+)"
    fi
}

check_java() {
    local j v
    j="$(java_bin)"
    v="$("$j" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
    [ -n "$v" ] && [ "${v%%.*}" -ge 17 ] 2>/dev/null || die "$j is Java '$v'; Elasticsearch 8.19 needs Java 17+"
}

needs_build() {
    [ -f "$STAMP" ] && [ -f "$NODE_JAR" ] && [ -d "$HOME_DIR/lib" ] || return 0
    [ -n "$(find "$ES_DIR/pom.xml" "$ES_DIR/src" -newer "$STAMP" -print -quit)" ]
}

build() {
    command -v mvn >/dev/null || die "mvn (Maven) is needed to build es/"
    say "building es/ (Maven) ..."
    local out="$ES_DIR/target/build.log"
    mkdir -p "$ES_DIR/target"
    # offline first (fast when ~/.m2 is warm), then online
    if ! JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(java_bin)")")")" \
            mvn -q -o -B -f "$ES_DIR/pom.xml" package >"$out" 2>&1; then
        JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(java_bin)")")")" \
            mvn -q -B -f "$ES_DIR/pom.xml" package >"$out" 2>&1 \
            || { tail -40 "$out" >&2; die "Maven build failed (full log: $out)"; }
    fi
    touch "$STAMP"
}

# pid from the pidfile if that process is alive and is our node
running_pid() {
    [ -f "$PIDFILE" ] || return 1
    local pid
    pid="$(tr -dc '0-9' <"$PIDFILE")"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'monitor\.es\.Node' || return 1
    echo "$pid"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

healthy() {  # $1 = port
    curl -fsS -m 5 "http://127.0.0.1:$1/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null \
        | grep -Eq '"status":"(green|yellow)"'
}

current_port() { [ -f "$PORTFILE" ] && tr -dc '0-9' <"$PORTFILE"; }

wait_healthy() {  # $1 = pid
    local pid="$1" deadline=$((SECONDS + TIMEOUT)) port=""
    while [ $SECONDS -lt $deadline ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            say "the node exited during startup; last log lines ($LOG):"
            tail -40 "$LOG" >&2 || true
            rm -f "$PIDFILE"
            exit 1
        fi
        port="$(current_port || true)"
        if [ -n "$port" ] && healthy "$port"; then
            echo "http://127.0.0.1:$port"
            return 0
        fi
        sleep 0.5
    done
    die "node (pid $pid) not healthy after ${TIMEOUT}s; see $LOG (still running; 'es/run.sh stop' to stop it)"
}

start() {
    mkdir -p "$BASE"
    local pid
    if pid="$(running_pid)"; then
        wait_healthy "$pid"   # already running: just report (and wait if it is still starting)
        return 0
    fi
    rm -f "$PIDFILE" "$PORTFILE"

    local port="${ES_PORT:-9200}"
    [[ "$port" =~ ^[0-9]+$ ]] || die "ES_PORT must be a number (0 = any free port), got '$port'"
    if [ "$port" != 0 ] && port_in_use "$port"; then
        die "port $port on 127.0.0.1 is already in use (another Elasticsearch?); set ES_PORT to a free port or ES_PORT=0"
    fi

    check_java
    if needs_build; then build; fi

    mkdir -p "$BASE/tmp"
    [ -f "$LOG" ] && mv -f "$LOG" "$LOG.1"
    local heap="${ES_HEAP:-}"
    local -a heap_opts=(-Xms512m -Xmx1g)
    [ -n "$heap" ] && heap_opts=("-Xms$heap" "-Xmx$heap")
    # shellcheck disable=SC2086
    setsid nohup "$(java_bin)" \
        "${heap_opts[@]}" -XX:MaxDirectMemorySize=512m -Xss1m \
        -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -XX:-OmitStackTraceInFastThrow \
        -Djava.io.tmpdir="$BASE/tmp" -Dfile.encoding=UTF-8 -Djava.awt.headless=true \
        -Djna.nosys=true -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true \
        -Dio.netty.recycler.maxCapacityPerThread=0 \
        -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true -Dlog4j2.formatMsgNoLookups=true \
        ${ES_JAVA_OPTS:-} \
        --module-path "$HOME_DIR/lib" --add-modules ALL-MODULE-PATH \
        -cp "$NODE_JAR" monitor.es.Node \
        --home "$HOME_DIR" --base "$BASE" --port "$port" --pidfile "$PIDFILE" \
        </dev/null >"$LOG" 2>&1 &
    pid=$!
    echo "$pid" >"$PIDFILE"
    say "starting Elasticsearch (pid $pid, log $LOG) ..."
    wait_healthy "$pid"
}

stop() {
    local pid
    if ! pid="$(running_pid)"; then
        rm -f "$PIDFILE" "$PORTFILE"
        say "not running"
        return 0
    fi
    kill -TERM "$pid"
    local deadline=$((SECONDS + 60))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
        say "pid $pid did not stop within 60s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    fi
    rm -f "$PIDFILE" "$PORTFILE"
    say "stopped (pid $pid)"
}

status() {
    local pid port
    if ! pid="$(running_pid)"; then
        echo "stopped"
        return 3
    fi
    port="$(current_port || true)"
    if [ -n "$port" ] && healthy "$port"; then
        echo "running pid=$pid http://127.0.0.1:$port"
        return 0
    fi
    echo "running pid=$pid but not healthy (yet); see $LOG"
    return 1
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    restart) stop; start ;;
    *) echo "usage: $0 start|stop|status|restart" >&2; exit 2 ;;
esac
