# Sourced by the project's scripts: creates .venv from requirements-dev.txt on first use (or when
# the requirements change) and puts it first on PATH.
HN_ROOT="${HN_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
hn_python_env() {
  local venv="$HN_ROOT/.venv" stamp="$HN_ROOT/.venv/.requirements.sha256"
  local wanted; wanted=$(sha256sum "$HN_ROOT/requirements-dev.txt" | cut -d' ' -f1)
  if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    echo "hn-deepest: installing Python tools into .venv (first use)" >&2
    python3 -m venv "$venv" >&2 || return 1
    "$venv/bin/pip" install -q -r "$HN_ROOT/requirements-dev.txt" >&2 || return 1
    echo "$wanted" > "$stamp"
  fi
  export PATH="$venv/bin:$PATH"
}
hn_python_env
