#!/usr/bin/env bash
#
# Stops a standalone session cluster: one TaskManager per line of conf/workers, then the
# JobManager(s). Each stop waits for the process to end (SIGKILL after FRESHET_STOP_TIMEOUT
# seconds, default 30).
set -euo pipefail

bin=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=SCRIPTDIR/config.sh
. "$bin/config.sh"

for worker in $(read_hosts_file "$FLINK_CONF_DIR/workers"); do
  run_on_host "$worker" "$FLINK_BIN_DIR/taskmanager.sh" stop
done

ha=$(read_config_value high-availability.type "$(read_config_value high-availability NONE)")
case $ha in
  zookeeper|ZOOKEEPER)
    for master in $(read_hosts_file "$FLINK_CONF_DIR/masters"); do
      run_on_host "${master%%:*}" "$FLINK_BIN_DIR/jobmanager.sh" stop-all
    done
    ;;
  *)
    "$FLINK_BIN_DIR/jobmanager.sh" stop
    ;;
esac
