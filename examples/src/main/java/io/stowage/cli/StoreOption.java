package io.stowage.cli;

import picocli.CommandLine.Option;

/** {@code --store <uri>} of the commands that read backups; no cluster is needed. */
final class StoreOption {
  @Option(
      names = "--store",
      required = true,
      paramLabel = "<uri>",
      description = {
        "Where the backups are: file://<directory> or s3://<bucket>[/<prefix>]?region=...",
        "Query parameters become store config keys."
      })
  StoreUri uri;

  OpenStore open(Plugins plugins) {
    return OpenStore.forReading(uri, plugins.registry());
  }
}
