/**
 * The backup tarball, byte-compatible with Velero's: {@link io.stowage.core.archive.TarballWriter}
 * writes the gzip-compressed tar with Velero's entry layout ({@link
 * io.stowage.core.archive.ArchiveLayout}), and {@link io.stowage.core.archive.GoJson} encodes JSON
 * exactly as Go's {@code encoding/json} does, so item files match Velero's byte for byte.
 */
package io.stowage.core.archive;
