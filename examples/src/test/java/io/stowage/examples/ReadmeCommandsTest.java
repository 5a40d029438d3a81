package io.stowage.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.velero.v1.GoDuration;
import io.stowage.api.velero.v1.LabelSelector;
import io.stowage.cli.StoreUri;
import io.stowage.cli.StowageCli;
import io.stowage.core.filter.LabelSelectors;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Every {@code java -jar examples/target/stowage.jar ...} command in README.md's code blocks parses
 * against the command tree of {@link StowageCli}: known commands and options, the right number of
 * arguments, required options present, values that convert. Parsing only ({@link
 * CommandLine#parseArgs}): nothing runs; what a command does is for the tests that run it.
 *
 * <p>The tree is built from the public {@link StowageCli} class with the converters its entry point
 * registers for the value types of its options, rebuilt here from public API: store URIs and
 * durations by their own {@code parse}, label selectors checked by the engine's parser.
 */
class ReadmeCommandsTest {
  static final String PREFIX = "java -jar examples/target/stowage.jar";

  @Test
  void theReadmeHasCommandsToCheck() {
    assertThat(readmeCommands()).hasSizeGreaterThanOrEqualTo(10);
  }

  @TestFactory
  Stream<DynamicTest> everyReadmeCommandParses() {
    return readmeCommands().stream()
        .map(
            command ->
                DynamicTest.dynamicTest(
                    command,
                    () -> {
                      String[] args =
                          words(command.substring(PREFIX.length())).toArray(String[]::new);
                      assertThatCode(() -> commandTree().parseArgs(args))
                          .as(command)
                          .doesNotThrowAnyException();
                    }));
  }

  @Test
  void mistakesAreCaught() {
    assertThatThrownBy(
            () -> commandTree().parseArgs("backup", "create", "x", "--include-namespace", "a"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--include-namespace");
    assertThatThrownBy(() -> commandTree().parseArgs("backup", "get", "--store", "ftp://x"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("ftp");
    assertThatThrownBy(() -> commandTree().parseArgs("backup", "logs", "--store", "file:///x"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("NAME");
  }

  @Test
  void shellWordsAreSplitAsAShellWould() {
    assertThat(words("a \"b c\" 'd&e' f\\ g")).containsExactly("a", "b c", "d&e", "f g");
  }

  private static CommandLine commandTree() {
    CommandLine cli = new CommandLine(new StowageCli());
    cli.registerConverter(StoreUri.class, StoreUri::parse);
    cli.registerConverter(GoDuration.class, GoDuration::parse);
    cli.registerConverter(
        LabelSelector.class,
        text -> {
          LabelSelectors.parse(text);
          return new LabelSelector();
        });
    return cli;
  }

  /** The commands, from each line's {@value #PREFIX} on, continuation lines joined. */
  static List<String> readmeCommands() {
    List<String> commands = new ArrayList<>();
    for (Readme.CodeBlock block : Readme.codeBlocks()) {
      StringBuilder logical = new StringBuilder();
      for (String line : block.lines()) {
        if (line.endsWith("\\")) {
          logical.append(line, 0, line.length() - 1).append(' ');
          continue;
        }
        logical.append(line);
        int start = logical.indexOf(PREFIX);
        if (start >= 0) {
          commands.add(logical.substring(start).strip());
        }
        logical.setLength(0);
      }
    }
    return commands;
  }

  /** Splits like a POSIX shell: blanks separate words, quotes and backslashes group. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed quote in: " + text);
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
