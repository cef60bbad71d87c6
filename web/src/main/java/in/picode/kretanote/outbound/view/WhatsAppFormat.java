package in.picode.kretanote.outbound.view;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WhatsApp's text formatting as HTML for a preview: the text is escaped first, then {@code
 * ```monospace```}, {@code *bold*}, {@code _italic_} and {@code ~strike~} become tags and line
 * breaks {@code <br/>}. A mark only counts when it hugs a word (as in WhatsApp: "2 * 3 * 4" stays
 * as typed); nothing the user typed can become markup of its own.
 */
public final class WhatsAppFormat {

  private static final Pattern MONO = Pattern.compile("```(.+?)```", Pattern.DOTALL);

  private WhatsAppFormat() {}

  public static String html(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = escape(text);
    StringBuilder out = new StringBuilder();
    Matcher m = MONO.matcher(s);
    int last = 0;
    while (m.find()) {
      out.append(inline(s.substring(last, m.start())));
      out.append("<code>").append(m.group(1)).append("</code>");
      last = m.end();
    }
    out.append(inline(s.substring(last)));
    return out.toString().replace("\n", "<br/>");
  }

  private static String inline(String s) {
    s = mark(s, '*', "strong");
    s = mark(s, '_', "em");
    return mark(s, '~', "del");
  }

  private static String mark(String s, char c, String tag) {
    String q = Pattern.quote(String.valueOf(c));
    return s.replaceAll(
        "(?<![\\p{L}\\p{N}])" + q + "(?=\\S)([^" + c + "\\n]*?\\S)" + q + "(?![\\p{L}\\p{N}])",
        "<" + tag + ">$1</" + tag + ">");
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
