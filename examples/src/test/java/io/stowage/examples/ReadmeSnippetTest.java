package io.stowage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java blocks of README.md are copies of example sources that compile and are tested: each
 * block's lines must appear, in order and contiguous, in the example it comes from (indented there
 * by the method body's four spaces).
 */
class ReadmeSnippetTest {
  private static final Path CONTROLLER_HOST =
      Path.of("src/main/java/io/stowage/examples/controller/ControllerHost.java");

  @Test
  void theEmbeddingBlockIsControllerHostVerbatim() throws IOException {
    List<Readme.CodeBlock> java =
        Readme.codeBlocks().stream().filter(b -> b.info().equals("java")).toList();
    assertThat(java).as("java blocks in README.md").hasSize(1);
    List<String> snippet = java.get(0).lines();
    // The method body's lines, less its two levels of indentation.
    List<String> source =
        Files.readAllLines(CONTROLLER_HOST).stream()
            .map(line -> line.startsWith("    ") ? line.substring(4) : line.strip())
            .toList();

    assertThat(snippet).hasSizeBetween(10, 20);
    assertThat(Collections.indexOfSubList(source, snippet))
        .as("README.md's embedding block inside %s", CONTROLLER_HOST)
        .isNotNegative();
  }
}
