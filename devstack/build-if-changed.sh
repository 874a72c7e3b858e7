#!/usr/bin/env bash
# Builds the jars that ./run and devstack/system.sh start, but only when a source, a POM or a jar
# changed since the last build: an unchanged tree starts without Maven's ~10 s (issue #18,
# doc/benchmarks.md "Start-up"). The stamp is taken before the build, so a file saved during it
# counts as changed next time. `./mvnw clean` removes the stamp with target/.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=target/build-if-changed.stamp
jars=(devstack/target/devstack-exec.jar syncronizer/target/syncronizer.jar api/target/api.jar)
changed() {
  [ -f "$stamp" ] || return 0
  for jar in "${jars[@]}"; do [ -f "$jar" ] || return 0; done
  [ -n "$(find pom.xml ./*/pom.xml ./*/src .mvn -newer "$stamp" -print -quit)" ]
}
if changed; then
  mkdir -p target
  touch "$stamp.next"
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
  mv "$stamp.next" "$stamp"
fi
