package org.webwatch.triage.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.webwatch.model.IndicatorCode;
import org.webwatch.model.IndicatorSpan;
import org.webwatch.model.TextItem;
import org.webwatch.signals.IndicatorDetector;

/** Test fake: every case-insensitive occurrence of a keyword is a span; "banned" in a text suppresses all (a hard negative). */
public final class KeywordDetector implements IndicatorDetector {
  private final Map<String, IndicatorCode> keywords = new TreeMap<>();

  public KeywordDetector() {
    keywords.put("made myself", IndicatorCode.PRODUCTION_CLAIM);
    keywords.put("upload your own", IndicatorCode.ENTRY_BY_PRODUCTION);
    keywords.put("look after", IndicatorCode.ACCESS_CLAIM);
    keywords.put("meet up", IndicatorCode.MEETING_INTENT);
    keywords.put("start doing", IndicatorCode.CONTACT_ADVOCACY);
    keywords.put("live show", IndicatorCode.PAID_STREAMING);
    keywords.put("you're normal", IndicatorCode.NORMALISATION);
    keywords.put("use tails", IndicatorCode.OPSEC);
    keywords.put("known since my teens", IndicatorCode.INTEREST_DISCLOSURE);
  }

  @Override
  public List<IndicatorSpan> detect(TextItem item) {
    String lower = item.text().toLowerCase(Locale.ROOT);
    List<IndicatorSpan> out = new ArrayList<>();
    if (lower.contains("banned")) return out;
    if (lower.contains("explode")) throw new IllegalStateException("detector broke on purpose");
    for (var e : keywords.entrySet()) {
      int i = lower.indexOf(e.getKey());
      while (i >= 0) {
        int end = i + e.getKey().length();
        out.add(new IndicatorSpan(item.site(), item.kind(), item.item(), item.account(), e.getValue(), i, end,
            item.text().substring(i, end), "rule", "kw:" + e.getKey(), "kw-1", 0.8));
        i = lower.indexOf(e.getKey(), end);
      }
    }
    return out;
  }

  @Override
  public String version() {
    return "keywords-1";
  }
}
