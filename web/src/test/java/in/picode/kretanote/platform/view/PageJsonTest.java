package in.picode.kretanote.platform.view;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PageJsonTest {

  @Test
  void finding02_nothingInTheJsonCanEndTheScriptItIsWrittenInto() {
    String hostile = "</script><meta http-equiv=refresh content=\"0;url=/x\"> & \u2028\u2029";
    String json =
        PageJson.of(
            Json.createObjectBuilder()
                .add("labels", Json.createArrayBuilder().add(hostile))
                .build());
    assertThat(json)
        .doesNotContain("<")
        .doesNotContain(">")
        .doesNotContain("&")
        .doesNotContain("\u2028")
        .doesNotContain("\u2029")
        .contains("\\u003c/script\\u003e")
        .contains("\\u0026")
        .contains("\\u2028")
        .contains("\\u2029");
  }

  @Test
  void finding02_theEscapedJsonMeansTheSame() {
    String text = "a<b>&c\u2028d\u2029e \"quoted\" \\ back";
    String json = PageJson.of(Json.createObjectBuilder().add("t", text).build());
    JsonObject read = Json.createReader(new StringReader(json)).readObject();
    assertThat(read.getString("t")).isEqualTo(text);
  }
}
