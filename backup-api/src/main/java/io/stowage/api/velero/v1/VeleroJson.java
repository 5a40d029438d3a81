package io.stowage.api.velero.v1;

import java.io.InputStream;
import tools.jackson.databind.json.JsonMapper;

/** JSON reading and writing of the velero.io/v1 model. SKELETON: completed by the model work. */
public final class VeleroJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private VeleroJson() {}

  public static JsonMapper mapper() {
    return MAPPER;
  }

  public static Backup readBackup(InputStream in) {
    return MAPPER.readValue(in, Backup.class);
  }
}
