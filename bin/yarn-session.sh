#!/usr/bin/env bash
#
# Starts a Freshet session on YARN, or attaches to a running one:
#   bin/yarn-session.sh [-d] [-nm name] [-qu queue] [-jm mem] [-tm mem] [-s slots] [-D key=value]...
#   bin/yarn-session.sh -id <applicationId>        ('echo stop | bin/yarn-session.sh -id <id>' stops it)
# Run it with --help. It needs the Hadoop client (HADOOP_CLASSPATH, e.g. `hadoop classpath`) and the cluster's
# configuration (HADOOP_CONF_DIR or YARN_CONF_DIR); see docs/deployment/yarn.md.
#
# The client JVM gets env.java.opts.all and env.java.opts.client, logs to
# $FLINK_LOG_DIR/flink-<user>-yarn-session-<host>.log as configured by $FLINK_CONF_DIR/log4j-cli.properties, and
# exits with the client's exit code.
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

classpath=$(construct_classpath) || exit 1

if ! mkdir -p "$FLINK_LOG_DIR" 2> /dev/null || [ ! -w "$FLINK_LOG_DIR" ]; then
  config_warning "cannot write to the log directory $FLINK_LOG_DIR; the client log will be lost." \
    "Set FLINK_LOG_DIR (or env.log.dir in the configuration) to a writable directory."
fi
jvm_log_settings "$FLINK_LOG_DIR/flink-$FLINK_IDENT_STRING-yarn-session-$HOSTNAME.log" log4j-cli.properties
split_java_opts "$FLINK_ENV_JAVA_OPTS" "$FLINK_ENV_JAVA_OPTS_CLI"


exec "$JAVA_RUN" ${JAVA_OPTS_ARRAY[@]+"${JAVA_OPTS_ARRAY[@]}"} "${JVM_LOG_SETTINGS[@]}" \
  -classpath "$classpath" io.freshet.yarn.cli.FlinkYarnSessionCli "$@"
