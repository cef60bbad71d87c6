package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.automation.control.Action;
import in.picode.kretanote.automation.control.Situation;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObject;

/**
 * Runs one action in a transaction of its own: a feature that refuses a change marks its
 * transaction for rollback, and that must undo only the refused action, not the rule's other
 * actions nor its run log. Sends join this transaction (the message and outbox rows commit with
 * it).
 */
@Stateless
@TenantScoped
public class ActionTransactions {

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Wording run(Action action, JsonObject params, Situation s) {
    return action.run(params, s);
  }
}
