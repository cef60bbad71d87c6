package in.picode.kretanote.contact.boundary;

import in.picode.kretanote.contact.entity.ContactTag;

/**
 * A contact tag as other features name it (a campaign's segment): stripped, 1 to {@link
 * ContactTag#TAG_MAX} characters, the rule the contact's own tags follow; otherwise {@link
 * IllegalArgumentException}.
 */
public record Tag(String value) {

  public Tag {
    value = ContactTag.check(value);
  }
}
