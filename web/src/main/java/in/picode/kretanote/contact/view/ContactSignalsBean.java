package in.picode.kretanote.contact.view;

import in.picode.kretanote.contact.boundary.ContactSignals;
import in.picode.kretanote.contact.entity.NumberConflict;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The contact page's WhatsApp signals: number changes waiting for a person to merge. */
@Named
@RequestScoped
public class ContactSignalsBean {

  @Inject ContactSignals signals;

  private final Map<Long, List<NumberConflict>> conflicts = new HashMap<>();

  public List<NumberConflict> conflicts(long contactId) {
    return conflicts.computeIfAbsent(contactId, signals::conflicts);
  }
}
