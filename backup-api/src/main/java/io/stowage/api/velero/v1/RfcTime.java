package io.stowage.api.velero.v1;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ser.std.StdScalarSerializer;

/**
 * Marks an {@link Instant} property as a Kubernetes {@code metav1.Time}: written as RFC 3339 in UTC
 * with second precision ({@code "2026-01-02T03:04:05Z"}), read leniently (fractions, offsets). The
 * annotation carries the serializers, so the model writes the same JSON with any Jackson 3 mapper.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = RfcTime.Serializer.class)
@JsonDeserialize(using = RfcTime.Deserializer.class)
@interface RfcTime {

  /** Writes {@link VeleroJson#formatTime}. */
  final class Serializer extends StdScalarSerializer<Instant> {
    Serializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
      gen.writeString(VeleroJson.formatTime(value));
    }
  }

  /** Reads with {@link VeleroJson#parseTime}; {@code null} and {@code ""} read as null. */
  final class Deserializer extends StdScalarDeserializer<Instant> {
    Deserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      String text = p.getString();
      try {
        return VeleroJson.parseTime(text);
      } catch (DateTimeParseException e) {
        return (Instant)
            ctxt.handleWeirdStringValue(
                Instant.class, text, "not an RFC 3339 time such as \"2026-01-02T03:04:05Z\"");
      }
    }
  }
}
