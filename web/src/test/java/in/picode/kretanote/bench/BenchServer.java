package in.picode.kretanote.bench;

import in.picode.kretanote.devserver.DatabaseSettings;
import in.picode.kretanote.devserver.EmbeddedDatabase;
import in.picode.kretanote.testing.WebDeployments;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * A throw-away server for {@link WebhookBench} on this machine, away from the run command's ports:
 * a fresh embedded MariaDB, the application as one WAR (the EAR's content; Payara Micro cannot
 * deploy an EAR) on Payara Micro, with the webhook secret and the baseline endpoint configured.
 * Ctrl-C stops both.
 *
 * <p>Arguments: {@code <work dir> <http port> <app secret> <payara-micro.jar>
 * <mariadb-java-client.jar>}.
 */
public final class BenchServer {

  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    String secret = args[2];
    Path micro = Path.of(args[3]).toAbsolutePath();
    Path driver = Path.of(args[4]).toAbsolutePath();
    Files.createDirectories(work);

    EmbeddedDatabase database = EmbeddedDatabase.start(work.resolve("mariadb"), 0);
    DatabaseSettings root = database.root("kretanote_bench");
    try (var c = root.withDatabase("").connect();
        var s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS kretanote_bench");
    }
    DatabaseSettings db = database.provision("kretanote_bench");

    File war = work.resolve("kretanote.war").toFile();
    Path web = Files.isDirectory(Path.of("web/src/main/webapp")) ? Path.of("web") : Path.of(".");
    WebDeployments.app("kretanote", web.toAbsolutePath().normalize())
        .as(ZipExporter.class)
        .exportTo(war, true);
    Path postboot = work.resolve("postboot.asadmin");
    Files.writeString(
        postboot,
        String.join(
            "\n",
            "create-jdbc-connection-pool --datasourceclassname org.mariadb.jdbc.MariaDbDataSource"
                + " --restype javax.sql.DataSource --steadypoolsize 8 --maxpoolsize 32"
                + " --isconnectvalidatereq true --validateatmostonceperiod 1"
                + " --validationmethod custom-validation"
                + " --validationclassname org.glassfish.api.jdbc.validation.MySQLConnectionValidation"
                + " --failconnection true --property url="
                + db.url().replace(":", "\\:").replace("=", "\\=")
                + ":user="
                + db.user()
                + ":password="
                + db.password()
                + " kretanote-pool",
            "create-jdbc-resource --connectionpoolid kretanote-pool jdbc/kretanote",
            "create-javamail-resource --mailhost 127.0.0.1 --mailuser kretanote"
                + " --fromaddress no-reply@kretanote.test mail/kretanote",
            ""));
    List<String> command = new java.util.ArrayList<>();
    command.addAll(
        List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-Xmx768m",
            "-Duser.timezone=UTC",
            "-Dkretanote.meta.app-secret=" + secret,
            "-Dkretanote.webhook.baseline-endpoint=true",
            // Plain HTTP on loopback: a Secure session cookie would never come back, and every
            // form post (sign-in, sign-up) would fail with an expired view.
            "-Dkretanote.security.secure-cookie=false"));
    // Any -Dkretanote.* given to this launcher is configuration for the server.
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("kretanote."))
        .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
    command.addAll(
        List.of(
            "-jar",
            micro.toString(),
            "--nocluster",
            "--port",
            Integer.toString(port),
            "--addLibs",
            driver.toString(),
            "--postbootcommandfile",
            postboot.toString(),
            "--deploy",
            war.getPath(),
            "--contextroot",
            "/"));
    System.out.println(
        "Database: " + db.url() + " user " + db.user() + " password " + db.password());
    System.out.println("Starting: " + String.join(" ", command));
    Process server = new ProcessBuilder(command).inheritIO().start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.destroy();
                  database.close();
                }));
    System.exit(server.waitFor());
  }
}
