package in.picode.kretanote.outbound.view;

import in.picode.kretanote.outbound.boundary.CampaignSegment;
import java.io.Serializable;

/**
 * One custom-field condition of the campaign form's segment builder ({@link CampaignAudienceBean}).
 */
public class ConditionRow implements Serializable {
  private static final long serialVersionUID = 1L;
  private Long fieldId;
  private String op = CampaignSegment.Op.EQUALS.name();
  private String value;

  public Long getFieldId() {
    return fieldId;
  }

  public void setFieldId(Long fieldId) {
    this.fieldId = fieldId;
  }

  public String getOp() {
    return op;
  }

  public void setOp(String op) {
    this.op = op;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public boolean isValued() {
    return op == null || CampaignSegment.Op.valueOf(op).needsValue();
  }
}
