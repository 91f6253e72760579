package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionContextTest {
  static boolean mention(String text, String value) {
    return MentionContext.isMention(MentionContext.markers(text), text.indexOf(value));
  }

  @Test
  void paymentsToOthersAndThirdPartyValuesAreMentions() {
    assertThat(mention("sent 0.002 to bc1qseller for the friday session", "bc1qseller")).isTrue();
    assertThat(mention("my exchange gave me this deposit address, is it legit? bc1qex", "bc1qex")).isTrue();
    assertThat(mention("donations keep the lights on: bc1qdon", "bc1qdon")).isTrue();
    assertThat(mention("From the opsec guide, verify downloads with this key:\nABCD", "ABCD")).isTrue();
  }

  @Test
  void ownValuesAreNot() {
    assertThat(mention("tips: bc1qmine", "bc1qmine")).isFalse();
    assertThat(mention("reach me: someone@example.org", "someone@")).isFalse();
    assertThat(mention("send 0.01 first to bc1qmine", "bc1qmine")).isFalse();
    // a marker far before the value does not count
    assertThat(mention("I paid my rent yesterday and the weather was awful all week long, anyway tips: bc1qmine", "bc1qmine")).isFalse();
    assertThat(MentionContext.markers(null)).isEmpty();
  }
}
