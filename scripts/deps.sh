#!/bin/sh
# Installs the Debian packages storytrack builds against, when any is missing.
# As root it runs apt-get; otherwise it names what is missing and carries on, so a
# developer who installed things another way is not blocked.
missing=""
for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "installing:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends $missing >&2 || {
        echo "deps: apt-get install failed" >&2; exit 1; }
else
    echo "deps: missing Debian packages:$missing (run 'make deps' as root)" >&2
fi
