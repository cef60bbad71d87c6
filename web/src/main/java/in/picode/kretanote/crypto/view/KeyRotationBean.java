package in.picode.kretanote.crypto.view;

import in.picode.kretanote.crypto.boundary.CryptoException;
import in.picode.kretanote.crypto.boundary.RewrapReport;
import in.picode.kretanote.crypto.boundary.TokenVault;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The operator's "re-wrap data keys" action, step 4 of the key-encryption key rotation (README):
 * every tenant data key is wrapped again under the current KEK; no stored value changes.
 */
@Named
@RequestScoped
public class KeyRotationBean {

  @Inject TokenVault vault;
  @Inject FacesContext faces;

  private RewrapReport report;

  public void rewrap() {
    try {
      report = vault.rewrapAll();
      FacesMessage.Severity severity =
          report.failed() > 0 ? FacesMessage.SEVERITY_WARN : FacesMessage.SEVERITY_INFO;
      faces.addMessage(
          null,
          new FacesMessage(
              severity,
              "Re-wrapped "
                  + report.rewrapped()
                  + " data keys under "
                  + report.kekId()
                  + "; failed "
                  + report.failed()
                  + ", remaining "
                  + report.remaining()
                  + (report.complete() ? "." : ". Run it again."),
              null));
    } catch (CryptoException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  public RewrapReport getReport() {
    return report;
  }
}
