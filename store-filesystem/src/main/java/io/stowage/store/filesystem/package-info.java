/**
 * An object store on a local directory, in a bucket's key layout: {@link
 * io.stowage.store.filesystem.FilesystemObjectBackupStore}, selected as provider {@code filesystem}
 * through {@link io.stowage.store.filesystem.FilesystemObjectBackupStoreProvider}.
 */
package io.stowage.store.filesystem;
