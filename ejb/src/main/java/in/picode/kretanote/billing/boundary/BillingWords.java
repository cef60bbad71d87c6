package in.picode.kretanote.billing.boundary;

import in.picode.kretanote.platform.boundary.Wording;

/** What the billing feature (plans, subscriptions, invoices) says to a user, as codes. */
public enum BillingWords implements Wording.Code {
  CHOOSE_PLAN("Choose a plan."),
  CHOOSE_PLAN_FIRST("Choose a plan first."),
  NO_SUCH_PLAN("There is no plan ''{0}''."),
  PLAN_RETIRED("The {0} plan is not offered any more."),
  PLAN_CODE_TAKEN("A plan with code ''{0}'' exists already."),
  PLAN_CODE(
      "A plan code is 1 to 40 lower-case letters, digits or dashes, starting with a letter or"
          + " digit"),
  PLAN_NAME("A plan name has 1 to {0,number,#} characters"),
  REPRICE_CURRENCY("The {0} plan is priced in {1}; create a new plan for {2}."),
  MONTHLY_PRICE("The monthly price must be between 0 and {0,number,#} minor units."),
  YEARLY_PRICE("The yearly price must be between 0 and {0,number,#} minor units."),
  SEAT_PRICE("The seat price must be between 0 and {0,number,#} minor units."),
  OVERAGE_PRICE("The overage price must be between 0 and {0,number,#} minor units."),
  INCLUDED_SEATS("Included seats must be between 1 and {0,number,#}."),
  MAX_SEATS("Maximum seats must be between the included seats and {0,number,#}."),
  MESSAGE_ALLOWANCE("The message allowance must be 0 to 1,000,000,000."),
  FEATURES_LONG("Features are at most {0,number,#} characters."),
  CURRENCY_CODE("A currency is a three-letter ISO 4217 code, e.g. EUR."),
  CURRENCY_UNKNOWN("{0} is not an ISO 4217 currency."),
  SEATS_MIN("A subscription needs at least 1 seat."),
  SEATS_OVER_PLAN("The {0} plan allows at most {1,number,#} seats; you asked for {2,number,#}."),
  SUBSCRIBED_ALREADY("This account has a subscription already; change its plan instead."),
  DETAILS_FIRST("Enter the billing details first: they are printed on the invoices."),
  PAST_DUE("The subscription is past due; pay the open invoice before changing plan or seats."),
  SUSPENDED("The subscription is suspended; pay the open invoice before changing plan or seats."),
  CANCELLED("The subscription is cancelled; pay the open invoice before changing plan or seats."),
  CURRENCY_FIXED(
      "The {0} plan is priced in {1} but this subscription is billed in {2}; a subscription"
          + " cannot change currency."),
  SAME_PLAN("That is the plan and seat count you have."),
  TOO_FEW_SEATS(
      "Your team has {0,number,#} active members; disable some before going to {1,number,#}"
          + " seats."),
  NO_ACCOUNT("This account does not exist."),
  TRIAL_ENDED(
      "Your free trial ended on {0,date,d MMM yyyy}. Choose a plan under Settings → Billing to send"
          + " messages again."),
  UNPAID(
      "Sending is paused because an invoice is unpaid. Pay it under Settings → Billing and sending"
          + " resumes at once; incoming messages are still received."),
  UNPAID_SINCE(
      "Sending is paused because an invoice is unpaid (since {0,date,d MMM yyyy}). Pay it under"
          + " Settings → Billing and sending resumes at once; incoming messages are still"
          + " received."),
  SUBSCRIPTION_ENDED(
      "Your subscription ended. Choose a plan under Settings → Billing to send messages again."),
  SUBSCRIPTION_ENDED_ON(
      "Your subscription ended on {0,date,d MMM yyyy}. Choose a plan under Settings → Billing to"
          + " send messages again."),
  ENDED("The subscription has ended already."),
  NO_SUBSCRIPTION("No subscription"),
  NO_INVOICE("There is no invoice {0,number,#}."),
  NO_INVOICE_FOR_CUSTOMER("No invoice {0,number,#} for this customer"),
  PAYMENT_CURRENCY("Currency mismatch: invoice {0} is in {1}, the payment in {2}"),
  PAYMENT_AMOUNT("Amount mismatch: invoice {0} is {1}, the payment {2}"),
  PAYMENT_OTHER_INVOICE("The payment belongs to another invoice"),
  CREDIT_REASON("Give a reason of 1 to {0,number,#} characters."),
  NO_INVOICE_TO_CREDIT("There is no invoice {0,number,#} to credit."),
  CREDITED_ALREADY("Invoice {0} has been credited already."),
  INVOICE_VOID("Invoice {0} is void."),
  PROVIDER_NOT_CONFIGURED(
      "Payments are not configured (kretanote.billing.provider.api-key is not set)."),
  PROVIDER_REFUSED("The payment provider refused the request: {0}"),
  PROVIDER_UNREACHABLE("The payment provider cannot be reached right now."),
  NOTICE_ENDED_SUBJECT("Your KretaNote subscription has ended"),
  NOTICE_ENDED(
      "Your subscription ended on {0,date,d MMM yyyy} as you asked. Sending messages has stopped;"
          + " incoming messages are still received. Choose a plan under Settings → Billing to"
          + " continue."),
  NOTICE_SUSPENDED_SUBJECT("Sending is paused: your KretaNote invoice is unpaid"),
  NOTICE_SUSPENDED(
      "We could not collect your payment since {0,date,d MMM yyyy}, so sending messages and"
          + " campaigns is paused. Incoming messages are still received and stored. Pay under"
          + " Settings → Billing (update your card) and sending resumes at once."),
  NOTICE_SETTLED_SUBJECT("Payment received: your KretaNote subscription is active"),
  NOTICE_SETTLED("Thank you: invoice {0} is paid."),
  NOTICE_SETTLED_RESUMED("Thank you: invoice {0} is paid and sending works again."),
  NOTICE_PAYMENT_FAILED_SUBJECT("Payment failed for KretaNote invoice {0}"),
  /** {2} is why: the payment provider's words as it gave them, or one of the reasons below. */
  NOTICE_PAYMENT_FAILED_RETRY(
      "We could not collect {0} for invoice {1}: {2}. We will try again on {3,date,d MMM yyyy}. If"
          + " it is still unpaid on {4,date,d MMM yyyy}, sending messages pauses until it is paid"
          + " (incoming messages keep arriving). Update your card under Settings → Billing."),
  NOTICE_PAYMENT_FAILED(
      "We could not collect {0} for invoice {1}: {2}. If it is still unpaid on"
          + " {3,date,d MMM yyyy}, sending messages pauses until it is paid (incoming messages keep"
          + " arriving). Update your card under Settings → Billing."),
  NO_CARD_ON_FILE("there is no card on file"),
  CARD_DECLINED("the card was declined");

  private final String pattern;

  BillingWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
