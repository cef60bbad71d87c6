package in.picode.kretanote.csat.view;

import in.picode.kretanote.csat.boundary.CsatRefusedException;
import in.picode.kretanote.csat.boundary.CsatSettings;
import in.picode.kretanote.csat.entity.CsatSetting;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** Settings → Satisfaction surveys (OWNER and ADMIN, by the /app/settings/* constraint). */
@Named
@ViewScoped
public class CsatSettingsBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CsatSettings settings;

  private boolean enabled;
  private String question;
  private String templateName;
  private String templateLanguage;
  private int commentMinutes;

  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    CsatSetting s = settings.current();
    enabled = s.isEnabled();
    question = s.getQuestion();
    templateName = s.getTemplateName();
    templateLanguage = s.getTemplateLanguage() == null ? "en_US" : s.getTemplateLanguage();
    commentMinutes = s.getCommentMinutes();
  }

  public void save() {
    if (PageMessages.attempt(
        CsatRefusedException.class,
        () -> settings.save(enabled, question, templateName, templateLanguage, commentMinutes))) {
      PageMessages.info(Texts.of(CsatViewBean.BUNDLE, "settings.saved"));
    }
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getQuestion() {
    return question;
  }

  public void setQuestion(String question) {
    this.question = question;
  }

  public String getTemplateName() {
    return templateName;
  }

  public void setTemplateName(String templateName) {
    this.templateName = templateName;
  }

  public String getTemplateLanguage() {
    return templateLanguage;
  }

  public void setTemplateLanguage(String templateLanguage) {
    this.templateLanguage = templateLanguage;
  }

  public int getCommentMinutes() {
    return commentMinutes;
  }

  public void setCommentMinutes(int commentMinutes) {
    this.commentMinutes = commentMinutes;
  }
}
