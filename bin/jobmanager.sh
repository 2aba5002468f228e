#!/usr/bin/env bash
#
# Starts or stops the JobManager of a standalone session cluster:
#   bin/jobmanager.sh (start|start-foreground) [host] [webui-port] [-D key=value]...
#   bin/jobmanager.sh (stop|stop-all)
set -euo pipefail

usage="Usage: jobmanager.sh ((start|start-foreground) [host] [webui-port] [args])|stop|stop-all"

if [ $# -lt 1 ]; then
  echo "$usage" >&2
  exit 1
fi
startstop=$1
shift
bin=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)

case $startstop in
  start|start-foreground)
    args=(--executionMode cluster)
    if [ $# -gt 0 ] && [[ $1 != -* ]]; then
      args+=(--host "$1")
      shift
    fi
    if [ $# -gt 0 ] && [[ $1 != -* ]]; then
      args+=(--webui-port "$1")
      shift
    fi
    exec "$bin/flink-daemon.sh" "$startstop" standalonesession "${args[@]}" "$@"
    ;;
  stop|stop-all)
    exec "$bin/flink-daemon.sh" "$startstop" standalonesession
    ;;
  *)
    echo "$usage" >&2
    exit 1
    ;;
esac
