# Sourced by the benchmark scripts: installing Debian packages when the machine lets us.

# apt_install PKG...: installs with apt-get, as root or through sudo; fails when neither is possible.
apt_install() {
  local as_root=()
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || return 1
    as_root=(sudo)
  fi
  # env, not a prefix assignment: sudo resets the environment.
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# ensure_openblas NAME: installs OpenBLAS if no flavour is. Either threading flavour provides libopenblas.so.0;
# pthread is preferred (openblas_set_num_threads then controls exactly the threads a table reports). Without it
# the benchmarks still run, with the OpenBLAS columns reading n/a. NAME prefixes the messages.
ensure_openblas() {
  local pkg
  command -v dpkg >/dev/null 2>&1 || return 0
  for pkg in libopenblas0-pthread libopenblas0-openmp libopenblas0-serial; do
    dpkg -s "$pkg" >/dev/null 2>&1 && return 0
  done
  echo "$1: installing OpenBLAS (libopenblas0-pthread)..." >&2
  if ! apt_install libopenblas0-pthread >&2; then
    echo "$1: could not install OpenBLAS (needs root or sudo); its columns will read n/a" >&2
  fi
}
