/**
 * The version of the run directory layout and shim behaviour. A Ferry that finds a run
 * directory of another version does not guess: it reports the run as interrupted instead.
 */
export const RUN_PROTOCOL = 1;

/**
 * The per-run shim, run by `sh` (dash on Debian: about 1.7 MB RSS, against ~45 MB for a Node
 * process). It owns the engine's stdio so the engine outlives the daemon:
 *
 * - the engine starts through `setsid`, so it leads its own session and process group (a
 *   cancel signals that group, never the shim);
 * - stdout and stderr are appended to files in the run directory, where any later daemon
 *   reads them;
 * - in `file` mode stdin is the prompt the daemon wrote to `input` before the shim started, so
 *   a daemon that dies right after starting it cannot leave the engine without its input;
 * - in `pipe` mode stdin is a FIFO that the shim keeps open for writing (fd 3), so the engine
 *   sees no end of input while no daemon is attached; SIGUSR1 closes it, which is how the
 *   daemon ends the engine's input (claude's stream-json mode ends on EOF);
 * - TERM/INT/HUP are caught (not ignored: an ignored signal would be inherited by the engine),
 *   and `wait` is repeated until the engine is really gone;
 * - the exit status is written last, by rename, so a reader never sees half of it.
 *
 * Arguments: <run dir> <pipe|file|null> <command> [args…].
 */
export const SHIM_SCRIPT = `dir=$1; mode=$2; shift 2
echo $$ > "$dir/shim.pid"
trap 'exec 3>&-' USR1
trap ':' TERM INT HUP
if [ "$mode" = pipe ]; then
  mkfifo -m 600 "$dir/stdin" || exit 97
  exec 3<>"$dir/stdin"
  setsid "$@" <"$dir/stdin" 3>&- >>"$dir/stdout" 2>>"$dir/stderr" &
elif [ "$mode" = file ]; then
  setsid "$@" <"$dir/input" >>"$dir/stdout" 2>>"$dir/stderr" &
else
  setsid "$@" </dev/null >>"$dir/stdout" 2>>"$dir/stderr" &
fi
pid=$!
echo "$pid" > "$dir/engine.pid.tmp" && mv "$dir/engine.pid.tmp" "$dir/engine.pid"
while :; do
  wait "$pid"; status=$?
  kill -0 "$pid" 2>/dev/null || break
done
echo "$status" > "$dir/exit.tmp" && mv "$dir/exit.tmp" "$dir/exit"
`;
