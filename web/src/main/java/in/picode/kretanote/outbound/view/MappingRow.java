package in.picode.kretanote.outbound.view;

import in.picode.kretanote.outbound.boundary.ValueMapping;
import java.io.Serializable;

/**
 * One placeholder's source in the campaign form's value mapping ({@link CampaignAudienceBean}): a
 * fixed text, or a contact's field with a fallback.
 */
public class MappingRow implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int index;
  private String source = ValueMapping.Source.TEXT.name();
  private String text;
  private Long fieldId;
  private String fallback;

  MappingRow(int index) {
    this.index = index;
  }

  ValueMapping toMapping() {
    ValueMapping.Source s = ValueMapping.Source.valueOf(source);
    return new ValueMapping(
        s,
        s == ValueMapping.Source.TEXT ? text : null,
        s == ValueMapping.Source.CUSTOM_FIELD ? fieldId : null,
        s == ValueMapping.Source.TEXT ? null : fallback);
  }

  public int getIndex() {
    return index;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source == null || source.isBlank() ? ValueMapping.Source.TEXT.name() : source;
  }

  public boolean isFixed() {
    return ValueMapping.Source.TEXT.name().equals(source);
  }

  public boolean isCustom() {
    return ValueMapping.Source.CUSTOM_FIELD.name().equals(source);
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public Long getFieldId() {
    return fieldId;
  }

  public void setFieldId(Long fieldId) {
    this.fieldId = fieldId;
  }

  public String getFallback() {
    return fallback;
  }

  public void setFallback(String fallback) {
    this.fallback = fallback;
  }
}
