package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A hook that runs a command in a container of the pod through the pod exec API.
 *
 * <ul>
 *   <li>{@code container}: {@code null} (or empty) means the pod's first container.
 *   <li>{@code command}: the command and its arguments; at least one item; never {@code null} and
 *       always written.
 *   <li>{@code onError}: {@code null} when unset (see {@link HookErrorMode} for what that does).
 *   <li>{@code timeout}: never {@code null} and always written ({@code "0s"} when unset); zero
 *       means the default of 30 seconds.
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"container", "command", "onError", "timeout"})
public class ExecHook extends ExtensibleObject {
  private String container;

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private List<String> command = new ArrayList<>();

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private HookErrorMode onError;

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private GoDuration timeout = GoDuration.ZERO;

  public String getContainer() {
    return container;
  }

  public void setContainer(String container) {
    this.container = container;
  }

  public List<String> getCommand() {
    return command;
  }

  public void setCommand(List<String> command) {
    this.command = Fields.copyOf(command);
  }

  public HookErrorMode getOnError() {
    return onError;
  }

  public void setOnError(HookErrorMode onError) {
    this.onError = onError;
  }

  public GoDuration getTimeout() {
    return timeout;
  }

  public void setTimeout(GoDuration timeout) {
    this.timeout = timeout == null ? GoDuration.ZERO : timeout;
  }
}
