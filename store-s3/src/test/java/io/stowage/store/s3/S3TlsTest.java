package io.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An endpoint with a private CA: refused with a hint by default, trusted with {@code caCert} (the
 * PEM Velero passes from the BackupStorageLocation's {@code caCertRef}), or unchecked with {@code
 * insecureSkipTLSVerify=true}. The certificate is made by the JDK's keytool for 127.0.0.1.
 */
class S3TlsTest {
  private static final String PASSWORD = "changeit";
  private static final Path DIR = tempDir();
  private static final Path KEY_STORE = DIR.resolve("s3proxy.p12");

  @RegisterExtension static final EmbeddedS3 S3 = new EmbeddedS3(keyStore(), PASSWORD);

  private static String bucket;
  private static String caPem;

  @BeforeAll
  static void createBucket() throws Exception {
    bucket = S3.newBucket("tls");
    caPem = Files.readString(DIR.resolve("s3proxy.pem"));
  }

  @Test
  void anUnknownCaIsRefusedWithAHint() {
    try (S3ObjectBackupStore store = S3ObjectBackupStore.create(S3.config(bucket))) {
      assertThatThrownBy(() -> store.objectExists(bucket, "k"))
          .isInstanceOfSatisfying(
              S3StoreException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(S3ErrorCode.TLS_FAILED);
                assertThat(e.hint().orElseThrow()).contains("caCert");
              })
          .hasMessageContaining(S3.endpoint().toString());
    }
  }

  @Test
  void caCertTrustsThePrivateCa() throws Exception {
    try (S3ObjectBackupStore store =
        S3ObjectBackupStore.create(S3.config(bucket, Map.of("caCert", caPem)))) {
      store.putObject(bucket, "over-tls", new ByteArrayInputStream("secure".getBytes()));
      try (InputStream in = store.getObject(bucket, "over-tls")) {
        assertThat(new String(in.readAllBytes())).isEqualTo("secure");
      }
    }
  }

  @Test
  void insecureSkipTlsVerifyAcceptsAnyCertificate() {
    try (S3ObjectBackupStore store =
        S3ObjectBackupStore.create(S3.config(bucket, Map.of("insecureSkipTLSVerify", "true")))) {
      store.putObject(bucket, "unchecked", new ByteArrayInputStream("x".getBytes()));
      assertThat(store.objectExists(bucket, "unchecked")).isTrue();
    }
  }

  @Test
  void aCaCertThatIsNotPemIsRefusedWhenTheStoreIsCreated() {
    assertThatThrownBy(
            () -> S3ObjectBackupStore.create(S3.config(bucket, Map.of("caCert", "not a cert"))))
        .hasMessageContaining("caCert");
  }

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("stowage-tls");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A self-signed certificate for 127.0.0.1 in a PKCS#12 store, and its PEM beside it. */
  private static Path keyStore() {
    String keytool =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "keytool";
    run(
        keytool,
        "-genkeypair",
        "-alias",
        "s3",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2",
        "-keystore",
        KEY_STORE.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    run(
        keytool,
        "-exportcert",
        "-rfc",
        "-alias",
        "s3",
        "-keystore",
        KEY_STORE.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        DIR.resolve("s3proxy.pem").toString());
    KEY_STORE.toFile().deleteOnExit();
    DIR.resolve("s3proxy.pem").toFile().deleteOnExit();
    return KEY_STORE;
  }

  private static void run(String... command) {
    try {
      Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
