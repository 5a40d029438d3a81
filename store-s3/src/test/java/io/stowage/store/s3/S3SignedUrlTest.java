package io.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signed URLs fetched over plain HTTP with {@code java.net.http}: SigV4 from the SDK's presigner,
 * honouring {@code publicUrl}, and S3's query-string signature v2 for {@code signatureVersion:
 * "1"}. This server accepts both signature versions, so it also shows that a tampered signature is
 * refused.
 */
class S3SignedUrlTest {
  @RegisterExtension static final EmbeddedS3 S3 = new EmbeddedS3(AuthenticationType.AWS_V2_OR_V4);

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static String bucket;

  @BeforeAll
  static void createBucket() {
    bucket = S3.newBucket("signed-urls");
  }

  @Test
  void aSigV4UrlServesTheObjectThroughThePublicUrl() throws Exception {
    // The store talks to 127.0.0.1; users get URLs for "localhost", as behind an ingress.
    String publicUrl = "http://localhost:" + S3.port();
    try (S3ObjectBackupStore store =
        S3ObjectBackupStore.create(S3.config(bucket, Map.of("publicUrl", publicUrl)))) {
      store.putObject(bucket, "backups/b1/b1-logs.gz", stream("log content"));

      URI url = store.createSignedUrl(bucket, "backups/b1/b1-logs.gz", Duration.ofMinutes(10));

      assertThat(url.toString())
          .startsWith(publicUrl + "/" + bucket + "/backups/b1/b1-logs.gz?")
          .contains("X-Amz-Signature=")
          .contains("X-Amz-Expires=600");
      HttpResponse<String> response = get(url);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("log content");

      String text = url.toString();
      int at = text.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
      char other = text.charAt(at) == '0' ? '1' : '0';
      URI tampered = URI.create(text.substring(0, at) + other + text.substring(at + 1));
      assertThat(get(tampered).statusCode()).isEqualTo(403);
    }
  }

  @Test
  void signatureVersionOneSignsWithTheQueryStringV2Scheme() throws Exception {
    try (S3ObjectBackupStore store =
        S3ObjectBackupStore.create(S3.config(bucket, Map.of("signatureVersion", "1")))) {
      store.putObject(bucket, "backups/b 2/file+name.txt", stream("v2 content"));

      URI url = store.createSignedUrl(bucket, "backups/b 2/file+name.txt", Duration.ofMinutes(10));

      assertThat(url.getRawQuery())
          .contains("AWSAccessKeyId=" + EmbeddedS3.ACCESS_KEY)
          .contains("Signature=");
      assertThat(url.getRawPath()).isEqualTo("/" + bucket + "/backups/b%202/file%2Bname.txt");
      HttpResponse<String> response = get(url);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("v2 content");

      URI tampered = URI.create(url.toString().replace("Expires=", "Expires=1"));
      assertThat(get(tampered).statusCode()).isEqualTo(403);
    }
  }

  private static HttpResponse<String> get(URI url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ByteArrayInputStream stream(String content) {
    return new ByteArrayInputStream(content.getBytes());
  }
}
