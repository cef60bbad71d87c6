package in.picode.kretanote.tenant.view;

import in.picode.kretanote.platform.security.PasskeyCeremony;
import in.picode.kretanote.platform.security.SecondFactorStep;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.tenant.boundary.AccountChangeRefusedException;
import in.picode.kretanote.tenant.boundary.Passkeys;
import in.picode.kretanote.tenant.boundary.SecondFactors;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;

/**
 * The signed-in user's own sign-in security: set up an authenticator app (QR code, then a first
 * code), see how many recovery codes are left and get new ones, turn the factor off; the owner also
 * decides whether the whole business must use one. Recovery codes are shown once.
 */
@Named
@ViewScoped
public class AccountSecurityBean implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String TEXTS = "in.picode.kretanote.tenant.view.SignInTexts";
  private static final String FORM = "security";
  private static final String PASSKEYS = "passkeys";
  private static final String OPTIONS = "kretanote.passkey.registrationOptions";

  @Inject SecondFactors secondFactors;
  @Inject Passkeys passkeys;
  @Inject PasskeyCeremony ceremony;
  @Inject CurrentUser currentUser;

  private boolean enabled;
  private boolean required;
  private int recoveryCodesLeft;
  private SecondFactors.Offer offer;
  private String code;
  private List<String> shownCodes = List.of();
  private List<Passkeys.View> passkeyList = List.of();
  private boolean anyFactor;
  private String passkeyName;
  private String passkeyClientData;
  private String passkeyAttestation;

  @PostConstruct
  void load() {
    long user = currentUser.getUserId();
    enabled = secondFactors.enabled(user);
    recoveryCodesLeft = secondFactors.recoveryCodesLeft(user);
    required = secondFactors.requiredForUser(user);
    passkeyList = currentUser.isOperator() ? List.of() : passkeys.list(user);
    anyFactor = secondFactors.anyFactor(user);
  }

  /** Stores the passkey the browser created (answer in hidden fields) under the typed name. */
  public void registerPasskey() {
    byte[] challenge = ceremony.take(request(), PasskeyCeremony.REGISTER).orElse(null);
    try {
      passkeys.register(
          currentUser.getUserId(),
          passkeyName,
          PasskeyCeremony.bytes(passkeyClientData),
          PasskeyCeremony.bytes(passkeyAttestation),
          challenge,
          ceremony.party(request()),
          currentUser.getClientAddress());
      request().getSession().removeAttribute(SecondFactorStep.MUST_ENROL);
      PageMessages.info(Texts.of(TEXTS, "security.msg.passkeyAdded"));
      passkeyName = null;
    } catch (AccountChangeRefusedException e) {
      PageMessages.error(PASSKEYS, e.field(), Wordings.of(e));
    } finally {
      passkeyClientData = null;
      passkeyAttestation = null;
      load();
    }
  }

  public void removePasskey(long id) {
    try {
      passkeys.remove(currentUser.getUserId(), id, currentUser.getClientAddress());
      PageMessages.info(Texts.of(TEXTS, "security.msg.passkeyRemoved"));
    } catch (AccountChangeRefusedException e) {
      PageMessages.error(PASSKEYS, e.field(), Wordings.of(e));
    } finally {
      load();
    }
  }

  /** The browser's options to create a passkey, with a new challenge; once per request. */
  public String getPasskeyOptions() {
    HttpServletRequest request = request();
    Object made = request.getAttribute(OPTIONS);
    if (made == null) {
      Passkeys.Enrolment e = passkeys.enrolment(currentUser.getUserId());
      made = ceremony.registrationOptions(request, e.userHandle(), e.userName(), e.existing());
      request.setAttribute(OPTIONS, made);
    }
    return (String) made;
  }

  /** A moment for the passkey list, in UTC to the minute; "never" when there is none. */
  public List<Passkeys.View> getPasskeys() {
    return passkeyList;
  }

  public String getPasskeyName() {
    return passkeyName;
  }

  public void setPasskeyName(String passkeyName) {
    this.passkeyName = passkeyName;
  }

  public String getPasskeyClientData() {
    return passkeyClientData;
  }

  public void setPasskeyClientData(String passkeyClientData) {
    this.passkeyClientData = passkeyClientData;
  }

  public String getPasskeyAttestation() {
    return passkeyAttestation;
  }

  public void setPasskeyAttestation(String passkeyAttestation) {
    this.passkeyAttestation = passkeyAttestation;
  }

  public void start() {
    offer = secondFactors.offer(currentUser.getUserId());
  }

  public void confirm() {
    refusable(
        () -> {
          shownCodes =
              secondFactors.enable(
                  currentUser.getUserId(), offer.secret(), code, currentUser.getClientAddress());
          offer = null;
          request().getSession().removeAttribute(SecondFactorStep.MUST_ENROL);
          load();
          PageMessages.info(Texts.of(TEXTS, "security.msg.on"));
        });
  }

  public void renewCodes() {
    refusable(
        () -> {
          shownCodes =
              secondFactors.newRecoveryCodes(
                  currentUser.getUserId(), code, currentUser.getClientAddress());
          load();
          PageMessages.info(Texts.of(TEXTS, "security.msg.renewed"));
        });
  }

  public void disable() {
    refusable(
        () -> {
          secondFactors.disable(currentUser.getUserId(), code, currentUser.getClientAddress());
          shownCodes = List.of();
          load();
          PageMessages.info(Texts.of(TEXTS, "security.msg.off"));
        });
  }

  public void saveRequirement() {
    refusable(
        () -> {
          secondFactors.require(currentUser.getUserId(), required, currentUser.getClientAddress());
          load();
          PageMessages.info(
              required
                  ? Texts.of(TEXTS, "security.msg.required")
                  : Texts.of(TEXTS, "security.msg.optional"));
        });
  }

  private void refusable(Runnable action) {
    try {
      action.run();
    } catch (AccountChangeRefusedException e) {
      String field = "code".equals(e.field()) && enabled ? "current" : e.field();
      PageMessages.error(FORM, field, Wordings.of(e));
      load();
    } finally {
      code = null;
    }
  }

  private static HttpServletRequest request() {
    return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }

  public String getQrSvg() {
    return offer == null ? null : QrSvg.of(offer.otpauthUri());
  }

  /** The secret in groups of four, for typing it into an app by hand. */
  public String getSecretForTyping() {
    return offer == null ? null : offer.secret().replaceAll("(.{4})(?!$)", "$1 ");
  }

  public boolean isSettingUp() {
    return offer != null;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public boolean isRequired() {
    return required;
  }

  public void setRequired(boolean required) {
    this.required = required;
  }

  public boolean isMustEnrol() {
    return !anyFactor && request().getSession().getAttribute(SecondFactorStep.MUST_ENROL) != null;
  }

  public int getRecoveryCodesLeft() {
    return recoveryCodesLeft;
  }

  public List<String> getShownCodes() {
    return shownCodes;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
