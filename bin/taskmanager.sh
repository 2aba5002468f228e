#!/usr/bin/env bash
#
# Starts or stops a TaskManager on this host:
#   bin/taskmanager.sh (start|start-foreground) [-D key=value]...
#   bin/taskmanager.sh (stop|stop-all)
# Several TaskManagers may run on one host; stop ends the newest, stop-all every one.
set -euo pipefail

usage="Usage: taskmanager.sh (start|start-foreground|stop|stop-all) [args]"

if [ $# -lt 1 ]; then
  echo "$usage" >&2
  exit 1
fi
startstop=$1
shift
bin=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)

case $startstop in
  start|start-foreground)
    exec "$bin/flink-daemon.sh" "$startstop" taskexecutor "$@"
    ;;
  stop|stop-all)
    exec "$bin/flink-daemon.sh" "$startstop" taskexecutor
    ;;
  *)
    echo "$usage" >&2
    exit 1
    ;;
esac
