package in.picode.kretanote.connection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A WhatsApp number of a tenant and the state of its link to Meta. The access token and the
 * registration PIN are held only as TokenVault ciphertexts; disconnecting drops the token at once
 * (the table refuses a disconnected row with a token). Only {@link Status#CONNECTED} means
 * KretaNote can send: a signup that stopped half-way is {@link Status#FAILED} with its step.
 */
@Entity
@Table(name = "whatsapp_connection")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = WhatsAppConnection.ALL,
    query = "select c from WhatsAppConnection c order by c.createdAt, c.id")
@NamedQuery(
    name = WhatsAppConnection.BY_PHONE_NUMBER,
    query = "select c from WhatsAppConnection c where c.phoneNumberId = :pnid")
public class WhatsAppConnection {

  public static final String ALL = "WhatsAppConnection.all";
  public static final String BY_PHONE_NUMBER = "WhatsAppConnection.byPhoneNumber";
  public static final int ID_MAX = 32;
  public static final int NAME_MAX = 200;

  public enum Status {
    PENDING,
    CONNECTED,
    RECONNECT_NEEDED,
    DISCONNECTED,
    FAILED;

    /** Still holds the number (and a token): webhooks route here, no other tenant may take it. */
    public boolean isLive() {
      return this != DISCONNECTED;
    }
  }

  /** The steps of Embedded Signup on the server, in order. */
  public enum Step {
    EXCHANGE_CODE,
    CHECK_TOKEN,
    SUBSCRIBE_APP,
    REGISTER_NUMBER,
    READ_NUMBER
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "waba_id", nullable = false, length = ID_MAX)
  private String wabaId;

  @Column(name = "phone_number_id", nullable = false, updatable = false, length = ID_MAX)
  private String phoneNumberId;

  @Column(name = "business_id", length = ID_MAX)
  private String businessId;

  @Column(name = "display_phone_number", length = 40)
  private String displayPhoneNumber;

  @Column(name = "verified_name", length = NAME_MAX)
  private String verifiedName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Status status;

  @Embedded private SignupFailure failure = new SignupFailure();

  @Column(name = "access_token")
  private byte[] accessToken;

  @Column(name = "token_expires_at")
  private Instant tokenExpiresAt;

  @Column(name = "registration_pin")
  private byte[] registrationPin;

  @Embedded private NumberHealth health = new NumberHealth();

  @Column(name = "last_webhook_at")
  private Instant lastWebhookAt;

  @Column(name = "connected_at")
  private Instant connectedAt;

  @Column(name = "disconnected_at")
  private Instant disconnectedAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected WhatsAppConnection() {}

  /** A new connection attempt, with the token just obtained (already encrypted). */
  public WhatsAppConnection(
      String wabaId,
      String phoneNumberId,
      String businessId,
      byte[] encryptedToken,
      Instant tokenExpiresAt,
      Instant now) {
    this.wabaId = requireId(wabaId, "WABA id");
    this.phoneNumberId = requireId(phoneNumberId, "phone number id");
    this.businessId = businessId == null ? null : requireId(businessId, "business id");
    this.createdAt = Objects.requireNonNull(now);
    begin(encryptedToken, tokenExpiresAt, now);
  }

  public static String requireId(String id, String what) {
    if (id == null || !id.matches("[0-9]{1," + ID_MAX + "}")) {
      throw new IllegalArgumentException("The " + what + " is a number of at most 32 digits");
    }
    return id;
  }

  /** (Re)starts signup with a new token: whatever failed before is forgotten. */
  public void begin(byte[] encryptedToken, Instant tokenExpiresAt, Instant now) {
    this.accessToken = Objects.requireNonNull(encryptedToken, "token").clone();
    this.tokenExpiresAt = tokenExpiresAt;
    this.status = Status.PENDING;
    this.failure = new SignupFailure();
    this.disconnectedAt = null;
    this.updatedAt = now;
  }

  /** Moves the connection to another WABA of the same business (a reconnect may do that). */
  public void rebind(String wabaId, String businessId) {
    this.wabaId = requireId(wabaId, "WABA id");
    if (businessId != null) {
      this.businessId = requireId(businessId, "business id");
    }
  }

  /** A signup step failed: {@code reason} in English, {@code wording} as codes (see there). */
  public void stepFailed(Step step, String reason, String wording, Instant now) {
    this.status = Status.FAILED;
    this.failure = new SignupFailure(Objects.requireNonNull(step), reason, wording);
    this.updatedAt = now;
  }

  public void registrationPin(byte[] encryptedPin) {
    this.registrationPin = encryptedPin == null ? null : encryptedPin.clone();
  }

  /** All steps done: the number can send. Health probes start at {@code firstProbe}. */
  public void connected(
      String displayPhoneNumber, String verifiedName, Instant now, Instant firstProbe) {
    this.displayPhoneNumber = limit(displayPhoneNumber, 40);
    this.verifiedName = limit(verifiedName, NAME_MAX);
    this.status = Status.CONNECTED;
    this.failure = new SignupFailure();
    changeHealth().connected(firstProbe);
    this.connectedAt = now;
    this.updatedAt = now;
  }

  public void numberFields(
      String qualityRating,
      String numberStatus,
      String nameStatus,
      String messagingLimit,
      String throughputLevel) {
    changeHealth()
        .numberFields(qualityRating, numberStatus, nameStatus, messagingLimit, throughputLevel);
  }

  /**
   * What one of Meta's account webhooks said about the number: only the fields it carried change
   * (null keeps the current value), and the problems become {@code problems}.
   */
  public void metaReported(
      String qualityRating,
      String numberStatus,
      String nameStatus,
      String messagingLimit,
      String verifiedName,
      String problems,
      Instant now) {
    changeHealth().reported(qualityRating, numberStatus, nameStatus, messagingLimit, problems);
    if (verifiedName != null) {
      this.verifiedName = limit(verifiedName, NAME_MAX);
    }
    this.updatedAt = now;
  }

  /** What the latest health probe found; {@code problems} is the sorted problem codes. */
  public void observed(
      String canSendMessage,
      String problems,
      Instant tokenExpiresAt,
      Instant now,
      Instant nextProbe) {
    changeHealth().observed(canSendMessage, problems, now, nextProbe);
    if (tokenExpiresAt != null) {
      this.tokenExpiresAt = tokenExpiresAt;
    }
    this.updatedAt = now;
  }

  /**
   * The number's health to read (and {@link #failure()}); EclipseLink leaves an embedded field null
   * when every one of its columns is, and reading must not change the row.
   */
  private NumberHealth health() {
    return health == null ? new NumberHealth() : health;
  }

  private NumberHealth changeHealth() {
    if (health == null) {
      health = new NumberHealth();
    }
    return health;
  }

  /** The token stopped working: sending is impossible until the tenant connects again. */
  public void reconnectNeeded(String reason, Instant now) {
    this.status = Status.RECONNECT_NEEDED;
    this.failure = new SignupFailure(failure().step(), reason, null);
    this.updatedAt = now;
  }

  /** A probe found the token working again (e.g. Meta had a hiccup when it looked invalid). */
  public void recovered(Instant now) {
    if (status == Status.RECONNECT_NEEDED) {
      status = Status.CONNECTED;
      failure = new SignupFailure(failure().step(), null, null);
      updatedAt = now;
    }
  }

  /** Ends the connection and forgets the token at once; the row stays as history. */
  public void disconnect(Instant now) {
    this.status = Status.DISCONNECTED;
    this.accessToken = null;
    this.failure = new SignupFailure(null, failure().reason(), failure().wording());
    changeHealth().stopProbing();
    this.disconnectedAt = now;
    this.updatedAt = now;
  }

  public void webhookReceived(Instant at) {
    if (lastWebhookAt == null || at.isAfter(lastWebhookAt)) {
      lastWebhookAt = at;
    }
  }

  /** The text stripped and cut to {@code max} characters; blank is null. */
  static String limit(String s, int max) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.strip();
    return t.length() > max ? t.substring(0, max) : t;
  }

  public boolean hasToken() {
    return accessToken != null;
  }

  /** The ciphertext, for the token vault; never shown anywhere. */
  public byte[] encryptedToken() {
    return accessToken == null ? null : accessToken.clone();
  }

  public byte[] encryptedRegistrationPin() {
    return registrationPin == null ? null : registrationPin.clone();
  }

  public Long getId() {
    return id;
  }

  public String getWabaId() {
    return wabaId;
  }

  public String getPhoneNumberId() {
    return phoneNumberId;
  }

  public String getBusinessId() {
    return businessId;
  }

  public String getDisplayPhoneNumber() {
    return displayPhoneNumber;
  }

  public String getVerifiedName() {
    return verifiedName;
  }

  public Status getStatus() {
    return status;
  }

  private SignupFailure failure() {
    return failure == null ? new SignupFailure() : failure;
  }

  public Step getFailedStep() {
    return failure().step();
  }

  public String getFailureReason() {
    return failure().reason();
  }

  public String getFailureWording() {
    return failure().wording();
  }

  public Instant getTokenExpiresAt() {
    return tokenExpiresAt;
  }

  public String getQualityRating() {
    return health().getQualityRating();
  }

  public String getNumberStatus() {
    return health().getNumberStatus();
  }

  public String getNameStatus() {
    return health().getNameStatus();
  }

  public String getMessagingLimit() {
    return health().getMessagingLimit();
  }

  public String getCanSendMessage() {
    return health().getCanSendMessage();
  }

  /** The number's health as Meta last reported it (never null; all empty before the first). */
  public NumberHealth getHealth() {
    return health();
  }

  public Instant getLastCheckedAt() {
    return health().getLastCheckedAt();
  }

  public String getHealthProblems() {
    return health().getHealthProblems();
  }

  public Instant getLastWebhookAt() {
    return lastWebhookAt;
  }

  public Instant getConnectedAt() {
    return connectedAt;
  }

  public Instant getDisconnectedAt() {
    return disconnectedAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
