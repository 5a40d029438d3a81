package io.stowage.store.s3;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks that what the server says it stored is what Stowage sent: the flexible checksum the server
 * returns against the one computed while reading, and (when ETags are MD5s, that is without SSE-KMS
 * or SSE-C, and unless {@code verifyETag=false}) the ETag against the MD5 of the bytes: a part's
 * ETag is its MD5, a multipart object's ETag is the MD5 of the parts' MD5s followed by {@code -N},
 * and a composite checksum is the checksum of the parts' checksums followed by {@code -N}.
 *
 * <p>A server that stores something else (velero#9951: the aws-chunked framing kept as content)
 * returns an ETag that cannot match, so the damage is caught at upload time, not at restore time.
 * Evidence the server does not return is not required: a store without checksums and with opaque
 * ETags is trusted to have validated the checksum or Content-MD5 it received.
 */
final class UploadVerifier {
  private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern MULTIPART_ETAG = Pattern.compile("([0-9a-f]{32})-(\\d+)");

  private final boolean verifyETag;
  private final Optional<UploadChecksum> checksum;

  UploadVerifier(boolean verifyETag, Optional<UploadChecksum> checksum) {
    this.verifyETag = verifyETag;
    this.checksum = checksum;
  }

  /**
   * Verifies one PutObject or UploadPart. {@code what} names it for the message ("part 3 of key k
   * in bucket b at endpoint e").
   */
  void verifySinglePart(String what, PartBuffer sent, String etag, Optional<String> returned) {
    if (checksum.isPresent() && returned.isPresent()) {
      String expected = sent.checksumBase64().orElseThrow();
      if (!expected.equals(returned.get())) {
        throw mismatch(
            what,
            "the store returned "
                + checksum.get()
                + " "
                + returned.get()
                + " for "
                + sent.length()
                + " bytes whose "
                + checksum.get()
                + " is "
                + expected);
      }
    }
    if (verifyETag && etag != null) {
      String normalized = normalize(etag);
      if (MD5_HEX.matcher(normalized).matches() && !normalized.equals(sent.md5Hex())) {
        throw mismatch(
            what,
            "the store's ETag "
                + normalized
                + " is not the MD5 "
                + sent.md5Hex()
                + " of the "
                + sent.length()
                + " bytes sent");
      }
    }
  }

  /** Verifies a completed multipart upload against the digests of its parts, in order. */
  void verifyMultipart(
      String what,
      List<byte[]> partMd5s,
      List<byte[]> partChecksums,
      String etag,
      Optional<String> returned) {
    int parts = partMd5s.size();
    if (checksum.isPresent() && returned.isPresent() && returned.get().endsWith("-" + parts)) {
      UploadChecksum.Digest composite = checksum.get().newDigest();
      for (byte[] c : partChecksums) {
        composite.update(c, 0, c.length);
      }
      String expected = Base64.getEncoder().encodeToString(composite.finish()) + "-" + parts;
      if (!expected.equals(returned.get())) {
        throw mismatch(
            what,
            "the store's composite "
                + checksum.get()
                + " "
                + returned.get()
                + " differs from "
                + expected
                + ", the checksum of the "
                + parts
                + " parts' checksums");
      }
    }
    if (verifyETag && etag != null) {
      var matcher = MULTIPART_ETAG.matcher(normalize(etag));
      if (matcher.matches()) {
        UploadChecksum.Digest md5 = UploadChecksum.md5();
        for (byte[] m : partMd5s) {
          md5.update(m, 0, m.length);
        }
        String expected = PartBuffer.hex(md5.finish()) + "-" + parts;
        if (!expected.equals(normalize(etag))) {
          throw mismatch(
              what,
              "the store's ETag "
                  + normalize(etag)
                  + " differs from "
                  + expected
                  + ", the MD5 of the "
                  + parts
                  + " parts' MD5s");
        }
      }
    }
  }

  private static String normalize(String etag) {
    String e = etag.trim();
    if (e.startsWith("W/")) {
      e = e.substring(2);
    }
    if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
      e = e.substring(1, e.length() - 1);
    }
    return e.toLowerCase(Locale.ROOT);
  }

  private static S3StoreException mismatch(String what, String detail) {
    return new S3StoreException(
        S3ErrorCode.INTEGRITY_MISMATCH,
        "integrity check failed for " + what + ": " + detail + ".",
        "The bytes changed between Stowage and the store, or the store keeps something else than"
            + " the content (a proxy rewriting bodies, or a store that saves the aws-chunked"
            + " framing, velero#9951). Try compatibilityMode=legacy (plain bodies with"
            + " Content-MD5) or chunkedEncoding=false. Only if this store's ETags are not MD5s"
            + " (encryption at rest such as MinIO auto-encryption), set verifyETag=false.",
        null);
  }
}
