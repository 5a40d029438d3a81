package io.stowage.store.filesystem;

import java.nio.file.FileSystem;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creation attributes that make new files {@code 0600} and new directories {@code 0700}, because
 * backups contain Secrets. On a file system without POSIX permissions there are none, and the files
 * get the platform's defaults. The attributes are applied when a file or directory is created, so
 * it is never readable by others, not even for a moment; the umask can only remove bits from them.
 */
final class OwnerOnly {
  private static final FileAttribute<?>[] NONE = new FileAttribute<?>[0];

  private final FileAttribute<?>[] file;
  private final FileAttribute<?>[] directory;

  private OwnerOnly(FileAttribute<?>[] file, FileAttribute<?>[] directory) {
    this.file = file;
    this.directory = directory;
  }

  static OwnerOnly on(FileSystem fileSystem) {
    if (!fileSystem.supportedFileAttributeViews().contains("posix")) {
      return new OwnerOnly(NONE, NONE);
    }
    return new OwnerOnly(
        new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        },
        new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
        });
  }

  /** Attributes for a new file. */
  FileAttribute<?>[] file() {
    return file.clone();
  }

  /** Attributes for a new directory. */
  FileAttribute<?>[] directory() {
    return directory.clone();
  }
}
