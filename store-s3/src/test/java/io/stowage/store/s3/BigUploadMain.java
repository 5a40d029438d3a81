package io.stowage.store.s3;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads a generated stream of unknown length through the store, for {@link BigUploadTest}, which
 * runs it in its own JVM with a small heap. Prints one line: {@code sha256=<hex> size=<bytes>
 * seconds=<s> maxHeapMiB=<-Xmx> peakHeapMiB=<sum of the heap pools' peaks>}.
 *
 * <p>Arguments: endpoint, bucket, credentials file, key, size in bytes, and optionally {@code
 * plain} to upload the same kind of content with a plain SDK PutObject from a byte array instead
 * (for the benchmark's memory comparison).
 */
public final class BigUploadMain {
  private BigUploadMain() {}

  public static void main(String[] args) throws Exception {
    String endpoint = args[0];
    String bucket = args[1];
    String credentialsFile = args[2];
    String key = args[3];
    long size = Long.parseLong(args[4]);
    Map<String, String> config =
        Map.of(
            "bucket", bucket,
            "region", "us-east-1",
            "s3Url", endpoint,
            "s3ForcePathStyle", "true",
            "credentialsFile", credentialsFile);
    TestStreams.Generated body = new TestStreams.Generated(size, 42);
    long start = System.nanoTime();
    if (args.length > 5 && args[5].equals("plain")) {
      byte[] bytes = body.readAllBytes();
      try (S3Client plain =
          S3Client.builder()
              .endpointOverride(URI.create(endpoint))
              .region(Region.US_EAST_1)
              .forcePathStyle(true)
              .credentialsProvider(
                  StaticCredentialsProvider.create(
                      AwsBasicCredentials.create(EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY)))
              .build()) {
        plain.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
      }
    } else {
      try (S3ObjectBackupStore store = S3ObjectBackupStore.create(config)) {
        store.putObject(bucket, key, body);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "sha256=%s size=%d seconds=%.2f maxHeapMiB=%d peakHeapMiB=%d%n",
        body.digest(),
        body.served(),
        seconds,
        Runtime.getRuntime().maxMemory() >> 20,
        peakHeap() >> 20);
  }

  /** Sum of the peak usage of every heap pool: an upper bound of the peak heap. */
  static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
