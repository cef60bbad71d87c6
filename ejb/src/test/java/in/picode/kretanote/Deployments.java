package in.picode.kretanote;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * Builds Arquillian deployments by package: the whole business core with its production persistence
 * unit and migrations, as one WAR for Payara Micro. Developer tooling (launcher, simulators) stays
 * out, as it stays out of the EAR.
 */
public final class Deployments {

  private static final String ROOT = "in.picode.kretanote";

  private Deployments() {}

  /** The business core; {@code moduleDir} is the Maven module the test runs in. */
  public static WebArchive core(String name) {
    return core(name, Path.of(".").toAbsolutePath().normalize());
  }

  public static WebArchive core(String name, Path moduleDir) {
    Path ejb = ejbModule(moduleDir);
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, name + ".war")
            .addPackages(
                true, Filters.exclude(".*\\.(devserver|sandbox)\\..*"), Package.getPackage(ROOT))
            .addAsWebInfResource(
                ejb.resolve("src/main/resources/META-INF/beans.xml").toFile(), "beans.xml")
            .addAsResource(
                ejb.resolve("src/main/resources/META-INF/persistence.xml").toFile(),
                "META-INF/persistence.xml")
            .addAsLibraries(
                Maven.resolver()
                    .loadPomFromFile(ejb.resolve("pom.xml").toFile())
                    .resolve(
                        "org.flywaydb:flyway-mysql",
                        "org.apache.commons:commons-csv",
                        "com.webauthn4j:webauthn4j-core",
                        "org.assertj:assertj-core")
                    .withTransitivity()
                    .asFile())
            // OpenPDF alone: its optional extras (FOP, Bouncy Castle) are not needed for invoices.
            .addAsLibraries(
                Maven.resolver()
                    .loadPomFromFile(ejb.resolve("pom.xml").toFile())
                    .resolve("com.github.librepdf:openpdf")
                    .withoutTransitivity()
                    .asFile());
    addTree(war, ejb.resolve("src/main/resources/db/migration"), "db/migration");
    // Resource bundles next to their classes (addPackages takes classes only).
    addTree(war, ejb.resolve("src/main/resources/in"), "in");
    return war;
  }

  private static Path ejbModule(Path moduleDir) {
    if (Files.isDirectory(moduleDir.resolve("src/main/resources/db/migration"))) {
      return moduleDir;
    }
    return moduleDir.resolveSibling("ejb");
  }

  private static void addTree(WebArchive war, Path dir, String target) {
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              f -> {
                File file = f.toFile();
                war.addAsResource(
                    file, target + "/" + dir.relativize(f).toString().replace('\\', '/'));
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
