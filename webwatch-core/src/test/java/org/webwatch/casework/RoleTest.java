package org.webwatch.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.webwatch.WebwatchException;

class RoleTest {
  @Test
  void matrix() {
    assertThat(Role.VIEWER.allows(Permission.READ)).isTrue();
    assertThat(Role.VIEWER.allows(Permission.DECIDE)).isFalse();
    assertThat(Role.VIEWER.allows(Permission.EXPORT)).isFalse();
    assertThat(Role.INVESTIGATOR.allows(Permission.DECIDE)).isTrue();
    assertThat(Role.INVESTIGATOR.allows(Permission.EXPORT)).isTrue();
    assertThat(Role.INVESTIGATOR.allows(Permission.MANAGE_USERS)).isFalse();
    assertThat(Role.INVESTIGATOR.allows(Permission.MANAGE_HASH_SETS)).isFalse();
    assertThat(Role.ADMIN.allows(Permission.MANAGE_USERS)).isTrue();
    assertThat(Role.ADMIN.allows(Permission.AUDIT)).isTrue();
    assertThat(Role.ADMIN.allows(Permission.RUN_JOBS)).isTrue();
    assertThat(Role.INVESTIGATOR.allows(Permission.RUN_JOBS)).isFalse();
    assertThat(Role.VIEWER.allows(Permission.RUN_JOBS)).isFalse();
  }

  @Test
  void codes() {
    assertThat(Role.fromCode("investigator")).isEqualTo(Role.INVESTIGATOR);
    assertThatThrownBy(() -> Role.fromCode("root")).isInstanceOf(WebwatchException.class);
  }
}
