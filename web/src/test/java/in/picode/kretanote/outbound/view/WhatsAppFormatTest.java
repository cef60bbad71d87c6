package in.picode.kretanote.outbound.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhatsAppFormatTest {

  @Test
  void whatsAppsMarksBecomeTags() {
    assertThat(WhatsAppFormat.html("Hi *Ana*, _soon_ ~not~ ```code *x*```\nbye"))
        .isEqualTo(
            "Hi <strong>Ana</strong>, <em>soon</em> <del>not</del> <code>code *x*</code><br/>bye");
  }

  @Test
  void markupTypedByAUserStaysText() {
    assertThat(WhatsAppFormat.html("<script>*x*</script> & \"q\""))
        .isEqualTo("&lt;script&gt;<strong>x</strong>&lt;/script&gt; &amp; &quot;q&quot;");
  }

  @Test
  void aMarkThatDoesNotHugAWordIsKept() {
    assertThat(WhatsAppFormat.html("2 * 3 * 4 and snake_case_name"))
        .isEqualTo("2 * 3 * 4 and snake_case_name");
  }
}
