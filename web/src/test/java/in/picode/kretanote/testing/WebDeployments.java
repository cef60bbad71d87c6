package in.picode.kretanote.testing;

import in.picode.kretanote.Deployments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/** The whole application as one WAR for Payara Micro: business core, pages, REST, PrimeFaces. */
public final class WebDeployments {

  private WebDeployments() {}

  public static WebArchive app(String name) {
    return app(name, Path.of(".").toAbsolutePath().normalize());
  }

  /** The same from anywhere: {@code web} is the web module's folder. */
  public static WebArchive app(String name, Path web) {
    WebArchive war = Deployments.core(name, web);
    Path webapp = web.resolve("src/main/webapp");
    try (Stream<Path> files = Files.walk(webapp)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              f -> {
                String rel = webapp.relativize(f).toString().replace('\\', '/');
                if (rel.equals("WEB-INF/beans.xml")) {
                  return;
                }
                war.addAsWebResource(f.toFile(), rel);
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Resource bundles of the pages (web/src/main/resources), next to their classes.
    Path resources = web.resolve("src/main/resources");
    if (Files.isDirectory(resources)) {
      try (Stream<Path> files = Files.walk(resources)) {
        files
            .filter(Files::isRegularFile)
            // The tests bring their own configuration file (Webhooks.app).
            .filter(f -> !f.endsWith("microprofile-config.properties"))
            .forEach(
                f ->
                    war.addAsResource(
                        f.toFile(), resources.relativize(f).toString().replace('\\', '/')));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    war.addAsLibraries(
        Maven.resolver()
            .loadPomFromFile(web.resolve("pom.xml").toFile())
            .resolve(
                "org.primefaces:primefaces:jar:jakarta:?",
                "io.nayuki:qrcodegen:?",
                "org.webjars:swagger-ui:?")
            .withoutTransitivity()
            .asFile());
    return war;
  }
}
