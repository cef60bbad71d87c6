package in.picode.kretanote.outbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaLinksTest {

  @Test
  void anHttpsLinkWithAHostPasses() {
    assertThat(MediaLinks.problem("https://shop.example/p/4711.jpg?size=l", false)).isEmpty();
    assertThat(MediaLinks.problem("HTTPS://shop.example/a.pdf", false)).isEmpty();
  }

  @Test
  void plainHttpOnlyInTheSandbox() {
    assertThat(MediaLinks.problem("http://shop.example/a.jpg", false))
        .hasValueSatisfying(p -> assertThat(p).contains("https://"));
    assertThat(MediaLinks.problem("http://shop.example/a.jpg", true)).isEmpty();
    assertThat(MediaLinks.problem("ftp://shop.example/a.jpg", true)).isPresent();
    assertThat(MediaLinks.problem("file:///etc/passwd", true)).isPresent();
  }

  @Test
  void credentialsFragmentsSpacesAndOversizeAreRefused() {
    assertThat(MediaLinks.problem("https://ana:secret@shop.example/a.jpg", false))
        .hasValueSatisfying(p -> assertThat(p).contains("user name or password"));
    assertThat(MediaLinks.problem("https://token@shop.example/a.jpg", false)).isPresent();
    assertThat(MediaLinks.problem("https://shop.example/a.jpg#x", false)).isPresent();
    assertThat(MediaLinks.problem("https://shop.example/a b.jpg", false)).isPresent();
    assertThat(MediaLinks.problem(" https://shop.example/a.jpg", false)).isPresent();
    assertThat(MediaLinks.problem("https:///a.jpg", false)).isPresent();
    assertThat(MediaLinks.problem("", false)).isPresent();
    assertThat(MediaLinks.problem(null, false)).isPresent();
    String longest = "https://shop.example/" + "a".repeat(MediaLinks.MAX_LENGTH - 21);
    assertThat(longest).hasSize(MediaLinks.MAX_LENGTH);
    assertThat(MediaLinks.problem(longest, false)).isEmpty();
    assertThat(MediaLinks.problem(longest + "a", false))
        .hasValueSatisfying(p -> assertThat(p).contains("longer than"));
  }

  @Test
  void theLinkGoesToMetaAsLinkNotId() {
    OutgoingContent.MediaLink doc =
        new OutgoingContent.MediaLink(
            OutgoingContent.MediaKind.DOCUMENT, "https://shop.example/a.pdf", "Offer", "a.pdf");
    assertThat(MetaPayloads.build("4917", doc, null).getJsonObject("document").toString())
        .isEqualTo(
            "{\"link\":\"https://shop.example/a.pdf\",\"caption\":\"Offer\",\"filename\":\"a.pdf\"}");
  }
}
