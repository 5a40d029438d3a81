package io.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 200 MiB stream of unknown length goes up through the store in a JVM whose heap is capped at 96
 * MiB, so it cannot have been held in memory, and comes back with the same SHA-256. The server runs
 * in this JVM; the client in a child JVM started with {@code java -Xmx96m}.
 */
class BigUploadTest {
  @RegisterExtension static final EmbeddedS3 S3 = new EmbeddedS3();
  private static final long SIZE = 200L * 1024 * 1024;
  private static final Pattern RESULT =
      Pattern.compile(
          "sha256=([0-9a-f]{64}) size=(\\d+) seconds=(\\S+) maxHeapMiB=(\\d+) peakHeapMiB=(\\d+)");

  @Test
  void twoHundredMebibytesStreamThroughA96MebibyteHeap() throws Exception {
    String bucket = S3.newBucket("big-upload");
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx96m",
                    "-XX:+UseSerialGC",
                    "-cp",
                    classpath,
                    BigUploadMain.class.getName(),
                    S3.endpoint().toString(),
                    bucket,
                    S3.credentialsFile().toString(),
                    "backups/big/big.tar.gz",
                    Long.toString(SIZE)))
            .redirectErrorStream(true)
            .start();
    String output;
    try (InputStream in = child.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(child.waitFor(180, TimeUnit.SECONDS)).as(output).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    Matcher result = RESULT.matcher(output);
    assertThat(result.find()).as(output).isTrue();
    System.out.println("child JVM: " + result.group());
    assertThat(Long.parseLong(result.group(2))).isEqualTo(SIZE);
    assertThat(Long.parseLong(result.group(4))).isLessThanOrEqualTo(96);

    assertThat(
            S3.admin()
                .headObject(b -> b.bucket(bucket).key("backups/big/big.tar.gz"))
                .contentLength())
        .isEqualTo(SIZE);
    try (InputStream in =
        S3.admin().getObject(b -> b.bucket(bucket).key("backups/big/big.tar.gz"))) {
      String[] read = TestStreams.sha256AndSize(in);
      assertThat(read[1]).isEqualTo(Long.toString(SIZE));
      assertThat(read[0]).isEqualTo(result.group(1));
    }
    assertThat(S3.admin().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
  }
}
