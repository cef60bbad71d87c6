package in.picode.kretanote.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs on the build machines, so the container files are checked statically by
 * {@code docker/check.sh} (shell syntax, compose config where a compose binary exists, files the
 * Dockerfile copies, driver version pinned as in the POM) after the EAR is packaged.
 */
class DockerFilesIT {

  @Test
  void dockerFilesPassTheStaticChecks() throws IOException, InterruptedException {
    Path root = Path.of(System.getProperty("kretanote.system.serverConfig")).getParent();
    Process p =
        new ProcessBuilder("bash", root.resolve("docker/check.sh").toString())
            .directory(root.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).doesNotContain("FAIL");
  }
}
