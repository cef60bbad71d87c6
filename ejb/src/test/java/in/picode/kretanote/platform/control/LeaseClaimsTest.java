package in.picode.kretanote.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaseClaimsTest {

  static final LeaseClaims.Spec OUTBOX =
      new LeaseClaims.Spec(
          "outbox",
          "id, tenant_id",
          "state in ('QUEUED', 'RETRY') and next_attempt_at <= ?",
          "next_attempt_at, id",
          "lease_owner = ?, lease_until = ?");

  @Test
  void theClaimSkipsRowsOthersHoldAndTakesTheOldestFirstInOneBoundedBatch() {
    assertThat(OUTBOX.selectSql())
        .isEqualTo(
            "SELECT id, tenant_id FROM outbox WHERE state in ('QUEUED', 'RETRY')"
                + " and next_attempt_at <= ? ORDER BY next_attempt_at, id"
                + " LIMIT ? FOR UPDATE SKIP LOCKED");
    assertThat(OUTBOX.leaseSql(3))
        .isEqualTo("UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE id IN (?, ?, ?)");
    assertThat(OUTBOX.leaseSql(1))
        .isEqualTo("UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE id = ?");
  }

  @Test
  void aClaimedBatchIsLeasedInOneStatementWithTheLeaseParametersBeforeTheIds() throws Exception {
    Fake db = new Fake(List.of(new Object[] {7L, 1L}, new Object[] {9L, 2L}));
    List<Object[]> rows =
        LeaseClaims.claim(db.connection(), OUTBOX, List.of("due"), 50, List.of("me", "until"));
    assertThat(rows).extracting(r -> r[0]).containsExactly(7L, 9L);
    assertThat(db.sql).containsExactly(OUTBOX.selectSql(), OUTBOX.leaseSql(2));
    assertThat(db.params.get(0)).containsExactly("due", 50);
    assertThat(db.params.get(1)).containsExactly("me", "until", 7L, 9L);
  }

  @Test
  void nothingDueWritesNothing() throws Exception {
    Fake db = new Fake(List.of());
    assertThat(LeaseClaims.claim(db.connection(), OUTBOX, List.of("due"), 50, List.of("me", "u")))
        .isEmpty();
    assertThat(db.sql).containsExactly(OUTBOX.selectSql());
  }

  @Test
  void aTableNameMustBeAPlainIdentifier() {
    assertThatThrownBy(
            () -> new LeaseClaims.Spec("outbox; drop table tenant", "id", "1", "id", "x = 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A JDBC connection that records statements and parameters and answers the select with rows. */
  static final class Fake {
    final List<Object[]> rows;
    final List<String> sql = new ArrayList<>();
    final List<List<Object>> params = new ArrayList<>();

    Fake(List<Object[]> rows) {
      this.rows = rows;
    }

    Connection connection() {
      return proxy(
          Connection.class,
          (m, args) -> m.equals("prepareStatement") ? statement((String) args[0]) : null);
    }

    private PreparedStatement statement(String text) {
      sql.add(text);
      Map<Integer, Object> bound = new HashMap<>();
      List<Object> ordered = new ArrayList<>();
      params.add(ordered);
      return proxy(
          PreparedStatement.class,
          (m, args) ->
              switch (m) {
                case "setObject", "setInt", "setLong", "setString" -> {
                  bound.put((Integer) args[0], args[1]);
                  ordered.clear();
                  bound.keySet().stream().sorted().forEach(k -> ordered.add(bound.get(k)));
                  yield null;
                }
                case "executeQuery" -> resultSet();
                case "executeUpdate" -> rows.size();
                default -> null;
              });
    }

    private ResultSet resultSet() {
      int[] at = {-1};
      ResultSetMetaData md =
          proxy(
              ResultSetMetaData.class,
              (m, args) ->
                  m.equals("getColumnCount") ? (rows.isEmpty() ? 1 : rows.get(0).length) : null);
      return proxy(
          ResultSet.class,
          (m, args) ->
              switch (m) {
                case "next" -> ++at[0] < rows.size();
                case "getMetaData" -> md;
                case "getObject" -> rows.get(at[0])[(Integer) args[0] - 1];
                default -> null;
              });
    }

    interface Handler {
      Object call(String method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Handler h) {
      return (T)
          Proxy.newProxyInstance(
              type.getClassLoader(),
              new Class<?>[] {type},
              (p, method, args) -> {
                Object r = h.call(method.getName(), args);
                if (r == null && method.getReturnType() == boolean.class) {
                  return false;
                }
                if (r == null && method.getReturnType() == int.class) {
                  return 0;
                }
                return r;
              });
    }
  }
}
