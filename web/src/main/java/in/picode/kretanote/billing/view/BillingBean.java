package in.picode.kretanote.billing.view;

import in.picode.kretanote.billing.boundary.BillingRefusedException;
import in.picode.kretanote.billing.boundary.BillingRun;
import in.picode.kretanote.billing.boundary.Money;
import in.picode.kretanote.billing.boundary.PaymentProviderException;
import in.picode.kretanote.billing.boundary.Plans;
import in.picode.kretanote.billing.boundary.Subscriptions;
import in.picode.kretanote.billing.boundary.Usage;
import in.picode.kretanote.billing.entity.BillingInterval;
import in.picode.kretanote.billing.entity.Invoice;
import in.picode.kretanote.billing.entity.Subscription;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** Settings → Billing, the OWNER's: plan, next invoice, usage, invoices, card, change, cancel. */
@Named
@ViewScoped
public class BillingBean implements Serializable {

  private static final String T = "in.picode.kretanote.billing.view.BillingTexts";

  private static final long serialVersionUID = 1L;

  @Inject transient Subscriptions subscriptions;
  @Inject transient Plans plans;
  @Inject transient BillingRun run;
  @Inject CurrentUser currentUser;
  @Inject BillingDetailsBean details;

  private Subscription subscription;
  private List<Plans.Offer> offers;
  private List<Invoice> invoices;
  private Usage usage;
  private Subscriptions.Estimate estimate;
  private String planCode;
  private BillingInterval interval = BillingInterval.MONTH;
  private int seats = 1;

  @PostConstruct
  void load() {
    subscription = subscriptions.current().orElse(null);
    offers = plans.forSale();
    invoices = subscriptions.invoices();
    usage = subscriptions.usage().orElse(null);
    estimate = subscriptions.estimate().orElse(null);
    if (subscription != null) {
      seats = subscription.getSeats();
      planCode = subscription.getPlanVersion().getPlan().getCode();
    }
  }

  /**
   * Chooses the plan, with the invoice details of the same form: a missing plan and every wrong
   * detail are shown together, and no plan is chosen until both are right.
   */
  public void choose() {
    boolean planGiven = planCode != null && !planCode.isBlank();
    if (!planGiven) {
      PageMessages.error(
          "choose",
          "plan",
          offers.isEmpty() ? Texts.of(T, "billing.noPlans") : Texts.of(T, "billing.error.plan"));
    }
    if (!details.save("choose") || !planGiven) {
      return;
    }
    act(
        () -> subscriptions.choosePlan(planCode, interval, seats, currentUser.getUserId()),
        Texts.of(T, "billing.chosen"));
  }

  public void changePlan() {
    act(
        () -> subscriptions.changePlan(planCode, currentUser.getUserId()),
        Texts.of(T, "billing.planChanged"));
  }

  public void changeSeats() {
    act(
        () -> subscriptions.changeSeats(seats, currentUser.getUserId()),
        Texts.of(T, "billing.seatsChanged"));
  }

  public void cancel() {
    act(
        () -> subscriptions.cancelAtPeriodEnd(true, currentUser.getUserId()),
        Texts.of(T, "billing.cancelled"));
  }

  public void resume() {
    act(
        () -> subscriptions.cancelAtPeriodEnd(false, currentUser.getUserId()),
        Texts.of(T, "billing.resumed"));
  }

  /** Off to the provider's Checkout page to save a card. */
  public void addCard() throws IOException {
    ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
    String page =
        ext.getRequestScheme()
            + "://"
            + ext.getRequestServerName()
            + ":"
            + ext.getRequestServerPort()
            + ext.getRequestContextPath()
            + "/app/settings/billing.xhtml";
    try {
      ext.redirect(subscriptions.startCheckout(page + "?card=saved", page, currentUser.getEmail()));
    } catch (BillingRefusedException | PaymentProviderException e) {
      message(FacesMessage.SEVERITY_ERROR, Wordings.of(e));
    } catch (EJBException e) {
      message(FacesMessage.SEVERITY_ERROR, cause(e));
    }
  }

  private void act(Runnable change, String done) {
    try {
      change.run();
      // Charge what the change invoiced now rather than at the next timer minute.
      run.runCurrentTenant();
      message(FacesMessage.SEVERITY_INFO, done);
    } catch (BillingRefusedException e) {
      message(FacesMessage.SEVERITY_ERROR, Wordings.of(e));
    } catch (EJBException e) {
      message(FacesMessage.SEVERITY_ERROR, cause(e));
    }
    load();
  }

  private static String cause(EJBException e) {
    return e.getCause() instanceof BillingRefusedException b
        ? Wordings.of(b)
        : Texts.of(T, "billing.ourFault");
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public String money(long minor, String currency) {
    return Money.format(minor, currency);
  }

  public Subscription getSubscription() {
    return subscription;
  }

  public List<Plans.Offer> getOffers() {
    return offers;
  }

  public List<Invoice> getInvoices() {
    return invoices;
  }

  public Usage getUsage() {
    return usage;
  }

  public Subscriptions.Estimate getEstimate() {
    return estimate;
  }

  public String getPlanCode() {
    return planCode;
  }

  public void setPlanCode(String planCode) {
    this.planCode = planCode;
  }

  public BillingInterval getInterval() {
    return interval;
  }

  public void setInterval(BillingInterval interval) {
    this.interval = interval;
  }

  public BillingInterval[] getIntervals() {
    return BillingInterval.values();
  }

  public int getSeats() {
    return seats;
  }

  public void setSeats(int seats) {
    this.seats = seats;
  }
}
