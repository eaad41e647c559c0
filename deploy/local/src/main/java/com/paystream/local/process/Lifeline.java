package com.paystream.local.process;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a child's command so that it can never outlive the launcher.
 *
 * <p>Each child runs as {@code setsid -w sh -c SCRIPT name command...}:
 *
 * <ul>
 *   <li>{@code setsid} puts it in its own session and process group, so a Ctrl-C in the terminal
 *       reaches only the launcher, which then stops the children in order (services, broker,
 *       PostgreSQL) instead of all of them at once; the group id is the pid the launcher holds, so
 *       a whole group can be killed if a child hangs.
 *   <li>The shell keeps the launcher's end of a pipe on its stdin. The launcher never writes to it;
 *       when the launcher dies for any reason, even {@code kill -9}, the kernel closes the pipe,
 *       the shell reads end-of-file and sends SIGTERM to the command, which shuts down cleanly.
 *   <li>The shell forwards SIGTERM/SIGINT to the command and exits with the command's status, so
 *       the launcher sees the command's death (e.g. 137 after a {@code kill -9} of the service).
 * </ul>
 */
final class Lifeline {

  /** $0 is the child's name (shown by ps), "$@" its command. */
  static final String SCRIPT =
      String.join(
          "\n",
          "exec 3<&0 </dev/null",
          "\"$@\" 3<&- &",
          "child=$!",
          "trap 'kill -TERM \"$child\" 2>/dev/null' TERM INT HUP",
          "( while read -r _ <&3; do :; done; kill -TERM \"$child\" 2>/dev/null ) &",
          "watcher=$!",
          "exec 3<&-",
          // wait returns early when a trapped signal arrives; keep waiting for the real status.
          "while :; do",
          "  wait \"$child\"; status=$?",
          "  kill -0 \"$child\" 2>/dev/null || break",
          "done",
          "kill \"$watcher\" 2>/dev/null",
          "exit \"$status\"");

  private Lifeline() {}

  static List<String> wrap(String name, List<String> command) {
    List<String> wrapped = new ArrayList<>(List.of("setsid", "-w", "sh", "-c", SCRIPT, name));
    wrapped.addAll(command);
    return wrapped;
  }
}
