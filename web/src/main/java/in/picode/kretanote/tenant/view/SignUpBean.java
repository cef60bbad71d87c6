package in.picode.kretanote.tenant.view;

import in.picode.kretanote.tenant.boundary.HashingBusyException;
import in.picode.kretanote.tenant.boundary.SignUpForm;
import in.picode.kretanote.tenant.boundary.SignUpRefusedException;
import in.picode.kretanote.tenant.boundary.SignUps;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The sign-up form; a refusal is shown next to the field it concerns. */
@Named
@RequestScoped
public class SignUpBean {

  @Inject SignUps signUps;
  @Inject FacesContext faces;

  private String companyName;
  private String ownerName;
  private String email;
  private String password;
  private String legalName;
  private String addressLine;
  private String postalCode;
  private String city;
  private String country;
  private String taxId;
  private boolean done;

  public void submit() {
    try {
      signUps.signUp(
          new SignUpForm(
              companyName,
              ownerName,
              email,
              password,
              legalName,
              addressLine,
              postalCode,
              city,
              country,
              taxId));
      done = true;
    } catch (SignUpRefusedException e) {
      faces.addMessage(
          "signup:" + e.field(),
          new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    } catch (HashingBusyException e) {
      Busy.show(e);
    } catch (EJBException e) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              "Sign-up failed on our side; nothing was saved. Please try again.",
              null));
    } finally {
      password = null;
    }
  }

  /** Countries by display name, for the select list. */
  public Map<String, String> getCountries() {
    Map<String, String> m = new TreeMap<>();
    for (String code : Locale.getISOCountries()) {
      m.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH), code);
    }
    return m;
  }

  public boolean isDone() {
    return done;
  }

  public String getCompanyName() {
    return companyName;
  }

  public void setCompanyName(String v) {
    companyName = v;
  }

  public String getOwnerName() {
    return ownerName;
  }

  public void setOwnerName(String v) {
    ownerName = v;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String v) {
    email = v;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String v) {
    password = v;
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
