package io.stowage.testkit.k8s;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a {@code pods/exec} request: where to run, what, and which streams the client reads.
 */
record ExecTarget(
    String namespace,
    String pod,
    String container,
    List<String> command,
    boolean stdout,
    boolean stderr,
    boolean tty) {

  private static final Pattern EXEC_PATH =
      Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/exec");

  ExecTarget {
    command = List.copyOf(command);
  }

  /** The exec target of a request, or empty when it is not a {@code pods/exec} request. */
  static Optional<ExecTarget> of(ApiRequest request) {
    Matcher m = EXEC_PATH.matcher(request.path());
    if (!m.matches()) {
      return Optional.empty();
    }
    String container = request.param("container");
    return Optional.of(
        new ExecTarget(
            m.group(1),
            m.group(2),
            container == null || container.isEmpty() ? null : container,
            request.params("command"),
            request.flag("stdout"),
            request.flag("stderr"),
            request.flag("tty")));
  }
}
