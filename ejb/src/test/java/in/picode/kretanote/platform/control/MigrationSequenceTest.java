package in.picode.kretanote.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migrations form one sequence. Flyway runs with {@code outOfOrder} off, so a migration whose
 * version is below one a database has already applied stops the deployment. Versions once came in
 * blocks from parallel branches (V1–V9, V20, V30–32, … V120–121); those are frozen in {@code
 * db/migration-baseline.txt}. Every later migration takes the next number (highest + 1) and holds
 * one DDL statement (MariaDB cannot roll DDL back; one statement is atomic).
 *
 * <p>Because the numbers after the baseline must be contiguous, two branches that each add "the
 * next" migration pick the same number, and the build of their merge fails on the duplicate; a
 * branch whose migration is lower than the highest on main collides the same way. So the rule "no
 * new version below the highest on main" holds without the build asking git what main holds.
 */
class MigrationSequenceTest {

  static final Path FOLDER = Path.of("src/main/resources/db/migration");
  static final Path BASELINE = Path.of("src/test/resources/db/migration-baseline.txt");
  static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__[a-z0-9_]+\\.sql");

  @Test
  void theMigrationsInTheRepositoryFollowTheRule() throws IOException {
    assertThat(problems(baseline(), migrations())).isEmpty();
  }

  @Test
  void theBaselineIsTheBlockOfVersionsUpToV121() throws IOException {
    List<String> baseline = baseline();
    assertThat(baseline).hasSize(53).startsWith("V1__tenant.sql");
    assertThat(highest(baseline)).isEqualTo(121);
  }

  @Test
  void aMigrationNumberedBelowTheHighestIsRefused() {
    Map<String, String> files = files("V1__a.sql", "V5__b.sql", "V6__c.sql", "V3__late.sql");
    assertThat(problems(List.of("V1__a.sql", "V5__b.sql"), files))
        .anySatisfy(p -> assertThat(p).contains("V3__late.sql").contains("highest + 1"));
  }

  @Test
  void twoBranchesTakingTheSameNextNumberFailTheBuildOfTheirMerge() {
    Map<String, String> files = files("V1__a.sql", "V2__from_one.sql", "V2__from_other.sql");
    assertThat(problems(List.of("V1__a.sql"), files))
        .anySatisfy(p -> assertThat(p).contains("share version 2"));
  }

  @Test
  void aGapAfterTheHighestIsRefused() {
    Map<String, String> files = files("V1__a.sql", "V2__b.sql", "V4__skipped_three.sql");
    assertThat(problems(List.of("V1__a.sql"), files))
        .anySatisfy(p -> assertThat(p).contains("V4__skipped_three.sql").contains("expected V3"));
  }

  @Test
  void aNewMigrationWithTwoStatementsIsRefused() {
    Map<String, String> files = new TreeMap<>(files("V1__a.sql"));
    files.put(
        "V2__two.sql",
        "-- adds two things; a comment with ; is fine\n"
            + "ALTER TABLE t ADD COLUMN a INT DEFAULT 0 COMMENT 'x;y # it''s';\n"
            + "ALTER TABLE t ADD COLUMN b INT;\n");
    files.put("V3__one.sql", "-- don't; split\n/* one; */ CREATE INDEX i ON t (a) ;\n\n");
    assertThat(problems(List.of("V1__a.sql"), files))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("V2__two.sql").contains("2 statements"));
  }

  @Test
  void aBaselineMigrationThatDisappearsOrAStrayFileIsRefused() {
    Map<String, String> files = files("V1__a.sql", "V2__b.SQL");
    assertThat(problems(List.of("V1__a.sql", "V7__gone.sql"), files))
        .anySatisfy(p -> assertThat(p).contains("V7__gone.sql").contains("missing"))
        .anySatisfy(p -> assertThat(p).contains("V2__b.SQL").contains("name"));
  }

  /** What is wrong with {@code files} (name to SQL) given the frozen {@code baseline}. */
  static List<String> problems(List<String> baseline, Map<String, String> files) {
    List<String> problems = new ArrayList<>();
    for (String name : baseline) {
      if (!files.containsKey(name)) {
        problems.add(
            name + " is in the baseline but missing: a migration on main is never removed");
      }
    }
    Map<Integer, List<String>> byVersion = new TreeMap<>();
    for (String name : files.keySet()) {
      Matcher m = NAME.matcher(name);
      if (!m.matches()) {
        problems.add(name + ": a migration's name is V<number>__<lower_snake_case>.sql");
        continue;
      }
      byVersion.computeIfAbsent(Integer.parseInt(m.group(1)), v -> new ArrayList<>()).add(name);
    }
    byVersion.forEach(
        (version, names) -> {
          if (names.size() > 1) {
            problems.add(
                names
                    + " share version "
                    + version
                    + ": a parallel branch took the same number; renumber yours to highest + 1");
          }
        });
    int expected = highest(baseline) + 1;
    for (Map.Entry<Integer, List<String>> e : byVersion.entrySet()) {
      for (String name : e.getValue()) {
        if (baseline.contains(name)) {
          continue;
        }
        if (e.getKey() != expected) {
          problems.add(
              name
                  + ": expected V"
                  + expected
                  + " (next number = highest + 1; a lower number is never applied after a higher"
                  + " one, outOfOrder is off)");
        }
        int statements = statements(files.get(name));
        if (statements != 1) {
          problems.add(name + " holds " + statements + " statements; one DDL statement each");
        }
      }
      if (!e.getValue().stream().allMatch(baseline::contains)) {
        expected = Math.max(expected, e.getKey() + 1);
      }
    }
    return problems;
  }

  /**
   * Statements in a SQL script: semicolons outside comments and quotes, plus an unterminated tail.
   */
  static int statements(String sql) {
    int count = 0;
    boolean code = false;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '-' && sql.startsWith("--", i) || c == '#') {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? sql.length() : eol + 1;
      } else if (c == '/' && sql.startsWith("/*", i)) {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? sql.length() : close + 2;
      } else if (c == '\'' || c == '"' || c == '`') {
        code = true;
        i++;
        while (i < sql.length() && sql.charAt(i) != c) {
          i += sql.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
      } else if (c == ';') {
        count += code ? 1 : 0;
        code = false;
        i++;
      } else {
        code |= !Character.isWhitespace(c);
        i++;
      }
    }
    return count + (code ? 1 : 0);
  }

  static int highest(List<String> names) {
    return names.stream()
        .map(NAME::matcher)
        .filter(Matcher::matches)
        .mapToInt(m -> Integer.parseInt(m.group(1)))
        .max()
        .orElse(0);
  }

  static List<String> baseline() throws IOException {
    return Files.readAllLines(BASELINE, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  static Map<String, String> migrations() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> list = Files.list(FOLDER)) {
      for (Path p : list.sorted().toList()) {
        files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static Map<String, String> files(String... names) {
    Map<String, String> files = new TreeMap<>();
    for (String name : names) {
      files.put(name, "CREATE TABLE t (id INT);");
    }
    return files;
  }
}
