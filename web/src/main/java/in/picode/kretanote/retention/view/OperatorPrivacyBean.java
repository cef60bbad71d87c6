package in.picode.kretanote.retention.view;

import in.picode.kretanote.retention.boundary.DeletionStore;
import in.picode.kretanote.retention.boundary.PrivacyOverview;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Operations → Privacy: deletion schedules and purge records (numbers and dates, no content). */
@Named
@RequestScoped
public class OperatorPrivacyBean {

  @Inject PrivacyOverview overview;

  private List<DeletionStore.Deletion> deletions;
  private List<PrivacyOverview.PurgeRecord> records;

  public List<DeletionStore.Deletion> getDeletions() {
    if (deletions == null) {
      deletions = overview.deletions(200);
    }
    return deletions;
  }

  public List<PrivacyOverview.PurgeRecord> getRecords() {
    if (records == null) {
      records = overview.purgeRecords(300);
    }
    return records;
  }
}
