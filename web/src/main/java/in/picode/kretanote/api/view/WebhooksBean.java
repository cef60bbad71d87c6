package in.picode.kretanote.api.view;

import in.picode.kretanote.api.boundary.WebhookSubscriptions;
import in.picode.kretanote.api.entity.WebhookDelivery;
import in.picode.kretanote.api.entity.WebhookSubscription;
import in.picode.kretanote.platform.view.Lists;
import in.picode.kretanote.platform.view.PageMessages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Settings → Webhooks (OWNER and ADMIN, by the /app/settings/* constraint): the business's
 * subscriptions, and for the one chosen ({@code ?subscription=id}; another business's id is 404)
 * its delivery log, newest first: event, state, attempts, response code, latency, an excerpt of the
 * receiver's answer or the error, and "Send again" per delivery.
 */
@Named
@ViewScoped
public class WebhooksBean implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int LOG_SIZE = 100;

  @Inject transient WebhookSubscriptions subscriptions;

  private String subscription;
  private Long chosen;
  private WebhookSubscription current;
  private List<WebhookSubscription> rows = List.of();
  private List<WebhookDelivery> deliveries = List.of();

  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    rows = subscriptions.list();
    if (subscription != null && !subscription.isBlank()) {
      try {
        chosen = Long.parseLong(subscription.strip());
      } catch (NumberFormatException e) {
        PageMessages.notFound();
        return;
      }
      current = subscriptions.find(chosen).orElse(null);
      if (current == null) {
        chosen = null;
        PageMessages.notFound();
        return;
      }
      deliveries = subscriptions.deliveries(chosen, null, LOG_SIZE);
    }
  }

  /** "Send again": the delivery goes out with the next round of the workers. */
  public void again(long deliveryId) {
    if (chosen != null
        && deliveries.stream().anyMatch(d -> d.getId() == deliveryId)
        && subscriptions.redeliver(deliveryId)) {
      PageMessages.info(MessageFormat.format(text("log.again.info"), deliveryId));
    } else {
      PageMessages.error(text("log.again.gone"));
    }
    if (chosen != null) {
      deliveries = subscriptions.deliveries(chosen, null, LOG_SIZE);
    }
  }

  /** What the receiver answered, or why there was no answer, shortened for the table. */
  public String excerpt(WebhookDelivery d) {
    String s = d.getLastResponse() != null ? d.getLastResponse() : d.getLastError();
    if (s == null || s.isBlank()) {
      return "—";
    }
    s = s.strip();
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  public String state(WebhookDelivery d) {
    return text("state." + d.getState().name().toLowerCase(Locale.ROOT));
  }

  public String subscriptionState(WebhookSubscription s) {
    return text("subscription." + s.getState().name().toLowerCase(Locale.ROOT));
  }

  public String events(WebhookSubscription s) {
    return Lists.join(new java.util.TreeSet<>(s.getEventTypes()));
  }

  public String label(String key) {
    return text(key);
  }

  static String text(String key) {
    Locale locale =
        FacesContext.getCurrentInstance() == null
            ? Locale.ENGLISH
            : FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return ResourceBundle.getBundle(ApiKeysBean.BUNDLE, locale).getString("webhooks." + key);
  }

  public String getSubscription() {
    return subscription;
  }

  public void setSubscription(String subscription) {
    this.subscription = subscription;
  }

  public WebhookSubscription getCurrent() {
    return current;
  }

  public List<WebhookSubscription> getRows() {
    return rows;
  }

  public List<WebhookDelivery> getDeliveries() {
    return deliveries;
  }
}
