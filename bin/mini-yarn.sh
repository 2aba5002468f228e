#!/usr/bin/env bash
#
# A YARN and HDFS sandbox on this machine, for trying Freshet on YARN without a Hadoop cluster:
#   bin/mini-yarn.sh start [directory]   starts MiniYARNCluster + MiniDFSCluster in one background JVM and writes
#                                        their configuration to <directory>/hadoop-conf (for HADOOP_CONF_DIR)
#   bin/mini-yarn.sh stop                stops it
# <directory> defaults to /tmp/freshet-mini-yarn-<user>. The JVM needs Hadoop's hadoop-client-minicluster jar with
# bcprov-jdk18on, bcpkix-jdk18on, jaxb-api and junit 4 on HADOOP_CLASSPATH (see docs/deployment/yarn.md); it logs to
# $FLINK_LOG_DIR/flink-<user>-mini-yarn-<host>.log and .out.
set -euo pipefail

script=${BASH_SOURCE[0]}
while [ -L "$script" ]; do
  link=$(readlink "$script")
  case $link in
    /*) script=$link ;;
    *) script=$(dirname "$script")/$link ;;
  esac
done
# shellcheck source=SCRIPTDIR/config.sh
. "$(dirname "$script")/config.sh"

usage="Usage: mini-yarn.sh (start [directory]|stop)"
command=${1:-}
pid_file=$FLINK_PID_DIR/freshet-$FLINK_IDENT_STRING-mini-yarn.pid

running_pid() {
  if [ -f "$pid_file" ]; then
    local pid
    pid=$(cat "$pid_file")
    if kill -0 "$pid" 2> /dev/null; then
      echo "$pid"
    fi
  fi
}

case $command in
  start)
    directory=${2:-/tmp/freshet-mini-yarn-$FLINK_IDENT_STRING}
    pid=$(running_pid)
    if [ -n "$pid" ]; then
      echo "The YARN sandbox already runs (pid $pid); stop it first with: bin/mini-yarn.sh stop" >&2
      exit 1
    fi
    mkdir -p "$directory" "$FLINK_LOG_DIR" "$FLINK_PID_DIR"
    directory=$(cd "$directory" && pwd -P)
    rm -f "$directory/hadoop-conf/yarn-site.xml"
    classpath=$(construct_classpath) || exit 1
    log_base=$FLINK_LOG_DIR/flink-$FLINK_IDENT_STRING-mini-yarn-$HOSTNAME
    jvm_log_settings "$log_base.log" log4j2.properties
    nohup "$JAVA_RUN" -Xmx768m --add-opens java.base/java.lang=ALL-UNNAMED "${JVM_LOG_SETTINGS[@]}" \
      -classpath "$classpath" io.freshet.yarn.sandbox.MiniYarnSandbox "$directory" \
      > "$log_base.out" 2>&1 < /dev/null &
    pid=$!
    echo "$pid" > "$pid_file"
    # the sandbox writes its configuration once both clusters run (10-30 s)
    for _ in $(seq 1 900); do
      if [ -f "$directory/hadoop-conf/yarn-site.xml" ]; then
        break
      fi
      if ! kill -0 "$pid" 2> /dev/null; then
        rm -f "$pid_file"
        echo "The YARN sandbox could not start; its output ($log_base.out):" >&2
        tail -n 20 "$log_base.out" >&2
        echo "It needs hadoop-client-minicluster and its test dependencies on HADOOP_CLASSPATH (docs/deployment/yarn.md)." >&2
        exit 1
      fi
      sleep 0.2
    done
    if [ ! -f "$directory/hadoop-conf/yarn-site.xml" ]; then
      echo "The YARN sandbox did not come up within 180 s; see $log_base.out. Stop it with: bin/mini-yarn.sh stop" >&2
      exit 1
    fi
    echo "The YARN sandbox runs (pid $pid), its data in $directory."
    echo "Point Freshet's YARN clients at it:"
    echo "  export HADOOP_CONF_DIR=$directory/hadoop-conf"
    echo "  bin/yarn-session.sh -d -jm 768m -tm 1024m"
    echo "Stop it with: bin/mini-yarn.sh stop"
    ;;
  stop)
    pid=$(running_pid)
    if [ -z "$pid" ]; then
      echo "No YARN sandbox runs (no live process in $pid_file)."
      rm -f "$pid_file"
      exit 0
    fi
    kill "$pid"
    for _ in $(seq 1 300); do
      if ! kill -0 "$pid" 2> /dev/null; then
        break
      fi
      sleep 0.2
    done
    if kill -0 "$pid" 2> /dev/null; then
      echo "The YARN sandbox (pid $pid) did not stop within 60 s; killing it." >&2
      kill -9 "$pid" 2> /dev/null || true
    fi
    rm -f "$pid_file"
    echo "Stopped the YARN sandbox (pid $pid)."
    ;;
  *)
    echo "$usage" >&2
    exit 1
    ;;
esac
