package io.stowage.core.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.velero.v1.BackupSpec;
import io.stowage.api.velero.v1.LabelSelector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecFiltersTest {
  private static LabelSelector app(String value) {
    LabelSelector selector = new LabelSelector();
    selector.setMatchLabels(Map.of("app", value));
    return selector;
  }

  @Test
  void labelSelectorAloneIsValid() {
    BackupSpec spec = new BackupSpec();
    spec.setLabelSelector(app("web"));

    assertThat(SpecFilters.VALIDATION.validate(spec)).isEmpty();
  }

  @Test
  void orLabelSelectorsAloneAreValid() {
    BackupSpec spec = new BackupSpec();
    spec.setOrLabelSelectors(List.of(app("web"), app("db")));

    assertThat(SpecFilters.VALIDATION.validate(spec)).isEmpty();
  }

  @Test
  void bothSelectorsAreRefused() {
    BackupSpec spec = new BackupSpec();
    spec.setLabelSelector(app("web"));
    spec.setOrLabelSelectors(List.of(app("db")));

    assertThat(SpecFilters.VALIDATION.validate(spec))
        .containsExactly(
            "encountered labelSelector as well as orLabelSelectors in backup spec, only one can be"
                + " specified");
  }
}
