package io.stowage.store.s3;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Upload throughput of the store against a plain SDK PutObject of the same bytes, both to an
 * embedded S3Proxy ({@code transient} store) on loopback in this JVM. Not a test: run it by hand
 * (see {@code docs/benchmarks.md}); speed targets live here, never in timed unit tests.
 *
 * <p>Throughput: every variant uploads the same random bytes; two warm-up rounds each, then {@code
 * rounds} measured rounds with the variants interleaved, so that load from other processes spreads
 * over all of them. Printed per variant: median and best MiB/s, and the peak heap of this JVM above
 * its settled baseline during the run, which includes S3Proxy's in-memory copy of the object.
 *
 * <p>Memory of the client alone: one upload in a fresh JVM per line, with the heap capped; printed
 * is whether it succeeded and the sum of the heap pools' peaks (an upper bound of the peak heap).
 *
 * <p>Arguments: size in MiB (default 200), measured rounds (default 5).
 */
public final class S3UploadBenchmark {
  private S3UploadBenchmark() {}

  interface Upload {
    void run(String key) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int mib = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    byte[] data = new byte[mib * 1024 * 1024];
    new Random(1).nextBytes(data);

    EmbeddedS3 s3 = new EmbeddedS3();
    s3.start();
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      String bucket = s3.newBucket("bench");
      System.out.printf(
          "%d MiB of random bytes; S3Proxy 4.1.0 transient on loopback in the same JVM; %d cores;"
              + " Java %s; -Xmx%dm; load average %s%n",
          mib,
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          Runtime.getRuntime().maxMemory() >> 20,
          loadAverage());

      Map<String, Upload> variants = new LinkedHashMap<>();
      S3ObjectBackupStore defaults = S3ObjectBackupStore.create(s3.config(bucket));
      resources.add(defaults);
      variants.put(
          "store putObject, defaults (16 MiB parts, CRC32 header)",
          key -> defaults.putObject(bucket, key, new ByteArrayInputStream(data)));
      S3ObjectBackupStore small =
          S3ObjectBackupStore.create(s3.config(bucket, Map.of("multipartPartSize", "8Mi")));
      resources.add(small);
      variants.put(
          "store putObject, multipartPartSize=8Mi",
          key -> small.putObject(bucket, key, new ByteArrayInputStream(data)));
      S3ObjectBackupStore legacy =
          S3ObjectBackupStore.create(s3.config(bucket, Map.of("compatibilityMode", "legacy")));
      resources.add(legacy);
      variants.put(
          "store putObject, compatibilityMode=legacy",
          key -> legacy.putObject(bucket, key, new ByteArrayInputStream(data)));
      S3Client plain =
          S3Client.builder()
              .endpointOverride(s3.endpoint())
              .region(Region.US_EAST_1)
              .forcePathStyle(true)
              .credentialsProvider(
                  StaticCredentialsProvider.create(
                      AwsBasicCredentials.create(EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY)))
              .build();
      resources.add(plain);
      variants.put(
          "plain SDK PutObject, RequestBody.fromBytes, SDK defaults",
          key -> plain.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(data)));
      variants.put(
          "plain SDK multipart, 8 MiB parts in sequence, SDK defaults",
          key -> plainMultipart(plain, bucket, key, data, 8 << 20));

      for (int warmUp = 0; warmUp < 2; warmUp++) {
        for (Upload upload : variants.values()) {
          upload.run("warm-up");
          s3.empty(bucket);
        }
      }
      Map<String, List<Double>> rates = new LinkedHashMap<>();
      Map<String, Long> peaks = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (Map.Entry<String, Upload> variant : variants.entrySet()) {
          long baseline = settledHeap();
          resetPeaks();
          long start = System.nanoTime();
          variant.getValue().run("bench");
          double seconds = (System.nanoTime() - start) / 1e9;
          peaks.merge(variant.getKey(), peakHeap() - baseline, Math::max);
          rates.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(mib / seconds);
          s3.empty(bucket);
        }
      }
      System.out.printf("%-58s %12s %12s %13s%n", "variant", "median", "best", "peak heap +");
      for (String name : variants.keySet()) {
        List<Double> sorted = new ArrayList<>(rates.get(name));
        Collections.sort(sorted);
        System.out.printf(
            "%-58s %6.0f MiB/s %6.0f MiB/s %9d MiB%n",
            name,
            sorted.get(sorted.size() / 2),
            sorted.get(sorted.size() - 1),
            peaks.get(name) >> 20);
      }

      System.out.println();
      System.out.println(
          "client alone: one upload of the same size in a fresh JVM (peak heap = sum of pool peaks)");
      for (String[] run :
          List.of(
              new String[] {"store", "96m"},
              new String[] {"plain", "96m"},
              new String[] {"plain", "1g"})) {
        System.out.printf(
            "  %-5s -Xmx%-4s %s%n", run[0], run[1], child(s3, bucket, mib, run[0], run[1]));
        s3.empty(bucket);
      }
    } finally {
      for (AutoCloseable resource : resources) {
        resource.close();
      }
      s3.stop();
    }
  }

  /** What a hand-written multipart upload does: no digests of its own, one part at a time. */
  private static void plainMultipart(
      S3Client s3, String bucket, String key, byte[] data, int part) {
    String id =
        s3.createMultipartUpload(b -> b.bucket(bucket).key(key).checksumAlgorithm("CRC32"))
            .uploadId();
    List<CompletedPart> parts = new ArrayList<>();
    for (int offset = 0, n = 1; offset < data.length; offset += part, n++) {
      int length = Math.min(part, data.length - offset);
      int number = n;
      int from = offset;
      UploadPartResponse response =
          s3.uploadPart(
              b ->
                  b.bucket(bucket)
                      .key(key)
                      .uploadId(id)
                      .partNumber(number)
                      .checksumAlgorithm("CRC32"),
              RequestBody.fromContentProvider(
                  () -> new ByteArrayInputStream(data, from, length),
                  length,
                  "application/octet-stream"));
      parts.add(
          CompletedPart.builder()
              .partNumber(number)
              .eTag(response.eTag())
              .checksumCRC32(response.checksumCRC32())
              .build());
    }
    s3.completeMultipartUpload(
        b -> b.bucket(bucket).key(key).uploadId(id).multipartUpload(m -> m.parts(parts)));
  }

  private static String child(EmbeddedS3 s3, String bucket, int mib, String mode, String heap)
      throws Exception {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process process =
        new ProcessBuilder(
                java,
                "-Xmx" + heap,
                "-cp",
                System.getProperty("java.class.path"),
                BigUploadMain.class.getName(),
                s3.endpoint().toString(),
                bucket,
                s3.credentialsFile().toString(),
                "child-" + mode,
                Long.toString(mib * 1024L * 1024),
                mode)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    if (exit != 0) {
      return "FAILED: "
          + (output.contains("OutOfMemoryError") ? "java.lang.OutOfMemoryError" : output.trim());
    }
    String[] lines = output.trim().split("\\n");
    return "ok: " + lines[lines.length - 1].replaceAll("sha256=\\S+ ", "");
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static long settledHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
