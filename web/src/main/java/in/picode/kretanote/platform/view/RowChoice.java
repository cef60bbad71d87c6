package in.picode.kretanote.platform.view;

import java.io.Serializable;

/**
 * The {@code ?rename=id} or {@code ?delete=id} a settings list links to, so a rename form or a
 * delete confirmation opens on a page of its own (and can be bookmarked or refused with 404).
 */
public class RowChoice implements Serializable {

  private static final long serialVersionUID = 1L;

  private String rename;
  private String delete;

  /** Whether a row was asked for at all. */
  public boolean asked() {
    return rename != null || delete != null;
  }

  /** The id asked for; null when none was asked for or it is malformed. */
  public Long id() {
    return PageMessages.parseId(rename != null ? rename : delete);
  }

  public boolean renaming() {
    return rename != null;
  }

  public String getRename() {
    return rename;
  }

  public void setRename(String rename) {
    this.rename = rename;
  }

  public String getDelete() {
    return delete;
  }

  public void setDelete(String delete) {
    this.delete = delete;
  }
}
