#!/usr/bin/env bash
# Installs PostgreSQL 15, Redis and RabbitMQ from Debian's packages, once; silent when they are all present.
# The AppHost starts the servers as local processes, each in a state folder of its own (AppHost/Servers; no systemd,
# no docker), for ./run.sh and for the tests alike, so a system instance auto-started by a package must not stay
# behind on the default ports.
set -euo pipefail

declare -A probe=(
  [postgresql]=/usr/lib/postgresql/15/bin/initdb
  [redis-server]=/usr/bin/redis-server
  [rabbitmq-server]=/usr/lib/rabbitmq/bin/rabbitmq-server
)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$' && [ -x "${probe[$1]}" ]; }

missing=()
for package in postgresql redis-server rabbitmq-server; do
  installed "$package" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-servers: ${missing[*]} missing; run as root to install them" >&2
  exit 1
fi

# Debian's policy-rc.d convention: exit 101 forbids maintainer scripts to start services. Docker images ship
# one; elsewhere we put one in place for the duration of the install only.
policy=/usr/sbin/policy-rc.d
added_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && added_policy=true
fi
remove_policy() { if [ "$added_policy" = true ]; then rm -f "$policy"; fi; }
trap remove_policy EXIT

echo "install-servers: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=300 update -qq
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

# A port as `ss -ltn` sees it, read from /proc so that iproute2 need not be installed.
listening() {
  local hex
  hex=$(printf '%04X' "$1")
  awk -v h=":$hex" '$4 == "0A" && substr($2, length($2) - 4) == h { found = 1 } END { exit !found }' /proc/net/tcp /proc/net/tcp6
}

# In case something started a system instance anyway (a systemd host ignores policy-rc.d): keep it from
# starting at boot, and stop it if it listens. Only for the packages installed just now, never for an instance
# someone set up before.
stop_system_instance() {
  local service=$1 port busy=false
  shift
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
    systemctl disable --now "$service" >/dev/null 2>&1 || true
  fi
  for port in "$@"; do listening "$port" && busy=true; done
  [ "$busy" = true ] || return 0
  if [ -x "/etc/init.d/$service" ]; then "/etc/init.d/$service" stop >/dev/null 2>&1 || true; fi
  for port in "$@"; do
    if listening "$port"; then
      echo "install-servers: port $port still listens after stopping the system $service" >&2
      return 1
    fi
  done
}

for package in "${missing[@]}"; do
  case $package in
    postgresql) stop_system_instance postgresql 5432 ;;
    redis-server) stop_system_instance redis-server 6379 ;;
    rabbitmq-server)
      stop_system_instance rabbitmq-server 5672 15672 25672
      # The system broker's epmd daemonizes and outlives it; epmd -kill refuses while a node is registered.
      if listening 4369; then epmd -kill >/dev/null 2>&1 || true; fi
      ;;
  esac
done

for package in "${missing[@]}"; do
  installed "$package" || { echo "install-servers: $package did not install" >&2; exit 1; }
done
echo "install-servers: done"
