package in.picode.kretanote.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItDatabaseSessionTest {

  @Test
  void asadminPropertyValuesAreEscaped() {
    assertThat(ItDatabaseSession.escape("jdbc:mariadb://h:3306/db?a=b"))
        .isEqualTo("jdbc\\:mariadb\\://h\\:3306/db?a\\=b");
  }
}
