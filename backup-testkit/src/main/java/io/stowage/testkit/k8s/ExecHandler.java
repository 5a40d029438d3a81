package io.stowage.testkit.k8s;

import java.util.List;

/**
 * Plays the part of a container runtime for {@code pods/exec} requests made against {@link
 * EmbeddedKubernetes}.
 *
 * <p>Called on a worker thread of its own (never the server's event loop), once per exec request,
 * after the client's WebSocket has been accepted. The server does not look the pod up, but
 * fabric8's client does (and waits for it to be ready): seed one first, e.g. with {@link
 * RunningPods#of}.
 *
 * <ul>
 *   <li>Returning an {@link ExecResult} sends its stdout (channel 1) and stderr (channel 2), then a
 *       {@code Status} on channel 3: {@code Success} for exit code 0, otherwise {@code Failure}
 *       with reason {@code NonZeroExitCode} and the code as cause, so fabric8's {@code
 *       ExecWatch.exitCode()} yields it. Streams the client did not ask for are not sent.
 *   <li>Throwing ends the exec with a {@code Failure} status (reason {@code InternalError}, the
 *       exception as message); fabric8 reports exit code -1.
 *   <li>Sleeping simulates a slow or hung command; when the client gives up and closes the
 *       WebSocket, the handler's thread is interrupted.
 * </ul>
 */
@FunctionalInterface
public interface ExecHandler {

  /** The handler used when none is set: every command succeeds silently. */
  ExecHandler SUCCEED_SILENTLY = (namespace, pod, container, command) -> ExecResult.success("");

  /**
   * Runs a command.
   *
   * @param namespace the pod's namespace
   * @param pod the pod's name
   * @param container the container named by the request, or null when it names none
   * @param command the command and its arguments, in order (unmodifiable)
   * @return what the command produced; null counts as {@code ExecResult.success("")}
   * @throws Exception to make the exec fail as described above
   */
  ExecResult exec(String namespace, String pod, String container, List<String> command)
      throws Exception;
}
