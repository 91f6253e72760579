package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionContextTest {
  static boolean mention(String text, String value) {
    return MentionContext.isMention(MentionContext.markers(text), text.indexOf(value));
  }

  @Test
  void paymentsToOthersAndThirdPartyValuesAreMentions() {
    assertThat(mention("sent 0.002 to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4 for the friday session", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isTrue();
    assertThat(mention("my exchange gave me this deposit address, is it legit? bc1qexchange0000deposit0address00000000", "bc1qexchange0000deposit0address00000000")).isTrue();
    assertThat(mention("donations keep the lights on: bc1qdonation00000000address000000000", "bc1qdonation00000000address000000000")).isTrue();
    assertThat(mention("From the opsec guide, verify downloads with this key:\n959B 4BC4 FE15 DE08 753F A990", "959B")).isTrue();
  }

  @Test
  void reportsOfAPaymentMadeAreMentions() {
    assertThat(mention("booked the tuesday live show, payment went to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isTrue();
    assertThat(mention("Had a cold all week Payment done to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isTrue();
    assertThat(mention("coffee keeps me going my payment to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isTrue();
    assertThat(mention("Just topped up 0.005 btc to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isTrue();
    assertThat(mention("Can someone vouch for the streamer at bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isTrue();
  }

  @Test
  void obfuscatedMarkersAreMentions() {
    assertThat(mention("everything still works S\u200Cen\u2060t it, bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isTrue(); // zero-width joiners
    assertThat(mention("everything still works P@ym3nt done to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isTrue(); // leetspeak
    assertThat(mention("fwiw, +1 i started learning guitar p a i d bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isTrue(); // split letters
    assertThat(mention("paaaaid bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isTrue(); // repeated letters
  }

  @Test
  void sellersAskingForPaymentAreNot() {
    assertThat(mention("live sessions every weekend, payment in BTC only: bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3")).isFalse();
    assertThat(mention("new room every friday, link only after payment to bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3")).isFalse();
    assertThat(mention("I run a live show on sunday, payment to bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3 only", "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3")).isFalse();
  }

  @Test
  void ownValuesAreNot() {
    assertThat(mention("tips: bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3")).isFalse();
    assertThat(mention("reach me: someone@example.org", "someone@")).isFalse();
    assertThat(mention("send 0.01 first to bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3")).isFalse();
    // a marker far before the value does not count
    assertThat(mention("I paid my rent yesterday and the weather was awful all week long, anyway tips: bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3")).isFalse();
    assertThat(MentionContext.markers(null)).isEmpty();
    // no identifier can be in the text: its markers are not looked for
    assertThat(MentionContext.markers("I paid my rent")).isEmpty();
    assertThat(MentionContext.markers("I paid bc1qw508d6qejxtdg4y5r3zarvary0c5xw7k")).hasSize(1);
  }
}
