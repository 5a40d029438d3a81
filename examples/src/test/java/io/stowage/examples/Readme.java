package io.stowage.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The top-level README.md, split into its fenced code blocks. */
public final class Readme {
  private Readme() {}

  /** README.md of the repository; tests run in the {@code examples} module's directory. */
  public static Path path() {
    return Path.of("..", "README.md").toAbsolutePath().normalize();
  }

  /** Each fenced code block: its info string ({@code java}, or {@code ""}) and its lines. */
  public record CodeBlock(String info, List<String> lines) {}

  public static List<CodeBlock> codeBlocks() {
    List<String> lines;
    try {
      lines = Files.readAllLines(path());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<CodeBlock> blocks = new ArrayList<>();
    String info = null;
    List<String> current = null;
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.startsWith("```")) {
        if (current == null) {
          info = trimmed.substring(3).strip();
          current = new ArrayList<>();
        } else {
          blocks.add(new CodeBlock(info, List.copyOf(current)));
          current = null;
        }
      } else if (current != null) {
        current.add(line);
      }
    }
    return blocks;
  }
}
