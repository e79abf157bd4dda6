# Sourced by the bench scripts: need_debian installs, from Debian's packages,
# the tools of a list that are missing, each given as COMMAND=PACKAGE (a
# COMMAND that is a path is tested as an executable file).
#
#   need_debian rg=ripgrep wrk=wrk /usr/bin/time=time
need_debian() {
	local missing=() t cmd pkg
	for t in "$@"; do
		cmd=${t%%=*} pkg=${t#*=}
		if [[ $cmd == /* ]]; then [[ -x $cmd ]] && continue; else command -v "$cmd" >/dev/null && continue; fi
		missing+=("$pkg")
	done
	((${#missing[@]})) || return 0
	printf '\n== installing %s from Debian\n' "${missing[*]}" >&2
	local sudo=
	[[ $(id -u) == 0 ]] || sudo=sudo
	$sudo apt-get install -y "${missing[@]}" >/dev/null || {
		$sudo apt-get update >/dev/null && $sudo apt-get install -y "${missing[@]}" >/dev/null
	}
}
