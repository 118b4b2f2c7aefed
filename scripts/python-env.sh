# Sourced by the project's scripts: creates .venv from requirements-dev.txt on first use (or when
# the requirements change) and puts it first on PATH.
# hn_python_venv REQUIREMENTS VENV_DIR does the same for a tool whose pins clash with the main set
# (checkov: requirements-checkov.txt -> .venv-checkov) without touching PATH.
HN_ROOT="${HN_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
hn_python_venv() {
  local requirements="$HN_ROOT/$1" venv="$HN_ROOT/$2"
  local stamp="$venv/.requirements.sha256" wanted
  wanted=$(sha256sum "$requirements" | cut -d' ' -f1)
  if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    echo "hn-deepest: installing Python tools from $1 into $2 (first use)" >&2
    python3 -m venv "$venv" >&2 || return 1
    "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements" >&2 || return 1
    echo "$wanted" > "$stamp"
  fi
}
hn_python_env() {
  hn_python_venv requirements-dev.txt .venv || return 1
  export PATH="$HN_ROOT/.venv/bin:$PATH"
}
hn_python_env
