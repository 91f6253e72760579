package org.webwatch.signals.internal;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * Folds one code point to the text the matcher sees: empty for ignorable characters
 * (zero-width and joiners, soft hyphen, variation selectors, other format characters and
 * combining marks), else NFKC casefold (Unicode UAX #15 / ICU {@code NFKC_Casefold}), accents
 * removed (NFD minus marks), and a non-ASCII letter replaced by its UTS #39 confusable skeleton
 * (ICU {@link SpoofChecker}) when that skeleton is plain ASCII letters — so Cyrillic "о" reads
 * as "o" while ASCII text never changes. Results are cached per BMP code point (benign race:
 * Strings are immutable); O(1) amortised per code point.
 */
final class CharFolder {
  private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
  private static final String[] BMP = new String[0x10000];

  static {
    for (char c = 0; c < 128; c++) BMP[c] = String.valueOf(Character.toLowerCase(c));
  }

  private CharFolder() {}

  static String fold(int cp) {
    if (cp < 0x10000) {
      String s = BMP[cp];
      if (s == null) {
        s = compute(cp);
        BMP[cp] = s;
      }
      return s;
    }
    return compute(cp);
  }

  static boolean ignorable(int cp) {
    int t = UCharacter.getType(cp);
    return t == UCharacter.NON_SPACING_MARK || t == UCharacter.ENCLOSING_MARK || t == UCharacter.FORMAT
        || cp == 0x00AD || UCharacter.hasBinaryProperty(cp, UProperty.VARIATION_SELECTOR)
        || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
  }

  private static String compute(int cp) {
    if (ignorable(cp)) return "";
    if (Character.isSurrogate((char) cp) && cp < 0x10000) return " ";
    String s = NFKC_CF.normalize(new String(Character.toChars(cp)));
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c < 128) {
        out.append((char) c);
        continue;
      }
      if (ignorable(c)) continue;
      String stripped = stripMarks(c);
      if (isAscii(stripped) && !stripped.isEmpty()) {
        out.append(stripped);
        continue;
      }
      if (UCharacter.isLetter(c)) {
        String skel;
        synchronized (SPOOF) {
          skel = SPOOF.getSkeleton(new String(Character.toChars(c)));
        }
        skel = NFKC_CF.normalize(skel);
        if (!skel.isEmpty() && isAsciiLetters(skel)) {
          out.append(skel);
          continue;
        }
      }
      out.appendCodePoint(c);
    }
    return out.toString();
  }

  private static String stripMarks(int c) {
    String d = NFD.normalize(new String(Character.toChars(c)));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < d.length(); ) {
      int x = d.codePointAt(i);
      i += Character.charCount(x);
      if (!ignorable(x)) sb.appendCodePoint(x);
    }
    return sb.toString();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return false;
    return true;
  }

  private static boolean isAsciiLetters(String s) {
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) < 'a' || s.charAt(i) > 'z') return false;
    return true;
  }
}
