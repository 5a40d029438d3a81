package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code spec.uploaderConfig} of a Backup (Velero's {@code UploaderConfigForBackup}): settings for
 * the file-system backup uploader. {@code 0} means unset and is not written.
 */
@JsonPropertyOrder({"parallelFilesUpload"})
public class UploaderConfig extends ExtensibleObject {
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private int parallelFilesUpload;

  public int getParallelFilesUpload() {
    return parallelFilesUpload;
  }

  public void setParallelFilesUpload(int parallelFilesUpload) {
    this.parallelFilesUpload = parallelFilesUpload;
  }
}
