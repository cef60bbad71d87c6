package in.picode.kretanote.contact.entity;

import in.picode.kretanote.contact.boundary.ContactWords;
import in.picode.kretanote.platform.boundary.WordedArgumentException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A tenant's customer on WhatsApp, identified by the business-scoped user id when Meta sends one
 * and by the WhatsApp id otherwise; the phone number is an optional attribute.
 */
@Entity
@Table(name = "contact")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = Contact.BY_IDENTITY,
    query = "select c from Contact c where c.identityKey = :key")
@NamedQuery(
    name = Contact.BY_IDENTITIES,
    query = "select c from Contact c where c.identityKey in :keys")
@NamedQuery(
    name = Contact.BY_USER_ID,
    query = "select c from Contact c where c.userId = :userId order by c.id")
@NamedQuery(
    name = Contact.BY_WA_ID,
    query = "select c from Contact c where c.waId = :waId order by c.id")
@NamedQuery(
    name = Contact.BY_WA_ID_WITHOUT_USER_ID,
    query = "select c from Contact c where c.waId = :waId and c.userId is null order by c.id")
@NamedQuery(
    name = Contact.PAGE_BY_NAME,
    query = "select c from Contact c order by c.displayName, c.id")
public class Contact {

  public static final String BY_IDENTITY = "Contact.byIdentity";
  public static final String BY_IDENTITIES = "Contact.byIdentities";
  public static final String BY_USER_ID = "Contact.byUserId";
  public static final String BY_WA_ID = "Contact.byWaId";
  public static final String BY_WA_ID_WITHOUT_USER_ID = "Contact.byWaIdWithoutUserId";
  public static final String PAGE_BY_NAME = "Contact.pageByName";
  public static final int WA_ID_MAX = 32;
  public static final int USERNAME_MAX = 100;
  public static final int NAME_MAX = 200;
  public static final int IDENTITY_MAX = 160;
  public static final int EMAIL_MAX = 254;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "identity_key", nullable = false, updatable = false, length = IDENTITY_MAX)
  private String identityKey;

  @Column(name = "wa_id", length = WA_ID_MAX)
  private String waId;

  @Column(name = "user_id", length = IDENTITY_MAX)
  private String userId;

  @Column(length = USERNAME_MAX)
  private String username;

  @Size(max = NAME_MAX)
  @Column(name = "profile_name", length = NAME_MAX)
  private String profileName;

  @Size(max = NAME_MAX)
  @Column(name = "display_name", length = NAME_MAX)
  private String displayName;

  @Column(length = WA_ID_MAX)
  private String phone;

  @Size(max = EMAIL_MAX)
  @Column(length = EMAIL_MAX)
  private String email;

  @Column(name = "opted_out", nullable = false)
  private boolean optedOut;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** The customer's latest answer to a call permission request: ACCEPT or REJECT (issue 20). */
  @Column(name = "call_permission", length = 10)
  private String callPermission;

  @Column(name = "call_permission_permanent", nullable = false)
  private boolean callPermissionPermanent;

  @Column(name = "call_permission_expires_at")
  private Instant callPermissionExpiresAt;

  @Column(name = "call_permission_at")
  private Instant callPermissionAt;

  /** Meta said the customer's identity (security code) changed: shown as a warning. */
  @Column(name = "identity_changed_at")
  private Instant identityChangedAt;

  @Column(name = "identity_notice", length = 500)
  private String identityNotice;

  @Version private long version;

  protected Contact() {}

  /**
   * A call permission answer given at {@code at}; an older answer than the one stored changes
   * nothing (webhooks arrive out of order). Returns whether it changed.
   */
  public boolean callPermission(
      boolean accepted, boolean permanent, Instant expiresAt, Instant at) {
    if (callPermissionAt != null && !at.isAfter(callPermissionAt)) {
      return false;
    }
    callPermission = accepted ? "ACCEPT" : "REJECT";
    callPermissionPermanent = accepted && permanent;
    callPermissionExpiresAt = accepted && !permanent ? expiresAt : null;
    callPermissionAt = at;
    updatedAt = at;
    return true;
  }

  /** Meta's customer_identity_changed notice at {@code at}; a replay changes nothing. */
  public boolean identityChanged(String notice, Instant at) {
    if (identityChangedAt != null && !at.isAfter(identityChangedAt)) {
      return false;
    }
    identityChangedAt = at;
    identityNotice =
        notice == null ? null : notice.length() > 500 ? notice.substring(0, 500) : notice;
    return true;
  }

  public String getCallPermission() {
    return callPermission;
  }

  public boolean isCallPermissionPermanent() {
    return callPermissionPermanent;
  }

  public Instant getCallPermissionExpiresAt() {
    return callPermissionExpiresAt;
  }

  public Instant getCallPermissionAt() {
    return callPermissionAt;
  }

  public Instant getIdentityChangedAt() {
    return identityChangedAt;
  }

  public String getIdentityNotice() {
    return identityNotice;
  }

  /** A contact known by its business-scoped user id and/or WhatsApp id; at least one is needed. */
  public Contact(String userId, String waId, String profileName, Instant now) {
    if (isBlank(userId) && isBlank(waId)) {
      throw new IllegalArgumentException("A contact needs a user id or a WhatsApp id");
    }
    this.userId = isBlank(userId) ? null : userId;
    this.waId = isBlank(waId) ? null : waId;
    this.identityKey = identityKey(userId, waId);
    this.profileName = limit(profileName);
    this.displayName = this.profileName != null ? this.profileName : this.waId;
    this.createdAt = Objects.requireNonNull(now);
    this.updatedAt = now;
  }

  /** The identity rule from META-CLOUD-API.md: user_id when present, else wa_id. */
  public static String identityKey(String userId, String waId) {
    String key = isBlank(userId) ? waId : userId;
    if (isBlank(key)) {
      throw new IllegalArgumentException("A contact needs a user id or a WhatsApp id");
    }
    if (key.length() > IDENTITY_MAX) {
      throw new IllegalArgumentException("Contact id longer than " + IDENTITY_MAX + " characters");
    }
    return key;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String limit(String s) {
    if (isBlank(s)) {
      return null;
    }
    return s.length() > NAME_MAX ? s.substring(0, NAME_MAX) : s;
  }

  public void rename(String name, Instant now) {
    if (isBlank(name)) {
      throw new WordedArgumentException(ContactWords.NAME_EMPTY.with());
    }
    if (name.length() > NAME_MAX) {
      throw new WordedArgumentException(ContactWords.NAME_MAX.with(NAME_MAX));
    }
    this.displayName = name.strip();
    this.updatedAt = now;
  }

  /**
   * What Meta tells about the person in a webhook: a newer profile name, a username, the user id or
   * phone number learned later. Nothing given is nothing changed. The display name follows the
   * profile name unless someone in the team renamed the contact.
   */
  public void seenOnWhatsApp(
      String newUserId, String newWaId, String newProfileName, String newUsername, Instant now) {
    boolean followsProfile =
        displayName == null || displayName.equals(profileName) || displayName.equals(waId);
    boolean changed = false;
    if (!isBlank(newUserId) && userId == null && newUserId.length() <= IDENTITY_MAX) {
      userId = newUserId;
      changed = true;
    }
    if (!isBlank(newWaId) && !newWaId.equals(waId) && newWaId.length() <= WA_ID_MAX) {
      waId = newWaId;
      changed = true;
    }
    String name = limit(newProfileName);
    if (name != null && !name.equals(profileName)) {
      profileName = name;
      if (followsProfile) {
        displayName = name;
      }
      changed = true;
    }
    if (!isBlank(newUsername) && !newUsername.equals(username)) {
      username =
          newUsername.length() > USERNAME_MAX
              ? newUsername.substring(0, USERNAME_MAX)
              : newUsername;
      changed = true;
    }
    if (changed) {
      updatedAt = now;
    }
  }

  /**
   * What a CSV import knows about the person: a name and an email replace the stored ones when
   * given; nothing given is nothing changed. The phone number is the WhatsApp id's digits.
   */
  public void imported(String name, String newEmail, Instant now) {
    if (!isBlank(name)) {
      this.displayName = limit(name);
    }
    if (!isBlank(newEmail)) {
      if (newEmail.length() > EMAIL_MAX) {
        throw new IllegalArgumentException("An email has at most " + EMAIL_MAX + " characters");
      }
      this.email = newEmail.strip();
    }
    if (phone == null && waId != null) {
      phone = "+" + waId;
    }
    this.updatedAt = now;
  }

  public String getPhone() {
    return phone;
  }

  public String getEmail() {
    return email;
  }

  public void optOut(Instant now) {
    this.optedOut = true;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getIdentityKey() {
    return identityKey;
  }

  public String getWaId() {
    return waId;
  }

  public String getUserId() {
    return userId;
  }

  public String getUsername() {
    return username;
  }

  public String getProfileName() {
    return profileName;
  }

  public String getDisplayName() {
    return displayName;
  }

  public boolean isOptedOut() {
    return optedOut;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
