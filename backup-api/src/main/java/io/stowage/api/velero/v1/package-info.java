/**
 * The {@code velero.io/v1} API model: {@link io.stowage.api.velero.v1.Backup}, {@link
 * io.stowage.api.velero.v1.BackupStorageLocation}, {@link
 * io.stowage.api.velero.v1.VolumeSnapshotLocation}, the native snapshot record {@link
 * io.stowage.api.velero.v1.NativeVolumeSnapshot}, and {@link io.stowage.api.velero.v1.VeleroJson}
 * to read and write them exactly as Velero does.
 *
 * <p>Conventions of the API objects (mutable wire model, not thread-safe):
 *
 * <ul>
 *   <li>JSON names, field order and omission rules are Velero's Go struct tags: a field with {@code
 *       omitempty} is not written when it holds its zero value; a Go struct field (not a pointer)
 *       is always written, even with {@code omitempty}; a field without {@code omitempty} is always
 *       written.
 *   <li>Lists and maps are never {@code null}; empty means unset. Strings, {@code *bool} fields
 *       ({@link java.lang.Boolean}), pointer structs, times and enums are {@code null} when unset.
 *       Counts are {@code int}, 0 meaning unset. Required Go strings are {@code ""}, never {@code
 *       null}.
 *   <li>Times are {@link java.time.Instant}, written as RFC 3339 UTC to the second. Durations are
 *       {@link io.stowage.api.velero.v1.GoDuration}.
 *   <li>Enums carry Velero's strings; an empty string reads as {@code null}, an unknown one fails
 *       the read.
 *   <li>Every object keeps the JSON fields it does not model, in the same object, and writes them
 *       back ({@link io.stowage.api.velero.v1.ExtensibleObject}).
 * </ul>
 */
package io.stowage.api.velero.v1;
