package in.picode.kretanote.platform.boundary;

import java.lang.Character.UnicodeScript;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells the language of a customer's short message, or says it cannot. Compact on purpose: the one
 * library at hand (optimaize language-detector 0.6) has not been released since 2016, pulls Guava,
 * and is not in the offline build's repository. Two steps:
 *
 * <ol>
 *   <li>The script of the letters: Devanagari is Hindi, Arabic script Arabic (Urdu or Persian when
 *       their own letters appear), Cyrillic Russian (Ukrainian with і ї є ґ), and Greek, Hebrew,
 *       Thai, Korean, Japanese (kana), Chinese (Han only), Bengali, Tamil, Telugu, Gujarati,
 *       Gurmukhi (Punjabi) by their scripts.
 *   <li>Latin letters: small profiles of the most frequent words (and a few letters only one
 *       language uses, such as ñ ¿ ã õ ß ğ ı) for English, Spanish, Portuguese, Indonesian, French,
 *       German, Italian, Dutch, Turkish, and Hindi written in Latin letters (Hinglish). The
 *       language with most hits wins if it is ahead of the next one; a tie or no hit is unknown.
 * </ol>
 *
 * <p>Limits: Marathi and Nepali (Devanagari) count as Hindi, other Cyrillic languages as Russian,
 * Malay as Indonesian; a one-word message is told only when the word is in a profile ("gracias",
 * "obrigado"); mixed-language messages go to the language with more hits. Unknown is the honest
 * answer for everything else, and a rule condition on the language is then not met.
 */
public final class TextLanguage {

  /** Every code this class can answer, with its English name, in the rule editor's order. */
  public static final Map<String, String> CODES = codes();

  private static final Map<String, Set<String>> WORDS = new LinkedHashMap<>();
  private static final Map<String, String> LETTERS = new LinkedHashMap<>();
  private static final Map<UnicodeScript, String> SCRIPTS = new EnumMap<>(UnicodeScript.class);

  static {
    words(
        "en",
        "the and you your is are to of for it this that have has not what with my me was"
            + " will can please thanks thank hello hi how when where why order do does want need");
    words(
        "es",
        "el la los las que de y en un una es por para con no mi tu gracias hola buenos"
            + " buenas como cuando donde quiero necesito pedido usted esta está muy pero también");
    words(
        "pt",
        "o os as que de e em um uma é não para com meu minha você obrigado obrigada olá"
            + " oi bom boa dia quando onde quero preciso pedido está muito mas também isso");
    words(
        "id",
        "saya anda yang dan di ke dari ini itu tidak ada apa dengan untuk bisa mau"
            + " terima kasih halo selamat pagi siang malam tolong pesanan sudah belum kapan");
    words(
        "fr",
        "le la les et des un une est pas je vous merci bonjour pour avec mon ma que qui"
            + " dans sur commande quand où veux besoin très mais aussi");
    words(
        "de",
        "der die das und ist nicht ich sie mit für ein eine mein meine danke hallo bitte"
            + " wann wo will brauche bestellung sehr aber auch auf");
    words(
        "it",
        "il lo gli la le e di che non per con sono grazie ciao buongiorno mio mia come"
            + " quando dove voglio ordine molto anche questo è");
    words(
        "nl",
        "de het een en is niet ik je jij u met voor mijn dank bedankt hallo alstublieft"
            + " wanneer waar wil bestelling zeer maar ook");
    words(
        "tr",
        "ve bir bu için ben sen siz değil ne nasıl merhaba teşekkür teşekkürler lütfen"
            + " sipariş zaman nerede istiyorum var yok çok ama");
    words(
        "hi",
        "hai hain kya nahi nahin mujhe aap kaise kripya kyun mera meri kab bhai haan ji"
            + " tha kar karo chahiye dhanyavad shukriya aapka hum");
    LETTERS.put("ñ¿¡", "es");
    LETTERS.put("ãõ", "pt");
    LETTERS.put("ß", "de");
    LETTERS.put("ğışİ", "tr");
    LETTERS.put("œ", "fr");
    SCRIPTS.put(UnicodeScript.DEVANAGARI, "hi");
    SCRIPTS.put(UnicodeScript.ARABIC, "ar");
    SCRIPTS.put(UnicodeScript.CYRILLIC, "ru");
    SCRIPTS.put(UnicodeScript.GREEK, "el");
    SCRIPTS.put(UnicodeScript.HEBREW, "he");
    SCRIPTS.put(UnicodeScript.THAI, "th");
    SCRIPTS.put(UnicodeScript.HANGUL, "ko");
    SCRIPTS.put(UnicodeScript.HIRAGANA, "ja");
    SCRIPTS.put(UnicodeScript.KATAKANA, "ja");
    SCRIPTS.put(UnicodeScript.HAN, "zh");
    SCRIPTS.put(UnicodeScript.BENGALI, "bn");
    SCRIPTS.put(UnicodeScript.TAMIL, "ta");
    SCRIPTS.put(UnicodeScript.TELUGU, "te");
    SCRIPTS.put(UnicodeScript.GUJARATI, "gu");
    SCRIPTS.put(UnicodeScript.GURMUKHI, "pa");
  }

  private TextLanguage() {}

  /** The language of {@code text} (an ISO 639-1 code of {@link #CODES}), empty when not told. */
  public static Optional<String> detect(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.length() > 2000 ? text.substring(0, 2000) : text;
    Map<String, Integer> scripts = new HashMap<>();
    int letters = 0;
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      UnicodeScript s = UnicodeScript.of(cp);
      if (s == UnicodeScript.LATIN) {
        letters++;
      } else if (SCRIPTS.containsKey(s)) {
        scripts.merge(SCRIPTS.get(s), 1, Integer::sum);
      }
    }
    int latin = letters;
    Optional<String> byScript =
        scripts.entrySet().stream()
            .filter(e -> e.getValue() > latin)
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey);
    if (byScript.isPresent()) {
      return byScript.map(code -> refine(code, t, scripts));
    }
    return latin == 0 ? Optional.empty() : byWords(t);
  }

  private static String refine(String code, String t, Map<String, Integer> scripts) {
    switch (code) {
      case "ar":
        if (t.codePoints().anyMatch(c -> "ٹڈڑںے".indexOf(c) >= 0)) {
          return "ur";
        }
        return t.codePoints().anyMatch(c -> "پچژگ".indexOf(c) >= 0) ? "fa" : "ar";
      case "ru":
        return t.codePoints().anyMatch(c -> "іїєґІЇЄҐ".indexOf(c) >= 0) ? "uk" : "ru";
      case "zh":
        // Japanese mixes kanji (Han) with kana: any kana makes it Japanese.
        return scripts.containsKey("ja") ? "ja" : "zh";
      default:
        return code;
    }
  }

  private static Optional<String> byWords(String t) {
    String lower = t.toLowerCase(Locale.ROOT);
    Map<String, Integer> score = new HashMap<>();
    for (String token : lower.split("[^\\p{L}]+")) {
      if (token.isEmpty()) {
        continue;
      }
      WORDS.forEach(
          (code, words) -> {
            if (words.contains(token)) {
              score.merge(code, 2, Integer::sum);
            }
          });
    }
    LETTERS.forEach(
        (letters, code) -> {
          if (lower.codePoints().anyMatch(c -> letters.indexOf(c) >= 0)) {
            score.merge(code, 3, Integer::sum);
          }
        });
    List<Map.Entry<String, Integer>> ranked =
        score.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .toList();
    if (ranked.isEmpty()
        || (ranked.size() > 1 && ranked.get(0).getValue().equals(ranked.get(1).getValue()))) {
      return Optional.empty();
    }
    return Optional.of(ranked.get(0).getKey());
  }

  private static void words(String code, String list) {
    WORDS.put(code, new HashSet<>(Arrays.asList(list.split(" "))));
  }

  private static Map<String, String> codes() {
    Map<String, String> m = new LinkedHashMap<>();
    String[] pairs = {
      "en", "English", "hi", "Hindi", "es", "Spanish", "pt", "Portuguese", "id", "Indonesian",
      "ar", "Arabic", "fr", "French", "de", "German", "it", "Italian", "nl", "Dutch",
      "tr", "Turkish", "ru", "Russian", "uk", "Ukrainian", "ur", "Urdu", "fa", "Persian",
      "bn", "Bengali", "ta", "Tamil", "te", "Telugu", "gu", "Gujarati", "pa", "Punjabi",
      "el", "Greek", "he", "Hebrew", "th", "Thai", "ko", "Korean", "ja", "Japanese",
      "zh", "Chinese"
    };
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
