package io.stowage.store.s3;

import com.google.auto.service.AutoService;
import io.stowage.api.spi.ObjectBackupStore;
import io.stowage.api.spi.ObjectBackupStoreProvider;
import io.stowage.api.spi.PluginContext;
import java.util.Set;

/**
 * Provider {@code aws} (alias {@code velero.io/aws}, the name Velero's AWS plugin registers), so a
 * BackupStorageLocation with {@code provider: aws} or {@code velero.io/aws} works unchanged. {@link
 * #create} parses and checks the config (unknown keys are rejected with the valid ones), loads the
 * credentials and, when neither {@code region} nor {@code s3Url} is set, asks AWS for the bucket's
 * region.
 */
@AutoService(ObjectBackupStoreProvider.class)
public final class S3ObjectBackupStoreProvider implements ObjectBackupStoreProvider {
  public static final String NAME = "aws";
  public static final String VELERO_NAME = "velero.io/aws";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> aliases() {
    return Set.of(VELERO_NAME);
  }

  @Override
  public ObjectBackupStore create(PluginContext context) {
    return S3ObjectBackupStore.builder(S3StoreConfig.parse(context.config()))
        .cluster(context.cluster())
        .build();
  }
}
