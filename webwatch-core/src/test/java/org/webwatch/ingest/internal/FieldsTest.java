package org.webwatch.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The unknown-field values kept in {@code extra}: the direct path gives what the mapper's conversion gives. */
class FieldsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void plainValuesEqualTheMappersConversionForEveryJsonShape() throws Exception {
    JsonNode o = MAPPER.readTree("{\"s\":\"x\",\"e\":\"\",\"u\":\"\\u00e9\\ud83d\\ude00\",\"i\":7,\"neg\":-2147483648,"
        + "\"l\":9007199254740993,\"big\":123456789012345678901234567890,\"d\":1.5,\"exp\":1e300,\"t\":true,\"f\":false,"
        + "\"n\":null,\"a\":[1,\"two\",null,{\"k\":[]}],\"o\":{\"k\":{\"k2\":1.25}},\"ea\":[],\"eo\":{}}");
    for (var it = o.fields(); it.hasNext(); ) {
      var e = it.next();
      Object expected = MAPPER.convertValue(e.getValue(), Object.class);
      Object got = Fields.plain(MAPPER, e.getValue());
      assertThat(got).as(e.getKey()).isEqualTo(expected);
      if (expected != null) assertThat(got).as(e.getKey() + " type").hasSameClassAs(expected);
    }
  }

  @Test
  void extraKeepsOnlyUnknownFieldsInOrder() throws Exception {
    JsonNode o = MAPPER.readTree("{\"id\":1,\"zeta\":\"z\",\"text\":\"t\",\"alpha\":[1,2],\"n\":null}");
    Map<String, Object> extra = Fields.extra(MAPPER, o, Set.of("id", "text"));
    assertThat(extra.keySet()).containsExactly("zeta", "alpha", "n");
    assertThat(extra).containsEntry("zeta", "z").containsEntry("alpha", java.util.List.of(1, 2)).containsEntry("n", null);
    assertThat(Fields.extra(MAPPER, MAPPER.readTree("{\"id\":1}"), Set.of("id", "text"))).isEmpty();
  }
}
