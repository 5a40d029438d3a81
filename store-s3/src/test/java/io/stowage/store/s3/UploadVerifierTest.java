package io.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UploadVerifierTest {
  private final UploadVerifier verifier =
      new UploadVerifier(true, Optional.of(UploadChecksum.CRC32));

  @Test
  void acceptsWhatS3ReturnsForTheBytesSent() throws Exception {
    PartBuffer hello = part("hello");
    // Values S3Proxy returned for "hello": ETag = MD5, CRC32 echoed, composite of one part.
    assertThatCode(
            () ->
                verifier.verifySinglePart(
                    "x", hello, "\"5d41402abc4b2a76b9719d911017c592\"", Optional.of("NhCmhg==")))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                verifier.verifyMultipart(
                    "x",
                    List.of(hello.md5()),
                    List.of(hello.checksum().orElseThrow()),
                    "\"62109206880d38a4010a98e11243924a-1\"",
                    Optional.of("FKTmaw==-1")))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesADifferentEtagChecksumOrComposite() throws Exception {
    PartBuffer hello = part("hello");
    assertThatThrownBy(
            () ->
                verifier.verifySinglePart(
                    "x", hello, "\"00000000000000000000000000000000\"", Optional.empty()))
        .isInstanceOf(S3StoreException.class)
        .hasMessageContaining("is not the MD5 5d41402abc4b2a76b9719d911017c592");
    assertThatThrownBy(() -> verifier.verifySinglePart("x", hello, null, Optional.of("AAAAAA==")))
        .hasMessageContaining("returned CRC32 AAAAAA==");
    assertThatThrownBy(
            () ->
                verifier.verifyMultipart(
                    "x",
                    List.of(hello.md5()),
                    List.of(hello.checksum().orElseThrow()),
                    "\"62109206880d38a4010a98e11243924a-1\"",
                    Optional.of("AAAAAA==-1")))
        .hasMessageContaining("composite CRC32");
    assertThatThrownBy(
            () ->
                verifier.verifyMultipart(
                    "x",
                    List.of(hello.md5()),
                    List.of(hello.checksum().orElseThrow()),
                    "\"00000000000000000000000000000000-1\"",
                    Optional.empty()))
        .hasMessageContaining("MD5 of the 1 parts' MD5s");
  }

  @Test
  void opaqueEtagsAndMissingChecksumsAreNotEvidenceEitherWay() throws Exception {
    PartBuffer hello = part("hello");
    assertThatCode(() -> verifier.verifySinglePart("x", hello, "\"opaque-etag\"", Optional.empty()))
        .doesNotThrowAnyException();
    UploadVerifier noEtags = new UploadVerifier(false, Optional.empty());
    assertThatCode(
            () ->
                noEtags.verifySinglePart(
                    "x", hello, "\"00000000000000000000000000000000\"", Optional.empty()))
        .doesNotThrowAnyException();
  }

  private static PartBuffer part(String content) throws Exception {
    PartBuffer buffer = new PartBuffer();
    new PartReader(new ByteArrayInputStream(content.getBytes()), Optional.of(UploadChecksum.CRC32))
        .fill(buffer, 1024);
    return buffer;
  }
}
