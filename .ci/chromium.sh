# Source this file: make Debian's `chromium` available for the digest's browser tests
# (tests/digest/test_digest_browser.py). Installed with apt-get when it is missing and apt-get
# can run (as root, or through passwordless sudo); otherwise this says so and carries on:
# the tests then skip, or fail under CI=true, where a missing browser is an error.
sw_chromium_install() {
    if command -v chromium >/dev/null 2>&1; then
        return 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "chromium: not installed and no apt-get; the browser tests need it" >&2
        return 0
    fi
    local sudo=()
    if [ "$(id -u)" != "0" ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo -n)
        else
            echo "chromium: not installed, and apt-get needs root; the browser tests need it" >&2
            return 0
        fi
    fi
    echo "chromium: installing the Debian package" >&2
    if ! { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
            --no-install-recommends chromium; } >/dev/null 2>&1; then
        echo "chromium: apt-get could not install it; the browser tests need it" >&2
    fi
    return 0
}
