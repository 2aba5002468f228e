#!/usr/bin/env bash
#
# Starts a standalone session cluster: the JobManager, then one TaskManager per line of
# conf/workers (localhost entries here, other hosts over ssh).
#
# Without high availability one JobManager is started on this host (the webui-port of the first
# conf/masters entry is passed on); with high-availability.type: zookeeper one per line of
# conf/masters (host:webui-port).
set -euo pipefail

bin=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=SCRIPTDIR/config.sh
. "$bin/config.sh"

ha=$(read_config_value high-availability.type "$(read_config_value high-availability NONE)")
masters=$(read_hosts_file "$FLINK_CONF_DIR/masters")

case $ha in
  zookeeper|ZOOKEEPER)
    if [ -z "$masters" ]; then
      config_error "high availability is on, but $FLINK_CONF_DIR/masters lists no JobManager host."
      exit 1
    fi
    echo "Starting HA cluster with $(printf '%s\n' "$masters" | wc -l | tr -d ' ') masters."
    for master in $masters; do
      host=${master%%:*}
      port=""
      [ "$host" != "$master" ] && port=${master##*:}
      run_on_host "$host" "$FLINK_BIN_DIR/jobmanager.sh" start "$host" $port
    done
    ;;
  *)
    echo "Starting cluster."
    first=$(printf '%s\n' "$masters" | head -n 1)
    port=""
    case $first in
      *:*) port=${first##*:} ;;
    esac
    if [ -n "$port" ]; then
      "$FLINK_BIN_DIR/jobmanager.sh" start localhost "$port"
    else
      "$FLINK_BIN_DIR/jobmanager.sh" start
    fi
    ;;
esac

workers=$(read_hosts_file "$FLINK_CONF_DIR/workers")
if [ -z "$workers" ]; then
  config_warning "$FLINK_CONF_DIR/workers lists no TaskManager host; the cluster has no slots." \
    "Add a line 'localhost' (or other hosts) and start TaskManagers with bin/taskmanager.sh start."
fi
for worker in $workers; do
  run_on_host "$worker" "$FLINK_BIN_DIR/taskmanager.sh" start
done
