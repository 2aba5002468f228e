#!/usr/bin/env bash
#
# Shared logic of every Freshet script: sourced, never run.
#
# After sourcing, these are set (and exported where a Java process needs them):
#   FLINK_HOME        the distribution: the parent of the directory holding this file
#                     (symlinks resolved; an existing FLINK_HOME in the environment is ignored,
#                     so that a stale value cannot mix two installations)
#   FLINK_BIN_DIR     $FLINK_HOME/bin
#   FLINK_LIB_DIR     env FLINK_LIB_DIR, else $FLINK_HOME/lib
#   FLINK_CONF_DIR    env FLINK_CONF_DIR, else $FLINK_HOME/conf
#   FLINK_LOG_DIR     env FLINK_LOG_DIR, else env.log.dir from the configuration, else $FLINK_HOME/log
#   FLINK_PID_DIR     env FLINK_PID_DIR, else env.pid.dir from the configuration, else /tmp
#   FLINK_IDENT_STRING  env FLINK_IDENT_STRING, else the user name (used in log and pid file names)
#   JAVA_RUN          the java command: $JAVA_HOME/bin/java, else java from PATH
#   FLINK_ENV_JAVA_OPTS       env, else env.java.opts.all, else env.java.opts (every JVM)
#   FLINK_ENV_JAVA_OPTS_JM    env, else env.java.opts.jobmanager
#   FLINK_ENV_JAVA_OPTS_TM    env, else env.java.opts.taskmanager
#   FLINK_ENV_JAVA_OPTS_CLI   env, else env.java.opts.client
#
# Functions for the scripts:
#   read_config_value KEY [DEFAULT]   one value from config.yaml / flink-conf.yaml
#   construct_classpath               lib/*.jar (or FRESHET_CLASSPATH), then HADOOP_CLASSPATH
#   split_java_opts STRING...         the JVM options in JAVA_OPTS_ARRAY, split at whitespace
#   jvm_log_settings LOG_FILE LOG4J_PROPERTIES_NAME   the logging flags in JVM_LOG_SETTINGS
#
# FRESHET_CLASSPATH (for tests and development only): when set, it replaces the jars of lib/
# on the classpath, so that the scripts run against target/classes before lib/ is filled.
#
# This file does not change the caller's shell options; it is safe under `set -euo pipefail`
# and sticks to bash 3.2 features so that it also runs on macOS.

# ---- messages ----

config_error() {
  printf 'Error: %s\n' "$*" >&2
}

config_warning() {
  printf 'Warning: %s\n' "$*" >&2
}

# ---- locations ----

# Prints the path that PATH points to after following every symlink (no `readlink -f`: not on macOS).
resolve_symlinks() {
  local target=$1 link
  while [ -L "$target" ]; do
    link=$(readlink "$target")
    case $link in
      /*) target=$link ;;
      *) target=$(dirname "$target")/$link ;;
    esac
  done
  printf '%s\n' "$target"
}

FLINK_BIN_DIR=$(cd "$(dirname "$(resolve_symlinks "${BASH_SOURCE[0]}")")" && pwd -P)
FLINK_HOME=$(cd "$FLINK_BIN_DIR/.." && pwd -P)
FLINK_LIB_DIR=${FLINK_LIB_DIR:-$FLINK_HOME/lib}
FLINK_CONF_DIR=${FLINK_CONF_DIR:-$FLINK_HOME/conf}
export FLINK_HOME FLINK_BIN_DIR FLINK_LIB_DIR FLINK_CONF_DIR

if [ ! -d "$FLINK_CONF_DIR" ]; then
  config_warning "the configuration directory $FLINK_CONF_DIR does not exist; using built-in defaults." \
    "Point FLINK_CONF_DIR at a directory holding config.yaml, or unset it to use $FLINK_HOME/conf."
fi

# ---- reading the configuration ----

# Prints the configuration file in use. Like Flink 1.19+, a legacy flink-conf.yaml wins when it
# exists, so that an installation upgraded by copying its old file keeps working; otherwise the
# standard-YAML config.yaml is used. Prints nothing when there is neither.
config_file() {
  if [ -f "$FLINK_CONF_DIR/flink-conf.yaml" ]; then
    printf '%s\n' "$FLINK_CONF_DIR/flink-conf.yaml"
  elif [ -f "$FLINK_CONF_DIR/config.yaml" ]; then
    printf '%s\n' "$FLINK_CONF_DIR/config.yaml"
  fi
}

# read_config_value KEY [DEFAULT]
#
# Prints the value of KEY (a dotted Flink key such as env.java.opts.all) from the configuration
# file, or DEFAULT (empty if not given) when the key is absent or has no value.
#
# config.yaml is read as standard YAML, restricted to what configuration files use: nested
# mappings (`env:` / `  java:` / `    opts:` / `      all: -Xss2m` is env.java.opts.all), dotted
# keys at any level (`env.java:` / `  opts.all: ...`), plain, 'single'- and "double"-quoted
# scalars, trailing `# comments`, and `|` / `>` block scalars. Sequences and anchors are not
# understood by this reader (the Java side parses the full YAML); flow values such as [a, b]
# are printed as written.
#
# flink-conf.yaml is read the way Flink's legacy parser reads it: one `key: value` per line,
# everything after the first `#` is a comment, values are taken literally (no unquoting).
# When a key occurs twice, the last occurrence wins.
read_config_value() {
  local key=$1 default=${2:-} file value
  file=$(config_file)
  if [ -z "$file" ]; then
    printf '%s\n' "$default"
    return 0
  fi
  local flat=0
  case $file in
    */flink-conf.yaml) flat=1 ;;
  esac
  if ! value=$(awk -v want="$key" -v flat="$flat" "$CONFIG_READER_AWK" "$file"); then
    config_error "could not read $file"
    return 1
  fi
  if [ -z "$value" ]; then
    value=$default
  fi
  printf '%s\n' "$value"
}

# The reader behind read_config_value. POSIX awk only (mawk, BSD awk and gawk all run it).
# Prints the value of `want`, or nothing. It keeps a stack of the enclosing mapping keys with
# their indentation: a line indented no deeper than an entry closes that entry.
# shellcheck disable=SC2016 # awk program: its $0 is awk's, not the shell's
CONFIG_READER_AWK='
function trim(s) {
  sub(/^[ \t]+/, "", s)
  sub(/[ \t]+$/, "", s)
  return s
}

# One YAML scalar as it appears after "key:" (comments included), without quotes or comment.
function scalar(v,    out, c, i, n) {
  n = length(v)
  if (substr(v, 1, 1) == "\"") {
    out = ""
    for (i = 2; i <= n; i++) {
      c = substr(v, i, 1)
      if (c == "\"") return out
      if (c == "\\" && i < n) {
        i++
        c = substr(v, i, 1)
        if (c == "n") c = "\n"
        else if (c == "t") c = "\t"
        else if (c != "\"" && c != "\\" && c != "/") c = "\\" c
      }
      out = out c
    }
    return out
  }
  if (substr(v, 1, 1) == "\047") {
    out = ""
    for (i = 2; i <= n; i++) {
      c = substr(v, i, 1)
      if (c == "\047") {
        if (substr(v, i + 1, 1) != "\047") return out
        i++
      }
      out = out c
    }
    return out
  }
  # A plain scalar ends where a comment starts: a "#" after whitespace.
  if (match(v, /[ \t]#/)) v = substr(v, 1, RSTART - 1)
  v = trim(v)
  if (v == "~" || v == "null" || v == "Null" || v == "NULL") return ""
  return v
}

function finish_block() {
  if (block_key == want) { result = block_text; found = 1 }
  in_block = 0
}

BEGIN { depth = 0; in_block = 0; found = 0; result = "" }

{
  line = $0
  sub(/\r$/, "", line)
}

flat == 1 {
  sub(/#.*/, "", line)
  sep = index(line, ": ")
  if (sep == 0) next
  k = trim(substr(line, 1, sep - 1))
  v = trim(substr(line, sep + 2))
  if (k == want && v != "") { result = v; found = 1 }
  next
}

{
  match(line, /^ */)
  indent = RLENGTH
}

in_block == 1 {
  if (line ~ /^[ \t]*$/) {
    if (block_style == "|" && block_text != "") block_text = block_text "\n"
    next
  }
  if (indent > block_parent_indent) {
    if (block_indent < 0) block_indent = indent
    text = substr(line, block_indent + 1)
    if (block_text == "") block_text = text
    else if (block_style == "|") block_text = block_text "\n" text
    else block_text = block_text " " text
    next
  }
  finish_block()
}

line ~ /^[ \t]*(#|$)/ { next }
line ~ /^(---|\.\.\.)/ { next }

{
  body = substr(line, indent + 1)
  # Sequence entries are not read here; skipping them keeps the stack of mapping keys intact.
  if (body ~ /^-([ \t]|$)/) next

  q = substr(body, 1, 1)
  if (q == "\"" || q == "\047") {
    close_at = index(substr(body, 2), q)
    if (close_at == 0) next
    k = substr(body, 2, close_at - 1)
    rest = trim(substr(body, close_at + 2))
    if (substr(rest, 1, 1) != ":") next
    v = trim(substr(rest, 2))
  } else {
    if (!match(body, /:([ \t]|$)/)) next
    k = trim(substr(body, 1, RSTART - 1))
    v = trim(substr(body, RSTART + 1))
  }

  while (depth > 0 && stack_indent[depth] >= indent) depth--
  full = (depth > 0) ? stack_key[depth] "." k : k

  if (v == "" || v ~ /^#/) {
    depth++
    stack_indent[depth] = indent
    stack_key[depth] = full
    next
  }
  if (v ~ /^[|>][-+0-9]*([ \t]+#.*)?$/) {
    in_block = 1
    block_style = substr(v, 1, 1)
    block_key = full
    block_parent_indent = indent
    block_indent = -1
    block_text = ""
    next
  }
  if (full == want) { result = scalar(v); found = 1 }
}

END {
  if (in_block == 1) finish_block()
  if (found) printf "%s", result
}
'

FLINK_LOG_DIR=${FLINK_LOG_DIR:-$(read_config_value env.log.dir "$FLINK_HOME/log")}
FLINK_PID_DIR=${FLINK_PID_DIR:-$(read_config_value env.pid.dir /tmp)}
FLINK_IDENT_STRING=${FLINK_IDENT_STRING:-${USER:-$(id -un 2>/dev/null || echo unknown)}}
export FLINK_LOG_DIR FLINK_PID_DIR

# ---- JVM options ----

# env.java.opts.all replaced env.java.opts; the older key is still honoured when the newer is unset.
if [ -z "${FLINK_ENV_JAVA_OPTS:-}" ]; then
  FLINK_ENV_JAVA_OPTS=$(read_config_value env.java.opts.all)
  if [ -z "$FLINK_ENV_JAVA_OPTS" ]; then
    FLINK_ENV_JAVA_OPTS=$(read_config_value env.java.opts)
  fi
fi
FLINK_ENV_JAVA_OPTS_JM=${FLINK_ENV_JAVA_OPTS_JM:-$(read_config_value env.java.opts.jobmanager)}
FLINK_ENV_JAVA_OPTS_TM=${FLINK_ENV_JAVA_OPTS_TM:-$(read_config_value env.java.opts.taskmanager)}
FLINK_ENV_JAVA_OPTS_CLI=${FLINK_ENV_JAVA_OPTS_CLI:-$(read_config_value env.java.opts.client)}

# split_java_opts STRING...
#
# Sets the array JAVA_OPTS_ARRAY to the words of the given option strings, split at whitespace
# (spaces, tabs, newlines). No glob expansion and no quote removal: a value cannot contain
# spaces, as in Flink's scripts.
# shellcheck disable=SC2034 # JAVA_OPTS_ARRAY is the result, read by the calling script
split_java_opts() {
  local joined="$*"
  JAVA_OPTS_ARRAY=()
  read -r -a JAVA_OPTS_ARRAY <<< "${joined//$'\n'/ }" || true
}

# jvm_log_settings LOG_FILE LOG4J_PROPERTIES_NAME
#
# Sets the array JVM_LOG_SETTINGS to the flags that send a JVM's logs to LOG_FILE, configured by
# $FLINK_CONF_DIR/LOG4J_PROPERTIES_NAME (log4j2.properties for daemons, log4j-console.properties
# for daemons in the foreground, log4j-cli.properties for the client).
# shellcheck disable=SC2034 # JVM_LOG_SETTINGS is the result, read by the calling script
jvm_log_settings() {
  JVM_LOG_SETTINGS=(
    "-Dlog.file=$1"
    "-Dlog4j.configurationFile=file:$FLINK_CONF_DIR/$2"
  )
}

# ---- java ----

# Prints the major version (8, 11, 17, 21, ...) of the given java command, or nothing when it
# cannot be told. Reads the JDK's `release` file when there is one: cheaper than starting a JVM.
java_major_version() {
  local java_cmd=$1 java_home version=""
  java_home=$(dirname "$(dirname "$(resolve_symlinks "$java_cmd")")")
  if [ -f "$java_home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$java_home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$java_cmd" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1) || true
  fi
  case $version in
    1.*) version=${version#1.} ;;
  esac
  version=${version%%[!0-9]*}
  printf '%s\n' "$version"
}

if [ -n "${JAVA_HOME:-}" ]; then
  JAVA_RUN=$JAVA_HOME/bin/java
  if [ ! -x "$JAVA_RUN" ]; then
    config_error "JAVA_HOME is set to '$JAVA_HOME', but $JAVA_RUN does not exist or is not executable." \
      "Point JAVA_HOME at a Java 17 (or newer) installation, or unset it to use java from PATH."
    exit 1
  fi
elif command -v java > /dev/null 2>&1; then
  JAVA_RUN=$(command -v java)
else
  config_error "no Java found: JAVA_HOME is not set and there is no java on PATH." \
    "Install Java 17 (or newer) and set JAVA_HOME to its directory."
  exit 1
fi

JAVA_MAJOR_VERSION=$(java_major_version "$JAVA_RUN")
if [ -n "$JAVA_MAJOR_VERSION" ] && [ "$JAVA_MAJOR_VERSION" -lt 17 ]; then
  config_warning "Freshet needs Java 17 or newer, but $JAVA_RUN is Java $JAVA_MAJOR_VERSION." \
    "Set JAVA_HOME to a Java 17 (or newer) installation."
fi

# ---- classpath ----

# Prints the classpath of Freshet's JVMs: the jars of lib/ (or FRESHET_CLASSPATH, for tests),
# then HADOOP_CLASSPATH. Fails with a build hint when lib/ holds no jar.
construct_classpath() {
  local classpath="" jar
  if [ -n "${FRESHET_CLASSPATH:-}" ]; then
    classpath=$FRESHET_CLASSPATH
  else
    for jar in "$FLINK_LIB_DIR"/*.jar; do
      [ -f "$jar" ] || continue
      classpath=${classpath:+$classpath:}$jar
    done
    if [ -z "$classpath" ]; then
      config_error "no jars in $FLINK_LIB_DIR. Build the distribution first:" \
        "run 'mvn -DskipTests package' in $FLINK_HOME, which fills lib/."
      return 1
    fi
  fi
  if [ -n "${HADOOP_CLASSPATH:-}" ]; then
    classpath=$classpath:$HADOOP_CLASSPATH
  fi
  printf '%s\n' "$classpath"
}

# ---- cluster hosts ----

# read_hosts_file FILE: prints the host entries of conf/masters or conf/workers, one per line,
# without comments and blank lines.
read_hosts_file() {
  local file=$1 line
  [ -f "$file" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line%%#*}
    line=$(printf '%s' "$line" | tr -d '[:space:]')
    [ -n "$line" ] && printf '%s\n' "$line"
  done < "$file"
}

# is_local_host HOST: true for localhost, loopback addresses and this host's own name.
is_local_host() {
  case $1 in
    localhost|127.0.0.1|::1|"${HOSTNAME:-}"|"$(hostname 2> /dev/null)") return 0 ;;
  esac
  return 1
}

# run_on_host HOST COMMAND...: runs the command here for a local host, over ssh otherwise
# (with FLINK_SSH_OPTS or env.ssh.opts).
run_on_host() {
  local host=$1
  shift
  if is_local_host "$host"; then
    "$@"
  else
    local ssh_opts
    ssh_opts=${FLINK_SSH_OPTS:-$(read_config_value env.ssh.opts)}
    # shellcheck disable=SC2086 # the ssh options are words on purpose
    ssh -n $ssh_opts "$host" -- "nohup /bin/bash -l $(printf '%q ' "$@") &"
  fi
}
