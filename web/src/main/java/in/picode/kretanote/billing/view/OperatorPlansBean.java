package in.picode.kretanote.billing.view;

import in.picode.kretanote.billing.boundary.BillingRefusedException;
import in.picode.kretanote.billing.boundary.Plans;
import in.picode.kretanote.billing.entity.PlanVersion;
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
 * Operations → Plans: the plans on sale with their current prices, a form that creates a plan or,
 * for an existing code, adds a new price version (issued invoices keep their amounts).
 */
@Named
@RequestScoped
public class OperatorPlansBean {

  private static final String T = "in.picode.kretanote.billing.view.BillingTexts";

  @Inject Plans plans;

  private List<Plans.Offer> offers;
  private String code;
  private String name;
  private String currency = "EUR";
  private long monthly;
  private long yearly;
  private int includedSeats = 1;
  private long seatPrice;
  private int maxSeats = 50;
  private long allowance;
  private long overagePerThousand;

  @PostConstruct
  void load() {
    offers = plans.all();
  }

  public void save() {
    try {
      PlanVersion.Prices prices =
          new PlanVersion.Prices(
              currency,
              monthly,
              yearly,
              includedSeats,
              seatPrice,
              maxSeats,
              allowance,
              overagePerThousand,
              "");
      if (plans.find(code == null ? "" : code.strip()).isPresent()) {
        plans.reprice(code.strip(), prices);
        message(FacesMessage.SEVERITY_INFO, Texts.of(T, "operator.pricesSaved", code));
      } else {
        plans.create(code == null ? null : code.strip(), name, prices);
        message(FacesMessage.SEVERITY_INFO, Texts.of(T, "operator.planCreated", code));
      }
    } catch (IllegalArgumentException | BillingRefusedException e) {
      message(FacesMessage.SEVERITY_ERROR, Wordings.of(e));
    } catch (EJBException e) {
      message(
          FacesMessage.SEVERITY_ERROR,
          e.getCause() instanceof BillingRefusedException b
              ? Wordings.of(b)
              : Texts.of(T, "operator.failed"));
    }
    load();
  }

  private static void message(FacesMessage.Severity s, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(s, text, null));
  }

  public List<Plans.Offer> getOffers() {
    return offers;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public long getMonthly() {
    return monthly;
  }

  public void setMonthly(long monthly) {
    this.monthly = monthly;
  }

  public long getYearly() {
    return yearly;
  }

  public void setYearly(long yearly) {
    this.yearly = yearly;
  }

  public int getIncludedSeats() {
    return includedSeats;
  }

  public void setIncludedSeats(int includedSeats) {
    this.includedSeats = includedSeats;
  }

  public long getSeatPrice() {
    return seatPrice;
  }

  public void setSeatPrice(long seatPrice) {
    this.seatPrice = seatPrice;
  }

  public int getMaxSeats() {
    return maxSeats;
  }

  public void setMaxSeats(int maxSeats) {
    this.maxSeats = maxSeats;
  }

  public long getAllowance() {
    return allowance;
  }

  public void setAllowance(long allowance) {
    this.allowance = allowance;
  }

  public long getOveragePerThousand() {
    return overagePerThousand;
  }

  public void setOveragePerThousand(long overagePerThousand) {
    this.overagePerThousand = overagePerThousand;
  }
}
