package org.webwatch.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.webwatch.WebwatchException;

class DecisionTest {
  @Test
  void linkIsNormalisedToOrderedPair() {
    Decision d = new Decision(0, DecisionKind.LINK_CONFIRMED, "s2:b", "s1:a", null, "alice", 1);
    assertThat(d.subject()).isEqualTo("s1:a");
    assertThat(d.other()).isEqualTo("s2:b");
  }

  @Test
  void dismissalNeedsReasonAndLinkNeedsTwoAccounts() {
    assertThatThrownBy(() -> new Decision(0, DecisionKind.DISMISSED, "P1", "", " ", "a", 1))
        .isInstanceOf(WebwatchException.class).hasMessageContaining("reason");
    assertThatThrownBy(() -> new Decision(0, DecisionKind.LINK_REJECTED, "s:a", "", "", "a", 1))
        .isInstanceOf(WebwatchException.class);
    assertThatThrownBy(() -> new Decision(0, DecisionKind.REFERRED, "P1", "s:a", "", "a", 1))
        .isInstanceOf(WebwatchException.class);
    assertThat(DecisionKind.fromCode("link-rejected").isLink()).isTrue();
  }
}
