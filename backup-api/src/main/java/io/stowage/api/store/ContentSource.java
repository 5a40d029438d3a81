package io.stowage.api.store;

import java.io.IOException;
import java.io.InputStream;

/** Opens the content of one file to upload; may be called again to retry. */
@FunctionalInterface
public interface ContentSource {
  InputStream open() throws IOException;
}
