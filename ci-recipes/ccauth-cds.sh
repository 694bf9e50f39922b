#!/bin/sh
# Class-data sharing for the pipeline tool: load its classes from an archive made by one training run,
# instead of reading, verifying and linking them from the jar on every step.
#
#   ccauth-cds.sh key JAR          prints the cache key: the jar's SHA-256, the JDK's version and the machine
#   ccauth-cds.sh prepare JAR DIR  makes DIR ready (extracted jar + archive, training run if needed) and prints
#                                  the command that runs the tool with it, for CCAUTH="$(...)"
#
# Java 17 to 24: a dynamic CDS archive (-XX:ArchiveClassesAtExit / -XX:SharedArchiveFile).
# Java 25 and later: an AOT cache (-XX:AOTCacheOutput / -XX:AOTCache), which also keeps classes linked and
# method profiles. The training run is 'users --sandbox': no credentials, no real org, no output kept.
#
# Never fatal: an archive that is missing, made by another JDK or for other jars is made again; if that
# fails, the printed command runs the tool without one. At run time the JVM ignores an archive that no
# longer fits (a warning on stderr; -Xlog sends the JVM's warnings there, never into the tool's stdout).
# JAVA (default: $JAVA_HOME/bin/java, else java) picks the JVM. The printed command is split on spaces by
# the shell that runs it: JAR, DIR and JAVA must not contain any.
set -eu

JAVA="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
# -XX:TieredStopAtLevel=1: the quick JIT compiler only; a step lasts seconds, the optimizing compiler's
#   work would never pay off.
# -XX:+UseSerialGC -Xmx128m -Xmn12m: a step holds one page of users at a time; a small young generation and
#   the serial collector (no G1 tables, no GC threads) keep the memory it touches near 110 MiB, not 125+.
# -Xlog:disable -Xlog:all=warning:stderr: the JVM's warnings to stderr; by default they go to stdout.
# -Dspring.aot.enabled=true: Spring AOT mode, the bean definitions the build generated as code instead of the
#   configuration classes read and evaluated on every start (measured: 14% less wall time with the archive).
FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx128m -Xmn12m -Xlog:disable -Xlog:all=warning:stderr -Dspring.aot.enabled=true"
TRAINING="users --sandbox --limit 5"

usage() {
	echo "usage: $0 key JAR | prepare JAR DIR" >&2
	exit 2
}

sha256() {
	if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

java_version() {
	"$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p' | tr -c 'A-Za-z0-9._\n-' '_'
}

key() {
	echo "ccauth-cds-$(sha256 "$1" | cut -c1-16)-java-$(java_version)-$(uname -m)"
}

# the feature release: 17, 21, 25...
java_feature() {
	java_version | sed 's/[^0-9].*//'
}

prepare() {
	jar="$1"
	dir="$2"
	wanted="$(key "$jar")"
	mkdir -p "$dir"
	# a cache restored under another key (another jar or JDK) is of no use: start afresh
	if [ "$(cat "$dir/key" 2>/dev/null || true)" != "$wanted" ]; then
		rm -rf "$dir/app" "$dir/ccauth.jsa" "$dir/ccauth.aot" "$dir/key"
		"$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >/dev/null
		echo "$wanted" > "$dir/key"
	fi
	app="$dir/app/$(basename "$jar")"
	if [ "$(java_feature)" -ge 25 ]; then
		archive="$dir/ccauth.aot"
		use="-XX:AOTCache=$archive"
		check="-XX:AOTMode=on $use"
		create="-XX:AOTCacheOutput=$archive.$$"
	else
		archive="$dir/ccauth.jsa"
		use="-XX:SharedArchiveFile=$archive"
		check="-Xshare:on $use"
		create="-XX:ArchiveClassesAtExit=$archive.$$"
	fi
	# strict mode refuses an archive the JVM cannot map or that was made for other jars
	# shellcheck disable=SC2086
	if [ -f "$archive" ] && ! "$JAVA" $check $FLAGS -jar "$app" --version >/dev/null 2>&1; then
		echo "ccauth-cds: $archive does not fit this JDK or these jars; making it again" >&2
		rm -f "$archive"
	fi
	if [ ! -f "$archive" ]; then
		# shellcheck disable=SC2086
		# written aside and moved in whole, so that a job running beside this one never maps half an archive;
		# the JVM may exit 0 with an empty file when it could not write the archive: check what is there
		if ! "$JAVA" $create $FLAGS -jar "$app" $TRAINING >/dev/null 2>"$dir/training.log" || [ ! -s "$archive.$$" ]; then
			echo "ccauth-cds: the training run failed (see $dir/training.log); running without an archive" >&2
			rm -f "$archive.$$" "$archive.$$.config"
			echo "$JAVA $FLAGS -jar $app"
			return 0
		fi
		mv -f "$archive.$$" "$archive"
	fi
	echo "$JAVA $use $FLAGS -jar $app"
}

case "${1:-}" in
	key) [ $# -eq 2 ] || usage; key "$2" ;;
	prepare) [ $# -eq 3 ] || usage; prepare "$2" "$3" ;;
	*) usage ;;
esac
