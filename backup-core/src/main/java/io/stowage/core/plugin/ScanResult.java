package io.stowage.core.plugin;

import java.util.List;

/** What scanning for one kind of provider found: usable providers, refusals and all problems. */
record ScanResult<P>(
    List<LoadedProvider<P>> loaded, List<Refusal> refused, List<PluginProblem> problems) {
  ScanResult {
    loaded = List.copyOf(loaded);
    refused = List.copyOf(refused);
    problems = List.copyOf(problems);
  }
}
