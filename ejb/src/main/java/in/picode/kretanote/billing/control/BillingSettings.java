package in.picode.kretanote.billing.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Billing configuration (README, configuration table), checked once at startup. */
@ApplicationScoped
public class BillingSettings {

  @Inject
  @ConfigProperty(name = "kretanote.billing.trial-length", defaultValue = "P14D")
  String trialLength;

  @Inject
  @ConfigProperty(name = "kretanote.billing.grace-period", defaultValue = "P7D")
  String grace;

  @Inject
  @ConfigProperty(name = "kretanote.billing.dunning.retries", defaultValue = "P1D,P3D,P5D")
  String retries;

  @Inject
  @ConfigProperty(name = "kretanote.billing.tax-rate.default", defaultValue = "0")
  String defaultTaxRate;

  @Inject
  @ConfigProperty(name = "kretanote.billing.invoice-prefix", defaultValue = "INV")
  String invoicePrefix;

  @Inject
  @ConfigProperty(name = "kretanote.billing.credit-note-prefix", defaultValue = "CN")
  String creditNotePrefix;

  @Inject
  @ConfigProperty(name = "kretanote.billing.payment-terms", defaultValue = "P7D")
  String paymentTerms;

  @Inject
  @ConfigProperty(
      name = "kretanote.billing.seller",
      defaultValue = "KretaNote|Picode|Example Street 1|10115 Berlin|DE")
  String seller;

  @Inject
  @ConfigProperty(
      name = "kretanote.billing.meta-rates",
      defaultValue = "marketing=6200,utility=1100,authentication=1100,service=0")
  String metaRates;

  @Inject
  @ConfigProperty(name = "kretanote.billing.meta-rates.currency", defaultValue = "USD")
  String metaCurrency;

  @Inject
  @ConfigProperty(name = "kretanote.billing.provider.webhook-tolerance", defaultValue = "PT5M")
  String webhookTolerance;

  private DunningPolicy dunning;
  private TaxRates tax;
  private Map<String, Long> meta;

  // Keys without a default are read through Config when the bean starts: an empty defaultValue
  // counts as no value, and the deployment failed on Payara Server for it (system test).
  private Optional<String> taxRates;
  private Optional<String> webhookSecret;

  @PostConstruct
  void check() {
    Config config = ConfigProvider.getConfig();
    taxRates = config.getOptionalValue("kretanote.billing.tax-rates", String.class);
    webhookSecret =
        config.getOptionalValue("kretanote.billing.provider.webhook-secret", String.class);
    dunning = DunningPolicy.parse(retries, grace);
    tax = TaxRates.parse(taxRates.orElse(""), defaultTaxRate);
    meta = new LinkedHashMap<>();
    for (String e : metaRates.split(",")) {
      String[] kv = e.strip().split("=", 2);
      if (kv.length == 2) {
        meta.put(kv[0].strip().toLowerCase(java.util.Locale.ROOT), Long.parseLong(kv[1].strip()));
      }
    }
    for (String prefix : new String[] {invoicePrefix, creditNotePrefix}) {
      if (!prefix.matches("[A-Z0-9]{1,10}")) {
        throw new IllegalArgumentException(
            "Invoice prefixes are 1 to 10 upper-case letters or digits: " + prefix);
      }
    }
  }

  public Duration trialLength() {
    return Duration.parse(trialLength);
  }

  public DunningPolicy dunning() {
    return dunning;
  }

  public TaxRates taxRates() {
    return tax;
  }

  public String invoicePrefix() {
    return invoicePrefix;
  }

  public String creditNotePrefix() {
    return creditNotePrefix;
  }

  public Duration paymentTerms() {
    return Duration.parse(paymentTerms);
  }

  /** Seller lines for the invoice head, separated by '|'. */
  public String[] seller() {
    return seller.split("\\|");
  }

  /** Meta's price per 1000 messages of a pricing category, in minor units of metaCurrency. */
  public Map<String, Long> metaRatesPerThousand() {
    return meta;
  }

  public String metaCurrency() {
    return metaCurrency;
  }

  public Duration webhookTolerance() {
    return Duration.parse(webhookTolerance);
  }

  public Optional<String> webhookSecret() {
    return webhookSecret.filter(s -> !s.isBlank());
  }
}
