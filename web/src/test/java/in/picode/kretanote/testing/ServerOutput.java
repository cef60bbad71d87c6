package in.picode.kretanote.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Everything printed to this JVM's standard output from {@link #capture()} on, which includes
 * Payara Micro's whole log: Arquillian copies each line of the server process to {@code System.out}
 * ({@code outputToConsole} in arquillian.xml). Lets a test read the server log after the calls it
 * made, e.g. to prove a secret never reached it.
 */
public final class ServerOutput implements AutoCloseable {

  private final PrintStream original;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  private ServerOutput() {
    original = System.out;
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            original.write(b);
            synchronized (copy) {
              copy.write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) {
            original.write(b, off, len);
            synchronized (copy) {
              copy.write(b, off, len);
            }
          }

          @Override
          public void flush() {
            original.flush();
          }
        };
    System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  public static ServerOutput capture() {
    return new ServerOutput();
  }

  public String text() {
    synchronized (copy) {
      return copy.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    System.setOut(original);
  }
}
