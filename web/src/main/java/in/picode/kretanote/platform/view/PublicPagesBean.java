package in.picode.kretanote.platform.view;

import in.picode.kretanote.billing.boundary.Plans;
import in.picode.kretanote.billing.entity.PlanVersion;
import in.picode.kretanote.retention.boundary.PrivacyConfig;
import in.picode.kretanote.retention.boundary.PublicPrivacyPages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The public pages: the landing page, pricing from the plans operators sell, and the privacy policy
 * and terms whose variable parts come from the same configuration the code enforces (the retention
 * default and the deletion grace are read from {@link PrivacyConfig}, the bean the purge timers
 * use), so the policy shown is always the one in force.
 */
@Named
@RequestScoped
public class PublicPagesBean {

  static final String TEXTS = "in.picode.kretanote.platform.view.PublicTexts";

  @Inject SecurityContext security;
  @Inject Plans plans;
  @Inject PrivacyConfig privacy;
  @Inject PublicPrivacyPages businessPages;

  private Optional<PublicPrivacyPages.Page> businessPage;

  /** One plan as the pricing page shows it. */
  public record PlanRow(
      String code,
      String name,
      String monthly,
      String yearly,
      int includedSeats,
      String seatPrice,
      long messageAllowance,
      List<String> features) {}

  /** Signed-in visitors of the landing page go to their work. */
  public String route() {
    if (security.getCallerPrincipal() == null) {
      return null;
    }
    return security.isCallerInRole("OPERATOR")
        ? "/operator/index?faces-redirect=true"
        : "/app/index?faces-redirect=true";
  }

  public List<PlanRow> getPlans() {
    return plans.forSale().stream()
        .map(
            o -> {
              PlanVersion v = o.current();
              return new PlanRow(
                  o.plan().getCode(),
                  o.plan().getName(),
                  money(v.getMonthlyPriceMinor(), v.getCurrency()),
                  money(v.getYearlyPriceMinor(), v.getCurrency()),
                  v.getIncludedSeats(),
                  money(v.getSeatPriceMinor(), v.getCurrency()),
                  v.getMessageAllowance(),
                  v.getFeatures() == null || v.getFeatures().isBlank()
                      ? List.of()
                      : Arrays.stream(v.getFeatures().split(","))
                          .map(String::strip)
                          .filter(f -> !f.isEmpty())
                          .toList());
            })
        .toList();
  }

  static String money(long minor, String currency) {
    Currency c = Currency.getInstance(currency);
    NumberFormat f = NumberFormat.getCurrencyInstance(Locale.ENGLISH);
    f.setCurrency(c);
    f.setMinimumFractionDigits(c.getDefaultFractionDigits());
    f.setMaximumFractionDigits(c.getDefaultFractionDigits());
    return f.format(BigDecimal.valueOf(minor, c.getDefaultFractionDigits()));
  }

  /** Days messages are kept unless the business chooses otherwise, as the purge applies it. */
  public int getRetentionDays() {
    return privacy.policy().defaultDays();
  }

  public int getRetentionMinDays() {
    return privacy.policy().minDays();
  }

  public int getRetentionMaxDays() {
    return privacy.policy().maxDays();
  }

  /** "about 6 months" for 180 days; whole months only when the days are a multiple of 30. */
  public String getRetentionWords() {
    int days = getRetentionDays();
    return days % 30 == 0
        ? Texts.of(
            TEXTS, "privacy.retention.months", String.valueOf(days / 30), String.valueOf(days))
        : Texts.of(TEXTS, "privacy.retention.days", String.valueOf(days));
  }

  public long getDeletionGraceDays() {
    return privacy.grace().toDays();
  }

  /** Days raw webhook events are kept at most, as the platform-wide age purge applies it. */
  public int getWebhookEventDays() {
    return privacy.policy().webhookEventDays();
  }

  /** Days backups are kept at most ({@code kretanote.backup.retention-days}). */
  public int getBackupRetentionDays() {
    return privacy.backupRetentionDays();
  }

  public String getContact() {
    return text("kretanote.privacy.contact", "privacy@kretanote.example");
  }

  /**
   * The policy's first words: "Example Ltd runs KretaNote." names the operator, but when the
   * operator is KretaNote itself (the default) that sentence would say "KretaNote runs KretaNote."
   */
  public String getIntro() {
    return intro(getOperator(), Texts.locale());
  }

  /**
   * The first words in {@code locale} (PublicTexts privacy.intro.plain / privacy.intro.operator).
   */
  static String intro(String operator, Locale locale) {
    String who = operator == null ? "" : operator.strip();
    ResourceBundle texts = ResourceBundle.getBundle(TEXTS, locale);
    return who.isEmpty() || who.equalsIgnoreCase("KretaNote")
        ? texts.getString("privacy.intro.plain")
        : new MessageFormat(texts.getString("privacy.intro.operator"), locale)
            .format(new Object[] {who});
  }

  /**
   * The business whose customers' page this is ({@code ?business=<token>}, the link on its privacy
   * settings), with the period it chose; empty for the plain policy or an unknown token.
   */
  public PublicPrivacyPages.Page getBusinessPage() {
    if (businessPage == null) {
      String token =
          FacesContext.getCurrentInstance()
              .getExternalContext()
              .getRequestParameterMap()
              .get("business");
      businessPage = token == null ? Optional.empty() : businessPages.find(token);
    }
    return businessPage.orElse(null);
  }

  public boolean isBusinessAsked() {
    return FacesContext.getCurrentInstance()
        .getExternalContext()
        .getRequestParameterMap()
        .containsKey("business");
  }

  public String getOperator() {
    return text("kretanote.legal.operator", "KretaNote");
  }

  public List<String> getSubProcessors() {
    return Arrays.stream(
            text(
                    "kretanote.privacy.sub-processors",
                    "Meta Platforms Ireland Ltd. (WhatsApp Business Platform, message delivery);"
                        + "Stripe Payments Europe Ltd. (card payments)")
                .split(";"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String text(String key, String fallback) {
    Config config = ConfigProvider.getConfig();
    return config.getOptionalValue(key, String.class).filter(s -> !s.isBlank()).orElse(fallback);
  }
}
