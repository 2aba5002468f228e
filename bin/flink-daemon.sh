#!/usr/bin/env bash
#
# Starts and stops Freshet's daemons on this host: bin/flink-daemon.sh
#   (start|start-foreground|stop|stop-all) (standalonesession|taskexecutor) [ARGS...]
#
# start             runs the daemon in the background; its pid is appended to
#                   $FLINK_PID_DIR/flink-$FLINK_IDENT_STRING-<daemon>.pid, its log goes to
#                   $FLINK_LOG_DIR/flink-$FLINK_IDENT_STRING-<daemon>-<n>-<host>.log (stdout and
#                   stderr to the matching .out file); n counts the instances on this host.
# start-foreground  runs the daemon in this terminal (logs to the console), for containers.
# stop              stops the most recently started instance: SIGTERM, then SIGKILL after
#                   FRESHET_STOP_TIMEOUT seconds (default 30) if it has not ended.
# stop-all          stops every instance listed in the pid file.
#
# The JVM gets the memory flags computed from the configuration, env.java.opts.all and the
# daemon's own env.java.opts.jobmanager / env.java.opts.taskmanager.
set -euo pipefail

usage="Usage: flink-daemon.sh (start|start-foreground|stop|stop-all) (standalonesession|taskexecutor) [args]"

if [ $# -lt 2 ]; then
  echo "$usage" >&2
  exit 1
fi
startstop=$1
daemon=$2
shift 2

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

case $daemon in
  standalonesession)
    class_to_run=io.freshet.runtime.entrypoint.StandaloneSessionClusterEntrypoint
    role_java_opts=$FLINK_ENV_JAVA_OPTS_JM
    memory_command=GET_JM_RESOURCE_PARAMS
    ;;
  taskexecutor)
    class_to_run=io.freshet.runtime.taskexecutor.TaskManagerRunner
    role_java_opts=$FLINK_ENV_JAVA_OPTS_TM
    memory_command=GET_TM_RESOURCE_PARAMS
    ;;
  *)
    config_error "unknown daemon '$daemon'." "$usage"
    exit 1
    ;;
esac

pid_file=$FLINK_PID_DIR/flink-$FLINK_IDENT_STRING-$daemon.pid
host_name=${HOSTNAME:-$(hostname)}

# Prints the pids of the pid file that still belong to a running process.
live_pids() {
  local pid
  [ -f "$pid_file" ] || return 0
  while read -r pid; do
    [ -n "$pid" ] || continue
    if kill -0 "$pid" 2> /dev/null; then
      printf '%s\n' "$pid"
    fi
  done < "$pid_file"
}

# stop_pid PID: SIGTERM, wait, SIGKILL when it does not end in time.
stop_pid() {
  local pid=$1 waited=0 timeout=${FRESHET_STOP_TIMEOUT:-30}
  kill "$pid" 2> /dev/null || return 0
  while kill -0 "$pid" 2> /dev/null; do
    if [ "$waited" -ge $((timeout * 10)) ]; then
      echo "$daemon (pid $pid) did not stop within $timeout seconds; killing it (SIGKILL)."
      kill -9 "$pid" 2> /dev/null || true
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
}

# Computes the daemon's JVM memory flags from the configuration (and the -D arguments).
memory_flags() {
  local classpath=$1 output line
  shift
  if ! output=$("$JAVA_RUN" -classpath "$classpath" io.freshet.runtime.util.bash.BashJavaUtils \
      "$memory_command" --configDir "$FLINK_CONF_DIR" "$@" 2>&1); then
    config_error "cannot start the $daemon: its configuration in $FLINK_CONF_DIR (with any -D) was refused:" "$output"
    return 1
  fi
  while IFS= read -r line; do
    case $line in
      BASH_JAVA_UTILS_EXEC_RESULT:*) printf '%s\n' "${line#BASH_JAVA_UTILS_EXEC_RESULT:}" ;;
    esac
  done <<< "$output"
}

case $startstop in
  start|start-foreground)
    classpath=$(construct_classpath) || exit 1
    # only the -D arguments matter for sizing; pass them on
    dynamic=()
    args=("$@")
    for ((i = 0; i < ${#args[@]}; i++)); do
      if [ "${args[$i]}" = "-D" ] && [ $((i + 1)) -lt ${#args[@]} ]; then
        dynamic+=("-D" "${args[$((i + 1))]}")
      elif [[ ${args[$i]} == -D?* ]]; then
        dynamic+=("${args[$i]}")
      fi
    done
    jvm_memory=$(memory_flags "$classpath" ${dynamic[@]+"${dynamic[@]}"}) || exit 1
    split_java_opts "$jvm_memory" "$FLINK_ENV_JAVA_OPTS" "$role_java_opts"

    if [ "$startstop" = start-foreground ]; then
      jvm_log_settings /dev/null log4j-console.properties
      exec "$JAVA_RUN" ${JAVA_OPTS_ARRAY[@]+"${JAVA_OPTS_ARRAY[@]}"} "${JVM_LOG_SETTINGS[@]}" \
        -classpath "$classpath" "$class_to_run" --configDir "$FLINK_CONF_DIR" "$@"
    fi

    if ! mkdir -p "$FLINK_LOG_DIR" 2> /dev/null || [ ! -w "$FLINK_LOG_DIR" ]; then
      config_error "cannot write to the log directory $FLINK_LOG_DIR." \
        "Set FLINK_LOG_DIR (or env.log.dir in the configuration) to a writable directory."
      exit 1
    fi
    if ! mkdir -p "$FLINK_PID_DIR" 2> /dev/null || [ ! -w "$FLINK_PID_DIR" ]; then
      config_error "cannot write to the pid directory $FLINK_PID_DIR." \
        "Set FLINK_PID_DIR (or env.pid.dir in the configuration) to a writable directory."
      exit 1
    fi
    running=$(live_pids | wc -l | tr -d ' ')
    if [ "$running" -gt 0 ]; then
      echo "[INFO] $running instance(s) of $daemon are already running on $host_name."
    fi
    # keep only live pids in the file, so that instance numbers stay small
    live_pids > "$pid_file.tmp" || true
    mv "$pid_file.tmp" "$pid_file"
    instance=$running
    log=$FLINK_LOG_DIR/flink-$FLINK_IDENT_STRING-$daemon-$instance-$host_name.log
    out=$FLINK_LOG_DIR/flink-$FLINK_IDENT_STRING-$daemon-$instance-$host_name.out
    jvm_log_settings "$log" log4j2.properties

    echo "Starting $daemon daemon on host $host_name."
    nohup "$JAVA_RUN" ${JAVA_OPTS_ARRAY[@]+"${JAVA_OPTS_ARRAY[@]}"} "${JVM_LOG_SETTINGS[@]}" \
      -classpath "$classpath" "$class_to_run" --configDir "$FLINK_CONF_DIR" "$@" \
      > "$out" 200<&- 2>&1 < /dev/null &
    pid=$!
    echo "$pid" >> "$pid_file"
    # Wait until the daemon reports that it is up (or dies: a bad configuration, a port in use), so that a
    # failed start is reported here and not discovered later. FRESHET_START_TIMEOUT bounds the wait (seconds).
    waited=0
    while ! grep -q "FRESHET_DAEMON_STARTED" "$out" 2> /dev/null; do
      if ! kill -0 "$pid" 2> /dev/null; then
        live_pids > "$pid_file.tmp" || true
        mv "$pid_file.tmp" "$pid_file"
        config_error "$daemon (pid $pid) ended right after its start; see $out and $log:"
        tail -n 20 "$out" >&2 || true
        exit 1
      fi
      if [ "$waited" -ge $((${FRESHET_START_TIMEOUT:-60} * 10)) ]; then
        config_warning "$daemon (pid $pid) has not reported its start within ${FRESHET_START_TIMEOUT:-60} seconds;" \
          "it keeps starting in the background. See $log."
        break
      fi
      sleep 0.1
      waited=$((waited + 1))
    done
    ;;

  stop)
    pids=$(live_pids)
    if [ -z "$pids" ]; then
      echo "No $daemon daemon (pid file $pid_file) is running on host $host_name."
      exit 0
    fi
    last=$(printf '%s\n' "$pids" | tail -n 1)
    echo "Stopping $daemon daemon (pid: $last) on host $host_name."
    stop_pid "$last"
    live_pids > "$pid_file.tmp" || true
    mv "$pid_file.tmp" "$pid_file"
    ;;

  stop-all)
    pids=$(live_pids)
    if [ -z "$pids" ]; then
      echo "No $daemon daemon (pid file $pid_file) is running on host $host_name."
    fi
    for pid in $pids; do
      echo "Stopping $daemon daemon (pid: $pid) on host $host_name."
      stop_pid "$pid"
    done
    rm -f "$pid_file"
    ;;

  *)
    echo "$usage" >&2
    exit 1
    ;;
esac
