package in.picode.kretanote.connection.control;

import in.picode.kretanote.connection.boundary.ConnectionWords;
import in.picode.kretanote.connection.boundary.SandboxUnavailableException;
import in.picode.kretanote.connection.boundary.SignupRequest;
import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sandbox mode only ({@code kretanote.sandbox=true}): plays the browser's part of Embedded Signup
 * by asking the Meta simulator's control API ({@code POST /_sim/signup-codes}, next to the Graph
 * API at {@code kretanote.meta.graph-url}) for a code for a fresh simulated number. The code then
 * goes through exactly the same server flow as a real one. Refuses to do anything outside sandbox
 * mode, so production can never be pointed at it.
 */
@ApplicationScoped
public class SandboxSignup {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject
  @ConfigProperty(name = "kretanote.sandbox", defaultValue = "false")
  boolean sandbox;

  @Inject
  @ConfigProperty(name = "kretanote.meta.graph-url", defaultValue = "https://graph.facebook.com")
  String graphUrl;

  public boolean isEnabled() {
    return sandbox;
  }

  /** A signup as if the tenant had finished Meta's window with a new simulated number. */
  public SignupRequest simulatedSignup() {
    if (!sandbox) {
      throw new SandboxUnavailableException(ConnectionWords.SANDBOX_ONLY_NUMBERS.with());
    }
    String waba = "10" + digits(13);
    String pnid = "20" + digits(13);
    String display = "+1 555 01" + digits(2) + " " + digits(4);
    JsonObject request =
        Jsons.createObjectBuilder()
            .add("waba_id", waba)
            .add("phone_number_id", pnid)
            .add("display_phone_number", display)
            .add("verified_name", "Sandbox Business")
            .build();
    String base = graphUrl.endsWith("/") ? graphUrl : graphUrl + "/";
    Client http =
        ClientBuilder.newBuilder()
            .connectTimeout(3, TimeUnit.SECONDS)
            .readTimeout(10, TimeUnit.SECONDS)
            .build();
    try (Response r =
        http.target(base + "_sim/signup-codes")
            .request(MediaType.APPLICATION_JSON_TYPE)
            .post(Entity.entity(request.toString(), MediaType.APPLICATION_JSON))) {
      String body = r.readEntity(String.class);
      if (r.getStatus() != 200) {
        throw new SandboxUnavailableException(
            ConnectionWords.SIMULATOR_NO_CODE.with(r.getStatus()));
      }
      try (JsonReader reader = Jsons.createReader(new StringReader(body))) {
        String code = reader.readObject().getString("code");
        return SignupRequest.of(code, waba, pnid, null);
      }
    } catch (ProcessingException e) {
      throw new SandboxUnavailableException(ConnectionWords.SIMULATOR_DOWN.with(base));
    } finally {
      http.close();
    }
  }

  /**
   * Sandbox mode only: a simulated customer writes {@code text} to the number, through the
   * simulator's {@code POST /_sim/customers/{pnid}/messages}; the message then arrives as Meta's
   * webhook, like a real one.
   */
  public void customerWrites(String phoneNumberId, String waId, String name, String text) {
    if (!sandbox) {
      throw new SandboxUnavailableException(ConnectionWords.SANDBOX_ONLY_CUSTOMERS.with());
    }
    JsonObject request =
        Jsons.createObjectBuilder().add("text", text).add("wa_id", waId).add("name", name).build();
    String base = graphUrl.endsWith("/") ? graphUrl : graphUrl + "/";
    Client http =
        ClientBuilder.newBuilder()
            .connectTimeout(3, TimeUnit.SECONDS)
            .readTimeout(10, TimeUnit.SECONDS)
            .build();
    try (Response r =
        http.target(base + "_sim/customers/" + phoneNumberId + "/messages")
            .request(MediaType.APPLICATION_JSON_TYPE)
            .post(Entity.entity(request.toString(), MediaType.APPLICATION_JSON))) {
      if (r.getStatus() != 200) {
        throw new SandboxUnavailableException(
            ConnectionWords.SIMULATOR_NO_MESSAGE.with(r.getStatus()));
      }
    } catch (ProcessingException e) {
      throw new SandboxUnavailableException(ConnectionWords.SIMULATOR_DOWN.with(base));
    } finally {
      http.close();
    }
  }

  private static String digits(int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append(RANDOM.nextInt(10));
    }
    return s.toString();
  }
}
