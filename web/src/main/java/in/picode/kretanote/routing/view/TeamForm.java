package in.picode.kretanote.routing.view;

import in.picode.kretanote.routing.boundary.Teams;
import in.picode.kretanote.routing.entity.AssignmentMode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What the team form holds: for a new team, or the team being edited. */
public class TeamForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String name;
  private String description;
  private List<Long> memberIds = new ArrayList<>();
  private AssignmentMode mode = AssignmentMode.OFF;
  private Integer capacity = 10;

  void fill(Teams.TeamView row) {
    name = row.team().getName();
    description = row.team().getDescription();
    memberIds = new ArrayList<>(row.memberIds());
    mode = row.team().getMode();
    capacity = row.team().getCapacity();
  }

  void clear() {
    name = null;
    description = null;
    memberIds = new ArrayList<>();
    mode = AssignmentMode.OFF;
    capacity = 10;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<Long> getMemberIds() {
    return memberIds;
  }

  public void setMemberIds(List<Long> memberIds) {
    this.memberIds = memberIds;
  }

  public AssignmentMode getMode() {
    return mode;
  }

  public void setMode(AssignmentMode mode) {
    this.mode = mode;
  }

  public Integer getCapacity() {
    return capacity;
  }

  public void setCapacity(Integer capacity) {
    this.capacity = capacity;
  }
}
