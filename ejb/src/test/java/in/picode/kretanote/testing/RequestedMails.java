package in.picode.kretanote.testing;

import in.picode.kretanote.tenant.boundary.NotificationMailRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every notification mail the application asked for in this deployment, for in-container ITs. */
@ApplicationScoped
public class RequestedMails {

  private final List<NotificationMailRequested> requested = new CopyOnWriteArrayList<>();

  void on(@Observes NotificationMailRequested mail) {
    requested.add(mail);
  }

  /** The requested mails to this address whose subject contains {@code subject}. */
  public List<NotificationMailRequested> to(String address, String subject) {
    return requested.stream()
        .filter(m -> m.recipients().contains(address) && m.subject().english().contains(subject))
        .toList();
  }
}
