package in.picode.kretanote.devserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A Payara Server domain driven by the scripts in {@code server-config/}: the same provision,
 * deploy and stop scripts the Docker image and an IT admin use, so the run command and the system
 * test exercise exactly what production runs.
 */
public final class PayaraDomain {

  private final Path scripts;
  private final Map<String, String> env;

  public PayaraDomain(Path serverConfigDir, Path payaraHome, Map<String, String> env) {
    this.scripts = serverConfigDir;
    this.env = new HashMap<>(env);
    this.env.put("PAYARA_HOME", payaraHome.toString());
  }

  /**
   * Unpacks the Payara Server zip into {@code into} unless it is there already, and returns the
   * Payara home ({@code into/payara6}). Java's zip reader drops Unix permissions, so the launch
   * scripts are made executable again.
   */
  public static Path unpack(Path zip, Path into) {
    Path home = into.resolve("payara6");
    if (Files.isRegularFile(home.resolve("bin/asadmin"))) {
      return home;
    }
    try (ZipFile z = new ZipFile(zip.toFile())) {
      Path root = into.toAbsolutePath().normalize();
      for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
          throw new IOException("Zip entry outside the target folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = z.getInputStream(entry)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      for (Path bin : List.of(home.resolve("bin"), home.resolve("glassfish/bin"))) {
        try (Stream<Path> files = Files.list(bin)) {
          files.forEach(f -> f.toFile().setExecutable(true));
        }
      }
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not unpack " + zip + " into " + into, e);
    }
  }

  public void provision() {
    run(List.of(scripts.resolve("provision.sh").toString()));
  }

  public void deploy(Path ear) {
    run(List.of(scripts.resolve("deploy.sh").toString(), ear.toAbsolutePath().toString()));
  }

  /** One asadmin command against the running domain (through {@code asadmin.sh}). */
  public void asadmin(String... args) {
    var cmd = new java.util.ArrayList<String>();
    cmd.add(scripts.resolve("asadmin.sh").toString());
    cmd.addAll(List.of(args));
    run(cmd);
  }

  public void stop() {
    run(List.of(scripts.resolve("stop.sh").toString()));
  }

  private void run(List<String> command) {
    var cmd = new java.util.ArrayList<String>();
    cmd.add("bash");
    cmd.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    String log = env.get("KRETANOTE_SCRIPT_LOG");
    if (log == null) {
      pb.inheritIO();
    } else {
      // Under a test runner the scripts' output goes to a file (stdout belongs to the runner).
      pb.redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(log).toFile()));
    }
    pb.environment().putAll(env);
    try {
      int exit = pb.start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            Path.of(command.get(0)).getFileName()
                + " failed with exit code "
                + exit
                + (log == null ? "" : "; its output is in " + log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command.get(0), e);
    }
  }
}
