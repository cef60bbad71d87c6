package in.picode.kretanote.billing.view;

import in.picode.kretanote.billing.boundary.BillingOperations;
import in.picode.kretanote.billing.boundary.BillingRefusedException;
import in.picode.kretanote.billing.boundary.Money;
import in.picode.kretanote.billing.boundary.PaymentProviderException;
import in.picode.kretanote.billing.boundary.ProviderEventLog;
import in.picode.kretanote.billing.entity.Invoice;
import in.picode.kretanote.billing.entity.ProviderEvent;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Operations → Invoices: the latest invoices of all tenants with a full credit note (refund) per
 * invoice, and the latest payment provider webhooks with what became of them.
 */
@Named
@RequestScoped
public class OperatorInvoicesBean {

  private static final String T = "in.picode.kretanote.billing.view.BillingTexts";

  @Inject BillingOperations operations;
  @Inject ProviderEventLog events;

  private List<BillingOperations.InvoiceRow> invoices;
  private List<ProviderEvent> webhooks;
  private String reason;

  @PostConstruct
  void load() {
    invoices = operations.latestInvoices(200);
    webhooks = events.latest(50);
  }

  public void credit(long tenantId, long invoiceId) {
    try {
      Invoice note = operations.creditNote(tenantId, invoiceId, reason);
      message(
          FacesMessage.SEVERITY_INFO, Texts.of(T, "operator.credited", note.getDisplayNumber()));
      reason = null;
    } catch (BillingRefusedException | PaymentProviderException e) {
      message(FacesMessage.SEVERITY_ERROR, Wordings.of(e));
    } catch (EJBException e) {
      message(
          FacesMessage.SEVERITY_ERROR,
          e.getCause() instanceof BillingRefusedException b
              ? Wordings.of(b)
              : Texts.of(T, "operator.ourFault"));
    }
    load();
  }

  private static void message(FacesMessage.Severity s, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(s, text, null));
  }

  public String money(long minor, String currency) {
    return Money.format(minor, currency);
  }

  public List<BillingOperations.InvoiceRow> getInvoices() {
    return invoices;
  }

  public List<ProviderEvent> getWebhooks() {
    return webhooks;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
