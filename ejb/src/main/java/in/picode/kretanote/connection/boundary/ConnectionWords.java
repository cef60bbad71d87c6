package in.picode.kretanote.connection.boundary;

import in.picode.kretanote.platform.boundary.Wording;

/**
 * What the WhatsApp connection feature (Embedded Signup, retries, the sandbox) says to a tenant, as
 * codes. A failed step reads as what KretaNote was doing ({@code STEP_*}), why it failed ({@code
 * WHY_*}) and Meta's code and trace for support ({@code SUPPORT_*}).
 */
public enum ConnectionWords implements Wording.Code {
  NO_CODE("Meta did not hand over an authorization code. Start the connection again."),
  BAD_CODE("The authorization code is not one Meta issues. Start the connection again."),
  NO_WABA_ID(
      "Meta did not tell which WhatsApp Business Account id you chose. Finish every step in"
          + " Meta''s window, then try again."),
  NO_PHONE_NUMBER_ID(
      "Meta did not tell which phone number id you chose. Finish every step in Meta''s window,"
          + " then try again."),
  BAD_WABA_ID("The WhatsApp Business Account id is not valid."),
  BAD_PHONE_NUMBER_ID("The phone number id is not valid."),
  BAD_BUSINESS_ID("The business id is not valid."),
  NOT_IN_WABA(
      "The phone number you chose is not part of the WhatsApp Business Account you authorised."
          + " Connect again and pick the number in Meta''s window."),
  HELD_ELSEWHERE(
      "This phone number is already connected to another KretaNote account. It must be"
          + " disconnected there first."),
  NOTHING_TO_RETRY("There is no authorization to retry with. Connect again."),
  TOKEN_INVALID(
      "Meta says this authorization is no longer valid (it expired or was revoked). Start the"
          + " connection again."),
  TOKEN_OTHER_APP(
      "This authorization was given to another app, not to KretaNote. Start the connection again"
          + " from this page."),
  TOKEN_NO_SENDING(
      "KretaNote needs two permissions on your WhatsApp Business Account: to manage it and to"
          + " send messages. Sending messages was not granted. Connect again and keep both"
          + " permissions selected."),
  TOKEN_NO_MANAGING(
      "KretaNote needs two permissions on your WhatsApp Business Account: to manage it and to"
          + " send messages. Managing the account was not granted. Connect again and keep both"
          + " permissions selected."),
  TOKEN_NO_PERMISSIONS(
      "KretaNote needs two permissions on your WhatsApp Business Account: to manage it and to"
          + " send messages. Both were not granted. Connect again and keep both permissions"
          + " selected."),
  TOKEN_OTHER_WABA(
      "The authorization does not cover the WhatsApp Business Account you chose. Connect again"
          + " and select that account in Meta''s window."),
  STEP_EXCHANGE_CODE("KretaNote could not exchange Meta''s authorization code."),
  STEP_CHECK_TOKEN("KretaNote could not check the permissions Meta granted."),
  STEP_SUBSCRIBE_APP(
      "KretaNote could not subscribe to your WhatsApp Business Account, so it would not receive"
          + " your customers'' messages."),
  STEP_REGISTER_NUMBER(
      "KretaNote could not register your phone number for the WhatsApp Cloud API."),
  STEP_READ_NUMBER("KretaNote could not read your phone number''s details from Meta."),
  WHY_CODE_USED(
      "The code was already used, has expired, or was not issued for KretaNote. Start the"
          + " connection again."),
  WHY_PIN(
      "The number is protected by a two-step verification PIN that KretaNote does not know. Turn"
          + " off two-step verification for this number in WhatsApp Manager, then retry."),
  WHY_REGISTER_LIMIT(
      "Meta allows only a few registration attempts per number per day. Retry tomorrow."),
  WHY_NO_ANSWER("Meta did not answer in time. Retry in a moment."),
  WHY_TEMPORARY("Meta had a temporary problem. Retry in a moment."),
  WHY_THROTTLED("Meta is limiting requests right now. Retry in a few minutes."),
  WHY_AUTH(
      "Meta rejected the authorization (it may have expired, been revoked, or lack a"
          + " permission). Connect again."),
  WHY_REFUSED("Meta refused the request. Retry, and if it fails again contact support."),
  WHY_REFUSED_SAYING("Meta refused the request: {0} Retry, and if it fails again contact support."),
  SUPPORT_CODE_TRACE("(Meta error {0,number,#}, trace {1})"),
  SUPPORT_CODE("(Meta error {0,number,#})"),
  SUPPORT_TRACE("(trace {0})"),
  SANDBOX_ONLY_NUMBERS("Simulated numbers exist only in sandbox mode"),
  SANDBOX_ONLY_CUSTOMERS("Simulated customers exist only in sandbox mode"),
  SIMULATOR_NO_CODE("The Meta simulator refused a signup code (HTTP {0,number,#})"),
  SIMULATOR_NO_MESSAGE(
      "The Meta simulator did not take the customer''s message (HTTP {0,number,#})"),
  SIMULATOR_DOWN("The Meta simulator does not answer at {0}; is the sandbox running?"),
  DISCONNECT_NO_TOKEN(
      "KretaNote held no working authorization, so Meta was not told. Remove KretaNote from your"
          + " business in Meta Business Suite if it still appears there."),
  DISCONNECT_NOT_UNSUBSCRIBED(
      "Meta could not be told to stop sending this account''s messages to KretaNote ({0})."
          + " KretaNote ignores them from now on; you can also remove KretaNote in Meta Business"
          + " Suite."),
  DISCONNECT_NOT_DEREGISTERED("Meta could not be told to deregister the number.");

  private final String pattern;

  ConnectionWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
