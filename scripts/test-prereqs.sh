#!/usr/bin/env bash
# Makes sure what the test suites need is on this machine: Debian's Chromium for the browser
# tests and a MariaDB answering on 127.0.0.1:3306 (root TCP login, the test database) for the
# MySQL pass. As root with apt it installs and starts them; otherwise it stops and prints the
# exact commands. It never lets a suite be skipped silently.
set -euo pipefail

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
DB_NAME=${TEST_MYSQL_DATABASE:-titletrack_test}
can_install() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

apt_ready=0
apt_install() {
  if [ "$apt_ready" = 0 ]; then apt-get update -qq; apt_ready=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

need() {
  echo "npm test needs $1, which is missing. Run (as root):" >&2
  echo "  $2" >&2
  exit 1
}

# 1. Chromium (never a browser download of playwright's own).
if [ ! -x "$CHROMIUM" ]; then
  if can_install; then
    echo "[prereqs] installing Debian's chromium…"
    apt_install chromium
  else
    need "Debian's chromium" "apt-get update && apt-get install -y chromium"
  fi
fi

# 2. MariaDB server, started without systemd.
# (mysqladmin ping says "alive" even when the login is refused, so run a real query.)
mysql_answers() { mysql --connect-timeout=2 -h127.0.0.1 -P3306 -uroot -e 'SELECT 1' >/dev/null 2>&1; }
port_open() { (exec 3<>/dev/tcp/127.0.0.1/3306) >/dev/null 2>&1; }

if ! command -v mysqld >/dev/null 2>&1 && ! port_open; then
  if can_install; then
    echo "[prereqs] installing Debian's mariadb-server…"
    apt_install mariadb-server
  else
    need "a MariaDB server on 127.0.0.1:3306" "apt-get update && apt-get install -y mariadb-server && service mariadb start"
  fi
fi

if ! port_open; then
  if [ "$(id -u)" = 0 ]; then
    echo "[prereqs] starting MariaDB…"
    # /run is empty after a reboot; the service script recreates /run/mysqld itself.
    install -d -o mysql -g root /run/mysqld
    if ! service mariadb start >/dev/null 2>&1; then
      (mysqld_safe --user=mysql >/dev/null 2>&1 &)
    fi
    for _ in $(seq 1 60); do port_open && break; sleep 0.5; done
  fi
  port_open || need "MariaDB answering on 127.0.0.1:3306" "service mariadb start"
fi

# 3. Debian's MariaDB lets root in only over the unix socket; the tests connect over TCP.
if ! mysql_answers; then
  if [ "$(id -u)" = 0 ]; then
    # The socket may come up a moment after the TCP port.
    for _ in $(seq 1 60); do mysql -uroot -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.5; done
    mysql -uroot -e "ALTER USER root@localhost IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket;"
  fi
  mysql_answers || need "root TCP login to MariaDB" \
    "mysql -uroot -e \"ALTER USER root@localhost IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket;\""
fi

mysql -h127.0.0.1 -uroot -e "CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
echo "[prereqs] chromium: $CHROMIUM; MariaDB: $(mysql -h127.0.0.1 -uroot -N -e 'SELECT VERSION()') database $DB_NAME"
