package in.picode.kretanote.api.rest;

import static in.picode.kretanote.api.rest.PublicApiIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.api.client.ApiException;
import in.picode.kretanote.api.client.ApiResponse;
import in.picode.kretanote.api.client.api.ContactsApi;
import in.picode.kretanote.api.client.api.ConversationsApi;
import in.picode.kretanote.api.client.api.MessagesApi;
import in.picode.kretanote.api.client.model.ConsentChange;
import in.picode.kretanote.api.client.model.ConsentEvent;
import in.picode.kretanote.api.client.model.ConsentInput;
import in.picode.kretanote.api.client.model.Consents;
import in.picode.kretanote.api.client.model.Contact;
import in.picode.kretanote.api.client.model.ContactChanges;
import in.picode.kretanote.api.client.model.ContactInput;
import in.picode.kretanote.api.client.model.ContactPage;
import in.picode.kretanote.api.client.model.ConversationPage;
import in.picode.kretanote.api.client.model.ConversationRow;
import in.picode.kretanote.api.client.model.FieldError;
import in.picode.kretanote.api.client.model.Message;
import in.picode.kretanote.api.client.model.MessageInput;
import in.picode.kretanote.api.client.model.MessagePage;
import in.picode.kretanote.api.client.model.Outcome;
import in.picode.kretanote.api.client.model.Problem;
import in.picode.kretanote.api.client.model.SendAnswer;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.Webhooks;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract test: the Java client openapi-generator builds from the checked-in OpenAPI document
 * (which {@link PublicApiContractIT} proves is the one the server serves) drives the running API as
 * an integrator's code would, and reads every answer into its generated types: contacts with tags
 * and custom fields, cursor pages, an idempotent send, a dry run and the send's outcome from
 * (simulated) Meta, conversations and their messages, problems mapped to the generated {@code
 * Problem}, and an update guarded by the contact's ETag. No hand-written HTTP.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class GeneratedClientIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app(
        "public-api-client", Map.of("mp.openapi.scan.packages", "in.picode.kretanote.api.rest"));
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void meta() {
    ItMeta.start();
  }

  /** The generated client of one key, as an integrator sets it up: base URI and bearer token. */
  in.picode.kretanote.api.client.ApiClient client(long tenant, String name) {
    String token = ApiClient.key(tenant, name, PublicApiIT.ALL);
    in.picode.kretanote.api.client.ApiClient c = new in.picode.kretanote.api.client.ApiClient();
    c.updateBaseUri(URI.create(base.toString()).resolve("api/v1").toString());
    c.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
    return c;
  }

  @Test
  void theGeneratedClientWorksAgainstTheServer() throws Exception {
    PublicApiContractIT.Business a = PublicApiContractIT.connected(base, "Client A");
    Webhooks.Tenant other = Webhooks.tenantWithNumber("Client other");
    in.picode.kretanote.api.client.ApiClient shop = client(a.tenant().id(), "shop");
    ContactsApi contacts = new ContactsApi(shop);
    MessagesApi messages = new MessagesApi(shop);
    ConversationsApi conversations = new ConversationsApi(shop);
    ContactsApi strangers = new ContactsApi(client(other.id(), "other shop"));
    Webhooks.execute(
        "INSERT INTO custom_field (tenant_id, name, type, created_at)"
            + " VALUES (?, 'Order total', 'NUMBER', NOW(6))",
        a.tenant().id());

    // Three contacts, with tags and a custom field, each created once by its key.
    String anaPhone = "+" + ApiClient.phone();
    ContactInput anaInput =
        new ContactInput()
            .phone(anaPhone)
            .name("Ana Díaz")
            .tags(List.of("vip", "b2b"))
            .fields(Map.of("Order total", "12.50"));
    Contact ana = contacts.createContacts(anaInput, "contact-ana");
    assertThat(ana.getId()).isPositive();
    assertThat(ana.getPhone()).isEqualTo(anaPhone);
    assertThat(ana.getName()).isEqualTo("Ana Díaz");
    assertThat(ana.getTags()).containsExactlyInAnyOrder("vip", "b2b");
    assertThat(ana.getFields()).containsEntry("Order total", "12.5");
    assertThat(ana.getOptedOut()).isFalse();
    assertThat(ana.getCreatedAt()).endsWith("Z");
    Contact again = contacts.createContacts(anaInput, "contact-ana");
    assertThat(again.getId()).as("the same key answers the same contact").isEqualTo(ana.getId());
    Contact ben =
        contacts.createContacts(
            new ContactInput().phone("+" + ApiClient.phone()).name("Ben").tags(List.of("b2b")),
            "contact-ben");
    Contact chi =
        contacts.createContacts(
            new ContactInput().phone("+" + ApiClient.phone()).name("Chi"), "contact-chi");

    // Paged two at a time, newest first, by the opaque cursor.
    ContactPage first = contacts.listContacts(2, null, null, null, null);
    assertThat(first.getData()).extracting(Contact::getName).containsExactly("Chi", "Ben");
    assertThat(first.getData())
        .extracting(Contact::getId)
        .containsExactly(chi.getId(), ben.getId());
    assertThat(first.getNextCursor()).isNotBlank();
    ContactPage second = contacts.listContacts(2, first.getNextCursor(), null, null, null);
    assertThat(second.getData()).extracting(Contact::getName).containsExactly("Ana Díaz");
    assertThat(second.getNextCursor()).isNull();
    assertThat(contacts.listContacts(10, null, null, "b2b", null).getData())
        .extracting(Contact::getName)
        .containsExactly("Ben", "Ana Díaz");

    // Read with its ETag, changed with If-Match; a stale ETag changes nothing.
    ApiResponse<Contact> read = contacts.getContactsWithHttpInfo(Long.toString(ana.getId()));
    assertThat(read.getData().getTags()).containsExactlyInAnyOrder("vip", "b2b");
    String etag = header(read, "ETag");
    ApiResponse<Contact> changed =
        contacts.updateContactsWithHttpInfo(
            Long.toString(ana.getId()),
            new ContactChanges().name("Ana Díaz Ruiz").tags(List.of("vip", "wholesale")),
            etag);
    assertThat(changed.getStatusCode()).isEqualTo(200);
    assertThat(changed.getData().getName()).isEqualTo("Ana Díaz Ruiz");
    assertThat(changed.getData().getTags()).containsExactlyInAnyOrder("vip", "wholesale");
    assertThat(changed.getData().getFields())
        .as("fields left out stay")
        .containsEntry("Order total", "12.5");
    assertThat(header(changed, "ETag")).isNotEqualTo(etag);
    Problem stale =
        problem(
            shop,
            () ->
                contacts.updateContacts(
                    Long.toString(ana.getId()), new ContactChanges().name("Overwritten"), etag),
            412);
    assertThat(stale.getCode()).isEqualTo("precondition_failed");
    Problem missing =
        problem(
            shop,
            () ->
                contacts.updateContacts(
                    Long.toString(ana.getId()), new ContactChanges().name("Overwritten"), null),
            428);
    assertThat(missing.getCode()).isEqualTo("precondition_required");
    assertThat(contacts.getContacts(Long.toString(ana.getId())).getName())
        .isEqualTo("Ana Díaz Ruiz");

    // Consent recorded with its evidence, read back typed: the state now and the ledger.
    ConsentChange granted =
        contacts.recordConsentContacts(
            Long.toString(ana.getId()),
            new ConsentInput()
                .category(ConsentInput.CategoryEnum.MARKETING)
                .granted(true)
                .evidence("Checkout form, box ticked, order 4711"));
    assertThat(granted.getContactId()).isEqualTo(ana.getId());
    assertThat(granted.getCategory()).isEqualTo(ConsentChange.CategoryEnum.MARKETING);
    assertThat(granted.getGranted()).isTrue();
    assertThat(granted.getChanged()).isTrue();
    Consents consent = contacts.consentContacts(Long.toString(ana.getId()));
    assertThat(consent.getContactId()).isEqualTo(ana.getId());
    assertThat(consent.getCurrent().getMarketing()).isTrue();
    assertThat(consent.getCurrent().getUtility()).as("never asked").isNull();
    ConsentEvent recorded = consent.getLedger().get(consent.getLedger().size() - 1);
    assertThat(recorded.getCategory()).isEqualTo(ConsentEvent.CategoryEnum.MARKETING);
    assertThat(recorded.getGranted()).isTrue();
    assertThat(recorded.getSource()).isEqualTo(ConsentEvent.SourceEnum.API);
    assertThat(recorded.getEvidence()).isEqualTo("Checkout form, box ticked, order 4711");
    assertThat(recorded.getAt()).isNotNull();

    // Problems: another business's contact does not exist; bad input names the field.
    Problem notFound = problem(shop, () -> strangers.getContacts(Long.toString(ana.getId())), 404);
    assertThat(notFound.getCode()).isEqualTo("not_found");
    assertThat(notFound.getStatus()).isEqualTo(404);
    assertThat(notFound.getDetail()).isEqualTo("There is no such contact.");
    Problem invalid =
        problem(
            shop,
            () -> contacts.createContacts(new ContactInput().phone("0151 123"), "contact-bad"),
            422);
    assertThat(invalid.getCode()).isEqualTo("validation_failed");
    assertThat(invalid.getErrors()).extracting(FieldError::getPointer).containsExactly("/phone");
    assertThat(invalid.getErrors().get(0).getDetail()).contains("international phone number");
    assertThat(contacts.listContacts(10, null, null, null, null).getData()).hasSize(3);

    // A customer writes; a dry run says what would happen, the send goes once per key.
    String waId = ApiClient.phone();
    long conversation = ApiClient.customerWrites(base, a.tenant(), waId, "Where is my order?");
    MessageInput text =
        new MessageInput()
            .conversationId(conversation)
            .type(MessageInput.TypeEnum.TEXT)
            .text("It left the warehouse today.");
    SendAnswer dry = messages.sendMessages(text, "order-4711", true);
    assertThat(dry.getDryRun()).isTrue();
    assertThat(dry.getDecision()).isEqualTo(SendAnswer.DecisionEnum.WOULD_SEND);
    assertThat(dry.getDetail()).contains("24-hour window");
    assertThat(dry.getId()).as("nothing queued").isNull();
    SendAnswer sent = messages.sendMessages(text, "order-4711", null);
    assertThat(sent.getId()).isPositive();
    assertThat(sent.getDuplicate()).isFalse();
    assertThat(sent.getStatus()).isEqualTo("PENDING");
    assertThat(sent.getOutcome()).isEqualTo("/api/v1/messages/" + sent.getId());
    SendAnswer resent = messages.sendMessages(text, "order-4711", null);
    assertThat(resent.getId()).isEqualTo(sent.getId());
    assertThat(resent.getDuplicate()).isTrue();
    SendAnswer dryAgain = messages.sendMessages(text, "order-4711", true);
    assertThat(dryAgain.getDecision()).isEqualTo(SendAnswer.DecisionEnum.ALREADY_SENT);
    assertThat(dryAgain.getMessageId()).isEqualTo(sent.getId());

    // The outcome once (simulated) Meta accepted it.
    AtomicReference<Outcome> outcome = new AtomicReference<>();
    await(
        () -> {
          try {
            outcome.set(messages.outcomeMessages(Long.toString(sent.getId())));
          } catch (ApiException e) {
            throw new AssertionError(e.getResponseBody(), e);
          }
          return !"PENDING".equals(outcome.get().getStatus());
        });
    assertThat(outcome.get().getId()).isEqualTo(sent.getId());
    assertThat(outcome.get().getStatus()).isIn("SENT", "DELIVERED", "READ");
    assertThat(outcome.get().getWamid()).as("WhatsApp's message id").isNotBlank();
    assertThat(outcome.get().getErrorCode()).isNull();
    assertThat(outcome.get().getRefusalCode()).as("not refused").isNull();

    // A send into another business's conversation is not found, and nothing is queued there.
    Problem elsewhere =
        problem(
            shop,
            () ->
                new MessagesApi(client(other.id(), "other sender"))
                    .sendMessages(text, "order-elsewhere", null),
            404);
    assertThat(elsewhere.getCode()).isEqualTo("CONVERSATION_NOT_FOUND");

    // The conversation in the inbox list, and its messages oldest first.
    ConversationPage inbox = conversations.listConversations(10, null, null, null, null, null);
    ConversationRow row =
        inbox.getData().stream()
            .filter(r -> r.getId() == conversation)
            .findFirst()
            .orElseThrow(() -> new AssertionError("conversation not listed: " + inbox));
    assertThat(row.getPhone()).isEqualTo("+" + waId);
    assertThat(row.getContactName()).isEqualTo("Ana");
    assertThat(row.getStatus()).isNotBlank();
    assertThat(row.getAssigneeId()).isNull();
    assertThat(row.getLabels()).isEmpty();
    MessagePage thread = conversations.messagesConversations(Long.toString(conversation), 10, null);
    assertThat(thread.getData())
        .extracting(Message::getDirection, Message::getText)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("INBOUND", "Where is my order?"),
            org.assertj.core.groups.Tuple.tuple("OUTBOUND", "It left the warehouse today."));
    assertThat(thread.getData().get(1).getId()).isEqualTo(sent.getId());
    assertThat(thread.getNextCursor()).isNull();
    MessagePage newest = conversations.messagesConversations(Long.toString(conversation), 1, null);
    assertThat(newest.getData()).extracting(Message::getId).containsExactly(sent.getId());
    MessagePage older =
        conversations.messagesConversations(Long.toString(conversation), 1, newest.getNextCursor());
    assertThat(older.getData()).extracting(Message::getText).containsExactly("Where is my order?");
  }

  static String header(ApiResponse<?> r, String name) {
    return r.getHeaders().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " header"));
  }

  interface Call {
    void run() throws ApiException;
  }

  /** The problem the call failed with, read into the generated type with the client's mapper. */
  static Problem problem(in.picode.kretanote.api.client.ApiClient client, Call call, int status)
      throws Exception {
    ApiException e;
    try {
      call.run();
      throw new AssertionError("no problem answered");
    } catch (ApiException thrown) {
      e = thrown;
    }
    assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(status);
    assertThat(e.getResponseHeaders().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    return client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
  }
}
