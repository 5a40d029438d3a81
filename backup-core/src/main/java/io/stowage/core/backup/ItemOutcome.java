package io.stowage.core.backup;

/** What became of one item handed to the {@link ItemBackupper}. */
enum ItemOutcome {
  /** Written to the tarball now. */
  WRITTEN,
  /** Already in the backed-up set; nothing written again. */
  ALREADY_BACKED_UP,
  /** Left out by a rule (filters, the exclude label, deletion, an action's skip). */
  SKIPPED,
  /** Not written because of an error, which was logged. */
  FAILED
}
