package in.picode.kretanote.sandbox.meta;

/**
 * A simulated WhatsApp user. Since 2026 a user is identified by a business-scoped user id ({@code
 * user_id}, e.g. {@code DE.1234567890}) when Meta sends one, else by the phone number ({@code
 * wa_id}); a user who adopted a username may come without a phone number at all.
 */
public record Customer(String waId, String userId, String name, String username) {

  public Customer {
    if (waId == null && userId == null) {
      throw new IllegalArgumentException("a customer needs a wa_id or a user_id");
    }
  }

  /** A user known by phone number only (the classic case). */
  public static Customer phone(String waId, String name) {
    return new Customer(waId, null, name, null);
  }

  /** A user with both a phone number and a business-scoped user id. */
  public static Customer phoneAndUserId(String waId, String userId, String name) {
    return new Customer(waId, userId, name, null);
  }

  /** A user who adopted a username: no phone number in the webhooks. */
  public static Customer usernameOnly(String userId, String username, String name) {
    return new Customer(null, userId, name, username);
  }

  /** The identity KretaNote must key the contact on: {@code user_id} when present. */
  public String identity() {
    return userId != null ? userId : waId;
  }
}
