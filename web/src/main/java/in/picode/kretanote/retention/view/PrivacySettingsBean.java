package in.picode.kretanote.retention.view;

import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.retention.boundary.PrivacyRefusedException;
import in.picode.kretanote.retention.boundary.RetentionSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings → Privacy: the retention period and the tenant-wide legal hold (OWNER, ADMIN). */
@Named
@ViewScoped
public class PrivacySettingsBean implements Serializable {

  private static final String T = "in.picode.kretanote.retention.view.PrivacyTexts";

  private static final long serialVersionUID = 1L;

  @Inject transient RetentionSettings settings;
  @Inject CurrentUser currentUser;

  private RetentionSettings.View view;
  private Integer days;
  private String holdReason;
  private String publicPageUrl;

  @Inject
  @ConfigProperty(name = "kretanote.public-url", defaultValue = "http://localhost:8080")
  transient String publicUrl;

  @PostConstruct
  void load() {
    view = settings.current();
    publicPageUrl =
        publicUrl.replaceAll("/+$", "") + "/privacy.xhtml?business=" + settings.publicPageToken();
    days = view.retentionDays();
    holdReason = view.legalHoldReason();
  }

  public void savePeriod() {
    try {
      settings.setPeriod(days, Requesters.of(currentUser));
      PageMessages.info(Texts.of(T, "privacy.saved", days));
    } catch (PrivacyRefusedException e) {
      PageMessages.error(Wordings.of(e));
      return;
    } catch (EJBException e) {
      PageMessages.error(PageMessages.ourFault());
      return;
    }
    load();
  }

  public void hold(boolean on) {
    try {
      settings.setLegalHold(on, holdReason, Requesters.of(currentUser));
      PageMessages.info(Texts.of(T, on ? "privacy.hold.on" : "privacy.hold.lifted"));
    } catch (PrivacyRefusedException e) {
      PageMessages.error(Wordings.of(e));
      return;
    } catch (EJBException e) {
      PageMessages.error(PageMessages.ourFault());
      return;
    }
    load();
  }

  /** The page to link customers to: the policy with this business's period. */
  public String getPublicPageUrl() {
    return publicPageUrl;
  }

  public RetentionSettings.View getView() {
    return view;
  }

  public Integer getDays() {
    return days;
  }

  public void setDays(Integer days) {
    this.days = days;
  }

  public String getHoldReason() {
    return holdReason;
  }

  public void setHoldReason(String holdReason) {
    this.holdReason = holdReason;
  }
}
