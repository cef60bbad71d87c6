package in.picode.kretanote.sla.entity;

import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.sla.boundary.SlaWords;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Service-level targets in minutes (null: no target of that kind). The business's policy has no
 * team; a team may have its own, which then replaces the business's for the team's conversations.
 */
@Entity
@Table(name = "sla_policy")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = SlaPolicy.OF_BUSINESS,
    query = "select p from SlaPolicy p where p.teamId is null")
@NamedQuery(name = SlaPolicy.OF_TEAM, query = "select p from SlaPolicy p where p.teamId = :team")
public class SlaPolicy {

  public static final String OF_BUSINESS = "SlaPolicy.ofBusiness";
  public static final String OF_TEAM = "SlaPolicy.ofTeam";

  /** 30 days: longer targets are not service levels. */
  public static final int MINUTES_MAX = 43_200;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "team_id", updatable = false)
  private Long teamId;

  @Column(name = "first_response_minutes")
  private Integer firstResponseMinutes;

  @Column(name = "next_response_minutes")
  private Integer nextResponseMinutes;

  @Column(name = "resolution_minutes")
  private Integer resolutionMinutes;

  @Column(name = "business_hours", nullable = false)
  private boolean businessHours;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected SlaPolicy() {}

  /** A business without targets yet. */
  public static SlaPolicy none(Instant now) {
    SlaPolicy p = new SlaPolicy();
    p.updatedAt = now;
    return p;
  }

  /** A team's own policy, without targets yet. */
  public static SlaPolicy ofTeam(long teamId, Instant now) {
    SlaPolicy p = none(now);
    p.teamId = teamId;
    return p;
  }

  /** Sets every target at once; refuses with every problem in one message. */
  public void change(
      Integer firstResponse,
      Integer nextResponse,
      Integer resolution,
      boolean businessHours,
      Instant now) {
    List<Wording> problems = problems(firstResponse, nextResponse, resolution);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join(" ", Wording.english(problems)));
    }
    this.firstResponseMinutes = firstResponse;
    this.nextResponseMinutes = nextResponse;
    this.resolutionMinutes = resolution;
    this.businessHours = businessHours;
    this.updatedAt = now;
  }

  /** What is wrong with these targets (null minutes: no target), every problem; empty when none. */
  public static List<Wording> problems(
      Integer firstResponse, Integer nextResponse, Integer resolution) {
    List<Wording> problems = new ArrayList<>();
    check(firstResponse, SlaWords.FIRST_RESPONSE_RANGE, problems);
    check(nextResponse, SlaWords.NEXT_RESPONSE_RANGE, problems);
    check(resolution, SlaWords.RESOLUTION_RANGE, problems);
    return problems;
  }

  private static void check(Integer minutes, SlaWords range, List<Wording> problems) {
    if (minutes != null && (minutes < 1 || minutes > MINUTES_MAX)) {
      problems.add(range.with(MINUTES_MAX));
    }
  }

  public boolean hasTargets() {
    return firstResponseMinutes != null || nextResponseMinutes != null || resolutionMinutes != null;
  }

  public Duration firstResponse() {
    return firstResponseMinutes == null ? null : Duration.ofMinutes(firstResponseMinutes);
  }

  public Duration nextResponse() {
    return nextResponseMinutes == null ? null : Duration.ofMinutes(nextResponseMinutes);
  }

  public Duration resolution() {
    return resolutionMinutes == null ? null : Duration.ofMinutes(resolutionMinutes);
  }

  public Long getId() {
    return id;
  }

  public Long getTeamId() {
    return teamId;
  }

  public Integer getFirstResponseMinutes() {
    return firstResponseMinutes;
  }

  public Integer getNextResponseMinutes() {
    return nextResponseMinutes;
  }

  public Integer getResolutionMinutes() {
    return resolutionMinutes;
  }

  public boolean isBusinessHours() {
    return businessHours;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
