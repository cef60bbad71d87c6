package in.picode.kretanote.platform.view;

import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.entity.AuditEvent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/**
 * Settings → Audit log: the newest {@value #PAGE} entries, then older ones page by page. The
 * position is the id of the last entry shown; the boundary resolves it inside the tenant's own log.
 */
@Named
@RequestScoped
public class AuditBean {

  static final int PAGE = 200;

  @Inject AuditLog audit;

  private String before;
  private List<AuditEvent> entries;

  public void load() throws IOException {
    if (before == null || before.isEmpty()) {
      entries = audit.latest(PAGE);
    } else if (before.matches("[0-9]{1,18}")) {
      entries = audit.olderThan(Long.parseLong(before), PAGE);
    } else {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(404, "No such position in the log");
      faces.responseComplete();
    }
  }

  /** The id to continue from, or null when this page is the last. */
  public Long getNext() {
    return entries != null && entries.size() == PAGE ? entries.get(PAGE - 1).getId() : null;
  }

  public List<AuditEvent> getEntries() {
    return entries;
  }

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = before;
  }
}
