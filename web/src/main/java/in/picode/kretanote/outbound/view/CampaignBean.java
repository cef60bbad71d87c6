package in.picode.kretanote.outbound.view;

import in.picode.kretanote.outbound.boundary.CampaignRecipientView;
import in.picode.kretanote.outbound.boundary.Campaigns;
import in.picode.kretanote.outbound.entity.Campaign;
import in.picode.kretanote.platform.view.PageMessages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** One campaign's progress and per-recipient outcomes; another tenant's id answers 404. */
@Named
@ViewScoped
public class CampaignBean implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int PAGE = 200;

  @Inject transient Campaigns campaigns;

  private String id;
  private long campaignId;
  private Campaign campaign;
  private Campaigns.Progress progress;
  private List<CampaignRecipientView> recipients = List.of();
  private long after;

  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    Long parsed = PageMessages.parseId(id);
    campaign = parsed == null ? null : campaigns.find(parsed).orElse(null);
    if (campaign == null) {
      PageMessages.notFound();
      return;
    }
    campaignId = parsed;
    after = 0;
    refresh();
  }

  private void refresh() {
    campaign = campaigns.get(campaignId);
    progress = campaigns.progress(campaignId);
    recipients = campaigns.recipients(campaignId, after, PAGE);
  }

  public void next() {
    if (!recipients.isEmpty()) {
      after = recipients.get(recipients.size() - 1).id();
    }
    refresh();
  }

  public void first() {
    after = 0;
    refresh();
  }

  public boolean isMore() {
    return recipients.size() == PAGE;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public Campaign getCampaign() {
    return campaign;
  }

  public Campaigns.Progress getProgress() {
    return progress;
  }

  public List<CampaignRecipientView> getRecipients() {
    return recipients;
  }
}
