package in.picode.kretanote.csat.entity;

import in.picode.kretanote.csat.boundary.CsatWords;
import in.picode.kretanote.platform.boundary.Wording;
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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A business's survey settings, one row per tenant, created on first save; without a row the survey
 * is off. Outside the 24-hour window only an approved template may go: {@code templateName} null
 * means "ask nothing then".
 */
@Entity
@Table(name = "csat_setting")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(name = CsatSetting.CURRENT, query = "select s from CsatSetting s")
public class CsatSetting {

  public static final String CURRENT = "CsatSetting.current";
  public static final int QUESTION_MAX = 1024;
  public static final int COMMENT_MINUTES_MAX = 1440;
  public static final String DEFAULT_QUESTION =
      "How happy are you with how we helped you? 1 = not at all, 5 = very.";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private boolean enabled;

  @Size(max = QUESTION_MAX)
  @Column(nullable = false, length = QUESTION_MAX)
  private String question;

  @Column(name = "template_name", length = 512)
  private String templateName;

  @Column(name = "template_language", length = 15)
  private String templateLanguage;

  @Column(name = "comment_minutes", nullable = false)
  private int commentMinutes;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected CsatSetting() {}

  /** The settings a business has before it saves any: off, default question, 30 minutes. */
  public static CsatSetting defaults(Instant now) {
    CsatSetting s = new CsatSetting();
    s.question = DEFAULT_QUESTION;
    s.commentMinutes = 30;
    s.updatedAt = now;
    return s;
  }

  /** Changes every field at once after checking them; refuses with every problem in one message. */
  public void change(
      boolean enabled,
      String question,
      String templateName,
      String templateLanguage,
      int commentMinutes,
      Instant now) {
    List<Wording> problems = problems(question, templateName, templateLanguage, commentMinutes);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join(" ", Wording.english(problems)));
    }
    String q = question.strip();
    boolean hasTemplate = templateName != null && !templateName.isBlank();
    this.enabled = enabled;
    this.question = q;
    this.templateName = hasTemplate ? templateName.strip() : null;
    this.templateLanguage = hasTemplate ? templateLanguage.strip() : null;
    this.commentMinutes = commentMinutes;
    this.updatedAt = now;
  }

  /** What is wrong with these settings, every problem; empty when they can be saved. */
  public static List<Wording> problems(
      String question, String templateName, String templateLanguage, int commentMinutes) {
    List<Wording> problems = new ArrayList<>();
    String q = question == null ? "" : question.strip();
    if (q.isEmpty() || q.length() > QUESTION_MAX) {
      problems.add(CsatWords.QUESTION_LENGTH.with(QUESTION_MAX));
    }
    if (commentMinutes < 0 || commentMinutes > COMMENT_MINUTES_MAX) {
      problems.add(CsatWords.COMMENT_MINUTES.with(COMMENT_MINUTES_MAX));
    }
    boolean hasTemplate = templateName != null && !templateName.isBlank();
    if (hasTemplate && (templateLanguage == null || templateLanguage.isBlank())) {
      problems.add(CsatWords.TEMPLATE_LANGUAGE.with());
    }
    return problems;
  }

  public Long getId() {
    return id;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public String getQuestion() {
    return question;
  }

  public String getTemplateName() {
    return templateName;
  }

  public String getTemplateLanguage() {
    return templateLanguage;
  }

  public int getCommentMinutes() {
    return commentMinutes;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
