package in.picode.kretanote.contact.view;

import in.picode.kretanote.contact.boundary.ContactChangeRefusedException;
import in.picode.kretanote.contact.boundary.ContactImports;
import in.picode.kretanote.contact.boundary.ContactImports.Report;
import in.picode.kretanote.contact.boundary.ContactWords;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.contact.boundary.CsvCheck;
import in.picode.kretanote.contact.entity.CustomField;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV import in three steps on one page: upload (the file is read into this view, within the size
 * limit, and never stored), map columns, check and import. Checking writes nothing; importing
 * writes every row or none.
 */
@Named
@ViewScoped
public class ContactImportBean implements Serializable {

  private static final String T = "in.picode.kretanote.contact.view.ContactTexts";

  private static final long serialVersionUID = 1L;

  @Inject transient ContactImports imports;
  @Inject transient Contacts contacts;
  @Inject CurrentUser currentUser;

  private transient Part file;
  private byte[] bytes;
  private String fileName;
  private List<String> headers = List.of();
  private Map<String, String> mapping = new LinkedHashMap<>();
  private CsvCheck checked;
  private Report report;
  private int progress;

  public void upload() {
    reset();
    if (file == null || file.getSize() == 0) {
      PageMessages.error(Texts.of(T, "import.chooseFile"));
      return;
    }
    if (file.getSize() > imports.maxBytes()) {
      PageMessages.error(Texts.of(T, "import.tooLarge", String.valueOf(imports.maxBytes() / 1024)));
      return;
    }
    try (InputStream in = file.getInputStream()) {
      byte[] read = in.readNBytes(imports.maxBytes() + 1);
      headers = imports.headers(read);
      bytes = read;
      fileName = file.getSubmittedFileName();
      mapping = new LinkedHashMap<>(imports.guessMapping(headers));
      progress = 33;
    } catch (ContactChangeRefusedException e) {
      PageMessages.error(Wordings.of(e));
    } catch (IOException e) {
      PageMessages.error(Texts.of(T, "import.interrupted"));
    }
  }

  public void check() {
    if (bytes == null) {
      PageMessages.error(Texts.of(T, "import.uploadFirst"));
      return;
    }
    try {
      checked = imports.check(bytes, mapping);
      progress = 66;
      if (checked.ok()) {
        PageMessages.info(Texts.of(T, "import.ready", checked.rows().size()));
      } else {
        PageMessages.error(Wordings.of(ContactWords.ROWS_TO_FIX.with(checked.problems().size())));
      }
    } catch (ContactChangeRefusedException e) {
      checked = null;
      PageMessages.error(Wordings.of(e));
    }
  }

  public void importAll() {
    if (bytes == null) {
      PageMessages.error(Texts.of(T, "import.uploadFirst"));
      return;
    }
    try {
      report =
          imports.importAll(
              bytes,
              mapping,
              currentUser.getUserId(),
              currentUser.getEmail(),
              currentUser.getClientAddress());
      progress = 100;
      PageMessages.info(Texts.of(T, "import.done", report.created(), report.updated()));
      bytes = null;
    } catch (ContactChangeRefusedException e) {
      PageMessages.error(Wordings.of(e));
      check();
    }
  }

  /** A row's problems in the page's language. */
  public String problemText(CsvCheck.Problem problem) {
    return String.join(" ", problem.wordings().stream().map(Wordings::of).toList());
  }

  private void reset() {
    bytes = null;
    headers = List.of();
    mapping = new LinkedHashMap<>();
    checked = null;
    report = null;
    progress = 0;
  }

  public List<SelectItem> getTargets() {
    List<SelectItem> items = new ArrayList<>();
    items.add(new SelectItem(CsvCheck.IGNORE, Texts.of(T, "import.target.ignore")));
    items.add(new SelectItem(CsvCheck.PHONE, Texts.of(T, "import.target.phone")));
    items.add(new SelectItem(CsvCheck.NAME, Texts.of(T, "import.target.name")));
    items.add(new SelectItem(CsvCheck.EMAIL, Texts.of(T, "import.target.email")));
    items.add(new SelectItem(CsvCheck.TAGS, Texts.of(T, "import.target.tags")));
    for (CustomField f : contacts.fields()) {
      items.add(
          new SelectItem(
              CsvCheck.FIELD_PREFIX + f.getId(), f.getName() + " (" + f.getType() + ")"));
    }
    return items;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public String getFileName() {
    return fileName;
  }

  public boolean isUploaded() {
    return bytes != null;
  }

  public List<String> getHeaders() {
    return headers;
  }

  public Map<String, String> getMapping() {
    return mapping;
  }

  public CsvCheck getChecked() {
    return checked;
  }

  public Report getReport() {
    return report;
  }

  public int getProgress() {
    return progress;
  }
}
