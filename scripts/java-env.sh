# Sourced by the project's scripts: points JAVA_HOME at a JDK 21 or newer.
# Order: an existing JAVA_HOME that is new enough, then installed JDKs, newest first.
# The JDK's release file names its version without starting a JVM; `java -version` only without one.
hn_java_major() {
  if [ -f "$1/release" ]; then
    awk -F'"' '/^JAVA_VERSION=/ {split($2, v, "."); print v[1]; exit}' "$1/release"
  else
    "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print v[1]; exit}'
  fi
}
hn_pick_java_home() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*21* \
      /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if [ "$(hn_java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "hn-deepest: needs a JDK 21 or newer; set JAVA_HOME to one" >&2
  return 1
}
hn_pick_java_home
