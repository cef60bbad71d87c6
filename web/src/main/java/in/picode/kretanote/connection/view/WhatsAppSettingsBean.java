package in.picode.kretanote.connection.view;

import in.picode.kretanote.connection.boundary.Actor;
import in.picode.kretanote.connection.boundary.ConnectRefusedException;
import in.picode.kretanote.connection.boundary.ConnectionNotFoundException;
import in.picode.kretanote.connection.boundary.EmbeddedSignupSettings;
import in.picode.kretanote.connection.boundary.SendingProblem;
import in.picode.kretanote.connection.boundary.SignupRequest;
import in.picode.kretanote.connection.boundary.WhatsAppConnections;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.connection.entity.WhatsAppConnection.Status;
import in.picode.kretanote.platform.security.ClientAddresses;
import in.picode.kretanote.platform.security.SessionKeys;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The WhatsApp settings page (OWNER only, see web.xml): connect a number through Meta's Embedded
 * Signup (the page's script hands the code and ids to {@link #complete()}; a Faces postback, so the
 * view state protects it from cross-site forgery), or a simulated one in sandbox mode; retry a
 * failed step; disconnect; and the "Why can't I send?" panel for each number. Every action ends in
 * a redirect, so a reload never repeats it.
 */
@Named
@ViewScoped
public class WhatsAppSettingsBean implements Serializable {

  private static final String T = "in.picode.kretanote.connection.view.WhatsAppTexts";

  private static final long serialVersionUID = 1L;

  @Inject transient WhatsAppConnections connections;
  @Inject transient SecurityContext security;

  private List<Row> rows;
  private EmbeddedSignupSettings settings;
  private String code;
  private String wabaId;
  private String phoneNumberId;
  private String businessId;
  private Long confirming;

  /** A connection as the page shows it. */
  public record Row(
      long id,
      String number,
      String verifiedName,
      Status status,
      String statusWords,
      String quality,
      String messagingLimit,
      String lastChecked,
      List<SendingProblem> problems) {

    // Bean-style accessors: Expression Language 5 (Faces 4) does not read record components.

    public long getId() {
      return id;
    }

    public String getNumber() {
      return number;
    }

    public String getVerifiedName() {
      return verifiedName;
    }

    public Status getStatus() {
      return status;
    }

    public String getStatusWords() {
      return statusWords;
    }

    public String getQuality() {
      return quality;
    }

    public String getMessagingLimit() {
      return messagingLimit;
    }

    public String getLastChecked() {
      return lastChecked;
    }

    public List<SendingProblem> getProblems() {
      return problems;
    }

    public boolean isRetryable() {
      return status == Status.FAILED || status == Status.PENDING;
    }

    public boolean isDisconnectable() {
      return status != Status.DISCONNECTED;
    }

    public boolean isCanSend() {
      return status == Status.CONNECTED && problems.stream().noneMatch(SendingProblem::blocking);
    }
  }

  @PostConstruct
  void load() {
    settings = connections.signupSettings();
    rows = connections.list().stream().map(this::row).toList();
  }

  private Row row(WhatsAppConnection c) {
    String number =
        c.getDisplayPhoneNumber() != null
            ? c.getDisplayPhoneNumber()
            : Texts.of(T, "whatsapp.phoneNumberId", c.getPhoneNumberId());
    return new Row(
        c.getId(),
        number,
        c.getVerifiedName(),
        c.getStatus(),
        switch (c.getStatus()) {
          case CONNECTED -> Texts.of(T, "whatsapp.status.connected");
          case PENDING -> Texts.of(T, "whatsapp.status.pending");
          case FAILED -> Texts.of(T, "whatsapp.status.failed");
          case RECONNECT_NEEDED -> Texts.of(T, "whatsapp.status.reconnect");
          case DISCONNECTED -> Texts.of(T, "whatsapp.status.disconnected");
        },
        c.getQualityRating(),
        c.getMessagingLimit(),
        c.getLastCheckedAt() == null
            ? Texts.of(T, "whatsapp.notYet")
            : DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Texts.locale())
                .withZone(ZoneOffset.UTC)
                .format(c.getLastCheckedAt()),
        connections.whyCannotSend(c));
  }

  /** Embedded Signup finished in the browser: run the server flow with what it handed over. */
  public String complete() {
    try {
      SignupRequest request = SignupRequest.of(code, wabaId, phoneNumberId, businessId);
      report(connections.connect(request, actor()));
    } catch (ConnectRefusedException e) {
      error(Texts.of(T, "whatsapp.notConnected", Wordings.of(e)));
    } finally {
      code = null;
    }
    return reload();
  }

  public String connectSimulated() {
    if (!settings.sandbox()) {
      error(Texts.of(T, "whatsapp.sandboxOnly.numbers"));
      return reload();
    }
    try {
      report(connections.connectSimulated(actor()));
    } catch (ConnectRefusedException e) {
      error(Texts.of(T, "whatsapp.notConnected", Wordings.of(e)));
    } catch (IllegalStateException e) {
      error(Wordings.of(e));
    }
    return reload();
  }

  /** Sandbox mode: a simulated customer writes to the number, so the inbox can be tried. */
  public String simulateCustomer(long id) {
    if (!settings.sandbox()) {
      error(Texts.of(T, "whatsapp.sandboxOnly.customers"));
      return reload();
    }
    try {
      connections.simulateCustomerMessage(id);
      info(Texts.of(T, "whatsapp.simulatedCustomer"));
    } catch (ConnectionNotFoundException e) {
      error(Texts.of(T, "whatsapp.notOurs"));
    } catch (IllegalStateException e) {
      error(Wordings.of(e));
    }
    return reload();
  }

  public String retry(long id) {
    try {
      report(connections.retry(id, actor()));
    } catch (ConnectRefusedException e) {
      error(Wordings.of(e));
    } catch (ConnectionNotFoundException e) {
      error(Texts.of(T, "whatsapp.notOurs"));
    }
    return reload();
  }

  public void askDisconnect(long id) {
    confirming = id;
  }

  public void cancelDisconnect() {
    confirming = null;
  }

  public String confirmDisconnect() {
    if (confirming == null) {
      return reload();
    }
    try {
      WhatsAppConnections.Disconnected done = connections.disconnect(confirming, actor());
      info(Texts.of(T, "whatsapp.disconnected"));
      done.wordings().forEach(w -> warn(Wordings.of(w)));
    } catch (ConnectionNotFoundException e) {
      error(Texts.of(T, "whatsapp.notOurs"));
    }
    confirming = null;
    return reload();
  }

  private void report(WhatsAppConnection c) {
    if (c.getStatus() == Status.CONNECTED) {
      info(
          c.getDisplayPhoneNumber() == null
              ? Texts.of(T, "whatsapp.connected")
              : Texts.of(T, "whatsapp.connectedNumber", c.getDisplayPhoneNumber()));
    } else {
      String reason =
          c.getFailureReason() == null
              ? ""
              : connections.failureReason(c).stream()
                  .map(Wordings::of)
                  .collect(Collectors.joining(" "));
      error(Texts.of(T, "whatsapp.notYetConnected", reason));
    }
  }

  private Actor actor() {
    FacesContext faces = FacesContext.getCurrentInstance();
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    var session = request.getSession(false);
    Object user = session == null ? null : session.getAttribute(SessionKeys.USER_ID);
    String email =
        security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
    return new Actor(
        user instanceof Long id ? id : null, email, ClientAddresses.current().of(request));
  }

  private String reload() {
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/app/settings/whatsapp?faces-redirect=true";
  }

  private static void info(String text) {
    message(FacesMessage.SEVERITY_INFO, text);
  }

  private void warn(String text) {
    message(FacesMessage.SEVERITY_WARN, text);
  }

  private static void error(String text) {
    message(FacesMessage.SEVERITY_ERROR, text);
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public List<Row> getRows() {
    return rows;
  }

  public EmbeddedSignupSettings getSettings() {
    return settings;
  }

  public Row getConfirmingRow() {
    return confirming == null
        ? null
        : rows.stream().filter(r -> r.id() == confirming).findFirst().orElse(null);
  }

  public String getCode() {
    return null;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getWabaId() {
    return wabaId;
  }

  public void setWabaId(String wabaId) {
    this.wabaId = wabaId;
  }

  public String getPhoneNumberId() {
    return phoneNumberId;
  }

  public void setPhoneNumberId(String phoneNumberId) {
    this.phoneNumberId = phoneNumberId;
  }

  public String getBusinessId() {
    return businessId;
  }

  public void setBusinessId(String businessId) {
    this.businessId = businessId;
  }
}
