package org.webwatch.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** FlatJson writes exactly what Jackson writes for flat maps and string lists, and declines the rest. */
class FlatJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Characters that need escaping or are easy to get wrong: controls, quotes, slash, non-BMP, separators. */
  private static final char[] TRICKY = {'"', '\\', '/', '\n', '\r', '\t', '\b', '\f', 0, 1, 0x1f, 0x7f, 'é', '\u2028', '\u2029',
      '\uD83D', '\uDE00', '\uFFFF', ' ', 'a', 'Z', '0', '<', '&', '\''};

  @Test
  void flatMapsAndStringListsMatchTheMapperCharacterForCharacter() throws Exception {
    SplittableRandom rnd = new SplittableRandom(20261125);
    for (int round = 0; round < 5_000; round++) {
      Map<String, Object> map = new LinkedHashMap<>();
      int n = rnd.nextInt(5);
      for (int i = 0; i < n; i++) {
        Object v = switch (rnd.nextInt(6)) {
          case 0 -> randomString(rnd);
          case 1 -> rnd.nextInt();
          case 2 -> rnd.nextBoolean() ? Long.MIN_VALUE : rnd.nextLong();
          case 3 -> rnd.nextBoolean();
          case 4 -> null;
          default -> "bbcode " + rnd.nextInt(1000);
        };
        map.put(randomString(rnd), v);
      }
      assertThat(FlatJson.object(map)).isEqualTo(MAPPER.writeValueAsString(map));
      List<String> list = new ArrayList<>();
      for (int i = rnd.nextInt(4); i > 0; i--) list.add(randomString(rnd));
      assertThat(FlatJson.strings(list)).isEqualTo(MAPPER.writeValueAsString(list));
    }
  }

  @Test
  void nestedValuesFloatsAndNullElementsAreLeftToTheMapper() {
    assertThat(FlatJson.object(Map.of("k", Map.of("a", 1)))).isNull();
    assertThat(FlatJson.object(Map.of("k", List.of(1, 2)))).isNull();
    assertThat(FlatJson.object(Map.of("k", 1.5))).isNull();
    assertThat(FlatJson.object(Map.of("k", new java.math.BigInteger("123456789012345678901234567890")))).isNull();
    assertThat(FlatJson.strings(Arrays.asList("a", null))).isNull();
    assertThat(FlatJson.object(Map.of())).isEqualTo("{}");
    assertThat(FlatJson.strings(List.of())).isEqualTo("[]");
  }

  private static String randomString(SplittableRandom rnd) {
    StringBuilder sb = new StringBuilder();
    for (int i = rnd.nextInt(8); i > 0; i--) {
      sb.append(rnd.nextInt(3) == 0 ? (char) rnd.nextInt(0x10000) : TRICKY[rnd.nextInt(TRICKY.length)]);
    }
    return sb.toString();
  }
}
