package in.picode.kretanote.testing;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.connection.boundary.Actor;
import in.picode.kretanote.connection.boundary.SignupRequest;
import in.picode.kretanote.connection.boundary.WhatsAppConnections;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.outbound.boundary.Templates;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.tenant.boundary.Tenants;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The sending and campaign tests' shared fixture: a fresh tenant with a number connected through
 * Embedded Signup against the Meta simulator, and templates Meta has approved on it. Everything
 * goes through the boundaries a tenant would use, so a test starts where a real business would.
 */
@Dependent
public class SimulatedNumbers {

  /** The body of {@link #approveTemplate}'s templates: two values and the opt-out line. */
  public static final String TEMPLATE_BODY = "Hi {{1}}, news about {{2}}. Reply STOP to opt out.";

  @Inject Tenants tenants;
  @Inject WhatsAppConnections connections;
  @Inject Templates templates;

  /** A tenant's connected number: its WABA and phone number id at the simulator. */
  public record Number(long tenant, long connectionId, String waba, String pnid) {}

  /**
   * A new tenant "{@code tenantPrefix label …}" with one connected number, shown as {@code
   * displayPrefix} followed by the last three digits of its phone number id.
   */
  public Number connect(String tenantPrefix, String label, String displayPrefix) {
    long tenant =
        tenants
            .create(tenantPrefix + " " + label + " " + UUID.randomUUID().toString().substring(0, 8))
            .getId();
    String waba = SimulatorControl.newId();
    String pnid = SimulatorControl.newId();
    String code =
        SimulatorControl.fromServerConfig()
            .signupCode(waba, pnid, displayPrefix + " " + pnid.substring(pnid.length() - 3));
    WhatsAppConnection c =
        as(
            tenant,
            () -> connections.connect(SignupRequest.of(code, waba, pnid, null), Actor.SYSTEM));
    assertThat(c.getStatus()).isEqualTo(WhatsAppConnection.Status.CONNECTED);
    return new Number(tenant, c.getId(), waba, pnid);
  }

  /** Creates an en_US template with {@link #TEMPLATE_BODY}, has Meta approve it, and syncs. */
  public void approveTemplate(Number n, String name, Category category) {
    as(n.tenant(), () -> templates.create(n.connectionId(), name, "en_US", category, components()));
    SimulatorControl.fromServerConfig().templateStatus(n.waba(), name, "en_US", "APPROVED");
    as(n.tenant(), () -> templates.sync(n.connectionId()));
  }

  public static JsonArray components() {
    return Json.createArrayBuilder()
        .add(
            Json.createObjectBuilder()
                .add("type", "BODY")
                .add("text", TEMPLATE_BODY)
                // Meta refuses a body with placeholders and no examples (so does the simulator).
                .add(
                    "example",
                    Json.createObjectBuilder()
                        .add(
                            "body_text",
                            Json.createArrayBuilder()
                                .add(Json.createArrayBuilder().add("Ana").add("shoes")))))
        .build();
  }

  /** Runs {@code work} as {@code tenant}, as a request of that tenant would. */
  public static <T> T as(long tenant, Callable<T> work) {
    try {
      return Tenancy.callAs(tenant, work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
