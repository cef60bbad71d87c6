package in.picode.kretanote.messaging.view;

import in.picode.kretanote.outbound.boundary.RichSending;
import in.picode.kretanote.outbound.boundary.SendResult;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.primefaces.PrimeFaces;

/**
 * The compose box's "More" forms (reply buttons, a list, a location, a contact card) and the
 * reactions on the history's messages. Meta's limits are the boundary's ({@link RichSending}): a
 * refusal lists every problem at once and queues nothing; the dialog stays open with the agent's
 * input. A sent form is emptied and its dialog closed ({@code sent} callback parameter). The
 * idempotency key is the compose box's ({@link ComposeBean}), so a double submit sends once.
 */
@Named
@ViewScoped
public class RichComposeBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Reactions offered on a message, as WhatsApp's quick row. */
  static final List<String> REACTIONS = List.of("👍", "❤️", "😂", "😮", "😢", "🙏");

  @Inject ComposeBean compose;
  @Inject ConversationBean conversation;
  @Inject transient RichSending sending;

  private String buttonsBody;
  private String buttonsFooter;
  private final String[] buttonTitles = new String[3];

  private String listBody;
  private String listButton;
  private String listRows;

  private String latitude;
  private String longitude;
  private String placeName;
  private String placeAddress;

  private String cardName;
  private String cardPhone;
  private String cardEmail;
  private String cardCompany;

  private Long reactTo;

  public void sendButtons() {
    List<RichSending.Choice> buttons = new ArrayList<>();
    for (String t : buttonTitles) {
      if (t != null && !t.isBlank()) {
        buttons.add(new RichSending.Choice(null, t.strip(), null));
      }
    }
    if (send(
        () ->
            sending.sendButtons(
                id(), compose.getComposeKey(), buttonsBody, buttons, buttonsFooter))) {
      buttonsBody = null;
      buttonsFooter = null;
      Arrays.fill(buttonTitles, null);
    }
  }

  /** The rows typed one per line, {@code title | description}; blank lines are skipped. */
  static List<RichSending.Choice> rows(String text) {
    if (text == null) {
      return List.of();
    }
    return text.lines()
        .filter(l -> !l.isBlank())
        .map(
            l -> {
              int bar = l.indexOf('|');
              String title = (bar < 0 ? l : l.substring(0, bar)).strip();
              String description = bar < 0 ? null : l.substring(bar + 1).strip();
              return new RichSending.Choice(
                  null, title, description == null || description.isEmpty() ? null : description);
            })
        .toList();
  }

  public void sendList() {
    if (send(
        () ->
            sending.sendList(
                id(), compose.getComposeKey(), listBody, listButton, rows(listRows), null))) {
      listBody = null;
      listButton = null;
      listRows = null;
    }
  }

  public void sendLocation() {
    Double lat = number(latitude);
    Double lon = number(longitude);
    if (lat == null || lon == null) {
      if (lat == null) {
        PageMessages.error(
            Texts.of(ComposeBean.BUNDLE, "compose.problem.latitude", String.valueOf(latitude)));
      }
      if (lon == null) {
        PageMessages.error(
            Texts.of(ComposeBean.BUNDLE, "compose.problem.longitude", String.valueOf(longitude)));
      }
      return;
    }
    if (send(
        () ->
            sending.sendLocation(
                id(), compose.getComposeKey(), lat, lon, placeName, placeAddress))) {
      latitude = null;
      longitude = null;
      placeName = null;
      placeAddress = null;
    }
  }

  /** A decimal as typed (a comma as the decimal mark too); null when it is not one. */
  static Double number(String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      double d = Double.parseDouble(typed.strip().replace(',', '.'));
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public void sendContactCard() {
    if (send(
        () ->
            sending.sendContactCard(
                id(), compose.getComposeKey(), cardName, cardPhone, cardEmail, cardCompany))) {
      cardName = null;
      cardPhone = null;
      cardEmail = null;
      cardCompany = null;
    }
  }

  /** Chooses the message the reaction dialog puts an emoji on. */
  public void reactOn(long messageId) {
    reactTo = messageId;
  }

  /** Puts {@code emoji} on the chosen message; an empty one removes the business's reaction. */
  public void react(String emoji) {
    Long target = reactTo;
    if (target == null) {
      return;
    }
    if (send(() -> sending.sendReaction(id(), compose.getComposeKey(), target, emoji))) {
      reactTo = null;
    }
  }

  private boolean send(Supplier<SendResult> action) {
    boolean sent = compose.queued(action);
    PrimeFaces.current().ajax().addCallbackParam("sent", sent);
    return sent;
  }

  private long id() {
    return conversation.conversationId();
  }

  public List<String> getReactions() {
    return REACTIONS;
  }

  public String getButtonsBody() {
    return buttonsBody;
  }

  public void setButtonsBody(String v) {
    buttonsBody = v;
  }

  public String getButtonsFooter() {
    return buttonsFooter;
  }

  public void setButtonsFooter(String v) {
    buttonsFooter = v;
  }

  public String getButton1() {
    return buttonTitles[0];
  }

  public void setButton1(String v) {
    buttonTitles[0] = v;
  }

  public String getButton2() {
    return buttonTitles[1];
  }

  public void setButton2(String v) {
    buttonTitles[1] = v;
  }

  public String getButton3() {
    return buttonTitles[2];
  }

  public void setButton3(String v) {
    buttonTitles[2] = v;
  }

  public String getListBody() {
    return listBody;
  }

  public void setListBody(String v) {
    listBody = v;
  }

  public String getListButton() {
    return listButton;
  }

  public void setListButton(String v) {
    listButton = v;
  }

  public String getListRows() {
    return listRows;
  }

  public void setListRows(String v) {
    listRows = v;
  }

  public String getLatitude() {
    return latitude;
  }

  public void setLatitude(String v) {
    latitude = v;
  }

  public String getLongitude() {
    return longitude;
  }

  public void setLongitude(String v) {
    longitude = v;
  }

  public String getPlaceName() {
    return placeName;
  }

  public void setPlaceName(String v) {
    placeName = v;
  }

  public String getPlaceAddress() {
    return placeAddress;
  }

  public void setPlaceAddress(String v) {
    placeAddress = v;
  }

  public String getCardName() {
    return cardName;
  }

  public void setCardName(String v) {
    cardName = v;
  }

  public String getCardPhone() {
    return cardPhone;
  }

  public void setCardPhone(String v) {
    cardPhone = v;
  }

  public String getCardEmail() {
    return cardEmail;
  }

  public void setCardEmail(String v) {
    cardEmail = v;
  }

  public String getCardCompany() {
    return cardCompany;
  }

  public void setCardCompany(String v) {
    cardCompany = v;
  }

  public Long getReactTo() {
    return reactTo;
  }
}
