package io.stowage.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class SideFilesTest {
  private static String gunzip(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void resultsAlwaysHoldBothKeys() throws IOException {
    ObjectNode empty = JsonNodeFactory.instance.objectNode();

    assertThat(gunzip(SideFiles.results(empty))).isEqualTo("{\"errors\":{},\"warnings\":{}}\n");
  }

  @Test
  void resultsKeepWhatTheLogCounted() throws IOException {
    ObjectNode results = JsonNodeFactory.instance.objectNode();
    results.putObject("warnings").putArray("velero").add(" message: /careful");

    assertThat(gunzip(SideFiles.results(results)))
        .isEqualTo("{\"errors\":{},\"warnings\":{\"velero\":[\" message: /careful\"]}}\n");
  }
}
