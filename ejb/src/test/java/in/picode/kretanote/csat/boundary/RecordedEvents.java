package in.picode.kretanote.csat.boundary;

import in.picode.kretanote.notification.boundary.AgentMailRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The ratings and agent mails the application announced (after commit), for the ITs. */
@ApplicationScoped
public class RecordedEvents {

  final List<CsatReceived> ratings = new CopyOnWriteArrayList<>();
  final List<AgentMailRequested> mails = new CopyOnWriteArrayList<>();

  void rated(@Observes(during = TransactionPhase.AFTER_SUCCESS) CsatReceived r) {
    ratings.add(r);
  }

  void mailed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentMailRequested m) {
    mails.add(m);
  }

  List<CsatReceived> ratingsOf(long surveyId) {
    return ratings.stream().filter(r -> r.surveyId() == surveyId).toList();
  }

  List<AgentMailRequested> mailsTo(long tenantId) {
    return mails.stream().filter(m -> m.tenantId() == tenantId).toList();
  }
}
