package in.picode.kretanote.messaging.view;

import in.picode.kretanote.messaging.boundary.Analytics;
import in.picode.kretanote.messaging.boundary.Analytics.AgentTimes;
import in.picode.kretanote.messaging.boundary.Analytics.Cost;
import in.picode.kretanote.messaging.boundary.Analytics.Day;
import in.picode.kretanote.messaging.boundary.Analytics.Funnel;
import in.picode.kretanote.platform.boundary.CsvCells;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageJson;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Analytics over a date range (UTC days): Chart.js configurations for PrimeFaces' {@code p:chart}
 * built with JSON-P, and each chart's data as a CSV download. The cost chart is for owners and
 * admins only.
 */
@Named
@ViewScoped
public class AnalyticsBean implements Serializable {

  static final String T = "in.picode.kretanote.messaging.view.WorkspaceTexts";

  private static final long serialVersionUID = 1L;

  @Inject transient Analytics analytics;
  @Inject CurrentUser currentUser;

  private List<LocalDate> range = new ArrayList<>();
  private List<Day> days = List.of();
  private Funnel funnel;
  private List<AgentTimes> agents = List.of();
  private List<Cost> cost = List.of();

  @PostConstruct
  void init() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    range = new ArrayList<>(List.of(today.minusDays(13), today));
    load();
  }

  public void load() {
    if (range == null || range.size() < 2 || range.get(0) == null || range.get(1) == null) {
      PageMessages.error(Texts.of(T, "analytics.chooseRange"));
      return;
    }
    try {
      LocalDate from = range.get(0);
      LocalDate to = range.get(1);
      days = analytics.perDay(from, to);
      funnel = analytics.funnel(from, to);
      agents = analytics.agentTimes(from, to);
      cost = currentUser.isManager() ? analytics.cost(from, to) : List.of();
    } catch (IllegalArgumentException e) {
      PageMessages.error(Wordings.of(e));
    }
  }

  public String getVolumeChart() {
    JsonArrayBuilder labels = Jsons.createArrayBuilder();
    JsonArrayBuilder in = Jsons.createArrayBuilder();
    JsonArrayBuilder out = Jsons.createArrayBuilder();
    JsonArrayBuilder conv = Jsons.createArrayBuilder();
    for (Day d : days) {
      labels.add(d.day().toString());
      in.add(d.inbound());
      out.add(d.outbound());
      conv.add(d.conversations());
    }
    return chart(
        "line",
        labels,
        Jsons.createArrayBuilder()
            .add(dataset(Texts.of(T, "analytics.conversations"), conv, "#075e54"))
            .add(dataset(Texts.of(T, "analytics.received"), in, "#25d366"))
            .add(dataset(Texts.of(T, "analytics.sent"), out, "#34b7f1")));
  }

  public String getFunnelChart() {
    Funnel f = funnel == null ? new Funnel(0, 0, 0, 0, 0) : funnel;
    return chart(
        "bar",
        Jsons.createArrayBuilder()
            .add(Texts.of(T, "analytics.funnel.sent"))
            .add(Texts.of(T, "analytics.funnel.delivered"))
            .add(Texts.of(T, "analytics.funnel.read"))
            .add(Texts.of(T, "analytics.funnel.replied")),
        Jsons.createArrayBuilder()
            .add(
                dataset(
                    Texts.of(T, "analytics.outbound"),
                    Jsons.createArrayBuilder()
                        .add(f.sent())
                        .add(f.delivered())
                        .add(f.read())
                        .add(f.replied()),
                    "#128c7e")));
  }

  public String getAgentChart() {
    JsonArrayBuilder labels = Jsons.createArrayBuilder();
    JsonArrayBuilder first = Jsons.createArrayBuilder();
    JsonArrayBuilder resolution = Jsons.createArrayBuilder();
    for (AgentTimes a : agents) {
      labels.add(a.agent());
      first.add(minutes(a.avgFirstResponseSeconds()));
      resolution.add(minutes(a.avgResolutionSeconds()));
    }
    return chart(
        "bar",
        labels,
        Jsons.createArrayBuilder()
            .add(dataset(Texts.of(T, "analytics.firstResponse"), first, "#25d366"))
            .add(dataset(Texts.of(T, "analytics.resolution"), resolution, "#075e54")));
  }

  /**
   * Meta's pricing category ("marketing") in the page's language; one Meta adds later shows as Meta
   * wrote it. The CSV keeps Meta's names.
   */
  public String category(String category) {
    return category(ResourceBundle.getBundle(T, Texts.locale()), category);
  }

  static String category(ResourceBundle texts, String category) {
    if (category == null) {
      return "";
    }
    try {
      return texts.getString("analytics.category." + category.toUpperCase(Locale.ROOT));
    } catch (MissingResourceException unknownToUs) {
      return category;
    }
  }

  public String getCostChart() {
    JsonArrayBuilder labels = Jsons.createArrayBuilder();
    JsonArrayBuilder counts = Jsons.createArrayBuilder();
    for (Cost c : cost) {
      labels.add(category(c.category()));
      counts.add(c.billable());
    }
    return chart(
        "bar",
        labels,
        Jsons.createArrayBuilder()
            .add(dataset(Texts.of(T, "analytics.billable"), counts, "#34b7f1")));
  }

  private static double minutes(Long seconds) {
    return seconds == null ? 0 : Math.round(seconds / 6.0) / 10.0;
  }

  private static JsonObjectBuilder dataset(String label, JsonArrayBuilder data, String color) {
    return Jsons.createObjectBuilder()
        .add("label", label)
        .add("data", data)
        .add("borderColor", color)
        .add("backgroundColor", color)
        .add("fill", false);
  }

  private static String chart(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets) {
    return PageJson.of(
        Jsons.createObjectBuilder()
            .add("type", type)
            .add(
                "data", Jsons.createObjectBuilder().add("labels", labels).add("datasets", datasets))
            .add(
                "options",
                Jsons.createObjectBuilder()
                    .add("animation", false)
                    .add("responsive", true)
                    .add("maintainAspectRatio", false))
            .build());
  }

  public void exportVolume() throws IOException {
    csv(
        "messages-per-day.csv",
        "day,conversations,received,sent",
        days,
        d -> d.day() + "," + d.conversations() + "," + d.inbound() + "," + d.outbound());
  }

  public void exportFunnel() throws IOException {
    Funnel f = funnel == null ? new Funnel(0, 0, 0, 0, 0) : funnel;
    csv(
        "delivery-funnel.csv",
        "sent,delivered,read,replied,failed",
        List.of(f),
        x ->
            x.sent() + "," + x.delivered() + "," + x.read() + "," + x.replied() + "," + x.failed());
  }

  public void exportAgents() throws IOException {
    csv(
        "agent-times.csv",
        "agent,conversations,avg_first_response_seconds,resolved,avg_resolution_seconds",
        agents,
        a ->
            cell(a.agent())
                + ","
                + a.conversations()
                + ","
                + (a.avgFirstResponseSeconds() == null ? "" : a.avgFirstResponseSeconds())
                + ","
                + a.resolved()
                + ","
                + (a.avgResolutionSeconds() == null ? "" : a.avgResolutionSeconds()));
  }

  public void exportCost() throws IOException {
    csv(
        "meta-cost.csv",
        "category,billable_messages," + cell("estimated_" + analytics.currency()),
        cost,
        c ->
            cell(c.category())
                + ","
                + c.billable()
                + ","
                + (c.estimated() == null ? "" : c.estimated()));
  }

  /** A CSV cell: formulas neutralised by the product's one rule, then quoted, quotes doubled. */
  static String cell(String s) {
    return "\"" + CsvCells.neutralise(s).replace("\"", "\"\"") + "\"";
  }

  private <T> void csv(String name, String header, List<T> rows, Function<T, String> line)
      throws IOException {
    String body =
        header
            + "\r\n"
            + rows.stream().map(line).collect(Collectors.joining("\r\n"))
            + (rows.isEmpty() ? "" : "\r\n");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext ec = faces.getExternalContext();
    ec.responseReset();
    ec.setResponseContentType("text/csv; charset=UTF-8");
    ec.setResponseContentLength(bytes.length);
    ec.setResponseHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    try (OutputStream out = ec.getResponseOutputStream()) {
      out.write(bytes);
    }
    faces.responseComplete();
  }

  public List<LocalDate> getRange() {
    return range;
  }

  public void setRange(List<LocalDate> range) {
    this.range = range;
  }

  public List<Day> getDays() {
    return days;
  }

  public Funnel getFunnel() {
    return funnel;
  }

  public List<AgentTimes> getAgents() {
    return agents;
  }

  public List<Cost> getCost() {
    return cost;
  }

  public String getCurrency() {
    return analytics.currency();
  }
}
