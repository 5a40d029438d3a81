package io.stowage.k8s.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap and GC figures of one measured section of this JVM:
 *
 * <ul>
 *   <li>peak heap: the peak usage of every heap pool summed (an upper bound: the pools peak at
 *       different moments);
 *   <li>max heap after GC: the largest heap occupancy right after any collection in the section,
 *       the closest figure to the live set the run needs;
 *   <li>GC count and time; bytes allocated by the threads alive at the end.
 * </ul>
 */
final class HeapMeter {
  private final List<MemoryPoolMXBean> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .toList();
  private final Set<String> heapPoolNames =
      heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private final List<GarbageCollectorMXBean> collectors =
      ManagementFactory.getGarbageCollectorMXBeans();
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final AtomicLong maxAfterGc = new AtomicLong();

  HeapMeter() {
    NotificationListener listener = this::onGc;
    for (GarbageCollectorMXBean collector : collectors) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
      }
    }
  }

  /** Figures of one section. */
  record Figures(
      long peakHeapBytes, long maxAfterGcBytes, long gcCount, long gcMillis, long allocatedBytes) {}

  /** A started section. */
  final class Section {
    private final long gcCount;
    private final long gcMillis;
    private final long allocated;

    private Section() {
      System.gc();
      heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
      maxAfterGc.set(0);
      gcCount = gcCount();
      gcMillis = gcMillis();
      allocated = allocated();
    }

    Figures stop() {
      long peak = 0;
      for (MemoryPoolMXBean pool : heapPools) {
        peak += pool.getPeakUsage().getUsed();
      }
      return new Figures(
          peak,
          maxAfterGc.get(),
          gcCount() - gcCount,
          gcMillis() - gcMillis,
          allocated() - allocated);
    }
  }

  Section start() {
    return new Section();
  }

  private void onGc(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool :
        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPoolNames.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    long sum = used;
    maxAfterGc.accumulateAndGet(sum, Math::max);
  }

  private long gcCount() {
    long count = 0;
    for (GarbageCollectorMXBean collector : collectors) {
      count += Math.max(0, collector.getCollectionCount());
    }
    return count;
  }

  private long gcMillis() {
    long millis = 0;
    for (GarbageCollectorMXBean collector : collectors) {
      millis += Math.max(0, collector.getCollectionTime());
    }
    return millis;
  }

  private long allocated() {
    long total = 0;
    for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      total += Math.max(0, bytes);
    }
    return total;
  }
}
