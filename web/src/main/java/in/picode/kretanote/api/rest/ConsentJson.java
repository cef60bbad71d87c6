package in.picode.kretanote.api.rest;

import in.picode.kretanote.contact.boundary.Consents;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.contact.entity.ConsentEvent;
import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import java.util.Optional;

/** A contact's consents as {@code GET /contacts/{id}/consents} answers them. */
final class ConsentJson {

  private ConsentJson() {}

  /** Consent per category now (null: never asked) and the ledger of changes. */
  static JsonObject consents(Consents consents, long contact) {
    JsonObjectBuilder current = Jsons.createObjectBuilder();
    for (Category cat : Category.values()) {
      Optional<Boolean> state = consents.consent(contact, cat);
      if (state.isPresent()) {
        current.add(cat.name().toLowerCase(Locale.ROOT), state.get());
      } else {
        current.addNull(cat.name().toLowerCase(Locale.ROOT));
      }
    }
    JsonArrayBuilder ledger = Jsons.createArrayBuilder();
    for (ConsentEvent e : consents.ledger(contact)) {
      JsonObjectBuilder row =
          Jsons.createObjectBuilder()
              .add("category", e.getCategory().name().toLowerCase(Locale.ROOT))
              .add("granted", e.isGranted())
              .add("source", e.getSource().name())
              .add("at", Api.time(e.getOccurredAt()));
      if (e.getActor() != null) {
        row.add("actor", e.getActor());
      }
      if (e.getEvidence() != null) {
        row.add("evidence", e.getEvidence());
      }
      ledger.add(row);
    }
    return Jsons.createObjectBuilder()
        .add("contact_id", contact)
        .add("current", current)
        .add("ledger", ledger)
        .build();
  }
}
