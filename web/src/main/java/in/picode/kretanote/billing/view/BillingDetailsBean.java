package in.picode.kretanote.billing.view;

import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.tenant.boundary.BillingDetails;
import in.picode.kretanote.tenant.boundary.BillingDetailsRefusedException;
import in.picode.kretanote.tenant.boundary.Tenants;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.Collator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The invoice details on Settings → Billing, asked when a plan is chosen rather than at sign-up
 * (the trial needs none); prefilled once given. Every problem is shown next to its field at once.
 */
@Named
@ViewScoped
public class BillingDetailsBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Tenants tenants;

  private String legalName;
  private String addressLine;
  private String postalCode;
  private String city;
  private String country;
  private String taxId;
  private boolean given;

  @PostConstruct
  void load() {
    tenants
        .billingDetails()
        .ifPresent(
            d -> {
              legalName = d.legalName();
              addressLine = d.addressLine();
              postalCode = d.postalCode();
              city = d.city();
              country = d.country();
              taxId = d.taxId();
              given = true;
            });
  }

  /** Saves the details; false (with a message next to each wrong field of {@code form}) if not. */
  boolean save(String form) {
    try {
      tenants.saveBillingDetails(
          new BillingDetails(legalName, addressLine, postalCode, city, country, taxId));
      given = true;
      return true;
    } catch (BillingDetailsRefusedException e) {
      e.byField()
          .forEach((field, problem) -> PageMessages.error(form, field, Wordings.of(problem)));
      return false;
    }
  }

  public boolean isGiven() {
    return given;
  }

  /** Countries by display name, for the select list. */
  public Map<String, String> getCountries() {
    Locale language = Texts.locale();
    Map<String, String> m = new TreeMap<>(Collator.getInstance(language));
    for (String code : Locale.getISOCountries()) {
      m.put(new Locale("", code).getDisplayCountry(language), code);
    }
    return m;
  }

  public String getLegalName() {
    return legalName;
  }

  public void setLegalName(String v) {
    legalName = v;
  }

  public String getAddressLine() {
    return addressLine;
  }

  public void setAddressLine(String v) {
    addressLine = v;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public void setPostalCode(String v) {
    postalCode = v;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String v) {
    city = v;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String v) {
    country = v;
  }

  public String getTaxId() {
    return taxId;
  }

  public void setTaxId(String v) {
    taxId = v;
  }
}
