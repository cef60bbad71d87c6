package in.picode.kretanote.sla.view;

import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.sla.boundary.SlaPolicies;
import in.picode.kretanote.sla.boundary.SlaRefusedException;
import in.picode.kretanote.sla.entity.SlaPolicy;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** Settings → Service levels (OWNER and ADMIN): the business's targets in minutes. */
@Named
@ViewScoped
public class SlaSettingsBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient SlaPolicies policies;

  private Integer firstResponse;
  private Integer nextResponse;
  private Integer resolution;
  private boolean businessHours;

  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    SlaPolicy p = policies.current();
    firstResponse = p.getFirstResponseMinutes();
    nextResponse = p.getNextResponseMinutes();
    resolution = p.getResolutionMinutes();
    businessHours = p.isBusinessHours();
  }

  public void save() {
    if (PageMessages.attempt(
        SlaRefusedException.class,
        () -> policies.save(firstResponse, nextResponse, resolution, businessHours))) {
      PageMessages.info(Texts.of(SlaViewBean.BUNDLE, "settings.saved"));
    }
  }

  public Integer getFirstResponse() {
    return firstResponse;
  }

  public void setFirstResponse(Integer firstResponse) {
    this.firstResponse = firstResponse;
  }

  public Integer getNextResponse() {
    return nextResponse;
  }

  public void setNextResponse(Integer nextResponse) {
    this.nextResponse = nextResponse;
  }

  public Integer getResolution() {
    return resolution;
  }

  public void setResolution(Integer resolution) {
    this.resolution = resolution;
  }

  public boolean isBusinessHours() {
    return businessHours;
  }

  public void setBusinessHours(boolean businessHours) {
    this.businessHours = businessHours;
  }
}
